// Evaluation of quote extraction and attribution against PolNeAR (brat standoff attributions:
// source / cue / content spans in code points). Shared by tools/quotes_eval.cc and the
// integration test; the definitions are documented in docs/quotes-notes.md.
//
//   std::vector<crosscheck::quotes::GoldArticle> gold;
//   std::string error;
//   if (!crosscheck::quotes::load_polnear("../shared/data/quotes/polnear/dev", &gold, &error)) ...
//   crosscheck::quotes::EvalReport r = crosscheck::quotes::evaluate(gold, {});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/quotes.h"

namespace crosscheck::quotes {

using Fragments = std::vector<std::pair<uint32_t, uint32_t>>;  // code point [begin, end) pieces

struct GoldAttribution {
  Fragments source, cue, content;  // empty when the role is absent
  bool direct = false;             // the content is a direct quotation (see is_direct_content)
};

struct GoldArticle {
  std::string name;  // file name without ".txt.gz"
  std::string text;  // UTF-8
  std::vector<GoldAttribution> attributions;
};

// Parses brat standoff records (T and E lines) into attributions; `text` is the article (for the
// direct-quotation test). Unknown or broken records are skipped.
std::vector<GoldAttribution> parse_brat(std::string_view ann, std::string_view text);

// A content is a direct quotation when, ignoring white space at both ends and the punctuation
// (. , ; : ! ? … — –) after its last quotation mark, it starts with an opening quotation mark and
// ends with a closing one (" “ ” ‘ ’ ' « » „): "“We will win,” ... “and soon.”" is direct, "that
// “there is no room”" and "he voted “uncommitted.”" are not (they mix the writer's words in).
bool is_direct_content(const std::u32string& text, const Fragments& content);

// Loads <dir>/text/*.txt.gz and, for each article, the first annotator's (in file name order)
// <dir>/attributions/<article>_<annotator>.ann.gz. False with a message when the folder is
// unreadable or empty.
bool load_polnear(const std::string& dir, std::vector<GoldArticle>* out, std::string* error);

struct EvalReport {
  uint32_t articles = 0;
  uint32_t predicted = 0;          // full (non-partial) predicted quotes
  uint32_t predicted_correct = 0;  // ... at least half inside some gold attribution's content
  uint32_t predicted_direct = 0;   // ... at least half inside a gold DIRECT content (strict)
  uint32_t gold_direct = 0;        // gold direct quotations
  uint32_t gold_found = 0;         // ... at least half covered by predicted full quotes
  uint32_t gold_found_any = 0;     // ... at least half covered by predicted quotes, partial too
  uint32_t speaker_total = 0;      // found gold direct quotes whose gold source is stated
  uint32_t speaker_correct = 0;    // attribution correct (see docs/quotes-notes.md)
  uint32_t source_correct = 0;     // the pattern's speaker words overlap the gold source
  uint32_t speaker_resolved = 0;   // a speaker (a name) was given
  uint32_t named_total = 0;        // ... gold source is a name
  uint32_t named_correct = 0;      // ... and our speaker is that name (span or surname)
  uint32_t pronoun_resolved = 0;   // gold pronoun found in the pattern and resolved to a name
  // Speaker accuracy by the kind of gold source: name, pronoun, description.
  uint32_t by_kind_total[3] = {0, 0, 0};
  uint32_t by_kind_correct[3] = {0, 0, 0};
  double precision() const { return predicted ? double(predicted_correct) / predicted : 1.0; }
  double strict_precision() const { return predicted ? double(predicted_direct) / predicted : 1.0; }
  double recall() const { return gold_direct ? double(gold_found) / gold_direct : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double speaker_accuracy() const {
    return speaker_total ? double(speaker_correct) / speaker_total : 1.0;
  }
  double source_accuracy() const {
    return speaker_total ? double(source_correct) / speaker_total : 1.0;
  }
};

// Runs extract_quotes on every article (text analysed without stemming or language id) and scores
// it. When `errors` is given, one line per error (false positive, miss, wrong speaker) is appended.
EvalReport evaluate(const std::vector<GoldArticle>& gold, const QuoteOptions& options,
                    std::vector<std::string>* errors = nullptr);

}  // namespace crosscheck::quotes
