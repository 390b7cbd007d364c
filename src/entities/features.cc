#include "src/entities/features.h"

#include <algorithm>
#include <array>

#include "src/entities/hash.h"

namespace crosscheck::entities {
namespace {

// Template ids: part of every feature's hash. Never renumber (the model file's feature version
// changes when they do).
enum Template : uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kLowerM2,
  kLowerM1,
  kLowerP1,
  kLowerP2,
  kBigramLeft,
  kBigramRight,
  kPrefix,  // + length (1..4)
  kSuffix = kPrefix + 8,
  kShape = kSuffix + 8,
  kShort,
  kShortM1,
  kShortP1,
  kShortLeft,
  kShortRight,
  kShortTri,
  kLowerM1Short,
  kShortLowerP1,
  kContextShort,
  kFlags,
  kCluster,  // + level
  kClusterM1 = kCluster + 16,
  kClusterP1 = kClusterM1 + 16,
  kNoCluster = kClusterP1 + 16,
  kGazetteer,
  kGazetteerMajority,
  kDocLower,
  kDocCapital,
  kContextLower,
  kCapitalRun,
  kCapitalRunLeft,
  kClusterContext,
  kAggregateLeft,
  kAggregateRight,
  kNews,
  kNewsMajority,
  kPlace,
  kPlaceContext,
  kCasing,  // feature group kFeatureCasing
  kCasingContext,
  kCasingM1,
  kCasingP1,
  kCasingRun,
  kClusterShape,  // feature group kFeatureClusterShape (+ level)
  kClusterRun = kClusterShape + 16,
  // second pass
  kTag0 = 200,
  kTagLeft,
  kTagRight,
  kDocType,
  kDocMajority,
  kDocSpan,
  kTagContext,
};

inline uint64_t feature(uint64_t t, uint64_t a) { return combine(t * 0x9E3779B97F4A7C15ULL, a); }
inline uint64_t feature(uint64_t t, uint64_t a, uint64_t b) { return combine(feature(t, a), b); }

constexpr size_t kMaxAggregated = 8;  // other occurrences whose neighbours a token sees

struct Emitter {
  std::vector<uint32_t>& rows;
  unsigned shift;
  void operator()(uint64_t h) { rows.push_back(uint32_t(h >> shift)); }
};

// Stand-ins for the tokens before the first and after the last one.
const Lexeme& boundary_lexeme(bool before) {
  static const Lexeme kBefore = [] {
    Lexeme x;
    x.word = x.lower = x.title = hash_bytes("<s>", 0xb0);
    x.shape = x.short_shape = hash_bytes("<s>", 0xb1);
    return x;
  }();
  static const Lexeme kAfter = [] {
    Lexeme x;
    x.word = x.lower = x.title = hash_bytes("</s>", 0xb0);
    x.shape = x.short_shape = hash_bytes("</s>", 0xb1);
    return x;
  }();
  return before ? kBefore : kAfter;
}

// The place of token i in the match [b, e).
Position position_in(size_t i, size_t b, size_t e) {
  if (e - b == 1) return Position::kUnit;
  if (i == b) return Position::kBegin;
  return i + 1 == e ? Position::kLast : Position::kInside;
}

bool capitalised(uint16_t flags) { return (flags & (kInitCap | kAllCaps)) && !(flags & kNoLetter); }

const uint64_t* lookup_cluster(const WordClusters* clusters, const Lexeme& x, uint8_t context) {
  if (!clusters || clusters->empty()) return nullptr;
  const uint64_t* c = clusters->find(x.word);
  if (!c && ((x.flags & kAllCaps) || base_context(context) != kNormal)) c = clusters->find(x.title);
  if (!c) c = clusters->find(x.lower);
  return c;
}

// Occurrences of words in a document, by lower-cased key: sorted (key, kind) pairs.
enum Kind : uint8_t { kLowerCase = 1, kCapitalMid = 2 };
using Occurrences = std::vector<std::pair<uint64_t, uint8_t>>;

void count_kinds(const Occurrences& occ, uint64_t key, uint32_t* lower, uint32_t* capital) {
  *lower = *capital = 0;
  auto it = std::lower_bound(occ.begin(), occ.end(), std::make_pair(key, uint8_t(0)));
  for (; it != occ.end() && it->first == key; ++it) {
    if (it->second == kLowerCase)
      ++*lower;
    else
      ++*capital;
  }
}

}  // namespace

