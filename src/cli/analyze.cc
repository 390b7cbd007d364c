// crosscheck analyze INPUT... [--json OUT] — the analysis of DESIGN 4.2 over everything read.
// Without --json a short human summary goes to stdout.
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "crosscheck/analysis_json.h"
#include "crosscheck/cluster.h"
#include "crosscheck/dedup.h"
#include "crosscheck/utf8.h"
#include "src/cli/cluster_support.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"
#include "src/cli/findings.h"
#include "src/cli/html_output.h"
#include "src/cli/ner_model.h"

namespace crosscheck::cli {
namespace {

// Fills Article::duplicate_of (id of the dedup group's first member, empty for that member) and
// returns, per article, the index of its group's first member.
std::vector<uint32_t> mark_duplicates(std::vector<Article>& articles, ThreadPool& pool) {
  std::vector<std::string_view> texts;
  texts.reserve(articles.size());
  for (const Article& a : articles) texts.push_back(a.text);
  std::vector<uint32_t> group = dedup::deduplicate(texts, dedup::Options{}, &pool);
  for (size_t i = 0; i < articles.size(); ++i) {
    if (group[i] != i) articles[i].duplicate_of = articles[group[i]].id;
  }
  return group;
}

// Stories over all articles (cluster::cluster_pile: publication order, duplicates follow their
// group's first member).
std::vector<Story> find_stories(const std::vector<Article>& articles,
                                const std::vector<Document>& docs,
                                const std::vector<uint32_t>& group) {
  cluster::StoryClusterer clusterer(default_cluster_options());
  std::string error;
  if (!clusterer.load_background(&error)) {
    std::fprintf(stderr, "crosscheck: warning: story clustering without background IDF: %s\n",
                 error.c_str());
  }
  std::vector<std::string> ids, titles;
  for (const Article& a : articles) {
    ids.push_back(a.id);
    titles.push_back(a.title);
  }
  return make_stories(cluster::cluster_pile(clusterer, articles, docs, group), ids, titles);
}

void print_summary(const std::vector<Article>& articles, const std::vector<Document>& docs,
                   const std::vector<Story>& stories, const std::vector<Dossier>& dossiers,
                   const std::vector<Problem>& problems) {
  std::set<std::string> outlets;
  for (const Article& a : articles) outlets.insert(a.source);
  std::printf("%zu articles from %zu outlets, %zu stories\n\n", articles.size(), outlets.size(),
              stories.size());
  std::map<std::string, std::string> story_of;
  for (const Story& s : stories)
    for (const std::string& id : s.articles) story_of[id] = s.id;
  std::printf("%-28s %-24s %-4s %6s %5s %-16s %-16s %s\n", "id", "source", "lang", "words", "sents",
              "story", "duplicate_of", "removed");
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    size_t words = 0;
    for (const Token& t : docs[i].tokens) words += t.kind == TokenKind::kWord;
    std::map<std::string, int> kinds;
    for (const Removed& r : a.removed) ++kinds[r.kind];
    std::string removed;
    for (const auto& [kind, n] : kinds) {
      if (!removed.empty()) removed += ", ";
      removed += std::to_string(n) + " " + kind;
    }
    std::printf("%-28.28s %-24.24s %-4s %6zu %5zu %-16.16s %-16.16s %s\n", a.id.c_str(),
                a.source.c_str(), a.language.c_str(), words, docs[i].sentences.size(),
                story_of[a.id].c_str(), a.duplicate_of.empty() ? "-" : a.duplicate_of.c_str(),
                removed.empty() ? "-" : removed.c_str());
  }
  for (size_t k = 0; k < stories.size() && k < dossiers.size(); ++k)
    print_findings(stories[k], dossiers[k]);
  if (!problems.empty()) std::printf("\n%zu problems (listed on stderr)\n", problems.size());
}

class AnalyzeCommand : public Command {
 public:
  explicit AnalyzeCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "analyze",
        "Read articles, clean them, and analyse them together. Writes the analysis JSON "
        "(schema crosscheck/analysis@1: articles, stories, problems) with --json, else prints "
        "a summary.");
    add_input_options(*app_, args_);
    app_->add_option("--json", json_out_, "Write the analysis JSON to this file ('-' = stdout)");
    app_->add_option("--html", html_out_,
                     "Write the report as one self-contained HTML page to this file (opens "
                     "from disk, no network): provenance graph, side-by-side reading, claims, "
                     "discrepancies, entities, quotes");
    app_->add_flag("--compact", compact_, "One-line JSON instead of indented");
    app_->add_option("--ner-model", ner_model_,
                     "NER model for entities (default: models/ner-en.bin.gz, found next to the "
                     "binary or in ./models); without one the analysis has no entities");
    app_->add_flag("--one-story", one_story_,
                   "Treat all input articles as one story (skip story clustering): for a set "
                   "you already know belongs together");
    app_->footer(
        "Offsets in the JSON are Unicode code points into each article's cleaned text.\n"
        "Exit status: 0 ok; 1 some records failed (listed in problems[] and on stderr);\n"
        "2 usage error or nothing could be read.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    pipeline::Options options;
    if (!make_pipeline_options(args_, options)) return kExitUsage;
    ProgressLine progress("analyze", args_.quiet);
    pipeline::Batch batch = pipeline::read_all(
        args_.inputs, options, [&](const pipeline::Progress& p) { progress.update(p); });
    progress.finish();
    ProblemReporter reporter;
    for (const Problem& p : batch.problems) reporter.report(p);

    ThreadPool pool(options.threads);
    // The clean stage already identified each article's language.
    text::AnalyzerOptions text_options;
    text_options.detect_language = false;
    std::vector<Document> docs = pipeline::analyze_all(batch.articles, text_options, pool);
    std::vector<uint32_t> group = mark_duplicates(batch.articles, pool);
    std::vector<Story> stories;
    if (one_story_ && !batch.articles.empty()) {
      Story all;
      all.id = batch.articles.front().id;
      for (const Article& a : batch.articles) {
        if (all.title.empty()) all.title = a.title;
        all.articles.push_back(a.id);
      }
      stories.push_back(std::move(all));
    } else {
      stories = find_stories(batch.articles, docs, group);
    }
    std::unique_ptr<entities::Tagger> tagger = load_ner_model(ner_model_);
    const size_t reported = batch.problems.size();
    std::vector<Dossier> dossiers = pipeline::analyze_stories(batch.articles, docs, stories, pool,
                                                              &batch.problems, tagger.get());
    for (size_t k = reported; k < batch.problems.size(); ++k) reporter.report(batch.problems[k]);

    if (!json_out_.empty() || !html_out_.empty()) {
      std::string title = stories.size() == 1
                              ? stories.front().title
                              : std::to_string(stories.size()) + " stories from " +
                                    std::to_string(batch.articles.size()) + " articles";
      if (!write_analysis_outputs(json_out_, html_out_, compact_, title,
                                  [&](std::string& out, int indent) {
                                    report::write_analysis(out, batch.articles, stories, dossiers,
                                                           batch.problems, indent);
                                  }))
        return kExitUsage;
    } else {
      print_summary(batch.articles, docs, stories, dossiers, batch.problems);
    }
    return exit_status(batch.articles.size(), reporter.errors());
  }

 private:
  CLI::App* app_ = nullptr;
  InputArgs args_;
  std::string json_out_;
  std::string html_out_;
  bool compact_ = false;
  bool one_story_ = false;
  std::string ner_model_;
};

}  // namespace

std::unique_ptr<Command> make_analyze(CLI::App& parent) {
  return std::make_unique<AnalyzeCommand>(parent);
}

}  // namespace crosscheck::cli
