// WARC (ISO 28500) files, as written by Heritrix, wget --warc-file, warcio and Common Crawl.
//
// A record is "WARC/1.x" CRLF, header lines, CRLF, exactly Content-Length bytes of block, then
// CRLF CRLF. We walk records by their Content-Length, so the payload (which may contain anything,
// including the string "WARC/") is never scanned. Only response records whose HTTP response is a
// 2xx with an HTML media type become articles; everything else (warcinfo, request, metadata,
// resource, revisit, images, redirects) is counted in Stats::warc_skipped.
//
// Lengths are checked, not trusted: a block that runs past the end of the input, or that is not
// followed by the next "WARC/" header, means the Content-Length is wrong. That record is reported
// and we resynchronise by scanning for the next "\nWARC/1." at a line start, so one bad record
// costs one record. The HTTP body is de-chunked and gunzipped/inflated when its headers say so,
// then converted to UTF-8 from the HTTP charset, else the <meta> charset.
#include <algorithm>
#include <string>

#include "crosscheck/ascii.h"
#include "src/ingest/charset.h"
#include "src/ingest/format.h"
#include "src/ingest/gzip.h"
#include "src/ingest/http_message.h"
#include "src/ingest/readers.h"

namespace crosscheck::ingest {
namespace {

constexpr char lower(char c) { return ascii::to_lower(c); }
using ascii::iequals;
constexpr std::string_view trim(std::string_view s) { return ascii::trim_blanks(s); }

struct WarcHeader {
  std::string_view type;
  std::string_view record_id;
  std::string_view target_uri;
  std::string_view date;
  uint64_t content_length = 0;
  bool has_length = false;
};

// Parses header lines from `pos` (at "WARC/") up to the blank line. On success `block_start` is the
// first byte after the blank line. False when the input ends first.
// Gives up at another "WARC/" line or after kMaxHeaderBytes, so garbage cannot make the scan (and
// the resynchronisation after it) quadratic.
bool parse_header(std::string_view b, size_t pos, WarcHeader& h, size_t& block_start) {
  constexpr size_t kMaxHeaderBytes = 1 << 20;
  const size_t limit = std::min(b.size(), pos + kMaxHeaderBytes);
  bool first = true;
  while (pos < limit) {
    size_t nl = b.find('\n', pos);
    if (nl == std::string_view::npos || nl >= limit) return false;
    std::string_view line = b.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (first) {  // the version line
      first = false;
      continue;
    }
    if (line.substr(0, 5) == "WARC/") return false;
    if (line.empty()) {
      block_start = pos;
      return true;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "WARC-Type")) {
      h.type = value;
    } else if (iequals(name, "WARC-Record-ID")) {
      h.record_id = value;
    } else if (iequals(name, "WARC-Target-URI")) {
      h.target_uri = value;
    } else if (iequals(name, "WARC-Date")) {
      h.date = value;
    } else if (iequals(name, "Content-Length")) {
      uint64_t n = 0;
      bool ok = !value.empty() && value.size() <= 18;
      for (char c : value) {
        if (c < '0' || c > '9') {
          ok = false;
          break;
        }
        n = n * 10 + static_cast<uint64_t>(c - '0');
      }
      h.has_length = ok;
      h.content_length = n;
    }
  }
  return false;
}

// "<urn:uuid:0f1e...>" -> "0f1e..."
std::string record_id(std::string_view raw) {
  if (!raw.empty() && raw.front() == '<') raw.remove_prefix(1);
  if (!raw.empty() && raw.back() == '>') raw.remove_suffix(1);
  if (raw.substr(0, 9) == "urn:uuid:") raw.remove_prefix(9);
  return std::string(raw);
}

// Position of the next record header ("WARC/1." at a line start) after `from`, or the end.
size_t resync(std::string_view b, size_t from) {
  size_t at = b.find("\nWARC/1.", from);
  return at == std::string_view::npos ? b.size() : at + 1;
}

bool is_html_type(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

// Turns one response record into an article, or counts it as skipped.
void read_response(ReadContext& ctx, const WarcHeader& h, std::string_view block,
                   const std::string& id, size_t offset) {
  HttpResponse http;
  if (!parse_http_response(block, http) || http.status < 200 || http.status >= 300) {
    ++ctx.stats().warc_skipped;
    return;
  }
  if (!(is_html_type(http.content_type) ||
        (http.content_type.empty() && looks_like_html(http.body)))) {
    ++ctx.stats().warc_skipped;
    return;
  }
  std::string_view body = http.body;
  std::string dechunked;
  if (http.transfer_encoding.find("chunked") != std::string::npos) {
    bool ok = dechunk(body, dechunked);
    if (ok || !dechunked.empty()) {
      if (!ok) ctx.warning(id, "malformed chunked transfer encoding; kept the chunks before it");
      body = dechunked;
    }
    // else: not chunked at all (the crawler stored the body de-chunked); use it as it is.
  }
  std::string inflated;
  const std::string& coding = http.content_encoding;
  const uint64_t max_record = ctx.options().max_record_bytes;
  if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    // Some crawlers store the decoded body but keep the header; only inflate what is compressed.
    bool compressed = coding != "deflate" ? is_gzip(body) : !looks_like_html(body);
    if (compressed) {
      InflateResult r = inflate_all(body, coding == "deflate" ? Wrapper::kZlib : Wrapper::kGzip,
                                    max_record, inflated);
      if (coding == "deflate" && r.status == InflateStatus::kCorrupt) {
        r = inflate_all(body, Wrapper::kRaw, max_record, inflated);
      }
      switch (r.status) {
        case InflateStatus::kOk:
          break;
        case InflateStatus::kTruncated:
          ctx.warning(id, "truncated " + coding + " body; kept the " +
                              std::to_string(inflated.size()) + " bytes before the cut");
          break;
        case InflateStatus::kCorrupt:
          ctx.error(id, "corrupt " + coding + " body: " + r.message);
          return;
        case InflateStatus::kTooLarge:
          ctx.error(id, "decoded body exceeds --max-record-bytes (" + std::to_string(max_record) +
                            " bytes)");
          return;
      }
      body = inflated;
    }
  } else if (!coding.empty() && coding != "identity") {
    ctx.error(id, "unsupported Content-Encoding: " + coding);
    return;
  }

  if (std::all_of(body.begin(), body.end(),
                  [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; })) {
    ctx.error(id, "empty HTML body");
    return;
  }
  Decoded decoded = decode_to_utf8(body, http.charset, /*sniff_meta=*/true);
  if (!decoded.warning.empty()) ctx.warning(id, decoded.warning);
  RawArticle a;
  a.id = id;
  a.url = std::string(h.target_uri);
  a.published = std::string(h.date);
  a.body = std::move(decoded.text);
  a.charset = std::move(decoded.charset);
  a.is_html = true;
  a.origin = std::string(ctx.name()) + "@" + std::to_string(offset);
  ctx.emit(std::move(a));
}

}  // namespace

