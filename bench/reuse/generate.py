#!/usr/bin/python3
"""Generate the text-reuse benchmark: real articles plus derived copies with known edits.

Usage (Debian's /usr/bin/python3, standard library only):
  bench/reuse/generate.py --basil PATH --out DIR [--seed 7] [--per-event 2]

For every BASIL event (three independent reports) the originals are kept, without date or URL,
and `--per-event` copies are derived from randomly chosen originals:
  verbatim  the source text, possibly trimmed at the end, possibly with a short invented intro;
  rewrite   sentence by sentence: synonyms, a leading/trailing time clause moved, 10-30% of the
            sentences dropped, attributions and appositives dropped, generic padding added.
Each copy then gets 0-3 known fact edits (weekday, count, money, negation, name) in surviving
sentences. Writes DIR/stories/<event>.jsonl (originals and copies, shuffled; id, source, title,
text) and DIR/gold.jsonl (one line per event; edit spans are code-point offsets into the texts as
written, which are already clean: NFC, one space, paragraphs separated by one blank line).

A derived text is built as a list of pieces, each either copied from the source (with its source
offset) or new; every operation splits pieces instead of editing strings, so the source offset of
an edit and its offset in the final text are both exact (and asserted).
"""

import argparse
import json
import os
import random
import re
import sys
import unicodedata

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ("January February March April May June July August September October November December "
          "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve"]

STYLE_WEIGHTS = {"verbatim": 0.4, "rewrite": 0.6}
EDIT_COUNT_WEIGHTS = [0.25, 0.3, 0.25, 0.2]  # probability of 0, 1, 2, 3 fact edits
EDIT_KINDS = ["weekday", "count", "money", "negation", "name"]

