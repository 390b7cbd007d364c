// GzipStream: what it decodes equals the input whatever the piece size, across members; trailing
// bytes, truncation and corruption are told apart and never crash.
#include "src/ingest/gzip_stream.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "tests/support/ingest_capture.h"

namespace crosscheck::ingest {
namespace {

using testing_support::gzip;

std::string text(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  static const char* words[] = {"river ", "flood ", "the ", "mayor ", "said ", "42 ", "rain\n"};
  std::string s;
  while (s.size() < n) s += words[rng() % 7];
  // Some incompressible bytes too, so that the stream has stored and dynamic blocks.
  for (size_t i = 0; i < n / 10; ++i) s[rng() % s.size()] = static_cast<char>(rng());
  s.resize(n);
  return s;
}

struct Decoded {
  std::string out;
  InflateStatus status = InflateStatus::kOk;
  std::string message;
  size_t trailing = 0;
  uint64_t produced = 0;
};

Decoded decode(std::string_view gz, size_t piece) {
  GzipStream s(gz);
  Decoded d;
  while (s.read(d.out, piece)) {
  }
  d.status = s.status();
  d.message = s.message();
  d.trailing = s.trailing_bytes();
  d.produced = s.produced();
  return d;
}

TEST(GzipStream, DecodesEveryPieceSizeAndEveryMember) {
  const std::string a = text(300000, 1), b = text(5000, 2), c = text(1, 3);
  const std::string gz = gzip(a) + gzip(b) + gzip("") + gzip(c);
  for (size_t piece : {size_t{1}, size_t{7}, size_t{4096}, size_t{65536}, size_t{1} << 22}) {
    Decoded d = decode(gz, piece);
    EXPECT_EQ(d.out, a + b + c) << "piece " << piece;
    EXPECT_EQ(d.status, InflateStatus::kOk);
    EXPECT_EQ(d.produced, a.size() + b.size() + c.size());
    EXPECT_EQ(d.trailing, 0u);
  }
}

TEST(GzipStream, TrailingZerosAreSilentOtherBytesCounted) {
  const std::string a = text(1000, 4);
  Decoded zeros = decode(gzip(a) + std::string(512, '\0'), 100);
  EXPECT_EQ(zeros.out, a);
  EXPECT_EQ(zeros.status, InflateStatus::kOk);
  EXPECT_EQ(zeros.trailing, 0u);
  Decoded junk = decode(gzip(a) + std::string("junk\0junk", 9), 100);
  EXPECT_EQ(junk.out, a);
  EXPECT_EQ(junk.status, InflateStatus::kOk);
  EXPECT_EQ(junk.trailing, 8u);  // the NUL in the middle is not counted
}

TEST(GzipStream, EveryTruncationIsReportedWithAPrefixOfTheData) {
  const std::string a = text(20000, 5);
  const std::string gz = gzip(a);
  for (size_t cut = 0; cut < gz.size(); cut += 1 + cut / 8) {
    Decoded d = decode(std::string_view(gz).substr(0, cut), 333);
    EXPECT_NE(d.status, InflateStatus::kOk) << "cut at " << cut;
    EXPECT_EQ(a.compare(0, d.out.size(), d.out), 0) << "cut at " << cut;
  }
}

TEST(GzipStream, DamagedBytesNeverCrashAndAreReportedUnlessHarmless) {
  const std::string a = text(20000, 6);
  const std::string gz = gzip(a);
  std::mt19937 rng(9);
  for (int trial = 0; trial < 500; ++trial) {
    std::string bad = gz;
    for (int k = 0; k < 1 + trial % 4; ++k) bad[rng() % bad.size()] ^= static_cast<char>(1 + rng() % 255);
    Decoded d = decode(bad, 1 + rng() % 5000);
    // A flip in a header field nobody checks (time stamp, OS) decodes fine; anything else that
    // changes the data is caught by the checksum at the latest.
    if (d.status == InflateStatus::kOk && d.trailing == 0) {
      EXPECT_EQ(d.out, a) << "trial " << trial;
    }
    if (d.status == InflateStatus::kCorrupt) {
      EXPECT_FALSE(d.message.empty());
    }
  }
  // Random bytes after a gzip magic number.
  for (int trial = 0; trial < 200; ++trial) {
    std::string junk = "\x1f\x8b";
    for (int k = 0; k < trial * 3; ++k) junk += static_cast<char>(rng());
    EXPECT_NE(decode(junk, 4096).status, InflateStatus::kOk) << "trial " << trial;
  }
}

}  // namespace
}  // namespace crosscheck::ingest
