// compute_signature, similarity and option checks: the per-document half of dedup, the part
// that runs in parallel.
#include <algorithm>
#include <string>

#include "crosscheck/dedup.h"
#include "src/dedup/minhash.h"
#include "src/dedup/shingles.h"

namespace crosscheck::dedup {

Status validate(const Options& o) {
  auto bad = [](const char* field, auto value, const char* why) {
    return Status::error(std::string("dedup option ") + field + " = " + std::to_string(value) +
                         ": " + why);
  };
  if (o.shingle_words < 1 || o.shingle_words > 64)
    return bad("shingle_words", o.shingle_words, "must be in [1, 64]");
  if (o.num_hashes < 1 || o.num_hashes > 4096)
    return bad("num_hashes", o.num_hashes, "must be in [1, 4096]");
  if (o.bands < 1) return bad("bands", o.bands, "must be >= 1");
  if (o.rows < 1) return bad("rows", o.rows, "must be >= 1");
  if (static_cast<long>(o.bands) * o.rows > o.num_hashes)
    return bad("bands", o.bands, "bands * rows must not exceed num_hashes");
  if (!(o.threshold > 0.0 && o.threshold <= 1.0))
    return bad("threshold", o.threshold, "must be in (0, 1]");
  if (!(o.bridge_threshold >= 0.0 && o.bridge_threshold <= 1.0))
    return bad("bridge_threshold", o.bridge_threshold, "must be in [0, 1]");
  if (o.max_bucket_scan < 1) return bad("max_bucket_scan", o.max_bucket_scan, "must be >= 1");
  return Status::ok();
}

Signature compute_signature(std::string_view text, const Options& options) {
  Signature sig;
  compute_signature(text, options, &sig);
  return sig;
}

void compute_signature(std::string_view text, const Options& options, Signature* out) {
  // Scratch buffers live per thread: signatures are computed in parallel and the two vectors
  // would otherwise be allocated and freed for every document.
  thread_local ShingleSet set;
  shingle_hashes(text, options.shingle_words, options.seed, set);

  Signature& sig = *out;
  sig.exact = set.exact;
  sig.num_words = set.num_words;
  sig.num_shingles = static_cast<uint32_t>(set.hashes.size());
  sig.minhash.clear();
  sig.shingles.clear();
  if (set.hashes.empty()) return;

  sig.minhash.resize(static_cast<size_t>(options.num_hashes));
  if (options.sketch == Sketch::kOnePermutation) {
    one_permutation(set.hashes, options.seed, sig.minhash);
  } else {
    multiply_shift(set.hashes, options.seed, sig.minhash);
  }
  if (options.verify == Verify::kExact) {
    sig.shingles.assign(set.hashes.begin(), set.hashes.end());
    std::sort(sig.shingles.begin(), sig.shingles.end());
    sig.shingles.erase(std::unique(sig.shingles.begin(), sig.shingles.end()), sig.shingles.end());
    sig.num_shingles = static_cast<uint32_t>(sig.shingles.size());
  }
}

double similarity(const Signature& a, const Signature& b, bool exact) {
  if (exact && !a.shingles.empty() && !b.shingles.empty()) {
    return exact_jaccard(a.shingles, b.shingles);
  }
  if (a.minhash.empty() || b.minhash.empty()) return 0.0;
  return estimate_jaccard(a.minhash, b.minhash);
}

}  // namespace crosscheck::dedup
