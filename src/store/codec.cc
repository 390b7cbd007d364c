#include "src/store/codec.h"

#include <simdjson.h>

#include <cstdint>
#include <cstring>

#include "crosscheck/json_writer.h"

namespace crosscheck::store {
namespace {

constexpr uint32_t kSignatureFormat = 1;

template <class T>
void put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}

template <class T>
bool get(std::string_view& in, T* v) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(v, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

}  // namespace

std::string encode_signature(const dedup::Signature& sig) {
  std::string out;
  out.reserve(28 + 4 * sig.minhash.size() + 8 * sig.shingles.size());
  put<uint32_t>(out, kSignatureFormat);
  put<uint64_t>(out, sig.exact);
  put<uint32_t>(out, sig.num_words);
  put<uint32_t>(out, sig.num_shingles);
  put<uint32_t>(out, static_cast<uint32_t>(sig.minhash.size()));
  out.append(reinterpret_cast<const char*>(sig.minhash.data()), 4 * sig.minhash.size());
  put<uint32_t>(out, static_cast<uint32_t>(sig.shingles.size()));
  out.append(reinterpret_cast<const char*>(sig.shingles.data()), 8 * sig.shingles.size());
  return out;
}

bool decode_signature(std::string_view in, dedup::Signature* sig) {
  uint32_t format = 0, n = 0, m = 0;
  if (!get(in, &format) || format != kSignatureFormat) return false;
  if (!get(in, &sig->exact) || !get(in, &sig->num_words) || !get(in, &sig->num_shingles))
    return false;
  if (!get(in, &n) || in.size() < 4ull * n) return false;
  sig->minhash.resize(n);
  if (n != 0) std::memcpy(sig->minhash.data(), in.data(), 4ull * n);  // data() may be null
  in.remove_prefix(4ull * n);
  if (!get(in, &m) || in.size() != 8ull * m) return false;
  sig->shingles.resize(m);
  if (m != 0) std::memcpy(sig->shingles.data(), in.data(), 8ull * m);
  return true;
}

std::string encode_removed(const std::vector<Removed>& removed) {
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  for (const Removed& r : removed)
    w.begin_object().key("kind").value(r.kind).key("text").value(r.text).end_object();
  w.end_array();
  return out;
}

bool decode_removed(std::string_view json, std::vector<Removed>* removed) {
  removed->clear();
  simdjson::dom::parser parser;
  simdjson::dom::array array;
  if (parser.parse(json.data(), json.size()).get_array().get(array)) return false;
  for (simdjson::dom::element e : array) {
    std::string_view kind, text;
    if (e["kind"].get_string().get(kind) || e["text"].get_string().get(text)) return false;
    removed->push_back({std::string(kind), std::string(text)});
  }
  return true;
}

std::string encode_strings(const std::vector<std::string>& items) {
  std::string out;
  JsonWriter w(out);
  w.string_array(items);
  return out;
}

bool decode_strings(std::string_view json, std::vector<std::string>* items) {
  items->clear();
  simdjson::dom::parser parser;
  simdjson::dom::array array;
  if (parser.parse(json.data(), json.size()).get_array().get(array)) return false;
  for (simdjson::dom::element e : array) {
    std::string_view s;
    if (e.get_string().get(s)) return false;
    items->emplace_back(s);
  }
  return true;
}

}  // namespace crosscheck::store
