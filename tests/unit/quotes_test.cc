// Quote extraction and attribution on invented sentences: every attribution pattern, exact spans
// in both offset systems, multi-paragraph and nested quotes, apostrophes, NER mentions, and
// random bytes that must never crash.
#include "crosscheck/quotes.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

namespace crosscheck::quotes {
namespace {

text::Analyzer& analyzer() {
  static text::Analyzer a(text::AnalyzerOptions{.detect_language = false, .stem = false});
  return a;
}

// One analysed text and its quotes. Not movable: the Document views the Article's text.
class Extracted {
 public:
  explicit Extracted(std::string text, const QuoteOptions& options = {},
                     const std::vector<NameMention>* names = nullptr) {
    article_.id = "test";
    article_.text = std::move(text);
    doc_ = analyzer().analyze(article_);
    quotes_ = extract_quotes(doc_, options, names);
  }
  Extracted(const Extracted&) = delete;
  Extracted& operator=(const Extracted&) = delete;

  const std::vector<Quote>& quotes() const { return quotes_; }
  const Quote& at(size_t i) const { return quotes_.at(i); }
  const Document& doc() const { return doc_; }
  std::string text_of(const TextSpan& s) const {
    return article_.text.substr(s.begin, s.end - s.begin);
  }
  std::string speaker(size_t i) const {
    const Quote& q = quotes_.at(i);
    return q.speaker ? q.speaker->name : std::string("-");
  }
  // The full (non-partial) quotes only.
  std::vector<const Quote*> full() const {
    std::vector<const Quote*> out;
    for (const Quote& q : quotes_)
      if (!q.partial) out.push_back(&q);
    return out;
  }

 private:
  Article article_;
  Document doc_;
  std::vector<Quote> quotes_;
};

// The byte and code point offsets of `needle` (its first occurrence) in `hay`.
TextSpan find_span(const std::string& hay, const std::string& needle) {
  size_t b = hay.find(needle);
  EXPECT_NE(b, std::string::npos) << needle;
  if (b == std::string::npos) return {};
  TextSpan s;
  s.begin = static_cast<uint32_t>(b);
  s.end = static_cast<uint32_t>(b + needle.size());
  s.cp_begin = static_cast<uint32_t>(utf8::count(std::string_view(hay).substr(0, b)));
  s.cp_end = s.cp_begin + static_cast<uint32_t>(utf8::count(needle));
  return s;
}

void expect_span(const TextSpan& got, const TextSpan& want) {
  EXPECT_EQ(got.begin, want.begin);
  EXPECT_EQ(got.end, want.end);
  EXPECT_EQ(got.cp_begin, want.cp_begin);
  EXPECT_EQ(got.cp_end, want.cp_end);
}

// ---- attribution patterns ----------------------------------------------------------------------

TEST(Quotes, QuoteThenNameThenVerb) {
  const std::string t = "“The bridge will open in May,” Marta Kowalczyk said on Tuesday.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  const Quote& q = e.at(0);
  expect_span(q.span, find_span(t, "“The bridge will open in May,”"));
  EXPECT_EQ(q.text, "“The bridge will open in May,”");
  EXPECT_FALSE(q.partial);
  EXPECT_EQ(q.cue.text, "said");
  expect_span(q.cue.span, find_span(t, "said"));
  ASSERT_TRUE(q.speaker);
  EXPECT_EQ(q.speaker->name, "Marta Kowalczyk");
  expect_span(q.speaker->span, find_span(t, "Marta Kowalczyk"));
  expect_span(q.source, find_span(t, "Marta Kowalczyk"));
  EXPECT_EQ(q.how, SpeakerSource::kNamed);
  EXPECT_TRUE(q.speaker->person);
}

TEST(Quotes, QuoteThenVerbThenName) {
  const std::string t = "\"We counted every ballot twice,\" said Okonkwo Adebayo, 52.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  expect_span(e.at(0).span, find_span(t, "\"We counted every ballot twice,\""));
  EXPECT_EQ(e.at(0).cue.text, "said");
  EXPECT_EQ(e.speaker(0), "Okonkwo Adebayo");
  EXPECT_EQ(e.at(0).how, SpeakerSource::kNamed);
}

TEST(Quotes, NameVerbColonQuote) {
  const std::string t = "Mayor Ilse Brandt said: “The tram line is finished.”";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  expect_span(e.at(0).span, find_span(t, "“The tram line is finished.”"));
  EXPECT_EQ(e.at(0).cue.text, "said");
  EXPECT_EQ(e.speaker(0), "Ilse Brandt");
  expect_span(e.at(0).source, find_span(t, "Mayor Ilse Brandt"));
  EXPECT_FALSE(e.at(0).partial);
}

