"""What a version dropped and what it bolted on (``i``), one version at a time.

Omissions come first, and among them the ones a journalist cares most about: quotes and
attributions (a copy that kept a quote but dropped who said it), then bylines, credits,
links and other text. Inserts follow: promotion first, then page furniture and other added
writing. Every item carries its offsets so it can be cut out of the file as evidence, and
``enter`` on one opens the side-by-side view at the passage it comes from.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.events import ScreenResume
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.hanging import Evidence, HangingLines
from tui.app.keys import bindings
from tui.app.locate import Location, insert_location, omission_location
from tui.app.screens.view import StoryView, key_footer
from tui.app.widgets.status import StatusLine
from tui.core.escaping import escape_line
from tui.core.model import Insert, Omission, Report
from tui.core.overrides import Override
from tui.present import audit
from tui.present.audit import Excerpt, of_doc
from tui.present.kinds import INSERTS_GLOSS, OMISSIONS_GLOSS
from tui.present.wording import plural


def omissions_of(report: Report, doc_id: str) -> list[Omission]:
    """What the version dropped, in the order every list shows it."""
    return [e.item for e in of_doc(audit.omissions(report), doc_id) if isinstance(e.item, Omission)]


def inserts_of(report: Report, doc_id: str) -> list[Insert]:
    return [e.item for e in of_doc(audit.inserts(report), doc_id) if isinstance(e.item, Insert)]


class AuditList(OptionList):
    """The items, one option each; headings and "none found" lines cannot be chosen."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("audit_list")

    @property
    def plain(self) -> str:
        """Every line shown, as plain text (for tests and search)."""
        lines = []
        for k in range(self.option_count):
            prompt = self.get_option_at_index(k).prompt
            lines.append(getattr(prompt, "plain", None) or str(prompt))
        return "\n".join(lines)


