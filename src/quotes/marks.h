// Quotation-mark pairing: which punctuation tokens open and close a quotation.
#pragma once

#include <cstdint>
#include <vector>

#include "crosscheck/quotes.h"
#include "src/quotes/context.h"

namespace crosscheck::quotes {

// One quotation: from its opening mark to its closing mark (a mark is one token, or two for the
// doubled apostrophe ''). Only outermost quotations are segments; nested ones belong to them.
struct Segment {
  uint32_t open_first = 0, open_last = 0;    // token indices of the opening mark
  uint32_t close_first = 0, close_last = 0;  // token indices of the closing mark
  uint32_t paragraphs = 1;                   // paragraphs spanned (1 = within one)
  bool single = false;                       // delimited by single marks (‘…’ or '…')
};

// The outermost quotations of the context's Document, in text order, non-overlapping.
std::vector<Segment> pair_quotation_marks(const TokenContext& ctx, const QuoteOptions& options);

}  // namespace crosscheck::quotes
