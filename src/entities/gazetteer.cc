#include "src/entities/gazetteer.h"

#include <algorithm>

#include "src/entities/binary_io.h"
#include "src/entities/hash.h"

namespace crosscheck::entities {
namespace {

uint64_t contribution(uint32_t doc, uint64_t key, size_t type) {
  return combine(combine(key, doc), type);
}

}  // namespace

uint64_t Gazetteer::extend_key(uint64_t key, uint64_t lower) { return combine(key, lower) | 1; }

void Gazetteer::add(const Lexeme* tokens, size_t n, size_t type, uint32_t doc) {
  if (n == 0 || n > kMaxLength || type >= types_) return;
  uint64_t key = start_key();
  for (size_t i = 0; i < n; ++i) key = extend_key(key, tokens[i].lower);
  if (!contributed_.insert(contribution(doc, key, type)).second) return;  // once per document
  auto [it, inserted] = building_.emplace(key, entries_.size());
  if (inserted) entries_.push_back({key, std::vector<uint16_t>(types_, 0)});
  uint16_t& count = entries_[it->second].docs[type];
  if (count < UINT16_MAX) ++count;
}

void Gazetteer::finish(uint32_t min_docs, bool keep_documents) {
  if (min_docs > 1) {
    std::vector<Entry> kept;
    for (Entry& e : entries_) {
      uint32_t total = 0;
      for (uint16_t c : e.docs) total += c;
      if (total >= min_docs) kept.push_back(std::move(e));
    }
    entries_.swap(kept);
  }
  if (!keep_documents) {
    contributed_ = {};
    building_ = {};
  } else if (min_docs > 1) {
    building_.clear();
    for (size_t i = 0; i < entries_.size(); ++i) building_.emplace(entries_[i].key, i);
  }
  size_t cap = 16;
  while (cap < 2 * entries_.size()) cap <<= 1;
  keys_.assign(cap, 0);
  slots_.assign(cap, 0);
  for (size_t i = 0; i < entries_.size(); ++i) {
    uint64_t key = entries_[i].key;
    for (size_t s = key & (cap - 1);; s = (s + 1) & (cap - 1)) {
      if (keys_[s] == 0) {
        keys_[s] = key;
        slots_[s] = uint32_t(i);
        break;
      }
    }
  }
}

const Gazetteer::Entry* Gazetteer::find(uint64_t key) const {
  if (keys_.empty()) return nullptr;
  const size_t mask = keys_.size() - 1;
  for (size_t s = key & mask;; s = (s + 1) & mask) {
    if (keys_[s] == key) return &entries_[slots_[s]];
    if (keys_[s] == 0) return nullptr;
  }
}

void Gazetteer::match(const Lexeme* tokens, size_t n, int64_t exclude_doc,
                      std::vector<Match>& out) const {
  if (keys_.empty()) return;
  for (size_t i = 0; i < n; ++i) {
    uint64_t key = start_key();
    for (size_t len = 1; len <= kMaxLength && i + len <= n; ++len) {
      key = extend_key(key, tokens[i + len - 1].lower);
      const Entry* e = find(key);
      if (!e) continue;
      Match m;
      m.begin = uint32_t(i);
      m.end = uint32_t(i + len);
      uint16_t best = 0;
      for (size_t t = 0; t < types_; ++t) {
        uint16_t c = e->docs[t];
        if (exclude_doc >= 0 && c > 0 &&
            contributed_.count(contribution(uint32_t(exclude_doc), key, t)))
          --c;
        if (c == 0) continue;
        m.types |= uint8_t(1u << t);
        m.total_docs += c;
        if (c > best) {
          best = c;
          m.majority = uint8_t(t);
          m.majority_docs = c;
        }
      }
      if (m.types) out.push_back(m);
    }
  }
}

void Gazetteer::serialize(std::string& out) const {
  ByteWriter w(out);
  w.varint(types_);
  w.varint(entries_.size());
  std::vector<const Entry*> sorted;
  for (const Entry& e : entries_) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(),
            [](const Entry* a, const Entry* b) { return a->key < b->key; });
  uint64_t prev = 0;
  for (const Entry* e : sorted) {
    w.varint(e->key - prev);  // sorted keys: deltas are shorter than the keys
    prev = e->key;
    for (uint16_t c : e->docs) w.varint(c);
  }
}

bool Gazetteer::deserialize(std::string_view& in) {
  ByteReader r(in);
  uint64_t types = r.varint(), n = r.varint();
  if (!r.ok() || types > 8 || n > (16u << 20)) return false;
  *this = Gazetteer(size_t(types));
  entries_.reserve(size_t(n));
  uint64_t prev = 0;
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    Entry e;
    prev += r.varint();
    e.key = prev;
    for (size_t t = 0; t < types_; ++t)
      e.docs.push_back(uint16_t(std::min<uint64_t>(r.varint(), UINT16_MAX)));
    entries_.push_back(std::move(e));
  }
  if (!r.ok()) return false;
  in = r.rest();
  finish();
  return true;
}

}  // namespace crosscheck::entities
