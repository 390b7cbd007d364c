#include "src/cluster/terms.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "crosscheck/text.h"
#include "src/core/fnv.h"

namespace crosscheck::cluster {

namespace {
// The slot a hash starts probing from (a Fibonacci multiply spreads FNV's low bits).
size_t home(uint64_t hash, size_t mask) { return (hash * 0x9E3779B97F4A7C15ull >> 32) & mask; }
}  // namespace

uint32_t Terms::intern(std::string_view term) {
  const uint64_t hash = fnv1a(term);
  const size_t mask = slots_.size() - 1;
  size_t i = home(hash, mask);
  for (; slots_[i] != 0; i = (i + 1) & mask) {
    const uint32_t id = slots_[i] - 1;
    if (hashes_[id] == hash && text_of(id) == term) return id;
  }
  const uint32_t id = static_cast<uint32_t>(df_.size());
  slots_[i] = id + 1;
  hashes_.push_back(hash);
  text_.append(term);
  offsets_.push_back(static_cast<uint32_t>(text_.size()));
  df_.push_back(0);
  background_df_.push_back(0);
  if (2 * df_.size() > slots_.size()) grow();
  return id;
}

void Terms::grow() {
  slots_.assign(slots_.size() * 2, 0);
  const size_t mask = slots_.size() - 1;
  for (uint32_t id = 0; id < hashes_.size(); ++id) {
    size_t i = home(hashes_[id], mask);
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = id + 1;
  }
}

void Terms::add_document(const std::vector<uint32_t>& terms) {
  ++documents_;
  for (uint32_t t : terms) ++df_[t];
}

double Terms::idf(uint32_t term) const {
  double n = static_cast<double>(documents_ + background_documents_);
  double df = static_cast<double>(df_[term]) + background_df_[term];
  return std::log((n + 1.0) / (df + 1.0));
}

bool Terms::load_background(const std::string& path, std::string* error) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) {
    if (error) *error = "cannot open document-frequency model " + path;
    return false;
  }
  gzbuffer(f, 1 << 16);
  text::Stemmer stemmer("en");
  std::string line;
  char buf[4096];
  bool header = false;
  uint64_t documents = 0;
  size_t entries = 0;
  while (gzgets(f, buf, sizeof buf) != nullptr) {
    line.assign(buf);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.empty()) continue;
    size_t tab = line.find('\t');
    if (!header) {
      // "#crosscheck-df<TAB>1<TAB><documents>": a version, so a future format fails loudly.
      if (line.rfind("#crosscheck-df\t1\t", 0) != 0) {
        gzclose(f);
        if (error) *error = path + ": not a crosscheck-df version 1 file";
        return false;
      }
      documents = std::strtoull(line.c_str() + 17, nullptr, 10);
      header = true;
      continue;
    }
    if (tab == std::string::npos) continue;
    uint32_t df = static_cast<uint32_t>(std::strtoul(line.c_str() + tab + 1, nullptr, 10));
    std::string_view word(line.data(), tab);
    std::string stem = stemmer.stem(word);
    uint32_t id = intern(stem.empty() ? word : std::string_view(stem));
    background_df_[id] = std::max(background_df_[id], df);
    ++entries;
  }
  gzclose(f);
  if (!header || entries == 0) {
    if (error) *error = path + ": empty or truncated document-frequency model";
    return false;
  }
  background_documents_ = documents;
  return true;
}

}  // namespace crosscheck::cluster
