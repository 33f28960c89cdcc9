// PostgreSQL connections and statements; see pg_connection.hpp.
#include "tracker/pg/pg_connection.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <chrono>
#include <cstring>
#include <stdexcept>

#include "pg/database_error.hpp"
#include "pg/transaction.hpp"

namespace caretoolkit::tracker::pg {

namespace {

using caretoolkit::pg::Bytes;
using caretoolkit::pg::Param;

// pg_type's oids of the types read here.
constexpr unsigned kBooleanType = 16;
constexpr unsigned kByteaType = 17;
constexpr unsigned kInt8Type = 20;
constexpr unsigned kInt2Type = 21;
constexpr unsigned kInt4Type = 23;
constexpr unsigned kTextType = 25;
constexpr unsigned kFloat8Type = 701;
constexpr unsigned kVarcharType = 1043;
constexpr unsigned kDateType = 1082;

bool has_binary_reader(unsigned type) {
  switch (type) {
    case kBooleanType:
    case kByteaType:
    case kInt8Type:
    case kInt2Type:
    case kInt4Type:
    case kTextType:
    case kFloat8Type:
    case kVarcharType:
    case kDateType:
      return true;
    default:
      return false;
  }
}

bool is_text_type(unsigned type) {
  return type == kTextType || type == kVarcharType || type == kByteaType;
}

// An integer sent in binary form: 8, 4 or 2 bytes, most significant first.
std::int64_t big_endian(std::string_view bytes) {
  switch (bytes.size()) {
    case 8: {
      std::uint64_t value = 0;
      std::memcpy(&value, bytes.data(), 8);
      return static_cast<std::int64_t>(__builtin_bswap64(value));
    }
    case 4: {
      std::uint32_t value = 0;
      std::memcpy(&value, bytes.data(), 4);
      return static_cast<std::int32_t>(__builtin_bswap32(value));
    }
    case 2: {
      std::uint16_t value = 0;
      std::memcpy(&value, bytes.data(), 2);
      return static_cast<std::int16_t>(__builtin_bswap16(value));
    }
    default:
      throw std::runtime_error("the database sent an integer of " + std::to_string(bytes.size()) +
                               " bytes");
  }
}

// A date sent in binary form: days since 2000-01-01.
Date binary_date(std::string_view bytes) {
  constexpr std::chrono::sys_days kEpoch{std::chrono::days(10957)};  // 2000-01-01
  return Date(kEpoch + std::chrono::days(big_endian(bytes)));
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// True when `text` ends with the word `word` (ASCII case ignored) and white space after it; the
// word is then removed from `text`, with that space.
bool take_last_word(std::string& text, std::string_view word) {
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
  if (end == text.size() || end < word.size()) return false;
  const std::size_t start = end - word.size();
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((text[start + i] | 0x20) != (word[i] | 0x20)) return false;
  }
  if (start > 0 && is_word_char(text[start - 1])) return false;
  text.resize(start);
  return true;
}

// SQLite's NULL-safe "IS ?" and "IS NOT ?", just written to `out`, in PostgreSQL's words.
void rewrite_null_safe_comparison(std::string& out) {
  std::string before = out;
  if (take_last_word(before, "NOT") && take_last_word(before, "IS")) {
    out = before + "IS DISTINCT FROM ";
    return;
  }
  before = out;
  if (take_last_word(before, "IS")) out = before + "IS NOT DISTINCT FROM ";
}

// "x COLLATE NOCASE", just read at `sql[i]` after `x` was written to `out`: x, a column or a
// parameter, becomes ascii_casefold(x), which folds ASCII letters as SQLite's NOCASE does.
bool rewrite_nocase(std::string_view sql, std::size_t& i, std::string& out) {
  constexpr std::string_view kNocase = "COLLATE NOCASE";
  if (sql.size() - i < kNocase.size()) return false;
  for (std::size_t k = 0; k < kNocase.size(); ++k) {
    if ((sql[i + k] | 0x20) != (kNocase[k] | 0x20)) return false;
  }
  std::size_t end = out.size();
  while (end > 0 && out[end - 1] == ' ') --end;
  std::size_t start = end;
  while (start > 0 &&
         (is_word_char(out[start - 1]) || out[start - 1] == '.' || out[start - 1] == '$')) {
    --start;
  }
  if (start == end) throw std::logic_error("COLLATE NOCASE must follow a column or a parameter");
  out = out.substr(0, start) + "ascii_casefold(" + out.substr(start, end - start) + ")";
  i += kNocase.size() - 1;
  return true;
}

// True when `sql` holds, at `i`, "max(" with two or more arguments: SQLite's scalar max, which
// PostgreSQL calls greatest (its max takes one, as an aggregate).
bool is_scalar_max(std::string_view sql, std::size_t i) {
  constexpr std::string_view kMax = "max(";
  if (sql.size() - i < kMax.size()) return false;
  for (std::size_t k = 0; k < kMax.size(); ++k) {
    if ((sql[i + k] | 0x20) != kMax[k]) return false;
  }
  int depth = 0;
  for (std::size_t k = i + kMax.size(); k < sql.size(); ++k) {
    if (sql[k] == '(') ++depth;
    if (sql[k] == ')' && depth-- == 0) return false;
    if (sql[k] == ',' && depth == 0) return true;
  }
  return false;
}

}  // namespace

PostgresqlSql to_postgresql(std::string_view sql) {
  PostgresqlSql result;
  result.text.reserve(sql.size() + 16);
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted name, copied whole
      const std::size_t close = sql.find(c, i + 1);
      const std::size_t end = close == std::string_view::npos ? sql.size() : close + 1;
      result.text.append(sql.substr(i, end - i));
      i = end - 1;
      continue;
    }
    const bool word_start = i == 0 || !is_word_char(sql[i - 1]);
    if ((c == 'C' || c == 'c') && word_start && rewrite_nocase(sql, i, result.text)) continue;
    if ((c == 'M' || c == 'm') && word_start && is_scalar_max(sql, i)) {
      result.text += "greatest";
      i += 2;
      continue;
    }
    if (c != '?') {
      result.text.push_back(c);
      continue;
    }
    std::size_t digits = i + 1;
    while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
    int number = result.parameters + 1;
    if (digits > i + 1) std::from_chars(sql.data() + i + 1, sql.data() + digits, number);
    if (number > result.parameters) result.parameters = number;
    rewrite_null_safe_comparison(result.text);
    result.text.push_back('$');
    result.text.append(std::to_string(number));
    i = digits - 1;
  }
  return result;
}

