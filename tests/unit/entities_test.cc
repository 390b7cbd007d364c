// Named-entity tagger: lexical features (shapes, affixes, flags), the tag grammar and Viterbi,
// span conversion and conlleval scoring, the CoNLL reader, the gazetteer's leave-one-out, word
// clusters, save/load, a tiny model trained here on invented sentences, thread safety, and
// inputs that must not crash (empty, garbage bytes, huge tokens).
#include "crosscheck/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/text.h"
#include "tests/support/ingest_capture.h"
#include "src/entities/casing.h"
#include "src/entities/clusters.h"
#include "src/entities/corpus_tokens.h"
#include "src/entities/crf.h"
#include "src/entities/decoder.h"
#include "src/entities/embeddings.h"
#include "src/entities/features.h"
#include "src/entities/gazetteer.h"
#include "src/entities/hash.h"
#include "src/entities/lexical.h"
#include "src/entities/model.h"
#include "src/entities/perceptron.h"
#include "src/entities/tags.h"

namespace crosscheck::entities {
namespace {

namespace fs = std::filesystem;

// ---- lexical features ------------------------------------------------------------------------

TEST(Lexical, Shapes) {
  EXPECT_EQ(word_shape("Washington", false), "Xxxxx");
  EXPECT_EQ(word_shape("Washington", true), "Xx");
  EXPECT_EQ(word_shape("U.S.", false), "X.X.");
  EXPECT_EQ(word_shape("U.S.", true), "X.X.");
  EXPECT_EQ(word_shape("1996-08-22", false), "dddd-dd-dd");
  EXPECT_EQ(word_shape("1996-08-22", true), "d-d-d");
  EXPECT_EQ(word_shape("McDonald", true), "XxXx");
  EXPECT_EQ(word_shape("iPhone", true), "xXx");
  EXPECT_EQ(word_shape("NATO", false), "XXXX");
  EXPECT_EQ(word_shape("Zürich", true), "Xx");
  EXPECT_EQ(word_shape("Зеленський", false), "Xxxxx");
  EXPECT_EQ(word_shape("", false), "");
}

TEST(Lexical, LowerFormMapsDigitsAndCase) {
  EXPECT_EQ(lower_form("JAPAN"), "japan");
  EXPECT_EQ(lower_form("1996-08-22"), "0000-00-00");
  EXPECT_EQ(lower_form("Zürich"), "zürich");
  EXPECT_EQ(lower_form("ДУМА"), "дума");
}

TEST(Lexical, FlagsAndFormHashes) {
  Lexeme nato = analyze_token("NATO");
  EXPECT_TRUE(nato.flags & kAllCaps);
  EXPECT_TRUE(nato.flags & kInitCap);
  EXPECT_FALSE(nato.flags & kHasLower);
  Lexeme iphone = analyze_token("iPhone");
  EXPECT_FALSE(iphone.flags & kInitCap);
  EXPECT_TRUE(iphone.flags & kMixedCaps);
  Lexeme year = analyze_token("1996");
  EXPECT_TRUE(year.flags & kAllDigit);
  EXPECT_TRUE(analyze_token(",").flags & kNoLetter);
  EXPECT_TRUE(analyze_token("Kyiv-based").flags & kHasHyphen);
  EXPECT_EQ(analyze_token("Paris").length, 5);

  // One seed for all forms: the lower form of JAPAN is the word "japan", its title form "Japan".
  Lexeme caps = analyze_token("JAPAN");
  EXPECT_EQ(caps.lower, hash_bytes("japan"));
  EXPECT_EQ(caps.title, hash_bytes("Japan"));
  EXPECT_EQ(caps.title, analyze_token("Japan").word);
}

TEST(Lexical, AffixesAreCaseInsensitiveAndByCodePoint) {
  Lexeme paris = analyze_token("Paris"), parliament = analyze_token("PARLIAMENT");
  for (int k = 0; k < 3; ++k) EXPECT_EQ(paris.prefix[k], parliament.prefix[k]) << k;
  EXPECT_NE(paris.prefix[3], parliament.prefix[3]);  // "pari" vs "parl"
  Lexeme running = analyze_token("running"), sing = analyze_token("Sing");
  for (int k = 0; k < 3; ++k) EXPECT_EQ(running.suffix[k], sing.suffix[k]) << k;
  EXPECT_NE(running.suffix[3], sing.suffix[3]);
  Lexeme short_word = analyze_token("Ab");
  EXPECT_EQ(short_word.prefix[2], 0u);  // too short for a 3-prefix
  EXPECT_EQ(short_word.suffix[3], 0u);
  // Code points, not bytes: "ü" is one character.
  Lexeme a = analyze_token("Müller"), b = analyze_token("müde");
  EXPECT_EQ(a.prefix[1], b.prefix[1]);
}

// ---- tags, spans, the grammar ----------------------------------------------------------------

TEST(Tags, SpansFromIob1AndBio) {
  std::vector<Span> iob1 = spans_from_tags({"I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"});
  ASSERT_EQ(iob1.size(), 4u);
  EXPECT_EQ(iob1[0], (Span{0, 2, "PER"}));
  EXPECT_EQ(iob1[1], (Span{2, 3, "PER"}));
  EXPECT_EQ(iob1[2], (Span{4, 5, "LOC"}));
  EXPECT_EQ(iob1[3], (Span{5, 6, "ORG"}));
  std::vector<Span> bio = spans_from_tags({"B-ORG", "I-ORG", "B-ORG", "O", "O", "I-MISC"});
  ASSERT_EQ(bio.size(), 3u);
  EXPECT_EQ(bio[2], (Span{5, 6, "MISC"}));  // I- after O starts an entity, as in conlleval
  std::vector<Span> bilou = spans_from_tags({"U-LOC", "B-PER", "L-PER", "U-PER"});
  ASSERT_EQ(bilou.size(), 3u);
  EXPECT_EQ(bilou[1], (Span{1, 3, "PER"}));
  EXPECT_TRUE(spans_from_tags({}).empty());
  EXPECT_TRUE(spans_from_tags({"O", "O"}).empty());
}

TEST(Tags, SchemesRoundTrip) {
  std::vector<Span> spans = {{0, 2, "PER"}, {2, 3, "PER"}, {4, 5, "LOC"}};
  std::vector<std::string> bio = tags_from_spans(spans, 6, Scheme::kBio);
  EXPECT_EQ(bio, (std::vector<std::string>{"B-PER", "I-PER", "B-PER", "O", "B-LOC", "O"}));
  std::vector<std::string> iob1 = tags_from_spans(spans, 6, Scheme::kIob1);
  EXPECT_EQ(iob1, (std::vector<std::string>{"I-PER", "I-PER", "B-PER", "O", "I-LOC", "O"}));
  EXPECT_EQ(spans_from_tags(bio), spans);
  EXPECT_EQ(spans_from_tags(iob1), spans);
}

TEST(Tags, BilouEncodeDecode) {
  TagSet tags({"PER", "LOC", "ORG", "MISC"});
  EXPECT_EQ(tags.type_names(), (std::vector<std::string>{"LOC", "MISC", "ORG", "PER"}));
  EXPECT_EQ(tags.size(), 17u);
  std::vector<Span> spans = {{0, 3, "PER"}, {3, 4, "LOC"}, {5, 7, "ORG"}};
  std::vector<uint8_t> ids = tags.encode(spans, 8);
  EXPECT_EQ(TagSet::position_of(ids[0]), Position::kBegin);
  EXPECT_EQ(TagSet::position_of(ids[1]), Position::kInside);
  EXPECT_EQ(TagSet::position_of(ids[2]), Position::kLast);
  EXPECT_EQ(TagSet::position_of(ids[3]), Position::kUnit);
  EXPECT_EQ(ids[4], 0);
  EXPECT_EQ(tags.decode(ids.data(), ids.size()), spans);
}

TEST(Tags, GrammarForbidsInsideAfterOutside) {
  TagSet tags({"LOC", "PER"});
  const int o = 0;
  const int b_per = TagSet::tag(1, Position::kBegin), i_per = TagSet::tag(1, Position::kInside);
  const int l_per = TagSet::tag(1, Position::kLast), u_loc = TagSet::tag(0, Position::kUnit);
  const int i_loc = TagSet::tag(0, Position::kInside);
  EXPECT_FALSE(tags.allowed(o, i_per));
  EXPECT_FALSE(tags.allowed(o, l_per));
  EXPECT_FALSE(tags.allowed(TagSet::kStart, i_per));
  EXPECT_FALSE(tags.allowed(b_per, o));
  EXPECT_FALSE(tags.allowed(b_per, i_loc));
  EXPECT_FALSE(tags.allowed(b_per, TagSet::kEnd));
  EXPECT_TRUE(tags.allowed(b_per, i_per));
  EXPECT_TRUE(tags.allowed(i_per, l_per));
  EXPECT_TRUE(tags.allowed(l_per, b_per));
  EXPECT_TRUE(tags.allowed(u_loc, u_loc));
  EXPECT_TRUE(tags.allowed(o, TagSet::kEnd));
}

TEST(Decoder, ViterbiNeverBreaksTheGrammar) {
  TagSet tags({"LOC", "PER"});
  Transitions t = Transitions::zero(tags);
  const size_t k = tags.size();
  const int i_per = TagSet::tag(1, Position::kInside);
  // Emissions that prefer O, then I-PER, then O: the greedy choice is ill-formed.
  std::vector<float> e(3 * k, 0.0f);
  e[0 * k + 0] = 5;
  e[1 * k + size_t(i_per)] = 10;
  e[2 * k + 0] = 5;
  std::vector<uint8_t> out(3);
  std::vector<float> scratch;
  std::vector<uint8_t> back;
  viterbi(e.data(), 3, t, out.data(), scratch, back);
  int prev = TagSet::kStart;
  for (uint8_t tag : out) {
    EXPECT_TRUE(tags.allowed(prev, tag)) << int(prev) << " -> " << int(tag);
    prev = tag;
  }
  EXPECT_TRUE(tags.allowed(prev, TagSet::kEnd));

  // Random emissions: always a well-formed path.
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> d(-5, 5);
  for (int trial = 0; trial < 200; ++trial) {
    size_t n = 1 + rng() % 12;
    std::vector<float> em(n * k);
    for (float& v : em) v = d(rng);
    std::vector<uint8_t> path(n);
    viterbi(em.data(), n, t, path.data(), scratch, back);
    int p = TagSet::kStart;
    for (uint8_t tag : path) {
      ASSERT_TRUE(tags.allowed(p, tag));
      p = tag;
    }
    ASSERT_TRUE(tags.allowed(p, TagSet::kEnd));
  }
}

// ---- the CRF learner ---------------------------------------------------------------------------

// A TrainingSet of `sentences` random sentences of 1-4 tokens with well-formed gold BILOU tags
// of the given tag set; each token has two feature rows (of 16): its gold tag and a random one.
TrainingSet random_crf_set(const TagSet& tags, unsigned seed, int sentences) {
  std::mt19937 rng(seed);
  TrainingSet set;
  std::vector<uint32_t> rows, offsets = {0}, begin = {0};
  std::vector<uint8_t> gold;
  for (int s = 0; s < sentences; ++s) {
    const size_t n = 1 + rng() % 4;
    std::vector<Span> spans;
    if (rng() % 2) {
      spans.push_back({0, uint32_t(1 + rng() % n), tags.type_names()[rng() % tags.types()]});
    }
    for (uint8_t g : tags.encode(spans, n)) {
      gold.push_back(g);
      rows.push_back(g);
      rows.push_back(uint32_t(9 + rng() % 7));
      offsets.push_back(uint32_t(rows.size()));
    }
    begin.push_back(uint32_t(gold.size()));
  }
  set.add_document(rows, offsets, begin, gold.data());
  return set;
}

TEST(Crf, MarginalsMatchEnumeratingEveryPath) {
  TagSet tags({"LOC", "PER"});
  const size_t k = tags.size();
  TrainingSet set = random_crf_set(tags, 3, 40);
  CrfOptions options;
  options.average = false;  // average() then returns exactly the weights marginals() uses
  options.rate = 0.5f;
  Crf crf(4, tags, options);
  std::vector<uint32_t> order(set.sentences());
  std::iota(order.begin(), order.end(), 0u);
  crf.epoch(set, order);
  std::vector<float> w;
  Transitions t;
  crf.average(&w, &t);
  for (uint32_t s = 0; s < set.sentences(); ++s) {
    const size_t b = set.sentence_begin[s], n = set.sentence_begin[s + 1] - b;
    // The slow reference: p(tag i = x) by summing exp(score) over all k^n tag sequences.
    std::vector<double> expect(n * k, 0.0);
    double z = 0;
    std::vector<size_t> path(n, 0);
    for (size_t code = 0, paths = size_t(std::pow(k, n)); code < paths; ++code) {
      for (size_t i = 0, c = code; i < n; ++i, c /= k) path[i] = c % k;
      double score = double(t.start[path[0]]) + t.end[path[n - 1]];
      for (size_t i = 0; i < n; ++i) {
        if (i) score += t.between[path[i - 1] * k + path[i]];
        for (uint32_t j = set.offsets[b + i]; j < set.offsets[b + i + 1]; ++j)
          score += w[size_t(set.rows[j]) * k + path[i]];
      }
      if (score < kForbidden / 2) continue;  // breaks the grammar: probability 0
      const double p = std::exp(score);
      z += p;
      for (size_t i = 0; i < n; ++i) expect[i * k + path[i]] += p;
    }
    std::vector<double> got;
    crf.marginals(set, s, &got);
    ASSERT_EQ(got.size(), n * k);
    for (size_t j = 0; j < n * k; ++j) ASSERT_NEAR(got[j], expect[j] / z, 1e-6) << s << " " << j;
  }
}

TEST(Crf, LearnsTheTagsItWasShown) {
  TagSet tags({"LOC", "PER"});
  TrainingSet set = random_crf_set(tags, 5, 200);
  Crf crf(4, tags, CrfOptions());
  std::vector<uint32_t> order(set.sentences());
  std::iota(order.begin(), order.end(), 0u);
  size_t first = crf.epoch(set, order), last = first;
  for (int e = 0; e < 10; ++e) last = crf.epoch(set, order);
  EXPECT_LT(last, first);
  std::vector<float> w;
  Transitions t;
  crf.average(&w, &t);
  std::vector<uint8_t> pred(set.gold.size());
  decode_floats(w, tags.size(), t, set, 0, set.sentences(), pred.data());
  EXPECT_EQ(pred, set.gold);
}

// ---- CoNLL files and scoring -----------------------------------------------------------------

TEST(Conll, ParsesDocumentsSentencesAndGold) {
  ConllCorpus c = parse_conll(
      "-DOCSTART- -X- -X- O\r\n\r\nEU NNP I-NP I-ORG\r\nrejects VBZ I-VP O\r\n\r\n\r\n"
      "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n-DOCSTART- -X- O\n\nBRUSSELS x y I-LOC\n");
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_TRUE(c.documents[0].docstart);
  ASSERT_EQ(c.documents[0].sentences.size(), 2u);
  EXPECT_EQ(c.documents[0].sentences[0].tokens, (std::vector<std::string>{"EU", "rejects"}));
  EXPECT_EQ(c.documents[0].sentences[0].gold, (std::vector<std::string>{"I-ORG", "O"}));
  EXPECT_EQ(c.documents[1].sentences[0].tokens[0], "BRUSSELS");
  EXPECT_EQ(c.sentences, 3u);
  EXPECT_EQ(c.tokens, 5u);
  EXPECT_TRUE(c.has_gold);

  ConllCorpus plain = parse_conll("Hello\nworld\n\nBye\n");
  ASSERT_EQ(plain.documents.size(), 1u);
  EXPECT_FALSE(plain.documents[0].docstart);
  EXPECT_EQ(plain.documents[0].sentences.size(), 2u);
  EXPECT_FALSE(plain.has_gold);
  EXPECT_TRUE(plain.documents[0].sentences[0].gold.empty());
  EXPECT_TRUE(parse_conll("").documents.empty());
}

TEST(Conll, ReadMissingFileIsAnError) {
  ConllCorpus c;
  EXPECT_FALSE(read_conll("/nonexistent/file.conll", &c));
}

TEST(Evaluate, CountsLikeConlleval) {
  std::vector<std::vector<std::string>> gold = {{"I-PER", "I-PER", "O", "I-LOC"}, {"I-ORG", "O"}};
  std::vector<std::vector<std::string>> pred = {{"B-PER", "I-PER", "O", "B-ORG"},
                                                {"B-ORG", "B-MISC"}};
  Evaluation e = evaluate(gold, pred);
  EXPECT_EQ(e.overall.gold, 3u);
  EXPECT_EQ(e.overall.found, 4u);
  EXPECT_EQ(e.overall.correct, 2u);
  EXPECT_EQ(e.tokens, 6u);
  EXPECT_EQ(e.correct_tags, 4u);  // IOB1 and BIO compared in BIO form
  ASSERT_EQ(e.types.size(), 4u);
  EXPECT_EQ(e.types[0].type, "LOC");
  EXPECT_DOUBLE_EQ(e.types[0].recall(), 0.0);
  EXPECT_DOUBLE_EQ(e.types[3].f1(), 1.0);  // PER
  EXPECT_NEAR(e.overall.f1(), 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), 1e-12);
  std::string report = format_evaluation(e);
  EXPECT_NE(report.find("processed 6 tokens with 3 phrases; found: 4 phrases; correct: 2."),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("PER: precision: 100.00%"), std::string::npos) << report;
}

// ---- corpus tokens, gazetteer, clusters ------------------------------------------------------

TEST(CorpusTokens, FollowsConllConventions) {
  std::vector<std::string> out;
  split_conll_tokens("Clinton’s U.S. trip, (he said). “Don't” Mr. Smith", out);
  EXPECT_EQ(out, (std::vector<std::string>{"Clinton", "'s", "U.S.", "trip", ",", "(", "he", "said",
                                           ")", ".", "\"", "Do", "n't", "\"", "Mr.", "Smith"}));
  out.clear();
  split_conll_tokens("", out);
  EXPECT_TRUE(out.empty());
}

std::vector<Lexeme> lexemes(const std::vector<std::string>& words) {
  std::vector<Lexeme> out;
  for (const std::string& w : words) out.push_back(analyze_token(w));
  return out;
}

TEST(Gazetteer, MatchesCaseInsensitivelyAndLeavesOneDocumentOut) {
  Gazetteer g(2);
  std::vector<Lexeme> ny = lexemes({"New", "York"});
  g.add(ny.data(), 2, 0, /*doc=*/0);
  std::vector<Lexeme> smith = lexemes({"Smith"});
  g.add(smith.data(), 1, 1, 0);
  g.add(smith.data(), 1, 1, 1);
  g.finish();
  EXPECT_EQ(g.size(), 2u);

  std::vector<Lexeme> sentence = lexemes({"NEW", "YORK", "beat", "smith"});
  std::vector<Gazetteer::Match> m;
  g.match(sentence.data(), sentence.size(), -1, m);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].begin, 0u);
  EXPECT_EQ(m[0].end, 2u);
  EXPECT_EQ(m[0].types, 1u);
  EXPECT_EQ(m[1].begin, 3u);
  EXPECT_EQ(m[1].majority, 1u);

  // Document 0 alone supplied "New York": matching document 0 must not see it. "Smith" came
  // from documents 0 and 1, so it stays.
  m.clear();
  g.match(sentence.data(), sentence.size(), 0, m);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].begin, 3u);

  std::string bytes;
  g.serialize(bytes);
  Gazetteer back;
  std::string_view view(bytes);
  ASSERT_TRUE(back.deserialize(view));
  EXPECT_TRUE(view.empty());
  m.clear();
  back.match(sentence.data(), sentence.size(), 0, m);  // no per-document data after loading
  EXPECT_EQ(m.size(), 2u);
}

