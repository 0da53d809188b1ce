"""The specific facts of a passage and the marks of when it was written.

A newspaper that condenses a wire story keeps a subset of its facts (names, numbers, places)
and rarely adds new ones to the same sentence; it also moves the story in time ("today" ->
"yesterday", "is expected to" -> "was expected to"). Both point from source to copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from .escaping import blank_escapes
from .lexicon import zipf as _lookup
from .textnorm import STOPWORDS, features, stem

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w'\u2019-]*")
# A few thousand distinct words asked for 150,000 times on a 1 MB pair: each answer is kept.
zipf = cache(_lookup)
_POSSESSIVE = ("'s", "\u2019s")
# What ends the text before a sentence's first word (after any spacing).
_SENTENCE_END = frozenset('.!?:;"\u201c\u2018(')
# Capitalised words this common are sentence furniture ("The", "He", "But"), not names.
COMMON_ZIPF = 5.0

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
EARLY = re.compile(r"\b(today|tonight|this\s+(morning|afternoon|evening))\b", re.I)
LATE = re.compile(
    rf"\b(yesterday|last\s+night|on\s+({_WEEKDAYS})|({_WEEKDAYS})\s+(morning|afternoon|"
    rf"evening|night))\b",
    re.I,
)
# Present-tense wording a later report puts in the past.
TENSE = {
    "is": "was",
    "are": "were",
    "has": "had",
    "have": "had",
    "will": "would",
    "says": "said",
    "can": "could",
    "is expected": "was expected",
    "are expected": "were expected",
    "has been": "was",
    "will be": "would be",
}


# ``_TOKEN``'s tokens of ASCII text, read in C up to the next one that can be a fact (a
# number or a capitalised word), which is group 1. Every match starts where the last one
# ended (the skipped part always matches, possessively), so tokens are cut exactly where
# ``_TOKEN`` cuts them; the Python loop sees a sentence's few candidates, not all its words.
_CANDIDATE = re.compile(
    r"(?:[a-z][\w'\u2019-]*+|[^A-Za-z0-9])*+(\d[\d,.]*\d|\d|[A-Z][\w'\u2019-]*)?"
)


@lru_cache(maxsize=65536)
def facts(text: str) -> frozenset[str]:
    """Numbers (digits only, so "41,000" = "41000") and names (capitalised words that are not
    just a sentence's first word, lower-cased) in ``text``."""
    text = blank_escapes(text)  # "␛[31m" holds no number 31
    if not text.isascii():
        return _facts_of(text, ((m.group(), m.start()) for m in _TOKEN.finditer(text)))
    return _facts_of(text, ((m[1], m.start(1)) for m in _CANDIDATE.finditer(text) if m[1]))


def _facts_of(text: str, tokens: Iterable[tuple[str, int]]) -> frozenset[str]:
    out: set[str] = set()
    for token, at in tokens:
        if token[0].isdigit():
            out.add(token.replace(",", "").replace(".", ""))
            continue
        if not token[0].isupper():
            continue
        low = token.lower()
        if low.endswith(_POSSESSIVE):
            low = low[:-2]
        at_start = _after_sentence_end(text, at)
        if at_start and not token.isupper():
            # A sentence's first word is capitalised anyway: a name only if it is rare.
            if zipf(low) >= 3.5:
                continue
        elif zipf(low) >= COMMON_ZIPF:
            continue
        out.add(low)
    return frozenset(out)


def _after_sentence_end(text: str, i: int) -> bool:
    """True when ``text[i]`` opens the text or follows a sentence's end and any spacing.
    Looks back from ``i``: a regex search of the text before each capitalised word took time
    in the square of a passage's length."""
    if i == 0 or (i == 1 and text[0] == "\n"):  # as the regex it replaces had it ($)
        return True
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j > 0 and text[j - 1] in _SENTENCE_END


_UNITS = (  # noqa: SIM905
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
NUMBER_WORDS = {w: str(n) for n, w in enumerate(_UNITS)} | {
    w: str(n) for w, n in (*_TENS.items(), ("ninety", 90), ("hundred", 100), ("thousand", 1000))
}


@lru_cache(maxsize=65536)
def specifics(text: str, rare: float) -> tuple[frozenset[str], frozenset[str]]:
    """What a rewrite keeps of a sentence when it keeps nothing of its phrasing: its content
    words by stem (numbers as digits, "fourteen" = "14"), and the specific ones among them:
    numbers, names and words rarer than ``rare`` Zipf."""
    found = facts(text)
    names = {stem(f) for f in found if not f.isdigit()}
    content: set[str] = {f for f in found if f.isdigit()}
    special = set(content) | names
    for w in features(text).words:
        if w in STOPWORDS or not w.isalpha():
            continue
        if w in NUMBER_WORDS:
            content.add(NUMBER_WORDS[w])
            special.add(NUMBER_WORDS[w])
            continue
        if len(w) < 3:
            continue
        k = stem(w)
        content.add(k)
        if zipf(w) < rare:
            special.add(k)
    content |= names
    return frozenset(content), frozenset(special)


@lru_cache(maxsize=65536)
def time_marks(text: str) -> tuple[int, int]:
    """(early, late): how many "today"-style and "yesterday"-style marks ``text`` has. An
    ASCII text without the words every mark holds ("today", "tonight", "this"; "day",
    "last") is not searched: most sentences have none, and the tree asks about every
    passage of every pair. (Other text is always searched: case-blind matching finds "s" in
    "ſ".)"""
    if not text.isascii():
        return len(EARLY.findall(text)), len(LATE.findall(text))
    low = text.lower()
    early = "today" in low or "tonight" in low or "this" in low
    late = "day" in low or "last" in low
    return (
        len(EARLY.findall(text)) if early else 0,
        len(LATE.findall(text)) if late else 0,
    )


def tense_shift(before: str, after: str) -> bool:
    """True when ``after`` is ``before`` moved into the past ("is" -> "was")."""
    return TENSE.get(before.lower()) == after.lower()
