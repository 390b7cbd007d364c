#include "src/entities/name_keys.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "crosscheck/ascii.h"

namespace crosscheck::entities {
namespace {

// Transliterators are not thread-safe and slow to build: one per thread, built once.
icu::Transliterator* transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> out(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) out.reset();
    return out;
  }();
  return t.get();
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string folded_name(std::string_view name) {
  std::string ascii;
  bool plain = std::all_of(name.begin(), name.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (plain) {
    ascii.assign(name);
    for (char& c : ascii) c = ascii::to_lower(c);
  } else if (icu::Transliterator* t = transliterator()) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    t->transliterate(u);
    u.toUTF8String(ascii);
  } else {
    ascii.assign(name);
  }
  ascii.resize(without_possessive(ascii).size());
  std::string out;
  for (char c : ascii) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      out.push_back(c);
    } else if ((c == ' ' || c == '-') && !out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> name_words(std::string_view name) {
  std::string folded = folded_name(name);
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin < folded.size()) {
    size_t end = folded.find(' ', begin);
    if (end == std::string::npos) end = folded.size();
    if (end > begin) out.push_back(folded.substr(begin, end - begin));
    begin = end + 1;
  }
  static const std::string_view kTitles[] = {"mr",        "mrs",     "ms",    "dr",
                                             "sen",       "rep",     "gov",   "gen",
                                             "president", "senator", "prime", "minister"};
  while (out.size() > 1 &&
         std::find(std::begin(kTitles), std::end(kTitles), out.front()) != std::end(kTitles))
    out.erase(out.begin());
  return out;
}

std::string_view without_possessive(std::string_view text) {
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")})
    if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix)
      return text.substr(0, text.size() - suffix.size());
  return text;
}

std::string phonetic_key(std::string_view w) {
  // 1. Multi-letter spellings to one letter.
  std::string s;
  for (size_t i = 0; i < w.size();) {
    auto at = [&](std::string_view p) { return w.substr(i, p.size()) == p; };
    if (at("tsch")) {
      s += 's';
      i += 4;
      continue;
    }
    if (at("sch") || at("shch")) {
      s += 's';
      i += at("shch") ? 4 : 3;
      continue;
    }
    if (at("sh") || at("zh") || at("sz") || at("ts") || at("tz") || at("cz")) {
      s += 's';
      i += 2;
      continue;
    }
    if (at("ch") || at("kh")) {
      s += 'k';
      i += 2;
      continue;
    }
    if (at("ph")) {
      s += 'f';
      i += 2;
      continue;
    }
    if (at("ck")) {
      s += 'k';
      i += 2;
      continue;
    }
    if (at("ou")) {
      s += 'u';
      i += 2;
      continue;
    }
    s += w[i];
    ++i;
  }
  // 2. Letters that transliterations swap.
  for (char& c : s) {
    switch (c) {
      case 'z':
        c = 's';
        break;
      case 'w':
      case 'v':
        c = 'f';
        break;
      case 'c':
      case 'q':
        c = 'k';
        break;
      case 'y':
      case 'j':
        c = 'i';
        break;
      case 'x':
        c = 's';
        break;
      default:
        break;
    }
  }
  // 3. h after a consonant vanishes ("Whitkov"), doubled letters collapse ("Witkoff").
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == 'h' && i > 0 && !is_vowel(s[i - 1])) continue;
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace crosscheck::entities
