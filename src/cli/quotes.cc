// crosscheck quotes INPUT... — direct quotes and their speakers as JSONL on stdout, one object per
// cleaned article (DESIGN 4.1):
//   {"id","quotes":[{"start","end","text","partial","paragraphs",
//                    "speaker":{"name","start","end","person"}|null,"how",
//                    "source":{"text","start","end"}|null,"cue","cue_span":{"start","end"}|null}]}
// Offsets are Unicode code points into the article's cleaned text (the "text" of `crosscheck
// extract`). Streams: memory stays bounded for any input size.
#include "crosscheck/quotes.h"

#include <cstdio>
#include <memory>
#include <string>

#include "crosscheck/json_writer.h"
#include "crosscheck/text.h"
#include "src/cli/commands.h"
#include "src/cli/common.h"

namespace crosscheck::cli {
namespace {

void write_span(JsonWriter& w, const quotes::TextSpan& s) {
  w.key("start").value(static_cast<uint64_t>(s.cp_begin));
  w.key("end").value(static_cast<uint64_t>(s.cp_end));
}

void write_quotes(JsonWriter& w, const Article& a, const Document& doc,
                  const std::vector<quotes::Quote>& qs) {
  w.begin_object();
  w.key("id").value(a.id);
  w.key("quotes").begin_array();
  for (const quotes::Quote& q : qs) {
    w.begin_object();
    write_span(w, q.span);
    w.key("text").value(q.text);
    w.key("partial").value(q.partial);
    w.key("paragraphs").value(static_cast<uint64_t>(q.paragraphs));
    w.key("speaker");
    if (q.speaker) {
      w.begin_object();
      w.key("name").value(q.speaker->name);
      write_span(w, q.speaker->span);
      w.key("person").value(q.speaker->person);
      w.end_object();
    } else {
      w.null();
    }
    w.key("how").value(quotes::to_string(q.how));
    w.key("source");
    if (!q.source.empty()) {
      w.begin_object();
      w.key("text").value(doc.text.substr(q.source.begin, q.source.end - q.source.begin));
      write_span(w, q.source);
      w.end_object();
    } else {
      w.null();
    }
    w.key("cue").string_or_null(q.cue.text);
    w.key("cue_span");
    if (!q.cue.span.empty()) {
      w.begin_object();
      write_span(w, q.cue.span);
      w.end_object();
    } else {
      w.null();
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

class QuotesCommand : public Command {
 public:
  explicit QuotesCommand(CLI::App& parent) {
    app_ = parent.add_subcommand(
        "quotes",
        "Read articles (text, HTML, JSONL, WARC; gzip transparently), clean them, and write one "
        "JSON object per article with its direct quotes and who said them (JSONL on stdout).");
    add_input_options(*app_, args_);
    app_->add_flag("--full-only", full_only_,
                   "Leave out partial quotes (a few quoted words inside the writer's sentence)");
    app_->add_flag("--no-continuation", no_continuation_,
                   "Do not give a quote without its own attribution the previous quote's speaker");
    app_->add_flag("--no-single-quotes", no_single_,
                   "Pair only double quotation marks (not ‘…’ or '…' outside them)");
    app_->footer(
        "Output per article: {\"id\", \"quotes\": [...]}, quotes in text order. Per quote:\n"
        "  start, end    code point offsets into the cleaned text (crosscheck extract's "
        "\"text\"),\n"
        "                end exclusive; the span includes both quotation marks\n"
        "  text          the quote as written, marks included (paragraph breaks too)\n"
        "  partial       true for a few quoted words inside the writer's own sentence\n"
        "  paragraphs    number of paragraphs the quote spans\n"
        "  speaker       {name, start, end, person} or null: the fullest form of the name in the\n"
        "                article and where it is written (in the pattern, or the earlier mention "
        "a\n"
        "                pronoun or description was resolved to); person is false for\n"
        "                organisations (\"the Pentagon said\")\n"
        "  how           named | pronoun | nominal | continuation | none\n"
        "  source        {text, start, end} or null: the pattern's words for the speaker "
        "(\"Smith\",\n"
        "                \"she\", \"the spokesman\")\n"
        "  cue           the reporting words (\"said\", \"told NBC\", \"according to\") or null\n"
        "  cue_span      {start, end} or null\n"
        "Exit status: 0 ok; 1 some records failed (reported on stderr); 2 usage error or nothing\n"
        "could be read.");
  }
  CLI::App* app() const override { return app_; }

  int run() override {
    pipeline::Options options;
    if (!make_pipeline_options(args_, options)) return kExitUsage;
    quotes::QuoteOptions qopts;
    qopts.include_partial = !full_only_;
    qopts.continuation = !no_continuation_;
    qopts.single_quotes = !no_single_;
    text::AnalyzerOptions aopts;
    aopts.detect_language = false;  // the article's language is already known; quotes ignore it
    aopts.stem = false;
    text::Analyzer analyzer(aopts);
    uint64_t articles = 0;
    std::string line;
    uint64_t errors = stream_articles(args_, options, "quotes", [&](Article&& a) {
      Document doc = analyzer.analyze(a);
      std::vector<quotes::Quote> qs = quotes::extract_quotes(doc, qopts);
      line.clear();
      JsonWriter w(line);
      write_quotes(w, a, doc, qs);
      line.push_back('\n');
      if (!write_stdout(line)) throw OutputFailed{};
      ++articles;
    });
    return exit_status(articles, errors);
  }

 private:
  CLI::App* app_ = nullptr;
  InputArgs args_;
  bool full_only_ = false;
  bool no_continuation_ = false;
  bool no_single_ = false;
};

}  // namespace

std::unique_ptr<Command> make_quotes(CLI::App& parent) {
  return std::make_unique<QuotesCommand>(parent);
}

}  // namespace crosscheck::cli
