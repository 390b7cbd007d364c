// Story clustering: groups a stream of articles into stories (one real-world event each).
//
//   crosscheck::cluster::Options options;                 // defaults are the measured setting
//   options.background_df = "models/df-en.tsv.gz";        // optional, better IDF from the start
//   crosscheck::cluster::StoryClusterer clusterer(options);
//   std::string error;
//   if (!clusterer.load_background(&error)) { /* report; clustering still works without it */ }
//   for (const Article& a : articles_in_publication_order) {
//     Document doc = analyzer.analyze(a);
//     uint32_t story = clusterer.assign(doc, a);          // provisional, online decision
//   }
//   std::vector<uint32_t> final_story = clusterer.finish();  // per article, in arrival order
//
// Articles must arrive in publication order (input order when dates are unknown). Story ids are
// stable and meaningful: the arrival index (0-based) of the story's first article. The result is
// a pure function of the input sequence and the options (no hashing order, no threads).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/document.h"

namespace crosscheck::cluster {

class OrderKeys;      // src/cluster/order_key.h: the sorts' key, internal
struct KeyedArticle;

struct Options {
  // --- decisions (cosine similarities of L2-normalised TF-IDF vectors, in [0, 1]) -------------
  double join_threshold = 0.20;  // an article joins its best story at or above this similarity
  double merge_threshold = 0.30;  // two stories merge when their centroids are at least this close
  // Relative test, for both joins and merges: the average similarity across (article to members,
  // or members to members) must be at least this share of the average similarity within the
  // story (the tighter one, for merges). It tells two incidents of one kind apart: a second
  // "star checks into rehab" is similar to the first in absolute terms but much less similar
  // than the first story's articles are to each other. 0: off.
  double cohesion_ratio = 0.6;
  // Participant test, for joins: an article whose salient names include one that is not among
  // the terms of a story's centroid (no member mentions it — or, online, only so little that the
  // centroid's pruning to `centroid_terms` dropped it) is about other people: another incident of
  // the same kind ("a champion defends his title" against another challenger) or a new turn. Its
  // similarity to that story, for the threshold and the relative test alike, counts
  // (1 - novel_name_penalty) as much. In [0, 1]; 0: off.
  double novel_name_penalty = 0.5;
  uint32_t salient_names = 6;            // an article's salient names: its this many heaviest
                                         // names written at least twice
  uint32_t novel_name_min_articles = 3;  // stories smaller than this are not tested (with two
                                         // members, other outlets quoting other people is common)
  // --- time ---------------------------------------------------------------------------------
  int window_days = 7;  // a story not updated for this many days (stream clock) is retired
  uint32_t max_idle_articles = 0;  // retire stories idle for this many arrivals (0: never);
                                   // bounds memory on undated streams
  // --- features -----------------------------------------------------------------------------
  double name_boost = 2.0;    // weight factor for capitalised words inside a sentence (names)
  double number_boost = 1.5;  // weight factor for numbers (ages, counts, years, scores)
  double title_boost = 2.0;   // each title occurrence counts as this many body occurrences
  // The lead: news states its event first (who, what, where), so each occurrence in the first
  // `lead_sentences` sentences of the body counts `lead_boost` more times. 0 sentences: off.
  uint32_t lead_sentences = 3;
  double lead_boost = 2.0;
  uint32_t article_terms = 150;   // an article vector keeps its heaviest terms only
  uint32_t centroid_terms = 300;  // a story centroid keeps its heaviest terms only (memory bound)
  // --- candidate retrieval ------------------------------------------------------------------
  uint32_t query_terms = 15;  // an article looks up stories through its heaviest terms
  uint32_t index_terms = 40;  // a story is posted in the inverted index under its heaviest terms
  // --- refinement ---------------------------------------------------------------------------
  uint32_t merge_every = 200;  // run a merge pass over live stories every N arrivals (0: never)
  uint32_t refine_passes = 1;  // finish(): re-weight with the final IDF and re-assign (0: off)
  // A merge pass judges only pairs with a story changed since the previous pass (the others
  // would fail again). true: judge every pair every time — the slow reference the tests compare
  // the incremental pass against; the results are the same.
  bool rejudge_all_pairs = false;
  // Time test, for merges and in finish(): a second incident of one kind comes later. Two parts
  // of a story (two stories about to merge; in finish(), the two halves of a two-means bisection
  // of a story) that are apart in arrival order — at least `split_order` of the pairs (article of
  // one, article of the other) in the same order — and only loosely linked — their average
  // similarity across below `split_ratio` times the tighter part's own — are two stories: such
  // a merge is refused, and such a story is split (the later part opens a story; its articles are
  // then re-assigned like finish()'s others). Both parts need `split_min_part` articles (small
  // parts are too noisy to judge). Needs refine_passes > 0 for the split. 0 ratio: off.
  double split_ratio = 0.8;
  double split_order = 0.9;
  uint32_t split_min_part = 5;
  // --- model ----------------------------------------------------------------------------------
  std::string background_df;  // document-frequency model (models/df-en.tsv.gz); empty: learn IDF
                              // from the stream alone
};

// A story as the clusterer sees it right now.
struct Story {
  uint32_t id = 0;                 // arrival index of the first article
  std::vector<uint32_t> articles;  // arrival indices, ascending
  std::string first_published;     // YYYY-MM-DD of the earliest dated article, empty if none
  std::string last_published;      // YYYY-MM-DD of the latest dated article, empty if none
  bool live = true;                // false once retired by the time window
};

class StoryClusterer {
 public:
  explicit StoryClusterer(Options options = {});
  ~StoryClusterer();
  StoryClusterer(const StoryClusterer&) = delete;
  StoryClusterer& operator=(const StoryClusterer&) = delete;

