"""Alignment progress, shown on whichever screen is up while the align worker runs.

Each bar follows the app's ``progress`` reactive ((fraction, what) or None), so a screen
opened in the middle of an alignment shows the bar where it is.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class AlignProgress(Horizontal):
    """A label and a bar; hidden while no alignment is running."""

    DEFAULT_CSS = """
    AlignProgress {
        height: 1;
        display: none;
        padding: 0 1;
        background: $panel;
        &.-running { display: block; }
        Label { width: auto; padding-right: 1; }
        ProgressBar { width: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Label("", markup=False)
        yield ProgressBar(total=1.0, show_eta=False)

    def on_mount(self) -> None:
        self.watch(self.app, "progress", self._follow)

    def _follow(self, state: tuple[float, str] | None) -> None:
        if state is None:
            self.done()
        else:
            self.show(*state)

    def show(self, fraction: float, text: str) -> None:
        self.add_class("-running")
        self.query_one(Label).update(text)
        self.query_one(ProgressBar).update(progress=fraction)

    def done(self) -> None:
        self.remove_class("-running")
