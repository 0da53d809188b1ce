"""The family view: one row per passage family, one column per version, with the Line API.

Like ``AlignedView``, a row is only an index entry plus its height; strips are built for the
lines on screen and kept in an LRU cache, so a few thousand families scroll as fast as ten.
Columns wider than the screen scroll sideways under a pinned gutter (family number) and a
pinned header (version names), so a cell never loses its row or its version. Columns are
sized so that a whole number of them fills the screen, and ``h``/``l`` move the highlighted
column (the one ``enter`` opens) a whole column at a time, so no column is ever shown cut.
A row is as tall as its tallest cell on screen: a family whose long text is in a column
scrolled out of view would otherwise fill the screen with empty cells.

All document text passes through ``tui.core.escaping`` before it reaches a ``Text``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.strip import Strip

from tui.app.keys import bindings
from tui.app.widgets.row_view import RowView
from tui.app.wrap import wrap_offsets
from tui.core.escaping import escape_line, escape_reflow
from tui.core.model import LABEL_LETTERS, Family, Report, Variant
from tui.present.names import VersionNames
from tui.present.wording import REVIEWED_MARK

GUTTER = 7  # cursor mark, family number (4), disagreement mark, space
SEPARATOR = " \u2502 "
MIN_COLUMN = 18  # below this a column scrolls sideways instead of shrinking
REFERENCE_MARK = "\u2605 "  # ★ before the reference's name in the header
HEADER = 2  # version ids and a rule, pinned above the rows
GAP = "\u2014"
ORIGIN_MARK = "\u25c6"  # ◆
DISAGREE_MARK = "\u2260"  # ≠


def family_components(report: Report) -> dict[str, str]:
    """Version id -> the root of its derivation tree (itself when independent)."""
    out: dict[str, str] = {d.id: d.id for d in report.documents}
    provenance = report.provenance
    if provenance is None:
        return out
    tree = provenance.tree
    for doc in out:
        node, seen = doc, {doc}
        while (parent := tree.parent(node)) is not None and parent not in seen:
            seen.add(parent)
            node = parent
        out[doc] = node
    return out


def disagreeing(report: Report, family: Family, components: dict[str, str]) -> bool:
    """A family where versions disagree: some variant is not verbatim against the family's
    original form, or a version of the origin's derivation tree (same root, lost originals
    included) lacks it. Unrelated (independent) versions never count as lacking it, and no
    version counts as lacking furniture (a paper that leaves out the wire's slug line
    dropped nothing)."""
    if not family.agree:
        return True
    if family.furniture:
        return False
    root = components.get(family.origin, family.origin)
    related = {doc for doc, r in components.items() if r == root}
    return not related <= {v.doc for v in family.variants}


def variant_text(report: Report, variant: Variant) -> str:
    doc = report.document(variant.doc)
    return escape_reflow(" ".join(doc.cut(span) for span in variant.spans))


def variant_heading(family: Family, variant: Variant, reviewed: bool | None = None) -> str:
    """``reviewed``: True where the label is a reviewer's (the engine's score is not for
    it), False where a reviewer relabelled part of the form, None where none of it."""
    letter = LABEL_LETTERS[variant.label]
    if variant.doc == family.origin:
        return f"{ORIGIN_MARK} {letter} origin"
    if reviewed:
        return f"{letter} {variant.label} {REVIEWED_MARK} reviewer"
    part = f" {REVIEWED_MARK} in part" if reviewed is False else ""
    return f"{letter} {variant.label} {variant.score:.2f}{part}"


@dataclass
class _Layout:
    width: int
    column: int  # width of one version column
    visible: int  # how many whole columns fit beside the gutter
    columns_width: int  # all columns and separators: the horizontally scrolled part
    heights: list[list[int]]  # lines of each cell (heading and text), per family and column
    window: range  # the columns on screen, whose cells set the rows' heights
    offsets: list[int]  # first body line of each family, plus the total at the end

    @property
    def pitch(self) -> int:
        return self.column + len(SEPARATOR)


class FamilyView(RowView, can_focus=True):
    """Families down, versions across; the cursor is a family."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "family-view--cursor",
        "family-view--cursor-mark",
        "family-view--header",
        "family-view--column",
        "family-view--divider",
        "family-view--gap",
        "family-view--number",
        "family-view--disagree",
        "family-view--origin",
        "family-view--label-verbatim",
        "family-view--label-edited",
        "family-view--label-paraphrased",
        "family-view--label-added",
        "family-view--label-omitted",
        "family-view--label-boilerplate",
    }

    DEFAULT_CSS = """
    FamilyView {
        background: $surface;
        color: $foreground;
        overflow-y: scroll;
        overflow-x: auto;
        & > .family-view--cursor { background: $accent 20%; }
        & > .family-view--cursor-mark { color: $accent; text-style: bold; }
        & > .family-view--header { text-style: bold; }
        & > .family-view--column { text-style: bold reverse; }
        & > .family-view--divider { color: $foreground 30%; }
        & > .family-view--gap { color: $text-muted; }
        & > .family-view--number { color: $text-muted; }
        & > .family-view--disagree { color: $text-warning; text-style: bold; }
        & > .family-view--origin { color: $text-accent; text-style: bold; }
        & > .family-view--label-verbatim { }
        & > .family-view--label-edited { color: $text-warning; }
        & > .family-view--label-paraphrased { color: $text-accent; }
        & > .family-view--label-added { color: $text-success; }
        & > .family-view--label-omitted { color: $text-error; }
        & > .family-view--label-boilerplate { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("family_view")

    COMPONENT_PREFIX = "family-view"
    HEADER = HEADER

    class CursorMoved(RowView.CursorMoved):
        pass

    class Selected(RowView.Selected):
        pass

    _layout: _Layout | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: Report | None = None
        self.names = VersionNames({})
        self.families: list[Family] = []
        self.reviewed: Mapping[tuple[int, str], bool] = {}
        self.versions: list[str] = []
        self.column = 0  # the highlighted version column
        self.disagree: list[bool] = []
        # (family, version column) -> sanitised cell text; built once per report.
        self._cells: list[list[tuple[Variant, str] | None]] = []
        self._wrapped: LRUCache[tuple[int, int, int], list[Strip]] = LRUCache(1024)

    # ------------------------------------------------------------------------------ state

    def load(
        self,
        report: Report,
        names: VersionNames | None = None,
        families: list[Family] | None = None,
        reviewed: Mapping[tuple[int, str], bool] | None = None,
    ) -> None:
        """``families``: the report's, or as a reviewer's labels have them
        (``review.reviewed_families``), with ``reviewed`` the (family id, version) cells a
        reviewer's label is on."""
        provenance = report.provenance
        self.report = report
        self.names = names or VersionNames({})
        if families is None:
            families = list(provenance.families) if provenance else []
        self.families = families
        self.reviewed = reviewed or {}
        self.versions = [d.id for d in report.documents]
        components = family_components(report)
        self.disagree = [disagreeing(report, f, components) for f in self.families]
        column = {doc: c for c, doc in enumerate(self.versions)}
        self._cells = []
        for family in self.families:
            cells: list[tuple[Variant, str] | None] = [None] * len(self.versions)
            for v in family.variants:
                if v.doc in column:
                    cells[column[v.doc]] = (v, variant_text(report, v))
            self._cells.append(cells)
        self.cursor = 0
        self.column = 0
        self._layout = None
        self._relayout()
        self.post_message(self.CursorMoved(self, 0))

    @property
    def column_version(self) -> str | None:
        return self.versions[self.column] if self.versions else None

    def cell_text(self, row: int, column: int) -> str:
        """What a cell says, heading and text, as plain text (for tests and search)."""
        cell = self._cells[row][column]
        if cell is None:
            return GAP
        variant, text = cell
        family = self.families[row]
        reviewed = self.reviewed.get((family.id, variant.doc))
        return f"{variant_heading(family, variant, reviewed)}\n{text}"

    @property
    def row_count(self) -> int:
        return len(self.families)

    def next_disagreement(self, step: int) -> bool:
        return self._move_to_next(step, lambda i: self.disagree[i])

    # ---------------------------------------------------------------------------- actions

    def action_column(self, step: int) -> None:
        self.move_column(self.column + step)

    def move_column(self, column: int) -> None:
        """Highlight a version column; when the columns scroll, the highlighted one is the
        leftmost shown until the last ones are in view."""
        if not self.versions:
            return
        self.column = max(0, min(column, len(self.versions) - 1))
        self._scroll_to_column()
        self.refresh()
        self.post_message(self.CursorMoved(self, self.cursor))

    def _scroll_to_column(self) -> None:
        layout = self._layout
        if layout is None:
            return
        last_start = max(0, len(self.versions) - layout.visible)
        x = min(self.column, last_start) * layout.pitch
        if x != self.scroll_offset.x:
            self.scroll_to(x=x, animate=False, immediate=True)

    async def _on_click(self, event: events.Click) -> None:
        layout = self._layout
        if layout is not None and event.x >= GUTTER:
            self.move_column((event.x - GUTTER + self.scroll_offset.x) // layout.pitch)
        await super()._on_click(event)

    # ----------------------------------------------------------------------------- layout

    def _body_height(self) -> int:
        # Below the pinned header, and never less than a line.
        return max(1, self.scrollable_content_region.height - HEADER)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or self.report is None:
            return
        n = max(1, len(self.versions))
        avail = max(1, width - GUTTER)
        sep = len(SEPARATOR)
        # As wide as the longest name (and its reference mark) or MIN_COLUMN, then widened so
        # that a whole number of columns fills the screen.
        natural = max(MIN_COLUMN, *(self._header_width(doc) for doc in self.versions))
        visible = max(1, min(n, (avail + sep) // (natural + sep)))
        column = max(1, (avail - (visible - 1) * sep) // visible)
        columns_width = n * column + (n - 1) * sep
        heights = [
            [self._cell_height(row, c, column) for c in range(len(self.versions))]
            for row in range(len(self.families))
        ]
        self._layout = _Layout(width, column, visible, columns_width, heights, range(0), [0])
        self._clear_caches()
        self._set_window(self._window(self.scroll_offset.x))
        self._scroll_to_cursor()
        self._scroll_to_column()
        self.refresh()

    def _window(self, x: float) -> range:
        """The columns at least partly on screen when scrolled ``x`` cells sideways."""
        layout = self._layout
        assert layout is not None
        avail = max(1, layout.width - GUTTER)
        first = int(x) // layout.pitch
        last = (int(x) + avail - 1) // layout.pitch
        return range(min(first, len(self.versions)), min(last + 1, len(self.versions)))

    def _set_window(self, window: range) -> None:
        """Lay the rows out for the columns in ``window``."""
        layout = self._layout
        assert layout is not None
        offsets = [0]
        for cells in layout.heights:
            offsets.append(offsets[-1] + max((cells[c] for c in window), default=1) + 1)
        layout.window, layout.offsets = window, offsets
        self._lines.clear()  # finished lines know where each row ends
        # Room to scroll exactly far enough to show the last columns whole.
        scrolled = (max(1, len(self.versions)) - layout.visible) * layout.pitch
        self.virtual_size = Size(
            GUTTER + scrolled + max(1, layout.width - GUTTER), HEADER + offsets[-1]
        )

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        layout = self._layout
        if layout is None or self._window(new_value) == layout.window:
            return
        # Other columns on screen: other row heights. The highlighted family keeps its place.
        above = layout.offsets[self.cursor] - self.scroll_offset.y if self.families else 0
        self._set_window(self._window(new_value))
        if self.families:
            y = max(0, layout.offsets[self.cursor] - above)
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
            self._scroll_to_cursor()  # and stays whole when it grew
        self.refresh()

    def _header_name(self, doc: str) -> str:
        name = escape_line(self.names(doc))
        if self.report is not None and doc == self.report.reference:
            return REFERENCE_MARK + name
        return name

    def _header_width(self, doc: str) -> int:
        return cell_len(self._header_name(doc))

    def _cell_height(self, row: int, column: int, width: int) -> int:
        cell = self._cells[row][column]
        if cell is None:
            return 1
        return 1 + len(wrap_offsets(cell[1], width))

    def _clear_caches(self) -> None:
        super()._clear_caches()
        self._wrapped.clear()

    # -------------------------------------------------------------------------- rendering

    def render_line(self, y: int) -> Strip:
        layout = self._layout
        width = self.scrollable_content_region.width
        if layout is None:
            return Strip.blank(width, self.rich_style)
        if y < HEADER:
            return self._header_line(y)
        line = y - HEADER + self.scroll_offset.y
        if not self.families or line >= layout.offsets[-1]:
            return Strip.blank(width, self.rich_style)
        row = self._row_at_line(line)
        index = line - layout.offsets[row]
        is_cursor = row == self.cursor
        return self._scrolled(self._cached_line(row, index, is_cursor), row, index, is_cursor)

    def _scrolled(self, full: Strip, row: int, index: int, is_cursor: bool) -> Strip:
        """Pin the gutter and crop the columns at the horizontal scroll offset."""
        layout = self._layout
        assert layout is not None
        base = self.rich_style + (self._style("cursor") if is_cursor else Style())
        x = self.scroll_offset.x
        body = full.crop_extend(x, x + layout.width - GUTTER, base)
        return Strip.join([self._gutter(row, index, is_cursor), body]).crop_extend(
            0, layout.width, base
        )

    def _header_line(self, y: int) -> Strip:
        layout = self._layout
        assert layout is not None
        base = self.rich_style
        if y == 1:
            rule = "\u2500" * (GUTTER + layout.columns_width + layout.width)
            return Strip([Segment(rule, base + self._style("divider"))]).crop_extend(
                0, layout.width, base
            )
        parts: list[Segment] = []
        for c, doc in enumerate(self.versions):
            if c:
                parts.append(Segment(SEPARATOR, base + self._style("divider")))
            name = Text(self._header_name(doc), end="", no_wrap=True)
            name.truncate(layout.column, overflow="ellipsis", pad=True)
            # Text.render drops a Text's own style when it has no spans: stylize instead.
            style = base + self._style("header")
            if c == self.column:
                style += self._style("column")
            name.stylize(style)
            parts.extend(name.render(self.app.console))
        columns = Strip(parts).crop_extend(
            self.scroll_offset.x, self.scroll_offset.x + layout.width - GUTTER, base
        )
        head = Strip([Segment("family".ljust(GUTTER), base + self._style("number"))], GUTTER)
        return Strip.join([head, columns]).crop_extend(0, layout.width, base)

    def _gutter(self, row: int, index: int, is_cursor: bool) -> Strip:
        base = self.rich_style + (self._style("cursor") if is_cursor else Style())
        mark = Segment("\u258c" if is_cursor else " ", base + self._style("cursor-mark"))
        if index == 0:
            number = Segment(f"{self.families[row].id:>4}", base + self._style("number"))
            flag = DISAGREE_MARK if self.disagree[row] else " "
            return Strip(
                [mark, number, Segment(flag, base + self._style("disagree")), Segment(" ", base)],
                GUTTER,
            )
        return Strip([mark, Segment(" " * (GUTTER - 1), base)], GUTTER)

    def _cell_lines(self, row: int, column: int, width: int) -> list[Strip]:
        key = (row, column, width)
        cached = self._wrapped.get(key)
        if cached is not None:
            return cached
        cell = self._cells[row][column]
        out: list[Strip] = []
        if cell is None:
            out.append(Strip([Segment(GAP, self._style("gap"))]).crop_extend(0, width, None))
        else:
            variant, plain = cell
            family = self.families[row]
            label_style = self._style(f"label-{variant.label}")
            heading_style = (
                self._style("origin") if variant.doc == family.origin else label_style
            ) + Style(bold=True)
            reviewed = self.reviewed.get((family.id, variant.doc))
            heading = Text(variant_heading(family, variant, reviewed), end="")
            heading.truncate(width, overflow="ellipsis")
            heading.stylize(heading_style)
            out.append(Strip(heading.render(self.app.console)).crop_extend(0, width, None))
            text = Text(plain, end="", no_wrap=True)
            text.stylize(label_style)
            cuts = [start for start, _ in wrap_offsets(plain, width)[1:]]
            for piece in text.divide(cuts):
                piece.rstrip()
                out.append(Strip(piece.render(self.app.console)).crop_extend(0, width, None))
        self._wrapped[key] = out
        return out

    def _build_line(self, row: int, index: int, is_cursor: bool) -> Strip:
        """The columns part of one line (no gutter), full width, with the base style."""
        layout = self._layout
        assert layout is not None
        base = self.rich_style + (self._style("cursor") if is_cursor else Style())
        if index >= layout.offsets[row + 1] - layout.offsets[row] - 1:
            return Strip.blank(layout.columns_width, base)
        parts: list[Strip] = []
        for c in range(len(self.versions)):
            if c:
                parts.append(Strip([Segment(SEPARATOR, self._style("divider"))], len(SEPARATOR)))
            lines = self._cell_lines(row, c, layout.column)
            parts.append(lines[index] if index < len(lines) else Strip.blank(layout.column))
        return Strip.join(parts).apply_style(base).crop_extend(0, layout.columns_width, base)
