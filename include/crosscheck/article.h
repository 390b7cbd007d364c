// The article as it flows through the pipeline.
//
//   RawArticle  — what a reader produced from bytes: metadata plus either plain text or HTML.
//   Article     — cleaned: `text` is the body every offset in crosscheck points into (Unicode code
//                 points), `removed` lists each piece of boilerplate that was taken out, so nothing
//                 is silently dropped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace crosscheck {

struct RawArticle {
  std::string id;         // per DESIGN 4.1: JSONL id, file name without suffixes, or WARC-Record-ID
  std::string source;     // outlet: explicit field, else URL domain, else "unknown"
  std::string url;
  std::string published;  // as given by the input (ISO 8601 when the input has it), may be empty
  std::string title;
  std::string body;       // UTF-8 (repaired): plain text, or HTML when is_html
  bool is_html = false;
  std::string charset;    // declared charset of HTML bytes when known (WARC HTTP header), else empty
  std::vector<std::string> authors;  // from explicit input fields, when present
  std::string origin;     // where it came from, for messages: "path", "path:line", "path@offset"
};

struct Removed {
  std::string kind;  // "advertisement", "appeal", "navigation", "byline", "credit", "template", ...
  std::string text;  // the removed text, verbatim
};

struct Article {
  std::string id;
  std::string source;
  std::string url;
  std::string title;
  std::string published;
  std::string language;  // ISO 639-1 code from language id, "und" when undetermined
  std::string text;      // cleaned body, NFC; paragraphs separated by "\n\n"
  std::vector<Removed> removed;
  std::vector<std::string> authors;  // bylines turned into metadata
  std::vector<std::string> credits;  // credit lines ("with DPA and Reuters") turned into metadata
  std::string duplicate_of;          // filled by dedup; empty when unique
  uint64_t raw_fingerprint = 0;      // pipeline::raw_fingerprint of the record it was cleaned
                                     // from, when the reader asked for it (0: not known)
};

}  // namespace crosscheck
