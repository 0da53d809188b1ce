"""What a version dropped and what it bolted on (``i``), one version at a time.

Omissions come first, and among them the ones a journalist cares most about: quotes and
attributions (a copy that kept a quote but dropped who said it), then bylines, credits,
links and other text. Inserts follow: promotion first, then page furniture and other added
writing. Every item carries its offsets so it can be cut out of the file as evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.app.widgets.status import StatusLine
from tui.core.escaping import escape_line, escape_reflow
from tui.core.model import Insert, Omission, Report

if TYPE_CHECKING:
    from tui.app.app import StoryTraceApp

OMISSION_ORDER = ("quote", "attribution", "byline", "credit", "link", "text")
INSERT_ORDER = ("promotion", "boilerplate", "added")
CLIP = 400  # characters of evidence text shown per item; the offsets give the rest


def _rank(order: tuple[str, ...], kind: str) -> int:
    return order.index(kind) if kind in order else len(order)


def omissions_of(report: Report, doc_id: str) -> list[Omission]:
    items = report.provenance.omissions if report.provenance else []
    mine = [o for o in items if o.doc == doc_id]
    return sorted(mine, key=lambda o: _rank(OMISSION_ORDER, o.kind))  # stable: engine order


def inserts_of(report: Report, doc_id: str) -> list[Insert]:
    items = report.provenance.inserts if report.provenance else []
    mine = [i for i in items if i.doc == doc_id]
    return sorted(mine, key=lambda i: _rank(INSERT_ORDER, i.kind))


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CLIP else text[: CLIP - 1] + "\u2026"


def _where(spans: list[tuple[int, int]]) -> str:
    return ", ".join(f"{a:,}\u2013{b:,}" for a, b in spans) or "no offsets"


class AuditScreen(Screen[None]):
    """Omissions and inserts of one version; tab moves to the next version."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "version(1)", "Next version", id="audit.next_version"),
        Binding("shift+tab", "version(-1)", "Previous version", id="audit.prev_version"),
        Binding("escape", "app.pop_screen", "Back", id="audit.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.doc_id: str | None = None

    @property
    def story(self) -> StoryTraceApp:
        return cast("StoryTraceApp", self.app)

    def compose(self) -> ComposeResult:
        yield StatusLine(id="audit-header")
        with VerticalScroll(id="audit-body"):
            yield Static("", id="audit-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        report = self.story.report
        if report is None:
            return
        current = self.story.current_version()
        if current is None and report.comparisons:
            current = report.comparisons[0].target
        self.show(current or report.reference)
        self.query_one("#audit-body").focus()

    def current_version(self) -> str | None:
        return self.doc_id

    def _versions(self, report: Report) -> list[str]:
        return [d.id for d in report.documents]

    def action_version(self, step: int) -> None:
        report = self.story.report
        if report is None or self.doc_id is None:
            return
        ids = self._versions(report)
        k = ids.index(self.doc_id) if self.doc_id in ids else 0
        self.show(ids[(k + step) % len(ids)])

    def show(self, doc_id: str) -> None:
        report = self.story.report
        if report is None:
            return
        self.doc_id = doc_id
        omissions = omissions_of(report, doc_id)
        inserts = inserts_of(report, doc_id)
        header = Text()
        header.append("Inserts and omissions of ", style="bold")
        header.append(escape_line(doc_id), style="bold")
        if doc_id == report.reference:
            header.append(" (the reference)")
        header.append(f"   {len(omissions)} omission(s), {len(inserts)} insert(s)")
        self.query_one("#audit-header", StatusLine).set_text(header)
        self.query_one("#audit-text", Static).update(self._body(report, doc_id))
        self.query_one("#audit-body", VerticalScroll).scroll_home(animate=False)

    def _body(self, report: Report, doc_id: str) -> Text:
        out = Text()
        omissions = omissions_of(report, doc_id)
        inserts = inserts_of(report, doc_id)
        out.append("Omissions", style="bold underline")
        out.append("  reference text this version dropped; quotes and attributions first\n\n")
        if not omissions:
            why = (
                "the others are compared against it"
                if doc_id == report.reference
                else "none found (an independent version is not audited)"
            )
            out.append(f"  {why}\n", style="italic")
        for o in omissions:
            source = report.document(o.source)
            out.append(f"  [{o.kind}] ", style="bold")
            out.append(escape_line(_clip(o.detail)) + "\n")
            out.append(
                f"    from {escape_line(source.id)} at characters {_where(o.source_spans)}\n",
                style="italic",
            )
            text = " ".join(source.text[a:b] for a, b in o.source_spans)
            if text.strip() and " ".join(text.split()) != " ".join(o.detail.split()):
                out.append(f"    \u201c{escape_reflow(_clip(text))}\u201d\n")
        out.append("\n")
        out.append("Inserts", style="bold underline")
        out.append("  text this version added; promotion first\n\n")
        if not inserts:
            out.append("  none found\n", style="italic")
        doc = report.document(doc_id)
        for i in inserts:
            out.append(f"  [{i.kind}] ", style="bold")
            out.append(escape_line(i.reason) + "\n")
            out.append(f"    at characters {_where(i.spans)}\n", style="italic")
            text = " ".join(doc.text[a:b] for a, b in i.spans)
            out.append(f"    \u201c{escape_reflow(_clip(text))}\u201d\n")
        out.rstrip()
        return out
