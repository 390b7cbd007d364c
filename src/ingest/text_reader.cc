// Plain-text articles. The format: optional header lines at the very top -- "Title:", "Source:",
// "URL:", "Date:" (keys case-insensitive, any order, each at most once) -- ended by a blank line,
// then the body. Headers are only recognised when the first line is one of them, so a body that
// merely mentions "Date: ..." further down is never mistaken for metadata. A repeated key or a line
// that is no header ends the block early and starts the body (lenient, nothing is lost).
#include <string>

#include "crosscheck/ascii.h"
#include "src/ingest/charset.h"
#include "src/ingest/readers.h"

namespace crosscheck::ingest {
namespace {

constexpr char lower(char c) { return ascii::to_lower(c); }
constexpr std::string_view trim(std::string_view s) { return ascii::trim_blanks(s); }

enum Header { kTitle, kSource, kUrl, kDate, kNone };

// Which header `line` is, with its value.
Header match_header(std::string_view line, std::string_view& value) {
  static constexpr std::string_view kKeys[] = {"title:", "source:", "url:", "date:"};
  for (int h = 0; h < 4; ++h) {
    std::string_view key = kKeys[h];
    if (line.size() < key.size()) continue;
    bool same = true;
    for (size_t i = 0; i < key.size() && same; ++i) same = lower(line[i]) == key[i];
    if (same) {
      value = trim(line.substr(key.size()));
      return static_cast<Header>(h);
    }
  }
  return kNone;
}

bool all_space(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

void read_text(ReadContext& ctx, std::string_view bytes) {
  Decoded decoded = decode_to_utf8(bytes, {}, /*sniff_meta=*/false);
  std::string_view s = decoded.text;
  RawArticle a;
  a.id = ctx.file_id();
  a.origin = std::string(ctx.name());

  size_t pos = 0;         // start of the next line
  size_t body_start = 0;  // where the body begins
  unsigned seen = 0;      // bit per header already read
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    size_t end = nl == std::string_view::npos ? s.size() : nl;
    size_t next = nl == std::string_view::npos ? s.size() : nl + 1;
    std::string_view line = s.substr(pos, end - pos);
    std::string_view value;
    Header h = match_header(line, value);
    if (seen == 0 && h == kNone) break;  // no header block at all
    if (trim(line).empty()) {            // the blank line that ends the block
      body_start = next;
      break;
    }
    if (h == kNone || (seen & (1u << h)) != 0) {
      body_start = pos;
      break;
    }
    seen |= 1u << h;
    switch (h) {
      case kTitle:
        a.title = std::string(value);
        break;
      case kSource:
        a.source = std::string(value);
        break;
      case kUrl:
        a.url = std::string(value);
        break;
      case kDate:
        a.published = std::string(value);
        break;
      case kNone:
        break;
    }
    pos = next;
    body_start = next;
  }
  std::string_view body = s.substr(body_start);
  if (all_space(body)) {
    ctx.error(a.id, seen != 0 ? "no text after the header lines" : "no text (only whitespace)");
    return;
  }
  a.body = std::string(body);
  ctx.emit(std::move(a));
}

}  // namespace crosscheck::ingest