TEST(Gazetteer, IcuPlaceNames) {
  std::vector<std::string> names = icu_place_names();
  EXPECT_GT(names.size(), 500u);
  auto has = [&](const char* s) { return std::binary_search(names.begin(), names.end(), s); };
  EXPECT_TRUE(has("Germany"));  // ISO country display name
  EXPECT_TRUE(has("United Kingdom"));
  EXPECT_TRUE(has("Britain"));   // common alternative
  EXPECT_TRUE(has("Europe"));    // continent
  EXPECT_TRUE(has("New York"));  // time-zone city, "America/New_York"
  EXPECT_FALSE(has("US"));       // would match the pronoun "us"
  Gazetteer g = place_gazetteer(names, 4, 2);
  std::vector<Lexeme> sentence = lexemes({"flights", "from", "NEW", "YORK", "to", "Germany"});
  std::vector<Gazetteer::Match> m;
  g.match(sentence.data(), sentence.size(), -1, m);
  std::vector<std::pair<uint32_t, uint32_t>> found;
  for (const Gazetteer::Match& x : m) {
    EXPECT_EQ(x.types, 1u << 2);
    found.emplace_back(x.begin, x.end);
  }
  std::sort(found.begin(), found.end());
  EXPECT_TRUE(std::binary_search(found.begin(), found.end(), std::make_pair(2u, 4u)));
  EXPECT_TRUE(std::binary_search(found.begin(), found.end(), std::make_pair(5u, 6u)));
}

