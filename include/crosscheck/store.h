// The store: articles, their duplicate groups and stories, kept on disk so that a later run (or a
// reader) can come back to them. One interface, several backends: SQLite now (embedded, the
// default), PostgreSQL later.
//
//   crosscheck::store::Options options;
//   crosscheck::store::OpenResult r = crosscheck::store::open_store("news.db", options);
//   if (!r.status) { /* r.status.message(): newer schema, corrupt file, ... */ }
//   std::vector<crosscheck::store::StorySummary> stories;
//   crosscheck::Status s = r.store->stories(&stories);
//
// Writing goes through store::Ingestor (crosscheck/store_ingest.h), which adds dedup and story
// clustering and batches rows into transactions.
//
// Data model. Every article version is one row with a sequence number `seq` (arrival order over
// the store's whole life). An article id seen again with the same content hash is a no-op; with a
// different hash it becomes version n+1 and the older version stops being `current`. Each row also
// keeps the fingerprint of the raw record it was cleaned from, so that an ingest can recognise a
// record it stored before without cleaning it again. Stories are
// numbered by the seq of their founding article. Nothing here throws for bad data: every failure
// (I/O, corrupt file, newer schema) is a Status with a message meant for the user.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/dedup.h"
#include "crosscheck/problem.h"
#include "crosscheck/story.h"

namespace crosscheck::store {

struct Options {
  // Open for reading only (stories, report): never creates or migrates anything.
  bool read_only = false;
  // Milliseconds to wait for another process's lock before failing with "database is locked".
  int busy_timeout_ms = 10000;
};

// One article version as stored.
struct StoredArticle {
  int64_t seq = 0;             // arrival order in the store (assigned by insert)
  Article article;             // article.duplicate_of: id of its dedup group's first member
  uint32_t version = 1;        // 1 for the first text seen under this id
  uint64_t content_hash = 0;   // content_hash(article): equal hash = same article
  int64_t story = 0;           // seq of the story's founding article
  dedup::Signature signature;  // persisted so a later ingest rebuilds the dedup index
};

// The latest stored version of an article id.
struct Latest {
  bool found = false;
  uint32_t version = 0;
  uint64_t content_hash = 0;
  uint64_t raw_fingerprint = 0;
};

struct StorySummary {
  int64_t id = 0;
  std::string title;                 // title of the founding article
  uint64_t size = 0;                 // current article versions in the story
  std::vector<std::string> outlets;  // distinct sources, sorted
  std::string first_seen;            // earliest `published` (empty when no article is dated)
  std::string last_seen;             // latest `published`
};

class Store {
 public:
  virtual ~Store() = default;

  // Schema version of the open store.
  virtual int schema_version() const = 0;

  // Transactions: one per ingest batch, so a killed process loses at most the open batch.
  virtual Status begin() = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;

  // The latest version of `id` (found = false when the id is new).
  virtual Status latest(const std::string& id, Latest* out) = 0;
  // Appends a version row (seq, and `current` over older versions of the id, set by the store).
  virtual Status insert(StoredArticle& a) = 0;
  // Moves an article version to another story (final clustering pass).
  virtual Status set_story(int64_t seq, int64_t story) = 0;
  // Records the raw fingerprint of an article version found unchanged (its content hash equal)
  // though read from a different raw record, or stored before fingerprints were kept.
  virtual Status set_raw_fingerprint(const std::string& id, uint32_t version,
                                     uint64_t fingerprint) = 0;

  // Every stored signature with its row, in seq order (rebuilds the dedup index, and tells an
  // ingest which raw records it holds already).
  struct SignatureRow {
    int64_t seq = 0;
    std::string id;
    int64_t story = 0;
    bool current = true;           // the latest version of its id
    uint64_t raw_fingerprint = 0;  // Article::raw_fingerprint when stored (0: not recorded)
    dedup::Signature signature;
  };
  virtual Status for_each_signature(const std::function<void(SignatureRow&&)>& fn) = 0;
  // The last `limit` current article versions that are not duplicates, in seq order, with story
  // (signature left empty): what the story clusterer replays to continue where the last ingest
  // stopped (duplicates never go through the clusterer).
  virtual Status recent(size_t limit, std::vector<StoredArticle>* out) = 0;

  // Current article versions: count, and count of all versions.
  virtual Status counts(uint64_t* current, uint64_t* versions) = 0;
  // All stories, largest first (ties: older first).
  virtual Status stories(std::vector<StorySummary>* out) = 0;
  // One story's summary and current articles in seq order; found = false for an unknown id.
  virtual Status story(int64_t id, bool* found, StorySummary* summary,
                       std::vector<StoredArticle>* articles) = 0;

  // The current version of article `id` (signature left empty); found = false when unknown.
  virtual Status article(const std::string& id, bool* found, StoredArticle* out) = 0;
  // Every current article version in seq order, restricted to one outlet (`source`) unless
  // `outlet` is empty; `fn` returns false to stop early. For searching: signature, removed[],
  // authors and credits are left empty. A full scan: what search by text or name costs until an
  // index is kept.
  virtual Status scan_current(const std::string& outlet,
                              const std::function<bool(const StoredArticle&)>& fn) = 0;
  // A number that changes whenever another connection (an ingest) has committed since this
  // connection last asked; equal values mean nothing changed for this connection in between.
  // Readers use it to know that what they derived from the store is stale.
  virtual Status change_counter(int64_t* out) = 0;
};

struct OpenResult {
  std::unique_ptr<Store> store;  // null when status is an error
  Status status;
};

// Opens (creating when missing, unless read_only) the store at `path`. Today every path is a
// SQLite file; a "postgresql://" URL will select the PostgreSQL backend.
OpenResult open_store(const std::string& path, const Options& options = {});

// A stored story as the analysis stages take it: the Story (id = the summary's id written as a
// string, its title, the article ids in seq order) with its articles moved out of `rows` into
// `articles`. What `crosscheck report` and `crosscheck serve` analyse.
Story to_story(const StorySummary& summary, std::vector<StoredArticle>&& rows,
               std::vector<Article>* articles);

// The hash that decides "same article": id, title, source, url, published and cleaned text.
uint64_t content_hash(const Article& a);

}  // namespace crosscheck::store
