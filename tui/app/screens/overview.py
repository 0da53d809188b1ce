"""The first screen: every version against the reference, at a glance.

It appears before the engine has finished (with a progress bar), so the app is responsive
from the first frame; the table fills in when the report arrives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.app.widgets.derivation import DerivationTree
from tui.app.widgets.progress import AlignProgress
from tui.app.widgets.version_table import VersionTable
from tui.core.escaping import escape_line
from tui.core.model import BANNER_TITLE, LABEL_LETTERS, Report
from tui.core.summary import describe_region

if TYPE_CHECKING:
    from tui.app.app import StoryTraceApp


class OverviewScreen(Screen[None]):
    """Versions, verdicts and coverage; enter opens one side by side."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Side by side", id="overview.open"),
        Binding("tab", "move(1)", "Next version", show=False, id="overview.next_version"),
        Binding(
            "shift+tab", "move(-1)", "Previous version", show=False, id="overview.prev_version"
        ),
        Binding("r", "make_reference", "Make reference", id="overview.make_reference"),
    ]

    # Side by side when there is room for both panels, the tree below the regions if not.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (100, "-wide"),
    ]

    @property
    def story(self) -> StoryTraceApp:
        return cast("StoryTraceApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static("", id="overview-title", markup=False)
        yield Static("", id="overview-banner", markup=False)
        yield Static("", id="overview-reference", markup=False)
        yield VersionTable(id="versions")
        with Container(id="overview-lower"):
            yield Static("", id="overview-regions", markup=False)
            with VerticalScroll(id="overview-tree"):
                yield DerivationTree(id="derivation")
        yield AlignProgress()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#overview-title", Static).update(
            Text(f"storytrace \u2014 loading {len(self.story.paths)} path(s)\u2026")
        )
        if self.story.report is not None:
            self.show_report(self.story.report, None)
        elif self.story.error:
            self.show_error(self.story.error)

    def show_error(self, message: str) -> None:
        self.query_one("#overview-title", Static).update(Text("storytrace \u2014 cannot compare"))
        self.query_one("#overview-regions", Static).update(Text(escape_line(message)))
        self.query_one("#overview-regions").add_class("-error")

    def show_report(self, report: Report, previous: Report | None) -> None:
        table = self.query_one(VersionTable)
        current = table.current_id()
        table.show(report)
        if current and current != report.reference:
            table.select_id(current)
        elif report.comparisons:
            table.select_id(report.comparisons[0].target)
        ref = report.document(report.reference)
        n = len(report.documents)
        self.query_one("#overview-title", Static).update(
            Text(f"storytrace \u2014 {n} versions compared with the reference")
        )
        line = Text()
        line.append("Reference ", style="bold")
        line.append(escape_line(ref.id), style="bold")
        if ref.title:
            line.append(f" \u201c{escape_line(ref.title)}\u201d")
        line.append(f"\nwhy this one: {escape_line(report.reference_reason)}", style="italic")
        self.query_one("#overview-reference", Static).update(line)
        self._show_banner(report)
        self._describe(table.current_id())

    def _show_banner(self, report: Report) -> None:
        warnings = report.text_warnings()
        banner = self.query_one("#overview-banner", Static)
        banner.set_class(bool(warnings), "-shown")
        text = Text(BANNER_TITLE + ":", style="bold")
        for warning in warnings:
            text.append(f"\n\u2022 {escape_line(warning)}")
        banner.update(text)

    def current_version(self) -> str | None:
        return self.query_one(VersionTable).current_id()

    def _describe(self, doc_id: str | None) -> None:
        report = self.story.report
        self.query_one(DerivationTree).show(report, doc_id)
        panel = self.query_one("#overview-regions", Static)
        if report is None or doc_id is None:
            panel.update("")
            return
        if doc_id == report.reference:
            panel.update(Text("The reference version: the others are compared against it."))
            return
        comparison = report.comparison(doc_id)
        source, target = report.document(comparison.source), report.document(doc_id)
        out = Text()
        cov = comparison.coverage
        out.append(
            f"{escape_line(doc_id)}: {comparison.verdict}, "
            f"{cov['target_derived']:.0%} of its text derived from {escape_line(source.id)}, "
            f"{cov['source_reused']:.0%} of the reference reused\n",
            style="bold",
        )
        counts = comparison.label_counts()
        out.append(
            "passages: "
            + ", ".join(f"{LABEL_LETTERS[k]} {k} {v}" for k, v in counts.items() if v)
            + "\n"
        )
        if not comparison.regions:
            out.append("no derived region\n", style="italic")
        for region in comparison.regions:
            out.append(f"\u2022 {escape_line(describe_region(source, target, region))}\n")
        stale = self.story.stale_notes(doc_id)
        if stale:
            out.append("STALE reviewer notes, not used (kept in the notes file):\n", style="bold")
        for s in stale:
            o = s.override
            label = f"reviewer {o.label}, " if o.label else ""
            out.append(
                escape_line(f"\u2022 {label}engine {o.original_label}: {o.note}")
                + "\n"
                + escape_line(f"  made on \u201c{o.excerpt}\u201d; {s.reason}")
                + "\n"
            )
        panel.update(out)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe(event.row_key.value if event.row_key else None)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        report = self.story.report
        doc_id = self.query_one(VersionTable).current_id()
        if report is None or doc_id is None:
            return
        if doc_id == report.reference:
            if not report.comparisons:
                return
            doc_id = report.comparisons[0].target
        self.story.open_side_by_side(doc_id)

    def action_move(self, step: int) -> None:
        table = self.query_one(VersionTable)
        if table.row_count:
            table.move_cursor(row=(table.cursor_row + step) % table.row_count)

    def action_make_reference(self) -> None:
        doc_id = self.query_one(VersionTable).current_id()
        if doc_id is not None:
            self.story.make_reference(doc_id)
