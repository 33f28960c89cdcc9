// The public vacancy pages; see public_pages.hpp.
#include "public_pages.hpp"

#include "core/money.hpp"
#include "job_posting.hpp"
#include "problem.hpp"
#include "tracker/validation.hpp"

namespace caretoolkit::server {

namespace {

namespace tr = caretoolkit::tracker;

// The vacancies one page of the list shows.
constexpr std::size_t kPageSize = 50;

std::string origin_of(const Request& request, const std::string& public_origin) {
  if (!public_origin.empty()) return public_origin;
  return "http://" + std::string(request.header("Host").value_or("127.0.0.1"));
}

std::string place_text(const tr::Vacancy& v) {
  if (v.postcode_district.empty()) return v.town;
  return v.town + " (" + v.postcode_district + ")";
}

std::string hours_text(const tr::Vacancy& v) {
  std::string text;
  if (v.hours_per_week) text = hours_a_week(*v.hours_per_week);
  if (v.employment_type) {
    if (!text.empty()) text += ", ";
    std::string kind(tr::label(*v.employment_type));
    if (!text.empty()) kind[0] = static_cast<char>(kind[0] - 'A' + 'a');
    text += kind;
  }
  return text;
}

void add_row(std::string& out, std::string_view term, const std::string& value) {
  if (value.empty()) return;
  out += "      <dt>" + std::string(term) + "</dt><dd>" + html_escape(value) + "</dd>\n";
}

std::string particulars(const tr::PublicVacancy& pv) {
  const tr::Vacancy& v = pv.vacancy;
  std::string out = "    <dl class=\"vacancy-facts\">\n";
  add_row(out, "Employer", pv.provider_name);
  add_row(out, "Where", place_text(v));
  add_row(out, "Pay", pay_text(v));
  add_row(out, "Hours", hours_text(v));
  add_row(out, "Closing date", v.closing_on ? long_date(*v.closing_on) : "");
  return out + "    </dl>\n";
}

// How to apply: each way the provider gives, through the counted apply link.
std::string apply_section(const tr::Vacancy& v) {
  const std::string base = "/vacancies/" + std::to_string(v.id) + "/apply";
  std::string out = "    <h2>How to apply</h2>\n    <ul class=\"apply-ways\">\n";
  if (!v.apply_url.empty()) {
    out += "      <li><a class=\"button\" href=\"" + base + "?by=web\">Apply online</a></li>\n";
  }
  if (!v.apply_phone.empty()) {
    out += "      <li>Phone <a href=\"" + base + "?by=phone\">" + html_escape(v.apply_phone) +
           "</a></li>\n";
  }
  if (!v.apply_email.empty()) {
    out += "      <li>Email <a href=\"" + base + "?by=email\">" + html_escape(v.apply_email) +
           "</a></li>\n";
  }
  return out + "    </ul>\n";
}

Response vacancy_page(tr::VacancyPublishing& vacancies, const std::string& origin,
                      Request& request) {
  const auto found = vacancies.find_public(tr::Id{
      std::strtoll(std::string(request.path_param("id").value_or("0")).c_str(), nullptr, 10)});
  if (!found) {
    return html_page(404,
                     public_page("Vacancy not found", "",
                                 "    <h1>Vacancy not found</h1>\n    <p>There is no vacancy at "
                                 "this address.</p>\n    <p><a href=\"/vacancies\">See the care "
                                 "jobs open now</a></p>\n"));
  }
  const tr::Vacancy& v = found->vacancy;
  if (v.status != tr::VacancyStatus::kOpen) {
    return html_page(410,
                     public_page("This job has closed", "",
                                 "    <h1>This job has closed</h1>\n    <p>" + html_escape(v.role) +
                                     " at " + html_escape(found->provider_name) +
                                     " is no longer taking applications.</p>\n    <p><a "
                                     "href=\"/vacancies\">See the care jobs open now</a></p>\n"));
  }
  if (request.method == "GET") vacancies.count(v.id, tr::PageEvent::kView);
  const std::string description = paragraphs_html(v.advert_text.value_or(""));
  const std::string url = origin + "/vacancies/" + std::to_string(v.id);
  const std::string head = "  <script type=\"application/ld+json\">" +
                           script_safe_json(job_posting(*found, url, description)) + "</script>\n";
  std::string main = "    <h1>" + html_escape(v.role) + "</h1>\n" + particulars(*found) +
                     "    <h2>About the job</h2>\n    <div class=\"advert-text\">\n" + description +
                     "\n    </div>\n" + apply_section(v);
  Response response = html_page(200, public_page(v.role, head, main));
  response.set_header("Cache-Control", "no-cache");
  return response;
}

// The provider's own way to apply that `by` names (web, phone or email; the first there is when
// absent), as a link a browser follows.
std::string apply_target(const tr::Vacancy& v, std::string_view by) {
  const bool any = by.empty();
  if ((any || by == "web") && !v.apply_url.empty()) return v.apply_url;
  if ((any || by == "phone") && !v.apply_phone.empty()) {
    std::string tel = "tel:";
    for (const char c : v.apply_phone) {
      if ((c >= '0' && c <= '9') || c == '+') tel += c;
    }
    return tel;
  }
  if ((any || by == "email") && !v.apply_email.empty()) return "mailto:" + v.apply_email;
  return "";
}

Response apply_redirect(tr::VacancyPublishing& vacancies, Request& request) {
  const auto found = vacancies.find_public(tr::Id{
      std::strtoll(std::string(request.path_param("id").value_or("0")).c_str(), nullptr, 10)});
  if (!found || found->vacancy.status != tr::VacancyStatus::kOpen) {
    return html_page(
        found ? 410 : 404,
        public_page("This job is not open", "",
                    "    <h1>This job is not open</h1>\n    <p><a href=\"/vacancies\">See the "
                    "care jobs open now</a></p>\n"));
  }
  const std::string target = apply_target(found->vacancy, request.query_param("by").value_or(""));
  if (target.empty()) {
    return html_page(
        404, public_page("No such way to apply", "",
                         "    <h1>No such way to apply</h1>\n    <p><a href=\"/vacancies/" +
                             std::to_string(found->vacancy.id) + "\">Back to the job</a></p>\n"));
  }
  vacancies.count(found->vacancy.id, tr::PageEvent::kApplyClick);
  Response response{303, {}, {}, {}, false};
  response.set_header("Location", target);
  response.set_header("Cache-Control", "no-store");
  return response;
}

std::string vacancy_card(const tr::PublicVacancy& pv) {
  const tr::Vacancy& v = pv.vacancy;
  std::string out = "      <li class=\"card\">\n        <h2><a href=\"/vacancies/" +
                    std::to_string(v.id) + "\">" + html_escape(v.role) + "</a></h2>\n";
  out +=
      "        <p>" + html_escape(pv.provider_name) + ", " + html_escape(place_text(v)) + "</p>\n";
  out += "        <p>" + html_escape(pay_text(v));
  if (const std::string hours = hours_text(v); !hours.empty()) out += ", " + html_escape(hours);
  out += "</p>\n";
  if (v.closing_on) out += "        <p>Closes on " + long_date(*v.closing_on) + "</p>\n";
  return out + "      </li>\n";
}

Response list_page(tr::VacancyPublishing& vacancies, Request& request) {
  tr::PublicVacancyFilter filter;
  filter.limit = kPageSize;
  filter.service_type = service_type_param(request);
  filter.town = town_param(request);
  vacancies.close_expired_daily();
  const auto found = vacancies.list_public(filter);
  std::string main =
      "    <h1>Care jobs open now</h1>\n    <p>Jobs with care providers in the area. Each one "
      "says what it pays and how to apply. <a href=\"/employers\">See the care employers</a> "
      "and what they do.</p>\n" +
      filter_form("/vacancies", filter.service_type, filter.town, "Show jobs");
  if (found.empty()) {
    main += "    <p class=\"empty\">No jobs match. Try another town or kind of service.</p>\n";
  } else {
    main += "    <p>" + std::to_string(found.size()) + (found.size() == 1 ? " job" : " jobs") +
            ", newest first.</p>\n    <ul class=\"cards\">\n";
    for (const auto& pv : found) main += vacancy_card(pv);
    main += "    </ul>\n";
  }
  Response response = html_page(200, public_page("Care jobs open now", "", main));
  response.set_header("Cache-Control", "no-cache");
  return response;
}

Response sitemap(tr::VacancyPublishing& vacancies, const std::string& origin) {
  vacancies.close_expired_daily();
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
      "  <url><loc>" +
      html_escape(origin) + "/employers</loc></url>\n";
  tr::PublicVacancyFilter filter;
  filter.limit = 50'000;  // the most one sitemap file may list
  for (const auto& pv : vacancies.list_public(filter)) {
    out += "  <url><loc>" + html_escape(origin) + "/vacancies/" + std::to_string(pv.vacancy.id) +
           "</loc>";
    if (pv.vacancy.published_on) {
      out += "<lastmod>" + pv.vacancy.published_on->to_string() + "</lastmod>";
    }
    out += "</url>\n";
  }
  out += "</urlset>\n";
  Response response = Response::text(200, "application/xml; charset=utf-8", std::move(out));
  response.set_header("Cache-Control", "no-cache");
  return response;
}

}  // namespace

std::string paragraphs_html(std::string_view text) {
  std::string out = "<p>";
  std::size_t breaks = 0;
  for (const char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      ++breaks;
      continue;
    }
    if (breaks == 1) out += "<br>\n";
    if (breaks >= 2) out += "</p>\n<p>";
    breaks = 0;
    out += html_escape(std::string_view(&c, 1));
  }
  return out + "</p>";
}

