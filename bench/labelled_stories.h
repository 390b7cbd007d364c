// A labelled story set — {"id","event","text"[,"title","date","source"]} per line, as
// ../shared/data/clustering/ecbplus-train.jsonl and ../shared/data/stories/basil.jsonl are —
// read and clustered the way `crosscheck analyze` reads and clusters a pile: the articles through
// the reading and clean stage (pipeline::read_all, boilerplate and outlet templates removed), then
// text analysis, dedup, and cluster::cluster_pile (publication order, undated ones in input
// order, copies following their original). So the figures are the ones a user gets.
// Header-only so the quality test and the tuning tool (tools/cluster_eval.cc) read and cluster a
// set the same way.
#pragma once

#include <simdjson.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/cluster.h"
#include "crosscheck/dedup.h"
#include "crosscheck/pipeline.h"
#include "crosscheck/text.h"
#include "crosscheck/thread_pool.h"

namespace crosscheck::cluster_metrics {

struct Labelled {
  std::vector<Article> articles;  // cleaned, in input order
  std::vector<std::string> gold;  // event per article
};

// Throws simdjson::simdjson_error on a file that cannot be parsed, std::runtime_error when the
// reader does not give back exactly one article per labelled record.
inline Labelled load_labelled(const std::string& path) {
  std::unordered_map<std::string, std::string> event_of;  // id -> event (looked up only)
  size_t records = 0;
  {
    simdjson::ondemand::parser parser;
    simdjson::padded_string json = simdjson::padded_string::load(path).value();
    simdjson::ondemand::document_stream stream = parser.iterate_many(json).value();
    for (auto record : stream) {
      simdjson::ondemand::object object = record.get_object().value();
      std::string id(object["id"].get_string().value());
      std::string event(object["event"].get_string().value());
      event_of[id] = std::move(event);
      ++records;
    }
  }
  pipeline::Options options;  // the commands' defaults
  pipeline::Batch batch = pipeline::read_all({path}, options, nullptr);
  if (batch.articles.size() != records || event_of.size() != records) {
    throw std::runtime_error(path + ": " + std::to_string(records) + " labelled records (" +
                             std::to_string(event_of.size()) + " distinct ids) but " +
                             std::to_string(batch.articles.size()) + " articles read");
  }
  Labelled set;
  for (Article& a : batch.articles) {
    auto it = event_of.find(a.id);
    if (it == event_of.end()) throw std::runtime_error(path + ": no label for " + a.id);
    set.gold.push_back(it->second);
    set.articles.push_back(std::move(a));
  }
  return set;
}

// The production path over a labelled set: text analysis, dedup, StoryClusterer (with `options`)
// through cluster::cluster_pile. Returns per article the input index of its story's first
// article; false and `error` when the background model named in `options` cannot be loaded.
inline bool cluster_labelled(const Labelled& set, const cluster::Options& options,
                             std::vector<uint32_t>* ids, std::string* error) {
  cluster::StoryClusterer clusterer(options);
  if (!clusterer.load_background(error)) return false;
  ThreadPool pool(0);
  text::AnalyzerOptions text_options;
  text_options.detect_language = false;  // the clean stage identified it
  std::vector<Document> docs = pipeline::analyze_all(set.articles, text_options, pool);
  std::vector<std::string_view> texts;
  texts.reserve(set.articles.size());
  for (const Article& a : set.articles) texts.push_back(a.text);
  std::vector<uint32_t> group = dedup::deduplicate(texts, dedup::Options{}, &pool);
  *ids = cluster::cluster_pile(clusterer, set.articles, docs, group);
  return true;
}

}  // namespace crosscheck::cluster_metrics
