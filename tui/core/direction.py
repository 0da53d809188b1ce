"""Which of two related versions came first, from evidence a journalist can check.

Each shared passage is read for the marks editors leave on copy, and the marks are summed per
pair: a date (decisive: nothing derives from a version published later), agency furniture
(the wire as received carries it, a paper's story does not), a syndication line ("this article
originally appeared on ..."), a credit (one names the other's site, "the Dublin Daily
Chronicle spoke to customers", or the paper its file is named after, "according to The Sun"),
spinner swaps (plain words swapped for rarer ones, never back), a shift in time ("today" ->
"yesterday", "is" -> "was"), and condensation (a passage keeping a subset of the other's names
and numbers). Material one version adds is never evidence: papers add reaction and
background, republishers add promotion.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .audit import promotional
from .boilerplate import AGENCY_ONLY, agency_furniture, syndicated
from .dates import compare_dates
from .disjoint import DisjointSets
from .escaping import quoted
from .facts import facts, tense_shift, time_marks
from .lexicon import judged_language, odd_side, rarity, thesaurus_pairs
from .model import Comparison, Document, Passage
from .textnorm import fold
from .thresholds import Thresholds

# Weights of one mark of each kind. A date outweighs everything else together.
DECISIVE = 1000.0
FURNITURE = 3.0
# "Originally appeared on ..." says a copy came after its source, not which one that was.
SYNDICATION = 1.0
# Naming the other version's site ("the Chronicle's reporter spoke to ...", "thanks to the
# Dublin Daily Chronicle") says which: as strong as an agency's furniture.
CREDIT = 3.0
# A one-word site name this common (Zipf) is an English word, not a name ("Express").
COMMON_NAME_ZIPF = 3.0
KNOWN_SWAP = 2.0
SWAP = 1.0
TIME = 1.5
TENSE = 1.0
CONDENSED = 0.5
DROPPED = 0.5
PROMOTION = 1.0
# Cues saying where a text was first published, not how it was edited.
_ORIGIN_KINDS = frozenset({"date", "furniture", "syndication", "credit"})
# Cues saying the other version was built on this one, so that what the other has beyond it
# is what it added, not what this one cut (see ``Direction.weight``).
_BUILT_ON = frozenset({"furniture", "credit"})
# Kinds whose marks come many to a pair and each say little: together they weigh at most
# this, so that a long list of small marks never outweighs one strong one.
CAPS = {"time": 3.0, "condensed": 2.0, "dropped": 4.0, "promotion": 1.0, "syndication": 1.0}
# Marks that one text is fuller than the other: a shorter text cut it, or the fuller one added.
FULLER_TEXT = frozenset({"condensed", "dropped"})
# How many examples an evidence line names.
EXAMPLES = 3


@dataclass
class Cue:
    kind: str  # "date", "furniture", "syndication", "spin", "time", "condensed", "dropped", ...
    first: str  # the version this kind of mark says came first
    weight: float = 0.0
    count: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, weight: float, example: str) -> None:
        self.weight = min(self.weight + weight, CAPS.get(self.kind, self.weight + weight))
        self.count += 1
        if example and len(self.examples) < EXAMPLES and example not in self.examples:
            self.examples.append(example)


@dataclass
class Direction:
    """The evidence on which of ``a`` and ``b`` came first."""

    a: str
    b: str
    cues: list[Cue] = field(default_factory=list)

    def weight(self, first: str) -> float:
        """The evidence that ``first`` came first. Against a version carrying agency
        furniture (the wire as received), the marks of a fuller text (more names and numbers
        in a passage, sentences inside paragraphs the wire lacks) do not count: they are what
        a paper adds when it rewrites the wire around its own reporting, not what the wire
        cut. Counted, they made the wire and such a paper each "worked on since a common
        source", and the wire was hung under a lost original. The same holds against a
        version the other credits by name: a blog built on a paper's story adds its own
        sentences inside the paper's paragraphs."""
        return self._weight(first, dates=True)

    def _furnished(self, first: str) -> bool:
        """Whether the other version is the wire as received (its furniture) or one ``first``
        credits by name."""
        return any(c.kind in _BUILT_ON and c.first != first for c in self.cues)

    def _weight(self, first: str, dates: bool) -> float:
        furnished = self._furnished(first)
        # Against the wire as received (its furniture, or a credit by name), swaps with the
        # rarer word on both sides are one spinning's noise: a spinner that made some words
        # plainer left the wire "the rarer word" as often as the copy, and the two read as
        # "both worked on since a common source". Only the excess counts there. (Between two
        # versions without such marks, both may have been spun: the seeds' two copies.)
        spun = {c.first: c.weight for c in self.cues if c.kind == "spin"} if furnished else {}
        return sum(
            max(0.0, c.weight - spun.get(self.other(first), 0.0)) if c.kind == "spin" else c.weight
            for c in self.cues
            if c.first == first
            and (dates or c.kind != "date")
            and not (furnished and c.kind in FULLER_TEXT)
        )

    def other(self, v: str) -> str:
        return self.b if v == self.a else self.a

    def dated(self) -> str | None:
        """The earlier version by date, if both are dated and differ."""
        for c in self.cues:
            if c.kind == "date":
                return c.first
        return None

    def conflicting(self, th: Thresholds) -> bool:
        """Strong marks both ways, neither outweighing the other, and no date: each has been
        worked on since their common source (one spun, the other condensed), so neither
        comes from the other. So too when the dates say one way and the marks strongly the
        other (``_against_dates``)."""
        wa, wb = self.weight(self.a), self.weight(self.b)
        if self._against_dates(th):
            return True
        return (
            self.dated() is None
            and min(wa, wb) >= th.direction_strong
            and max(wa, wb) < th.conflict_ratio * min(wa, wb)
        )

    def _against_dates(self, th: Thresholds) -> bool:
        """The later version carries strong marks of coming first (an agency's furniture):
        a date says the earlier one cannot come from it, not that it came from the earlier
        one. A local paper's scoop published the day before the wire shares the sheriff's
        statement with it; the wire, furniture and all, was not made from the paper."""
        dated = self.dated()
        if dated is None:
            return False
        w_later = self._weight(self.other(dated), dates=False)
        return w_later >= th.direction_strong and w_later >= th.direction_ratio * self._weight(
            dated, dates=False
        )

    def first(self, th: Thresholds) -> str | None:
        """The version the evidence says came first, when it clearly does."""
        dated = self.dated()
        if dated:
            return None if self._against_dates(th) else dated
        wa, wb = self.weight(self.a), self.weight(self.b)
        if wa >= th.direction_min and wa >= th.direction_ratio * wb:
            return self.a
        if wb >= th.direction_min and wb >= th.direction_ratio * wa:
            return self.b
        return None

    def marked_first(self, first: str) -> bool:
        """A mark of where a text was first published, not of how it was edited: a date,
        an agency's furniture, or the other version saying it appeared elsewhere first."""
        return any(c.first == first and c.kind in _ORIGIN_KINDS for c in self.cues)

    def strength(self, first: str, th: Thresholds) -> str:
        if self.dated() == first:
            return "decisive"
        w = self.weight(first) - self.weight(self.other(first))
        if w >= th.direction_strong:
            return "strong"
        if w >= th.direction_min:
            return "moderate"
        return "weak" if w > 0 else "none"

    def lines(self, first: str) -> list[str]:
        """The evidence that ``first`` came first, strongest kind first. Where both sides
        have the rarer word of some swaps, the other side's count stands beside (so the
        reader can check the two), and against the wire as received, where only the excess
        counts (``_weight``), none is no line."""
        furnished = self._furnished(first)
        against = next(
            (c for c in self.cues if c.kind == "spin" and c.first == self.other(first)), None
        )

        def weight(c: Cue) -> float:
            return c.weight - against.weight if c.kind == "spin" and against else c.weight

        out = []
        for c in sorted(self.cues, key=lambda c: (-weight(c), c.kind)):
            if c.first != first or (furnished and c.kind == "spin" and weight(c) <= 0):
                continue
            line = _describe(c, first, self.other(first))
            if c.kind == "spin" and against:
                line += f"; {first} in {against.count}"
            out.append(line)
        return out


