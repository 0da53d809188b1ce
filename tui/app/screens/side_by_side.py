"""Reference on the left, one version on the right, aligned row by row.

The screen holds the view state (version, granularity, hidden labels, swap, search) and the
key bindings; drawing is all ``AlignedView``'s. After a re-alignment (``r``) the screen keeps
its state and shows the former reference as the version, so the pair on screen stays the same
two texts with their roles exchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input

from tui.app.rows import Mode, RowText
from tui.app.screens.detail import DetailScreen
from tui.app.screens.review import CLEAR, LabelScreen, NoteScreen
from tui.app.widgets.aligned_view import AlignedView
from tui.app.widgets.progress import AlignProgress
from tui.app.widgets.status import StatusLine
from tui.core.escaping import escape_line
from tui.core.model import LABEL_LETTERS, LABELS, Report

if TYPE_CHECKING:
    from tui.app.app import StoryTraceApp


def _label_bindings() -> list[BindingType]:
    return [
        Binding(
            str(n),
            f"toggle_label('{label}')",
            f"Show/hide {label}",
            show=False,
            id=f"sbs.toggle_{label}",
        )
        for n, label in enumerate(LABELS, start=1)
    ]


class SideBySideScreen(Screen[None]):
    """Word-level comparison of the reference with one version."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next(1)", "Next change", id="sbs.next"),
        Binding("N", "next(-1)", "Prev change", key_display="N", id="sbs.prev"),
        Binding("v", "toggle_mode", "Paragraphs/sentences", id="sbs.mode"),
        Binding("s", "swap", "Swap sides", id="sbs.swap"),
        Binding("slash", "search", "Search", id="sbs.search"),
        Binding("enter", "detail", "Detail", id="sbs.detail"),
        Binding(
            "l",
            "relabel",
            "Relabel",
            tooltip="give the passage under the cursor the reviewer's label (in paragraph "
            "rows: the row's first passage that is not verbatim)",
            id="sbs.relabel",
        ),
        Binding(
            "c",
            "comment",
            "Note",
            tooltip="attach a reviewer's note to the passage under the cursor (in paragraph "
            "rows: the row's first passage that is not verbatim)",
            id="sbs.comment",
        ),
        Binding("r", "make_reference", "Make reference", id="sbs.make_reference"),
        Binding("tab", "version(1)", "Next version", show=False, id="sbs.next_version"),
        Binding("shift+tab", "version(-1)", "Previous version", show=False, id="sbs.prev_version"),
        Binding("escape", "back", "Back / clear search", id="sbs.back"),
        *_label_bindings(),
    ]

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target
        self.mode: Mode = "paragraph"
        self.hidden: frozenset[str] = frozenset()
        self.swapped = False
        self.search_term = ""

    @property
    def story(self) -> StoryTraceApp:
        return cast("StoryTraceApp", self.app)

    @property
    def view(self) -> AlignedView:
        return self.query_one(AlignedView)

    def compose(self) -> ComposeResult:
        yield StatusLine(id="sbs-header")
        yield AlignedView(id="aligned")
        yield StatusLine(id="sbs-status")
        yield Input(placeholder="search both sides; enter to find, escape to cancel", id="search")
        yield AlignProgress()
        yield Footer()

    def on_mount(self) -> None:
        if self.story.report is not None:
            self._load(self.story.report)
        self.view.focus()

    # ------------------------------------------------------------------------------- report

    def show_report(self, report: Report, previous: Report | None) -> None:
        """A new report (re-alignment): keep showing the same pair of texts if possible."""
        if (
            previous is not None
            and previous.reference != report.reference
            and self.target == report.reference
        ):
            self.target = previous.reference
        if self.target not in {c.target for c in report.comparisons}:
            self.target = report.comparisons[0].target if report.comparisons else ""
        self._load(report)

    def _load(self, report: Report, keep_passage: int | None = None) -> None:
        if not self.target:
            return
        comparison = report.comparison(self.target)
        texts = RowText(
            comparison, report.document(comparison.source), report.document(comparison.target)
        )
        view = self.view
        view.mode = self.mode
        view.hidden = self.hidden
        view.swapped = self.swapped
        view.search = self.search_term
        view.reviewed = self._reviewed(report)
        view.load(texts, keep_passage=keep_passage)
        self._update_header()

    def current_version(self) -> str | None:
        return self.target or None

    def _reviewed(self, report: Report) -> dict[int, str | None]:
        overrides = self.story.overrides
        if not len(overrides) or not self.target:
            return {}
        comparison = report.comparison(self.target)
        out: dict[int, str | None] = {}
        for k, p in enumerate(comparison.passages):
            ov = overrides.for_passage(comparison, p)
            if ov is not None:
                out[k] = ov.label
        return out

    def show_overrides(self) -> None:
        """The reviewer relabelled or annotated something: redraw the gutter and status."""
        report = self.story.report
        if report is None or not self.target:
            return
        self.view.set_reviewed(self._reviewed(report))
        self._update_status()

    def review_passage(self) -> int | None:
        """The passage ``l`` and ``c`` act on: in a sentence row its one passage; in a
        paragraph row the first passage that is not verbatim (the first one if all are)."""
        report = self.story.report
        row = self.view.cursor_row
        if report is None or row is None or not self.target:
            return None
        passages = report.comparison(self.target).passages
        for k in row.passages:
            if passages[k].label != "verbatim":
                return k
        return row.passages[0]

    def _update_header(self) -> None:
        report = self.story.report
        if report is None or not self.target:
            return
        comparison = report.comparison(self.target)
        left, right = comparison.source, comparison.target
        left_role, right_role = "reference", "version"
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
        header.append(f"   {comparison.verdict}, {cov:.0%} derived")
        self.query_one("#sbs-header", StatusLine).set_text(header)
        self._update_status()

    def _update_status(self) -> None:
        view = self.view
        status = Text()
        mode = "paragraph rows" if self.mode == "paragraph" else "sentence rows"
        if view.rows:
            row = view.rows[view.cursor]
            status.append(f"row {view.cursor + 1}/{len(view.rows)} ")
            status.append(" ".join(row.labels), style="bold")
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
        report = self.story.report
        k = self.review_passage()
        if report is None or k is None or not len(self.story.overrides):
            return None
        comparison = report.comparison(self.target)
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
        row = self.view.cursor_row
        if report is None or row is None:
            return
        self.app.push_screen(DetailScreen(report, self.target, row.passages, self.story.overrides))

    def _where(self, k: int) -> str:
        return f"passage {k + 1} of {self.target}"

    def action_relabel(self) -> None:
        report = self.story.report
        k = self.review_passage()
        if report is None or k is None:
            return
        comparison = report.comparison(self.target)
        passage = comparison.passages[k]
        ov = self.story.overrides.for_passage(comparison, passage)
        target = self.target

        def chosen(label: str | None) -> None:
            if label is not None:
                self.story.relabel(target, k, None if label == CLEAR else label)

        screen = LabelScreen(passage.label, ov.label if ov else None, self._where(k))
        self.app.push_screen(screen, chosen)

    def action_comment(self) -> None:
        report = self.story.report
        k = self.review_passage()
        if report is None or k is None:
            return
        comparison = report.comparison(self.target)
        ov = self.story.overrides.for_passage(comparison, comparison.passages[k])
        target = self.target

        def written(note: str | None) -> None:
            if note is not None:
                self.story.annotate(target, k, note)

        self.app.push_screen(NoteScreen(ov.note if ov else "", self._where(k)), written)

    def action_make_reference(self) -> None:
        if self.target:
            self.story.make_reference(self.target)

    def action_version(self, step: int) -> None:
        report = self.story.report
        if report is None or not report.comparisons:
            return
        targets = [c.target for c in report.comparisons]
        k = targets.index(self.target) if self.target in targets else 0
        self.target = targets[(k + step) % len(targets)]
        self._load(report)
        self.notify(f"version {escape_line(self.target)}", markup=False, timeout=2)

    def action_back(self) -> None:
        if self.query_one("#search", Input).has_class("-open"):
            self._close_search()
            return
        if self.search_term:
            self.search_term = ""
            self.view.set_search("")
            self._update_status()
            return
        self.app.pop_screen()
