// ISO 639-1 codes to the names of Snowball stemming algorithms (libstemmer).
#pragma once

#include <string_view>

namespace crosscheck::text {

// The Snowball algorithm for `iso` ("en" -> "english"), or nullptr when Snowball has none.
const char* snowball_algorithm(std::string_view iso);

}  // namespace crosscheck::text