class AuditScreen(StoryView):
    """Omissions and inserts of one version; tab moves to the next version."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("audit")

    def __init__(self) -> None:
        super().__init__()
        self.doc_id: str | None = None
        self._locations: dict[str, Location | None] = {}
        self._labels: tuple[Override, ...] = ()  # the reviewer's labels when last shown

    def compose(self) -> ComposeResult:
        yield StatusLine(id="audit-header", wrap=True)
        yield AuditList(id="audit-list")
        yield key_footer()

    def on_mount(self) -> None:
        self.query_one(AuditList).focus()

    def show_report(self, report: Report, previous: Report | None) -> None:
        current = self.doc_id if previous is not None else None
        if current is None or current not in {d.id for d in report.documents}:
            current = self._followed(report)
        self.show(current)

    @on(ScreenResume)
    def _resumed(self) -> None:
        """Back in this view: show the version the reviewer was looking at elsewhere."""
        report = self.story.report
        if report is not None and self.is_mounted:
            followed = self._followed(report)
            # Or relabelled since: the lists follow the reviewer's labels.
            if followed != self.doc_id or tuple(self.story.overrides) != self._labels:
                self.show(followed)

    def _followed(self, report: Report) -> str:
        current = self.story.current_version()
        if current is None and report.comparisons:
            current = report.comparisons[0].target
        return current or report.reference

    def action_version(self, step: int) -> None:
        report = self.story.report
        if report is None or self.doc_id is None:
            return
        ids = [d.id for d in report.documents]
        k = ids.index(self.doc_id) if self.doc_id in ids else 0
        self.show(ids[(k + step) % len(ids)])

    def show(self, doc_id: str) -> None:
        report = self.story.report
        if report is None:
            return
        self.doc_id = doc_id
        self._labels = tuple(self.story.overrides)
        if doc_id != report.reference:
            self.story.version = doc_id
        omissions = of_doc(audit.omissions(report, self.story.overrides), doc_id)
        own = [a for a in audit.inserts(report, self.story.overrides) if a.doc == doc_id]
        inserts = [i for a in own for i in a.items]
        header = Text()
        header.append("Inserts and omissions of ", style="bold")
        header.append(escape_line(self.story.names(doc_id)), style="bold")
        if doc_id == report.reference:
            header.append(" (the reference)")
        # The inserts as the reports count them ("added 12 passages in 4 inserts"): "4
        # inserts" alone read against the overview's "A 12".
        tally = own[0].tally if own else ""
        header.append(f"   {plural(len(omissions), 'omission')}; {tally or 'no inserts'}")
        header.append("   tab: next version", style="italic")
        self.query_one("#audit-header", StatusLine).set_text(header)
        items = self.query_one(AuditList)
        items.set_options(self._options(report, doc_id, omissions, inserts, tally))
        items.highlighted = next(
            (k for k in range(items.option_count) if not items.get_option_at_index(k).disabled),
            None,
        )
        items.scroll_home(animate=False)

    def _options(
        self,
        report: Report,
        doc_id: str,
        omissions: list[Excerpt],
        inserts: list[Excerpt],
        tally: str,
    ) -> list[Option]:
        """``tally``: the inserts counted as the reports count them (``added 10 passages in
        8 inserts``), so the list of 8 is not read as contradicting the passage counts."""
        self._locations = {}
        out: list[Option] = []
        heading = Text("Omissions", style="bold underline")
        heading.append(f"  {OMISSIONS_GLOSS}")
        out.append(Option(heading, disabled=True))
        if not omissions:
            tree = report.provenance.tree if report.provenance else None
            if doc_id == report.reference:
                why = "the others are compared against it"
            elif tree is not None and tree.descends(report.reference, doc_id):
                # The engine lists none: the reference's own text is no cut of this one.
                ref = self.story.names(report.reference)
                why = f"none: {escape_line(ref)} was made from this version, so it dropped nothing"
            elif report.comparison(doc_id).verdict == "independent":
                why = "none found (an independent version is not audited)"
            else:
                why = "none found"
            out.append(Option(Text(f"  {why}", style="italic"), disabled=True))
        for n, e in enumerate(omissions):
            assert isinstance(e.item, Omission)
            source = self.story.names(e.item.source)
            key = f"omission-{n}"
            self._locations[key] = omission_location(report, e.item)
            out.append(Option(self._item(e, f"from {source}, "), id=key))
        heading = Text("\nInserts", style="bold underline")
        heading.append(f"  {INSERTS_GLOSS}")
        if tally:
            heading.append(f"\n  {tally}", style="italic")
        out.append(Option(heading, disabled=True))
        if not inserts:
            out.append(Option(Text("  none found", style="italic"), disabled=True))
        for n, e in enumerate(inserts):
            assert isinstance(e.item, Insert)
            key = f"insert-{n}"
            self._locations[key] = insert_location(report, e.item)
            out.append(Option(self._item(e, ""), id=key))
        return out

    @staticmethod
    def _item(e: Excerpt, source: str) -> HangingLines:
        """Kind and reason, where, then the text: each said once (a reason that would only
        repeat the text is left out by ``tui.present.audit``), each line wrapping under its
        own start, so a long quotation reads as one block beside the list's margin."""
        item = Evidence()
        item.append(f"  [{e.kind}]", style="bold")
        if e.reason:
            item.hang()
            item.append(f" {escape_line(e.reason)}")
        item.append("\n")
        item.append(f"    {escape_line(source)}{e.where or 'no offsets'}\n", style="italic")
        # A quotation keeps its own marks; other text is put in quotation marks.
        quoted = e.text[:1] in ('"', "\u201c", "\u00ab", "\u201e")
        item.append("    " if quoted else "    \u201c")
        item.hang()
        item.append(f"{escape_line(e.text)}{'' if quoted else chr(0x201D)}\n")
        return item.renderable()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id
        if key is not None:
            self.story.open_location(self._locations.get(key))
