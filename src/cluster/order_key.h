// Publication order: where an article goes among the others of its input — by day, then by input
// position; an undated article sorts with the last dated article before it (before any: first).
// One key for every form of the sort: a pile sorted whole (publication_order), a stream through a
// bounded buffer (PublicationOrderBuffer) and a pile sorted through files (PublicationSort).
#pragma once

#include <climits>
#include <cstdint>
#include <string_view>

#include "crosscheck/article.h"

namespace crosscheck::cluster {

struct OrderKey {
  int32_t day = INT32_MIN;  // parse_day() of the article, or of the last dated one before it
  uint64_t seq = 0;         // input position
  bool operator<(const OrderKey& o) const { return day != o.day ? day < o.day : seq < o.seq; }
};

// Gives the keys of an input's articles, one call per article in input order.
class OrderKeys {
 public:
  OrderKey next(std::string_view published);

 private:
  OrderKey last_;  // day of the last dated article so far; seq of the next article
};

// An article with its key, as the sorts hold it.
struct KeyedArticle {
  OrderKey key;
  Article article;
};

}  // namespace crosscheck::cluster
