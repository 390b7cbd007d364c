// Story clustering throughput: articles per second through StoryClusterer (assign for every
// article, then finish()), one core, on real news. Analysis (text::Analyzer) runs once in setup
// and is not timed.
//
//   build-cluster/bench/cluster_bench                       # CROSSCHECK_SHARED_DIR=../shared
//   CROSSCHECK_BENCH_ARTICLES=20000 build-cluster/bench/cluster_bench
#include <benchmark/benchmark.h>
#include <simdjson.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/cluster.h"
#include "crosscheck/text.h"

namespace {

using crosscheck::Article;
using crosscheck::Document;

struct Corpus {
  std::vector<Article> articles;
  std::vector<Document> docs;  // view into `articles` (kept alive alongside)
};

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

// First `limit` records of news-20k.jsonl.gz, put in publication order (stable sort on the date
// string; undated records come first, in input order) as the clusterer expects a stream to be.
const Corpus& corpus() {
  static const std::unique_ptr<Corpus> c = [] {
    auto out = std::make_unique<Corpus>();
    std::string path = env_or("CROSSCHECK_SHARED_DIR", "../shared") +
                       "/data/corpus/news-20k.jsonl.gz";
    size_t limit = std::strtoul(env_or("CROSSCHECK_BENCH_ARTICLES", "5000").c_str(), nullptr, 10);
    gzFile f = gzopen(path.c_str(), "rb");
    if (f == nullptr) return out;
    gzbuffer(f, 1 << 16);
    simdjson::ondemand::parser parser;
    std::string line;
    char buf[1 << 16];
    while (out->articles.size() < limit && gzgets(f, buf, sizeof buf) != nullptr) {
      line += buf;
      if (line.empty() || line.back() != '\n') continue;  // long record: keep reading
      simdjson::padded_string json(line);
      line.clear();
      simdjson::ondemand::document doc;
      if (parser.iterate(json).get(doc)) continue;
      Article a;
      std::string_view v;
      if (!doc["id"].get_string().get(v)) a.id = std::string(v);
      if (!doc["title"].get_string().get(v)) a.title = std::string(v);
      if (!doc["date"].get_string().get(v)) a.published = std::string(v);
      if (!doc["text"].get_string().get(v)) a.text = std::string(v);
      out->articles.push_back(std::move(a));
    }
    gzclose(f);
    std::stable_sort(out->articles.begin(), out->articles.end(),
                     [](const Article& a, const Article& b) { return a.published < b.published; });
    crosscheck::text::Analyzer analyzer;
    out->docs.reserve(out->articles.size());
    for (const Article& a : out->articles) out->docs.push_back(analyzer.analyze(a));
    return out;
  }();
  return *c;
}

void BM_ClusterNews(benchmark::State& state) {
  const Corpus& c = corpus();
  if (c.articles.empty()) {
    state.SkipWithError("news-20k.jsonl.gz not found (set CROSSCHECK_SHARED_DIR)");
    return;
  }
  crosscheck::cluster::Options options;
  options.background_df = env_or("CROSSCHECK_SOURCE_DIR", ".") + "/models/df-en.tsv.gz";
  size_t stories = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto clusterer = std::make_unique<crosscheck::cluster::StoryClusterer>(options);
    std::string error;
    if (!clusterer->load_background(&error)) std::fprintf(stderr, "%s\n", error.c_str());
    state.ResumeTiming();
    for (size_t i = 0; i < c.articles.size(); ++i) clusterer->assign(c.docs[i], c.articles[i]);
    std::vector<uint32_t> ids = clusterer->finish();
    benchmark::DoNotOptimize(ids.data());
    state.PauseTiming();
    stories = clusterer->stories().size();
    clusterer.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.articles.size()));
  state.counters["articles"] = static_cast<double>(c.articles.size());
  state.counters["stories"] = static_cast<double>(stories);
}
BENCHMARK(BM_ClusterNews)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
