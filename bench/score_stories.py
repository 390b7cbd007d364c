#!/usr/bin/python3
"""Scores `crosscheck cluster` output against a labelled story set.

    build/crosscheck cluster -q SET.jsonl > predicted.jsonl
    bench/score_stories.py SET.jsonl predicted.jsonl

SET.jsonl has {"id", "event", ...} per line (../shared/data/clustering/ecbplus-train.jsonl,
../shared/data/stories/basil.jsonl); predicted.jsonl has {"id", "cluster"} per line. Prints
BCubed and pairwise precision / recall / F1 over the labelled ids; exits 1 when an id is
missing from the prediction (nothing is scored on a partial answer).
"""
import json
import sys
from collections import Counter


def read(path, key):
    out = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if "id" not in record or key not in record:
                sys.exit(f"{path}:{number}: no \"id\" or \"{key}\"")
            out[record["id"]] = record[key]
    return out


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gold = read(sys.argv[1], "event")
    predicted = read(sys.argv[2], "cluster")
    missing = [i for i in gold if i not in predicted]
    if missing:
        sys.exit(f"{len(missing)} labelled ids not in the prediction, e.g. {missing[0]}")
    ids = list(gold)
    gold_size = Counter(gold[i] for i in ids)
    pred_size = Counter(predicted[i] for i in ids)
    both = Counter((predicted[i], gold[i]) for i in ids)
    p = sum(both[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in ids) / len(ids)
    r = sum(both[(predicted[i], gold[i])] / gold_size[gold[i]] for i in ids) / len(ids)
    pairs = lambda counts: sum(n * (n - 1) // 2 for n in counts.values())
    same = pairs(both)
    pp = same / pairs(pred_size) if pairs(pred_size) else 1.0
    pr = same / pairs(gold_size) if pairs(gold_size) else 1.0
    print(f"BCubed P {p:.3f} R {r:.3f} F1 {f1(p, r):.3f} | pairwise P {pp:.3f} R {pr:.3f} "
          f"F1 {f1(pp, pr):.3f} | {len(pred_size)} stories for {len(gold_size)} events")


if __name__ == "__main__":
    main()
