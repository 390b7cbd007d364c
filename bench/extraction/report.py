#!/usr/bin/python3
"""Markdown table of an extraction benchmark run (used by compare.sh).

  bench/extraction/report.py OUTDIR

Reads OUTDIR/<system>.<set>.score.json (score.py --json) and
OUTDIR/<system>.<set>.time (the runner's stderr; its last line with
`pages=` holds key=value timing fields). Prints one row per set x system
and a speed table over the scrapinghub + trafilatura pages.
"""

import glob
import json
import os
import re
import sys

SETS = ("scrapinghub", "trafilatura", "wcxb")
ORDER = ("crosscheck", "readability-lxml", "readability-js")
TARGET_F1 = {"scrapinghub": 0.96, "trafilatura": 0.92, "wcxb": 0.86}
TARGET_PPS = 500.0


def timing(path):
    if not os.path.exists(path):
        return {}
    found = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if "pages=" in line:
                found = dict(re.findall(r"(\w+)=([0-9.eE+-]+)", line))
    return {k: float(v) for k, v in found.items()}


def fnum(v, fmt="%.3f"):
    return fmt % v if isinstance(v, (int, float)) else "–"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    scores, times = {}, {}
    for p in glob.glob(os.path.join(out, "*.score.json")):
        system, set_name = os.path.basename(p)[: -len(".score.json")].rsplit(".", 1)
        with open(p, encoding="utf-8") as f:
            scores[(system, set_name)] = json.load(f)
        times[(system, set_name)] = timing(os.path.join(out, "%s.%s.time" % (system, set_name)))
    systems = [s for s in ORDER if any(k[0] == s for k in scores)]
    systems += sorted({k[0] for k in scores} - set(systems))

    print("| set | system | F1 | precision | recall | other | pages/s wall | pages/s CPU |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for set_name in SETS:
        for system in systems:
            s = scores.get((system, set_name))
            if not s:
                continue
            m, t = s["metrics"], times.get((system, set_name), {})
            if set_name == "scrapinghub":
                other = "±%.3f (95%% bootstrap)" % m.get("f1_ci95", 0)
            elif set_name == "trafilatura":
                other = "TP %d FP %d FN %d TN %d" % (m["tp"], m["fp"], m["fn"], m["tn"])
            else:
                other = "with %.1f%% / without %.1f%%" % (100 * m["with_found"], 100 * m["without_found"])
            if s.get("missing"):
                other += "; %d pages missing" % s["missing"]
            f1 = fnum(m["f1"])
            if system == "crosscheck":
                misses = [] if m["f1"] >= TARGET_F1[set_name] else ["target %.2f" % TARGET_F1[set_name]]
                for other_system in systems:
                    o = scores.get((other_system, set_name))
                    if other_system != system and o and o["metrics"]["f1"] >= m["f1"]:
                        misses.append("%s %.3f" % (other_system, o["metrics"]["f1"]))
                f1 += " ✓" if not misses else " ✗ (< %s)" % ", ".join(misses)
            print("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                set_name, system, f1, fnum(m["precision"]), fnum(m["recall"]), other,
                fnum(t.get("pages_per_s"), "%.1f"), fnum(t.get("cpu_pages_per_s"), "%.1f")))

    print()
    print("Speed over the scrapinghub + trafilatura pages (one core; total pages / total seconds):")
    print()
    print("| system | pages | pages/s wall | pages/s CPU | in-process pages/s | × readability-lxml (CPU) |")
    print("| --- | --- | --- | --- | --- | --- |")
    rates = {}
    for system in systems:
        ts = [times.get((system, s), {}) for s in ("scrapinghub", "trafilatura")]
        if not all(t.get("wall_s") for t in ts):
            continue
        n = sum(t["pages"] for t in ts)
        wall = sum(t["wall_s"] for t in ts)
        cpu = sum(t.get("cpu_s", 0) for t in ts)
        inproc = sum(t.get("inproc_s", 0) for t in ts) if all(t.get("inproc_s") for t in ts) else None
        rates[system] = (n, n / wall, n / cpu if cpu else None, n / inproc if inproc else None)
    base = rates.get("readability-lxml", (0, 0, None, None))[2]
    for system, (n, w, c, ip) in rates.items():
        ratio = "%.1f×" % (c / base) if base and c else "–"
        if system == "crosscheck" and c:
            ok = c >= TARGET_PPS and (not base or c >= 8 * base)
            ratio += " ✓" if ok else " ✗ (target ≥ %d pages/s and ≥ 8×)" % TARGET_PPS
        print("| %s | %d | %.1f | %s | %s | %s |" % (system, n, w, fnum(c, "%.1f"), fnum(ip, "%.1f"), ratio))
    print()
    print("Targets (issue): F1 scrapinghub ≥ 0.96, trafilatura ≥ 0.92, wcxb ≥ 0.86 (aim); "
          "≥ %d pages/s/core and ≥ 8× readability-lxml; higher F1 than both baselines on every set." % TARGET_PPS)
    print("crosscheck's figures time the whole `crosscheck extract -j 1` process (start-up, gunzip, decoding, "
          "JSON output); the baselines' time extraction only, on pre-decoded pages.")


if __name__ == "__main__":
    main()
