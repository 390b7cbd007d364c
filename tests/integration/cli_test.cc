// End-to-end tests of the `crosscheck` binary: exit statuses, per-record problems, output shapes.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <simdjson.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "tests/support/files.h"
#include "tests/support/ingest_capture.h"

namespace fs = std::filesystem;

namespace {

using crosscheck::testing_support::gzip;
using crosscheck::testing_support::RunResult;
namespace testing_support = crosscheck::testing_support;

using crosscheck::testing_support::write_file;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("crosscheck_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    io_ = dir_.string() + "_io";  // captured streams live outside the input directory
    fs::remove_all(dir_);
    fs::remove_all(io_);
    fs::create_directories(dir_);
    fs::create_directories(io_);
  }
  void TearDown() override {
    fs::remove_all(dir_);
    fs::remove_all(io_);
  }

  RunResult run(const std::string& args, const std::string& stdin_data = "") {
    return testing_support::run_command(CROSSCHECK_BINARY, args, io_, stdin_data);
  }

  // Parses JSONL: `key`'s string value of each object, in order (a parse error fails the test).
  std::vector<std::string> field(const std::string& jsonl, const char* key) {
    std::vector<std::string> result;
    simdjson::dom::parser parser;
    std::istringstream lines(jsonl);
    std::string line;
    while (std::getline(lines, line)) {
      auto doc = parser.parse(line);
      EXPECT_FALSE(doc.error()) << line;
      if (doc.error()) continue;
      result.emplace_back(std::string_view(doc[key]));
    }
    return result;
  }

  // The objects' ids, in order.
  std::vector<std::string> ids(const std::string& jsonl) { return field(jsonl, "id"); }

  // Each object's string field `key` by its id.
  std::map<std::string, std::string> field_by_id(const std::string& jsonl, const char* key) {
    std::vector<std::string> id = ids(jsonl), value = field(jsonl, key);
    std::map<std::string, std::string> result;
    for (size_t i = 0; i < id.size() && i < value.size(); ++i) result[id[i]] = value[i];
    EXPECT_EQ(id.size(), value.size());
    return result;
  }

  fs::path dir_, io_;
};

const char kStory[] =
    "Title: Bridge reopens\nSource: Valley Post\nURL: https://valleypost.example/bridge\n"
    "Date: 2026-02-03\n\nThe old bridge reopened on Tuesday after two years of repairs. "
    "Mayor Ana Lind said the town had waited long enough.\n";

TEST_F(CliTest, AMissingBackgroundModelIsSaidNotSilent) {
  // A copy of the binary away from models/, run from a directory without one: the clusterer
  // falls back to IDF from the input, and says so.
  fs::create_directories(dir_ / "bin");
  fs::copy_file(CROSSCHECK_BINARY, dir_ / "bin" / "crosscheck");
  write_file(dir_ / "story.txt", kStory);
  const std::string away = "cd " + dir_.string() + " && env -u CROSSCHECK_MODEL_DIR " +
                           (dir_ / "bin" / "crosscheck").string();
  const std::string input = (dir_ / "story.txt").string();
  RunResult missing = testing_support::run_command(away, "cluster " + input, io_);
  EXPECT_EQ(missing.status, 0) << missing.err;
  EXPECT_NE(missing.err.find("models/df-en.tsv.gz not found"), std::string::npos) << missing.err;
  EXPECT_EQ(ids(missing.out), std::vector<std::string>{"story"});
  RunResult ingest = testing_support::run_command(
      away, "ingest --db " + (dir_ / "news.db").string() + " " + input, io_);
  EXPECT_EQ(ingest.status, 0) << ingest.err;
  EXPECT_NE(ingest.err.find("models/df-en.tsv.gz not found"), std::string::npos) << ingest.err;
  RunResult asked =
      testing_support::run_command(away, "cluster --background-df none " + input, io_);
  EXPECT_EQ(asked.status, 0) << asked.err;
  EXPECT_EQ(asked.err.find("not found"), std::string::npos) << asked.err;
  RunResult found = run("cluster " + input);
  EXPECT_EQ(found.status, 0) << found.err;
  EXPECT_EQ(found.err.find("not found"), std::string::npos) << found.err;
}

