// A lenient HTTP/1.x response parser for archived responses: lines may end in CRLF or LF, unknown
// headers are ignored, and nothing here allocates beyond the few header values we keep.
#include "crosscheck/ascii.h"
#include "src/ingest/http_message.h"

#include <algorithm>

namespace crosscheck::ingest {
namespace {

constexpr char lower(char c) { return ascii::to_lower(c); }
using ascii::iequals;
constexpr std::string_view trim(std::string_view s) { return ascii::trim_blanks(s); }

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

// Next line of `s` from `pos` (without the line ending); advances `pos` past the line ending.
// False at the end of `s`.
bool next_line(std::string_view s, size_t& pos, std::string_view& line) {
  if (pos >= s.size()) return false;
  size_t nl = s.find('\n', pos);
  size_t end = nl == std::string_view::npos ? s.size() : nl;
  line = s.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = nl == std::string_view::npos ? s.size() : nl + 1;
  return true;
}

}  // namespace

bool parse_http_response(std::string_view block, HttpResponse& out) {
  out = HttpResponse{};
  if (block.substr(0, 5) != "HTTP/") return false;
  size_t pos = 0;
  std::string_view line;
  next_line(block, pos, line);
  size_t sp = line.find(' ');
  if (sp != std::string_view::npos) {
    int status = 0;
    size_t i = sp + 1;
    for (int digits = 0; digits < 3 && i < line.size() && line[i] >= '0' && line[i] <= '9';
         ++digits, ++i) {
      status = status * 10 + (line[i] - '0');
    }
    out.status = status;
  }
  while (next_line(block, pos, line)) {
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "content-type")) {
      std::string lowered = to_lower(value);
      size_t semi = lowered.find(';');
      out.content_type = std::string(trim(std::string_view(lowered).substr(0, semi)));
      size_t cs = lowered.find("charset=");
      if (cs != std::string::npos) {
        size_t i = cs + 8;
        while (i < lowered.size() &&
               (lowered[i] == '"' || lowered[i] == '\'' || lowered[i] == ' ')) {
          ++i;
        }
        size_t j = i;
        while (j < lowered.size() && lowered[j] != ';' && lowered[j] != '"' && lowered[j] != '\'' &&
               lowered[j] != ' ' && lowered[j] != ',') {
          ++j;
        }
        out.charset = lowered.substr(i, std::min<size_t>(j - i, 40));
      }
    } else if (iequals(name, "transfer-encoding")) {
      out.transfer_encoding = to_lower(value);
    } else if (iequals(name, "content-encoding")) {
      out.content_encoding = to_lower(value);
    }
  }
  out.body = block.substr(std::min(pos, block.size()));
  return true;
}

bool dechunk(std::string_view body, std::string& out) {
  out.clear();
  size_t pos = 0;
  std::string_view line;
  while (next_line(body, pos, line)) {
    // chunk-size [; extensions]
    uint64_t size = 0;
    size_t i = 0, digits = 0;
    for (; i < line.size(); ++i, ++digits) {
      char c = line[i];
      int v = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (v < 0) break;
      if (size > (uint64_t{1} << 40)) return false;
      size = size * 16 + static_cast<uint64_t>(v);
    }
    if (digits == 0) return false;
    std::string_view rest = trim(line.substr(i));
    if (!rest.empty() && rest.front() != ';') return false;
    if (size == 0) return true;  // last chunk; trailers do not matter to us
    if (size > body.size() - pos) {
      out.append(body.substr(pos));
      return false;
    }
    out.append(body.substr(pos, size));
    pos += size;
    // CRLF after the chunk data.
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  // Ended without the zero-size chunk: accept what we have only if nothing was lost.
  return pos >= body.size();
}

}  // namespace crosscheck::ingest
