// The Store's records: providers, services, sources, spend, vacancies, headcounts and API
// keys. Applicants are in store_applicants.cpp, CSV in applicants_csv.cpp, spend_csv.cpp and
// headcount_csv.cpp, metric inputs and purge in store_data.cpp, opening in store_open.cpp.
#include "tracker/store.hpp"

#include "tracker/records.hpp"
#include "tracker/sessions.hpp"
#include "tracker/store_impl.hpp"
#include "tracker/vacancy_particulars.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::tracker {

namespace {

// A name must be unique within its provider: "Indeed", "INDEED " and "Indeed\u00A0" are one
// source, and so are "Café" and "CAFÉ". The names are compared by name_key(), here rather than
// in SQL, because the schema's NOCASE collation folds ASCII letters only; what it would refuse is
// refused here first, with this message.
template <class T>
void require_unique_name(Connection& connection, const T& record) {
  static const std::string sql = "SELECT name FROM " + std::string(records::Table<T>::kTable) +
                                 " WHERE provider_id = ? AND id <> ?";
  auto& statement = connection.statement(sql);
  statement.bind(1, static_cast<std::int64_t>(record.provider_id));
  statement.bind(2, static_cast<std::int64_t>(record.id));
  std::string key;
  std::string other;
  name_key(record.name, key);
  while (statement.executeStep()) {
    name_key(sql::read_text(statement.getColumn(0)), other);
    if (other == key) {
      throw Error(ErrorCode::kConflict,
                  "A " + std::string(records::Table<T>::kNoun) + " named '" + record.name +
                      "' already exists: choose another name, or use that " +
                      std::string(records::Table<T>::kNoun),
                  "name");
    }
  }
}

// Each record's own rules, run on the merged record before every create and update.
void prepare(Connection& connection, Date, Service& service) {
  service.name = normalise_text(service.name);
  Problems problems;
  check_name(service.name, "name", "service name", problems);
  throw_if_invalid(std::move(problems));
  require_unique_name(connection, service);
}

void prepare(Connection& connection, Date, Source& source) {
  source.name = normalise_text(source.name);
  // A channel other than "other" is a channel someone named.
  if (source.channel != Channel::kOther) source.channel_known = true;
  Problems problems;
  check_name(source.name, "name", "source name", problems);
  throw_if_invalid(std::move(problems));
  require_unique_name(connection, source);
}

void prepare(Connection& connection, Date, SpendEntry& entry) {
  entry.note = normalise_text(entry.note, TextKind::kNote);
  Problems problems;
  check_spend(entry, problems);
  throw_if_invalid(std::move(problems));
  records::require_reference<Source>(connection, entry.provider_id, entry.source_id, "source_id");
}

void prepare(Connection& connection, Date, Vacancy& vacancy) {
  prepare_vacancy(connection, vacancy);
}

void prepare(Connection& connection, Date today, HeadcountSnapshot& snapshot) {
  Problems problems;
  check_headcount(snapshot, today, problems);
  throw_if_invalid(std::move(problems));
  if (snapshot.service_id) {
    records::require_reference<Service>(connection, snapshot.provider_id, *snapshot.service_id,
                                        "service_id");
  }
  auto& statement = connection.statement(
      "SELECT 1 FROM headcounts WHERE provider_id = ? AND taken_on = ? "
      "AND coalesce(service_id, 0) = ? AND id <> ?");
  statement.bind(1, static_cast<std::int64_t>(snapshot.provider_id));
  sql::bind(statement, 2, snapshot.date);
  statement.bind(3, static_cast<std::int64_t>(snapshot.service_id.value_or(0)));
  statement.bind(4, static_cast<std::int64_t>(snapshot.id));
  if (statement.executeStep()) {
    throw Error(ErrorCode::kConflict,
                "A count for " + snapshot.date.to_string() +
                    (snapshot.service_id ? " and this service" : " and the whole provider") +
                    " is already recorded: edit that count instead",
                "date");
  }
}

void add_date_range(sql::Where& where, std::string_view column, std::optional<Date> from,
                    std::optional<Date> to) {
  if (from) where.add(std::string(column) + " >= ?", from->to_string());
  if (to) where.add(std::string(column) + " <= ?", to->to_string());
}

}  // namespace

