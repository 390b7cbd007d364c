#include "src/store/schema.h"

#include <string>
#include <vector>

namespace crosscheck::store {
namespace {

struct Migration {
  int to_version;
  const char* sql;
};

// Migration i takes a store from version to_version - 1 to to_version. Version 1 is the initial
// schema (created from an empty file).
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (0);
-- One row per article version. seq is the arrival order over the store's life and the index of
-- the article in the dedup replay; story is the seq of the story's founding article.
CREATE TABLE articles (
  seq          INTEGER PRIMARY KEY,
  id           TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  current      INTEGER NOT NULL DEFAULT 1,
  content_hash INTEGER NOT NULL,
  source       TEXT    NOT NULL,
  url          TEXT    NOT NULL,
  title        TEXT    NOT NULL,
  published    TEXT    NOT NULL,
  language     TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  removed      TEXT    NOT NULL,  -- JSON [{kind,text}]
  authors      TEXT    NOT NULL,  -- JSON [string]
  credits      TEXT    NOT NULL,  -- JSON [string]
  duplicate_of TEXT    NOT NULL,  -- id of the dedup group's first member, '' when unique
  story        INTEGER NOT NULL,
  signature    BLOB    NOT NULL,  -- dedup::Signature, see src/store/codec.h
  ingested_at  INTEGER NOT NULL,  -- unix seconds
  UNIQUE (id, version)
);
CREATE INDEX articles_story ON articles (story, current);
-- The clusterer's replay window: the latest articles that are not duplicates.
CREATE INDEX articles_leaders ON articles (seq) WHERE current = 1 AND duplicate_of = '';
)sql"},
      {2, R"sql(
-- pipeline::raw_fingerprint of the record the row was cleaned from (0: stored before version 2),
-- so that an ingest recognises a record it has already stored before cleaning it.
ALTER TABLE articles ADD COLUMN raw_fingerprint INTEGER NOT NULL DEFAULT 0;
)sql"},
  };
  return kMigrations;
}

Status sqlite_error(sqlite3* db, const char* path, const char* what) {
  int code = sqlite3_extended_errcode(db);
  std::string message = std::string("store ") + path + ": " + what + ": " + sqlite3_errmsg(db);
  int primary = code & 0xff;
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
    message += " (the file is not a crosscheck store or is damaged)";
  }
  return Status::error(message);
}

bool exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// Reads a single integer; false on error. `*found` false when the query returned no row.
bool query_int(sqlite3* db, const char* sql, int64_t* value, bool* found) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return false;
  int rc = sqlite3_step(stmt);
  *found = rc == SQLITE_ROW;
  if (*found) *value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

}  // namespace

Status prepare_schema(sqlite3* db, const char* path, bool read_only, int* version) {
  bool found = false;
  int64_t tables = 0;
  // The first read of the file: a corrupt or foreign file fails here with SQLITE_NOTADB.
  if (!query_int(db, "SELECT count(*) FROM sqlite_master", &tables, &found))
    return sqlite_error(db, path, "cannot read");
  int64_t has_version = 0;
  if (!query_int(db,
                 "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                 "'schema_version'",
                 &has_version, &found))
    return sqlite_error(db, path, "cannot read");

  int64_t current = 0;
  if (has_version) {
    if (!query_int(db, "SELECT max(version) FROM schema_version", &current, &found))
      return sqlite_error(db, path, "cannot read the schema version");
  } else if (tables > 0) {
    return Status::error(std::string("store ") + path +
                         ": not a crosscheck store (an SQLite database without a schema_version "
                         "table)");
  }
  if (current > kSchemaVersion) {
    return Status::error("store " + std::string(path) + ": store schema version " +
                         std::to_string(current) + " is newer than this crosscheck (" +
                         std::to_string(kSchemaVersion) + "); upgrade crosscheck");
  }
  if (current == kSchemaVersion) {
    *version = static_cast<int>(current);
    return Status::ok();
  }
  if (read_only) {
    // Readers only use the columns of version 1 (later versions add what ingest needs), so an
    // older store stays readable until the next ingest migrates it.
    if (has_version && current >= kOldestReadableVersion) {
      *version = static_cast<int>(current);
      return Status::ok();
    }
    return Status::error("store " + std::string(path) +
                         (has_version ? ": schema needs a migration; run crosscheck ingest on it"
                                      : ": empty or missing store"));
  }
  // All pending migrations in one transaction: a failed or killed upgrade leaves the old version.
  if (!exec(db, "BEGIN IMMEDIATE")) return sqlite_error(db, path, "cannot begin the migration");
  for (const Migration& m : migrations()) {
    if (m.to_version <= current) continue;
    std::string sql = std::string(m.sql) +
                      "UPDATE schema_version SET version = " + std::to_string(m.to_version) + ";";
    if (!exec(db, sql.c_str())) {
      Status s =
          sqlite_error(db, path, ("migration to version " + std::to_string(m.to_version)).c_str());
      exec(db, "ROLLBACK");
      return s;
    }
  }
  if (!exec(db, "COMMIT")) return sqlite_error(db, path, "cannot commit the migration");
  *version = kSchemaVersion;
  return Status::ok();
}

}  // namespace crosscheck::store
