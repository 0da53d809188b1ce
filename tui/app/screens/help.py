"""Every key, read from the key table (``tui.app.keys``) so the help can never drift from the
bindings, and the legend of the marks the screens use."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keys import Key, bindings, help_sections
from tui.app.screens.view import key_footer
from tui.app.widgets.scroll_body import ScrollBody

LEGEND = (
    "Gutter letters: V verbatim, E edited, P paraphrased, A added, O omitted, B boilerplate; "
    "\u2195 marks text moved out of the reference's order. In the text, deleted words are "
    "struck through on the reference side and inserted words underlined on the version side. "
    "A * after the letter marks a reviewer's relabel or note (the letter is then the "
    "reviewer's label; the detail shows the engine's beside it). l (relabel) and c (note) act "
    "on the passage under the cursor; in paragraph rows, on the row's first passage that is "
    "not verbatim (its first passage when all are). In the family view \u25c6 "
    "marks a family's original form, \u2260 a family whose versions differ (not verbatim) "
    "or that a version related to its origin lacks, \u2014 a version without it and "
    "\u2605 the reference. Versions are named by what sets their "
    "file names apart (the words all the names share are left out); where that shortens them, "
    "the overview's file column gives each file's name, cut around what sets it apart when "
    "the screen is too narrow for it, and the panel under the table always gives the "
    "highlighted version's whole file name. A verdict reads the share of a version's text "
    "found in the reference; the overview's tree column says where the derivation tree goes "
    "another way: 'ref from it' (the reference was made from the version), 'sibling' (both "
    "from a third version) or 'no way' (the tree finds none)."
)


def binding_sections() -> list[tuple[str, list[Binding]]]:
    """The help's headings with the bindings listed under each, described by title."""
    return [
        (title, [dataclasses.replace(key.binding(), description=key.title) for key in keys])
        for title, keys in help_sections()
    ]


class HelpScreen(ModalScreen[None]):
    """All keys, grouped by the screen they work on."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("help")

    def compose(self) -> ComposeResult:
        with ScrollBody(id="help-body"):
            yield Static("", id="help-text")
        yield key_footer()

    def on_mount(self) -> None:
        self.query_one("#help-text", Static).update(self._table())
        self.query_one("#help-body").focus()

    def _keys(self, key: Key) -> str:
        binding = key.binding()
        shown = [
            self.app.get_key_display(dataclasses.replace(binding, key=k.strip()))
            for k in binding.key.split(",")
        ]
        return " / ".join(dict.fromkeys(shown))

    def _table(self) -> Group:
        """A heading per screen over a grid of its keys; the key column is as wide as the
        widest keys, so the headings do not widen it."""
        sections = [(title, [(self._keys(k), k) for k in keys]) for title, keys in help_sections()]
        width = max(cell_len(shown) for _, keys in sections for shown, _ in keys)
        parts: list[Text | Table] = []
        for title, keys in sections:
            parts.append(Text(title, style="bold underline"))
            table = Table.grid(padding=(0, 2))
            table.add_column("key", width=width, no_wrap=True, style="bold")
            table.add_column("action")
            for shown, key in keys:
                line = Text(key.title)
                if key.help:
                    line.append(f": {key.help}", style="italic")
                table.add_row(Text(shown), line)
            parts += [table, Text("")]
        parts += [Text("Legend", style="bold underline"), Text(LEGEND)]
        return Group(*parts)
