#include "src/server/search.h"

#include <unicode/uchar.h>

#include "crosscheck/ascii.h"
#include "crosscheck/utf8.h"
#include "src/entities/name_keys.h"

namespace crosscheck::server {
namespace {

// A token of running text: letters, digits and apostrophes inside a word.
struct Token {
  size_t begin;
  size_t end;
  bool name_like;  // starts with an upper-case letter, or a letter of a script without case
};

bool is_word_char(char32_t c) {
  if (c < 0x80) return ascii::is_alnum(static_cast<unsigned char>(c)) || c == U'\'';
  return u_isalnum(static_cast<UChar32>(c)) || c == U'\u2019';
}

// Where the word starting at byte `i` ends. ASCII bytes go through a table; only bytes of
// multi-byte characters are decoded (most news text is ASCII).
size_t word_end(std::string_view text, size_t i) {
  const char* data = text.data();
  const char* end = data + text.size();
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(data[i]);
    if (b < 0x80) {
      if (!ascii::is_alnum(b) && b != '\'') break;
      ++i;
      continue;
    }
    const char* p = data + i;
    if (!is_word_char(utf8::decode(p, end))) break;
    i = static_cast<size_t>(p - data);
  }
  return i;
}

// Calls fn(token) for every token of `text` in order; stops when fn returns false.
template <typename Fn>
void for_each_token(std::string_view text, Fn&& fn) {
  const char* data = text.data();
  const char* end = data + text.size();
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(data[i]);
    size_t start = i;
    bool name_like;
    if (b < 0x80) {
      if (!ascii::is_alnum(b)) {
        ++i;
        continue;
      }
      name_like = ascii::is_upper(b);
      ++i;
    } else {
      const char* p = data + i;
      char32_t c = utf8::decode(p, end);
      i = static_cast<size_t>(p - data);
      if (!is_word_char(c) || c == U'\u2019') continue;
      UChar32 first = static_cast<UChar32>(c);
      name_like = u_isupper(first) || u_istitle(first) ||
                  (u_isalpha(first) && !u_hasBinaryProperty(first, UCHAR_CASED));
    }
    i = word_end(text, i);
    if (!fn(Token{start, i, name_like})) return;
  }
}

}  // namespace

Match TextQuery::find(std::string_view text) const {
  Match m;
  size_t at = ascii::ifind(text, query_);
  if (at == std::string_view::npos) return m;
  m.found = true;
  m.begin = at;
  m.end = at + query_.size();
  return m;
}

bool TextQuery::matches(const Article& a) const {
  return query_.empty() || find(a.title).found || find(a.text).found;
}

NameQuery::NameQuery(std::string_view name) {
  for (std::string& w : entities::name_words(name)) {
    Word word;
    word.phonetic = entities::phonetic_key(w);
    word.folded = std::move(w);
    words_.push_back(std::move(word));
  }
  memo_.resize(words_.size());
}

bool NameQuery::word_matches(size_t k, std::string_view token) const {
  constexpr size_t kMostRemembered = 1 << 18;  // bounds memory on huge scans
  Memo& memo = memo_[k];
  if (auto it = memo.find(token); it != memo.end()) return it->second;
  bool yes = decide(words_[k], token);
  if (memo.size() < kMostRemembered) memo.emplace(std::string(token), yes);
  return yes;
}

bool NameQuery::decide(const Word& want, std::string_view token) const {
  // An ASCII token folds to at most its own length (apostrophes and a possessive go), so one far
  // longer or shorter than the wanted word cannot match even phonetically: skip the folding.
  bool plain = true;
  for (char c : token) plain &= static_cast<unsigned char>(c) < 0x80;
  if (plain && (token.size() + 3 < want.folded.size() || token.size() > want.folded.size() + 5))
    return false;
  std::string folded = entities::folded_name(token);
  if (folded == want.folded) return true;
  // Phonetic keys forgive transliteration, not different names: only compare words of a
  // similar length whose keys are not trivially short.
  if (want.phonetic.size() < 3) return false;
  size_t a = folded.size(), b = want.folded.size();
  if ((a > b ? a - b : b - a) > 3) return false;
  return entities::phonetic_key(folded) == want.phonetic;
}

Match NameQuery::find(std::string_view text) const {
  Match m;
  if (words_.empty()) {
    m.found = true;
    return m;
  }
  // The last tokens seen, as a ring of the query's length.
  std::vector<Token> window;
  window.reserve(words_.size());
  for_each_token(text, [&](const Token& t) {
    if (!t.name_like) {
      window.clear();
      return true;
    }
    if (window.size() == words_.size()) window.erase(window.begin());
    window.push_back(t);
    if (window.size() < words_.size()) return true;
    for (size_t k = 0; k < words_.size(); ++k) {
      std::string_view token = text.substr(window[k].begin, window[k].end - window[k].begin);
      if (!word_matches(k, token)) return true;
    }
    m.found = true;
    m.begin = window.front().begin;
    m.end = window.back().end;
    return false;
  });
  return m;
}

bool NameQuery::matches(const Article& a) const {
  return words_.empty() || find(a.title).found || find(a.text).found;
}

}  // namespace crosscheck::server
