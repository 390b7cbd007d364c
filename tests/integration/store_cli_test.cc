// `crosscheck ingest`, `stories` and `report` end to end, including an ingest killed with SIGKILL
// in the middle and resumed.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <simdjson.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/files.h"

namespace fs = std::filesystem;

namespace {

using crosscheck::testing_support::RunResult;
namespace testing_support = crosscheck::testing_support;

// One integer from an SQL query on the store (read-only); -1 on error.
int64_t query(const std::string& db, const char* sql) {
  sqlite3* h = nullptr;
  int64_t value = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(h, 5000);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(h, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
      value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
  }
  sqlite3_close(h);
  return value;
}

// The rows of the store as "id:story:duplicate_of" in insertion order (read-only).
std::string rows(const std::string& db) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT id, story, duplicate_of FROM articles ORDER BY seq", -1,
                           &stmt, nullptr) == SQLITE_OK) {
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        out += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        out += ":" + std::to_string(sqlite3_column_int64(stmt, 1)) + ":";
        out += reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2));
        out += "\n";
      }
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(h);
  return out;
}

// Deterministic pseudo-random numbers for generated inputs (a 64-bit LCG, top bits).
struct Lcg {
  uint64_t x;
  uint64_t operator()() {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return x >> 33;
  }
};

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("crosscheck_store_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "news.db").string();
    examples_ = std::string(CROSSCHECK_SOURCE_DIR) + "/examples";
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunResult run(const std::string& args) {
    return testing_support::run_command(CROSSCHECK_BINARY, args, dir_);
  }

  fs::path dir_;
  std::string db_, examples_;
};

TEST_F(StoreCliTest, IngestTwiceThenStoriesAndReport) {
  RunResult first = run("ingest --db " + db_ + " " + examples_);
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("7 added"), std::string::npos) << first.err;
  RunResult second = run("ingest --db " + db_ + " " + examples_);
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("0 added, 0 new versions, 7 unchanged"), std::string::npos)
      << second.err;
  EXPECT_EQ(query(db_, "SELECT count(*) FROM articles"), 7);

  RunResult table = run("stories --db " + db_);
  ASSERT_EQ(table.status, 0) << table.err;
  // One story of seven: 02 is a verbatim copy of 01, so it follows 01 instead of making the
  // story look tighter than its independent reports (which would keep 05 out).
  EXPECT_NE(table.out.find("1 stories"), std::string::npos) << table.out;

  RunResult json = run("stories --json --db " + db_);
  ASSERT_EQ(json.status, 0) << json.err;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_FALSE(parser.parse(json.out).get(doc)) << json.out;
  simdjson::dom::array stories;
  ASSERT_FALSE(doc["stories"].get_array().get(stories));
  ASSERT_EQ(stories.size(), 1u);
  uint64_t size = stories.at(0)["size"];
  EXPECT_EQ(size, 7u);
  EXPECT_EQ(simdjson::dom::array(stories.at(0)["outlets"]).size(), size);
  EXPECT_EQ(std::string_view(stories.at(0)["first_seen"]), "2026-03-12T06:15:00Z");
  std::string id(std::string_view(stories.at(0)["id"]));

  RunResult report = run("report --db " + db_ + " " + id + " --json -");
  ASSERT_EQ(report.status, 0) << report.err;
  simdjson::dom::parser parser2;
  simdjson::dom::element analysis;
  ASSERT_FALSE(parser2.parse(report.out).get(analysis)) << report.out;
  EXPECT_EQ(std::string_view(analysis["schema"]), "crosscheck/analysis@1");
  EXPECT_EQ(simdjson::dom::array(analysis["articles"]).size(), size);
  simdjson::dom::array rs = analysis["stories"];
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(std::string_view(rs.at(0)["id"]), id);
  EXPECT_EQ(simdjson::dom::array(rs.at(0)["articles"]).size(), size);
  EXPECT_EQ(std::string_view(simdjson::dom::array(rs.at(0)["articles"]).at(0)), "01_gullwingwire");
  EXPECT_EQ(simdjson::dom::array(analysis["problems"]).size(), 0u);

  EXPECT_EQ(run("report --db " + db_ + " 999999 --json -").status, 2);
  EXPECT_EQ(run("report --db " + db_ + " nonsense").status, 2);
  RunResult unbounded = run("ingest --reorder -1 --db " + db_ + " " + examples_);
  EXPECT_EQ(unbounded.status, 2);  // not a buffer of 2^64 - 1 articles
  EXPECT_NE(unbounded.err.find("--reorder"), std::string::npos) << unbounded.err;
  RunResult text = run("report --db " + db_ + " " + id);
  EXPECT_EQ(text.status, 0);
  EXPECT_NE(text.out.find(std::to_string(size) + " articles"), std::string::npos) << text.out;
}

