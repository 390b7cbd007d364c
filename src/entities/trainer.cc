// Training: from CoNLL files (and unlabelled news) to a two-pass tagger.
//
// 1. Word clusters from the unlabelled texts (src/entities/clusters.h), or from a cache file.
// 2. A gazetteer of the training entities, matched leave-one-document-out (gazetteer.h).
// 3. Pass 1: a linear-chain CRF (crf.h; or, with crf_passes without bit 1, an averaged
//    structured perceptron) over the first-pass features. The dev set picks the number of epochs
//    (the best dev F1 so far wins; training stops after `patience` epochs without improvement).
//    `ensemble` learners on different shuffles are averaged into one weight vector: the variance
//    between shuffles is a few tenths of a point of F1, and the average of three is steadier and
//    a little better, at no cost at run time.
// 4. Pass 2 (an averaged perceptron unless crf_passes has bit 2) learns to use the first pass's
//    document-wide decisions (features.h). Its training inputs must look like test-time inputs:
//    pass 1 tags each training document with a model that never saw it (k-fold jackknifing,
//    Wolpert's stacking), never with the model trained on it, which would be nearly perfect and
//    teach pass 2 to copy it. Dev and test documents get their first-pass tags from the final
//    pass-1 model, as at run time.
// 5. Optionally (off by default: it did not help on dev) self-training: the model tags the news
//    corpus, the entities it finds become a second gazetteer, and steps 3-4 run again.
// 6. The weights are quantised (model.h) and the final model is scored on dev and test through
//    the public Tagger, so the reported numbers are those of the shipped file.
//
// Cost on one core for CoNLL-2003 (204k training tokens) with the defaults: clusters ~20 s,
// each CRF or perceptron ~0.4-1 s per epoch, 3 x (1 + 5 folds) CRFs of 5-15 epochs and three
// perceptrons for pass 2: about 90 s in all and 0.9 GB of memory (the float weights, AdaGrad
// and averaging sums of 2^20 x 17 rows).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <random>

#include "crosscheck/entities.h"
#include "src/entities/clusters.h"
#include "src/entities/crf.h"
#include "src/entities/features.h"
#include "src/entities/gazetteer.h"
#include "src/entities/gzip_file.h"
#include "src/entities/inference.h"
#include "src/entities/model.h"
#include "src/entities/news_gazetteer.h"
#include "src/entities/perceptron.h"

