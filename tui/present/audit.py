"""What each version added and dropped, grouped by kind in the one order and under the one
title, each item with its place and its (clipped) text: the list the explorer's ``i`` view
and every report show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.model import (
    DERIVED_LABELS,
    Comparison,
    Document,
    Insert,
    Omission,
    Passage,
    Report,
    Span,
)
from ..core.overrides import OverrideSet
from ..core.review import review_report
from .excerpts import (
    clip,
    cut_text,
    paragraph_list,
    paragraph_numbers,
    partial_paragraphs,
    where,
)
from .kinds import INSERT_KINDS, OMISSION_KINDS, in_order, title
from .wording import plural

# The omission kind folded into one line of places in the printed reports.
FOLDED_KIND = "text"
# What a repeated excerpt says instead of its text, before the version it was quoted under.
SAME_TEXT = "the same text as under"


@dataclass(frozen=True)
class Excerpt:
    """One insert or omission: its kind, why, where and the (clipped) text. ``reason`` is
    empty when it would only repeat the text, so no item is listed twice."""

    kind: str
    reason: str
    where: str
    text: str
    item: Insert | Omission
    paragraphs: tuple[int, ...] = ()  # of the document the text is in
    # The version under which the same text, at the same place in the same file, was already
    # listed ("" for its first listing): the printed audit quotes it once.
    same_as: str = ""
    # The version's passages the item covers: an insert joins a run of adjacent added
    # passages (across paragraphs) into one, so "added 10" passages are 8 inserts.
    passages: int = 1


@dataclass(frozen=True)
class KindGroup:
    kind: str
    title: str
    items: list[Excerpt]
    # The paragraphs the items cover only some of: "¶9 (in part)" in the folded line.
    partial: frozenset[int] = frozenset()

    @property
    def folded(self) -> bool:
        """Plain dropped text (no quote, attribution, byline, credit or link in it) is told
        as one line of places when there is more than one: its words are in the reference,
        and ten versions each repeating them fill pages with the same paragraphs."""
        return self.kind == FOLDED_KIND and len(self.items) > 1

    @property
    def places(self) -> str:
        """``¶3–¶14, ¶17``: where the group's items lie."""
        return paragraph_list([n for i in self.items for n in i.paragraphs], self.partial)

    @property
    def common_reason(self) -> str:
        """The one reason every item of a group of two or more gives ("no counterpart in the
        reference" under each of eight added passages): said once in the group's heading
        instead of under each item."""
        reasons = {i.reason for i in self.items}
        return reasons.pop() if len(self.items) > 1 and len(reasons) == 1 else ""

    @property
    def passages(self) -> int:
        return sum(i.passages for i in self.items)

    @property
    def tally(self) -> str:
        """``8``, or ``10 passages in 8 inserts`` where items join several passages: the
        passage counts say "added 10" and the list must not seem to say 8 instead."""
        n = len(self.items)
        if self.passages == n:
            return f"{n:,}"
        return f"{plural(self.passages, 'passage')} in {plural(n, 'insert')}"

    def folded_line(self, source: str) -> str:
        """``7 passages of wire not used: ¶3–¶9, ¶12``."""
        return f"{plural(len(self.items), 'passage')} of {source} not used: {self.places}"


@dataclass(frozen=True)
class DocAudit:
    doc: str
    source: str  # for omissions: the version the text was dropped from; "" for inserts
    reference: bool
    groups: list[KindGroup]

    @property
    def tally(self) -> str:
        """``boilerplate 1, added 10 passages in 8 inserts``: each kind and how many, in the
        one wording the explorer and every report use."""
        return ", ".join(f"{g.kind} {g.tally}" for g in self.groups)

    def count(self, kind: str) -> int:
        return sum(len(g.items) for g in self.groups if g.kind == kind)

    @property
    def total(self) -> int:
        return sum(len(g.items) for g in self.groups)

    @property
    def items(self) -> list[Excerpt]:
        return [i for g in self.groups for i in g.items]


def restates(detail: str, doc: Document, spans: list[Span]) -> bool:
    """True when an omission's detail is only the dropped text itself (perhaps clipped)."""
    whole = " ".join(" ".join(doc.cut(sp) for sp in spans).split())
    return whole.startswith(" ".join(detail.split()).rstrip("\u2026"))


def _audit(
    report: Report,
    items: list[tuple[str, str, str, list[Span], str, Insert | Omission, int]],
    kinds: tuple[str, ...],
) -> list[DocAudit]:
    """items: (doc the entry belongs to, doc the spans index, kind, spans, reason, item,
    passages it covers)."""
    order = {d.id: k for k, d in enumerate(report.documents)}
    by_doc: dict[tuple[str, str], dict[str, list[Excerpt]]] = {}
    for doc_id, text_id, kind, spans, reason, item, passages in items:
        text_doc = report.document(text_id)
        groups = by_doc.setdefault((doc_id, text_id), {})
        groups.setdefault(kind, []).append(
            Excerpt(
                kind,
                "" if restates(reason, text_doc, spans) else clip(reason),
                where(text_doc, spans),
                cut_text(text_doc, spans),
                item,
                tuple(paragraph_numbers(text_doc, spans)),
                passages=passages,
            )
        )
    out = []
    for (doc_id, text_id), groups in sorted(by_doc.items(), key=lambda kv: order[kv[0][0]]):
        out.append(
            DocAudit(
                doc=doc_id,
                source=text_id if text_id != doc_id else "",
                reference=doc_id == report.reference,
                groups=[
                    KindGroup(k, title(k), groups[k], _partial(report.document(text_id), groups[k]))
                    for k in in_order(groups, kinds, str)
                ],
            )
        )
    return out


