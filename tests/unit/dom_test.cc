#include "src/clean/dom.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace crosscheck::clean {
namespace {

// Tags of the element children of `node`, in order, as a string like "p p ul".
std::string child_tags(const Dom& dom, uint32_t node) {
  std::string out;
  for (uint32_t c = dom.nodes[node].first_child; c != kNoNode; c = dom.nodes[c].next_sibling) {
    if (dom.nodes[c].is_text) continue;
    if (!out.empty()) out.push_back(' ');
    switch (dom.nodes[c].tag) {
      case HtmlTag::kP:
        out += "p";
        break;
      case HtmlTag::kLi:
        out += "li";
        break;
      case HtmlTag::kTd:
        out += "td";
        break;
      case HtmlTag::kDiv:
        out += "div";
        break;
      case HtmlTag::kUl:
        out += "ul";
        break;
      case HtmlTag::kTr:
        out += "tr";
        break;
      case HtmlTag::kVideo:
        out += "video";
        break;
      default:
        out += "?";
        break;
    }
  }
  return out;
}

uint32_t first(const Dom& dom, HtmlTag tag) {
  for (uint32_t i = 0; i < dom.nodes.size(); ++i) {
    if (!dom.nodes[i].is_text && dom.nodes[i].tag == tag) return i;
  }
  return kNoNode;
}

TEST(Dom, ImpliedEndTags) {
  Dom dom = parse_dom("<body><p>one<p>two<div>three</div><ul><li>a<li>b</ul>");
  EXPECT_EQ(child_tags(dom, dom.body), "p p div ul");
  EXPECT_EQ(child_tags(dom, first(dom, HtmlTag::kUl)), "li li");
  Dom table = parse_dom("<table><tr><td>a<td>b<tr><td>c</table>");
  uint32_t tr = first(table, HtmlTag::kTr);
  ASSERT_NE(tr, kNoNode);
  EXPECT_EQ(child_tags(table, tr), "td td");
}

TEST(Dom, StrayEndTagsDoNotCloseAcrossCells) {
  // </div> inside the cell matches nothing there: the outer div stays open.
  Dom dom = parse_dom("<div id=outer><table><tr><td>a</div>b</td></tr></table>c</div>");
  uint32_t outer = first(dom, HtmlTag::kDiv);
  ASSERT_NE(outer, kNoNode);
  EXPECT_EQ(subtree_text(dom, outer, 100), "ab c");
}

TEST(Dom, PreOrderAndSubtreeRanges) {
  Dom dom = parse_dom("<div><p>x <b>y</b></p><p>z</p></div><p>w</p>");
  for (uint32_t i = 1; i < dom.nodes.size(); ++i) EXPECT_LT(dom.nodes[i].parent, i);
  uint32_t div = first(dom, HtmlTag::kDiv);
  uint32_t end = subtree_end(dom, div);
  for (uint32_t i = div + 1; i < end; ++i) {
    uint32_t a = i;
    while (a != kNoNode && a != div) a = dom.nodes[a].parent;
    EXPECT_EQ(a, div) << i;
  }
  EXPECT_EQ(subtree_text(dom, div, 100), "x y z");
}

TEST(Dom, HeadFactsAndHints) {
  Dom dom = parse_dom(
      "<html lang=en-GB><head><title>A &amp; B</title><meta property='og:Title' content='T'>"
      "<link rel=canonical href='https://x.example/a'>"
      "<script type='application/ld+json'>{\"datePublished\":\"2024-01-02\"}</script></head>"
      "<body class=Home><div class='Main Content' id=Story role=main>t</div></body></html>");
  EXPECT_EQ(dom.title, "A & B");
  EXPECT_EQ(dom.language, "en-GB");
  EXPECT_EQ(dom.canonical, "https://x.example/a");
  ASSERT_EQ(dom.meta.size(), 1u);
  EXPECT_EQ(dom.meta[0].first, "og:title");
  ASSERT_EQ(dom.json_ld.size(), 1u);
  uint32_t div = first(dom, HtmlTag::kDiv);
  EXPECT_EQ(dom.hint(dom.nodes[div]), "main content story main");
  EXPECT_EQ(dom.hint(dom.nodes[dom.body]), "home");
}

TEST(Dom, ScriptAndStyleSkippedOpaqueKept) {
  Dom dom = parse_dom(
      "<p>a<script>var x='<p>no</p>'</script><style>p{}</style>b</p>"
      "<div><video>fallback<p>c</div><p>d</p>");
  EXPECT_EQ(subtree_text(dom, first(dom, HtmlTag::kP), 100), "ab");
  // The unclosed <video> is closed by </div>, as in browsers: "d" is outside it.
  uint32_t video = first(dom, HtmlTag::kVideo);
  ASSERT_NE(video, kNoNode);
  EXPECT_TRUE(dom.nodes[video].opaque);
  EXPECT_EQ(child_tags(dom, dom.body), "p div p");
}

TEST(Dom, TemplateScriptsAreExpandedOnce) {
  Dom dom = parse_dom(
      "<div><script type='text/template'><p>inside</p></script></div>"
      "<script type='text/template'>{{x}}<p>no</p></script>");
  uint32_t div = first(dom, HtmlTag::kDiv);
  EXPECT_EQ(child_tags(dom, div), "p");
  EXPECT_EQ(subtree_text(dom, div, 100), "inside");
  EXPECT_EQ(subtree_text(dom, dom.body, 100), "inside");
}

TEST(Dom, DeepNestingIsCapped) {
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<div><span>";
  html += "deep text";
  for (int i = 0; i < 10000; ++i) html += "</span></div>";
  auto start = std::chrono::steady_clock::now();
  DomOptions options;
  Dom dom = parse_dom(html, options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  uint32_t max_depth = 0;
  for (const DomNode& n : dom.nodes) max_depth = std::max(max_depth, n.depth);
  EXPECT_LE(max_depth, options.max_depth + 2);
  EXPECT_EQ(subtree_text(dom, 0, 100), "deep text");
}

TEST(Dom, NodeCountIsCapped) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<p>para " + std::to_string(i) + "</p>";
  DomOptions options;
  options.max_nodes = 100;
  Dom dom = parse_dom(html, options);
  EXPECT_LE(dom.nodes.size(), 101u);
}

TEST(Dom, BrokenMarkupAndBytes) {
  for (std::string_view html :
       {"<", "<<<>>>", "</p></p></div>", "<p <p <p", "<!--", "<a href='", "\xff\xfe<\x00p>",
        "<table><td><li><dd><option><h1><h2>x", "<html><body><html><body>y</body></html>"}) {
    Dom dom = parse_dom(html);
    EXPECT_FALSE(dom.nodes.empty());
    for (uint32_t i = 1; i < dom.nodes.size(); ++i) EXPECT_LT(dom.nodes[i].parent, i);
  }
}

}  // namespace
}  // namespace crosscheck::clean
