"""The plain-text report: the summary the terminal prints, under the same evidence header."""

from __future__ import annotations

from ..core.escaping import escape_line, quoted
from ..core.model import BANNER_TITLE, Report
from ..present.names import VersionNames
from ..present.sources import SharesView, sources_sentence
from ..present.wording import REVIEWED_MARK, plural, relabelled_swaps, swap_pairs
from .provenance import ProvenanceView
from .view import ReportView, Version, tag

# How many entries the text summary lists before it only counts the rest.
TEXT_LIST = 12


def cutoff_lines(view: ReportView) -> list[str]:
    return ["cut-offs (each changes a result):"] + [
        f"  {name} = {value}  ({why})" for name, value, why in view.evidence.thresholds
    ]


def evidence_lines(view: ReportView, cutoffs: bool = True) -> list[str]:
    """The evidence block as plain lines; Markdown and text share the wording. Without
    ``cutoffs``, one line says they are listed at the end (the text report: seventy lines
    of them stood between its reader and the first verdict)."""
    ev = view.evidence
    lines = [f"tool: {ev.tool} {ev.tool_version} (schema {ev.schema})"]
    lines.append(f"report id: {ev.report_id} (SHA-256 of the JSON form)")
    lines.append(f"input set: {ev.inputs_sha256} (SHA-256 of the inputs' SHA-256s, sorted)")
    if ev.generated_at:
        lines.append(f"generated: {ev.generated_at}")
    lines.append("settings: " + ", ".join(f"{k}={v}" for k, v in ev.settings))
    lines.append(f"exclusions: {ev.exclusions}")
    if cutoffs:
        lines += cutoff_lines(view)
    else:
        lines.append(f"cut-offs: {len(ev.thresholds)}, each listed at the end of this report")
    lines.append("inputs:")
    for d in ev.documents:
        role = " (reference)" if d.role == "reference" else ""
        legend = f" = {d.legend_id}" if d.legend_id else ""
        # A file name may hold a line break or an escape: one line each, as shown on screen.
        lines.append(f"  {escape_line(d.name or d.id)}{legend}{role}: {escape_line(d.path)}")
        lines.append(f"    {d.size} bytes, {d.encoding}, {d.source_format}, sha256 {d.sha256}")
        if d.published:
            lines.append(f"    {escape_line(d.published)}")
    for w in ev.warnings:
        lines.append(f"warning: {w}")
    return lines


def override_lines(view: ReportView) -> list[str]:
    ev, name = view.evidence, view.names
    lines = [f"{v.target_name}: {v.reviewed}" for v in view.versions if v.reviewed]
    if ev.overrides:
        src = f" ({ev.notes_path})" if ev.notes_path else ""
        lines.append(f"reviewer notes{src}:")
        for o in ev.overrides:
            label = (
                f"{tag(o.label)} (engine: {tag(o.original_label)})"
                if o.label
                else tag(o.original_label)
            )
            note = f": {o.note}" if o.note else ""
            lines.append(f"  {name(o.version)} passage {o.passage}: {label}{note}")
    if ev.stale_notes:
        lines.append(
            f"STALE reviewer notes: {len(ev.stale_notes)} no longer apply and are not used "
            "(kept in the notes file):"
        )
        for n in ev.stale_notes:
            label = f"reviewer {tag(n.label)}, " if n.label else ""
            note = f": {n.note}" if n.note else ""
            lines.append(f"  STALE {name(n.version)}: {label}engine {tag(n.original_label)}{note}")
            lines.append(f"    made on {n.made_on}; {n.reason}")
    return lines


def provenance_lines(prov: ProvenanceView, name: VersionNames) -> list[str]:
    """The derivation tree in full, then a short lexicon, inserts and omissions summary;
    the HTML and Markdown reports list everything."""
    lines = ["derivation tree:"]
    lines += ["  " + line for line in prov.tree.lines(name)]
    if prov.tree.notes:
        lines.append("  why other parents were ruled out:")
        lines += [f"    - {note}" for note in prov.tree.named_notes(name)]
    lines.append("")
    marked = [e for e in prov.lexicon if e.known or e.odd_side]
    lines.append(
        f"substitution lexicon: {len(prov.lexicon)} swaps, {prov.known_swaps} known spinner "
        f"swaps, {prov.odd_swaps} with a much rarer side"
        + (f"; {note}" if (note := relabelled_swaps(prov.relabelled_swaps)) else "")
        + (
            " (! marks the rarer side; a \u2192 b: version a has the first wording, b the second):"
            if marked
            else ""
        )
    )
    if len(marked) < len(prov.lexicon):
        # The short list is the marked swaps only: say so, or "50 swaps" over seven lines
        # reads as if the other 43 were not found.
        lines.append(
            f"  (listed here: the known and rarer-side swaps; all {len(prov.lexicon)} in the "
            "HTML, Markdown and JSON reports and the explorer's word swaps, x)"
        )
    for e in marked[:TEXT_LIST]:
        src = f"!{quoted(e.source)}" if e.odd_side == "source" else quoted(e.source)
        tgt = f"!{quoted(e.target)}" if e.odd_side == "target" else quoted(e.target)
        known = " [known spinner swap]" if e.known else ""
        times = f" x{e.count}" if e.count > 1 else ""
        lines.append(f"  {src} -> {tgt}{times}{known} ({swap_pairs(e.pairs(), name, 'x')})")
    if len(marked) > TEXT_LIST:
        lines.append(f"  (+{len(marked) - TEXT_LIST} more marked)")
    lines.append("")
    lines.append("inserts:")
    for a in prov.inserts:
        lines.append(f"  {name(a.doc)}{' (reference)' if a.reference else ''}: {a.tally}")
        for g in a.groups:
            if g.kind == "promotion":
                lines += [f"    promotion, {i.where}, {i.reason}: {i.text}" for i in g.items]
    lines.append("")
    lines.append("omissions (quotes and attributions first):")
    for a in prov.omissions:
        lines.append(f"  {name(a.doc)} dropped from {name(a.source)}: {a.tally}")
        for g in a.groups:
            if g.folded:
                lines.append(f"    {g.kind}: {g.folded_line(name(a.source))}")
            else:
                lines += [f"    {g.kind}, {i.where}: {i.reason or i.text}" for i in g.items]
    if not prov.omissions:
        lines.append("  none")
    return [*lines, ""]


