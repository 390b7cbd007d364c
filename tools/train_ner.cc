// Trains the named-entity tagger shipped as models/ner-en.bin.gz. The one command that rebuilds it:
//
//   build/train_ner --shared ../shared --out models/ner-en.bin.gz
//
// Reads ../shared/data/ner/conll2003/{train,dev,test}.txt.gz (train = eng.train, dev = eng.testa,
// test = eng.testb) and the unlabelled ../shared/data/corpus/news-20k.jsonl.gz, learns word
// clusters from the news corpus (plus the training sentences), trains both passes (dev F1 per
// epoch on stderr), writes the model and prints the final dev and test scores in conlleval's
// layout. The test set is scored once at the end and never used for any choice. Deterministic:
// the same inputs and options give the same file. About 90 s and 0.9 GB on one core.
//
// Options for experiments: --clusters-cache FILE keeps the learned clusters between runs (they
// depend only on the corpus and the cluster options), --train-docs N trains on a subsample,
// --no-clusters / --no-gazetteer / --no-second-pass switch parts off.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "crosscheck/entities.h"
#include "crosscheck/ingest.h"

namespace {

namespace fs = std::filesystem;
namespace ent = crosscheck::entities;

bool read_split(const fs::path& path, ent::ConllCorpus* out) {
  crosscheck::Status st = ent::read_conll(path.string(), out);
  if (!st) {
    std::fprintf(stderr, "train_ner: %s\n", st.message().c_str());
    return false;
  }
  std::fprintf(stderr, "train_ner: %s: %zu documents, %zu sentences, %zu tokens\n",
               path.filename().c_str(), out->documents.size(), out->sentences, out->tokens);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Trains the crosscheck named-entity tagger on CoNLL-2003 (see docs/ner-notes.md).",
               "train_ner");
  std::string shared = "../shared", out = "models/ner-en.bin.gz";
  std::vector<std::string> corpus;
  size_t corpus_limit = 0;
  bool no_clusters = false, no_gazetteer = false, no_second = false, news = false;
  ent::TrainOptions options;
  std::string branching;
  app.add_option("--shared", shared, "The shared data directory (default ../shared)");
  app.add_option("--out", out, "Model file to write (default models/ner-en.bin.gz)");
  app.add_option("--corpus", corpus,
                 "Unlabelled text for the word clusters: files or folders (text, HTML, JSONL; "
                 "repeatable; default SHARED/data/corpus/news-20k.jsonl.gz)");
  app.add_option("--corpus-articles", corpus_limit, "Use only the first N articles (0 = all)");
  app.add_option("--clusters-cache", options.clusters_cache,
                 "Load the word clusters from this file if it exists, else learn and save them");
  app.add_option("--features", options.feature_groups,
                 "Extra feature groups (bits): 1 = word casing in the news, 2 = cluster x shape");
  app.add_option("--word-dropout", options.word_dropout,
                 "Per mille of capitalised training tokens without word-identity features");
  app.add_option("--casing-cache", options.casing_cache,
                 "Load the news casing table from this file if it exists, else save it there");
  app.add_option("--bits", options.table_bits, "log2 of the weight rows per pass (default 20)");
  app.add_option("--epochs", options.max_epochs, "Maximum epochs per pass (default 15)");
  app.add_option("--patience", options.patience,
                 "Stop after this many epochs without a better dev F1 (default 3)");
  app.add_option("--min-epochs", options.min_epochs, "Never stop before this epoch (default 5)");
  app.add_option("--folds", options.folds, "Jackknife folds for the second pass (default 5)");
  app.add_option("--train-docs", options.train_limit, "Train on the first N documents (0 = all)");
  app.add_option("--ensemble", options.ensemble, "Perceptrons averaged per pass (default 3)");
  app.add_option(
      "--news-cache", options.news_cache,
      "Load the harvested news gazetteer from this file if it exists, else save it there");
  app.add_option("--seed", options.seed, "Seed for shuffling and k-means (default 1)");
  app.add_option("--crf", options.crf_passes,
                 "Passes trained as a CRF instead of a perceptron (bits: 1 = pass 1, 2 = pass 2; "
                 "default 1)");
  app.add_option("--crf-rate", options.crf_rate, "CRF: AdaGrad step size (default 0.03)");
  app.add_option("--crf-l2", options.crf_l2, "CRF: L2 pull on touched weights (default 0)");
  app.add_option("--crf-min-gradient", options.crf_min_gradient,
                 "CRF: skip smaller gradients (default 0.001)");
  app.add_option("--crf-average", options.crf_average, "CRF: average the weights (default 1)");
  app.add_option("--prune", options.prune_below, "Drop weights below this magnitude (default 0)");
  app.add_option("--cluster-contexts", options.cluster_contexts, "Context words for the clusters");
  app.add_option("--cluster-runs", options.cluster_runs, "Independent cluster hierarchies");
  app.add_option("--cluster-embedding-runs", options.cluster_embedding_runs,
                 "More hierarchies, of skip-gram vectors of the same words (default 0)");
  app.add_option("--cluster-embedding-dims", options.cluster_embedding_dims,
                 "Length of the skip-gram vectors (default 64)");
  app.add_option("--cluster-window", options.cluster_window, "Context window for the clusters");
  app.add_option("--cluster-min-count", options.cluster_min_count,
                 "Minimum count of a clustered word");
  app.add_option("--cluster-branching", branching, "K per level, e.g. 16,16,16");
  app.add_flag("--no-clusters", no_clusters, "Train without word clusters");
  app.add_flag("--no-gazetteer", no_gazetteer, "Train without the training-set gazetteer");
  app.add_flag("--no-second-pass", no_second, "Train the first pass only");
  app.add_flag("--news-gazetteer", news,
               "Self-training: harvest a gazetteer from the news corpus with a first model, then "
               "retrain with it (did not help on dev; off by default)");
  app.add_option("--news-min-docs", options.news_min_docs,
                 "Articles a harvested entity string needs (default 2)");
  CLI11_PARSE(app, argc, argv);
  options.clusters = !no_clusters;
  options.gazetteer = !no_gazetteer;
  options.second_pass = !no_second;
  options.news_gazetteer = news;
  if (!branching.empty()) {
    options.cluster_branching.clear();
    for (const std::string& k : CLI::detail::split(branching, ','))
      options.cluster_branching.push_back(uint32_t(std::stoul(k)));
  }

