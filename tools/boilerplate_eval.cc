// boilerplate_eval: measures plain-text boilerplate removal from both sides.
//
//  (a) Recall and precision against line-level gold (tests/data/seeds_boilerplate.tsv over
//      ../shared/seeds, tests/data/examples_boilerplate.tsv over examples/*.txt): a gold line is
//      found when it is missing from the cleaned text and listed in removed[]; body retention is
//      the share of non-gold, non-header lines still present as paragraphs of the cleaned text.
//  (b) False removals on text that is known to be clean: the ground-truth main content of the
//      WCXB article pages and the article texts of BASIL. Everything removed there is a false
//      positive (modulo the odd label error), so we report the share of paragraphs and characters
//      kept and list the most frequent removed lines for inspection.
//
// Usage: boilerplate_eval [--shared DIR] [--source DIR] [--top N]
//   defaults: --shared ../shared --source . --top 40 (run from the project root)
//
// Build: cmake --build build --target boilerplate_eval
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/boilerplate_gold.h"
#include "crosscheck/article.h"
#include "crosscheck/clean.h"
#include "crosscheck/ingest.h"
#include "crosscheck/text.h"

namespace fs = std::filesystem;
using namespace crosscheck;

namespace {

using testing_support::read_file;
using testing_support::split_lines;

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
  return s.substr(i);
}

struct GoldStats {
  int gold = 0, found = 0, kind_ok = 0;  // recall side
  int removed = 0, removed_gold = 0;     // precision side (removed[] entries)
  int body = 0, body_kept = 0;           // retention of non-gold lines
};

void eval_gold(const std::string& name, const fs::path& dir, const fs::path& tsv,
               GoldStats& total) {
  if (!fs::is_directory(dir) || !fs::exists(tsv)) {
    std::printf("%-9s skipped (%s or %s missing)\n", name.c_str(), dir.c_str(), tsv.c_str());
    return;
  }
  testing_support::BoilerplateGold gold = testing_support::read_boilerplate_gold(tsv);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());

  std::vector<Article> articles;
  std::vector<std::string> raws;
  for (const fs::path& p : files) {
    std::string raw = read_file(p);
    ingest::read_buffer(
        p.string(), raw, ingest::Options{},
        [&](RawArticle&& a) {
          articles.push_back(clean::prepare(a));
          raws.push_back(raw);
        },
        [&](Problem&& pr) { std::fprintf(stderr, "%s: %s\n", p.c_str(), pr.message.c_str()); });
  }
  clean::TemplateModel templates;
  for (const Article& a : articles) templates.observe(a.source, a.text);
  GoldStats s;
  for (size_t i = 0; i < articles.size(); ++i) {
    Article& a = articles[i];
    clean::strip_boilerplate(a, {}, &templates);
    std::string file = fs::path(files[i]).filename().string();
    const auto& g = gold[file];
    std::set<std::string> kept;
    for (const std::string& p : split_lines(a.text)) kept.insert(p);
    std::vector<std::string> lines = split_lines(raws[i]);
    bool header = true;
    std::set<std::string> gold_texts;
    for (size_t n = 0; n < lines.size(); ++n) {
      bool is_header = lines[n].rfind("Title:", 0) == 0 || lines[n].rfind("Source:", 0) == 0 ||
                       lines[n].rfind("URL:", 0) == 0 || lines[n].rfind("Date:", 0) == 0;
      if (header && is_header) continue;
      header = false;
      std::string line = trim(text::normalize(lines[n]));
      if (line.empty()) continue;
      auto it = g.find(static_cast<int>(n) + 1);
      if (it == g.end()) {
        ++s.body;
        if (kept.count(line)) {
          ++s.body_kept;
        } else {
          std::printf("  lost body line %s:%zu: %s\n", file.c_str(), n + 1, line.c_str());
        }
        continue;
      }
      gold_texts.insert(line);
      ++s.gold;
      bool listed = false, kind_ok = false;
      for (const Removed& r : a.removed) {
        if (r.text == line) {
          listed = true;
          kind_ok = kind_ok || r.kind == it->second;
        }
      }
      if (listed && !kept.count(line)) {
        ++s.found;
        if (kind_ok) {
          ++s.kind_ok;
        } else {
          std::printf("  wrong kind %s:%zu (gold %s)\n", file.c_str(), n + 1, it->second.c_str());
        }
      } else {
        std::printf("  missed %s:%zu [%s]: %s\n", file.c_str(), n + 1, it->second.c_str(),
                    line.c_str());
      }
    }
    for (const Removed& r : a.removed) {
      ++s.removed;
      if (gold_texts.count(r.text)) ++s.removed_gold;
    }
  }
  std::printf(
      "%-9s gold lines %d  recall %.3f  precision %.3f  kind agreement %.3f  body lines kept "
      "%d/%d (%.4f)\n",
      name.c_str(), s.gold, s.gold ? double(s.found) / s.gold : 1.0,
      s.removed ? double(s.removed_gold) / s.removed : 1.0,
      s.found ? double(s.kind_ok) / s.found : 1.0, s.body_kept, s.body,
      s.body ? double(s.body_kept) / s.body : 1.0);
  total.gold += s.gold;
  total.found += s.found;
  total.kind_ok += s.kind_ok;
  total.removed += s.removed;
  total.removed_gold += s.removed_gold;
  total.body += s.body;
  total.body_kept += s.body_kept;
}

