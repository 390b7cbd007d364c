#include "src/entities/model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "src/core/target_clones.h"
#include "src/entities/binary_io.h"
#include "src/entities/gzip_file.h"

namespace crosscheck::entities {
namespace {

uint64_t zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }
int64_t unzigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }

constexpr int kMaxStored = 16383;  // so that a difference of two fits in int16

// Row `row`'s weights in the compact table (rank of the word + popcount of the bits before it),
// or null when the row is absent. Always inlined, so each clone of accumulate() gets its popcnt.
[[gnu::always_inline]] inline const int16_t* find_row(const int16_t* table, const uint64_t* present,
                                                      const uint32_t* rank, size_t width,
                                                      uint32_t row) {
  const uint64_t word = present[row >> 6];
  const uint64_t bit = uint64_t(1) << (row & 63);
  if (!(word & bit)) return nullptr;
  return table + (size_t(rank[row >> 6]) + size_t(__builtin_popcountll(word & (bit - 1)))) * width;
}

// The rows' weights summed per tag, for one token: `rows` index the full table; the compact table
// holds only the rows set in `present` (find_row). Built for x86-64-v3 as well (AVX2 adds, a
// popcnt instruction instead of libgcc's) and picked at load time.
CROSSCHECK_TARGET_CLONES("arch=x86-64-v3", "default")
void accumulate(const int16_t* table, const uint64_t* present, const uint32_t* rank, size_t width,
                const uint32_t* rows, size_t count, int32_t* acc) {
  if (width == 16) {  // four types: a fixed width the compiler vectorises
    int32_t a[16] = {};
    for (size_t r = 0; r < count; ++r) {
      const int16_t* w = find_row(table, present, rank, 16, rows[r]);
      if (!w) continue;
      for (size_t t = 0; t < 16; ++t) a[t] += w[t];
    }
    for (size_t t = 0; t < 16; ++t) acc[t] = a[t];
    return;
  }
  std::fill(acc, acc + width, 0);
  for (size_t r = 0; r < count; ++r) {
    const int16_t* w = find_row(table, present, rank, width, rows[r]);
    if (!w) continue;
    for (size_t t = 0; t < width; ++t) acc[t] += w[t];
  }
}

}  // namespace

PassWeights PassWeights::from_floats(uint32_t bits, size_t tags, const std::vector<float>& weights,
                                     const Transitions& transitions, float prune) {
  PassWeights p;
  p.bits = bits;
  p.width = tags - 1;
  p.transitions = transitions;
  float max_abs = 0;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  p.scale = max_abs > 0 ? max_abs / kMaxStored : 1.0f;
  const size_t rows = size_t(1) << bits;
  std::string body;
  ByteWriter w(body);
  size_t prev = 0, count = 0;
  std::vector<int64_t> q(tags);
  for (size_t r = 0; r < rows; ++r) {
    uint64_t mask = 0;
    for (size_t t = 0; t < tags; ++t) {
      float v = weights[r * tags + t];
      q[t] = std::fabs(v) < prune ? 0 : std::lround(v / p.scale);
      if (q[t] != 0) mask |= uint64_t(1) << t;
    }
    if (!mask) continue;
    w.varint(r - prev);
    prev = r;
    w.varint(mask);
    for (size_t t = 0; t < tags; ++t) {
      if (q[t] != 0) w.varint(zigzag(q[t]));
    }
    ++count;
  }
  ByteWriter head(p.sparse);
  head.varint(count);
  p.sparse += body;
  p.expand(tags);
  return p;
}

bool PassWeights::expand(size_t tags) {
  width = tags - 1;
  if (bits == 0 || bits > 28 || tags < 2 || tags > 64) return false;
  const size_t rows = size_t(1) << bits;
  table.clear();
  present.assign((rows + 63) / 64, 0);
  rank.assign(present.size(), 0);
  ByteReader r(sparse);
  uint64_t count = r.varint();
  size_t row = 0;
  nonzero_rows = nonzero_weights = 0;
  std::vector<int64_t> q(tags);
  for (uint64_t i = 0; i < count && r.ok(); ++i) {
    const uint64_t delta = r.varint();
    if (i > 0 && delta == 0) return false;  // rows strictly increase
    row += size_t(delta);
    uint64_t mask = r.varint();
    if (row >= rows || (tags < 64 && (mask >> tags))) return false;
    for (size_t t = 0; t < tags; ++t) {
      q[t] = 0;
      if (mask & (uint64_t(1) << t)) {
        q[t] = unzigzag(r.varint());
        if (q[t] > kMaxStored || q[t] < -kMaxStored) return false;
        ++nonzero_weights;
      }
    }
    present[row >> 6] |= uint64_t(1) << (row & 63);
    for (size_t t = 1; t < tags; ++t) table.push_back(int16_t(q[t] - q[0]));
    ++nonzero_rows;
  }
  uint32_t before = 0;
  for (size_t w = 0; w < present.size(); ++w) {
    rank[w] = before;
    before += uint32_t(__builtin_popcountll(present[w]));
  }
  return r.ok() && r.rest().empty();
}