def _describe(c: Cue, first: str, then: str) -> str:
    eg = f" (e.g. {'; '.join(c.examples)})" if c.examples else ""
    n = c.count
    if c.kind == "date":
        return f"dated: {c.examples[0]}"
    if c.kind == "furniture":
        return f"{first} carries agency furniture that {then} lacks: {c.examples[0]}"
    if c.kind == "syndication":
        return f"{then} says it was published elsewhere first: {quoted(c.examples[0])}"
    if c.kind == "credit":
        return f"{then} credits {first} by name: {c.examples[0]}"
    if c.kind == "spin":
        return f"{then} has the rarer word in {n} swap{'s' * (n != 1)}{eg}"
    if c.kind == "time":
        return f"{then} moves the story later in time in {n} place{'s' * (n != 1)}{eg}"
    if c.kind == "condensed":
        return f"{then} keeps fewer of the names and numbers in {n} passage{'s' * (n != 1)}{eg}"
    if c.kind == "promotion":
        return f"{then} adds promotion{eg}"
    if c.kind == "dropped":
        return (
            f"{then} leaves out {n} sentence{'s' * (n != 1)} from inside paragraphs it "
            f"otherwise keeps{eg}"
        )
    return f"{c.kind} x{n}{eg}"


def _dropped_facts(words: set[str]) -> str:
    """ "'194532', 'band' dropped": each word quoted, or a list of figures and words reads
    as one garbled phrase ("194532, band dropped")."""
    return ", ".join(quoted(w) for w in sorted(words)[:4]) + " dropped"


