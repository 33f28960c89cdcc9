// The public vacancy pages, served without a key: GET /vacancies (the open vacancies of the
// providers who chose to be listed, newest first, by service type and town), GET /vacancies/{id}
// (the advert with its particulars and a schema.org JobPosting; 410 once closed, 404 for a draft
// or an unknown id), GET /vacancies/{id}/apply (counts the click and answers 303 to the
// provider's own way to apply) and GET /sitemap.xml (the listed open vacancies).
//
// A view or click is counted for the vacancy, its live advert version and the day; nothing about
// the person is read or kept. Every text from a provider is HTML-escaped, and JSON-LD is written
// with script_safe_json().
#pragma once

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

}  // namespace caretoolkit::server
