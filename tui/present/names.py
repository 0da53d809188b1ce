"""Short names that tell versions apart where a whole file name does not fit.

Ten copies of one story usually arrive as ``02.11.99_chips271_guardian.txt``,
``02.11.99_chips271_times.txt`` and so on: cut to a column's width they all read
``02.11.99_chips271…`` and no paper can be told from another. The words every name shares
say nothing about which version is which, so they go (whole words only, at ``_ - .`` or
space), and what is left names the version: ``guardian``, ``times``; where they share words
at different places (a dated name beside a bare ``wire``), each keeps the words only it has.
When what is left is still too long to read at a glance (names with nothing in common), the
versions are lettered A, B, C… in their order instead, and a screen or report that shows
the names shows the legend beside them (``VersionNames.legend``).

Stripping the same words from every name keeps distinct names distinct, so a short name
always identifies one version.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.language import is_language_warning
from ..core.lexicon import zipf

# A name longer than this is not read at a glance (and does not fit a narrow column).
LIMIT = 24
# An id this common as an English word (wordfreq zipf; "end" 6.3, "slug" 3.1) is a word too.
EVERYDAY_ZIPF = 3.0
_SEPARATORS = re.compile(r"([\s_.\-]+)")
_WORD = re.compile(r"[^\s_.\-]+")


@dataclass(frozen=True)
class VersionNames:
    """Each version id's short name; ``lettered`` when the versions are lettered A, B, C…."""

    short: dict[str, str]
    lettered: bool = False

    def __call__(self, doc_id: str) -> str:
        """The short name (an id it does not know, such as a lost original, as it is)."""
        return self.short.get(doc_id, doc_id)

    @property
    def shortened(self) -> bool:
        return any(s != doc_id for doc_id, s in self.short.items())

    def legend(self) -> list[tuple[str, str]]:
        """``(short name, id)`` per version, in order; empty when every name is whole."""
        return [(s, i) for i, s in self.short.items()] if self.shortened else []

    def rename(self, text: str) -> str:
        """``text`` (the engine's evidence and notes, which name versions by id) with each
        whole id replaced by its short name. An id that is also an everyday word ("end",
        "slug") is left as it is: the engine's sentences use such words as words too ("agency
        furniture: byline, end, slug"), and the legend still says which version it is."""
        if not self.shortened:
            return text
        ids = sorted(
            (i for i, s in self.short.items() if s != i and not _everyday_word(i)),
            key=len,
            reverse=True,
        )
        if not ids:
            return text
        # Whole ids only: not inside a longer name (letters, digits, _ or - on either side).
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(i) for i in ids) + r")(?![\w-])")
        return pattern.sub(lambda m: self.short[m.group(1)], text)


def _everyday_word(doc_id: str) -> bool:
    return doc_id.isalpha() and zipf(doc_id.lower()) >= EVERYDAY_ZIPF


def warning_named(warning: str, names: VersionNames) -> str:
    """A report warning with versions by their short names where it names them by id only
    (a language warning); any other keeps its file paths as written."""
    return names.rename(warning) if is_language_warning(warning) else warning


# Every version by its whole id: for a caller with no report to name versions from.
WHOLE = VersionNames({})


def version_names(ids: Sequence[str], limit: int = LIMIT) -> VersionNames:
    """Short distinct names for ``ids`` (distinct themselves), in the order given."""
    ids = list(dict.fromkeys(ids))
    for short in (strip_common_words(ids), own_words(ids)):
        if max((len(s) for s in short), default=0) <= limit:
            return VersionNames(dict(zip(ids, short, strict=True)))
    return VersionNames(dict(zip(ids, letters(len(ids)), strict=True)), lettered=True)


def own_words(ids: Sequence[str]) -> list[str]:
    """Each id cut to the stretch from its first to its last word no other id has, figures
    left out: what names a paper when the ids share words but not at the same places
    (``12.03.26_courts114_express`` beside ``13.03.26_courts114_niddgazette`` and ``wire``:
    express, niddgazette, wire). The ids themselves when that leaves any id without a word
    or two ids alike."""
    if len(ids) < 2:
        return list(ids)
    words = [list(_WORD.finditer(i)) for i in ids]
    seen: dict[str, int] = {}
    for ws in words:
        for w in {m.group().casefold() for m in ws}:
            seen[w] = seen.get(w, 0) + 1
    out = []
    for i, ws in zip(ids, words, strict=True):
        own = [m for m in ws if seen[m.group().casefold()] == 1 and not m.group().isdigit()]
        out.append(i[own[0].start() : own[-1].end()] if own else "")
    if not all(out) or len(set(out)) < len(out):
        return list(ids)
    return out


def strip_common_words(ids: Sequence[str]) -> list[str]:
    """Each id without the leading and trailing words that every id shares.

    At least one word of each id is kept, so ``story`` and ``story_copy`` stay as they are
    rather than one of them becoming empty.
    """
    if len(ids) < 2:
        return list(ids)
    # re.split with a group alternates words and separators: w0 s0 w1 s1 ... wn.
    parts = [_SEPARATORS.split(i) for i in ids]
    words = min(len(p) // 2 + 1 for p in parts)

    def shared(k: int, at_end: bool) -> bool:
        """Do all ids share their first (last) ``k`` words and the separators beside them?"""
        pieces = {tuple(p[len(p) - 2 * k :] if at_end else p[: 2 * k]) for p in parts}
        return len(pieces) == 1

    front = 0
    while front + 1 < words and shared(front + 1, False):
        front += 1
    back = 0
    while front + back + 1 < words and shared(back + 1, True):
        back += 1
    out = ["".join(p[2 * front : len(p) - 2 * back]) for p in parts]
    if any(not _SEPARATORS.sub("", s) for s in out):
        return list(ids)  # only separators left somewhere: the whole names say more
    return out


def letters(n: int) -> list[str]:
    """A, B, … Z, AA, AB, …: spreadsheet column names, one per version."""
    out = []
    for k in range(n):
        name, k = "", k + 1
        while k:
            k, rest = divmod(k - 1, 26)
            name = chr(ord("A") + rest) + name
        out.append(name)
    return out
