// COPY FROM STDIN in the text format; see copy_in.hpp.
#include "pg/copy_in.hpp"

#include "pg/database_error.hpp"

namespace caretoolkit::pg {

namespace {

// Rows are sent in chunks of about this size: large enough that the calls cost nothing, small
// enough that a large load does not sit in memory.
constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;

// The text format's escapes: a backslash, and the characters that would end a field or a row.
void append_text(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

// bytea's hex input form, "\x0a1b...", with its backslash escaped for the text format.
void append_bytes(std::string& out, std::string_view bytes) {
  constexpr char kDigits[] = "0123456789abcdef";
  out += "\\\\x";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0f];
  }
}

}  // namespace

CopyIn::CopyIn(Connection& connection, std::string_view copy_sql) : connection_(connection) {
  connection_.checked(PQexec(connection_.handle(), std::string(copy_sql).c_str()), PGRES_COPY_IN);
}

CopyIn::~CopyIn() {
  if (!open_ || !connection_.healthy()) return;
  if (PQputCopyEnd(connection_.handle(), "the load was cancelled") == 1) {
    while (PGresult* result = PQgetResult(connection_.handle())) PQclear(result);
  }
}

void CopyIn::row(std::initializer_list<Param> values) {
  row(std::span<const Param>(values.begin(), values.size()));
}

void CopyIn::row(std::span<const Param> values) {
  bool first = true;
  for (const Param& value : values) {
    if (!first) buffer_ += '\t';
    first = false;
    if (value.is_null()) {
      buffer_ += "\\N";
    } else if (value.is_binary()) {
      append_bytes(buffer_, value.value());
    } else {
      append_text(buffer_, value.value());
    }
  }
  buffer_ += '\n';
  if (buffer_.size() >= kChunkBytes) flush();
}

void CopyIn::flush() {
  if (buffer_.empty()) return;
  // PQputCopyData fails only when the connection does; the server's own refusal of a row comes
  // back from finish().
  if (PQputCopyData(connection_.handle(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    open_ = false;
    end_result();
  }
  buffer_.clear();
}

Result CopyIn::end_result() {
  // The COPY's result, then a null that ends the command: both must be read before the
  // connection takes another statement, whether the COPY succeeded or not.
  PGresult* result = PQgetResult(connection_.handle());
  while (PGresult* extra = PQgetResult(connection_.handle())) PQclear(extra);
  return connection_.checked(result);
}

std::int64_t CopyIn::finish() {
  flush();
  open_ = false;
  if (PQputCopyEnd(connection_.handle(), nullptr) != 1) connection_.checked(nullptr);
  return end_result().affected_rows();
}

}  // namespace caretoolkit::pg
