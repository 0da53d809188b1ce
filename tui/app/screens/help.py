"""Every key, generated from the ``BINDINGS`` themselves so the help can never drift from them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

LEGEND = (
    "Gutter letters: V verbatim, E edited, P paraphrased, A added, O omitted, B boilerplate; "
    "\u2195 marks text moved out of the reference's order. In the text, deleted words are "
    "struck through on the reference side and inserted words underlined on the version side. "
    "A * after the letter marks a reviewer's relabel or note (the letter is then the "
    "reviewer's label; the detail shows the engine's beside it). l (relabel) and c (note) act "
    "on the passage under the cursor; in paragraph rows, on the row's first passage that is "
    "not verbatim (its first passage when all are). In the family view \u25c6 "
    "marks a family's original form, \u2260 a family where versions disagree and \u2014 a "
    "version without it."
)


def _bindings(owner: type) -> list[Binding]:
    out: list[Binding] = []
    for b in getattr(owner, "BINDINGS", []):
        if isinstance(b, Binding) and b.description and not b.system:
            out.append(b)
    return out


def binding_sections() -> list[tuple[str, list[Binding]]]:
    # Imported here: the screens import this module for the ``?`` key.
    from tui.app.app import StoryTraceApp
    from tui.app.screens.audit import AuditScreen
    from tui.app.screens.detail import DetailScreen
    from tui.app.screens.export import ExportScreen
    from tui.app.screens.families import FamilyDetailScreen, FamilyScreen
    from tui.app.screens.lexicon import LexiconScreen
    from tui.app.screens.overview import OverviewScreen
    from tui.app.screens.review import LabelScreen, NoteScreen
    from tui.app.screens.side_by_side import SideBySideScreen
    from tui.app.widgets.aligned_view import AlignedView
    from tui.app.widgets.family_view import FamilyView

    palette = Binding(StoryTraceApp.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
    return [
        ("Everywhere", [*_bindings(StoryTraceApp), palette]),
        ("Overview", _bindings(OverviewScreen)),
        ("Side by side", [*_bindings(AlignedView), *_bindings(SideBySideScreen)]),
        ("Detail", _bindings(DetailScreen)),
        ("Relabel (l, side by side)", _bindings(LabelScreen)),
        ("Note (c, side by side)", _bindings(NoteScreen)),
        ("Export dialog (e)", _bindings(ExportScreen)),
        ("Families (f)", [*_bindings(FamilyView), *_bindings(FamilyScreen)]),
        ("Family detail", _bindings(FamilyDetailScreen)),
        ("Word swaps (x)", _bindings(LexiconScreen)),
        ("Inserts and omissions (i)", _bindings(AuditScreen)),
    ]


class HelpScreen(ModalScreen[None]):
    """All keys, grouped by the screen they work on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, under: Screen | None = None) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("", id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-text", Static).update(self._table())
        self.query_one("#help-body").focus()

    def _keys(self, binding: Binding) -> str:
        keys: Iterable[str] = binding.key.split(",")
        shown = []
        for key in keys:
            single = dataclasses.replace(binding, key=key.strip())
            shown.append(self.app.get_key_display(single))
        return " / ".join(dict.fromkeys(shown))

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column("key", no_wrap=True, style="bold")
        table.add_column("action")
        for title, bindings in binding_sections():
            table.add_row(Text(title, style="bold underline"), Text(""))
            for binding in bindings:
                table.add_row(Text(self._keys(binding)), Text(binding.description))
            table.add_row(Text(""), Text(""))
        table.add_row(Text("Legend", style="bold underline"), Text(LEGEND))
        return table