// The stored text of `id` with " Later." appended (a near copy of it), JSON-escaped enough for
// the generated texts (plain words).
std::string stored_copy(const std::string& db, const std::string& id);

TEST_F(StoreCliTest, TwoThreadsStoreExactlyWhatOneThreadStores) {
  // With more than one thread, reading and cleaning run ahead of the writer on their own thread;
  // the writer must still see every article in input order: same rows, stories, duplicates.
  // 3,000 articles on 30 topics with copies and a broken line: several reader chunks and
  // store batches.
  fs::path input = dir_ / "mixed.jsonl";
  {
    std::ofstream out(input);
    Lcg next{7};
    std::vector<std::string> texts;
    for (int i = 0; i < 3000; ++i) {
      if (i == 1234) out << "{\"id\": broken\n";
      std::string text;
      if (i % 5 == 4 && !texts.empty()) {
        text = texts[next() % texts.size()] + " Update.";  // a near copy of an earlier one
      } else {
        int topic = static_cast<int>(next() % 30);
        for (int w = 0; w < 50; ++w) {
          text += (w ? " " : "");
          text += w % 5 == 4 ? "n" + std::to_string(next() % 5000)
                             : "t" + std::to_string(topic) + "w" + std::to_string(next() % 30);
        }
        texts.push_back(text);
      }
      out << "{\"id\":\"m" << i << "\",\"source\":\"s" << i % 7 << ".example\",\"text\":\"" << text
          << "\"}\n";
    }
  }
  std::string one_db = (dir_ / "one.db").string(), two_db = (dir_ / "two.db").string();
  RunResult one = run("ingest --quiet -j 1 --db " + one_db + " " + input.string());
  RunResult two = run("ingest --quiet -j 2 --db " + two_db + " " + input.string());
  EXPECT_EQ(one.status, 1) << one.err;  // the broken line is an error; the rest is stored
  EXPECT_EQ(two.status, 1) << two.err;
  EXPECT_NE(two.err.find("line 1235"), std::string::npos) << two.err;
  EXPECT_EQ(query(one_db, "SELECT count(*) FROM articles"), 3000);
  EXPECT_GT(query(one_db, "SELECT count(*) FROM articles WHERE duplicate_of != ''"), 100);
  std::string expected = rows(one_db);
  EXPECT_EQ(rows(two_db), expected);

  // A second run reloads the 3,000 stored signatures — with two threads in batches verified on
  // the second thread while the next batch is read (several batches of 1,024) — and must go on
  // with the same duplicate groups: new near copies of stored texts, and new texts.
  fs::path more = dir_ / "more.jsonl";
  {
    std::ofstream out(more);
    Lcg next{11};
    for (int i = 0; i < 600; ++i) {
      std::string text;
      for (int w = 0; w < 50; ++w) {
        text += (w ? " " : "");
        text += "u" + std::to_string(i % 40) + "w" + std::to_string(next() % 30);
      }
      out << "{\"id\":\"n" << i << "\",\"source\":\"s" << i % 7 << ".example\",\"text\":\""
          << (i % 3 == 0 ? stored_copy(one_db, "m" + std::to_string(i * 7 % 3000)) : text)
          << "\"}\n";
    }
  }
  one = run("ingest --quiet -j 1 --db " + one_db + " " + more.string());
  two = run("ingest --quiet -j 2 --db " + two_db + " " + more.string());
  EXPECT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(two.status, 0) << two.err;
  EXPECT_GT(
      query(one_db, "SELECT count(*) FROM articles WHERE id LIKE 'n%' AND duplicate_of LIKE 'm%'"),
      100);
  EXPECT_EQ(rows(two_db), rows(one_db));
}

