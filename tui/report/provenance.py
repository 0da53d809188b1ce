"""What every human-readable format shows of the provenance across all versions.

Read once from ``Report.provenance`` (families, derivation tree, substitution lexicon,
inserts, omissions) and laid out by HTML, Markdown and text alike; like ``view``, nothing here
aligns or judges anything. Text from the documents is cut with the engine's spans, its spacing
collapsed and control characters replaced (these lists are summaries: the exact text is in
the passages and the JSON), and clipped at a word boundary; each format escapes it as it
escapes every other piece of document text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.model import (
    LABEL_LETTERS,
    Document,
    Family,
    LexiconEntry,
    Provenance,
    Report,
    Span,
    Tree,
    TreeEdge,
)
from ..core.summary import INDEPENDENT_OF_ALL

# Clip lengths (characters): list entries, and the one-line excerpt naming a family.
CLIP = 240
FAMILY_CLIP = 90
# With at most this many families the table shows them all; above it only the families some
# version changed or lacks, so a long story's table stays about what differs.
ALL_FAMILIES_UP_TO = 20

INSERT_KINDS = ("promotion", "boilerplate", "added")
INSERT_TITLES = {
    "promotion": "Promotion",
    "boilerplate": "Boilerplate",
    "added": "Added material",
}
OMISSION_KINDS = ("quote", "attribution", "byline", "credit", "link", "text")
OMISSION_TITLES = {
    "quote": "Quotes",
    "attribution": "Attributions",
    "byline": "Bylines",
    "credit": "Credits",
    "link": "Links",
    "text": "Other text",
}
INFERRED_NOTE = "inferred: a version the evidence requires that is not among the inputs"
KNOWN_MARK = "\u2713 known"
ORIGIN_MARK = "origin"
ABSENT = "\u2014"

ELIDED = " [\u2026] "


def clip(text: str, limit: int = CLIP, *, tail: bool = False) -> str:
    """One line of at most about ``limit`` characters, cut at words. With ``tail`` the end
    is kept too (``head […] end``): an insert's pitch or a passage's attribution is often
    in its last words."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if not tail:
        return _head(text, limit - 1) + "\u2026"
    keep = limit - len(ELIDED)
    return _head(text, keep * 3 // 5) + ELIDED + _end(text, keep * 2 // 5)


def _head(text: str, n: int) -> str:
    cut = text[:n]
    space = cut.rfind(" ")
    return (cut[:space] if space > n * 0.6 else cut).rstrip(" ,;:")


def _end(text: str, n: int) -> str:
    cut = text[-n:]
    space = cut.find(" ")
    return cut[space + 1 :] if 0 <= space < n * 0.4 else cut


def cut_text(doc: Document, spans: list[Span], limit: int = CLIP, *, tail: bool = True) -> str:
    return clip(" \u2026 ".join(doc.cut(sp) for sp in spans), limit, tail=tail)


def where(doc: Document, spans: list[Span]) -> str:
    from .view import where as _where  # view imports this module

    return _where(doc, spans)


@dataclass(frozen=True)
class TreeNode:
    id: str
    inferred: bool  # a "~" node: inferred, not among the inputs
    reference: bool
    edge: TreeEdge | None  # the edge from its parent, with the evidence for it
    children: list[TreeNode]

    @property
    def note(self) -> str:
        return INFERRED_NOTE if self.inferred else ""

    @property
    def title(self) -> str:
        """The node's line: its id and what it is."""
        if self.inferred:
            return f"{self.id} ({INFERRED_NOTE})"
        return self.id + (" (reference)" if self.reference else "")

    @property
    def edge_summary(self) -> str:
        if self.edge is None:
            return ""
        e = self.edge
        out = f"{e.shared_passages} shared passage{'' if e.shared_passages == 1 else 's'}"
        if e.shared_phrases:
            out += "; shared unusual words: " + ", ".join(e.shared_phrases)
        return out


@dataclass(frozen=True)
class TreeView:
    roots: list[TreeNode]
    independent: list[str]
    notes: list[str]

    def lines(self) -> list[str]:
        """The tree drawn with box characters, each edge's evidence under its child."""
        out: list[str] = []

        def walk(node: TreeNode, lead: str, branch: str, below: str) -> None:
            line = lead + branch + node.title
            if node.edge_summary:
                line += f": {node.edge_summary}"
            out.append(line)
            if node.edge:
                out.extend(f"{lead}{below}    {e}" for e in node.edge.evidence)
            for k, child in enumerate(node.children):
                last = k == len(node.children) - 1
                walk(
                    child,
                    lead + below,
                    "\u2514\u2500 " if last else "\u251c\u2500 ",
                    "   " if last else "\u2502  ",
                )

        for root in self.roots:
            walk(root, "", "", "")
        if self.independent:
            out.append(INDEPENDENT_OF_ALL + ": " + ", ".join(self.independent))
        return out


def _tree(tree: Tree, reference: str) -> TreeView:
    order = {n: k for k, n in enumerate(tree.nodes)}
    children: dict[str, list[TreeEdge]] = {}
    has_parent = set()
    for e in tree.edges:
        children.setdefault(e.parent, []).append(e)
        has_parent.add(e.child)

    def node(node_id: str, edge: TreeEdge | None, seen: frozenset[str]) -> TreeNode:
        kids = sorted(children.get(node_id, []), key=lambda e: (order.get(e.child, 0), e.child))
        return TreeNode(
            id=node_id,
            inferred=node_id.startswith("~"),
            reference=node_id == reference,
            edge=edge,
            children=[node(e.child, e, seen | {node_id}) for e in kids if e.child not in seen],
        )

    root_ids = [
        n
        for n in tree.nodes
        if n not in has_parent and n not in tree.independent and (n in children or n[:1] != "~")
    ]
    root_ids.sort(key=lambda n: (not n.startswith("~"), order[n]))
    return TreeView(
        roots=[node(n, None, frozenset()) for n in root_ids],
        independent=list(tree.independent),
        notes=list(tree.notes),
    )


# Which side of a swap is the rarer wording, as a word ("from" / "to"), not only a colour.
ODD_TEXT = {"source": "from", "target": "to"}


@dataclass(frozen=True)
class Excerpt:
    """One insert or omission: its kind, why, where and the (clipped) text."""

    kind: str
    reason: str
    where: str
    text: str


@dataclass(frozen=True)
class KindGroup:
    kind: str
    title: str
    items: list[Excerpt]


@dataclass(frozen=True)
class DocAudit:
    doc: str
    source: str  # for omissions: the version the text was dropped from; "" for inserts
    reference: bool
    groups: list[KindGroup]

    def count(self, kind: str) -> int:
        return sum(len(g.items) for g in self.groups if g.kind == kind)

    @property
    def total(self) -> int:
        return sum(len(g.items) for g in self.groups)


@dataclass(frozen=True)
class FamilyCell:
    letter: str  # the label letter, or ABSENT
    label: str  # "" when the version lacks the family
    origin: bool


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


@dataclass(frozen=True)
class ProvenanceView:
    tree: TreeView
    families: FamilyTable
    lexicon: list[LexiconEntry]
    inserts: list[DocAudit]
    omissions: list[DocAudit]

    @property
    def known_swaps(self) -> int:
        return sum(1 for e in self.lexicon if e.known)

    @property
    def odd_swaps(self) -> int:
        return sum(1 for e in self.lexicon if e.odd_side)


def _families(report: Report, families: list[Family], independent: list[str]) -> FamilyTable:

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
            FamilyCell(LABEL_LETTERS[have[c].label], have[c].label, c == f.origin)
            if c in have
            else FamilyCell(ABSENT, "", False)
            for c in columns
        ]
        rows.append(FamilyRow(f.id, f.origin, text, cells))
    left_out = [d for d in docs if d not in columns]
    return FamilyTable(columns, rows, len(families), left_out, single, unchanged)


