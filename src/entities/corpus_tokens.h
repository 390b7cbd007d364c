// Raw text -> CoNLL-style tokens, for learning word statistics from unlabelled news.
//
// The word clusters are looked up by the tokens the tagger sees, and CoNLL-2003 follows the Penn
// Treebank conventions: punctuation split off ("Paris" ","), clitics split ("Clinton" "'s",
// "do" "n't"), abbreviations keep their full stop ("U.S.", "Mr.", "Corp."), hyphenated words and
// dates stay whole ("German-born", "1996-08-22"). This splitter approximates those conventions
// with a few rules; it does not need to be exact, only to agree on the frequent cases.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::entities {

// Appends the tokens of one line of text to `out`. Typographic apostrophes and quotes become
// ASCII ("’s" -> "'s", "“" -> "\"").
void split_conll_tokens(std::string_view line, std::vector<std::string>& out);

// A text's sentences as CoNLL-style tokens: lines are split into tokens, and a line into sentences
// after ".", "?" or "!" (optionally followed by closing quotes or brackets) when the next token
// starts with an upper-case letter, a digit or a quote.
std::vector<std::vector<std::string>> split_conll_sentences(std::string_view text);

}  // namespace crosscheck::entities
