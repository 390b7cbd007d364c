#!/usr/bin/python3
"""Pages, ground truth and HTML decoding of the three extraction benchmarks.

Shared by score.py and every runner, so that all systems see the same pages
under the same ids and the same decoded text. Standard library only.
Run with Debian's /usr/bin/python3.

Data lives in <shared>/data/extraction/ (see shared/data/README.md):

Set names and page ids
----------------------
scrapinghub   181 pages.  File  scrapinghub/html/<id>.html.gz
              Id    = file name without ".html.gz" (a 64-hex-digit hash)
              Truth = scrapinghub/ground-truth.json[<id>]["articleBody"]
trafilatura   990 pages.  File  trafilatura-eval/html/<file>.gz where <file>
              is the "file" value of an evaldata.json entry (it ends in .html)
              Id    = <file> without ".html" = the html/ file name without
              ".html.gz".  41 ids contain non-ASCII letters (UTF-8, NFC) and
              22 contain spaces: quote them, never split on whitespace.
              Truth = evaldata.json entry: "with" / "without" snippet lists
wcxb          793 pages (WCXB dev, article pages).
              File  wcxb-dev/html/<id>.html.gz, id = "0001" ... (4 digits)
              Truth = wcxb-dev/ground-truth/<id>.json ["ground_truth"]
                      ["main_content"] (null counts as ""), "with", "without"

Decoding rules (decode_html) -- what every runner feeds its extractor
------------------------------------------------------------------------
scrapinghub, wcxb: the pages are UTF-8 (all 974 are valid UTF-8); a UTF-8
    BOM is dropped; invalid bytes would become U+FFFD.
trafilatura: the pages keep their original encoding. In this order:
  1. Byte order mark: EF BB BF -> UTF-8, FF FE -> UTF-16LE, FE FF -> UTF-16BE
     (the BOM is dropped).
  2. Declared charset in the first 16384 bytes: the first match of
     `<meta ... charset=LABEL` (covers <meta charset> and the http-equiv
     Content-Type form) or else `<?xml ... encoding="LABEL"`. Labels are
     mapped as browsers do (WHATWG): iso-8859-1 / latin1 / us-ascii / ascii /
     cp1252 -> windows-1252; gb2312 / gbk / x-gbk -> gb18030; a utf-16 label
     found in a meta tag -> UTF-8. Unknown labels are ignored.
     A declared encoding is used with invalid bytes replaced by U+FFFD (a page
     declaring UTF-8 is decoded as UTF-8 even where it is broken: 4 pages).
  3. Nothing usable declared: UTF-8 if the bytes are valid UTF-8, else
     windows-1252 (1 page; browsers' default for Western pages).
  The result on this corpus (`pages.py trafilatura --encodings`): 963 UTF-8
  (931 by meta, 1 by xml declaration, 6 by BOM, 25 undeclared and valid),
  24 windows-1252 (23 declared, 1 fallback), 1 iso-8859-2, 1 windows-1250,
  1 gb18030.

CLI
---
  pages.py SET [--shared DIR]            id<TAB>path per page
  pages.py SET --paths0                  NUL-separated paths (for xargs -0 / mapfile -d '')
  pages.py SET --dump-html               JSONL {"id","html"}: decoded pages (for the JS runner)
  pages.py SET --encodings               id<TAB>encoding<TAB>how it was chosen
"""

import argparse
import codecs
import gzip
import json
import os
import re
import sys
import unicodedata

SETS = ("scrapinghub", "trafilatura", "wcxb")
_SUBDIR = {"scrapinghub": "scrapinghub", "trafilatura": "trafilatura-eval", "wcxb": "wcxb-dev"}


def resolve_shared(shared=None):
    """The shared/ folder: the argument, else $CROSSCHECK_SHARED, else ../shared
    (relative to the working directory, i.e. run from the repo root), else the
    shared/ beside the repository that holds this script."""
    candidates = []
    if shared:
        candidates.append(shared)
    else:
        if os.environ.get("CROSSCHECK_SHARED"):
            candidates.append(os.environ["CROSSCHECK_SHARED"])
        candidates.append("../shared")
        here = os.path.dirname(os.path.abspath(__file__))
        candidates.append(os.path.join(here, "..", "..", "..", "shared"))
    for c in candidates:
        if os.path.isdir(os.path.join(c, "data", "extraction")):
            return os.path.normpath(c)
    raise SystemExit("pages: no data/extraction/ under %s (use --shared DIR)" % " or ".join(candidates))


def set_dir(name, shared=None):
    if name not in SETS:
        raise SystemExit("unknown set %r (one of %s)" % (name, ", ".join(SETS)))
    return os.path.join(resolve_shared(shared), "data", "extraction", _SUBDIR[name])


def _strip(name, suffix):
    return name[: -len(suffix)] if name.endswith(suffix) else name


