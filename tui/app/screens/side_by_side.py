"""Reference on the left, one version on the right, aligned row by row.

The screen holds the view state (version, granularity, hidden labels, swap, search) and the
key bindings; drawing is all ``AlignedView``'s. After a re-alignment (``r``) the screen keeps
its state and shows the former reference as the version, so the pair on screen stays the same
two texts with their roles exchanged.

Besides the versions compared with the reference it can show any other comparison of two of
the report's documents (``show_pair``: an edge of the derivation tree); ``tab`` goes back to
the versions compared with the reference.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Input

from tui.app.keys import CLEAR, bindings
from tui.app.rows import Mode, RowText
from tui.app.screens.detail import DetailScreen
from tui.app.screens.review import LabelScreen, NoteScreen
from tui.app.screens.view import StoryView, key_footer
from tui.app.widgets.aligned_view import AlignedView
from tui.app.widgets.progress import AlignProgress
from tui.app.widgets.status import StatusLine
from tui.core.escaping import escape_line
from tui.core.model import LABEL_LETTERS, LABELS, Comparison, Report
from tui.core.overrides import OverrideSet
from tui.core.review import Reviewed, review_comparison
from tui.core.summary import tree_clause
from tui.present.wording import REVIEWED_MARK


class SideBySideScreen(StoryView):
    """Word-level comparison of the reference with one version."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("side_by_side")

    def __init__(self, target: str = "") -> None:
        super().__init__()
        self.target = target
        # A comparison that is not one of the report's (two versions, neither the
        # reference); None while showing a version against the reference.
        self.pair: Comparison | None = None
        # Where to land once the report is drawn: a passage, or the first search hit.
        self._jump: int | None = None
        self._find_on_load = False
        self.mode: Mode = "paragraph"
        self.hidden: frozenset[str] = frozenset()
        self.swapped = False
        self.search_term = ""

    @property
    def view(self) -> AlignedView:
        return self.query_one(AlignedView)

    def compose(self) -> ComposeResult:
        yield StatusLine(id="sbs-header", wrap=True)
        yield AlignedView(id="aligned")
        yield StatusLine(id="sbs-status")
        yield Input(placeholder="search both sides; enter to find, escape to cancel", id="search")
        yield AlignProgress()
        yield key_footer()

    def on_mount(self) -> None:
        self.view.focus()
        self.watch(self.app, "overrides", self._overrides_changed, init=False)

    # ------------------------------------------------------------------------------- report

    def show_version(self, target: str, passage: int | None = None, search: str = "") -> None:
        """Show ``target`` against the reference, at ``passage`` when given, or at the first
        row with ``search`` (which stays the search term)."""
        self.target, self.pair, self._jump = target, None, passage
        if search:
            self.search_term, self._find_on_load = search, True
        self._redraw()

    def show_pair(self, comparison: Comparison, passage: int | None = None) -> None:
        """Show a comparison of two documents of the report that is not one of its own."""
        self.target, self.pair, self._jump = comparison.target, comparison, passage
        self._redraw()

    def _redraw(self) -> None:
        report = self.story.report
        if report is not None and self.is_mounted:
            self._load(report, keep_passage=self._jump)

    def show_report(self, report: Report, previous: Report | None) -> None:
        """A new report (re-alignment): keep showing the same pair of texts if possible."""
        if (
            previous is not None
            and previous.reference != report.reference
            and self.target == report.reference
        ):
            self.target = previous.reference
        if previous is not None:
            self.pair = None  # drawn from the old report's documents
        if self.target not in {c.target for c in report.comparisons} and self.pair is None:
            self.target = report.comparisons[0].target if report.comparisons else ""
        self._load(report, keep_passage=self._jump)

    @property
    def comparison(self) -> Comparison | None:
        report = self.story.report
        if self.pair is not None:
            return self.pair
        if report is None or not self.target:
            return None
        return report.comparison(self.target)

    def _load(self, report: Report, keep_passage: int | None = None) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        if self.pair is None:
            self.story.version = self.target
        tree = report.provenance.tree if report.provenance else None
        texts = RowText(
            comparison,
            report.document(comparison.source),
            report.document(comparison.target),
            dropped=tree is None or not tree.descends(comparison.source, comparison.target),
        )
        view = self.view
        view.mode = self.mode
        view.hidden = self.hidden
        view.swapped = self.swapped
        view.search = self.search_term
        view.reviewed = self._reviewed(report)
        view.names = self.story.names
        view.load(texts, keep_passage=keep_passage)
        self._jump = None
        if self._find_on_load:
            self._find_on_load = False
            self._find()
        self._update_header()

    def _reviewed(self, report: Report) -> dict[int, str | None]:
        overrides = self.story.overrides
        comparison = self.comparison
        if not len(overrides) or comparison is None:
            return {}
        out: dict[int, str | None] = {}
        for k, p in enumerate(comparison.passages):
            ov = overrides.for_passage(comparison, p)
            if ov is not None:
                out[k] = ov.label
        return out

    def _overrides_changed(self, overrides: OverrideSet) -> None:
        """The reviewer relabelled or annotated something: redraw the gutter and status."""
        report = self.story.report
        if report is None or self.comparison is None or not self.is_mounted:
            return
        self.view.set_reviewed(self._reviewed(report))
        self._update_header()

    def review_passage(self) -> int | None:
        """The passage ``l`` and ``c`` act on: in a sentence row its one passage; in a
        paragraph row the first passage that is not verbatim (the first one if all are)."""
        comparison = self.comparison
        row = self.view.cursor_row
        if comparison is None or row is None:
            return None
        passages = comparison.passages
        for k in row.passages:
            if passages[k].label != "verbatim":
                return k
        return row.passages[0]

    def _update_header(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        names = self.story.names
        left, right = names(comparison.source), names(comparison.target)
        left_role, right_role = (
            ("reference", "version") if self.pair is None else ("source", "copy")
        )
        if self.swapped:
            left, right = right, left
            left_role, right_role = right_role, left_role
        stacked = self.view.is_stacked
        header = Text()
        header.append(f"{'top: ' if stacked else ''}{left_role} ", style="italic")
        header.append(escape_line(left), style="bold")
        header.append("  \u2502  " if stacked else "  \u2192  ")
        header.append(f"{'below: ' if stacked else ''}{right_role} ", style="italic")
        header.append(escape_line(right), style="bold")
        cov = comparison.coverage.get("target_derived", 0.0)
        review = self._review_figures()
        if review is None:
            header.append(f"   {comparison.verdict}, {cov:.0%} derived")
        else:
            # The reviewer's figures first, as the overview gives them, the engine's beside.
            header.append(
                f"   {review.verdict}, {review.coverage['target_derived']:.0%} derived "
                f"{REVIEWED_MARK} (engine: {comparison.verdict}, {cov:.0%})"
            )
        # A share of the version's text found in the reference reads as a copy of it: where
        # the tree says otherwise (the reference was made from this version, or both from a
        # third), the header says so, as the overview's line does.
        note = tree_clause(self.story.report, comparison) if self.story.report else ""
        if note:
            header.append(f" ({escape_line(self.story.names.rename(note))})")
        if self.pair is not None:
            header.append("   (tab: back to the versions against the reference)", style="italic")
        self.query_one("#sbs-header", StatusLine).set_text(header)
        self._update_status()

    def _review_figures(self) -> Reviewed | None:
        """The version's figures by the reviewer's labels, where a reviewer changed one
        (comparisons against the reference only, as the overview and reports give them)."""
        report, comparison = self.story.report, self.comparison
        if report is None or comparison is None or self.pair is not None:
            return None
        return review_comparison(report, self.story.overrides, comparison)

    def _update_status(self) -> None:
        view = self.view
        status = Text()
        mode = "paragraph rows" if self.mode == "paragraph" else "sentence rows"
        if view.rows:
            row = view.rows[view.cursor]
            status.append(f"row {view.cursor + 1}/{len(view.rows)} ")
            # The labels the gutter shows: a reviewer's relabel in place of the engine's,
            # starred (the engine's follows in the review note).
            marks = view.row_marks(row)
            status.append(" ".join(f"{label}*" if mine else label for label, mine in marks), "bold")
            if row.moved:
                status.append(" (moved)", style="bold")
        else:
            status.append("no rows (all labels hidden?)")
        note = self._review_status()
        if note is not None:
            status.append(" \u2502 ")
            status.append(note)
        status.append(f" \u2502 {mode}")
        if self.hidden:
            hidden = "".join(LABEL_LETTERS[label] for label in LABELS if label in self.hidden)
            status.append(f" \u2502 hidden: {hidden}")
        if self.search_term:
            hits = view.hits
            at = view.cursor in hits and hits.index(view.cursor) + 1
            status.append(
                f" \u2502 search \u201c{escape_line(self.search_term)}\u201d: "
                f"{len(hits)} row(s)" + (f", at {at}" if at else "")
            )
        self.query_one("#sbs-status", StatusLine).set_text(status)

    def _review_status(self) -> Text | None:
        comparison = self.comparison
        k = self.review_passage()
        if comparison is None or k is None or not len(self.story.overrides):
            return None
        ov = self.story.overrides.for_passage(comparison, comparison.passages[k])
        if ov is None:
            return None
        out = Text()
        if ov.label:
            out.append(f"reviewer: {ov.label} (engine: {comparison.passages[k].label})")
        if ov.note:
            out.append(", " if ov.label else "")
            out.append("note: ")
            out.append(escape_line(ov.note), style="italic")
        return out

    @on(AlignedView.CursorMoved)
    def _cursor_moved(self, event: AlignedView.CursorMoved) -> None:
        self._update_status()

    @on(AlignedView.Selected)
    def _selected(self, event: AlignedView.Selected) -> None:
        self.action_detail()

    def on_resize(self) -> None:
        self.call_after_refresh(self._update_header)

    # ------------------------------------------------------------------------------ actions

    def action_next(self, step: int) -> None:
        view = self.view
        if self.search_term:
            if not view.next_hit(step):
                self.notify("no match", timeout=2)
        elif not view.next_change(step):
            self.notify("no further change" if step > 0 else "no earlier change", timeout=2)

    def action_toggle_mode(self) -> None:
        self.mode = "sentence" if self.mode == "paragraph" else "paragraph"
        self.view.set_mode(self.mode)
        self._update_status()

    def action_toggle_label(self, label: str) -> None:
        self.hidden = self.hidden ^ {label}
        self.view.set_hidden(self.hidden)
        self._update_status()

    def action_swap(self) -> None:
        self.swapped = not self.swapped
        self.view.set_swapped(self.swapped)
        self._update_header()

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.value = self.search_term
        box.add_class("-open")
        box.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.search_term = event.value.strip()
        self._close_search()
        self._find()

    def _find(self) -> None:
        """Go to the first row with the search term, unless the cursor is on one."""
        view = self.view
        view.set_search(self.search_term)
        if self.search_term:
            if view.hits and view.cursor not in view.hits:
                view.next_hit(1)
            if not view.hits:
                self.notify(
                    f"no match for \u201c{escape_line(self.search_term)}\u201d",
                    markup=False,
                    timeout=3,
                )
        self._update_status()

    def _close_search(self) -> None:
        box = self.query_one("#search", Input)
        box.remove_class("-open")
        self.view.focus()

    def action_detail(self) -> None:
        report = self.story.report
        comparison = self.comparison
        row = self.view.cursor_row
        if report is None or comparison is None or row is None:
            return
        self.app.push_screen(
            DetailScreen(report, comparison, row.passages, self.story.overrides, self.story.names)
        )

    def _where(self, k: int) -> str:
        return f"passage {k + 1} of {self.story.names(self.target)}"

    def action_relabel(self) -> None:
        comparison = self.comparison
        k = self.review_passage()
        if comparison is None or k is None:
            return
        passage = comparison.passages[k]
        ov = self.story.overrides.for_passage(comparison, passage)

        def chosen(label: str | None) -> None:
            if label is not None:
                self.story.relabel(comparison, k, None if label == CLEAR else label)

        sides = (bool(passage.source_sentences), bool(passage.target_sentences))
        screen = LabelScreen(passage.label, ov.label if ov else None, self._where(k), sides)
        self.app.push_screen(screen, chosen)

    def action_comment(self) -> None:
        comparison = self.comparison
        k = self.review_passage()
        if comparison is None or k is None:
            return
        ov = self.story.overrides.for_passage(comparison, comparison.passages[k])

        def written(note: str | None) -> None:
            if note is not None:
                self.story.annotate(comparison, k, note)

        self.app.push_screen(NoteScreen(ov.note if ov else "", self._where(k)), written)

    def action_make_reference(self) -> None:
        if self.target:
            self.story.make_reference(self.target)

    def action_version(self, step: int) -> None:
        report = self.story.report
        if report is None or not report.comparisons:
            return
        targets = [c.target for c in report.comparisons]
        if self.pair is not None and self.target in targets:
            step = 0  # from a tree edge to the same version against the reference
        k = targets.index(self.target) if self.target in targets else 0
        self.target, self.pair = targets[(k + step) % len(targets)], None
        self._load(report)
        name = escape_line(self.story.names(self.target))
        self.notify(f"version {name}", markup=False, timeout=2)

    def action_back(self) -> None:
        if self.query_one("#search", Input).has_class("-open"):
            self._close_search()
            return
        if self.search_term:
            self.search_term = ""
            self.view.set_search("")
            self._update_status()
            return
        self.story.go_home()