TEST(Casing, CountsCaseInRunningTextOnly) {
  std::vector<std::string> texts;
  for (int i = 0; i < 20; ++i) {
    texts.push_back("Yesterday the team met Sakakibara in the city of Osaka and the talks ended.\n"
                    "Officials said the new plan of the city was cheaper than the old plan.\n"
                    "Big Title Case Headline About The City\n"
                    "The NATO talks went on for a while in the city.");
  }
  WordCasing c = WordCasing::learn(texts, 2);
  const uint8_t sakakibara = c.find(hash_bytes("sakakibara"));
  const uint8_t city = c.find(hash_bytes("city"));
  const uint8_t nato = c.find(hash_bytes("nato"));
  ASSERT_NE(sakakibara, WordCasing::kUnknown);
  ASSERT_NE(city, WordCasing::kUnknown);
  EXPECT_EQ(WordCasing::ratio(sakakibara), 6u);  // always capitalised mid-sentence
  EXPECT_EQ(WordCasing::ratio(city), 0u);        // the title-case headline does not count
  EXPECT_TRUE(WordCasing::acronym(nato));
  EXPECT_EQ(WordCasing::frequency(city), 1u);  // 60 uses: 10..99
  // Sentence-initial words are not counted ("Yesterday" never occurs mid-sentence).
  EXPECT_EQ(c.find(hash_bytes("yesterday")), WordCasing::kUnknown);

  std::string bytes;
  c.serialize(bytes);
  std::string_view view(bytes);
  WordCasing back;
  ASSERT_TRUE(back.deserialize(view));
  EXPECT_TRUE(view.empty());
  EXPECT_EQ(back.words(), c.words());
  EXPECT_EQ(back.codes(), c.codes());
  EXPECT_EQ(back.find(hash_bytes("osaka")), c.find(hash_bytes("osaka")));
  std::string_view cut = std::string_view(bytes).substr(0, bytes.size() / 2);
  EXPECT_FALSE(WordCasing().deserialize(cut));
}