void extract_first_pass(const Sentences& doc, const Resources& resources, uint32_t bits,
                        int64_t exclude_doc, DocFeatures* out) {
  out->rows.clear();
  out->offsets.clear();
  out->sentence_begin.clear();
  out->lexemes.clear();
  out->context.clear();
  for (const auto& sentence : doc) {
    out->sentence_begin.push_back(uint32_t(out->lexemes.size()));
    bool any_letter = false, any_lower = false;
    size_t numbers = 0;
    size_t first_lexeme = out->lexemes.size();
    for (std::string_view token : sentence) {
      out->lexemes.push_back(analyze_token(token));
      uint16_t f = out->lexemes.back().flags;
      if (!(f & kNoLetter) && !(f & kAllDigit)) any_letter = true;
      if (f & kHasLower) any_lower = true;
      if ((f & kHasDigit) && !(f & (kInitCap | kHasLower | kAllCaps))) ++numbers;
    }
    bool headline = any_letter && !any_lower;
    uint8_t table = numbers >= 2 && 3 * numbers >= sentence.size() ? kTableRow : 0;
    for (size_t i = first_lexeme; i < out->lexemes.size(); ++i) {
      uint8_t base = headline ? kHeadline : i == first_lexeme ? kFirst : kNormal;
      out->context.push_back(uint8_t(base | table));
    }
  }
  const size_t n_tokens = out->lexemes.size();
  out->sentence_begin.push_back(uint32_t(n_tokens));

  // Document-wide occurrences: lower-case uses, and capitalised uses in running text.
  Occurrences occ;
  for (size_t k = 0; k < n_tokens; ++k) {
    const Lexeme& x = out->lexemes[k];
    if (x.flags & kNoLetter) continue;
    if ((x.flags & kHasLower) && !(x.flags & kInitCap))
      occ.emplace_back(x.lower, kLowerCase);
    else if ((x.flags & kInitCap) && (x.flags & kHasLower) &&
             base_context(out->context[k]) == kNormal)
      occ.emplace_back(x.lower, kCapitalMid);
  }
  std::sort(occ.begin(), occ.end());

  // Capitalised tokens by lower-cased key, for context aggregation: (key, token) sorted.
  std::vector<std::pair<uint64_t, uint32_t>> same;
  std::vector<uint32_t> sentence_of(n_tokens);
  for (size_t s = 0; s + 1 < out->sentence_begin.size(); ++s) {
    for (uint32_t k = out->sentence_begin[s]; k < out->sentence_begin[s + 1]; ++k)
      sentence_of[k] = uint32_t(s);
  }
  for (size_t k = 0; k < n_tokens; ++k) {
    if (capitalised(out->lexemes[k].flags)) same.emplace_back(out->lexemes[k].lower, uint32_t(k));
  }
  std::sort(same.begin(), same.end());
  auto neighbour = [&](uint32_t k, int d) -> const Lexeme& {
    const uint32_t s = sentence_of[k];
    const long j = long(k) + d;
    if (j < long(out->sentence_begin[s])) return boundary_lexeme(true);
    if (j >= long(out->sentence_begin[s + 1])) return boundary_lexeme(false);
    return out->lexemes[size_t(j)];
  };

  Emitter emit{out->rows, 64u - bits};
  std::vector<Gazetteer::Match> matches, news, places;
  std::vector<const uint64_t*> clusters;
  std::vector<uint8_t> casing;  // WordCasing ratio per token (8 = unknown, 9 = no letter)
  const bool use_casing = (resources.groups & kFeatureCasing) && resources.casing;
  const bool use_cluster_shape = resources.groups & kFeatureClusterShape;
  const size_t levels = resources.clusters ? resources.clusters->levels() : 0;
  out->offsets.reserve(n_tokens + 1);
  out->rows.reserve(n_tokens * 64);
  for (size_t s = 0; s + 1 < out->sentence_begin.size(); ++s) {
    const size_t begin = out->sentence_begin[s], n = out->sentence_begin[s + 1] - begin;
    const Lexeme* lex = out->lexemes.data() + begin;  // (data(): the sentence may be empty)
    const uint8_t* ctx = out->context.data() + begin;
    auto at = [&](long i) -> const Lexeme& {
      if (i < 0) return boundary_lexeme(true);
      if (i >= long(n)) return boundary_lexeme(false);
      return lex[i];
    };
    clusters.assign(n, nullptr);
    for (size_t i = 0; i < n; ++i) clusters[i] = lookup_cluster(resources.clusters, lex[i], ctx[i]);
    if (use_casing) {
      casing.assign(n, 9);
      for (size_t i = 0; i < n; ++i) {
        if (lex[i].flags & kNoLetter) continue;
        const uint8_t code = resources.casing->find(lex[i].lower);
        casing[i] = code == WordCasing::kUnknown ? 8 : uint8_t(WordCasing::ratio(code));
      }
    }
    matches.clear();
    if (resources.gazetteer) resources.gazetteer->match(lex, n, exclude_doc, matches);
    news.clear();
    if (resources.news) resources.news->match(lex, n, -1, news);
    places.clear();
    if (resources.places) resources.places->match(lex, n, -1, places);

    for (size_t i = 0; i < n; ++i) {
      out->offsets.push_back(uint32_t(out->rows.size()));
      const Lexeme& x = lex[i];
      const Lexeme &m2 = at(long(i) - 2), &m1 = at(long(i) - 1), &p1 = at(long(i) + 1),
                   &p2 = at(long(i) + 2);
      bool dropped = false;
      if (resources.word_dropout && exclude_doc >= 0 && capitalised(x.flags)) {
        const uint64_t h = combine(combine(resources.dropout_seed, uint64_t(exclude_doc)),
                                   uint64_t(begin + i));
        dropped = h % 1000 < resources.word_dropout;
      }
      emit(feature(kBias, 0));
      if (!dropped) {
        emit(feature(kWord, x.word));
        emit(feature(kLower, x.lower));
      }
      emit(feature(kLowerM2, m2.lower));
      emit(feature(kLowerM1, m1.lower));
      emit(feature(kLowerP1, p1.lower));
      emit(feature(kLowerP2, p2.lower));
      if (!dropped) {
        emit(feature(kBigramLeft, m1.lower, x.lower));
        emit(feature(kBigramRight, x.lower, p1.lower));
      }
      for (size_t k = 0; k < 4; ++k) {
        if (x.prefix[k]) emit(feature(kPrefix + k, x.prefix[k]));
        if (x.suffix[k]) emit(feature(kSuffix + k, x.suffix[k]));
      }
      emit(feature(kShape, x.shape));
      emit(feature(kShort, x.short_shape));
      emit(feature(kShortM1, m1.short_shape));
      emit(feature(kShortP1, p1.short_shape));
      emit(feature(kShortLeft, m1.short_shape, x.short_shape));
      emit(feature(kShortRight, x.short_shape, p1.short_shape));
      emit(feature(kShortTri, feature(0, m1.short_shape, x.short_shape), p1.short_shape));
      emit(feature(kLowerM1Short, m1.lower, x.short_shape));
      emit(feature(kShortLowerP1, x.short_shape, p1.lower));
      emit(feature(kContextShort, ctx[i], x.short_shape));
      emit(feature(kFlags, x.flags, ctx[i]));
      if (ctx[i] != kNormal && !dropped) emit(feature(kContextLower, ctx[i], x.lower));
      // The run of capitalised tokens the token is in: its length and the token's place in it.
      if (capitalised(x.flags)) {
        size_t b = i, e = i + 1;
        while (b > 0 && capitalised(lex[b - 1].flags)) --b;
        while (e < n && capitalised(lex[e].flags)) ++e;
        uint64_t len = std::min<size_t>(e - b, 4);
        uint64_t pos = e - b == 1 ? 3 : i == b ? 0 : i + 1 == e ? 2 : 1;
        emit(feature(kCapitalRun, len * 4 + pos, ctx[i]));
        emit(feature(kCapitalRunLeft, len * 4 + pos, at(long(b) - 1).lower));
        if (use_casing) {
          // The least and most name-like word of the run, by news casing.
          uint64_t lo = 9, hi = 0;
          for (size_t k = b; k < e; ++k) {
            const uint64_t r = casing[k] == 8 ? 7 : casing[k];
            lo = std::min(lo, r);
            hi = std::max(hi, r);
          }
          emit(feature(kCasingRun, lo * 16 + hi, pos));
        }
        if (use_cluster_shape && clusters[i] && levels > 1)
          emit(feature(kClusterRun, clusters[i][1], len * 4 + pos));
      }
      if (use_casing && !(x.flags & kNoLetter)) {
        const uint8_t code = resources.casing->find(x.lower);
        const uint64_t state = (x.flags & kAllCaps) ? 2 : (x.flags & kInitCap) ? 1 : 0;
        emit(feature(kCasing, code, state));
        emit(feature(kCasingContext, casing[i], ctx[i] * 4 + state));
        emit(feature(kCasingM1, i > 0 ? casing[i - 1] : 10, casing[i]));
        emit(feature(kCasingP1, casing[i], i + 1 < n ? casing[i + 1] : 10));
      }

      // Word clusters of the token and its neighbours.
      if (levels) {
        const uint64_t* c = clusters[i];
        if (c) {
          for (size_t l = 0; l < levels; ++l) emit(feature(kCluster + l, c[l]));
          if (ctx[i] != kNormal) emit(feature(kClusterContext, c[levels > 1 ? 1 : 0], ctx[i]));
          if (use_cluster_shape) {
            for (size_t l = 1; l < levels; l += 2)
              emit(feature(kClusterShape + l, c[l], x.short_shape));
          }
        } else {
          emit(feature(kNoCluster, x.short_shape));
        }
        const uint64_t* cm = i > 0 ? clusters[i - 1] : nullptr;
        const uint64_t* cp = i + 1 < n ? clusters[i + 1] : nullptr;
        for (size_t l = 0; l < levels; ++l) {
          if (cm) emit(feature(kClusterM1 + l, cm[l]));
          if (cp) emit(feature(kClusterP1 + l, cp[l]));
        }
      }

      // Gazetteer matches covering the token.
      for (const Gazetteer::Match& g : matches) {
        if (i < g.begin || i >= g.end) continue;
        Position pos = position_in(i, g.begin, g.end);
        for (uint32_t t = 0; t < 8; ++t) {
          if (g.types & (1u << t)) emit(feature(kGazetteer, t, uint64_t(pos)));
        }
        emit(feature(kGazetteerMajority, g.majority, uint64_t(pos)));
      }
      for (const Gazetteer::Match& g : news) {
        if (i < g.begin || i >= g.end) continue;
        Position pos = position_in(i, g.begin, g.end);
        for (uint32_t t = 0; t < 8; ++t) {
          if (g.types & (1u << t)) emit(feature(kNews, t, uint64_t(pos)));
        }
        uint64_t sure = g.majority_docs * 10 >= g.total_docs * 9   ? 2
                        : g.majority_docs * 10 >= g.total_docs * 6 ? 1
                                                                   : 0;
        uint64_t often = g.total_docs >= 32 ? 3 : g.total_docs >= 8 ? 2 : g.total_docs >= 3 ? 1 : 0;
        emit(feature(kNewsMajority, g.majority, uint64_t(pos) * 16 + sure * 4 + often));
      }

      for (const Gazetteer::Match& g : places) {
        if (i < g.begin || i >= g.end) continue;
        Position pos = position_in(i, g.begin, g.end);
        emit(feature(kPlace, uint64_t(pos)));
        emit(feature(kPlaceContext, uint64_t(pos), ctx[i]));
      }

      // How the word is written elsewhere in the document.
      if (capitalised(x.flags)) {
        uint32_t lower = 0, capital = 0;
        count_kinds(occ, x.lower, &lower, &capital);
        if ((x.flags & kInitCap) && (x.flags & kHasLower) && base_context(ctx[i]) == kNormal &&
            capital > 0)
          --capital;  // this occurrence itself
        emit(feature(kDocLower, ctx[i], lower > 0));
        emit(feature(kDocCapital, ctx[i], capital > 0));

        // Context aggregation (Ratinov & Roth 2009): the neighbours of the word's other
        // occurrences in the document ("said Sakakibara" three lines down).
        const uint32_t self = uint32_t(begin + i);
        auto it = std::lower_bound(same.begin(), same.end(), std::make_pair(x.lower, uint32_t(0)));
        size_t used = 0;
        for (; it != same.end() && it->first == x.lower && used < kMaxAggregated; ++it) {
          if (it->second == self) continue;
          ++used;
          emit(feature(kAggregateLeft, neighbour(it->second, -1).lower));
          emit(feature(kAggregateRight, neighbour(it->second, 1).lower));
        }
      }
    }
  }
  out->offsets.push_back(uint32_t(out->rows.size()));
}