PgStatement::PgStatement(caretoolkit::pg::Connection& connection, std::string name,
                         std::string_view sql)
    : connection_(connection), name_(std::move(name)), sql_(to_postgresql(sql)) {
  params_.assign(static_cast<std::size_t>(sql_.parameters), Param(std::nullopt));
}

Param& PgStatement::parameter(int index) {
  if (index < 1 || index > sql_.parameters) {
    throw std::out_of_range("no parameter " + std::to_string(index) + " in " + sql_.text);
  }
  return params_[static_cast<std::size_t>(index - 1)];
}

void PgStatement::bind(int index, std::int64_t value) {
  parameter(index) = Param(value);
}
void PgStatement::bind(int index, double value) {
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  parameter(index) = Param(std::string(text, end));
}
void PgStatement::bind(int index, const std::string& text) {
  parameter(index) = Param(text);
}
void PgStatement::bind(int index, const void* blob, int size) {
  parameter(index) =
      Param(Bytes{std::string(static_cast<const char*>(blob), static_cast<std::size_t>(size))});
}
void PgStatement::bind(int index) {
  parameter(index) = Param(std::nullopt);
}

void PgStatement::prepare() {
  if (prepared_) return;
  const caretoolkit::pg::Result description = connection_.prepare(name_, sql_.text);
  types_.clear();
  for (int column = 0; column < description.columns(); ++column) {
    types_.push_back(PQftype(description.handle(), column));
  }
  binary_ = !types_.empty() && std::all_of(types_.begin(), types_.end(), has_binary_reader);
  rendered_.assign(types_.size(), std::string());
  cells_.assign(binary_ ? types_.size() : 0, Cell{});
  prepared_ = true;
}

caretoolkit::pg::Connection::PreparedRun PgStatement::prepared_run() {
  prepare();
  return {.name = name_, .params = params_, .binary = binary_};
}

