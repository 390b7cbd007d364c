#!/usr/bin/env bash
# The demo: analyse the bundled fictional story in examples/ and show what crosscheck found.
set -euo pipefail
bin=${1:-build/crosscheck}
cd "$(dirname "$0")/.."
mkdir -p out
echo "== crosscheck analyze examples/"
"$bin" analyze examples/ --quiet
"$bin" analyze examples/ --quiet --json out/examples.json --html out/examples.html
echo
echo "== removed boilerplate, per article (full analysis JSON: out/examples.json)"
"$bin" extract examples/ --quiet | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    aid = a["id"]
    for r in a["removed"]:
        text = r["text"].replace("\n", " ")
        print("  %-26s %-13s %s" % (aid, r["kind"], text[:70]))
    if a["authors"] or a["credits"]:
        print("  %-26s authors=%s credits=%s" % (aid, a["authors"], a["credits"]))
'
echo
echo "== the report: open out/examples.html in a browser (self-contained, no network)"