void prepare_vacancy(Connection& connection, Vacancy& vacancy) {
  vacancy.role = normalise_text(vacancy.role);
  if (vacancy.advert_text) {
    *vacancy.advert_text = normalise_text(*vacancy.advert_text, TextKind::kNote);
  }
  normalise_particulars(vacancy);
  Problems problems;
  check_vacancy(vacancy, problems);
  throw_if_invalid(std::move(problems));
  if (vacancy.service_id) {
    records::require_reference<Service>(connection, vacancy.provider_id, *vacancy.service_id,
                                        "service_id");
  }
}

Provider read_provider(Statement& row) {
  return Provider{.id = row.getColumn(0).getInt64(),
                  .name = std::string(sql::read_text(row.getColumn(1))),
                  .created_on = sql::read_date(row.getColumn(2)),
                  .joined_on = sql::read_optional_date(row.getColumn(3))};
}

Provider find_provider(Connection& connection, Id provider) {
  auto& statement = connection.statement("SELECT " + std::string(kProviderColumns) +
                                         " FROM providers WHERE id = ?");
  statement.bind(1, static_cast<std::int64_t>(provider));
  if (!statement.executeStep()) records::throw_not_found("provider", provider);
  return read_provider(statement);
}

void require_provider(Connection& connection, Id provider) {
  find_provider(connection, provider);
}

namespace {

constexpr std::string_view kApiKeyColumns =
    "id, provider_id, role, public_id, secret_sha256, label, created_at, revoked_at";

ApiKeyRecord read_api_key(Statement& row) {
  ApiKeyRecord key;
  key.id = row.getColumn(0).getInt64();
  key.provider_id = sql::read_optional_id(row.getColumn(1));
  key.role = sql::read_text(row.getColumn(2)) == "team" ? ApiKeyRole::kTeam : ApiKeyRole::kProvider;
  key.public_id = std::string(sql::read_text(row.getColumn(3)));
  const auto secret = row.getColumn(4);
  key.secret_sha256.assign(static_cast<const char*>(secret.getBlob()),
                           static_cast<std::size_t>(secret.getBytes()));
  key.label = std::string(sql::read_text(row.getColumn(5)));
  key.created_at = std::string(sql::read_text(row.getColumn(6)));
  if (!row.getColumn(7).isNull()) key.revoked_at = std::string(sql::read_text(row.getColumn(7)));
  return key;
}

}  // namespace

ApiKeyRecord get_api_key(Connection& connection, Id id) {
  auto& statement =
      connection.statement("SELECT " + std::string(kApiKeyColumns) + " FROM api_keys WHERE id = ?");
  statement.bind(1, static_cast<std::int64_t>(id));
  if (!statement.executeStep()) records::throw_not_found("API key", id);
  return read_api_key(statement);
}

std::string_view to_string(ApiKeyRole role) {
  return role == ApiKeyRole::kTeam ? "team" : "provider";
}

ProviderRecords& Store::providers() {
  return impl_->providers;
}
const ProviderRecords& Store::providers() const {
  return impl_->providers;
}
ServiceRecords& Store::services() {
  return impl_->services;
}
const ServiceRecords& Store::services() const {
  return impl_->services;
}
SourceRecords& Store::sources() {
  return impl_->sources;
}
const SourceRecords& Store::sources() const {
  return impl_->sources;
}
SpendRecords& Store::spend() {
  return impl_->spend;
}
const SpendRecords& Store::spend() const {
  return impl_->spend;
}
VacancyRecords& Store::vacancies() {
  return impl_->vacancies;
}
const VacancyRecords& Store::vacancies() const {
  return impl_->vacancies;
}
ApplicantRecords& Store::applicants() {
  return impl_->applicants;
}
const ApplicantRecords& Store::applicants() const {
  return impl_->applicants;
}
HeadcountRecords& Store::headcounts() {
  return impl_->headcounts;
}
const HeadcountRecords& Store::headcounts() const {
  return impl_->headcounts;
}

// Providers ---------------------------------------------------------------------------------------

