// Ingest into a store: see crosscheck/store_ingest.h for the contract.
//
// One batch: (1) serially, look up each article's latest stored version and drop the unchanged
// ones (a map of the batch's own ids catches an id repeated inside the batch); (2) dedup
// signatures in parallel, dedup decisions in input order, text analysis of the non-duplicates in
// parallel; (3) serially, in input order, cluster decisions and the inserts, all inside one
// transaction.
//
// Story ids. The clusterer names a story by the arrival index of its first article in this
// clusterer's life. Each arrival carries an `origin`: the stored story for a replayed article,
// the article's own seq for a new one. A clusterer story is written as the origin of its first
// member, so a story that contains replayed articles keeps its stored id, and a new one is named
// by the seq of its founding article.
//
// Duplicates skip the clusterer. An article that dedup puts in an earlier group is, by
// definition, in the story of that group's first member, and it adds nothing the clusterer does
// not already know; feeding it anyway costs a candidate search per copy and makes the story look
// tighter than its independent reports are (which keeps a differently worded report out of it).
// So a duplicate follows its group's first member: it takes that member's story when written, and
// again after the clusterer's final pass moves the member.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "crosscheck/pipeline.h"
#include "crosscheck/store_ingest.h"
#include "crosscheck/text.h"
#include "src/core/bounded_queue.h"

namespace crosscheck::store {

struct Ingestor::Impl {
  Impl(Store& s, IngestOptions o, ThreadPool* p)
      : store(s), options(std::move(o)), pool(p), dedup(options.dedup) {}

  Store& store;
  IngestOptions options;
  ThreadPool* pool;
  IngestStats stats;
  std::vector<std::string> warnings;

  dedup::Deduplicator dedup;
  std::vector<std::string> dedup_ids;  // per dedup index: the article id
  std::vector<int64_t> dedup_seq;      // per dedup index: the row's seq (ascending)
  std::vector<int64_t> dedup_story;    // per dedup index: the row's story as last written
  struct Follower {
    uint32_t doc;    // dedup index of the duplicate
    uint32_t group;  // dedup index of its group's first member
  };
  std::vector<Follower> followers;  // duplicates written since the last final pass
  KnownRecords known;               // raw records stored (filled by open(), for the reader)

  std::unique_ptr<cluster::StoryClusterer> clusterer;
  struct Arrival {
    int64_t seq = 0;
    int64_t origin = 0;  // stored story (replayed) or own seq (new)
    int64_t story = 0;   // story as last written
    uint32_t doc = 0;    // dedup index
  };
  std::vector<Arrival> arrivals;  // per clusterer arrival index
  uint64_t epoch_new = 0;         // new articles assigned in this clusterer's life

  std::vector<Article> pending;
  bool background_warned = false;

  text::AnalyzerOptions analyzer_options() const {
    text::AnalyzerOptions o;
    o.detect_language = false;  // the clean stage (or the store) already has the language
    return o;
  }

  // A fresh clusterer, primed with the last replay_articles stored articles.
  Status restart_clusterer() {
    clusterer = std::make_unique<cluster::StoryClusterer>(options.cluster);
    std::string error;
    if (!clusterer->load_background(&error) && !background_warned) {
      warnings.push_back("story clustering without background IDF: " + error);
      background_warned = true;
    }
    arrivals.clear();
    epoch_new = 0;
    std::vector<StoredArticle> recent;
    if (options.replay_articles > 0) {
      if (Status s = store.recent(options.replay_articles, &recent); !s) return s;
    }
    std::vector<Article> articles;
    articles.reserve(recent.size());
    for (StoredArticle& r : recent) articles.push_back(std::move(r.article));
    std::vector<Document> docs = pipeline::analyze_all(articles, analyzer_options(), *pool);
    for (size_t i = 0; i < articles.size(); ++i) {
      clusterer->assign(docs[i], articles[i]);
      auto it = std::lower_bound(dedup_seq.begin(), dedup_seq.end(), recent[i].seq);
      arrivals.push_back({recent[i].seq, recent[i].story, recent[i].story,
                          static_cast<uint32_t>(it - dedup_seq.begin())});
    }
    stats.replayed += articles.size();
    return Status::ok();
  }

  Status open() {
    auto start = std::chrono::steady_clock::now();
    if (Status s = pool != nullptr && pool->size() > 1 ? reload_overlapped() : reload_serial(); !s)
      return s;
    stats.signatures_loaded = dedup_ids.size();
    if (Status s = restart_clusterer(); !s) return s;
    stats.reload_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return Status::ok();
  }

  void keep(Store::SignatureRow& row) {
    if (row.current && row.raw_fingerprint != 0) known.add(row.id, row.raw_fingerprint);
    dedup_ids.push_back(std::move(row.id));
    dedup_seq.push_back(row.seq);
    dedup_story.push_back(row.story);
  }

  Status reload_serial() {
    return store.for_each_signature([&](Store::SignatureRow&& row) {
      dedup.add(row.signature);
      keep(row);
    });
  }

