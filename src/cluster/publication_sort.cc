// PublicationSort: publication_order() for piles larger than memory — sorted runs spilled to
// temporary files (article_run.h), merged k ways at the end.
#include <algorithm>
#include <queue>
#include <utility>
#include <vector>

#include "crosscheck/cluster.h"
#include "src/cluster/article_run.h"
#include "src/cluster/order_key.h"

namespace crosscheck::cluster {

namespace {

// A source of records in key order: a run on disk, or the sorted articles still in memory.
struct Source {
  ArticleRun* run = nullptr;
  std::vector<KeyedArticle>* memory = nullptr;
  size_t next = 0;  // in `memory`
  KeyedArticle head;

  // Loads the next record into `head`; false at the end or on an error (`error` non-empty).
  bool advance(std::string* error) {
    error->clear();
    if (run != nullptr) return run->read(&head, error);
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
  OrderKeys keys;
  std::vector<KeyedArticle> held;
  std::vector<ArticleRun> runs;
  size_t runs_written = 0;

  void sort_held() {
    std::sort(held.begin(), held.end(),
              [](const KeyedArticle& a, const KeyedArticle& b) { return a.key < b.key; });
  }

  // Writes what is held as one sorted run.
  bool spill(std::string* error) {
    sort_held();
    ArticleRun run;
    if (!run.create(directory, error)) return false;
    for (const KeyedArticle& k : held) {
      if (!run.write(k, error)) return false;
    }
    if (!run.rewind(error)) return false;
    held.clear();
    runs.push_back(std::move(run));
    ++runs_written;
    return true;
  }

  // Merges every run into one (bounds the files open at a time).
  bool compact(std::string* error) {
    ArticleRun merged;
    if (!merged.create(directory, error)) return false;
    std::vector<Source> sources(runs.size());
    for (size_t i = 0; i < runs.size(); ++i) sources[i].run = &runs[i];
    auto to_file = [&](KeyedArticle& k) { return merged.write(k, error); };
    if (!merge(sources, to_file, error) || !merged.rewind(error)) return false;
    runs.clear();
    runs.push_back(std::move(merged));
    return true;
  }
};

PublicationSort::PublicationSort(size_t memory_articles, std::string directory, size_t max_runs)
    : impl_(std::make_unique<Impl>()) {
  impl_->memory_articles = std::max<size_t>(1, memory_articles);
  impl_->directory = std::move(directory);
  impl_->max_runs = std::max<size_t>(2, max_runs);
}

PublicationSort::~PublicationSort() = default;

size_t PublicationSort::runs_written() const { return impl_->runs_written; }

bool PublicationSort::push(Article&& article, std::string* error) {
  Impl& s = *impl_;
  s.held.push_back(KeyedArticle{s.keys.next(article.published), std::move(article)});
  if (s.held.size() < s.memory_articles) return true;
  if (!s.spill(error)) return false;
  return s.runs.size() < s.max_runs || s.compact(error);
}

bool PublicationSort::finish(const Sink& sink, std::string* error) {
  Impl& s = *impl_;
  s.sort_held();
  std::vector<Source> sources(s.runs.size() + 1);
  for (size_t i = 0; i < s.runs.size(); ++i) sources[i].run = &s.runs[i];
  sources.back().memory = &s.held;
  auto to_sink = [&](KeyedArticle& k) {
    sink(std::move(k.article));
    return true;
  };
  const bool ok = merge(sources, to_sink, error);
  s.held.clear();
  s.runs.clear();
  s.keys = OrderKeys();
  return ok;
}

}  // namespace crosscheck::cluster
