// Inflating whole buffers: gzip files (all members of a multi-member file, as .warc.gz writes one
// member per record) and the gzip/deflate Content-Encodings of HTTP bodies inside WARC records.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::ingest {

enum class Wrapper {
  kGzip,  // RFC 1952, every concatenated member
  kZlib,  // RFC 1950 (what HTTP "deflate" should be)
  kRaw,   // RFC 1951 without header (what some servers send as "deflate")
};

enum class InflateStatus {
  kOk,
  kTruncated,  // the input ended inside a stream; `out` holds what was decoded up to there
  kCorrupt,    // invalid data; `out` holds what was decoded before it
  kTooLarge,   // the output would exceed max_out; `out` is unspecified
};

struct InflateResult {
  InflateStatus status = InflateStatus::kOk;
  std::string message;        // zlib's reason for kCorrupt
  size_t trailing_bytes = 0;  // non-zero bytes after the last gzip member, ignored
};

// True when `bytes` start with the gzip magic number 1f 8b.
bool is_gzip(std::string_view bytes);

// The decoded size a gzip stream's trailer states (`tail`: its last 4 bytes, ISIZE, little
// endian: the size of the last member modulo 4 GiB), capped at what deflate can expand
// `compressed_size` bytes to (1032:1). A hint for buffer sizes, not a promise.
uint64_t stated_size(std::string_view tail, uint64_t compressed_size);

// Makes room for `size` bytes in `out` (capacity only) and, for buffers of several MB, asks the
// kernel to back them with transparent huge pages (Linux, madvise mode). Whole-file buffers are
// written once front to back: with 4 KB pages that first touch costs a page fault per 4 KB, which
// was ~20% of a `crosscheck dedup` run. A hint only: nothing changes where it is not supported.
void reserve_large(std::string& out, size_t size);

// Decodes `in` into `out` (replacing its contents), producing at most `max_out` bytes.
InflateResult inflate_all(std::string_view in, Wrapper wrapper, uint64_t max_out, std::string& out);

}  // namespace crosscheck::ingest
