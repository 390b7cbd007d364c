// Incremental story clustering.
//
// Idea. Articles arrive in publication order. Each becomes an L2-normalised TF-IDF vector over
// content stems (names and numbers boosted, title words counted extra; see features.h). Each
// story keeps a centroid: the sum of its members' unit vectors, pruned to its heaviest terms, so
// cosine(article, centroid) is the article's average similarity to the members (average link)
// up to pruning. A new article retrieves candidate stories through an inverted index (term ->
// stories posted under their heaviest centroid terms), queried with the article's heaviest terms;
// it joins the most similar candidate at or above `join_threshold`, else opens a story. Stories
// whose last article is more than `window_days` older than the stream clock (the latest date
// seen) leave the index, so the live set — and the cost per article — stays bounded by the news
// volume of one window, never by the length of the stream.
//
// Absolute similarity alone cannot tell two incidents of one kind apart (two boxing title
// defences by the same champion share most of their vocabulary), so a join also passes a relative
// test: the article's average similarity to the members must reach `cohesion_ratio` times the
// members' average similarity to each other. Both averages come free from the centroid: for a
// sum S of n unit vectors, mean pairwise cosine = (|S|^2 - n) / (n (n - 1)) and the article's
// mean cosine to the members = v.S / n. Merges apply the same test between two stories.
//
// Neither test tells a second incident from the first when the articles share the setting (the
// same team, champion, navy, ministry) and differ only in who else is involved. So a join also
// looks at participants: an article whose salient names include one that none of an established
// story's members mentions (a new opponent, another coach) counts only half as similar to it.
//
// Nor do they when the setting is the same and only the time differs (a second patch for the
// same browser flaw, a second election in the same country): the first story is established,
// and the second incident's articles are each close enough to join it. What tells them apart is
// that they come later, as a group, and are about as loosely linked to the first incident's
// articles as the tests above allow. So a merge of two stories apart in arrival order and only
// loosely linked is refused, and finish() bisects each story (two-means over its members) and
// splits it where the two halves are apart in time and loosely linked — the same test.
//
// Single-pass decisions made early are made with immature IDF and small centroids, and two
// stories can start apart and then grow together. Two repairs: a merge step (when an article is
// close to two stories, and every `merge_every` arrivals over all live stories) folds stories whose
// centroids meet `merge_threshold`, best pairs first; and finish() re-weights every article with
// the final IDF, re-assigns each article to its best story (leave-one-out similarity to its own),
// and merges once more — the k-means-style refinement of a streaming first pass.
//
// Cost. Per article O(T log T) to weigh its T terms, plus O(T + C * K) to score C candidates
// against K-term centroids (the article is spread over a dense term array once, then each
// centroid is walked alone: DenseVector); C is bounded by the posting lists of `query_terms` rare
// terms. Memory O(K) per live story, the kept term frequencies per article (for finish()), and
// one float per term of the vocabulary.
//
// Determinism. Every container that is iterated is ordered (sorted vectors keyed by term id or
// story slot); hash maps are only looked up. Ties go to the older story (smaller id).
//
// Reference: S. Miranda, A. Znotiņš, S. B. Cohen, G. Barzdins, "Multilingual Clustering of
// Streaming News", EMNLP 2018 — TF-IDF centroids, a similarity threshold to join or open a
// cluster, and a time window; we replace their learned scorer with fixed cosine thresholds and
// add the merge and refinement passes.
#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "crosscheck/cluster.h"
#include "src/cluster/day.h"
#include "src/cluster/features.h"
#include "src/cluster/sparse.h"
#include "src/cluster/terms.h"

namespace crosscheck::cluster {

namespace {

constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

struct ArticleState {
  std::vector<TermFrequency> tf;  // kept to re-weight with the final IDF in finish()
  SparseVector vec;               // unit vector under the IDF of its arrival (or of finish())
  std::vector<uint32_t> salient;  // its heaviest repeated names under that IDF (participants)
  int32_t day = kNoDay;
  uint32_t story = kNone;  // slot of its story (follow StoryState::parent after merges)
};

struct StoryState {
  std::vector<uint32_t> articles;  // arrival indices, ascending
  SparseVector sum;                // sum of member unit vectors (pruned when online)
  double norm = 0;
  std::vector<uint32_t> indexed;  // terms under which the story is posted in the index
  int32_t first_day = kNoDay, last_day = kNoDay;
  uint32_t last_arrival = 0;
  bool live = true;         // posted in the index (not retired, not merged away)
  uint32_t parent = kNone;  // slot it was merged into
  uint64_t changed = 0;     // Impl::tick when last (re)posted: its centroid or days changed
};

}  // namespace

struct StoryClusterer::Impl {
  explicit Impl(Options o) : options(std::move(o)), features(options, &terms) {}

