// Named entities: a statistical PER / ORG / LOC / MISC tagger, trained here on CoNLL-2003.
//
//   auto loaded = crosscheck::entities::Tagger::load("models/ner-en.bin.gz");
//   if (!loaded.status) std::cerr << loaded.status.message() << "\n";
//   const crosscheck::entities::Tagger& tagger = *loaded.tagger;       // immutable: share it
//
//   std::vector<std::string_view> words = {"Angela", "Merkel", "flew", "to", "Paris", "."};
//   std::vector<std::string> tags = tagger.tag(words);    // B-PER I-PER O O B-LOC O
//
//   crosscheck::Document doc = analyzer.analyze(article);  // see crosscheck/text.h
//   for (const crosscheck::entities::Mention& m : tagger.mentions(doc))
//     std::cout << m.type << " " << doc.text.substr(m.begin, m.end - m.begin) << "\n";
//
// Tagging a whole document at once (tag_document, mentions) is better than sentence by sentence:
// the tagger looks at how a word is written and tagged elsewhere in the same document (a name in
// an all-caps headline, a sentence-initial "Brown" that is a surname three lines later).
//
// The model: an averaged structured perceptron over BILOU tags with first-order Viterbi decoding,
// hashed lexical features, word clusters learned from unlabelled news, a gazetteer of the training
// entities, and a second pass that sees the first pass's document-wide decisions. Details in
// src/entities/trainer.cc and docs/ner-notes.md. All const methods of Tagger are thread-safe.
//
// Tags are strings "O", "B-PER", "I-PER", ... in one of two schemes: BIO (IOB2: every entity
// starts with B-) or IOB1 (the CoNLL-2003 original: B- only when an entity directly follows
// another entity of the same type). Readers accept either; spans_from_tags follows conlleval.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/document.h"
#include "crosscheck/problem.h"