TEST(Quotes, NameVerbThatQuote) {
  const std::string t =
      "The council leader, Tomas Varga, said that “the budget leaves no room for new roads.”";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_FALSE(e.at(0).partial);
  EXPECT_EQ(e.at(0).cue.text, "said");
  EXPECT_EQ(e.speaker(0), "Tomas Varga");
}

TEST(Quotes, AppositiveBetweenNameAndVerb) {
  const std::string t =
      "“Exports fell for the third month,” Rosa Lindqvist, the minister of trade, said.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_EQ(e.speaker(0), "Rosa Lindqvist");
  EXPECT_EQ(e.at(0).cue.text, "said");
  expect_span(e.at(0).source, find_span(t, "Rosa Lindqvist"));
}

TEST(Quotes, AccordingToAfterAndBefore) {
  const std::string t1 = "“The dam is safe,” according to Henrik Sold.";
  Extracted e1(t1);
  ASSERT_EQ(e1.quotes().size(), 1u);
  EXPECT_EQ(e1.at(0).cue.text, "according to");
  EXPECT_EQ(e1.speaker(0), "Henrik Sold");

  const std::string t2 = "According to Henrik Sold, “the dam is safe for another century.”";
  Extracted e2(t2);
  ASSERT_EQ(e2.quotes().size(), 1u);
  EXPECT_FALSE(e2.at(0).partial);
  EXPECT_EQ(e2.at(0).cue.text, "According to");
  EXPECT_EQ(e2.speaker(0), "Henrik Sold");
}

TEST(Quotes, ToldReportersAndObject) {
  const std::string t = "Dr. Amara Osei told reporters: “The clinic reopens on Friday.”";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_EQ(e.at(0).cue.text, "told reporters");
  expect_span(e.at(0).cue.span, find_span(t, "told reporters"));
  EXPECT_EQ(e.speaker(0), "Amara Osei");

  const std::string t2 = "“It was a long night,” Osei wrote in a statement.";
  Extracted e2(t2);
  ASSERT_EQ(e2.quotes().size(), 1u);
  EXPECT_EQ(e2.at(0).cue.text, "wrote in a statement");
  EXPECT_EQ(e2.speaker(0), "Osei");
}

TEST(Quotes, InflectedCues) {
  for (const char* cue : {"says", "added", "asked", "warned", "insisted", "tweeted", "explained"}) {
    const std::string t = std::string("“The river is rising,” Pia Holm ") + cue + ".";
    Extracted e(t);
    ASSERT_EQ(e.quotes().size(), 1u) << cue;
    EXPECT_EQ(e.at(0).cue.text, cue);
    EXPECT_EQ(e.speaker(0), "Pia Holm") << cue;
  }
}

TEST(Quotes, PronounResolvesToLastPersonNamed) {
  const std::string t =
      "Gordon Albescu arrived late to the hearing.\n\n“I was stuck in traffic,” he said.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_EQ(e.at(0).how, SpeakerSource::kPronoun);
  EXPECT_EQ(e.speaker(0), "Gordon Albescu");
  TextSpan he = find_span(t, "he said");
  he.end = he.begin + 2;
  he.cp_end = he.cp_begin + 2;
  expect_span(e.at(0).source, he);
  expect_span(e.at(0).speaker->span, find_span(t, "Gordon Albescu"));
}

TEST(Quotes, PronounPrefersSubjectOfPreviousAttribution) {
  // Larsen is named after Varga's attribution but not as a subject: "he" stays with Varga.
  const std::string t =
      "“The fence is too low,” Peter Varga said of the plan by Nils Larsen. "
      "“It will not stop anyone,” he added.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 2u);
  EXPECT_EQ(e.speaker(1), "Peter Varga");
  EXPECT_EQ(e.at(1).how, SpeakerSource::kPronoun);
}

TEST(Quotes, PronounGenderFromTitles) {
  const std::string t =
      "Mr. Ruiz and Ms. Okafor met the press on Monday. “We disagree on almost everything,” "
      "she said.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_EQ(e.speaker(0), "Okafor");
}

TEST(Quotes, DescriptionResolvedByRole) {
  const std::string t =
      "Jonas Berg, a spokesman for the port authority, did not return calls on Monday.\n\n"
      "“We are reviewing the contract,” the spokesman said on Tuesday.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_EQ(e.at(0).how, SpeakerSource::kNominal);
  EXPECT_EQ(e.speaker(0), "Jonas Berg");
  {
    TextSpan s = find_span(t, "the spokesman");
    expect_span(e.at(0).source, s);
  }
}

