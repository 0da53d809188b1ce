"""Who shares what with whom, as the app and every report show it: each version's sources
(the other versions it shares content with, most first) and the version-by-version matrix
of shared content, with one wording and one shading for every format.

Full version ids are kept here; the app and every report call them by their short names
(``VersionNames``), whose legend is the report's list of inputs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.model import Report

# Shades of a matrix cell: 0 for nothing shared, then one step per fifth of the text.
LEVELS = 5


@dataclass(frozen=True)
class Source:
    id: str
    share: float

    @property
    def text(self) -> str:
        return share_text(self.share)


@dataclass(frozen=True)
class Cell:
    share: float
    level: int  # 0 (nothing shared) .. LEVELS; -1 on the diagonal (a version and itself)

    @property
    def text(self) -> str:
        return "\u2014" if self.level < 0 else share_text(self.share)


@dataclass(frozen=True)
class SharesView:
    ids: list[str]
    rows: list[tuple[str, list[Cell]]]  # one per version: its id, its share of each column
    sources: dict[str, list[Source]]

    CAPTION = (
        "Each row is a version; each cell the share of that row's text found in the "
        "column's version (a share of the row's own text, so the table is not symmetric), "
        "by one alignment of the pair and without what the exclusions leave out (shared "
        "quotations, unless counted): two versions sharing only quotations read 0%. "
        "The reference's row and column are its comparisons, aligned from the reference: "
        "a pair's cells can change when another version is made the reference."
    )


def share_text(share: float) -> str:
    """Whole percents, but never "0%" for something shared, nor "100%" for something less
    than all of it: the reader must not see a share vanish or become whole by rounding."""
    pct = share * 100
    if 0 < pct < 1:
        return "<1%"
    if 99 < pct < 100:
        return ">99%"
    return f"{pct:.0f}%"


def level(share: float) -> int:
    return 0 if share <= 0 else min(LEVELS, int(share * LEVELS - 1e-9) + 1)


def shares_view(report: Report) -> SharesView | None:
    sim = report.similarity
    if sim is None:
        return None
    rows = [
        (
            row_id,
            [Cell(v, -1 if i == j else level(v)) for j, v in enumerate(sim.shared[i])],
        )
        for i, row_id in enumerate(sim.ids)
    ]
    sources = {d: [Source(o, v) for o, v in sim.sources(d)] for d in sim.ids}
    return SharesView(ids=list(sim.ids), rows=rows, sources=sources)


def sources_sentence(view: SharesView, doc_id: str, name: Callable[[str], str] = str) -> str:
    """One line a reader can quote: "shares 89% of its text with 001, 36% with 002", each
    version named by ``name`` (the short names every format uses)."""
    found = view.sources.get(doc_id, [])
    if not found:
        return "shares no content with any other version"
    first, *rest = found
    return f"shares {first.text} of its text with {name(first.id)}" + "".join(
        f", {s.text} with {name(s.id)}" for s in rest
    )