// Groups formed before a run must hold after the reload. Chains A -> B -> C of 100 words: B is A
// with its last quarter replaced (5-gram Jaccard 0.59 with A), C is B with its first quarter
// replaced (0.59 with B, 0.32 with A: below the 0.4 threshold). A and B are stored in one run (B
// joins A's group); C comes in the next and meets only B, so it is a copy of A's group only if the
// reload rebuilt that group: duplicate_of(C) must be A, at -j 1 and at -j 2 (where the reload
// verifies batches on a second thread). 1,500 unrelated articles first, so that the reload spans
// two batches.
TEST_F(StoreCliTest, ReloadedGroupsCarryOverToNewCopies) {
  auto words = [](const std::string& prefix, int from, int to) {
    std::string out;
    for (int i = from; i < to; ++i) out += prefix + std::to_string(i) + " ";
    return out;
  };
  auto record = [](const std::string& id, const std::string& text) {
    return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}\n";
  };
  std::string first, second;
  for (int j = 0; j < 1500; ++j)
    first += record("f" + std::to_string(j), words("f" + std::to_string(j) + "w", 0, 40));
  for (int k = 0; k < 40; ++k) {
    const std::string c = "c" + std::to_string(k);
    const std::string a = words(c + "w", 0, 100);
    const std::string b = words(c + "w", 0, 75) + words(c + "b", 75, 100);
    const std::string cc = words(c + "y", 0, 25) + words(c + "w", 25, 75) + words(c + "b", 75, 100);
    first += record("A" + std::to_string(k), a) + record("B" + std::to_string(k), b);
    second += record("C" + std::to_string(k), cc);
  }
  testing_support::write_file((dir_ / "first.jsonl").string(), first);
  testing_support::write_file((dir_ / "second.jsonl").string(), second);
  for (const char* threads : {"-j 1", "-j 2"}) {
    const std::string db = (dir_ / (std::string("chain") + threads[3] + ".db")).string();
    RunResult r = run("ingest --quiet " + std::string(threads) + " --db " + db + " " +
                      (dir_ / "first.jsonl").string());
    ASSERT_EQ(r.status, 0) << r.err;
    ASSERT_EQ(
        query(db, "SELECT count(*) FROM articles WHERE id LIKE 'B%' AND duplicate_of LIKE 'A%'"),
        40)
        << threads << ": every B joins its A";
    r = run("ingest --quiet " + std::string(threads) + " --db " + db + " " +
            (dir_ / "second.jsonl").string());
    ASSERT_EQ(r.status, 0) << r.err;
    for (int k = 0; k < 40; ++k) {
      const std::string sql = "SELECT count(*) FROM articles WHERE id = 'C" + std::to_string(k) +
                              "' AND duplicate_of = 'A" + std::to_string(k) + "'";
      EXPECT_EQ(query(db, sql.c_str()), 1) << threads << ": C" << k;
    }
  }
}

