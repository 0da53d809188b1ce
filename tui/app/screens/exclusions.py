"""The exclusions dialog (``E`` on the overview): what the shares and verdicts leave out.

It only gathers the choice and dismisses with an ``Exclusions``; the app re-scores every
version with it (``StoryTraceApp.set_exclusions``), so the figures shown and exported are
the ones ``storytrace compare`` gives with the same options.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from tui.app.keys import bindings
from tui.app.screens.view import key_footer
from tui.app.widgets.toggles import MarkedCheckbox
from tui.present.exclusions import Exclusions

# The largest minimum a reviewer can type: longer than any one passage worth counting.
MAX_WORDS = 10_000


class ExclusionsScreen(ModalScreen[Exclusions | None]):
    """Two switches and a number; enter in the number field (or ctrl+s) applies."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("exclusions")

    def __init__(self, current: Exclusions) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="exclusions-body", classes="review-dialog"):
            title = Text("Exclusions", style="bold")
            title.append(
                "\nleft out of the shares and verdicts, as plagiarism reports do; "
                "every report records them",
                style="italic",
            )
            yield Static(title, id="exclusions-title")
            yield MarkedCheckbox(
                Text("shared quotations: reporters at one event quote alike"),
                self.current.quotes,
                id="exclusions-quotes",
            )
            yield MarkedCheckbox(
                Text("copied page furniture: datelines, credit lines"),
                self.current.boilerplate,
                id="exclusions-boilerplate",
            )
            yield Label("Matches shorter than this many words (0: count all)", id="exclusions-n")
            yield Input(
                str(self.current.min_words),
                type="integer",
                max_length=5,
                id="exclusions-words",
            )
            with Horizontal(id="exclusions-buttons"):
                yield Button("Apply", variant="primary", id="exclusions-ok")
                yield Button("Cancel", id="exclusions-cancel")
        yield key_footer()

    def on_mount(self) -> None:
        self.query_one("#exclusions-quotes", Checkbox).focus()

    def chosen(self) -> Exclusions:
        raw = self.query_one("#exclusions-words", Input).value.strip()
        words = int(raw) if raw.lstrip("-").isdigit() else 0
        return Exclusions(
            quotes=self.query_one("#exclusions-quotes", Checkbox).value,
            boilerplate=self.query_one("#exclusions-boilerplate", Checkbox).value,
            min_words=min(max(words, 0), MAX_WORDS),
        )

    @on(Input.Submitted, "#exclusions-words")
    @on(Button.Pressed, "#exclusions-ok")
    def action_apply(self) -> None:
        raw = self.query_one("#exclusions-words", Input).value.strip()
        if raw and not (raw.isdigit() and int(raw) <= MAX_WORDS):
            # Said, not quietly read as 0 (or the cap): the figures would change unasked.
            self.notify(
                f"matches shorter than: a whole number from 0 to {MAX_WORDS}, not {raw!r}",
                severity="warning",
                markup=False,
                timeout=5,
            )
            return
        self.dismiss(self.chosen())

    @on(Button.Pressed, "#exclusions-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
