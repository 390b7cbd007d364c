#!/usr/bin/python3
"""Score crosscheck's text-reuse findings against the generated benchmark (see generate.py).

Usage (Debian's /usr/bin/python3, standard library only):
  bench/reuse/score.py --crosscheck BIN --data DIR [--json-out results.json]

Runs `BIN analyze --one-story --quiet --json - FILE` on every DIR/stories/*.jsonl and compares
the reuse findings of all stories in the output with DIR/gold.jsonl:
  pairs      predicted unordered {source, derived} pairs vs gold pairs: P, R, F1; every other pair
             of an event's articles is a negative (false pairs are broken down by what they join:
             two originals, two copies of one source, ...);
  direction  share of detected gold pairs whose predicted source is the gold source;
  kind       share of detected gold pairs whose kind is the gold style (verbatim / rewrite);
  changes    predicted changes on detected gold pairs, turned to the gold direction, vs gold edits:
             P, R (over all gold edits), F1, recall per kind. A change matches an unmatched edit of
             a compatible kind in the same derived article when the derived spans overlap, or else
             when its derived value equals or contains the gold one (case-insensitive, digit
             separators ignored: "1600" matches "1,600").
Exit status: 0 ok; 1 the binary failed (non-zero exit or unreadable JSON) on some file; 2 usage.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import time

# Gold edit kind -> predicted change kinds that count as finding it.
COMPATIBLE = {
    "weekday": {"weekday", "date"},
    "count": {"count", "ordinal", "money", "percent", "duration"},
    "money": {"money"},
    "negation": {"negation"},
    "name": {"name"},
}
EDIT_KINDS = list(COMPATIBLE)


def ratio(num, den):
    return num / den if den else None


def f1(p, r):
    return 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else None


def run_analysis(binary, path):
    """(analysis dict or None, error message or None) for one story file."""
    cmd = [binary, "analyze", "--one-story", "--quiet", "--json", "-", path]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        return None, str(e)
    analysis, error = None, None
    try:
        analysis = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        error = f"unreadable JSON ({e})"
    if proc.returncode != 0:
        first = proc.stderr.strip().splitlines()[:1] or [""]
        error = f"exit status {proc.returncode}: {first[0]}"
    return analysis, error


def predicted_pairs(analysis):
    """Unordered pair -> the reuse finding for it (the higher-coverage one when both directions are
    reported), gathered over every story; and how many pairs were reported both ways."""
    pairs, both_ways = {}, 0
    for story in analysis.get("stories", []):
        for r in story.get("reuse", []):
            key = frozenset((r["source"], r["derived"]))
            if len(key) != 2:
                continue
            old = pairs.get(key)
            if old is not None:
                if (old["source"], old["derived"]) != (r["source"], r["derived"]):
                    both_ways += 1
                if r.get("coverage", 0) <= old.get("coverage", 0):
                    continue
            pairs[key] = r
    return pairs, both_ways


def oriented_changes(finding, gold_source):
    """The finding's changes with source and derived sides in the gold direction."""
    changes = finding.get("changes", [])
    if finding["source"] == gold_source:
        return [dict(c) for c in changes]
    return [dict(c, source_value=c.get("derived_value"), derived_value=c.get("source_value"),
                 source_span=c.get("derived_span"), derived_span=c.get("source_span"))
            for c in changes]


def normalise_value(value):
    value = re.sub(r"\s+", " ", (value or "").strip().lower())
    return re.sub(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3})", "", value)


def value_matches(predicted, gold):
    p, g = normalise_value(predicted), normalise_value(gold)
    return bool(g) and g in p


def spans_overlap(span, start, end):
    if not span:
        return False
    a, b = span.get("start", -1), span.get("end", -1)
    return max(a, start) < min(b, end)


def match_changes(changes, edits):
    """Greedy one-to-one matching, span overlaps first, then values: list of (change i, edit j)."""
    matched, used_changes, used_edits = [], set(), set()
    tests = (
        lambda c, e: spans_overlap(c.get("derived_span"), e["derived_start"], e["derived_end"]),
        lambda c, e: value_matches(c.get("derived_value"), e["derived_value"]))
    for test in tests:
        for i, c in enumerate(changes):
            if i in used_changes:
                continue
            for j, e in enumerate(edits):
                if j not in used_edits and c.get("kind") in COMPATIBLE[e["kind"]] and test(c, e):
                    matched.append((i, j))
                    used_changes.add(i)
                    used_edits.add(j)
                    break
    return matched