  Options options;
  Terms terms;
  FeatureExtractor features;
  std::vector<ArticleState> articles;
  std::vector<StoryState> stories;              // by slot (creation order)
  std::vector<std::vector<uint32_t>> postings;  // term -> slots
  std::vector<uint32_t> stamp;                  // per slot: last query that saw it (dedupe)
  uint32_t query_id = 0;                        // counts candidate queries (for stamp)
  DenseVector spread;                           // a vector scored against many (see DenseVector)
  SparseSum summing;                            // scratch for sums of many members
  uint64_t tick = 0;                            // counts post() calls: stamps StoryState::changed
  uint64_t merge_checked = 0;  // every pair of stories unchanged since this tick was judged
  int32_t clock = kNoDay;
  int32_t retired_at = kNoDay;
  uint64_t late = 0;  // late_arrivals()

  // ---- vectors -------------------------------------------------------------------------------
  // The article's unit TF-IDF vector under the current IDF.
  void weigh(ArticleState& a) const {
    SparseVector& v = a.vec;
    v.clear();
    v.reserve(a.tf.size());
    for (const TermFrequency& t : a.tf) {
      float w = static_cast<float>(t.tf * terms.idf(t.term));
      if (w <= 0) continue;
      v.push_back({t.term, w});
    }
    prune(v, options.article_terms);
    normalize(v);
    if (options.novel_name_penalty > 0) a.salient = salient_names(a.tf, v, options.salient_names);
  }

  // The article names a participant that is not among the terms of story `s`'s centroid
  // (Options::novel_name_penalty: not mentioned by any member, or pruned away online).
  bool brings_new_participant(const ArticleState& a, const StoryState& s) const {
    if (s.articles.size() < options.novel_name_min_articles) return false;
    for (uint32_t term : a.salient) {
      if (!(weight_of(s.sum, term) > 0)) return true;
    }
    return false;
  }

  // How an article or a story relates to a story: the cosine to its centroid, and whether it
  // passes the relative (cohesion) test. Both come from one dot product.
  struct Link {
    double sim = 0;
    bool cohesive = true;
  };

  // `d`: dot(a.vec, s.sum), computed by the caller (DenseVector: one article, many stories).
  Link link(const ArticleState& a, const StoryState& s, double d) const {
    if (options.novel_name_penalty > 0 && brings_new_participant(a, s))
      d *= 1.0 - options.novel_name_penalty;
    Link l;
    l.sim = s.norm > 0 ? d / s.norm : 0.0;
    if (options.cohesion_ratio > 0 && s.articles.size() >= 2) {
      // Average link of the article to the members against the members' own average link: an
      // article much further from a tight story than its members are from each other is
      // another incident of the same kind, however similar in absolute terms.
      double n = static_cast<double>(s.articles.size());
      double inner = (s.norm * s.norm - n) / (n * (n - 1));
      l.cohesive = !(d / n < options.cohesion_ratio * inner);
    }
    return l;
  }

  static double inner_link(const StoryState& s) {
    double n = static_cast<double>(s.articles.size());
    return n >= 2 ? (s.norm * s.norm - n) / (n * (n - 1)) : 0.0;
  }

  Link link(const StoryState& a, const StoryState& b) const {
    return link(a, b, dot(a.sum, b.sum));
  }

  // `d`: dot(a.sum, b.sum), computed by the caller.
  Link link(const StoryState& a, const StoryState& b, double d) const {
    Link l;
    l.sim = a.norm > 0 && b.norm > 0 ? d / (a.norm * b.norm) : 0.0;
    double cross = d / (static_cast<double>(a.articles.size()) * b.articles.size());
    double within = std::max(inner_link(a), inner_link(b));
    if (options.cohesion_ratio > 0) l.cohesive = !(cross < options.cohesion_ratio * within);
    if (l.cohesive && apart_in_time(a.articles, b.articles, cross, within)) l.cohesive = false;
    return l;
  }

