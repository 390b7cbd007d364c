// gzip / zlib / raw deflate decoding over a buffer that is already in memory: whole gzip files
// through libdeflate first (fast), everything else — and any gzip file libdeflate balks at —
// with zlib's streaming API. The output grows geometrically up to a hard cap (max_out + 1 bytes), so a decompression
// bomb costs at most the cap. A gzip file may hold several members back to back (.warc.gz writes
// one per record, `cat a.gz b.gz` makes one too): after each member ends we restart the inflater
// when more gzip data follows. "Needs more input but there is none" is a truncated stream, which
// callers treat differently from corrupt data (multi-record formats keep the records before the
// cut).
#include "src/ingest/gzip.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <limits>
#include <memory>

#include "src/core/huge_pages.h"

namespace crosscheck::ingest {
namespace {

// zlib counts in uInt; feed big inputs in slices.
constexpr size_t kMaxSlice = size_t{1} << 30;

class Inflater {
 public:
  explicit Inflater(int window_bits) { ok_ = inflateInit2(&zs_, window_bits) == Z_OK; }
  ~Inflater() {
    if (ok_) inflateEnd(&zs_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  bool ok() const { return ok_; }
  z_stream& stream() { return zs_; }

 private:
  z_stream zs_{};
  bool ok_ = false;
};

int window_bits(Wrapper w) {
  switch (w) {
    case Wrapper::kGzip:
      return 15 + 16;
    case Wrapper::kZlib:
      return 15;
    case Wrapper::kRaw:
      return -15;
  }
  return 15;
}

}  // namespace

void reserve_large(std::string& out, size_t size) {
  if (size <= out.capacity()) return;
  out.reserve(size);
  advise_huge(out.data(), out.capacity());
}

uint64_t stated_size(std::string_view tail, uint64_t compressed_size) {
  if (tail.size() < 4) return 0;
  uint64_t isize = 0;
  for (int i = 3; i >= 0; --i) isize = isize << 8 | static_cast<unsigned char>(tail[i]);
  // Deflate expands at most 1032:1, so a trailer claiming more is a lie (or a later member's).
  return std::min<uint64_t>(isize, compressed_size * 1032);
}

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

namespace {

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// Fast path for whole gzip files: libdeflate decodes a member in one call, 2-3x faster than zlib's
// streaming inflate. It needs room for the whole output up front: the last member's trailer
// (ISIZE) gives the size of a single-member file exactly, otherwise the buffer grows by doubling.
// Returns false on anything unusual — corrupt or truncated data, output over the cap — so that
// the zlib path, which reports exactly how far a damaged file got, decides.
bool inflate_gzip_fast(std::string_view in, uint64_t max_out, std::string& out, size_t* trailing) {
  thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(
      libdeflate_alloc_decompressor());
  if (!decompressor || in.size() < 18) return false;
  uint64_t guess = stated_size(in.substr(in.size() - 4), in.size());
  guess = std::max<uint64_t>({guess, 4096, uint64_t{in.size()} * 2});
  if (max_out < guess) guess = max_out;
  if (guess > out.max_size()) return false;
  reserve_large(out, static_cast<size_t>(guess));
  out.resize(static_cast<size_t>(guess));
  size_t pos = 0, produced = 0;
  for (;;) {
    size_t in_used = 0, out_used = 0;
    libdeflate_result r = libdeflate_gzip_decompress_ex(
        decompressor.get(), in.data() + pos, in.size() - pos, out.data() + produced,
        out.size() - produced, &in_used, &out_used);
    if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
      if (out.size() >= max_out) return false;  // over the cap: let zlib say so
      uint64_t grown = std::min<uint64_t>(uint64_t{out.size()} * 2, max_out);
      if (grown > out.max_size()) return false;
      reserve_large(out, static_cast<size_t>(grown));
      out.resize(static_cast<size_t>(grown));
      continue;
    }
    if (r != LIBDEFLATE_SUCCESS) return false;
    produced += out_used;
    pos += in_used;
    std::string_view rest = in.substr(pos);
    if (rest.empty()) break;
    if (is_gzip(rest)) continue;
    *trailing = static_cast<size_t>(std::count_if(rest.begin(), rest.end(), [](char c) { return c; }));
    break;
  }
  out.resize(produced);
  return true;
}

}  // namespace

InflateResult inflate_all(std::string_view in, Wrapper wrapper, uint64_t max_out,
                          std::string& out) {
  InflateResult result;
  if (wrapper == Wrapper::kGzip && inflate_gzip_fast(in, max_out, out, &result.trailing_bytes))
    return result;
  result = InflateResult{};
  out.clear();
  Inflater inflater(window_bits(wrapper));
  if (!inflater.ok()) {
    result.status = InflateStatus::kCorrupt;
    result.message = "cannot initialise zlib";
    return result;
  }
  z_stream& zs = inflater.stream();
  // The buffer may hold one byte more than allowed: producing that byte proves the limit is hit.
  const uint64_t cap = max_out == std::numeric_limits<uint64_t>::max()
                           ? std::min<uint64_t>(max_out, out.max_size())
                           : std::min<uint64_t>(max_out + 1, out.max_size());
  size_t fed = 0;       // input bytes handed to zlib so far
  size_t produced = 0;  // output bytes written so far
  auto feed = [&] {
    size_t n = std::min(in.size() - fed, kMaxSlice);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
    zs.avail_in = static_cast<uInt>(n);
    fed += n;
  };
  auto consumed = [&] { return fed - zs.avail_in; };
  feed();
  out.resize(static_cast<size_t>(std::min<uint64_t>(cap, std::max<size_t>(in.size() * 4, 4096))));
  for (;;) {
    if (zs.avail_in == 0 && fed < in.size()) feed();
    if (produced == out.size()) {
      if (produced >= cap) {
        result.status = InflateStatus::kTooLarge;
        break;
      }
      out.resize(static_cast<size_t>(std::min<uint64_t>(cap, uint64_t{out.size()} * 2)));
    }
    size_t room = std::min(out.size() - produced, kMaxSlice);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(room);
    int ret = inflate(&zs, Z_NO_FLUSH);
    produced += room - zs.avail_out;
    if (produced > max_out) {
      result.status = InflateStatus::kTooLarge;
      break;
    }
    if (ret == Z_STREAM_END) {
      if (wrapper != Wrapper::kGzip) break;
      size_t at = consumed();
      std::string_view rest = in.substr(at);
      if (rest.empty()) break;
      if (is_gzip(rest)) {
        inflateReset(&zs);
        continue;
      }
      // Trailing zeros are tape/block padding; anything else is garbage worth a mention.
      result.trailing_bytes =
          static_cast<size_t>(std::count_if(rest.begin(), rest.end(), [](char c) { return c; }));
      break;
    }
    if (ret == Z_OK) continue;
    if (ret == Z_BUF_ERROR) {
      // No progress possible: either more room or more input is needed.
      if (zs.avail_out == 0 || (zs.avail_in == 0 && fed < in.size())) continue;
      if (zs.avail_in == 0) {
        result.status = InflateStatus::kTruncated;
        break;
      }
    }
    result.status = InflateStatus::kCorrupt;
    result.message = zs.msg != nullptr ? zs.msg : "zlib error " + std::to_string(ret);
    break;
  }
  out.resize(std::min(produced, out.size()));
  if (result.status == InflateStatus::kTooLarge) out.clear();
  return result;
}

}  // namespace crosscheck::ingest
