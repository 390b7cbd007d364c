#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "crosscheck/ingest.h"
#include "tests/support/ingest_capture.h"
#include "crosscheck/utf8.h"

namespace crosscheck::ingest {
namespace {

using testing_support::gzip;
using testing_support::read;
using testing_support::read_paths;
using testing_support::TempDir;
using Result = testing_support::Capture;

// One WARC record; `length_delta` falsifies the Content-Length.
std::string record(std::string_view type, std::string_view uuid, std::string_view uri,
                   std::string_view block, long length_delta = 0) {
  std::string r = "WARC/1.0\r\n";
  r += "WARC-Type: " + std::string(type) + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:" + std::string(uuid) + ">\r\n";
  r += "WARC-Date: 2024-06-01T10:00:00Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "Content-Type: application/http; msgtype=response\r\n";
  r += "Content-Length: " + std::to_string(static_cast<long>(block.size()) + length_delta) + "\r\n";
  r += "\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string http(std::string_view content_type, std::string_view body,
                 std::string_view extra_headers = "", int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) +
         " OK\r\nContent-Type: " + std::string(content_type) + "\r\n" + std::string(extra_headers) +
         "\r\n" + std::string(body);
}

const char kPage[] = "<html><body><p>Harbour reopens</p></body></html>";

TEST(IngestWarc, HtmlResponsesBecomeArticles) {
  std::string warc = record("warcinfo", "info-1", "", "software: test\r\n") +
                     record("request", "req-1", "https://www.port.example/a",
                            "GET /a HTTP/1.1\r\nHost: www.port.example\r\n\r\n") +
                     record("response", "11111111-aaaa", "https://www.port.example/a",
                            http("text/html; charset=utf-8", kPage)) +
                     record("response", "img-1", "https://www.port.example/logo.png",
                            http("image/png", "\x89PNG\r\n\x1a\n")) +
                     record("metadata", "meta-1", "https://www.port.example/a", "fetchTimeMs: 3");
  Result r = read("crawl.warc", warc);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(r.problems.empty());
  const RawArticle& a = r.articles[0];
  EXPECT_EQ(a.id, "11111111-aaaa");
  EXPECT_EQ(a.url, "https://www.port.example/a");
  EXPECT_EQ(a.source, "port.example");
  EXPECT_EQ(a.published, "2024-06-01T10:00:00Z");
  EXPECT_EQ(a.body, kPage);
  EXPECT_EQ(a.charset, "utf-8");
  EXPECT_TRUE(a.is_html);
  EXPECT_EQ(r.stats.warc_skipped, 4u);
  EXPECT_EQ(r.stats.records, 1u);
}

TEST(IngestWarc, CharsetChunkedAndGzipBodies) {
  std::string latin1 = "<p>Caf\xE9 \x93quoted\x94</p>";
  std::string chunked = "10\r\n<p>chunked body \r\n7\r\ntext</p\r\n1\r\n>\r\n0\r\n\r\n";
  std::string gz = gzip("<p>compressed body</p>");
  std::string warc = record("response", "cp1252", "http://a.example/1",
                            http("text/html; charset=windows-1252", latin1)) +
                     record("response", "chunked", "http://a.example/2",
                            http("text/html", chunked, "Transfer-Encoding: chunked\r\n")) +
                     record("response", "gzipped", "http://a.example/3",
                            http("application/xhtml+xml", gz, "Content-Encoding: gzip\r\n")) +
                     record("response", "meta", "http://a.example/4",
                            http("text/html", "<meta charset=\"iso-8859-1\"><p>na\xEFve</p>"));
  Result r = read("bodies.warc", warc);
  ASSERT_EQ(r.articles.size(), 4u);
  EXPECT_TRUE(r.problems.empty()) << r.problems[0].message;
  EXPECT_EQ(r.articles[0].body, "<p>Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D</p>");
  EXPECT_EQ(r.articles[0].charset, "windows-1252");
  EXPECT_EQ(r.articles[1].body, "<p>chunked body text</p>");
  EXPECT_EQ(r.articles[2].body, "<p>compressed body</p>");
  EXPECT_EQ(r.articles[3].body, "<meta charset=\"iso-8859-1\"><p>na\xC3\xAFve</p>");
}

std::string deflate_raw(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(IngestWarc, ContentEncodings) {
  std::string warc =
      record("response", "raw-deflate", "http://a.example/1",
             http("text/html", deflate_raw("<p>deflated</p>"), "Content-Encoding: deflate\r\n")) +
      record("response", "brotli", "http://a.example/2",
             http("text/html", "\x1b\x03\x00", "Content-Encoding: br\r\n")) +
      record("response", "stored-decoded", "http://a.example/3",
             http("text/html", "<p>already plain</p>", "Content-Encoding: gzip\r\n")) +
      record(
          "response", "bad-gzip", "http://a.example/4",
          http("text/html", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff\xff", 13),
               "Content-Encoding: gzip\r\n")) +
      record("response", "empty", "http://a.example/5", http("text/html", " \r\n"));
  Result r = read("enc.warc", warc);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].body, "<p>deflated</p>");
  EXPECT_EQ(r.articles[1].body, "<p>already plain</p>");
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].id, "brotli");
  EXPECT_EQ(r.problems[0].message, "unsupported Content-Encoding: br");
  EXPECT_EQ(r.problems[1].id, "bad-gzip");
  EXPECT_EQ(r.problems[1].message.rfind("corrupt gzip body: ", 0), 0u) << r.problems[1].message;
  EXPECT_EQ(r.problems[2].id, "empty");
  EXPECT_EQ(r.problems[2].message, "empty HTML body");
  EXPECT_EQ(r.stats.failed, 3u);
}

