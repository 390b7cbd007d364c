// The abbreviation lexicon behind the sentence splitter.
//
// A period after an abbreviation usually does not end a sentence, but some abbreviations often sit
// at the end of one ("...talks in the U.S."). The lexicon therefore sorts them by how the splitter
// should treat the period, and the splitter asks a second question (is the next word a typical
// sentence opener?) for the ambiguous ones.
#pragma once

#include <string_view>

namespace crosscheck::text {

enum class AbbreviationKind {
  kNone,        // an ordinary word: a period after it ends the sentence
  kNeverFinal,  // titles and the like ("Sen.", "Dr.", "No.", "e.g."): never ends a sentence
  kCanEnd,      // "U.S.", "a.m.", "Inc.", "Jan.", "Calif.", initials: ends one only before an opener
};

// `word` is the text before the period, without it: "Sen", "U.S", "a.m", "R-S.C", "F".
// Case-sensitive ("Sen" is a title, "sen" is not). A prefix up to the last hyphen is ignored, so
// party labels ("R-S.C", "D-Calif") and "ex-Gov" classify by their last part.
AbbreviationKind abbreviation_kind(std::string_view word);

// True for capitalised function words that typically open a sentence ("The", "He", "But", "In").
bool is_sentence_opener(std::string_view word);

}  // namespace crosscheck::text