void read_warc(ReadContext& ctx, std::string_view b, bool truncated) {
  const uint64_t max_record = ctx.options().max_record_bytes;
  size_t pos = 0;
  while (pos < b.size()) {
    while (pos < b.size() && (b[pos] == '\r' || b[pos] == '\n')) ++pos;
    if (pos >= b.size()) break;
    const size_t start = pos;
    const std::string at = "offset " + std::to_string(start) + ": ";
    std::string id = ctx.file_id() + "@" + std::to_string(start);
    if (b.substr(pos, 5) != "WARC/") {
      ctx.error(id, at + "expected a WARC/1.x record header");
      pos = resync(b, pos);
      continue;
    }
    WarcHeader h;
    size_t block_start = 0;
    if (!parse_header(b, pos, h, block_start)) {
      ctx.error(id, at + "WARC header not terminated by a blank line" +
                        (truncated ? " (truncated gzip stream)" : ""));
      pos = resync(b, pos + 1);
      continue;
    }
    if (!h.record_id.empty()) id = record_id(h.record_id);
    if (!h.has_length) {
      ctx.error(id, at + "missing or invalid Content-Length");
      pos = resync(b, block_start - 1);
      continue;
    }
    const uint64_t left = b.size() - block_start;
    if (h.content_length > left) {
      ctx.error(id, at + "Content-Length " + std::to_string(h.content_length) +
                        " runs past the end of the input (" + std::to_string(left) +
                        " bytes left)" + (truncated ? " (truncated gzip stream)" : ""));
      pos = resync(b, block_start - 1);
      continue;
    }
    const size_t block_end = block_start + static_cast<size_t>(h.content_length);
    size_t next = block_end;
    while (next < b.size() && (b[next] == '\r' || b[next] == '\n')) ++next;
    if (next < b.size() && b.substr(next, 5) != "WARC/") {
      ctx.error(id, at + "Content-Length " + std::to_string(h.content_length) +
                        " does not end at a record boundary (no WARC/ header follows)");
      pos = resync(b, block_start - 1);
      continue;
    }
    pos = next;
    if (!iequals(h.type, "response")) {
      ++ctx.stats().warc_skipped;
      continue;
    }
    if (h.content_length > max_record) {
      ctx.error(
          id, at + "record exceeds --max-record-bytes (" + std::to_string(max_record) + " bytes)");
      continue;
    }
    read_response(ctx, h, b.substr(block_start, block_end - block_start), id, start);
  }
}

}  // namespace crosscheck::ingest
