"""Figures a copy changed: a number of the source whose place in the copy holds another.

"Jailed for five years" where the wire said three, "£69m" for "£96m", "three" for "twelve":
for a court or money story the most important edit a copy makes, and one no word swap
lists (a spinner does not change a figure; ``diffing._swap`` leaves figures out). A change is
read from a passage's word diff the way a swap is: a run of changes is realigned word by
word and split into slots (``diffing.slots``). A slot pinned by kept text whose deleted words
all lie in one figure of the source and inserted words in one figure of the target pairs the
two; so does a longer slot whose two sides open (or close) with a figure right beside the
kept text, when one side is that figure alone ("Ashdown, [58, of Larkspur Drive,] told" for
"Ashdown, [68,] told"). A rewrite that reorders a passage's sentences leaves no slot, so a
figure between the same words on both sides ("between March [2024] and January") is paired
too. A pair is a changed figure when a deleted figure stands opposite an inserted one and
the two do not have the same value.

A listed change is a claim a journalist puts to an editor, so whatever is unclear is left
out rather than guessed:

* the same value written another way is no change: "12" and "twelve", "£96m" and
  "£96 million", "3 per cent" and "3%", "41,000" and "41000", "$33,011" and "$33.011" (a
  decimal comma), "7:31 PM" and "19:31";
* a rounding said to be one is no change: "about 3,900" for "3,914" (within a tenth);
* a slot holding other words beside its figures on both sides ("[48 hours]" for "[two
  days]", "admitted [14 counts of] fraud" for "admitted [15] fraud"), two figures in one
  slot, a slot nothing kept pins, or a figure paired with two others is no listed change;
* a figure moved elsewhere in the passage is no change: the old value must be rarer in the
  copy's passage than in the source's and the new one rarer in the source's (reordered
  clauses keep both);
* ordinals, shares, decades and times of day are compared only with their own kind ("third"
  for "3" is left out), and values in different units ("5km" for "3mi") or currencies
  ("$120m" for "£96m": a conversion) are left out. A glued "m" or "k" without a currency
  may be a length or a distance ("100m"), so it reads both ways.

* a figure in a line of a table or a listing (fewer than three words beside its figures:
  "299 (as of 2004) [4]") is left out: two such lines alike in form are two entries.

Otherwise a change is only as sure as the passage's alignment: two sentences alike in form
but about two things ("11 officers" of one police force, "26 officers" of another) that the
aligner pairs give a change no editor made.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .diffing import _WORD, _changed_runs, run_starts, slots
from .escaping import blank_escapes
from .facts import NUMBER_WORDS
from .model import ChangedFigure, DiffOp
from .textnorm import MAGNITUDES, STOPWORDS, fold

_SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# The magnitudes sentence comparison reads, but a figure glued to "b" ("5b") stays unread.
_SCALES = {k: _SCALE_WORDS[word] for k, word in MAGNITUDES.items() if k != "b"}
# Glued to digits these may be a unit instead ("100m" sprint, "5k" run): read both ways.
_AMBIGUOUS_SCALES = frozenset({"m", "k"})
_ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "  # noqa: SIM905
        "twelfth".split(),
        1,
    )
}
# Letters a figure may have glued on: scales, ordinal endings, decades, times of day and
# units of measure ("96m", "3rd", "1990s", "3pm", "34ft", "50mph", "20C", "50p").
_GLUED = frozenset(
    "million billion trillion thousand m mn bn k tn st nd rd th s am pm "  # noqa: SIM905
    "ft in yd mi mm cm km kg g mg lb lbs oz l ml mph kmh ha p c f".split()
)
_SWAP_MARKS = str.maketrans(",.", ".,")
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
_NUMBER_WORD = "|".join(
    sorted([*NUMBER_WORDS, "million", "billion", "trillion"], key=len, reverse=True)
)
# "and" joins number words only after a hundred or more ("one hundred and twenty"):
# "between three and four" is two figures.
_JOIN = r"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+|[\s-]+)"
_PER_CENT = r"(?P<pct>\s?%|\s+(?:per\s+cent|percent)\b)?"
# Digits, as a figure: not part of a word or code ("A380", "COVID-19", "M5"), a date or a
# fraction ("09/06/26", "24/7"); a time of day; thousands in groups of three; a decimal
# part; letters glued on ("96m", "3rd", "1990s", "34ft", "3pm"); a scale word; per cent.
_DIGITS = re.compile(
    r"(?:(?P<cur>[£$€¥])\s?)?(?<![\w.,:/])(?<!\w-)"
    r"(?:(?P<time>\d{1,2}:\d{2})(?:\s?(?P<half>[AaPp])\.?[Mm]\b\.?)?"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<glue>(?i:million|billion|trillion|thousand)|[A-Za-z]{1,3})?)"
    r"(?![\w/:])(?![.,]\d)"
    rf"(?:\s+(?P<scale>(?i:thousand|million|billion|trillion|bn|mn)\b))?{_PER_CENT}"
)
# Number words ("twelve", "twenty-five", "one hundred and twenty", "three million"), a
# currency sign before them, per cent after; or an ordinal word ("third").
_WORDS = re.compile(
    rf"(?:(?P<cur>[£$€¥])\s?)?(?<![\w-])(?P<words>(?:{_NUMBER_WORD})"
    rf"(?:{_JOIN}(?:{_NUMBER_WORD}))*)(?!\w){_PER_CENT}"
    rf"|(?<![\w-])(?P<ordinal>{'|'.join(_ORDINAL_WORDS)})(?!\w)",
    re.IGNORECASE,
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "  # noqa: SIM905
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Words that make a figure rough: "about 3,900" for "3,914" is the same figure rounded.
_HEDGE = re.compile(
    r"\b(?:about|around|some|nearly|almost|approximately|roughly|more\s+than|over|under|"
    r"less\s+than|fewer\s+than|up\s+to|close\s+to|estimated|at\s+least|upwards\s+of|"
    r"in\s+excess\s+of)\s+$",
    re.IGNORECASE,
)
_HEDGE_REACH = 40
# Words a sentence needs for a figure in it to be listed changed (see ``_wordy``).
MIN_WORDS = 3
# Characters read each side of a figure for the words around it.
_CONTEXT_REACH = 60
# Figures within this fraction of each other, one said to be rough, are the same one rounded.
ROUNDING = 10
# A figure that says what it counts already: a share or a time of day.
_HAS_UNIT = re.compile(r"%|cent\b|:", re.IGNORECASE)
_NEXT_WORD = re.compile(r"(\s+|-)(\w+)")
_LAST_WORD = re.compile(r"(\w+)(\s+)$")


@dataclass(frozen=True, eq=False)
class Figure:
    """A figure in a text: where it lies, and what it says. Each is one place in one text,
    so two are equal only if they are the same object (and hash as fast)."""

    start: int
    end: int
    # Every value it may be read as ("100m": a hundred million, or a hundred of a unit "m").
    values: frozenset[tuple[Decimal, str]]
    kind: str  # "cardinal", "percent", "ordinal", "decade" or "time"
    currency: str
    # The number as written, "," and "." swapped: "33,011" is "33.011" where a decimal
    # comma is the custom, a convention and no change.
    swapped: str = ""

    @property
    def numbers(self) -> frozenset[Decimal]:
        return frozenset(v for v, _ in self.values)

    @property
    def signature(self) -> tuple[frozenset[tuple[Decimal, str]], str, str]:
        """What ``same`` reads: figures alike in it are the same figure."""
        return self.values, self.currency, self.swapped

    def same(self, other: Figure) -> bool:
        """The same figure, however written: some reading of each has the same value, or
        the two differ only in their decimal and thousands marks."""
        if not self.currency_agrees(other):
            return False
        return not self.numbers.isdisjoint(other.numbers) or _convention(self, other)

    def currency_agrees(self, other: Figure) -> bool:
        return not (self.currency and other.currency) or self.currency == other.currency

    def comparable(self, other: Figure) -> bool:
        """Whether a different value is a changed figure and not another kind of number or
        another unit (where a different value may well be the same quantity converted)."""
        if self.kind != other.kind or not self.currency_agrees(other):
            return False
        return any(not u or not w or u == w for _, u in self.values for _, w in other.values)


def figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order (digits first where a figure is read both ways)."""
    text = blank_escapes(text)  # "␛[0m" is a code, not "0m", 0 million
    found = [f for m in _DIGITS.finditer(text) if (f := _digit_figure(m))]
    taken = [(f.start, f.end) for f in found]
    for m in _WORDS.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            found.append(_word_figure(m))
    return sorted(found, key=lambda f: (f.start, f.end))


