// In-memory static pages; see static_files.hpp.
#include "static_files.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "problem.hpp"

namespace caretoolkit::server {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

// A strong ETag: the first 128 bits of the content's SHA-256, in hex.
std::string etag_for(std::string_view body) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(body.data(), body.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string etag = "\"";
  for (unsigned int i = 0; i < 16 && i < length; ++i) {
    etag += kHex[digest[i] >> 4];
    etag += kHex[digest[i] & 0xF];
  }
  etag += '"';
  return etag;
}

bool is_inside(const fs::path& candidate, const fs::path& root) {
  const auto [root_end, unused] =
      std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  return root_end == root.end();
}

// True when If-None-Match lists `etag` (or is "*").
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match == "*") return true;
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    std::size_t comma = if_none_match.find(',', start);
    if (comma == std::string_view::npos) comma = if_none_match.size();
    std::string_view candidate = if_none_match.substr(start, comma - start);
    while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == etag) return true;
    start = comma + 1;
  }
  return false;
}

}  // namespace

std::string_view media_type_for(std::string_view file_name) {
  struct Entry {
    std::string_view extension;
    std::string_view type;
  };
  static constexpr Entry kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
  };
  for (const auto& entry : kTypes) {
    if (file_name.size() >= entry.extension.size() &&
        file_name.substr(file_name.size() - entry.extension.size()) == entry.extension) {
      return entry.type;
    }
  }
  return "application/octet-stream";
}

void StaticFiles::load_directory(const fs::path& root) {
  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  if (ec || !fs::is_directory(canonical_root)) {
    throw Error(ErrorCode::kInvalid,
                "the content folder '" + root.string() + "' does not exist or is not a folder",
                "--content");
  }
  for (auto it = fs::recursive_directory_iterator(canonical_root,
                                                  fs::directory_options::skip_permission_denied);
       it != fs::recursive_directory_iterator(); ++it) {
    const fs::path& path = it->path();
    if (path.filename().string().starts_with(".")) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    const fs::path target = fs::weakly_canonical(path, ec);
    if (ec || !is_inside(target, canonical_root)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;  // a symbolic link that leaves the content folder
    }
    if (!fs::is_regular_file(target)) continue;
    std::string url = "/";
    url += fs::relative(path, canonical_root).generic_string();
    add_file(url, target);
  }
}

bool StaticFiles::add_file(const std::string& url_path, const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return false;
  File entry;
  entry.body = read_file(file);
  entry.content_type = std::string(media_type_for(file.filename().string()));
  entry.etag = etag_for(entry.body);
  files_.insert_or_assign(url_path, std::move(entry));
  return true;
}

const StaticFiles::File* StaticFiles::find(std::string_view url_path) const {
  std::string key(url_path);
  if (key.empty() || key.back() == '/') key += "index.html";
  if (auto it = files_.find(key); it != files_.end()) return &it->second;
  if (auto it = files_.find(key + ".html"); it != files_.end()) return &it->second;
  return nullptr;
}

Response StaticFiles::not_found(const Request& request) const {
  const auto page = files_.find(std::string(kNotFoundPage));
  if (page == files_.end()) {
    return problem(404, "not-found", "There is no page at " + request.path + ".");
  }
  Response response;
  response.status = 404;
  response.content_type = page->second.content_type;
  response.body = page->second.body;
  response.set_header("Cache-Control", "no-cache");
  return response;
}

bool StaticFiles::contains(std::string_view url_path) const {
  return find(url_path) != nullptr;
}

Response StaticFiles::serve(const Request& request) const {
  const File* file = find(request.path);
  // The page for a missing page is never found: its own address gets it with 404 too.
  if (file == nullptr || file == find(kNotFoundPage)) return not_found(request);
  Response response;
  response.set_header("ETag", file->etag);
  // Pages change with each release: let browsers keep them but revalidate (a cheap 304).
  response.set_header("Cache-Control", "no-cache");
  if (auto if_none_match = request.header("If-None-Match");
      if_none_match && etag_matches(*if_none_match, file->etag)) {
    response.status = 304;
    return response;
  }
  response.status = 200;
  response.content_type = file->content_type;
  response.body = file->body;
  return response;
}

}  // namespace caretoolkit::server
