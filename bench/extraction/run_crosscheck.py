#!/usr/bin/python3
"""Run `crosscheck extract` on every page of a set and time it.

  bench/extraction/run_crosscheck.py SET --bin build/crosscheck [-o PRED.jsonl] [--shared DIR] [--runs N]
                                     [--threads 1] [--extra-arg ARG ...]

Runs   BIN extract --format html --quiet -j 1 PAGE.html.gz ...   once with all
pages of the set as arguments (paths from pages.py, passed as an argv list, so
spaces and non-ASCII names are safe). Its stdout must be JSONL with "id" (file
name without .html.gz) and "text"; only those two fields are kept in -o.

Timing is of the WHOLE process: process start, reading and gunzipping the
files, decoding, extraction and writing JSON (so it is a lower bound on the
extractor's own speed). wall_s is elapsed time, cpu_s the child's user+sys
time (from wait4 rusage). With --runs N the best of N runs is reported.
If crosscheck prints a line containing `extract_seconds=<float>` on stderr
(the in-process time spent in extraction only, summed over pages), it is
reported as inproc_pages_per_s -- the contract for a later in-process figure.
Prints to stderr:
  crosscheck SET: pages=N out=M runs=R wall_s=... cpu_s=... pages_per_s=... cpu_pages_per_s=... [inproc_pages_per_s=...]
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages  # noqa: E402

_INPROC = re.compile(r"extract_seconds=([0-9.eE+-]+)")


def run_once(cmd, out_path):
    with open(out_path, "wb") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, stderr_bytes = proc.communicate()
        wall = time.perf_counter() - t0
    return proc.returncode, wall, stderr_bytes.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description="crosscheck extract runner")
    ap.add_argument("set", choices=pages.SETS)
    ap.add_argument("--bin", required=True, help="crosscheck binary")
    ap.add_argument("-o", "--output", required=True, help="predictions JSONL")
    ap.add_argument("--shared", default=None)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1, help="value of -j (default 1: one core)")
    ap.add_argument("--extra-arg", action="append", default=[], help="extra argument for crosscheck (repeatable)")
    a = ap.parse_args()

    plist = pages.list_pages(a.set, a.shared)
    cmd = [a.bin, "extract", "--format", "html", "--quiet", "-j", str(a.threads), *a.extra_arg] + [p for _, p in plist]
    raw = a.output + ".raw"
    best_wall = best_cpu = None
    inproc = None
    for run in range(max(1, a.runs)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        rc, wall, err = run_once(cmd, raw if run == 0 else raw + ".again")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if rc != 0:
            sys.stderr.write(err[-4000:])
            raise SystemExit("crosscheck exited with %d: %s ..." % (rc, " ".join(cmd[:8])))
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        m = _INPROC.findall(err)
        if m:
            t = float(m[-1])
            inproc = t if inproc is None else min(inproc, t)
    if os.path.exists(raw + ".again"):
        os.remove(raw + ".again")

    n_out = 0
    with open(raw, encoding="utf-8", errors="replace") as f, open(a.output, "w", encoding="utf-8") as out:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict) and "id" in obj:
                out.write(json.dumps({"id": obj["id"], "text": obj.get("text") or ""}, ensure_ascii=False) + "\n")
                n_out += 1
    os.remove(raw)
    n = len(plist)
    line = ("crosscheck %s: pages=%d out=%d runs=%d wall_s=%.3f cpu_s=%.3f pages_per_s=%.1f cpu_pages_per_s=%.1f"
            % (a.set, n, n_out, max(1, a.runs), best_wall, best_cpu, n / best_wall if best_wall else 0.0,
               n / best_cpu if best_cpu else 0.0))
    if inproc:
        line += " inproc_s=%.3f inproc_pages_per_s=%.1f" % (inproc, n / inproc)
    print(line, file=sys.stderr)


if __name__ == "__main__":
    main()
