// The per-article part of the pipeline, wired together: ingest -> clean -> (text analysis).
//
// Two shapes, one mechanism:
//   * stream(): bounded memory for any input size. Raw articles are gathered into chunks; each
//     chunk is prepared in parallel, observed by the TemplateModel, stripped of boilerplate in
//     parallel, and handed to the sink in input order. Templates are learned cumulatively, so an
//     outlet's repeated block is recognised from its third article on (earlier ones within the same
//     chunk too, since the whole chunk is observed before any of it is stripped).
//   * read_all(): the whole input in memory (what `analyze` needs), templates learned over all.
//
//   crosscheck::pipeline::Options opts;
//   auto batch = crosscheck::pipeline::read_all({"examples/"}, opts, nullptr);
//   for (const Article& a : batch.articles) ...
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/clean.h"
#include "crosscheck/document.h"
#include "crosscheck/dossier.h"
#include "crosscheck/entities.h"
#include "crosscheck/ingest.h"
#include "crosscheck/problem.h"
#include "crosscheck/story.h"
#include "crosscheck/text.h"
#include "crosscheck/thread_pool.h"

namespace crosscheck::pipeline {

struct Options {
  ingest::Options ingest;                  // formats and size limits
  clean::BoilerplateOptions boilerplate;   // boilerplate rules and template threshold
  bool remove_boilerplate = true;          // false: HTML->text and normalisation only
  bool detect_language = true;             // fill Article::language (CLD2)
  size_t threads = 0;                      // 0: all cores
  size_t chunk_articles = 4096;            // stream(): articles per parallel chunk
  uint64_t chunk_bytes = 64ull << 20;      // stream(): raw bytes per parallel chunk
  // stream(): records the caller already holds (an ingest's store). With `fingerprint_raw` or
  // `known` set, each raw record's raw_fingerprint() goes into Article::raw_fingerprint, and
  // `known` (when set) is asked, once per record, serially and in input order, before the record
  // is passed on, whether the caller holds that record. A known record is still read by the
  // template model (the records after it are cleaned exactly as in a full read) but not cleaned
  // further nor passed on: what the caller holds stays as it was cleaned then, even where the
  // templates learned since would now remove more of it.
  bool fingerprint_raw = false;
  std::function<bool(const RawArticle& raw, uint64_t fingerprint)> known;
};

// A 64-bit fingerprint of a raw record (id, metadata, body, format), the cleaning switches in
// `options` and a revision of the cleaning code (bumped by hand when cleaning changes enough that
// stored articles should be cleaned again): equal fingerprints = the same record read the same
// way. (Its cleaned text can still differ: template removal also depends on the other records
// seen.) Never 0.
uint64_t raw_fingerprint(const RawArticle& raw, const Options& options);

struct Progress {
  uint64_t read = 0;       // raw records read so far
  uint64_t articles = 0;   // cleaned articles so far
  uint64_t bytes = 0;      // input bytes read so far (after decompression)
  uint64_t problems = 0;   // problems reported so far (errors and warnings)
};
using ProgressFn = std::function<void(const Progress&)>;
using CleanSink = std::function<void(Article&&)>;

// Streams cleaned articles to `on_article` in input order. Problems from every stage go to
// `on_problem` as they happen. `on_progress` (may be null) is called every 1024 records read and after each chunk.
ingest::Stats stream(const std::vector<std::string>& inputs, const Options& options,
                     const CleanSink& on_article, const ingest::ProblemSink& on_problem,
                     const ProgressFn& on_progress);

struct Batch {
  std::vector<Article> articles;
  std::vector<Problem> problems;
  ingest::Stats stats;
};

// Reads and cleans everything into memory.
Batch read_all(const std::vector<std::string>& inputs, const Options& options,
               const ProgressFn& on_progress);

// Sentences, tokens, stems for every article, in parallel. documents[i] views articles[i].text.
std::vector<Document> analyze_all(const std::vector<Article>& articles,
                                  const text::AnalyzerOptions& options, ThreadPool& pool);

// The per-story analysis (compare::analyze_story) of every story, stories in parallel.
// documents[i] analyses articles[i]; a story's article ids must name articles in `articles`
// (unknown ids are skipped). dossiers[k] belongs to stories[k]. A story whose analysis fails
// gets an empty dossier and a Problem (stage "compare", id = story id) in `problems`.
// `tagger` (may be null) adds entities to the dossiers.
std::vector<Dossier> analyze_stories(const std::vector<Article>& articles,
                                     const std::vector<Document>& documents,
                                     const std::vector<Story>& stories, ThreadPool& pool,
                                     std::vector<Problem>* problems,
                                     const entities::Tagger* tagger = nullptr);

// One story over articles that are all its own (a stored story): the text analysis of each
// article (language already known: not detected again) and the story's dossier, on `pool`.
// What `crosscheck report` and `crosscheck serve` show; failures go to `problems` as above.
Dossier analyze_one_story(const std::vector<Article>& articles, const Story& story,
                          ThreadPool& pool, std::vector<Problem>* problems,
                          const entities::Tagger* tagger = nullptr);

}  // namespace crosscheck::pipeline