def _hedged(text: str, at: int) -> bool:
    """Whether a hedge ends just before ``at`` (only the few words before it are read)."""
    return _HEDGE.search(text, max(0, at - _HEDGE_REACH), at) is not None


def _digit_figure(m: re.Match[str]) -> Figure | None:
    cur, glue, scale = m["cur"] or "", (m["glue"] or "").lower(), (m["scale"] or "").lower()
    if glue and glue not in _GLUED:
        return None  # a code or a misreading ("4G", "3D", "2OOO"), not a figure
    if m["time"]:
        return Figure(m.start(), m.end(), _clock(m["time"], m["half"]), "time", cur)
    try:
        number = Decimal(m["num"].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only matches decimals
        return None
    kind = (
        "ordinal"
        if glue in _ORDINAL_ENDINGS
        else "decade"
        if glue == "s"
        else "percent"
        if m["pct"]
        else "cardinal"
    )
    if kind == "ordinal" or not glue:
        values = {(number * _SCALES.get(scale, 1), "")}
    elif glue in _SCALES and scale == "":
        values = {(number * _SCALES[glue], "")}
        if glue in _AMBIGUOUS_SCALES and not cur:
            values.add((number, glue))
    else:
        values = {(number * _SCALES.get(scale, 1), glue)}
    swapped = m["num"].translate(_SWAP_MARKS)
    return Figure(m.start(), m.end(), frozenset(values), kind, cur, swapped)


def _clock(time: str, half: str | None) -> frozenset[tuple[Decimal, str]]:
    """Minutes after midnight: "7:31 PM" and "19:31" are one time; "7:31" alone may be
    either."""
    hours, minutes = (int(x) for x in time.split(":"))
    if half:
        hours = hours % 12 + (12 if half.lower() == "p" else 0)
        return _one(hours * 60 + minutes)
    readings = {hours} | ({hours + 12} if hours < 12 else set()) | ({0} if hours == 12 else set())
    return frozenset((Decimal(h * 60 + minutes), "") for h in readings)


def _convention(f: Figure, g: Figure) -> bool:
    return bool(f.swapped) and f.swapped == g.swapped.translate(_SWAP_MARKS)


def _word_figure(m: re.Match[str]) -> Figure:
    if m["ordinal"]:
        return Figure(m.start(), m.end(), _one(_ORDINAL_WORDS[m["ordinal"].lower()]), "ordinal", "")
    words = re.findall(r"[a-z]+", m["words"].lower())
    kind = "percent" if m["pct"] else "cardinal"
    return Figure(m.start(), m.end(), _one(_words_value(words)), kind, m["cur"] or "")


def _one(value: int | Decimal) -> frozenset[tuple[Decimal, str]]:
    return frozenset({(Decimal(value), "")})


def _words_value(words: list[str]) -> int:
    """ "one hundred and twenty" -> 120, "three million" -> 3,000,000."""
    total = current = 0
    for w in words:
        if w == "and":
            continue
        if w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            current += int(NUMBER_WORDS.get(w, "0"))
    return total + current


def _numeric(text: str) -> bool:
    return _DIGITS.search(text) is not None or _WORDS.search(text) is not None


def changed_figures(diff: Sequence[DiffOp]) -> list[tuple[str, str, int, int]]:
    """(source wording, target wording, where in the source side, where in the target side)
    of each figure the diff's target changed, in the diff's order. The sides are the diff's
    own (equal and deleted text; equal and inserted text)."""
    # A figure given as another is deleted on one side and inserted on the other (diffs
    # are by whole words): most passages have no number in one of the two, and reading
    # every figure of both sides cost a twentieth of a 1 MB run.
    if not any(_numeric(t) for op, t in diff if op == "delete") or not any(
        _numeric(t) for op, t in diff if op == "insert"
    ):
        return []
    source = "".join(t for op, t in diff if op != "insert")
    target = "".join(t for op, t in diff if op != "delete")
    ours, theirs = figures(source), figures(target)
    if not ours or not theirs:
        return []
    deleted, inserted = _edits(diff)
    held = _slot_pairs(diff, ours, theirs)
    held += _context_pairs(
        (source, [f for f in ours if _touches(deleted, f)]),
        (target, [g for g in theirs if _touches(inserted, g)]),
        held,
    )
    here, there = _Tally(ours), _Tally(theirs)
    sides = source, target
    partners: dict[Figure, set[Figure]] = {}
    for f, g in held:
        partners.setdefault(f, set()).add(g)
        partners.setdefault(g, set()).add(f)
    pairs: list[tuple[Figure, Figure]] = []
    for f, g in dict.fromkeys(held):
        # Each figure paired with one other only: a figure two slots pair with different
        # figures has no clear counterpart. A deleted figure opposite an inserted one:
        # "one [million]" for "one" is a word dropped, not a figure given as another.
        alone = len(partners[f]) == len(partners[g]) == 1
        edited = _touches(deleted, f) and _touches(inserted, g)
        if alone and edited and _changed(f, g, here, there) and not _rounded(f, g, sides):
            pairs.append((f, g))
    return [(*_shown(source, f, target, g), f.start, g.start) for f, g in pairs]


def _edits(diff: Sequence[DiffOp]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where the diff deleted text on the source side and inserted it on the target side
    (spacing alone is no edit)."""
    deleted: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    src = tgt = 0
    for op, text in diff:
        if op == "delete" and not text.isspace():
            deleted.append((src, src + len(text)))
        elif op == "insert" and not text.isspace():
            inserted.append((tgt, tgt + len(text)))
        src += len(text) if op != "insert" else 0
        tgt += len(text) if op != "delete" else 0
    return deleted, inserted


def _touches(edits: list[tuple[int, int]], f: Figure) -> bool:
    """Whether an edit (in order, never overlapping) overlaps the figure."""
    k = bisect_right(edits, (f.end, f.end)) - 1
    return k >= 0 and edits[k][1] > f.start and edits[k][0] < f.end


def _slot_pairs(
    diff: Sequence[DiffOp], ours: list[Figure], theirs: list[Figure]
) -> list[tuple[Figure, Figure]]:
    """The figures the diff puts in one slot: a slot whose deleted words all lie in one
    figure and inserted words in one, pinned by kept text on either side; or, in a longer
    slot, the figures that open both sides just after kept text, or close both just before
    it ("Ashdown, [58, of Larkspur Drive,] told" for "Ashdown, [68,] told")."""
    our_starts, their_starts = [f.start for f in ours], [f.start for f in theirs]
    found: list[tuple[Figure, Figure]] = []
    for (old, new, before, after), (s0, t0) in zip(
        _changed_runs(diff), run_starts(diff), strict=True
    ):
        for a, b, left, right in slots(old, new, before, after):
            if not (a and b and (left or right)):
                continue
            whole_f = _holding(ours, our_starts, [(s0 + w.start(), s0 + w.end()) for w in a])
            whole_g = _holding(theirs, their_starts, [(t0 + w.start(), t0 + w.end()) for w in b])
            if whole_f and whole_g:
                # The kept text beside the slot is part of both figures or of neither:
                # "£[96m]" for "£[69m]", "[41],000" for "[42],000"; not "12.2 [million]"
                # for "12.2 [1000000]", where the copy's figure is another number.
                if _runs_on(whole_f, s0, a) == _runs_on(whole_g, t0, b):
                    found.append((whole_f, whole_g))
                continue
            for edge, pinned in ((0, left), (-1, right)):
                f = _holding(ours, our_starts, [(s0 + a[edge].start(), s0 + a[edge].end())])
                g = _holding(theirs, their_starts, [(t0 + b[edge].start(), t0 + b[edge].end())])
                if not (pinned and f and g):
                    continue
                if _other_figure(ours, our_starts, s0, a, f) or _other_figure(
                    theirs, their_starts, t0, b, g
                ):
                    continue  # two figures in the slot: which one changed is not clear
                # One side is its figure alone and the other adds or drops words set off
                # from its figure ("Ashdown, [58, of Larkspur Drive,] told" for "Ashdown,
                # [68,] told"), or both figures run on into the kept text ("stole £[1].27m"
                # for "took £[2].27m"). Not "[48 hours]" for "[two days]", nor "admitted
                # [14 counts of] fraud" for "admitted [15] fraud": the words beside differ.
                if whole_f:
                    clear = _set_off(new, t0, b, g, edge)
                elif whole_g:
                    clear = _set_off(old, s0, a, f, edge)
                elif edge == 0:
                    clear = f.start < s0 + a[0].start() and g.start < t0 + b[0].start()
                else:
                    clear = f.end > s0 + a[-1].end() and g.end > t0 + b[-1].end()
                if clear:
                    found.append((f, g))
    return found


def _runs_on(f: Figure, at: int, words: list[re.Match[str]]) -> tuple[bool, bool]:
    """Whether figure ``f`` runs on before and after the slot's ``words`` (the slot's
    text starting at ``at``) into the kept text."""
    return f.start < at + words[0].start(), f.end > at + words[-1].end()


def _other_figure(
    found: list[Figure], starts: list[int], at: int, words: list[re.Match[str]], f: Figure
) -> bool:
    """Whether a word of the slot lies in a figure other than ``f``."""
    for w in words:
        k = bisect_right(starts, at + w.start()) - 1
        if k >= 0 and found[k] != f and at + w.start() < found[k].end:
            return True
    return False


def _set_off(run: str, at: int, words: list[re.Match[str]], f: Figure, edge: int) -> bool:
    """Whether the slot's other words are set off from its edge figure ``f`` (``run``'s
    text starts at ``at``): by punctuation, or a function word next to it ("58, of", "3 in
    2020"), not a word the figure counts ("14 counts")."""
    if edge == 0:
        rest = [w for w in words if at + w.start() >= f.end]
        if not rest:
            return True
        gap, word = run[f.end - at : rest[0].start()], rest[0].group()
    else:
        rest = [w for w in words if at + w.end() <= f.start]
        if not rest:
            return True
        gap, word = run[rest[-1].end() : f.start - at], rest[-1].group()
    return bool(gap.strip()) or fold(word) in STOPWORDS


def _context_pairs(
    ours: tuple[str, list[Figure]],
    theirs: tuple[str, list[Figure]],
    held: list[tuple[Figure, Figure]],
) -> list[tuple[Figure, Figure]]:
    """Figures no slot holds that stand between the same words on both sides: the word
    before and the word after each the same, one more beside them the same too, and one of
    them a content word ("between March [2024] and January", "waters within [72] hours").
    A rewrite that reorders a passage's sentences leaves no slot for the diff to find, but a
    figure between the same words is in the same place in the story. Only a figure with one
    such counterpart on the other side is paired. Each side: its text, and its figures the
    diff changed."""
    taken = {f for pair in held for f in pair}
    index: dict[Around, list[Figure]] = {}
    source, mine = ours
    target, other = theirs
    for f in mine:
        if f not in taken:
            for key in _places(_around(source, f)):
                index.setdefault(key, []).append(f)
    found: list[tuple[Figure, Figure]] = []
    for g in other:
        if g not in taken:
            hits = [index.get(key, []) for key in _places(_around(target, g))]
            # One counterpart only: a template line repeated ("cost £[5]m in") pairs none.
            matches = {id(f): f for near in hits if len(near) == 1 for f in near}
            if hits and all(len(near) <= 1 for near in hits) and len(matches) == 1:
                found.append((*matches.values(), g))
    return found


Around = tuple[tuple[str, ...], tuple[str, ...]]


def _around(text: str, f: Figure) -> Around:
    """The two words before a figure and the two after it, folded."""
    before = _WORD.findall(text, max(0, f.start - _CONTEXT_REACH), f.start)[-2:]
    after = _WORD.findall(text, f.end, f.end + _CONTEXT_REACH)[:2]
    return tuple(fold(w) for w in before), tuple(fold(w) for w in after)


def _places(around: Around) -> list[Around]:
    """Keys two figures in the same place share: the two words before and the one after,
    or the one before and the two after; one of them a content word."""
    before, after = around
    keys: list[Around] = []
    if len(before) == 2 and after:
        keys.append((before, after[:1]))
    if before and len(after) == 2:
        keys.append((before[-1:], after))
    return [k for k in keys if any(_content(w) for w in (*k[0], *k[1]))]


def _content(word: str) -> bool:
    return word.isalpha() and word not in STOPWORDS and word not in NUMBER_WORDS


def _holding(found: list[Figure], starts: list[int], words: list[tuple[int, int]]) -> Figure | None:
    """The one figure that holds every word of a slot's side (``found`` in order, never
    overlapping; ``starts`` their starts); None when a word lies outside it or the words lie
    in two figures."""
    held: set[Figure] = set()
    for a, b in words:
        k = bisect_right(starts, a) - 1
        if k < 0 or b > found[k].end:
            return None
        held.add(found[k])
    return held.pop() if len(held) == 1 else None


class _Tally:
    """How many figures of a side are the same figure as a given one, each answer kept: a
    passage of a thousand figures asks about the same few values again and again."""

    def __init__(self, found: list[Figure]) -> None:
        self.index: dict[object, list[Figure]] = {}
        for f in found:
            for key in (*f.numbers, ("written", f.swapped)):
                self.index.setdefault(key, []).append(f)
        self.counts: dict[object, int] = {}

    def count(self, f: Figure) -> int:
        key = f.signature
        if key not in self.counts:
            keys = (*f.numbers, ("written", f.swapped.translate(_SWAP_MARKS)))
            near = {id(x): x for k in keys for x in self.index.get(k, ())}
            self.counts[key] = sum(f.same(x) for x in near.values())
        return self.counts[key]


def _changed(f: Figure, g: Figure, here: _Tally, there: _Tally) -> bool:
    """A different value of the same kind, the old one fewer times in the target and the
    new one fewer times in the source: not a figure that only moved."""
    if f.same(g) or not f.comparable(g):
        return False
    return there.count(f) < here.count(f) and here.count(g) < there.count(g)


def _rounded(f: Figure, g: Figure, sides: tuple[str, str]) -> bool:
    """The two within a tenth of each other, and one said to be rough ("about 3,900" for
    "3,914"): the same figure rounded."""
    near = any(
        abs(x - y) * ROUNDING <= max(abs(x), abs(y)) for x, _ in f.values for y, _ in g.values
    )
    return near and (_hedged(sides[0], f.start) or _hedged(sides[1], g.start))


def _shown(source: str, f: Figure, target: str, g: Figure) -> tuple[str, str]:
    """The two figures as a reader finds them, with what follows them on both sides when it
    is the same word ("three years" -> "five years"), or a month before or after ("9 June").
    Spacing is collapsed: a wire story wraps its lines anywhere."""
    a0, a1, b0, b1 = f.start, f.end, g.start, g.end
    after_a, after_b = _NEXT_WORD.match(source, a1), _NEXT_WORD.match(target, b1)
    counted = not _HAS_UNIT.search(source, a0, a1) and not _HAS_UNIT.search(target, b0, b1)
    if counted and after_a and after_b and _unit(after_a[2], after_b[2]):
        a1, b1 = after_a.end(), after_b.end()
    before_a = _LAST_WORD.search(source, max(0, a0 - _CONTEXT_REACH), a0)
    before_b = _LAST_WORD.search(target, max(0, b0 - _CONTEXT_REACH), b0)
    if before_a and before_b and _same_month(before_a[1], before_b[1]):
        a0, b0 = before_a.start(), before_b.start()
    return " ".join(source[a0:a1].split()), " ".join(target[b0:b1].split())


def _unit(a: str, b: str) -> bool:
    """The same word after both figures that says what they count ("years", "litres") or
    which month a date is in."""
    if fold(a) != fold(b):
        return False
    word = fold(a)
    if word in _MONTHS and a[:1].isupper():
        return True
    return a.isalpha() and a.islower() and word not in STOPWORDS and word not in NUMBER_WORDS


def _same_month(a: str, b: str) -> bool:
    return fold(a) == fold(b) and fold(a) in _MONTHS and a[:1].isupper()


def passage_figures(
    diff: Sequence[DiffOp],
    sources: Sequence[tuple[int, str]],
    targets: Sequence[tuple[int, str]],
) -> list[ChangedFigure]:
    """The figures a passage's target changed, each with the sentence it is in on each side.
    ``sources`` and ``targets`` are the passage's sentences (index, text) in the order the
    diff's sides join them, one space between."""
    found = changed_figures(diff)
    if not found:
        return []
    ours, theirs = _Sentences(sources), _Sentences(targets)
    texts, other = dict(sources), dict(targets)
    out: list[ChangedFigure] = []
    for a, b, i, j in found:
        s, t = ours.at(i), theirs.at(j)
        if _wordy(texts[s]) and _wordy(other[t]):
            out.append(ChangedFigure(a, b, s, t))
    return out


def _wordy(sentence: str) -> bool:
    """A sentence of prose ("Keble, 52, admitted theft." at the least), not a line of a
    table or a listing ("299 (as of 2004) [4]", "Philadelphia: H.S. Tanner, 1825."), where a
    figure is most of what there is and two lines alike in form are about two things."""
    return sum(1 for w in _WORD.findall(sentence) if w.isalpha() and len(w) > 1) >= MIN_WORDS


class _Sentences:
    """Which sentence a character of a diff's side (sentences joined by one space) is in."""

    def __init__(self, sentences: Sequence[tuple[int, str]]) -> None:
        self.ids = [index for index, _ in sentences]
        self.ends: list[int] = []
        end = 0
        for _, text in sentences:
            end += len(text) + 1
            self.ends.append(end)

    def at(self, offset: int) -> int:
        return self.ids[min(bisect_right(self.ends, offset), len(self.ids) - 1)]