  const fs::path ner = fs::path(shared) / "data" / "ner" / "conll2003";
  ent::ConllCorpus train, dev, test;
  if (!read_split(ner / "train.txt.gz", &train) || !read_split(ner / "dev.txt.gz", &dev) ||
      !read_split(ner / "test.txt.gz", &test))
    return 2;

  ent::TrainData data;
  data.train = &train;
  data.dev = &dev;
  data.test = &test;
  bool cached = !options.clusters_cache.empty() && fs::exists(options.clusters_cache);
  bool news_cached = !options.news_cache.empty() && fs::exists(options.news_cache);
  bool casing_cached = !options.casing_cache.empty() && fs::exists(options.casing_cache);
  if ((options.clusters && !cached) || (options.news_gazetteer && !news_cached) ||
      ((options.feature_groups & 1) && !casing_cached)) {
    if (corpus.empty())
      corpus.push_back((fs::path(shared) / "data" / "corpus" / "news-20k.jsonl.gz").string());
    size_t problems = 0;
    crosscheck::ingest::read_inputs(
        corpus, {},
        [&](crosscheck::RawArticle&& a) {
          if (corpus_limit && data.unlabeled.size() >= corpus_limit) return;
          data.unlabeled.push_back(a.title + "\n" + a.body);
        },
        [&](crosscheck::Problem&&) { ++problems; });
    std::string names;
    for (const std::string& c : corpus) names += (names.empty() ? "" : ", ") + c;
    std::fprintf(stderr, "train_ner: %zu unlabelled articles from %s (%zu problems)\n",
                 data.unlabeled.size(), names.c_str(), problems);
    if (data.unlabeled.empty()) {
      std::fprintf(stderr, "train_ner: no unlabelled text: use --no-clusters to train without\n");
      return 2;
    }
  }

  ent::TrainResult result = ent::train(
      data, options, [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); });
  if (!result.status) {
    std::fprintf(stderr, "train_ner: %s\n", result.status.message().c_str());
    return 1;
  }
  crosscheck::Status st = result.tagger->save(out);
  if (!st) {
    std::fprintf(stderr, "train_ner: %s\n", st.message().c_str());
    return 1;
  }
  std::error_code ec;
  std::printf("model: %s (%ju bytes)\n%s", out.c_str(), uintmax_t(fs::file_size(out, ec)),
              result.tagger->describe().c_str());
  std::printf("\ndev (eng.testa):\n%s", ent::format_evaluation(result.dev).c_str());
  std::printf("\ntest (eng.testb):\n%s", ent::format_evaluation(result.test).c_str());
  return 0;
}