def shares_lines(shares: SharesView, name: VersionNames) -> list[str]:
    """Each version's sources, then the matrix: who shares how much with whom."""
    lines = ["shared content (share of each version's text found in another):"]
    lines += [f"  {name(d)}: {sources_sentence(shares, d, name)}" for d in shares.ids]
    if len(shares.ids) > 1:
        width = max(len(name(d)) for d in shares.ids)
        cols = [f"{k + 1:>5}" for k in range(len(shares.ids))]
        lines.append("  " + " " * (width + 4) + "".join(cols))
        for k, (d, cells) in enumerate(shares.rows):
            row = "".join(f"{c.text:>5}" for c in cells)
            lines.append(f"  {k + 1:>2} {name(d):<{width}} {row}")
        lines.append("  (row: the version whose text is counted; column: the version it is in)")
    return [*lines, ""]


def banner_lines(view: ReportView) -> list[str]:
    """What a reader must know before quoting any of the documents, first in every format."""
    if not view.evidence.banner:
        return []
    return [f"{BANNER_TITLE.upper()}:", *(f"  ! {w}" for w in view.evidence.banner), ""]


def exhibit_lines(view: ReportView) -> list[str]:
    """Each version's derived passages: where each lies in both files, and its wording."""
    lines: list[str] = []
    for v in view.versions:
        rows = v.derived_rows
        lines.append(f"{v.target_name}: {plural(len(rows), 'passage')} {v.taken} {v.source_name}")
        for r in rows:
            label = tag(r.reviewer_label or r.label)
            note = f"  ({r.link_note})" if r.link_note else ""
            lines.append(f"  {r.number:>3} {label}  {r.source_where} -> {r.target_where}{note}")
            lines.append(f"      {r.excerpt}")
    return [*lines, ""]


def version_lines(v: Version) -> list[str]:
    """How a version stands to the reference, its passages, regions, word swaps and the
    figures it changed."""
    lines = [
        f"{v.target_name}: {v.relation}; {v.source_reused:.0%} of {v.source_name} reused",
        # Beside the engine's verdict, not only at the end with the notes.
        *([f"  {REVIEWED_MARK} {v.reviewed}"] if v.reviewed else []),
        "  passages: " + ", ".join(f"{k} {n}" for k, n in v.counts.items() if n),
        *(
            [
                f"  {REVIEWED_MARK} passages by the reviewer's labels: "
                + ", ".join(f"{k} {n}" for k, n in v.reviewer_counts.items() if n)
            ]
            if v.reviewer_counts
            else []
        ),
    ]
    lines += [f"  {r}" for r in v.regions]
    if v.substitutions:
        swaps = ", ".join(
            f"{quoted(a)} -> {quoted(b)}" + (f" x{n}" if n > 1 else "")
            for a, b, n in v.substitutions[:TEXT_LIST]
        )
        more = len(v.substitutions) - TEXT_LIST
        lines.append(f"  substitutions: {swaps}" + (f" (+{more} more)" if more > 0 else ""))
    if v.figures:
        # Every one: a changed figure is the edit a reader must not miss.
        lines.append(f"  {v.figures_line}")
    if v.quotes:
        lines.append(f"  {v.quotes_line}")  # words put in a speaker's mouth, every one
    return lines


def render_text(report: Report, view: ReportView) -> str:
    ev = view.evidence
    head = banner_lines(view) + evidence_lines(view, cutoffs=False)
    tail = override_lines(view) + cutoff_lines(view)
    lines = [f"reference: {view.names(ev.reference)} ({ev.reference_reason})", ""]
    for v in view.versions:
        lines += [*version_lines(v), ""]
    body = "\n".join(lines)
    if view.exhibit:
        if view.provenance:
            tree = view.provenance.tree.lines(view.names)
            body += "derivation tree:\n" + "\n".join(f"  {x}" for x in tree) + "\n\n"
        body += "\n".join(exhibit_lines(view)) + "\n"
    elif view.provenance:
        body += "\n".join(provenance_lines(view.provenance, view.names)) + "\n"
    if view.shares and not view.exhibit:
        body += "\n".join(shares_lines(view.shares, view.names)) + "\n"
    return "\n".join(head) + "\n\n" + body + ("\n".join(tail) + "\n" if tail else "")
