// raw_fingerprint: what lets an ingest recognise a record it already stored before cleaning it.
//
// The bytes are hashed eight at a time with the multiply-fold step of src/dedup/hash.h (a body
// of a few KB costs well under a microsecond, against the milliseconds its cleaning takes); each
// field is closed by its length, so moving bytes from one field to the next changes the result.
#include <cstring>

#include "crosscheck/pipeline.h"
#include "src/dedup/hash.h"

namespace crosscheck::pipeline {
namespace {

// Bump when a change to cleaning should make the next ingest clean stored records again (they
// then compare by content hash: changed texts become new versions).
constexpr uint64_t kCleaningRevision = 1;

uint64_t add_bytes(uint64_t h, std::string_view s) {
  using dedup::mum;
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = mum(h ^ w, dedup::kMix1);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = mum(h ^ tail ^ dedup::kMix2, dedup::kMix3);
  return mum(h ^ s.size(), dedup::kMix4);
}

}  // namespace

uint64_t raw_fingerprint(const RawArticle& raw, const Options& options) {
  uint64_t h = dedup::mix64(kCleaningRevision);
  h = dedup::mix64(h ^
                   (uint64_t{options.remove_boilerplate} | uint64_t{options.detect_language} << 1 |
                    uint64_t{raw.is_html} << 2) ^
                   (uint64_t{options.boilerplate.template_min_articles} << 8) ^
                   (uint64_t{options.boilerplate.edge_line_max_words} << 40));
  for (const std::string* field :
       {&raw.id, &raw.source, &raw.url, &raw.published, &raw.title, &raw.body, &raw.charset})
    h = add_bytes(h, *field);
  h = add_bytes(h, std::string_view("authors"));
  for (const std::string& a : raw.authors) h = add_bytes(h, a);
  h = dedup::mix64(h);
  return h == 0 ? 1 : h;
}

}  // namespace crosscheck::pipeline
