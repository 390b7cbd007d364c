#!/usr/bin/env bash
# Text-reuse benchmark end to end: derive copies of the BASIL articles with known edits
# (generate.py), run `crosscheck analyze --one-story` on every event and score the reuse findings
# (score.py). Usage (from the repository root): bench/reuse/run.sh [build-dir] [shared-dir]
# Environment: OUT=dir keeps the generated data and results.json there (default: a temp dir,
# removed afterwards); SEED and PER_EVENT are passed to the generator (defaults 7 and 2).
set -euo pipefail
build=${1:-build}
shared=${2:-../shared}
here=$(dirname "$0")
py=/usr/bin/python3
basil="$shared/data/stories/basil.jsonl"
[ -f "$basil" ] || { echo "reuse: $basil not found" >&2; exit 2; }
[ -x "$build/crosscheck" ] || { echo "reuse: $build/crosscheck not found" >&2; exit 2; }
if [ -n "${OUT:-}" ]; then
  out=$OUT
  mkdir -p "$out"
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
start=$(date +%s.%N)
"$py" "$here/generate.py" --basil "$basil" --out "$out" --seed "${SEED:-7}" \
  --per-event "${PER_EVENT:-2}"
generated=$(date +%s.%N)
status=0
"$py" "$here/score.py" --crosscheck "$build/crosscheck" --data "$out" \
  --json-out "$out/results.json" || status=$?
end=$(date +%s.%N)
printf 'wall time: %.1f s (generate %.1f s, analyse and score %.1f s)\n' \
  "$(echo "$end - $start" | bc -l)" "$(echo "$generated - $start" | bc -l)" \
  "$(echo "$end - $generated" | bc -l)"
[ -n "${OUT:-}" ] && echo "data and results.json in $out"
exit "$status"
