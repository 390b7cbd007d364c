// Changes in a derived copy: what the rewrite altered in sentences it took from its source.
//
// Within each aligned sentence pair three kinds of edit are looked for:
//   * typed facts (src/facts): facts of one slot — kind plus unit ("count of workers", "weekday",
//     "duration") — on both sides; values present on both sides cancel out, and the rest are
//     paired in text order ("met Saturday … on Sunday" vs "met Thursday … on Friday" gives
//     Saturday -> Thursday and Sunday -> Friday). A fact on one side only is a dropped or added
//     detail, not a change.
//   * names: a word-level diff (LCS over case-folded words) of the two sentences; a block of one
//     to three capitalised words replaced by another such block between identical neighbours is a
//     name change — unless the two spellings are close (edit distance), which makes it a spelling
//     variant ("Witkoff" / "Whitkov"), not a change.
//   * negation: a negator ("not", "n't", "never", "no") inserted or removed between words the two
//     sentences share ("did approve" / "did not approve"); a paraphrase that moves a negation
//     ("offered no breakthrough" / "without a breakthrough") is not a flip.
// Cost: O(words_a · words_b) per sentence pair for the diff; sentences are short.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_set>

#include "crosscheck/ascii.h"
#include "crosscheck/compare.h"
#include "src/align/terms.h"
#include "src/core/edit_distance.h"

namespace crosscheck::compare {
namespace {

struct Word {
  uint32_t token;
  std::string_view norm;
  bool capital;
};

std::vector<Word> sentence_words(const Document& doc, uint32_t sentence) {
  std::vector<Word> out;
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t i = s.token_begin; i < s.token_end && i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    std::string_view text = doc.token_text(t);
    std::string_view norm =
        i < doc.norms.size() && !doc.norms[i].empty() ? std::string_view(doc.norms[i]) : text;
    out.push_back({i, norm,
                   t.kind == TokenKind::kWord && !text.empty() &&
                       ascii::is_upper(static_cast<unsigned char>(text[0]))});
  }
  return out;
}

bool is_negator(std::string_view norm) {
  return norm == "not" || norm == "n't" || norm == "never" || norm == "no" || norm == "nobody" ||
         norm == "nothing" || norm == "none" || norm == "neither" || norm == "nor" ||
         norm == "cannot";
}

// Words that carry a negation without a negator ("if diplomacy fails" ~ "if not diplomacy"). A
// paraphrase trades one for the other; a negation flip changes the sentence's total.
bool is_negative_word(std::string_view norm) {
  static const std::string_view kWords[] = {
      "fail",   "fails",  "failed",  "failing", "refuse",   "refuses", "refused", "deny",
      "denies", "denied", "reject",  "rejects", "rejected", "without", "lack",    "lacks",
      "lacked", "unable", "neither", "nor",     "none",     "nobody",  "nothing", "never"};
  for (std::string_view w : kWords)
    if (norm == w) return true;
  return false;
}

size_t polarity(const std::vector<Word>& words) {
  size_t n = 0;
  for (const Word& w : words) n += is_negator(w.norm) || is_negative_word(w.norm);
  return n;
}

// Spelling variants of one name: close in edit distance relative to their length.
bool spelling_variant(std::string_view a, std::string_view b) {
  size_t longer = std::max(a.size(), b.size());
  return longer > 0 && edit_distance(a, b) * 100 <= longer * 40;
}

Span token_span(const Document& doc, uint32_t first, uint32_t last) {
  return {doc.tokens[first].cp_begin, doc.tokens[last].cp_end};
}

std::string span_text(const Document& doc, uint32_t first, uint32_t last) {
  return std::string(
      doc.text.substr(doc.tokens[first].begin, doc.tokens[last].end - doc.tokens[first].begin));
}

bool inside_fact(const std::vector<const facts::Fact*>& facts, const Token& t) {
  for (const facts::Fact* f : facts)
    if (t.begin >= f->begin && t.end <= f->end) return true;
  return false;
}

void fact_changes(const Document& source, const Document& derived,
                  const std::vector<const facts::Fact*>& sf,
                  const std::vector<const facts::Fact*>& df, std::vector<Change>& out) {
  std::map<std::string, std::pair<std::vector<const facts::Fact*>, std::vector<const facts::Fact*>>>
      slots;
  for (const facts::Fact* f : sf) slots[facts::slot_key(*f)].first.push_back(f);
  for (const facts::Fact* f : df) slots[facts::slot_key(*f)].second.push_back(f);
  for (auto& [key, sides] : slots) {
    auto& [s, d] = sides;
    if (s.empty() || d.empty()) continue;
    // Values on both sides cancel out (multiset difference, in text order).
    std::vector<bool> s_used(s.size(), false), d_used(d.size(), false);
    for (size_t i = 0; i < s.size(); ++i)
      for (size_t j = 0; j < d.size(); ++j)
        if (!d_used[j] && s[i]->value == d[j]->value) {
          s_used[i] = d_used[j] = true;
          break;
        }
    size_t j = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s_used[i]) continue;
      while (j < d.size() && d_used[j]) ++j;
      if (j == d.size()) break;
      const facts::Fact& a = *s[i];
      const facts::Fact& b = *d[j++];
      out.push_back({std::string(facts::kind_name(a.kind)),
                     std::string(source.text.substr(a.begin, a.end - a.begin)),
                     std::string(derived.text.substr(b.begin, b.end - b.begin)),
                     {a.cp_begin, a.cp_end},
                     {b.cp_begin, b.cp_end}});
    }
  }
}

