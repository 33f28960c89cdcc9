// How publishing a vacancy judges its advert (tracker/vacancy_publishing.hpp), with the real
// advert checker: the score and category scores the provider's own checker gives (its settings
// included, as on the checker page), and the essentials the shared rule packs find missing, read
// by rule id, so that a provider's settings cannot switch off what publishing requires. An advert
// is checked for its vacancy's kind of service (the rules for home care, such as paid travel
// time, apply to a home care vacancy). The National Living Wage comes from the pay floor rule's
// dated rates.
#pragma once

#include <array>
#include <string_view>

#include "tracker/vacancy_publishing.hpp"

namespace caretoolkit::advert {
class Checker;
class CheckContextPool;
}  // namespace caretoolkit::advert

namespace caretoolkit::server {

class CheckerSettingsService;

// The essentials an advert must state to be published: a require rule unmet (or its figure
// hidden) or a pay floor finding is a gap, told in the rule's own message.
inline constexpr std::array<std::string_view, 4> kPublishingEssentials = {
    "essentials.pay", "essentials.location", "essentials.how-to-apply",
    "pay-and-hours.below-minimum-wage"};

// `store`, `settings`, `shared` and `contexts` (the checks' working memory) must outlive the
// judge.
tracker::AdvertJudge make_vacancy_judge(const tracker::Store& store,
                                        CheckerSettingsService& settings,
                                        const advert::Checker& shared,
                                        advert::CheckContextPool& contexts);

}  // namespace caretoolkit::server
