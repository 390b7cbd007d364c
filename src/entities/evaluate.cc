// Entity-level precision / recall / F1 as the CoNLL shared task's conlleval computes them.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "crosscheck/entities.h"

namespace crosscheck::entities {

Evaluation evaluate(const std::vector<std::vector<std::string>>& gold,
                    const std::vector<std::vector<std::string>>& predicted) {
  Evaluation e;
  std::map<std::string, TypeScore> by_type;
  size_t n = std::min(gold.size(), predicted.size());
  for (size_t s = 0; s < n; ++s) {
    size_t len = std::min(gold[s].size(), predicted[s].size());
    std::vector<std::string> g(gold[s].begin(), gold[s].begin() + long(len));
    std::vector<std::string> p(predicted[s].begin(), predicted[s].begin() + long(len));
    std::vector<Span> gs = spans_from_tags(g), ps = spans_from_tags(p);
    // Token accuracy over the BIO forms of both, so that IOB1 gold and BIO output compare.
    std::vector<std::string> gb = tags_from_spans(gs, len, Scheme::kBio);
    std::vector<std::string> pb = tags_from_spans(ps, len, Scheme::kBio);
    for (size_t i = 0; i < len; ++i) {
      ++e.tokens;
      if (gb[i] == pb[i]) ++e.correct_tags;
    }
    std::set<std::tuple<uint32_t, uint32_t, std::string>> gold_set;
    for (const Span& x : gs) {
      gold_set.emplace(x.begin, x.end, x.type);
      ++by_type[x.type].gold;
      ++e.overall.gold;
    }
    for (const Span& x : ps) {
      ++by_type[x.type].found;
      ++e.overall.found;
      if (gold_set.count({x.begin, x.end, x.type})) {
        ++by_type[x.type].correct;
        ++e.overall.correct;
      }
    }
  }
  for (auto& [type, score] : by_type) {
    score.type = type;
    e.types.push_back(score);
  }
  return e;
}

std::string format_evaluation(const Evaluation& e) {
  char line[256];
  std::string out;
  std::snprintf(line, sizeof line,
                "processed %llu tokens with %llu phrases; found: %llu phrases; correct: %llu.\n",
                (unsigned long long)e.tokens, (unsigned long long)e.overall.gold,
                (unsigned long long)e.overall.found, (unsigned long long)e.overall.correct);
  out += line;
  double accuracy = e.tokens ? 100.0 * double(e.correct_tags) / double(e.tokens) : 0.0;
  std::snprintf(line, sizeof line,
                "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n", accuracy,
                100 * e.overall.precision(), 100 * e.overall.recall(), 100 * e.overall.f1());
  out += line;
  for (const TypeScore& t : e.types) {
    std::snprintf(line, sizeof line,
                  "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %llu\n", t.type.c_str(),
                  100 * t.precision(), 100 * t.recall(), 100 * t.f1(), (unsigned long long)t.found);
    out += line;
  }
  return out;
}

}  // namespace crosscheck::entities
