#!/usr/bin/python3
"""Score main-content extraction predictions on the three extraction benchmarks.

Usage (from the repository root; Debian's /usr/bin/python3, standard library only):
  bench/extraction/score.py PRED.jsonl SET [--shared DIR] [--json] [--per-page OUT.tsv]
  bench/extraction/score.py --emit-gold SET | bench/extraction/score.py - SET   # sanity check

PRED.jsonl: one {"id": ..., "text": ...} object per line ("-" = stdin); other
fields are ignored. SET: scrapinghub | trafilatura | wcxb.

Page ids and files (details and the decoding rules in pages.py):
  scrapinghub  id = scrapinghub/html/<id>.html.gz name without ".html.gz"
               (= key of ground-truth.json)
  trafilatura  id = evaldata.json "file" without ".html"
               = trafilatura-eval/html/<id>.html.gz name without ".html.gz"
               (41 ids are non-ASCII, compared after NFC normalisation; 22 have spaces)
  wcxb         id = wcxb-dev/html/<id>.html.gz name without ".html.gz"
               (= wcxb-dev/ground-truth/<id>.json name without ".json")
An id given as a path or with a ".html.gz" / ".html" suffix is reduced to the
bare id. A page with no prediction is scored as an empty text; predictions for
unknown ids are ignored (and counted); for a repeated id the last line wins.

Metrics (as each benchmark defines them, see shared/data/README.md):

scrapinghub -- shingle P/R/F1.
  tokens = re.findall(r"\\w+", text) (Unicode, case kept); shingles = every run
  of 4 consecutive tokens; a text of 1-3 tokens gives a single shorter shingle,
  an empty text none. Per page, over shingle counts (multisets):
  tp = sum min(pred, truth), fp = excess in pred, fn = excess in truth;
  precision = tp/(tp+fp), recall = tp/(tp+fn).
  Edge cases, as upstream: a page whose prediction has no shingle (empty or
  missing prediction) has no precision and is LEFT OUT of the precision
  average (its recall is 0 and counts); a page whose truth has no shingle
  would be left out of the recall average (none in this set).
  P and R are averaged over pages; F1 = 2PR/(P+R) of the two averages.
  The "+-" is upstream's 95% interval: 1.96 * stdev over 1000 bootstrap
  resamples of the pages (fixed seed, so runs are reproducible).

trafilatura -- snippet P/R/F1.
  Text and each snippet are whitespace-normalised (re.sub(r"\\s+", " ").strip(),
  Unicode whitespace incl. NBSP); matching is case-sensitive substring search.
  A "with" snippet found = TP, else FN; a "without" snippet found = FP, else TN.
  Summed over the corpus: P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN),
  accuracy = (TP+TN)/all. An empty/missing prediction gives FN + TN only.

wcxb -- word-level F1.
  tokens = re.findall(r"\\w+", text.lower()); per page, multiset overlap
  o = sum min(counts): P = o/|pred|, R = o/|truth|, F1 = 2PR/(P+R) (0 if o = 0).
  Edge cases, as upstream: truth without tokens (main_content "" or null:
  pages 4681 and 4893) -> P = R = F1 = 1 if the prediction has no token either,
  else 0; all 793 pages are averaged (such pages are NOT excluded). An empty
  prediction for a non-empty truth -> 0. Reported F1/P/R are page means.
  Snippets: lower-cased substring search in the raw (not whitespace-
  normalised) text. Upstream's figures are per-page rates averaged over pages
  (a page with no snippet of a kind counts as rate 1.0, i.e. "all found",
  also for "without"); we print those ("with found", "without found", lower
  is better for the latter) and also the pooled share over all snippets.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages  # noqa: E402

_WORD = re.compile(r"\w+")
_WS = re.compile(r"\s+")


# ---------------------------------------------------------------- predictions

def normalize_id(raw):
    pid = unicodedata.normalize("NFC", str(raw))
    pid = pid.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in (".html.gz", ".htm.gz", ".html", ".htm"):
        if pid.endswith(suffix):
            return pid[: -len(suffix)]
    return pid


def read_predictions(path):
    """{id: text}, number of lines, number of repeated ids."""
    preds, lines, repeats = {}, 0, 0
    f = sys.stdin if path == "-" else open(path, encoding="utf-8")
    try:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit("%s:%d: not JSON: %s" % (path, n, e))
            if not isinstance(obj, dict) or "id" not in obj:
                raise SystemExit("%s:%d: no \"id\"" % (path, n))
            lines += 1
            pid = normalize_id(obj["id"])
            if pid in preds:
                repeats += 1
            text = obj.get("text")
            preds[pid] = text if isinstance(text, str) else ""
    finally:
        if f is not sys.stdin:
            f.close()
    return preds, lines, repeats


# ---------------------------------------------------------------- scrapinghub

def shingles(text, n=4):
    tokens = _WORD.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(pred, truth):
    p, t = shingles(pred), shingles(truth)
    tp = sum((p & t).values())
    return tp, sum(p.values()) - tp, sum(t.values()) - tp


def _prf_from_pages(rows):
    precisions = [r["precision"] for r in rows if r["precision"] is not None]
    recalls = [r["recall"] for r in rows if r["recall"] is not None]
    prec = statistics.fmean(precisions) if precisions else 0.0
    rec = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec > 0 else 0.0
    return prec, rec, f1


def score_scrapinghub(truth, preds, bootstrap=1000):
    rows = []
    for pid in sorted(truth):
        pred = preds.get(pid, "")
        tp, fp, fn = shingle_counts(pred, truth[pid]["text"])
        rows.append({
            "id": pid,
            "precision": tp / (tp + fp) if tp + fp > 0 else None,
            "recall": tp / (tp + fn) if tp + fn > 0 else None,
            "tp": tp, "fp": fp, "fn": fn,
            "pred_words": len(_WORD.findall(pred)),
            "truth_words": len(_WORD.findall(truth[pid]["text"])),
        })
    for r in rows:
        p, rc = r["precision"], r["recall"]
        if p is None and rc is None:
            r["f1"] = None
        else:
            p, rc = p or 0.0, rc or 0.0
            r["f1"] = 2 * p * rc / (p + rc) if p + rc > 0 else 0.0
    prec, rec, f1 = _prf_from_pages(rows)
    m = {"f1": f1, "precision": prec, "recall": rec,
         "pages_without_precision": sum(r["precision"] is None for r in rows),
         "exact_pages": sum(r["fp"] == 0 and r["fn"] == 0 for r in rows)}
    if bootstrap:
        rng = random.Random(0)
        samples = {"f1": [], "precision": [], "recall": []}
        for _ in range(bootstrap):
            pick = [rows[rng.randrange(len(rows))] for _ in rows]
            bp, br, bf = _prf_from_pages(pick)
            samples["precision"].append(bp)
            samples["recall"].append(br)
            samples["f1"].append(bf)
        for k, v in samples.items():
            m[k + "_ci95"] = 1.96 * statistics.stdev(v)
    rows.sort(key=lambda r: (r["f1"] if r["f1"] is not None else -1, r["id"]))
    cols = ["id", "f1", "precision", "recall", "tp", "fp", "fn", "pred_words", "truth_words"]
    return m, rows, cols


# ---------------------------------------------------------------- trafilatura

def norm_ws(text):
    return _WS.sub(" ", text).strip()


def score_trafilatura(truth, preds):
    TP = FP = FN = TN = 0
    rows = []
    for pid in sorted(truth):
        text = norm_ws(preds.get(pid, ""))
        missed = [s for s in truth[pid]["with"] if norm_ws(s) not in text]
        leaked = [s for s in truth[pid]["without"] if norm_ws(s) in text]
        tp = len(truth[pid]["with"]) - len(missed)
        fp = len(leaked)
        fn = len(missed)
        tn = len(truth[pid]["without"]) - fp
        TP, FP, FN, TN = TP + tp, FP + fp, FN + fn, TN + tn
        rows.append({"id": pid, "tp": tp, "fn": fn, "fp": fp, "tn": tn, "pred_chars": len(text),
                     "missed_with": " | ".join(missed), "found_without": " | ".join(leaked)})
    m = {
        "f1": 2 * TP / (2 * TP + FP + FN) if TP + FP + FN else 0.0,
        "precision": TP / (TP + FP) if TP + FP else 0.0,
        "recall": TP / (TP + FN) if TP + FN else 0.0,
        "accuracy": (TP + TN) / (TP + FP + FN + TN) if TP + FP + FN + TN else 0.0,
        "tp": TP, "fp": FP, "fn": FN, "tn": TN,
    }
    rows.sort(key=lambda r: (-(r["fn"] + r["fp"]), r["id"]))
    cols = ["id", "fn", "fp", "tp", "tn", "pred_chars", "missed_with", "found_without"]
    return m, rows, cols


# ---------------------------------------------------------------- wcxb

def word_prf(pred, truth):
    p = Counter(_WORD.findall(pred.lower()))
    t = Counter(_WORD.findall(truth.lower()))
    np_, nt = sum(p.values()), sum(t.values())
    if nt == 0:
        return (1.0, 1.0, 1.0) if np_ == 0 else (0.0, 0.0, 0.0)
    if np_ == 0:
        return 0.0, 0.0, 0.0
    o = sum((p & t).values())
    prec, rec = o / np_, o / nt
    return prec, rec, (2 * prec * rec / (prec + rec) if o else 0.0)


def score_wcxb(truth, preds):
    rows = []
    with_found = with_total = without_found = without_total = 0
    for pid in sorted(truth):
        pred = preds.get(pid, "")
        g = truth[pid]
        prec, rec, f1 = word_prf(pred, g["text"])
        low = pred.lower()
        wf = sum(s.lower() in low for s in g["with"])
        wof = sum(s.lower() in low for s in g["without"])
        with_found, with_total = with_found + wf, with_total + len(g["with"])
        without_found, without_total = without_found + wof, without_total + len(g["without"])
        rows.append({
            "id": pid, "f1": f1, "precision": prec, "recall": rec,
            "with_rate": wf / len(g["with"]) if g["with"] else 1.0,
            "without_rate": wof / len(g["without"]) if g["without"] else 1.0,
            "pred_words": len(_WORD.findall(pred)), "truth_words": len(_WORD.findall(g["text"])),
        })
    n = len(rows)
    m = {
        "f1": sum(r["f1"] for r in rows) / n,
        "precision": sum(r["precision"] for r in rows) / n,
        "recall": sum(r["recall"] for r in rows) / n,
        "with_found": sum(r["with_rate"] for r in rows) / n,
        "without_found": sum(r["without_rate"] for r in rows) / n,
        "with_found_pooled": with_found / with_total if with_total else 0.0,
        "without_found_pooled": without_found / without_total if without_total else 0.0,
        "empty_truth_pages": sum(r["truth_words"] == 0 for r in rows),
    }
    rows.sort(key=lambda r: (r["f1"], r["id"]))
    cols = ["id", "f1", "precision", "recall", "with_rate", "without_rate", "pred_words", "truth_words"]
    return m, rows, cols


# ---------------------------------------------------------------- output

def gold_predictions(name, truth):
    """The ground truth as predictions (sanity check). trafilatura has no gold
    text: its "with" snippets joined by blank lines stand in for it."""
    for pid in sorted(truth):
        g = truth[pid]
        text = g["text"] if "text" in g else "\n\n".join(g["with"])
        yield {"id": pid, "text": text}


def _fmt(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return "%.4f" % v
    return str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_per_page(path, rows, cols):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(cols) + "\n")
        for r in rows:
            f.write("\t".join(_fmt(r[c]) for c in cols) + "\n")


def print_human(name, m, info):
    head = "%s: %d pages, %d predictions read (%d matched, %d unknown ids ignored, %d repeated), %d pages without prediction" % (
        name, info["pages"], info["prediction_lines"], info["matched"], info["unknown_ids"],
        info["repeated_ids"], info["missing"])
    print(head)
    if name == "scrapinghub":
        print("  F1 %.4f +- %.4f   precision %.4f +- %.4f   recall %.4f +- %.4f" % (
            m["f1"], m.get("f1_ci95", 0), m["precision"], m.get("precision_ci95", 0),
            m["recall"], m.get("recall_ci95", 0)))
        print("  (4-gram shingles; P, R averaged over pages, F1 of the averages; %d pages with no predicted shingle "
              "left out of P; %d pages exact)" % (m["pages_without_precision"], m["exact_pages"]))
    elif name == "trafilatura":
        print("  F1 %.4f   precision %.4f   recall %.4f   accuracy %.4f   (TP %d FP %d FN %d TN %d)" % (
            m["f1"], m["precision"], m["recall"], m["accuracy"], m["tp"], m["fp"], m["fn"], m["tn"]))
    else:
        print("  F1 %.4f   precision %.4f   recall %.4f   (word bag, page means)" % (
            m["f1"], m["precision"], m["recall"]))
        print("  with found %.1f%%   without found %.1f%% (lower is better)   [per-page means, as upstream]" % (
            100 * m["with_found"], 100 * m["without_found"]))
        print("  with found %.1f%%   without found %.1f%%   [pooled over all snippets]" % (
            100 * m["with_found_pooled"], 100 * m["without_found_pooled"]))


def score(name, preds, shared=None, bootstrap=1000, half=None):
    truth = pages.load_truth(name, shared)
    if half:
        # pages sorted by id, 0-based index parity: a tuning half and a held-out half
        keep = 0 if half == "even" else 1
        truth = {pid: t for i, (pid, t) in enumerate(sorted(truth.items())) if i % 2 == keep}
    if name == "scrapinghub":
        return score_scrapinghub(truth, preds, bootstrap), truth
    if name == "trafilatura":
        return score_trafilatura(truth, preds), truth
    return score_wcxb(truth, preds), truth


def main():
    ap = argparse.ArgumentParser(description="Score extraction predictions (see the module docstring).")
    ap.add_argument("predictions", nargs="?", help='JSONL of {"id","text"}; "-" for stdin')
    ap.add_argument("set", choices=pages.SETS)
    ap.add_argument("--shared", default=None, help="shared/ folder (default ../shared)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    ap.add_argument("--per-page", metavar="OUT.tsv", help="write per-page scores, worst first")
    ap.add_argument("--bootstrap", type=int, default=1000, help="scrapinghub bootstrap resamples (0 = off)")
    ap.add_argument("--emit-gold", action="store_true",
                    help="print the ground truth as predictions JSONL and exit")
    ap.add_argument("--half", choices=("even", "odd"),
                    help="score only the pages at even / odd 0-based index (ids sorted)")
    a = ap.parse_args()
    if a.emit_gold:
        if a.predictions:
            ap.error("--emit-gold takes only the set")
        for obj in gold_predictions(a.set, pages.load_truth(a.set, a.shared)):
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        return
    if not a.predictions:
        ap.error("predictions file required")
    preds, lines, repeats = read_predictions(a.predictions)
    (m, rows, cols), truth = score(a.set, preds, a.shared, a.bootstrap, a.half)
    # Unknown = not a page of the set at all (with --half, pages of the other half are expected).
    known = set(pages.load_truth(a.set, a.shared)) if a.half else truth
    info = {
        "pages": len(truth), "prediction_lines": lines, "repeated_ids": repeats,
        "matched": sum(pid in truth for pid in preds),
        "unknown_ids": sum(pid not in known for pid in preds),
        "missing": sum(pid not in preds for pid in truth),
    }
    if info["unknown_ids"]:
        unknown = sorted(pid for pid in preds if pid not in known)[:5]
        print("score: %d prediction ids are not pages of %s, e.g. %s" % (
            info["unknown_ids"], a.set, ", ".join(map(repr, unknown))), file=sys.stderr)
    if a.per_page:
        write_per_page(a.per_page, rows, cols)
    if a.json:
        print(json.dumps({"set": a.set, **info, "metrics": m}, sort_keys=True))
    else:
        print_human(a.set, m, info)


if __name__ == "__main__":
    main()
