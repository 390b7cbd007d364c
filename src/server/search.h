// The filters of /api/stories and /api/search: a text query and a name query, each finding its
// first match in an article. Both are scans (no index); their cost is linear in the text.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/article.h"

namespace crosscheck::server {

// A match: byte offsets into the searched text, end exclusive.
struct Match {
  bool found = false;
  size_t begin = 0;
  size_t end = 0;
};

// Text that must occur in the title or the body; ASCII letters compare case-insensitively, other
// characters exactly. An empty query matches everything.
class TextQuery {
 public:
  explicit TextQuery(std::string query) : query_(std::move(query)) {}
  bool empty() const { return query_.empty(); }
  Match find(std::string_view text) const;
  bool matches(const Article& a) const;

 private:
  std::string query_;
};

// A name whose words must appear in that order, as capitalised words (or words of an uncased
// script) of the text, each equal to the query word once both are folded (Latin ASCII, lower
// case, possessive dropped) or sharing its phonetic key: "Zelensky" finds "Zelenskyy's" and
// "Selenskyj", "Witkoff" finds "Whitkov". Leading titles of the query ("President") are dropped.
// An empty query (no letters) matches everything.
class NameQuery {
 public:
  explicit NameQuery(std::string_view name);
  bool empty() const { return words_.empty(); }
  Match find(std::string_view text) const;
  bool matches(const Article& a) const;

 private:
  struct Word {
    std::string folded;
    std::string phonetic;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using Memo = std::unordered_map<std::string, bool, Hash, std::equal_to<>>;
  bool word_matches(size_t k, std::string_view token) const;
  bool decide(const Word& want, std::string_view token) const;
  std::vector<Word> words_;
  // Per query word, the decision for each token already seen: a scan meets the same capitalised
  // words again and again. One query is used by one thread.
  mutable std::vector<Memo> memo_;
};

}  // namespace crosscheck::server