namespace crosscheck::entities {
namespace {

using Clock = std::chrono::steady_clock;

// One CoNLL split, ready for training: string views, gold tags, first-pass features.
struct Prepared {
  std::vector<Sentences> docs;
  std::vector<std::vector<uint8_t>> gold;  // per document, per token
  std::vector<DocFeatures> first;
  TrainingSet set;
  size_t tokens = 0;
};

void prepare_views(const ConllCorpus& corpus, size_t limit, const TagSet& tags, Prepared* out) {
  size_t n = limit ? std::min(limit, corpus.documents.size()) : corpus.documents.size();
  for (size_t d = 0; d < n; ++d) {
    Sentences doc;
    std::vector<uint8_t> gold;
    for (const ConllSentence& s : corpus.documents[d].sentences) {
      std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
      doc.push_back(std::move(words));
      std::vector<uint8_t> g = tags.encode(spans_from_tags(s.gold), s.tokens.size());
      if (s.gold.size() != s.tokens.size()) g.assign(s.tokens.size(), 0);
      gold.insert(gold.end(), g.begin(), g.end());
      out->tokens += s.tokens.size();
    }
    out->docs.push_back(std::move(doc));
    out->gold.push_back(std::move(gold));
  }
}

void prepare_features(Resources resources, uint32_t bits, bool is_training, Prepared* p) {
  if (!is_training) resources.word_dropout = 0;
  p->first.assign(p->docs.size(), DocFeatures());
  for (size_t d = 0; d < p->docs.size(); ++d) {
    extract_first_pass(p->docs[d], resources, bits, is_training ? int64_t(d) : -1, &p->first[d]);
    p->set.add_document(p->first[d].rows, p->first[d].offsets, p->first[d].sentence_begin,
                        p->gold[d].data());
  }
}

// Entity-level F1 of predicted tag ids against the set's gold ids.
double span_f1(const TagSet& tags, const TrainingSet& set, const std::vector<uint8_t>& pred) {
  size_t gold_n = 0, found = 0, correct = 0;
  for (size_t s = 0; s < set.sentences(); ++s) {
    const size_t b = set.sentence_begin[s], n = set.sentence_begin[s + 1] - b;
    std::vector<Span> g = tags.decode(&set.gold[b], n), p = tags.decode(&pred[b], n);
    gold_n += g.size();
    found += p.size();
    for (const Span& x : p) correct += std::count(g.begin(), g.end(), x);
  }
  double pr = found ? double(correct) / double(found) : 0,
         re = gold_n ? double(correct) / double(gold_n) : 0;
  return pr + re > 0 ? 2 * pr * re / (pr + re) : 0;
}

struct PassResult {
  PassWeights weights;
  uint32_t epochs = 0;
  double dev_f1 = 0;
};

// Averaged weights of one perceptron at its chosen epoch.
struct Trained {
  std::vector<float> weights;
  Transitions transitions;
  uint32_t epochs = 0;
  double dev_f1 = 0;
};

std::vector<uint32_t> training_order(const TrainingSet& train, uint32_t folds, int skip_fold) {
  std::vector<uint32_t> order;
  for (size_t d = 0; d < train.documents(); ++d) {
    if (skip_fold >= 0 && int(d % folds) == skip_fold) continue;
    for (uint32_t s = train.document_begin[d]; s < train.document_begin[d + 1]; ++s)
      order.push_back(s);
  }
  return order;
}

double dev_f1(const std::vector<float>& weights, const Transitions& transitions, const TagSet& tags,
              const TrainingSet& dev) {
  std::vector<uint8_t> pred(dev.gold.size(), 0);
  decode_floats(weights, tags.size(), transitions, dev, 0, dev.sentences(), pred.data());
  return span_f1(tags, dev, pred);
}

// One learner (perceptron or CRF) on `order`. With `fixed_epochs` > 0 runs exactly that many
// epochs, else picks the epoch count by dev F1 (or runs max_epochs without dev).
template <typename Learner>
Trained train_member_with(Learner& learner, const std::string& name, const TrainingSet& train,
                          const TrainingSet* dev, std::vector<uint32_t> order, const TagSet& tags,
                          const TrainOptions& options, uint32_t fixed_epochs, uint64_t seed,
                          const std::function<void(const std::string&)>& log) {
  Trained best;
  std::vector<float> weights;
  Transitions transitions;
  const uint32_t max_epochs = fixed_epochs ? fixed_epochs : options.max_epochs;
  uint32_t since_best = 0;
  for (uint32_t epoch = 1; epoch <= max_epochs; ++epoch) {
    auto t0 = Clock::now();
    std::mt19937_64 rng(seed * 1000003 + epoch);
    std::shuffle(order.begin(), order.end(), rng);
    size_t wrong = learner.epoch(train, order);
    if (fixed_epochs || !dev) {
      if (epoch == max_epochs) {
        learner.average(&best.weights, &best.transitions);
        best.epochs = epoch;
      }
      continue;
    }
    learner.average(&weights, &transitions);
    double f1 = dev_f1(weights, transitions, tags, *dev);
    double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    if (log) {
      char line[160];
      std::snprintf(line, sizeof line,
                    "%s epoch %2u: %5zu/%zu training sentences wrong, dev F1 %.4f (%.1fs)",
                    name.c_str(), epoch, wrong, order.size(), f1, secs);
      log(line);
    }
    if (f1 > best.dev_f1 || best.epochs == 0) {
      best.dev_f1 = f1;
      best.epochs = epoch;
      best.weights = weights;
      best.transitions = transitions;
      since_best = 0;
    } else if (++since_best >= options.patience && epoch >= options.min_epochs) {
      break;
    }
  }
  return best;
}

// One perceptron, or one CRF when `crf`.
Trained train_member(const std::string& name, const TrainingSet& train, const TrainingSet* dev,
                     std::vector<uint32_t> order, const TagSet& tags, const TrainOptions& options,
                     uint32_t fixed_epochs, uint64_t seed, bool crf,
                     const std::function<void(const std::string&)>& log) {
  if (crf) {
    CrfOptions c;
    c.rate = options.crf_rate;
    c.l2 = options.crf_l2;
    c.min_gradient = options.crf_min_gradient;
    c.average = options.crf_average;
    Crf learner(options.table_bits, tags, c);
    return train_member_with(learner, name, train, dev, std::move(order), tags, options,
                             fixed_epochs, seed, log);
  }
  Perceptron learner(options.table_bits, tags);
  return train_member_with(learner, name, train, dev, std::move(order), tags, options, fixed_epochs,
                           seed, log);
}

// Trains one pass on the sentences of `train` (all of them, or those of documents with
// doc % folds != skip_fold): `options.ensemble` learners on different shuffles, the first
// choosing the epoch count, their weights averaged (one model, the cost of one at run time).
PassResult run_pass(const std::string& name, const TrainingSet& train, const TrainingSet* dev,
                    const TagSet& tags, const TrainOptions& options, uint32_t fixed_epochs,
                    int skip_fold, bool crf, const std::function<void(const std::string&)>& log) {
  std::vector<uint32_t> order = training_order(train, options.folds, skip_fold);
  Trained sum =
      train_member(name, train, dev, order, tags, options, fixed_epochs, options.seed, crf, log);
  const uint32_t members = std::max<uint32_t>(1, options.ensemble);
  for (uint32_t m = 1; m < members; ++m) {
    Trained t = train_member(name, train, nullptr, order, tags, options, sum.epochs,
                             options.seed + 7919 * m, crf, {});
    for (size_t i = 0; i < sum.weights.size(); ++i) sum.weights[i] += t.weights[i];
    auto add = [](std::vector<float>& a, const std::vector<float>& b) {
      for (size_t i = 0; i < a.size(); ++i) {
        if (a[i] > kForbidden / 2) a[i] += b[i];
      }
    };
    add(sum.transitions.between, t.transitions.between);
    add(sum.transitions.start, t.transitions.start);
    add(sum.transitions.end, t.transitions.end);
  }
  if (members > 1) {
    const float inv = 1.0f / float(members);
    for (float& w : sum.weights) w *= inv;
    for (auto* v : {&sum.transitions.between, &sum.transitions.start, &sum.transitions.end}) {
      for (float& w : *v) {
        if (w > kForbidden / 2) w *= inv;
      }
    }
    if (dev && log) {
      char line[160];
      std::snprintf(line, sizeof line, "%s: ensemble of %u, dev F1 %.4f", name.c_str(), members,
                    dev_f1(sum.weights, sum.transitions, tags, *dev));
      log(line);
    }
  }
  PassResult result;
  result.epochs = sum.epochs;
  result.dev_f1 = sum.dev_f1;
  result.weights = PassWeights::from_floats(options.table_bits, tags.size(), sum.weights,
                                            sum.transitions, options.prune_below);
  return result;
}

// Trains pass 1 and (optionally) pass 2 of `model` with its current resources, replacing the
// features of the prepared sets.
void train_passes(Model* model, Prepared* train_set, Prepared* dev_set, bool has_dev,
                  const TrainOptions& options, const std::function<void(const std::string&)>& log) {
  const TagSet& tags = model->tags;
  Resources resources{&model->clusters, &model->gazetteer, &model->news,
                      &model->places,   &model->casing,    model->feature_groups};
  resources.word_dropout = options.word_dropout;
  resources.dropout_seed = options.seed;
  train_set->set = TrainingSet();
  dev_set->set = TrainingSet();
  prepare_features(resources, options.table_bits, true, train_set);
  prepare_features(resources, options.table_bits, false, dev_set);
  log("features: " + std::to_string(train_set->set.rows.size()) + " for " +
      std::to_string(train_set->tokens) + " training tokens");
  const TrainingSet* dev = has_dev ? &dev_set->set : nullptr;
  PassResult first =
      run_pass("pass 1", train_set->set, dev, tags, options, 0, -1, options.crf_passes & 1, log);
  log("pass 1: " + std::to_string(first.epochs) + " epochs chosen");
  model->passes.push_back(std::move(first.weights));
  if (!options.second_pass) return;

  // Pass 2 on jackknifed first-pass tags.
  std::vector<std::vector<uint8_t>> first_tags(train_set->docs.size());
  for (uint32_t fold = 0; fold < options.folds; ++fold) {
    PassResult f = run_pass("fold", train_set->set, nullptr, tags, options, first.epochs, int(fold),
                            options.crf_passes & 1, {});
    for (size_t d = fold; d < train_set->docs.size(); d += options.folds) {
      const DocFeatures& x = train_set->first[d];
      first_tags[d].assign(x.tokens(), 0);
      decode_pass(f.weights, x.rows.data(), x.offsets.data(), x.sentence_begin,
                  first_tags[d].data());
    }
    log("fold " + std::to_string(fold + 1) + "/" + std::to_string(options.folds) + " tagged");
  }
  auto second_set = [&](const Prepared& p, const std::vector<std::vector<uint8_t>>* given) {
    TrainingSet set;
    std::vector<uint32_t> rows, offsets;
    for (size_t d = 0; d < p.docs.size(); ++d) {
      const DocFeatures& x = p.first[d];
      std::vector<uint8_t> t(x.tokens(), 0);
      if (given) {
        t = (*given)[d];
      } else {
        decode_pass(model->passes[0], x.rows.data(), x.offsets.data(), x.sentence_begin, t.data());
      }
      extract_second_pass(x, t.data(), tags, options.table_bits, &rows, &offsets);
      set.add_document(rows, offsets, x.sentence_begin, p.gold[d].data());
    }
    return set;
  };
  TrainingSet train2 = second_set(*train_set, &first_tags);
  TrainingSet dev2 = second_set(*dev_set, nullptr);
  PassResult second = run_pass("pass 2", train2, has_dev ? &dev2 : nullptr, tags, options, 0, -1,
                               options.crf_passes & 2, log);
  log("pass 2: " + std::to_string(second.epochs) + " epochs chosen");
  model->passes.push_back(std::move(second.weights));
}

Status load_or_learn_clusters(const TrainData& data, const TrainOptions& options,
                              const std::vector<std::vector<std::string>>& extra,
                              const std::function<void(const std::string&)>& log,
                              WordClusters* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!options.clusters_cache.empty() && fs::is_regular_file(options.clusters_cache, ec)) {
    std::string bytes;
    Status st = read_file_maybe_gzip(options.clusters_cache, &bytes);
    if (!st) return st;
    std::string_view view(bytes);
    if (!out->deserialize(view))
      return Status::error("bad clusters cache " + options.clusters_cache);
    // A cache learned with other hierarchy options would silently stand in for these.
    const size_t want = options.cluster_branching.size() *
                        (std::max<uint32_t>(1, options.cluster_runs) +
                         options.cluster_embedding_runs);
    if (out->levels() != want)
      return Status::error("clusters cache " + options.clusters_cache + " holds " +
                           std::to_string(out->levels()) + " levels, these cluster options make " +
                           std::to_string(want) + "; remove it or name another cache file");
    if (log)
      log("clusters: " + std::to_string(out->size()) + " words from " + options.clusters_cache);
    return Status::ok();
  }
  ClusterOptions c;
  c.min_count = options.cluster_min_count;
  c.max_words = options.cluster_max_words;
  c.contexts = options.cluster_contexts;
  c.window = options.cluster_window;
  c.runs = options.cluster_runs;
  c.embedding_runs = options.cluster_embedding_runs;
  c.embedding_dims = options.cluster_embedding_dims;
  c.branching = options.cluster_branching;
  c.iterations = options.cluster_iterations;
  c.seed = options.seed;
  *out = WordClusters::learn(data.unlabeled, extra, c, log);
  if (!options.clusters_cache.empty()) {
    std::string bytes;
    out->serialize(bytes);
    Status st = write_gzip_file(options.clusters_cache, bytes);
    if (!st) return st;
  }
  return Status::ok();
}

Evaluation evaluate_with(const Tagger& tagger, const ConllCorpus& corpus) {
  std::vector<std::vector<std::string>> gold, pred;
  for (const ConllDocument& d : corpus.documents) {
    std::vector<std::vector<std::string_view>> sentences;
    for (const ConllSentence& s : d.sentences) {
      sentences.emplace_back(s.tokens.begin(), s.tokens.end());
      gold.push_back(s.gold);
    }
    for (auto& tags : tagger.tag_document(sentences, Scheme::kBio)) pred.push_back(std::move(tags));
  }
  return evaluate(gold, pred);
}

std::string f1_line(const char* name, const Evaluation& e) {
  char line[256];
  std::snprintf(line, sizeof line, "%s F1 %.4f (P %.4f R %.4f)", name, e.overall.f1(),
                e.overall.precision(), e.overall.recall());
  std::string out = line;
  for (const TypeScore& t : e.types) {
    std::snprintf(line, sizeof line, "; %s %.4f", t.type.c_str(), t.f1());
    out += line;
  }
  return out;
}

}  // namespace

