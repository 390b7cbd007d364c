// Main-content extraction quality on the three benchmark sets in ../shared/data/extraction, through
// the code `crosscheck extract` runs (ingest::read_buffer -> clean::prepare -> TemplateModel over
// the set -> clean::strip_boilerplate), scored with the metrics of bench/extraction/score.py
// re-implemented here:
//   scrapinghub: 4-token shingles of \w+ tokens; per-page P and R over shingle counts, averaged
//                over pages (a page with an empty prediction has no P), F1 of the two averages;
//   trafilatura: whitespace-normalised substring tests of the "with" / "without" snippets, pooled;
//   wcxb:        lower-cased \w+ word bags, per-page P/R/F1 averaged over all pages.
// The floors sit a little under the figures measured when the extractor was written (see the
// report in docs/ or bench/extraction/README.md); the test skips when the data is absent.
// CROSSCHECK_QUICK=1 scores every fourth page only (for sanitizer builds), with lower floors.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/clean.h"
#include "crosscheck/ingest.h"
#include "crosscheck/utf8.h"
#include "simdjson.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

fs::path data_dir() { return fs::path(CROSSCHECK_SHARED_DIR) / "data" / "extraction"; }

bool quick() {
  const char* q = std::getenv("CROSSCHECK_QUICK");
  return q != nullptr && std::string(q) == "1";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Extracts every page (id -> text) the way `crosscheck extract --format html` does.
std::map<std::string, std::string> extract_pages(
    const std::vector<std::pair<std::string, fs::path>>& pages) {
  std::vector<std::pair<std::string, Article>> articles;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (quick() && i % 4 != 0) continue;
    const auto& [id, path] = pages[i];
    std::string bytes = read_file(path);
    ingest::Options options;
    options.format = ingest::Format::kHtml;
    ingest::read_buffer(
        path.string(), bytes, options,
        [&](RawArticle&& raw) { articles.emplace_back(id, clean::prepare(raw)); },
        [&](Problem&&) {});
  }
  clean::TemplateModel templates;
  for (const auto& [id, a] : articles) templates.observe(a.source, a.text);
  std::map<std::string, std::string> out;
  for (auto& [id, a] : articles) {
    clean::strip_boilerplate(a, {}, &templates);
    out[id] = std::move(a.text);
  }
  return out;
}

// Python's re \w for str: letters, numbers, underscore (marks are not word characters).
bool is_word(char32_t c) {
  if (c == '_') return true;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

std::vector<std::string> words(std::string_view text, bool lower) {
  std::vector<std::string> out;
  std::string current;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    char32_t c = utf8::decode(p, end);
    if (is_word(c)) {
      utf8::append(current, lower ? static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))) : c);
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::unordered_map<std::string, int> shingles(std::string_view text) {
  std::vector<std::string> t = words(text, false);
  std::unordered_map<std::string, int> out;
  if (t.empty()) return out;
  size_t n = std::min<size_t>(4, t.size());
  for (size_t i = 0; i + n <= t.size(); ++i) {
    std::string key;
    for (size_t k = 0; k < n; ++k) key.append(t[i + k]).push_back('\x1f');
    ++out[key];
  }
  return out;
}

std::unordered_map<std::string, int> bag(std::string_view text) {
  std::unordered_map<std::string, int> out;
  for (std::string& w : words(text, true)) ++out[w];
  return out;
}

int overlap(const std::unordered_map<std::string, int>& a,
            const std::unordered_map<std::string, int>& b) {
  int o = 0;
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    if (it != b.end()) o += std::min(v, it->second);
  }
  return o;
}

int total(const std::unordered_map<std::string, int>& a) {
  int n = 0;
  for (const auto& [k, v] : a) n += v;
  return n;
}

bool is_space(char32_t c) {
  return (c >= 0x1c && c <= 0x1f) || c == 0x85 || u_isUWhiteSpace(static_cast<UChar32>(c));
}

std::string norm_ws(std::string_view text) {
  std::string out;
  bool space = false;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    char32_t c = utf8::decode(p, end);
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    utf8::append(out, c);
  }
  return out;
}

std::vector<std::pair<std::string, fs::path>> list_dir(const fs::path& dir) {
  std::vector<std::pair<std::string, fs::path>> pages;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.size() > 8 && name.ends_with(".html.gz")) {
      pages.emplace_back(name.substr(0, name.size() - 8), e.path());
    }
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

