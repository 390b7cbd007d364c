#include <gtest/gtest.h>
#include <zlib.h>

#include <set>
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

TEST(IngestJsonl, CrawlerFieldNames) {
  Result r =
      read("feed.jsonl",
           R"({"id":"a1","url":"https://www.river-post.example/flood","title":"River rises",)"
           R"("maintext":"Water rose overnight.","source_domain":"river-post.example",)"
           R"("date_publish":"2024-05-01 08:00:00","authors":["A. Writer","B. Editor"]})"
           "\n"
           R"({"id":17,"text":"Second story.","date":"2024-05-02","author":"C. Reporter"})"
           "\n");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.problems.empty());
  const RawArticle& a = r.articles[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.url, "https://www.river-post.example/flood");
  EXPECT_EQ(a.title, "River rises");
  EXPECT_EQ(a.body, "Water rose overnight.");
  EXPECT_EQ(a.source, "river-post.example");
  EXPECT_EQ(a.published, "2024-05-01 08:00:00");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"A. Writer", "B. Editor"}));
  EXPECT_EQ(a.origin, "feed.jsonl:1");
  const RawArticle& b = r.articles[1];
  EXPECT_EQ(b.id, "17");  // numeric ids become strings
  EXPECT_EQ(b.source, "unknown");
  EXPECT_EQ(b.authors, (std::vector<std::string>{"C. Reporter"}));
  EXPECT_EQ(r.stats.records, 2u);
}

TEST(IngestJsonl, FallbackIdIsFileIdAndLine) {
  Result r =
      read("dump/batch.jsonl.gz", gzip("\n{\"body\":\"x\",\"url\":\"http://a.example/\"}\n"));
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "batch:2");  // the empty first line still counts as a line
  EXPECT_EQ(r.articles[0].source, "a.example");
}

TEST(IngestJsonl, HtmlFieldWhenNoText) {
  Result r = read("h.jsonl", R"({"id":"h","html":"<p>Hi</p>","text":""})"
                             "\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(r.articles[0].is_html);
  EXPECT_EQ(r.articles[0].body, "<p>Hi</p>");
}

TEST(IngestJsonl, BadLinesAreReportedAndSkipped) {
  std::string input = R"({"id":"ok1","text":"one"})"
                      "\n"
                      "\n"
                      "   \n"
                      R"({"id":"broken","text":"unterminated)"
                      "\n"
                      R"(["an","array"])"
                      "\n"
                      R"({"id":"empty","title":"no body"})"
                      "\n"
                      R"({"id":"ok2","content":"two"})";  // no final newline: still a record
  Result r = read("mixed.jsonl", input);
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "ok1");
  EXPECT_EQ(r.articles[1].id, "ok2");
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].id, "mixed:4");
  EXPECT_EQ(r.problems[0].message.rfind("line 4: expected JSON object: ", 0), 0u)
      << r.problems[0].message;
  EXPECT_EQ(r.problems[1].id, "mixed:5");
  EXPECT_EQ(r.problems[1].message, "line 5: expected JSON object, got array");
  EXPECT_EQ(r.problems[2].id, "empty");
  EXPECT_EQ(r.problems[2].message.rfind("line 6: no text field", 0), 0u);
  for (const Problem& p : r.problems) EXPECT_EQ(p.severity, Severity::kError);
  EXPECT_EQ(r.stats.failed, 3u);
  EXPECT_EQ(r.stats.records, 2u);
}

TEST(IngestJsonl, InvalidUtf8LineIsRepairedNotDropped) {
  Result r = read("u.jsonl", "{\"id\":\"u\",\"text\":\"caf\xE9 au lait\"}\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(utf8::is_valid(r.articles[0].body));
  EXPECT_EQ(r.articles[0].body, "caf\xEF\xBF\xBD au lait");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].severity, Severity::kWarning);
  EXPECT_NE(r.problems[0].message.find("invalid UTF-8: 1 sequence replaced"), std::string::npos);
}

TEST(IngestJsonl, EscapedNulIsRepaired) {
  Result r = read("n.jsonl", R"({"id":"n","text":"a\u0000b"})"
                             "\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].body,
            "a\xEF\xBF\xBD"
            "b");
}

