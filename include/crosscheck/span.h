// Spans and evidence: where in an article's cleaned text a finding comes from.
//
// Offsets are Unicode code points into Article::text, end exclusive, everywhere in crosscheck's
// output. Internally stages may also keep UTF-8 byte offsets; those never leave the process.
#pragma once

#include <cstdint>
#include <string>

namespace crosscheck {

struct Span {
  uint32_t start = 0;  // code point offset, inclusive
  uint32_t end = 0;    // code point offset, exclusive
  uint32_t length() const { return end - start; }
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

struct Evidence {
  std::string article;  // article id
  Span span;
};

}  // namespace crosscheck
