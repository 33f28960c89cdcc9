// The public employers' page, served without a key: GET /employers lists the providers who chose
// to be listed (tracker/employer_directory.hpp), in alphabetical order, each with its town and
// postcode district, the kinds of service it runs, its description and its open vacancies linking
// to their pages; ?town= (case and spacing ignored) and ?service_type= narrow the list. Every
// text from a provider is HTML-escaped.
#pragma once

#include "router.hpp"
#include "tracker/employer_directory.hpp"

namespace caretoolkit::server {

// `directory` must outlive the router.
void add_employer_pages(Router& router, const tracker::EmployerDirectory& directory);

}  // namespace caretoolkit::server
