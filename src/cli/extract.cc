// crosscheck extract INPUT... — cleaned articles as JSONL on stdout, one object per article:
// {"id","source","url","title","published","language","text","removed":[{"kind","text"}],
//  "authors","credits","duplicate_of"}. Streams: memory stays bounded for any input size.
#include <cstdio>
#include <memory>

#include "crosscheck/analysis_json.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"

namespace crosscheck::cli {
namespace {

class ExtractCommand : public Command {
 public:
  explicit ExtractCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "extract",
        "Read articles (text, HTML, JSONL, WARC; gzip transparently), remove boilerplate, and "
        "write one JSON object per cleaned article to stdout (JSONL). Problems go to stderr.");
    add_input_options(*app_, args_);
    app_->footer(
        "Output fields: id, source, url, title, published, language, text, removed[{kind,text}],\n"
        "authors, credits, duplicate_of. Exit status: 0 ok; 1 some records failed (reported on\n"
        "stderr); 2 usage error or nothing could be read.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    pipeline::Options options;
    if (!make_pipeline_options(args_, options)) return kExitUsage;
    uint64_t articles = 0;
    std::string line;
    uint64_t errors = stream_articles(args_, options, "extract", [&](Article&& a) {
      line.clear();
      JsonWriter w(line);
      report::write_article(w, a);
      line.push_back('\n');
      if (!write_stdout(line)) throw OutputFailed{};
      ++articles;
    });
    return exit_status(articles, errors);
  }

 private:
  CLI::App* app_ = nullptr;
  InputArgs args_;
};

}  // namespace

std::unique_ptr<Command> make_extract(CLI::App& parent) {
  return std::make_unique<ExtractCommand>(parent);
}

}  // namespace crosscheck::cli
