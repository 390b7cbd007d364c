// Scoring decisions of the main-content extractor on small hand-written pages, and its behaviour on
// bad input (broken markup, deep nesting, huge pages, no text, non-HTML bytes, wrong charset).
#include "src/clean/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "crosscheck/clean.h"
#include "crosscheck/ingest.h"
#include "crosscheck/utf8.h"

namespace crosscheck::clean {
namespace {

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

bool removed_kind(const ExtractedPage& page, std::string_view kind, std::string_view part) {
  return std::any_of(page.removed.begin(), page.removed.end(),
                     [&](const Removed& r) { return r.kind == kind && has(r.text, part); });
}

const char kStory[] =
    "<p>The harbour authority said on Tuesday that the new breakwater, which took four years to "
    "build, would protect the old town from winter storms, according to a statement.</p>"
    "<p>Engineers, who tested the structure against waves of up to nine metres, said it had "
    "performed better than the models predicted, and that repairs would be rare.</p>"
    "<p>Residents, many of whom had campaigned for the project, welcomed the news, though some "
    "questioned the cost, which rose by a third during construction.</p>";

std::string page_with(std::string_view story) {
  return std::string(
             "<html lang=en><head><title>Breakwater finished | Coast Times</title></head><body>"
             "<nav class=site-nav><a href=/>Home</a> <a href=/news>News</a> <a "
             "href=/sport>Sport</a>"
             "</nav><div class=layout><div class=article-body><h1>Breakwater finished</h1>") +
         std::string(story) +
         "</div><aside class=sidebar><h3>Most read</h3><ul><li><a href=/a>Ferry strike ends after "
         "talks</a><li><a href=/b>Council approves budget</a></ul></aside></div>"
         "<div class=related-stories><a href=/c>Storm damage in the north, a photo essay</a></div>"
         "<section id=comments><p>Great news, finally, after all these years of "
         "waiting!</p></section>"
         "<div class=newsletter-signup><p>Get our morning briefing, free, every weekday.</p></div>"
         "<footer><p>&copy; 2026 Coast Times. All rights reserved.</p></footer></body></html>";
}

// The page with the story between `before` and `after`, extracted.
ExtractedPage around_story(std::string_view before, std::string_view after = "") {
  return extract_article(page_with(std::string(before) + kStory + std::string(after)));
}

TEST(Extractor, KeepsTheStoryAndListsWhatWasRemoved) {
  ExtractedPage page = extract_article(page_with(kStory));
  EXPECT_TRUE(has(page.text, "The harbour authority said")) << page.text;
  EXPECT_TRUE(has(page.text, "rose by a third during construction."));
  for (std::string_view boiler :
       {"Home", "Ferry strike", "Storm damage", "Great news", "morning briefing",
        "All rights reserved", "Breakwater finished"}) {
    EXPECT_FALSE(has(page.text, boiler)) << boiler << " in " << page.text;
  }
  EXPECT_TRUE(removed_kind(page, "navigation", "Home"));
  EXPECT_TRUE(removed_kind(page, "sidebar", "Ferry strike"));
  EXPECT_TRUE(removed_kind(page, "related", "Storm damage"));
  EXPECT_TRUE(removed_kind(page, "comments", "Great news"));
  EXPECT_TRUE(removed_kind(page, "newsletter", "morning briefing"));
  EXPECT_TRUE(removed_kind(page, "footer", "All rights reserved"));
  EXPECT_TRUE(removed_kind(page, "title", "Breakwater finished"));
  EXPECT_EQ(page.title, "Breakwater finished");
  EXPECT_EQ(page.language, "en");
}

TEST(Extractor, ParagraphBreaksAndLineBreaks) {
  ExtractedPage page = around_story("",
                                    "<p>Line one<br>line two, "
                                    "and a comma, to score.</p>");
  EXPECT_TRUE(has(page.text, "according to a statement.\n\nEngineers")) << page.text;
  EXPECT_TRUE(has(page.text, "Line one\nline two")) << page.text;
  EXPECT_EQ(page.text.find("\n\n\n"), std::string::npos);
  EXPECT_NE(page.text.front(), '\n');
  EXPECT_NE(page.text.back(), '\n');
}

TEST(Extractor, LinkListInsideTheBodyIsDropped) {
  ExtractedPage page = around_story(
      "",
      "<h3>Read more</h3><ul><li><a href=/x>Harbour history in pictures</a>"
      "<li><a href=/y>The ferry timetable for winter</a></ul>"
      "<p>Work on a second breakwater, further east, is due to start next spring.</p>");
  EXPECT_TRUE(has(page.text, "second breakwater"));
  EXPECT_FALSE(has(page.text, "Harbour history in pictures"));
  EXPECT_FALSE(has(page.text, "Read more"));  // its heading went with it
}

TEST(Extractor, TrailingHeadingOrColonLabelHeadsNothing) {
  ExtractedPage page = around_story("", "<p>More on this topic:</p><h3>Latest stories</h3>");
  EXPECT_TRUE(has(page.text, "according to a statement.")) << page.text;
  EXPECT_FALSE(has(page.text, "More on this topic")) << page.text;
  EXPECT_FALSE(has(page.text, "Latest stories")) << page.text;
  EXPECT_TRUE(removed_kind(page, "label", "More on this topic"));
  // a label followed by content stays
  page = around_story("",
                      "<p>The engineers said:</p><p>We are proud of the work, "
                      "and of the crews who built it in two winters.</p>");
  EXPECT_TRUE(has(page.text, "The engineers said:")) << page.text;
}

TEST(Extractor, AuthorBoxLongerThanABylineIsDropped) {
  std::string bio =
      "<div class=author-box><h4>About the author</h4><p>Jane Doe has covered the harbour, the "
      "ferries and the port authority for twelve years. Before that she wrote about shipping "
      "for a trade weekly in Rotterdam, and she still sails on weekends when the weather, and "
      "her editor, allow it. She studied engineering in Delft and history in Leiden, and she "
      "has written two books about lighthouses of the North Sea coast and their keepers.</p>"
      "</div>";
  std::string story = std::string(kStory) + kStory + kStory + kStory;  // the bio is a small part
  ExtractedPage page = extract_article(page_with(story + bio));
  EXPECT_TRUE(has(page.text, "according to a statement.")) << page.text;
  EXPECT_FALSE(has(page.text, "lighthouses of the North Sea")) << page.text;
  EXPECT_TRUE(removed_kind(page, "byline", "About the author"));
}

TEST(Extractor, FooterTagBeatsADateOrBylineClass) {
  EXPECT_EQ(classify_hint(HtmlTag::kFooter, "entry-meta"), BlockHint::kFooter);
  EXPECT_EQ(classify_hint(HtmlTag::kAside, "author-bio"), BlockHint::kSidebar);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "entry-meta"), BlockHint::kDate);
}

