// Rules of remove_boilerplate() on invented snippets: each rule once positively, and the news
// sentences and subheadings that look like boilerplate but must stay.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crosscheck/clean.h"

namespace crosscheck::clean {
namespace {

constexpr const char* kLead =
    "The harbour council voted on Tuesday to extend the ferry contract for another five years, "
    "officials said.";
constexpr const char* kBody =
    "The operator will add two evening crossings from June, according to the council's "
    "transport committee.";
constexpr const char* kTail = "Passenger numbers rose by 12% last year, the operator said.";

BoilerplateResult run(const std::string& text, std::string_view outlet = "unknown",
                      const TemplateModel* templates = nullptr, BoilerplateOptions options = {}) {
  return remove_boilerplate(text, outlet, options, templates);
}

std::string article(const std::string& extra_front, const std::string& extra_back) {
  std::string s;
  if (!extra_front.empty()) s += extra_front + "\n";
  s += std::string(kLead) + "\n" + kBody + "\n" + kTail;
  if (!extra_back.empty()) s += "\n" + extra_back;
  return s;
}

std::string clean_text() { return std::string(kLead) + "\n\n" + kBody + "\n\n" + kTail; }

std::vector<std::string> kinds(const BoilerplateResult& r) {
  std::vector<std::string> out;
  for (const Removed& x : r.removed) out.push_back(x.kind);
  return out;
}

using Kinds = std::vector<std::string>;

TEST(Boilerplate, CleanTextIsUntouchedExceptParagraphJoins) {
  BoilerplateResult r = run(std::string(kLead) + "\n\n\n" + kBody + "\n" + kTail + "\n");
  EXPECT_EQ(r.text, clean_text());
  EXPECT_TRUE(r.removed.empty());
  EXPECT_TRUE(r.authors.empty());
  EXPECT_TRUE(r.credits.empty());
}

TEST(Boilerplate, EmptyInput) {
  EXPECT_EQ(run("").text, "");
  EXPECT_EQ(run("\n\n  \n").text, "");
}

TEST(Boilerplate, LoneFollowAtTheEnd) {
  BoilerplateResult r = run(article("", "\n\n\nFollow"));
  EXPECT_EQ(r.text, clean_text());
  EXPECT_EQ(kinds(r), Kinds{"navigation"});
  EXPECT_EQ(r.removed[0].text, "Follow");
}

TEST(Boilerplate, InterfaceLinesAnywhere) {
  std::string text = std::string(kLead) + "\nShare this article\n" + kBody +
                     "\nFollow us on Facebook and Twitter\n" + kTail +
                     "\nAsk our assistant\nSee related topics";
  BoilerplateResult r = run(text);
  EXPECT_EQ(r.text, clean_text());
  EXPECT_EQ(kinds(r), (Kinds{"navigation", "navigation", "navigation", "navigation"}));
}

TEST(Boilerplate, AdvertisementMarkers) {
  std::string text = std::string(kLead) + "\n- Advertisement -\n" + kBody +
                     "\nSTORY CONTINUES BELOW ADVERTISEMENT\n" + kTail + "\n[Sponsored]";
  BoilerplateResult r = run(text);
  EXPECT_EQ(r.text, clean_text());
  EXPECT_EQ(kinds(r), (Kinds{"advertisement", "advertisement", "advertisement"}));
}

TEST(Boilerplate, LinkLabels) {
  std::string text = std::string(kLead) + "\nRead more: Ferry fares to rise in autumn\n" + kBody +
                     "\n" + kTail + "\nTags: ferries, harbour, transport";
  BoilerplateResult r = run(text);
  EXPECT_EQ(r.text, clean_text());
  EXPECT_EQ(kinds(r), (Kinds{"navigation", "navigation"}));
}

TEST(Boilerplate, DonationAppealExpandsFromItsCues) {
  std::string appeal =
      "A note from the Lakeside Gazette:\n"
      "Dear readers,\n"
      "For twenty years we have covered this valley without a paywall, and our newsroom has "
      "never been smaller.\n"
      "We rely on people like you. Our reporters stay on a story for as long as it takes.\n"
      "If you can, please make a monthly contribution from just $3. Every donation helps keep "
      "independent journalism alive.\n"
      "Thank you for standing with us.\n"
      "Maybe later";
  BoilerplateResult r = run(article("", appeal));
  EXPECT_EQ(r.text, clean_text());
  EXPECT_EQ(r.removed.size(), 7u);
  for (const Removed& x : r.removed) EXPECT_EQ(x.kind, "appeal") << x.text;
}

TEST(Boilerplate, AppealNeverSwallowsNewsParagraphs) {
  // The paragraph before the appeal is news that quotes a "we": the quotation is not the
  // paragraph's own voice, and it reports someone ("said"), so expansion stops there.
  std::string quote =
      "\"We will support the ferry workers and we ask you to do the same,\" the union leader said.";
  std::string appeal =
      "Your support makes our journalism possible. Please donate today, any amount helps.";
  BoilerplateResult r = run(article("", quote + "\n" + appeal));
  EXPECT_EQ(r.text, clean_text() + "\n\n" + quote);
  EXPECT_EQ(kinds(r), Kinds{"appeal"});
}

TEST(Boilerplate, NewsAboutDonationsIsNotAnAppeal) {
  std::string news =
      "The charity said readers of the local paper had donated more than $40,000 to support "
      "families who lost their homes, and that monthly contributions had doubled.";
  BoilerplateResult r = run(article("", news));
  EXPECT_TRUE(r.removed.empty());
}

TEST(Boilerplate, BylineAndTaglineAtTheEnd) {
  BoilerplateResult r = run(article("", "By Mara Quillon\nThe Harbour Post - local news first."));
  EXPECT_EQ(r.text, clean_text());
  EXPECT_EQ(kinds(r), (Kinds{"byline", "tagline"}));
  EXPECT_EQ(r.authors, std::vector<std::string>{"Mara Quillon"});
}

TEST(Boilerplate, BylineShapes) {
  BoilerplateResult a = run(article("By Jon Erikssen and Ada Mbeki | The Harbour Post", ""));
  EXPECT_EQ(a.text, clean_text());
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jon Erikssen", "Ada Mbeki"}));

  BoilerplateResult b = run(article("Ada Mbeki, Staff Reporter", ""));
  EXPECT_EQ(b.text, clean_text());
  EXPECT_EQ(b.authors, std::vector<std::string>{"Ada Mbeki"});

  // A headline first, then the byline: the headline stays, the byline goes.
  BoilerplateResult c =
      run(article("Ferry Contract Extended\nBy Ada Mbeki, Transport Correspondent", ""));
  EXPECT_EQ(c.text, "Ferry Contract Extended\n\n" + clean_text());
  EXPECT_EQ(kinds(c), Kinds{"byline"});
  EXPECT_EQ(c.authors, std::vector<std::string>{"Ada Mbeki"});
}

TEST(Boilerplate, SentencesStartingWithByStay) {
  std::string text = "By The Numbers\n" + article("", "") +
                     "\nBy Monday the queue had cleared.\nBy then, the ferry had left.";
  BoilerplateResult r = run(text);
  EXPECT_TRUE(r.removed.empty()) << r.removed[0].text;
  EXPECT_TRUE(r.authors.empty());
}

TEST(Boilerplate, CreditLines) {
  BoilerplateResult a = run(article("", "with AFP and Reuters"));
  EXPECT_EQ(a.text, clean_text());
  EXPECT_EQ(kinds(a), Kinds{"credit"});
  EXPECT_EQ(a.credits, (std::vector<std::string>{"AFP", "Reuters"}));

  BoilerplateResult b =
      run(article("", "(Reporting by Ada Mbeki in Lagos; Editing by Jon Erikssen)"));
  EXPECT_EQ(b.text, clean_text());
  EXPECT_EQ(kinds(b), Kinds{"credit"});
  EXPECT_EQ(b.credits, (std::vector<std::string>{"Ada Mbeki", "Jon Erikssen"}));

  BoilerplateResult c = run(article("", "Additional reporting by Kyodo, Yonhap and Xinhua."));
  EXPECT_EQ(c.credits, (std::vector<std::string>{"Kyodo", "Yonhap", "Xinhua"}));

  BoilerplateResult d = run(article("", "With inputs from Harbour News Agency"));
  EXPECT_EQ(d.credits, std::vector<std::string>{"Harbour News Agency"});
}

TEST(Boilerplate, CreditLookalikesStay) {
  // "with" + a capitalised phrase that names no agency is a heading or prose.
  std::string text = article("", "With Love From the Harbour\nwith the ferry due back at noon");
  BoilerplateResult r = run(text);
  EXPECT_TRUE(r.removed.empty());
  EXPECT_TRUE(r.credits.empty());
}

TEST(Boilerplate, NewsSentencesWithCueWordsStay) {
  std::string text =
      "Officials said on X that the ferry would follow its usual timetable.\n"
      "Support for the contract was strong among councillors, who will share the cost.\n"
      "Residents can sign up for the new pass at the terminal, a spokeswoman said.\n"
      "Follow the money, the auditor told the committee.\n" +
      article("", "");
  BoilerplateResult r = run(text);
  EXPECT_TRUE(r.removed.empty()) << r.removed[0].text;
}

TEST(Boilerplate, SubheadingsInsideTheBodyStay) {
  std::string text = std::string(kLead) + "\nThe Gap Remains\n" + kBody +
                     "\nShare prices slip as contract is extended\n" + kTail;
  BoilerplateResult r = run(text);
  EXPECT_TRUE(r.removed.empty()) << r.removed[0].text;
}

TEST(Boilerplate, TitleLineAtTheTopStays) {
  std::string text = "Ferry Operators Follow Council Into Longer Contracts\n" + article("", "");
  BoilerplateResult r = run(text);
  EXPECT_TRUE(r.removed.empty()) << r.removed[0].text;
}

TEST(Boilerplate, NewsletterPromo) {
  std::string promo =
      "Sign up for the Harbour Briefing, our free newsletter, and get the top stories in your "
      "inbox every morning.";
  BoilerplateResult r = run(std::string(kLead) + "\n" + promo + "\n" + kBody + "\n" + kTail);
  EXPECT_EQ(r.text, clean_text());
  EXPECT_EQ(kinds(r), Kinds{"newsletter"});
}

TEST(Boilerplate, CopyrightAndDatelineAtTheEdges) {
  BoilerplateResult r = run(article("Published 12 March 2026, 09:14",
                                    "\xC2\xA9 2026 The Harbour Post. All rights reserved."));
  EXPECT_EQ(r.text, clean_text());
  EXPECT_EQ(kinds(r), (Kinds{"other", "copyright"}));
}

TEST(Boilerplate, FlattenedPageFooterAndCookieNotice) {
  BoilerplateResult r = run(article(
      "", "About us\nPrivacy policy\nTerms of use\n\xC2\xA9 2026 The Harbour Post\n"
          "We use cookies to improve our site. You can change your choice in Cookie settings.\n"
          "Accept all Manage preferences"));
  EXPECT_EQ(r.text, clean_text());
  EXPECT_EQ(kinds(r), (Kinds{"navigation", "navigation", "navigation", "copyright", "navigation",
                             "navigation"}));
}

TEST(Boilerplate, RemovedIsInTextOrderAndVerbatim) {
  BoilerplateResult r = run(article("Share", "- Advertisement -\nFollow"));
  ASSERT_EQ(r.removed.size(), 3u);
  EXPECT_EQ(r.removed[0].text, "Share");
  EXPECT_EQ(r.removed[1].text, "- Advertisement -");
  EXPECT_EQ(r.removed[2].text, "Follow");
}

TEST(Boilerplate, TemplatesRepeatedWithinOneOutlet) {
  const std::string promo = "Independent local news since 1921.";
  TemplateModel model;
  std::vector<std::string> texts;
  for (int i = 0; i < 3; ++i) {
    texts.push_back("Story number " + std::to_string(i) +
                    " describes a different council decision in full sentences.\n" + promo);
    model.observe("harbourpost.example", texts.back());
  }
  BoilerplateResult r = run(texts[0], "harbourpost.example", &model);
  EXPECT_EQ(kinds(r), Kinds{"template"});
  EXPECT_EQ(r.removed[0].text, promo);

  // Another outlet, or a higher threshold, or the pooled "unknown" outlet: nothing is a template.
  EXPECT_TRUE(run(texts[0], "other.example", &model).removed.empty());
  BoilerplateOptions strict;
  strict.template_min_articles = 4;
  EXPECT_TRUE(run(texts[0], "harbourpost.example", &model, strict).removed.empty());
  TemplateModel pooled;
  for (const std::string& t : texts) pooled.observe("unknown", t);
  EXPECT_TRUE(run(texts[0], "unknown", &pooled).removed.empty());
}

TEST(Boilerplate, RepeatedNewsParagraphStaysInsideTheBody) {
  // Three updates of one story share a news paragraph; it is in the middle, so it stays.
  const std::string shared =
      "The council approved the contract by nine votes to four after a two-hour debate.";
  TemplateModel model;
  std::vector<std::string> texts;
  for (int i = 0; i < 3; ++i) {
    texts.push_back("Update " + std::to_string(i) + ": the ferry contract was extended today.\n" +
                    shared + "\nThe next vote is due in " + std::to_string(i + 2) + " weeks.");
    model.observe("harbourpost.example", texts.back());
  }
  EXPECT_TRUE(run(texts[0], "harbourpost.example", &model).removed.empty());
}

}  // namespace
}  // namespace crosscheck::clean