class Tally:
    """Counts accumulated over events."""

    def __init__(self):
        self.gold_pairs = self.predicted_pairs = self.true_pairs = 0
        self.false_pairs = {"original-original": 0, "copy-own-source-sibling": 0,
                            "copy-copy": 0, "copy-other-original": 0}
        self.both_ways = 0
        self.direction_correct = self.kind_correct = 0
        self.confident_pairs = self.confident_correct = 0  # direction_confidence >= 0.6
        self.kind_confusion = {}  # "gold style -> predicted kind" -> n
        self.style_gold = {"verbatim": 0, "rewrite": 0}
        self.style_found = {"verbatim": 0, "rewrite": 0}
        self.gold_edits = self.found_edits = 0
        self.gold_edits_on_found_pairs = 0
        self.predicted_changes = self.matched_changes = 0
        self.kind_gold = {k: 0 for k in EDIT_KINDS}
        self.kind_found = {k: 0 for k in EDIT_KINDS}
        self.predicted_change_kinds = {}  # kind -> [predicted, matched]
        self.changes_on_unedited_copies = 0
        self.changes_on_false_pairs = 0
        self.problems = 0
        self.cleaned_text_differs = 0

    def add_event(self, gold, articles, analysis):
        ids = set(gold["articles"])
        derived_from = {d["derived"]: d["source"] for d in gold["derived"]}
        pairs, both_ways = predicted_pairs(analysis)
        pairs = {k: v for k, v in pairs.items() if k <= ids}
        self.both_ways += both_ways
        self.problems += len(analysis.get("problems", []))
        for a in analysis.get("articles", []):
            if a.get("id") in articles and a.get("text") != articles[a["id"]]["text"]:
                self.cleaned_text_differs += 1

        gold_keys = set()
        for d in gold["derived"]:
            key = frozenset((d["source"], d["derived"]))
            gold_keys.add(key)
            self.gold_pairs += 1
            self.style_gold[d["style"]] += 1
            self.gold_edits += len(d["edits"])
            for e in d["edits"]:
                self.kind_gold[e["kind"]] += 1
            finding = pairs.get(key)
            if finding is None:
                continue
            self.true_pairs += 1
            self.style_found[d["style"]] += 1
            self.direction_correct += finding["source"] == d["source"]
            if finding.get("direction_confidence", 0.5) >= 0.6:
                self.confident_pairs += 1
                self.confident_correct += finding["source"] == d["source"]
            predicted_kind = finding.get("kind")
            self.kind_correct += predicted_kind == d["style"]
            label = f"{d['style']} -> {predicted_kind}"
            self.kind_confusion[label] = self.kind_confusion.get(label, 0) + 1
            self.add_changes(oriented_changes(finding, d["source"]), d["edits"])

        self.predicted_pairs += len(pairs)
        for key, finding in pairs.items():
            if key in gold_keys:
                continue
            self.changes_on_false_pairs += len(finding.get("changes", []))
            a, b = sorted(key)
            if a not in derived_from and b not in derived_from:
                self.false_pairs["original-original"] += 1
            elif a in derived_from and b in derived_from:
                sibling = derived_from[a] == derived_from[b]
                self.false_pairs["copy-own-source-sibling" if sibling else "copy-copy"] += 1
            else:
                self.false_pairs["copy-other-original"] += 1

    def add_changes(self, changes, edits):
        self.gold_edits_on_found_pairs += len(edits)
        self.predicted_changes += len(changes)
        if not edits:
            self.changes_on_unedited_copies += len(changes)
        matched = match_changes(changes, edits)
        self.matched_changes += len(matched)
        self.found_edits += len(matched)
        matched_changes = {i for i, _ in matched}
        for _, j in matched:
            self.kind_found[edits[j]["kind"]] += 1
        for i, c in enumerate(changes):
            counts = self.predicted_change_kinds.setdefault(c.get("kind"), [0, 0])
            counts[0] += 1
            counts[1] += i in matched_changes

    def results(self):
        pair_p = ratio(self.true_pairs, self.predicted_pairs)
        pair_r = ratio(self.true_pairs, self.gold_pairs)
        change_p = ratio(self.matched_changes, self.predicted_changes)
        change_r = ratio(self.found_edits, self.gold_edits)
        return {
            "pairs": {"gold": self.gold_pairs, "predicted": self.predicted_pairs,
                      "true": self.true_pairs, "precision": pair_p, "recall": pair_r,
                      "f1": f1(pair_p, pair_r), "false_pairs": dict(self.false_pairs),
                      "reported_both_ways": self.both_ways,
                      "recall_by_style": {s: ratio(self.style_found[s], self.style_gold[s])
                                          for s in self.style_gold},
                      "gold_by_style": dict(self.style_gold)},
            "direction": {"correct": self.direction_correct,
                          "accuracy": ratio(self.direction_correct, self.true_pairs),
                          "confident_pairs": self.confident_pairs,
                          "confident_accuracy": ratio(self.confident_correct, self.confident_pairs)},
            "kind": {"correct": self.kind_correct,
                     "accuracy": ratio(self.kind_correct, self.true_pairs),
                     "confusion": dict(sorted(self.kind_confusion.items()))},
            "changes": {"gold": self.gold_edits, "gold_on_detected_pairs":
                        self.gold_edits_on_found_pairs, "predicted": self.predicted_changes,
                        "matched": self.matched_changes, "precision": change_p,
                        "recall": change_r, "f1": f1(change_p, change_r),
                        "recall_on_detected_pairs": ratio(self.found_edits,
                                                          self.gold_edits_on_found_pairs),
                        "recall_by_kind": {k: ratio(self.kind_found[k], self.kind_gold[k])
                                           for k in EDIT_KINDS},
                        "gold_by_kind": dict(self.kind_gold),
                        "predicted_by_kind": {
                            str(k): {"predicted": v[0], "matched": v[1]}
                            for k, v in sorted(self.predicted_change_kinds.items(),
                                               key=lambda kv: str(kv[0]))},
                        "on_unedited_copies": self.changes_on_unedited_copies,
                        "on_false_pairs": self.changes_on_false_pairs},
            "problems": self.problems,
            "cleaned_text_differs": self.cleaned_text_differs,
        }


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(binary, data_dir):
    """(results dict, failed files)."""
    golds = {g["event"]: g for g in read_jsonl(os.path.join(data_dir, "gold.jsonl"))}
    tally, failed = Tally(), []
    files = sorted(glob.glob(os.path.join(data_dir, "stories", "*.jsonl")))
    start = time.monotonic()
    for path in files:
        event = os.path.basename(path)[:-len(".jsonl")]
        gold = golds.get(event)
        if gold is None:
            failed.append((path, "no gold record for this event"))
            continue
        analysis, error = run_analysis(binary, path)
        if error:
            failed.append((path, error))
        articles = {a["id"]: a for a in read_jsonl(path)}
        tally.add_event(gold, articles, analysis or {})  # a failed file: its gold pairs are missed
    results = tally.results()
    results["files"] = len(files)
    results["failed_files"] = [{"file": p, "error": e} for p, e in failed]
    results["analysis_seconds"] = round(time.monotonic() - start, 3)
    return results, failed