TEST(Clusters, WordsInTheSameContextsClusterTogether) {
  std::vector<std::string> texts;
  const std::vector<std::string> days = {"Monday", "Tuesday", "Friday"};
  const std::vector<std::string> fruit = {"apples", "pears", "plums"};
  std::mt19937 rng(3);
  for (int i = 0; i < 400; ++i) {
    const std::string& d = days[rng() % 3];
    const std::string& f = fruit[rng() % 3];
    texts.push_back("on " + d + " we met . she ate " + f + " and more " + f + " today .");
  }
  ClusterOptions options;
  options.min_count = 2;
  options.contexts = 20;
  options.branching = {3, 3};
  options.runs = 1;
  WordClusters c = WordClusters::learn(texts, {}, options, {});
  ASSERT_EQ(c.levels(), 2u);
  const uint64_t* monday = c.find(hash_bytes("Monday"));
  const uint64_t* friday = c.find(hash_bytes("Friday"));
  const uint64_t* apples = c.find(hash_bytes("apples"));
  const uint64_t* plums = c.find(hash_bytes("plums"));
  ASSERT_TRUE(monday && friday && apples && plums);
  EXPECT_EQ(monday[1], friday[1]);  // same leaf
  EXPECT_EQ(apples[1], plums[1]);
  EXPECT_NE(monday[1], apples[1]);
  EXPECT_EQ(c.find(hash_bytes("Saturday")), nullptr);

  // Two runs: two hierarchies side by side, each with its own prefix ids.
  options.runs = 2;
  WordClusters two = WordClusters::learn(texts, {}, options, {});
  ASSERT_EQ(two.levels(), 4u);
  EXPECT_EQ(two.levels_per_run(), 2u);
  const uint64_t* m2 = two.find(hash_bytes("Monday"));
  const uint64_t* f2 = two.find(hash_bytes("Friday"));
  ASSERT_TRUE(m2 && f2);
  EXPECT_EQ(m2[3], f2[3]);
  EXPECT_NE(m2[0], m2[2]);  // a new chain per run

  std::string bytes;
  c.serialize(bytes);
  WordClusters back;
  std::string_view view(bytes);
  ASSERT_TRUE(back.deserialize(view));
  ASSERT_NE(back.find(hash_bytes("Monday")), nullptr);
  EXPECT_EQ(back.find(hash_bytes("Monday"))[1], monday[1]);
}

