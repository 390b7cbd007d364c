// Scores the story clusterer on the labelled sets of ../shared with any setting: the tuning tool
// behind the defaults of cluster::Options (tune on ECB+, check on BASIL; docs/benchmarks.md).
//
//   build/cluster_eval --shared ../shared                      # shipped defaults, both sets
//   build/cluster_eval --shared ../shared --cohesion 0.65 --mixed
//
// Prints BCubed and pairwise P/R/F1 per set through the production path (Article ->
// text::Analyzer -> StoryClusterer -> finish(), background DF model); --mixed also lists every
// predicted story that holds more than one gold event, with the events' counts.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "bench/cluster_metrics.h"
#include "bench/labelled_stories.h"
#include "crosscheck/cluster.h"
#include "crosscheck/text.h"

namespace {

namespace fs = std::filesystem;
namespace cm = crosscheck::cluster_metrics;

void list_mixed(const cm::Labelled& set, const std::vector<uint32_t>& ids) {
  std::map<uint32_t, std::map<std::string, int>> stories;
  for (size_t i = 0; i < ids.size(); ++i) ++stories[ids[i]][set.gold[i]];
  for (const auto& [id, events] : stories) {
    if (events.size() < 2) continue;
    std::printf("  story %s:", set.articles[id].id.c_str());
    for (const auto& [event, n] : events) std::printf(" %s x%d", event.c_str(), n);
    std::printf("\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Scores story clustering settings on the labelled sets of the shared data.",
               "cluster_eval");
  std::string shared = "../shared", df = "models/df-en.tsv.gz";
  bool mixed = false;
  crosscheck::cluster::Options o;
  app.add_option("--shared", shared, "The shared data directory (default ../shared)");
  app.add_option("--background-df", df, "Document-frequency model ('none': stream IDF only)");
  app.add_flag("--mixed", mixed, "List predicted stories that mix gold events");
  app.add_option("--join", o.join_threshold, "Options::join_threshold");
  app.add_option("--merge", o.merge_threshold, "Options::merge_threshold");
  app.add_option("--cohesion", o.cohesion_ratio, "Options::cohesion_ratio");
  app.add_option("--novel-penalty", o.novel_name_penalty, "Options::novel_name_penalty");
  app.add_option("--salient-names", o.salient_names, "Options::salient_names");
  app.add_option("--novel-min", o.novel_name_min_articles, "Options::novel_name_min_articles");
  app.add_option("--name-boost", o.name_boost, "Options::name_boost");
  app.add_option("--number-boost", o.number_boost, "Options::number_boost");
  app.add_option("--title-boost", o.title_boost, "Options::title_boost");
  app.add_option("--lead-sentences", o.lead_sentences, "Options::lead_sentences");
  app.add_option("--lead-boost", o.lead_boost, "Options::lead_boost");
  app.add_option("--article-terms", o.article_terms, "Options::article_terms");
  app.add_option("--centroid-terms", o.centroid_terms, "Options::centroid_terms");
  app.add_option("--query-terms", o.query_terms, "Options::query_terms");
  app.add_option("--index-terms", o.index_terms, "Options::index_terms");
  app.add_option("--merge-every", o.merge_every, "Options::merge_every");
  app.add_option("--refine-passes", o.refine_passes, "Options::refine_passes");
  app.add_option("--split-ratio", o.split_ratio, "Options::split_ratio");
  app.add_option("--split-order", o.split_order, "Options::split_order");
  app.add_option("--split-min-part", o.split_min_part, "Options::split_min_part");
  CLI11_PARSE(app, argc, argv);
  if (df != "none") o.background_df = df;

  const std::pair<const char*, const char*> sets[] = {
      {"ECB+ train", "data/clustering/ecbplus-train.jsonl"},
      {"BASIL", "data/stories/basil.jsonl"}};
  for (const auto& [name, rel] : sets) {
    fs::path path = fs::path(shared) / rel;
    cm::Labelled set;
    try {
      set = cm::load_labelled(path.string());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "cluster_eval: %s: %s\n", path.c_str(), e.what());
      return 1;
    }
    std::vector<uint32_t> ids;
    std::string error;
    if (!cm::cluster_labelled(set, o, &ids, &error)) {
      std::fprintf(stderr, "cluster_eval: %s\n", error.c_str());
      return 1;
    }
    cm::print_quality(name, cm::evaluate(ids, set.gold));
    if (mixed) list_mixed(set, ids);
  }
  return 0;
}
