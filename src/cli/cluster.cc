// crosscheck cluster INPUT... — stories as JSONL on stdout: {"id","cluster"} per article, in
// input order, where cluster is the id of the story's first article.
//
// The clusterer expects publication order, and a pile of files rarely comes in it (a story's
// time window means nothing when 2012 and 2018 articles alternate). By default (--order date) the
// cleaned articles are kept until all input is read, then given to the clusterer sorted by day
// (cluster::publication_order): memory grows with the input's text. With --order input they
// stream through the clusterer one by one as read (pipeline::stream, so the articles themselves
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
        "story's first article (the earliest, in the order the articles were clustered).");
    add_input_options(*app_, args_);
    app_->add_option("--order", order_,
                     "date: read all input, then cluster in publication order (by the date's "
                     "YYYY-MM-DD; an undated article stays after the dated one before it; memory "
                     "grows with the input's text); input: cluster in input order as articles "
                     "are read (for input already in publication order: bounded memory)")
        ->check(CLI::IsMember({"date", "input"}))
        ->capture_default_str();
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
    // Indices below are arrival indices: the order articles reach dedup and the clusterer.
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
    const bool by_date = order_ == "date";
    std::vector<Article> pile;  // --order date: every article, in input order
    uint64_t errors = stream_articles(args_, options, "cluster", [&](Article&& a) {
      if (by_date) {
        a.removed = {};  // the boilerplate's text: not needed to cluster
        pile.push_back(std::move(a));
        return;
      }
      batch.push_back(std::move(a));
      if (batch.size() >= kBatch) flush();
    });
    std::vector<uint32_t> input_index;  // per arrival: the article's place in the input
    if (by_date) {
      std::vector<std::string_view> published;
      published.reserve(pile.size());
      for (const Article& a : pile) published.push_back(a.published);
      input_index = cluster::publication_order(published);
      ProgressLine progress("cluster (by date)", args_.quiet, "clustered");
      pipeline::Progress p;
      for (uint32_t i : input_index) {
        p.bytes += pile[i].text.size();
        batch.push_back(std::move(pile[i]));
        if (batch.size() >= kBatch) {
          flush();
          p.read = p.articles = ids.size();
          progress.update(p);
        }
      }
      flush();
      p.read = p.articles = ids.size();
      progress.update(p);
      progress.finish();
      pile = {};
    } else {
      flush();
    }

    // Never fires by date: sorted input has no late arrivals.
    warn_late_arrivals(clusterer.late_arrivals(), clusterer.size(), cluster_options,
                       "without --order input, cluster sorts the input by date itself");
    std::vector<uint32_t> story =
        cluster::stories_of_articles(clustered, clusterer.finish(), leader);
    if (by_date) {  // back to input order: the output lists articles as they were given
      std::vector<std::string> input_ids(ids.size());
      std::vector<uint32_t> input_story(ids.size());
      for (size_t k = 0; k < ids.size(); ++k) {
        input_ids[input_index[k]] = std::move(ids[k]);
        input_story[input_index[k]] = input_index[story[k]];
      }
      ids = std::move(input_ids);
      story = std::move(input_story);
    }
    write_assignment(ids, story, "cluster");
    return exit_status(ids.size(), errors);
  }

 private:
  CLI::App* app_ = nullptr;
  InputArgs args_;
  std::string background_df_;
  std::string order_ = "date";
};

}  // namespace

std::unique_ptr<Command> make_cluster(CLI::App& parent) {
  return std::make_unique<ClusterCommand>(parent);
}

}  // namespace crosscheck::cli