# An agency's tag before its headline ("UPDATE 1-", "REFILE-", "CORRECTED-"): which take of
# the story it is, not a name or a number a copy kept or dropped.
_AGENCY_TAG = re.compile(
    r"^\s*(?:(?:(?:UPDATE|WRAPUP|INSIGHT|ANALYSIS)(?:\s\d+)?|REFILE|CORRECTED|RPT|EXCLUSIVE"
    r"|FACTBOX|BREAKINGVIEWS)\s?-\s?)+"
)


def _passage_texts(source: Document, target: Document, c: Comparison) -> list[tuple[str, str]]:
    """The texts of the derived passages, those that share a sentence taken together: a
    source sentence split into two ("... £38m to £42m." / "Analysts had pencilled in
    £69.5m.") keeps all its numbers between the two halves, and compared half by half it
    looked condensed."""
    derived = [p for p in c.passages if p.derived]
    sets = DisjointSets()
    for k, p in enumerate(derived):
        for i in p.source_sentences:
            sets.join(("passage", k), ("source", i))
        for i in p.target_sentences:
            sets.join(("passage", k), ("target", i))
    members: dict[tuple[str, int], list[Passage]] = {}
    for k, p in enumerate(derived):
        members.setdefault(sets.find(("passage", k)), []).append(p)
    return [
        (
            " ".join(source.cut(s) for s in sorted({tuple(s) for p in ps for s in p.source_spans})),
            " ".join(target.cut(s) for s in sorted({tuple(s) for p in ps for s in p.target_spans})),
        )
        for ps in members.values()
    ]


def _agency_only(mine: list[str], theirs: list[str]) -> list[str]:
    """The kinds of agency furniture only agency copy has that ``mine`` carries and
    ``theirs`` does not."""
    return [k for k in mine if k in AGENCY_ONLY and k not in theirs]


