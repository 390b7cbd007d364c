// Little-endian byte writers and bounds-checked readers for the model file sections.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace crosscheck::entities {

class ByteWriter {
 public:
  explicit ByteWriter(std::string& out) : out_(out) {}
  void u8(uint8_t v) { out_.push_back(char(v)); }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(char((v >> (8 * i)) & 0xFF));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(char((v >> (8 * i)) & 0xFF));
  }
  void f32(float v) {
    uint32_t u;
    std::memcpy(&u, &v, 4);
    u32(u);
  }
  void varint(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(char((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out_.push_back(char(v));
  }
  void str(std::string_view s) {
    varint(s.size());
    out_.append(s);
  }

 private:
  std::string& out_;
};

// Every read checks the remaining length; after a failed read ok() is false and reads return 0.
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  std::string_view rest() const { return in_; }
  uint8_t u8() {
    if (!need(1)) return 0;
    uint8_t v = uint8_t(in_[0]);
    in_.remove_prefix(1);
    return v;
  }
  uint32_t u32() {
    if (!need(4)) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(uint8_t(in_[size_t(i)])) << (8 * i);
    in_.remove_prefix(4);
    return v;
  }
  uint64_t u64() {
    if (!need(8)) return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t(uint8_t(in_[size_t(i)])) << (8 * i);
    in_.remove_prefix(8);
    return v;
  }
  float f32() {
    uint32_t u = u32();
    float v;
    std::memcpy(&v, &u, 4);
    return v;
  }
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = u8();
      if (!ok_) return 0;
      v |= uint64_t(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  std::string_view str() {
    uint64_t n = varint();
    if (!need(n)) return {};
    std::string_view s = in_.substr(0, size_t(n));
    in_.remove_prefix(size_t(n));
    return s;
  }
  // Fails the reader when fewer than n bytes remain.
  bool need(uint64_t n) {
    if (!ok_ || n > in_.size()) {
      ok_ = false;
      return false;
    }
    return true;
  }

 private:
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace crosscheck::entities
