// Entry points of ingest: turning paths, directories and stdin into byte buffers, and a buffer into
// records. Everything that can go wrong with a whole file -- it cannot be opened, is empty, too
// big, binary, or a broken gzip stream -- is decided here, once for all formats, before a format
// reader sees the bytes.
//
// Files are read whole — regular files of 256 KB and more mapped rather than read, unless
// Options::map_files is off (mapped_file.h) — capped by Options::max_file_bytes, checked on the
// size on disk and again while inflating, so a gzip bomb stops at the cap. A gzip JSONL file is
// decoded a piece at a time, its records read as each piece arrives; other gzip files are decoded
// whole. A truncated or corrupt gzip stream is an error either way; for multi-record formats
// (JSONL, WARC) the records decoded before the damage are still read, for single-article files
// (text, HTML) the partial article is rejected.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "crosscheck/ingest.h"
#include "src/ingest/charset.h"
#include "src/ingest/context.h"
#include "src/ingest/format.h"
#include "src/ingest/gzip.h"
#include "src/ingest/gzip_stream.h"
#include "src/ingest/mapped_file.h"
#include "src/ingest/readers.h"

namespace crosscheck::ingest {
namespace {

namespace fs = std::filesystem;

std::string too_large(uint64_t limit) {
  return "file exceeds --max-file-bytes (" + std::to_string(limit) + " bytes)";
}

bool is_zstd(std::string_view b) { return b.substr(0, 4) == "\x28\xB5\x2F\xFD"; }
bool is_bzip2(std::string_view b) {
  return b.size() >= 4 && b.substr(0, 3) == "BZh" && b[3] >= '1' && b[3] <= '9';
}

constexpr size_t kStreamPiece = size_t{1} << 20;  // decoded bytes per piece of a gzip JSONL file

// Why the decoded data of a gzip file stops early (status kTruncated or kCorrupt), said the same
// way whether the file was decoded whole or in pieces.
std::string gzip_damage(InflateStatus status, uint64_t produced, const std::string& message) {
  if (status == InflateStatus::kTruncated)
    return "truncated gzip stream after " + std::to_string(produced) + " bytes";
  return "corrupt gzip stream after " + std::to_string(produced) + " bytes: " + message;
}

void warn_trailing_bytes(ReadContext& ctx, uint64_t trailing) {
  if (trailing == 0) return;
  ctx.warning(std::string(ctx.name()), "ignored " + std::to_string(trailing) +
                                           " bytes of trailing garbage after the gzip stream");
}

// Newlines in `s`: memchr finds them at memory speed (lines are long), where a byte loop at -O2
// costs ~0.4 ms per MB on the reader thread.
uint64_t count_newlines(std::string_view s) {
  uint64_t n = 0;
  for (const char* p = s.data(); (p = static_cast<const char*>(
                                      std::memchr(p, '\n', s.data() + s.size() - p))) != nullptr;
       ++p) {
    ++n;
  }
  return n;
}

// Hands complete JSONL lines of the file being read, starting after line `line` (updated), to the
// block sink. `lines` comes back as the (cleared) buffer the sink left, for the next block.
void emit_block(ReadContext& ctx, std::string& lines, bool truncated, uint64_t& line) {
  JsonlBlock block;
  block.name = std::string(ctx.name());
  block.bytes.swap(lines);
  block.lines_before = line;
  block.truncated = truncated;
  line += count_newlines(block.bytes);
  if (!block.bytes.empty() && block.bytes.back() != '\n') ++line;  // last line, no newline
  (*ctx.block_sink())(block);
  lines.swap(block.bytes);
  lines.clear();
}

// JSONL lines of the file being read, starting after line `line` (updated): parsed here, or cut
// into blocks of whole lines for the block sink. `truncated`: the data ends inside its last line.
void jsonl_lines(ReadContext& ctx, std::string_view lines, bool truncated, uint64_t& line) {
  const BlockSink* sink = ctx.block_sink();
  if (sink == nullptr) {
    line = read_jsonl(ctx, lines, truncated, line);
    return;
  }
  std::string buffer;  // each block's bytes, in the buffer the sink gave back for the last one
  while (!lines.empty()) {
    size_t cut = lines.size();
    if (cut > ctx.block_bytes()) {
      // The last newline within the block size, else the first one after it (a long line).
      const char* nl = static_cast<const char*>(memrchr(lines.data(), '\n', ctx.block_bytes()));
      if (nl == nullptr) {
        nl = static_cast<const char*>(std::memchr(lines.data() + ctx.block_bytes(), '\n',
                                                  lines.size() - ctx.block_bytes()));
      }
      if (nl != nullptr) cut = static_cast<size_t>(nl - lines.data()) + 1;
    }
    buffer.assign(lines.data(), cut);
    lines.remove_prefix(cut);
    emit_block(ctx, buffer, truncated && lines.empty(), line);
  }
}

// A gzip file of JSONL, decoded a piece at a time: the records of each piece are read (and
// handed on) before the next piece is decoded, so the consumer starts at once and memory holds a
// piece, not the decoded file. The checks are those of the whole-file path below, in the same
// words. False, with nothing reported, when the decoded start shows the file is not JSONL (the
// caller then reads it whole).
bool read_gzip_jsonl(ReadContext& ctx, std::string_view bytes, Format format) {
  const Options& options = ctx.options();
  const std::string path(ctx.name());
  GzipStream gz(bytes);
  std::string piece;
  std::string carry;  // with a block sink: the line cut by the end of a piece
  gz.read(piece, ctx.block_sink() != nullptr ? ctx.block_bytes() : kStreamPiece);
  if (format == Format::kAuto) {
    if (gz.status() == InflateStatus::kOk && gz.produced() == 0) return false;  // empty: as before
    if (sniff_format(piece) != Format::kJsonl) return false;
  }
  if (charset_from_bom(piece).rfind("utf-16", 0) != 0 && looks_binary(piece)) {
    ctx.error(path, "binary content, not text");
    return true;
  }
  uint64_t line = 0;
  size_t scanned = 0;  // bytes of `piece` known to hold no newline
  // With a block sink, each piece's complete lines become one block (the piece is handed over,
  // not copied), so pieces are block-sized.
  const size_t piece_bytes = ctx.block_sink() != nullptr ? ctx.block_bytes() : kStreamPiece;
  for (;;) {
    if (gz.produced() > options.max_file_bytes) {
      ctx.error(path, too_large(options.max_file_bytes) + "; records before the limit were read");
      return true;
    }
    // Complete lines go to the reader now; a line cut by the end of the piece waits for more.
    const char* nl = static_cast<const char*>(
        memrchr(piece.data() + scanned, '\n', piece.size() - scanned));
    if (nl != nullptr) {
      size_t complete = static_cast<size_t>(nl - piece.data()) + 1;
      if (ctx.block_sink() != nullptr) {
        // The piece becomes the block; the cut line goes on in the buffer the sink gave back.
        carry.assign(piece, complete);
        piece.resize(complete);
        emit_block(ctx, piece, false, line);
        piece.append(carry);
      } else {
        line = read_jsonl(ctx, std::string_view(piece).substr(0, complete), false, line);
        piece.erase(0, complete);
      }
    }
    scanned = piece.size();
    if (!gz.read(piece, piece_bytes)) break;
  }
  ctx.stats().bytes += gz.produced();
  warn_trailing_bytes(ctx, gz.trailing_bytes());
  if (gz.status() == InflateStatus::kOk) {
    if (gz.produced() == 0) {
      ctx.error(path, "empty file (after decompression)");
    } else {
      jsonl_lines(ctx, piece, false, line);  // a last line without its newline
    }
    return true;
  }
  ctx.error(path, gzip_damage(gz.status(), gz.produced(), gz.message()) +
                      "; records before the damage were read");
  jsonl_lines(ctx, piece, true, line);
  return true;
}

// Reads one buffer (a file's bytes) into records; the core of read_buffer and read_inputs.
void read_bytes(ReadContext& ctx, std::string_view bytes) {
  const Options& options = ctx.options();
  const std::string path(ctx.name());
  ++ctx.stats().files;
  if (bytes.empty()) {
    ctx.error(path, "empty file");
    return;
  }
  if (is_zstd(bytes) || is_bzip2(bytes)) {
    ctx.error(path, std::string(is_zstd(bytes) ? "zstd" : "bzip2") +
                        "-compressed input is not supported (decompress it first)");
    return;
  }

  if (is_gzip(bytes)) {
    Format named = options.format != Format::kAuto ? options.format : format_from_name(path);
    if ((named == Format::kJsonl || named == Format::kAuto) && read_gzip_jsonl(ctx, bytes, named))
      return;
  }
  std::string inflated;
  std::string_view data = bytes;
  std::string damage;  // why the decompressed data is incomplete, if it is
  if (is_gzip(bytes)) {
    InflateResult r = inflate_all(bytes, Wrapper::kGzip, options.max_file_bytes, inflated);
    switch (r.status) {
      case InflateStatus::kOk:
        break;
      case InflateStatus::kTooLarge:
        ctx.error(path, too_large(options.max_file_bytes));
        return;
      case InflateStatus::kTruncated:
      case InflateStatus::kCorrupt:
        damage = gzip_damage(r.status, inflated.size(), r.message);
        break;
    }
    warn_trailing_bytes(ctx, r.trailing_bytes);
    data = inflated;
  } else if (bytes.size() > options.max_file_bytes) {
    ctx.error(path, too_large(options.max_file_bytes));
    return;
  }
  ctx.stats().bytes += data.size();

  Format format = options.format;
  if (format == Format::kAuto) format = format_from_name(path);
  if (format == Format::kAuto) format = sniff_format(data);
  const bool multi_record = format == Format::kJsonl || format == Format::kWarc;

  if (!damage.empty()) {
    if (!multi_record) {
      ctx.error(path, damage + "; partial " + format_name(format) + " file rejected");
      return;
    }
    ctx.error(path, damage + "; records before the damage were read");
  } else if (data.empty()) {
    ctx.error(path, "empty file (after decompression)");
    return;
  }
  // WARC payloads are legitimately binary; UTF-16 text is full of NULs but announced by its BOM.
  if (format != Format::kWarc && charset_from_bom(data).rfind("utf-16", 0) != 0 &&
      looks_binary(data)) {
    ctx.error(path, "binary content, not text");
    return;
  }
  switch (format) {
    case Format::kText:
      read_text(ctx, data);
      break;
    case Format::kHtml:
      read_html(ctx, data);
      break;
    case Format::kJsonl: {
      uint64_t line = 0;
      jsonl_lines(ctx, data, !damage.empty(), line);
      break;
    }
    case Format::kWarc:
      read_warc(ctx, data, !damage.empty());
      break;
    case Format::kAuto:
      break;  // unreachable: sniff_format always decides
  }
}

// Reads a whole file descriptor, at most `limit` + 1 bytes (one more proves the limit is hit).
bool read_fd(int fd, uint64_t size_hint, uint64_t limit, std::string& out, int& err) {
  limit = std::min<uint64_t>(limit, uint64_t{1} << 48);  // keeps limit + 1 and the sizes sane
  out.clear();
  const size_t first = static_cast<size_t>(std::min<uint64_t>(size_hint + 1, limit + 1)) + 1;
  reserve_large(out, first);
  out.resize(first);
  size_t have = 0;
  for (;;) {
    if (have == out.size()) {
      if (have > limit) break;
      out.resize(
          static_cast<size_t>(std::min<uint64_t>(uint64_t{out.size()} * 2 + 65536, limit + 1)));
      if (have == out.size()) break;
    }
    ssize_t n = ::read(fd, out.data() + have, out.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      return false;
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  out.resize(have);
  return true;
}

// Where the contexts of one read_inputs call send JSONL lines (null: parsed in place).
struct Blocks {
  const BlockSink* sink = nullptr;
  size_t bytes = 0;
};

// Regular files from this size on are mapped, not read into a buffer (mapped_file.h says why);
// smaller ones cost less to read than to map.
constexpr uint64_t kMapBytes = 256 << 10;

void read_path(const std::string& path, const Options& options, const ArticleSink& on_article,
               const ProblemSink& on_problem, Stats& stats, Blocks blocks) {
  ReadContext ctx(path, options, on_article, on_problem, stats);
  ctx.set_block_sink(blocks.sink, blocks.bytes);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    ctx.error(path, std::string("cannot open: ") + std::strerror(errno));
    return;
  }
  struct stat st {};
  uint64_t size_hint = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    size_hint = static_cast<uint64_t>(st.st_size);
    if (size_hint > options.max_file_bytes) {
      ::close(fd);
      ctx.error(path, too_large(options.max_file_bytes));
      return;
    }
  } else if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    ctx.error(path, "cannot read: is a directory");
    return;
  }
  if (options.map_files && S_ISREG(st.st_mode) && size_hint >= kMapBytes) {
    MappedFile mapped(fd, static_cast<size_t>(size_hint));
    if (mapped.ok()) {
      ::close(fd);
      read_bytes(ctx, mapped.bytes());
      return;
    }
  }
  std::string bytes;
  int err = 0;
  bool ok = read_fd(fd, size_hint, options.max_file_bytes, bytes, err);
  ::close(fd);
  if (!ok) {
    ctx.error(path, std::string("cannot read: ") + std::strerror(err));
    return;
  }
  if (bytes.size() > options.max_file_bytes) {
    ctx.error(path, too_large(options.max_file_bytes));
    return;
  }
  read_bytes(ctx, bytes);
}

// Article files under `dir`, recursively, skipping hidden entries, sorted for determinism.
// Files with a non-article extension go to `skipped`.
std::vector<std::string> list_directory(const std::string& dir, ReadContext& ctx,
                                        std::vector<std::string>& skipped) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    ctx.error(dir, "cannot read directory: " + ec.message());
    return files;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      std::error_code dir_ec;
      if (it->is_directory(dir_ec)) it.disable_recursion_pending();
      continue;
    }
    std::error_code file_ec;
    if (!it->is_regular_file(file_ec)) continue;
    // Inside a directory only files that name an article format (or have no extension) are
    // read: a README or an image next to the articles is skipped, counted and named in one
    // warning. A file given explicitly on the command line is always read.
    if (format_from_name(name) == Format::kAuto && p.has_extension() &&
        !is_compression_name(name)) {
      skipped.push_back(p.string());
      continue;
    }
    files.push_back(p.string());
  }
  if (ec) ctx.error(dir, "cannot read directory: " + ec.message());
  std::sort(files.begin(), files.end());
  std::sort(skipped.begin(), skipped.end());
  return files;
}

