"""Small pieces of wording every screen and report shares, so a count or a sentence reads
the same (and grammatically) wherever it appears."""

from __future__ import annotations

from collections.abc import Callable

# A passage linked only because its whole version restates the reference
# (``Passage.restated``): the mark every report puts on it, and the explorer's explanation.
RESTATED = "restated: the whole version restates the reference"
RESTATED_HELP = (
    "Linked because this version restates the reference throughout: this sentence keeps "
    "a good share of the content words of the reference sentences shown, in other words, "
    "and nearly all of the version is either aligned or restated like this, so it brings "
    "next to nothing from anywhere else. Alone, such a sentence would prove nothing."
)


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 passage``, ``2 passages``; ``many`` for words that do not take an ``s``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def swap_pairs(
    pairs: list[tuple[str, str, int]], name: Callable[[str], str], times: str = "\u00d7"
) -> str:
    """Where a swap was found, pair by pair, the version with the "from" wording first:
    ``wire → mail, mail → sun ×2``. Which version used which wording is the point: a swap
    listed by versions alone reads the same whichever way it went."""
    return ", ".join(
        f"{name(a)} \u2192 {name(b)}" + (f" {times}{n}" if n > 1 else "") for a, b, n in pairs
    )
