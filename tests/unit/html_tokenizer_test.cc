#include "src/clean/html_tokenizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace crosscheck::clean {
namespace {

// Compact rendering of the token stream: <tag a="v">, </tag>, "text", <!--c-->, <!doctype d>.
std::string render(std::string_view html) {
  HtmlTokenizer tok(html);
  HtmlToken t;
  std::string out;
  while (tok.next(t)) {
    switch (t.type) {
      case HtmlTokenType::kStartTag:
        out += "<" + std::string(t.name);
        for (const HtmlAttribute& a : t.attributes) {
          out += " " + std::string(a.name) + "=\"" + std::string(a.value) + "\"";
        }
        out += t.self_closing ? "/>" : ">";
        break;
      case HtmlTokenType::kEndTag:
        out += "</" + std::string(t.name) + ">";
        break;
      case HtmlTokenType::kText:
        out += (t.raw_text ? "R\"" : "\"") + std::string(t.text) + "\"";
        break;
      case HtmlTokenType::kComment:
        out += "<!--" + std::string(t.text) + "-->";
        break;
      case HtmlTokenType::kDoctype:
        out += "<!doctype" + std::string(t.text) + ">";
        break;
    }
  }
  return out;
}

TEST(HtmlTokenizer, TagsAttributesAndText) {
  EXPECT_EQ(render("<!DOCTYPE html><P Class=lead id='x' data-a=\"1 2\" hidden>Hi <b>there</b></p>"),
            "<!doctype html><P Class=\"lead\" id=\"x\" data-a=\"1 2\" hidden=\"\">\"Hi \"<b>"
            "\"there\"</b></p>");
  EXPECT_EQ(render("<br/><img src=a.png />"), "<br/><img src=\"a.png\"/>");
  EXPECT_EQ(render("<a href = \"x\" >y</a >"), "<a href=\"x\">\"y\"</a>");
}

TEST(HtmlTokenizer, TagIdsAndOffsets) {
  std::string html = "<DIV><custom-el>x</custom-el></Div>";
  HtmlTokenizer tok(html);
  HtmlToken t;
  ASSERT_TRUE(tok.next(t));
  EXPECT_EQ(t.tag, HtmlTag::kDiv);
  EXPECT_EQ(t.begin, 0u);
  EXPECT_EQ(t.end, 5u);
  ASSERT_TRUE(tok.next(t));
  EXPECT_EQ(t.tag, HtmlTag::kUnknown);
  EXPECT_EQ(t.name, "custom-el");
  ASSERT_TRUE(tok.next(t));
  EXPECT_EQ(t.type, HtmlTokenType::kText);
  EXPECT_EQ(html.substr(t.begin, t.end - t.begin), "x");
  ASSERT_TRUE(tok.next(t));
  ASSERT_TRUE(tok.next(t));
  EXPECT_EQ(t.type, HtmlTokenType::kEndTag);
  EXPECT_EQ(t.tag, HtmlTag::kDiv);
  EXPECT_FALSE(tok.next(t));
  EXPECT_EQ(html_tag("H3"), HtmlTag::kH3);
  EXPECT_EQ(html_tag("blockquotes"), HtmlTag::kUnknown);
  EXPECT_TRUE(is_void(HtmlTag::kBr));
  EXPECT_FALSE(is_void(HtmlTag::kP));
}

TEST(HtmlTokenizer, CommentsAndBogusComments) {
  EXPECT_EQ(render("a<!-- x <p> y -->b"), "\"a\"<!-- x <p> y -->\"b\"");
  EXPECT_EQ(render("<!---->|<!-->|<!--->|"), "<!---->\"|\"<!---->\"|\"<!---->\"|\"");
  EXPECT_EQ(render("<?xml version=\"1.0\"?><x>"), "<!--?xml version=\"1.0\"?--><x>");
  EXPECT_EQ(render("<![CDATA[a<b]]>c"), "<!--a<b-->\"c\"");
  EXPECT_EQ(render("<!-- never closed <p>"), "<!-- never closed <p>-->");
  EXPECT_EQ(render("</ odd>x"), "<!-- odd-->\"x\"");
}

TEST(HtmlTokenizer, RawTextAndRcdata) {
  EXPECT_EQ(render("<script>if (a < b && c > d) x = '</p>';</script>after"),
            "<script>R\"if (a < b && c > d) x = '</p>';\"</script>\"after\"");
  EXPECT_EQ(render("<STYLE>p{}</style >x"), "<STYLE>R\"p{}\"</style>\"x\"");
  EXPECT_EQ(render("<title>A <b>&amp; B</title>"), "<title>\"A <b>&amp; B\"</title>");
  EXPECT_EQ(render("<script></script>"), "<script></script>");
  EXPECT_EQ(render("<script>never closed <p>x"), "<script>R\"never closed <p>x\"");
  EXPECT_EQ(render("<script>a</scripty>b</script>"), "<script>R\"a</scripty>b\"</script>");
  EXPECT_EQ(render("<plaintext><p>all text"), "<plaintext>R\"<p>all text\"");
}

TEST(HtmlTokenizer, LiteralLessThanAndCutOffTags) {
  EXPECT_EQ(render("1 < 2 <3 and a<"), "\"1 < 2 <3 and a<\"");
  EXPECT_EQ(render("x</>y"), "\"x\"\"y\"");
  EXPECT_EQ(render("text<div class=\"never closed"), "\"text\"");
  EXPECT_EQ(render("text<div"), "\"text\"");
  EXPECT_EQ(render("text</div"), "\"text\"");
}

TEST(HtmlTokenizer, CharacterReferences) {
  EXPECT_EQ(decode_html("&amp;&lt;&gt;&quot;&apos;&nbsp;"), "&<>\"'\xC2\xA0");
  EXPECT_EQ(decode_html("&eacute;&Eacute;&euro;&mdash;&hellip;&rsquo;"),
            "\xC3\xA9\xC3\x89\xE2\x82\xAC\xE2\x80\x94\xE2\x80\xA6\xE2\x80\x99");
  EXPECT_EQ(decode_html("&#233;&#xE9;&#XE9;&#x1F600;"), "\xC3\xA9\xC3\xA9\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(decode_html("&#150;&#0;&#xD800;&#x110000;&#99999999999;"),
            "\xE2\x80\x93\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(decode_html("&copy 2024 &amp"), "\xC2\xA9 2024 &");  // legacy, no ';'
  EXPECT_EQ(decode_html("&notit;"), "\xC2\xACit;");              // longest legacy prefix
  EXPECT_EQ(decode_html("&mdash no"), "&mdash no");              // not legacy
  EXPECT_EQ(decode_html("&unknown; & &# &#x; &;"), "&unknown; & &# &#x; &;");
  EXPECT_EQ(decode_html("?a=1&copy=2", /*in_attribute=*/true), "?a=1&copy=2");
  EXPECT_EQ(decode_html("?a=1&copy=2", /*in_attribute=*/false), "?a=1\xC2\xA9=2");
}

TEST(HtmlTokenizer, FindAttributeIsCaseInsensitive) {
  HtmlTokenizer tok("<meta PROPERTY=\"og:title\" content=\"T &amp; U\">");
  HtmlToken t;
  ASSERT_TRUE(tok.next(t));
  const HtmlAttribute* a = t.find_attribute("property");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->value, "og:title");
  EXPECT_EQ(decode_html(t.find_attribute("content")->value, true), "T & U");
  EXPECT_EQ(t.find_attribute("name"), nullptr);
}

// Concatenated token ranges cover the input exactly (except dropped cut-off tails and "</>").
TEST(HtmlTokenizer, RandomInputsTokenizeWithoutCrashing) {
  std::mt19937 rng(99);
  const std::string alphabet = "<>/!-?=\"' abcdiv&#;x\n\0";
  for (int round = 0; round < 5000; ++round) {
    std::string html(rng() % 200, ' ');
    for (char& c : html) {
      c = (rng() % 4 == 0) ? static_cast<char>(rng()) : alphabet[rng() % alphabet.size()];
    }
    HtmlTokenizer tok(html);
    HtmlToken t;
    size_t last_end = 0;
    size_t count = 0;
    while (tok.next(t)) {
      ASSERT_GE(t.begin, last_end);
      ASSERT_GT(t.end, t.begin);
      ASSERT_LE(t.end, html.size());
      last_end = t.end;
      ASSERT_LT(++count, html.size() + 2);
    }
  }
}

}  // namespace
}  // namespace crosscheck::clean
