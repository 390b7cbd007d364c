// gzip decoding of a whole file, one core, on ../shared/data/dedup/docs.jsonl.gz (10 MB gzipped,
// 25 MB of JSONL): the whole-buffer path (ingest::inflate_all, libdeflate first, into a fresh
// buffer the size of the file, as ingest reads non-JSONL files) and the piece-by-piece path
// (ingest::GzipStream, ISA-L, 1 MB pieces into one reused buffer, as ingest reads JSONL), against
// zlib's streaming gzread as the baseline.
//
//   CROSSCHECK_SHARED_DIR=../shared build/bench/gzip_bench
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "src/ingest/gzip.h"
#include "src/ingest/gzip_stream.h"

namespace {

std::string path() {
  const char* v = std::getenv("CROSSCHECK_SHARED_DIR");
  return std::string(v != nullptr && *v != '\0' ? v : "../shared") + "/data/dedup/docs.jsonl.gz";
}

const std::string& compressed() {
  static const std::string bytes = [] {
    std::ifstream in(path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return bytes;
}

void BM_InflateAll(benchmark::State& state) {
  if (compressed().empty()) {
    state.SkipWithError("needs ../shared/data/dedup/docs.jsonl.gz");
    return;
  }
  size_t size = 0;
  for (auto _ : state) {
    std::string out;  // fresh each time, as for every file read whole
    crosscheck::ingest::inflate_all(compressed(), crosscheck::ingest::Wrapper::kGzip,
                                    std::numeric_limits<uint64_t>::max(), out);
    benchmark::DoNotOptimize(out.data());
    size = out.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * size));
}
BENCHMARK(BM_InflateAll)->Unit(benchmark::kMillisecond);

void BM_GzipStreamPieces(benchmark::State& state) {
  if (compressed().empty()) {
    state.SkipWithError("needs ../shared/data/dedup/docs.jsonl.gz");
    return;
  }
  std::string piece;
  uint64_t total = 0;
  for (auto _ : state) {
    crosscheck::ingest::GzipStream gz(compressed());
    for (;;) {
      piece.clear();
      if (!gz.read(piece, 1 << 20)) break;
      benchmark::DoNotOptimize(piece.data());
    }
    total = gz.produced();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
}
BENCHMARK(BM_GzipStreamPieces)->Unit(benchmark::kMillisecond);

void BM_ZlibGzread(benchmark::State& state) {
  std::string out(64 << 20, '\0');
  size_t total = 0;
  for (auto _ : state) {
    gzFile f = gzopen(path().c_str(), "rb");
    if (f == nullptr) {
      state.SkipWithError("needs ../shared/data/dedup/docs.jsonl.gz");
      return;
    }
    gzbuffer(f, 1 << 18);
    total = 0;
    int n;
    while ((n = gzread(f, out.data() + total, 1 << 20)) > 0) {
      total += static_cast<size_t>(n);
      if (total + (1 << 20) > out.size()) out.resize(out.size() * 2);
    }
    gzclose(f);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
}
BENCHMARK(BM_ZlibGzread)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
