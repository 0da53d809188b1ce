"""What every human-readable format shows, computed once from the Report.

HTML, Markdown, CSV and text only lay these values out; none of them looks at an alignment or
decides what a passage means. What the explorer shows too (the derivation tree, the kinds of
inserts and omissions, excerpts and where they lie, how a version stands to the reference)
comes from ``tui.present``, which the explorer reads as well, so on those the formats and the
explorer say the same thing in the same words (``tests/test_present.py`` checks it).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..core.diffing import changed_ranges, tally
from ..core.model import (
    LABEL_LETTERS,
    LABELS,
    Comparison,
    DiffOp,
    Document,
    Passage,
    Report,
    Span,
)
from ..core.overrides import Override, OverrideSet
from ..core.review import (
    Reviewed,
    review_report,
    reviewed_regions,
    reviewed_sentence,
)
from ..core.summary import describe_region, relation, tree_clause
from ..present.excerpts import SPAN_GAP, clip, paragraph_numbers, partial_paragraphs, where
from ..present.exclusions import exclusions_text
from ..present.figures import QUOTES, Change, figure_changes, figures_line, quote_changes
from ..present.names import VersionNames, version_names, warning_named
from ..present.runs import Run, fold, omitted_line
from ..present.sources import SharesView, shares_view
from ..present.wording import LINKED_BY, REVIEWED_MARK, regions_by_reviewer
from . import provenance as _provenance
from .provenance import ProvenanceView

TOOL_NAME = "storytrace"

LABEL_MEANINGS: dict[str, str] = {
    "verbatim": "identical to the source after normalising case, quotes, dashes and spacing",
    "edited": "one-to-one with a source passage, at least half of its words kept in order",
    "paraphrased": "derived from the source but reworded (spun), merged or split",
    "added": "in this version only",
    "omitted": "in the source only, dropped from this version",
    "boilerplate": "page or agency furniture (links, sharing prompts, related posts, slug "
    "and rule lines): the version's own, or the source's that the version did not take",
}
# Characters of a passage's wording an exhibit shows (the offsets give the rest).
EXHIBIT_CLIP = 110
# Labels whose text stands alone; a word diff only means something for derived passages.
_PLAIN_LABELS = frozenset({"added", "omitted", "boilerplate"})

Segment = tuple[str, str]  # ("equal" | "delete" | "insert", text)


def tag(label: str) -> str:
    """``[E] edited``: the label as text, for every format."""
    return f"[{LABEL_LETTERS.get(label, '?')}] {label}"


def format_timestamp(when: datetime | str | None) -> str | None:
    """UTC ISO 8601 to the second; naive datetimes are taken as UTC."""
    if when is None or isinstance(when, str):
        return when
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    role: str
    path: str
    size: int
    sha256: str
    encoding: str
    source_format: str
    title: str
    # What every format calls it (``VersionNames``): ``guardian`` for
    # ``02.11.99_chips271_guardian``; the input list is the legend from one to the other.
    name: str = ""
    # Where and when the file says it was published ("site Torbay Courier; published
    # 2026-06-09T16:05Z (html metadata)"), "" where it says neither: the tree reads dates as
    # decisive, and a reader must see the one it read.
    published: str = ""

    @property
    def legend_id(self) -> str:
        """The whole id beside the short name, where the path does not already show it."""
        return self.id if self.name and self.name != self.id and self.id not in self.path else ""


@dataclass(frozen=True)
class OverrideInfo:
    version: str
    passage: int
    original_label: str
    label: str | None
    note: str


@dataclass(frozen=True)
class StaleInfo:
    """A reviewer's note that no longer applies, shown with what it was made on."""

    version: str
    original_label: str
    label: str | None
    note: str
    excerpt: str
    reason: str

    @property
    def made_on(self) -> str:
        """The passage the note was made on, quoted, for every format to show alike."""
        return f"\u201c{self.excerpt}\u201d" if self.excerpt else "a passage not recorded"