std::string describe_skipped(const std::vector<std::string>& skipped) {
  std::string names;
  for (size_t i = 0; i < skipped.size() && i < 3; ++i) {
    if (i) names += ", ";
    names += fs::path(skipped[i]).filename().string();
  }
  if (skipped.size() > 3) names += ", ...";
  return "skipped " + std::to_string(skipped.size()) +
         " file(s) whose extension is not an article format (" + names +
         "); name a file explicitly (with --format) to read it";
}

}  // namespace

Stats read_buffer(std::string_view name, std::string_view bytes, const Options& options,
                  const ArticleSink& on_article, const ProblemSink& on_problem) {
  Stats stats;
  ReadContext ctx(name, options, on_article, on_problem, stats);
  read_bytes(ctx, bytes);
  return stats;
}

namespace {

Stats read_all(const std::vector<std::string>& inputs, const Options& options,
               const ArticleSink& on_article, const ProblemSink& on_problem, Blocks blocks) {
  Stats stats;
  for (const std::string& input : inputs) {
    if (input == "-") {
      ReadContext ctx("stdin", options, on_article, on_problem, stats);
      ctx.set_block_sink(blocks.sink, blocks.bytes);
      std::string bytes;
      int err = 0;
      if (!read_fd(STDIN_FILENO, 1 << 20, options.max_file_bytes, bytes, err)) {
        ctx.error("stdin", std::string("cannot read: ") + std::strerror(err));
      } else if (bytes.size() > options.max_file_bytes) {
        ctx.error("stdin", too_large(options.max_file_bytes));
      } else {
        read_bytes(ctx, bytes);
      }
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      ReadContext ctx(input, options, on_article, on_problem, stats);
      std::vector<std::string> skipped;
      std::vector<std::string> files = list_directory(input, ctx, skipped);
      stats.skipped_files += skipped.size();
      if (!skipped.empty()) ctx.warning(input, describe_skipped(skipped));
      if (files.empty()) ctx.warning(input, "directory holds no readable files");
      for (const std::string& file : files)
        read_path(file, options, on_article, on_problem, stats, blocks);
    } else {
      read_path(input, options, on_article, on_problem, stats, blocks);
    }
  }
  return stats;
}

}  // namespace

