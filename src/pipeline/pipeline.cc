#include "crosscheck/pipeline.h"

#include <exception>
#include <memory>
#include <mutex>

namespace crosscheck::pipeline {
namespace {

// Cleans one chunk in place. A failure of one article (an exception escaping a stage, which
// should not happen but must not kill the batch) turns into a Problem and drops only that article.
// Records the caller already holds (Options::known) are prepared and observed, then dropped.
void clean_chunk(std::vector<RawArticle>& raws, std::vector<Article>& out, const Options& options,
                 clean::TemplateModel& templates, ThreadPool& pool,
                 const ingest::ProblemSink& on_problem) {
  out.assign(raws.size(), Article{});
  std::vector<std::string> failure(raws.size());
  const bool fingerprint = options.fingerprint_raw || options.known;
  pool.parallel_for(raws.size(), [&](size_t i) {
    try {
      out[i] = clean::prepare(raws[i]);
      if (fingerprint) out[i].raw_fingerprint = raw_fingerprint(raws[i], options);
    } catch (const std::exception& e) {
      failure[i] = e.what();
    }
  });
  std::vector<char> known(raws.size(), 0);
  for (size_t i = 0; i < out.size(); ++i) {
    if (!failure[i].empty()) continue;
    if (options.known) known[i] = options.known(raws[i], out[i].raw_fingerprint);
    templates.observe(out[i].source, out[i].text);
  }
  pool.parallel_for(raws.size(), [&](size_t i) {
    if (!failure[i].empty() || known[i]) return;
    try {
      if (options.remove_boilerplate) clean::strip_boilerplate(out[i], options.boilerplate, &templates);
      if (options.detect_language) {
        // CLD2 wins when it is sure; otherwise a declared language (<html lang>) stays.
        std::string lang = text::detect_language(out[i].text);
        if (lang != "und" || out[i].language.empty()) out[i].language = std::move(lang);
      }
    } catch (const std::exception& e) {
      failure[i] = e.what();
    }
  });
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (!failure[i].empty()) {
      on_problem(Problem{raws[i].id, "clean", "internal error: " + failure[i], Severity::kError});
      continue;
    }
    if (known[i]) continue;
    if (kept != i) out[kept] = std::move(out[i]);
    ++kept;
  }
  out.resize(kept);
}

}  // namespace

ingest::Stats stream(const std::vector<std::string>& inputs, const Options& options,
                     const CleanSink& on_article, const ingest::ProblemSink& on_problem,
                     const ProgressFn& on_progress) {
  ThreadPool pool(options.threads);
  clean::TemplateModel templates;
  std::vector<RawArticle> chunk;
  std::vector<Article> cleaned;
  uint64_t chunk_bytes = 0;
  Progress progress;

  auto count_problem = [&](Problem&& p) {
    ++progress.problems;
    on_problem(std::move(p));
  };
  auto flush = [&] {
    if (chunk.empty()) return;
    clean_chunk(chunk, cleaned, options, templates, pool, count_problem);
    for (Article& a : cleaned) {
      on_article(std::move(a));
      ++progress.articles;
    }
    chunk.clear();
    cleaned.clear();
    chunk_bytes = 0;
    if (on_progress) on_progress(progress);
  };

  ingest::Stats stats = ingest::read_inputs(
      inputs, options.ingest,
      [&](RawArticle&& raw) {
        chunk_bytes += raw.body.size();
        progress.bytes += raw.body.size();
        ++progress.read;
        chunk.push_back(std::move(raw));
        if (on_progress && (progress.read & 1023) == 0) on_progress(progress);
        if (chunk.size() >= options.chunk_articles || chunk_bytes >= options.chunk_bytes) flush();
      },
      count_problem);
  flush();
  return stats;
}

Batch read_all(const std::vector<std::string>& inputs, const Options& options,
               const ProgressFn& on_progress) {
  // One chunk for the whole input: templates are learned over every article before any is cleaned.
  Options whole = options;
  whole.chunk_articles = SIZE_MAX;
  whole.chunk_bytes = UINT64_MAX;
  Batch batch;
  batch.stats = stream(
      inputs, whole, [&](Article&& a) { batch.articles.push_back(std::move(a)); },
      [&](Problem&& p) { batch.problems.push_back(std::move(p)); }, on_progress);
  return batch;
}

std::vector<Document> analyze_all(const std::vector<Article>& articles,
                                  const text::AnalyzerOptions& options, ThreadPool& pool) {
  std::vector<Document> docs(articles.size());
  // Analyzers hold stemmers, which are not thread-safe: each article borrows one from a free list.
  // Borrowing costs two uncontended lock operations, far below the cost of analysing an article.
  std::mutex mutex;
  std::vector<std::unique_ptr<text::Analyzer>> free_list;
  pool.parallel_for(articles.size(), [&](size_t i) {
    std::unique_ptr<text::Analyzer> analyzer;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!free_list.empty()) {
        analyzer = std::move(free_list.back());
        free_list.pop_back();
      }
    }
    if (!analyzer) analyzer = std::make_unique<text::Analyzer>(options);
    docs[i] = analyzer->analyze(articles[i]);
    std::lock_guard<std::mutex> lock(mutex);
    free_list.push_back(std::move(analyzer));
  });
  return docs;
}

}  // namespace crosscheck::pipeline
