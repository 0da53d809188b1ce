"""What the top-level views share: they follow the app's report instead of being handed it.

Overview, side by side, families, word swaps and inserts/omissions are app modes: a view
is built once, on first use, and kept while the reviewer switches to another and back. Each
watches ``StoryTraceApp.report`` for as long as it lives, so a re-alignment (``r``) reaches
every view, shown or not, and none has to be found and told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.events import ScreenResume
from textual.screen import Screen

from tui.app.widgets.key_footer import KeyFooter
from tui.core.model import Report

if TYPE_CHECKING:
    from tui.app.app import StoryTraceApp


def key_footer() -> KeyFooter:
    """The footer every screen shows."""
    return KeyFooter()


class StoryView(Screen[None]):
    """A top-level view; subclasses draw a report in ``show_report``."""

    @property
    def story(self) -> StoryTraceApp:
        return cast("StoryTraceApp", self.app)

    def on_mount(self) -> None:
        # Runs after the subclass's own on_mount (Textual calls each class's handler).
        self.watch(self.app, "report", self._report_changed, init=False)
        if self.story.report is not None:
            self.show_report(self.story.report, None)

    def _report_changed(self, previous: Report | None, report: Report | None) -> None:
        if report is not None:
            self.show_report(report, previous)

    def show_report(self, report: Report, previous: Report | None) -> None:
        """Draw ``report``; ``previous`` is the one it replaces (None on the first)."""

    # What the view last drew from the reviewer's labels (set by ``show_report``).
    drawn_labels: object = None

    def labels_state(self, report: Report) -> object:
        """What the view draws from the reviewer's labels now (its swaps, its families);
        None for a view that draws nothing from them, or follows them itself."""
        return None

    @on(ScreenResume)
    def _relabelled_elsewhere(self) -> None:
        """Back in this view after a relabel in the side by side: drawn again by the labels
        now set, where they change what it shows."""
        report = self.story.report
        if report is not None and self.is_mounted:
            state = self.labels_state(report)
            if state is not None and state != self.drawn_labels:
                self.show_report(report, None)

    def action_back(self) -> None:
        self.story.go_home()
