// Who copied whom, what changed, what is corroborated, where outlets disagree — end to end through
// `crosscheck analyze --json` on three kinds of real input:
//   * the five seed reports (../shared/seeds, read at run time): two derived relations
//     (002 <- 000, an aggregator paraphrase; 003 <- 004, a rewrite that altered two weekdays),
//     three independent origins;
//   * the team's own example story (examples/, planted facts in docs/example-story.md);
//   * real articles from ../shared/data/stories/basil.jsonl turned into derived copies here, with
//     edits made by this test (a weekday and a number changed).
// The same machinery must do all three: nothing here is specific to one input.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "crosscheck/json_writer.h"
#include "tests/support/files.h"

namespace fs = std::filesystem;
using crosscheck::testing_support::read_file;
using crosscheck::testing_support::run_command;

namespace {

struct ChangeView {
  std::string kind, source_value, derived_value;
};
struct ReuseView {
  std::string source, derived, kind;
  double coverage = 0, confidence = 0;
  std::vector<ChangeView> changes;
};
struct ClaimView {
  std::vector<std::string> articles;
  uint64_t independent = 0;
};
struct DiscrepancyView {
  std::string about;
  std::vector<std::pair<std::string, std::vector<std::string>>> values;  // value, articles
};
struct StoryView {
  std::vector<std::string> articles;
  std::vector<ReuseView> reuse;
  std::vector<ClaimView> claims;
  std::vector<DiscrepancyView> discrepancies;
  size_t summary = 0;
};

std::vector<std::string> strings(simdjson::dom::array a) {
  std::vector<std::string> out;
  for (simdjson::dom::element e : a) out.emplace_back(std::string_view(e));
  return out;
}

std::vector<StoryView> parse(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(json);
  std::vector<StoryView> out;
  for (simdjson::dom::element s : simdjson::dom::array(doc["stories"])) {
    StoryView v;
    v.articles = strings(s["articles"]);
    for (simdjson::dom::element r : simdjson::dom::array(s["reuse"])) {
      ReuseView rv;
      rv.source = std::string(std::string_view(r["source"]));
      rv.derived = std::string(std::string_view(r["derived"]));
      rv.kind = std::string(std::string_view(r["kind"]));
      rv.coverage = double(r["coverage"]);
      rv.confidence = double(r["direction_confidence"]);
      for (simdjson::dom::element c : simdjson::dom::array(r["changes"]))
        rv.changes.push_back({std::string(std::string_view(c["kind"])),
                              std::string(std::string_view(c["source_value"])),
                              std::string(std::string_view(c["derived_value"]))});
      v.reuse.push_back(rv);
    }
    for (simdjson::dom::element c : simdjson::dom::array(s["claims"]))
      v.claims.push_back({strings(c["articles"]), uint64_t(c["independent_sources"])});
    for (simdjson::dom::element d : simdjson::dom::array(s["discrepancies"])) {
      DiscrepancyView dv;
      dv.about = std::string(std::string_view(d["about"]));
      for (simdjson::dom::element val : simdjson::dom::array(d["values"]))
        dv.values.emplace_back(std::string(std::string_view(val["value"])),
                               strings(val["articles"]));
      v.discrepancies.push_back(dv);
    }
    v.summary = simdjson::dom::array(s["summary"]).size();
    out.push_back(v);
  }
  return out;
}

// Code point substring of UTF-8 text (offsets in the analysis JSON are code points).
std::string cp_substr(const std::string& text, uint64_t start, uint64_t end) {
  std::string out;
  uint64_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (lead && i > 0) ++cp;
    if (cp >= start && cp < end) out.push_back(text[i]);
  }
  return out;
}

