#include "crosscheck/store.h"

#include "src/core/fnv.h"
#include "src/store/sqlite_store.h"

namespace crosscheck::store {

OpenResult open_store(const std::string& path, const Options& options) {
  if (path.rfind("postgresql://", 0) == 0 || path.rfind("postgres://", 0) == 0) {
    OpenResult r;
    r.status = Status::error("store " + path + ": the PostgreSQL backend is not built yet");
    return r;
  }
  return open_sqlite(path, options);
}

Story to_story(const StorySummary& summary, std::vector<StoredArticle>&& rows,
               std::vector<Article>* articles) {
  Story story;
  story.id = std::to_string(summary.id);
  story.title = summary.title;
  articles->clear();
  articles->reserve(rows.size());
  for (StoredArticle& r : rows) {
    story.articles.push_back(r.article.id);
    articles->push_back(std::move(r.article));
  }
  return story;
}

uint64_t content_hash(const Article& a) {
  // FNV-1a over the fields with a separator byte that cannot occur in UTF-8 text, so that moving
  // characters from one field to the next changes the hash. (Stored in every row: any change here
  // makes the next ingest store every article again as a new version.)
  uint64_t h = kFnvOffset;
  for (const std::string* field : {&a.id, &a.title, &a.source, &a.url, &a.published, &a.text}) {
    h = fnv1a(*field, h);
    h = fnv1a("\xff", h);
  }
  return h;
}

}  // namespace crosscheck::store
