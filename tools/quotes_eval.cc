// quotes_eval — direct-quote detection and speaker attribution on PolNeAR (train and dev).
//
//   build-quotes/quotes_eval [--data ../shared/data/quotes/polnear] [--split train,dev]
//                            [--errors FILE] [--no-continuation] [--no-pronouns]
//
// Prints, per split: articles, predicted full quotes, precision (half of the quote inside a gold
// attribution's content), strict precision (inside a gold direct quotation), gold direct
// quotations, recall, F1, speaker accuracy (by kind of gold source) and source-words accuracy.
// Definitions: src/quotes/evaluate.h and docs/quotes-notes.md. Run from the project root.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"
#include "src/quotes/evaluate.h"

namespace {

void show_article(const crosscheck::quotes::GoldArticle& g,
                  const crosscheck::quotes::QuoteOptions& options) {
  using namespace crosscheck;
  text::AnalyzerOptions ao;
  ao.detect_language = false;
  ao.stem = false;
  text::Analyzer analyzer(ao);
  Article article;
  article.text = g.text;
  Document doc = analyzer.analyze(article);
  quotes::QuoteOptions o = options;
  o.include_partial = true;
  for (const quotes::Quote& q : quotes::extract_quotes(doc, o)) {
    std::string src =
        q.source.empty()
            ? "-"
            : std::string(doc.text.substr(q.source.begin, q.source.end - q.source.begin));
    std::printf("%s [%u,%u) %s | cue=%s src=%s speaker=%s (%s)\n", q.partial ? "part" : "FULL",
                q.span.cp_begin, q.span.cp_end, q.text.substr(0, 70).c_str(), q.cue.text.c_str(),
                src.c_str(), q.speaker ? q.speaker->name.c_str() : "-", quotes::to_string(q.how));
  }
  std::u32string wide;
  for (const char* p = g.text.data(); p < g.text.data() + g.text.size();)
    wide.push_back(utf8::decode(p, g.text.data() + g.text.size()));
  auto piece = [&](const quotes::Fragments& f) {
    std::string out;
    for (const auto& [b, e] : f) {
      if (!out.empty()) out += " | ";
      for (uint32_t i = b; i < e && i < wide.size() && i < b + 70; ++i) utf8::append(out, wide[i]);
    }
    return out;
  };
  for (const quotes::GoldAttribution& a : g.attributions)
    if (a.direct)
      std::printf("GOLD [%u,%u) %s | source=%s cue=%s\n", a.content.front().first,
                  a.content.back().second, piece(a.content).c_str(), piece(a.source).c_str(),
                  piece(a.cue).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  using namespace crosscheck::quotes;
  std::string data = "../shared/data/quotes/polnear";
  std::string splits = "train,dev";
  std::string errors_path;
  std::string show;  // an article name: print its predicted quotes and gold direct quotes
  QuoteOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "quotes_eval: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data")
      data = next();
    else if (a == "--split")
      splits = next();
    else if (a == "--errors")
      errors_path = next();
    else if (a == "--no-continuation")
      options.continuation = false;
    else if (a == "--no-pronouns")
      options.resolve_pronouns = false;
    else if (a == "--no-single")
      options.single_quotes = false;
    else if (a == "--no-multi-paragraph")
      options.multi_paragraph = false;
    else if (a == "--show")
      show = next();
    else if (a == "-h" || a == "--help") {
      std::printf(
          "usage: quotes_eval [--data DIR] [--split train,dev] [--errors FILE]\n"
          "                   [--no-continuation] [--no-pronouns] [--no-single]\n"
          "                   [--no-multi-paragraph]\n");
      return 0;
    } else {
      std::fprintf(stderr, "quotes_eval: unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  std::FILE* errors_file = nullptr;
  if (!errors_path.empty()) {
    errors_file = std::fopen(errors_path.c_str(), "w");
    if (!errors_file) {
      std::fprintf(stderr, "quotes_eval: cannot write %s\n", errors_path.c_str());
      return 2;
    }
  }
  std::printf("%-6s %8s %9s %6s %8s %6s %6s %6s %6s %8s %6s %6s %6s %7s\n", "split", "articles",
              "full", "P", "strictP", "gold", "R", "F1", "R_any", "speaker", "name", "pron",
              "descr", "named");
  size_t start = 0;
  while (start <= splits.size()) {
    size_t comma = splits.find(',', start);
    std::string split =
        splits.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    start = comma == std::string::npos ? splits.size() + 1 : comma + 1;
    if (split.empty()) continue;
    std::vector<GoldArticle> gold;
    std::string error;
    if (!load_polnear(data + "/" + split, &gold, &error)) {
      std::fprintf(stderr, "quotes_eval: %s\n", error.c_str());
      return 2;
    }
    if (!show.empty()) {
      for (const GoldArticle& g : gold)
        if (g.name == show) show_article(g, options);
      continue;
    }
    std::vector<std::string> errors;
    auto t0 = std::chrono::steady_clock::now();
    EvalReport r = evaluate(gold, options, errors_file ? &errors : nullptr);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    auto acc = [&](int k) {
      return r.by_kind_total[k] ? double(r.by_kind_correct[k]) / r.by_kind_total[k] : 1.0;
    };
    std::printf("%-6s %8u %9u %6.3f %8.3f %6u %6.3f %6.3f %6.3f %8.3f %6.3f %6.3f %6.3f %7.3f\n",
                split.c_str(), r.articles, r.predicted, r.precision(), r.strict_precision(),
                r.gold_direct, r.recall(), r.f1(),
                r.gold_direct ? double(r.gold_found_any) / r.gold_direct : 1.0,
                r.speaker_accuracy(), acc(0), acc(1), acc(2),
                r.named_total ? double(r.named_correct) / r.named_total : 1.0);
    std::printf(
        "       speaker: %u of %u found gold quotes with a stated source (names %u, pronouns %u, "
        "descriptions %u); a name given for %u; pronouns resolved %u; %.2f s with text analysis\n",
        r.speaker_correct, r.speaker_total, r.by_kind_total[0], r.by_kind_total[1],
        r.by_kind_total[2], r.speaker_resolved, r.pronoun_resolved, secs);
    if (errors_file)
      for (const std::string& e : errors)
        std::fprintf(errors_file, "%s\t%s\n", split.c_str(), e.c_str());
  }
  if (errors_file) std::fclose(errors_file);
  return 0;
}