@dataclass(frozen=True)
class Evidence:
    tool: str
    tool_version: str
    schema: str
    settings: list[tuple[str, str]]
    settings_json: str
    # (name, value, why) of every cut-off, from Settings.thresholds.
    thresholds: list[tuple[str, str, str]]
    documents: list[DocumentInfo]
    reference: str
    # The engine's reason, with each version called by its short name.
    reference_reason: str
    # Files skipped and other warnings about the run; the documents' own (guessed encodings,
    # hidden or look-alike characters) are in ``banner``, which every format shows first.
    warnings: list[str]
    generated_at: str | None
    notes_path: str | None
    overrides: list[OverrideInfo]
    stale_notes: list[StaleInfo]
    banner: list[str] = field(default_factory=list)
    # What identifies this report and its inputs on every printed page (see ``report_id``).
    report_id: str = ""
    inputs_sha256: str = ""
    # What the shares and verdicts leave out (present.exclusions), said in every header.
    exclusions: str = ""


@dataclass(frozen=True)
class Row:
    number: int
    label: str
    tag: str
    score: float
    moved: bool
    restated: bool
    # Why a weak passage is linked (``Passage.linked_by``) and its mark, "" for one its
    # own signals link.
    linked_by: str
    link_note: str
    source: list[Segment]
    target: list[Segment]
    source_text: str
    target_text: str
    source_spans: list[Span]
    target_spans: list[Span]
    source_where: str
    target_where: str
    override: Override | None
    # Provenance families the passage's text belongs to (the version's sentences; the
    # reference's for an omitted passage) and how many versions carry the widest of them.
    families: tuple[int, ...] = ()
    family_versions: int = 0
    # Paragraphs of the side the passage stands on (the reference's for an omitted one or
    # for its furniture the version did not take).
    paragraphs: tuple[int, ...] = ()

    @property
    def excerpt(self) -> str:
        """This version's wording, on one line and shortened in the middle (exhibits)."""
        return clip(self.target_text, EXHIBIT_CLIP, tail=True)

    @property
    def derived(self) -> bool:
        """Taken from the reference: only then do a score and a word diff mean something."""
        return self.label not in _PLAIN_LABELS

    @property
    def reviewed(self) -> bool:
        return self.override is not None

    @property
    def reviewer_label(self) -> str | None:
        return self.override.label if self.override else None

    @property
    def note(self) -> str:
        return self.override.note if self.override else ""


@dataclass(frozen=True)
class Version:
    source: Document
    target: Document
    verdict: str
    target_derived: float
    source_reused: float
    counts: dict[str, int]
    regions: list[str]
    substitutions: list[tuple[str, str, int]]
    rows: list[Row]
    omitted: list[Row] = field(default_factory=list)
    relabelled: int = 0
    # The counts, coverage and verdict by the reviewer's labels, where a reviewer changed one
    # ("by the reviewer's labels ...: the engine's figure beside the reviewer's").
    reviewed: str = ""
    # The verdict by the reviewer's labels ("" where no label was changed).
    reviewer_verdict: str = ""
    # The passages per label by the reviewer's labels (empty where no label was changed):
    # the inserts and omissions lists count so.
    reviewer_counts: dict[str, int] = field(default_factory=dict)
    # How it stands to the source, in the words every format shares (summary.relation).
    relation: str = ""
    # What the derivation tree says where it is not "derived from the source" (the
    # summaries give it beside the verdict: summary.tree_clause), else "".
    tree_note: str = ""

    @property
    def verdict_mark(self) -> str:
        """After the engine's verdict in a summary table: the reviewer's mark, and the
        reviewer's verdict where it differs (the explorer's overview shows that one: the same
        mark beside two verdicts read as a contradiction)."""
        if not self.reviewed:
            return ""
        if self.reviewer_verdict and self.reviewer_verdict != self.verdict:
            return f" {REVIEWED_MARK} reviewer: {self.reviewer_verdict}"
        return f" {REVIEWED_MARK}"

    @property
    def taken(self) -> str:
        """How the exhibits say the passages relate to the source: "taken from" it only
        where the tree does not say otherwise."""
        return "shared with" if self.tree_note else "taken from"

    # The rows with runs of omitted or added passages folded into one line each.
    entries: list[Row | Run[Row]] = field(default_factory=list)
    # What every format calls the two versions (the report's ``names``).
    source_name: str = ""
    target_name: str = ""
    # The reference's figures this version gives as others (present.figures).
    figures: list[Change] = field(default_factory=list)
    # The reference's quotations this version gives in other words.
    quotes: list[Change] = field(default_factory=list)

    @property
    def derived_rows(self) -> list[Row]:
        """The passages taken from the source, by the reviewer's label where there is one
        (what an exhibit lists, so it agrees with the reviewer's figures)."""
        return [r for r in self.rows if (r.reviewer_label or r.label) not in _PLAIN_LABELS]

    @property
    def omitted_line(self) -> str:
        """Every paragraph of the source this version left out, in one line (the summary under
        the passages: each run already has its line at its place among them)."""
        paras = sorted({n for r in self.omitted for n in r.paragraphs})
        spans = [sp for r in self.omitted for sp in r.source_spans]
        partial = partial_paragraphs(self.source, spans)
        return omitted_line(paras, self.source_name, self.target_name, partial)

    @property
    def omitted_reviewed(self) -> list[Row]:
        """Omitted passages a reviewer relabelled or annotated: listed one by one under the
        summary line, with the reviewer's label."""
        return [r for r in self.omitted if r.reviewed]

    def run_line(self, run: Run[Row]) -> str:
        if run.label == "added":
            partial = partial_paragraphs(
                self.target, [sp for r in run.items for sp in r.target_spans]
            )
        else:
            partial = partial_paragraphs(
                self.source, [sp for r in run.items for sp in r.source_spans]
            )
        return run.line(self.source_name, self.target_name, partial)

    @property
    def figures_line(self) -> str:
        """``figures changed: ...`` in the words every format and the explorer use."""
        return figures_line(self.figures, self.source_name)

    @property
    def quotes_line(self) -> str:
        """``quotations reworded: ...``, as the figures line says the figures."""
        return figures_line(self.quotes, self.source_name, QUOTES)

    def figure_text(self, change: Change) -> str:
        return change.text(self.source_name)