void extract_second_pass(const DocFeatures& first, const uint8_t* first_tags, const TagSet& tags,
                         uint32_t bits, std::vector<uint32_t>* rows,
                         std::vector<uint32_t>* offsets) {
  rows->clear();
  offsets->clear();
  const size_t n_tokens = first.tokens();
  rows->reserve(first.rows.size() + n_tokens * 8);
  offsets->reserve(n_tokens + 1);
  const uint64_t kOutside = 0xFF;

  // What the first pass said about each capitalised word: (key, type or kOutside) pairs.
  std::vector<std::pair<uint64_t, uint64_t>> labels;
  for (size_t k = 0; k < n_tokens; ++k) {
    const Lexeme& x = first.lexemes[k];
    if (!capitalised(x.flags)) continue;
    uint8_t t = first_tags[k];
    labels.emplace_back(x.lower, t == 0 ? kOutside : TagSet::type_of(t));
  }
  std::sort(labels.begin(), labels.end());

  // First-pass entities by their text: (key, type, first token).
  struct Entity {
    uint64_t key;
    uint32_t type, begin, length;
  };
  std::vector<Entity> entities;
  for (size_t s = 0; s + 1 < first.sentence_begin.size(); ++s) {
    const uint32_t b = first.sentence_begin[s], e = first.sentence_begin[s + 1];
    for (const Span& span : tags.decode(first_tags + b, e - b)) {
      if (span.end - span.begin > Gazetteer::kMaxLength) continue;
      uint64_t key = Gazetteer::start_key();
      for (uint32_t k = span.begin; k < span.end; ++k)
        key = Gazetteer::extend_key(key, first.lexemes[b + k].lower);
      entities.push_back(
          {key, uint32_t(tags.type_index(span.type)), b + span.begin, span.end - span.begin});
    }
  }
  std::sort(entities.begin(), entities.end(),
            [](const Entity& a, const Entity& b) { return a.key < b.key; });

  // Document-gazetteer hits per token: (token, type, position) triples.
  std::vector<std::array<uint32_t, 3>> span_hits;
  for (size_t s = 0; s + 1 < first.sentence_begin.size(); ++s) {
    const uint32_t b = first.sentence_begin[s], e = first.sentence_begin[s + 1];
    for (uint32_t i = b; i < e; ++i) {
      uint64_t key = Gazetteer::start_key();
      for (uint32_t len = 1; len <= Gazetteer::kMaxLength && i + len <= e; ++len) {
        key = Gazetteer::extend_key(key, first.lexemes[i + len - 1].lower);
        auto it = std::lower_bound(entities.begin(), entities.end(), key,
                                   [](const Entity& a, uint64_t k) { return a.key < k; });
        uint32_t types = 0;
        for (; it != entities.end() && it->key == key; ++it) {
          if (it->begin == i && it->length == len) continue;  // the entity itself
          types |= 1u << it->type;
        }
        for (uint32_t t = 0; t < 8; ++t) {
          if (!(types & (1u << t))) continue;
          for (uint32_t k = i; k < i + len; ++k) {
            Position pos = position_in(k, i, i + len);
            span_hits.push_back({k, t, uint32_t(pos)});
          }
        }
      }
    }
  }
  std::sort(span_hits.begin(), span_hits.end());

  Emitter emit{*rows, 64u - bits};
  size_t hit = 0;
  size_t sentence = 0;
  for (size_t k = 0; k < n_tokens; ++k) {
    while (k >= first.sentence_begin[sentence + 1]) ++sentence;
    const uint32_t b = first.sentence_begin[sentence], e = first.sentence_begin[sentence + 1];
    offsets->push_back(uint32_t(rows->size()));
    rows->insert(rows->end(), first.rows.begin() + first.offsets[k],
                 first.rows.begin() + first.offsets[k + 1]);
    const uint64_t t0 = first_tags[k];
    const uint64_t tm = k > b ? first_tags[k - 1] : 0xFE;
    const uint64_t tp = k + 1 < e ? first_tags[k + 1] : 0xFE;
    emit(feature(kTag0, t0));
    emit(feature(kTagLeft, tm, t0));
    emit(feature(kTagRight, t0, tp));
    emit(feature(kTagContext, t0, first.context[k]));

    const Lexeme& x = first.lexemes[k];
    if (capitalised(x.flags)) {
      // Other occurrences of the word: which types did the first pass give them?
      uint32_t counts[9] = {};
      uint32_t others = 0;
      auto it =
          std::lower_bound(labels.begin(), labels.end(), std::make_pair(x.lower, uint64_t(0)));
      for (; it != labels.end() && it->first == x.lower; ++it) {
        ++counts[it->second == kOutside ? 8 : std::min<uint64_t>(it->second, 7)];
        ++others;
      }
      --counts[t0 == 0 ? 8 : std::min<uint64_t>(TagSet::type_of(uint8_t(t0)), 7)];  // not itself
      --others;
      if (others > 0) {
        uint32_t best = 0;
        for (uint32_t c = 1; c < 9; ++c) {
          if (counts[c] > counts[best]) best = c;
        }
        bool unanimous = counts[best] == others;
        emit(feature(kDocMajority, best, unanimous));
        emit(feature(kDocMajority, best, 16 + first.context[k]));
        for (uint32_t c = 0; c < 8; ++c) {
          if (counts[c]) emit(feature(kDocType, c));
        }
      }
    }
    while (hit < span_hits.size() && span_hits[hit][0] < k) ++hit;
    for (size_t h = hit; h < span_hits.size() && span_hits[h][0] == k; ++h)
      emit(feature(kDocSpan, span_hits[h][1], span_hits[h][2]));
  }
  offsets->push_back(uint32_t(rows->size()));
}

}  // namespace crosscheck::entities
