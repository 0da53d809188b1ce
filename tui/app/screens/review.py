"""A reviewer's judgement on one passage: a new label (``l``) or a note (``c``).

Both dialogs only collect the answer; the app stores it in the overrides sidecar, so the
engine's label is never replaced, only shown beside the reviewer's.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.keys import CLEAR, bindings
from tui.app.screens.view import key_footer
from tui.core.escaping import escape_line, escape_reflow
from tui.core.model import DERIVED_LABELS, LABEL_LETTERS, LABELS


class LabelScreen(ModalScreen[str | None]):
    """Pick the reviewer's label by its letter, or from the list."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("relabel")

    def __init__(
        self, engine_label: str, current: str | None, where: str, sides: tuple[bool, bool]
    ) -> None:
        """``sides``: whether the passage has reference text and version text. A label that
        says what one side did with the other's words (verbatim, edited, paraphrased) needs
        both; "omitted" the reference's, "added" the version's."""
        super().__init__()
        self.engine_label = engine_label
        self.current = current
        self.where = where
        self.allowed = allowed_labels(*sides)

    def compose(self) -> ComposeResult:
        with Vertical(id="relabel-body", classes="review-dialog"):
            title = Text("Relabel ", style="bold")
            title.append(escape_line(self.where))
            title.append(f"\nengine: {self.engine_label}", style="italic")
            if self.current:
                title.append(f" \u00b7 reviewer: {self.current}", style="italic")
            yield Static(title, id="relabel-title")
            options = [
                Option(
                    Text(f"{LABEL_LETTERS[label].lower()}  {label}"),
                    id=label,
                    disabled=label not in self.allowed,
                )
                for label in LABELS
            ]
            options.append(Option(Text("x  back to the engine's label"), id=CLEAR))
            yield OptionList(*options, id="relabel-options")
        yield key_footer()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = LABELS.index(self.current or self.engine_label)  # type: ignore[arg-type]
        options.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, label: str) -> None:
        if label != CLEAR and label not in self.allowed:
            side = "reference" if label == "omitted" or label in DERIVED_LABELS else "version"
            self.notify(f"{label}: this passage has no {side} text", severity="warning")
            return
        self.dismiss(label)


def allowed_labels(source: bool, target: bool) -> frozenset[str]:
    """The labels a passage with reference text (``source``) and version text (``target``)
    can take."""
    out = {"boilerplate"}
    if source and target:
        out |= set(DERIVED_LABELS)
    if source:
        out.add("omitted")
    if target:
        out.add("added")
    return frozenset(out)


class NoteScreen(ModalScreen[str | None]):
    """One line of note; enter keeps it, an empty note removes it, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("note")

    def __init__(self, note: str, where: str) -> None:
        super().__init__()
        self.note = note
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="note-body", classes="review-dialog"):
            title = Text("Note on ", style="bold")
            title.append(escape_line(self.where))
            title.append("\nenter keeps it, an empty note removes it", style="italic")
            yield Static(title, id="note-title")
            yield Input(escape_reflow(self.note), placeholder="why this passage matters", id="note")
        yield key_footer()

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted, "#note")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)
