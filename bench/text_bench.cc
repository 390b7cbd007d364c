// Micro-benchmarks for the text stages: MB/s of normalize, split_sentences, tokenize and analyze
// on a synthetic news-like text and, when present, on real articles from the shared corpus.
//
//   ./text_bench --benchmark_min_time=0.5
//
// The corpus is $CROSSCHECK_SHARED_DIR/data/corpus/news-20k.jsonl.gz (default ../shared relative
// to the working directory); the "real" benchmarks are skipped with a note when it is absent.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

namespace {

using crosscheck::text::normalize;

constexpr size_t kRealArticles = 2000;

// A deterministic news-like text: sentences of common words, names with titles, abbreviations,
// numbers, quotes and a little non-ASCII, in paragraphs.
std::string synthetic_text(size_t bytes) {
  const std::vector<std::string> words = {
      "the", "talks", "in", "Miami", "ended", "on", "Saturday", "with", "no", "agreement", "said",
      "officials", "from", "both", "sides", "and", "a", "spokesman", "for", "ministry", "U.S.",
      "envoy", "Sen.", "Graham", "(R-S.C.)", "negotiations", "billion", "3.5", "20,000", "percent",
      "Zelenskyy’s", "“we", "are", "ready,”", "—", "€90", "Kyiv-based", "don't", "Jan.", "15",
      "at", "9", "a.m.", "café", "Зеленський", "government", "reported", "1990s",
  };
  std::mt19937 rng(17);
  std::string out;
  while (out.size() < bytes) {
    size_t sentences = 2 + rng() % 4;
    for (size_t s = 0; s < sentences; ++s) {
      size_t n = 8 + rng() % 20;
      std::string sentence = "The";
      for (size_t i = 0; i < n; ++i) sentence += " " + words[rng() % words.size()];
      sentence += (rng() % 10 == 0) ? "?" : ".";
      out += sentence;
      out += ' ';
    }
    out.back() = '\n';
  }
  return out;
}

// Decodes the JSON string starting after the opening quote at `p`.
std::string json_string(const char*& p, const char* end) {
  std::string out;
  while (p < end && *p != '"') {
    if (*p != '\\') {
      out += *p++;
      continue;
    }
    if (++p >= end) break;
    char e = *p++;
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        auto hex4 = [&](char32_t& v) {
          if (end - p < 4) return false;
          v = static_cast<char32_t>(std::strtoul(std::string(p, 4).c_str(), nullptr, 16));
          p += 4;
          return true;
        };
        char32_t cp = 0;
        if (!hex4(cp)) break;
        if (cp >= 0xD800 && cp <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
          p += 2;
          char32_t lo = 0;
          if (hex4(lo) && lo >= 0xDC00 && lo <= 0xDFFF) cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        crosscheck::utf8::append(out, cp);
        break;
      }
      default: out += e; break;
    }
  }
  return out;
}

// The "text" fields of the first `limit` records of the shared corpus, or nothing.
std::vector<std::string> load_real_texts(size_t limit) {
  const char* env = std::getenv("CROSSCHECK_SHARED_DIR");
  const std::string dir = env != nullptr ? env : "../shared";
  const std::string path = dir + "/data/corpus/news-20k.jsonl.gz";
  std::vector<std::string> texts;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    std::fprintf(stderr, "text_bench: %s not found; real-text benchmarks skipped\n", path.c_str());
    return texts;
  }
  std::string line;
  char buf[1 << 16];
  while (texts.size() < limit && gzgets(f, buf, sizeof buf) != nullptr) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    const std::string key = "\"text\": \"";
    size_t k = line.find(key);
    if (k != std::string::npos) {
      const char* p = line.data() + k + key.size();
      std::string raw = json_string(p, line.data() + line.size());
      std::string fixed;
      crosscheck::utf8::repair(raw, fixed);
      texts.push_back(std::move(fixed));
    }
    line.clear();
  }
  gzclose(f);
  return texts;
}

struct Corpus {
  std::vector<std::string> raw;         // as read (normalize's input)
  std::vector<crosscheck::Article> articles;  // normalised (the other stages' input)
  size_t raw_bytes = 0, bytes = 0;
};

Corpus make_corpus(std::vector<std::string> texts) {
  Corpus c;
  for (auto& t : texts) {
    c.raw_bytes += t.size();
    crosscheck::Article a;
    a.id = std::to_string(c.articles.size());
    a.text = normalize(t);
    c.bytes += a.text.size();
    c.articles.push_back(std::move(a));
    c.raw.push_back(std::move(t));
  }
  return c;
}

const Corpus& synthetic() {
  static const Corpus c = [] {
    std::vector<std::string> texts;
    for (int i = 0; i < 64; ++i) texts.push_back(synthetic_text(16 * 1024));
    return make_corpus(std::move(texts));
  }();
  return c;
}

const Corpus& real() {
  static const Corpus c = make_corpus(load_real_texts(kRealArticles));
  return c;
}

template <typename Fn>
void run(benchmark::State& state, const Corpus& c, bool raw_input, Fn fn) {
  if (c.articles.empty()) {
    state.SkipWithError("corpus not available");
    return;
  }
  for (auto _ : state) {
    for (size_t i = 0; i < c.articles.size(); ++i) fn(raw_input ? c.raw[i] : c.articles[i].text, c.articles[i]);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(raw_input ? c.raw_bytes : c.bytes));
}

void register_all(const char* name, const Corpus& (*corpus)()) {
  const std::string prefix = std::string(name) + "/";
  benchmark::RegisterBenchmark((prefix + "normalize").c_str(), [corpus](benchmark::State& st) {
    run(st, corpus(), true, [](const std::string& t, const crosscheck::Article&) {
      benchmark::DoNotOptimize(normalize(t));
    });
  });
  benchmark::RegisterBenchmark((prefix + "split_sentences").c_str(), [corpus](benchmark::State& st) {
    run(st, corpus(), false, [](const std::string& t, const crosscheck::Article&) {
      benchmark::DoNotOptimize(crosscheck::text::split_sentences(t));
    });
  });
  benchmark::RegisterBenchmark((prefix + "tokenize").c_str(), [corpus](benchmark::State& st) {
    run(st, corpus(), false, [](const std::string& t, const crosscheck::Article&) {
      benchmark::DoNotOptimize(crosscheck::text::tokenize(t));
    });
  });
  benchmark::RegisterBenchmark((prefix + "detect_language").c_str(), [corpus](benchmark::State& st) {
    run(st, corpus(), false, [](const std::string& t, const crosscheck::Article&) {
      benchmark::DoNotOptimize(crosscheck::text::detect_language(t));
    });
  });
  benchmark::RegisterBenchmark((prefix + "analyze").c_str(), [corpus](benchmark::State& st) {
    crosscheck::text::Analyzer analyzer;
    run(st, corpus(), false, [&](const std::string&, const crosscheck::Article& a) {
      benchmark::DoNotOptimize(analyzer.analyze(a));
    });
  });
  benchmark::RegisterBenchmark((prefix + "analyze_no_stem").c_str(), [corpus](benchmark::State& st) {
    crosscheck::text::Analyzer analyzer(crosscheck::text::AnalyzerOptions{.stem = false});
    run(st, corpus(), false, [&](const std::string&, const crosscheck::Article& a) {
      benchmark::DoNotOptimize(analyzer.analyze(a));
    });
  });
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  register_all("synthetic", &synthetic);
  if (!real().articles.empty()) register_all("real", &real);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
