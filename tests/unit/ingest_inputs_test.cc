#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "crosscheck/ingest.h"
#include "tests/support/ingest_capture.h"
#include "crosscheck/utf8.h"
#include "src/ingest/mapped_file.h"

namespace crosscheck::ingest {
namespace {

using testing_support::gzip;
using testing_support::read;
using testing_support::read_paths;
using testing_support::TempDir;
using Result = testing_support::Capture;

namespace fs = std::filesystem;

TEST(IngestInputs, DirectoryIsRecursedSortedAndHiddenEntriesSkipped) {
  TempDir dir;
  dir.write("b.txt", "Second file.\n");
  dir.write("a.txt", "First file.\n");
  dir.write("sub/c.html", "<!DOCTYPE html><p>Third</p>");
  dir.write("sub/d.jsonl", "{\"id\":\"d1\",\"text\":\"Fourth\"}\n");
  dir.write(".hidden.txt", "never read");
  dir.write(".git/config.txt", "never read either");
  Result r = read_paths({dir.path()});
  ASSERT_EQ(r.articles.size(), 4u);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.articles[0].id, "a");
  EXPECT_EQ(r.articles[1].id, "b");
  EXPECT_EQ(r.articles[2].id, "c");
  EXPECT_TRUE(r.articles[2].is_html);
  EXPECT_EQ(r.articles[3].id, "d1");
  EXPECT_EQ(r.stats.files, 4u);
}

TEST(IngestInputs, MissingPathIsAnErrorAndTheBatchGoesOn) {
  TempDir dir;
  std::string good = dir.write("good.txt", "Still read.\n");
  Result r = read_paths({dir.path() + "/missing.txt", good});
  ASSERT_EQ(r.articles.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].id, dir.path() + "/missing.txt");
  EXPECT_EQ(r.problems[0].message, "cannot open: No such file or directory");
  EXPECT_EQ(r.problems[0].severity, Severity::kError);
  EXPECT_EQ(r.stats.failed, 1u);
}

TEST(IngestInputs, GzipIsDetectedByMagicNotExtension) {
  TempDir dir;
  std::string p = dir.write("story.txt", gzip("Title: Zipped\n\nInside a gzip file.\n"));
  Result r = read_paths({p});
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Zipped");
  EXPECT_EQ(r.articles[0].id, "story");
  EXPECT_EQ(r.stats.bytes, 35u);
}

// Files of 256 KB and more are mapped instead of read into a buffer: the same records, problems
// and byte counts as reading the bytes from memory, plain or gzip (the bodies are random words,
// so the gzip file is over 256 KB too), and a record cut by the end of the file is still one.
TEST(IngestInputs, LargeFilesAreReadAsSmallOnesAre) {
  TempDir dir;
  std::mt19937 rng(7);
  std::string jsonl;
  for (int i = 0; jsonl.size() < (900u << 10); ++i) {
    jsonl += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"";
    for (int w = 0; w < 40; ++w) jsonl += std::to_string(rng()) + " ";
    jsonl += "\"}\n";
  }
  jsonl += "{\"id\":\"last\",\"text\":\"no newline at the end\"}";
  const std::string broken = jsonl + "\n{\"id\":\"cut\",\"te";
  for (const std::string& content : {jsonl, broken}) {
    Result in_memory = read("big.jsonl", content);
    const std::string zipped = gzip(content);
    ASSERT_GE(zipped.size(), 256u << 10);  // mapped too
    for (const std::string& file : {dir.write("big.jsonl", content),
                                    dir.write("big.jsonl.gz", zipped)}) {
      Options read_not_mapped;
      read_not_mapped.map_files = false;
      Result unmapped = read_paths({file}, read_not_mapped);
      EXPECT_EQ(unmapped.articles.size(), in_memory.articles.size()) << file;
      Result from_file = read_paths({file});
      ASSERT_EQ(from_file.articles.size(), in_memory.articles.size()) << file;
      EXPECT_EQ(from_file.articles.back().id, in_memory.articles.back().id);
      EXPECT_EQ(from_file.articles.back().body, in_memory.articles.back().body);
      EXPECT_EQ(from_file.problems.size(), in_memory.problems.size()) << file;
      EXPECT_EQ(from_file.stats.bytes, content.size());
    }
  }
}