def _restates(detail: str, doc: Document, spans: list[Span]) -> bool:
    """True when an omission's detail is only the dropped text itself (clipped)."""
    whole = " ".join(" ".join(doc.cut(sp) for sp in spans).split())
    return whole.startswith(detail.rstrip("\u2026"))


def _audit(
    report: Report, items: list[tuple[str, str, str, list[Span], str]], kinds: tuple[str, ...]
) -> list[DocAudit]:
    """items: (doc the entry belongs to, doc the spans index, kind, spans, reason). A reason
    that only repeats the text (an omission's detail for a plain dropped passage) is left
    out; "kept the quote but dropped the attribution to ..." stays."""
    titles = INSERT_TITLES | OMISSION_TITLES
    order = {d.id: k for k, d in enumerate(report.documents)}
    by_doc: dict[tuple[str, str], dict[str, list[Excerpt]]] = {}
    for doc_id, text_id, kind, spans, reason in items:
        text_doc = report.document(text_id)
        text = cut_text(text_doc, spans)
        groups = by_doc.setdefault((doc_id, text_id), {})
        groups.setdefault(kind, []).append(
            Excerpt(
                kind,
                "" if _restates(reason, text_doc, spans) else clip(reason),
                where(text_doc, spans),
                text,
            )
        )
    out = []
    for (doc_id, text_id), groups in sorted(by_doc.items(), key=lambda kv: order[kv[0][0]]):
        ordered = [k for k in kinds if k in groups] + sorted(k for k in groups if k not in kinds)
        out.append(
            DocAudit(
                doc=doc_id,
                source=text_id if text_id != doc_id else "",
                reference=doc_id == report.reference,
                groups=[KindGroup(k, titles.get(k, k.capitalize()), groups[k]) for k in ordered],
            )
        )
    return out


def build(report: Report) -> ProvenanceView | None:
    p: Provenance | None = report.provenance
    if p is None:
        return None
    lexicon = list(p.lexicon)
    # Marked swaps first (known, then rarer-side), each group in the engine's order.
    lexicon.sort(key=lambda e: (not e.known, not e.odd_side))
    inserts = _audit(
        report, [(i.doc, i.doc, i.kind, list(i.spans), i.reason) for i in p.inserts], INSERT_KINDS
    )
    omissions = _audit(
        report,
        [(o.doc, o.source, o.kind, list(o.source_spans), o.detail) for o in p.omissions],
        OMISSION_KINDS,
    )
    return ProvenanceView(
        tree=_tree(p.tree, report.reference),
        families=_families(report, p.families, p.tree.independent),
        lexicon=lexicon,
        inserts=inserts,
        omissions=omissions,
    )
