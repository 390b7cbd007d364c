// Day numbers for the clusterer's time window.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crosscheck::cluster {

// Days since 1970-01-01 of a date that starts with YYYY-MM-DD (also YYYY/MM/DD, and any time or
// zone after it, which is ignored: a day is as fine as news dating gets across outlets). Anything
// else — empty, "March 3, 2019", "yesterday" — is unknown: the article is then not held to the
// time window rather than guessed at.
std::optional<int32_t> parse_day(std::string_view published);

// Inverse of parse_day: "YYYY-MM-DD".
std::string format_day(int32_t day);

}  // namespace crosscheck::cluster