TEST(IngestInputs, MappedFileHoldsTheFileOrNothing) {
  TempDir dir;
  const std::string content(300000, 'm');
  int fd = ::open(dir.write("m.txt", content).c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  {
    MappedFile mapped(fd, content.size());
    ::close(fd);  // the mapping outlives the descriptor
    ASSERT_TRUE(mapped.ok());
    EXPECT_EQ(mapped.bytes(), content);
  }
  int empty = ::open(dir.write("e.txt", "").c_str(), O_RDONLY);
  ASSERT_GE(empty, 0);
  MappedFile nothing(empty, 0);
  ::close(empty);
  EXPECT_FALSE(nothing.ok());
  EXPECT_TRUE(nothing.bytes().empty());
}

TEST(IngestInputs, ExpectedBytesAreWhatTheFilesDecodeTo) {
  TempDir dir;
  const std::string text(70000, 'x');
  std::string plain = dir.write("a.jsonl", text);
  std::string zipped = dir.write("b.jsonl.gz", gzip(text));
  std::string two = dir.write("c.gz", gzip("abc") + gzip(text));  // the trailer names the last member
  EXPECT_EQ(expected_bytes({plain}), text.size());
  EXPECT_EQ(expected_bytes({zipped}), text.size());
  EXPECT_EQ(expected_bytes({plain, zipped}), 2 * text.size());
  EXPECT_EQ(expected_bytes({two}), text.size());
  // Unknown sizes count nothing rather than a guess: a directory, stdin, a missing file.
  EXPECT_EQ(expected_bytes({dir.path(), "-", dir.path() + "/missing.jsonl"}), 0u);
  // A trailer claiming more than deflate can produce is capped (1032:1).
  std::string liar = gzip("x");
  liar.replace(liar.size() - 4, 4, "\xff\xff\xff\x7f");
  std::string lying = dir.write("d.gz", liar);
  EXPECT_EQ(expected_bytes({lying}), liar.size() * 1032);
}

TEST(IngestInputs, FileSizeLimitOnDiskAndAfterDecompression) {
  Options options;
  options.max_file_bytes = 1000;
  TempDir dir;
  std::string big = dir.write("big.txt", std::string(1001, 'x'));
  std::string bomb = dir.write("bomb.txt.gz", gzip(std::string(100000, 'y')));
  Result r = read_paths({big, bomb}, options);
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].message, "file exceeds --max-file-bytes (1000 bytes)");
  EXPECT_EQ(r.problems[1].message, "file exceeds --max-file-bytes (1000 bytes)");
  EXPECT_EQ(r.stats.failed, 2u);
}

TEST(IngestInputs, EmptyAndBinaryFiles) {
  Result empty = read("empty.txt", "");
  ASSERT_EQ(empty.problems.size(), 1u);
  EXPECT_EQ(empty.problems[0].message, "empty file");
  EXPECT_EQ(empty.problems[0].id, "empty.txt");
  EXPECT_EQ(empty.stats.failed, 1u);

  Result empty_gz = read("empty.txt.gz", gzip(""));
  ASSERT_EQ(empty_gz.problems.size(), 1u);
  EXPECT_EQ(empty_gz.problems[0].message, "empty file (after decompression)");

  std::string binary =
      "\x7f"
      "ELF\x02\x01\x01";
  binary += std::string(64, '\0');
  Result elf = read("program", binary);
  ASSERT_EQ(elf.problems.size(), 1u);
  EXPECT_EQ(elf.problems[0].message, "binary content, not text");
  EXPECT_TRUE(elf.articles.empty());

  std::string controls;
  for (int i = 0; i < 100; ++i) controls += (i % 2) ? "\x01\x02" : "ab";
  Result ctl = read("noise.html", controls);
  ASSERT_EQ(ctl.problems.size(), 1u);
  EXPECT_EQ(ctl.problems[0].message, "binary content, not text");
}

TEST(IngestInputs, TruncatedAndCorruptGzipSingleArticleIsRejected) {
  std::string gz = gzip("Title: Cut\n\n" + std::string(5000, 'z'));
  Result cut = read("cut.txt.gz", std::string_view(gz).substr(0, gz.size() - 10));
  EXPECT_TRUE(cut.articles.empty());
  ASSERT_EQ(cut.problems.size(), 1u);
  EXPECT_EQ(cut.problems[0].message.rfind("truncated gzip stream after ", 0), 0u)
      << cut.problems[0].message;
  EXPECT_EQ(cut.stats.failed, 1u);

  std::string corrupt = gz;
  corrupt[12] ^= 0x55;
  corrupt[13] ^= 0x55;
  Result bad = read("bad.txt.gz", corrupt);
  EXPECT_TRUE(bad.articles.empty());
  ASSERT_EQ(bad.problems.size(), 1u);
  EXPECT_EQ(bad.problems[0].severity, Severity::kError);
  EXPECT_NE(bad.problems[0].message.find("gzip"), std::string::npos) << bad.problems[0].message;
}