TEST_F(CliTest, HelpForEverySubcommand) {
  for (const char* sub : {"extract", "analyze"}) {
    RunResult r = run(std::string(sub) + " --help");
    EXPECT_EQ(r.status, 0) << sub;
    EXPECT_NE(r.out.find("INPUT"), std::string::npos) << sub;
    EXPECT_NE(r.out.find("--format"), std::string::npos) << sub;
  }
  RunResult top = run("--help");
  EXPECT_EQ(top.status, 0);
  EXPECT_NE(top.out.find("extract"), std::string::npos);
  EXPECT_NE(top.out.find("analyze"), std::string::npos);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("frobnicate").status, 2);
  EXPECT_EQ(run("extract").status, 2);  // INPUT is required
  write_file(dir_ / "a.txt", kStory);
  EXPECT_EQ(run("extract --format nonsense " + (dir_ / "a.txt").string()).status, 2);
}

// A pile out of date order is clustered in date order: the result is that of the same articles
// given already sorted (stable by day) with --order input, listed in the pile's own order.
TEST_F(CliTest, ClusterSortsAPileByDate) {
  // Three harbour fires in three years, three reports each (days within a week), and one
  // undated report after the 2025 ones in the pile.
  struct Row {
    std::string id, date, text;
  };
  const char* kPlaces[] = {"Port Alder", "Kessing Bay", "Marrow Quay"};
  const char* kPeople[] = {"Ines Okafor", "Tomas Brandt", "Lea Fontaine"};
  // Three outlets' wording (not near-duplicates of each other, so the clusterer decides).
  const std::string kOpenings[] = {"A fire destroyed warehouses at the harbour of ",
                                   "Flames tore through storage sheds overnight in ",
                                   "Residents woke to smoke over the docks of "};
  const std::string kMiddles[] = {" for hours, while ", " until dawn; asked about injuries, ",
                                  ". Later that morning "};
  const std::string kEndings[] = {" told reporters that nobody was hurt.",
                                  " replied that all workers had left before midnight.",
                                  " thanked volunteers and promised an inquiry into the cause."};
  std::vector<Row> rows;
  for (int year = 0; year < 3; ++year) {
    for (int k = 0; k < 3; ++k) {
      const std::string place = kPlaces[year], who = kPeople[year];
      rows.push_back({"y" + std::to_string(2024 + year) + "_" + std::to_string(k),
                      std::to_string(2024 + year) + "-03-0" + std::to_string(2 + 2 * k),
                      kOpenings[k] + place + ". Fire chief " + who + " said " +
                          std::to_string(3 + year) + " crews fought the blaze at " + place +
                          kMiddles[k] + who + kEndings[k]});
    }
  }
  // The pile: newest first, the undated one after the 2025 reports (so its place is 2025's).
  std::vector<Row> pile = {rows[8], rows[6], rows[3], rows[5], rows[4],
                           {"undated", "", rows[4].text}, rows[0], rows[2], rows[1], rows[7]};
  // The same articles stably sorted the way the command should: by day, undated after the
  // dated one before it in the pile.
  std::vector<Row> sorted = {rows[0], rows[1], rows[2], rows[3], rows[4],
                             {"undated", "", rows[4].text}, rows[5], rows[6], rows[7], rows[8]};
  auto write = [&](const fs::path& path, const std::vector<Row>& list) {
    std::string jsonl;
    for (const Row& r : list) {
      jsonl += "{\"id\":\"" + r.id + "\",\"source\":\"" + r.id + ".example\",\"date\":\"" +
               r.date + "\",\"text\":\"" + r.text + "\"}\n";
    }
    write_file(path, jsonl);
  };
  write(dir_ / "pile.jsonl", pile);
  write(dir_ / "sorted.jsonl", sorted);
  RunResult by_date = run("cluster --quiet " + (dir_ / "pile.jsonl").string());
  RunResult as_given = run("cluster --quiet --order input " + (dir_ / "sorted.jsonl").string());
  ASSERT_EQ(by_date.status, 0) << by_date.err;
  ASSERT_EQ(as_given.status, 0) << as_given.err;
  std::vector<std::string> pile_ids;
  for (const Row& r : pile) pile_ids.push_back(r.id);
  EXPECT_EQ(ids(by_date.out), pile_ids);  // listed in the pile's order
  std::map<std::string, std::string> got = field_by_id(by_date.out, "cluster");
  EXPECT_EQ(got, field_by_id(as_given.out, "cluster"));
  // Each year's story is named after its earliest report, and no story spans two years.
  for (const auto& [id, cluster] : got) {
    if (id == "undated") continue;
    EXPECT_EQ(cluster.substr(0, 6), id.substr(0, 6)) << id << " in " << cluster;
  }
  EXPECT_EQ(got["y2026_2"], "y2026_0");
  EXPECT_EQ(run("cluster --order sideways " + (dir_ / "pile.jsonl").string()).status, 2);

  // Where the pile is clustered as given, the user is told it is out of date order: 6 of the 9
  // clustered articles (the 2025 and 2024 reports; the undated one is a copy, not clustered) come
  // more than a week after a 2026 one.
  const char kLate[] = "are dated more than 7 days before an article that came before them";
  EXPECT_EQ(by_date.err.find(kLate), std::string::npos) << by_date.err;
  EXPECT_EQ(as_given.err.find(kLate), std::string::npos) << as_given.err;
  RunResult streamed = run("cluster --quiet --order input " + (dir_ / "pile.jsonl").string());
  EXPECT_EQ(streamed.status, 0) << streamed.err;
  EXPECT_NE(streamed.err.find("6 of 9 articles " + std::string(kLate)), std::string::npos)
      << streamed.err;
  RunResult as_given_ingest = run("ingest --quiet --reorder 0 --db " +
                                  (dir_ / "as-given.db").string() + " " +
                                  (dir_ / "pile.jsonl").string());
  EXPECT_EQ(as_given_ingest.status, 0) << as_given_ingest.err;
  EXPECT_NE(as_given_ingest.err.find("6 of 9 articles " + std::string(kLate)), std::string::npos)
      << as_given_ingest.err;
  RunResult sorted_ingest = run("ingest --quiet --db " + (dir_ / "sorted.db").string() + " " +
                                (dir_ / "sorted.jsonl").string());
  EXPECT_EQ(sorted_ingest.status, 0) << sorted_ingest.err;
  EXPECT_EQ(sorted_ingest.err.find(kLate), std::string::npos) << sorted_ingest.err;

  // ingest puts the pile in date order through its --reorder buffer (20,000 articles by
  // default, so this pile whole) — or, with --sort, through sorted temporary files however small
  // the buffer (2 here: five runs): no warning, and the stored stories are the ones `cluster`
  // finds — one per year, the undated copy in 2025's — stored in date order: a story's id is
  // its first article's place in the store, so the 2024 story's is the smallest.
  std::map<std::string, int> cluster_sizes;  // story -> articles, from `cluster`
  for (const auto& [id, cluster] : got) ++cluster_sizes[cluster];
  EXPECT_EQ(cluster_sizes["y2025_0"], 4);  // the undated copy follows its 2025 original
  const std::vector<std::pair<std::string, int>> expected = {
      {"2024-03-02", cluster_sizes["y2024_0"]},
      {"2025-03-02", cluster_sizes["y2025_0"]},
      {"2026-03-02", cluster_sizes["y2026_0"]}};
  const std::vector<std::string> ways = {"", "--sort --reorder 2 -j 1", "--sort --reorder 2 -j 2"};
  for (size_t way = 0; way < ways.size(); ++way) {
    const std::string& options = ways[way];
    SCOPED_TRACE("ingest " + options);
    const fs::path db = dir_ / ("pile" + std::to_string(way) + ".db");
    RunResult ingested = run("ingest --quiet " + options + " --sort-dir " + dir_.string() +
                             " --db " + db.string() + " " + (dir_ / "pile.jsonl").string());
    EXPECT_EQ(ingested.status, 0) << ingested.err;
    EXPECT_EQ(ingested.err.find(kLate), std::string::npos) << ingested.err;
    RunResult listed = run("stories --json --db " + db.string());
    ASSERT_EQ(listed.status, 0) << listed.err;
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    ASSERT_EQ(parser.parse(listed.out).get(doc), simdjson::SUCCESS) << listed.out;
    std::vector<std::pair<std::string, int>> stored;  // (first seen, size), in story id order
    std::vector<long> story_ids;
    for (simdjson::dom::element story : doc["stories"].get_array()) {
      std::string first(story["first_seen"].get_string().value());
      std::string last(story["last_seen"].get_string().value());
      EXPECT_EQ(first.substr(0, 4), last.substr(0, 4)) << "a story spans two years";
      stored.emplace_back(first, static_cast<int>(story["size"].get_int64().value()));
      story_ids.push_back(std::stol(std::string(story["id"].get_string().value())));
    }
    std::vector<size_t> by_id(stored.size());
    for (size_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
    std::sort(by_id.begin(), by_id.end(),
              [&](size_t a, size_t b) { return story_ids[a] < story_ids[b]; });
    std::vector<std::pair<std::string, int>> in_id_order;
    for (size_t i : by_id) in_id_order.push_back(stored[i]);
    EXPECT_EQ(in_id_order, expected);
  }
  // The sort's temporary files are gone (unlinked as they were made).
  for (const auto& entry : fs::directory_iterator(dir_))
    EXPECT_EQ(entry.path().filename().string().rfind("crosscheck-sort", 0), std::string::npos)
        << entry.path();
  // The buffer the sort holds in memory cannot be empty, and a directory it cannot write to is
  // named before anything is read.
  RunResult no_memory = run("ingest --sort --reorder 0 --db " + (dir_ / "x.db").string() + " " +
                            (dir_ / "pile.jsonl").string());
  EXPECT_EQ(no_memory.status, 2);
  EXPECT_NE(no_memory.err.find("--sort needs --reorder"), std::string::npos) << no_memory.err;
  RunResult no_dir = run("ingest --sort --sort-dir " + (dir_ / "missing").string() + " --db " +
                         (dir_ / "y.db").string() + " " + (dir_ / "pile.jsonl").string());
  EXPECT_EQ(no_dir.status, 2);
  EXPECT_NE(no_dir.err.find((dir_ / "missing").string()), std::string::npos) << no_dir.err;
  EXPECT_FALSE(fs::exists(dir_ / "y.db"));
}

// Output that does not reach its destination (here a full disk: /dev/full) is an error, never an
// exit 0 with nothing or half of it written.
TEST_F(CliTest, OutputThatCannotBeWrittenIsAnError) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  write_file(dir_ / "story.txt", kStory);
  const std::string err = (io_ / "full.err").string();
  for (const char* sub : {"extract", "dedup", "cluster", "analyze", "--version", "--help"}) {
    const bool option = sub[0] == '-';  // written by CLI11, through std::cout
    std::string cmd = std::string(CROSSCHECK_BINARY) + " " + sub +
                      (option ? "" : " --quiet " + (dir_ / "story.txt").string()) +
                      " >/dev/full 2>" + err;
    int raw = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(raw)) << sub;
    EXPECT_EQ(WEXITSTATUS(raw), 2) << sub;
    EXPECT_NE(testing_support::read_file(err).find("could not write the output to stdout: " +
                                                   std::string(std::strerror(ENOSPC))),
              std::string::npos)
        << sub << ": " << testing_support::read_file(err);
  }
}