# ---- text cleaning (crosscheck's whitespace policy, so offsets line up) -------------------------

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def clean_text(text):
    """NFC; Unicode spaces to ' '; runs of spaces collapsed; lines trimmed; paragraphs split at line
    breaks and joined with one blank line."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = re.sub(r"\r\n?|[\v\f\x85\u2028\u2029]", "\n", text)
    text = re.sub(r"[^\S\n]+", " ", text)
    lines = (line.strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


# ---- pieces -------------------------------------------------------------------------------------


class Piece:
    """A run of derived text: copied from the source at code-point offset `src`, or new (src None).
    A piece carrying a fact edit (`edit`) is atomic: later operations never split it."""

    __slots__ = ("text", "src", "edit")

    def __init__(self, text, src=None, edit=None):
        self.text, self.src, self.edit = text, src, edit


def flat(pieces):
    return "".join(p.text for p in pieces)


def cut(pieces, a, b):
    """The pieces covering [a, b) of flat(pieces); copied pieces keep their source offsets."""
    out, pos = [], 0
    for p in pieces:
        lo, hi = max(a, pos), min(b, pos + len(p.text))
        if lo < hi:
            assert p.edit is None or (lo == pos and hi == pos + len(p.text)), "edit piece split"
            src = None if p.src is None else p.src + lo - pos
            out.append(Piece(p.text[lo - pos:hi - pos], src, p.edit))
        pos += len(p.text)
    return out


def splice(pieces, a, b, text="", edit=None):
    """Replaces [a, b) of flat(pieces) with new text."""
    middle = [Piece(text, None, edit)] if text else []
    return cut(pieces, 0, a) + middle + cut(pieces, b, len(flat(pieces)))


def source_offset(pieces, a, b):
    """Source offset of [a, b) when it lies inside one copied piece, else None."""
    pos = 0
    for p in pieces:
        end = pos + len(p.text)
        if pos <= a and b <= end:
            return None if p.src is None or p.edit is not None else p.src + a - pos
        pos = end
    return None


def set_case(pieces, i, upper):
    """Upper- or lower-cases the character at i (a new piece when it changes)."""
    text = flat(pieces)
    if i >= len(text):
        return pieces
    ch = text[i].upper() if upper else text[i].lower()
    return pieces if ch == text[i] else splice(pieces, i, i + 1, ch)


def outside_quotes(text):
    """Per character: True outside quotations. Straight quotes open before a word and close after
    one; a sentence whose first quote mark closes started inside a quotation."""
    marks = []  # (index, opens)
    for i, ch in enumerate(text):
        if ch in "“”":
            marks.append((i, ch == "“"))
        elif ch == '"':
            before_word = i + 1 < len(text) and not text[i + 1].isspace()
            opens = (i == 0 or text[i - 1] in " ([—-") and before_word
            marks.append((i, opens))
    inside = bool(marks) and not marks[0][1]
    mask, k = [], 0
    for i in range(len(text)):
        opens = None
        if k < len(marks) and marks[k][0] == i:
            opens = marks[k][1]
            k += 1
        if opens:
            inside = True
        mask.append(not inside)
        if opens is False:
            inside = False
    return mask


# ---- sentences ----------------------------------------------------------------------------------

ABBREVIATIONS = set("""mr mrs ms dr st sen rep gov gen lt col sgt capt cmdr adm maj cpl pvt jr sr
no nos inc co corp ltd vs etc rev prof pres supt det atty ft mt sept jan feb mar apr jun jul aug
sep oct nov dec mass calif fla ill pa va wash conn ariz colo tenn ky la md mich minn mo nev okla
ore wis wyo ala ark del ga kan miss neb ind""".split())

_SENTENCE_END = re.compile(r"[.!?]+[”\"’)\]]*(?= +[“\"‘(\[]?[A-Z0-9])")


def sentence_spans(paragraph):
    """(start, end) of each sentence of a clean paragraph; sentences are separated by one space."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        if paragraph[m.start()] == ".":
            word = re.search(r"([A-Za-z.]+)$", paragraph[start:m.start()])
            w = word.group(1) if word else ""
            if (w.lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", w)
                    or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", w)):
                continue  # Mr. Steele, George W. Bush, U.S. officials
        spans.append((start, m.end()))
        start = m.end() + 1
    spans.append((start, len(paragraph)))
    return [s for s in spans if s[0] < s[1]]


def split_source(text):
    """Paragraphs of a clean text as lists of sentences, each a one-piece list."""
    paragraphs, offset = [], 0
    for para in text.split("\n\n"):
        paragraphs.append([[Piece(para[a:b], offset + a)] for a, b in sentence_spans(para)])
        offset += len(para) + 2
    return paragraphs


# ---- rewriting ----------------------------------------------------------------------------------


def _verb(base, repl, repl_forms=None):
    """Regular inflections of a verb pair (base, -s, -ed, -ing); irregular replacement forms can
    be given."""

    def forms(v):
        y = re.search(r"[^aeiou]y$", v)
        third = v[:-1] + "ies" if y else (v + "es" if re.search(r"(s|sh|ch|x|z)$", v) else v + "s")
        past = v + "d" if v.endswith("e") else (v[:-1] + "ied" if y else v + "ed")
        return [v, third, past, (v[:-1] if v.endswith("e") else v) + "ing"]

    return list(zip(forms(base), repl_forms or forms(repl)))


SYNONYM_PAIRS = [
    ("said", "stated"), ("said", "told reporters"), ("says", "states"),
    ("big", "large"), ("huge", "enormous"), ("small", "minor"), ("many", "numerous"),
    ("several", "a number of"), ("major", "significant"), ("main", "primary"),
    ("important", "key"), ("additional", "extra"), ("enough", "sufficient"),
    ("difficult", "hard"), ("quickly", "rapidly"), ("recently", "lately"),
    ("currently", "presently"), ("nearly", "almost"), ("almost", "nearly"),
    ("approximately", "roughly"), ("often", "frequently"), ("usually", "typically"),
    ("sometimes", "at times"), ("clearly", "plainly"), ("immediately", "at once"),
    ("also", "likewise"), ("however", "nevertheless"), ("although", "though"),
    ("despite", "in spite of"), ("whether", "if"), ("because", "since"), ("about", "around"),
    ("people", "individuals"), ("children", "kids"), ("officials", "authorities"),
    ("country", "nation"), ("nation", "country"), ("lawmakers", "legislators"),
    ("supporters", "backers"), ("critics", "detractors"), ("opponents", "rivals"),
    ("spokesman", "spokesperson"), ("spokeswoman", "spokesperson"),
    ("statement", "release"), ("problem", "difficulty"), ("problems", "difficulties"),
    ("meeting", "session"), ("decision", "choice"), ("area", "region"), ("areas", "regions"),
    ("home", "residence"), ("homes", "residences"), ("car", "vehicle"), ("cars", "vehicles"),
    ("money", "funds"), ("rules", "regulations"), ("investigation", "inquiry"),
    ("evidence", "proof"), ("witnesses", "onlookers"), ("attack", "assault"),
    ("attacks", "assaults"), ("told", "informed"), ("began", "started"), ("decided", "chose"),
    ("believed", "thought"), ("believes", "thinks"), ("believe", "think"),
    ("wanted", "wished"), ("won", "secured"), ("fought", "battled"), ("gave", "provided"),
    ("received", "obtained"), ("injured", "wounded"), ("arrested", "detained"),
    ("elected", "chosen"), ("died", "passed away"), ("warned", "cautioned"),
    ("claimed", "asserted"), ("showed", "indicated"), ("reported", "relayed"),
    ("expected", "anticipated"),
] + (_verb("announce", "unveil") + _verb("help", "assist") + _verb("need", "require")
     + _verb("try", "attempt") + _verb("provide", "supply") + _verb("criticize", "fault")
     + _verb("describe", "characterize")
     + _verb("purchase", "buy", ["buy", "buys", "bought", "buying"])
     + _verb("allow", "permit", ["permit", "permits", "permitted", "permitting"]))

SYNONYMS = {}
for _word, _repl in SYNONYM_PAIRS:
    SYNONYMS.setdefault(_word, [])
    if _repl not in SYNONYMS[_word]:
        SYNONYMS[_word].append(_repl)
# Words whose replacement only fits in some contexts: the text after the word must match.
SYNONYM_CONTEXT = {"about": re.compile(r" (?:\$?\d|some\b|a dozen\b|half\b)"),
                   "because": re.compile(r"(?! of\b)"),
                   "said": re.compile(r"(?! to\b)"),
                   "need": re.compile(r"(?! to\b)"), "needs": re.compile(r"(?! to\b)"),
                   "needed": re.compile(r"(?! to\b)"), "needing": re.compile(r"(?! to\b)")}
_SYNONYM_RE = re.compile(
    r"(?<![\w’'-])(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) +
    r")(?![\w’'-])", re.IGNORECASE)  # whole words, not in "won't" or "well-known"


def substitute_synonyms(pieces, rng, rate):
    """Replaces table words outside quotations with probability `rate` each, keeping a capital."""
    text = flat(pieces)
    mask = outside_quotes(text)
    for m in reversed(list(_SYNONYM_RE.finditer(text))):
        word = m.group(1)
        key = word.lower()
        context = SYNONYM_CONTEXT.get(key)
        if not mask[m.start()] or (context and not context.match(text, m.end())):
            continue
        if word != key and not word.istitle():
            continue  # ALL CAPS or odd casing: leave it
        if rng.random() >= rate:
            continue
        repl = rng.choice(SYNONYMS[key])
        if word[0].isupper():
            repl = repl[0].upper() + repl[1:]
        pieces = splice(pieces, m.start(), m.end(), repl)
    return pieces


LOWERCASE_FIRST = set("""the a an it he she they we this that these those his her their its our
officials police authorities many some several most one two three both all each residents
critics supporters lawmakers there""".split())
_TIME_WORD = (r"(?:week|weekend|month|year|morning|afternoon|evening|night|" + "|".join(WEEKDAYS)
              + ")")
_LEADING_CLAUSE = re.compile(
    r"(?:(?:On|In|At|After|Before|During|Since|Following|Until|Over)(?! least\b| most\b| all\b)"
    r"|Earlier|Later|(?:This|Last|Next|Early|Late) " + _TIME_WORD +
    r")\b[^,“”\"]{0,60}, (?=\S)")
_TRAILING_CLAUSE = re.compile(
    r" ((?:on|early|late|last|this|earlier|later)(?: on)? " + _TIME_WORD +
    r"(?: (?:morning|afternoon|evening|night))?)\.$")


def move_clause(pieces):
    """Moves a leading time/prepositional clause to the end, or a trailing time phrase to the front.
    Returns the pieces unchanged when the sentence has neither or ends in a quotation."""
    text = flat(pieces)
    if not text.endswith(".") or text.endswith(("”.", "\".")) or "“" in text[:1]:
        return pieces
    m = _LEADING_CLAUSE.match(text)
    if m:
        clause = cut(pieces, 0, m.end() - 2)
        rest = cut(pieces, m.end(), len(text) - 1)
        if not rest:
            return pieces
        clause = set_case(clause, 0, upper=False)
        rest = set_case(rest, 0, upper=True)
        return rest + [Piece(" ")] + clause + [Piece(".")]
    m = _TRAILING_CLAUSE.search(text)
    if m and m.start() > 20:
        clause = set_case(cut(pieces, m.start(1), m.end(1)), 0, upper=True)
        rest = cut(pieces, 0, m.start())
        first = re.match(r"\w+", text)
        if first and first.group(0).lower() in LOWERCASE_FIRST:
            rest = set_case(rest, 0, upper=False)
        return clause + [Piece(", ")] + rest + [Piece(".")]
    return pieces


_ATTRIBUTION = re.compile(r", according to [^,.;:“”\"]{3,80}(?=[,.;])")
_LEADING_ATTRIBUTION = re.compile(r"According to [^,.;:“”\"]{3,80}, (?=\S)")
_ROLES = ("chairman|chairwoman|president|director|spokesman|spokeswoman|editor|leader|founder|"
          "chief|head|secretary|member|governor|senator|mayor|author|professor|adviser|advisor|"
          "aide|lawyer|attorney|executive|owner|host|candidate|speaker|official")
# ", who ...," / ", which ...," / ", the chairman of ...," between a word and a lower-case verb.
_APPOSITIVE = re.compile(
    r"(?<=[A-Za-z]), ((?:which|who) [^,.;:“”\"]{3,80}|(?:(?:the|a|an|his|her|their|its) )?"
    r"(?:[a-z]+ ){0,2}(?:" + _ROLES + r")s?\b[^,.;:“”\"]{0,60}), (?=[a-z])")


def drop_details(pieces, rng, rate):
    """Drops "according to X" attributions and appositive / relative clauses between commas,
    outside quotations, each with probability `rate`."""
    text = flat(pieces)
    mask = outside_quotes(text)
    m = _LEADING_ATTRIBUTION.match(text)
    if m and all(mask[:m.end()]) and rng.random() < rate:
        pieces = set_case(splice(pieces, 0, m.end()), 0, upper=True)
        text = flat(pieces)
        mask = outside_quotes(text)
    drops = []
    for pattern, keep in ((_ATTRIBUTION, ""), (_APPOSITIVE, " ")):
        for m in pattern.finditer(text):
            if all(mask[m.start():m.end()]) and rng.random() < rate:
                drops.append((m.start(), m.end(), keep))
    drops.sort()
    chosen = []
    for d in drops:  # non-overlapping, leftmost first
        if not chosen or d[0] >= chosen[-1][1]:
            chosen.append(d)
    for a, b, keep in reversed(chosen):
        pieces = splice(pieces, a, b, keep)
    return pieces


# Generic, fact-free filler: no names, numbers, days or negations.
PADDING = [
    "Reaction to the news came quickly.",
    "The developments drew wide attention.",
    "Observers expect the matter to draw further scrutiny in the days ahead.",
    "Further details are expected to emerge as the situation develops.",
    "Analysts are watching the situation closely.",
    "The episode has prompted a wide range of reactions.",
    "Many are waiting to see how events play out.",
    "The matter has been the subject of intense discussion.",
    "Commentators from across the spectrum weighed in.",
    "What happens next remains to be seen.",
    "The news quickly became a topic of conversation.",
    "Observers described the situation as fluid.",
    "The broader implications are still being assessed.",
    "Experts cautioned against drawing firm conclusions too early.",
    "The issue seems likely to stay in the spotlight for some time.",
    "The response from those involved was measured.",
    "Both sides are expected to make their case in the coming weeks.",
    "The debate over the matter shows little sign of fading.",
]
INTROS = [
    "Here is the latest on a developing story.",
    "What follows is an account of the latest developments.",
    "The following report looks at a story drawing wide attention.",
    "Here is what is known so far.",
]
OUTLET_PLACES = ["Harbor City", "Maple Valley", "Cedar Point", "Riverside", "North Ridge",
                 "Lakeshore", "Granite Falls", "Pine Hollow", "Bay Area", "Summit County",
                 "Eastbrook", "Westfield", "Silver Lake", "Oak Hill", "Fairhaven", "Stonebridge"]
OUTLET_KINDS = ["Ledger", "Courier", "Dispatch", "Herald", "Gazette", "Sentinel", "Observer",
                "Tribune", "Chronicle", "Daily News", "Post", "Record"]


def rewrite(paragraphs, rng):
    """Rewritten copy: paragraphs of sentences of pieces, with padding sentences (new pieces)."""
    drop_rate = rng.uniform(0.1, 0.3)
    out = []
    first = True
    for para in paragraphs:
        kept = []
        for sentence in para:
            if not first and rng.random() < drop_rate:
                continue
            first = False
            if rng.random() < 0.5:
                sentence = move_clause(sentence)
            sentence = drop_details(sentence, rng, 0.7)
            sentence = substitute_synonyms(sentence, rng, 0.8)
            kept.append(sentence)
        if kept:
            out.append(kept)
    for line in rng.sample(PADDING, rng.randint(0, 3)):
        at = rng.randrange(1, len(out) + 1)
        if rng.random() < 0.5 or at == len(out):
            out.insert(at, [[Piece(line)]])  # a paragraph of its own
        else:
            out[at].append([Piece(line)])  # at the end of a paragraph
    return out


def verbatim(paragraphs, rng):
    """Verbatim copy: the last 0-40% of the paragraphs dropped, maybe a short intro paragraph."""
    keep = max(1, len(paragraphs) - int(len(paragraphs) * rng.uniform(0, 0.4)))
    out = [list(p) for p in paragraphs[:keep]]
    if rng.random() < 0.3:
        out.insert(0, [[Piece(rng.choice(INTROS))]])
    return out


# ---- fact edits ---------------------------------------------------------------------------------

FIRST_NAMES = set("""James John Robert Michael William David Richard Joseph Thomas Charles
Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George
Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron
Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Roger
Noah Gerald Carl Terry Sean Arthur Lawrence Jesse Dylan Bryan Joe Billy Bruce Albert
Willie Gabriel Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby
Philip Johnny Barack Hillary Bernie Ted Marco Rand Mitch Nancy Chuck Harry Newt Mitt Rick Jeb Ben
Elizabeth Mary Patricia Jennifer Linda Barbara Susan Jessica Sarah Karen Lisa Betty Margaret
Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca
Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha
Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia
Joyce Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah
Jacqueline Martha Gloria Teresa Ann Sara Frances Kathryn Janice Jean Abigail Alice Judy
Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany
Marie Kayla Alexis Lori Sonia Valerie Condoleezza Loretta Kamala Sheldon Trey Lindsey
Rudy Eric Sean Jim Tom Bill Bob Mike Dan Steve Tim Kathy Sue Meg Debbie Deb Paul Chris""".split())
TITLES = ["Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Gov.", "Rep."]
NOT_SURNAMES = set(WEEKDAYS) | set(MONTHS) | {"The", "And", "But", "Is", "In", "On", "House",
                                              "Senate", "Street", "Avenue", "County", "City"}
FAKE_FIRST = ["Harold", "Miriam", "Desmond", "Lucinda", "Oswald", "Rosalind", "Ferris", "Imogen",
              "Cornelius", "Thea", "Barnaby", "Philippa", "Leopold", "Winifred", "Ambrose", "Odile"]
FAKE_LAST = ["Quillfeather", "Ashgrove", "Pemberwick", "Thornwell", "Vandermolen", "Halloway",
             "Brightwater", "Kettleby", "Marchbanks", "Ravensholt", "Dunmore", "Fairweather",
             "Oakenshaw", "Wexley", "Calloway", "Stirling", "Penhallow", "Greaves"]

_WEEKDAY_RE = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
_MONEY_RE = re.compile(r"(?<![\w$£€])([$£€])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
                       r"( (?:million|billion|trillion))?(?![\d,.]\d)")
_COUNT_RE = re.compile(r"(?<![\w$£€.,:/#-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w%:/-]|[.,]\d)"
                       r"(?= ([a-z][a-z.’']*))")
_NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b(?= ([a-z]+))", re.IGNORECASE)
_COUNT_NOT_NOUN = {"percent", "a.m.", "p.m.", "am", "pm", "and", "or", "to", "through", "per",
                   "o’clock", "o'clock", "-", "times", "out"}
_COUNT_NOT_AFTER = {w.lower() for w in MONTHS} | {
                                  "no", "nos", "flight", "route", "highway", "interstate",
                                  "room", "article", "section", "chapter", "title", "amendment",
                                  "district", "proposition", "game", "week", "day", "act", "season",
                                  "level", "category", "channel", "terminal", "floor", "page",
                                  "part", "phase", "stage", "model", "type", "version", "air"}
_NEGATABLE_RE = re.compile(r"\b(did|does|do|will|would|could|should|is|was|are|were|has|have|had)"
                           r" (?!not\b|never\b|n’t|n't)([a-z]+)\b")
_NOT_AFTER_AUX = set("""so it this that the a an nothing to there he she they we i you any no also
likewise just every each all his her their its our my your some many more much well too as what
when how why if in on at with for of and or but than one""".split())
_NEGATIVE_WORD = re.compile(r"\b(?:no|not|never|nobody|none|nothing|neither|nor|little|few|"
                            r"hardly|barely|without|cannot|either)\b|n[’']t\b", re.IGNORECASE)
# After has/have/had: a past participle ("has been", "has seen"), not a noun ("has children").
_PARTICIPLE = re.compile(r"(?:been|done|gone|made|said|had|paid|told|held|led|found|brought|"
                         r"thought|bought|sought|fought|caught|taught|won|lost|left|kept|met|"
                         r"sent|spent|built|run|come|become|begun|put|set|cut|hit|let|heard|read|"
                         r"\w+ed|\w+[^e]en|\w+wn)")
_NOT_PARTICIPLE = {"children", "women", "men", "kitchen", "garden", "oxygen", "dozen", "often",
                   "even", "open", "seven", "eleven", "citizen", "screen", "green", "hundred",
                   "need", "speed", "seed", "bed", "red", "town", "own", "down", "crown"}
_FULL_NAME_RE = re.compile(r"\b([A-Z][a-z]+) ((?:[A-Z]\. )?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
                           r"(?! [A-Z])")
_TITLED_NAME_RE = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, TITLES)) +
                             r") ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?! [A-Z])")