def list_pages(name, shared=None):
    """[(id, path)] of every page of a set, sorted by id."""
    d = set_dir(name, shared)
    html = os.path.join(d, "html")
    if name == "trafilatura":
        with open(os.path.join(d, "evaldata.json"), encoding="utf-8") as f:
            evaldata = json.load(f)
        pages = []
        for item in evaldata.values():
            fname = unicodedata.normalize("NFC", item["file"])
            pages.append((_strip(fname, ".html"), os.path.join(html, item["file"] + ".gz")))
    else:
        pages = [(_strip(f, ".html.gz"), os.path.join(html, f))
                 for f in os.listdir(html) if f.endswith(".html.gz")]
    pages.sort()
    return pages


def load_truth(name, shared=None):
    """{id: truth} where truth is
    scrapinghub: {"text"}; trafilatura: {"with","without"};
    wcxb: {"text","with","without"}."""
    d = set_dir(name, shared)
    truth = {}
    if name == "scrapinghub":
        with open(os.path.join(d, "ground-truth.json"), encoding="utf-8") as f:
            for k, v in json.load(f).items():
                truth[k] = {"text": v.get("articleBody") or ""}
    elif name == "trafilatura":
        with open(os.path.join(d, "evaldata.json"), encoding="utf-8") as f:
            for v in json.load(f).values():
                pid = _strip(unicodedata.normalize("NFC", v["file"]), ".html")
                truth[pid] = {"with": list(v.get("with") or []), "without": list(v.get("without") or [])}
    else:
        gt = os.path.join(d, "ground-truth")
        for f in os.listdir(gt):
            if not f.endswith(".json"):
                continue
            with open(os.path.join(gt, f), encoding="utf-8") as fh:
                g = json.load(fh).get("ground_truth") or {}
            truth[_strip(f, ".json")] = {
                "text": g.get("main_content") or "",
                "with": list(g.get("with") or []),
                "without": list(g.get("without") or []),
            }
    return truth


def read_page(path):
    """Raw (gunzipped) bytes of a page."""
    with gzip.open(path, "rb") as f:
        return f.read()


_META_RE = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.I)
_XML_RE = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_:.\-]+)", re.I)
_LABEL_MAP = {
    "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin1": "windows-1252",
    "latin-1": "windows-1252", "l1": "windows-1252", "us-ascii": "windows-1252",
    "ascii": "windows-1252", "cp1252": "windows-1252", "windows-1252": "windows-1252",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030",
    "utf8": "utf-8", "utf-8": "utf-8", "unicode-1-1-utf-8": "utf-8",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",  # WHATWG: meta utf-16 means utf-8
}


def _map_label(raw):
    label = raw.decode("ascii", "replace").strip().lower()
    if label in _LABEL_MAP:
        return _LABEL_MAP[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def detect_encoding(data, name="trafilatura"):
    """(python codec name, how) following the rules in the module docstring.
    The BOM, if any, is part of `data`; decode_html drops it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", "bom"
    if name != "trafilatura":
        return "utf-8", "set-is-utf8"
    if data.startswith(b"\xff\xfe"):
        return "utf-16", "bom"  # the utf-16 codec reads and drops the BOM
    if data.startswith(b"\xfe\xff"):
        return "utf-16", "bom"
    head = data[:16384]
    for rx, how in ((_META_RE, "meta"), (_XML_RE, "xml-decl")):
        m = rx.search(head)
        if m:
            enc = _map_label(m.group(1))
            if enc:
                return enc, how
    try:
        data.decode("utf-8")
        return "utf-8", "valid-utf8"
    except UnicodeDecodeError:
        return "windows-1252", "fallback"


def decode_html(data, name="trafilatura"):
    enc, _ = detect_encoding(data, name)
    return data.decode(enc, errors="replace")


def main():
    ap = argparse.ArgumentParser(description="List / dump the pages of an extraction benchmark set.")
    ap.add_argument("set", choices=SETS)
    ap.add_argument("--shared", default=None, help="shared/ folder (default ../shared)")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--paths0", action="store_true", help="NUL-separated page paths")
    g.add_argument("--dump-html", action="store_true", help='JSONL {"id","html"} of decoded pages')
    g.add_argument("--encodings", action="store_true", help="id, chosen encoding and rule")
    a = ap.parse_args()
    pages = list_pages(a.set, a.shared)
    out = sys.stdout
    if a.paths0:
        sys.stdout.buffer.write(b"".join(os.fsencode(p) + b"\0" for _, p in pages))
    elif a.dump_html:
        for pid, path in pages:
            out.write(json.dumps({"id": pid, "html": decode_html(read_page(path), a.set)},
                                 ensure_ascii=False) + "\n")
    elif a.encodings:
        for pid, path in pages:
            enc, how = detect_encoding(read_page(path), a.set)
            out.write("%s\t%s\t%s\n" % (pid, enc, how))
    else:
        for pid, path in pages:
            out.write("%s\t%s\n" % (pid, path))


if __name__ == "__main__":
    main()