// A file that cannot be written is named with the reason; stdout's failure is said once.
TEST_F(CliTest, AnOutputFileThatCannotBeWrittenIsNamedWithTheReason) {
  write_file(dir_ / "story.txt", kStory);
  const std::string missing = (dir_ / "no" / "such" / "dir" / "out.json").string();
  RunResult r = run("analyze --quiet " + (dir_ / "story.txt").string() + " --json " + missing);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot write " + missing + ": " + std::strerror(ENOENT)),
            std::string::npos)
      << r.err;
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  const std::string err = (io_ / "full.err").string();
  std::string cmd = std::string(CROSSCHECK_BINARY) + " analyze --quiet " +
                    (dir_ / "story.txt").string() + " --json - >/dev/full 2>" + err;
  int raw = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(raw));
  EXPECT_EQ(WEXITSTATUS(raw), 2);
  const std::string said = testing_support::read_file(err);
  EXPECT_NE(said.find("could not write the output to stdout"), std::string::npos) << said;
  EXPECT_EQ(std::count(said.begin(), said.end(), '\n'), 1) << said;
}

// A streaming command stops reading once its output cannot be written: a bad record at the end
// of a long input is never reached (it would be, and reported, if the command read on).
TEST_F(CliTest, StreamingStopsAtTheFirstFailedWrite) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  std::string jsonl;
  for (int i = 0; i < 9000; ++i)  // more than one stream chunk (4096 articles)
    jsonl += "{\"id\":\"a" + std::to_string(i) + "\",\"text\":\"The ferry returned.\"}\n";
  jsonl += "{not json\n";
  write_file(dir_ / "long.jsonl", jsonl);
  const std::string err = (io_ / "full.err").string();
  for (const char* sub : {"extract", "quotes"}) {
    std::string cmd = std::string(CROSSCHECK_BINARY) + " " + sub + " --quiet " +
                      (dir_ / "long.jsonl").string() + " >/dev/full 2>" + err;
    int raw = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(raw)) << sub;
    EXPECT_EQ(WEXITSTATUS(raw), 2) << sub;
    const std::string said = testing_support::read_file(err);
    EXPECT_NE(said.find("could not write the output to stdout"), std::string::npos) << said;
    EXPECT_EQ(said.find("line 9001"), std::string::npos) << sub << " read on: " << said;
  }
  // Into a sink that takes it all, the bad record is reached and reported.
  RunResult whole = run("extract --quiet " + (dir_ / "long.jsonl").string());
  EXPECT_EQ(whole.status, 1);
  EXPECT_NE(whole.err.find("line 9001"), std::string::npos) << whole.err;
}