TEST(Quotes, DescriptionWithoutRoleHasNoSpeaker) {
  const std::string t = "“We are reviewing the contract,” the spokesman said.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_FALSE(e.at(0).speaker);
  EXPECT_EQ(e.at(0).how, SpeakerSource::kNone);
  expect_span(e.at(0).source, find_span(t, "the spokesman"));
  EXPECT_EQ(e.at(0).cue.text, "said");
}

TEST(Quotes, TitleGivesRole) {
  const std::string t =
      "Sen. Walter Brisk voted against the bill. “It is a giveaway,” the senator said.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_EQ(e.speaker(0), "Walter Brisk");
  EXPECT_EQ(e.at(0).how, SpeakerSource::kNominal);
}

TEST(Quotes, SurnameExpandsToFullName) {
  const std::string t =
      "Carla Montes opened the session. Later, “we will vote today,” Montes said.";
  Extracted e(t);
  ASSERT_GE(e.quotes().size(), 1u);
  EXPECT_EQ(e.speaker(0), "Carla Montes");
  expect_span(e.at(0).speaker->span, [&] {
    TextSpan s = find_span(t, "Montes said");
    s.end = s.begin + 6;
    s.cp_end = s.cp_begin + 6;
    return s;
  }());
}

TEST(Quotes, InterruptedQuoteBothHalvesAttributed) {
  const std::string t = "“The water is clean,” Ana Lupu said, “and the tests prove it.”";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 2u);
  EXPECT_EQ(e.speaker(0), "Ana Lupu");
  EXPECT_EQ(e.speaker(1), "Ana Lupu");
  EXPECT_FALSE(e.at(1).partial);
}

TEST(Quotes, ContinuationAcrossSentencesAndParagraphs) {
  const std::string t =
      "“The harvest was poor,” said Ivo Kranjc on Friday. “Prices will rise.”\n\n"
      "“Nobody can stop that.”";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 3u);
  EXPECT_EQ(e.speaker(1), "Ivo Kranjc");
  EXPECT_EQ(e.at(1).how, SpeakerSource::kContinuation);
  EXPECT_EQ(e.speaker(2), "Ivo Kranjc");
  EXPECT_TRUE(e.at(1).source.empty());
}

TEST(Quotes, NoContinuationAfterAnotherPerson) {
  const std::string t =
      "“The harvest was poor,” said Ivo Kranjc. Then Maja Horvat spoke. “Prices will rise.”";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 2u);
  EXPECT_FALSE(e.at(1).speaker);
}

TEST(Quotes, IntroductionEndingWithColon) {
  const std::string t = "Kofi Mensah continued:\n\n“We will rebuild every house.”";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_EQ(e.speaker(0), "Kofi Mensah");
  EXPECT_EQ(e.at(0).cue.text, "continued");
}

TEST(Quotes, ParticipleTakesClauseSubject) {
  const std::string t =
      "Lena Fischer defended the decision on Monday, saying, “There was no other option.”";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_EQ(e.speaker(0), "Lena Fischer");
  EXPECT_EQ(e.at(0).cue.text, "saying");
}

TEST(Quotes, LabelAndDashPatterns) {
  const std::string t1 = "Ravi Menon: ‘The Vote Was Stolen From Us.’";
  Extracted e1(t1);
  ASSERT_EQ(e1.quotes().size(), 1u);
  EXPECT_EQ(e1.speaker(0), "Ravi Menon");

  const std::string t2 = "“Every vote counts, even mine.” ― Ruth Abernathy";
  Extracted e2(t2);
  ASSERT_EQ(e2.quotes().size(), 1u);
  EXPECT_EQ(e2.speaker(0), "Ruth Abernathy");
}

TEST(Quotes, OrganisationSpeakerIsNotAPerson) {
  const std::string t = "“The flight was delayed by fog,” the Nordvik Airlines Company said.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  ASSERT_TRUE(e.at(0).speaker);
  EXPECT_FALSE(e.at(0).speaker->person);
}

TEST(Quotes, NameParticlesInitialsAndHyphens) {
  const std::string t =
      "“The archive must stay open,” said Jan-Willem van der Berg. "
      "“So must the library,” said J. R. Okoye-Smith.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 2u);
  EXPECT_EQ(e.speaker(0), "Jan-Willem van der Berg");
  EXPECT_EQ(e.speaker(1), "J. R. Okoye-Smith");
}

// ---- quotation marks ---------------------------------------------------------------------------

