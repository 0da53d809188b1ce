"""The plain-text report: the summary the terminal prints, under the same evidence header."""

from __future__ import annotations

from ..core.model import Report
from ..core.summary import describe_report
from .view import ReportView, tag


def evidence_lines(view: ReportView) -> list[str]:
    """The evidence block as plain lines; Markdown and text share the wording."""
    ev = view.evidence
    lines = [f"tool: {ev.tool} {ev.tool_version} (schema {ev.schema})"]
    if ev.generated_at:
        lines.append(f"generated: {ev.generated_at}")
    lines.append("settings: " + ", ".join(f"{k}={v}" for k, v in ev.settings))
    lines.append("inputs:")
    for d in ev.documents:
        role = " (reference)" if d.role == "reference" else ""
        lines.append(f"  {d.id}{role}: {d.path}")
        lines.append(f"    {d.size} bytes, {d.encoding}, {d.source_format}, sha256 {d.sha256}")
    for w in ev.warnings:
        lines.append(f"warning: {w}")
    return lines


def override_lines(view: ReportView) -> list[str]:
    ev = view.evidence
    lines = []
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
            lines.append(f"  {o.version} passage {o.passage}: {label}{note}")
    if ev.unmatched_overrides:
        lines.append(
            f"  {ev.unmatched_overrides} earlier note(s) no longer match a passage "
            "(inputs or settings changed); kept in the notes file"
        )
    return lines


def render_text(report: Report, view: ReportView) -> str:
    head = evidence_lines(view)
    tail = override_lines(view)
    body = describe_report(report)
    return "\n".join(head) + "\n\n" + body + ("\n".join(tail) + "\n" if tail else "")