TEST(IngestInputs, UnsupportedCompressionIsNamed) {
  Result r = read("x.txt.zst", std::string("\x28\xB5\x2F\xFD rest", 9));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].message.find("zstd"), std::string::npos);
}

TEST(IngestInputs, FormatSniffing) {
  EXPECT_TRUE(read("noext", "  <!doctype html><title>T</title>").articles.at(0).is_html);
  EXPECT_TRUE(read("noext", "<DIV>upper case</DIV>").articles.at(0).is_html);
  EXPECT_FALSE(read("noext", "A <pre-existing> note.").articles.at(0).is_html);
  EXPECT_EQ(read("noext", " {\"id\":\"j\",\"text\":\"t\"}\n").articles.at(0).id, "j");
  // The extension wins over the content.
  EXPECT_FALSE(read("note.txt", "<html><p>x</p></html>").articles.at(0).is_html);
}

TEST(IngestInputs, HtmlCharsetFromMeta) {
  Result r = read("page.htm",
                  "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                  "charset=windows-1251\"></head><body>\xCF\xF0\xE8\xE2\xE5\xF2</body></html>");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].charset, "windows-1251");
  EXPECT_NE(r.articles[0].body.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"),
            std::string::npos);  // "Привет"
  EXPECT_TRUE(r.problems.empty());

  Result unknown = read("odd.html", "<meta charset=\"x-no-such-charset\"><p>hi</p>");
  ASSERT_EQ(unknown.articles.size(), 1u);
  ASSERT_EQ(unknown.problems.size(), 1u);
  EXPECT_EQ(unknown.problems[0].severity, Severity::kWarning);
}

// Random bytes and random mutations of valid inputs must never crash, every emitted article must
// be valid UTF-8, and every file is accounted for (an article or a problem).
TEST(IngestInputs, RandomInputsNeverCrash) {
  std::mt19937 rng(12345);
  std::string page = "<html><body><p>Fuzz</p></body></html>";
  std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
  std::string warc =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:f>\r\n"
      "Content-Length: " +
      std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  std::string jsonl = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"html\":\"<p>two</p>\"}\n";
  std::vector<std::pair<std::string, std::string>> seeds = {
      {"f.warc", warc + warc},
      {"f.warc.gz", gzip(warc) + gzip(warc)},
      {"f.jsonl", jsonl},
      {"f.jsonl.gz", gzip(jsonl)},
      {"f.html", page},
      {"f.txt", "Title: T\n\nbody\n"},
      {"f", gzip("Title: T\n\nx")},
  };
  Options options;
  options.max_file_bytes = 1 << 20;
  for (int round = 0; round < 3000; ++round) {
    std::string name;
    std::string bytes;
    if (round % 4 == 0) {
      name = round % 8 == 0 ? "random.bin" : "random.warc";
      bytes.resize(rng() % 300);
      for (char& c : bytes) c = static_cast<char>(rng());
    } else {
      const auto& seed = seeds[rng() % seeds.size()];
      name = seed.first;
      bytes = seed.second;
      int mutations = 1 + static_cast<int>(rng() % 4);
      for (int m = 0; m < mutations && !bytes.empty(); ++m) {
        size_t at = rng() % bytes.size();
        switch (rng() % 3) {
          case 0:
            bytes[at] = static_cast<char>(rng());
            break;
          case 1:
            bytes.erase(at, 1 + rng() % 8);
            break;
          case 2:
            bytes.insert(at, 1, static_cast<char>(rng()));
            break;
        }
      }
    }
    Result r = read(name, bytes, options);
    for (const RawArticle& a : r.articles) {
      ASSERT_TRUE(utf8::is_valid(a.body));
      ASSERT_TRUE(utf8::is_valid(a.title));
      ASSERT_FALSE(a.id.empty());
    }
    ASSERT_TRUE(!r.articles.empty() || !r.problems.empty() || r.stats.warc_skipped > 0)
        << "silently dropped: round " << round;
  }
}

}  // namespace
}  // namespace crosscheck::ingest
