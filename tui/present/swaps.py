"""The word swaps by the reviewer's labels: a swap found only in passages a reviewer relabelled
as not taken from the other version (added, furniture) is no swap between the two, and the
list that kept it contradicted the side by side and the inserts that list those passages as
the version's own.
"""

from __future__ import annotations

from dataclasses import replace

from ..core.model import DERIVED_LABELS, LexiconEntry, Report, SwapSite
from ..core.overrides import OverrideSet
from .audit import relabels


def _site(s: SwapSite) -> tuple[str, str, tuple[int, ...], tuple[int, ...]]:
    return s.source, s.target, tuple(s.source_sentences), tuple(s.target_sentences)


def reviewed_swaps(report: Report, overrides: OverrideSet | None) -> tuple[list[LexiconEntry], int]:
    """(the lexicon less the places in passages relabelled as not taken, the number of swaps
    that leaves out entirely). A swap found elsewhere too stays, counted where it stays."""
    entries = list(report.provenance.lexicon) if report.provenance else []
    away = {
        (c.source, c.target, tuple(p.source_sentences), tuple(p.target_sentences))
        for c, p, label in relabels(report, overrides)
        if p.derived and label not in DERIVED_LABELS
    }
    if not away:
        return entries, 0
    out: list[LexiconEntry] = []
    for e in entries:
        kept = tuple(s for s in e.where if _site(s) not in away)
        if len(kept) == len(e.where):
            out.append(e)
        elif kept:
            versions = tuple(sorted({v for s in kept for v in (s.source, s.target)}))
            out.append(replace(e, where=kept, count=sum(s.count for s in kept), versions=versions))
    return out, len(entries) - len(out)
