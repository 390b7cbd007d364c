#include "src/store/sqlite_store.h"

#include <sqlite3.h>

#include <ctime>
#include <set>
#include <utility>

#include "src/store/codec.h"
#include "src/store/schema.h"

namespace crosscheck::store {
namespace {

// A prepared statement, reset after every use.
class Statement {
 public:
  Statement() = default;
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool prepare(sqlite3* db, const char* sql) {
    return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) == SQLITE_OK;
  }
  sqlite3_stmt* get() { return stmt_; }
  void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
  void bind_blob(int i, const std::string& s) {
    sqlite3_bind_blob(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
  int step() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  int64_t column_int(int i) { return sqlite3_column_int64(stmt_, i); }
  std::string column_text(int i) {
    const unsigned char* p = sqlite3_column_text(stmt_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, i))
             : std::string();
  }
  std::string_view column_blob(int i) {
    const void* p = sqlite3_column_blob(stmt_, i);
    return p ? std::string_view(static_cast<const char*>(p), sqlite3_column_bytes(stmt_, i))
             : std::string_view();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets the statement when leaving a scope, whatever the path.
struct ResetOnExit {
  Statement& s;
  ~ResetOnExit() { s.reset(); }
};

constexpr const char* kArticleColumns =
    "seq, id, version, content_hash, source, url, title, published, language, text, removed, "
    "authors, credits, duplicate_of, story";

class SqliteStore : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path, int version)
      : db_(db), path_(std::move(path)), version_(version) {}
  ~SqliteStore() override {
    // Statements first: sqlite3_close refuses while any is open.
    latest_.reset();
    insert_.reset();
    supersede_.reset();
    set_story_.reset();
    set_fingerprint_.reset();
    sqlite3_close(db_);
  }

  Status init(bool read_only) {
    if (read_only) return Status::ok();
    latest_ = std::make_unique<Statement>();
    insert_ = std::make_unique<Statement>();
    supersede_ = std::make_unique<Statement>();
    set_story_ = std::make_unique<Statement>();
    set_fingerprint_ = std::make_unique<Statement>();
    if (!latest_->prepare(
            db_,
            "SELECT version, content_hash, raw_fingerprint FROM articles WHERE id = ?1 "
            "ORDER BY version DESC LIMIT 1") ||
        !insert_->prepare(db_,
                          "INSERT INTO articles (id, version, current, content_hash, source, url, "
                          "title, published, language, text, removed, authors, credits, "
                          "duplicate_of, story, signature, ingested_at, raw_fingerprint) VALUES "
                          "(?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                          "?16, ?17)") ||
        !supersede_->prepare(db_,
                             "UPDATE articles SET current = 0 WHERE id = ?1 AND version < ?2 AND "
                             "current = 1") ||
        !set_story_->prepare(db_, "UPDATE articles SET story = ?2 WHERE seq = ?1") ||
        !set_fingerprint_->prepare(
            db_, "UPDATE articles SET raw_fingerprint = ?3 WHERE id = ?1 AND version = ?2")) {
      return error("cannot prepare statements");
    }
    return Status::ok();
  }

  int schema_version() const override { return version_; }

  Status begin() override { return exec("BEGIN IMMEDIATE", "cannot begin a transaction"); }
  Status commit() override { return exec("COMMIT", "cannot commit"); }
  Status rollback() override { return exec("ROLLBACK", "cannot roll back"); }

  Status latest(const std::string& id, Latest* out) override {
    if (!latest_) return read_only_error();
    ResetOnExit guard{*latest_};
    latest_->bind(1, id);
    int rc = latest_->step();
    *out = Latest{};
    if (rc == SQLITE_ROW) {
      out->found = true;
      out->version = static_cast<uint32_t>(latest_->column_int(0));
      out->content_hash = static_cast<uint64_t>(latest_->column_int(1));
      out->raw_fingerprint = static_cast<uint64_t>(latest_->column_int(2));
      return Status::ok();
    }
    return rc == SQLITE_DONE ? Status::ok() : error("cannot look up an article");
  }

  Status insert(StoredArticle& s) override {
    if (!insert_) return read_only_error();
    const Article& a = s.article;
    std::string removed = encode_removed(a.removed);
    std::string authors = encode_strings(a.authors);
    std::string credits = encode_strings(a.credits);
    std::string signature = encode_signature(s.signature);
    {
      ResetOnExit guard{*insert_};
      insert_->bind(1, a.id);
      insert_->bind(2, static_cast<int64_t>(s.version));
      insert_->bind(3, static_cast<int64_t>(s.content_hash));
      insert_->bind(4, a.source);
      insert_->bind(5, a.url);
      insert_->bind(6, a.title);
      insert_->bind(7, a.published);
      insert_->bind(8, a.language);
      insert_->bind(9, a.text);
      insert_->bind(10, removed);
      insert_->bind(11, authors);
      insert_->bind(12, credits);
      insert_->bind(13, a.duplicate_of);
      insert_->bind(14, s.story);
      insert_->bind_blob(15, signature);
      insert_->bind(16, static_cast<int64_t>(std::time(nullptr)));
      insert_->bind(17, static_cast<int64_t>(a.raw_fingerprint));
      if (insert_->step() != SQLITE_DONE) return error("cannot insert article " + a.id);
      s.seq = sqlite3_last_insert_rowid(db_);
    }
    if (s.version > 1) {
      ResetOnExit guard{*supersede_};
      supersede_->bind(1, a.id);
      supersede_->bind(2, static_cast<int64_t>(s.version));
      if (supersede_->step() != SQLITE_DONE) return error("cannot supersede article " + a.id);
    }
    return Status::ok();
  }

  Status set_raw_fingerprint(const std::string& id, uint32_t version,
                             uint64_t fingerprint) override {
    if (!set_fingerprint_) return read_only_error();
    ResetOnExit guard{*set_fingerprint_};
    set_fingerprint_->bind(1, id);
    set_fingerprint_->bind(2, static_cast<int64_t>(version));
    set_fingerprint_->bind(3, static_cast<int64_t>(fingerprint));
    return set_fingerprint_->step() == SQLITE_DONE ? Status::ok()
                                                   : error("cannot update article " + id);
  }

  Status set_story(int64_t seq, int64_t story) override {
    if (!set_story_) return read_only_error();
    ResetOnExit guard{*set_story_};
    set_story_->bind(1, seq);
    set_story_->bind(2, story);
    return set_story_->step() == SQLITE_DONE ? Status::ok() : error("cannot update a story");
  }

  Status for_each_signature(const std::function<void(SignatureRow&&)>& fn) override {
    Statement q;
    if (!q.prepare(db_,
                   "SELECT seq, id, signature, story, current, raw_fingerprint FROM articles "
                   "ORDER BY seq"))
      return error("cannot read signatures");
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
      SignatureRow row;
      row.id = q.column_text(1);
      if (!decode_signature(q.column_blob(2), &row.signature))
        return Status::error("store " + path_ + ": damaged signature of article " + row.id);
      row.seq = q.column_int(0);
      row.story = q.column_int(3);
      row.current = q.column_int(4) != 0;
      row.raw_fingerprint = static_cast<uint64_t>(q.column_int(5));
      fn(std::move(row));
    }
    return rc == SQLITE_DONE ? Status::ok() : error("cannot read signatures");
  }

