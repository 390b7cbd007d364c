#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

#include "crosscheck/clean.h"
#include "crosscheck/utf8.h"

namespace crosscheck::clean {
namespace {

TEST(HtmlText, TitleTextAndLanguage) {
  HtmlText r = html_to_text(
      "<!DOCTYPE html><html lang=\"de\"><head><meta charset=utf-8>"
      "<title> Lighthouse\n keeper &amp; the  storm </title>"
      "<style>p { color: red }</style><script>var x = '<p>no</p>';</script></head>"
      "<body><h1>The   keeper</h1><p>He climbed\n   the stairs.</p><p>Then he lit the "
      "<b>lamp</b>.</p>"
      "</body></html>");
  EXPECT_EQ(r.title, "Lighthouse keeper & the storm");
  EXPECT_EQ(r.language, "de");
  EXPECT_EQ(r.text, "The keeper\n\nHe climbed the stairs.\n\nThen he lit the lamp.");
}

TEST(HtmlText, OgTitleFallback) {
  HtmlText r =
      html_to_text("<head><meta property=\"og:title\" content=\"Open &amp; shut\"></head><p>x</p>");
  EXPECT_EQ(r.title, "Open & shut");
  EXPECT_EQ(html_to_text("<title></title><meta name=og:title content=Fallback>").title, "Fallback");
  EXPECT_EQ(html_to_text("<title>Real</title><meta property=og:title content=Other>").title,
            "Real");
}

TEST(HtmlText, BlocksLineBreaksAndInlineElements) {
  EXPECT_EQ(html_to_text("<div>one<br>two<br/>three</div><div>four</div>").text,
            "one\ntwo\nthree\n\nfour");
  EXPECT_EQ(html_to_text("<ul><li>a</li><li>b</li></ul>after").text, "a\n\nb\n\nafter");
  EXPECT_EQ(html_to_text("<span>in</span><span>line</span> <i>words</i>").text, "inline words");
  EXPECT_EQ(html_to_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>").text,
            "a b\n\nc");
  EXPECT_EQ(html_to_text("<p>x</p><hr><p>y</p>").text, "x\n\ny");
  EXPECT_EQ(
      html_to_text("<blockquote>quoted</blockquote><figure><figcaption>cap</figcaption></figure>")
          .text,
      "quoted\n\ncap");
  EXPECT_EQ(html_to_text("<pre>line 1\nline 2</pre>").text, "line 1\nline 2");
}

TEST(HtmlText, HiddenContentIsDropped) {
  EXPECT_EQ(html_to_text("<p>a</p><noscript><p>enable js</p></noscript><template><p>t</p>"
                         "</template><svg><title>icon</title><text>s</text></svg><p>b</p>")
                .text,
            "a\n\nb");
  EXPECT_EQ(html_to_text("<svg><svg></svg>still hidden</svg>shown").text, "shown");
  EXPECT_EQ(html_to_text("<p>a<!-- comment --> b</p>").text, "a b");
  EXPECT_EQ(html_to_text("<svg/>visible").text, "visible");
}

TEST(HtmlText, HeadEndsImplicitly) {
  EXPECT_EQ(html_to_text("<head><title>T</title><p>body without body tag</p>").text,
            "body without body tag");
  EXPECT_EQ(html_to_text("<html><head><title>T</title>\n</head>\n<body>x</body>").text, "x");
}

TEST(HtmlText, EntitiesAndWhitespace) {
  EXPECT_EQ(html_to_text("<p>&nbsp; caf&eacute;&nbsp;&nbsp;au&#160;lait &lt;3 &copy 2024</p>").text,
            "caf\xC3\xA9 au lait <3 \xC2\xA9 2024");
  EXPECT_EQ(html_to_text("  \n  ").text, "");
  EXPECT_EQ(html_to_text("plain text, no tags").text, "plain text, no tags");
  EXPECT_EQ(html_to_text("a\xC2\xA0\xC2\xA0"
                         "b")
                .text,
            "a b");
}

TEST(HtmlText, BrokenMarkupAndDeepNesting) {
  EXPECT_EQ(html_to_text("<p>unclosed <b>bold <i>italic<p>next").text,
            "unclosed bold italic\n\nnext");
  EXPECT_EQ(html_to_text("<div class=\"x>text").text, "");
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<div><span>";
  deep += "bottom";
  EXPECT_EQ(html_to_text(deep).text, "bottom");
}

TEST(HtmlText, RandomBytesGiveValidUtf8) {
  std::mt19937 rng(5);
  const std::string pieces[] = {"<p>",    "</p>",  "<br>",   "<script>", "</script>", "&amp;",
                                "&#x",    "<!--",  "-->",    "<title>",  "</title>",  "\xC3\xA9",
                                "word ",  "<",     ">",      "&",        "\n",        "<svg>",
                                "</svg>", "<pre>", "<head>", "<body>"};
  for (int round = 0; round < 3000; ++round) {
    std::string html;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) html += pieces[rng() % std::size(pieces)];
    HtmlText r = html_to_text(html);
    ASSERT_TRUE(utf8::is_valid(r.text)) << html;
    ASSERT_TRUE(utf8::is_valid(r.title)) << html;
    ASSERT_TRUE(r.text.empty() ||
                (r.text.front() != ' ' && r.text.back() != ' ' && r.text.back() != '\n'))
        << html;
  }
}

TEST(HtmlText, PageMetadataSiteNameUrlAndDate) {
  HtmlText r = html_to_text(
      "<html><head><meta property=\"og:site_name\" content=\" Tern Valley  Gazette \">"
      "<meta property=\"og:url\" content=\"https://tvg.example/og\">"
      "<link rel=\"canonical\" href=\"https://tvg.example/canonical\">"
      "<meta property=\"article:published_time\" content=\"2026-04-02T09:00:00Z\">"
      "</head><body><p>Body.</p></body></html>");
  EXPECT_EQ(r.site_name, "Tern Valley Gazette");
  EXPECT_EQ(r.url, "https://tvg.example/canonical");  // canonical wins over og:url
  EXPECT_EQ(r.published, "2026-04-02T09:00:00Z");
  HtmlText bare = html_to_text("<p>No metadata here.</p>");
  EXPECT_TRUE(bare.site_name.empty());
  EXPECT_TRUE(bare.url.empty());
  EXPECT_TRUE(bare.published.empty());
}

}  // namespace
}  // namespace crosscheck::clean
