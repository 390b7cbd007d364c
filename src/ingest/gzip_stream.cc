#include "src/ingest/gzip_stream.h"

#include <isa-l/igzip_lib.h>

#include <algorithm>

namespace crosscheck::ingest {
namespace {

constexpr size_t kMaxSlice = size_t{1} << 30;  // ISA-L counts input in uint32_t

const char* describe(int code) {
  switch (code) {
    case ISAL_INVALID_BLOCK:
      return "invalid deflate block";
    case ISAL_INVALID_SYMBOL:
      return "invalid deflate symbol";
    case ISAL_INVALID_LOOKBACK:
      return "invalid back-reference distance";
    case ISAL_INVALID_WRAPPER:
      return "invalid gzip header";
    case ISAL_UNSUPPORTED_METHOD:
      return "unsupported compression method";
    case ISAL_INCORRECT_CHECKSUM:
      return "incorrect checksum";
    case ISAL_NEED_DICT:
      return "stream needs a preset dictionary";
    default:
      return "decoder error";
  }
}

}  // namespace

GzipStream::GzipStream(std::string_view compressed)
    : state_(std::make_unique<inflate_state>()), in_(compressed) {
  isal_inflate_init(state_.get());
  state_->crc_flag = ISAL_GZIP;
  feed();
}

GzipStream::~GzipStream() = default;

void GzipStream::feed() {
  size_t n = std::min(in_.size() - fed_, kMaxSlice);
  state_->next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(in_.data() + fed_));
  state_->avail_in = static_cast<uint32_t>(n);
  fed_ += n;
}

size_t GzipStream::consumed() const { return fed_ - state_->avail_in; }

bool GzipStream::read(std::string& out, size_t max) {
  if (done_ || max == 0) return false;
  const size_t old = out.size();
  out.resize(old + max);
  inflate_state& st = *state_;
  st.next_out = reinterpret_cast<uint8_t*>(out.data() + old);
  st.avail_out = static_cast<uint32_t>(std::min<size_t>(max, UINT32_MAX));
  const uint32_t room = st.avail_out;
  for (;;) {
    if (st.avail_in == 0 && fed_ < in_.size()) feed();
    int r = isal_inflate(&st);
    if (r < 0 || r == ISAL_NEED_DICT) {
      status_ = InflateStatus::kCorrupt;
      message_ = describe(r);
      done_ = true;
      break;
    }
    if (st.block_state == ISAL_BLOCK_FINISH) {
      // One member done: another may follow (`cat a.gz b.gz`, .warc.gz), else trailing bytes.
      std::string_view rest = in_.substr(consumed());
      if (rest.empty()) {
        done_ = true;
        break;
      }
      if (!is_gzip(rest)) {
        trailing_ = static_cast<size_t>(
            std::count_if(rest.begin(), rest.end(), [](char c) { return c != 0; }));
        done_ = true;
        break;
      }
      const size_t at = consumed();
      isal_inflate_reset(&st);
      st.crc_flag = ISAL_GZIP;
      fed_ = at;
      feed();
      if (st.avail_out == 0) break;
      continue;
    }
    if (st.avail_out == 0) break;  // the piece is full
    if (st.avail_in == 0 && fed_ == in_.size()) {
      status_ = InflateStatus::kTruncated;  // the decoder wants more and there is none
      done_ = true;
      break;
    }
  }
  const size_t got = room - st.avail_out;
  out.resize(old + got);
  produced_ += got;
  return got > 0;
}

}  // namespace crosscheck::ingest
