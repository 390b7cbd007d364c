// Any byte sequence, under any file name and format, through ingest and the whole clean + text
// stage: no crash, no sanitizer report, every emitted body valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "crosscheck/clean.h"
#include "crosscheck/ingest.h"
#include "crosscheck/text.h"
#include "crosscheck/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kNames[] = {"a.txt",     "a.html",     "a.jsonl", "a.warc",
                                 "a.warc.gz", "a.jsonl.gz", "a"};
  std::string_view name = kNames[data[0] % 7];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  crosscheck::ingest::Options options;
  options.max_file_bytes = 1 << 20;
  static crosscheck::text::Analyzer analyzer;
  crosscheck::ingest::read_buffer(
      name, bytes, options,
      [&](crosscheck::RawArticle&& raw) {
        if (!crosscheck::utf8::is_valid(raw.body)) std::abort();
        crosscheck::Article a = crosscheck::clean::prepare(raw);
        crosscheck::clean::strip_boilerplate(a, {}, nullptr);
        if (!crosscheck::utf8::is_valid(a.text)) std::abort();
        crosscheck::Document d = analyzer.analyze(a);
        for (const auto& t : d.tokens) {
          if (t.end > a.text.size() || t.begin > t.end) std::abort();
        }
      },
      [](crosscheck::Problem&&) {});
  return 0;
}
