#!/usr/bin/python3
"""Baseline: readability-lxml (Debian python3-readability, C-backed lxml) on one set.

  bench/extraction/run_readability_lxml.py SET [-o PRED.jsonl] [--shared DIR] [--runs N] [--cpu K]

Writes predictions JSONL {"id","text"} (to -o, default stdout) and prints a
timing line to stderr:
  readability-lxml SET: pages=N errors=E wall_s=... cpu_s=... pages_per_s=... cpu_pages_per_s=...

Pages are read, gunzipped and decoded (pages.decode_html: same rules for every
runner) BEFORE timing starts. The timed part per page is the extraction only:
Document(html).summary() plus the conversion of that HTML to plain text with
lxml (to_text below). The process is single-threaded, so this is one core;
--cpu K pins it to core K. With --runs N the extraction is repeated N times
and the best total is reported (the output is that of the first run).
pages_per_s uses wall time; cpu_pages_per_s uses the process CPU time, which
is less disturbed by other load on the machine.
A page whose extraction raises gives an empty text and is counted in errors.
"""

import argparse
import json
import logging
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages  # noqa: E402

import lxml.html  # noqa: E402  (Debian python3-lxml)
from readability import Document  # noqa: E402  (Debian python3-readability)

# Elements after / before which a paragraph break is emitted.
BLOCK = frozenset("""address article aside blockquote body center dd details dialog dir div dl dt
fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav
ol p pre section summary table tbody thead tfoot tr ul caption""".split())
CELL = frozenset(("td", "th"))
SKIP = frozenset(("script", "style", "noscript", "template", "head", "title"))


def to_text(html):
    """Plain text of an HTML fragment: block elements become paragraphs
    separated by a blank line, <br> a line break, table cells are separated by
    a space, runs of whitespace inside a paragraph collapse to one space."""
    if not html or not html.strip():
        return ""
    root = lxml.html.document_fromstring(html)
    paras, lines, words = [], [], []

    def end_line():
        if words:
            lines.append(" ".join(words))
            words.clear()

    def end_para():
        end_line()
        if lines:
            paras.append("\n".join(lines))
            lines.clear()

    def add(text):
        if text:
            words.extend(text.split())

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment / processing instruction
            add(el.tail)
            return
        tag = tag.lower()
        if tag in SKIP:
            add(el.tail)
            return
        if tag == "br":
            end_line()
        block = tag in BLOCK
        if block:
            end_para()
        add(el.text)
        for child in el:
            walk(child)
        if block:
            end_para()
        add(el.tail)

    walk(root)
    end_para()
    return "\n\n".join(paras)


def extract(html):
    return to_text(Document(html).summary())


def main():
    ap = argparse.ArgumentParser(description="readability-lxml baseline runner")
    ap.add_argument("set", choices=pages.SETS)
    ap.add_argument("-o", "--output", default="-", help="predictions JSONL (default stdout)")
    ap.add_argument("--shared", default=None)
    ap.add_argument("--runs", type=int, default=1, help="repeat the timed extraction, report the best")
    ap.add_argument("--cpu", type=int, default=None, help="pin to this core")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (testing)")
    a = ap.parse_args()
    logging.disable(logging.CRITICAL)  # readability logs per page at DEBUG/INFO
    if a.cpu is not None:
        os.sched_setaffinity(0, {a.cpu})

    docs = [(pid, pages.decode_html(pages.read_page(path), a.set)) for pid, path in pages.list_pages(a.set, a.shared)]
    if a.limit:
        docs = docs[: a.limit]
    extract("<html><body><p>warm up the imports and parser</p></body></html>")

    outputs, best_wall, best_cpu, errors = None, None, None, 0
    for run in range(max(1, a.runs)):
        texts, err = [], 0
        wall = cpu = 0.0
        for pid, html in docs:
            w0, c0 = time.perf_counter(), time.process_time()
            try:
                text = extract(html)
            except Exception:  # noqa: BLE001 - a failing page is an empty prediction
                text, err = "", err + 1
            wall += time.perf_counter() - w0
            cpu += time.process_time() - c0
            texts.append(text)
        if outputs is None:
            outputs, errors = texts, err
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)

    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")
    for (pid, _), text in zip(docs, outputs):
        out.write(json.dumps({"id": pid, "text": text}, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    n = len(docs)
    print("readability-lxml %s: pages=%d errors=%d runs=%d wall_s=%.3f cpu_s=%.3f pages_per_s=%.1f cpu_pages_per_s=%.1f"
          % (a.set, n, errors, max(1, a.runs), best_wall, best_cpu, n / best_wall if best_wall else 0.0,
             n / best_cpu if best_cpu else 0.0), file=sys.stderr)


if __name__ == "__main__":
    main()