def direction(
    a: Document,
    b: Document,
    c: Comparison,
    known: dict[tuple[str, str], int],
    th: Thresholds,
) -> Direction:
    """The evidence on ``a`` and ``b``, where ``c`` aligns ``b`` (target) against ``a``."""
    out = Direction(a.id, b.id)
    cues: dict[tuple[str, str], Cue] = {}

    def cue(kind: str, first: str) -> Cue:
        if (kind, first) not in cues:
            cues[(kind, first)] = Cue(kind, first)
        return cues[(kind, first)]

    order = compare_dates(a.date, b.date)
    if order:
        early, late = (a, b) if order < 0 else (b, a)
        cue("date", early.id).add(
            DECISIVE,
            f"{early.id} {early.date} ({early.date_source}), {late.id} {late.date} "
            f"({late.date_source})",
        )
    fa, fb = agency_furniture(a), agency_furniture(b)
    # A paper may keep a line of the wire's furniture (the credit line): the copy as
    # received is still the one with the agency's own lines the other lacks (its slug,
    # dateline or end mark), while the other has none the first lacks.
    only_a, only_b = _agency_only(fa, fb), _agency_only(fb, fa)
    if only_a and not set(fb) - set(fa):
        cue("furniture", a.id).add(FURNITURE, ", ".join(fa if not fb else only_a))
    elif only_b and not set(fa) - set(fb):
        cue("furniture", b.id).add(FURNITURE, ", ".join(fb if not fa else only_b))
    ca, cb = _credit(a, b), _credit(b, a)
    if ca and not cb:
        cue("credit", b.id).add(CREDIT, ca)
    elif cb and not ca:
        cue("credit", a.id).add(CREDIT, cb)
    sa, sb = syndicated(a), syndicated(b)
    if sa and not sb:
        cue("syndication", b.id).add(SYNDICATION, sa)
    elif sb and not sa:
        cue("syndication", a.id).add(SYNDICATION, sb)
    thesaurus = thesaurus_pairs()
    for s in c.substitutions:
        x, y = fold(s.source), fold(s.target)
        # "the rarer word for the plainer", from a's side and from b's.
        b_wrote, a_wrote = (
            f"{quoted(s.target)} for {quoted(s.source)}",
            f"{quoted(s.source)} for {quoted(s.target)}",
        )
        if (y, x) in known and (y, x) not in thesaurus:  # b wrote the tortured phrase
            cue("spin", a.id).add(KNOWN_SWAP * s.count, b_wrote)
        elif (x, y) in known and (x, y) not in thesaurus:
            cue("spin", b.id).add(KNOWN_SWAP * s.count, a_wrote)
        elif judged_language(a, b):
            side = odd_side(s.source, s.target, th.odd_gap)
            if side == "target":
                cue("spin", a.id).add(SWAP * s.count, b_wrote)
            elif side == "source":
                cue("spin", b.id).add(SWAP * s.count, a_wrote)
        if tense_shift(x, y):
            cue("time", a.id).add(TENSE * s.count, f"{quoted(s.source)} -> {quoted(s.target)}")
        elif tense_shift(y, x):
            cue("time", b.id).add(TENSE * s.count, f"{quoted(s.target)} -> {quoted(s.source)}")
    for text_a, text_b in _passage_texts(a, b, c):
        if text_a == text_b:  # a verbatim copy: the same marks and facts on both sides
            continue
        (ea, la), (eb, lb) = time_marks(text_a), time_marks(text_b)
        if ea > eb and lb > la:
            cue("time", a.id).add(TIME, _time_example(text_a, text_b))
        elif eb > ea and la > lb:
            cue("time", b.id).add(TIME, _time_example(text_b, text_a))
        xa, xb = facts(_AGENCY_TAG.sub("", text_a)), facts(_AGENCY_TAG.sub("", text_b))
        if xb < xa and len(xa - xb) >= 2:
            cue("condensed", a.id).add(CONDENSED, _dropped_facts(xa - xb))
        elif xa < xb and len(xb - xa) >= 2:
            cue("condensed", b.id).add(CONDENSED, _dropped_facts(xb - xa))
    for p in c.passages:
        if p.label == "added" and promotional(text := " ".join(b.cut(s) for s in p.target_spans)):
            cue("promotion", a.id).add(PROMOTION, _clip(text))
        elif p.label == "omitted" and promotional(
            text := " ".join(a.cut(s) for s in p.source_spans)
        ):
            cue("promotion", b.id).add(PROMOTION, _clip(text))
    dropped_a, dropped_b = _dropped_inside(a, b, c)
    for first, found in ((a.id, dropped_a), (b.id, dropped_b)):
        for text in found:
            cue("dropped", first).add(DROPPED, _clip(text))
    out.cues = sorted(cues.values(), key=lambda c: (c.kind, c.first))
    return out