// One text column of the row of `id` with the given version (read-only); "<missing>" if none.
std::string stored_text(const std::string& db, const std::string& id, int version = 1) {
  sqlite3* h = nullptr;
  std::string out = "<missing>";
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT text FROM articles WHERE id = ?1 AND version = ?2", -1, &stmt,
                           nullptr) == SQLITE_OK) {
      sqlite3_bind_text(stmt, 1, id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(stmt, 2, version);
      if (sqlite3_step(stmt) == SQLITE_ROW)
        out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(h);
  return out;
}

std::string stored_copy(const std::string& db, const std::string& id) {
  return stored_text(db, id) + " Later.";
}

using testing_support::write_file;

// A JSONL record of the Weir Courier: a report on lock `n` and the paper's repeated tagline.
std::string courier(int n, const std::string& extra = "") {
  return "{\"id\":\"w" + std::to_string(n) + "\",\"source\":\"Weir Courier\",\"text\":\"Lock " +
         std::to_string(n) + " on the Mardle canal reopened on day " + std::to_string(3 * n + 1) +
         " after the gates were rebuilt by crew " + std::to_string(n * 7 % 11) + "." + extra +
         "\\n\\nThe Weir Courier is delivered by boat every second morning\"}\n";
}

TEST_F(StoreCliTest, StoredRecordsAreRecognisedBeforeCleaning) {
  for (const char* threads : {"1", "2"}) {
    SCOPED_TRACE(std::string("-j ") + threads);
    const std::string j = std::string(" -j ") + threads + " ";
    std::string db = (dir_ / (std::string("grown") + threads + ".db")).string();
    std::string fresh = (dir_ / (std::string("fresh") + threads + ".db")).string();
    // The tagline is a template from its third article on (template_min_articles = 3).
    write_file(dir_ / "day.jsonl", courier(0) + courier(1));
    RunResult first =
        run("ingest --quiet" + j + "--db " + db + " " + (dir_ / "day.jsonl").string());
    ASSERT_EQ(first.status, 0) << first.err;
    EXPECT_NE(stored_text(db, "w0").find("delivered by boat"), std::string::npos);

    // The file grows: the old records are recognised, the new ones cleaned as in a full read.
    write_file(dir_ / "day.jsonl", courier(0) + courier(1) + courier(2) + courier(3) + courier(4));
    RunResult grown =
        run("ingest --quiet" + j + "--db " + db + " " + (dir_ / "day.jsonl").string());
    ASSERT_EQ(grown.status, 0) << grown.err;
    EXPECT_NE(grown.err.find("3 added, 0 new versions, 2 unchanged (2 recognised before cleaning)"),
              std::string::npos)
        << grown.err;
    RunResult whole =
        run("ingest --quiet" + j + "--db " + fresh + " " + (dir_ / "day.jsonl").string());
    ASSERT_EQ(whole.status, 0) << whole.err;
    for (const char* id : {"w2", "w3", "w4"}) {
      EXPECT_EQ(stored_text(db, id), stored_text(fresh, id)) << id;
      EXPECT_EQ(stored_text(db, id).find("delivered by boat"), std::string::npos) << id;
    }

    // A changed record is a new version; the old record again after it is one more version
    // (it differs from the version just stored), exactly as without recognition.
    write_file(dir_ / "day.jsonl",
               courier(0) + courier(1, " Boats queued.") + courier(2) + courier(5) + courier(1));
    RunResult changed =
        run("ingest --quiet" + j + "--db " + db + " " + (dir_ / "day.jsonl").string());
    ASSERT_EQ(changed.status, 0) << changed.err;
    EXPECT_NE(
        changed.err.find("1 added, 2 new versions, 2 unchanged (2 recognised before cleaning)"),
        std::string::npos)
        << changed.err;
    EXPECT_NE(stored_text(db, "w1", 2).find("Boats queued"), std::string::npos);
    // (Cleaned now that the tagline is a known template, like w1 in the whole-file store.)
    EXPECT_EQ(stored_text(db, "w1", 3), stored_text(fresh, "w1"));
    EXPECT_EQ(query(db, "SELECT count(*) FROM articles"), 8);
    EXPECT_EQ(query(db, "SELECT count(*) FROM articles WHERE current = 1"), 6);
    EXPECT_EQ(query(db, "SELECT count(*) FROM articles WHERE raw_fingerprint = 0"), 0);
  }
}

TEST_F(StoreCliTest, RecleanCleansStoredRecordsAgain) {
  // Stored before the tagline was a known template, w0 and w1 keep it; a plain re-run leaves
  // them as they are, --reclean cleans them with what is known now (new versions).
  write_file(dir_ / "day.jsonl", courier(0) + courier(1));
  ASSERT_EQ(run("ingest --quiet --db " + db_ + " " + (dir_ / "day.jsonl").string()).status, 0);
  write_file(dir_ / "day.jsonl", courier(0) + courier(1) + courier(2) + courier(3));
  RunResult plain = run("ingest --quiet --db " + db_ + " " + (dir_ / "day.jsonl").string());
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_NE(plain.err.find("2 added, 0 new versions, 2 unchanged (2 recognised"), std::string::npos)
      << plain.err;
  EXPECT_NE(stored_text(db_, "w0").find("delivered by boat"), std::string::npos);
  RunResult again =
      run("ingest --quiet --reclean --db " + db_ + " " + (dir_ / "day.jsonl").string());
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("0 added, 2 new versions, 2 unchanged (0 recognised"), std::string::npos)
      << again.err;
  EXPECT_EQ(stored_text(db_, "w0", 2).find("delivered by boat"), std::string::npos);
  EXPECT_EQ(stored_text(db_, "w1", 2).find("delivered by boat"), std::string::npos);
  EXPECT_EQ(query(db_, "SELECT count(*) FROM articles WHERE current = 1"), 4);
}

