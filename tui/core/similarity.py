"""Who shares how much with whom: the matrix of shared content between every two versions.

Read from the alignments the engine already made (every related pair, and every version
against the reference): the share of a version's text the pair's alignment derives from the
other is that comparison's ``target_derived`` (the figure its verdict reads); the other way
round, its ``source_reused``: the share of the other's text in the same passages, those the
exclusions leave in (shared quotations, short matches), so both directions count the same
passages and every report's "N% of the reference reused" is the matrix's cell. Pairs the
screening found unrelated are aligned for the matrix alone (``pairs.align_unrelated``), so no
cell reads 0% for want of an alignment, nor changes with the reference.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import Comparison, Document, Similarity


def shared_content(documents: Sequence[Document], comparisons: Iterable[Comparison]) -> Similarity:
    ids = tuple(d.id for d in documents)
    at = {doc_id: k for k, doc_id in enumerate(ids)}
    shared = [[1.0 if i == j else 0.0 for j in range(len(ids))] for i in range(len(ids))]
    for c in comparisons:
        s, t = at.get(c.source), at.get(c.target)
        if s is None or t is None or s == t:
            continue
        # A pair aligned twice (from the other side, then from the reference) reads as the
        # later alignment, the reference's comparison: its figures are every report's.
        shared[t][s] = c.coverage.get("target_derived", 0.0)
        shared[s][t] = c.coverage.get("source_reused", 0.0)
    return Similarity(ids=ids, shared=tuple(tuple(round(v, 4) for v in row) for row in shared))
