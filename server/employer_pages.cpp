// The public employers' page; see employer_pages.hpp.
#include "employer_pages.hpp"

#include "core/date.hpp"
#include "public_pages.hpp"

namespace caretoolkit::server {

namespace {

namespace tr = caretoolkit::tracker;

// The employers one page shows, and the open vacancies shown for each.
constexpr std::size_t kEmployersShown = 100;
constexpr std::size_t kVacanciesEach = 50;

std::string place_text(const tr::EmployerProfile& profile) {
  if (profile.postcode_district.empty()) return profile.town;
  if (profile.town.empty()) return profile.postcode_district;
  return profile.town + " (" + profile.postcode_district + ")";
}

// "Home care, Nursing home"
std::string service_types_text(const std::vector<tr::ServiceType>& types) {
  std::string out;
  for (const tr::ServiceType type : types) {
    if (!out.empty()) out += ", ";
    out += tr::label(type);
  }
  return out;
}

std::string vacancy_item(const tr::PublicVacancy& pv) {
  const tr::Vacancy& v = pv.vacancy;
  std::string out = "          <li><a href=\"/vacancies/" + std::to_string(v.id) + "\">" +
                    html_escape(v.role) + "</a>";
  if (const std::string pay = pay_text(v); !pay.empty()) out += ", " + html_escape(pay);
  if (v.closing_on) out += ", closes on " + long_date(*v.closing_on);
  return out + "</li>\n";
}

std::string vacancies_section(const tr::PublicEmployer& employer) {
  if (employer.vacancies.empty()) return "        <p>No jobs open just now.</p>\n";
  std::string out = "        <h3>Jobs open now</h3>\n        <ul>\n";
  for (const auto& pv : employer.vacancies) out += vacancy_item(pv);
  return out + "        </ul>\n";
}

std::string employer_card(const tr::PublicEmployer& employer) {
  std::string out =
      "      <li class=\"card\">\n        <h2>" + html_escape(employer.name) + "</h2>\n";
  if (const std::string place = place_text(employer.profile); !place.empty()) {
    out += "        <p>" + html_escape(place) + "</p>\n";
  }
  if (!employer.service_types.empty()) {
    out += "        <p>Runs: " + html_escape(service_types_text(employer.service_types)) + "</p>\n";
  }
  if (!employer.profile.description.empty()) {
    out += "        " + paragraphs_html(employer.profile.description) + "\n";
  }
  return out + vacancies_section(employer) + "      </li>\n";
}

Response list_page(const tr::EmployerDirectory& directory, const Request& request) {
  tr::EmployerFilter filter;
  filter.limit = kEmployersShown;
  filter.service_type = service_type_param(request);
  filter.town = town_param(request);
  const auto found = directory.list(filter, kVacanciesEach);
  std::string main =
      "    <h1>Care employers in the area</h1>\n    <p>Care providers who are recruiting, what "
      "they do and the jobs they have open. See all the <a href=\"/vacancies\">care jobs open "
      "now</a>.</p>\n" +
      filter_form("/employers", filter.service_type, filter.town, "Show employers");
  if (found.empty()) {
    main += "    <p class=\"empty\">No employers match. Try another town or kind of service.</p>\n";
  } else {
    main += "    <p>" + std::to_string(found.size()) +
            (found.size() == 1 ? " employer" : " employers") +
            ", in alphabetical order.</p>\n    <ul class=\"cards\">\n";
    for (const auto& employer : found) main += employer_card(employer);
    main += "    </ul>\n";
  }
  Response response = html_page(200, public_page("Care employers in the area", "", main));
  response.set_header("Cache-Control", "no-cache");
  return response;
}

}  // namespace

void add_employer_pages(Router& router, const tr::EmployerDirectory& directory) {
  router.add("GET", "/employers",
             [&directory](Request& request) { return list_page(directory, request); });
}

}  // namespace caretoolkit::server