TEST(Extractor, ALongCookieDialogDoesNotOutweighTheArticle) {
  std::string privacy;
  for (int k = 0; k < 8; ++k) {
    privacy +=
        "<p>This website uses cookies to improve your experience while you navigate, and "
        "necessary cookies are stored in your browser as they are essential.</p>";
  }
  std::string html = "<html><body><div class=page-wsidebar><article class=post>" +
                     std::string(kStory) +
                     "</article><div class=widgets><a href=/a>Ferry strike ends</a></div></div>"
                     "<div class=cli-modal id=settingsPopup>" +
                     privacy + "</div></body></html>";
  ExtractedPage page = extract_article(html);
  EXPECT_TRUE(has(page.text, "according to a statement.")) << page.text;
  EXPECT_FALSE(has(page.text, "necessary cookies")) << page.text;
}

TEST(Extractor, TrailingEmphasizedNoticeWithALinkIsDropped) {
  ExtractedPage page = around_story(
      "", "<p><em>Follow the Coast Times on <a href=/t>Twitter</a> and Facebook.</em></p>");
  EXPECT_TRUE(has(page.text, "rose by a third during construction.")) << page.text;
  EXPECT_FALSE(has(page.text, "Follow the Coast Times")) << page.text;
  EXPECT_TRUE(removed_kind(page, "notice", "Follow the Coast Times"));
  // an emphasized paragraph followed by plain prose is part of the story
  page = around_story(
      "<p><em>Updated with the council's reply, see <a href=/r>the statement</a>.</em></p>");
  EXPECT_TRUE(has(page.text, "Updated with the council's reply")) << page.text;
}

TEST(Extractor, TrailingShortStubWithoutASentenceEndIsDropped) {
  ExtractedPage page = around_story("", "<p>Photo credits: Coast Times archive</p>");
  EXPECT_TRUE(has(page.text, "rose by a third during construction.")) << page.text;
  EXPECT_FALSE(has(page.text, "Photo credits")) << page.text;
  // a short last sentence stays
  page = around_story("", "<p>Work starts in May.</p>");
  EXPECT_TRUE(has(page.text, "Work starts in May.")) << page.text;
}