TEST(Embeddings, WordsInTheSameContextsGetCloseVectors) {
  // Ids 0-2 are days (after "on" = 6), 3-5 fruit (after "ate" = 7), 8 = "we", 9 = ".".
  std::mt19937 rng(4);
  std::vector<uint32_t> stream;
  std::vector<uint64_t> counts(10, 0);
  for (int i = 0; i < 3000; ++i) {
    for (uint32_t id : {6u, uint32_t(rng() % 3), 8u, 7u, uint32_t(3 + rng() % 3), 9u}) {
      stream.push_back(id);
      ++counts[id];
    }
    stream.push_back(kLineBreak);
  }
  EmbeddingOptions options;
  options.dims = 16;
  options.window = 1;
  options.subsample = 0;
  options.epochs = 3;
  std::vector<float> v = skipgram(stream, counts, options);
  ASSERT_EQ(v.size(), 10u * 16u);
  auto cosine = [&](size_t a, size_t b) {
    float s = 0;
    for (size_t d = 0; d < 16; ++d) s += v[a * 16 + d] * v[b * 16 + d];
    return s;  // unit vectors
  };
  EXPECT_NEAR(cosine(0, 0), 1.0f, 1e-4);
  EXPECT_GT(cosine(0, 1), cosine(0, 4) + 0.3f);
  EXPECT_GT(cosine(3, 5), cosine(2, 5) + 0.3f);
  // Deterministic.
  EXPECT_EQ(skipgram(stream, counts, options), v);
}