Provider StoredProviders::create(std::string_view name) {
  Provider provider{
      .id = 0, .name = normalise_text(name), .created_on = state_.today(), .joined_on = {}};
  Problems problems;
  check_name(provider.name, "name", "provider name", problems);
  throw_if_invalid(std::move(problems));
  return state_.write([&](Connection& connection) {
    auto& statement =
        connection.statement("INSERT INTO providers (name, created_on) VALUES (?, ?) RETURNING id");
    statement.bind(1, provider.name);
    sql::bind(statement, 2, provider.created_on);
    provider.id = sql::returned_id(statement);
    return provider;
  });
}

Provider StoredProviders::get(Id provider) const {
  return state_.read([&](Connection& connection) { return find_provider(connection, provider); });
}

Page<Provider> StoredProviders::list(const PageRequest& request) const {
  const auto window = records::page_window(request);
  return state_.read([&](Connection& connection) {
    auto& statement = connection.statement("SELECT " + std::string(kProviderColumns) +
                                           " FROM providers WHERE id > ? ORDER BY id LIMIT ?");
    statement.bind(1, static_cast<std::int64_t>(window.after));
    statement.bind(2, window.fetch);
    return records::read_page<Provider>(statement, request, read_provider);
  });
}

Provider StoredProviders::update(Id provider, const Edit<Provider>& edit) {
  return state_.write([&](Connection& connection) {
    Provider record = find_provider(connection, provider);
    const Date created_on = record.created_on;
    edit(record);
    record.id = provider;
    record.created_on = created_on;
    record.name = normalise_text(record.name);
    Problems problems;
    check_provider(record, state_.today(), problems);
    throw_if_invalid(std::move(problems));
    auto& statement =
        connection.statement("UPDATE providers SET name = ?, joined_on = ? WHERE id = ?");
    statement.bind(1, record.name);
    sql::bind(statement, 2, record.joined_on);
    statement.bind(3, static_cast<std::int64_t>(provider));
    statement.exec();
    return record;
  });
}

namespace {

// Services ----------------------------------------------------------------------------------------

sql::Where filter_where(const ServiceFilter& filter) {
  sql::Where where;
  if (filter.type) where.add("type = ?", std::string(to_string(*filter.type)));
  return where;
}

// Sources -----------------------------------------------------------------------------------------

sql::Where filter_where(const SourceFilter& filter) {
  sql::Where where;
  if (filter.channel) where.add("channel = ?", std::string(to_string(*filter.channel)));
  if (filter.name)
    where.add("name COLLATE NOCASE = ? COLLATE NOCASE", normalise_text(*filter.name));
  return where;
}

// Spend -------------------------------------------------------------------------------------------

sql::Where filter_where(const SpendFilter& filter) {
  sql::Where where;
  if (filter.source_id) where.add("source_id = ?", *filter.source_id);
  add_date_range(where, "spent_on", filter.from, filter.to);
  return where;
}

// Vacancies ---------------------------------------------------------------------------------------

sql::Where filter_where(const VacancyFilter& filter) {
  sql::Where where;
  if (filter.service_id) where.add("service_id = ?", *filter.service_id);
  if (filter.open) where.add(*filter.open ? "closed_on IS NULL" : "closed_on IS NOT NULL");
  return where;
}

// Headcounts --------------------------------------------------------------------------------------

sql::Where filter_where(const HeadcountFilter& filter) {
  sql::Where where;
  if (filter.service_id) where.add("service_id = ?", *filter.service_id);
  add_date_range(where, "taken_on", filter.from, filter.to);
  return where;
}

}  // namespace

// Records -----------------------------------------------------------------------------------------

template <class T, class F>
T TableRecords<T, F>::create(Id provider, T record) {
  return state_.write([&](Connection& connection) {
    require_provider(connection, provider);
    record.id = 0;
    record.provider_id = provider;
    prepare(connection, state_.today(), record);
    record.id = records::insert(connection, record);
    return record;
  });
}

template <class T, class F>
T TableRecords<T, F>::get(Id provider, Id id) const {
  return state_.read(
      [&](Connection& connection) { return records::get<T>(connection, provider, id); });
}

template <class T, class F>
Page<T> TableRecords<T, F>::list(Id provider, const F& filter, const PageRequest& page) const {
  const sql::Where where = filter_where(filter);
  return state_.read(
      [&](Connection& connection) { return records::list<T>(connection, provider, where, page); });
}