// Dates come out as ISO 8601 where they can be read without guessing, else as given.
TEST_F(CliTest, PublicationDatesBecomeIsoWhereReadable) {
  write_file(dir_ / "feed.jsonl",
             "{\"id\":\"rss\",\"date\":\"Tue, 03 Mar 2009 22:41:00 GMT\",\"text\":\"Crews "
             "fought a fire at the harbour.\"}\n"
             "{\"id\":\"us\",\"date\":\"11/18/16\",\"text\":\"The ferry returned.\"}\n"
             "{\"id\":\"either\",\"date\":\"4/12/19\",\"text\":\"The bridge reopened.\"}\n");
  RunResult r = run("extract --quiet " + (dir_ / "feed.jsonl").string());
  ASSERT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::string> published = field_by_id(r.out, "published");
  EXPECT_EQ(published["rss"], "2009-03-03T22:41:00Z");
  EXPECT_EQ(published["us"], "2016-11-18");
  EXPECT_EQ(published["either"], "4/12/19");
}

TEST_F(CliTest, ExtractWritesOneObjectPerArticleWithTheContractFields) {
  write_file(dir_ / "bridge-story.txt", kStory);
  RunResult r = run("extract --quiet " + (dir_ / "bridge-story.txt").string());
  ASSERT_EQ(r.status, 0) << r.err;
  simdjson::dom::parser parser;
  auto doc = parser.parse(r.out);
  ASSERT_FALSE(doc.error()) << r.out;
  EXPECT_EQ(std::string_view(doc["id"]), "bridge-story");
  EXPECT_EQ(std::string_view(doc["source"]), "Valley Post");
  EXPECT_EQ(std::string_view(doc["title"]), "Bridge reopens");
  EXPECT_EQ(std::string_view(doc["url"]), "https://valleypost.example/bridge");
  EXPECT_EQ(std::string_view(doc["published"]), "2026-02-03");
  EXPECT_EQ(std::string_view(doc["language"]), "en");
  std::string_view text = doc["text"];
  EXPECT_EQ(text.find("Title:"), std::string_view::npos);
  EXPECT_NE(text.find("The old bridge reopened on Tuesday"), std::string_view::npos);
  EXPECT_TRUE(doc["removed"].is_array());
}

