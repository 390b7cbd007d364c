// crosscheck dedup INPUT... — duplicate groups as JSONL on stdout: {"id","group"} per article, in
// input order, where group is the id of the group's first member (an article that duplicates
// nothing is its own group). Reads through pipeline::stream, so memory is one dedup signature
// (~0.6 KB) and one id per article, not the articles themselves. Output comes after the last
// article: a late article can bridge two groups, and the answer printed is the final one.
#include "crosscheck/dedup.h"

#include <cstdio>
#include <memory>

#include "crosscheck/json_writer.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"

namespace crosscheck::cli {
namespace {

constexpr size_t kBatch = 2048;  // articles signed in parallel at a time

class DedupCommand : public Command {
 public:
  explicit DedupCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "dedup",
        "Find exact and near-duplicate articles (MinHash/LSH over word 5-grams). Writes one "
        "JSON object per article to stdout: {\"id\",\"group\"}, group = id of the group's first "
        "member.");
    add_input_options(*app_, args_);
    app_->add_option("--threshold", threshold_,
                     "Estimated Jaccard similarity of word 5-grams at or above which two "
                     "articles are near duplicates")
        ->default_val(0.4)
        ->check(CLI::Range(0.0, 1.0));
    app_->footer(
        "Output comes after all input is read (a late article can join two groups).\n"
        "Exit status: 0 ok; 1 some records failed (reported on stderr); 2 usage error or nothing\n"
        "could be read.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    pipeline::Options options;
    if (!make_pipeline_options(args_, options)) return kExitUsage;
    dedup::Options dedup_options;
    dedup_options.threshold = threshold_;
    if (Status s = dedup::validate(dedup_options); !s) {
      std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str());
      return kExitUsage;
    }
    dedup::Deduplicator dedup(dedup_options);
    ThreadPool pool(options.threads);
    std::vector<std::string> ids;
    std::vector<Article> batch;
    auto flush = [&] {
      std::vector<dedup::Signature> sigs(batch.size());
      pool.parallel_for(batch.size(), [&](size_t i) {
        sigs[i] = dedup::compute_signature(batch[i].text, dedup_options);
      });
      for (size_t i = 0; i < batch.size(); ++i) {
        dedup.add(std::move(sigs[i]));
        ids.push_back(std::move(batch[i].id));
      }
      batch.clear();
    };
    uint64_t errors = stream_articles(args_, options, "dedup", [&](Article&& a) {
      batch.push_back(std::move(a));
      if (batch.size() >= kBatch) flush();
    });
    flush();

    std::vector<uint32_t> groups = dedup.groups();
    write_assignment(ids, groups, "group");
    return exit_status(ids.size(), errors);
  }

 private:
  CLI::App* app_ = nullptr;
  InputArgs args_;
  double threshold_ = 0.4;
};

}  // namespace

std::unique_ptr<Command> make_dedup(CLI::App& parent) {
  return std::make_unique<DedupCommand>(parent);
}

}  // namespace crosscheck::cli
