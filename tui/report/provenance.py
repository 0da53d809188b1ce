"""What every human-readable format shows of the provenance across all versions.

Read once from ``Report.provenance`` (families, derivation tree, substitution lexicon,
inserts, omissions) and laid out by HTML, Markdown and text alike; like ``view``, nothing here
aligns or judges anything. Text from the documents is cut with the engine's spans, its spacing
collapsed and control characters replaced (these lists are summaries: the exact text is in
the passages and the JSON), and clipped at a word boundary; each format escapes it as it
escapes every other piece of document text.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from ..core.model import (
    LABEL_LETTERS,
    Family,
    LexiconEntry,
    Provenance,
    Report,
)
from ..core.overrides import OverrideSet
from ..core.review import review_report, reviewed_families, reviewer_apart
from ..present import audit as _audit
from ..present.audit import DocAudit, Excerpt, KindGroup
from ..present.excerpts import FAMILY_CLIP, cut_text
from ..present.names import WHOLE, VersionNames
from ..present.swaps import reviewed_swaps
from ..present.tree import TreeNode, TreeView, tree_view

# With at most this many families the table shows them all; above it only the families some
# version changed or lacks, so a long story's table stays about what differs.
ALL_FAMILIES_UP_TO = 20

KNOWN_MARK = "\u2713 known"
ORIGIN_MARK = "origin"
ABSENT = "\u2014"


# Which side of a swap is the rarer wording, as a word ("from" / "to"), not only a colour.
ODD_TEXT = {"source": "from", "target": "to"}


@dataclass(frozen=True)
class FamilyCell:
    letter: str  # the label letter, or ABSENT
    label: str  # "" when the version lacks the family
    origin: bool
    reviewed: bool = False  # the label is a reviewer's (``review.reviewed_families``)


@dataclass(frozen=True)
class FamilyRow:
    id: int
    origin: str
    text: str
    cells: list[FamilyCell]


@dataclass(frozen=True)
class FamilyTable:
    columns: list[str]
    rows: list[FamilyRow]
    total: int
    left_out: list[str] = field(default_factory=list)  # versions sharing nothing: no column
    single: int = 0  # families in one version only, not shown
    unchanged: int = 0  # families every version carries word for word, not shown

    @property
    def reviewed(self) -> bool:
        """Whether any cell shows a reviewer's label."""
        return any(c.reviewed for r in self.rows for c in r.cells)


@dataclass(frozen=True)
class ProvenanceView:
    tree: TreeView
    families: FamilyTable
    lexicon: list[LexiconEntry]
    inserts: list[DocAudit]
    omissions: list[DocAudit]
    # What each version is called in every list and heading (the report's short names).
    names: VersionNames = WHOLE
    # Swaps left out: found only in passages a reviewer relabelled as not taken.
    relabelled_swaps: int = 0

    @property
    def known_swaps(self) -> int:
        return sum(1 for e in self.lexicon if e.known)

    @property
    def odd_swaps(self) -> int:
        return sum(1 for e in self.lexicon if e.odd_side)


def _families(
    report: Report,
    families: list[Family],
    independent: list[str],
    reviewed: Collection[tuple[int, str]] = (),
) -> FamilyTable:

    docs = [d.id for d in report.documents]
    columns = [d for d in docs if d not in independent]
    if len(columns) < 2:
        columns = docs
    show_all = len(families) <= ALL_FAMILIES_UP_TO
    rows: list[FamilyRow] = []
    single = unchanged = 0
    for f in families:
        have = {v.doc: v for v in f.variants}
        if not show_all:
            if len(have) < 2:
                single += 1
                continue
            if f.agree and all(c in have for c in columns):
                unchanged += 1
                continue
        origin = have.get(f.origin)
        text = (
            cut_text(report.document(f.origin), origin.spans, FAMILY_CLIP, tail=False)
            if origin
            else ""
        )
        cells = [
            FamilyCell(
                LABEL_LETTERS[have[c].label], have[c].label, c == f.origin, (f.id, c) in reviewed
            )
            if c in have
            else FamilyCell(ABSENT, "", False)
            for c in columns
        ]
        rows.append(FamilyRow(f.id, f.origin, text, cells))
    left_out = [d for d in docs if d not in columns]
    return FamilyTable(columns, rows, len(families), left_out, single, unchanged)


def build(
    report: Report, names: VersionNames = WHOLE, overrides: OverrideSet | None = None
) -> ProvenanceView | None:
    p: Provenance | None = report.provenance
    if p is None:
        return None
    lexicon, relabelled = reviewed_swaps(report, overrides)
    families, relabelled_cells = reviewed_families(report, overrides)
    # Marked swaps first (known, then rarer-side), each group in the engine's order.
    lexicon.sort(key=lambda e: (not e.known, not e.odd_side))
    return ProvenanceView(
        tree=tree_view(
            p.tree, report.reference, reviewer_apart(report, review_report(report, overrides))
        ),
        families=_families(report, families, p.tree.independent, relabelled_cells),
        lexicon=lexicon,
        inserts=_audit.inserts(report, overrides),
        omissions=_audit.quoted_once(_audit.omissions(report, overrides)),
        names=names,
        relabelled_swaps=relabelled,
    )


__all__ = ["DocAudit", "Excerpt", "KindGroup", "TreeNode", "TreeView"]
