// The SQLite backend of store::Store: one file, WAL journal, prepared statements.
//
// WAL lets `crosscheck stories` read while an ingest writes, and with synchronous=NORMAL a commit
// is one sequential append: a killed process never loses a committed batch (only a power cut can
// lose the last ones, and never corrupts the file).
#pragma once

#include <memory>
#include <string>

#include "crosscheck/store.h"

namespace crosscheck::store {

// Opens the SQLite file at `path`; see open_store.
OpenResult open_sqlite(const std::string& path, const Options& options);

}  // namespace crosscheck::store