std::optional<tr::ServiceType> service_type_param(const Request& request) {
  const auto type = request.query_param("service_type");
  if (!type || type->empty()) return std::nullopt;
  return tr::parse_service_type(*type);
}

std::optional<std::string> town_param(const Request& request) {
  const auto town = request.query_param("town");
  if (!town || tr::is_blank(*town)) return std::nullopt;
  return std::string(town->substr(0, tr::kMaxNameLength));
}

std::string filter_form(std::string_view action, std::optional<tr::ServiceType> service_type,
                        const std::optional<std::string>& town, std::string_view button) {
  std::string out = "    <form class=\"vacancy-filter\" method=\"get\" action=\"" +
                    std::string(action) +
                    "\">\n"
                    "      <div class=\"field\">\n"
                    "        <label for=\"service-type\">Kind of service</label>\n"
                    "        <select id=\"service-type\" name=\"service_type\">\n"
                    "          <option value=\"\">Any</option>\n";
  for (const tr::ServiceType type : tr::all_service_types()) {
    out += "          <option value=\"" + std::string(tr::to_string(type)) + "\"" +
           (service_type == type ? " selected" : "") + ">" + std::string(tr::label(type)) +
           "</option>\n";
  }
  out +=
      "        </select>\n      </div>\n      <div class=\"field\">\n"
      "        <label for=\"town\">Town</label>\n"
      "        <input id=\"town\" name=\"town\" type=\"text\" "
      "autocomplete=\"address-level2\" value=\"" +
      html_escape(town.value_or("")) + "\">\n      </div>\n      <div class=\"field\">\n" +
      "        <button type=\"submit\">" + std::string(button) +
      "</button>\n      </div>\n    </form>\n";
  return out;
}

