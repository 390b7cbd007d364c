#include "src/entities/gazetteer.h"

#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "crosscheck/ascii.h"
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

namespace {

std::string utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Adds `name` and its variants: the parts of "A (B)" and of "A - B", "&" spelled "and".
void add_place(std::string name, std::vector<std::string>& out) {
  size_t comma = name.find(", ");  // "Beulah, North Dakota" -> "Beulah"
  if (comma != std::string::npos) name.resize(comma);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  // Only capitalised names ("world" is a region's display name), not all-caps codes ("NSW").
  if (name.size() < 3 || !ascii::is_upper(static_cast<unsigned char>(name[0]))) return;
  if (std::all_of(name.begin(), name.end(), [](char ch) { return !ascii::is_lower(static_cast<unsigned char>(ch)); }) &&
      name.find('.') == std::string::npos)
    return;
  // Zone cities that are mostly common words or surnames in news text.
  for (const char* junk : {"Center", "North", "South", "West", "Oral", "Virgin", "Wake", "Easter",
                           "Christmas", "Knox", "Regina", "Victoria", "Stanley", "Resolute"}) {
    if (name == junk) return;
  }
  out.push_back(name);
  size_t open = name.find(" (");
  if (open != std::string::npos && name.back() == ')') {
    add_place(name.substr(0, open), out);
    add_place(name.substr(open + 2, name.size() - open - 3), out);
  }
  size_t dash = name.find(" - ");
  if (dash != std::string::npos) add_place(name.substr(0, dash), out);
  size_t amp = name.find(" & ");
  if (amp != std::string::npos)
    add_place(name.substr(0, amp) + " and " + name.substr(amp + 3), out);
  const std::string_view sar = " SAR China";
  if (name.size() > sar.size() && name.ends_with(sar))
    add_place(name.substr(0, name.size() - sar.size()), out);
}

}  // namespace

std::vector<std::string> icu_place_names() {
  std::vector<std::string> out;
  const icu::Locale& english = icu::Locale::getEnglish();
  icu::UnicodeString u;
  for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c)
    add_place(utf8(icu::Locale("", *c).getDisplayCountry(english, u)), out);
  UErrorCode status = U_ZERO_ERROR;
  for (URegionType type : {URGN_WORLD, URGN_CONTINENT, URGN_SUBCONTINENT}) {
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> regions(icu::Region::getAvailable(type, status));
    if (U_FAILURE(status) || !regions) continue;
    while (const char* code = regions->next(nullptr, status)) {
      if (U_FAILURE(status)) break;
      icu::UnicodeString name;
      icu::Locale("", code).getDisplayCountry(english, name);
      std::string s = utf8(name);
      if (s != code) add_place(s, out);
    }
  }
  for (const char* alt : {"U.S.",         "USA",
                          "U.S.A.",       "America",
                          "Britain",      "Great Britain",
                          "UK",           "U.K.",
                          "England",      "Scotland",
                          "Wales",        "Northern Ireland",
                          "Ulster",       "Holland",
                          "Soviet Union", "USSR",
                          "Yugoslavia",   "Czechoslovakia",
                          "Zaire",        "Ivory Coast",
                          "Burma",        "Czech Republic",
                          "Bosnia",       "Herzegovina",
                          "Congo",        "North Korea",
                          "South Korea",  "Taiwan",
                          "Vatican",      "Middle East",
                          "Gulf",         "Persian Gulf",
                          "Balkans",      "Scandinavia",
                          "Caucasus",     "Siberia",
                          "Kashmir",      "Chechnya",
                          "Kurdistan",    "Tibet",
                          "Gaza",         "West Bank"})
    out.emplace_back(alt);  // as written (add_place would drop the all-caps ones)
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createEnumeration(status));
  std::unique_ptr<icu::TimeZoneNames> tznames(
      U_SUCCESS(status) ? icu::TimeZoneNames::createInstance(english, status) : nullptr);
  if (U_SUCCESS(status) && zones && tznames) {
    while (const char* id = zones->next(nullptr, status)) {
      if (U_FAILURE(status)) break;
      std::string_view zone(id);
      size_t slash = zone.rfind('/');
      if (slash == std::string_view::npos) continue;  // "GMT", "EST5EDT", ...
      std::string_view area = zone.substr(0, zone.find('/'));
      if (area == "Etc" || area == "SystemV" || area == "US" || area == "Canada" ||
          area == "Mexico" || area == "Brazil" || area == "Chile" || area == "Antarctica" ||
          zone.starts_with("America/North_Dakota/"))
        continue;  // aliases named after states or countries, research stations, villages
      std::string city(zone.substr(slash + 1));
      std::replace(city.begin(), city.end(), '_', ' ');
      if (city.size() < 3 || std::any_of(city.begin(), city.end(), [](char ch) {
            return ch == '+' || ascii::is_digit(static_cast<unsigned char>(ch));
          }))
        continue;
      add_place(city, out);
      icu::UnicodeString exemplar;
      tznames->getExemplarLocationName(icu::UnicodeString::fromUTF8(zone), exemplar);
      if (!exemplar.isBogus() && exemplar.length() > 0) add_place(utf8(exemplar), out);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Gazetteer place_gazetteer(const std::vector<std::string>& names, size_t types, size_t type) {
  Gazetteer g(types);
  std::vector<Lexeme> lex;
  for (const std::string& name : names) {
    lex.clear();
    std::string_view rest(name);
    while (!rest.empty()) {
      size_t space = rest.find(' ');
      std::string_view token = rest.substr(0, space);
      if (!token.empty()) lex.push_back(analyze_token(token));
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
    g.add(lex.data(), lex.size(), type, 0);
  }
  g.finish(1, /*keep_documents=*/false);
  return g;
}

}  // namespace crosscheck::entities
