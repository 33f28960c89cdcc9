// The OpenAPI 3.1 description of the API, server/openapi.json in the repository, compiled into
// the binary so that the server always serves the document of its own version.
#pragma once

#include <string_view>

namespace caretoolkit::server {

std::string_view openapi_document();

}  // namespace caretoolkit::server