def _scaled(n, rng, granular=True):
    """A different positive number of similar magnitude (same rounding as n)."""
    if n < 10 and granular:
        return rng.choice([m for m in range(2, 13) if m != n and abs(m - n) <= 4])
    step = 1
    while n % (step * 10) == 0 and step * 10 <= n:
        step *= 10
    m = n
    while m == n or m <= 0:
        m = round(n * rng.choice([0.5, 0.6, 0.75, 1.25, 1.5, 2, 3]) / step) * step
        if m == n:
            m = n + step
    return m


def _format_like(m, original):
    return f"{m:,}" if "," in original else str(m)


def weekday_candidates(text, rng):
    for m in _WEEKDAY_RE.finditer(text):
        yield m.start(), m.end(), rng.choice([d for d in WEEKDAYS if d != m.group(0)])


def money_candidates(text, rng):
    for m in _MONEY_RE.finditer(text):
        symbol, whole, decimals, scale = m.group(1), m.group(2), m.group(3) or "", m.group(4) or ""
        if decimals:
            places = len(decimals) - 1
            value = float(whole.replace(",", "") + decimals)
            new = value
            while f"{new:.{places}f}" == f"{value:.{places}f}":
                new = value * rng.choice([0.5, 0.75, 1.25, 1.5, 2])
            number = f"{new:,.{places}f}" if "," in whole else f"{new:.{places}f}"
        else:
            number = _format_like(_scaled(int(whole.replace(",", "")), rng, False), whole)
        yield m.start(), m.end(), symbol + number + scale


