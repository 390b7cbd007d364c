// Main-content extraction speed: pages/s of charset decoding + extract_article on the real pages of
// the scrapinghub and trafilatura benchmark sets (1,171 pages), read and gunzipped into memory
// before timing, one thread.
//
//   CROSSCHECK_SHARED_DIR=../shared ./extract_bench --benchmark_min_time=3
//
// Pages live in $CROSSCHECK_SHARED_DIR/data/extraction/{scrapinghub,trafilatura-eval}/html/
// (default ../shared relative to the working directory); the benchmark is skipped when absent.
// items_per_second is pages per second; bytes_per_second is HTML input throughput.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "crosscheck/clean.h"
#include "crosscheck/utf8.h"
#include "src/ingest/charset.h"

namespace {

namespace fs = std::filesystem;

std::string gunzip_file(const fs::path& path) {
  std::string out;
  gzFile f = gzopen(path.string().c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

const std::vector<std::string>& pages() {
  static const std::vector<std::string> kPages = [] {
    std::vector<std::string> out;
    const char* env = std::getenv("CROSSCHECK_SHARED_DIR");
    fs::path shared = env != nullptr ? env : "../shared";
    for (const char* set : {"scrapinghub", "trafilatura-eval"}) {
      fs::path dir = shared / "data/extraction" / set / "html";
      if (!fs::is_directory(dir)) continue;
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().string().ends_with(".html.gz")) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) out.push_back(gunzip_file(f));
    }
    return out;
  }();
  return kPages;
}

// What `crosscheck extract` does per page after reading: decode to UTF-8 (BOM / meta charset),
// repair, extract.
void BM_ExtractPages(benchmark::State& state) {
  const std::vector<std::string>& all = pages();
  if (all.empty()) {
    state.SkipWithError("no pages under $CROSSCHECK_SHARED_DIR/data/extraction");
    return;
  }
  size_t bytes = 0;
  size_t count = 0;
  for (auto _ : state) {
    for (const std::string& html : all) {
      crosscheck::ingest::Decoded d = crosscheck::ingest::decode_to_utf8(html, "", true);
      std::string repaired;
      crosscheck::utf8::repair(d.text, repaired);
      crosscheck::clean::ExtractedPage page = crosscheck::clean::extract_article(repaired);
      benchmark::DoNotOptimize(page.text.data());
      bytes += html.size();
      ++count;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(count));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages"] = static_cast<double>(all.size());
}
BENCHMARK(BM_ExtractPages)->Unit(benchmark::kMillisecond);

// The extraction alone (pages decoded beforehand).
void BM_ExtractOnly(benchmark::State& state) {
  static const std::vector<std::string> kDecoded = [] {
    std::vector<std::string> out;
    for (const std::string& html : pages()) {
      crosscheck::ingest::Decoded d = crosscheck::ingest::decode_to_utf8(html, "", true);
      std::string repaired;
      crosscheck::utf8::repair(d.text, repaired);
      out.push_back(std::move(repaired));
    }
    return out;
  }();
  if (kDecoded.empty()) {
    state.SkipWithError("no pages under $CROSSCHECK_SHARED_DIR/data/extraction");
    return;
  }
  size_t count = 0;
  for (auto _ : state) {
    for (const std::string& html : kDecoded) {
      crosscheck::clean::ExtractedPage page = crosscheck::clean::extract_article(html);
      benchmark::DoNotOptimize(page.text.data());
      ++count;
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(count));
}
BENCHMARK(BM_ExtractOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