TEST(IngestWarc, NonSuccessResponsesAreSkipped) {
  std::string warc = record("response", "redirect", "http://a.example/",
                            http("text/html", "<a href=/x>moved</a>", "Location: /x\r\n", 301));
  Result r = read("r.warc", warc);
  EXPECT_TRUE(r.articles.empty());
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.stats.warc_skipped, 1u);
}

TEST(IngestWarc, WrongContentLengthIsReportedAndResynchronised) {
  std::string body = http("text/html", kPage);
  std::string warc = record("response", "first", "http://a.example/1", body) +
                     record("response", "too-short", "http://a.example/2", body, -7) +
                     record("response", "third", "http://a.example/3", body) +
                     record("response", "too-long", "http://a.example/4", body, +30) +
                     record("response", "fifth", "http://a.example/5", body) +
                     record("response", "past-end", "http://a.example/6", body, +5000);
  Result r = read("lengths.warc", warc);
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].id, "first");
  EXPECT_EQ(r.articles[1].id, "third");
  EXPECT_EQ(r.articles[2].id, "fifth");
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].id, "too-short");
  EXPECT_NE(r.problems[0].message.find("does not end at a record boundary"), std::string::npos);
  EXPECT_EQ(r.problems[1].id, "too-long");
  EXPECT_NE(r.problems[1].message.find("does not end at a record boundary"), std::string::npos);
  EXPECT_EQ(r.problems[2].id, "past-end");
  EXPECT_NE(r.problems[2].message.find("runs past the end of the input"), std::string::npos);
  EXPECT_EQ(r.stats.failed, 3u);
}

TEST(IngestWarc, GarbageBeforeARecordIsReportedByOffset) {
  std::string warc =
      "garbage line\r\n" + record("response", "ok", "http://a.example/", http("text/html", kPage));
  Result r = read("g.warc", warc);
  ASSERT_EQ(r.articles.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].id, "g@0");
  EXPECT_EQ(r.problems[0].message, "offset 0: expected a WARC/1.x record header");
}

TEST(IngestWarc, MultiMemberGzipReadsEveryMember) {
  std::string gz;
  for (int i = 0; i < 5; ++i) {
    gz += gzip(record("response", "rec-" + std::to_string(i), "http://a.example/",
                      http("text/html", kPage)));
  }
  Result r = read("members.warc.gz", gz);
  ASSERT_EQ(r.articles.size(), 5u);
  EXPECT_EQ(r.articles[4].id, "rec-4");
  EXPECT_TRUE(r.problems.empty());

  // Cut inside the last member: the first four survive, the cut is reported.
  Result cut = read("members.warc.gz", std::string_view(gz).substr(0, gz.size() - 20));
  EXPECT_EQ(cut.articles.size(), 4u);
  ASSERT_GE(cut.problems.size(), 1u);
  EXPECT_EQ(cut.problems[0].message.rfind("truncated gzip stream after ", 0), 0u);
}

TEST(IngestWarc, SniffedWithoutExtension) {
  Result r =
      read("download.bin", record("response", "s", "http://a.example/", http("text/html", kPage)));
  EXPECT_EQ(r.articles.size(), 1u);
}

}  // namespace
}  // namespace crosscheck::ingest
