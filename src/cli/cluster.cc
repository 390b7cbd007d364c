// crosscheck cluster INPUT... — stories as JSONL on stdout: {"id","cluster"} per article, in
// input order, where cluster is the id of the story's first article.
//
// Articles stream through the clusterer one by one (pipeline::stream, so the articles themselves
// are not kept); what stays per article is the clusterer's small state (~150 weighted terms) and
// its id. Output comes at the end, after StoryClusterer::finish(): merges and the final
// re-weighting can change early assignments, and a stream of provisional answers would contradict
// itself.
//
// Exact and near duplicates (dedup, default options) skip the clusterer and take the story of
// their group's first member: copies add nothing to a story and would make it look tighter than
// its independent reports are. Same rule as `analyze` and `ingest`.
#include "crosscheck/cluster.h"

#include <cstdio>
#include <memory>

#include "crosscheck/dedup.h"
#include "crosscheck/json_writer.h"
#include "crosscheck/text.h"
#include "src/cli/cluster_support.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"

namespace crosscheck::cli {
namespace {

constexpr size_t kBatch = 1024;  // articles analysed in parallel at a time

class ClusterCommand : public Command {
 public:
  explicit ClusterCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "cluster",
        "Group articles into stories (incremental TF-IDF story clustering with a time window). "
        "Writes one JSON object per article to stdout: {\"id\",\"cluster\"}, cluster = id of the "
        "story's first article. Articles should come in publication order.");
    add_input_options(*app_, args_);
    app_->add_option("--background-df", background_df_,
                     "Document-frequency model for IDF (default: models/df-en.tsv.gz next to the "
                     "binary or in $CROSSCHECK_MODEL_DIR; 'none' to learn IDF from the input)");
    app_->footer(
        "Output comes after all input is read: the final pass can change early assignments.\n"
        "Exit status: 0 ok; 1 some records failed (reported on stderr); 2 usage error or nothing\n"
        "could be read.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    pipeline::Options options;
    if (!make_pipeline_options(args_, options)) return kExitUsage;
    cluster::Options cluster_options = default_cluster_options(background_df_);
    cluster::StoryClusterer clusterer(cluster_options);
    std::string error;
    if (!clusterer.load_background(&error)) {
      std::fprintf(stderr, "crosscheck: %s\n", error.c_str());
      return kExitUsage;
    }
    ThreadPool pool(options.threads);
    text::AnalyzerOptions text_options;
    text_options.detect_language = false;  // the clean stage already identified it
    dedup::Options dedup_options;
    dedup::Deduplicator dedup(dedup_options);
    std::vector<std::string> ids;
    std::vector<uint32_t> leader;     // per article: its dedup group's first member
    std::vector<uint32_t> clustered;  // per clusterer arrival: the article index
    std::vector<Article> batch;
    auto flush = [&] {
      std::vector<dedup::Signature> sigs(batch.size());
      pool.parallel_for(batch.size(), [&](size_t i) {
        sigs[i] = dedup::compute_signature(batch[i].text, dedup_options);
      });
      std::vector<Document> docs = pipeline::analyze_all(batch, text_options, pool);
      for (size_t i = 0; i < batch.size(); ++i) {
        dedup::Match m = dedup.add(sigs[i]);
        leader.push_back(m.group);
        if (m.group == m.doc) {
          clusterer.assign(docs[i], batch[i]);
          clustered.push_back(m.doc);
        }
        ids.push_back(batch[i].id);
      }
      batch.clear();
    };
    uint64_t errors = stream_articles(args_, options, "cluster", [&](Article&& a) {
      batch.push_back(std::move(a));
      if (batch.size() >= kBatch) flush();
    });
    flush();

    std::vector<uint32_t> final_story = clusterer.finish();
    std::vector<uint32_t> story(ids.size());
    for (size_t k = 0; k < clustered.size(); ++k) story[clustered[k]] = clustered[final_story[k]];
    for (size_t i = 0; i < ids.size(); ++i) {
      if (leader[i] != i) story[i] = story[leader[i]];
    }
    write_assignment(ids, story, "cluster");
    return exit_status(ids.size(), errors);
  }

 private:
  CLI::App* app_ = nullptr;
  InputArgs args_;
  std::string background_df_;
};

}  // namespace

std::unique_ptr<Command> make_cluster(CLI::App& parent) {
  return std::make_unique<ClusterCommand>(parent);
}

}  // namespace crosscheck::cli
