#!/usr/bin/env bash
# End-to-end throughput of `crosscheck extract` (ingest + HTML/text clean + normalise + boilerplate
# + language id) on real text, whole process, with 1 and 2 worker threads.
# Corpus: ../shared/data/corpus/news-20k.jsonl.gz decompressed once (20,000 real articles,
# 128 MB of JSONL). Usage: bench/throughput.sh [build-dir] [shared-dir]
set -euo pipefail
build=${1:-build}
shared=${2:-../shared}
corpus_gz="$shared/data/corpus/news-20k.jsonl.gz"
[ -f "$corpus_gz" ] || { echo "throughput: $corpus_gz not found" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gzip -dc "$corpus_gz" > "$tmp/news.jsonl"
bytes=$(stat -c %s "$tmp/news.jsonl")
"$build/crosscheck" extract --quiet "$tmp/news.jsonl" > /dev/null  # warm the page cache
for threads in 1 2; do
  best=""
  for run in 1 2 3; do
    start=$(date +%s.%N)
    "$build/crosscheck" extract --quiet -j "$threads" "$tmp/news.jsonl" > "$tmp/out.jsonl"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  articles=$(wc -l < "$tmp/out.jsonl")
  printf 'extract -j%s: %d articles, %.1f MB in %.2f s (best of 3): %.1f MB/s, %.0f articles/s\n' \
    "$threads" "$articles" "$(echo "$bytes/1000000" | bc -l)" "$best" \
    "$(echo "$bytes/1000000/$best" | bc -l)" "$(echo "$articles/$best" | bc -l)"
done
