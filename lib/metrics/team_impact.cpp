// The team's impact on its members' workforce; see team_impact.hpp.
#include "metrics/team_impact.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "metrics/cohort.hpp"
#include "metrics/workforce.hpp"

namespace caretoolkit::metrics {

namespace {

using Starter = ImpactStarters::Starter;

// The starter an applicant is by the as-of day, if they have started by then.
std::optional<Starter> starter_of(const tracker::Applicant& applicant, Date as_of) {
  const Journey journey = journey_as_of(applicant, as_of);
  if (!journey.started_on) return std::nullopt;
  return Starter{*journey.started_on, journey.left_on};
}

// A span of days, both included; empty when `last` is before `first`.
struct Window {
  Date first;
  Date last;

  bool empty() const { return last < first; }
  bool holds(Date day) const { return first <= day && day <= last; }
};

// A provider's workforce total from its latest headcounts dated in `window`, as the workforce
// report pools them; no snapshot when none is dated in it. `scratch` is reused from call to call.
WorkforceRow workforce_in(const TrackerData& data, Window window,
                          std::vector<tracker::HeadcountSnapshot>& scratch) {
  scratch.clear();
  if (!window.empty()) {
    for (const tracker::HeadcountSnapshot& snapshot : data.headcounts) {
      if (window.holds(snapshot.date)) scratch.push_back(snapshot);
    }
  }
  if (scratch.empty()) {
    WorkforceRow none;
    none.turnover = Rate::none(Reason::kNoSnapshot);
    none.vacancy_rate = Rate::none(Reason::kNoSnapshot);
    return none;
  }
  TrackerData in_window = data;
  in_window.headcounts = scratch;
  ReportOptions options;
  options.from = window.first;
  options.to = window.last;
  options.as_of = window.last;
  return workforce_report(in_window, options).total;
}

// The starters who started in a window, and of them those judged and retained at 6 months.
struct RetentionCounts {
  std::int64_t starters = 0;
  std::int64_t judged = 0;
  std::int64_t retained = 0;
};

RetentionCounts retention_in(std::span<const Starter> starters, Window window, Date as_of) {
  RetentionCounts counts;
  if (window.empty()) return counts;
  for (const Starter& starter : starters) {
    if (!window.holds(starter.started_on)) continue;
    ++counts.starters;
    const RetentionJudgement judged =
        judge_retention(starter.started_on, starter.left_on, as_of, kImpactRetentionDays);
    counts.judged += judged.eligible ? 1 : 0;
    counts.retained += judged.retained ? 1 : 0;
  }
  return counts;
}

// Leavers over staff, and vacancies over posts, as a provider's headcount gives them.
void add_turnover(RatePool& pool, const WorkforceRow& row) {
  pool.add(row.turnover, row.leavers.value_or(0), row.staff);
}
void add_vacancy(RatePool& pool, const WorkforceRow& row) {
  pool.add(row.vacancy_rate, row.vacancies, row.staff + row.vacancies);
}

// The three pools of a side of the comparison or of a quarter.
struct ImpactPools {
  RatePool turnover;
  RatePool vacancy;
  RatePool retention;
  bool any_starters = false;

  // Why a figure has no value when no provider stands behind it: `no_headcount` for the rates,
  // `no_starters` for retention (which becomes kTooEarly when someone started but nobody has
  // been in post long enough to judge).
  ImpactPools(Reason no_headcount, Reason no_starters)
      : turnover{no_headcount}, vacancy{no_headcount}, retention{no_starters} {}

  void add_retention(const RetentionCounts& counts) {
    any_starters = any_starters || counts.starters > 0;
    retention.add(counts.retained, counts.judged);
  }