TEST(Extractor, HintClassifier) {
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "entry-content"), BlockHint::kPositive);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "related-posts"), BlockHint::kRelated);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "post-comments"), BlockHint::kComments);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "ast-no-sidebar"), BlockHint::kNone);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "sidebar"), BlockHint::kSidebar);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "content-sidebar"), BlockHint::kPositive);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "header"), BlockHint::kNone);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "ad"), BlockHint::kAdvertisement);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "download head"), BlockHint::kNone);
  EXPECT_EQ(classify_hint(HtmlTag::kNav, ""), BlockHint::kNavigation);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "cookie-banner"), BlockHint::kCookie);
  EXPECT_EQ(classify_hint(HtmlTag::kSpan, "entry-date published"), BlockHint::kDate);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "post-meta"), BlockHint::kDate);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "photo-credit"), BlockHint::kCaption);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "legend"), BlockHint::kCaption);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "article-footer"), BlockHint::kFooter);
  EXPECT_EQ(classify_hint(HtmlTag::kSection, "kommentare"), BlockHint::kComments);
  EXPECT_EQ(classify_hint(HtmlTag::kP, "affiliate-disclosure"), BlockHint::kAdvertisement);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "teaser-list"), BlockHint::kRelated);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "article-teaser"), BlockHint::kPositive);  // weak word
}

TEST(Extractor, DateLinesAndPictureCaptionsAreDropped) {
  ExtractedPage page = around_story(
      "<p class=entry-date>Tuesday, 4 June 2019</p><p><time datetime=2019-06-04>04.06.2019</time>"
      "</p>",
      "<div class=image-source>Photo: Harbour Authority</div>"
      "<p>On <time>Monday</time> the first ferry, which was late, used the new berth.</p>");
  EXPECT_TRUE(has(page.text, "The harbour authority said")) << page.text;
  EXPECT_FALSE(has(page.text, "4 June 2019")) << page.text;
  EXPECT_FALSE(has(page.text, "04.06.2019")) << page.text;
  EXPECT_FALSE(has(page.text, "Photo: Harbour Authority")) << page.text;
  EXPECT_TRUE(has(page.text, "On Monday the first ferry")) << page.text;  // a date in a sentence
  EXPECT_TRUE(removed_kind(page, "date", "4 June 2019"));
  EXPECT_TRUE(removed_kind(page, "caption", "Photo: Harbour Authority"));
}

// Words that only contain a rule's word: "candidate" is no date, "bildung" (education) no picture.
TEST(Extractor, FalseFriendsOfDateAndPictureWordsAreKept) {
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "candidate-name"), BlockHint::kNone);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "field-validated"), BlockHint::kNone);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "mandate"), BlockHint::kNone);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "last-updated"), BlockHint::kDate);
  EXPECT_EQ(classify_hint(HtmlTag::kDiv, "pubdate"), BlockHint::kDate);
  ExtractedPage page = around_story("",
                                    "<p class=candidate-name>Mayor Ilse Varga</p>"
                                    "<div class=bildung-news>Schools reopen on Monday.</div>");
  EXPECT_TRUE(has(page.text, "Mayor Ilse Varga")) << page.text;
  EXPECT_TRUE(has(page.text, "Schools reopen on Monday.")) << page.text;
}

TEST(Extractor, RelatedBlockWithoutLinksIsKept) {
  // "teaser" names both a list of other stories and a story's own lead paragraph.
  ExtractedPage page = around_story(
      "<div class=teaser>The harbour's new breakwater, four years in the making, is finished, "
      "and the old town is safer for it.</div>",
      "<div class=teaser><a href=/x>Ferry timetable for the winter season</a> <a href=/y>Ten "
      "walks along the coast</a></div>");
  EXPECT_TRUE(has(page.text, "four years in the making")) << page.text;
  EXPECT_FALSE(has(page.text, "Ferry timetable")) << page.text;
  // Dropped as a related-stories block by its class, not only for being all links.
  EXPECT_TRUE(removed_kind(page, "related", "Ferry timetable"));
}

