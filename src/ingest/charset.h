// Turning HTML (or text) bytes in some declared or detectable charset into UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::ingest {

struct Decoded {
  std::string text;     // UTF-8 (not yet repaired: invalid input bytes may remain for UTF-8 input)
  std::string charset;  // the charset used, lower-case as declared ("windows-1252"); empty if none
  std::string warning;  // non-empty when the declared charset could not be used
};

// Charset from a byte-order mark (UTF-8, UTF-16LE/BE); empty when there is none.
std::string_view charset_from_bom(std::string_view bytes);

// The charset=... parameter of a Content-Type value; empty when absent.
std::string charset_from_content_type(std::string_view content_type);

// charset from <meta charset=...> or <meta http-equiv=Content-Type content="...; charset=...">
// within the first 4 KB; empty when none.
std::string charset_from_meta(std::string_view html);

// Converts `bytes` to UTF-8. Precedence: BOM, then `declared` (e.g. from HTTP), then (when
// `sniff_meta`) the HTML meta declaration; UTF-8 when nothing is declared.
Decoded decode_to_utf8(std::string_view bytes, std::string_view declared, bool sniff_meta);

}  // namespace crosscheck::ingest