TrainResult train(const TrainData& data, const TrainOptions& options,
                  const std::function<void(const std::string&)>& log_fn) {
  auto start = Clock::now();
  auto log = [&](const std::string& s) {
    if (!log_fn) return;
    char buf[32];
    std::snprintf(buf, sizeof buf, "[%6.1fs] ",
                  std::chrono::duration<double>(Clock::now() - start).count());
    log_fn(buf + s);
  };
  TrainResult result;
  if (!data.train || !data.train->has_gold || data.train->tokens == 0) {
    result.status = Status::error("training data needs tokens with gold tags");
    return result;
  }
  if (options.table_bits < 10 || options.table_bits > 26 || options.folds < 2) {
    result.status = Status::error("table_bits must be in [10, 26] and folds >= 2");
    return result;
  }
  if (options.cluster_branching.size() *
          (std::max<uint32_t>(1, options.cluster_runs) + options.cluster_embedding_runs) >
      16) {
    result.status = Status::error("at most 16 cluster levels (branching levels x runs)");
    return result;
  }

  // Entity types, from the training tags.
  std::vector<std::string> types;
  for (const ConllDocument& d : data.train->documents) {
    for (const ConllSentence& s : d.sentences) {
      for (const Span& x : spans_from_tags(s.gold)) types.push_back(x.type);
    }
  }
  auto model = std::make_unique<Model>();
  model->tags = TagSet(types);
  const TagSet& tags = model->tags;
  if (tags.types() == 0 || tags.types() > 8) {
    result.status = Status::error("training data must have 1 to 8 entity types");
    return result;
  }

  Prepared train_set, dev_set;
  prepare_views(*data.train, options.train_limit, tags, &train_set);
  if (data.dev) prepare_views(*data.dev, 0, tags, &dev_set);

  // 1. Clusters.
  if (options.clusters && (!data.unlabeled.empty() || !options.clusters_cache.empty())) {
    std::vector<std::vector<std::string>> extra;
    for (const Sentences& doc : train_set.docs) {
      for (const auto& s : doc) extra.emplace_back(s.begin(), s.end());
    }
    Status st = load_or_learn_clusters(data, options, extra, log, &model->clusters);
    if (!st) {
      result.status = st;
      return result;
    }
  }

  // 1b. How words are cased across the unlabelled news (feature group kFeatureCasing).
  model->feature_groups = options.feature_groups;
  if (options.feature_groups & kFeatureCasing) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!options.casing_cache.empty() && fs::is_regular_file(options.casing_cache, ec)) {
      std::string bytes;
      Status st = read_file_maybe_gzip(options.casing_cache, &bytes);
      std::string_view view(bytes);
      if (!st || !model->casing.deserialize(view)) {
        result.status = Status::error("bad casing cache " + options.casing_cache);
        return result;
      }
    } else {
      model->casing = WordCasing::learn(data.unlabeled);
      if (!options.casing_cache.empty()) {
        std::string bytes;
        model->casing.serialize(bytes);
        Status st = write_gzip_file(options.casing_cache, bytes);
        if (!st) {
          result.status = st;
          return result;
        }
      }
    }
    log("news casing: " + std::to_string(model->casing.size()) + " lower-cased words");
  }

  // 2. Gazetteer of the training entities.
  model->gazetteer = Gazetteer(tags.types());
  if (options.gazetteer) {
    for (size_t d = 0; d < train_set.docs.size(); ++d) {
      size_t k = 0;
      for (const auto& s : train_set.docs[d]) {
        std::vector<Lexeme> lex;
        for (std::string_view w : s) lex.push_back(analyze_token(w));
        for (const Span& x : tags.decode(&train_set.gold[d][k], s.size()))
          model->gazetteer.add(&lex[x.begin], x.end - x.begin, size_t(tags.type_index(x.type)),
                               uint32_t(d));
        k += s.size();
      }
    }
    model->gazetteer.finish();
    log("gazetteer: " + std::to_string(model->gazetteer.size()) + " entity strings");
    // ICU's place names as LOC (gazetteer.h), when the training data has that type.
    const int loc = tags.type_index("LOC");
    if (loc >= 0) {
      model->places = place_gazetteer(icu_place_names(), tags.types(), size_t(loc));
      log("place names: " + std::to_string(model->places.size()) + " from ICU");
    }
  }

  // 3-4. Both passes (only to harvest the news gazetteer, so not when its cache exists).
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool news_cached = options.news_gazetteer && !options.news_cache.empty() &&
                           fs::is_regular_file(options.news_cache, ec);
  if (!news_cached)
    train_passes(model.get(), &train_set, &dev_set, data.dev != nullptr, options, log);

  // 5. Self-training: a gazetteer harvested from the news by this model, then both passes again.
  bool retrain = false;
  if (news_cached) {
    std::string bytes;
    Status st = read_file_maybe_gzip(options.news_cache, &bytes);
    std::string_view view(bytes);
    if (!st || !model->news.deserialize(view)) {
      result.status = Status::error("bad news gazetteer cache " + options.news_cache);
      return result;
    }
    log("news gazetteer: " + std::to_string(model->news.size()) + " entity strings from " +
        options.news_cache);
    retrain = true;
  } else if (options.news_gazetteer && !data.unlabeled.empty()) {
    size_t tokens = 0;
    model->news = harvest_gazetteer(*model, data.unlabeled, options.news_min_docs, &tokens);
    log("news gazetteer: " + std::to_string(model->news.size()) + " entity strings from " +
        std::to_string(data.unlabeled.size()) + " articles (" + std::to_string(tokens) +
        " tokens tagged)");
    if (!options.news_cache.empty()) {
      std::string bytes;
      model->news.serialize(bytes);
      Status st = write_gzip_file(options.news_cache, bytes);
      if (!st) {
        result.status = st;
        return result;
      }
    }
    retrain = true;
  }
  if (retrain) {
    model->passes.clear();
    train_passes(model.get(), &train_set, &dev_set, data.dev != nullptr, options, log);
  }

  // 6. Summary, and the scores of the shipped path.
  char info[512];
  std::snprintf(info, sizeof info,
                "trained on %zu documents (%zu tokens); table 2^%u rows; clusters %zu words; "
                "gazetteer %zu entries; news gazetteer %zu entries; ICU places %zu; passes %zu",
                train_set.docs.size(), train_set.tokens, options.table_bits, model->clusters.size(),
                model->gazetteer.size(), model->news.size(), model->places.size(),
                model->passes.size());
  model->info = info;
  result.tagger = std::make_unique<Tagger>(std::move(model));
  if (data.dev) {
    result.dev = evaluate_with(*result.tagger, *data.dev);
    log(f1_line("dev ", result.dev));
  }
  if (data.test) {
    result.test = evaluate_with(*result.tagger, *data.test);
    log(f1_line("test", result.test));
  }
  return result;
}

}  // namespace crosscheck::entities
