"""The substitution lexicon (``x``): every word swap between related versions, in one table.

Spinners swap plain words for rarer ones; a swap in the shipped list of tortured phrases is
"known", and the side whose wording is much rarer English is the likely spun one. Both are
written out in words ("✓ known", "from rarer"), never shown by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable

from tui.app.keys import bindings
from tui.app.locate import swap_location
from tui.app.screens.view import StoryView, key_footer
from tui.app.widgets.status import StatusLine
from tui.app.widgets.styles import component_style
from tui.core.escaping import escape_line
from tui.core.model import LexiconEntry, Report
from tui.present.names import VersionNames

KNOWN = "\u2713 known"
ODD_SIDE = {"source": "from rarer", "target": "to rarer", "": ""}

# column key -> (heading, sort key); the first sort of a column is its natural order
# (most frequent first for numbers, alphabetical for words, flagged first for flags).
COLUMNS: dict[str, tuple[str, Callable[[LexiconEntry], object]]] = {
    "from": ("from", lambda e: e.source.casefold()),
    "to": ("to", lambda e: e.target.casefold()),
    "count": ("count", lambda e: -e.count),
    "known": ("known", lambda e: not e.known),
    "odd": ("odd side", lambda e: (e.odd_side == "", e.odd_side)),
    "versions": ("versions", lambda e: (-len(e.versions), e.versions)),
}


class LexiconTable(DataTable[Text]):
    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | {
        "lexicon--known",
        "lexicon--odd",
    }
    DEFAULT_CSS = """
    LexiconTable {
        height: 1fr;
        & > .lexicon--known { color: $text-error; text-style: bold; }
        & > .lexicon--odd { color: $text-warning; text-style: bold; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("lexicon_table")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.entries: list[LexiconEntry] = []
        self.names = VersionNames({})
        self.sort_column = "count"
        self.reverse = False

    def on_mount(self) -> None:
        for key, (heading, _) in COLUMNS.items():
            self.add_column(heading, key=key)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.entries and self.is_mounted:
            self.call_after_refresh(self._fill)

    def _style(self, name: str) -> Style:
        return component_style(self, f"lexicon--{name}")

    def show(self, entries: list[LexiconEntry], names: VersionNames | None = None) -> None:
        self.entries = list(entries)
        self.names = names or VersionNames({})
        self._fill()

    def sort_by(self, column: str) -> None:
        """Sort by a column; the same column again reverses the order."""
        if column == self.sort_column:
            self.reverse = not self.reverse
        else:
            self.sort_column, self.reverse = column, False
        self._fill()

    def ordered(self) -> list[LexiconEntry]:
        key = COLUMNS[self.sort_column][1]
        # Ties keep the engine's order (stable sort), which is by count then wording.
        return sorted(self.entries, key=key, reverse=self.reverse)  # type: ignore[arg-type, return-value]

    def _fill(self) -> None:
        row = self.cursor_row
        self.clear()
        known, odd = self._style("known"), self._style("odd")
        for n, e in enumerate(self.ordered()):
            self.add_row(
                Text(escape_line(e.source), style=odd if e.odd_side == "source" else ""),
                Text(escape_line(e.target), style=odd if e.odd_side == "target" else ""),
                Text(str(e.count), justify="right"),
                Text(KNOWN if e.known else "", style=known),
                Text(ODD_SIDE.get(e.odd_side, escape_line(e.odd_side)), style=odd),
                Text(", ".join(escape_line(self.names(v)) for v in e.versions)),
                key=str(n),
            )
        for key, (heading, _) in COLUMNS.items():
            arrow = ""
            if key == self.sort_column:
                arrow = " \u25b2" if self.reverse else " \u25bc"
            self.columns[self._column_key(key)].label = Text(heading + arrow)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def entry_at(self, row: int) -> LexiconEntry | None:
        ordered = self.ordered()
        return ordered[row] if 0 <= row < len(ordered) else None

    def _column_key(self, key: str):  # type: ignore[no-untyped-def]
        return next(k for k in self.columns if k.value == key)


class LexiconScreen(StoryView):
    """The swaps, sortable by any column (click its heading, or ``s`` / ``S``); enter shows
    a passage with the highlighted swap side by side."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("lexicon")

    @property
    def table(self) -> LexiconTable:
        return self.query_one(LexiconTable)

    def compose(self) -> ComposeResult:
        yield StatusLine(id="lexicon-header")
        yield LexiconTable(id="lexicon")
        yield StatusLine(id="lexicon-status")
        yield key_footer()

    def on_mount(self) -> None:
        self.table.focus()

    def show_report(self, report: Report, previous: Report | None) -> None:
        entries = report.provenance.lexicon if report.provenance else []
        self.table.show(entries, self.story.names)
        header = Text()
        header.append("Word swaps", style="bold")
        known = sum(1 for e in entries if e.known)
        odd = sum(1 for e in entries if e.odd_side)
        header.append(
            f"  {len(entries)} swaps between related versions; {known} known spinner swap(s) "
            f"({KNOWN}), {odd} with a much rarer side (spun wording is usually the rarer)"
        )
        self.query_one("#lexicon-header", StatusLine).set_text(header)
        self._status()

    def _status(self) -> None:
        table = self.table
        heading = COLUMNS[table.sort_column][0]
        order = "reversed" if table.reverse else "natural order"
        text = Text(f"sorted by {heading} ({order}) \u2502 s/S: another column, o: reverse")
        self.query_one("#lexicon-status", StatusLine).set_text(text)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        report = self.story.report
        entry = self.table.entry_at(event.cursor_row)
        if report is not None and entry is not None:
            self.story.open_location(swap_location(report, entry))

    @on(DataTable.HeaderSelected)
    def _header(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.table.sort_by(str(event.column_key.value))
        self._status()

    def action_sort(self, step: int) -> None:
        table = self.table
        keys = list(COLUMNS)
        k = (keys.index(table.sort_column) + step) % len(keys)
        table.sort_column, table.reverse = keys[k], False
        table._fill()
        self._status()

    def action_reverse(self) -> None:
        self.table.sort_by(self.table.sort_column)
        self._status()