def fmt(x):
    return "  n/a" if x is None else f"{x:.3f}"


def print_table(r):
    p, c = r["pairs"], r["changes"]
    fp = p["false_pairs"]
    print(f"{r['files']} stories, {p['gold']} derived copies, {c['gold']} edits; "
          f"analysis {r['analysis_seconds']:.1f} s")
    print(f"{'':22}{'P':>7}{'R':>7}{'F1':>7}   counts")
    print(f"{'derived pairs':22}{fmt(p['precision']):>7}{fmt(p['recall']):>7}{fmt(p['f1']):>7}"
          f"   {p['true']} true of {p['predicted']} predicted, {p['gold']} gold")
    print(f"{'  false pairs':22}{'':21}   {fp['original-original']} original-original, "
          f"{fp['copy-own-source-sibling']} sibling copies, {fp['copy-copy']} other copy-copy, "
          f"{fp['copy-other-original']} copy-other original")
    print(f"{'  recall by style':22}{'':21}   " + ", ".join(
        f"{s} {fmt(v).strip()} (of {p['gold_by_style'][s]})"
        for s, v in p["recall_by_style"].items()))
    print(f"{'direction accuracy':22}{fmt(r['direction']['accuracy']):>7}{'':14}   "
          f"{r['direction']['correct']} of {p['true']} detected")
    print(f"{'  when confidence>=0.6':22}{fmt(r['direction']['confident_accuracy']):>7}{'':14}   "
          f"{r['direction']['confident_pairs']} of {p['true']} detected pairs are that confident")
    print(f"{'kind accuracy':22}{fmt(r['kind']['accuracy']):>7}{'':14}   " + ", ".join(
        f"{k}: {v}" for k, v in r["kind"]["confusion"].items()))
    print(f"{'changes':22}{fmt(c['precision']):>7}{fmt(c['recall']):>7}{fmt(c['f1']):>7}"
          f"   {c['matched']} matched of {c['predicted']} predicted, {c['gold']} gold "
          f"(recall on detected pairs {fmt(c['recall_on_detected_pairs']).strip()})")
    for k in EDIT_KINDS:
        print(f"{'  ' + k:22}{'':7}{fmt(c['recall_by_kind'][k]):>7}{'':7}"
              f"   of {c['gold_by_kind'][k]}")
    if c["predicted_by_kind"]:
        print(f"{'  predicted kinds':22}{'':21}   " + ", ".join(
            f"{k} {v['matched']}/{v['predicted']}" for k, v in c["predicted_by_kind"].items()))
    print(f"{'  false change reports':22}{'':21}   {c['on_unedited_copies']} on unedited copies, "
          f"{c['on_false_pairs']} on false pairs")
    if r["problems"] or r["cleaned_text_differs"]:
        print(f"notes: {r['problems']} problems reported; cleaned text differs from the input "
              f"for {r['cleaned_text_differs']} articles (offsets may drift)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--crosscheck", required=True, help="crosscheck binary")
    parser.add_argument("--data", required=True, help="directory written by generate.py")
    parser.add_argument("--json-out", help="write all figures to this JSON file")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.data, "gold.jsonl")):
        print(f"score: {args.data}/gold.jsonl not found", file=sys.stderr)
        return 2
    results, failed = score(args.crosscheck, args.data)
    print_table(results)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2)
            f.write("\n")
    shown = 10
    for path, error in failed[:shown]:
        print(f"score: crosscheck failed on {path}: {error}", file=sys.stderr)
    if len(failed) > shown:
        print(f"score: ... and on {len(failed) - shown} more files ({len(failed)} of "
              f"{results['files']}; all listed in --json-out)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
