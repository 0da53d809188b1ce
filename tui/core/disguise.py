"""Hidden and look-alike characters: how a copy is disguised, or a quote made to read wrong.

Three known tricks: bidi controls make a viewer reorder text (the file says "Bidi evil", the
page shows "Bidi live"); zero-width characters inside words defeat copy detection and search
while the text looks unchanged; letters from another script that look like Latin ones (the
Cyrillic "і" in "Mіcrosoft") do the same. The escaping policy already shows the first two as
codes wherever text is displayed; this module finds all three so a report can say, at its top,
which document carries them and where, since a look-alike letter cannot be escaped visibly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .escaping import BIDI_CONTROLS, escape_line

# Invisible characters with no business inside prose. Zero-width (non-)joiners are needed by
# Persian, Indic scripts and emoji, so they count only beside a Latin letter.
_ZERO_WIDTH = "\u200b\u2060-\u2064\ufeff\u180e\U000e0000-\U000e007f"
_JOINERS = "\u200c\u200d"
_HIDDEN = re.compile(f"[{''.join(sorted(BIDI_CONTROLS))}{_ZERO_WIDTH}{_JOINERS}]")
# Scripts whose letters pass for Latin ones, and Latin itself (by Unicode block; ranges are
# enough to find candidates, the confusables data decides).
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LOOKALIKE_SCRIPTS = (
    "\u0370-\u03ff\u1f00-\u1fff"  # Greek
    "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"  # Cyrillic
    "\u0530-\u058f"  # Armenian
    "\u13a0-\u13ff\uab70-\uabbf"  # Cherokee
)
_MARKS = "\u0300-\u036f"
_ANY_LOOKALIKE = re.compile(f"[{_LOOKALIKE_SCRIPTS}]")
# A Latin letter next to one of those scripts' letters, within one word.
_SCRIPT_CHANGE = re.compile(
    f"[{_LATIN}][{_MARKS}]*[{_LOOKALIKE_SCRIPTS}]|[{_LOOKALIKE_SCRIPTS}][{_MARKS}]*[{_LATIN}]"
)
_FLAG = "\U0001f3f4"  # a subdivision flag (Scotland, Wales) is spelled with tag characters
SHOWN = 3  # examples named per kind


@dataclass(frozen=True)
class Finding:
    kind: str  # "bidi control", "zero-width character" or "look-alike letter"
    offset: int  # in Document.text
    char: str
    word: str = ""  # for a look-alike letter: the word it hides in


def _is_latin_letter(ch: str) -> bool:
    return bool(ch) and ch.isalpha() and re.match(f"[{_LATIN}]", ch) is not None


def _hidden(text: str) -> list[Finding]:
    found = []
    for m in _HIDDEN.finditer(text):
        ch, i = m.group(), m.start()
        if ch in BIDI_CONTROLS:
            found.append(Finding("bidi control", i, ch))
        elif ch in _JOINERS:
            if _is_latin_letter(text[i - 1 : i]) or _is_latin_letter(text[i + 1 : i + 2]):
                found.append(Finding("zero-width character", i, ch))
        elif not ("\U000e0000" <= ch <= "\U000e007f" and _in_flag(text, i)):
            found.append(Finding("zero-width character", i, ch))
    return found


def _in_flag(text: str, i: int) -> bool:
    while i > 0 and "\U000e0000" <= text[i - 1] <= "\U000e007f":
        i -= 1
    return text[i - 1 : i] == _FLAG


def _is_word_char(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch).startswith("M")


def _word_at(text: str, i: int) -> tuple[int, str]:
    start = i
    while start > 0 and _is_word_char(text[start - 1]):
        start -= 1
    end = i
    while end < len(text) and _is_word_char(text[end]):
        end += 1
    return start, text[start:end]


def mixed_script(text: str) -> bool:
    """A word that changes script inside itself ("jаiled" with a Cyrillic "а")."""
    return _SCRIPT_CHANGE.search(text) is not None


def _lookalikes(text: str) -> list[Finding]:
    found: list[Finding] = []
    if _ANY_LOOKALIKE.search(text) is None:
        return found  # most documents: a tenth of the time of looking for script changes
    seen: set[int] = set()
    for m in _SCRIPT_CHANGE.finditer(text):
        start, word = _word_at(text, m.start())
        if start in seen:
            continue
        seen.add(start)
        for k, ch in _odd_letters(word):
            found.append(Finding("look-alike letter", start + k, ch, word))
    return found


@lru_cache(maxsize=4096)
def _odd_letters(word: str) -> tuple[tuple[int, str], ...]:
    """Letters of a mixed-script word that are not in its main script but look like a letter
    of it, per Unicode's confusables data. Ties go to Latin, the script of the reports."""
    # Imported here: its tables take a few tens of milliseconds to load, and most documents
    # never reach this point.
    from confusable_homoglyphs import categories, confusables

    scripts = [categories.alias(ch) if ch.isalpha() else "" for ch in word]
    counts: dict[str, int] = {}
    for s in scripts:
        if s:
            counts[s] = counts.get(s, 0) + 1
    main = max(sorted(counts), key=lambda s: (counts[s], s == "LATIN"))
    odd = confusables.is_confusable(word, greedy=True, preferred_aliases=[main]) or []
    lookalike = {o["character"] for o in odd}
    return tuple((k, ch) for k, ch in enumerate(word) if ch in lookalike and scripts[k] != main)


def find_disguises(text: str) -> list[Finding]:
    """Every bidi control, stray zero-width character and look-alike letter, in text order."""
    return sorted(_hidden(text) + _lookalikes(text), key=lambda f: f.offset)


def _describe(f: Finding) -> str:
    code = f"U+{ord(f.char):04X}"
    if f.kind == "look-alike letter":
        name = unicodedata.name(f.char, code).lower()
        return f"\u201c{escape_line(f.word)}\u201d at {f.offset:,} ({f.char} is {code} {name})"
    return f"<{code}> at {f.offset:,}"


def disguise_warning(name: str, text: str) -> str | None:
    """One line for the report's banner naming what was found in document ``name`` and where
    (character offsets into its text), or None when there is nothing."""
    findings = find_disguises(text)
    if not findings:
        return None
    parts = []
    for kind in ("bidi control", "zero-width character", "look-alike letter"):
        of_kind = [f for f in findings if f.kind == kind]
        if not of_kind:
            continue
        shown = ", ".join(_describe(f) for f in of_kind[:SHOWN])
        more = f", and {len(of_kind) - SHOWN:,} more" if len(of_kind) > SHOWN else ""
        plural = "" if len(of_kind) == 1 else "s"
        parts.append(f"{len(of_kind):,} {kind}{plural} ({shown}{more})")
    return (
        f"{escape_line(name)}: hidden or look-alike characters, a known way to disguise copied "
        f"text or make it read differently: {'; '.join(parts)}"
    )
