// The write side of a CSV import; see import_writer.hpp.
#include "tracker/import_writer.hpp"

#include "pg/copy_in.hpp"
#include "tracker/pg/pg_connection.hpp"

namespace caretoolkit::tracker {

ImportWriter::ImportWriter(Connection& connection) : connection_(connection) {}

ImportWriter::~ImportWriter() = default;

Connection& ImportWriter::connection() {
  if (copy_) {
    // Released first, so that a load the server refused is not cancelled again on the way out.
    const std::unique_ptr<caretoolkit::pg::CopyIn> copy = std::move(copy_);
    copy->finish();
  }
  return connection_;
}

caretoolkit::pg::CopyIn& ImportWriter::copy(const std::string& copy_sql) {
  if (copy_ && copy_sql_ == copy_sql) return *copy_;
  connection();
  copy_ = std::make_unique<caretoolkit::pg::CopyIn>(pg::postgresql(connection_).raw(), copy_sql);
  copy_sql_ = copy_sql;
  return *copy_;
}

}  // namespace caretoolkit::tracker