  Status recent(size_t limit, std::vector<StoredArticle>* out) override {
    out->clear();
    Statement q;
    std::string sql = std::string("SELECT ") + kArticleColumns +
                      " FROM (SELECT * FROM articles WHERE current = 1 AND duplicate_of = '' "
                      "ORDER BY seq DESC LIMIT ?1)"
                      " ORDER BY seq";
    if (!q.prepare(db_, sql.c_str())) return error("cannot read recent articles");
    q.bind(1, static_cast<int64_t>(limit));
    return read_articles(q, out);
  }

  Status counts(uint64_t* current, uint64_t* versions) override {
    Statement q;
    if (!q.prepare(db_, "SELECT count(*), coalesce(sum(current), 0) FROM articles") ||
        q.step() != SQLITE_ROW)
      return error("cannot count articles");
    *versions = static_cast<uint64_t>(q.column_int(0));
    *current = static_cast<uint64_t>(q.column_int(1));
    return Status::ok();
  }

  Status stories(std::vector<StorySummary>* out) override {
    out->clear();
    Statement q;
    if (!q.prepare(db_, kStoriesSql)) return error("cannot list stories");
    return read_summaries(q, out);
  }

  Status story(int64_t id, bool* found, StorySummary* summary,
               std::vector<StoredArticle>* articles) override {
    *found = false;
    std::vector<StorySummary> one;
    {
      Statement q;
      std::string sql = std::string(kStorySummarySql) +
                        " WHERE a.current = 1 AND a.story = ?1 "
                        "GROUP BY a.story";
      if (!q.prepare(db_, sql.c_str())) return error("cannot read the story");
      q.bind(1, id);
      if (Status s = read_summaries(q, &one); !s) return s;
    }
    if (one.empty()) return Status::ok();
    *found = true;
    *summary = std::move(one.front());
    Statement q;
    std::string sql = std::string("SELECT ") + kArticleColumns +
                      " FROM articles WHERE story = ?1 AND current = 1 ORDER BY seq";
    if (!q.prepare(db_, sql.c_str())) return error("cannot read the story's articles");
    q.bind(1, id);
    return read_articles(q, articles);
  }