// Escapes decode to valid UTF-8, and a lone surrogate is an error naming the line.
TEST(IngestJsonl, EscapesDecodeToValidUtf8OrFailTheRecord) {
  Result r = read("e.jsonl",
                  R"({"id":"pair","title":"\u00e9t\u00e9","text":"smile \ud83d\ude00"})"
                  "\n"
                  R"({"id":"lone","text":"half \ud800 a pair"})"
                  "\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(r.articles[0].body, "smile \xF0\x9F\x98\x80");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].severity, Severity::kError);
  EXPECT_EQ(r.problems[0].message.rfind("line 2: ", 0), 0u) << r.problems[0].message;
}

TEST(IngestJsonl, OverlongLineIsAnError) {
  Options options;
  options.max_record_bytes = 40;
  Result r = read("l.jsonl",
                  R"({"id":"short","text":"fits"})"
                  "\n"
                  R"({"id":"long","text":"this line is longer than forty bytes"})"
                  "\n",
                  options);
  ASSERT_EQ(r.articles.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].message, "line 2: record exceeds --max-record-bytes (40 bytes)");
}

TEST(IngestJsonl, TruncatedGzipKeepsCompleteRecords) {
  std::string input;
  for (int i = 0; i < 200; ++i) {
    input += R"({"id":"r)" + std::to_string(i) + R"(","text":"record number )" +
             std::to_string(i * 7919) +
             R"("})"
             "\n";
  }
  std::string gz = gzip(input);
  Result r = read("cut.jsonl.gz", std::string_view(gz).substr(0, gz.size() / 2));
  EXPECT_GT(r.articles.size(), 10u);
  EXPECT_LT(r.articles.size(), 200u);
  for (size_t i = 0; i < r.articles.size(); ++i) {
    EXPECT_EQ(r.articles[i].id, "r" + std::to_string(i));
  }
  ASSERT_GE(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].id, "cut.jsonl.gz");
  EXPECT_EQ(r.problems[0].message.rfind("truncated gzip stream after ", 0), 0u)
      << r.problems[0].message;
  EXPECT_GE(r.stats.failed, 1u);
  // The record cut in the middle is reported, not emitted half-way.
  bool cut_reported = false;
  for (const Problem& p : r.problems) {
    cut_reported |= p.message.find("cut off by the damaged gzip stream") != std::string::npos;
  }
  EXPECT_TRUE(cut_reported);
}

// A gzip JSONL file is decoded a piece (1 MB) at a time; records, line numbers and problems must
// be those of reading the decoded file whole.
std::string many_records(int n, int bad_line, size_t pad) {
  std::string input;
  for (int i = 1; i <= n; ++i) {
    if (i == bad_line) {
      input += "{\"id\": not json}\n";
      continue;
    }
    input += R"({"id":"r)" + std::to_string(i) + R"(","text":"record )" + std::to_string(i) + " " +
             std::string(pad + i % 97, 'w') + "\"}\n";
  }
  return input;
}

TEST(IngestJsonl, GzipFileReadInPiecesGivesWhatThePlainFileGives) {
  // ~3.5 MB decoded: several pieces, records straddling every piece boundary.
  const std::string input = many_records(7000, 5001, 400);
  Result plain = read("feed.jsonl", input);
  for (const char* name : {"feed.jsonl.gz", "feed.gz", "feed"}) {  // named and sniffed
    Result zipped = read(name, gzip(input));
    ASSERT_EQ(zipped.articles.size(), plain.articles.size()) << name;
    ASSERT_EQ(zipped.articles.size(), 6999u);
    for (size_t i = 0; i < plain.articles.size(); ++i) {
      ASSERT_EQ(zipped.articles[i].id, plain.articles[i].id) << name;
      ASSERT_EQ(zipped.articles[i].body, plain.articles[i].body) << name;
    }
    EXPECT_EQ(zipped.articles.back().origin, std::string(name) + ":7000");
    ASSERT_EQ(zipped.problems.size(), 1u) << name;
    EXPECT_EQ(zipped.problems[0].message.rfind("line 5001: ", 0), 0u) << zipped.problems[0].message;
    EXPECT_EQ(zipped.stats.bytes, input.size());
  }
  // Two members (`cat a.gz b.gz`) read as one file.
  Result two = read("two.jsonl.gz", gzip(input.substr(0, 1000000)) + gzip(input.substr(1000000)));
  EXPECT_EQ(two.articles.size(), 6999u);
  EXPECT_EQ(two.articles.back().id, "r7000");
  // A last line without its newline is still a record.
  Result open_end = read("x.jsonl.gz", gzip("{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":\"b\",\"text\":\"B.\"}"));
  ASSERT_EQ(open_end.articles.size(), 2u);
  EXPECT_EQ(open_end.articles[1].id, "b");
}