def count_candidates(text, rng):
    for m in _COUNT_RE.finditer(text):
        digits = m.group(1).replace(",", "")
        noun = m.group(2)
        before = text[:m.start()].split()
        previous = before[-1].rstrip(",.").lower() if before else ""
        if noun in _COUNT_NOT_NOUN or previous in _COUNT_NOT_AFTER:
            continue
        if len(before) > 1 and re.fullmatch(r"[A-Z][\w’'-]*", before[-1]):
            continue  # after a capitalised word inside a sentence: a name ("Park 51", "Apollo 11")
        n = int(digits)
        if n < 2 or (len(m.group(1)) == 4 and 1800 <= n <= 2100) or m.group(1).startswith("0"):
            continue  # "1 person" would need a plural; years; codes
        yield m.start(), m.end(), _format_like(_scaled(n, rng), m.group(1))
    for m in _NUMBER_WORD_RE.finditer(text):
        word = m.group(1)
        hyphenated = "-" in (text[m.end():m.end() + 1], text[m.start() - 1:m.start()])
        if m.group(2) in _COUNT_NOT_NOUN or hyphenated:
            continue
        if word[0].isupper() and text[:m.start()].rstrip(" —-“\"").strip():
            continue  # capitalised inside a sentence: part of a name ("Final Four")
        i = NUMBER_WORDS.index(word.lower())
        new = NUMBER_WORDS[rng.choice([j for j in range(len(NUMBER_WORDS))
                                       if j != i and abs(j - i) <= 3])]
        if word[0].isupper():
            new = new.capitalize()
        yield m.start(), m.end(), new