// The negation change of a diff block: `source_negated` says which side has the extra negator.
Change negation(const Document& source, const Document& derived, const std::vector<Word>& a,
                const std::vector<Word>& b, size_t i0, size_t i1, size_t j0, size_t j1,
                bool source_negated) {
  Change c;
  c.kind = "negation";
  auto side = [](const Document& doc, const std::vector<Word>& w, size_t k0, size_t k1,
                 std::string* value, Span* span) {
    if (k1 > k0) {
      *value = span_text(doc, w[k0].token, w[k1 - 1].token);
      *span = token_span(doc, w[k0].token, w[k1 - 1].token);
    } else {  // nothing on this side: point at the word before the gap (or after it)
      size_t k = k0 > 0 ? k0 - 1 : k0;
      if (k < w.size()) *span = token_span(doc, w[k].token, w[k].token);
      *value = "(affirmative)";
    }
  };
  side(source, a, i0, i1, &c.source_value, &c.source_span);
  side(derived, b, j0, j1, &c.derived_value, &c.derived_span);
  if (!source_negated && c.source_value.empty()) c.source_value = "(affirmative)";
  return c;
}

void diff_changes(const Document& source, const Document& derived, const std::vector<Word>& a,
                  const std::vector<Word>& b, const std::vector<const facts::Fact*>& sf,
                  const std::vector<const facts::Fact*>& df,
                  const std::unordered_set<std::string_view>& source_vocabulary,
                  std::vector<Change>& out) {
  // LCS table over case-folded words.
  const size_t n = a.size(), m = b.size();
  std::vector<uint16_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint16_t& { return lcs[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      at(i, j) =
          a[i].norm == b[j].norm ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  // Walk the diff; each maximal block of unmatched words on both sides between matches is a
  // replacement candidate.
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].norm == b[j].norm) {
      ++i;
      ++j;
      continue;
    }
    size_t i0 = i, j0 = j;
    while ((i < n || j < m) && !(i < n && j < m && a[i].norm == b[j].norm)) {
      if (j == m || (i < n && at(i + 1, j) >= at(i, j + 1)))
        ++i;
      else
        ++j;
    }
    const bool anchored_before = i0 == 0 ? j0 == 0 : true;  // a match or both sentence starts
    const bool anchored_after = i < n ? true : j == m;
    const size_t len_a = i - i0, len_b = j - j0;
    if (!anchored_before || !anchored_after || len_a > 3 || len_b > 3) continue;
    // Negation: a negator inserted or removed between identical neighbours ("did approve" /
    // "did not approve"); the rest of the block, if any, at most one word.
    if (len_a + len_b <= 3 && polarity(a) != polarity(b)) {
      size_t neg_a = 0, neg_b = 0;
      for (size_t k = i0; k < i; ++k) neg_a += is_negator(a[k].norm);
      for (size_t k = j0; k < j; ++k) neg_b += is_negator(b[k].norm);
      if (neg_a != neg_b) {
        out.push_back(negation(source, derived, a, b, i0, i, j0, j, neg_a > neg_b));
        continue;
      }
    }
    if (len_a == 0 || len_b == 0) continue;
    bool names = true;
    std::string joined_a, joined_b;
    for (size_t k = i0; k < i && names; ++k) {
      names = a[k].capital && !align::is_stop_word(a[k].norm) &&
              !inside_fact(sf, source.tokens[a[k].token]);
      joined_a += a[k].norm;
    }
    for (size_t k = j0; k < j && names; ++k) {
      names = b[k].capital && !align::is_stop_word(b[k].norm) &&
              !inside_fact(df, derived.tokens[b[k].token]);
      joined_b += b[k].norm;
    }
    if (!names || spelling_variant(joined_a, joined_b)) continue;
    // A new name is one the source never uses (a rewording reuses the source's own words:
    // "the U.S." -> "American"); abbreviations are left to the rewording.
    bool new_name = true;
    for (size_t k = j0; k < j && new_name; ++k)
      new_name =
          b[k].norm.find('.') == std::string_view::npos && source_vocabulary.count(b[k].norm) == 0;
    for (size_t k = i0; k < i && new_name; ++k)
      new_name = a[k].norm.find('.') == std::string_view::npos;
    if (!new_name) continue;
    // The sentence's first word is capitalised whatever it is: a replaced first word alone is
    // a rewording, not a name.
    if (i0 == 0 && j0 == 0 && len_a == 1 && len_b == 1) continue;
    uint32_t ta = a[i0].token, tb = b[j0].token;
    uint32_t ta_end = a[i - 1].token, tb_end = b[j - 1].token;
    out.push_back({"name", span_text(source, ta, ta_end), span_text(derived, tb, tb_end),
                   token_span(source, ta, ta_end), token_span(derived, tb, tb_end)});
  }
}

}  // namespace

std::vector<Change> find_changes(const Document& source, const Document& derived,
                                 const std::vector<facts::Fact>& source_facts,
                                 const std::vector<facts::Fact>& derived_facts,
                                 const std::vector<std::pair<uint32_t, uint32_t>>& sentence_pairs,
                                 const CompareOptions& options) {
  (void)options;
  std::vector<Change> out;
  std::vector<const facts::Fact*> sf, df;
  std::unordered_set<std::string_view> vocabulary;
  for (const std::string& norm : source.norms) vocabulary.insert(norm);
  for (const auto& [ss, ds] : sentence_pairs) {
    if (ss >= source.sentences.size() || ds >= derived.sentences.size()) continue;
    sf.clear();
    df.clear();
    for (const facts::Fact& f : source_facts)
      if (f.sentence == ss) sf.push_back(&f);
    for (const facts::Fact& f : derived_facts)
      if (f.sentence == ds) df.push_back(&f);
    fact_changes(source, derived, sf, df, out);
    std::vector<Word> a = sentence_words(source, ss), b = sentence_words(derived, ds);
    diff_changes(source, derived, a, b, sf, df, vocabulary, out);
  }
  return out;
}

}  // namespace crosscheck::compare