# Why an item is listed that the engine did not list: a reviewer's label put it there.
BY_REVIEWER = "relabelled {label} by a reviewer"
UNTAKEN = "not used: the passage that held it relabelled {label} by a reviewer"


def relabels(
    report: Report, overrides: OverrideSet | None
) -> list[tuple[Comparison, Passage, str]]:
    """Each passage a reviewer gave another label, with that label."""
    if overrides is None or not len(overrides):
        return []
    overrides.bind(report)
    return [
        (c, p, ov.label)
        for c in report.comparisons
        for p in c.passages
        if (ov := overrides.for_passage(c, p)) is not None and ov.label not in (None, p.label)
    ]


def _partial(doc: Document, items: list[Excerpt]) -> frozenset[int]:
    spans = [
        sp
        for i in items
        for sp in (i.item.spans if isinstance(i.item, Insert) else i.item.source_spans)
    ]
    return partial_paragraphs(doc, spans)


def inserts(report: Report, overrides: OverrideSet | None = None) -> list[DocAudit]:
    """The inserts by the reviewer's labels, as the overview counts them: less the passages
    a reviewer relabelled as taken from the reference, and with those relabelled added or
    furniture (the overview read "A 8" while this list kept the engine's two inserts)."""
    found = report.provenance.inserts if report.provenance else []
    relabelled = relabels(report, overrides)
    found = _unrelabelled(found, relabelled) + [
        Insert(c.target, label, list(p.target_spans), BY_REVIEWER.format(label=label))
        for c, p, label in relabelled
        if label in ("added", "boilerplate") and p.target_spans
    ]
    # Each version's passages by their first span: an insert's spans are its passages'.
    starts = {
        (c.target, p.target_spans[0]): set(p.target_spans)
        for c in report.comparisons
        for p in c.passages
        if p.target_spans
    }

    def covered(i: Insert) -> int:
        """The passages an insert is made of (the reference's own furniture, listed sentence
        by sentence, is no passage of any comparison: one each)."""
        spans = set(i.spans)
        n = sum(1 for sp in i.spans if (own := starts.get((i.doc, sp))) and own <= spans)
        return n or 1

    return _audit(
        report,
        [(i.doc, i.doc, i.kind, list(i.spans), i.reason, i, covered(i)) for i in found],
        INSERT_KINDS,
    )


def _unrelabelled(
    found: list[Insert], relabels: list[tuple[Comparison, Passage, str]]
) -> list[Insert]:
    """The inserts less the passages a reviewer gave another label."""
    moved = {
        (c.target, span)
        for c, p, _ in relabels
        if p.label in ("added", "boilerplate")
        for span in p.target_spans
    }
    out = []
    for i in found:
        spans = [sp for sp in i.spans if (i.doc, sp) not in moved]
        if spans:
            out.append(i if len(spans) == len(i.spans) else replace(i, spans=spans))
    return out


def omissions(report: Report, overrides: OverrideSet | None = None) -> list[DocAudit]:
    """The omissions by the reviewer's labels: less the reference's passages a reviewer
    relabelled as no omission (its furniture), with those relabelled omitted."""
    found = report.provenance.omissions if report.provenance else []
    # None of a version the reviewer's labels find independent, as the engine lists none of
    # one it finds so: it dropped nothing of a story it did not take.
    apart = {t for t, r in review_report(report, overrides).items() if r.verdict == "independent"}
    found = [o for o in found if o.doc not in apart]
    relabelled = relabels(report, overrides)
    cleared = {
        (c.target, span)
        for c, p, label in relabelled
        if p.label == "omitted" and label != "omitted"
        for span in p.source_spans
    }
    if cleared:
        found = [
            o
            for o in found
            if o.kind == "attribution"
            or not all((o.doc, span) in cleared for span in o.source_spans)
        ]
    found = found + [
        Omission(
            c.target, c.source, "text", list(p.source_spans), BY_REVIEWER.format(label="omitted")
        )
        for c, p, label in relabelled
        if label == "omitted" and p.source_spans and c.target not in apart
    ]
    # A passage relabelled as the version's own leaves its source text unused: not taken,
    # and not reused either (helper-51 found the wire's paragraph in neither list).
    found = found + [
        Omission(c.target, c.source, "text", list(p.source_spans), UNTAKEN.format(label=label))
        for c, p, label in relabelled
        if p.derived and label not in DERIVED_LABELS and p.source_spans and c.target not in apart
    ]
    return _audit(
        report,
        [(o.doc, o.source, o.kind, list(o.source_spans), o.detail, o, 1) for o in found],
        OMISSION_KINDS,
    )


def quoted_once(audits: list[DocAudit]) -> list[DocAudit]:
    """The audits with each repeat of a text marked with the version it was first listed
    under: seven versions dropping the same attribution of the reference would otherwise
    quote the reference's paragraph seven times."""
    first: dict[tuple[str, str, str], str] = {}
    out = []
    for a in audits:
        groups = []
        for g in a.groups:
            items = []
            for i in g.items:
                key = (a.source or a.doc, i.where, i.text)
                seen = first.setdefault(key, a.doc)
                items.append(replace(i, same_as="" if seen == a.doc else seen))
            groups.append(replace(g, items=items))
        out.append(replace(a, groups=groups))
    return out


def of_doc(audits: list[DocAudit], doc_id: str) -> list[Excerpt]:
    """Every item of one version, in kind order."""
    return [i for a in audits if a.doc == doc_id for i in a.items]
