"""Where in the side-by-side view a listed item can be seen: the version and the passage.

The provenance lists (families, word swaps, inserts, omissions) each name some text; the
evidence for it is a passage of one version's comparison with the reference. These
functions find that passage from offsets and sentence numbers alone, so ``enter`` on any
list item opens the side-by-side view at the right row. Pure: no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.model import Comparison, Family, Insert, LexiconEntry, Omission, Report, Span


@dataclass(frozen=True)
class Location:
    """A version compared with the reference (or with ``source``); the passage to show
    (None: the first row), and a term to search for when no passage could be pinned down."""

    target: str
    passage: int | None = None
    search: str = ""
    # Set for a comparison of two versions neither of which is the reference (a swap between
    # two copies): the version ``target`` was compared with.
    source: str = ""


def _overlaps(a: Sequence[Span], b: Sequence[Span]) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


def passage_at(
    comparison: Comparison,
    *,
    source: Sequence[Span] = (),
    target: Sequence[Span] = (),
    label: str | None = None,
) -> int | None:
    """The first passage whose spans overlap the given ones on that side (among passages
    labelled ``label`` first, when one is given)."""

    def hits(k: int) -> bool:
        p = comparison.passages[k]
        return _overlaps(p.source_spans, source) or _overlaps(p.target_spans, target)

    indices = range(len(comparison.passages))
    if label is not None:
        preferred = [k for k in indices if comparison.passages[k].label == label and hits(k)]
        if preferred:
            return preferred[0]
    return next((k for k in indices if hits(k)), None)


def _targets(report: Report) -> dict[str, Comparison]:
    return {c.target: c for c in report.comparisons}


def omission_location(report: Report, omission: Omission) -> Location | None:
    comparison = _targets(report).get(omission.doc)
    if comparison is None or comparison.source != omission.source:
        return None
    k = passage_at(comparison, source=omission.source_spans, label="omitted")
    return Location(omission.doc, k)


def insert_location(report: Report, insert: Insert) -> Location | None:
    targets = _targets(report)
    comparison = targets.get(insert.doc)
    if comparison is not None:
        return Location(insert.doc, passage_at(comparison, target=insert.spans))
    # The reference's own furniture: seen on the reference side of any comparison.
    for comparison in report.comparisons:
        if comparison.source == insert.doc:
            k = passage_at(comparison, source=insert.spans)
            if k is not None:
                return Location(comparison.target, k)
    return None


def family_location(report: Report, family: Family, doc_id: str) -> Location | None:
    """Where ``doc_id``'s form of the family (or its absence) shows against the reference."""
    targets = _targets(report)
    variants = {v.doc: v for v in family.variants}
    ref = variants.get(report.reference)

    def spans(doc: str) -> list[Span]:
        return variants[doc].spans

    if doc_id in targets:
        comparison = targets[doc_id]
        if doc_id in variants:
            k = passage_at(comparison, target=spans(doc_id))
            if k is None and ref is not None:
                k = passage_at(comparison, source=ref.spans)
            return Location(doc_id, k)
        if ref is not None:  # the version lacks it: where the reference's form is omitted
            return Location(doc_id, passage_at(comparison, source=ref.spans, label="omitted"))
        return Location(doc_id)
    if doc_id != report.reference:
        return None
    # The reference's column: the reference's form beside a version that has the family
    # (any version when none does).
    ordered = [v.doc for v in family.variants if v.doc in targets]
    ordered += [t for t in targets if t not in ordered]
    for target in ordered:
        comparison = targets[target]
        if ref is not None:
            k = passage_at(comparison, source=ref.spans)
        elif target in variants:
            k = passage_at(comparison, target=spans(target))
        else:
            k = None
        if k is not None:
            return Location(target, k)
    return Location(ordered[0]) if ordered else None


def swap_location(report: Report, entry: LexiconEntry) -> Location | None:
    """The first passage with the swap: in a version's comparison with the reference when it
    is in one, else in the comparison of the two copies it was found between."""
    for site in sorted(entry.where, key=lambda w: w.source != report.reference):
        comparison = report.related_comparison(site.source, site.target)
        if comparison is None:
            continue
        k = next(
            (
                k
                for k, p in enumerate(comparison.passages)
                if (p.source_sentences, p.target_sentences)
                == (site.source_sentences, site.target_sentences)
            ),
            None,
        )
        if any(comparison is c for c in report.comparisons):
            return Location(site.target, k)
        return Location(site.target, k, source=site.source)
    return None
