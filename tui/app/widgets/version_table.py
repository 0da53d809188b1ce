"""The overview's table of versions, with verdict badges and coverage bars.

Cell colours come from component classes (theme variables), so the table is rebuilt when
the theme changes rather than baking one palette's colours into its cells.
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from tui.app.widgets.styles import component_style
from tui.core.escaping import escape_line
from tui.core.model import LABEL_LETTERS, LABELS, Report

BAR_WIDTH = 10
TITLE_WIDTH = 40


def coverage_bar(share: float, width: int = BAR_WIDTH) -> str:
    """A bar that reads without colour: filled and empty blocks, then the percentage."""
    filled = max(0, min(width, round(share * width)))
    return "\u2588" * filled + "\u2591" * (width - filled) + f" {share:>4.0%}"


class VersionTable(DataTable[Text]):
    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | {
        "version-table--wholly-derived",
        "version-table--partially-derived",
        "version-table--independent",
        "version-table--reference",
        "version-table--bar",
    }

    DEFAULT_CSS = """
    VersionTable {
        & > .version-table--wholly-derived { color: $text-error; text-style: bold; }
        & > .version-table--partially-derived { color: $text-warning; text-style: bold; }
        & > .version-table--independent { color: $text-success; }
        & > .version-table--reference { color: $text-accent; text-style: bold; }
        & > .version-table--bar { color: $accent; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.report: Report | None = None

    def on_mount(self) -> None:
        # The title comes last: on a narrow terminal it is what scrolls out of sight.
        self.add_column("", width=1, key="mark")
        self.add_column("version", key="version")
        self.add_column("verdict", key="verdict")
        self.add_column("derived", width=BAR_WIDTH + 5, key="derived")
        for label in LABELS:
            self.add_column(LABEL_LETTERS[label], key=label)
        self.add_column("chars", key="chars")
        self.add_column("title", key="title")

    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key((self.cursor_row, 0)).row_key
        return key.value

    def select_id(self, doc_id: str) -> None:
        with contextlib.suppress(RowDoesNotExist):  # gone after a re-align
            self.move_cursor(row=self.get_row_index(doc_id))

    def show(self, report: Report) -> None:
        self.report = report
        self._fill()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.report is not None and self.is_mounted:
            # After the refresh: the component styles may not have the new theme yet.
            self.call_after_refresh(self._refill)

    def _refill(self) -> None:
        cursor = self.cursor_row
        self._fill()
        self.move_cursor(row=cursor)

    def _style(self, name: str) -> Style:
        return component_style(self, f"version-table--{name}")

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        self.clear()
        ref = report.document(report.reference)
        ref_style = self._style("reference")
        self.add_row(
            Text("\u2605", style=ref_style),
            Text(escape_line(ref.id), style=ref_style),
            Text("reference", style=ref_style),
            Text(""),
            *[Text("") for _ in LABELS],
            Text(f"{len(ref.text):,}", justify="right"),
            Text(escape_line(ref.title)[:TITLE_WIDTH]),
            key=ref.id,
        )
        for comparison in report.comparisons:
            doc = report.document(comparison.target)
            counts = comparison.label_counts()
            share = comparison.coverage.get("target_derived", 0.0)
            self.add_row(
                Text(""),
                Text(escape_line(doc.id)),
                Text(comparison.verdict, style=self._style(comparison.verdict)),
                Text(coverage_bar(share), style=self._style("bar")),
                *[Text(str(counts[label] or "\u00b7"), justify="right") for label in LABELS],
                Text(f"{len(doc.text):,}", justify="right"),
                Text(escape_line(doc.title)[:TITLE_WIDTH]),
                key=doc.id,
            )
