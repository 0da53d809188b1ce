"""The substitution lexicon: every word swap found between versions, counted, with the two
marks of a spinner: a swap listed in a known tortured-phrases lexicon, and a replacement that
is much rarer English than the word it replaced (spinners pick odd synonyms: "herculean" for
"powerful", "substructure" for "infrastructure"). Word rarity comes from wordfreq's English
frequencies, which ship with the package: nothing is fetched."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from wordfreq import get_frequency_dict, zipf_frequency

from .escaping import escape_line
from .files import ReadError, read_regular
from .model import Comparison, LexiconEntry
from .textnorm import STOPWORDS, fold

# The shipped lexicon is 0.4 MB; this only stops a /dev/zero-like file.
MAX_BYTES = 20_000_000


class LexiconError(Exception):
    """The user's lexicon file cannot be read."""


def _parse(lines: Iterable[str]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 2 or cols[0].lower() == "tortured":
            continue
        count = _count(cols[2]) if len(cols) > 2 else 1
        out[(fold(cols[0]), fold(cols[1]))] = count
    return out


def _count(cell: str) -> int:
    """A plain ASCII number of papers; anything else ("²", 5,000 digits) counts as one."""
    cell = cell.strip()
    return int(cell) if cell.isascii() and cell.isdigit() and len(cell) <= 9 else 1


@cache
def shipped_lexicon() -> dict[tuple[str, str], int]:
    """(tortured, expected) -> number of papers, from the lexicon in the package (NOTICE)."""
    text = resources.files("tui.core.data").joinpath("tortured_phrases.tsv").read_text("utf-8")
    return _parse(text.splitlines())


def load_lexicon(path: str | Path | None) -> dict[tuple[str, str], int]:
    """The shipped lexicon, or a user's TSV (tortured, expected[, count]) instead."""
    if path is None:
        return shipped_lexicon()
    shown = escape_line(os.fspath(path))
    try:
        text = read_regular(path, MAX_BYTES).decode("utf-8")
    except ReadError as err:
        raise LexiconError(f"{shown}: cannot read lexicon ({err})") from None
    except UnicodeDecodeError as err:
        raise LexiconError(
            f"{shown}: cannot read lexicon (not UTF-8 at byte {err.start:,})"
        ) from None
    return _parse(text.splitlines())


@cache
def rarity(phrase: str) -> float:
    """Zipf frequency of the phrase's rarest word (0 for words wordfreq has never seen)."""
    words = fold(phrase).split()
    return min((zipf(w) for w in words), default=0.0)


def zipf(word: str) -> float:
    """wordfreq's ``zipf_frequency(word, "en")``. Plain lower-case ASCII words, which its
    tokenizer leaves as they are, are looked up in its table directly with its own rounding:
    tokenizing each word cost 0.2 s on a 1 MB comparison."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return zipf_frequency(word, "en")
    freq = max(get_frequency_dict("en", "best").get(word, 0.0), 1e-9)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def _plain_words(phrase: str) -> bool:
    """Lower-case content words only: names, numbers and function words say nothing about
    which side a spinner touched."""
    words = phrase.split()
    return (
        bool(words)
        and all(w.isalpha() and w.islower() for w in words)
        and any(w not in STOPWORDS for w in words)
    )


def odd_side(source: str, target: str, gap: float) -> str:
    """The side of a swap whose wording is ``gap`` Zipf units rarer (1.0: ten times rarer)."""
    if not (_plain_words(source) and _plain_words(target)):
        return ""
    a, b = rarity(source), rarity(target)
    if a + gap <= b:
        return "source"
    if b + gap <= a:
        return "target"
    return ""


def build_lexicon(
    comparisons: Iterable[Comparison], known: dict[tuple[str, str], int], gap: float
) -> list[LexiconEntry]:
    seen: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for c in comparisons:
        for s in c.substitutions:
            count, versions = seen.get((s.source, s.target), (0, set()))
            seen[(s.source, s.target)] = (count + s.count, versions | {c.source, c.target})
    entries = []
    for (a, b), (count, versions) in seen.items():
        fa, fb = fold(a), fold(b)
        entries.append(
            LexiconEntry(
                source=a,
                target=b,
                count=count,
                versions=tuple(sorted(versions)),
                known=(fa, fb) in known or (fb, fa) in known,
                odd_side=odd_side(a, b, gap),
            )
        )
    return sorted(entries, key=lambda e: (-e.known, -e.count, e.source, e.target))
