// crosscheck analyze INPUT... [--json OUT] — the analysis of DESIGN 4.2 over everything read.
// Without --json a short human summary goes to stdout.
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "crosscheck/analysis_json.h"
#include "crosscheck/utf8.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"

namespace crosscheck::cli {
namespace {

bool write_file(const std::string& path, const std::string& data) {
  if (path == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  return std::fclose(f) == 0 && ok;
}

void print_summary(const std::vector<Article>& articles, const std::vector<Document>& docs,
                   const std::vector<Problem>& problems) {
  std::set<std::string> outlets;
  for (const Article& a : articles) outlets.insert(a.source);
  std::printf("%zu articles from %zu outlets\n\n", articles.size(), outlets.size());
  std::printf("%-28s %-24s %-4s %6s %5s  %s\n", "id", "source", "lang", "words", "sents",
              "removed");
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
    std::printf("%-28.28s %-24.24s %-4s %6zu %5zu  %s\n", a.id.c_str(), a.source.c_str(),
                a.language.c_str(), words, docs[i].sentences.size(),
                removed.empty() ? "-" : removed.c_str());
  }
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
    app_->add_flag("--compact", compact_, "One-line JSON instead of indented");
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

    if (batch.articles.empty() && reporter.errors() == 0) {
      std::fprintf(stderr, "crosscheck: no articles found in the inputs\n");
    }
    if (!json_out_.empty()) {
      std::string out;
      report::write_analysis(out, batch.articles, batch.problems, compact_ ? 0 : 2);
      if (!write_file(json_out_, out)) {
        std::fprintf(stderr, "crosscheck: cannot write %s\n", json_out_.c_str());
        return kExitUsage;
      }
    } else {
      print_summary(batch.articles, docs, batch.problems);
    }
    return exit_status(batch.articles.size(), reporter.errors());
  }

 private:
  CLI::App* app_ = nullptr;
  InputArgs args_;
  std::string json_out_;
  bool compact_ = false;
};

}  // namespace

std::unique_ptr<Command> make_analyze(CLI::App& parent) {
  return std::make_unique<AnalyzeCommand>(parent);
}

}  // namespace crosscheck::cli