TEST_F(CliTest, BadRecordsAreReportedAndTheBatchGoesOn) {
  fs::path in = dir_ / "in";
  fs::create_directories(in);
  write_file(in / "good.txt", kStory);
  write_file(in / "empty.txt", "");
  write_file(in / "binary.txt", std::string("\x7f"
                                            "ELF\0\0\0\x01\x02\x03\0\0",
                                            12) +
                                    std::string(200, '\0'));
  write_file(in / "feed.jsonl",
             "{\"id\":\"j1\",\"text\":\"The ferry resumed service on Monday.\"}\n"
             "{\"id\":\"j2\",\"text\": broken\n"
             "{\"id\":\"j3\",\"text\":\"Harbour fees rose by 4 percent this year.\"}\n");
  std::string gz = gzip(std::string(kStory) + std::string(3000, 'x'));
  write_file(in / "cut.txt.gz", gz.substr(0, gz.size() / 2));
  RunResult r = run("extract --quiet " + in.string() + " " + (dir_ / "missing.txt").string());
  EXPECT_EQ(r.status, 1) << r.err;
  std::vector<std::string> got = ids(r.out);
  EXPECT_NE(std::find(got.begin(), got.end(), "good"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "j1"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "j3"), got.end());
  EXPECT_EQ(std::find(got.begin(), got.end(), "j2"), got.end());
  // Every bad record is named on stderr with a reason.
  EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("truncated"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.txt"), std::string::npos) << r.err;
}

TEST_F(CliTest, NothingReadableExitsTwo) {
  RunResult r = run("extract --quiet " + (dir_ / "nope.txt").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("nope.txt"), std::string::npos);
}

TEST_F(CliTest, InvalidUtf8IsRepairedAndReportedAsWarning) {
  write_file(dir_ / "bad-utf8.txt", "The harbour \xff\xfe master resigned on Friday.\n");
  RunResult r = run("extract --quiet " + (dir_ / "bad-utf8.txt").string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("warning"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
  simdjson::dom::parser parser;
  auto doc = parser.parse(r.out);
  ASSERT_FALSE(doc.error());
  std::string_view text = doc["text"];
  EXPECT_NE(text.find("\xef\xbf\xbd"), std::string_view::npos);
}

TEST_F(CliTest, FilesOverTheSizeLimitAreRejected) {
  write_file(dir_ / "small.txt", kStory);
  write_file(dir_ / "big.txt", std::string(kStory) + std::string(5000, 'y'));
  RunResult r = run("extract --quiet --max-file-bytes 1000 " + dir_.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("big"), std::string::npos) << r.err;
  EXPECT_EQ(ids(r.out), std::vector<std::string>{"small"});
}

TEST_F(CliTest, StdinIsAnInput) {
  RunResult r = run("extract --quiet -", kStory);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(ids(r.out).size(), 1u);
}

TEST_F(CliTest, AnalyzeJsonHasTheSchemaArticlesAndProblems) {
  write_file(dir_ / "one.txt", kStory);
  write_file(dir_ / "two.jsonl", "{\"text\": oops}\n");
  RunResult r =
      run("analyze --quiet --json - " + dir_.string() + "/one.txt " + dir_.string() + "/two.jsonl");
  EXPECT_EQ(r.status, 1) << r.err;
  simdjson::dom::parser parser;
  auto doc = parser.parse(r.out);
  ASSERT_FALSE(doc.error()) << r.out;
  EXPECT_EQ(std::string_view(doc["schema"]), "crosscheck/analysis@1");
  EXPECT_EQ(simdjson::dom::array(doc["articles"]).size(), 1u);
  EXPECT_TRUE(doc["stories"].is_array());
  simdjson::dom::array problems = doc["problems"];
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(std::string_view(problems.at(0)["severity"]), "error");
  EXPECT_NE(std::string_view(problems.at(0)["message"]).find("line 1"), std::string_view::npos);
}

TEST_F(CliTest, SeedsGiveOneArticleEach) {
  fs::path seeds = fs::path(CROSSCHECK_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "../shared/seeds not found: skipping the seed run";
  RunResult r = run("analyze --quiet --json - " + seeds.string());
  ASSERT_EQ(r.status, 0) << r.err;
  simdjson::dom::parser parser;
  auto doc = parser.parse(r.out);
  ASSERT_FALSE(doc.error());
  simdjson::dom::array articles = doc["articles"];
  size_t files = 0;
  for (auto& e : fs::directory_iterator(seeds)) files += e.is_regular_file();
  EXPECT_EQ(articles.size(), files);
  for (auto a : articles) {
    EXPECT_GT(std::string_view(a["text"]).size(), 1000u);
    EXPECT_EQ(std::string_view(a["language"]), "en");
  }
}

// Runs the binary with stderr on a pseudo-terminal (where the progress line is drawn), stdout
// to /dev/null; returns what it wrote on the terminal, or sets `status` to -1 on failure.
std::string run_on_terminal(const std::vector<std::string>& args, int* status) {
  *status = -1;
  int master = -1, slave = -1;
  if (openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) return "";
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(slave, 2);
    close(master);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(CROSSCHECK_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(CROSSCHECK_BINARY, argv.data());
    _exit(127);
  }
  close(slave);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(master, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(master);  // read() ends with EIO once the child has closed the terminal
  int wstatus = 0;
  if (pid > 0 && waitpid(pid, &wstatus, 0) == pid && WIFEXITED(wstatus))
    *status = WEXITSTATUS(wstatus);
  return out;
}

// On a terminal the progress line ends on the final counts, also when the last update came
// within the 100 ms redraw interval (it once stayed at the last drawn, earlier, counts).
TEST_F(CliTest, ProgressLineEndsOnTheFinalCounts) {
  std::string jsonl;
  for (int i = 0; i < 3000; ++i)
    jsonl += "{\"id\":\"p" + std::to_string(i) + "\",\"text\":\"Article " + std::to_string(i) +
             " tells of the harbour council and its budget.\"}\n";
  const std::string in = (dir_ / "docs.jsonl").string();
  write_file(in, jsonl);
  for (const auto& [command, counts] :
       {std::pair<std::string, std::string>{"dedup", "3000 read, 3000 grouped"},
        std::pair<std::string, std::string>{"extract", "3000 read, 3000 cleaned"}}) {
    int status = 0;
    std::string screen = run_on_terminal({command, in}, &status);
    ASSERT_EQ(status, 0) << command << ":\n" << screen;
    size_t last = screen.rfind(command + ":");
    ASSERT_NE(last, std::string::npos) << command << ": no progress line in\n" << screen;
    EXPECT_NE(screen.find(counts, last), std::string::npos)
        << command << ": the last progress line is\n"
        << screen.substr(last);
  }
}

}  // namespace
