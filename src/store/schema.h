// The SQLite store's schema: a version table and an ordered list of migrations.
//
// `schema_version` holds one row with the version the file is at. Opening a store creates the
// schema in an empty file, applies the migrations after the file's version in one transaction,
// and refuses a file written by a newer crosscheck rather than guess at its layout. To change the
// schema, append a migration; never edit one that has shipped.
#pragma once

#include <sqlite3.h>

#include "crosscheck/problem.h"

namespace crosscheck::store {

// The version this build writes.
inline constexpr int kSchemaVersion = 2;
// The oldest version a read-only open accepts as it is (readers use version 1's columns only).
inline constexpr int kOldestReadableVersion = 1;

// Brings the schema of `db` to kSchemaVersion (read_only: only checks it, and takes a version
// from kOldestReadableVersion on as it is) and sets `*version`.
// Errors: a newer version ("store schema version N is newer than this crosscheck (M); upgrade
// crosscheck"), a database that is not a crosscheck store, or any SQLite error.
Status prepare_schema(sqlite3* db, const char* path, bool read_only, int* version);

}  // namespace crosscheck::store