TEST(ExtractionQuality, Scrapinghub) {
  fs::path dir = data_dir() / "scrapinghub";
  if (!fs::exists(dir / "ground-truth.json")) GTEST_SKIP() << "no " << dir;
  simdjson::ondemand::parser parser;
  simdjson::padded_string json =
      simdjson::padded_string::load((dir / "ground-truth.json").string());
  std::map<std::string, std::string> truth;
  simdjson::ondemand::document doc = parser.iterate(json);
  for (auto field : doc.get_object()) {
    std::string key(field.unescaped_key().value());
    std::string_view body;
    if (field.value()["articleBody"].get_string().get(body) == simdjson::SUCCESS) {
      truth[key] = std::string(body);
    }
  }
  std::map<std::string, std::string> pred = extract_pages(list_dir(dir / "html"));
  double sum_p = 0, sum_r = 0;
  int n_p = 0, n_r = 0;
  for (const auto& [id, text] : pred) {
    auto t = shingles(truth[id]);
    auto p = shingles(text);
    int tp = overlap(p, t);
    int np = total(p), nt = total(t);
    if (np > 0) sum_p += static_cast<double>(tp) / np, ++n_p;
    if (nt > 0) sum_r += static_cast<double>(tp) / nt, ++n_r;
  }
  ASSERT_GT(n_r, 0);
  double precision = n_p ? sum_p / n_p : 0, recall = sum_r / n_r;
  double f1 = 2 * precision * recall / (precision + recall);
  std::printf("scrapinghub pages=%zu F1 %.4f P %.4f R %.4f\n", pred.size(), f1, precision, recall);
  EXPECT_GE(f1, quick() ? 0.93 : 0.966);
}

TEST(ExtractionQuality, Trafilatura) {
  fs::path dir = data_dir() / "trafilatura-eval";
  if (!fs::exists(dir / "evaldata.json")) GTEST_SKIP() << "no " << dir;
  simdjson::ondemand::parser parser;
  simdjson::padded_string json = simdjson::padded_string::load((dir / "evaldata.json").string());
  struct Truth {
    std::vector<std::string> with, without;
  };
  std::map<std::string, Truth> truth;
  std::vector<std::pair<std::string, fs::path>> pages;
  simdjson::ondemand::document doc = parser.iterate(json);
  for (auto field : doc.get_object()) {
    simdjson::ondemand::object item = field.value().get_object();
    std::string file;
    Truth t;
    for (auto f : item) {
      std::string_view key = f.unescaped_key().value();
      if (key == "file") {
        file = std::string(f.value().get_string().value());
      } else if (key == "with" || key == "without") {
        simdjson::ondemand::array arr;
        if (f.value().get_array().get(arr) != simdjson::SUCCESS) continue;
        for (auto s : arr) {
          std::string_view v;
          if (s.get_string().get(v) == simdjson::SUCCESS) {
            (key == "with" ? t.with : t.without).emplace_back(v);
          }
        }
      }
    }
    std::string id = file.ends_with(".html") ? file.substr(0, file.size() - 5) : file;
    pages.emplace_back(id, dir / "html" / (file + ".gz"));
    truth[id] = std::move(t);
  }
  std::sort(pages.begin(), pages.end());
  std::map<std::string, std::string> pred = extract_pages(pages);
  long tp = 0, fp = 0, fn = 0;
  for (const auto& [id, raw] : pred) {
    std::string text = norm_ws(raw);
    for (const std::string& s : truth[id].with) {
      (text.find(norm_ws(s)) != std::string::npos ? tp : fn) += 1;
    }
    for (const std::string& s : truth[id].without) {
      if (text.find(norm_ws(s)) != std::string::npos) ++fp;
    }
  }
  double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
  std::printf("trafilatura pages=%zu F1 %.4f P %.4f R %.4f (TP %ld FP %ld FN %ld)\n", pred.size(),
              f1, static_cast<double>(tp) / (tp + fp), static_cast<double>(tp) / (tp + fn), tp, fp,
              fn);
  EXPECT_GE(f1, quick() ? 0.87 : 0.915);
}

TEST(ExtractionQuality, Wcxb) {
  fs::path dir = data_dir() / "wcxb-dev";
  if (!fs::is_directory(dir / "ground-truth")) GTEST_SKIP() << "no " << dir;
  std::vector<std::pair<std::string, fs::path>> pages = list_dir(dir / "html");
  std::map<std::string, std::string> pred = extract_pages(pages);
  simdjson::ondemand::parser parser;
  double sum_p = 0, sum_r = 0, sum_f = 0;
  for (const auto& [id, text] : pred) {
    simdjson::padded_string json =
        simdjson::padded_string::load((dir / "ground-truth" / (id + ".json")).string());
    simdjson::ondemand::document doc = parser.iterate(json);
    std::string_view main;
    std::string truth_text;
    if (doc["ground_truth"]["main_content"].get_string().get(main) == simdjson::SUCCESS) {
      truth_text = std::string(main);
    }
    auto t = bag(truth_text);
    auto p = bag(text);
    int nt = total(t), np = total(p);
    double precision = 0, recall = 0, f1 = 0;
    if (nt == 0) {
      precision = recall = f1 = np == 0 ? 1.0 : 0.0;
    } else if (np > 0) {
      int o = overlap(p, t);
      precision = static_cast<double>(o) / np;
      recall = static_cast<double>(o) / nt;
      f1 = o ? 2 * precision * recall / (precision + recall) : 0.0;
    }
    sum_p += precision, sum_r += recall, sum_f += f1;
  }
  ASSERT_FALSE(pred.empty());
  double n = static_cast<double>(pred.size());
  std::printf("wcxb pages=%zu F1 %.4f P %.4f R %.4f\n", pred.size(), sum_f / n, sum_p / n,
              sum_r / n);
  EXPECT_GE(sum_f / n, quick() ? 0.91 : 0.93);
}

}  // namespace
}  // namespace crosscheck