@dataclass(frozen=True)
class ReportView:
    evidence: Evidence
    versions: list[Version]
    # None for a report made without provenance (an engine before storytrace/2).
    provenance: ProvenanceView | None = None
    # None for a report made without the similarity matrix (before storytrace/4).
    shares: SharesView | None = None
    # Exhibit mode: only the passages taken from the reference, each with its source and
    # offsets, for a few printed pages of evidence (``compare --exhibit``).
    exhibit: bool = False
    # What every format calls each version, in every table, heading and sentence (the
    # explorer's names); the input list is the legend (``DocumentInfo.legend_id``). Ids stay
    # whole in the CSV and the JSON, which programs read.
    names: VersionNames = field(default_factory=lambda: VersionNames({}))
    labels: tuple[str, ...] = LABELS
    letters: dict[str, str] = field(default_factory=lambda: dict(LABEL_LETTERS))
    meanings: dict[str, str] = field(default_factory=lambda: dict(LABEL_MEANINGS))


def _sides(src: Document, tgt: Document, p: Passage) -> tuple[list[Segment], list[Segment]]:
    """Each side is exactly the text of the passage's spans in its file (spans joined by
    ``SPAN_GAP``), with the words the diff changed marked on it: the diff's own sides join
    sentences with one space, the file may hold a line break or two spaces there. Added,
    omitted and boilerplate passages stand alone, unmarked."""
    marked = p.label not in _PLAIN_LABELS and bool(p.diff)
    return (
        _side(src, p.source_spans, p.diff if marked else [], "source"),
        _side(tgt, p.target_spans, p.diff if marked else [], "target"),
    )


def _side(doc: Document, spans: list[Span], diff: list[DiffOp], side: str) -> list[Segment]:
    texts = [doc.cut(sp) for sp in spans]
    op = "delete" if side == "source" else "insert"
    out: list[Segment] = []
    for k, (text, ranges) in enumerate(zip(texts, changed_ranges(diff, texts, side), strict=True)):
        pos = 0
        pieces = [("equal", SPAN_GAP)] if k else []
        for a, b in ranges:
            pieces += [("equal", text[pos:a]), (op, text[a:b])]
            pos = b
        pieces.append(("equal", text[pos:]))
        for kind, piece in pieces:
            if not piece:
                continue
            if out and out[-1][0] == kind:
                out[-1] = (kind, out[-1][1] + piece)
            else:
                out.append((kind, piece))
    return out


FamilyIndex = dict[tuple[str, int], tuple[int, int]]  # (doc, sentence) -> (family, versions)


def family_index(report: Report) -> FamilyIndex:
    if report.provenance is None:
        return {}
    return {
        (v.doc, s): (f.id, len(f.variants))
        for f in report.provenance.families
        for v in f.variants
        for s in v.sentences
    }


