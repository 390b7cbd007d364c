// A labelled story set — {"id","event","text"[,"title","date","source"]} per line, as
// ../shared/data/clustering/ecbplus-train.jsonl and ../shared/data/stories/basil.jsonl are — read
// into articles in arrival order: dated sets in publication order (stable, so undated sets keep
// input order), as a live stream would deliver them, and clustered through the production path.
// Header-only so the quality test and the tuning tool (tools/cluster_eval.cc) read and cluster a
// set the same way.
#pragma once

#include <simdjson.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/cluster.h"
#include "crosscheck/text.h"

namespace crosscheck::cluster_metrics {

struct Labelled {
  std::vector<Article> articles;  // in arrival order
  std::vector<std::string> gold;  // event per article
};

// Throws simdjson::simdjson_error on a file that cannot be read or parsed.
inline Labelled load_labelled(const std::string& path) {
  Labelled set;
  simdjson::ondemand::parser parser;
  simdjson::padded_string json = simdjson::padded_string::load(path).value();
  simdjson::ondemand::document_stream stream = parser.iterate_many(json).value();
  for (auto record : stream) {
    Article a;
    std::string event;
    // Named, not iterated as a temporary: value() on an rvalue result would dangle in range-for.
    simdjson::ondemand::object object = record.get_object().value();
    for (auto field : object) {
      std::string_view key = field.unescaped_key().value();
      auto value = field.value();
      if (value.type().value() != simdjson::ondemand::json_type::string) continue;
      std::string v(value.get_string().value());
      if (key == "id") a.id = v;
      else if (key == "event") event = v;
      else if (key == "text") a.text = v;
      else if (key == "title") a.title = v;
      else if (key == "date") a.published = v;
      else if (key == "source") a.source = v;
    }
    set.articles.push_back(std::move(a));
    set.gold.push_back(std::move(event));
  }
  std::vector<size_t> order(set.articles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return set.articles[x].published < set.articles[y].published;
  });
  Labelled sorted;
  for (size_t i : order) {
    sorted.articles.push_back(std::move(set.articles[i]));
    sorted.gold.push_back(std::move(set.gold[i]));
  }
  return sorted;
}

// The production path over a labelled set: Article -> text::Analyzer -> StoryClusterer (with
// `options`) -> finish(). Returns finish()'s story per article; false and `error` when the
// background model named in `options` cannot be loaded.
inline bool cluster_labelled(const Labelled& set, const cluster::Options& options,
                             std::vector<uint32_t>* ids, std::string* error) {
  cluster::StoryClusterer clusterer(options);
  if (!clusterer.load_background(error)) return false;
  text::Analyzer analyzer;
  for (const Article& a : set.articles) clusterer.assign(analyzer.analyze(a), a);
  *ids = clusterer.finish();
  return true;
}

}  // namespace crosscheck::cluster_metrics
