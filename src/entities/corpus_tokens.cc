#include "src/entities/corpus_tokens.h"

#include <algorithm>
#include <array>

#include "crosscheck/ascii.h"

namespace crosscheck::entities {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Typographic quotes to ASCII; U+00A0 to a space.
std::string asciify_quotes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x98 || d == 0x99) {
        out += '\'';
        i += 2;
        continue;
      }
      if (d == 0x9C || d == 0x9D) {
        out += '"';
        i += 2;
        continue;
      }
      if (d == 0x94 || d == 0x93) {
        out += " -- ";
        i += 2;
        continue;
      }
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out += ' ';
      ++i;
      continue;
    }
    out += char(c);
  }
  return out;
}

bool leading_punct(char c) {
  return c == '"' || c == '(' || c == '[' || c == '{' || c == '\'' || c == '`';
}
bool trailing_punct(char c) {
  return c == '"' || c == ')' || c == ']' || c == '}' || c == ',' || c == ';' || c == ':' ||
         c == '!' || c == '?' || c == '\'';
}


// Words whose final full stop belongs to them.
bool abbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 40> kList = {
      "Mr",  "Mrs", "Ms",  "Dr",  "St",  "Jr",  "Sr",   "Inc",  "Corp", "Co",
      "Ltd", "Gen", "Sen", "Rep", "Gov", "Lt",  "Col",  "Capt", "Sgt",  "Prof",
      "vs",  "etc", "No",  "Jan", "Feb", "Mar", "Apr",  "Aug",  "Sep",  "Sept",
      "Oct", "Nov", "Dec", "Ave", "Mt",  "Ft",  "Bros", "Rev",  "Hon",  "Assn"};
  if (std::find(kList.begin(), kList.end(), w) != kList.end()) return true;
  if (w.size() == 1 && ascii::is_alpha(static_cast<unsigned char>(w[0]))) return true;  // "J."
  return w.find('.') != std::string_view::npos && w.size() <= 6;  // "U.S", "a.m"
}

void split_chunk(std::string_view w, std::vector<std::string>& out) {
  while (!w.empty() && leading_punct(w.front()) && w.size() > 1) {
    out.emplace_back(1, w.front());
    w.remove_prefix(1);
  }
  std::vector<std::string> tail;  // split-off suffixes, innermost last
  for (bool changed = true; changed && w.size() > 1;) {
    changed = false;
    if (trailing_punct(w.back())) {
      // Keep a possessive "'" after s ("Reuters'") attached as its own token, like PTB.
      tail.emplace_back(1, w.back());
      w.remove_suffix(1);
      changed = true;
    } else if (w.back() == '.' && !abbreviation(w.substr(0, w.size() - 1))) {
      tail.emplace_back(".");
      w.remove_suffix(1);
      changed = true;
    }
  }
  // Clitics: "'s", "'re", "'ve", "'ll", "'d", "'m", "n't".
  std::string_view clitic;
  if (w.size() > 3 && w.substr(w.size() - 3) == "n't") {
    clitic = w.substr(w.size() - 3);
  } else {
    size_t apo = w.rfind('\'');
    if (apo != std::string_view::npos && apo > 0 && w.size() - apo <= 3) {
      std::string_view c = w.substr(apo);
      if (c == "'s" || c == "'S" || c == "'re" || c == "'ve" || c == "'ll" || c == "'d" ||
          c == "'m")
        clitic = c;
    }
  }
  if (!clitic.empty()) w.remove_suffix(clitic.size());
  if (!w.empty()) out.emplace_back(w);
  if (!clitic.empty()) out.emplace_back(clitic);
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) out.push_back(std::move(*it));
}

}  // namespace

void split_conll_tokens(std::string_view line, std::vector<std::string>& out) {
  std::string text = asciify_quotes(line);
  std::string_view s(text);
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j > i) split_chunk(s.substr(i, j - i), out);
    i = j;
  }
}

std::vector<std::vector<std::string>> split_conll_sentences(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    tokens.clear();
    split_conll_tokens(text.substr(pos, eol - pos), tokens);
    pos = eol + 1;
    std::vector<std::string> sentence;
    for (size_t i = 0; i < tokens.size(); ++i) {
      sentence.push_back(std::move(tokens[i]));
      const std::string& t = sentence.back();
      bool stop = t == "." || t == "?" || t == "!";
      if (!stop) continue;
      while (i + 1 < tokens.size() &&
             (tokens[i + 1] == "\"" || tokens[i + 1] == ")" || tokens[i + 1] == "'")) {
        sentence.push_back(std::move(tokens[++i]));
      }
      if (i + 1 < tokens.size()) {
        unsigned char c = tokens[i + 1].empty() ? 'a' : static_cast<unsigned char>(tokens[i + 1][0]);
        if (!(ascii::is_upper(c) || ascii::is_digit(c) || c == '"' || c == '(')) continue;
      }
      out.push_back(std::move(sentence));
      sentence.clear();
    }
    if (!sentence.empty()) out.push_back(std::move(sentence));
  }
  return out;
}

}  // namespace crosscheck::entities