TEST(Clusters, EmbeddingRunsFollowThePpmiRuns) {
  std::vector<std::string> texts;
  const std::vector<std::string> days = {"Monday", "Tuesday", "Friday"};
  const std::vector<std::string> fruit = {"apples", "pears", "plums"};
  std::mt19937 rng(3);
  for (int i = 0; i < 400; ++i) {
    texts.push_back("on " + days[rng() % 3] + " we met . she ate " + fruit[rng() % 3] + " today .");
  }
  ClusterOptions options;
  options.min_count = 2;
  options.contexts = 20;
  options.branching = {2, 3};
  options.runs = 1;
  options.embedding_runs = 1;
  options.embedding_dims = 16;
  options.embedding_window = 1;
  WordClusters c = WordClusters::learn(texts, {}, options, {});
  ASSERT_EQ(c.levels(), 4u);
  const uint64_t* monday = c.find(hash_bytes("Monday"));
  const uint64_t* friday = c.find(hash_bytes("Friday"));
  const uint64_t* pears = c.find(hash_bytes("pears"));
  ASSERT_TRUE(monday && friday && pears);
  EXPECT_EQ(monday[2], friday[2]);  // the embedding run's top level: days together
  EXPECT_NE(monday[2], pears[2]);
}

// ---- a tiny model trained on invented sentences ----------------------------------------------

// Invented names in a few sentence patterns; every sentence in IOB1 like the CoNLL files.
std::string invented_conll(unsigned seed, int documents) {
  const std::vector<std::string> first = {"Alba", "Brenno", "Cosima", "Dario", "Elsa", "Fjodor"};
  const std::vector<std::string> last = {"Quint", "Ravel", "Sorel", "Tamsin", "Umbra", "Vesper"};
  const std::vector<std::string> cities = {"Zarnow", "Yelmark", "Quoravia", "Lindmoor", "Ostrel"};
  const std::vector<std::string> orgs = {"Granta", "Hexaco", "Minova", "Parcel"};
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::string out;
  for (int d = 0; d < documents; ++d) {
    out += "-DOCSTART- -X- -X- O\n\n";
    for (int s = 0; s < 4; ++s) {
      switch (rng() % 3) {
        case 0:
          out += pick(first) + " x x I-PER\n" + pick(last) + " x x I-PER\nvisited x x O\n" +
                 pick(cities) + " x x I-LOC\non x x O\nMonday x x O\n. x x O\n\n";
          break;
        case 1:
          out += "The x x O\nchief x x O\nof x x O\n" + pick(orgs) +
                 " x x I-ORG\nCorp x x I-ORG\n" + "said x x O\n" + pick(last) +
                 " x x I-PER\nwould x x O\nresign x x O\n. x x O\n\n";
          break;
        default:
          out += "Shares x x O\nin x x O\n" + pick(orgs) +
                 " x x I-ORG\nCorp x x I-ORG\nrose x x O\n" + "in x x O\n" + pick(cities) +
                 " x x I-LOC\n. x x O\n\n";
          break;
      }
    }
  }
  return out;
}

class TinyModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    train_ = new ConllCorpus(parse_conll(invented_conll(1, 40)));
    TrainData data;
    data.train = train_;
    TrainOptions options;
    options.table_bits = 16;
    options.max_epochs = 6;
    options.folds = 2;
    TrainResult r = train(data, options);
    ASSERT_TRUE(r.status) << r.status.message();
    tagger_ = r.tagger.release();
  }
  static void TearDownTestSuite() {
    delete tagger_;
    delete train_;
  }
  static ConllCorpus* train_;
  static Tagger* tagger_;
};
ConllCorpus* TinyModel::train_ = nullptr;
Tagger* TinyModel::tagger_ = nullptr;