def negation_candidates(text, rng):
    if text.rstrip("”\"’ ").endswith("?"):
        return
    for m in _NEGATABLE_RE.finditer(text):
        aux, following = m.group(1), m.group(2)
        before = text[:m.start()].split()[-4:]
        if following in _NOT_AFTER_AUX or (before and before[-1].lower() == "to"):
            continue  # "did so", "to do": no idiomatic negation
        if _NEGATIVE_WORD.search(" ".join(before + text[m.end(1):].split()[:4])):
            continue  # "little is known", "is something most cannot": a double negative
        if aux in ("has", "have", "had") and (
                not _PARTICIPLE.fullmatch(following) or following in _NOT_PARTICIPLE):
            continue  # "has a plan" -> "has not a plan" is not idiomatic
        yield m.start(1), m.end(1), aux + " not"


def name_candidates(text, rng):
    for m in _FULL_NAME_RE.finditer(text):
        if m.group(1) in FIRST_NAMES and m.group(2).split()[-1] not in NOT_SURNAMES:
            yield m.start(), m.end(), rng.choice(FAKE_FIRST) + " " + rng.choice(FAKE_LAST)
    for m in _TITLED_NAME_RE.finditer(text):
        if m.group(1) not in NOT_SURNAMES:
            yield m.start(1), m.end(1), rng.choice(FAKE_LAST)


