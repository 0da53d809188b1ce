"""The first screen: every version against the reference, at a glance.

It appears before the engine has finished (with a progress bar), so the app is responsive
from the first frame; the table fills in when the report arrives.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, VerticalScroll
from textual.widgets import DataTable, Static

from tui.app.keys import bindings
from tui.app.screens.view import StoryView, key_footer
from tui.app.widgets.derivation import DerivationTree
from tui.app.widgets.progress import AlignProgress
from tui.app.widgets.shares_table import SharesTable, sources_line
from tui.app.widgets.version_table import REVIEWED_MARK, VersionTable
from tui.core.escaping import escape_line
from tui.core.model import BANNER_TITLE, LABEL_LETTERS, Report, Tree
from tui.core.review import (
    Reviewed,
    review_report,
    reviewed_regions,
    reviewed_sentence,
    reviewer_apart,
)
from tui.core.summary import describe_region, relation, tree_clause
from tui.present.exclusions import Exclusions
from tui.present.figures import LABEL as FIGURES
from tui.present.figures import QUOTES, figure_changes, figures_line
from tui.present.names import warning_named
from tui.present.wording import regions_by_reviewer

# Pressed in the overview, l and c (side by side keys) say where they work.
REVIEW_HINT = (
    "relabels (l) and notes (c) are given to a passage: enter opens the side by side, "
    "where they apply to the highlighted row"
)
# The report's other warnings (files left out, pairs not aligned), under the banner.
OTHER_WARNINGS = "Warnings"


class OverviewScreen(StoryView):
    """Versions, verdicts and coverage; enter opens one side by side."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("overview")

    # Side by side when there is room for both panels, the tree below the regions if not.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (100, "-wide"),
    ]
    # On a short terminal (80x24) ten versions took every line the panel below had.
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-short"), (32, "-tall")]

    def compose(self) -> ComposeResult:
        yield Static("", id="overview-title", markup=False)
        yield Static("", id="overview-reference", markup=False)
        yield Static("", id="overview-banner", markup=False)
        yield VersionTable(id="versions")
        with Container(id="overview-lower"):
            yield Static("", id="overview-regions", markup=False)
            with VerticalScroll(id="overview-tree"):
                yield SharesTable(id="shares")
                yield DerivationTree(id="derivation")
        yield AlignProgress()
        yield key_footer()

    def on_mount(self) -> None:
        self.query_one("#overview-title", Static).update(
            Text(f"storytrace \u2014 loading {len(self.story.paths)} path(s)\u2026")
        )
        self.watch(self.app, "error", self.show_error)
        self.watch(self.app, "overrides", self._overrides_changed, init=False)

    def _overrides_changed(self, _overrides: object) -> None:
        """A relabel counts: the table and the panel take the reviewer's figures at once."""
        report = self.story.report
        if report is None or not self.is_mounted:
            return
        self.query_one(VersionTable).show(report, self.story.names, self._reviews(report))
        self._describe(self.query_one(VersionTable).current_id())

    def on_version_table_titles_shown(self, _message: VersionTable.TitlesShown) -> None:
        self._describe(self.query_one(VersionTable).current_id())

    def _reviews(self, report: Report) -> dict[str, Reviewed]:
        return review_report(report, self.story.overrides)

    def show_error(self, message: str | None) -> None:
        if message is None:
            return
        self.query_one("#overview-title", Static).update(Text("storytrace \u2014 cannot compare"))
        self.query_one("#overview-regions", Static).update(Text(escape_line(message)))
        self.query_one("#overview-regions").add_class("-error")

    def show_report(self, report: Report, previous: Report | None) -> None:
        names = self.story.names
        table = self.query_one(VersionTable)
        current = table.current_id()
        table.show(report, names, self._reviews(report))
        if current and current != report.reference:
            table.select_id(current)
        elif report.comparisons:
            table.select_id(report.comparisons[0].target)
        ref = report.document(report.reference)
        # The reference is not one of the versions compared with it (the reports count the
        # same way: "How 9 versions of a story compare with the reference").
        n = len(report.comparisons)
        self.query_one("#overview-title", Static).update(
            Text(
                f"storytrace \u2014 {n} version{'' if n == 1 else 's'} compared with the reference"
            )
        )
        line = Text()
        line.append("Reference ", style="bold")
        line.append(escape_line(names(ref.id)), style="bold")
        if names(ref.id) != ref.id:
            line.append(f" ({escape_line(ref.id)})")
        if ref.title:
            line.append(f" \u201c{escape_line(ref.title)}\u201d")
        reason = escape_line(names.rename(report.reference_reason))
        line.append(f"\nwhy this one: {reason}", style="italic")
        line.append("\nExclusions (E): ", style="bold")
        line.append(Exclusions.of(report.settings).short)
        self.query_one("#overview-reference", Static).update(line)
        self.query_one(SharesTable).show(report, names)
        self._describe(table.current_id())
        self._show_banner(report)

    def action_scroll_details(self, step: int) -> None:
        """A page of the panel below the table: at 80x24 it has two lines, and only a mouse
        wheel reached the rest (the stale notes among it)."""
        lower = self.query_one("#overview-lower")
        panes = [lower] if self.has_class("-narrow") else list(lower.children)
        for pane in panes:
            pane.scroll_relative(y=step * max(1, pane.size.height - 1), animate=False)

    def _show_banner(self, report: Report) -> None:
        """The documents' own warnings under the banner title; then the rest (files left out,
        pairs not aligned), which a toast alone would show for a few seconds only."""
        warnings = report.text_warnings()
        others = [w for w in report.warnings if w not in set(warnings)]
        banner = self.query_one("#overview-banner", Static)
        banner.set_class(bool(warnings or others), "-shown")
        text = Text()
        for title, lines in ((BANNER_TITLE, warnings), (OTHER_WARNINGS, others)):
            if lines:
                text.append(("\n" if text else "") + title + ":", style="bold")
            for warning in lines:
                shown = warning_named(warning, self.story.names)
                text.append(f"\n\u2022 {escape_line(shown)}")
        banner.update(text)

    def _describe(self, doc_id: str | None) -> None:
        report = self.story.report
        names = self.story.names
        reviews = self._reviews(report) if report is not None else {}
        apart = reviewer_apart(report, reviews) if report is not None else {}
        self.query_one(DerivationTree).show(report, doc_id, names, apart)
        panel = self.query_one("#overview-regions", Static)
        if report is None or doc_id is None:
            panel.update("")
            return
        # The whole name: the table cuts long file names to fit the screen, and leaves the
        # file and title columns out on a narrow one.
        doc = report.document(doc_id)
        path = Text(f"file: {escape_line(Path(doc.path).name)}\n", style="dim")
        if not self.query_one(VersionTable).titles_shown:
            path.append(f"{len(doc.text):,} characters\n", style="dim")
            if doc.title:
                path.append(f"title: {escape_line(doc.title)}\n")
        if doc_id == report.reference:
            about = Text("The reference version: the others are compared against it.\n") + path
            panel.update(about + self._stale_text(doc_id))
            return
        comparison = report.comparison(doc_id)
        source, target = report.document(comparison.source), report.document(doc_id)
        out = Text()
        cov = comparison.coverage
        stands = names.rename(relation(report, comparison))
        out.append(
            f"{escape_line(names(doc_id))}: {escape_line(stands)}; "
            f"{cov['source_reused']:.0%} of {escape_line(names(source.id))} reused\n",
            style="bold",
        )
        out.append_text(path)
        review = reviews.get(doc_id)
        if review is not None:
            text = reviewed_sentence(review, comparison.verdict, cov["target_derived"])
            out.append(f"{REVIEWED_MARK} {escape_line(text)}\n", style="bold")
        shared = sources_line(report, doc_id, names)
        if shared:
            out.append(escape_line(shared) + "\n")
        counts = review.counts if review is not None else comparison.label_counts()
        out.append(
            ("passages (reviewer's labels): " if review is not None else "passages: ")
            + ", ".join(f"{LABEL_LETTERS[k]} {k} {v}" for k, v in counts.items() if v)
            + "\n"
        )
        note = tree_clause(report, comparison)
        passages, regions = reviewed_regions(report, self.story.overrides, comparison)
        if not regions:
            out.append("no derived region\n", style="italic")
        verdict = review.verdict if review is not None else comparison.verdict
        for region in regions:
            described = describe_region(source, target, region, passages, names, verdict, note)
            out.append(f"\u2022 {escape_line(described)}\n")
        if passages != comparison.passages:
            out.append(f"\u2022 {regions_by_reviewer(len(comparison.regions))}\n", style="bold")
        # The figures it changed, as the reports list them under the regions.
        for quotations, label in ((False, FIGURES), (True, QUOTES)):
            changes = figure_changes(source, target, comparison, passages, verdict, quotations)
            changed = figures_line(changes, names(source.id), label)
            if changed:
                out.append(escape_line(changed) + "\n", style="bold")
        panel.update(out + self._stale_text(doc_id))

    def _stale_text(self, doc_id: str) -> Text:
        out = Text()
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
        return out

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        doc_id = event.row_key.value if event.row_key else None
        if doc_id is not None:
            self.story.version = doc_id
        self._describe(doc_id)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def _highlighted_id(self) -> str | None:
        return self.query_one(VersionTable).current_id()

    def action_open(self) -> None:
        report = self.story.report
        doc_id = self._highlighted_id()
        if report is None or doc_id is None:
            return
        if doc_id == report.reference:
            if not report.comparisons:
                return
            doc_id = report.comparisons[0].target
        self.story.open_side_by_side(doc_id)

    def action_parent(self) -> None:
        """The highlighted version beside the version the tree says it was made from."""
        report = self.story.report
        doc_id = self._highlighted_id()
        if report is None or doc_id is None or report.provenance is None:
            return
        name = escape_line(self.story.names(doc_id))
        parent = report.provenance.tree.parent(doc_id)
        if parent is None:
            self.notify(f"{name} was made from none of the other versions", markup=False, timeout=3)
        elif Tree.inferred(parent):
            self.notify(
                f"{name} comes from a version that is not among the inputs; "
                "showing it beside the reference",
                markup=False,
                timeout=4,
            )
            if doc_id != report.reference:
                self.story.open_side_by_side(doc_id)
        else:
            self.story.compare_pair(parent, doc_id)

    def action_review_hint(self) -> None:
        self.notify(REVIEW_HINT, markup=False, timeout=4)

    def action_move(self, step: int) -> None:
        table = self.query_one(VersionTable)
        if table.row_count:
            table.move_cursor(row=(table.cursor_row + step) % table.row_count)

    def action_make_reference(self) -> None:
        doc_id = self._highlighted_id()
        if doc_id is not None:
            self.story.make_reference(doc_id)