TEST_F(TinyModel, TagsInventedSentences) {
  ASSERT_NE(tagger_, nullptr);
  EXPECT_EQ(tagger_->types(), (std::vector<std::string>{"LOC", "ORG", "PER"}));
  std::vector<std::string> tags =
      tagger_->tag({"Cosima", "Vesper", "visited", "Lindmoor", "on", "Monday", "."});
  EXPECT_EQ(tags, (std::vector<std::string>{"B-PER", "I-PER", "O", "B-LOC", "O", "O", "O"}));
  tags =
      tagger_->tag({"Shares", "in", "Minova", "Corp", "rose", "in", "Ostrel", "."}, Scheme::kIob1);
  EXPECT_EQ(tags, (std::vector<std::string>{"O", "O", "I-ORG", "I-ORG", "O", "O", "I-LOC", "O"}));

  // Held-out invented documents: nearly perfect.
  ConllCorpus test = parse_conll(invented_conll(99, 10));
  std::vector<std::vector<std::string>> gold, pred;
  for (const ConllDocument& d : test.documents) {
    std::vector<std::vector<std::string_view>> sentences;
    for (const ConllSentence& s : d.sentences) {
      sentences.emplace_back(s.tokens.begin(), s.tokens.end());
      gold.push_back(s.gold);
    }
    for (auto& t : tagger_->tag_document(sentences)) pred.push_back(std::move(t));
  }
  EXPECT_GE(evaluate(gold, pred).overall.f1(), 0.98);
}

TEST_F(TinyModel, BioOutputNeverHasInsideAfterOutside) {
  std::mt19937 rng(5);
  const std::vector<std::string> words = {"Cosima", "Corp", "visited", "Minova", "in", ".", "X"};
  for (int trial = 0; trial < 100; ++trial) {
    std::vector<std::string> owned;
    for (size_t i = 0, n = rng() % 15; i < n; ++i) owned.push_back(words[rng() % words.size()]);
    std::vector<std::string_view> tokens(owned.begin(), owned.end());
    std::vector<std::string> tags = tagger_->tag(tokens);
    ASSERT_EQ(tags.size(), tokens.size());
    std::string prev = "O";
    for (const std::string& t : tags) {
      if (t[0] == 'I') {
        ASSERT_EQ(prev.substr(1), t.substr(1)) << "I- after " << prev;
      }
      prev = t;
    }
  }
}

TEST_F(TinyModel, SaveLoadRoundTrip) {
  fs::path path =
      fs::temp_directory_path() / ("entities_test_" + std::to_string(::getpid()) + ".bin.gz");
  ASSERT_TRUE(tagger_->save(path.string()));
  Tagger::LoadResult loaded = Tagger::load(path.string());
  ASSERT_TRUE(loaded.status) << loaded.status.message();
  EXPECT_EQ(loaded.tagger->types(), tagger_->types());
  EXPECT_EQ(loaded.tagger->describe(), tagger_->describe());
  ConllCorpus test = parse_conll(invented_conll(7, 5));
  for (const ConllDocument& d : test.documents) {
    std::vector<std::vector<std::string_view>> sentences;
    for (const ConllSentence& s : d.sentences)
      sentences.emplace_back(s.tokens.begin(), s.tokens.end());
    EXPECT_EQ(loaded.tagger->tag_document(sentences), tagger_->tag_document(sentences));
  }
  // Saving the loaded model gives the same bytes.
  EXPECT_EQ(loaded.tagger->model().serialize(), tagger_->model().serialize());
  fs::remove(path);
}

TEST_F(TinyModel, DamagedModelFilesAreErrorsNotCrashes) {
  std::string bytes = tagger_->model().serialize();
  Model m;
  EXPECT_TRUE(Model::parse(bytes, &m));
  EXPECT_FALSE(Model::parse("", &m));
  EXPECT_FALSE(Model::parse("crosscheck-ner 2\n", &m));
  EXPECT_FALSE(Model::parse("garbage bytes here", &m));
  for (size_t cut :
       {size_t(17), size_t(21), bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
    EXPECT_FALSE(Model::parse(std::string_view(bytes).substr(0, cut), &m)) << cut;
  }
  std::mt19937 rng(11);
  for (int trial = 0; trial < 50; ++trial) {
    std::string damaged = bytes;
    for (int k = 0; k < 4; ++k)
      damaged[kFileHeader.size() + rng() % (damaged.size() - kFileHeader.size())] ^=
          char(1 + rng() % 255);
    Model x;
    (void)Model::parse(damaged, &x);  // may or may not be detected; must not crash
  }
  EXPECT_FALSE(Tagger::load("/nonexistent/ner.bin.gz").status);
}

TEST_F(TinyModel, EmptyAndGarbageInput) {
  EXPECT_TRUE(tagger_->tag({}).empty());
  EXPECT_TRUE(tagger_->tag_document({}).empty());
  std::vector<std::vector<std::string>> out = tagger_->tag_document({{}, {"Alba"}, {}});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].empty());
  EXPECT_EQ(out[1].size(), 1u);

  std::mt19937 rng(13);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<std::string> owned;
    for (size_t i = 0, n = 1 + rng() % 20; i < n; ++i) {
      std::string t(1 + rng() % 12, '\0');
      for (char& c : t) c = char(rng() % 256);
      owned.push_back(t);
    }
    owned.push_back(std::string(10000, '\xE2'));  // a huge run of truncated UTF-8 sequences
    owned.push_back("");
    std::vector<std::string_view> tokens(owned.begin(), owned.end());
    ASSERT_EQ(tagger_->tag(tokens).size(), tokens.size());
  }
  ConllCorpus garbage = parse_conll(std::string("\x00\xff -DOCSTART-\n\n\t\t\n\x80 x", 20));
  EXPECT_GE(garbage.tokens, 1u);
}

