#!/usr/bin/python3
"""Builds the story clusterer's background document-frequency model.

    /usr/bin/python3 tools/build_df.py ../shared/data/corpus/news-20k.jsonl.gz models/df-en.tsv.gz

Output: gzip TSV, header "#crosscheck-df<TAB>1<TAB><documents>", then "word<TAB>df" sorted by
word, for words in at least --min-df documents. Words are case-folded (str.casefold) runs of
letters and digits with inner apostrophes or hyphens, as text::tokenize and text::fold produce
them; the C++ loader (src/cluster/terms.cc) stems each word with the analyzer's Snowball stemmer,
so no stemmer is needed here. Standard library only; deterministic (gzip mtime fixed to 0).
"""
import argparse
import collections
import gzip
import json
import re
import sys

# Letters/digits, joined by an inner apostrophe (straight or typographic) or hyphen: "don't",
# "kyiv-based", "20,000" and "3.5" (numbers keep inner separators, like the C++ tokenizer).
WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*(?:[.,]\d+)*")


def words(text):
    for m in WORD.finditer(text):
        yield m.group(0).casefold().replace("\u2019", "'")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="gzip JSONL with 'text' (and optional 'title') fields")
    ap.add_argument("out", help="output .tsv.gz")
    ap.add_argument("--min-df", type=int, default=3, help="drop rarer words (default 3)")
    args = ap.parse_args()

    df = collections.Counter()
    documents = 0
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            text = (rec.get("title") or "") + "\n" + (rec.get("text") or "")
            df.update(set(words(text)))
            documents += 1

    with open(args.out, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
            gz.write(f"#crosscheck-df\t1\t{documents}\n".encode())
            for word in sorted(w for w, n in df.items() if n >= args.min_df):
                gz.write(f"{word}\t{df[word]}\n".encode())
    kept = sum(1 for n in df.values() if n >= args.min_df)
    print(f"{documents} documents, {kept} words with df >= {args.min_df}", file=sys.stderr)


if __name__ == "__main__":
    main()
