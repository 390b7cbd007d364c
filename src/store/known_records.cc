// KnownRecords: see crosscheck/store_ingest.h.
#include "crosscheck/store_ingest.h"
#include "src/core/fnv.h"
#include "src/dedup/hash.h"

namespace crosscheck::store {
namespace {

uint64_t id_key(std::string_view id) { return dedup::mix64(fnv1a(id)); }

}  // namespace

void KnownRecords::add(std::string_view id, uint64_t fingerprint) {
  by_id_[id_key(id)] = fingerprint;
}

bool KnownRecords::seen(std::string_view id, uint64_t fingerprint) {
  uint64_t& stored = by_id_[id_key(id)];  // 0 when new
  if (fingerprint != 0 && stored == fingerprint) return true;
  stored = fingerprint;
  return false;
}

}  // namespace crosscheck::store