namespace crosscheck::entities {

enum class Scheme {
  kBio,   // B-X starts every entity, I-X continues it
  kIob1,  // I-X everywhere, B-X only where an entity directly follows one of the same type
};

// A typed token range [begin, end) of one sentence.
struct Span {
  uint32_t begin = 0, end = 0;
  std::string type;
  bool operator==(const Span&) const = default;
};

// Entity spans in a tag sequence, with conlleval's chunk rules: an entity starts at B-X (or S-/U-),
// at I-X after O or after a tag of another type, or after an entity that ended (E-/L-/S-/U-).
// Accepts IOB1, BIO, BIOES and BILOU; tags without a "X-" prefix other than "O" count as I-.
std::vector<Span> spans_from_tags(const std::vector<std::string>& tags);

// The tag sequence of length n for non-overlapping spans sorted by begin.
std::vector<std::string> tags_from_spans(const std::vector<Span>& spans, size_t n, Scheme scheme);

// One entity mention in a Document. The offsets cover the entity's words exactly; a possessive or
// "n't" clitic on the last word is not part of it ("Clinton's" -> "Clinton"), though that token
// is still counted in [token_begin, token_end).
struct Mention {
  uint32_t token_begin = 0, token_end = 0;  // index range into Document::tokens
  uint32_t begin = 0, end = 0;              // UTF-8 byte offsets into Document::text
  uint32_t cp_begin = 0, cp_end = 0;        // code point offsets into Document::text
  std::string type;                         // "PER", "ORG", "LOC" or "MISC"
};

// ---- CoNLL files ------------------------------------------------------------------------------

struct ConllSentence {
  std::vector<std::string> tokens;  // first column
  std::vector<std::string> gold;    // last column when lines have two or more columns, else empty
};

struct ConllDocument {
  bool docstart = false;  // the document began with a -DOCSTART- line
  std::vector<ConllSentence> sentences;
};

struct ConllCorpus {
  std::vector<ConllDocument> documents;
  size_t sentences = 0, tokens = 0;
  bool has_gold = false;  // every token line had at least two columns
};

// Parses CoNLL text: one token per line, columns separated by spaces or tabs, a blank line ends a
// sentence, "-DOCSTART-" starts a document (text before the first one, or a file without any, is
// one document). CR LF line ends are accepted. Never fails: any bytes make some corpus.
ConllCorpus parse_conll(std::string_view text);

// Reads and parses a file (gzip-compressed when it starts with the gzip magic bytes).
Status read_conll(const std::string& path, ConllCorpus* out);

// ---- evaluation (conlleval) -------------------------------------------------------------------

struct TypeScore {
  std::string type;  // empty for the overall score
  uint64_t gold = 0, found = 0, correct = 0;
  double precision() const { return found ? double(correct) / double(found) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct Evaluation {
  uint64_t tokens = 0, correct_tags = 0;  // token accuracy (tags compared in BIO form)
  TypeScore overall;
  std::vector<TypeScore> types;  // sorted by type name
};

// Entity-level scores: a predicted entity counts when type and both boundaries match a gold one.
// `gold` and `predicted` hold one tag sequence per sentence, in the same order and lengths (a
// sentence whose lengths differ is scored over the shorter length).
Evaluation evaluate(const std::vector<std::vector<std::string>>& gold,
                    const std::vector<std::vector<std::string>>& predicted);

// The report in conlleval's layout ("processed N tokens with G phrases; ...", one line per type).
std::string format_evaluation(const Evaluation& e);

// ---- the tagger -------------------------------------------------------------------------------

class Model;  // the weights and lexical resources (src/entities/model.h)

class Tagger {
 public:
  struct LoadResult;

  // Loads a model file written by save() (header "crosscheck-ner 3"; "crosscheck-ner 2" and
  // "crosscheck-ner 1" files still load and tag as before; gzip or plain).
  static LoadResult load(const std::string& path);

  explicit Tagger(std::unique_ptr<const Model> model);  // for the trainer
  ~Tagger();
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;

  // Writes the model (gzip). The file holds no training text: gazetteer entries are hashed.
  Status save(const std::string& path) const;

  // Tags one sentence on its own (no document context). One tag per token.
  std::vector<std::string> tag(const std::vector<std::string_view>& tokens,
                               Scheme scheme = Scheme::kBio) const;

  // Tags the sentences of one document together. One tag sequence per sentence.
  std::vector<std::vector<std::string>> tag_document(
      const std::vector<std::vector<std::string_view>>& sentences,
      Scheme scheme = Scheme::kBio) const;

  // The entity mentions of an analysed document (its sentences and tokens), in text order.
  std::vector<Mention> mentions(const Document& doc) const;

  // The entity types the model knows ("LOC", "MISC", "ORG", "PER"), sorted.
  const std::vector<std::string>& types() const;

  // One line per property of the loaded model (sizes, passes, training summary).
  std::string describe() const;

  const Model& model() const { return *model_; }

 private:
  std::unique_ptr<const Model> model_;
};

struct Tagger::LoadResult {
  std::unique_ptr<Tagger> tagger;  // null when status is an error
  Status status;
};

// ---- training ---------------------------------------------------------------------------------

struct TrainOptions {
  uint32_t table_bits = 20;        // 2^bits hashed feature rows per pass
  uint32_t max_epochs = 15;        // perceptron passes over the training set (best dev epoch kept)
  uint32_t min_epochs = 5;         // never stop before this many epochs
  uint32_t patience = 3;           // stop after this many epochs without a better dev F1
  uint32_t ensemble = 3;           // perceptrons per pass on different shuffles, weights averaged
  bool second_pass = true;         // train the document-context pass on top of the first
  uint32_t folds = 5;              // jackknife folds that give the second pass honest inputs
  bool gazetteer = true;           // entity strings of the training set as features
  bool clusters = true;            // word clusters from `TrainData::unlabeled` (when given)
  uint32_t cluster_min_count = 3;  // a word needs this many occurrences to get a cluster
  uint32_t cluster_max_words = 200000;  // most frequent words that get a cluster
  uint32_t cluster_contexts = 2000;     // most frequent words used as context dimensions
  uint32_t cluster_window = 2;          // context offsets -window..-1, 1..window
  std::vector<uint32_t> cluster_branching = {8, 8, 8, 8};  // hierarchical k-means: K per level
  uint32_t cluster_iterations = 12;                        // k-means iterations per node
  uint32_t cluster_runs = 3;    // independent hierarchies with different seeds
  uint32_t cluster_embedding_runs = 0;   // more hierarchies, of skip-gram vectors (embeddings.h)
  uint32_t cluster_embedding_dims = 64;  // length of those vectors
  std::string clusters_cache;   // when set: load clusters from here if present, else save there
  // Extra first-pass feature groups (bits; see src/entities/features.h, kFeature*): 1 = how the
  // word is cased across the unlabelled news (WordCasing), 2 = cluster prefix x shape / place.
  uint32_t feature_groups = 0;
  uint32_t word_dropout = 0;    // per mille of capitalised training tokens shown as unseen words
  std::string casing_cache;     // when set: load the news casing table from here, else save there
  bool news_gazetteer = false;  // self-training: harvest entities from `unlabeled`, retrain
  uint32_t news_min_docs = 2;   // a harvested string must occur in this many articles
  std::string news_cache;       // when set: load the harvest from here if present, else save
  // Learner per pass: the averaged perceptron, or a linear-chain CRF on the log-likelihood
  // (src/entities/crf.h). Bits: 1 = pass 1 (and its jackknife folds), 2 = pass 2; 0 = none.
  // Pass 1 as a CRF, pass 2 a perceptron: dev +0.30 over five seeds (docs/ner-notes.md).
  uint32_t crf_passes = 1;
  float crf_rate = 0.03f;          // CRF: AdaGrad step size
  float crf_l2 = 0.0f;             // CRF: L2 pull on the weights a sentence touches
  float crf_min_gradient = 1e-3f;  // CRF: smaller gradients of a (feature, tag) are skipped
  bool crf_average = true;         // CRF: average the weights over all steps
  float prune_below = 0.0f;     // drop averaged weights with smaller magnitude (model size)
  uint64_t seed = 1;            // shuffling and k-means seeding; training is deterministic
  size_t train_limit = 0;       // use only the first N training documents (0 = all; for trials)
};

struct TrainData {
  const ConllCorpus* train = nullptr;  // required, with gold tags (IOB1 or BIO)
  const ConllCorpus* dev = nullptr;    // optional: chooses the epoch count; else max_epochs
  const ConllCorpus* test = nullptr;   // optional: scored once at the end, never used to tune
  std::vector<std::string> unlabeled;  // raw texts for the word clusters (may be empty)
};

struct TrainResult {
  std::unique_ptr<Tagger> tagger;  // null when status is an error
  Status status;
  Evaluation dev, test;  // of the final model (empty when the set was not given)
};

// Trains a tagger. `log` receives one line per step (epochs with dev F1, timings); may be null.
TrainResult train(const TrainData& data, const TrainOptions& options,
                  const std::function<void(const std::string&)>& log = {});

}  // namespace crosscheck::entities
