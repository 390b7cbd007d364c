#!/usr/bin/python3
"""Self-check of the reuse benchmark: generator invariants and scorer arithmetic.

Usage: bench/reuse/selftest.py [-v]   (Debian's /usr/bin/python3, standard library only)

The generator runs on a small invented corpus (and, when ../shared/data/stories/basil.jsonl is
present, on BASIL too); the scorer runs against a fake crosscheck that answers from the gold file,
perfectly or with a known mistake, so every figure has an expected value.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"
BASIL = os.path.join(HERE, "..", "..", "..", "shared", "data", "stories", "basil.jsonl")
sys.path.insert(0, HERE)
import generate  # noqa: E402

# Invented reports, three per event, dense in weekdays, counts, money, names and auxiliaries.
EVENTS = {
    "harbor": [
        "PORT ELLIS — Michael Dorsey, the mayor of Port Ellis, said on Tuesday that the city will "
        "spend $4.5 million to rebuild the old harbor wall after a storm damaged 120 homes.\n\n"
        "The council voted 7 to 2 on Monday night to approve the plan, which has been debated for "
        "three years.\n\n"
        "“This is a project the whole town has waited for,” Mr. Dorsey said in a statement.\n\n"
        "According to the harbor authority, about 40 boats were sunk or damaged in the storm.\n\n"
        "Work is expected to start in the spring and will take two years, officials said.",
        "The city of Port Ellis will rebuild its harbor wall, Mayor Michael Dorsey announced "
        "Tuesday.\n\n"
        "The project, which will cost $4.5 million, follows a storm that flooded 120 homes last "
        "month. Residents have asked for better protection for decades.\n\n"
        "Sarah Lindqvist, who runs a bakery near the water, said the news was a relief.\n\n"
        "The work will take two years.",
        "On Tuesday, Port Ellis leaders unveiled a plan to rebuild the harbor wall.\n\n"
        "The council approved the $4.5 million project on Monday by a vote of 7 to 2. Critics said "
        "the city did not consult fishermen.\n\n"
        "Mr. Dorsey said the wall would protect 300 businesses. The storm damaged 40 boats.",
    ],
    "library": [
        "The state library board on Thursday approved a plan to keep 14 rural branches open on "
        "weekends, reversing a decision made in March.\n\n"
        "Jennifer Okafor, the board chair, said the change would cost $800,000 a year.\n\n"
        "“Libraries are where people go when they have nowhere else,” Ms. Okafor said.\n\n"
        "The board had voted in March to close the branches on Saturdays to save money. Patrons "
        "collected 5,000 signatures against the cuts.\n\n"
        "The new hours will begin next month.",
        "Rural library branches will stay open on weekends after all, the state board decided "
        "Thursday.\n\n"
        "Board chair Jennifer Okafor said the plan is paid for by a grant of $800,000.\n\n"
        "A petition with 5,000 signatures had urged the board to act. Several librarians said "
        "they were pleased.",
        "In a reversal on Thursday, the library board voted to restore weekend hours at 14 "
        "branches.\n\n"
        "David Moreno, a patron in Hillcrest, said he had signed the petition. “We need these "
        "places,” he said.\n\n"
        "The change has been welcomed by teachers, who said students use the branches to study.",
    ],
    "bridge": [
        "Engineers closed the Millbrook Bridge on Friday after inspectors found cracks in two "
        "support beams, the transportation department said.\n\n"
        "About 25,000 drivers cross the bridge every day. Detours will add 20 minutes to trips.\n\n"
        "Robert Chen, the department spokesman, said the bridge would remain closed for at least "
        "six weeks.\n\n"
        "Repairs are expected to cost $2 million.",
        "The Millbrook Bridge is closed until further notice, officials said Friday.\n\n"
        "Inspectors found cracks in two beams during a routine check, according to Mr. Chen. The "
        "department has hired a contractor.\n\n"
        "Drivers were told to expect long delays on Saturday.",
        "Cracks in two beams have shut the Millbrook Bridge, which carries 25,000 cars a day.\n\n"
        "Karen Ellis, who commutes across the river, said the detour will cost her an hour. The "
        "state did not say when the bridge would reopen.\n\n"
        "Repairs could cost $2 million, Mr. Chen said.",
    ],
}
OUTLETS = ["Gazette One", "Courier Two", "Ledger Three"]

FAKE_CROSSCHECK = r'''#!/usr/bin/python3
"""Fake crosscheck for the scorer's self-test: answers from the gold file ($FAKE_GOLD)."""
import json, os, sys
args = sys.argv[1:]
assert args[:5] == ["analyze", "--one-story", "--quiet", "--json", "-"], args
path = args[5]
mode = os.environ["FAKE_MODE"]
event = os.path.basename(path)[:-len(".jsonl")]
first_event = os.environ["FAKE_FIRST_EVENT"]
if mode == "fail" and event == first_event:
    print("fake: cannot read input", file=sys.stderr)
    sys.exit(3)
