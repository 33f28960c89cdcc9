// Shared fixtures for the tracker tests: a scratch folder per test and a Store whose "today" is
// fixed, so that dates in the tests never drift into the future.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "pg_test_database.hpp"
#include "tracker/store.hpp"

namespace caretoolkit::tracker::testing {

inline Date day(std::string_view text) {
  return *Date::parse(text);
}

// The day every test Store takes as today.
inline const Date kToday = day("2026-06-30");

// A fresh folder under the build tree, removed with its contents at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    std::random_device random;
    // (Appending to a std::string, not "t" + std::to_string(...), which trips GCC 12's -Wrestrict.)
    std::string name = "t";
    name += std::to_string(random());
    name += std::to_string(random());
    path_ = std::filesystem::path(CARETOOLKIT_BINARY_DIR) / "tracker-test-scratch" / name;
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::filesystem::path file(std::string_view name) const { return path_ / name; }

  // Where a test's store named `name` lives: the file of that name here, or, when the suite runs
  // on PostgreSQL (stores_on_postgresql()), a database of its own on the test cluster, dropped
  // with this folder.
  std::string store_location(std::string_view name) {
    return stores_
        .emplace_back(std::make_unique<caretoolkit::testing::TestStoreLocation>(file(name)))
        ->location();
  }

 private:
  std::filesystem::path path_;
  std::vector<std::unique_ptr<caretoolkit::testing::TestStoreLocation>> stores_;
};

inline StoreOptions fixed_today(Date today = kToday) {
  StoreOptions options;
  options.today = [today] { return today; };
  return options;
}

// A store in its own scratch folder.
struct StoreFixture {
  ScratchDir dir;
  Store store{dir.store_location("tracker.db"), fixed_today()};
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs `action`, which must throw caretoolkit::Error, and returns the error for inspection.
template <class Action>
Error error_from(Action&& action) {
  try {
    action();
  } catch (const Error& error) {
    return error;
  }
  FAIL("expected a caretoolkit::Error");
  return {ErrorCode::kInvalid, "unreachable"};
}

}  // namespace caretoolkit::tracker::testing
