// Keys under which two spellings of one name meet.
//
//   folded_name("Zelenskyy’s")      -> "zelenskyy"     (ICU Any-Latin, Latin-ASCII, lower case;
//   folded_name("Зеленський")       -> "zelens'kij"     possessive 's and punctuation dropped)
//   phonetic_key("zhelevsky")       -> "selefski"       (a key that forgives the usual
//   phonetic_key("schelewski")      -> "selefski"        transliteration differences)
//   phonetic_key("Witkoff") == phonetic_key("Whitkov")
//
// The phonetic key is this project's own rule set, aimed at names that reach English news through
// different transliterations (Slavic, German): tsch/sch/sh/zh/sz/ts/tz/cz/z/x become s, ch/kh/ck/
// c/q become k, w/v/ph become f, y/j become i, ou becomes u; h after a consonant and doubled
// letters vanish. Vowels stay: the key is meant to be compared for equality.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::entities {

// Transliterated to Latin ASCII, lower case, without a trailing possessive and with every
// character other than letters, digits and single inner spaces removed.
std::string folded_name(std::string_view name);

// The words of a person's name: `name` folded (folded_name), split at spaces, leading titles
// ("mr", "sen", "president", ...) dropped as long as a word is left.
std::vector<std::string> name_words(std::string_view name);

// `text` without a trailing possessive ('s or ’s), as written otherwise.
std::string_view without_possessive(std::string_view text);

// The phonetic skeleton of one folded word (see above). Empty for an empty word.
std::string phonetic_key(std::string_view folded_word);

}  // namespace crosscheck::entities
