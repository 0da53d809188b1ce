"""The overview's table of versions, with verdict badges and coverage bars.

Columns are sized to what they hold and to the terminal: each is as wide as its widest
cell, and the title takes the width that is left (whole titles when there is room). They
are rebuilt with every fill, so a count that grows after a re-alignment (``r``) is never
cut to the width the column had before.

Cell colours come from component classes (theme variables), so the table is rebuilt when
the theme changes rather than baking one palette's colours into its cells.
"""

from __future__ import annotations

import contextlib
import os
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from tui.app.keys import bindings
from tui.app.widgets.styles import component_style
from tui.core.escaping import escape_line
from tui.core.model import LABEL_LETTERS, LABELS, Comparison, Report
from tui.core.review import Reviewed
from tui.core.summary import tree_relation
from tui.present.names import VersionNames
from tui.present.wording import REVIEWED_MARK, TREE_WORDS

BAR_WIDTH = 10
MIN_TITLE = 12  # below this the title column keeps this width and scrolls sideways
# The file column's narrowest width when long names must share the screen with the title:
# a name longer than the column is cut around what sets it apart (``distinct_cut``), and
# the panel below the table gives the highlighted version's whole file name.
MIN_FILE = 16
# The version column's narrowest width, cut to fit the figures on a narrow screen.
MIN_NAME = 10


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

    BINDINGS: ClassVar[list[BindingType]] = bindings("overview_table")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.report: Report | None = None
        self.names = VersionNames({})
        self.reviews: dict[str, Reviewed] = {}
        self._filled_width = 0
        # False when the screen is too narrow for the file and title columns.
        self.titles_shown = True

    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key((self.cursor_row, 0)).row_key
        return key.value

    def select_id(self, doc_id: str) -> None:
        with contextlib.suppress(RowDoesNotExist):  # gone after a re-align
            self.move_cursor(row=self.get_row_index(doc_id))

    def show(
        self, report: Report, names: VersionNames, reviews: dict[str, Reviewed] | None = None
    ) -> None:
        """``reviews``: the reviewer's figures of the versions a reviewer relabelled, shown in
        place of the engine's with a mark (the overview's panel gives both)."""
        self.report = report
        self.names = names
        self.reviews = reviews or {}
        self._refill()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.report is not None and self.is_mounted:
            # After the refresh: the component styles may not have the new theme yet.
            self.call_after_refresh(self._refill)

    def on_resize(self, event: events.Resize) -> None:
        if self.report is not None and event.size.width != self._filled_width:
            self._refill()

    class TitlesShown(Message):
        """The file and title columns came or went with the width: the panel that gives
        them in their place follows."""

    def _refill(self) -> None:
        current = self.current_id()
        shown = self.titles_shown
        self._fill()
        if current is not None:
            self.select_id(current)
        if shown != self.titles_shown:
            self.post_message(self.TitlesShown())

    def _verdict(self, comparison: Comparison) -> str:
        """The verdict the table shows: a reviewer's, where one relabelled the version."""
        review = self.reviews.get(comparison.target)
        return review.verdict if review else comparison.verdict

    def _style(self, name: str) -> Style:
        return component_style(self, f"version-table--{name}")

    def _rows(self, report: Report, bar: bool = True) -> list[list[Text]]:
        names = self.names
        ref = report.document(report.reference)
        ref_style = self._style("reference")
        rows = [
            [
                Text("\u2605", style=ref_style),
                Text(escape_line(names(ref.id)), style=ref_style),
                Text("reference", style=ref_style),
                Text(""),
                *[Text("") for _ in LABELS],
                Text(f"{len(ref.text):,}", justify="right"),
                Text(escape_line(ref.id)),
                Text(escape_line(ref.title)),
            ]
        ]
        for comparison in report.comparisons:
            doc = report.document(comparison.target)
            review = self.reviews.get(comparison.target)
            counts = review.counts if review else comparison.label_counts()
            cov = review.coverage if review else comparison.coverage
            share = cov.get("target_derived", 0.0)
            verdict = self._verdict(comparison)
            rows.append(
                [
                    Text(REVIEWED_MARK if review else ""),
                    Text(escape_line(names(doc.id))),
                    Text(verdict, style=self._style(verdict)),
                    Text(
                        coverage_bar(share) if bar else f"{share:>4.0%}", style=self._style("bar")
                    ),
                    *[Text(str(counts[label] or "\u00b7"), justify="right") for label in LABELS],
                    Text(f"{len(doc.text):,}", justify="right"),
                    Text(escape_line(doc.id)),
                    Text(escape_line(doc.title)),
                ]
            )
        return rows

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        headings = ["", "version", "verdict", "derived", *[LABEL_LETTERS[k] for k in LABELS]]
        headings += ["chars", "file", "title"]
        keys = ["mark", "version", "verdict", "derived", *LABELS, "chars", "file", "title"]
        # Which way the tree goes, where it is not that the version was made from the
        # reference: only when some version's is not.
        tree = [
            TREE_WORDS.get(tree_relation(report, c, self._verdict(c))[0], "")
            for c in report.comparisons
        ]
        if any(tree):
            headings.insert(3, "tree")
            keys.insert(3, "tree")
        # Where the columns of figures do not fit beside the narrowest title, the bar goes
        # (its percentage stays), then the file and title columns, then the length where
        # the names would be cut too short, and the version's name is cut in its middle (the
        # panel below gives the highlighted version's name, file, title and length): a
        # figure cut at the screen's edge reads as another ("2,13" for 2,138).
        self.titles_shown = True
        for bar in (True, False):
            rows = self._rows(report, bar)
            if any(tree):
                for row, word in zip(rows, ["", *tree], strict=True):
                    row.insert(3, Text(word, style="italic"))
            widths = [
                max(len(heading), *(row[c].cell_len for row in rows))
                for c, heading in enumerate(headings)
            ]
            # Each column pads one cell a side; two more for the scroll bar.
            figures = sum(widths[:-2]) + 2 * (len(widths) - 2) + 2
            titles = 2 + MIN_TITLE + (2 + MIN_FILE if self.names.shortened else 0)
            if figures + titles <= self.size.width:
                break
        else:
            self.titles_shown = False
            del headings[-2:], keys[-2:], widths[-2:]
            rows = [row[:-2] for row in rows]
            over = figures - self.size.width
            if over > 0 and over > widths[1] - MIN_NAME:  # the length too (the panel gives it)
                over -= widths[-1] + 2
                del headings[-1], keys[-1], widths[-1]
                rows = [row[:-1] for row in rows]
            widths[1] = min(widths[1], max(MIN_NAME, widths[1] - max(0, over)))
            for row in rows:
                row[1] = middle_cut(row[1], widths[1])
        if self.titles_shown and not self.names.shortened:
            # The version column already shows the file's name.
            del headings[-2], keys[-2], widths[-2]
            rows = [row[:-2] + row[-1:] for row in rows]
        self._filled_width = self.size.width
        if not self.titles_shown:
            self._add(report, headings, keys, widths, rows)
            return
        # The columns cut in the middle to fit: the file's name, when there, and the title.
        cut = [len(widths) - 2, len(widths) - 1] if self.names.shortened else [len(widths) - 1]
        # What is left of the width goes to the file's name and the title: the name gets
        # half of it, or all the titles leave (each column pads one cell a side).
        spare = self.size.width - sum(widths[: cut[0]]) - 2 * len(widths) - 2
        if len(cut) == 2:
            room = max(MIN_FILE, spare // 2, spare - widths[-1])
            widths[cut[0]] = min(widths[cut[0]], room)
            spare -= widths[cut[0]]
        widths[-1] = min(widths[-1], max(MIN_TITLE, spare))
        if len(cut) == 2:
            # File names of one story's versions often share their start and end and differ
            # in the middle ("scrape-2026-06-12__midlands-fm-news__stagepass-breach"):
            # cut there, every name reads the same.
            names = [distinct_cut(row[cut[0]], rows, cut[0], widths[cut[0]]) for row in rows]
            for row, name in zip(rows, names, strict=True):
                row[cut[0]] = name
        for row in rows:
            row[-1] = middle_cut(row[-1], widths[-1])
        self._add(report, headings, keys, widths, rows)

    def _add(
        self,
        report: Report,
        headings: list[str],
        keys: list[str],
        widths: list[int],
        rows: list[list[Text]],
    ) -> None:
        self.clear(columns=True)
        for heading, key, width in zip(headings, keys, widths, strict=True):
            self.add_column(heading, width=width, key=key)
        ids = [report.reference, *(c.target for c in report.comparisons)]
        for doc_id, row in zip(ids, rows, strict=True):
            self.add_row(*row, key=doc_id)


def distinct_cut(text: Text, rows: list[list[Text]], column: int, width: int) -> Text:
    """A file name cut to ``width`` around what sets it apart from the column's other long
    names (what lies between the start and the end all of them share), else in its
    middle."""
    plain = text.plain
    if text.cell_len <= width or width < 5 or text.cell_len != len(plain):
        return middle_cut(text, width)
    others = [row[column].plain for row in rows if row[column].cell_len > width]
    if len(others) < 2:
        return middle_cut(text, width)
    head = len(os.path.commonprefix(others))
    tail = len(os.path.commonprefix([o[::-1] for o in others]))
    core_end = max(head, len(plain) - tail)
    if core_end == head:
        return middle_cut(text, width)
    before, after = ("\u2026" if head else ""), ("\u2026" if core_end < len(plain) else "")
    if core_end - head > width - len(before + after):
        core = middle_cut(Text(plain[head:core_end]), width - len(before + after)).plain
        return Text(before + core + after, style=text.style)
    # The distinct part whole, with what fits of the shared start and end either side
    # (an ellipsis each side for what does not).
    room = width - 2 - (core_end - head)
    start = max(0, head - room // 2)
    end = min(len(plain), core_end + room - (head - start))
    start = max(0, end - (width - 2))
    return Text(
        ("\u2026" if start else "") + plain[start:end] + ("\u2026" if end < len(plain) else ""),
        style=text.style,
    )


def middle_cut(text: Text, width: int) -> Text:
    """``text`` cut to ``width`` in its middle: versions of one story often share the start
    of a title and differ at its end ("... cable cuts - Daily Clarion"). Text with wide
    characters is cut at its end, as before."""
    if text.cell_len <= width or width < 5 or text.cell_len != len(text.plain):
        text.truncate(width, overflow="ellipsis")
        return text
    plain = text.plain
    head = (width - 1) // 2
    tail = width - 1 - head
    return Text(plain[:head].rstrip() + "\u2026" + plain[len(plain) - tail :], style=text.style)
