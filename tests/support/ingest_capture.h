// Test support shared by the ingest and CLI tests: capture what ingest emits, make gzip data,
// and a self-removing temporary directory.
#pragma once

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "crosscheck/ingest.h"

namespace crosscheck::testing_support {

// Everything one ingest call produced.
struct Capture {
  std::vector<RawArticle> articles;
  std::vector<Problem> problems;
  ingest::Stats stats;
};

inline Capture read(std::string_view name, std::string_view bytes, ingest::Options options = {}) {
  Capture r;
  r.stats = ingest::read_buffer(
      name, bytes, options, [&](RawArticle&& a) { r.articles.push_back(std::move(a)); },
      [&](Problem&& p) { r.problems.push_back(std::move(p)); });
  return r;
}

inline Capture read_paths(const std::vector<std::string>& inputs, ingest::Options options = {}) {
  Capture r;
  r.stats = ingest::read_inputs(
      inputs, options, [&](RawArticle&& a) { r.articles.push_back(std::move(a)); },
      [&](Problem&& p) { r.problems.push_back(std::move(p)); });
  return r;
}

// One gzip member holding `data`.
inline std::string gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  explicit TempDir(std::string_view prefix = "crosscheck_test_") {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            (std::string(prefix) + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `bytes` to `relative` (creating parent directories) and returns the full path.
  std::string write(const std::string& relative, std::string_view bytes) const {
    std::filesystem::path p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace crosscheck::testing_support