void PassWeights::emissions(const uint32_t* rows, const uint32_t* offsets, size_t n,
                            float* out) const {
  const size_t tags = width + 1;
  int32_t acc[64];
  for (size_t k = 0; k < n; ++k) {
    const uint32_t* r = rows + offsets[k];
    const size_t count = offsets[k + 1] - offsets[k];
    accumulate(table.data(), present.data(), rank.data(), width, r, count, acc);
    float* e = out + k * tags;
    e[0] = 0.0f;
    for (size_t t = 0; t < width; ++t) e[t + 1] = scale * float(acc[t]);
  }
}

std::string Model::serialize() const {
  std::string out(kFileHeader);
  ByteWriter w(out);
  w.u32(kFeatureVersion);
  w.str(info);
  w.varint(tags.types());
  for (const std::string& t : tags.type_names()) w.str(t);
  clusters.serialize(out);
  gazetteer.serialize(out);
  news.serialize(out);
  places.serialize(out);
  w.u32(feature_groups);
  casing.serialize(out);
  w.u8(uint8_t(passes.size()));
  for (const PassWeights& p : passes) {
    w.u32(p.bits);
    w.f32(p.scale);
    const Transitions& t = p.transitions;
    for (float v : t.between) w.f32(v);
    for (float v : t.start) w.f32(v);
    for (float v : t.end) w.f32(v);
    w.str(p.sparse);
  }
  return out;
}

Status Model::parse(std::string_view bytes, Model* out) {
  // Format 3 (current), 2 (before the feature groups) or 1 (before the place-name gazetteer);
  // each with its feature version.
  int format = 0;
  if (bytes.substr(0, kFileHeader.size()) == kFileHeader)
    format = 3;
  else if (bytes.substr(0, kFileHeaderV2.size()) == kFileHeaderV2)
    format = 2;
  else if (bytes.substr(0, kFileHeaderV1.size()) == kFileHeaderV1)
    format = 1;
  if (format == 0) {
    return Status::error("not a crosscheck-ner 1, 2 or 3 model (header " +
                         std::string(bytes.substr(0, std::min<size_t>(bytes.size(), 16))) + ")");
  }
  const bool v1 = format == 1;
  bytes.remove_prefix(kFileHeader.size());  // all headers have the same length
  Model m;
  ByteReader r(bytes);
  uint32_t version = r.u32();
  const uint32_t expected = format == 3 ? kFeatureVersion : uint32_t(format);
  if (r.ok() && version != expected) {
    return Status::error("model of format " + std::to_string(format) + " has feature version " +
                         std::to_string(version) + ", this build reads version " +
                         std::to_string(expected) + " there");
  }
  m.info = std::string(r.str());
  uint64_t types = r.varint();
  if (!r.ok() || types == 0 || types > 8) return Status::error("model: bad type list");
  std::vector<std::string> names;
  for (uint64_t i = 0; i < types; ++i) names.emplace_back(r.str());
  m.tags = TagSet(names);
  if (!r.ok() || m.tags.types() != types) return Status::error("model: bad type list");
  std::string_view rest = r.rest();
  if (!m.clusters.deserialize(rest)) return Status::error("model: bad clusters section");
  if (!m.gazetteer.deserialize(rest)) return Status::error("model: bad gazetteer section");
  if (!m.news.deserialize(rest)) return Status::error("model: bad news gazetteer section");
  if (!v1 && !m.places.deserialize(rest)) return Status::error("model: bad place-name section");
  if (format >= 3) {
    ByteReader g(rest);
    m.feature_groups = g.u32();
    if (!g.ok() || m.feature_groups > 3) return Status::error("model: bad feature groups");
    rest = g.rest();
    if (!m.casing.deserialize(rest)) return Status::error("model: bad casing section");
  }
  ByteReader r2(rest);
  uint8_t passes = r2.u8();
  if (!r2.ok() || passes == 0 || passes > 2) return Status::error("model: bad pass count");
  const size_t k = m.tags.size();
  for (uint8_t i = 0; i < passes; ++i) {
    PassWeights p;
    p.bits = r2.u32();
    p.scale = r2.f32();
    p.transitions = Transitions::zero(m.tags);
    for (float& v : p.transitions.between) v = r2.f32();
    for (float& v : p.transitions.start) v = r2.f32();
    for (float& v : p.transitions.end) v = r2.f32();
    p.sparse = std::string(r2.str());
    if (!r2.ok() || !std::isfinite(p.scale) || !p.expand(k))
      return Status::error("model: bad weights of pass " + std::to_string(i + 1));
    (void)k;
    m.passes.push_back(std::move(p));
  }
  if (!r2.rest().empty()) return Status::error("model: trailing bytes");
  *out = std::move(m);
  return Status::ok();
}

Status Model::save(const std::string& path) const { return write_gzip_file(path, serialize()); }

Status Model::load(const std::string& path, Model* out) {
  std::string bytes;
  Status st = read_file_maybe_gzip(path, &bytes);
  if (!st) return Status::error("cannot read model: " + st.message());
  st = parse(bytes, out);
  if (!st) return Status::error(path + ": " + st.message());
  return st;
}

}  // namespace crosscheck::entities
