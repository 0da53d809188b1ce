"""The overview's table of shared content: each version's share of its text found in every
other version, shaded as the HTML report's heatmap is, with the share printed in each cell.

The figures come from ``tui.present.sources``, which the reports read too, so a cell on
screen is the same number as in every export."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tui.app.widgets.styles import component_style
from tui.core.escaping import escape_line
from tui.core.model import Report
from tui.present.names import VersionNames
from tui.present.sources import LEVELS, SharesView, shares_view, sources_sentence

# A share's cell ("100%", "—") and the names' column (a number and a short name).
CELL_WIDTH = 4
NAME_MIN, NAME_MAX = 8, 24


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

    _view: SharesView | None = None
    _names: VersionNames | None = None

    def show(self, report: Report | None, names: VersionNames) -> None:
        view = shares_view(report) if report is not None else None
        self._view = view if view is not None and len(view.ids) >= 2 else None
        self._names = names
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        """Drawn for the width the table has now. A narrow panel shortens the names, then
        drops the per cent signs (the heading says the figures are per cent); a panel too
        narrow even for that says so. A share is never cut ("1…" for 11%) nor a column
        cropped ("6" for 62%)."""
        if self._view is None or self._names is None:
            return ""
        view, width = self._view, self.size.width
        for cell in (CELL_WIDTH, CELL_WIDTH - 1):
            if not width or width >= NAME_MIN + (cell + 1) * len(view.ids):
                return self._table(view, self._names, width, cell)
        return Text(
            f"Who shares what with whom: too narrow here for {len(view.ids)} versions; a "
            "wider window, or any report, shows it",
            style="italic",
        )

    def _table(
        self, view: SharesView, names: VersionNames, width: int = 0, cell: int = CELL_WIDTH
    ) -> Table:
        def style(name: str):  # noqa: ANN202 - a Rich style
            return component_style(self, name)

        compact = cell < CELL_WIDTH  # "62" under a heading saying the figures are per cent
        title = "Who shares what with whom" + (" (% of each row's text)" if compact else "")
        table = Table(
            title=Text(title, style=style("shares--heading")),
            title_justify="left",
            caption=Text(SharesView.CAPTION),
            caption_justify="left",
            box=None,
            pad_edge=False,
            padding=(0, 1, 0, 0),
            expand=False,
        )
        # Each share column holds its widest figure and a space; the names get what is left,
        # no more than the longest needs.
        labels = [
            f"{k + 1} {escape_line(names(doc_id))}" for k, (doc_id, _) in enumerate(view.rows)
        ]
        room = width - (cell + 1) * len(view.ids) - 1 if width else NAME_MAX
        name_width = max(NAME_MIN, min(NAME_MAX, room, max(map(len, labels))))
        table.add_column("", no_wrap=True, overflow="ellipsis", width=name_width)
        for k, _ in enumerate(view.ids):
            table.add_column(Text(str(k + 1)), justify="right", no_wrap=True, min_width=cell)
        for label, (_, cells) in zip(labels, view.rows, strict=True):
            row = [Text(label)]
            for c in cells:
                name = "shares--self" if c.level < 0 else f"shares--level-{c.level}"
                row.append(Text(c.text.rstrip("%") if compact else c.text, style=style(name)))
            table.add_row(*row)
        return table


def sources_line(report: Report, doc_id: str, names: VersionNames) -> str:
    """The highlighted version's sources, in the reports' words, with short names."""
    view = shares_view(report)
    if view is None:
        return ""
    return sources_sentence(view, doc_id, names)