TEST(Quotes, StraightAndTypographicMarks) {
  for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"\"", "\""}, {"“", "”"}, {"«", "»"}, {"„", "“"}, {"''", "''"}}) {
    const std::string quote = open + "The ferry is late again," + close;
    const std::string t = quote + " Elin Dahl said.";
    Extracted e(t);
    ASSERT_EQ(e.quotes().size(), 1u) << open;
    expect_span(e.at(0).span, find_span(t, quote));
    EXPECT_EQ(e.speaker(0), "Elin Dahl") << open;
  }
}

TEST(Quotes, MultiSentenceQuote) {
  const std::string t =
      "“The road is closed. The bridge is closed. Nobody can leave,” the mayor, Otto Rask, said.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  expect_span(e.at(0).span,
              find_span(t, "“The road is closed. The bridge is closed. Nobody can leave,”"));
  EXPECT_EQ(e.speaker(0), "Otto Rask");
}

TEST(Quotes, MultiParagraphQuote) {
  const std::string t =
      "Hana Sato described the night:\n\n"
      "“The water came in through the floor. We carried the children upstairs.\n\n"
      "“By morning the street was a river.”\n\n"
      "The town has since been evacuated.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  const Quote& q = e.at(0);
  EXPECT_EQ(q.paragraphs, 2u);
  expect_span(q.span, find_span(t,
                                "“The water came in through the floor. We carried the children "
                                "upstairs.\n\n“By morning the street was a river.”"));
  EXPECT_EQ(e.speaker(0), "Hana Sato");
}

TEST(Quotes, MultiParagraphOffKeepsParagraphsApart) {
  const std::string t =
      "“The water came in through the floor.\n\n“By morning the street was a river.”";
  QuoteOptions o;
  o.multi_paragraph = false;
  Extracted e(t, o);
  ASSERT_EQ(e.quotes().size(), 1u);
  expect_span(e.at(0).span, find_span(t, "“By morning the street was a river.”"));
}

TEST(Quotes, UnclosedQuoteIsDropped) {
  const std::string t = "“This never closes, said Erik Nyberg.\n\nThe next paragraph is plain.";
  Extracted e(t);
  EXPECT_TRUE(e.quotes().empty());
}

TEST(Quotes, PartialQuoteInsideSentence) {
  const std::string t = "Fatima Zahra called the ruling a “historic mistake” and left the court.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  EXPECT_TRUE(e.at(0).partial);
  expect_span(e.at(0).span, find_span(t, "“historic mistake”"));
  EXPECT_EQ(e.speaker(0), "Fatima Zahra");
  QuoteOptions o;
  o.include_partial = false;
  Extracted none(t, o);
  EXPECT_TRUE(none.quotes().empty());
}

TEST(Quotes, ApostrophesAreNotQuotes) {
  const std::string t =
      "Obama's aides remember the '90s and rock 'n' roll. The voters' mood changed, "
      "O’Brien’s team said. In the ’80s nobody cared.";
  Extracted e(t);
  EXPECT_TRUE(e.quotes().empty());
}

TEST(Quotes, SingleQuotesBesideApostrophes) {
  const std::string t =
      "The candidates' debate was called 'a circus' by the voters' union, Obama's aide said.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 1u);
  expect_span(e.at(0).span, find_span(t, "'a circus'"));
  EXPECT_TRUE(e.at(0).partial);
}

TEST(Quotes, NestedQuotesBelongToTheOuterQuote) {
  const std::string t =
      "“He told me ‘don’t worry’ and then he left,” said Grete Vik. "
      "‘My son said “never again” to them,’ said Ola Vik.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 2u);
  expect_span(e.at(0).span, find_span(t, "“He told me ‘don’t worry’ and then he left,”"));
  expect_span(e.at(1).span, find_span(t, "‘My son said “never again” to them,’"));
  EXPECT_EQ(e.speaker(0), "Grete Vik");
  EXPECT_EQ(e.speaker(1), "Ola Vik");
}

TEST(Quotes, SingleQuotesCanBeTurnedOff) {
  QuoteOptions o;
  o.single_quotes = false;
  Extracted e("‘The Vote Was Stolen,’ Ravi Menon said.", o);
  EXPECT_TRUE(e.quotes().empty());
}

TEST(Quotes, TextEqualsSpan) {
  const std::string t = "Zoë Ødegård said: “Ça va très bien — merci!” Then “ünïcödé ✓,” she added.";
  Extracted e(t);
  ASSERT_EQ(e.quotes().size(), 2u);
  for (const Quote& q : e.quotes()) {
    EXPECT_EQ(q.text, e.text_of(q.span));
    EXPECT_EQ(q.span.cp_end - q.span.cp_begin, utf8::count(q.text));
  }
  expect_span(e.at(0).span, find_span(t, "“Ça va très bien — merci!”"));
}