  // The stored signatures are re-added in the deduplicator's three steps: this thread reads the
  // rows, files them and decides them in order, in batches; a second one verifies each filed
  // batch while the next is read and filed (verification is a quarter of a reload at scale).
  // Same groups as reload_serial(): verification does not depend on the decisions.
  Status reload_overlapped() {
    constexpr size_t kBatch = 1024;
    using Batch = std::vector<dedup::Pending>;
    // At most two batches are out at a time (one being verified, one verified or waiting), so
    // neither queue ever blocks the verifier for long.
    BoundedQueue<Batch> to_verify(1), verified(2);
    size_t out = 0;  // batches posted and not yet decided
    Batch batch(kBatch), spare;
    size_t filled = 0;
    std::exception_ptr verify_error;  // set by the verifier before it closes `verified`
    auto decide_one = [&] {
      if (!verified.pop(spare)) {  // the verifier failed (out of memory): nothing more comes
        if (verify_error) std::rethrow_exception(verify_error);
        throw std::runtime_error("reload: a batch was not verified");
      }
      for (dedup::Pending& p : spare) dedup.decide(&p);
      --out;
    };
    auto post = [&] {
      if (filled == 0) return;
      batch.resize(filled);
      to_verify.push(std::exchange(batch, std::move(spare)));
      ++out;
      if (out > 1) decide_one();
      batch.resize(kBatch);  // a reused batch keeps its candidate lists' capacity
      filled = 0;
    };
    Status status;
    pool->parallel_for(2, [&](size_t task) {
      if (task == 1) {
        try {
          Batch b;
          while (to_verify.pop(b)) {
            for (dedup::Pending& p : b) dedup.verify(&p);
            if (!verified.push(std::move(b))) return;
          }
        } catch (...) {
          // The reading thread would otherwise wait for this batch for ever.
          verify_error = std::current_exception();
          verified.close();
        }
        return;
      }
      try {
        status = store.for_each_signature([&](Store::SignatureRow&& row) {
          // Filing may move the stored signatures: only once nothing is out for verification.
          if (dedup.room() == 0) {
            while (out > 0) decide_one();
          }
          dedup.file(row.signature, &batch[filled++]);
          keep(row);
          if (filled == kBatch) post();
        });
        if (status) post();
        to_verify.close();
        while (out > 0) decide_one();
      } catch (...) {
        to_verify.close();
        verified.close();
        throw;
      }
    });
    return status;
  }

  Status add(Article&& a) {
    pending.push_back(std::move(a));
    if (pending.size() >= options.batch_articles) return flush();
    return Status::ok();
  }

  Status flush() {
    if (pending.empty()) return Status::ok();
    // Epochs end lazily, before the next batch, so that the last batch of a run is settled once
    // by finish() and not followed by a useless replay.
    if (options.epoch_articles > 0 && epoch_new >= options.epoch_articles) {
      if (Status s = end_epoch(); !s) return s;
    }
    if (Status s = store.begin(); !s) return s;
    Status s = write_batch();
    if (!s) {
      store.rollback();
      return s;
    }
    if (s = store.commit(); !s) return s;
    ++stats.batches;
    pending.clear();
    return Status::ok();
  }

