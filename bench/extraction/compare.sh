#!/usr/bin/env bash
# Extraction benchmarks side by side: crosscheck vs readability-lxml vs readability.js
# on scrapinghub (181 pages), trafilatura eval (990) and WCXB dev articles (793).
#
#   bench/extraction/compare.sh [options] [CROSSCHECK_BIN]
#
#   CROSSCHECK_BIN   e.g. build/crosscheck; runs `BIN extract --format html --quiet -j 1 FILES...`
#                    (whole process timed: includes start-up, gunzip and decoding). Omit it, or
#                    pass --no-crosscheck, to run only the baselines.
#   --no-js          skip readability.js (1,964 pages at 3-5 pages/s: ~8 min idle, far more under load)
#   --no-lxml        skip readability-lxml
#   --no-crosscheck  skip crosscheck
#   --sets "A B"     subset of: scrapinghub trafilatura wcxb (default all three)
#   --runs N         timed repetitions per system and set, best one reported (default 1)
#   --cpu K          pin every system to core K with taskset (default: not pinned)
#   --shared DIR     shared/ folder (default ../shared, i.e. run from the repo root)
#   --out DIR        where predictions, scores, per-page TSVs and timings go (default out/extraction)
#
# Prints a markdown table (set x system: F1, P, R, extras, pages/s) and also writes it to
# OUT/table.md. Per-page scores, worst pages first: OUT/<system>.<set>.pages.tsv.
# Needs: Debian /usr/bin/python3 with python3-lxml + python3-readability; node + `npm install`
# in bench/extraction/ for readability.js.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
py=/usr/bin/python3
sets="scrapinghub trafilatura wcxb"
runs=1
cpu=""
shared=""
out="out/extraction"
do_js=1 do_lxml=1 do_cc=1
bin=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-js) do_js=0 ;;
    --no-lxml) do_lxml=0 ;;
    --no-crosscheck) do_cc=0 ;;
    --sets) sets=$2; shift ;;
    --runs) runs=$2; shift ;;
    --cpu) cpu=$2; shift ;;
    --shared) shared=$2; shift ;;
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "compare: unknown option $1" >&2; exit 2 ;;
    *) bin=$1 ;;
  esac
  shift
done
if [ "$do_cc" = 1 ] && [ -z "$bin" ]; then
  echo "compare: no crosscheck binary given: baselines only" >&2
  do_cc=0
fi
if [ "$do_cc" = 1 ] && [ ! -x "$bin" ]; then
  echo "compare: $bin is not an executable" >&2; exit 2
fi
if [ "$do_js" = 1 ] && [ ! -d "$here/node_modules/@mozilla/readability" ]; then
  echo "compare: readability.js not installed: run (cd bench/extraction && npm install), or pass --no-js" >&2
  exit 2
fi
shared_arg=()
[ -n "$shared" ] && shared_arg=(--shared "$shared")
pin=()
[ -n "$cpu" ] && pin=(taskset -c "$cpu")
mkdir -p "$out"
rm -f "$out"/*.score.json "$out"/*.time

score() {  # system set
  "$py" "$here/score.py" "$out/$1.$2.jsonl" "$2" "${shared_arg[@]}" --json \
    --per-page "$out/$1.$2.pages.tsv" > "$out/$1.$2.score.json"
}

for set in $sets; do
  if [ "$do_cc" = 1 ]; then
    echo "== crosscheck $set" >&2
    "${pin[@]}" "$py" "$here/run_crosscheck.py" "$set" --bin "$bin" -o "$out/crosscheck.$set.jsonl" \
      --runs "$runs" "${shared_arg[@]}" 2> "$out/crosscheck.$set.time" || { cat "$out/crosscheck.$set.time" >&2; exit 1; }
    tail -n 1 "$out/crosscheck.$set.time" >&2
    score crosscheck "$set"
  fi
  if [ "$do_lxml" = 1 ]; then
    echo "== readability-lxml $set" >&2
    "${pin[@]}" "$py" "$here/run_readability_lxml.py" "$set" -o "$out/readability-lxml.$set.jsonl" \
      --runs "$runs" "${shared_arg[@]}" 2> "$out/readability-lxml.$set.time" || { cat "$out/readability-lxml.$set.time" >&2; exit 1; }
    tail -n 1 "$out/readability-lxml.$set.time" >&2
    score readability-lxml "$set"
  fi
  if [ "$do_js" = 1 ]; then
    echo "== readability.js $set" >&2
    "${pin[@]}" node "$here/run_readability_js.mjs" "$set" -o "$out/readability-js.$set.jsonl" \
      --runs "$runs" "${shared_arg[@]}" 2> "$out/readability-js.$set.time" || { cat "$out/readability-js.$set.time" >&2; exit 1; }
    tail -n 1 "$out/readability-js.$set.time" >&2
    score readability-js "$set"
  fi
done

{
  echo "Extraction benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  "$py" "$here/report.py" "$out"
} | tee "$out/table.md"
