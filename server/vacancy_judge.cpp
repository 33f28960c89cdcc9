// The advert checker as publishing's judge; see vacancy_judge.hpp.
#include "vacancy_judge.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "advert/check_context_pool.hpp"
#include "advert/checker.hpp"
#include "checker_settings_service.hpp"
#include "core/ascii.hpp"
#include "core/error.hpp"
#include "rules/pay_floor.hpp"

namespace caretoolkit::server {

namespace {

bool is_gap(const advert::Finding& finding) {
  if (std::find(kPublishingEssentials.begin(), kPublishingEssentials.end(), finding.rule_id) ==
      kPublishingEssentials.end()) {
    return false;
  }
  return finding.outcome == rules::Outcome::kUnmet ||
         finding.outcome == rules::Outcome::kNotJudged ||
         (finding.kind == rules::RuleKind::kPayFloor && finding.outcome == rules::Outcome::kFound);
}

// "The advert does not give the pay as an amount (...). Give the rate ...": the rule's message,
// with the figure it found when there is one.
std::string gap_text(const advert::Finding& finding) {
  std::string text(finding.message);
  if (!finding.detail.empty()) text += " (" + finding.detail + ")";
  return text;
}

std::string category_scores_json(const advert::Report& report) {
  boost::json::object out;
  for (const auto& category : report.categories) {
    out[rules::to_string(category.category)] = category.score;
  }
  return boost::json::serialize(out);
}

// The service an advert is checked for, as rule packs name it ("home care"): the label of the
// vacancy's kind of service in lower case; empty for a vacancy of no service or of a service that
// is not the provider's.
std::string checker_service(const tracker::Store& store, const tracker::Vacancy& vacancy) {
  if (!vacancy.service_id) return {};
  std::string words;
  try {
    words = tracker::label(store.services().get(vacancy.provider_id, *vacancy.service_id).type);
  } catch (const Error& error) {
    // Not one of the provider's services: the write refuses it, naming the field.
    if (error.code() != ErrorCode::kNotFound) throw;
    return {};
  }
  for (char& c : words) c = ascii_lower(c);
  return words;
}

}  // namespace

tracker::AdvertJudge make_vacancy_judge(const tracker::Store& store,
                                        CheckerSettingsService& settings,
                                        const advert::Checker& shared,
                                        advert::CheckContextPool& contexts) {
  tracker::AdvertJudge judge;
  judge.assess = [&store, &settings, &shared, &contexts](const tracker::Vacancy& vacancy,
                                                         Date day) {
    const std::string& text = *vacancy.advert_text;
    const advert::CheckOptions options{vacancy.role, checker_service(store, vacancy), day};
    tracker::AdvertAssessment out;
    const advert::CheckContextPool::Lease context = contexts.lease();
    {
      const CheckerLease own = settings.checker_for(vacancy.provider_id);
      const advert::Report report = own->check(text, options, *context);
      out.score = report.score;
      out.category_scores = category_scores_json(report);
      out.rules_version = std::string(report.rules_version);
    }
    const advert::Report essentials = shared.check(text, options, *context);
    for (const advert::Finding& finding : essentials.findings) {
      if (is_gap(finding)) out.gaps.push_back({"advert_text", gap_text(finding), std::nullopt});
    }
    return out;
  };
  judge.pay_floor = [&shared](Date day) -> std::optional<tracker::PayFloor> {
    const auto rate = rules::pay_floor_on(shared.rule_set(), day);
    if (!rate) return std::nullopt;
    return tracker::PayFloor{rate->from, rate->hourly};
  };
  return judge;
}

}  // namespace caretoolkit::server
