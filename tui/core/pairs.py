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
    """Each related pair aligned once, from the side ``oriented`` picks. ``prefer`` (a
    version to align from) is for two versions only, whose one pair is the reference's
    comparison; among more, a pair's alignment must not depend on which version the reader
    put on the left, or the tree, the families and the matrix would change with it."""
    out: Pairs = {}
    for i, a in enumerate(documents):
        for b in documents[i + 1 :]:
            if cancelled and cancelled():
                return out
            if not scr.related(a.id, b.id):
                continue
            src, tgt = oriented(a, b, scr, prefer if len(documents) == 2 else None)
            out[(src.id, tgt.id)] = classify(
                src, tgt, Aligner(src, tgt, settings).align(), settings
            )
    return out


def oriented(
    a: Document, b: Document, scr: Screen, prefer: str | None = None
) -> tuple[Document, Document]:
    """(source, target): ``prefer`` when it is one of them, else the version holding more of
    the other, on a tie (two versions that share nothing the screening sees) the first by
    id: the order the files were given in must not change a figure."""
    if prefer in (a.id, b.id):
        return (a, b) if prefer == a.id else (b, a)
    ab, ba = scr.cover.get((a.id, b.id), 0), scr.cover.get((b.id, a.id), 0)
    if ab == ba:
        return (a, b) if (a.id, a.sha256) <= (b.id, b.sha256) else (b, a)
    return (b, a) if ba > ab else (a, b)


# Characters of text (both sides) the shared-content matrix may still align after the related
# pairs: every pair of a family of news articles, about four 1 MB pairs at most.
MATRIX_BUDGET = 4_000_000


def align_unrelated(
    documents: Sequence[Document],
    aligned: Sequence[Comparison],
    scr: Screen,
    settings: Settings,
    prefer: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Comparison], int]:
    """Alignments of the pairs nothing aligned yet, for the shared-content matrix (the
    families keep to the pairs the screening found related; the tree takes only those with
    ``prefer``, the most original version, that are derived): two rewrites of one story can
    share a third of their text in paraphrase that the screening's close sentence matches
    miss, and a matrix reading 0% there, or a figure that changes with the reference, would
    be a false claim. Returns the alignments and how many pairs were left out for the
    budget."""
    done = {frozenset((c.source, c.target)) for c in aligned}
    todo = [
        (a, b)
        for i, a in enumerate(documents)
        for b in documents[i + 1 :]
        if frozenset((a.id, b.id)) not in done
    ]
    out: list[Comparison] = []
    spent = 0
    for a, b in todo:
        size = len(a.text) + len(b.text)
        if spent + size > MATRIX_BUDGET:
            continue
        if cancelled and cancelled():
            break
        spent += size
        src, tgt = oriented(a, b, scr, prefer)
        out.append(classify(src, tgt, Aligner(src, tgt, settings).align(cancelled), settings))
    return out, len(todo) - len(out)


def pair(pairs: Pairs, a: str, b: str) -> Comparison | None:
    """The alignment of a and b in whichever direction it was made."""
    return pairs.get((a, b)) or pairs.get((b, a))
