// A main() for the fuzz targets built without libFuzzer (g++, the normal test builds): it feeds
// every file of the folders or files named on the command line through LLVMFuzzerTestOneInput, in
// name order, so that the seed corpora and every crash ever found run as regression tests under
// the sanitizers. (The pattern of fmt's test/fuzzing/main.cc.)
//
//   fuzz_<target> [--optional] PATH...
//
// Exit status 0 when every input ran; 2 when a path is missing or a required folder is empty (a
// corpus that silently vanished must not pass). Paths after --optional may be missing or empty:
// the regression folders only exist once a crash has been found. A failing input aborts the
// process, after its name has been printed.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_in(const fs::path& path) {
  std::vector<fs::path> files;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::directory_iterator(path)) {
      if (entry.is_regular_file() && entry.path().filename().string().front() != '.') {
        files.push_back(entry.path());
      }
    }
  } else if (fs::is_regular_file(path)) {
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::fprintf(stderr, "input %s (%zu bytes)\n", file.c_str(), bytes.size());
  // A copy of exactly `size` bytes, so that AddressSanitizer sees any read past the end.
  std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(data.data(), data.size());
}

}  // namespace

int main(int argc, char** argv) {
  bool optional = false;
  std::size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--optional") {
      optional = true;
      continue;
    }
    const auto files = inputs_in(argument);
    if (files.empty() && !optional) {
      std::fprintf(stderr, "no inputs in %s\n", argument.c_str());
      return 2;
    }
    for (const auto& file : files) replay(file);
    std::printf("%zu inputs from %s\n", files.size(), argument.c_str());
    total += files.size();
  }
  std::printf("replayed %zu inputs\n", total);
  return 0;
}