  // The time test (Options::split_ratio): two groups of articles (arrival indices, ascending)
  // with average similarity `cross` across them, the tighter one's own average `within`, are two
  // incidents. Cheap checks first: the order is counted only for loosely linked groups.
  bool apart_in_time(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b, double cross,
                     double within) const {
    const size_t min_part = std::max<size_t>(1, options.split_min_part);
    if (!(options.split_ratio > 0) || a.size() < min_part || b.size() < min_part ||
        !(cross < options.split_ratio * within)) {
      return false;
    }
    return arrival_order(a, b) >= options.split_order;
  }

  // The share of pairs (x of a, y of b) in one order — x before y, or y before x, whichever is
  // more: 1 when one group came entirely after the other, about 0.5 when they are interleaved.
  static double arrival_order(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    uint64_t before = 0;  // pairs with x < y
    size_t i = 0;
    for (uint32_t y : b) {
      while (i < a.size() && a[i] < y) ++i;
      before += i;
    }
    double share = static_cast<double>(before) / (static_cast<double>(a.size()) * b.size());
    return std::max(share, 1.0 - share);
  }

  uint32_t root(uint32_t slot) const {
    while (stories[slot].parent != kNone) slot = stories[slot].parent;
    return slot;
  }

  // ---- index ---------------------------------------------------------------------------------
  void unpost(uint32_t slot) {
    for (uint32_t t : stories[slot].indexed) {
      auto& p = postings[t];
      auto it = std::find(p.begin(), p.end(), slot);
      if (it != p.end()) {
        *it = p.back();
        p.pop_back();
      }
    }
    stories[slot].indexed.clear();
  }

  void post(uint32_t slot) {
    unpost(slot);
    StoryState& s = stories[slot];
    s.indexed = top_terms(s.sum, options.index_terms);
    s.changed = ++tick;
    if (postings.size() < terms.size()) postings.resize(terms.size());
    for (uint32_t t : s.indexed) postings[t].push_back(slot);
  }

