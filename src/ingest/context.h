// Shared state of one ingest run over one input: where records and problems go, the counters, and
// the rules every reader applies before a record leaves ingest (valid UTF-8 everywhere, an outlet
// for every article).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "crosscheck/ingest.h"

namespace crosscheck::ingest {

class ReadContext {
 public:
  ReadContext(std::string_view name, const Options& options, const ArticleSink& on_article,
              const ProblemSink& on_problem, Stats& stats);

  std::string_view name() const { return name_; }          // path (or "stdin") for messages
  const std::string& file_id() const { return file_id_; }  // file_article_id(name)
  const Options& options() const { return options_; }
  Stats& stats() { return stats_; }

  // Repairs UTF-8 in every field (a warning when anything was replaced), fills the outlet from the
  // URL when the input named none, and hands the article to the sink.
  void emit(RawArticle&& article);

  // Where JSONL lines go unparsed (read_inputs_in_blocks), and the size of a block; null when
  // lines are parsed in place.
  void set_block_sink(const BlockSink* sink, size_t block_bytes) {
    block_sink_ = sink;
    block_bytes_ = block_bytes;
  }
  const BlockSink* block_sink() const { return block_sink_; }
  size_t block_bytes() const { return block_bytes_; }

  // Reports a problem; errors count in Stats::failed, warnings do not.
  void error(std::string id, std::string message);
  void warning(std::string id, std::string message);

 private:
  std::string name_;
  std::string file_id_;
  const Options& options_;
  const ArticleSink& on_article_;
  const ProblemSink& on_problem_;
  Stats& stats_;
  const BlockSink* block_sink_ = nullptr;
  size_t block_bytes_ = 0;
};

// Replaces invalid UTF-8 (and NUL bytes) in `s` with U+FFFD; returns the number of replacements.
// Cheap when `s` is already clean, which is the common case.
size_t repair_utf8(std::string& s);

}  // namespace crosscheck::ingest
