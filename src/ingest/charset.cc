// Charset handling follows the spirit of the WHATWG encoding sniffing algorithm, cut down to what
// news pages need: a BOM wins, then the transport's declaration (HTTP Content-Type), then a
// <meta> declaration in the first 4 KB. Labels are normalised the way browsers do (latin1 and
// us-ascii mean windows-1252; a meta that claims UTF-16 on an ASCII-compatible page means UTF-8),
// and everything that is not UTF-8 goes through ICU's converters.
#include "crosscheck/ascii.h"
#include "src/ingest/charset.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdint>

namespace crosscheck::ingest {
namespace {

constexpr char lower(char c) { return ascii::to_lower(c); }

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Reads a charset value starting at `i` in `s` (after "charset="): optional quotes, then up to a
// delimiter.
std::string read_charset_value(std::string_view s, size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) ++i;
  size_t start = i;
  while (i < s.size() && !is_space(s[i]) && s[i] != '"' && s[i] != '\'' && s[i] != ';' &&
         s[i] != '>' && s[i] != ',' && s[i] != '/') {
    ++i;
  }
  return to_lower(s.substr(start, std::min<size_t>(i - start, 40)));
}

bool is_utf8_label(std::string_view label) {
  return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8" ||
         label == "x-unicode20utf8";
}

// Browser-compatible label mapping for what ICU should open.
std::string icu_name_for(std::string_view label) {
  if (label == "iso-8859-1" || label == "latin1" || label == "us-ascii" || label == "ascii" ||
      label == "iso8859-1" || label == "l1" || label == "cp1252" || label == "x-cp1252") {
    return "windows-1252";
  }
  if (label == "iso-8859-9" || label == "latin5") return "windows-1254";
  if (label == "tis-620" || label == "iso-8859-11") return "windows-874";
  if (label == "gb2312" || label == "gb_2312-80" || label == "x-gbk") return "gbk";
  return std::string(label);
}

bool convert_with_icu(std::string_view bytes, const std::string& charset, std::string& out) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset.c_str(), &err);
  if (U_FAILURE(err) || conv == nullptr) return false;
  ucnv_close(conv);
  if (bytes.size() > (INT32_MAX - 16) / 3) return false;  // ucnv_convert counts in int32_t
  // UTF-8 needs at most 3 bytes per input byte for every charset ICU can read (a 4-byte UTF-8
  // sequence always comes from at least 2 input bytes, e.g. a UTF-16 surrogate pair).
  out.resize(bytes.size() * 3 + 16);
  err = U_ZERO_ERROR;
  int32_t n = ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()),
                           bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(static_cast<size_t>(n) + 1);
    err = U_ZERO_ERROR;
    n = ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()),
                     bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) return false;
  out.resize(static_cast<size_t>(n));
  return true;
}

}  // namespace

std::string_view charset_from_bom(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  return {};
}

std::string charset_from_content_type(std::string_view content_type) {
  std::string lowered = to_lower(content_type.substr(0, 1024));
  size_t at = lowered.find("charset=");
  if (at == std::string::npos) return {};
  return read_charset_value(lowered, at + 8);
}

std::string charset_from_meta(std::string_view html) {
  std::string head = to_lower(html.substr(0, 4096));
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    size_t end = head.find('>', at);
    if (end == std::string::npos) end = head.size();
    std::string_view tag = std::string_view(head).substr(at, end - at);
    size_t cs = tag.find("charset");
    if (cs == std::string::npos) continue;
    size_t i = cs + 7;
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    std::string value = read_charset_value(tag, i + 1);
    if (!value.empty()) return value;
  }
  return {};
}

Decoded decode_to_utf8(std::string_view bytes, std::string_view declared, bool sniff_meta) {
  Decoded d;
  std::string label(charset_from_bom(bytes));
  if (!label.empty()) {
    bytes.remove_prefix(label == "utf-8" ? 3 : 2);
  } else if (!declared.empty()) {
    label = to_lower(declared);
  } else if (sniff_meta) {
    label = charset_from_meta(bytes);
    // A page that could read its own <meta> as ASCII cannot be UTF-16 (WHATWG rule).
    if (label.rfind("utf-16", 0) == 0) label = "utf-8";
  }
  d.charset = label;
  if (label.empty() || is_utf8_label(label)) {
    d.text.assign(bytes);
    return d;
  }
  if (!convert_with_icu(bytes, icu_name_for(label), d.text)) {
    d.warning = "unknown charset \"" + label + "\", read as UTF-8";
    d.text.assign(bytes);
  }
  return d;
}

}  // namespace crosscheck::ingest