std::string pay_text(const tr::Vacancy& v) {
  if (!v.pay_min) return "";
  std::string text = readable_pounds(*v.pay_min);
  if (v.pay_max && *v.pay_max != *v.pay_min) text += " to " + readable_pounds(*v.pay_max);
  return text + (v.pay_period == tr::PayPeriod::kHour ? " an hour" : " a year");
}

std::string public_page(std::string_view title, std::string_view head_extra,
                        std::string_view main) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n  <meta charset=\"utf-8\">\n"
      "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>";
  out += html_escape(title);
  out +=
      " – Care recruitment toolkit</title>\n  <link rel=\"stylesheet\" href=\"/css/site.css\">\n"
      "  <script type=\"module\" src=\"/js/layout.js\"></script>\n";
  out += head_extra;
  out += "</head>\n<body>\n  <main id=\"main\">\n";
  out += main;
  out += "  </main>\n</body>\n</html>\n";
  return out;
}

Response html_page(unsigned status, std::string body) {
  return Response::text(status, "text/html; charset=utf-8", std::move(body));
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void add_public_pages(Router& router, tr::VacancyPublishing& vacancies, std::string public_origin) {
  auto origin = std::make_shared<const std::string>(std::move(public_origin));
  router.add("GET", "/vacancies",
             [&vacancies](Request& request) { return list_page(vacancies, request); });
  router.add("GET", "/vacancies/{id}", [&vacancies, origin](Request& request) {
    return vacancy_page(vacancies, origin_of(request, *origin), request);
  });
  router.add("GET", "/vacancies/{id}/apply",
             [&vacancies](Request& request) { return apply_redirect(vacancies, request); });
  router.add("GET", "/sitemap.xml", [&vacancies, origin](Request& request) {
    return sitemap(vacancies, origin_of(request, *origin));
  });
}

}  // namespace caretoolkit::server
