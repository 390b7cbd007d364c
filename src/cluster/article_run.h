// Article runs: sorted articles spilled to a temporary file, and read back one at a time — the
// external part of PublicationSort (a pile larger than the memory it may hold).
//
// The file is created under a directory (mkstemp) and unlinked at once: only the open descriptor
// keeps it, so it is gone when the run is closed or the process ends, even when it is killed.
// The format is private to one process and one build (host byte order, no versioning): a record
// is the sort key (day, sequence) and every field of the Article, strings as a length and bytes.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "src/cluster/order_key.h"

namespace crosscheck::cluster {

class ArticleRun {
 public:
  ArticleRun() = default;
  ~ArticleRun();
  ArticleRun(ArticleRun&& other) noexcept;
  ArticleRun& operator=(ArticleRun&& other) noexcept;
  ArticleRun(const ArticleRun&) = delete;
  ArticleRun& operator=(const ArticleRun&) = delete;

  // A new, empty run in `directory`. On failure returns false and says why in `error`.
  bool create(const std::string& directory, std::string* error);

  // Appends one record (records must come in ascending key order; not checked).
  bool write(const KeyedArticle& record, std::string* error);

  // Ends writing and goes back to the start for reading.
  bool rewind(std::string* error);

  // The next record; false at the end (`error` empty) or on a failure (`error` says why).
  bool read(KeyedArticle* record, std::string* error);

  size_t records() const { return records_; }

 private:
  void close();

  std::FILE* file_ = nullptr;
  std::string directory_;  // for messages
  size_t records_ = 0;
};

}  // namespace crosscheck::cluster