uint64_t expected_bytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || !fs::is_regular_file(input, ec)) continue;
    uint64_t size = fs::file_size(input, ec);
    if (ec) continue;
    std::FILE* f = size >= 18 ? std::fopen(input.c_str(), "rb") : nullptr;
    if (f == nullptr) {
      total += size;
      continue;
    }
    char head[2] = {0, 0}, tail[4] = {0, 0, 0, 0};
    bool gz = std::fread(head, 1, 2, f) == 2 && is_gzip(std::string_view(head, 2)) &&
              std::fseek(f, -4, SEEK_END) == 0 && std::fread(tail, 1, 4, f) == 4;
    std::fclose(f);
    total += gz ? stated_size(std::string_view(tail, 4), size) : size;
  }
  return total;
}

Stats read_inputs(const std::vector<std::string>& inputs, const Options& options,
                  const ArticleSink& on_article, const ProblemSink& on_problem) {
  return read_all(inputs, options, on_article, on_problem, Blocks{});
}

Stats read_inputs_in_blocks(const std::vector<std::string>& inputs, const Options& options,
                            const ArticleSink& on_article, const BlockSink& on_block,
                            const ProblemSink& on_problem, size_t block_bytes) {
  return read_all(inputs, options, on_article, on_problem,
                  Blocks{&on_block, block_bytes == 0 ? 1 : block_bytes});
}

Stats read_block(const JsonlBlock& block, const Options& options, const ArticleSink& on_article,
                 const ProblemSink& on_problem) {
  Stats stats;
  ReadContext ctx(block.name, options, on_article, on_problem, stats);
  read_jsonl(ctx, block.bytes, block.truncated, block.lines_before);
  return stats;
}

}  // namespace crosscheck::ingest