CANDIDATES = {"weekday": weekday_candidates, "count": count_candidates,
              "money": money_candidates, "negation": negation_candidates,
              "name": name_candidates}


def apply_edits(paragraphs, source_text, rng, n_edits):
    """Applies up to n_edits fact edits, at most one per sentence, to copied source text."""
    sentences = [(pi, si) for pi, para in enumerate(paragraphs) for si in range(len(para))]
    by_kind = {kind: [] for kind in EDIT_KINDS}
    for pi, si in sentences:
        pieces = paragraphs[pi][si]
        text = flat(pieces)
        for kind in EDIT_KINDS:
            for a, b, new in CANDIDATES[kind](text, rng):
                src = source_offset(pieces, a, b)
                if src is not None and new != text[a:b]:
                    by_kind[kind].append((pi, si, a, b, new, src))
    used = set()
    for _ in range(n_edits):
        kinds = [k for k in EDIT_KINDS if any((c[0], c[1]) not in used for c in by_kind[k])]
        if not kinds:
            break
        kind = rng.choice(kinds)
        pi, si, a, b, new, src = rng.choice([c for c in by_kind[kind] if (c[0], c[1]) not in used])
        used.add((pi, si))
        pieces = paragraphs[pi][si]
        old = flat(pieces)[a:b]
        assert source_text[src:src + len(old)] == old
        edit = {"kind": kind, "source_value": old, "derived_value": new,
                "source_start": src, "source_end": src + len(old)}
        paragraphs[pi][si] = splice(pieces, a, b, new, edit)


