"""Small pieces of wording every screen and report shares, so a count or a sentence reads
the same (and grammatically) wherever it appears."""

from __future__ import annotations


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 passage``, ``2 passages``; ``many`` for words that do not take an ``s``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
