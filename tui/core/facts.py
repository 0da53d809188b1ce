"""The specific facts of a passage and the marks of when it was written.

A newspaper that condenses a wire story keeps a subset of its facts (names, numbers, places)
and rarely adds new ones to the same sentence; it also moves the story in time ("today" ->
"yesterday", "is expected to" -> "was expected to"). Both point from source to copy.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import zipf
from .textnorm import STOPWORDS, features, stem

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w'\u2019-]*")
_SENTENCE_START = re.compile(r"(^|[.!?:;\"\u201c\u2018(]\s*)$")
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


@lru_cache(maxsize=65536)
def facts(text: str) -> frozenset[str]:
    """Numbers (digits only, so "41,000" = "41000") and names (capitalised words that are not
    just a sentence's first word, lower-cased) in ``text``."""
    out: set[str] = set()
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            out.add(re.sub(r"[,.]", "", token))
            continue
        if not token[0].isupper():
            continue
        low = re.sub(r"['\u2019]s$", "", token.lower())
        at_start = _SENTENCE_START.search(text, 0, m.start()) is not None
        if at_start and not token.isupper():
            # A sentence's first word is capitalised anyway: a name only if it is rare.
            if zipf(low) >= 3.5:
                continue
        elif zipf(low) >= COMMON_ZIPF:
            continue
        out.add(low)
    return frozenset(out)


@lru_cache(maxsize=65536)
def specifics(text: str, rare: float) -> frozenset[str]:
    """What a rewrite keeps of a sentence when it keeps nothing of its phrasing: its numbers,
    names and rare words (rarer than ``rare`` Zipf), names and words by stem so that
    inflections and possessives still match."""
    found = facts(text)
    out = {f for f in found if f.isdigit()}
    out.update(stem(f) for f in found if not f.isdigit())
    for w in features(text).words:
        if len(w) > 3 and w.isalpha() and w not in STOPWORDS and zipf(w) < rare:
            out.add(stem(w))
    return frozenset(out)


def time_marks(text: str) -> tuple[int, int]:
    """(early, late): how many "today"-style and "yesterday"-style marks ``text`` has."""
    return len(EARLY.findall(text)), len(LATE.findall(text))


def tense_shift(before: str, after: str) -> bool:
    """True when ``after`` is ``before`` moved into the past ("is" -> "was")."""
    return TENSE.get(before.lower()) == after.lower()
