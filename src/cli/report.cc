// crosscheck report --db DB STORY [--json OUT] [--html OUT] — one stored story: with --json the
// analysis JSON (schema crosscheck/analysis@1) restricted to the story's articles, with that one
// story and no problems (problems belong to the ingest that met them); with --html the report page
// of that JSON; without either, a short summary on stdout.
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "crosscheck/analysis_json.h"
#include "crosscheck/pipeline.h"
#include "crosscheck/store.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"
#include "src/cli/findings.h"
#include "src/cli/html_output.h"
#include "src/cli/ner_model.h"

namespace crosscheck::cli {
namespace {

class ReportCommand : public Command {
 public:
  explicit ReportCommand(CLI::App& parent) {
    app_ =
        parent.add_subcommand("report", "Show one story of a store (ids from crosscheck stories).");
    app_->add_option("--db", db_, "The store: an SQLite file written by crosscheck ingest")
        ->required();
    app_->add_option("STORY", story_, "Story id, as listed by crosscheck stories")->required();
    app_->add_option("--json", json_out_,
                     "Write the story's analysis JSON to this file ('-' = stdout)");
    app_->add_option("--html", html_out_,
                     "Write the story's report as one self-contained HTML page to this file");
    app_->add_flag("--compact", compact_, "One-line JSON instead of indented");
    app_->footer("Exit status: 0 ok; 2 usage error, unknown story, or the store cannot be read.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    char* end = nullptr;
    long long id = std::strtoll(story_.c_str(), &end, 10);
    if (story_.empty() || *end != '\0') {
      std::fprintf(stderr, "crosscheck: story id must be a number (see crosscheck stories): %s\n",
                   story_.c_str());
      return kExitUsage;
    }
    store::Options options;
    options.read_only = true;
    store::OpenResult opened = store::open_store(db_, options);
    bool found = false;
    store::StorySummary summary;
    std::vector<store::StoredArticle> rows;
    Status s = opened.status ? opened.store->story(id, &found, &summary, &rows) : opened.status;
    if (!s) {
      std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str());
      return kExitUsage;
    }
    if (!found) {
      std::fprintf(stderr, "crosscheck: no story %s in %s\n", story_.c_str(), db_.c_str());
      return kExitUsage;
    }
    std::vector<Article> articles;
    Story story = store::to_story(summary, std::move(rows), &articles);
    // The story's analysis (reuse, claims, discrepancies, summary) is computed from the stored
    // articles on demand: it is cheap next to ingest, and always matches this crosscheck.
    ThreadPool pool(1);
    std::vector<Problem> problems;
    std::unique_ptr<entities::Tagger> tagger = load_ner_model();
    std::vector<Dossier> dossiers = {
        pipeline::analyze_one_story(articles, story, pool, &problems, tagger.get())};
    for (const Problem& p : problems)
      std::fprintf(stderr, "crosscheck: story %s: %s\n", p.id.c_str(), p.message.c_str());
    if (!json_out_.empty() || !html_out_.empty()) {
      if (!write_analysis_outputs(json_out_, html_out_, compact_, story.title,
                                  [&](std::string& out, int indent) {
                                    report::write_analysis(out, articles, {story}, dossiers,
                                                           problems, indent);
                                  }))
        return kExitUsage;
      return kExitOk;
    }
    std::printf("story %s: %s\n%llu articles from %zu outlets, %s .. %s\n\n", story.id.c_str(),
                story.title.c_str(), static_cast<unsigned long long>(summary.size),
                summary.outlets.size(),
                summary.first_seen.empty() ? "-" : summary.first_seen.c_str(),
                summary.last_seen.empty() ? "-" : summary.last_seen.c_str());
    for (const Article& a : articles) {
      std::printf("%-28.28s %-24.24s %-10.10s %s%s%s\n", a.id.c_str(), a.source.c_str(),
                  a.published.empty() ? "-" : a.published.c_str(), a.title.c_str(),
                  a.duplicate_of.empty() ? "" : "  [duplicate of ",
                  a.duplicate_of.empty() ? "" : (a.duplicate_of + "]").c_str());
    }
    print_findings(story, dossiers[0]);
    return kExitOk;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string db_;
  std::string story_;
  std::string json_out_;
  std::string html_out_;
  bool compact_ = false;
};

}  // namespace

std::unique_ptr<Command> make_report(CLI::App& parent) {
  return std::make_unique<ReportCommand>(parent);
}

}  // namespace crosscheck::cli
