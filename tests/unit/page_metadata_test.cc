#include "src/clean/page_metadata.h"

#include <gtest/gtest.h>

namespace crosscheck::clean {
namespace {

PageMetadata meta(std::string_view html) { return read_metadata(parse_dom(html)); }

TEST(PageMetadata, TitleSources) {
  EXPECT_EQ(
      meta("<meta property=og:title content='Storm hits coast'><title>x | Site</title>").title,
      "Storm hits coast");
  EXPECT_EQ(
      meta("<title>Storm hits the northern coast overnight | The Daily Example</title>").title,
      "Storm hits the northern coast overnight");
  EXPECT_EQ(meta("<title>Storm hits the northern coast - Example News</title>").title,
            "Storm hits the northern coast");
  EXPECT_EQ(meta("<body><h1>Only a headline</h1><p>x</p>").title, "Only a headline");
}

TEST(PageMetadata, StripTitleAffixes) {
  EXPECT_EQ(strip_title_affixes("Ledger | Government hails port deal as strike ends", "Ledger"),
            "Government hails port deal as strike ends");
  // A dash inside a headline is kept when what follows is not a short site name.
  EXPECT_EQ(strip_title_affixes("Pay deal - what it means for dockworkers and their families", ""),
            "Pay deal - what it means for dockworkers and their families");
}

TEST(PageMetadata, PublicationDate) {
  EXPECT_EQ(
      meta("<meta property='article:published_time' content='2024-03-12T08:00:00Z'>").published,
      "2024-03-12T08:00:00Z");
  EXPECT_EQ(meta("<script type=application/ld+json>{\"@type\":\"NewsArticle\","
                 "\"datePublished\" : \"2023-11-05\"}</script>")
                .published,
            "2023-11-05");
  EXPECT_EQ(meta("<body><p>x</p><time datetime='2022-01-09T10:00'>9 Jan</time>").published,
            "2022-01-09T10:00");
  EXPECT_EQ(
      meta("<link rel=canonical href='https://n.example/world/2024/03/12/story-x'>").published,
      "2024-03-12");
}

TEST(PageMetadata, DateFromUrl) {
  EXPECT_EQ(date_from_url("https://a.example/2024/03/12/x"), "2024-03-12");
  EXPECT_EQ(date_from_url("https://a.example/news/2024-03-12-x"), "2024-03-12");
  EXPECT_EQ(date_from_url("https://a.example/20240312/x"), "2024-03-12");
  EXPECT_EQ(date_from_url("https://a.example/2024/13/40/x"), "");
  EXPECT_EQ(date_from_url("https://a.example/item/123456789"), "");
}

TEST(PageMetadata, Authors) {
  EXPECT_EQ(meta("<meta name=author content='Jane Doe'>").authors,
            (std::vector<std::string>{"Jane Doe"}));
  EXPECT_EQ(
      meta("<script type='application/ld+json'>{\"author\":[{\"@type\":\"Person\","
           "\"name\":\"Ana Lima\"},{\"name\":\"Ben Ode\"}],\"publisher\":{\"name\":\"Daily\"}}"
           "</script>")
          .authors,
      (std::vector<std::string>{"Ana Lima", "Ben Ode"}));
  PageMetadata byline = meta(
      "<body><nav><a class=author href=/a>Authors</a></nav><article><h1>H</h1>"
      "<p class=byline>By Soraya Lindqvist-Amato and Tom Reed, Political Correspondents</p>"
      "<p>Body text.</p></article>");
  EXPECT_EQ(byline.authors, (std::vector<std::string>{"Soraya Lindqvist-Amato", "Tom Reed"}));
}

TEST(PageMetadata, NamesFromByline) {
  EXPECT_EQ(names_from_byline("By Jane Doe | Updated 5 May"),
            (std::vector<std::string>{"Jane Doe"}));
  EXPECT_TRUE(names_from_byline("Sign up for our newsletter and get 20% off today").empty());
}

TEST(PageMetadata, UrlSiteLanguage) {
  PageMetadata m = meta(
      "<html lang=de><head><meta property=og:site_name content='Der Bote'>"
      "<meta property=og:url content='https://bote.example/a'></head>");
  EXPECT_EQ(m.site_name, "Der Bote");
  EXPECT_EQ(m.url, "https://bote.example/a");
  EXPECT_EQ(m.language, "de");
}

}  // namespace
}  // namespace crosscheck::clean
