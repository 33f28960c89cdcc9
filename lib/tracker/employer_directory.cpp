// Providers' public profiles and the directory of listed employers; see employer_directory.hpp.
#include "tracker/employer_directory.hpp"

#include <algorithm>

#include "tracker/sessions.hpp"
#include "tracker/sql.hpp"
#include "tracker/store_impl.hpp"
#include "tracker/vacancy_particulars.hpp"

namespace caretoolkit::tracker {

namespace {

// The service types in `found`, each once, in the order all_service_types() gives.
std::vector<ServiceType> in_vocabulary_order(const std::vector<ServiceType>& found) {
  std::vector<ServiceType> out;
  for (const ServiceType type : all_service_types()) {
    if (std::find(found.begin(), found.end(), type) != found.end()) out.push_back(type);
  }
  return out;
}

std::vector<ServiceType> read_service_types(Connection& connection, Id provider) {
  auto& statement =
      connection.statement("SELECT DISTINCT type FROM services WHERE provider_id = ?");
  statement.bind(1, static_cast<std::int64_t>(provider));
  std::vector<ServiceType> found;
  while (statement.executeStep()) found.push_back(sql::read_service_type(statement.getColumn(0)));
  return in_vocabulary_order(found);
}

EmployerProfile read_profile(Statement& row, int first) {
  return EmployerProfile{.town = std::string(sql::read_text(row.getColumn(first))),
                         .postcode_district = std::string(sql::read_text(row.getColumn(first + 1))),
                         .description = std::string(sql::read_text(row.getColumn(first + 2)))};
}

// The listed providers matching `filter`, without their service types and vacancies.
std::vector<PublicEmployer> read_listed(Connection& connection, const EmployerFilter& filter) {
  sql::Where where;
  if (filter.town)
    where.add("l.town COLLATE NOCASE = ? COLLATE NOCASE", normalise_text(*filter.town));
  if (filter.service_type) {
    where.add("EXISTS (SELECT 1 FROM services s WHERE s.provider_id = p.id AND s.type = ?)",
              std::string(to_string(*filter.service_type)));
  }
  const std::string query =
      "SELECT p.id, p.name, l.town, l.postcode_district, l.description FROM providers p "
      "JOIN public_listing l ON l.provider_id = p.id WHERE l.listed = 1" +
      where.sql() + " ORDER BY p.name COLLATE NOCASE, p.id LIMIT ? OFFSET ?";
  auto& statement = connection.statement(query);
  const int next = where.bind(statement, 1);
  statement.bind(next, static_cast<std::int64_t>(filter.limit));
  statement.bind(next + 1, static_cast<std::int64_t>(filter.offset));
  std::vector<PublicEmployer> out;
  while (statement.executeStep()) {
    out.push_back(PublicEmployer{.provider_id = statement.getColumn(0).getInt64(),
                                 .name = std::string(sql::read_text(statement.getColumn(1))),
                                 .profile = read_profile(statement, 2),
                                 .service_types = {},
                                 .vacancies = {}});
  }
  return out;
}

}  // namespace

void normalise_profile(EmployerProfile& profile) {
  profile.town = normalise_text(profile.town);
  profile.postcode_district = normalise_postcode_district(profile.postcode_district);
  profile.description = normalise_text(profile.description, TextKind::kNote);
}

void check_profile(const EmployerProfile& profile, Problems& problems) {
  check_length(profile.town, kMaxNameLength, "town", problems);
  check_text(profile.town, TextKind::kName, "town", "town", problems);
  check_postcode_district(profile.postcode_district, problems);
  check_length(profile.description, kMaxProfileDescriptionLength, "description", problems);
  check_text(profile.description, TextKind::kNote, "description", "description", problems);
}

EmployerDirectory::EmployerDirectory(Store& store, const VacancyPublishing& vacancies)
    : store_(store), vacancies_(vacancies) {}

EmployerProfile EmployerDirectory::profile(Id provider) const {
  return store_.impl_->read([&](Connection& connection) {
    require_provider(connection, provider);
    auto& statement = connection.statement(
        "SELECT town, postcode_district, description FROM public_listing WHERE provider_id = ?");
    statement.bind(1, static_cast<std::int64_t>(provider));
    if (!statement.executeStep()) return EmployerProfile{};
    return read_profile(statement, 0);
  });
}

EmployerProfile EmployerDirectory::set_profile(Id provider, EmployerProfile profile) {
  normalise_profile(profile);
  Problems problems;
  check_profile(profile, problems);
  if (!problems.empty()) {
    throw Error(ErrorCode::kInvalid, "The profile was not saved: correct what is marked",
                std::move(problems));
  }
  store_.impl_->write([&](Connection& connection) {
    require_provider(connection, provider);
    auto& statement = connection.statement(
        "INSERT INTO public_listing (provider_id, listed, changed_at, town, postcode_district, "
        "description) VALUES (?, 0, ?, ?, ?, ?) "
        "ON CONFLICT (provider_id) DO UPDATE SET town = excluded.town, "
        "postcode_district = excluded.postcode_district, description = excluded.description, "
        "changed_at = excluded.changed_at");
    statement.bind(1, static_cast<std::int64_t>(provider));
    statement.bind(2, utc_timestamp(store_.now()));
    sql::bind_text(statement, 3, profile.town);
    sql::bind_text(statement, 4, profile.postcode_district);
    sql::bind_text(statement, 5, profile.description);
    statement.exec();
  });
  return profile;
}

std::vector<ServiceType> EmployerDirectory::service_types(Id provider) const {
  return store_.impl_->read([&](Connection& connection) {
    require_provider(connection, provider);
    return read_service_types(connection, provider);
  });
}

std::vector<PublicEmployer> EmployerDirectory::list(const EmployerFilter& filter,
                                                    std::size_t vacancies_each) const {
  std::vector<PublicEmployer> employers = store_.impl_->read([&](Connection& connection) {
    std::vector<PublicEmployer> found = read_listed(connection, filter);
    for (PublicEmployer& employer : found) {
      employer.service_types = read_service_types(connection, employer.provider_id);
    }
    return found;
  });
  for (PublicEmployer& employer : employers) {
    PublicVacancyFilter open;
    open.provider = employer.provider_id;
    open.limit = vacancies_each;
    employer.vacancies = vacancies_.list_public(open);
  }
  return employers;
}

}  // namespace caretoolkit::tracker