gold = next(g for g in map(json.loads, open(os.environ["FAKE_GOLD"])) if g["event"] == event)
articles = [json.loads(line) for line in open(path)]
derived_ids = {d["derived"] for d in gold["derived"]}
kind_map = {"weekday": "date", "count": "ordinal"} if mode == "compatible-kinds" else (
    {"money": "count"} if mode == "incompatible-kinds" else {})
reuse = []
for n, d in enumerate(gold["derived"]):
    first = event == first_event and n == 0
    if mode == "drop-first" and first:
        continue
    changes = []
    for e in d["edits"]:
        c = {"kind": kind_map.get(e["kind"], e["kind"]),
             "source_value": e["source_value"], "derived_value": e["derived_value"],
             "source_span": {"start": e["source_start"], "end": e["source_end"]},
             "derived_span": {"start": e["derived_start"], "end": e["derived_end"]}}
        if mode == "values-only":  # spans elsewhere: only the value test can match
            c["derived_span"] = {"start": 10**6, "end": 10**6 + 1}
            c["derived_value"] = "…" + e["derived_value"].upper().replace(",", "") + "…"
        changes.append(c)
    if mode == "noise-change" and first:
        changes.append({"kind": "name", "source_value": "A", "derived_value": "B",
                        "source_span": {"start": 10**6, "end": 10**6 + 1},
                        "derived_span": {"start": 10**6, "end": 10**6 + 1}})
    r = {"source": d["source"], "derived": d["derived"],
         "kind": "verbatim" if mode == "all-verbatim" else d["style"],
         "coverage": 0.9, "direction_confidence": 0.8, "passages": [], "changes": changes}
    if mode == "reverse-first" and first:
        r = dict(r, source=d["derived"], derived=d["source"], changes=[
            dict(c, source_value=c["derived_value"], derived_value=c["source_value"],
                 source_span=c["derived_span"], derived_span=c["source_span"])
            for c in changes])
    reuse.append(r)
if mode == "extra-original" and event == first_event:
    originals = [i for i in gold["articles"] if i not in derived_ids]
    reuse.append({"source": originals[0], "derived": originals[1], "kind": "rewrite",
                  "coverage": 0.3, "direction_confidence": 0.5, "passages": [], "changes": []})
ids = [a["id"] for a in articles]
json.dump({"schema": "crosscheck/analysis@1",
           "articles": [{"id": a["id"], "text": a["text"]} for a in articles],
           "stories": [{"id": "s1", "title": "", "articles": ids, "reuse": reuse}],
           "problems": []}, sys.stdout)