  Status article(const std::string& id, bool* found, StoredArticle* out) override {
    *found = false;
    Statement q;
    std::string sql = std::string("SELECT ") + kArticleColumns +
                      " FROM articles WHERE id = ?1 AND current = 1 ORDER BY version DESC LIMIT 1";
    if (!q.prepare(db_, sql.c_str())) return error("cannot read the article");
    q.bind(1, id);
    std::vector<StoredArticle> rows;
    if (Status s = read_articles(q, &rows); !s) return s;
    if (rows.empty()) return Status::ok();
    *found = true;
    *out = std::move(rows.front());
    return Status::ok();
  }

  Status scan_current(const std::string& outlet,
                      const std::function<bool(const StoredArticle&)>& fn) override {
    Statement q;
    std::string sql = std::string("SELECT ") + kArticleColumns +
                      " FROM articles WHERE current = 1 AND (?1 = '' OR source = ?1) ORDER BY seq";
    if (!q.prepare(db_, sql.c_str())) return error("cannot scan articles");
    q.bind(1, outlet);
    int rc;
    StoredArticle row;
    while ((rc = q.step()) == SQLITE_ROW) {
      if (Status s = read_row(q, &row, /*decode_lists=*/false); !s) return s;
      if (!fn(row)) return Status::ok();
    }
    return rc == SQLITE_DONE ? Status::ok() : error("cannot scan articles");
  }

  Status change_counter(int64_t* out) override {
    Statement q;
    if (!q.prepare(db_, "PRAGMA data_version") || q.step() != SQLITE_ROW)
      return error("cannot read the data version");
    *out = q.column_int(0);
    return Status::ok();
  }

 private:
  static constexpr const char* kStorySummarySql =
      "SELECT a.story, (SELECT title FROM articles f WHERE f.seq = a.story), count(*), "
      "group_concat(DISTINCT a.source), min(nullif(a.published, '')), "
      "max(nullif(a.published, '')) FROM articles a";
  static constexpr const char* kStoriesSql =
      "SELECT a.story, (SELECT title FROM articles f WHERE f.seq = a.story), count(*) AS n, "
      "group_concat(DISTINCT a.source), min(nullif(a.published, '')), "
      "max(nullif(a.published, '')) FROM articles a WHERE a.current = 1 GROUP BY a.story "
      "ORDER BY n DESC, a.story";