  Status write_batch() {
    // (1) What is new: unchanged ids are dropped, changed ones become the next version.
    struct Item {
      size_t index;
      uint32_t version;
      uint64_t hash;
    };
    std::vector<Item> items;
    std::unordered_map<std::string, std::pair<uint32_t, uint64_t>> in_batch;
    for (size_t i = 0; i < pending.size(); ++i) {
      const Article& a = pending[i];
      uint64_t hash = content_hash(a);
      Latest latest;
      bool stored = false;  // `latest` is a stored row (not one of this batch)
      if (auto it = in_batch.find(a.id); it != in_batch.end()) {
        latest = {true, it->second.first, it->second.second};
      } else if (Status s = store.latest(a.id, &latest); !s) {
        return s;
      } else {
        stored = latest.found;
      }
      if (latest.found && latest.content_hash == hash) {
        ++stats.unchanged;
        // Same article from another raw record (or a row stored before fingerprints were kept):
        // remember this record, so that the next run recognises it before cleaning.
        if (stored && a.raw_fingerprint != 0 && a.raw_fingerprint != latest.raw_fingerprint) {
          if (Status s = store.set_raw_fingerprint(a.id, latest.version, a.raw_fingerprint); !s)
            return s;
        }
        continue;
      }
      uint32_t version = latest.found ? latest.version + 1 : 1;
      in_batch[a.id] = {version, hash};
      items.push_back({i, version, hash});
    }
    if (items.empty()) return Status::ok();

    // (2) Signatures in parallel, dedup decisions in input order, then text analysis (in
    // parallel) of the articles that are not duplicates: only they go to the clusterer.
    std::vector<Article> views;
    views.reserve(items.size());
    for (const Item& it : items) views.push_back(std::move(pending[it.index]));
    std::vector<dedup::Signature> sigs(items.size());
    pool->parallel_for(items.size(), [&](size_t i) {
      sigs[i] = dedup::compute_signature(views[i].text, options.dedup);
    });
    std::vector<StoredArticle> rows(items.size());
    std::vector<dedup::Match> matches(items.size());
    std::vector<Article> leaders;  // analyze_all wants a vector of articles
    std::vector<size_t> leader_of(items.size(), SIZE_MAX);
    for (size_t i = 0; i < items.size(); ++i) {
      rows[i].version = items[i].version;
      rows[i].content_hash = items[i].hash;
      rows[i].signature = sigs[i];  // the deduplicator keeps its own copy
      matches[i] = dedup.add(sigs[i]);
      dedup_ids.push_back(views[i].id);
      const dedup::Match& m = matches[i];
      // A new version of an article that matches its own older version is not a copy of it.
      if (m.group != m.doc && dedup_ids[m.group] != views[i].id) {
        views[i].duplicate_of = dedup_ids[m.group];
        ++stats.duplicates;
        rows[i].article = std::move(views[i]);
      } else {
        leader_of[i] = leaders.size();
        leaders.push_back(std::move(views[i]));
      }
    }
    std::vector<Document> docs = pipeline::analyze_all(leaders, analyzer_options(), *pool);

    // (3) Story decisions and rows, in input order.
    for (size_t i = 0; i < items.size(); ++i) {
      StoredArticle& row = rows[i];
      const dedup::Match& m = matches[i];
      if (leader_of[i] == SIZE_MAX) {
        row.story = dedup_story[m.group];
        if (Status s = store.insert(row); !s) return s;
        dedup_seq.push_back(row.seq);
        dedup_story.push_back(row.story);
        followers.push_back({m.doc, m.group});
      } else {
        Article& article = leaders[leader_of[i]];
        uint32_t arrival = static_cast<uint32_t>(arrivals.size());
        const uint64_t late_before = clusterer->late_arrivals();
        uint32_t first = clusterer->assign(docs[leader_of[i]], article);
        stats.late_arrivals += clusterer->late_arrivals() - late_before;
        arrivals.push_back({0, 0, 0, m.doc});
        row.article = std::move(article);
        // A founding article names its story by its own seq, known only after the insert.
        int64_t story = first == arrival ? 0 : arrivals[first].origin;
        row.story = story;
        if (Status s = store.insert(row); !s) return s;
        if (story == 0) {
          story = row.seq;
          if (Status s = store.set_story(row.seq, story); !s) return s;
        }
        arrivals[arrival].seq = row.seq;
        arrivals[arrival].origin = row.seq;
        arrivals[arrival].story = story;
        dedup_seq.push_back(row.seq);
        dedup_story.push_back(story);
      }
      (row.version > 1 ? stats.new_versions : stats.added)++;
      ++epoch_new;
    }
    return Status::ok();
  }

  // finish() of the clusterer, and every changed assignment written in one transaction.
  Status settle_stories() {
    auto start = std::chrono::steady_clock::now();
    std::vector<uint32_t> final_story = clusterer->finish();
    stats.settle_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (Status s = store.begin(); !s) return s;
    for (size_t i = 0; i < final_story.size(); ++i) {
      int64_t story = arrivals[final_story[i]].origin;
      if (story == arrivals[i].story) continue;
      if (Status s = store.set_story(arrivals[i].seq, story); !s) {
        store.rollback();
        return s;
      }
      arrivals[i].story = story;
      dedup_story[arrivals[i].doc] = story;
      ++stats.stories_moved;
    }
    // Duplicates follow their group's first member (written before them, so settled first).
    for (const Follower& f : followers) {
      int64_t story = dedup_story[f.group];
      if (story == dedup_story[f.doc]) continue;
      if (Status s = store.set_story(dedup_seq[f.doc], story); !s) {
        store.rollback();
        return s;
      }
      dedup_story[f.doc] = story;
      ++stats.stories_moved;
    }
    followers.clear();
    return store.commit();
  }

  Status end_epoch() {
    if (Status s = settle_stories(); !s) return s;
    return restart_clusterer();
  }

  Status finish() {
    if (Status s = flush(); !s) return s;
    if (epoch_new == 0) return Status::ok();  // nothing new: stored stories stand as they are
    return settle_stories();
  }
};

Ingestor::Ingestor(Store& store, IngestOptions options, ThreadPool* pool)
    : impl_(std::make_unique<Impl>(store, std::move(options), pool)) {}
Ingestor::~Ingestor() = default;
Status Ingestor::open() { return impl_->open(); }
Status Ingestor::add(Article&& article) { return impl_->add(std::move(article)); }
Status Ingestor::finish() { return impl_->finish(); }
KnownRecords& Ingestor::known_records() { return impl_->known; }
const IngestStats& Ingestor::stats() const { return impl_->stats; }
const std::vector<std::string>& Ingestor::warnings() const { return impl_->warnings; }

}  // namespace crosscheck::store
