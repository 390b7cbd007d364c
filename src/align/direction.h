// Which of two articles that share text is the source: evidence for "a came first".
//
// Signals, each a signed score (positive: a is the source), summed:
//   * publication times, when both are known and differ (strongest: ±3);
//   * credit lines: the derived text credits the other's outlet ("with Gullwing Wire") (±3);
//   * specific details: over the aligned sentence pairs, the numbers and capitalised names that
//     one side has and the other lacks. Copy editors and rewriters drop and generalise details
//     ("told NBC on Sunday" -> "said"); they rarely invent checkable ones. A value that was
//     changed counts on both sides and cancels out;
//   * containment: the text more fully covered by the other is more likely the derived one
//     (copies trim), a weak signal because rewriters also pad.
// The confidence is 0.5 + 0.5·tanh(|score| / 2): 0.5 when nothing tells the two apart.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/document.h"

namespace crosscheck::align {

struct DirectionEvidence {
  const Article* a = nullptr;
  const Article* b = nullptr;
  const Document* doc_a = nullptr;
  const Document* doc_b = nullptr;
  std::vector<std::pair<uint32_t, uint32_t>> sentence_pairs;  // aligned (a sentence, b sentence)
  double coverage_a = 0;                                      // share of a's words aligned with b
  double coverage_b = 0;                                      // share of b's words aligned with a
};

// Signed score: > 0 when a is the source of b.
double direction_score(const DirectionEvidence& evidence);

// 0.5 (no idea) .. 1 (certain) from a direction score.
double direction_confidence(double score);

// -1, 0 or 1: the order of two publication times when both parse and differ.
int compare_published(const std::string& a, const std::string& b);

// True when one of `article`'s credits names `outlet` (case-insensitive).
bool credits_outlet(const Article& article, const std::string& outlet);

}  // namespace crosscheck::align