TEST_F(StoreCliTest, ARecordTwiceInOneInputIsStoredOnceAndRecognisedAfter) {
  write_file(dir_ / "day.jsonl", courier(0) + courier(1) + courier(0));
  RunResult first = run("ingest --quiet --db " + db_ + " " + (dir_ / "day.jsonl").string());
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("2 added, 0 new versions, 1 unchanged"), std::string::npos) << first.err;
  RunResult second = run("ingest --quiet --db " + db_ + " " + (dir_ / "day.jsonl").string());
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("0 added, 0 new versions, 3 unchanged (3 recognised"),
            std::string::npos)
      << second.err;
  EXPECT_EQ(query(db_, "SELECT count(*) FROM articles"), 2);
}

TEST_F(StoreCliTest, NewerSchemaAndDamagedFilesAreRefused) {
  ASSERT_EQ(run("ingest --quiet --db " + db_ + " " + examples_).status, 0);
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &h), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(h, "UPDATE schema_version SET version = 7", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(h);
  for (const char* cmd : {"ingest --quiet --db DB EX", "stories --db DB"}) {
    std::string c = cmd;
    c.replace(c.find("DB"), 2, db_);
    if (c.find("EX") != std::string::npos) c.replace(c.find("EX"), 2, examples_);
    RunResult r = run(c);
    EXPECT_EQ(r.status, 2) << c;
    EXPECT_NE(r.err.find("store schema version 7 is newer than this crosscheck"), std::string::npos)
        << r.err;
  }

  std::string junk = (dir_ / "junk.db").string();
  {
    std::ofstream out(junk, std::ios::binary);
    for (int i = 0; i < 500; ++i) out << "garbage, not a database at all. ";
  }
  for (const std::string& c : {"ingest --quiet --db " + junk + " " + examples_,
                               "stories --db " + junk, "report --db " + junk + " 1 --json -"}) {
    RunResult r = run(c);
    EXPECT_EQ(r.status, 2) << c;
    EXPECT_NE(r.err.find("not a crosscheck store or is damaged"), std::string::npos) << r.err;
  }
  EXPECT_EQ(run("stories --db " + (dir_ / "missing.db").string()).status, 2);
}

// Starts `crosscheck ingest` on a large generated input, SIGKILLs it once some batches are
// committed, resumes, and checks that every article is stored exactly once.
TEST_F(StoreCliTest, KilledIngestResumesWithNothingLostOrDoubled) {
  // 20,000 short articles on 40 topics: each draws most words from its topic's vocabulary, so
  // the clusterer sees 40 stories (random text would make every article a story of its own).
  constexpr int kArticles = 20000;
  fs::path input = dir_ / "big.jsonl";
  {
    std::ofstream out(input);
    Lcg next{42};
    for (int i = 0; i < kArticles; ++i) {
      int topic = i % 40;
      out << "{\"id\":\"k" << i << "\",\"source\":\"s" << i % 13 << ".example\",\"title\":\"Topic "
          << topic << "\",\"text\":\"";
      for (int w = 0; w < 60; ++w) {
        out << (w ? " " : "");
        if (w % 4 == 3) {
          out << "x" << next() % 100000;
        } else {
          out << "t" << topic << "w" << next() % 40;
        }
      }
      out << ".\"}\n";
    }
  }
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(CROSSCHECK_BINARY, CROSSCHECK_BINARY, "ingest", "--quiet", "--batch", "500", "--db",
          db_.c_str(), input.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait for a few committed batches (the store appears with the first one).
  int64_t committed = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(db_)) committed = query(db_, "SELECT count(*) FROM articles");
    if (committed >= 1000) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "ingest finished before it could be killed";
  int64_t at_kill = query(db_, "SELECT count(*) FROM articles");
  ASSERT_GT(at_kill, 0);
  ASSERT_LT(at_kill, kArticles);
  EXPECT_EQ(at_kill % 500, 0);  // whole batches only

  RunResult resumed = run("ingest --quiet --batch 500 --db " + db_ + " " + input.string());
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_EQ(query(db_, "SELECT count(*) FROM articles"), kArticles);
  EXPECT_EQ(query(db_, "SELECT count(DISTINCT id) FROM articles"), kArticles);
  EXPECT_EQ(query(db_, "SELECT count(*) FROM articles WHERE version <> 1"), 0);
  // Every article has a story that exists.
  EXPECT_EQ(query(db_,
                  "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                  "(SELECT 1 FROM articles f WHERE f.seq = a.story)"),
            0);
}

}  // namespace