template <class T, class F>
T TableRecords<T, F>::update(Id provider, Id id, const Edit<T>& edit) {
  return state_.write([&](Connection& connection) {
    T record = records::get<T>(connection, provider, id);
    edit(record);
    record.id = id;
    record.provider_id = provider;
    prepare(connection, state_.today(), record);
    records::update(connection, record);
    return record;
  });
}

template <class T, class F>
void TableRecords<T, F>::remove(Id provider, Id id) {
  state_.write([&](Connection& connection) { records::remove<T>(connection, provider, id); });
}

template class TableRecords<Service, ServiceFilter>;
template class TableRecords<Source, SourceFilter>;
template class TableRecords<SpendEntry, SpendFilter>;
template class TableRecords<Vacancy, VacancyFilter>;
template class TableRecords<HeadcountSnapshot, HeadcountFilter>;

// API keys ----------------------------------------------------------------------------------------

ApiKeyRecord Store::create_api_key(const ApiKeyRecord& key) {
  Problems problems;
  if ((key.role == ApiKeyRole::kTeam) == key.provider_id.has_value()) {
    problems.push_back({"provider_id",
                        key.role == ApiKeyRole::kTeam ? "a team key belongs to no provider"
                                                      : "a provider key needs its provider_id",
                        std::nullopt});
  }
  if (key.public_id.size() < 8 || key.public_id.size() > 64) {
    problems.push_back({"public_id", "public_id must be 8 to 64 characters", std::nullopt});
  }
  if (key.secret_sha256.size() != 32) {
    problems.push_back({"secret_sha256", "secret_sha256 must be 32 bytes", std::nullopt});
  }
  const std::string label = normalise_text(key.label);
  check_length(label, kMaxNameLength, "label", problems);
  check_text(label, TextKind::kName, "label", "API key label", problems);
  throw_if_invalid(std::move(problems));
  return impl_->write([&](Connection& connection) {
    if (key.provider_id) require_provider(connection, *key.provider_id);
    auto& statement = connection.statement(
        "INSERT INTO api_keys (provider_id, role, public_id, secret_sha256, label, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    sql::bind(statement, 1, key.provider_id);
    sql::bind_text(statement, 2, to_string(key.role));
    statement.bind(3, key.public_id);
    statement.bind(4, key.secret_sha256.data(), static_cast<int>(key.secret_sha256.size()));
    statement.bind(5, label);
    statement.bind(6, utc_timestamp(now()));
    return get_api_key(connection, sql::returned_id(statement));
  });
}

std::optional<ApiKeyRecord> Store::find_api_key(std::string_view public_id) const {
  return impl_->read([&](Connection& connection) -> std::optional<ApiKeyRecord> {
    auto& statement = connection.statement("SELECT " + std::string(kApiKeyColumns) +
                                           " FROM api_keys WHERE public_id = ?");
    sql::bind_text(statement, 1, public_id);
    if (!statement.executeStep()) return std::nullopt;
    return read_api_key(statement);
  });
}

Page<ApiKeyRecord> Store::list_api_keys(std::optional<Id> provider,
                                        const PageRequest& request) const {
  const auto window = records::page_window(request);
  sql::Where where;
  if (provider) where.add("provider_id = ?", *provider);
  return impl_->read([&](Connection& connection) {
    auto& statement =
        connection.statement("SELECT " + std::string(kApiKeyColumns) +
                             " FROM api_keys WHERE id > ?" + where.sql() + " ORDER BY id LIMIT ?");
    statement.bind(1, static_cast<std::int64_t>(window.after));
    statement.bind(where.bind(statement, 2), window.fetch);
    return records::read_page<ApiKeyRecord>(statement, request, read_api_key);
  });
}

ApiKeyRecord Store::revoke_api_key(Id key_id) {
  return impl_->write([&](Connection& connection) {
    get_api_key(connection, key_id);
    auto& statement = connection.statement(
        "UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?");
    statement.bind(1, utc_timestamp(now()));
    statement.bind(2, static_cast<std::int64_t>(key_id));
    statement.exec();
    auto& sessions = connection.statement("DELETE FROM sessions WHERE api_key_id = ?");
    sessions.bind(1, static_cast<std::int64_t>(key_id));
    sessions.exec();
    return get_api_key(connection, key_id);
  });
}

}  // namespace caretoolkit::tracker
