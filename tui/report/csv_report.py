"""The CSV report: one row per passage, for sorting and filtering in a spreadsheet.

Encoding: UTF-8 *with* a byte-order mark. Excel reads a CSV without one in the local ANSI
code page and turns curly quotes and accents into mojibake; with the BOM it reads UTF-8, and
LibreOffice, Numbers, pandas and Python's ``utf-8-sig`` all skip it. Rows end in CRLF
(RFC 4180, what Excel writes).

Evidence: a CSV has no place for a header block that would not break sorting and filtering,
so every row carries its provenance instead (tool version, settings with each cut-off's value
but not its reason, both files' paths and
SHA-256, the generation time when recorded), and ``document_warnings`` carries what the other
formats put in their opening banner about the row's two documents (a guessed encoding, hidden
or look-alike characters), so a filtered sheet still says when a quote may not read as the file
does. Warnings about skipped files, which have no rows, are in the other formats.

Provenance: the derivation tree, substitution lexicon, inserts and omission audit are not
passages, and a second kind of row (or a second table under the first) would break sorting
and filtering, which is what the CSV is for; they are in the HTML, Markdown, text and JSON
reports. What does fit a passage row is its family: ``family`` holds the id(s) of the
provenance families its text belongs to (the version's sentences; the reference's for an
omitted passage), the ids the HTML and Markdown family tables and the JSON ``families`` use,
and ``family_versions`` how many versions carry that text (the widest of those families), so a
spreadsheet can pick out, say, the passages every version copied or only this one has.

Stale reviewer notes (made on a text that has changed since, see
``tui.core.overrides.OverrideSet.stale``) come last, one row each with ``STALE`` in the
``passage`` column, the note, the passage it was made on in ``target_text`` and why it no
longer applies in ``target_where``: a spreadsheet filter on ``passage`` finds them.

Reviewer figures: ``reviewer_verdict`` is the version's verdict by the reviewer's labels
(``tui.core.review``) where a reviewer changed one, beside the engine's ``verdict``; the
exclusions the shares were made with are in ``settings``.

Changed figures: ``changed_figures`` lists the figures of the reference the passage gives
as others (``'three years' -> 'five years'``, separated by semicolons; empty where none), as
the other formats list them per version: a filter on it finds every passage a copy changed
a number in. ``changed_quotes`` lists the quotations it gives in other words (cut to the words that
changed and a few around them), one a line in the cell: a quotation may hold semicolons.

Booleans (``moved``, ``restated``) are ``true`` or ``false``, as in the JSON report;
``linked_by`` is the JSON report's word for why a weak passage is linked, empty for others.

Controls: every text cell goes through the one escaping policy (:mod:`tui.core.escaping`), so
an escape sequence or bidi override from a file shows as ``␛`` or ``<U+202E>`` instead of
acting on the terminal a user prints the file in, or reordering what a spreadsheet shows.

Formula injection: a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
would be run as a formula by spreadsheet programs, so such text cells get a leading ``'``
(OWASP's advice). Numbers this module writes itself are left alone.
"""

from __future__ import annotations

import csv
import io

from ..core.escaping import escape_text
from .view import ReportView

BOM = "\ufeff"
COLUMNS = (
    "version",
    "passage",
    "label",
    "reviewer_label",
    "reviewer_note",
    "score",
    "moved",
    "restated",
    "linked_by",
    "family",
    "family_versions",
    "source_where",
    "target_where",
    "source_spans",
    "target_spans",
    "source_text",
    "target_text",
    "verdict",
    "reference",
    "source_path",
    "source_sha256",
    "target_path",
    "target_sha256",
    "tool",
    "settings",
    "generated_at",
    "document_warnings",
    # Last, after the columns earlier versions wrote, so readers by position keep working.
    "reviewer_verdict",
    "changed_figures",
    "changed_quotes",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: str) -> str:
    """Text a spreadsheet would evaluate, made inert."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def cell(value: str) -> str:
    return defuse(escape_text(value))


def _spans(spans: list[tuple[int, int]]) -> str:
    # "49:267" rather than "49-267", which Excel turns into a date or a subtraction.
    return " ".join(f"{a}:{b}" for a, b in spans)


def render_csv(view: ReportView) -> str:
    ev = view.evidence
    tool = f"{ev.tool} {ev.tool_version}"
    settings = ev.settings_json
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for v in view.versions:
        for r in v.rows:
            text_cells = {
                "version": v.target.id,
                "label": r.label,
                "reviewer_label": r.reviewer_label or "",
                "reviewer_note": r.note,
                "source_where": r.source_where,
                "target_where": r.target_where,
                "source_spans": _spans(r.source_spans),
                "target_spans": _spans(r.target_spans),
                "source_text": r.source_text,
                "target_text": r.target_text,
                "verdict": v.verdict,
                "reference": v.source.id,
                "source_path": v.source.path,
                "source_sha256": v.source.sha256,
                "target_path": v.target.path,
                "target_sha256": v.target.sha256,
                "tool": tool,
                "settings": settings,
                "generated_at": ev.generated_at or "",
                "document_warnings": " | ".join(v.source.warnings + v.target.warnings),
                "reviewer_verdict": v.reviewer_verdict,
                "changed_figures": "; ".join(f.change for f in v.figures if f.passage == r.number),
                # One a line: a quotation may hold semicolons.
                "changed_quotes": "\n".join(f.change for f in v.quotes if f.passage == r.number),
            }
            row = {k: cell(val) for k, val in text_cells.items()}
            row |= {
                "passage": str(r.number),
                "score": f"{r.score:.4f}",
                "moved": "true" if r.moved else "false",
                "restated": "true" if r.restated else "false",
                "linked_by": r.linked_by,
                "family": " ".join(str(f) for f in r.families),
                "family_versions": str(r.family_versions) if r.families else "",
            }
            writer.writerow([row[c] for c in COLUMNS])
    for n in ev.stale_notes:
        stale = {
            "version": n.version,
            "label": n.original_label,
            "reviewer_label": n.label or "",
            "reviewer_note": n.note,
            "target_where": n.reason,
            "target_text": n.excerpt,
            "tool": tool,
            "settings": settings,
            "generated_at": ev.generated_at or "",
        }
        row = {c: "" for c in COLUMNS} | {k: defuse(val) for k, val in stale.items()}
        row["passage"] = "STALE"
        writer.writerow([row[c] for c in COLUMNS])
    return BOM + buf.getvalue()