struct CleanStats {
  size_t articles = 0, touched = 0, paragraphs = 0, removed = 0, chars = 0, removed_chars = 0;
  std::map<std::string, size_t> kinds;
  std::map<std::string, size_t> lines;  // "kind\ttext" -> count
};

// Runs the stage over texts known to be clean. Outlet = the given source (BASIL) or the URL host
// (WCXB), with a TemplateModel over the whole set as the CLI would build it.
void eval_clean(const std::string& name, std::vector<std::pair<std::string, std::string>> docs,
                size_t top) {
  if (docs.empty()) {
    std::printf("%-9s skipped (no data)\n", name.c_str());
    return;
  }
  clean::TemplateModel templates;
  for (auto& [outlet, body] : docs) {
    body = text::normalize(body);
    templates.observe(outlet, body);
  }
  CleanStats s;
  for (const auto& [outlet, body] : docs) {
    clean::BoilerplateResult r = clean::remove_boilerplate(body, outlet, {}, &templates);
    ++s.articles;
    for (const std::string& l : split_lines(body)) {
      if (!trim(l).empty()) {
        ++s.paragraphs;
        s.chars += trim(l).size();
      }
    }
    if (!r.removed.empty()) ++s.touched;
    for (const Removed& x : r.removed) {
      ++s.removed;
      s.removed_chars += x.text.size();
      ++s.kinds[x.kind];
      ++s.lines[x.kind + "\t" + x.text.substr(0, 160)];
    }
  }
  std::printf(
      "%-9s articles %zu (touched %zu)  paragraphs kept %zu/%zu (%.4f)  characters kept %.4f\n",
      name.c_str(), s.articles, s.touched, s.paragraphs - s.removed, s.paragraphs,
      1.0 - double(s.removed) / std::max<size_t>(1, s.paragraphs),
      1.0 - double(s.removed_chars) / std::max<size_t>(1, s.chars));
  std::printf("          removed by kind:");
  for (const auto& [k, n] : s.kinds) std::printf(" %s=%zu", k.c_str(), n);
  std::printf("\n");
  std::vector<std::pair<size_t, std::string>> sorted;
  for (const auto& [line, n] : s.lines) sorted.emplace_back(n, line);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < sorted.size() && i < top; ++i) {
    std::printf("    %4zu  %s\n", sorted[i].first, sorted[i].second.c_str());
  }
}

std::vector<std::pair<std::string, std::string>> load_wcxb(const fs::path& dir) {
  std::vector<std::pair<std::string, std::string>> docs;
  if (!fs::is_directory(dir)) return docs;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  simdjson::dom::parser parser;
  for (const fs::path& p : files) {
    simdjson::dom::element doc;
    if (parser.load(p.string()).get(doc)) continue;
    std::string_view body, url;
    if (doc["ground_truth"]["main_content"].get(body) || body.empty()) continue;
    if (doc["url"].get(url)) url = {};
    std::string outlet = ingest::outlet_from_url(url);
    docs.emplace_back(outlet.empty() ? "unknown" : outlet, std::string(body));
  }
  return docs;
}

std::vector<std::pair<std::string, std::string>> load_jsonl(const fs::path& path) {
  std::vector<std::pair<std::string, std::string>> docs;
  if (!fs::exists(path)) return docs;
  simdjson::dom::parser parser;
  for (const std::string& line : split_lines(read_file(path))) {
    simdjson::dom::element doc;
    if (line.empty() || parser.parse(line).get(doc)) continue;
    std::string_view body, source;
    if (doc["text"].get(body) || body.empty()) continue;
    if (doc["source"].get(source)) source = "unknown";
    docs.emplace_back(std::string(source), std::string(body));
  }
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = "../shared";
  fs::path source = ".";
  size_t top = 40;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--shared") {
      shared = argv[i + 1];
    } else if (flag == "--source") {
      source = argv[i + 1];
    } else if (flag == "--top") {
      top = std::stoul(argv[i + 1]);
    } else {
      std::fprintf(stderr, "usage: boilerplate_eval [--shared DIR] [--source DIR] [--top N]\n");
      return 2;
    }
  }
  std::printf("== (a) gold boilerplate lines\n");
  GoldStats total;
  eval_gold("seeds", shared / "seeds", source / "tests/data/seeds_boilerplate.tsv", total);
  eval_gold("examples", source / "examples", source / "tests/data/examples_boilerplate.tsv",
            total);
  std::printf("%-9s gold lines %d  recall %.3f  precision %.3f  kind agreement %.3f  body lines "
              "kept %d/%d (%.4f)\n",
              "all", total.gold, total.gold ? double(total.found) / total.gold : 1.0,
              total.removed ? double(total.removed_gold) / total.removed : 1.0,
              total.found ? double(total.kind_ok) / total.found : 1.0, total.body_kept,
              total.body, total.body ? double(total.body_kept) / total.body : 1.0);

  std::printf("\n== (b) false removals on clean text\n");
  eval_clean("wcxb", load_wcxb(shared / "data/extraction/wcxb-dev/ground-truth"), top);
  eval_clean("basil", load_jsonl(shared / "data/stories/basil.jsonl"), top);
  return 0;
}
