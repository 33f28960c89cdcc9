// Per-test PostgreSQL databases; see pg_test_database.hpp.
#include "pg_test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace caretoolkit::testing {

namespace {

const char* backend_uri_file() {
  return std::getenv("CARETOOLKIT_TEST_BACKEND_URI_FILE");
}

}  // namespace

bool stores_on_postgresql() {
  return backend_uri_file() != nullptr;
}

std::string pg_cluster_uri() {
  if (const char* uri = std::getenv("CARETOOLKIT_TEST_PG_URI"); uri != nullptr && *uri != '\0') {
    return uri;
  }
  std::string uri;
  const char* file = std::getenv("CARETOOLKIT_TEST_PG_URI_FILE");
  if (file == nullptr) file = backend_uri_file();
  if (file != nullptr) {
    std::ifstream in(file);
    std::getline(in, uri);
  }
  if (uri.empty()) {
    throw std::runtime_error(
        "no PostgreSQL test cluster: run these tests through CTest, which starts one, or as "
        "tests/support/pg-cluster run <test binary>");
  }
  return uri;
}

PgTestDatabase::PgTestDatabase() : cluster_uri_(pg_cluster_uri()) {
  static std::atomic<int> counter = 0;
  name_ = "ctk_test_";
  name_ += std::to_string(::getpid());
  name_ += '_';
  name_ += std::to_string(counter++);
  pg::Connection admin(cluster_uri_);
  // A database name cannot be a bound parameter; this one is ours and quoted anyway.
  admin.exec("DROP DATABASE IF EXISTS " + admin.quote_identifier(name_) + " WITH (FORCE)");
  admin.exec("CREATE DATABASE " + admin.quote_identifier(name_));
}

PgTestDatabase::~PgTestDatabase() {
  try {
    pg::Connection admin(cluster_uri_);
    admin.exec("DROP DATABASE IF EXISTS " + admin.quote_identifier(name_) + " WITH (FORCE)");
  } catch (...) {  // NOLINT(bugprone-empty-catch): the cluster is removed after the run anyway
  }
}

std::string PgTestDatabase::uri() const {
  return pg::with_database(cluster_uri_, name_);
}

TestStoreLocation::TestStoreLocation(const std::filesystem::path& file) {
  if (stores_on_postgresql()) {
    database_ = std::make_unique<PgTestDatabase>();
    location_ = database_->uri();
  } else {
    location_ = file.string();
  }
}

}  // namespace caretoolkit::testing
