#!/usr/bin/env bash
# Scale benchmark of `crosscheck ingest`: the shared dedup corpus (20,000 documents) grown to N
# documents and ingested end to end (read, clean, dedup, cluster, SQLite) into a fresh store.
# Reports wall time, peak RSS and store size.
#
# How the corpus grows: copy k (k = 0, 1, ...) of document d gets the id "<d>-c<k>" and, for k > 0,
# three of its words replaced by copy-specific tokens ("zq<k>x<j>"), at positions drawn from a
# generator seeded with (k, d). Copies are therefore near duplicates of their base (5-gram Jaccard
# ~0.9 for a 200-word text), never exact ones, which is the hard case for dedup: every copy goes
# through LSH and verification. Order: copy-major (all documents of copy 0, then copy 1, ...), like
# a wire story republished over the following days. The generator is deterministic.
#
# Usage: bench/scale_ingest.sh [N=100000] [build-dir=build] [shared-dir=../shared]
# Set KEEP=1 to keep the temp dir (input and store) for inspection, REINGEST=0 to skip the
# second (no-op) ingest that measures the reload cost, INGEST_OPTIONS to pass options to the
# first ingest (e.g. INGEST_OPTIONS=--sort: read everything, spill sorted runs, merge).
set -euo pipefail
n=${1:-100000}
build=${2:-build}
shared=${3:-../shared}
corpus="$shared/data/dedup/docs.jsonl.gz"
[ -f "$corpus" ] || { echo "scale_ingest: $corpus not found" >&2; exit 2; }
[ -x "$build/crosscheck" ] || { echo "scale_ingest: $build/crosscheck not built" >&2; exit 2; }
tmp=$(mktemp -d)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$tmp"' EXIT

gen_start=$(date +%s.%N)
mkdir -p "$tmp/in"
/usr/bin/python3 - "$corpus" "$n" "$tmp/in" <<'PY'
import gzip, json, random, sys
corpus, n, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
bases = []
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        # Tokens of the JSON-escaped text: replacing a whole token by a plain word keeps the JSON
        # valid, so copies need no re-escaping.
        bases.append((d["id"], json.dumps(d["text"], ensure_ascii=False)[1:-1].split(" ")))
# Shards of 100,000 documents (125 MB): under the default --max-file-bytes, read in name order.
out = None
written = 0
k = 0
if True:
    while written < n:
        for doc_id, tokens in bases:
            if written >= n:
                break
            if written % 100000 == 0:
                if out:
                    out.close()
                out = open("%s/docs-%03d.jsonl" % (out_dir, written // 100000), "w", encoding="utf-8")
            if k:
                tokens = list(tokens)
                rng = random.Random(k * 1000003 + written % len(bases))
                for j in range(3):
                    tokens[rng.randrange(len(tokens))] = "zq%dx%d" % (k, j)
            out.write('{"id":"%s-c%d","text":"%s"}\n' % (doc_id, k, " ".join(tokens)))
            written += 1
        k += 1
out.close()
PY
gen_end=$(date +%s.%N)
input_bytes=$(du -cb "$tmp"/in/*.jsonl | tail -1 | cut -f1)
printf 'scale_ingest: generated %d documents, %.1f MB of JSONL in %.1f s\n' "$n" \
  "$(echo "$input_bytes/1000000" | bc -l)" "$(echo "$gen_end - $gen_start" | bc -l)"

# shellcheck disable=SC2086  # INGEST_OPTIONS is a list of words
/usr/bin/time -v "$build/crosscheck" ingest --quiet ${INGEST_OPTIONS:-} --db "$tmp/store.db" \
  "$tmp/in" 2> "$tmp/time.txt" || { cat "$tmp/time.txt" >&2; exit 1; }
wall=$(grep 'Elapsed (wall clock)' "$tmp/time.txt" | awk '{print $NF}')
rss_kb=$(grep 'Maximum resident set size' "$tmp/time.txt" | awk '{print $NF}')
user=$(grep 'User time' "$tmp/time.txt" | awk '{print $NF}')
sys=$(grep 'System time' "$tmp/time.txt" | awk '{print $NF}')
store_bytes=$(du -cb "$tmp"/store.db* | tail -1 | cut -f1)
grep '^ingest:' "$tmp/time.txt" || true
printf 'scale_ingest: N=%d wall %s (user %s s, sys %s s), peak RSS %.0f MB, store %.1f MB (%.0f bytes/article), %d cores\n' \
  "$n" "$wall" "$user" "$sys" "$(echo "$rss_kb/1024" | bc -l)" \
  "$(echo "$store_bytes/1000000" | bc -l)" "$(echo "$store_bytes/$n" | bc -l)" "$(nproc)"

# Reload cost: a second ingest of the same input is all no-ops, so its time is the state rebuild
# (every signature into a fresh dedup index, the cluster replay window) plus reading and cleaning
# the input again.
[ "${REINGEST:-1}" = 1 ] || exit 0
/usr/bin/time -v "$build/crosscheck" ingest --db "$tmp/store.db" "$tmp/in" \
  2> "$tmp/time2.txt" || { cat "$tmp/time2.txt" >&2; exit 1; }
grep '^ingest:' "$tmp/time2.txt" || true
printf 'scale_ingest: re-ingest (no-op) wall %s, peak RSS %.0f MB\n' \
  "$(grep 'Elapsed (wall clock)' "$tmp/time2.txt" | awk '{print $NF}')" \
  "$(echo "$(grep 'Maximum resident set size' "$tmp/time2.txt" | awk '{print $NF}')/1024" | bc -l)"