// Every fact and every fact change points at the words it names: the JSON's offsets are checked
// against the articles' texts in the same output.
void expect_spans_point_at_their_text(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(json);
  std::map<std::string, std::string> text;
  for (simdjson::dom::element a : simdjson::dom::array(doc["articles"]))
    text[std::string(std::string_view(a["id"]))] = std::string(std::string_view(a["text"]));
  size_t checked = 0;
  for (simdjson::dom::element s : simdjson::dom::array(doc["stories"])) {
    for (simdjson::dom::element f : simdjson::dom::array(s["facts"])) {
      std::string id{std::string_view(f["article"])};
      EXPECT_EQ(cp_substr(text[id], uint64_t(f["start"]), uint64_t(f["end"])),
                std::string_view(f["text"]));
      ++checked;
    }
    for (simdjson::dom::element r : simdjson::dom::array(s["reuse"])) {
      std::string derived{std::string_view(r["derived"])};
      for (simdjson::dom::element c : simdjson::dom::array(r["changes"])) {
        std::string_view value = c["derived_value"];
        if (value == "(affirmative)") continue;
        simdjson::dom::element span = c["derived_span"];
        EXPECT_EQ(cp_substr(text[derived], uint64_t(span["start"]), uint64_t(span["end"])), value);
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0u);
}

// The id of the article whose id starts with `prefix` (seeds and examples have long ids).
std::string id_with_prefix(const StoryView& s, const std::string& prefix) {
  for (const std::string& id : s.articles)
    if (id.rfind(prefix, 0) == 0) return id;
  return "";
}

const ReuseView* find_reuse(const StoryView& s, const std::string& source,
                            const std::string& derived) {
  for (const ReuseView& r : s.reuse)
    if (r.source == source && r.derived == derived) return &r;
  return nullptr;
}

bool has_change(const ReuseView& r, const std::string& kind, const std::string& from,
                const std::string& to) {
  for (const ChangeView& c : r.changes)
    if (c.kind == kind && c.source_value.find(from) != std::string::npos &&
        c.derived_value.find(to) != std::string::npos)
      return true;
  return false;
}

// Distinct origins among a claim's articles under a known origin map: the most independent
// sources a claim can honestly have.
uint64_t true_origins(const std::vector<std::string>& articles,
                      const std::map<std::string, std::string>& origin) {
  std::set<std::string> o;
  for (const std::string& a : articles) o.insert(origin.count(a) ? origin.at(a) : a);
  return o.size();
}

class StoryAnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    io_ = fs::temp_directory_path() / ("crosscheck_story_" + std::to_string(::getpid()));
    fs::create_directories(io_);
  }
  void TearDown() override { fs::remove_all(io_); }

  std::vector<StoryView> analyze(const std::string& args) {
    auto r = run_command(CROSSCHECK_BINARY, "analyze --quiet --json - " + args, io_);
    EXPECT_EQ(r.status, 0) << r.err;
    if (r.status != 0) return {};
    expect_spans_point_at_their_text(r.out);
    return parse(r.out);
  }

  fs::path io_;
};