TEST(Extractor, ShortLinkParagraphsInsideTheBodyAreDropped) {
  ExtractedPage page = around_story(
      "",
      "<p>Read also: <a href=/x>Storm surge barrier plans shelved after cost review</a></p>"
      "<p>The <a href=/port>port authority</a> said, in a statement, that traffic rose, and that "
      "the ferry company, which runs three boats, would add a fourth.</p>");
  EXPECT_FALSE(has(page.text, "Storm surge barrier")) << page.text;
  EXPECT_TRUE(has(page.text, "would add a fourth")) << page.text;  // a link inside a sentence
}

TEST(Extractor, ClassNameOnTheWholeArticleDoesNotDropIt) {
  // "share" on the container of the whole story is a template flag, not a share box.
  ExtractedPage page = extract_article(
      "<body><div class=menu><a href=/>Home</a></div><div class='entry share'>" +
      std::string(kStory) + "</div><div class=footer><p>About us, contact, imprint.</p></div>");
  EXPECT_TRUE(has(page.text, "The harbour authority said")) << page.text;
}

TEST(Extractor, SiblingParagraphsOutsideTheBestContainerAreKept) {
  ExtractedPage page = extract_article(
      "<body><div class=story-part>" + std::string(kStory) +
      "</div>"
      "<p>Officials said, in a later update, that a ceremony would take place in May.</p>"
      "<div class=story-part><p>The old sea wall, built in 1850, will be kept as a monument, "
      "the council said, after a public vote.</p><p>More, detail, here, to, score.</p></div>");
  EXPECT_TRUE(has(page.text, "ceremony would take place")) << page.text;
  EXPECT_TRUE(has(page.text, "old sea wall"));
}

TEST(Extractor, ShortPagesFallBackToVisibleText) {
  ExtractedPage page = extract_article(
      "<body><div>Opening hours</div><div>Mon-Fri 9-17</div>"
      "<div>Closed on holidays</div></body>");
  EXPECT_TRUE(has(page.text, "Opening hours"));
  EXPECT_TRUE(has(page.text, "Closed on holidays"));
}

TEST(Extractor, HiddenArticleRevealedByScriptIsFound) {
  ExtractedPage page =
      extract_article("<body><div>Loading…</div><div hidden>" + std::string(kStory) + "</div>");
  EXPECT_TRUE(has(page.text, "The harbour authority said")) << page.text;
}

TEST(Extractor, NoBodyText) {
  for (std::string_view html : {"", "<html><head><title>t</title></head><body></body></html>",
                                "<script>var a = 1;</script>", "<!-- only a comment -->"}) {
    ExtractedPage page = extract_article(html);
    EXPECT_TRUE(page.text.empty()) << html;
  }
}

TEST(Extractor, BrokenAndUnclosedMarkup) {
  ExtractedPage page = extract_article(
      "<html><body><div class=article><p>First, unclosed paragraph, with commas, and words"
      "<p>Second paragraph <b>bold <i>both</b> after</i>, with a comma<div><table><td>cell"
      "</span></span></article></html></html><p>tail text, after the end");
  EXPECT_TRUE(has(page.text, "First, unclosed paragraph")) << page.text;
  EXPECT_TRUE(has(page.text, "tail text"));
  EXPECT_TRUE(utf8::is_valid(page.text));
}

TEST(Extractor, TenThousandDeepNesting) {
  std::string html = "<body>";
  for (int i = 0; i < 10000; ++i) html += "<div><p><span>";
  html += "<p>The deepest paragraph, with a comma, survives.</p>";
  for (int i = 0; i < 10000; ++i) html += "</span></p></div>";
  auto start = std::chrono::steady_clock::now();
  ExtractedPage page = extract_article(html);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(has(page.text, "The deepest paragraph")) << page.text.substr(0, 200);
  EXPECT_LT(seconds, 10.0);
}

TEST(Extractor, FiftyMegabytePage) {
  std::string html = "<html><body><nav><a href=/>Home</a></nav><article>";
  const std::string para =
      "<p>A long paragraph of running text, with commas, that repeats to make the page large; "
      "it has <a href=/x>a link</a> and <b>bold</b> words.</p>\n";
  while (html.size() < (50u << 20)) html += para;
  html += "</article></body></html>";
  auto start = std::chrono::steady_clock::now();
  ExtractedPage page = extract_article(html);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_GT(page.text.size(), 10u << 20);
  EXPECT_LE(page.removed.size(), ExtractOptions{}.max_removed + 1);
  EXPECT_LT(seconds, 60.0);  // ~1 s in a release build; generous for sanitizers
}

