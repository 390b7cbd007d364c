#!/usr/bin/env bash
# Load check of `crosscheck serve` with wrk (Debian) over loopback, on a store of real news:
# ../shared/data/corpus/news-20k.jsonl.gz (20,000 articles) ingested into a fresh store. For each
# route: requests/s and latency percentiles (p50, p99) at a fixed concurrency, bounded duration.
#
# The story routes are measured warm (the story's analysis made once, then served from the
# server's cache while the story is unchanged); the cold time of that first analysis is printed
# separately. wrk runs on the same 2-core machine as the server, so client and server share it.
#
# Usage: bench/serve_load.sh [build-dir=build] [shared-dir=../shared] [seconds=10] [connections=16]
# KEEP=1 keeps the temp dir (store and logs); STORE=FILE uses that store instead of ingesting.
set -euo pipefail
build=${1:-build}
shared=${2:-../shared}
seconds=${3:-10}
connections=${4:-16}
corpus="$shared/data/corpus/news-20k.jsonl.gz"
[ -f "$corpus" ] || { echo "serve_load: $corpus not found" >&2; exit 2; }
[ -x "$build/crosscheck" ] || { echo "serve_load: $build/crosscheck not built" >&2; exit 2; }
command -v wrk >/dev/null || { echo "serve_load: wrk not installed (scripts/setup.sh)" >&2; exit 2; }
tmp=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$tmp"
}
trap cleanup EXIT

start=$(date +%s.%N)
if [ -n "${STORE:-}" ]; then
  cp "$STORE" "$tmp/news.db"
else
  "$build/crosscheck" ingest --db "$tmp/news.db" "$corpus" --quiet 2> "$tmp/ingest.log" || {
    echo "serve_load: ingest failed" >&2; cat "$tmp/ingest.log" >&2; exit 1; }
fi
ingest_s=$(echo "$(date +%s.%N) - $start" | bc)
articles=$(sqlite3 "$tmp/news.db" "SELECT count(*) FROM articles WHERE current = 1")
stories=$(sqlite3 "$tmp/news.db" "SELECT count(DISTINCT story) FROM articles WHERE current = 1")

"$build/crosscheck" serve --db "$tmp/news.db" --port 0 2> "$tmp/serve.log" &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/serve.log" | head -1 | sed 's/.*://') || true
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "serve_load: server did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }
base="http://127.0.0.1:$port"

# The largest story, and one of median size; an article id; a word for text search.
big=$(sqlite3 "$tmp/news.db" "SELECT story FROM articles WHERE current = 1 GROUP BY story ORDER BY count(*) DESC, story LIMIT 1")
big_n=$(sqlite3 "$tmp/news.db" "SELECT count(*) FROM articles WHERE current = 1 AND story = $big")
mid=$(sqlite3 "$tmp/news.db" "SELECT story FROM (SELECT story, count(*) n FROM articles WHERE current = 1 GROUP BY story HAVING n >= 3 ORDER BY n, story) LIMIT 1 OFFSET (SELECT count(*) / 2 FROM (SELECT story FROM articles WHERE current = 1 GROUP BY story HAVING count(*) >= 3))")
mid_n=$(sqlite3 "$tmp/news.db" "SELECT count(*) FROM articles WHERE current = 1 AND story = $mid")
article=$(sqlite3 "$tmp/news.db" "SELECT id FROM articles WHERE current = 1 ORDER BY seq LIMIT 1 OFFSET 5000")

cold() { curl -s -o /dev/null -w '%{time_total}' "$1"; }
cold_big=$(cold "$base/api/stories/$big")
cold_mid=$(cold "$base/api/stories/$mid")

echo "store: $articles articles, $stories stories (ingest ${ingest_s%.*} s); wrk: 2 threads, $connections connections, ${seconds} s per route"
echo "first (cold) analysis: story of $big_n articles ${cold_big} s; story of $mid_n articles ${cold_mid} s"
echo
echo "| route | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
measure() {  # label url [connections]
  local out
  out=$(wrk -t2 -c"${3:-$connections}" -d"${seconds}s" --timeout 10s --latency "$2" 2>&1)
  local rps p50 p99 errs
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errs=$(echo "$out" | awk '/Non-2xx or 3xx responses/ {print $5} /Socket errors/ {print $0}' | tr '\n' ' ')
  echo "| $1 | $rps | $p50 | $p99 | ${errs:-0} |"
}
measure "GET /api/stories (page 1 of $stories)" "$base/api/stories"
measure "GET /api/stories?page=20" "$base/api/stories?page=20"
measure "GET /api/stories/{id} ($big_n articles, cached)" "$base/api/stories/$big"
measure "GET /stories/{id} (story page, $big_n articles)" "$base/stories/$big"
measure "GET /stories/{id} (story page, $mid_n articles)" "$base/stories/$mid"
measure "GET /api/articles/{id}" "$base/api/articles/$article"
measure "GET / (stories page)" "$base/"
measure "GET /api/search?q=senate (scan of $articles; 2 connections)" "$base/api/search?q=senate" 2
measure "GET /api/stories?entity=Pelosi (scan of $articles; 2 connections)" "$base/api/stories?entity=Pelosi" 2
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
echo
echo "server peak RSS: $((rss_kb / 1024)) MB"
