// KnownRecords: see crosscheck/store_ingest.h.
#include "crosscheck/store_ingest.h"
#include "src/core/fnv.h"
#include "src/dedup/hash.h"

namespace crosscheck::store {
namespace {

uint64_t id_key(std::string_view id) {
  uint64_t key = dedup::mix64(fnv1a(id));
  return key == 0 ? 1 : key;
}

}  // namespace

KnownRecords::Slot& KnownRecords::find(uint64_t key) {
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key || slots_[i].key == 0) return slots_[i];
  }
}

void KnownRecords::grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  for (const Slot& s : old) {
    if (s.key != 0) find(s.key) = s;
  }
}

KnownRecords::Slot& KnownRecords::slot_for(uint64_t key) {
  if (2 * (size_ + 1) > slots_.size()) grow();  // load factor at most 1/2
  Slot& s = find(key);
  if (s.key == 0) {
    s.key = key;
    ++size_;
  }
  return s;
}

void KnownRecords::add(std::string_view id, uint64_t fingerprint) {
  slot_for(id_key(id)).fingerprint = fingerprint;
}

bool KnownRecords::seen(std::string_view id, uint64_t fingerprint) {
  Slot& s = slot_for(id_key(id));
  if (fingerprint != 0 && s.fingerprint == fingerprint) return true;
  s.fingerprint = fingerprint;
  return false;
}

}  // namespace crosscheck::store