TEST(Extractor, RemovedListIsBounded) {
  std::string html = "<body><article>" + std::string(kStory) + "</article>";
  for (int i = 0; i < 500; ++i) {
    html +=
        "<nav>" + std::string(1000, 'x') + " <a href=/>link " + std::to_string(i) + "</a></nav>";
  }
  ExtractOptions options;
  ExtractedPage page = extract_article(html, options);
  ASSERT_EQ(page.removed.size(), options.max_removed + 1);
  EXPECT_EQ(page.removed.back().kind, "more");
  for (const Removed& r : page.removed) {
    EXPECT_LE(r.text.size(), options.removed_text_bytes + 3);
    EXPECT_TRUE(utf8::is_valid(r.text));
  }
}

TEST(Extractor, NonHtmlBytesGiveValidUtf8) {
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    std::string bytes(1 + rng() % 5000, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    if (round % 2) {
      for (size_t i = 0; i < bytes.size(); i += 7) bytes[i] = "<>/p =\"'&"[rng() % 9];
    }
    std::string repaired;
    utf8::repair(bytes, repaired);
    ExtractedPage page = extract_article(repaired);
    EXPECT_TRUE(utf8::is_valid(page.text));
    EXPECT_TRUE(utf8::is_valid(page.title));
  }
}

// Through ingest and the clean stage, as `crosscheck extract` runs it.
std::vector<Article> through_pipeline(std::string_view name, std::string_view bytes) {
  std::vector<Article> out;
  ingest::read_buffer(
      name, bytes, ingest::Options{},
      [&](RawArticle&& raw) {
        Article a = prepare(raw);
        strip_boilerplate(a, {}, nullptr);
        out.push_back(std::move(a));
      },
      [&](Problem&&) {});
  return out;
}

TEST(Extractor, WrongDeclaredCharset) {
  // Declared UTF-8 but written in windows-1252 ("café" as 0xE9), and the reverse.
  std::string latin = "<meta charset=utf-8><body><article>" + std::string(kStory) +
                      "<p>Un caf\xe9, s'il vous pla\xeet, avec du lait.</p></article>";
  std::vector<Article> a = through_pipeline("latin.html", latin);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_TRUE(utf8::is_valid(a[0].text));
  EXPECT_TRUE(has(a[0].text, "The harbour authority said"));
  std::string utf = "<meta charset=windows-1252><body><article>" + std::string(kStory) +
                    "<p>Un caf\xc3\xa9, avec du lait.</p></article>";
  std::vector<Article> b = through_pipeline("utf.html", utf);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_TRUE(utf8::is_valid(b[0].text));
}

TEST(Extractor, BrannockLedgerExample) {
  std::filesystem::path path =
      std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "examples" / "06_brannockledger.html";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<Article> articles = through_pipeline(path.string(), ss.str());
  ASSERT_EQ(articles.size(), 1u);
  const Article& a = articles[0];
  EXPECT_EQ(a.title, "Government hails Velmara port deal as ten-day strike ends");
  EXPECT_EQ(a.source, "The Brannock Ledger");
  EXPECT_EQ(a.published, "2026-03-12T08:20:00Z");
  EXPECT_EQ(a.language, "en");
  EXPECT_TRUE(a.text.starts_with("BRANNOCK — The government on Thursday")) << a.text;
  EXPECT_TRUE(has(a.text, "Dockworkers are due back at work on Friday."));
  for (std::string_view boiler : {"Politics", "Soraya", "Ledger Morning", "About us",
                                  "All rights reserved", "cookies", "Accept all"}) {
    EXPECT_FALSE(has(a.text, boiler)) << boiler;
  }
  EXPECT_NE(std::find(a.authors.begin(), a.authors.end(), "Soraya Lindqvist-Amato"),
            a.authors.end());
  auto listed = [&](std::string_view kind) {
    return std::any_of(a.removed.begin(), a.removed.end(),
                       [&](const Removed& r) { return r.kind == kind; });
  };
  EXPECT_TRUE(listed("navigation"));
  EXPECT_TRUE(listed("byline"));
  EXPECT_TRUE(listed("newsletter"));
  EXPECT_TRUE(listed("footer"));
  EXPECT_TRUE(listed("cookie"));
}

}  // namespace
}  // namespace crosscheck::clean