def assemble(paragraphs):
    """The derived text and its edits with derived offsets, in text order."""
    parts, edits, pos = [], [], 0
    for pi, para in enumerate(paragraphs):
        if pi:
            parts.append("\n\n")
            pos += 2
        for si, sentence in enumerate(para):
            if si:
                parts.append(" ")
                pos += 1
            for p in sentence:
                if p.edit is not None:
                    edits.append(dict(p.edit, derived_start=pos, derived_end=pos + len(p.text)))
                parts.append(p.text)
                pos += len(p.text)
    return "".join(parts), edits


# ---- events -------------------------------------------------------------------------------------


def derive(original, rng, new_id, outlet):
    """One derived copy of `original`: (article, gold record)."""
    source_text = original["text"]
    style = rng.choices(list(STYLE_WEIGHTS), weights=list(STYLE_WEIGHTS.values()))[0]
    paragraphs = split_source(source_text)
    paragraphs = verbatim(paragraphs, rng) if style == "verbatim" else rewrite(paragraphs, rng)
    n_edits = rng.choices(range(len(EDIT_COUNT_WEIGHTS)), weights=EDIT_COUNT_WEIGHTS)[0]
    apply_edits(paragraphs, source_text, rng, n_edits)
    text, edits = assemble(paragraphs)
    assert clean_text(text) == text, f"{new_id}: derived text is not clean"
    for e in edits:
        assert source_text[e["source_start"]:e["source_end"]] == e["source_value"], e
        assert text[e["derived_start"]:e["derived_end"]] == e["derived_value"], e
    title = original["title"]
    if rng.random() < 0.5:
        title = flat(substitute_synonyms([Piece(title, 0)], rng, 1.0))
    article = {"id": new_id, "source": outlet, "title": title, "text": text}
    gold = {"source": original["id"], "derived": new_id, "style": style, "edits": edits}
    return article, gold


