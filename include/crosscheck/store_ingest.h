// Incremental, idempotent ingest into a store: dedup + story clustering + batched transactions.
//
//   crosscheck::store::Ingestor ingestor(*store, options, &pool);
//   if (Status s = ingestor.open(); !s) ...        // reloads dedup index and cluster window
//   for (Article& a : cleaned) if (Status s = ingestor.add(std::move(a)); !s) ...
//   Status s = ingestor.finish();                    // last batch + final story assignment
//
// Resumability. Articles are buffered and written `batch_articles` at a time, each batch in one
// transaction, so a killed process leaves every committed batch intact and nothing half-written.
// Re-running the same input then skips the committed articles (recognised by their raw record's
// fingerprint before cleaning, or by the same id and content hash after) and writes the rest:
// nothing lost, nothing doubled.
//
// State across runs. Dedup: every signature is in the store; open() feeds them back to a fresh
// Deduplicator in seq order, which rebuilds the same groups (with the same dedup options: a store
// written with max_bucket_scan 64, the default before 2026-11-23, can regroup differently only
// where a bucket holds more than 16 unrelated texts). Stories: the clusterer's state is not
// serialised; open() replays the last `replay_articles` stored articles, duplicates left out
// (re-analysing their cleaned text) so that new articles can join the stories that are still
// live. A replayed article keeps naming its stored story, so a new article joining it continues
// that story. Duplicates skip the clusterer and follow their group's first member. The replay
// window also bounds memory on long ingests: every `epoch_articles` new articles the clusterer is
// finished (final assignments written) and restarted from the replay window.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/cluster.h"
#include "crosscheck/dedup.h"
#include "crosscheck/problem.h"
#include "crosscheck/store.h"
#include "crosscheck/thread_pool.h"

namespace crosscheck::store {

struct IngestOptions {
  // Articles per transaction: what a killed ingest can lose (and redo on the next run).
  uint32_t batch_articles = 1000;
  // Stored articles the clusterer replays on open and at each epoch: the stories still open to
  // new articles. ~2 days of a large feed; replay costs one text analysis per article.
  uint32_t replay_articles = 5000;
  // New articles per clusterer lifetime before finishing and restarting it from the replay window
  // (bounds the clusterer's per-article state, ~2.5 KB each).
  uint32_t epoch_articles = 100000;
  dedup::Options dedup;      // must stay the same across runs on one store (signatures)
  cluster::Options cluster;  // background_df: models/df-en.tsv.gz for better early IDF
};

struct IngestStats {
  uint64_t added = 0;              // new article ids written
  uint64_t new_versions = 0;       // known ids with changed content, written as a new version
  uint64_t unchanged = 0;          // known ids with the same content: no-op
  uint64_t duplicates = 0;         // written articles that joined an earlier dedup group
  uint64_t batches = 0;            // transactions committed
  uint64_t signatures_loaded = 0;  // open(): dedup signatures reloaded
  uint64_t replayed = 0;           // open() and epochs: articles replayed into the clusterer
  uint64_t stories_moved = 0;      // finish passes: articles whose story changed
  uint64_t late_arrivals = 0;      // new articles dated more than the window before an article
                                   // the clusterer saw before them (StoryClusterer::late_arrivals)
  double reload_seconds = 0;       // open(): time to rebuild dedup + cluster state
  double settle_seconds = 0;       // finish passes of the clusterer (final story assignment)
};

// The raw records a store holds, one per article id (its current version's
// Article::raw_fingerprint): what lets `crosscheck ingest` recognise a record it stored before
// without cleaning it again (pipeline::Options::known). Keyed by a 64-bit hash of the id (~50 bytes
// an id in a std::unordered_map, ~50 MB for 1M; built once per run). A hash collision
// between two ids can only make a record look unknown (fingerprints cover the id), never a new
// record look known. One fingerprint per id: an id read from two different raw records that clean
// to the same text is recognised for the last one stored only (the other is cleaned again and
// found unchanged by its content hash, and its fingerprint recorded: one row update per run).
class KnownRecords {
 public:
  void add(std::string_view id, uint64_t fingerprint);
  // True when the record stored under `id` has this fingerprint. Otherwise the record is about to
  // be stored (a new id or a new version): it is remembered as the id's record and false returned,
  // so a second copy of it later in the same input is recognised too.
  bool seen(std::string_view id, uint64_t fingerprint);
  size_t size() const { return by_id_.size(); }

 private:
  // Looked up only, never iterated, so its order reaches no result.
  std::unordered_map<uint64_t, uint64_t> by_id_;  // hash of the id -> fingerprint
};

class Ingestor {
 public:
  // `pool` runs signatures and text analysis in parallel; it must outlive the Ingestor.
  Ingestor(Store& store, IngestOptions options, ThreadPool* pool);
  ~Ingestor();

  // Rebuilds dedup and cluster state from the store. Call once, before add().
  Status open();
  // Buffers one cleaned article; writes a batch when enough are buffered.
  Status add(Article&& article);
  // Writes the last batch and the final story assignments.
  Status finish();

  // The raw records the store held at open() (empty when it recorded none). The caller may
  // take them: the Ingestor does not look at them again.
  KnownRecords& known_records();

  const IngestStats& stats() const;
  // Non-fatal messages (e.g. the background DF model could not be read).
  const std::vector<std::string>& warnings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosscheck::store
