#include <gtest/gtest.h>

#include "crosscheck/ingest.h"

namespace crosscheck::ingest {
namespace {

TEST(ArticleId, StripsOneCompressionThenOneFormatSuffix) {
  EXPECT_EQ(file_article_id("000_09714a58742ca86f.txt"), "000_09714a58742ca86f");
  EXPECT_EQ(file_article_id("abc.html.gz"), "abc");
  EXPECT_EQ(file_article_id("bmjv.de.konsum.html.gz"), "bmjv.de.konsum");
  EXPECT_EQ(file_article_id("dir/sub/story.jsonl"), "story");
  EXPECT_EQ(file_article_id("crawl.warc.gz"), "crawl");
  EXPECT_EQ(file_article_id("a.json.zst"), "a");
  EXPECT_EQ(file_article_id("a.htm.bz2"), "a");
  EXPECT_EQ(file_article_id("notes.md"), "notes.md");
  EXPECT_EQ(file_article_id("x.txt.txt"), "x.txt");  // only one format suffix
  EXPECT_EQ(file_article_id("x.gz.gz"), "x.gz");     // only one compression suffix
  EXPECT_EQ(file_article_id("PAGE.HTML"), "PAGE");
  EXPECT_EQ(file_article_id("noext"), "noext");
  EXPECT_EQ(file_article_id(".txt"), ".txt");  // never an empty id
  EXPECT_EQ(file_article_id("dir/"), "dir");
}

TEST(Outlet, HostWithoutWwwAndPort) {
  EXPECT_EQ(outlet_from_url("https://www.Example.COM/news/1"), "example.com");
  EXPECT_EQ(outlet_from_url("http://news.example.org:8080/a?b=c"), "news.example.org");
  EXPECT_EQ(outlet_from_url("https://user:pw@www.example.net/"), "example.net");
  EXPECT_EQ(outlet_from_url("//cdn.example.com/x"), "cdn.example.com");
  EXPECT_EQ(outlet_from_url("www.example.com/path"), "example.com");
  EXPECT_EQ(outlet_from_url("https://example.com"), "example.com");
  EXPECT_EQ(outlet_from_url("https://example.com."), "example.com");
  EXPECT_EQ(outlet_from_url("http://[::1]:80/"), "[::1]");
  EXPECT_EQ(outlet_from_url(""), "");
  EXPECT_EQ(outlet_from_url("not a url"), "");
  EXPECT_EQ(outlet_from_url("mailto:someone@example.com"), "");
  EXPECT_EQ(outlet_from_url("/relative/path"), "");
}

TEST(Format, ParseNames) {
  Format f = Format::kAuto;
  EXPECT_TRUE(parse_format("warc", f));
  EXPECT_EQ(f, Format::kWarc);
  EXPECT_TRUE(parse_format("text", f));
  EXPECT_EQ(f, Format::kText);
  EXPECT_TRUE(parse_format("auto", f));
  EXPECT_EQ(f, Format::kAuto);
  EXPECT_FALSE(parse_format("pdf", f));
}

}  // namespace
}  // namespace crosscheck::ingest
