"""The overview's table of shared content: each version's share of its text found in every
other version, shaded as the HTML report's heatmap is, with the share printed in each cell.

The figures come from ``tui.present.sources``, which the reports read too, so a cell on
screen is the same number as in every export."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tui.app.widgets.styles import component_style
from tui.core.escaping import escape_line
from tui.core.model import Report
from tui.present.names import VersionNames
from tui.present.sources import LEVELS, SharesView, shares_view, sources_sentence


class SharesTable(Static):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "shares--heading",
        "shares--self",
        *(f"shares--level-{k}" for k in range(LEVELS + 1)),
    }
    DEFAULT_CSS = """
    SharesTable {
        height: auto;
        margin-bottom: 1;
        & > .shares--heading { text-style: bold; }
        & > .shares--self { color: $text-muted; }
        & > .shares--level-0 { color: $text-muted; }
        & > .shares--level-1 { background: $error 12%; }
        & > .shares--level-2 { background: $error 25%; }
        & > .shares--level-3 { background: $error 45%; }
        & > .shares--level-4 { background: $error 65%; }
        & > .shares--level-5 { background: $error 85%; text-style: bold; }
    }
    """

    def show(self, report: Report | None, names: VersionNames) -> None:
        view = shares_view(report) if report is not None else None
        if view is None or len(view.ids) < 2:
            self.update("")
            return
        self.update(self._table(view, names))

    def _table(self, view: SharesView, names: VersionNames) -> Table:
        def style(name: str):  # noqa: ANN202 - a Rich style
            return component_style(self, name)

        table = Table(
            title=Text("Who shares what with whom", style=style("shares--heading")),
            title_justify="left",
            caption=Text(SharesView.CAPTION),
            caption_justify="left",
            box=None,
            pad_edge=False,
            padding=(0, 1, 0, 0),
            expand=False,
        )
        table.add_column("", no_wrap=True, overflow="ellipsis", max_width=24)
        for k, _ in enumerate(view.ids):
            table.add_column(Text(str(k + 1)), justify="right", no_wrap=True)
        for k, (doc_id, cells) in enumerate(view.rows):
            row = [Text(f"{k + 1} {escape_line(names(doc_id))}")]
            for cell in cells:
                name = "shares--self" if cell.level < 0 else f"shares--level-{cell.level}"
                row.append(Text(cell.text, style=style(name)))
            table.add_row(*row)
        return table


def sources_line(report: Report, doc_id: str, names: VersionNames) -> str:
    """The highlighted version's sources, in the reports' words, with short names."""
    view = shares_view(report)
    if view is None:
        return ""
    return sources_sentence(view, doc_id, names)
