// The schema.org JobPosting of an open vacancy, for the <script type="application/ld+json"> of
// its public page: every property Google's job posting guidelines require or recommend that the
// vacancy's data gives (title, description, datePosted, validThrough, hiringOrganization,
// jobLocation, baseSalary, employmentType, directApply, identifier, workHours).
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "tracker/vacancy_publishing.hpp"

namespace caretoolkit::server {

// `page_url` is the vacancy page's own address; `description_html` the advert as the page shows
// it (escaped paragraphs).
boost::json::object job_posting(const tracker::PublicVacancy& vacancy, std::string_view page_url,
                                std::string_view description_html);

// "30 hours a week", "37.5 hours a week".
std::string hours_a_week(double hours);

// JSON for a <script> element: '<', '>' and '&' written as \u003c, \u003e and \u0026, so that no
// text inside ("</script>", "<!--") can end the element or change how it is read.
std::string script_safe_json(const boost::json::value& value);

}  // namespace caretoolkit::server
