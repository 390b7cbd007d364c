// Per-story analysis speed: compare::analyze_story (sentence alignment, reuse, quotes, facts,
// changes, claims, discrepancies, summary; with "entities" also NER + entity linking) on a story
// of 50 articles, one core. Target: < 200 ms.
//
//   CROSSCHECK_SHARED_DIR=../shared build/bench/story_bench     # from the repository root
//   (the NER model is read from $CROSSCHECK_MODEL_DIR/ner-en.bin.gz, else models/ner-en.bin.gz)
//
// Two stories of 50 real articles:
//   * seeds50 — the five seed reports plus 45 copies of them made here (paragraphs dropped and
//     reordered, every copy different): a story full of reuse, the expensive case for alignment;
//   * basil50 — the first 50 BASIL articles (17 events, three outlets each) taken as one story:
//     many independent reports that share names and topics but few sentences.
// "with_text" also times the text analysis (sentences, tokens, stems) the story needs.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/compare.h"
#include "crosscheck/entities.h"
#include "crosscheck/pipeline.h"
#include "crosscheck/text.h"

namespace {

using crosscheck::Article;
using crosscheck::Document;

std::string shared_dir() {
  const char* v = std::getenv("CROSSCHECK_SHARED_DIR");
  return v != nullptr && *v != '\0' ? v : "../shared";
}

std::vector<Article> read(const std::string& path) {
  crosscheck::pipeline::Options options;
  options.threads = 1;
  return crosscheck::pipeline::read_all({path}, options, nullptr).articles;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) out.push_back(text.substr(begin, end - begin));
    begin = end + 2;
  }
  return out;
}

std::vector<Article> seeds50() {
  std::vector<Article> seeds = read(shared_dir() + "/seeds");
  std::vector<Article> out = seeds;
  for (size_t k = 0; out.size() < 50 && !seeds.empty(); ++k) {
    const Article& s = seeds[k % seeds.size()];
    std::vector<std::string> ps = paragraphs(s.text);
    std::string text;
    for (size_t p = 0; p < ps.size(); ++p) {
      if ((p + k) % 5 == 0) continue;  // drop every fifth paragraph, a different one per copy
      size_t q = (k % 2 == 1 && p + 1 < ps.size() && p % 3 == 1) ? p + 1 : p;  // some swapped
      if (!text.empty()) text += "\n\n";
      text += ps[q];
    }
    Article copy = s;
    copy.id = s.id + "-copy" + std::to_string(k);
    copy.text = text;
    out.push_back(copy);
  }
  return out;
}

std::vector<Article> basil50() {
  std::vector<Article> all = read(shared_dir() + "/data/stories/basil.jsonl");
  if (all.size() > 50) all.resize(50);
  return all;
}

struct Story {
  std::vector<Article> articles;
  std::vector<Document> docs;
  std::vector<const Article*> a;
  std::vector<const Document*> d;
};

std::unique_ptr<Story> make_story(std::vector<Article> articles) {
  auto s = std::make_unique<Story>();
  s->articles = std::move(articles);
  crosscheck::text::AnalyzerOptions o;
  o.detect_language = false;
  crosscheck::text::Analyzer analyzer(o);
  for (const Article& a : s->articles) s->docs.push_back(analyzer.analyze(a));
  for (size_t i = 0; i < s->articles.size(); ++i) {
    s->a.push_back(&s->articles[i]);
    s->d.push_back(&s->docs[i]);
  }
  return s;
}

const Story& story(int which) {
  static const std::unique_ptr<Story> seeds = make_story(seeds50());
  static const std::unique_ptr<Story> basil = make_story(basil50());
  return which == 0 ? *seeds : *basil;
}

void set_counters(benchmark::State& state, const Story& s) {
  size_t words = 0;
  for (const Document& d : s.docs) words += d.tokens.size();
  state.counters["articles"] = static_cast<double>(s.articles.size());
  state.counters["tokens"] = static_cast<double>(words);
}

void BM_AnalyzeStory(benchmark::State& state) {
  const Story& s = story(static_cast<int>(state.range(0)));
  if (s.articles.size() < 50) {
    state.SkipWithError("needs ../shared (seeds and data/stories/basil.jsonl)");
    return;
  }
  size_t findings = 0;
  for (auto _ : state) {
    crosscheck::Dossier d = crosscheck::compare::analyze_story(s.a, s.d);
    findings += d.reuse.size() + d.claims.size();
    benchmark::DoNotOptimize(d);
  }
  set_counters(state, s);
  state.counters["findings"] = static_cast<double>(findings) / state.iterations();
}
BENCHMARK(BM_AnalyzeStory)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("seeds50_basil50")
    ->Unit(benchmark::kMillisecond);

const crosscheck::entities::Tagger* tagger() {
  static const std::unique_ptr<crosscheck::entities::Tagger> t = [] {
    const char* dir = std::getenv("CROSSCHECK_MODEL_DIR");
    std::string path =
        std::string(dir != nullptr && *dir != '\0' ? dir : "models") + "/ner-en.bin.gz";
    return crosscheck::entities::Tagger::load(path).tagger;
  }();
  return t.get();
}

void BM_AnalyzeStoryWithEntities(benchmark::State& state) {
  const Story& s = story(static_cast<int>(state.range(0)));
  if (s.articles.size() < 50 || tagger() == nullptr) {
    state.SkipWithError("needs ../shared and models/ner-en.bin.gz (run from the repository root)");
    return;
  }
  crosscheck::compare::CompareOptions options;
  options.tagger = tagger();
  size_t entities = 0;
  for (auto _ : state) {
    crosscheck::Dossier d = crosscheck::compare::analyze_story(s.a, s.d, options);
    entities += d.entities.size();
    benchmark::DoNotOptimize(d);
  }
  set_counters(state, s);
  state.counters["entities"] = static_cast<double>(entities) / state.iterations();
}
BENCHMARK(BM_AnalyzeStoryWithEntities)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("seeds50_basil50")
    ->Unit(benchmark::kMillisecond);

void BM_AnalyzeStoryWithText(benchmark::State& state) {
  const Story& s = story(static_cast<int>(state.range(0)));
  if (s.articles.size() < 50) {
    state.SkipWithError("needs ../shared (seeds and data/stories/basil.jsonl)");
    return;
  }
  crosscheck::text::AnalyzerOptions o;
  o.detect_language = false;
  crosscheck::text::Analyzer analyzer(o);
  for (auto _ : state) {
    std::vector<Document> docs;
    docs.reserve(s.articles.size());
    for (const Article& a : s.articles) docs.push_back(analyzer.analyze(a));
    std::vector<const Document*> d;
    for (const Document& doc : docs) d.push_back(&doc);
    crosscheck::Dossier dossier = crosscheck::compare::analyze_story(s.a, d);
    benchmark::DoNotOptimize(dossier);
  }
  set_counters(state, s);
}
BENCHMARK(BM_AnalyzeStoryWithText)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("seeds50_basil50")
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
