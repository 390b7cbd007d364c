// Ingest: bytes in, RawArticles out (DESIGN 4.1).
//
// Inputs are files, directories (recursed, sorted by path for determinism; inside a directory
// only files with an article extension or none are read, the others are named in a warning) or
// "-" for stdin.
// Formats: plain text (optional Title:/Source:/URL:/Date: header lines), HTML, JSONL with the common
// news-crawler field names, WARC (response records carrying HTML). gzip is decompressed
// transparently whatever the format. Every record that cannot be read becomes a Problem naming the
// record and the reason; the rest of the batch goes on.
//
//   crosscheck::ingest::Options opts;
//   crosscheck::ingest::Stats stats = crosscheck::ingest::read_inputs(
//       {"examples/"}, opts,
//       [&](crosscheck::RawArticle&& a) { articles.push_back(std::move(a)); },
//       [&](crosscheck::Problem&& p) { problems.push_back(std::move(p)); });
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/problem.h"

namespace crosscheck::ingest {

enum class Format { kAuto, kText, kHtml, kJsonl, kWarc };

// Parses "auto", "text", "html", "jsonl", "warc"; false when the name is unknown.
bool parse_format(std::string_view name, Format& out);

struct Options {
  Format format = Format::kAuto;            // kAuto: decided by extension, then by content
  uint64_t max_file_bytes = 512ull << 20;   // larger files (after decompression) are rejected
  uint64_t max_record_bytes = 64ull << 20;  // larger JSONL lines / WARC records are rejected
  // Regular files of 256 KB and more are mapped into memory rather than read into a buffer
  // (faster: no copy, no fresh pages to clear before the first record). The caveat of any
  // mapping: a file another process truncates while it is being read ends the process with
  // SIGBUS instead of a per-file error. false: always read (inputs that may shrink under us).
  bool map_files = true;
};

struct Stats {
  uint64_t files = 0;                // files opened (stdin counts as one)
  uint64_t bytes = 0;                // bytes read after decompression
  uint64_t records = 0;              // RawArticles emitted
  uint64_t failed = 0;               // records or files reported as errors
  uint64_t warc_skipped = 0;         // WARC records that are not HTML responses (counted, not errors)
  uint64_t skipped_files = 0;        // files in directories with a non-article extension (warned)
};

using ArticleSink = std::function<void(RawArticle&&)>;
using ProblemSink = std::function<void(Problem&&)>;

// Reads every input in order. Never throws on bad input; problems go to `on_problem`.
Stats read_inputs(const std::vector<std::string>& inputs, const Options& options,
                  const ArticleSink& on_article, const ProblemSink& on_problem);

// Bytes the named input files hold after decompression, as far as known before reading them:
// a file's size, or for a gzip file the size its trailer states. Directories and stdin count 0
// (an estimate for sizing buffers and indexes, so erring low is the safe side).
uint64_t expected_bytes(const std::vector<std::string>& inputs);

// JSONL lines handed over unparsed, so that a caller can parse blocks on several threads while the
// reader decodes on. A block holds complete lines of one file, in order; parse it with
// read_block.
struct JsonlBlock {
  std::string name;           // the file (as read_inputs names it in origins and messages)
  std::string bytes;          // complete lines (the last may lack its newline at the end of a file)
  uint64_t lines_before = 0;  // lines of the file before this block
  bool truncated = false;     // the file's data ends inside this block's last line (damaged gzip)
};
// The sink takes the block's contents (moves or swaps them out). Whatever string it leaves in
// `bytes` the reader clears and decodes the next block into: a sink that swaps in the buffer of
// a block it is done with lets the reader go on without allocating (and without freeing, on
// its thread, memory the sink's threads will allocate again).
using BlockSink = std::function<void(JsonlBlock& block)>;

// read_inputs, except that the lines of JSONL files go to `on_block` in blocks of about
// `block_bytes` instead of being parsed here. Every other format, and every problem with a whole
// file, comes as from read_inputs, in input order relative to the blocks.
Stats read_inputs_in_blocks(const std::vector<std::string>& inputs, const Options& options,
                            const ArticleSink& on_article, const BlockSink& on_block,
                            const ProblemSink& on_problem, size_t block_bytes = 256 << 10);

// Parses a block: the articles and problems read_inputs gives for those lines, with the same line
// numbers and origins. Safe to call on several threads at once.
Stats read_block(const JsonlBlock& block, const Options& options, const ArticleSink& on_article,
                 const ProblemSink& on_problem);

// Reads one in-memory buffer as if it were a file called `name` (decompressing gzip when the
// bytes start with the gzip magic). Used by read_inputs and by tests and fuzzers.
Stats read_buffer(std::string_view name, std::string_view bytes, const Options& options,
                  const ArticleSink& on_article, const ProblemSink& on_problem);

// Article id of a file per DESIGN 4.1: base name with one compression suffix (.gz .zst .bz2) and
// then one format suffix (.txt .html .htm .json .jsonl .warc) removed.
std::string file_article_id(std::string_view path);

// Outlet from a URL: the host without "www." (and without port); empty when there is no host.
std::string outlet_from_url(std::string_view url);

}  // namespace crosscheck::ingest