def _families(
    index: FamilyIndex, src: Document, tgt: Document, p: Passage
) -> list[tuple[int, int]]:
    if p.target_sentences:
        found = [index.get((tgt.id, s)) for s in p.target_sentences]
    else:
        found = [index.get((src.id, s)) for s in p.source_sentences]
    return sorted({f for f in found if f is not None})


def _row(
    number: int,
    src: Document,
    tgt: Document,
    c: Comparison,
    p: Passage,
    ovs: OverrideSet | None,
    index: FamilyIndex,
) -> Row:
    source, target = _sides(src, tgt, p)
    fams = _families(index, src, tgt, p)
    return Row(
        number=number,
        label=p.label,
        tag=tag(p.label),
        score=p.score,
        moved=p.moved,
        restated=p.restated,
        linked_by=p.linked_by,
        link_note=LINKED_BY[p.linked_by][0] if p.linked_by in LINKED_BY else "",
        source=source,
        target=target,
        source_text=SPAN_GAP.join(src.cut(sp) for sp in p.source_spans),
        target_text=SPAN_GAP.join(tgt.cut(sp) for sp in p.target_spans),
        source_spans=list(p.source_spans),
        target_spans=list(p.target_spans),
        source_where=where(src, p.source_spans),
        target_where=where(tgt, p.target_spans),
        override=ovs.for_passage(c, p) if ovs else None,
        families=tuple(f for f, _ in fams),
        family_versions=max((n for _, n in fams), default=0),
        paragraphs=tuple(
            paragraph_numbers(tgt, p.target_spans)
            if p.target_spans
            else paragraph_numbers(src, p.source_spans)
        ),
    )


def _version(
    report: Report,
    c: Comparison,
    ovs: OverrideSet | None,
    index: FamilyIndex,
    reviews: dict[str, Reviewed],
    names: VersionNames,
) -> Version:
    src, tgt = report.document(c.source), report.document(c.target)
    review = reviews.get(c.target)
    rows = [_row(i, src, tgt, c, p, ovs, index) for i, p in enumerate(c.passages, 1)]
    note = tree_clause(report, c)
    passages, regions = reviewed_regions(report, ovs, c)
    return Version(
        source=src,
        target=tgt,
        verdict=c.verdict,
        target_derived=c.coverage.get("target_derived", 0.0),
        source_reused=c.coverage.get("source_reused", 0.0),
        counts=c.label_counts(),
        regions=[
            describe_region(
                src, tgt, r, passages, names, review.verdict if review else c.verdict, note
            )
            for r in regions
        ]
        # Described by the reviewer's labels wherever one changed ("verbatim but 1 edited").
        + ([regions_by_reviewer(len(c.regions))] if passages != c.passages else []),
        substitutions=[
            (s.source, s.target, s.count)
            for s in (
                c.substitutions
                if passages == c.passages
                # The swaps of the passages the reviewer's labels keep as taken.
                else tally([s for p in passages if p.derived for s in p.substitutions])
            )
        ],
        rows=rows,
        omitted=[r for r in rows if r.label == "omitted"],
        relation=names.rename(relation(report, c)),
        tree_note=names.rename(note),
        source_name=names(src.id),
        target_name=names(tgt.id),
        figures=figure_changes(src, tgt, c, passages, review.verdict if review else None),
        quotes=quote_changes(src, tgt, c, passages, review.verdict if review else None),
        relabelled=sum(1 for r in rows if r.reviewer_label),
        reviewed=(
            reviewed_sentence(review, c.verdict, c.coverage.get("target_derived", 0.0))
            if review
            else ""
        ),
        reviewer_verdict=review.verdict if review else "",
        reviewer_counts=dict(review.counts) if review else {},
        entries=fold(
            rows,
            lambda r: r.label,
            lambda r: list(r.paragraphs),
            lambda r: r.number,
            # A version's own furniture is its text, on its row; the reference's folds.
            lambda r: r.reviewed or (r.label == "boilerplate" and bool(r.target_spans)),
        ),
    )


