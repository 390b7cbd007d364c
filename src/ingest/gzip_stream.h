// Streaming gunzip of a gzip file held in memory: the decoded bytes come a piece at a time, so a
// line-based reader can start on the first records while the rest is still compressed, and
// memory holds one piece instead of the whole decoded file. Every member of a multi-member file
// is decoded in turn; trailing bytes that are not another member end the stream (counted when
// they are not zero padding). Decoding uses ISA-L's igzip (faster than zlib's inflate and, in
// pieces, than libdeflate's whole-buffer call, which also has to fault in an output buffer the
// size of the file).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "src/ingest/gzip.h"

struct inflate_state;  // ISA-L

namespace crosscheck::ingest {

class GzipStream {
 public:
  // `compressed` must outlive the stream.
  explicit GzipStream(std::string_view compressed);
  ~GzipStream();
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  // Appends up to `max` (> 0) decoded bytes to `out`. False once the stream is over and nothing
  // was appended; status() then tells a clean end from a truncated or corrupt stream.
  bool read(std::string& out, size_t max);

  InflateStatus status() const { return status_; }  // kOk, kTruncated or kCorrupt
  const std::string& message() const { return message_; }  // why, for kCorrupt
  size_t trailing_bytes() const { return trailing_; }       // non-zero bytes after the last member
  uint64_t produced() const { return produced_; }            // decoded bytes so far

 private:
  void feed();           // hands the decoder the next slice of input (its counter is 32-bit)
  size_t consumed() const;  // input bytes the decoder has taken so far

  std::unique_ptr<inflate_state> state_;
  std::string_view in_;
  size_t fed_ = 0;  // input bytes handed to the decoder so far
  uint64_t produced_ = 0;
  InflateStatus status_ = InflateStatus::kOk;
  std::string message_;
  size_t trailing_ = 0;
  bool done_ = false;
};

}  // namespace crosscheck::ingest