  // Live stories sharing one of the `query_terms` heaviest terms of `v`, ascending by slot.
  std::vector<uint32_t> candidates(const SparseVector& v, uint32_t skip = kNone) {
    if (stamp.size() < stories.size()) stamp.resize(stories.size(), 0);
    ++query_id;
    std::vector<uint32_t> out;
    for (uint32_t t : top_terms(v, options.query_terms)) {
      if (t >= postings.size()) continue;
      for (uint32_t slot : postings[t]) {
        if (slot == skip || stamp[slot] == query_id) continue;
        stamp[slot] = query_id;
        out.push_back(slot);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // ---- time ----------------------------------------------------------------------------------
  bool in_window(int32_t day, const StoryState& s) const {
    if (day == kNoDay || s.first_day == kNoDay) return true;
    // Within the window of the story's span (either side: input can be slightly out of order).
    return day <= s.last_day + options.window_days && day >= s.first_day - options.window_days;
  }

  bool in_window(const StoryState& a, const StoryState& b) const {
    if (a.first_day == kNoDay || b.first_day == kNoDay) return true;
    return a.first_day <= b.last_day + options.window_days &&
           b.first_day <= a.last_day + options.window_days;
  }

  void retire() {
    uint32_t n = static_cast<uint32_t>(articles.size());
    bool by_day = clock != kNoDay && clock != retired_at;
    bool by_count = options.max_idle_articles > 0 && n % 256 == 0;
    if (!by_day && !by_count) return;
    retired_at = clock;
    for (uint32_t slot = 0; slot < stories.size(); ++slot) {
      StoryState& s = stories[slot];
      if (!s.live) continue;
      bool old_day = by_day && s.last_day != kNoDay && s.last_day < clock - options.window_days;
      bool idle = options.max_idle_articles > 0 && n - s.last_arrival > options.max_idle_articles;
      if (old_day || idle) {
        unpost(slot);
        s.live = false;
      }
    }
  }

  // ---- stories -------------------------------------------------------------------------------
  void add_member(uint32_t slot, uint32_t article, bool online) {
    StoryState& s = stories[slot];
    ArticleState& a = articles[article];
    s.articles.insert(std::upper_bound(s.articles.begin(), s.articles.end(), article), article);
    add_scaled(s.sum, a.vec, 1.0f);
    if (online) prune(s.sum, options.centroid_terms);
    s.norm = norm(s.sum);
    if (a.day != kNoDay) {
      s.first_day = s.first_day == kNoDay ? a.day : std::min(s.first_day, a.day);
      s.last_day = s.last_day == kNoDay ? a.day : std::max(s.last_day, a.day);
    }
    s.last_arrival = std::max(s.last_arrival, article);
    a.story = slot;
  }

  uint32_t open_story(uint32_t article, bool online) {
    uint32_t slot = static_cast<uint32_t>(stories.size());
    stories.emplace_back();
    add_member(slot, article, online);
    return slot;
  }

  // Folds story `b` into story `a`; the older slot survives so ids only ever move backwards.
  uint32_t merge(uint32_t a, uint32_t b, bool online) {
    if (b < a) std::swap(a, b);
    StoryState& x = stories[a];
    StoryState& y = stories[b];
    unpost(b);
    std::vector<uint32_t> members;
    std::merge(x.articles.begin(), x.articles.end(), y.articles.begin(), y.articles.end(),
               std::back_inserter(members));
    x.articles.swap(members);
    add_scaled(x.sum, y.sum, 1.0f);
    if (online) prune(x.sum, options.centroid_terms);
    x.norm = norm(x.sum);
    if (y.first_day != kNoDay) {
      x.first_day = x.first_day == kNoDay ? y.first_day : std::min(x.first_day, y.first_day);
      x.last_day = x.last_day == kNoDay ? y.last_day : std::max(x.last_day, y.last_day);
    }
    x.last_arrival = std::max(x.last_arrival, y.last_arrival);
    for (uint32_t m : y.articles) articles[m].story = a;
    y = StoryState{};
    y.live = false;
    y.parent = a;
    if (x.live) post(a);
    return a;
  }

  // Agglomerative merging over the live stories: all pairs at or above the merge threshold
  // (found through the index), best first, each story merged at most once per round so that every
  // merge is judged on up-to-date centroids; rounds repeat until nothing merges.
  //
  // A pair's verdict depends only on the two centroids, members and days, which change only with
  // a post(); so a pair of stories neither of which was posted since the last judgement is not
  // judged again (it would fail again). Pair (a, b), a < b, is a candidate when b is posted under
  // one of a's query terms; those are the first query_terms of a's index terms (both lists are
  // the same heaviest-first order), so the pairs of a changed b with an unchanged a are found from
  // b's own index terms. The pairs judged are exactly those a full pass would accept — same
  // merges, same order — at a cost proportional to the stories that changed, not to all live
  // ones (a pass every merge_every arrivals over all of them was 60% of an ingest).
  void merge_pass(bool online) {
    const bool incremental =
        !options.rejudge_all_pairs && options.query_terms <= options.index_terms;
    uint64_t since = incremental ? merge_checked : 0;
    auto changed = [&](uint32_t slot) { return !incremental || stories[slot].changed > since; };
    struct Pair {
      double sim;
      uint32_t a, b;
    };
    std::vector<Pair> pairs;
    // `loaded` holds the sum of a or of b (one story meets many).
    auto judge = [&](uint32_t a, uint32_t b, uint32_t loaded) {
      const StoryState& s = stories[a];
      if (!in_window(s, stories[b])) return;
      Link l = link(s, stories[b], spread.dot(stories[loaded == a ? b : a].sum));
      if (l.sim >= options.merge_threshold && l.cohesive) pairs.push_back({l.sim, a, b});
    };
    for (int round = 0; round < 16; ++round) {
      const uint64_t judged_at = tick;
      pairs.clear();
      for (uint32_t a = 0; a < stories.size(); ++a) {
        const StoryState& s = stories[a];
        if (!s.live || !changed(a)) continue;
        spread.load(s.sum, terms.size());
        for (uint32_t b : candidates(s.sum, a)) {
          if (b > a) judge(a, b, a);
        }
        spread.unload();
      }
      if (incremental) {
        // Unchanged a < changed b, with b posted under one of a's query terms.
        if (stamp.size() < stories.size()) stamp.resize(stories.size(), 0);
        for (uint32_t b = 0; b < stories.size(); ++b) {
          const StoryState& t = stories[b];
          if (!t.live || !changed(b)) continue;
          ++query_id;
          spread.load(t.sum, terms.size());
          for (uint32_t term : t.indexed) {
            for (uint32_t a : postings[term]) {
              if (a >= b || changed(a) || stamp[a] == query_id || !stories[a].live) continue;
              const std::vector<uint32_t>& own = stories[a].indexed;
              auto end = own.begin() + std::min<size_t>(own.size(), options.query_terms);
              if (std::find(own.begin(), end, term) == end) continue;
              stamp[a] = query_id;
              judge(a, b, b);
            }
          }
          spread.unload();
        }
      }
      since = judged_at;
      if (pairs.empty()) break;
      std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
        if (x.sim != y.sim) return x.sim > y.sim;
        if (x.a != y.a) return x.a < y.a;
        return x.b < y.b;
      });
      std::vector<char> touched(stories.size(), 0);
      for (const Pair& p : pairs) {
        if (touched[p.a] || touched[p.b]) continue;
        touched[p.a] = touched[p.b] = 1;
        merge(p.a, p.b, online);
      }
    }
    merge_checked = since;
  }

  // ---- the online step -----------------------------------------------------------------------
  uint32_t assign(const Document& doc, const Article& article) {
    uint32_t index = static_cast<uint32_t>(articles.size());
    articles.emplace_back();
    ArticleState& a = articles.back();
    a.tf = features.extract(doc, article);
    std::vector<uint32_t> distinct(a.tf.size());
    for (size_t i = 0; i < a.tf.size(); ++i) distinct[i] = a.tf[i].term;
    terms.add_document(distinct);
    weigh(a);
    if (auto day = parse_day(article.published)) {
      a.day = *day;
      if (clock != kNoDay && *day < clock - options.window_days) ++late;
      clock = clock == kNoDay ? *day : std::max(clock, *day);
    }
    retire();

    uint32_t best = kNone;
    double best_sim = -1;
    std::vector<std::pair<uint32_t, double>> close;  // other candidates above the join threshold
    spread.load(a.vec, terms.size());
    for (uint32_t slot : candidates(a.vec)) {
      const StoryState& s = stories[slot];
      if (!in_window(a.day, s)) continue;
      Link l = link(a, s, spread.dot(s.sum));
      if (!l.cohesive) continue;
      double sim = l.sim;
      if (sim >= options.join_threshold) close.push_back({slot, sim});
      if (sim > best_sim) {  // strict: on ties the older story (smaller slot) stays best
        best_sim = sim;
        best = slot;
      }
    }
    spread.unload();
    uint32_t slot;
    if (best != kNone && best_sim >= options.join_threshold) {
      add_member(best, index, true);
      post(best);
      slot = best;
      // The article bridges two stories: if their centroids agree, they were one story all along.
      for (const auto& [other, sim] : close) {
        if (other == best || !stories[other].live) continue;
        Link l = link(stories[slot], stories[other]);
        if (l.sim >= options.merge_threshold && l.cohesive) slot = merge(slot, other, true);
      }
    } else {
      slot = open_story(index, true);
      post(slot);
    }
    if (options.merge_every > 0 && (index + 1) % options.merge_every == 0) merge_pass(true);
    return story_id(root(slot));
  }

  uint32_t story_id(uint32_t slot) const { return stories[slot].articles.front(); }

  // ---- finish --------------------------------------------------------------------------------
  void rebuild(bool online) {
    postings.assign(terms.size(), {});
    for (uint32_t slot = 0; slot < stories.size(); ++slot) {
      StoryState& s = stories[slot];
      s.indexed.clear();
      if (s.parent != kNone || s.articles.empty()) continue;
      for (uint32_t m : s.articles) summing.add(articles[m].vec);
      s.sum = summing.take();
      if (online) prune(s.sum, options.centroid_terms);
      s.norm = norm(s.sum);
      s.live = true;
      post(slot);
    }
  }

  // Every article, or only those in `only` (ascending).
  void reassign_pass(const std::vector<uint32_t>* only = nullptr) {
    const size_t count = only ? only->size() : articles.size();
    for (size_t k = 0; k < count; ++k) {
      const uint32_t i = only ? (*only)[k] : static_cast<uint32_t>(k);
      ArticleState& a = articles[i];
      uint32_t own = root(a.story);
      StoryState& s = stories[own];
      // Leave-one-out: the article's similarity to the rest of its story.
      double own_sim = 0;
      if (s.articles.size() > 1) own_sim = leave_one_out_cosine(s.sum, a.vec);
      uint32_t best = kNone;
      double best_sim = -1;
      spread.load(a.vec, terms.size());
      for (uint32_t slot : candidates(a.vec, own)) {
        const StoryState& t = stories[slot];
        if (t.articles.empty() || !in_window(a.day, t)) continue;
        Link l = link(a, t, spread.dot(t.sum));
        if (!l.cohesive) continue;
        double sim = l.sim;
        if (sim > best_sim) {
          best_sim = sim;
          best = slot;
        }
      }
      spread.unload();
      bool move = best != kNone && best_sim >= options.join_threshold && best_sim > own_sim;
      bool leave = !move && s.articles.size() > 1 && own_sim < options.join_threshold;
      if (!move && !leave) continue;
      // Out of its story (the index is left as it is for this pass: a story posted under its
      // old heaviest terms is still findable under them).
      s.articles.erase(std::find(s.articles.begin(), s.articles.end(), i));
      add_scaled(s.sum, a.vec, -1.0f);
      s.norm = norm(s.sum);
      recompute_days(own);
      if (move) {
        add_member(best, i, false);
      } else {
        open_story(i, false);
      }
    }
  }

  void recompute_days(uint32_t slot) {
    StoryState& s = stories[slot];
    s.first_day = s.last_day = kNoDay;
    for (uint32_t m : s.articles) {
      int32_t d = articles[m].day;
      if (d == kNoDay) continue;
      s.first_day = s.first_day == kNoDay ? d : std::min(s.first_day, d);
      s.last_day = s.last_day == kNoDay ? d : std::max(s.last_day, d);
    }
    if (s.articles.empty()) {
      s.live = false;
      s.sum.clear();
      s.norm = 0;
    }
  }

  // ---- split --------------------------------------------------------------------------------
  // Two-means bisection of a story's members: the seeds are the member least like the story and
  // the member least like that one; each member goes to the half whose centroid it is closer to
  // (cosine), until no member moves. Returns each member's half (0 or 1), in s.articles order.
  std::vector<uint8_t> bisect(const StoryState& s) {
    const std::vector<uint32_t>& m = s.articles;
    auto least_like = [&](const SparseVector& v, size_t skip) {
      size_t at = 0;
      double low = std::numeric_limits<double>::max();
      for (size_t i = 0; i < m.size(); ++i) {
        double x = dot(articles[m[i]].vec, v);
        if (i != skip && x < low) low = x, at = i;
      }
      return at;
    };
    size_t first = least_like(s.sum, m.size());
    size_t second = least_like(articles[m[first]].vec, first);
    SparseVector half[2] = {articles[m[first]].vec, articles[m[second]].vec};
    std::vector<uint8_t> side(m.size(), 0);
    for (int round = 0; round < 32; ++round) {
      const double n0 = norm(half[0]), n1 = norm(half[1]);
      bool moved = round == 0;
      for (size_t i = 0; i < m.size(); ++i) {
        const SparseVector& v = articles[m[i]].vec;
        uint8_t to = dot(v, half[0]) * n1 >= dot(v, half[1]) * n0 ? 0 : 1;
        moved = moved || to != side[i];
        side[i] = to;
      }
      if (!moved) break;
      for (uint8_t h = 0; h < 2; ++h) {
        for (size_t i = 0; i < m.size(); ++i) {
          if (side[i] == h) summing.add(articles[m[i]].vec);
        }
        half[h] = summing.take();
      }
    }
    return side;
  }

  // Splits every story whose bisection halves pass the time test (apart_in_time): the half with
  // the story's first article keeps it, the other opens a story. Offline (unpruned) centroids.
  // Returns the articles of the stories it split, ascending.
  std::vector<uint32_t> split_pass() {
    std::vector<uint32_t> split;
    if (!(options.split_ratio > 0)) return split;
    const size_t count = stories.size();  // stories opened here are halves already judged
    for (uint32_t slot = 0; slot < count; ++slot) {
      if (stories[slot].parent != kNone) continue;
      if (stories[slot].articles.size() < std::max<size_t>(2, 2 * size_t{options.split_min_part}))
        continue;
      std::vector<uint8_t> side = bisect(stories[slot]);
      StoryState part[2];
      for (size_t i = 0; i < side.size(); ++i) {
        part[side[i]].articles.push_back(stories[slot].articles[i]);
      }
      if (part[0].articles.empty() || part[1].articles.empty()) continue;
      for (StoryState& p : part) {
        for (uint32_t m : p.articles) summing.add(articles[m].vec);
        p.sum = summing.take();
      }
      part[0].norm = norm(part[0].sum);
      part[1].norm = norm(part[1].sum);
      double cross = dot(part[0].sum, part[1].sum) /
                     (static_cast<double>(part[0].articles.size()) * part[1].articles.size());
      double within = std::max(inner_link(part[0]), inner_link(part[1]));
      if (!apart_in_time(part[0].articles, part[1].articles, cross, within)) continue;
      const int later = part[0].articles.front() < part[1].articles.front() ? 1 : 0;
      StoryState& s = stories[slot];
      s.articles = std::move(part[1 - later].articles);
      s.sum = std::move(part[1 - later].sum);
      s.norm = part[1 - later].norm;
      s.last_arrival = s.articles.back();
      recompute_days(slot);
      split.insert(split.end(), s.articles.begin(), s.articles.end());
      split.insert(split.end(), part[later].articles.begin(), part[later].articles.end());
      uint32_t fresh = static_cast<uint32_t>(stories.size());
      stories.emplace_back();  // `s` is not used after this: the vector may move
      for (uint32_t m : part[later].articles) add_member(fresh, m, false);
    }
    std::sort(split.begin(), split.end());
    return split;
  }

  std::vector<uint32_t> finish() {
    for (uint32_t pass = 0; pass < options.refine_passes; ++pass) {
      for (ArticleState& a : articles) weigh(a);
      rebuild(false);
      reassign_pass();
      rebuild(false);
      merge_pass(false);
    }
    if (options.refine_passes == 0) {
      merge_pass(true);
    } else if (std::vector<uint32_t> moved = split_pass(); !moved.empty()) {
      // The articles of the split stories go to their best story (a member of a half can be
      // closer to the other half, or to another story, than the bisection put it).
      rebuild(false);
      reassign_pass(&moved);
      rebuild(false);
    }
    // Back to the bounded online state: pruned centroids, retired stories out of the index.
    rebuild(true);
    retired_at = kNoDay;
    retire();
    std::vector<uint32_t> out(articles.size());
    for (uint32_t i = 0; i < articles.size(); ++i) out[i] = story_id(root(articles[i].story));
    return out;
  }
};

StoryClusterer::StoryClusterer(Options options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

StoryClusterer::~StoryClusterer() = default;

bool StoryClusterer::load_background(std::string* error) {
  if (impl_->options.background_df.empty()) return true;
  return impl_->terms.load_background(impl_->options.background_df, error);
}

uint32_t StoryClusterer::assign(const Document& doc, const Article& article) {
  return impl_->assign(doc, article);
}

std::vector<Story> StoryClusterer::stories() const {
  std::vector<Story> out;
  for (const StoryState& s : impl_->stories) {
    if (s.parent != kNone || s.articles.empty()) continue;
    Story story;
    story.id = s.articles.front();
    story.articles = s.articles;
    if (s.first_day != kNoDay) {
      story.first_published = format_day(s.first_day);
      story.last_published = format_day(s.last_day);
    }
    story.live = s.live;
    out.push_back(std::move(story));
  }
  std::sort(out.begin(), out.end(), [](const Story& a, const Story& b) { return a.id < b.id; });
  return out;
}

std::vector<uint32_t> StoryClusterer::finish() { return impl_->finish(); }

uint32_t StoryClusterer::size() const { return static_cast<uint32_t>(impl_->articles.size()); }

uint64_t StoryClusterer::late_arrivals() const { return impl_->late; }

}  // namespace crosscheck::cluster