def _evidence(
    report: Report,
    ovs: OverrideSet | None,
    generated_at: str | None,
    versions: list[Version],
    names: VersionNames,
) -> Evidence:
    docs = [
        DocumentInfo(
            id=d.id,
            role="reference" if d.id == report.reference else "version",
            path=d.path,
            size=d.size,
            sha256=d.sha256,
            encoding=d.encoding,
            source_format=d.source_format,
            title=d.title,
            name=names(d.id),
            published="; ".join(
                part
                for part in (
                    f"site {d.publisher}" if d.publisher else "",
                    f"published {d.date} ({d.date_source})" if d.date else "",
                )
                if part
            ),
        )
        for d in report.documents
    ]
    overrides = [
        OverrideInfo(v.target.id, r.number, r.label, r.reviewer_label, r.note)
        for v in versions
        for r in v.rows
        if r.override
    ]
    banner = report.text_warnings()
    return Evidence(
        tool=TOOL_NAME,
        tool_version=report.tool_version,
        schema=report.schema,
        settings=[
            (k, setting_text(v)) for k, v in sorted(report.settings.items()) if k != "thresholds"
        ],
        thresholds=_thresholds(report.settings.get("thresholds")),
        settings_json=json.dumps(
            compact_settings(report.settings), sort_keys=True, separators=(",", ":")
        ),
        documents=docs,
        reference=report.reference,
        reference_reason=names.rename(report.reference_reason),
        warnings=[warning_named(w, names) for w in report.warnings if w not in banner],
        generated_at=generated_at,
        notes_path=str(ovs.path) if ovs and ovs.path and len(ovs) else None,
        overrides=overrides,
        stale_notes=stale_notes(report, ovs),
        banner=banner,
        report_id=report_id(report, ovs, generated_at),
        inputs_sha256=inputs_sha256(report),
        exclusions=exclusions_text(report.settings),
    )


def report_id(report: Report, ovs: OverrideSet | None, generated_at: str | None) -> str:
    """The SHA-256 of the report's JSON form (what ``compare --format json`` writes for the
    same inputs, settings, notes and timestamp): it names the result every format shows, and
    any reader can recompute it. A file cannot carry its own hash, so this is the next best."""
    from .json_report import render_json  # json_report does not import this module

    return hashlib.sha256(render_json(report, ovs, generated_at).encode("utf-8")).hexdigest()


def inputs_sha256(report: Report) -> str:
    """One hash for the set of input files: SHA-256 of their SHA-256s, sorted, one per line,
    so the same files give the same value whatever their names or order."""
    lines = "".join(f"{d}\n" for d in sorted(d.sha256 for d in report.documents))
    return hashlib.sha256(lines.encode("ascii")).hexdigest()


def stale_notes(report: Report, ovs: OverrideSet | None) -> list[StaleInfo]:
    if ovs is None:
        return []
    return [
        StaleInfo(
            s.version,
            s.override.original_label,
            s.override.label,
            s.override.note,
            s.override.excerpt,
            s.reason,
        )
        for s in ovs.stale(report)
    ]


def setting_text(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items())) or "none"
    return str(value)


def _thresholds(cutoffs: object) -> list[tuple[str, str, str]]:
    if not isinstance(cutoffs, dict):
        return []
    return [
        (name, str(c.get("value")), str(c.get("why", "")))
        for name, c in cutoffs.items()
        if isinstance(c, dict)
    ]


def compact_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The settings with each cut-off's value and not its reason: the reasons are the same
    for every run of one storytrace version (the ``tool_version`` beside them), and a CSV
    repeating them on every row grew to megabytes."""
    out = dict(settings)
    cuts = out.get("thresholds")
    if isinstance(cuts, dict):
        out["thresholds"] = {
            k: v.get("value") if isinstance(v, dict) else v for k, v in cuts.items()
        }
    return out


def build(
    report: Report,
    overrides: OverrideSet | None = None,
    timestamp: datetime | str | None = None,
    *,
    exhibit: bool = False,
) -> ReportView:
    if overrides is not None:
        overrides.bind(report)
    index = family_index(report)
    reviews = review_report(report, overrides)
    names = version_names([d.id for d in report.documents])
    versions = [_version(report, c, overrides, index, reviews, names) for c in report.comparisons]
    evidence = _evidence(report, overrides, format_timestamp(timestamp), versions, names)
    return ReportView(
        evidence=evidence,
        versions=versions,
        provenance=_provenance.build(report, names, overrides),
        shares=shares_view(report),
        exhibit=exhibit,
        names=names,
    )
