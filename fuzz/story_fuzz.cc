// Any byte sequence through the per-story analysis (alignment, reuse, facts, changes, claims,
// discrepancies, summary): the input is cut into up to 6 articles at NUL bytes, repaired to UTF-8
// and normalised like the clean stage does, then analysed as one story. No crash, no sanitizer
// report, every span inside its article.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/compare.h"
#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

namespace {

uint32_t code_points(const std::string& s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<crosscheck::Article> articles;
  while (articles.size() < 6) {
    size_t cut = bytes.find('\0');
    std::string_view piece = bytes.substr(0, cut);
    std::string repaired;
    crosscheck::utf8::repair(piece, repaired);
    crosscheck::Article a;
    a.id = "a" + std::to_string(articles.size());
    a.text = crosscheck::text::normalize(repaired);
    a.published = articles.size() % 2 ? "2026-01-01T10:00:00Z" : "";
    articles.push_back(std::move(a));
    if (cut == std::string_view::npos) break;
    bytes.remove_prefix(cut + 1);
  }
  crosscheck::text::Analyzer analyzer;
  std::vector<crosscheck::Document> docs;
  docs.reserve(articles.size());
  for (const crosscheck::Article& a : articles) docs.push_back(analyzer.analyze(a));
  std::vector<const crosscheck::Article*> pa;
  std::vector<const crosscheck::Document*> pd;
  for (size_t i = 0; i < articles.size(); ++i) {
    pa.push_back(&articles[i]);
    pd.push_back(&docs[i]);
  }
  crosscheck::Dossier d = crosscheck::compare::analyze_story(pa, pd);
  auto check = [&](const std::string& id, const crosscheck::Span& s) {
    for (const crosscheck::Article& a : articles)
      if (a.id == id && (s.start > s.end || s.end > code_points(a.text))) std::abort();
  };
  for (const crosscheck::ReuseFinding& r : d.reuse) {
    for (const crosscheck::Change& c : r.changes) {
      check(r.source, c.source_span);
      check(r.derived, c.derived_span);
    }
    for (const crosscheck::ReusePassage& p : r.passages) {
      check(r.source, p.source_span);
      check(r.derived, p.derived_span);
    }
  }
  for (const crosscheck::Claim& c : d.claims)
    for (const crosscheck::Evidence& e : c.evidence) check(e.article, e.span);
  for (const crosscheck::FactMention& f : d.facts) check(f.article, f.span);
  return 0;
}