  ImpactFigures figures() const {
    RatePool judged = retention;
    if (judged.providers == 0 && any_starters) judged.missing = Reason::kTooEarly;
    return {turnover.figure(), vacancy.figure(), judged.figure()};
  }
};

// One member's figures in the year before it joined and since.
struct BeforeAfter {
  WorkforceRow before_workforce;
  WorkforceRow after_workforce;
  RetentionCounts before_retention;
  RetentionCounts after_retention;
};

BeforeAfter before_and_after(const TrackerData& data, std::span<const Starter> starters,
                             Date joined_on, Date as_of,
                             std::vector<tracker::HeadcountSnapshot>& scratch) {
  const Window year_before{joined_on.plus_days(-kImpactWindowDays), joined_on.plus_days(-1)};
  const Window since{joined_on, as_of};
  const Window year_on{joined_on.plus_days(kImpactWindowDays), as_of};
  return {workforce_in(data, year_before, scratch), workforce_in(data, year_on, scratch),
          retention_in(starters, year_before, as_of), retention_in(starters, since, as_of)};
}

// Adds a member to the two sides of each figure it has on both.
void add_matched(ImpactPools& before, ImpactPools& after, const BeforeAfter& member) {
  if (member.before_workforce.turnover.has_value() && member.after_workforce.turnover.has_value()) {
    add_turnover(before.turnover, member.before_workforce);
    add_turnover(after.turnover, member.after_workforce);
  }
  if (member.before_workforce.vacancy_rate.has_value() &&
      member.after_workforce.vacancy_rate.has_value()) {
    add_vacancy(before.vacancy, member.before_workforce);
    add_vacancy(after.vacancy, member.after_workforce);
  }
  if (member.before_retention.judged > 0 && member.after_retention.judged > 0) {
    before.add_retention(member.before_retention);
    after.add_retention(member.after_retention);
  }
}

// The kTrendQuarters calendar quarters ending with the as-of day's, oldest first, the last cut
// off at the as-of day.
std::vector<ImpactQuarter> trend_quarters(Date as_of) {
  // Built from the calendar directly: a trend may reach back before the years Date parses.
  const auto first_day = [](int year, int quarter) {
    return Date(std::chrono::sys_days{
        std::chrono::year{year} / std::chrono::month{static_cast<unsigned>((quarter - 1) * 3 + 1)} /
        std::chrono::day{1}});
  };
  const std::chrono::year_month_day today{as_of.sys_days()};
  int year = static_cast<int>(today.year());
  int quarter = (static_cast<int>(static_cast<unsigned>(today.month())) - 1) / 3 + 1;
  std::vector<ImpactQuarter> quarters(kTrendQuarters);
  for (auto q = quarters.rbegin(); q != quarters.rend(); ++q) {
    q->year = year;
    q->quarter = quarter;
    q->first = first_day(year, quarter);
    const Date next = quarter == 4 ? first_day(year + 1, 1) : first_day(year, quarter + 1);
    q->last = std::min(next.plus_days(-1), as_of);
    if (--quarter == 0) {
      quarter = 4;
      --year;
    }
  }
  return quarters;
}

// Adds a member to each quarter of the trend that ends on or after the day it joined.
void add_to_quarters(std::vector<ImpactQuarter>& quarters, std::vector<ImpactPools>& pools,
                     const ImpactMember& member, std::span<const Starter> starters, Date as_of,
                     std::vector<tracker::HeadcountSnapshot>& scratch) {
  for (std::size_t q = 0; q < quarters.size(); ++q) {
    ImpactQuarter& quarter = quarters[q];
    if (quarter.last < *member.joined_on) continue;
    ++quarter.members;
    const Window window{quarter.first, quarter.last};
    const WorkforceRow workforce = workforce_in(member.data, window, scratch);
    add_turnover(pools[q].turnover, workforce);
    add_vacancy(pools[q].vacancy, workforce);
    pools[q].add_retention(retention_in(starters, window, as_of));
  }
}

template <class StartersOf>
TeamImpact impact(std::span<const ImpactMember> members, Date as_of, StartersOf&& starters_of) {
  TeamImpact out;
  out.as_of = as_of;
  out.providers = static_cast<std::int64_t>(members.size());
  out.quarters = trend_quarters(as_of);

  ImpactPools before{Reason::kNotComparable, Reason::kNotComparable};
  ImpactPools after{Reason::kNotComparable, Reason::kNotComparable};
  std::vector<ImpactPools> quarters(out.quarters.size(),
                                    ImpactPools{Reason::kNoHeadcountInWindow, Reason::kNoHires});
  std::vector<tracker::HeadcountSnapshot> scratch;
  for (std::size_t m = 0; m < members.size(); ++m) {
    const ImpactMember& member = members[m];
    if (!member.joined_on) {
      ++out.without_joined_date;
      continue;
    }
    const std::span<const Starter> starters = starters_of(m);
    if (as_of < *member.joined_on) {
      ++out.joined_after_as_of;
    } else {
      add_matched(before, after,
                  before_and_after(member.data, starters, *member.joined_on, as_of, scratch));
    }
    add_to_quarters(out.quarters, quarters, member, starters, as_of, scratch);
  }

  out.before = before.figures();
  out.after = after.figures();
  for (std::size_t q = 0; q < out.quarters.size(); ++q) {
    out.quarters[q].figures = quarters[q].figures();
  }
  return out;
}

}  // namespace

const ImpactWords& impact_words() {
  static const ImpactWords words{
      "Before joining: each member's year before it joined the scheme, its turnover and vacancy "
      "rate from its last headcount in that year and its retention from the people who started "
      "in it.",
      "Since joining: its turnover and vacancy rate from its latest headcount at least a year "
      "after it joined, so that the year of leavers counted falls wholly in its membership, and "
      "its retention from the people who started on or after the day it joined.",
      "Each figure counts only the members that have it both before and since joining, so both "
      "sides are the same providers.",
      "By quarter: the members that had joined by the quarter's end, their turnover and vacancy "
      "rate from their latest headcount in the quarter and their retention from the people who "
      "started in it.",
  };
  return words;
}

std::string ImpactQuarter::key() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-Q%d", year, quarter);
  return text;
}

std::string ImpactQuarter::label() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d Q%d", year, quarter);
  return text;
}

ImpactStarters::ImpactStarters(Date as_of) : as_of_(as_of) {}

void ImpactStarters::add(const tracker::Applicant& applicant) {
  if (const auto starter = starter_of(applicant, as_of_)) {
    starters_[applicant.provider_id].push_back(*starter);
  }
}

void ImpactStarters::merge(const ImpactStarters& other) {
  for (const auto& [provider, starters] : other.starters_) {
    std::vector<Starter>& mine = starters_[provider];
    mine.insert(mine.end(), starters.begin(), starters.end());
  }
}

std::span<const ImpactStarters::Starter> ImpactStarters::of(tracker::Id provider) const {
  const auto found = starters_.find(provider);
  if (found == starters_.end()) return {};
  return found->second;
}

TeamImpact team_impact(std::span<const ImpactMember> members, std::span<const tracker::Id> ids,
                       const ImpactStarters& starters, Date as_of) {
  return impact(members, as_of, [&](std::size_t m) { return starters.of(ids[m]); });
}

TeamImpact team_impact(std::span<const ImpactMember> members, Date as_of) {
  std::vector<std::vector<Starter>> starters(members.size());
  for (std::size_t m = 0; m < members.size(); ++m) {
    for (const tracker::Applicant& applicant : members[m].data.applicants) {
      if (const auto starter = starter_of(applicant, as_of)) starters[m].push_back(*starter);
    }
  }
  return impact(members, as_of,
                [&](std::size_t m) { return std::span<const Starter>(starters[m]); });
}

}  // namespace caretoolkit::metrics