void PgStatement::take(caretoolkit::pg::Result rows) {
  result_.emplace(std::move(rows));
  row_ = -1;
}

void PgStatement::run() {
  const auto call = prepared_run();
  take(connection_.exec_prepared(call.name, call.params, call.binary));
}

std::string_view PgStatement::rendered(int index) const {
  std::string& out = rendered_[static_cast<std::size_t>(index)];
  const unsigned type = types_[static_cast<std::size_t>(index)];
  if (type == kDateType) {
    out = binary_date(rows().text(row_, index)).to_string();
  } else if (type == kFloat8Type) {
    out = std::to_string(double_at(index));
  } else {
    out = std::to_string(int64_at(index));
  }
  return out;
}

bool PgStatement::executeStep() {
  if (!result_) run();
  if (row_ < result_->rows()) ++row_;
  if (row_ >= result_->rows()) return false;
  if (binary_) read_cells();
  return true;
}

void PgStatement::read_cells() {
  PGresult* const result = result_->handle();
  for (std::size_t column = 0; column < cells_.size(); ++column) {
    const int index = static_cast<int>(column);
    const int length = PQgetlength(result, row_, index);
    // Only a value of no bytes can be NULL: no other needs the third call.
    const bool null = length == 0 && PQgetisnull(result, row_, index) == 1;
    cells_[column] = {PQgetvalue(result, row_, index), null ? -1 : length};
  }
}

int PgStatement::exec() {
  run();
  return static_cast<int>(result_->affected_rows());
}

void PgStatement::reset() {
  result_.reset();
  row_ = -1;
}

void PgStatement::clearBindings() {
  for (Param& param : params_) param = Param(std::nullopt);
}

const caretoolkit::pg::Result& PgStatement::rows() const {
  if (!result_ || row_ < 0 || row_ >= result_->rows()) {
    throw std::logic_error("no current row of " + sql_.text);
  }
  return *result_;
}

int PgStatement::getColumnCount() const {
  return result_ ? result_->columns() : 0;
}

bool PgStatement::is_null(int index) const {
  if (binary_) return cell(index).length < 0;
  return rows().is_null(row_, index);
}

std::int64_t PgStatement::int64_at(int index) const {
  if (binary_) {
    const Cell& value = cell(index);
    if (value.length < 0) return 0;
    const std::string_view text(value.data, static_cast<std::size_t>(value.length));
    const unsigned type = types_[static_cast<std::size_t>(index)];
    if (type == kInt8Type || type == kInt4Type || type == kInt2Type) return big_endian(text);
    if (type == kBooleanType) return text.front() != 0 ? 1 : 0;
    throw std::logic_error(std::string("column ") + name_at(index) + " is not an integer");
  }
  const auto& result = rows();
  const std::string_view text = result.text(row_, index);
  std::int64_t value = 0;
  // Most columns read are integers: read them straight from their text.
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc() && end == text.data() + text.size()) return value;
  if (result.is_null(row_, index)) return 0;
  if (PQftype(result.handle(), index) == kBooleanType) {
    return result[row_].get<bool>(index) ? 1 : 0;
  }
  return result[row_].get<std::int64_t>(index);
}

double PgStatement::double_at(int index) const {
  const auto& result = rows();
  if (result.is_null(row_, index)) return 0;
  if (binary_) {
    if (types_[static_cast<std::size_t>(index)] != kFloat8Type) {
      return static_cast<double>(int64_at(index));
    }
    return std::bit_cast<double>(big_endian(result.text(row_, index)));
  }
  return result[row_].get<double>(index);
}

std::string_view PgStatement::text_at(int index) const {
  const auto& result = rows();
  if (!binary_ || result.is_null(row_, index) ||
      is_text_type(types_[static_cast<std::size_t>(index)])) {
    return result.text(row_, index);
  }
  return rendered(index);
}

std::string_view PgStatement::blob_at(int index) const {
  const auto& result = rows();
  if (binary_ || result.is_null(row_, index) || PQftype(result.handle(), index) != kByteaType) {
    return text_at(index);
  }
  blob_ = result[row_].get<Bytes>(index).value;
  return blob_;
}

