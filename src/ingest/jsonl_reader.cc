// JSONL articles: one JSON object per line, as news crawlers (news-please, trafilatura, custom
// scrapers) write them. We accept the common field names -- id, url, title,
// text|maintext|body|content, source|source_domain|outlet, date|date_publish|published, html,
// authors -- and ignore the rest.
//
// Lines are cut with memchr and each one is parsed with simdjson's DOM parser, which reuses its
// buffers across lines, so the cost is about one pass of simdjson per byte. A bad line is a
// Problem naming the line, and the next line is read as if nothing happened: one broken record
// never costs the rest of the file. simdjson rejects invalid UTF-8 outright; such a line is
// repaired (U+FFFD) and parsed again, with a warning, rather than dropped.
#include <simdjson.h>

#include <charconv>
#include <cstring>
#include <initializer_list>
#include <string>

#include "crosscheck/utf8.h"
#include "src/ingest/readers.h"

namespace crosscheck::ingest {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

const char* type_name(element_type t) {
  switch (t) {
    case element_type::ARRAY:
      return "array";
    case element_type::OBJECT:
      return "object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "number";
    case element_type::STRING:
      return "string";
    case element_type::BOOL:
      return "boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "value";
}

bool blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// Scalar as text: strings as they are, numbers printed (ids and dates are sometimes numbers).
bool scalar_text(const element& v, std::string& out) {
  switch (v.type()) {
    case element_type::STRING: {
      std::string_view s;
      if (v.get_string().get(s)) return false;
      out.assign(s);
      return true;
    }
    case element_type::INT64: {
      int64_t n = 0;
      if (v.get_int64().get(n)) return false;
      out = std::to_string(n);
      return true;
    }
    case element_type::UINT64: {
      uint64_t n = 0;
      if (v.get_uint64().get(n)) return false;
      out = std::to_string(n);
      return true;
    }
    case element_type::DOUBLE: {
      double d = 0;
      if (v.get_double().get(d)) return false;
      char buf[64];
      auto r = std::to_chars(buf, buf + sizeof buf, d);
      out.assign(buf, r.ptr);
      return true;
    }
    default:
      return false;
  }
}

// The first of `keys` whose value is a non-blank scalar.
bool first_field(const object& obj, std::initializer_list<const char*> keys, std::string& out) {
  for (const char* key : keys) {
    element v;
    if (obj.at_key(key).get(v) != simdjson::SUCCESS) continue;
    if (scalar_text(v, out) && !blank(out)) return true;
  }
  out.clear();
  return false;
}

void read_authors(const object& obj, std::vector<std::string>& authors) {
  for (const char* key : {"authors", "author"}) {
    element v;
    if (obj.at_key(key).get(v) != simdjson::SUCCESS) continue;
    std::string_view s;
    if (v.is_string()) {
      if (!v.get_string().get(s) && !blank(s)) authors.emplace_back(s);
    } else if (simdjson::dom::array arr; v.get_array().get(arr) == simdjson::SUCCESS) {
      for (element item : arr) {
        if (item.is_string() && !item.get_string().get(s) && !blank(s)) authors.emplace_back(s);
      }
    }
    if (!authors.empty()) return;
  }
}

}  // namespace

uint64_t read_jsonl(ReadContext& ctx, std::string_view bytes, bool truncated,
                    uint64_t lines_before) {
  simdjson::dom::parser parser;
  std::string repaired;
  const uint64_t max_record = ctx.options().max_record_bytes;
  size_t pos = 0;
  uint64_t line_no = lines_before;
  while (pos < bytes.size()) {
    ++line_no;
    const void* nl_ptr = std::memchr(bytes.data() + pos, '\n', bytes.size() - pos);
    size_t end = nl_ptr ? static_cast<const char*>(nl_ptr) - bytes.data() : bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    pos = nl_ptr ? end + 1 : bytes.size();
    if (blank(line)) continue;

    // Built only when needed: two strings per line are a measurable share of reading.
    auto where = [&] { return "line " + std::to_string(line_no) + ": "; };
    auto fallback_id = [&] { return ctx.file_id() + ":" + std::to_string(line_no); };
    if (truncated && nl_ptr == nullptr) {
      ctx.error(fallback_id(), where() + "record cut off by the damaged gzip stream");
      break;
    }
    if (line.size() > max_record) {
      ctx.error(fallback_id(), where() + "record exceeds --max-record-bytes (" +
                                   std::to_string(max_record) + " bytes)");
      continue;
    }

    element doc;
    size_t replaced = 0;
    auto err = parser.parse(line.data(), line.size()).get(doc);
    if (err == simdjson::UTF8_ERROR) {
      replaced = utf8::repair(line, repaired);
      err = parser.parse(repaired).get(doc);
    }
    if (err != simdjson::SUCCESS) {
      ctx.error(fallback_id(), where() + "expected JSON object: " + simdjson::error_message(err));
      continue;
    }
    object obj;
    if (doc.get_object().get(obj) != simdjson::SUCCESS) {
      ctx.error(fallback_id(), where() + "expected JSON object, got " + type_name(doc.type()));
      continue;
    }

    RawArticle a;
    if (!first_field(obj, {"id"}, a.id)) a.id = fallback_id();
    a.origin = std::string(ctx.name()) + ":" + std::to_string(line_no);
    first_field(obj, {"url"}, a.url);
    first_field(obj, {"title"}, a.title);
    first_field(obj, {"source", "source_domain", "outlet"}, a.source);
    first_field(obj, {"date", "date_publish", "published"}, a.published);
    read_authors(obj, a.authors);
    if (!first_field(obj, {"text", "maintext", "body", "content"}, a.body)) {
      if (first_field(obj, {"html"}, a.body)) {
        a.is_html = true;
      } else {
        ctx.error(a.id, where() + "no text field (text, maintext, body, content or html)");
        continue;
      }
    }
    if (replaced > 0) {
      ctx.warning(a.id, where() + "invalid UTF-8: " + std::to_string(replaced) +
                            (replaced == 1 ? " sequence" : " sequences") + " replaced with U+FFFD");
    }
    ctx.emit(std::move(a));
  }
  return line_no;
}

}  // namespace crosscheck::ingest
