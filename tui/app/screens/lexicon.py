"""The substitution lexicon (``x``): every word swap between related versions, in one table.

Spinners swap plain words for rarer ones; a swap in the shipped list of tortured phrases is
"known", and the side whose wording is much rarer English is the likely spun one. Both are
written out in words ("✓ known", "from rarer"), never shown by colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events, on
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
from tui.present.swaps import reviewed_swaps
from tui.present.wording import plural, relabelled_swaps, swap_pairs

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
    "versions": ("where", lambda e: (-len(e.versions), e.versions)),
}
# Cells a cut swap's wording keeps at the least, and the versions column at the least.
MIN_WORDING = 12
MIN_VERSIONS = 16
# The count, known and odd-side columns at their widest (a heading with its sort arrow).
FIXED_WIDTH = len("count \u25bc") + len("known \u25bc") + len("odd side \u25bc")


def versions_cell(names: list[str], width: int) -> str:
    """As many pairs of versions as fit in ``width``, then how many more:
    ``wire → mail, mail → sun +6``. A pair is never cut, so the column cannot show part of a
    name as if it were a version; the status line gives the whole list for the highlighted
    swap."""
    full = ", ".join(names)
    if cell_len(full) <= width:
        return full
    shown: list[str] = []
    for k, name in enumerate(names):
        more = f" +{len(names) - k - 1}" if k < len(names) - 1 else ""
        if cell_len(", ".join([*shown, name]) + more) > width:
            break
        shown.append(name)
    rest = len(names) - len(shown)
    return (", ".join(shown) + f" +{rest}").strip() if shown else plural(len(names), "pair")


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
        self._fitted_to: tuple[int, int, int] | None = None

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

    def on_resize(self, event: events.Resize) -> None:
        if self.entries and self._widths() != self._fitted_to:
            self._fill()

    def _widths(self) -> tuple[int, int, int]:
        """Cells for the from, to and versions columns. When their natural widths do not
        fit beside the fixed ones, the versions column keeps ``MIN_VERSIONS`` cells (whole
        names, then how many more) and the longer swap wording gives way, down to
        ``MIN_WORDING``; the status line says the highlighted swap in full."""
        entries = self.entries
        source = max((cell_len(escape_line(e.source)) for e in entries), default=0)
        target = max((cell_len(escape_line(e.target)) for e in entries), default=0)
        versions = max((cell_len(self.versions_text(e)) for e in entries), default=0)
        source, target, versions = (
            max(source, len("from") + 2),
            max(target, len("to") + 2),
            max(versions, cell_len(COLUMNS["versions"][0]) + 2),
        )
        width = self.scrollable_content_region.width
        room = width - FIXED_WIDTH - 2 * self.cell_padding * len(COLUMNS)
        if width <= 0 or source + target + versions <= room:
            return source, target, versions
        versions = min(versions, max(MIN_VERSIONS, room - source - target))
        left = room - versions
        half = max(MIN_WORDING, left // 2)
        if source <= half:
            target = max(MIN_WORDING, left - source)
        elif target <= half:
            source = max(MIN_WORDING, left - target)
        else:
            source = target = half
        return source, target, versions

    def version_names(self, e: LexiconEntry) -> list[str]:
        """The pairs of versions a swap is in, the one with its "from" wording first, by the
        names shown everywhere, safe to print."""
        return [swap_pairs([pair], self._shown_name) for pair in e.pairs()]

    def _shown_name(self, doc_id: str) -> str:
        return escape_line(self.names(doc_id))

    def versions_text(self, e: LexiconEntry) -> str:
        return swap_pairs(e.pairs(), self._shown_name)

    def _fill(self) -> None:
        row = self.cursor_row
        self.clear()
        known, odd = self._style("known"), self._style("odd")
        source_w, target_w, versions_w = self._fitted_to = self._widths()
        # Fixed widths: a cleared table keeps the widths its old cells measured.
        for key, width in (("from", source_w), ("to", target_w), ("versions", versions_w)):
            column = self.columns[self._column_key(key)]
            column.auto_width, column.width = False, width
        for n, e in enumerate(self.ordered()):
            names = self.version_names(e)
            source = Text(escape_line(e.source), style=odd if e.odd_side == "source" else "")
            target = Text(escape_line(e.target), style=odd if e.odd_side == "target" else "")
            source.truncate(source_w, overflow="ellipsis")
            target.truncate(target_w, overflow="ellipsis")
            self.add_row(
                source,
                target,
                Text(str(e.count), justify="right"),
                Text(KNOWN if e.known else "", style=known),
                Text(ODD_SIDE.get(e.odd_side, escape_line(e.odd_side)), style=odd),
                Text(versions_cell(names, versions_w)),
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
        yield StatusLine(id="lexicon-header", wrap=True)
        yield LexiconTable(id="lexicon")
        yield StatusLine(id="lexicon-status", wrap=True)
        yield key_footer()

    def on_mount(self) -> None:
        self.table.focus()

    def show_report(self, report: Report, previous: Report | None) -> None:
        entries, relabelled = reviewed_swaps(report, self.story.overrides)
        self.drawn_labels = entries
        self.table.show(entries, self.story.names)
        header = Text()
        header.append("Word swaps", style="bold")
        known = sum(1 for e in entries if e.known)
        odd = sum(1 for e in entries if e.odd_side)
        header.append(
            f"  {len(entries)} swaps between related versions; {known} known spinner swap(s) "
            f"({KNOWN}), {odd} with a much rarer side (spun wording is usually the rarer); "
            "where: a \u2192 b, version a has the \u201cfrom\u201d wording, b the \u201cto\u201d"
        )
        if relabelled:
            header.append(f"; {relabelled_swaps(relabelled)}", style="bold")
        self.query_one("#lexicon-header", StatusLine).set_text(header)
        self._status()

    def labels_state(self, report: Report) -> object:
        return reviewed_swaps(report, self.story.overrides)[0]

    def _status(self) -> None:
        """The highlighted swap in full (the table may cut its wording and list of
        versions to fit), then the sort order."""
        table = self.table
        text = Text()
        entry = table.entry_at(table.cursor_row)
        if entry is not None:
            names = table.versions_text(entry)
            text.append(f"\u201c{escape_line(entry.source)}\u201d \u2192 ", style="bold")
            text.append(f"\u201c{escape_line(entry.target)}\u201d", style="bold")
            text.append(f" \u00d7{entry.count}: {names} \u2502 ")
        heading = COLUMNS[table.sort_column][0]
        order = "reversed" if table.reverse else "natural order"
        text.append(f"sorted by {heading} ({order}) \u2502 s/S: another column, o: reverse")
        self.query_one("#lexicon-status", StatusLine).set_text(text)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._status()

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
