"""The kinds of inserts and omissions, in the order and under the titles every list uses.

The order is the engine's (``tui.core.audit``: quotes and attributions first, promotion
first); the titles are how a heading names each kind on screen and on paper.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from ..core.audit import INSERT_KINDS, OMISSION_KINDS

INSERT_TITLES = {
    "promotion": "Promotion",
    "boilerplate": "Boilerplate",
    "added": "Added material",
}
OMISSION_TITLES = {
    "quote": "Quotes",
    "attribution": "Attributions",
    "byline": "Bylines",
    "credit": "Credits",
    "link": "Links",
    "text": "Other text",
}
TITLES = INSERT_TITLES | OMISSION_TITLES
# What each list is, as its heading's gloss says it.
OMISSIONS_GLOSS = "reference text this version dropped; quotes and attributions first"
INSERTS_GLOSS = "text this version added; promotion first"

T = TypeVar("T")


def title(kind: str) -> str:
    return TITLES.get(kind, kind.capitalize())


def rank(order: tuple[str, ...], kind: str) -> int:
    return order.index(kind) if kind in order else len(order)


def in_order(items: Iterable[T], order: tuple[str, ...], kind: Callable[[T], str]) -> list[T]:
    """``items`` sorted by kind in ``order`` (unknown kinds last, by name); stable, so each
    kind keeps the engine's order."""
    return sorted(items, key=lambda i: (rank(order, kind(i)), kind(i)))


__all__ = [
    "INSERTS_GLOSS",
    "INSERT_KINDS",
    "INSERT_TITLES",
    "OMISSIONS_GLOSS",
    "OMISSION_KINDS",
    "OMISSION_TITLES",
    "TITLES",
    "in_order",
    "rank",
    "title",
]