'''


def write_corpus(path):
    with open(path, "w", encoding="utf-8") as f:
        for event, texts in EVENTS.items():
            for n, text in enumerate(texts):
                row = {"id": f"{event}_{n + 1}", "event": event, "source": OUTLETS[n],
                       "url": f"https://example.org/{event}/{n}", "date": "2020-01-0%d" % (n + 1),
                       "title": f"A report on the {event}", "text": text}
                f.write(json.dumps(row) + "\n")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check_output(test, out_dir):
    """Asserts the generator's contract on a written benchmark; returns the gold records."""
    golds = read_jsonl(os.path.join(out_dir, "gold.jsonl"))
    for g in golds:
        articles = {a["id"]: a for a in read_jsonl(os.path.join(out_dir, "stories",
                                                                f"{g['event']}.jsonl"))}
        test.assertEqual(sorted(articles), sorted(g["articles"]))
        for a in articles.values():
            test.assertEqual(set(a), {"id", "source", "title", "text"})
            test.assertEqual(generate.clean_text(a["text"]), a["text"])
        for d in g["derived"]:
            test.assertIn(d["style"], ("verbatim", "rewrite"))
            test.assertLessEqual(len(d["edits"]), 3)
            source, derived = articles[d["source"]]["text"], articles[d["derived"]]["text"]
            for e in d["edits"]:
                test.assertEqual(source[e["source_start"]:e["source_end"]], e["source_value"])
                test.assertEqual(derived[e["derived_start"]:e["derived_end"]], e["derived_value"])
                test.assertNotEqual(e["source_value"], e["derived_value"])
    return golds


class GeneratorTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="reuse-selftest-")
        self.corpus = os.path.join(self.tmp, "corpus.jsonl")
        write_corpus(self.corpus)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_generate(self, corpus, out, *extra):
        subprocess.run([PYTHON, os.path.join(HERE, "generate.py"), "--basil", corpus,
                        "--out", out, *extra], check=True, capture_output=True)

    def test_contract_and_determinism(self):
        a, b = os.path.join(self.tmp, "a"), os.path.join(self.tmp, "b")
        self.run_generate(self.corpus, a, "--per-event", "3")
        self.run_generate(self.corpus, b, "--per-event", "3")
        golds = check_output(self, a)
        self.assertEqual(len(golds), 3)
        self.assertEqual(sum(len(g["derived"]) for g in golds), 9)
        for name in ["gold.jsonl"] + [f"stories/{e}.jsonl" for e in EVENTS]:
            with open(os.path.join(a, name), "rb") as fa, open(os.path.join(b, name), "rb") as fb:
                self.assertEqual(fa.read(), fb.read(), name)
        c = os.path.join(self.tmp, "c")
        self.run_generate(self.corpus, c, "--per-event", "3", "--seed", "8")
        with open(os.path.join(a, "gold.jsonl")) as fa, open(os.path.join(c, "gold.jsonl")) as fc:
            self.assertNotEqual(fa.read(), fc.read())

    def test_pieces_keep_source_offsets(self):
        text = "On Friday, the mayor said 120 homes were damaged, according to officials."
        moved = generate.move_clause([generate.Piece(text, 100)])
        self.assertEqual(generate.flat(moved),
                         "The mayor said 120 homes were damaged, according to officials on Friday.")
        for word in ("120", "Friday", "officials"):
            at = generate.flat(moved).index(word)
            self.assertEqual(generate.source_offset(moved, at, at + len(word)),
                             100 + text.index(word))
        self.assertIsNone(generate.source_offset(moved, 0, 3))  # "The": re-cased, new text
        dropped = generate.drop_details(moved, generate.random.Random(1), 1.0)
        self.assertEqual(generate.flat(dropped), "The mayor said 120 homes were damaged.")
        at = generate.flat(dropped).index("120")
        self.assertEqual(generate.source_offset(dropped, at, at + 3), 100 + text.index("120"))

    def test_quotes_are_left_alone(self):
        text = "“People said big things,” he said."
        rng = generate.random.Random(1)
        out = generate.substitute_synonyms([generate.Piece(text, 0)], rng, 1.0)
        self.assertTrue(generate.flat(out).startswith("“People said big things,”"))
        self.assertNotEqual(generate.flat(out), text)

    @unittest.skipUnless(os.path.isfile(BASIL), "BASIL not found")
    def test_basil(self):
        out = os.path.join(self.tmp, "basil")
        start = time.monotonic()
        self.run_generate(BASIL, out)
        self.assertLess(time.monotonic() - start, 10)
        golds = check_output(self, out)
        copies = [d for g in golds for d in g["derived"]]
        self.assertGreaterEqual(len(copies), 200)
        kinds = {e["kind"] for d in copies for e in d["edits"]}
        self.assertEqual(kinds, set(generate.EDIT_KINDS))
        self.assertTrue(any(not d["edits"] for d in copies))
        self.assertEqual({d["style"] for d in copies}, {"verbatim", "rewrite"})


class ScorerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="reuse-selftest-")
        corpus = os.path.join(cls.tmp, "corpus.jsonl")
        write_corpus(corpus)
        cls.data = os.path.join(cls.tmp, "data")
        subprocess.run([PYTHON, os.path.join(HERE, "generate.py"), "--basil", corpus,
                        "--out", cls.data, "--per-event", "3"], check=True, capture_output=True)
        cls.golds = sorted(read_jsonl(os.path.join(cls.data, "gold.jsonl")),
                           key=lambda g: g["event"])
        # The first event (by name) whose first copy has edits: mistakes are made there.
        cls.first = next(g for g in cls.golds if g["derived"][0]["edits"])
        cls.fake = os.path.join(cls.tmp, "fake-crosscheck")
        with open(cls.fake, "w") as f:
            f.write(FAKE_CROSSCHECK)
        os.chmod(cls.fake, 0o755)
        copies = [d for g in cls.golds for d in g["derived"]]
        cls.n_pairs = len(copies)
        cls.n_edits = sum(len(d["edits"]) for d in copies)
        cls.first_edits = len(cls.first["derived"][0]["edits"])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def score(self, mode):
        out = os.path.join(self.tmp, f"{mode}.json")
        env = dict(os.environ, FAKE_MODE=mode, FAKE_FIRST_EVENT=self.first["event"],
                   FAKE_GOLD=os.path.join(self.data, "gold.jsonl"))
        proc = subprocess.run([PYTHON, os.path.join(HERE, "score.py"), "--crosscheck", self.fake,
                               "--data", self.data, "--json-out", out],
                              capture_output=True, text=True, env=env)
        with open(out) as f:
            return proc, json.load(f)

    def assert_perfect_changes(self, r):
        self.assertEqual(r["changes"]["precision"], 1.0)
        self.assertEqual(r["changes"]["recall"], 1.0)

    def test_perfect(self):
        proc, r = self.score("perfect")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(r["pairs"]["gold"], self.n_pairs)
        self.assertEqual((r["pairs"]["precision"], r["pairs"]["recall"]), (1.0, 1.0))
        self.assertEqual(r["direction"]["accuracy"], 1.0)
        self.assertEqual(r["kind"]["accuracy"], 1.0)
        self.assertEqual(r["changes"]["gold"], self.n_edits)
        self.assert_perfect_changes(r)
        self.assertEqual(r["cleaned_text_differs"], 0)
        self.assertIn("derived pairs", proc.stdout)

    def test_reversed_pair(self):
        _, r = self.score("reverse-first")
        self.assertEqual(r["pairs"]["recall"], 1.0)
        self.assertAlmostEqual(r["direction"]["accuracy"], (self.n_pairs - 1) / self.n_pairs)
        self.assert_perfect_changes(r)  # changes are turned back to the gold direction

    def test_missing_pair(self):
        _, r = self.score("drop-first")
        self.assertEqual(r["pairs"]["precision"], 1.0)
        self.assertAlmostEqual(r["pairs"]["recall"], (self.n_pairs - 1) / self.n_pairs)
        self.assertEqual(r["changes"]["precision"], 1.0)
        self.assertAlmostEqual(r["changes"]["recall"],
                               (self.n_edits - self.first_edits) / self.n_edits)
        self.assertEqual(r["changes"]["recall_on_detected_pairs"], 1.0)

    def test_false_pair_between_originals(self):
        _, r = self.score("extra-original")
        self.assertAlmostEqual(r["pairs"]["precision"], self.n_pairs / (self.n_pairs + 1))
        self.assertEqual(r["pairs"]["recall"], 1.0)
        self.assertEqual(r["pairs"]["false_pairs"]["original-original"], 1)

    def test_values_match_without_spans(self):
        _, r = self.score("values-only")
        self.assert_perfect_changes(r)

    def test_kind_compatibility(self):
        _, r = self.score("compatible-kinds")
        self.assert_perfect_changes(r)
        _, r = self.score("incompatible-kinds")
        money = r["changes"]["gold_by_kind"]["money"]
        self.assertAlmostEqual(r["changes"]["recall"], (self.n_edits - money) / self.n_edits)
        if money:
            self.assertEqual(r["changes"]["recall_by_kind"]["money"], 0.0)

    def test_noise_change(self):
        _, r = self.score("noise-change")
        self.assertAlmostEqual(r["changes"]["precision"], self.n_edits / (self.n_edits + 1))
        self.assertEqual(r["changes"]["recall"], 1.0)

    def test_kind_accuracy(self):
        _, r = self.score("all-verbatim")
        verbatim = r["pairs"]["gold_by_style"]["verbatim"]
        self.assertAlmostEqual(r["kind"]["accuracy"], verbatim / self.n_pairs)

    def test_failure_is_reported(self):
        proc, r = self.score("fail")
        self.assertEqual(proc.returncode, 1)
        self.assertIn(self.first["event"], proc.stderr)
        self.assertEqual(len(r["failed_files"]), 1)
        self.assertAlmostEqual(r["pairs"]["recall"],
                               (self.n_pairs - len(self.first["derived"])) / self.n_pairs)


if __name__ == "__main__":
    unittest.main()
