// PublicationSort: publication_order() for piles larger than memory — sorted runs spilled to
// temporary files (article_run.h), merged k ways at the end.
#include <algorithm>
#include <climits>
#include <queue>
#include <utility>
#include <vector>

#include "crosscheck/cluster.h"
#include "src/cluster/article_run.h"
#include "src/cluster/day.h"

namespace crosscheck::cluster {

namespace {

struct Keyed {
  SortKey key;
  Article article;
};

// A source of records in key order: a run on disk, or the sorted articles still in memory.
struct Source {
  ArticleRun* run = nullptr;
  std::vector<Keyed>* memory = nullptr;
  size_t next = 0;  // in `memory`
  Keyed head;

  // Loads the next record into `head`; false at the end or on an error (`error` non-empty).
  bool advance(std::string* error) {
    error->clear();
    if (run != nullptr) return run->read(&head.key, &head.article, error);
    if (next >= memory->size()) return false;
    head = std::move((*memory)[next++]);
    return true;
  }
};

// Merges `sources` (each in key order) into `out`, smallest key first; `out` returns false with
// `error` set to stop.
template <typename Out>
bool merge(std::vector<Source>& sources, Out&& out, std::string* error) {
  // Min-heap of source indices by head key (keys are unique: seq is).
  auto later = [&](size_t a, size_t b) { return sources[b].head.key < sources[a].head.key; };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heap(later);
  for (size_t i = 0; i < sources.size(); ++i) {
    if (sources[i].advance(error)) {
      heap.push(i);
    } else if (!error->empty()) {
      return false;
    }
  }
  while (!heap.empty()) {
    size_t i = heap.top();
    heap.pop();
    if (!out(sources[i].head)) return false;
    if (sources[i].advance(error)) {
      heap.push(i);
    } else if (!error->empty()) {
      return false;
    }
  }
  return true;
}

}  // namespace

struct PublicationSort::Impl {
  size_t memory_articles;
  std::string directory;
  size_t max_runs;
  std::vector<Keyed> held;
  std::vector<ArticleRun> runs;
  uint64_t next_seq = 0;
  int32_t last_day = INT32_MIN;

  void sort_held() {
    std::sort(held.begin(), held.end(),
              [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
  }

  // Writes what is held as one sorted run.
  bool spill(std::string* error) {
    sort_held();
    ArticleRun run;
    if (!run.create(directory, error)) return false;
    for (const Keyed& k : held) {
      if (!run.write(k.key, k.article, error)) return false;
    }
    if (!run.rewind(error)) return false;
    held.clear();
    runs.push_back(std::move(run));
    return true;
  }

  // Merges every run into one (bounds the files open at a time).
  bool compact(std::string* error) {
    ArticleRun merged;
    if (!merged.create(directory, error)) return false;
    std::vector<Source> sources(runs.size());
    for (size_t i = 0; i < runs.size(); ++i) sources[i].run = &runs[i];
    auto to_file = [&](Keyed& k) { return merged.write(k.key, k.article, error); };
    if (!merge(sources, to_file, error) || !merged.rewind(error)) return false;
    runs.clear();
    runs.push_back(std::move(merged));
    return true;
  }
};

PublicationSort::PublicationSort(size_t memory_articles, std::string directory, size_t max_runs)
    : impl_(std::make_unique<Impl>(Impl{std::max<size_t>(1, memory_articles),
                                        std::move(directory),
                                        std::max<size_t>(2, max_runs),
                                        {},
                                        {},
                                        0,
                                        INT32_MIN})) {}

PublicationSort::~PublicationSort() = default;

bool PublicationSort::push(Article&& article, std::string* error) {
  Impl& s = *impl_;
  const int32_t day = order_key(article.published, &s.last_day);
  s.held.push_back(Keyed{{day, s.next_seq++}, std::move(article)});
  if (s.held.size() < s.memory_articles) return true;
  if (!s.spill(error)) return false;
  ++runs_written_;
  if (s.runs.size() >= s.max_runs && !s.compact(error)) return false;
  return true;
}

bool PublicationSort::finish(const Sink& sink, std::string* error) {
  Impl& s = *impl_;
  s.sort_held();
  std::vector<Source> sources(s.runs.size() + 1);
  for (size_t i = 0; i < s.runs.size(); ++i) sources[i].run = &s.runs[i];
  sources.back().memory = &s.held;
  auto to_sink = [&](Keyed& k) {
    sink(std::move(k.article));
    return true;
  };
  bool ok = merge(sources, to_sink, error);
  s.held.clear();
  s.runs.clear();
  s.next_seq = 0;
  s.last_day = INT32_MIN;
  return ok;
}

}  // namespace crosscheck::cluster
