// The public vacancy pages, served without a key: GET /vacancies (the open vacancies of the
// providers who chose to be listed, newest first, by service type and town), GET /vacancies/{id}
// (the advert with its particulars and a schema.org JobPosting; 410 once closed, 404 for a draft
// or an unknown id), GET /vacancies/{id}/apply (counts the click and answers 303 to the
// provider's own way to apply) and GET /sitemap.xml (/employers and the listed open vacancies).
// The pieces the employers' page (employer_pages.hpp) shares with them are declared here.
//
// A view or click is counted for the vacancy, its live advert version and the day; nothing about
// the person is read or kept. Every text from a provider is HTML-escaped, and JSON-LD is written
// with script_safe_json().
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "router.hpp"
#include "tracker/vacancy_publishing.hpp"

namespace caretoolkit::server {

// `public_origin` ("https://toolkit.example.org") makes the addresses in the sitemap and the
// JobPosting; empty: the request's Host header, over http.
void add_public_pages(Router& router, tracker::VacancyPublishing& vacancies,
                      std::string public_origin);

// Text made safe inside HTML elements and quoted attributes: & < > " ' escaped.
std::string html_escape(std::string_view text);

// A whole public page: the shared head (title, the toolkit's CSS and layout script), then
// `head_extra` as written and `main` inside <main id="main">. `title` is escaped; `head_extra`
// and `main` must be HTML already.
std::string public_page(std::string_view title, std::string_view head_extra, std::string_view main);
// `body` as an HTML response.
Response html_page(unsigned status, std::string body);

// The list pages' filters from the query: ?service_type= (nullopt when empty or not a type) and
// ?town= (nullopt when blank; at most a name's length).
std::optional<tracker::ServiceType> service_type_param(const Request& request);
std::optional<std::string> town_param(const Request& request);
// The list pages' filter form, submitted by GET to `action`, showing the filter in force.
std::string filter_form(std::string_view action, std::optional<tracker::ServiceType> service_type,
                        const std::optional<std::string>& town, std::string_view button);

// Text as escaped paragraphs: a blank line starts a new one, a single line break stays one.
std::string paragraphs_html(std::string_view text);
// "£12.80 to £13.50 an hour", "£24,500.00 a year"; empty without a lowest pay.
std::string pay_text(const tracker::Vacancy& vacancy);

}  // namespace caretoolkit::server