  // Loads Options::background_df (no-op when empty). On failure returns false, sets `error`,
  // and the clusterer keeps working with stream-only IDF. Call before the first assign().
  bool load_background(std::string* error);

  // Assigns the next article; returns the id of its story at this moment (a later merge may fold
  // that story into an older one; finish() has the final word). `doc` must be the analysis of
  // `article` (tokens, norms, stems). Empty articles open a story of their own.
  uint32_t assign(const Document& doc, const Article& article);

  // Current stories (merged ones folded in), ordered by id.
  std::vector<Story> stories() const;

  // Final pass: re-weights every article with the final IDF, re-assigns articles whose best story
  // changed, merges stories whose centroids meet the merge threshold, and splits off the later
  // half of a story where the time test (Options::split_ratio) finds two incidents. Returns the
  // story id of every article in arrival order. Further assign() calls continue from the refined
  // state.
  std::vector<uint32_t> finish();

  // Number of articles assigned so far.
  uint32_t size() const;

  // Dated articles that arrived more than window_days before the latest date seen before them:
  // input out of publication order, where the time window cannot do its work (a story that a
  // later date retired is not found again, and stories can chain across time).
  uint64_t late_arrivals() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The order in which to give a pile of articles to assign(), as input indices: by publication
// day (`published` as in Article, read like the time window reads it: YYYY-MM-DD…), stable, so
// articles of one day keep their input order. An undated article keeps its place after the
// dated article before it in the input; undated ones before any dated article come first.
std::vector<uint32_t> publication_order(const std::vector<std::string_view>& published);

// The streaming form of publication_order(), for input too large to hold: articles go in, and
// come out (to `sink`) earliest day first, while up to `capacity` of them are held back. An input
// whose every article is fewer than `capacity` places after where it belongs comes out exactly as
// publication_order() would sort it (so a pile of at most `capacity` articles is sorted whole);
// more disorder than that comes out late, as given. Ties and undated articles as in
// publication_order(): an undated article sorts with the last dated one before it in the input.
// Capacity 0: articles pass straight through.
class PublicationOrderBuffer {
 public:
  using Sink = std::function<void(Article&&)>;
  PublicationOrderBuffer(size_t capacity, Sink sink);
  ~PublicationOrderBuffer();
  PublicationOrderBuffer(const PublicationOrderBuffer&) = delete;
  PublicationOrderBuffer& operator=(const PublicationOrderBuffer&) = delete;

  // Takes one article; gives the earliest held one to the sink when more than `capacity` are held.
  void push(Article&& article);
  // Gives every held article to the sink, earliest first. The buffer can be used again after.
  void flush();
  size_t held() const;

 private:
  // Heap order: the held article that must come out first on top (std heaps are max-heaps).
  static bool comes_later(const KeyedArticle& a, const KeyedArticle& b);
  void give_earliest();

  size_t capacity_;
  Sink sink_;
  std::unique_ptr<OrderKeys> keys_;
  std::vector<KeyedArticle> heap_;
};

// publication_order() for a pile of any size, in bounded memory: an external merge sort. Articles
// go in; up to `memory_articles` are held, and each time that many are, they are sorted and
// written to a temporary file (a run) in `directory`; finish() merges the runs and what is still
// held, and gives every article to `sink` in exactly the order publication_order() would put the
// whole input in. Nothing comes out before finish(). The temporary files are unlinked as soon as
// they are created (nothing is left behind, even by a killed process); when more than
// `max_runs` exist, they are merged into one first (open files stay bounded).
class PublicationSort {
 public:
  using Sink = PublicationOrderBuffer::Sink;
  PublicationSort(size_t memory_articles, std::string directory, size_t max_runs = 64);
  ~PublicationSort();
  PublicationSort(const PublicationSort&) = delete;
  PublicationSort& operator=(const PublicationSort&) = delete;

  // Takes one article. False when a run could not be written (`error` names the directory and
  // the reason); the sort is then unusable.
  bool push(Article&& article, std::string* error);
  // Gives every article to `sink` in publication order, then starts empty again. False on an
  // I/O failure (`error` says which); the articles given before it stay given.
  bool finish(const Sink& sink, std::string* error);
  // Runs written so far (0: everything fit in memory).
  size_t runs_written() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Clusters a whole pile with `clusterer` (fresh, background loaded): articles are given to it in
// publication_order(); an article whose dedup group (`group[i]`: index of the group's first
// member, i itself for that member) is another's does not go through the clusterer but follows
// that member (a copy adds nothing, and would make its story look tighter than the independent
// reports in it are). docs[i] analyses articles[i]. Returns, per article, the input index of
// its story's first article (in arrival order) — what `analyze` reports and the quality test
// scores.
std::vector<uint32_t> cluster_pile(StoryClusterer& clusterer, const std::vector<Article>& articles,
                                   const std::vector<Document>& docs,
                                   const std::vector<uint32_t>& group);

// The story of every article, from what the clusterer saw: `clustered[k]` is the article of its
// k-th arrival, `final_story` what finish() returned (per arrival, the arrival index of its
// story's first article), `group[i]` the dedup group's first member of article i (i itself for
// an article the clusterer saw; a copy takes its group's story). Returns, per article, the
// article index of its story's first article.
std::vector<uint32_t> stories_of_articles(const std::vector<uint32_t>& clustered,
                                          const std::vector<uint32_t>& final_story,
                                          const std::vector<uint32_t>& group);

}  // namespace crosscheck::cluster
