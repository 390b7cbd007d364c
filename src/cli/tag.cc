// crosscheck tag --conll FILE — named entities for pre-tokenised text (DESIGN 4.1).
//
// Input: CoNLL columns, token first (any further columns ignored except the last one, which
// --eval takes as the gold tag); a blank line ends a sentence, -DOCSTART- starts a document;
// gzip accepted. Output, one line per token: "token<TAB>tag"; a blank line after each sentence;
// "-DOCSTART-<TAB>O" and a blank line where the input started a document, so the output lines up
// with the input for `paste` and conlleval. Documents are tagged as wholes (the tagger uses
// document context).
#include <cstdio>
#include <memory>
#include <string>

#include "crosscheck/entities.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"
#include "src/cli/model_path.h"

namespace crosscheck::cli {
namespace {

constexpr const char* kModelName = "ner-en.bin.gz";

class TagCommand : public Command {
 public:
  explicit TagCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "tag",
        "Named entities (PER, ORG, LOC, MISC) for CoNLL-style input: prints \"token<TAB>tag\" per "
        "token, a blank line between sentences, tokens in input order. Tags are BIO (every "
        "entity starts with B-) unless --scheme iob1 (the CoNLL-2003 original: B- only between "
        "two adjacent entities of one type).");
    app_->add_option("--conll", conll_, "CoNLL file (token in the first column; .gz ok; - = stdin)")
        ->required();
    app_->add_option("--model", model_,
                     "Model file (default: models/ner-en.bin.gz next to the binary or in "
                     "$CROSSCHECK_MODEL_DIR)");
    app_->add_option("--scheme", scheme_, "Output tag scheme: bio (default) or iob1")
        ->check(CLI::IsMember({"bio", "iob1"}));
    app_->add_option("-o,--output", output_, "Write the tags here instead of stdout ('-')");
    app_->add_flag("--eval", eval_,
                   "Score against the gold tags in the input's last column and print conlleval's "
                   "report (precision, recall, F1 overall and per type) on stderr");
    app_->add_flag("--quiet", quiet_, "With --eval: print only the report, not the tags");
    app_->footer(
        "Exit status: 0 ok; 2 usage error, unreadable input or model, or --eval without gold "
        "tags.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    using namespace crosscheck::entities;
    std::string path = model_.empty() ? find_model(kModelName) : model_;
    if (path.empty()) {
      std::fprintf(stderr, "crosscheck: tag: no model %s found (use --model)\n", kModelName);
      return kExitUsage;
    }
    Tagger::LoadResult loaded = Tagger::load(path);
    if (!loaded.status) {
      std::fprintf(stderr, "crosscheck: tag: %s\n", loaded.status.message().c_str());
      return kExitUsage;
    }
    ConllCorpus corpus;
    Status st = read_conll(conll_ == "-" ? "/dev/stdin" : conll_, &corpus);
    if (!st) {
      std::fprintf(stderr, "crosscheck: tag: %s\n", st.message().c_str());
      return kExitUsage;
    }
    if (eval_ && !corpus.has_gold) {
      std::fprintf(stderr, "crosscheck: tag: --eval needs a gold tag column in every line\n");
      return kExitUsage;
    }
    const Scheme scheme = scheme_ == "iob1" ? Scheme::kIob1 : Scheme::kBio;
    std::string out;
    std::vector<std::vector<std::string>> gold, predicted;
    for (const ConllDocument& doc : corpus.documents) {
      std::vector<std::vector<std::string_view>> sentences;
      for (const ConllSentence& s : doc.sentences)
        sentences.emplace_back(s.tokens.begin(), s.tokens.end());
      std::vector<std::vector<std::string>> tags = loaded.tagger->tag_document(sentences, scheme);
      if (doc.docstart) out += "-DOCSTART-\tO\n\n";
      for (size_t s = 0; s < doc.sentences.size(); ++s) {
        for (size_t i = 0; i < tags[s].size(); ++i) {
          out += doc.sentences[s].tokens[i];
          out += '\t';
          out += tags[s][i];
          out += '\n';
        }
        out += '\n';
        if (eval_) gold.push_back(doc.sentences[s].gold);
      }
      if (eval_) {
        for (auto& t : tags) predicted.push_back(std::move(t));
      }
    }
    if (!(eval_ && quiet_) && !write_output(output_, out, "tag")) return kExitUsage;
    if (eval_) std::fputs(format_evaluation(evaluate(gold, predicted)).c_str(), stderr);
    return kExitOk;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string conll_, model_, scheme_ = "bio", output_ = "-";
  bool eval_ = false, quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_tag(CLI::App& parent) { return std::make_unique<TagCommand>(parent); }

}  // namespace crosscheck::cli
