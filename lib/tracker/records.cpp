// Row mappings and the shared record operations; see records.hpp.
#include "tracker/records.hpp"

#include <charconv>
#include <limits>

#include "tracker/encoding.hpp"

namespace caretoolkit::tracker::records {

using sql::read_optional_date;
using sql::read_optional_id;
using sql::read_text;

Service Table<Service>::read(Statement& row) {
  return Service{.id = row.getColumn(0).getInt64(),
                 .provider_id = row.getColumn(1).getInt64(),
                 .name = std::string(read_text(row.getColumn(2))),
                 .type = sql::read_service_type(row.getColumn(3))};
}

void Table<Service>::bind(Statement& statement, const Service& service) {
  statement.bind(1, static_cast<std::int64_t>(service.provider_id));
  statement.bind(2, service.name);
  sql::bind_text(statement, 3, to_string(service.type));
}

Source Table<Source>::read(Statement& row) {
  return Source{.id = row.getColumn(0).getInt64(),
                .provider_id = row.getColumn(1).getInt64(),
                .name = std::string(read_text(row.getColumn(2))),
                .channel = sql::read_channel(row.getColumn(3)),
                .channel_known = row.getColumn(4).getInt() != 0};
}

void Table<Source>::bind(Statement& statement, const Source& source) {
  statement.bind(1, static_cast<std::int64_t>(source.provider_id));
  statement.bind(2, source.name);
  sql::bind_text(statement, 3, to_string(source.channel));
  statement.bind(4, source.channel_known ? 1 : 0);
}

SpendEntry Table<SpendEntry>::read(Statement& row) {
  return SpendEntry{.id = row.getColumn(0).getInt64(),
                    .provider_id = row.getColumn(1).getInt64(),
                    .source_id = row.getColumn(2).getInt64(),
                    .date = sql::read_date(row.getColumn(3)),
                    .amount = Pence{row.getColumn(4).getInt64()},
                    .note = std::string(read_text(row.getColumn(5)))};
}

void Table<SpendEntry>::bind(Statement& statement, const SpendEntry& entry) {
  statement.bind(1, static_cast<std::int64_t>(entry.provider_id));
  statement.bind(2, static_cast<std::int64_t>(entry.source_id));
  sql::bind(statement, 3, entry.date);
  statement.bind(4, static_cast<std::int64_t>(entry.amount.value));
  statement.bind(5, entry.note);
}

namespace {

std::optional<Pence> read_optional_pence(const Column& column) {
  if (column.isNull()) return std::nullopt;
  return Pence{column.getInt64()};
}

void bind_optional_pence(Statement& statement, int index, std::optional<Pence> amount) {
  if (amount) {
    statement.bind(index, static_cast<std::int64_t>(amount->value));
  } else {
    statement.bind(index);
  }
}

// An enumeration stored by its canonical name; a name the schema's checks would refuse means a
// damaged file.
template <class Enum>
Enum read_named(const Column& column, std::optional<Enum> (*parse)(std::string_view)) {
  if (auto value = parse(read_text(column))) return *value;
  throw std::runtime_error("unexpected value in column " + std::string(column.getName()));
}

// The advert particulars, columns 8 to 21 of a vacancy row.
void read_particulars(Statement& row, Vacancy& vacancy) {
  vacancy.status = read_named(row.getColumn(8), parse_vacancy_status);
  vacancy.town = std::string(read_text(row.getColumn(9)));
  vacancy.postcode_district = std::string(read_text(row.getColumn(10)));
  vacancy.pay_min = read_optional_pence(row.getColumn(11));
  vacancy.pay_max = read_optional_pence(row.getColumn(12));
  vacancy.pay_period = read_named(row.getColumn(13), parse_pay_period);
  if (!row.getColumn(14).isNull()) vacancy.hours_per_week = row.getColumn(14).getDouble();
  if (!row.getColumn(15).isNull()) {
    vacancy.employment_type = read_named(row.getColumn(15), parse_employment_type);
  }
  vacancy.closing_on = read_optional_date(row.getColumn(16));
  vacancy.apply_url = std::string(read_text(row.getColumn(17)));
  vacancy.apply_phone = std::string(read_text(row.getColumn(18)));
  vacancy.apply_email = std::string(read_text(row.getColumn(19)));
  vacancy.published_on = read_optional_date(row.getColumn(20));
  vacancy.live_version = sql::read_optional_int(row.getColumn(21));
}

void bind_particulars(Statement& statement, const Vacancy& vacancy) {
  sql::bind_text(statement, 8, to_string(vacancy.status));
  statement.bind(9, vacancy.town);
  statement.bind(10, vacancy.postcode_district);
  bind_optional_pence(statement, 11, vacancy.pay_min);
  bind_optional_pence(statement, 12, vacancy.pay_max);
  sql::bind_text(statement, 13, to_string(vacancy.pay_period));
  if (vacancy.hours_per_week) {
    statement.bind(14, *vacancy.hours_per_week);
  } else {
    statement.bind(14);
  }
  if (vacancy.employment_type) {
    sql::bind_text(statement, 15, to_string(*vacancy.employment_type));
  } else {
    statement.bind(15);
  }
  sql::bind(statement, 16, vacancy.closing_on);
  statement.bind(17, vacancy.apply_url);
  statement.bind(18, vacancy.apply_phone);
  statement.bind(19, vacancy.apply_email);
  sql::bind(statement, 20, vacancy.published_on);
  sql::bind(statement, 21, vacancy.live_version);
}

}  // namespace

Vacancy Table<Vacancy>::read(Statement& row) {
  Vacancy vacancy;
  vacancy.id = row.getColumn(0).getInt64();
  vacancy.provider_id = row.getColumn(1).getInt64();
  vacancy.role = std::string(read_text(row.getColumn(2)));
  vacancy.service_id = read_optional_id(row.getColumn(3));
  vacancy.opened_on = sql::read_date(row.getColumn(4));
  vacancy.closed_on = read_optional_date(row.getColumn(5));
  if (!row.getColumn(6).isNull()) vacancy.advert_text = std::string(read_text(row.getColumn(6)));
  vacancy.advert_score = sql::read_optional_int(row.getColumn(7));
  read_particulars(row, vacancy);
  return vacancy;
}

void Table<Vacancy>::bind(Statement& statement, const Vacancy& vacancy) {
  statement.bind(1, static_cast<std::int64_t>(vacancy.provider_id));
  statement.bind(2, vacancy.role);
  sql::bind(statement, 3, vacancy.service_id);
  sql::bind(statement, 4, vacancy.opened_on);
  sql::bind(statement, 5, vacancy.closed_on);
  if (vacancy.advert_text) {
    statement.bind(6, *vacancy.advert_text);
  } else {
    statement.bind(6);
  }
  sql::bind(statement, 7, vacancy.advert_score);
  bind_particulars(statement, vacancy);
}

HeadcountSnapshot Table<HeadcountSnapshot>::read(Statement& row) {
  return HeadcountSnapshot{.id = row.getColumn(0).getInt64(),
                           .provider_id = row.getColumn(1).getInt64(),
                           .date = sql::read_date(row.getColumn(2)),
                           .service_id = read_optional_id(row.getColumn(3)),
                           .staff = row.getColumn(4).getInt(),
                           .vacancies = row.getColumn(5).getInt(),
                           .leavers = sql::read_optional_int(row.getColumn(6))};
}

void Table<HeadcountSnapshot>::bind(Statement& statement, const HeadcountSnapshot& s) {
  statement.bind(1, static_cast<std::int64_t>(s.provider_id));
  sql::bind(statement, 2, s.date);
  sql::bind(statement, 3, s.service_id);
  statement.bind(4, s.staff);
  statement.bind(5, s.vacancies);
  sql::bind(statement, 6, s.leavers);
}

Applicant Table<Applicant>::read(Statement& row) {
  return Applicant{.id = row.getColumn(0).getInt64(),
                   .provider_id = row.getColumn(1).getInt64(),
                   .reference = std::string(read_text(row.getColumn(2))),
                   .source_id = row.getColumn(3).getInt64(),
                   .vacancy_id = read_optional_id(row.getColumn(4)),
                   .service_id = read_optional_id(row.getColumn(5)),
                   .applied_on = sql::read_date(row.getColumn(6)),
                   .interviewed_on = read_optional_date(row.getColumn(7)),
                   .offered_on = read_optional_date(row.getColumn(8)),
                   .started_on = read_optional_date(row.getColumn(9)),
                   .left_on = read_optional_date(row.getColumn(10)),
                   .left_reason = std::string(read_text(row.getColumn(11))),
                   .outcome = sql::read_outcome(row.getColumn(12)),
                   .prior_sector = std::string(read_text(row.getColumn(13)))};
}

namespace {
constexpr std::string_view kCursorPrefix = "after:";
}

std::string encode_cursor(Id last_id) {
  return base64url_encode(std::string(kCursorPrefix) + std::to_string(last_id));
}

Id decode_cursor(std::string_view cursor) {
  const auto decoded = base64url_decode(cursor);
  Id id = 0;
  if (decoded && decoded->starts_with(kCursorPrefix)) {
    const char* first = decoded->data() + kCursorPrefix.size();
    const char* last = decoded->data() + decoded->size();
    const auto [end, error] = std::from_chars(first, last, id);
    if (error == std::errc() && end == last && id >= 0) return id;
  }
  throw Error(ErrorCode::kInvalid, "cursor is not one that this list gave out", "cursor");
}

void check_limit(std::size_t limit) {
  if (limit == 0 || limit > kMaxPageSize) {
    throw Error(ErrorCode::kInvalid,
                "limit must be between 1 and " + std::to_string(kMaxPageSize) + ", not " +
                    std::to_string(limit),
                "limit");
  }
}

PageWindow page_window(const PageRequest& request) {
  check_limit(request.limit);
  const Id start = request.newest_first ? std::numeric_limits<Id>::max() : 0;
  return PageWindow{.after = request.cursor.empty() ? start : decode_cursor(request.cursor),
                    .fetch = static_cast<std::int64_t>(request.limit) + 1};
}

void throw_not_found(std::string_view noun, Id id) {
  throw Error(ErrorCode::kNotFound, std::string(noun) + " " + std::to_string(id) + " was not found",
              "id");
}

std::string describe_dependents(Connection& connection, Id provider, Id id,
                                std::span<const Dependent> dependents) {
  std::string out;
  for (const Dependent& dependent : dependents) {
    auto& statement = connection.statement("SELECT count(*) FROM " + std::string(dependent.table) +
                                           " WHERE provider_id = ? AND " +
                                           std::string(dependent.column) + " = ?");
    statement.bind(1, static_cast<std::int64_t>(provider));
    statement.bind(2, static_cast<std::int64_t>(id));
    statement.executeStep();
    const auto count = statement.getColumn(0).getInt64();
    if (count == 0) continue;
    if (!out.empty()) out += " and ";
    out += std::to_string(count) + " " + std::string(count == 1 ? dependent.one : dependent.many);
  }
  return out;
}

}  // namespace caretoolkit::tracker::records
