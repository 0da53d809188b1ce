"""One alignment per related pair of versions, each reused by the families, the tree and the
comparisons against the reference."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .align import Aligner
from .classify import classify
from .model import Comparison, Document
from .screening import Screen
from .settings import Settings

Pairs = dict[tuple[str, str], Comparison]


def align_pairs(
    documents: Sequence[Document],
    scr: Screen,
    settings: Settings,
    prefer: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Pairs:
    """The source of each pair is ``prefer`` when it is in the pair, else the version that
    holds more of the other."""
    out: Pairs = {}
    for i, a in enumerate(documents):
        for b in documents[i + 1 :]:
            if cancelled and cancelled():
                return out
            if not scr.related(a.id, b.id):
                continue
            src, tgt = a, b
            if prefer == b.id or (
                prefer != a.id and scr.cover.get((b.id, a.id), 0) > scr.cover.get((a.id, b.id), 0)
            ):
                src, tgt = b, a
            out[(src.id, tgt.id)] = classify(
                src, tgt, Aligner(src, tgt, settings).align(), settings
            )
    return out


def pair(pairs: Pairs, a: str, b: str) -> Comparison | None:
    """The alignment of a and b in whichever direction it was made."""
    return pairs.get((a, b)) or pairs.get((b, a))