TEST_F(TinyModel, ConcurrentTaggingMatchesSequential) {
  ConllCorpus test = parse_conll(invented_conll(21, 20));
  std::vector<std::vector<std::vector<std::string_view>>> docs;
  for (const ConllDocument& d : test.documents) {
    docs.emplace_back();
    for (const ConllSentence& s : d.sentences)
      docs.back().emplace_back(s.tokens.begin(), s.tokens.end());
  }
  std::vector<std::vector<std::vector<std::string>>> expected;
  for (const auto& d : docs) expected.push_back(tagger_->tag_document(d));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (size_t i = 0; i < docs.size(); ++i) {
          if (tagger_->tag_document(docs[i]) != expected[i]) ++mismatches[size_t(t)];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST_F(TinyModel, MentionsOfADocumentPointAtTheText) {
  Article article;
  article.id = "a1";
  article.text = "Dario Sorel visited Yelmark on Monday.\nShares in Hexaco Corp rose in Zarnow.";
  text::Analyzer analyzer;
  Document doc = analyzer.analyze(article);
  std::vector<Mention> mentions = tagger_->mentions(doc);
  std::vector<std::string> found;
  for (const Mention& m : mentions) {
    found.push_back(m.type + ":" + article.text.substr(m.begin, m.end - m.begin));
    EXPECT_LT(m.token_begin, m.token_end);
    EXPECT_LE(m.cp_end, article.text.size());
  }
  EXPECT_EQ(found, (std::vector<std::string>{"PER:Dario Sorel", "LOC:Yelmark", "ORG:Hexaco Corp",
                                             "LOC:Zarnow"}));

  // A possessive stays outside the mention, in bytes and in code points.
  Article possessive;
  possessive.text =
      "Shares in Minova Corp rose in Ostrel. Elsa Ravel\u2019s visit to Zarnow ended.";
  Document pdoc = analyzer.analyze(possessive);
  std::vector<Mention> pm = tagger_->mentions(pdoc);
  ASSERT_EQ(pm.size(), 4u);
  EXPECT_EQ(possessive.text.substr(pm[2].begin, pm[2].end - pm[2].begin), "Elsa Ravel");
  EXPECT_EQ(pm[2].type, "PER");
  EXPECT_EQ(pm[2].cp_end - pm[2].cp_begin, 10u);
  EXPECT_EQ(pdoc.token_text(pdoc.tokens[pm[2].token_end - 1]), "Ravel\u2019s");

  Document empty;
  EXPECT_TRUE(tagger_->mentions(empty).empty());
}

TEST(Train, OptionalFeatureGroupsSaveAndLoad) {
  ConllCorpus corpus = parse_conll(invented_conll(2, 20));
  TrainData data;
  data.train = &corpus;
  for (int i = 0; i < 10; ++i)
    data.unlabeled.push_back("Yesterday we saw Cosima Vesper in Lindmoor with the chief of Minova.");
  TrainOptions options;
  options.table_bits = 16;
  options.max_epochs = 4;
  options.folds = 2;
  options.clusters = false;
  options.feature_groups = kFeatureCasing | kFeatureClusterShape;
  TrainResult r = train(data, options);
  ASSERT_TRUE(r.status) << r.status.message();
  EXPECT_EQ(r.tagger->model().feature_groups, 3u);
  EXPECT_FALSE(r.tagger->model().casing.empty());
  std::string bytes = r.tagger->model().serialize();
  Model m;
  ASSERT_TRUE(Model::parse(bytes, &m));
  EXPECT_EQ(m.feature_groups, 3u);
  EXPECT_EQ(m.casing.words(), r.tagger->model().casing.words());
  EXPECT_EQ(m.serialize(), bytes);
}

// A clusters cache stands in for learning only when it was learned with the same hierarchy
// options; otherwise training stops with a message naming the file.
TEST(Train, ClustersCacheOfOtherOptionsIsRefused) {
  ConllCorpus corpus = parse_conll(invented_conll(3, 10));
  TrainData data;
  data.train = &corpus;
  for (int i = 0; i < 20; ++i)
    data.unlabeled.push_back("Yesterday we saw Cosima Vesper in Lindmoor with the chief of Minova.");
  testing_support::TempDir dir;
  TrainOptions options;
  options.table_bits = 16;
  options.max_epochs = 2;
  options.folds = 2;
  options.cluster_min_count = 1;
  options.cluster_branching = {2, 2};
  options.cluster_runs = 1;
  options.clusters_cache = dir.path() + "/clusters.gz";
  ASSERT_TRUE(train(data, options).status);                   // learns and writes the cache
  ASSERT_TRUE(std::filesystem::exists(options.clusters_cache));
  EXPECT_TRUE(train(data, options).status);                    // reads it back
  options.cluster_runs = 2;                                    // other options: refused
  Status st = train(data, options).status;
  ASSERT_FALSE(st);
  EXPECT_NE(st.message().find("clusters.gz holds 2 levels"), std::string::npos) << st.message();
}

TEST(Train, RejectsDataWithoutGold) {
  ConllCorpus plain = parse_conll("a\nb\n");
  TrainData data;
  data.train = &plain;
  EXPECT_FALSE(train(data, {}).status);
  data.train = nullptr;
  EXPECT_FALSE(train(data, {}).status);
}

}  // namespace
}  // namespace crosscheck::entities
