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

}  // namespace crosscheck::entities