TEST(IngestJsonl, GzipFileOverTheSizeLimitKeepsTheRecordsBeforeIt) {
  const std::string input = many_records(8000, 0, 400);  // ~3.6 MB decoded
  ingest::Options options;
  options.max_file_bytes = 2 << 20;
  Result r = read("big.jsonl.gz", gzip(input), options);
  EXPECT_GT(r.articles.size(), 1000u);
  EXPECT_LT(r.articles.size(), 8000u);
  for (size_t i = 0; i < r.articles.size(); ++i) ASSERT_EQ(r.articles[i].id, "r" + std::to_string(i + 1));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].message.find("--max-file-bytes"), std::string::npos) << r.problems[0].message;
  EXPECT_NE(r.problems[0].message.find("records before the limit were read"), std::string::npos);
}

TEST(IngestJsonl, GzipWithWhatIsNotJsonlInsideIsReadByItsFormat) {
  // Sniffed from the decoded start: an HTML page and a plain-text article in .gz files.
  Result html = read("page.gz", gzip("<html><head><title>T</title></head><body><p>Body text of a "
                                     "page that is long enough.</p></body></html>"));
  ASSERT_EQ(html.articles.size(), 1u);
  EXPECT_TRUE(html.articles[0].is_html);
  Result text = read("story.gz", gzip("Title: Plain\n\nA plain text article.\n"));
  ASSERT_EQ(text.articles.size(), 1u);
  EXPECT_EQ(text.articles[0].title, "Plain");
  Result empty = read("empty.jsonl.gz", gzip(""));
  EXPECT_TRUE(empty.articles.empty());
  ASSERT_EQ(empty.problems.size(), 1u);
  EXPECT_NE(empty.problems[0].message.find("empty file"), std::string::npos);
}

// read_inputs_in_blocks + read_block give what read_inputs gives: the same articles and the same
// problems (line numbers, origins), for plain and gzip files, whole and truncated, however small
// the blocks, and also when the sink hands the reader back a used buffer for the next block.
TEST(IngestJsonl, BlocksParsedLaterGiveWhatReadingInPlaceGives) {
  TempDir dir;
  const std::string input = many_records(3000, 1717, 300) + R"({"id":"last","text":"no newline"})";
  std::string gz = gzip(input);
  std::vector<std::string> paths = {dir.write("plain.jsonl", input), dir.write("z.jsonl.gz", gz),
                                    dir.write("cut.jsonl.gz", gz.substr(0, gz.size() * 2 / 3)),
                                    dir.write("sniffed", gz)};
  Result whole = read_paths(paths);
  for (size_t block_bytes : {size_t{1}, size_t{4096}, size_t{256} << 10})
  for (bool hand_back : {false, true}) {
    SCOPED_TRACE(testing::Message() << "block bytes " << block_bytes << ", hand back " << hand_back);
    std::vector<JsonlBlock> blocks;
    Result direct;  // articles and problems that did not come in blocks
    Stats stats = read_inputs_in_blocks(
        paths, Options{}, [&](RawArticle&& a) { direct.articles.push_back(std::move(a)); },
        [&](JsonlBlock& b) {
          blocks.push_back(std::move(b));
          // What a sink that recycles buffers leaves: one with room and old bytes in it.
          if (hand_back) b.bytes.assign(block_bytes + 100, '{');
        },
        [&](Problem&& p) { direct.problems.push_back(std::move(p)); }, block_bytes);
    EXPECT_TRUE(direct.articles.empty());  // all four files are JSONL
    EXPECT_GT(blocks.size(), 4u);
    Result parsed;
    for (const JsonlBlock& b : blocks) {
      read_block(
          b, Options{}, [&](RawArticle&& a) { parsed.articles.push_back(std::move(a)); },
          [&](Problem&& p) { parsed.problems.push_back(std::move(p)); });
    }
    ASSERT_EQ(parsed.articles.size(), whole.articles.size()) << block_bytes;
    for (size_t i = 0; i < whole.articles.size(); ++i) {
      ASSERT_EQ(parsed.articles[i].id, whole.articles[i].id) << block_bytes;
      ASSERT_EQ(parsed.articles[i].origin, whole.articles[i].origin) << block_bytes;
      ASSERT_EQ(parsed.articles[i].body, whole.articles[i].body) << block_bytes;
    }
    // Every problem of the whole read, once: file-level ones directly, line ones from blocks.
    std::multiset<std::string> want, got;
    for (const Problem& p : whole.problems) want.insert(p.id + " " + p.message);
    for (const Result* r : {&direct, &parsed})
      for (const Problem& p : r->problems) got.insert(p.id + " " + p.message);
    EXPECT_EQ(got, want) << block_bytes;
    EXPECT_EQ(stats.bytes, whole.stats.bytes);
  }
}

}  // namespace
}  // namespace crosscheck::ingest