# A paper credited for what it reported: "according to The Sun", "told the Daily Mirror",
# "as first reported by the Ledger"; the name is the capitalised words after it.
_ATTRIBUTED = re.compile(
    r"\b(?:[Aa]ccording to|told|(?:first )?reported by|revealed by|quoted by|"
    r"(?:an )?interview with|speaking to|spoke to|wrote in|writing in)"
    r"\s+(?:[Tt]he\s+)?((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*){0,3})(?:'s|’s)?\b"
)


def _name_words(doc_id: str) -> frozenset[str]:
    """The words of a version's name (its file's name): "16.09.26_health052_sun" -> {"sun"}."""
    return frozenset(w for w in re.split(r"[^a-z]+", doc_id.lower()) if len(w) >= 3)


# Words a paper's name carries besides its own: "the Daily Mirror" is the Mirror.
_MASTHEAD_WORDS = frozenset({"the", "daily", "sunday", "weekly", "evening", "morning"})


def _credited_by_file_name(reader: Document, named: Document) -> str:
    """Where ``reader`` attributes a report to a paper every word of whose name is a word of
    ``named``'s file name and none of its own ("According to The Sun" in showbizdaily.txt,
    named sun.txt; "the Daily Mirror" is the Mirror): journalists save each paper's story
    under the paper's name. A paper's own interviews ("she told the Mirror" in mirror.txt,
    or in a page whose site is the Mirror) name itself; "Sky News" is not bbc_news.txt."""
    text = reader.text
    theirs = _name_words(named.id) - _name_words(reader.id)
    own = _name_words(reader.publisher)
    lower = text.lower() if theirs else ""
    for word in sorted(theirs):
        # Only where the word is written capitalised ("Sun", "SUN"): scanning a 1 MB text
        # for every attribution costs more than the rest of the pair's direction.
        for at in _capitalised(text, lower, word):
            window = _ATTRIBUTED.finditer(text, max(0, at - 80), at + len(word) + 3)
            for m in window:
                words = {w.lower() for w in m.group(1).split()} - _MASTHEAD_WORDS
                if word in words and words <= theirs and not words & own:
                    return _around(text, m.start(), m.end())
    return ""


def _capitalised(text: str, lower: str, word: str) -> Iterator[int]:
    """Where ``word`` (lower case) is written with a capital in ``text`` (``lower``, the same
    text in lower case, unless a letter changed length: "İ" is two in lower case)."""
    if len(lower) != len(text):
        yield from (
            m.start() for m in re.finditer(re.escape(word), text, re.I) if m[0][0].isupper()
        )
        return
    at = lower.find(word)
    while at >= 0:
        if text[at].isupper():
            yield at
        at = lower.find(word, at + 1)


# Where a sentence ends: its mark, any closing quote, then a space or the text's end.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s|\Z)|\n\s*\n")
_SPACE = re.compile(r"\s")


def _sentence_ends(text: str, pos: int) -> Iterator[int]:
    return (m.end() for m in _SENTENCE_END.finditer(text, pos))


