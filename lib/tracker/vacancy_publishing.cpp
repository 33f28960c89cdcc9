// Publishing vacancies, advert versions, the public listing and page counts; see
// vacancy_publishing.hpp.
#include "tracker/vacancy_publishing.hpp"

#include <algorithm>

#include "tracker/records.hpp"
#include "tracker/sessions.hpp"
#include "tracker/sql.hpp"
#include "tracker/store_impl.hpp"

namespace caretoolkit::tracker {

namespace {

void add_gap(Problems& problems, std::string_view field, std::string detail) {
  problems.push_back(ErrorItem{std::string(field), std::move(detail), std::nullopt});
}

// What a write does to the advert versions besides writing the vacancy.
struct VersionChange {
  Date day;                               // when: today, or the day a new version went live
  bool end_live = false;                  // the live version ends on `day`
  std::optional<AdvertAssessment> start;  // a new version starts on `day`, checked so
};

bool same_particulars(const Vacancy& a, const Vacancy& b) {
  return a.role == b.role && a.advert_text == b.advert_text && a.town == b.town &&
         a.postcode_district == b.postcode_district && a.pay_min == b.pay_min &&
         a.pay_max == b.pay_max && a.pay_period == b.pay_period &&
         a.hours_per_week == b.hours_per_week && a.employment_type == b.employment_type &&
         a.closing_on == b.closing_on && a.apply_url == b.apply_url &&
         a.apply_phone == b.apply_phone && a.apply_email == b.apply_email;
}

Date close_day(const Vacancy& vacancy, Date today) {
  return std::max(today, vacancy.opened_on);
}

void end_live_version(Connection& connection, Id vacancy, Date day) {
  auto& statement = connection.statement(
      "UPDATE advert_versions SET live_to = max(?, live_from) WHERE vacancy_id = ? AND live_to "
      "IS NULL");
  sql::bind(statement, 1, day);
  statement.bind(2, static_cast<std::int64_t>(vacancy));
  statement.exec();
}

// The vacancy's latest advert version: its number and the days it ran.
struct LastVersion {
  int version = 0;
  Date live_from;
  std::optional<Date> live_to;
};

std::optional<LastVersion> last_version(Connection& connection, Id vacancy) {
  auto& statement = connection.statement(
      "SELECT version, live_from, live_to FROM advert_versions WHERE vacancy_id = ? ORDER BY "
      "version DESC LIMIT 1");
  statement.bind(1, static_cast<std::int64_t>(vacancy));
  if (!statement.executeStep()) return std::nullopt;
  LastVersion last{.version = statement.getColumn(0).getInt(),
                   .live_from = sql::read_date(statement.getColumn(1)),
                   .live_to = sql::read_optional_date(statement.getColumn(2))};
  statement.reset();
  return last;
}

// Refuses a day given for a new advert version going live that is after today, before the
// vacancy opened, or before the latest version went live or stopped running: the versions of an
// advert are recorded in the order they ran.
void check_advert_live_from(const Vacancy& vacancy, Date today,
                            const std::optional<LastVersion>& last) {
  if (!vacancy.advert_live_from) return;
  const Date day = *vacancy.advert_live_from;
  const std::string given = "Date the advert went live (" + day.to_string() + ") ";
  const auto refuse = [](std::string detail) {
    throw Error(ErrorCode::kInvalid, std::move(detail), "advert_live_from");
  };
  if (today < day) {
    refuse(given + "is after today (" + today.to_string() +
           "): give the day it went live, today or before");
  }
  if (day < vacancy.opened_on) {
    refuse(given + "is before the date the vacancy opened (" + vacancy.opened_on.to_string() +
           "): give a day from then on, or correct the date opened");
  }
  if (!last) return;
  const bool ended = last->live_to.has_value();
  const Date bound = last->live_to.value_or(last->live_from);
  if (day < bound) {
    refuse(given + "is before advert version " + std::to_string(last->version) +
           (ended ? " stopped running (" : " went live (") + bound.to_string() +
           "): record the versions in the order they ran, each from the day it went live");
  }
}

void insert_version(Connection& connection, const Vacancy& vacancy,
                    const AdvertAssessment& assessment, Date live_from) {
  auto& statement = connection.statement(
      "INSERT INTO advert_versions (provider_id, vacancy_id, version, advert_text, score, "
      "category_scores, rules_version, live_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  statement.bind(1, static_cast<std::int64_t>(vacancy.provider_id));
  statement.bind(2, static_cast<std::int64_t>(vacancy.id));
  statement.bind(3, *vacancy.live_version);
  statement.bind(4, vacancy.advert_text.value_or(""));
  statement.bind(5, assessment.score);
  statement.bind(6, assessment.category_scores);
  statement.bind(7, assessment.rules_version);
  sql::bind(statement, 8, live_from);
  statement.exec();
}

// The provider's "Toolkit vacancy page" source, made when it first publishes.
void ensure_vacancy_page_source(Connection& connection, Id provider) {
  auto& statement =
      connection.statement("SELECT 1 FROM sources WHERE provider_id = ? AND name = ?");
  statement.bind(1, static_cast<std::int64_t>(provider));
  sql::bind_text(statement, 2, kVacancyPageSource);
  if (statement.executeStep()) return;
  statement.reset();
  records::insert(connection, Source{.id = 0,
                                     .provider_id = provider,
                                     .name = std::string(kVacancyPageSource),
                                     .channel = Channel::kOwnWebsite,
                                     .channel_known = true});
}

std::optional<Id> vacancy_page_source(Connection& connection, Id provider) {
  auto& statement =
      connection.statement("SELECT id FROM sources WHERE provider_id = ? AND name = ?");
  statement.bind(1, static_cast<std::int64_t>(provider));
  sql::bind_text(statement, 2, kVacancyPageSource);
  if (!statement.executeStep()) return std::nullopt;
  return statement.getColumn(0).getInt64();
}

// "SELECT v.id, v.<columns>, p.name, s.type, s.name FROM vacancies v ... ", for the public pages.
const std::string& public_select() {
  static const std::string sql =
      "SELECT v.id, " + records::join(records::Table<Vacancy>::kColumns, "v.") +
      ", p.name, s.type, s.name FROM vacancies v JOIN providers p ON p.id = v.provider_id "
      "LEFT JOIN services s ON s.id = v.service_id AND s.provider_id = v.provider_id";
  return sql;
}

PublicVacancy read_public(Statement& row) {
  constexpr int kAfter = static_cast<int>(records::Table<Vacancy>::kColumns.size()) + 1;
  PublicVacancy out{.vacancy = records::Table<Vacancy>::read(row),
                    .provider_name = std::string(sql::read_text(row.getColumn(kAfter))),
                    .service_type = std::nullopt,
                    .service_name = {}};
  if (!row.getColumn(kAfter + 1).isNull()) {
    out.service_type = sql::read_service_type(row.getColumn(kAfter + 1));
    out.service_name = std::string(sql::read_text(row.getColumn(kAfter + 2)));
  }
  return out;
}

}  // namespace

VacancyPublishing::VacancyPublishing(Store& store, AdvertJudge judge)
    : store_(store), judge_(std::move(judge)) {}

namespace {

// Everything publishing `vacancy` on `today` still needs, with the checker's verdict on its text
// as it stood on `advert_day`, the day the advert went live.
Problems gaps_of(const Vacancy& vacancy, Date today, Date advert_day, const AdvertJudge& judge,
                 std::optional<AdvertAssessment>& assessment) {
  Problems problems;
  if (!vacancy.advert_text || is_blank(*vacancy.advert_text)) {
    add_gap(problems, "advert_text", "Advert is missing: write or paste the advert first");
  } else {
    assessment = judge.assess(vacancy, advert_day);
    problems.insert(problems.end(), assessment->gaps.begin(), assessment->gaps.end());
  }
  check_publishable(vacancy, today, judge.pay_floor(today), problems);
  return problems;
}

// Works out what writing `after` over `before` (nullptr on create) does to the status and the
// advert versions, and sets the fields the server keeps. Throws Error(kInvalid) listing every gap
// when the vacancy may not be open as it stands.
VersionChange plan_version_change(const Vacancy* before, Vacancy& after, Date today,
                                  const AdvertJudge& judge) {
  const VacancyStatus was = before ? before->status : VacancyStatus::kDraft;
  after.published_on = before ? before->published_on : std::nullopt;
  after.live_version = before ? before->live_version : std::nullopt;
  if (after.status == VacancyStatus::kDraft && after.published_on) {
    throw Error(ErrorCode::kInvalid,
                "A vacancy that has been published cannot become a draft again: close it instead",
                "status");
  }
  // Giving an open vacancy a date closed closes it.
  if (was == VacancyStatus::kOpen && after.status == VacancyStatus::kOpen && after.closed_on) {
    after.status = VacancyStatus::kClosed;
  }
  VersionChange change{.day = today, .end_live = false, .start = std::nullopt};
  if (after.status == VacancyStatus::kOpen) {
    if (was == VacancyStatus::kOpen && same_particulars(*before, after)) {
      after.advert_score = before->advert_score;
      return change;
    }
    const Date live_from = after.advert_live_from.value_or(today);
    std::optional<AdvertAssessment> assessment;
    Problems gaps = gaps_of(after, today, live_from, judge, assessment);
    if (!gaps.empty()) {
      const std::string detail =
          "This vacancy cannot be published yet: " + std::to_string(gaps.size()) +
          (gaps.size() == 1 ? " thing is missing or wrong" : " things are missing or wrong");
      throw Error(ErrorCode::kInvalid, detail, std::move(gaps));
    }
    if (was == VacancyStatus::kOpen && before->advert_text == after.advert_text) {
      after.advert_score = before->advert_score;
      return change;
    }
    change.day = live_from;
    change.end_live = was == VacancyStatus::kOpen;
    after.advert_score = assessment->score;
    after.closed_on.reset();
    if (!after.published_on) after.published_on = live_from;
    change.start = std::move(assessment);
    return change;
  }
  if (was == VacancyStatus::kOpen) {
    change.end_live = true;
    after.advert_score = before->advert_score;
  }
  if (after.status == VacancyStatus::kClosed && !after.closed_on) {
    after.closed_on = close_day(after, today);
  }
  return change;
}

// Plans the write as plan_version_change() does, after checking the day given for the advert going
// live (check_advert_live_from), which only a write starting a new version may give.
VersionChange plan_checked_change(const Vacancy* before, Vacancy& after, Date today,
                                  const AdvertJudge& judge,
                                  const std::optional<LastVersion>& last) {
  check_advert_live_from(after, today, last);
  VersionChange change = plan_version_change(before, after, today, judge);
  if (after.advert_live_from && !change.start) {
    throw Error(ErrorCode::kInvalid,
                "Date the advert went live is only given with an advert being published or "
                "changed: this change starts no new advert version",
                "advert_live_from");
  }
  after.advert_live_from.reset();
  return change;
}

// Writes the version rows `change` asks for; `vacancy` is already stored.
void apply_version_change(Connection& connection, const Vacancy& vacancy,
                          const VersionChange& change) {
  if (change.end_live) end_live_version(connection, vacancy.id, change.day);
  if (change.start) {
    insert_version(connection, vacancy, *change.start, change.day);
    ensure_vacancy_page_source(connection, vacancy.provider_id);
  }
}

}  // namespace

Vacancy VacancyPublishing::create(Id provider, Vacancy vacancy) {
  const Date today = store_.today();
  return store_.impl_->write([&](Connection& connection) {
    require_provider(connection, provider);
    vacancy.id = 0;
    vacancy.provider_id = provider;
    const VersionChange change = plan_checked_change(nullptr, vacancy, today, judge_, std::nullopt);
    if (change.start) vacancy.live_version = 1;
    prepare_vacancy(connection, vacancy);
    vacancy.id = records::insert(connection, vacancy);
    apply_version_change(connection, vacancy, change);
    return vacancy;
  });
}

Vacancy VacancyPublishing::get(Id provider, Id id) const {
  close_expired_daily();
  return store_.vacancies().get(provider, id);
}

Page<Vacancy> VacancyPublishing::list(Id provider, const VacancyFilter& filter,
                                      const PageRequest& page) const {
  close_expired_daily();
  return store_.vacancies().list(provider, filter, page);
}

void VacancyPublishing::remove(Id provider, Id id) {
  store_.vacancies().remove(provider, id);
}

Vacancy VacancyPublishing::update(Id provider, Id id, const Edit<Vacancy>& edit) {
  const Date today = store_.today();
  return store_.impl_->write([&](Connection& connection) {
    const Vacancy before = records::get<Vacancy>(connection, provider, id);
    Vacancy after = before;
    edit(after);
    after.id = id;
    after.provider_id = provider;
    const std::optional<LastVersion> last = last_version(connection, id);
    const VersionChange change = plan_checked_change(&before, after, today, judge_, last);
    if (change.start) after.live_version = (last ? last->version : 0) + 1;
    prepare_vacancy(connection, after);
    records::update(connection, after);
    apply_version_change(connection, after, change);
    return after;
  });
}

Vacancy VacancyPublishing::publish(Id provider, Id id) {
  return update(provider, id, [](Vacancy& v) { v.status = VacancyStatus::kOpen; });
}

Vacancy VacancyPublishing::close(Id provider, Id id) {
  return update(provider, id, [](Vacancy& v) { v.status = VacancyStatus::kClosed; });
}

Problems VacancyPublishing::publishing_gaps(Id provider, Id id) const {
  const Vacancy vacancy = store_.vacancies().get(provider, id);
  std::optional<AdvertAssessment> assessment;
  const Date today = store_.today();
  return gaps_of(vacancy, today, today, judge_, assessment);
}

std::vector<AdvertVersion> VacancyPublishing::versions(Id provider, Id id) const {
  return store_.impl_->read([&](Connection& connection) {
    records::get<Vacancy>(connection, provider, id);
    std::vector<AdvertVersion> out;
    auto& rows = connection.statement(
        "SELECT version, advert_text, score, category_scores, rules_version, live_from, live_to "
        "FROM advert_versions WHERE provider_id = ? AND vacancy_id = ? ORDER BY version");
    rows.bind(1, static_cast<std::int64_t>(provider));
    rows.bind(2, static_cast<std::int64_t>(id));
    while (rows.executeStep()) {
      out.push_back(AdvertVersion{.version = rows.getColumn(0).getInt(),
                                  .advert_text = std::string(sql::read_text(rows.getColumn(1))),
                                  .score = rows.getColumn(2).getInt(),
                                  .category_scores = std::string(sql::read_text(rows.getColumn(3))),
                                  .rules_version = std::string(sql::read_text(rows.getColumn(4))),
                                  .live_from = sql::read_date(rows.getColumn(5)),
                                  .live_to = sql::read_optional_date(rows.getColumn(6))});
    }
    const auto of_version = [&out](int version) -> AdvertVersion* {
      for (auto& v : out) {
        if (v.version == version) return &v;
      }
      return nullptr;
    };
    auto& counts = connection.statement(
        "SELECT version, sum(views), sum(apply_clicks) FROM vacancy_counts WHERE vacancy_id = ? "
        "GROUP BY version");
    counts.bind(1, static_cast<std::int64_t>(id));
    while (counts.executeStep()) {
      if (AdvertVersion* v = of_version(counts.getColumn(0).getInt())) {
        v->views = counts.getColumn(1).getInt64();
        v->apply_clicks = counts.getColumn(2).getInt64();
      }
    }
    // Each applicant to the version live on the day they applied: the last one live from then
    // or before.
    const std::optional<Id> page_source = vacancy_page_source(connection, provider);
    auto& applicants = connection.statement(
        "SELECT applied_on, source_id FROM applicants WHERE provider_id = ? AND vacancy_id = ?");
    applicants.bind(1, static_cast<std::int64_t>(provider));
    applicants.bind(2, static_cast<std::int64_t>(id));
    while (applicants.executeStep()) {
      const Date applied = sql::read_date(applicants.getColumn(0));
      const auto live = version_live_on(out, applied);
      if (live == out.end()) continue;  // before the first version went live
      AdvertVersion& version = *live;
      ++version.applicants;
      if (page_source && applicants.getColumn(1).getInt64() == *page_source) {
        ++version.from_vacancy_page;
      }
    }
    return out;
  });
}

std::vector<DailyCounts> VacancyPublishing::daily_counts(Id provider, Id id) const {
  return store_.impl_->read([&](Connection& connection) {
    records::get<Vacancy>(connection, provider, id);
    std::vector<DailyCounts> out;
    auto& rows = connection.statement(
        "SELECT version, day, views, apply_clicks FROM vacancy_counts WHERE vacancy_id = ? "
        "ORDER BY day, version");
    rows.bind(1, static_cast<std::int64_t>(id));
    while (rows.executeStep()) {
      out.push_back(DailyCounts{.version = rows.getColumn(0).getInt(),
                                .day = sql::read_date(rows.getColumn(1)),
                                .views = rows.getColumn(2).getInt64(),
                                .apply_clicks = rows.getColumn(3).getInt64()});
    }
    return out;
  });
}

std::size_t VacancyPublishing::close_expired() const {
  const Date today = store_.today();
  return store_.impl_->write([&](Connection& connection) {
    std::vector<std::pair<Id, Date>> expired;
    auto& rows = connection.statement(
        "SELECT id, closing_on FROM vacancies WHERE status = 'open' AND closing_on < ?");
    sql::bind(rows, 1, today);
    while (rows.executeStep()) {
      expired.emplace_back(rows.getColumn(0).getInt64(), sql::read_date(rows.getColumn(1)));
    }
    rows.reset();
    for (const auto& [id, closing_on] : expired) {
      // Closed from the day after its last day for applications.
      const Date closed = closing_on.plus_days(1);
      end_live_version(connection, id, closed);
      auto& update = connection.statement(
          "UPDATE vacancies SET status = 'closed', closed_on = max(?, opened_on) WHERE id = ?");
      sql::bind(update, 1, closed);
      update.bind(2, static_cast<std::int64_t>(id));
      update.exec();
    }
    return expired.size();
  });
}

void VacancyPublishing::close_expired_daily() const {
  const std::int64_t day = store_.today().days_since_epoch();
  if (swept_day_.exchange(day) == day) return;
  close_expired();
}

bool VacancyPublishing::listed(Id provider) const {
  return store_.impl_->read([&](Connection& connection) {
    require_provider(connection, provider);
    auto& statement =
        connection.statement("SELECT listed FROM public_listing WHERE provider_id = ?");
    statement.bind(1, static_cast<std::int64_t>(provider));
    return statement.executeStep() && statement.getColumn(0).getInt() != 0;
  });
}

void VacancyPublishing::set_listed(Id provider, bool listed) {
  store_.impl_->write([&](Connection& connection) {
    require_provider(connection, provider);
    auto& statement = connection.statement(
        "INSERT INTO public_listing (provider_id, listed, changed_at) VALUES (?, ?, ?) "
        "ON CONFLICT (provider_id) DO UPDATE SET "
        "listed = excluded.listed, changed_at = excluded.changed_at");
    statement.bind(1, static_cast<std::int64_t>(provider));
    statement.bind(2, listed ? 1 : 0);
    statement.bind(3, utc_timestamp(store_.now()));
    statement.exec();
  });
}

std::vector<PublicVacancy> VacancyPublishing::list_public(const PublicVacancyFilter& filter) const {
  const Date today = store_.today();
  return store_.impl_->read([&](Connection& connection) {
    sql::Where where;
    if (filter.service_type) where.add("s.type = ?", std::string(to_string(*filter.service_type)));
    if (filter.town)
      where.add("v.town COLLATE NOCASE = ? COLLATE NOCASE", normalise_text(*filter.town));
    if (filter.provider)
      where.add("v.provider_id = ?", static_cast<std::int64_t>(*filter.provider));
    const std::string query =
        public_select() +
        " JOIN public_listing l ON l.provider_id = v.provider_id AND l.listed = 1"
        " WHERE v.status = 'open' AND v.closing_on >= ?" +
        where.sql() + " ORDER BY v.published_on DESC, v.id DESC LIMIT ? OFFSET ?";
    auto& statement = connection.statement(query);
    sql::bind(statement, 1, today);
    const int next = where.bind(statement, 2);
    statement.bind(next, static_cast<std::int64_t>(filter.limit));
    statement.bind(next + 1, static_cast<std::int64_t>(filter.offset));
    std::vector<PublicVacancy> out;
    while (statement.executeStep()) out.push_back(read_public(statement));
    return out;
  });
}

std::optional<PublicVacancy> VacancyPublishing::find_public(Id id) const {
  const Date today = store_.today();
  return store_.impl_->read([&](Connection& connection) -> std::optional<PublicVacancy> {
    static const std::string query =
        public_select() + " WHERE v.id = ? AND v.published_on IS NOT NULL";
    auto& statement = connection.statement(query);
    statement.bind(1, static_cast<std::int64_t>(id));
    if (!statement.executeStep()) return std::nullopt;
    PublicVacancy found = read_public(statement);
    Vacancy& v = found.vacancy;
    if (v.status == VacancyStatus::kOpen && v.closing_on && *v.closing_on < today) {
      v.status = VacancyStatus::kClosed;
    }
    return found;
  });
}

bool VacancyPublishing::count(Id vacancy, PageEvent event) {
  const Date today = store_.today();
  return store_.impl_->write([&](Connection& connection) {
    auto& found = connection.statement(
        "SELECT live_version FROM vacancies WHERE id = ? AND status = 'open' AND closing_on >= ?");
    found.bind(1, static_cast<std::int64_t>(vacancy));
    sql::bind(found, 2, today);
    if (!found.executeStep()) return false;
    const int version = found.getColumn(0).getInt();
    found.reset();
    auto& upsert = connection.statement(
        event == PageEvent::kView
            ? "INSERT INTO vacancy_counts (vacancy_id, version, day, views) VALUES (?, ?, ?, 1) "
              "ON CONFLICT (vacancy_id, version, day) DO UPDATE SET views = vacancy_counts.views + "
              "1"
            : "INSERT INTO vacancy_counts (vacancy_id, version, day, apply_clicks) VALUES (?, ?, "
              "?, 1) ON CONFLICT (vacancy_id, version, day) DO UPDATE SET apply_clicks = "
              "vacancy_counts.apply_clicks + 1");
    upsert.bind(1, static_cast<std::int64_t>(vacancy));
    upsert.bind(2, version);
    sql::bind(upsert, 3, today);
    upsert.exec();
    return true;
  });
}

}  // namespace caretoolkit::tracker