def read_events(path):
    """Event id -> its articles, in file order."""
    events = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                events.setdefault(row["event"], []).append(row)
    return events


def generate(basil, out_dir, seed, per_event):
    """Writes the benchmark; returns the gold records (one per event)."""
    rng = random.Random(seed)
    outlets = [f"{p} {k}" for p in OUTLET_PLACES for k in OUTLET_KINDS]
    rng.shuffle(outlets)
    os.makedirs(os.path.join(out_dir, "stories"), exist_ok=True)
    golds = []
    n_copies = 0
    for event, rows in read_events(basil).items():
        originals = [{"id": r["id"], "source": r["source"], "title": clean_text(r["title"]),
                      "text": clean_text(r["text"])} for r in rows]
        ids = {a["id"] for a in originals}
        articles, derived = list(originals), []
        for _ in range(per_event):
            new_id = f"{event}_{rng.randrange(16 ** 6):06x}"  # opaque: no hint of its source
            while new_id in ids:
                new_id = f"{event}_{rng.randrange(16 ** 6):06x}"
            ids.add(new_id)
            outlet = outlets[n_copies % len(outlets)]
            n_copies += 1
            article, gold = derive(rng.choice(originals), rng, new_id, outlet)
            articles.append(article)
            derived.append(gold)
        rng.shuffle(articles)
        with open(os.path.join(out_dir, "stories", f"{event}.jsonl"), "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        golds.append({"event": event, "articles": [a["id"] for a in articles], "derived": derived})
    with open(os.path.join(out_dir, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in golds:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    return golds


def summary(golds):
    copies = [d for g in golds for d in g["derived"]]
    styles = {s: sum(d["style"] == s for d in copies) for s in STYLE_WEIGHTS}
    kinds = {k: sum(e["kind"] == k for d in copies for e in d["edits"]) for k in EDIT_KINDS}
    by_count = {n: sum(len(d["edits"]) == n for d in copies) for n in range(4)}
    return (f"{len(golds)} events, {sum(len(g['articles']) for g in golds)} articles, "
            f"{len(copies)} derived copies ({', '.join(f'{v} {k}' for k, v in styles.items())}); "
            f"copies with 0/1/2/3 edits: {'/'.join(str(v) for v in by_count.values())}; "
            f"{sum(kinds.values())} edits: {', '.join(f'{v} {k}' for k, v in kinds.items())}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basil", required=True, help="BASIL stories JSONL")
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-event", type=int, default=2, help="derived copies per event")
    args = parser.parse_args()
    golds = generate(args.basil, args.out, args.seed, args.per_event)
    print(summary(golds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
