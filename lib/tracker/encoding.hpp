// base64url without padding (RFC 4648 section 5), for API key secrets and pagination cursors.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caretoolkit::tracker {

std::string base64url_encode(std::string_view bytes);
// nullopt unless `text` is unpadded base64url ("A-Z a-z 0-9 - _") of a whole number of bytes.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace caretoolkit::tracker
