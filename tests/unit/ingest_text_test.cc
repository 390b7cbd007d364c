#include <gtest/gtest.h>

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

TEST(IngestText, HeadersThenBody) {
  Result r = read("stories/harbour.txt",
                  "Title: Ferry service resumes after storm\n"
                  "source: Coastal Gazette\n"
                  "URL: https://www.coastal-gazette.example/ferry\n"
                  "DATE: 2024-03-02\n"
                  "\n"
                  "The ferry between the two islands ran again on Saturday.\n\nCrews had worked "
                  "through the night.\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(r.problems.empty());
  const RawArticle& a = r.articles[0];
  EXPECT_EQ(a.id, "harbour");
  EXPECT_EQ(a.title, "Ferry service resumes after storm");
  EXPECT_EQ(a.source, "Coastal Gazette");  // explicit beats the URL's host
  EXPECT_EQ(a.url, "https://www.coastal-gazette.example/ferry");
  EXPECT_EQ(a.published, "2024-03-02");
  EXPECT_EQ(a.body,
            "The ferry between the two islands ran again on Saturday.\n\nCrews had worked through "
            "the night.\n");
  EXPECT_FALSE(a.is_html);
  EXPECT_EQ(a.origin, "stories/harbour.txt");
  EXPECT_EQ(r.stats.files, 1u);
  EXPECT_EQ(r.stats.records, 1u);
  EXPECT_EQ(r.stats.failed, 0u);
}

TEST(IngestText, NoHeadersMeansNoTitle) {
  Result r = read("plain.txt", "The council met on Tuesday.\nDate: not a header here\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "");
  EXPECT_EQ(r.articles[0].published, "");
  EXPECT_EQ(r.articles[0].source, "unknown");
  EXPECT_EQ(r.articles[0].body, "The council met on Tuesday.\nDate: not a header here\n");
}

TEST(IngestText, SourceFallsBackToUrlHost) {
  Result r = read("a.txt", "URL: https://www.valley-news.example/x\n\nBody text.\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].source, "valley-news.example");
}

TEST(IngestText, CrlfHeadersAndBom) {
  Result r =
      read("b.txt", "\xEF\xBB\xBFTitle: Bridge opens\r\nSource: Town Crier\r\n\r\nIt opened.\r\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Bridge opens");
  EXPECT_EQ(r.articles[0].source, "Town Crier");
  EXPECT_EQ(r.articles[0].body, "It opened.\r\n");
}

TEST(IngestText, RepeatedKeyOrNonHeaderEndsTheBlock) {
  Result r = read("c.txt", "Title: First\nTitle: Second line is body\nmore body\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "First");
  EXPECT_EQ(r.articles[0].body, "Title: Second line is body\nmore body\n");

  r = read("d.txt", "Title: Only a title\nThe body starts without a blank line.\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Only a title");
  EXPECT_EQ(r.articles[0].body, "The body starts without a blank line.\n");
}

TEST(IngestText, HeadersWithoutBodyAreAnError) {
  Result r = read("e.txt", "Title: Nothing follows\n\n   \n");
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].severity, Severity::kError);
  EXPECT_EQ(r.problems[0].id, "e");
  EXPECT_EQ(r.stats.failed, 1u);
}

TEST(IngestText, InvalidUtf8IsRepairedWithAWarning) {
  Result r = read("f.txt", "Caf\xE9 opens \xFF\xFE today and \xC3\xA9 stays\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_TRUE(utf8::is_valid(r.articles[0].body));
  EXPECT_NE(r.articles[0].body.find("\xC3\xA9 stays"), std::string::npos);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].severity, Severity::kWarning);
  EXPECT_EQ(r.problems[0].message, "invalid UTF-8: 3 sequences replaced with U+FFFD");
  EXPECT_EQ(r.stats.failed, 0u);
}

TEST(IngestText, Utf16WithBomIsConverted) {
  std::string bytes = "\xFF\xFE";
  for (char c : std::string("Title: Wide\n\nHello")) {
    bytes.push_back(c);
    bytes.push_back('\0');
  }
  Result r = read("wide.txt", bytes);
  ASSERT_EQ(r.articles.size(), 1u) << (r.problems.empty() ? "" : r.problems[0].message);
  EXPECT_EQ(r.articles[0].title, "Wide");
  EXPECT_EQ(r.articles[0].body, "Hello");
}

TEST(IngestText, ForcedFormatOverridesSniffing) {
  Options options;
  options.format = Format::kText;
  Result r = read("page.html", "<p>Kept as text</p>", options);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_FALSE(r.articles[0].is_html);
  EXPECT_EQ(r.articles[0].body, "<p>Kept as text</p>");
}

}  // namespace
}  // namespace crosscheck::ingest
