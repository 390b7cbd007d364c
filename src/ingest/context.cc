#include "src/ingest/context.h"

#include <cstring>
#include <utility>

#include "crosscheck/utf8.h"

namespace crosscheck::ingest {

size_t repair_utf8(std::string& s) {
  if (utf8::is_valid(s) && std::memchr(s.data(), '\0', s.size()) == nullptr) return 0;
  std::string fixed;
  size_t replaced = utf8::repair(s, fixed);
  s.swap(fixed);
  return replaced;
}

ReadContext::ReadContext(std::string_view name, const Options& options,
                         const ArticleSink& on_article, const ProblemSink& on_problem, Stats& stats)
    : name_(name),
      file_id_(file_article_id(name)),
      options_(options),
      on_article_(on_article),
      on_problem_(on_problem),
      stats_(stats) {}

void ReadContext::emit(RawArticle&& a) {
  size_t replaced = repair_utf8(a.body);
  for (std::string* field : {&a.id, &a.source, &a.url, &a.published, &a.title, &a.charset}) {
    replaced += repair_utf8(*field);
  }
  for (std::string& author : a.authors) replaced += repair_utf8(author);
  if (replaced > 0) {
    warning(a.id, "invalid UTF-8: " + std::to_string(replaced) +
                      (replaced == 1 ? " sequence" : " sequences") + " replaced with U+FFFD");
  }
  if (a.source.empty()) a.source = outlet_from_url(a.url);
  if (a.source.empty()) a.source = "unknown";
  if (a.origin.empty()) a.origin = name_;
  ++stats_.records;
  if (on_article_) on_article_(std::move(a));
}

void ReadContext::error(std::string id, std::string message) {
  ++stats_.failed;
  if (on_problem_)
    on_problem_(Problem{std::move(id), "ingest", std::move(message), Severity::kError});
}

void ReadContext::warning(std::string id, std::string message) {
  if (on_problem_) {
    on_problem_(Problem{std::move(id), "ingest", std::move(message), Severity::kWarning});
  }
}

}  // namespace crosscheck::ingest