// ---- names from a tagger -----------------------------------------------------------------------

TEST(Quotes, NameMentionsFromATagger) {
  const std::string t = "“we ship on monday,” said acme logistics.";
  // Lower-case names the heuristic cannot see; a tagger says ORG.
  Article a;
  a.text = t;
  Document doc = analyzer().analyze(a);
  std::vector<NameMention> mentions;
  for (uint32_t i = 0; i + 1 < doc.tokens.size(); ++i)
    if (doc.token_text(doc.tokens[i]) == "acme") mentions.push_back({i, i + 2, "ORG"});
  ASSERT_EQ(mentions.size(), 1u);
  std::vector<Quote> qs = extract_quotes(doc, {}, &mentions);
  ASSERT_EQ(qs.size(), 1u);
  ASSERT_TRUE(qs[0].speaker);
  EXPECT_EQ(qs[0].speaker->name, "acme logistics");
  EXPECT_FALSE(qs[0].speaker->person);

  std::vector<NameMention> person = {{mentions[0].token_begin, mentions[0].token_end, "PER"}};
  qs = extract_quotes(doc, {}, &person);
  ASSERT_EQ(qs.size(), 1u);
  ASSERT_TRUE(qs[0].speaker);
  EXPECT_TRUE(qs[0].speaker->person);

  std::vector<NameMention> broken = {{5, 2, "PER"}, {1000, 2000, "PER"}};
  EXPECT_NO_FATAL_FAILURE(extract_quotes(doc, {}, &broken));
}

TEST(Quotes, DocumentWithoutNormsAndWithCrLf) {
  // Analysed without case folding (no Document::norms) and with CR LF line ends.
  text::Analyzer plain(
      text::AnalyzerOptions{.detect_language = false, .fold = false, .stem = false});
  Article a;
  a.text = "Nadia Haddad spoke first.\r\n\r\n“The port reopens Monday,” she said.";
  Document doc = plain.analyze(a);
  ASSERT_TRUE(doc.norms.empty());
  std::vector<Quote> qs = extract_quotes(doc);
  ASSERT_EQ(qs.size(), 1u);
  ASSERT_TRUE(qs[0].speaker);
  EXPECT_EQ(qs[0].speaker->name, "Nadia Haddad");
  EXPECT_EQ(qs[0].cue.text, "said");
}

// ---- robustness --------------------------------------------------------------------------------

TEST(Quotes, EmptyAndMarkOnlyInputs) {
  for (const char* t : {"", "\"", "“", "”", "''", "' '", "\"\"", "“”", "« »", "\n\n“\n\n”\n",
                        "said", "“,” said", "“x,” said", "“x,” he said", "‘’‘’‘’"}) {
    Extracted e(t);
    for (const Quote& q : e.quotes()) EXPECT_EQ(q.text, e.text_of(q.span));
  }
}

TEST(Quotes, RandomBytesNeverCrash) {
  std::mt19937 rng(20240611);
  const std::vector<std::string> pieces = {"\"",
                                           "'",
                                           "“",
                                           "”",
                                           "‘",
                                           "’",
                                           "«",
                                           "»",
                                           "„",
                                           "''",
                                           " said ",
                                           " he ",
                                           " Smith ",
                                           "Mr.",
                                           ", ",
                                           ".",
                                           ":",
                                           "\n",
                                           "\n\n",
                                           " the spokesman ",
                                           " according to ",
                                           "Ann Lee",
                                           "—",
                                           "―",
                                           "(",
                                           ")",
                                           "who",
                                           " told ",
                                           "'s",
                                           "x"};
  for (int round = 0; round < 400; ++round) {
    std::string raw;
    const int n = static_cast<int>(rng() % 300);
    for (int i = 0; i < n; ++i) {
      if (rng() % 3 == 0) {
        raw.push_back(static_cast<char>(rng() % 256));
      } else {
        raw += pieces[rng() % pieces.size()];
      }
    }
    std::string text;
    utf8::repair(raw, text);
    Extracted e(text);
    for (const Quote& q : e.quotes()) {
      ASSERT_LE(q.span.end, text.size());
      ASSERT_LT(q.span.begin, q.span.end);
      ASSERT_EQ(q.text, e.text_of(q.span));
      if (q.speaker) {
        ASSERT_LE(q.speaker->span.end, text.size());
      }
      if (!q.cue.span.empty()) {
        ASSERT_LE(q.cue.span.end, text.size());
      }
    }
  }
}

}  // namespace
}  // namespace crosscheck::quotes