def _around(text: str, start: int, end: int, reach: int = 60) -> str:
    """The sentence holding ``text[start:end]``, quoted, as much of it as lies within
    ``reach`` characters either side, cut at whole words ("..." where it is cut), so the
    words can be found in the file as quoted (spacing aside)."""
    left = max(0, start - reach)
    # Searched to the text's end, so a full stop before the name ("www.") is not read as
    # a sentence's end for lying at the end of the window.
    opened = list(itertools.takewhile(lambda e: e <= start, _sentence_ends(text, left)))
    head = ""
    if opened:
        left = opened[-1]
    elif left:
        space = _SPACE.search(text, left, start)
        left, head = (space.end(), "\u2026") if space else (start, "\u2026")
    closed = _SENTENCE_END.search(text, end)
    if closed and closed.start() <= end + reach:
        right, tail = closed.end(), ""
    elif len(text) <= end + reach:
        right, tail = len(text), ""
    else:
        cut = max(text.rfind(" ", end, end + reach), text.rfind("\n", end, end + reach))
        right, tail = (cut if cut > end else end + reach), "\u2026"
    body = " ".join(text[left:right].split())
    return quoted(f"{head}{body}{tail}")


def _credit(reader: Document, named: Document) -> str:
    """Where ``reader`` names ``named``'s site ("Dublin Daily Chronicle", or "NewsBites" for
    "NewsBites.ie"), as written (a site's name is a proper noun), with a few words around
    it; "" when it does not. A name that is one English word ("Express", or "news" left of
    a host name the page's metadata fell back to) is said in any story, and says nothing;
    nor does the reader's own site. A version with no site name (a text file) is credited
    by its file's name in an attribution (``_credited_by_file_name``)."""
    site = named.publisher
    if not site:
        return _credited_by_file_name(reader, named)
    if site == reader.publisher:
        return ""
    names = {site, re.sub(r"\.[a-z]{2,3}(\.[a-z]{2})?$", "", site, flags=re.I)}
    for name in sorted(names):
        words = name.split()
        if sum(ch.isalpha() for ch in name) < 4 or (
            len(words) == 1 and rarity(words[0]) >= COMMON_NAME_ZIPF
        ):
            continue
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", reader.text)
        if m:
            return _around(reader.text, m.start(), m.end())
    return ""


def _dropped_inside(a: Document, b: Document, c: Comparison) -> tuple[list[str], list[str]]:
    """Sentences of each side missing from the other though their paragraph is used: a
    summary drops sentences from inside the paragraphs it keeps, while a paper adding its own
    reporting adds whole paragraphs. Returns (a's sentences b left out, b's a left out)."""
    used_a = {s for p in c.passages if p.derived for s in p.source_sentences}
    used_b = {t for p in c.passages if p.derived for t in p.target_sentences}
    paras_a = {a.sentences[s].paragraph for s in used_a}
    paras_b = {b.sentences[t].paragraph for t in used_b}
    only_a = [
        a.sentence_text(s)
        for p in c.passages
        if p.label == "omitted"
        for s in p.source_sentences
        if a.sentences[s].paragraph in paras_a and a.sentences[s].kind == "text"
    ]
    only_b = [
        b.sentence_text(t)
        for p in c.passages
        if p.label == "added"
        for t in p.target_sentences
        if b.sentences[t].paragraph in paras_b and b.sentences[t].kind == "text"
    ]
    return only_a, only_b


def _clip(text: str, n: int = 40) -> str:
    """The text's first ``n`` characters or so, quoted, cut after a whole word."""
    text = " ".join(text.split())
    if len(text) > n:
        cut = text[: n - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "\u2026"
    return quoted(text)


def _time_example(early: str, late: str) -> str:
    from .facts import EARLY, LATE

    e, lt = EARLY.search(early), LATE.search(late)
    return f"{quoted(e.group(0))} -> {quoted(lt.group(0))}" if e and lt else ""


def directions(
    documents: Sequence[Document],
    pairs: dict[tuple[str, str], Comparison],
    known: dict[tuple[str, str], int],
    th: Thresholds,
) -> dict[frozenset[str], Direction]:
    by_id = {d.id: d for d in documents}
    return {
        frozenset((a, b)): direction(by_id[a], by_id[b], c, known, th)
        for (a, b), c in pairs.items()
    }