int PgStatement::bytes_at(int index) const {
  const auto& result = rows();
  if (binary_) return static_cast<int>(text_at(index).size());
  const std::size_t size = result.text(row_, index).size();
  // bytea's hex form: "\x" and two digits a byte.
  if (PQftype(result.handle(), index) == kByteaType && size >= 2) {
    return static_cast<int>((size - 2) / 2);
  }
  return static_cast<int>(size);
}

std::optional<Date> PgStatement::date_at(int index) const {
  if (binary_ && types_[static_cast<std::size_t>(index)] == kDateType) {
    const Cell& value = cell(index);
    if (value.length < 0) return std::nullopt;
    return binary_date(std::string_view(value.data, static_cast<std::size_t>(value.length)));
  }
  if (rows().is_null(row_, index)) return std::nullopt;
  return Date::parse(text_at(index));
}

const char* PgStatement::name_at(int index) const {
  return PQfname(rows().handle(), index);
}

PgConnection::PgConnection(std::string_view uri, std::chrono::milliseconds lock_wait)
    : connection_(uri), lock_wait_(lock_wait) {}

Statement& PgConnection::statement(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    std::string name = std::to_string(statements_.size() + 1);
    name.insert(name.begin(), 's');
    auto statement = std::make_unique<PgStatement>(connection_, std::move(name), sql);
    found = statements_.emplace(sql, std::move(statement)).first;
  } else {
    found->second->reset();
    found->second->clearBindings();
  }
  return *found->second;
}

void PgConnection::run_together(std::span<Statement* const> statements) {
  std::vector<PgStatement*> ours;
  std::vector<caretoolkit::pg::Connection::PreparedRun> runs;
  for (Statement* statement : statements) {
    auto* found = dynamic_cast<PgStatement*>(statement);
    if (found == nullptr) throw std::logic_error("a statement of another connection");
    ours.push_back(found);
    runs.push_back(found->prepared_run());
  }
  std::vector<caretoolkit::pg::Result> results = connection_.exec_prepared_together(runs);
  for (std::size_t i = 0; i < ours.size(); ++i) ours[i]->take(std::move(results[i]));
}

void PgConnection::begin(Mode mode) {
  if (!connection_.healthy()) reconnect();
  try {
    start(mode);
  } catch (const caretoolkit::pg::DatabaseError& error) {
    // A server gone since the last transaction shows only now; nothing was done yet, so connect
    // again and begin once more.
    if (error.failure() != caretoolkit::pg::Failure::kConnection) throw;
    reconnect();
    start(mode);
  }
}

void PgConnection::start(Mode mode) {
  if (mode == Mode::kReader) {
    connection_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return;
  }
  connection_.exec("BEGIN ISOLATION LEVEL READ COMMITTED");
  connection_.exec("SELECT set_config('lock_timeout', $1, true)",
                   {std::to_string(lock_wait_.count()) + "ms"});
  connection_.exec("SELECT pg_advisory_xact_lock($1)", {kWriteLock});
}

void PgConnection::commit() {
  connection_.exec("COMMIT");
}

void PgConnection::reconnect() {
  statements_.clear();  // prepared in the session that has gone
  connection_.reconnect();
}

std::string PgConnection::pin_snapshot() {
  return connection_.exec("SELECT pg_export_snapshot()").single().get<std::string>(0);
}

void PgConnection::join_snapshot(const std::string& name) {
  // SET TRANSACTION takes no parameters; the name is the server's own, quoted as a literal.
  connection_.exec_script("SET TRANSACTION SNAPSHOT " + connection_.quote_literal(name));
}

void PgConnection::abandon() noexcept {
  reset_statements();
  if (PQtransactionStatus(connection_.handle()) == PQTRANS_IDLE) return;
  PGresult* result = PQexec(connection_.handle(), "ROLLBACK");
  PQclear(result);
}

void PgConnection::reset_statements() noexcept {
  for (auto& [sql, statement] : statements_) statement->reset();
}

bool PgConnection::idle() const noexcept {
  return PQtransactionStatus(connection_.handle()) == PQTRANS_IDLE;
}

PgConnection& postgresql(tracker::Connection& connection) {
  auto* found = dynamic_cast<PgConnection*>(&connection);
  if (found == nullptr) throw std::logic_error("a PostgreSQL connection was expected");
  return *found;
}

}  // namespace caretoolkit::tracker::pg