TEST_F(StoryAnalysisTest, SeedsTwoDerivedRelationsWithDirectionAndChanges) {
  fs::path seeds = fs::path(CROSSCHECK_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "../shared/seeds not found at " << seeds;
  std::vector<StoryView> stories = analyze(seeds.string());
  ASSERT_EQ(stories.size(), 1u) << "the five seeds report one event";
  const StoryView& s = stories[0];
  ASSERT_EQ(s.articles.size(), 5u);
  std::string a0 = id_with_prefix(s, "000"), a1 = id_with_prefix(s, "001"),
              a2 = id_with_prefix(s, "002"), a3 = id_with_prefix(s, "003"),
              a4 = id_with_prefix(s, "004");
  // Exactly the two derived relations, in the right direction.
  EXPECT_EQ(s.reuse.size(), 2u);
  const ReuseView* aggregator = find_reuse(s, a0, a2);
  const ReuseView* rewrite = find_reuse(s, a4, a3);
  ASSERT_NE(aggregator, nullptr) << "002 paraphrases 000";
  ASSERT_NE(rewrite, nullptr) << "003 rewrites 004";
  EXPECT_EQ(rewrite->kind, "rewrite");
  EXPECT_GT(rewrite->coverage, 0.2);
  EXPECT_GT(rewrite->confidence, 0.5);
  // The days the rewrite altered: Saturday -> Thursday, Sunday -> Friday.
  EXPECT_TRUE(has_change(*rewrite, "weekday", "Saturday", "Thursday"));
  EXPECT_TRUE(has_change(*rewrite, "weekday", "Sunday", "Friday"));
  // No derivation between independent reports.
  for (const ReuseView& r : s.reuse) {
    bool expected = (r.source == a0 && r.derived == a2) || (r.source == a4 && r.derived == a3);
    EXPECT_TRUE(expected) << "unexpected reuse " << r.source << " -> " << r.derived;
  }
  // Independent-source counts never count a re-telling twice.
  std::map<std::string, std::string> origin = {{a0, a0}, {a1, a1}, {a2, a0}, {a3, a4}, {a4, a4}};
  ASSERT_FALSE(s.claims.empty());
  bool multi = false;
  for (const ClaimView& c : s.claims) {
    EXPECT_LE(c.independent, true_origins(c.articles, origin));
    EXPECT_GE(c.independent, 1u);
    multi = multi || c.independent >= 3;
  }
  EXPECT_TRUE(multi) << "the talks' outcome is carried by at least three independent origins";
  EXPECT_GT(s.summary, 0u);
}

TEST_F(StoryAnalysisTest, ExampleStoryPlantedRelationsChangesAndDisagreements) {
  fs::path examples = fs::path(CROSSCHECK_SOURCE_DIR) / "examples";
  std::vector<StoryView> stories = analyze(examples.string());
  ASSERT_EQ(stories.size(), 1u);
  const StoryView& s = stories[0];
  std::string wire = id_with_prefix(s, "01"), herald = id_with_prefix(s, "02"),
              skimline = id_with_prefix(s, "03"), briefloop = id_with_prefix(s, "04"),
              eastgate = id_with_prefix(s, "05"), ledger = id_with_prefix(s, "06"),
              tidings = id_with_prefix(s, "07");
  const ReuseView* copy = find_reuse(s, wire, herald);
  const ReuseView* rewrite = find_reuse(s, wire, skimline);
  const ReuseView* paraphrase = find_reuse(s, tidings, briefloop);
  ASSERT_NE(copy, nullptr);
  ASSERT_NE(rewrite, nullptr);
  ASSERT_NE(paraphrase, nullptr);
  EXPECT_EQ(copy->kind, "verbatim");
  EXPECT_GT(copy->coverage, 0.9);
  EXPECT_TRUE(copy->changes.empty());
  EXPECT_EQ(rewrite->kind, "rewrite");
  EXPECT_TRUE(has_change(*rewrite, "weekday", "Tuesday", "Thursday"));
  EXPECT_TRUE(has_change(*rewrite, "count", "1,200", "1,600"));
  // Independent reports are not derived from anything.
  for (const ReuseView& r : s.reuse) {
    EXPECT_NE(r.derived, eastgate);
    EXPECT_NE(r.derived, ledger);
    EXPECT_NE(r.derived, wire);
    EXPECT_NE(r.derived, tidings);
  }
  std::map<std::string, std::string> origin = {{herald, wire}, {skimline, wire}, {briefloop, tidings}};
  for (const ClaimView& c : s.claims) EXPECT_LE(c.independent, true_origins(c.articles, origin));
  // The planted disagreement on how long the talks took: two days vs three days (05).
  bool duration = false;
  for (const DiscrepancyView& d : s.discrepancies) {
    if (d.about != "how long") continue;
    std::set<std::string> values;
    for (const auto& [value, ids] : d.values) values.insert(value);
    duration = duration || (values.count("two days") && values.count("three days"));
  }
  EXPECT_TRUE(duration) << "two days vs three days of talks";
}

// Real articles, derived copies made here: the copy keeps most sentences, one weekday and one
// number changed. Three independent reports per BASIL event are the negatives.
TEST_F(StoryAnalysisTest, DerivedCopiesOfRealArticles) {
  fs::path basil = fs::path(CROSSCHECK_SHARED_DIR) / "data" / "stories" / "basil.jsonl";
  if (!fs::exists(basil)) GTEST_SKIP() << "BASIL not found at " << basil;
  simdjson::dom::parser parser;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> events;  // id, line
  std::vector<std::string> order;
  for (const std::string& line : crosscheck::testing_support::split_lines(read_file(basil))) {
    simdjson::dom::element e = parser.parse(line);
    std::string event{std::string_view(e["event"])};
    if (!events.count(event)) order.push_back(event);
    events[event].emplace_back(std::string(std::string_view(e["id"])), line);
  }
  const char* weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  int tested = 0, found = 0, weekday_changes = 0, weekday_found = 0, false_pairs = 0;
  for (const std::string& event : order) {
    if (tested == 12) break;
    const auto& members = events[event];
    if (members.size() < 3) continue;
    // The first member with a weekday in its text is copied; its weekday is changed, and the
    // first number of four or more digits too when there is one.
    simdjson::dom::element src = parser.parse(members[0].second);
    std::string text{std::string_view(src["text"])};
    std::string from, to;
    for (int w = 0; w < 7 && from.empty(); ++w)
      if (text.find(std::string(" ") + weekdays[w] + " ") != std::string::npos) {
        from = weekdays[w];
        to = weekdays[(w + 3) % 7];
      }
    std::string copy = text;
    if (!from.empty()) copy.replace(copy.find(" " + from + " ") + 1, from.size(), to);
    ++tested;
    fs::path dir = io_ / event;
    fs::create_directories(dir);
    std::ofstream out(dir / "story.jsonl");
    for (const auto& [id, line] : members) out << line << "\n";
    std::string escaped;
    crosscheck::JsonWriter::write_string(escaped, copy);
    out << "{\"id\":\"derived-copy\",\"source\":\"Copy Desk\",\"date\":\"2099-01-01\",\"text\":"
        << escaped << "}\n";
    out.close();
    std::vector<StoryView> stories = analyze("--one-story " + (dir / "story.jsonl").string());
    ASSERT_EQ(stories.size(), 1u);
    const ReuseView* r = find_reuse(stories[0], members[0].first, "derived-copy");
    found += r != nullptr;
    if (!from.empty()) {
      ++weekday_changes;
      weekday_found += r && has_change(*r, "weekday", from, to);
    }
    for (const ReuseView& x : stories[0].reuse)
      false_pairs += x.derived != "derived-copy";
  }
  ASSERT_GT(tested, 5);
  EXPECT_EQ(found, tested) << "every derived copy found with its source";
  EXPECT_EQ(weekday_found, weekday_changes) << "every altered weekday reported";
  EXPECT_LE(false_pairs, 1) << "independent reports of one event are not copies of each other";
}

}  // namespace