  Status read_summaries(Statement& q, std::vector<StorySummary>* out) {
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
      StorySummary s;
      s.id = q.column_int(0);
      s.title = q.column_text(1);
      s.size = static_cast<uint64_t>(q.column_int(2));
      // group_concat joins with ','; outlet names are domains or names without commas in practice,
      // and a comma inside one only splits the display, never the data.
      std::string outlets = q.column_text(3);
      std::set<std::string> sorted;
      size_t start = 0;
      while (start <= outlets.size() && !outlets.empty()) {
        size_t comma = outlets.find(',', start);
        if (comma == std::string::npos) comma = outlets.size();
        if (comma > start) sorted.insert(outlets.substr(start, comma - start));
        start = comma + 1;
      }
      s.outlets.assign(sorted.begin(), sorted.end());
      s.first_seen = q.column_text(4);
      s.last_seen = q.column_text(5);
      out->push_back(std::move(s));
    }
    return rc == SQLITE_DONE ? Status::ok() : error("cannot read stories");
  }

  Status read_articles(Statement& q, std::vector<StoredArticle>* out) {
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
      StoredArticle s;
      if (Status status = read_row(q, &s); !status) return status;
      out->push_back(std::move(s));
    }
    return rc == SQLITE_DONE ? Status::ok() : error("cannot read articles");
  }

  // One row of kArticleColumns; without `decode_lists` removed[], authors and credits stay empty
  // (what a search scan needs, at a fraction of the cost).
  Status read_row(Statement& q, StoredArticle* out, bool decode_lists = true) {
    StoredArticle& s = *out;
    s.seq = q.column_int(0);
    Article& a = s.article;
    a.id = q.column_text(1);
    s.version = static_cast<uint32_t>(q.column_int(2));
    s.content_hash = static_cast<uint64_t>(q.column_int(3));
    a.source = q.column_text(4);
    a.url = q.column_text(5);
    a.title = q.column_text(6);
    a.published = q.column_text(7);
    a.language = q.column_text(8);
    a.text = q.column_text(9);
    if (decode_lists && (!decode_removed(q.column_text(10), &a.removed) ||
                         !decode_strings(q.column_text(11), &a.authors) ||
                         !decode_strings(q.column_text(12), &a.credits)))
      return Status::error("store " + path_ + ": damaged fields of article " + a.id);
    a.duplicate_of = q.column_text(13);
    s.story = q.column_int(14);
    return Status::ok();
  }

  Status exec(const char* sql, const char* what) {
    return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK ? Status::ok()
                                                                          : error(what);
  }

  Status error(const std::string& what) const {
    int primary = sqlite3_extended_errcode(db_) & 0xff;
    std::string message = "store " + path_ + ": " + what + ": " + sqlite3_errmsg(db_);
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
      message += " (the file is not a crosscheck store or is damaged)";
    return Status::error(message);
  }

  Status read_only_error() const { return Status::error("store " + path_ + ": opened read-only"); }

  sqlite3* db_;
  std::string path_;
  int version_;
  std::unique_ptr<Statement> latest_, insert_, supersede_, set_story_, set_fingerprint_;
};

}  // namespace

OpenResult open_sqlite(const std::string& path, const Options& options) {
  OpenResult result;
  sqlite3* db = nullptr;
  int flags =
      options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    result.status = Status::error(
        "store " + path + ": cannot open: " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return result;
  }
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  int version = 0;
  if (Status s = prepare_schema(db, path.c_str(), options.read_only, &version); !s) {
    sqlite3_close(db);
    result.status = s;
    return result;
  }
  if (!options.read_only) {
    // WAL: readers never block the writer; NORMAL: a commit survives a killed process.
    // The page cache is capped (64 MB) so memory stays bounded however large the store grows.
    const char* pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; "
        "PRAGMA temp_store = MEMORY;";
    if (sqlite3_exec(db, pragmas, nullptr, nullptr, nullptr) != SQLITE_OK) {
      result.status =
          Status::error("store " + path + ": cannot set WAL mode: " + sqlite3_errmsg(db));
      sqlite3_close(db);
      return result;
    }
  }
  auto store = std::make_unique<SqliteStore>(db, path, version);
  if (Status s = store->init(options.read_only); !s) {
    result.status = s;
    return result;
  }
  result.store = std::move(store);
  return result;
}

}  // namespace crosscheck::store
