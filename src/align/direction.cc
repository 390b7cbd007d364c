#include "src/align/direction.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "crosscheck/ascii.h"
#include "src/align/terms.h"

namespace crosscheck::align {
namespace {

// The checkable details of a sentence: numbers and capitalised words other than the first word
// (which is capitalised anyway), as case-folded norms.
std::unordered_set<std::string> details(const Document& doc, uint32_t sentence) {
  std::unordered_set<std::string> out;
  if (sentence >= doc.sentences.size()) return out;
  const Sentence& s = doc.sentences[sentence];
  bool first_word = true;
  for (uint32_t i = s.token_begin; i < s.token_end && i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::kNumber) {
      out.insert(std::string(doc.token_text(t)));
      first_word = false;
      continue;
    }
    if (t.kind != TokenKind::kWord) continue;
    std::string_view text = doc.token_text(t);
    const std::string& norm = i < doc.norms.size() ? doc.norms[i] : std::string();
    bool capital = !text.empty() && ascii::is_upper(static_cast<unsigned char>(text[0]));
    if (capital && !first_word && !norm.empty() && !is_stop_word(norm)) out.insert(norm);
    first_word = false;
  }
  return out;
}

// Comparable prefix of an ISO-8601-ish time: "2026-03-12T09:48" or "2026-03-12".
std::string time_key(const std::string& s) {
  if (s.size() >= 16 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == ' '))
    return s.substr(0, 10) + "T" + s.substr(11, 5);
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return s.substr(0, 10);
  return {};
}

}  // namespace

int compare_published(const std::string& a, const std::string& b) {
  std::string ka = time_key(a), kb = time_key(b);
  if (ka.empty() || kb.empty()) return 0;
  size_t n = std::min(ka.size(), kb.size());  // a date against a time: compare the dates
  int c = ka.compare(0, n, kb, 0, n);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

bool credits_outlet(const Article& article, const std::string& outlet) {
  if (outlet.empty() || ascii::iequals(outlet, "unknown")) return false;
  for (const std::string& credit : article.credits) {
    if (credit.size() < 2) continue;
    if (ascii::icontains(outlet, credit) || ascii::icontains(credit, outlet)) return true;
  }
  return false;
}

double direction_score(const DirectionEvidence& e) {
  double score = 0;
  if (e.a && e.b) {
    score -= 3.0 * compare_published(e.a->published, e.b->published);
    if (credits_outlet(*e.b, e.a->source)) score += 3.0;
    if (credits_outlet(*e.a, e.b->source)) score -= 3.0;
  }
  if (e.doc_a && e.doc_b) {
    double only_a = 0, only_b = 0;
    for (const auto& [sa, sb] : e.sentence_pairs) {
      std::unordered_set<std::string> da = details(*e.doc_a, sa), db = details(*e.doc_b, sb);
      for (const std::string& d : da) only_a += db.count(d) == 0;
      for (const std::string& d : db) only_b += da.count(d) == 0;
    }
    score += 1.5 * (only_a - only_b) / std::sqrt(only_a + only_b + 1.0);
  }
  score += 1.0 * (e.coverage_b - e.coverage_a);
  return score;
}

double direction_confidence(double score) { return 0.5 + 0.5 * std::tanh(std::fabs(score) / 2.0); }

}  // namespace crosscheck::align
