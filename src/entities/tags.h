// The internal tag set: BILOU over the model's entity types, as small integers.
//
// Tag 0 is O; entity type k (0-based, types sorted by name) owns tags 1 + 4k .. 4 + 4k for
// B(egin), I(nside), L(ast) and U(nit, a one-token entity). BILOU makes the decoder decide where an
// entity ends as well as where it starts, which is worth about a point of F1 over BIO for a linear
// model (Ratinov & Roth 2009). Outside the model everything is spans or BIO / IOB1 strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crosscheck/entities.h"

namespace crosscheck::entities {

enum class Position : uint8_t { kBegin = 0, kInside = 1, kLast = 2, kUnit = 3 };

class TagSet {
 public:
  explicit TagSet(std::vector<std::string> types = {});

  size_t types() const { return types_.size(); }
  size_t size() const { return 1 + 4 * types_.size(); }
  const std::vector<std::string>& type_names() const { return types_; }
  // Index of a type name, or -1.
  int type_index(std::string_view type) const;

  static uint8_t tag(size_t type, Position p) {
    return static_cast<uint8_t>(1 + 4 * type + size_t(p));
  }
  static bool is_outside(uint8_t tag) { return tag == 0; }
  static size_t type_of(uint8_t tag) { return (tag - 1) / 4; }
  static Position position_of(uint8_t tag) { return static_cast<Position>((tag - 1) % 4); }

  // Whether `to` may follow `from` (kStart before the first token, kEnd after the last).
  bool allowed(int from, int to) const;
  static constexpr int kStart = -1, kEnd = -2;

  // Spans -> BILOU ids for a sentence of n tokens (spans of unknown types are left O).
  std::vector<uint8_t> encode(const std::vector<Span>& spans, size_t n) const;
  // BILOU ids -> spans. Tolerates invalid sequences (a B without L ends where its type ends).
  std::vector<Span> decode(const uint8_t* tags, size_t n) const;

 private:
  std::vector<std::string> types_;
};

}  // namespace crosscheck::entities
