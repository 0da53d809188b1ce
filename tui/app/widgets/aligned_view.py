"""The side-by-side view: one ScrollView drawing every aligned row with the Line API.

A widget per row would cost seconds and megabytes on a 1 MB story; here a row is only an
entry in ``rows.Row`` plus its height, and the strips of the rows on screen are built on
demand and kept in an LRU cache. Heights come from ``wrap.wrap_offsets`` on plain strings, so
sizing the scroll area never builds a styled ``Text``.

All document text passes through ``tui.core.escaping`` before it reaches a ``Text``; nothing here
parses markup, and the gutter and separators are segments we write ourselves.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.strip import Strip

from tui.app.keys import bindings
from tui.app.rows import Mode, Row, RowText, Side, build_rows
from tui.app.widgets.row_view import RowView
from tui.app.wrap import wrap_offsets
from tui.core.escaping import escape_line, escape_reflow
from tui.core.model import LABEL_LETTERS
from tui.present.names import VersionNames

# Below this many columns the two sides stack (left above right) inside each row.
STACK_BELOW = 100
GUTTER = 4  # cursor mark, label letter, moved mark, space
SEPARATOR = " \u2502 "
REVIEWED_MARK = "*"  # after the gutter letter: a reviewer relabelled or annotated the row

# A paragraph of one side: sanitised plain text and (start, end, run kind) spans on it.
Para = tuple[str, list[tuple[int, int, str]]]


@dataclass
class _Layout:
    width: int
    stacked: bool
    left_width: int
    right_width: int
    offsets: list[int]  # first virtual line of each visible row, plus the total at the end


class AlignedView(RowView, can_focus=True):
    """Rows of reference text beside version text, with word diffs and a label gutter."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "aligned-view--cursor",
        "aligned-view--cursor-mark",
        "aligned-view--del",
        "aligned-view--ins",
        "aligned-view--omitted",
        "aligned-view--added",
        "aligned-view--boilerplate",
        "aligned-view--match",
        "aligned-view--divider",
        "aligned-view--placeholder",
        "aligned-view--moved",
        "aligned-view--reviewed",
        "aligned-view--label-verbatim",
        "aligned-view--label-edited",
        "aligned-view--label-paraphrased",
        "aligned-view--label-added",
        "aligned-view--label-omitted",
        "aligned-view--label-boilerplate",
    }

    DEFAULT_CSS = """
    AlignedView {
        background: $surface;
        color: $foreground;
        overflow-y: scroll;
        overflow-x: hidden;
        & > .aligned-view--cursor { background: $accent 20%; }
        & > .aligned-view--cursor-mark { color: $accent; text-style: bold; }
        & > .aligned-view--del {
            color: $text-error;
            background: $error 15%;
            text-style: strike;
        }
        & > .aligned-view--ins {
            color: $text-success;
            background: $success 15%;
            text-style: bold underline;
        }
        & > .aligned-view--omitted { color: $text-error; }
        & > .aligned-view--added { color: $text-success; }
        & > .aligned-view--boilerplate { color: $text-muted; text-style: italic; }
        & > .aligned-view--match { text-style: bold reverse; }
        & > .aligned-view--divider { color: $foreground 30%; }
        & > .aligned-view--placeholder { color: $text-muted; text-style: italic; }
        & > .aligned-view--moved { color: $text-warning; text-style: bold; }
        & > .aligned-view--reviewed { color: $text-accent; text-style: bold; }
        & > .aligned-view--label-verbatim { color: $text-muted; }
        & > .aligned-view--label-edited { color: $text-warning; text-style: bold; }
        & > .aligned-view--label-paraphrased { color: $text-accent; text-style: bold; }
        & > .aligned-view--label-added { color: $text-success; text-style: bold; }
        & > .aligned-view--label-omitted { color: $text-error; text-style: bold; }
        & > .aligned-view--label-boilerplate { color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("aligned_view")
    COMPONENT_PREFIX = "aligned-view"

    class CursorMoved(RowView.CursorMoved):
        """The highlighted row changed (or the rows did): screens update their status."""

    class Selected(RowView.Selected):
        """Enter or a double click on a row: the screen opens its detail."""

    _layout: _Layout | None

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.texts: RowText | None = None
        self.mode: Mode = "paragraph"
        self.hidden: frozenset[str] = frozenset()
        self.swapped = False
        self.search = ""
        self.names = VersionNames({})  # how the placeholders and dividers name the versions
        # Passages a reviewer relabelled or annotated -> the reviewer's label (None: a note
        # only, the engine's label stands). The gutter shows them with REVIEWED_MARK.
        self.reviewed: dict[int, str | None] = {}
        self._all_rows: dict[Mode, list[Row]] = {}
        self.rows: list[Row] = []  # the visible rows
        self._row_ids: list[int] = []  # visible row -> index in _all_rows[mode]
        self.hits: list[int] = []  # visible rows containing the search term
        self._paras: dict[tuple[Mode, int, Side], list[Para]] = {}
        # Two layers: wrapped side lines without the base style, keyed (row id, side, width),
        # and finished lines keyed (row, line, is cursor) in RowView._lines, so moving the
        # cursor re-joins lines but never re-wraps text.
        self._sides: LRUCache[tuple[int, Side, int], list[Strip]] = LRUCache(256)

    # ----------------------------------------------------------------- public state changes

    def load(self, texts: RowText, *, keep_passage: int | None = None) -> None:
        """Show a new comparison (another version, or a re-alignment)."""
        self.texts = texts
        self._all_rows.clear()
        self._paras.clear()
        self._rebuild(keep_passage)

    def set_mode(self, mode: Mode) -> None:
        keep = self.cursor_passage
        self.mode = mode
        self._rebuild(keep)

    def set_hidden(self, hidden: frozenset[str]) -> None:
        keep = self.cursor_passage
        self.hidden = hidden
        self._rebuild(keep)

    def set_swapped(self, swapped: bool) -> None:
        keep = self.cursor_passage
        self.swapped = swapped
        self._rebuild(keep)

    def set_reviewed(self, reviewed: dict[int, str | None]) -> None:
        """The reviewer's overrides changed: only the gutter changes, never the heights."""
        self.reviewed = dict(reviewed)
        self._lines.clear()
        self.refresh()

    def row_marks(self, row: Row) -> list[tuple[str, bool]]:
        """The labels the gutter shows for a row, in passage order: (label, reviewed), where
        a reviewed passage shows the reviewer's label, so ``E*`` reads "a reviewer says
        edited"."""
        if not self.reviewed or self.texts is None:
            return [(label, False) for label in row.labels]
        passages = self.texts.comparison.passages
        order: list[str] = []
        marked: set[str] = set()
        for k in row.passages:
            reviewed = k in self.reviewed
            label = (self.reviewed.get(k) if reviewed else None) or passages[k].label
            if label not in order:
                order.append(label)
            if reviewed:
                marked.add(label)
        return [(label, label in marked) for label in order]

    def set_search(self, term: str) -> None:
        self.search = term
        self._find_hits()
        self._clear_caches()
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_row(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def cursor_passage(self) -> int | None:
        row = self.cursor_row
        return row.passages[0] if row else None

    @property
    def is_stacked(self) -> bool:
        if self._layout is not None:
            return self._layout.stacked
        return self.scrollable_content_region.width < STACK_BELOW

    @property
    def left_side(self) -> Side:
        return "target" if self.swapped else "source"

    @property
    def right_side(self) -> Side:
        return "source" if self.swapped else "target"

    def next_change(self, step: int) -> bool:
        """Move to the next (step=1) or previous (-1) row that is not all verbatim."""
        return self._move_to_next(step, lambda i: self.rows[i].changed)

    def next_hit(self, step: int) -> bool:
        if not self.hits:
            return False
        if step > 0:
            k = bisect.bisect_right(self.hits, self.cursor)
            target = self.hits[k % len(self.hits)]
        else:
            k = bisect.bisect_left(self.hits, self.cursor) - 1
            target = self.hits[k % len(self.hits)]
        self.move_to(target)
        return True

    def side_text(self, row: int, side: Side) -> str:
        """The plain (sanitised) text a visible row shows on one side, paragraphs by newline."""
        return "\n".join(text for text, _ in self._side_paras(self._row_ids[row], side))

    # ------------------------------------------------------------------------------- layout

    def _rebuild(self, keep_passage: int | None) -> None:
        texts = self.texts
        if texts is None:
            return
        if self.mode not in self._all_rows:
            self._all_rows[self.mode] = build_rows(
                texts.comparison, texts.source, texts.target, self.mode
            )
        all_rows = self._all_rows[self.mode]
        self._row_ids = [
            i
            for i, row in enumerate(all_rows)
            if not self.hidden or any(label not in self.hidden for label in row.labels)
        ]
        self.rows = [all_rows[i] for i in self._row_ids]
        cursor = 0
        if keep_passage is not None:
            for r, row in enumerate(self.rows):
                if keep_passage in row.passages:
                    cursor = r
                    break
                if row.passages[0] > keep_passage and not any(
                    keep_passage in x.passages for x in self.rows[r:]
                ):
                    cursor = r  # the kept text is hidden: land on what follows it
                    break
            else:
                cursor = len(self.rows) - 1 if self.rows else 0
        self.cursor = max(0, cursor)
        self._find_hits()
        self._layout = None
        self._clear_caches()
        self._relayout()
        self.post_message(self.CursorMoved(self, self.cursor))

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not laid out yet; on_resize comes back here
        stacked = width < STACK_BELOW
        if stacked:
            left = right = max(1, width - GUTTER)
        else:
            avail = max(2, width - GUTTER - len(SEPARATOR))
            left = avail // 2
            right = avail - left
        offsets = [0]
        total = 0
        for rid in self._row_ids:
            total += self._row_height(rid, stacked, left, right)
            offsets.append(total)
        self._layout = _Layout(width, stacked, left, right, offsets)
        self._clear_caches()
        self.virtual_size = Size(width, total)
        self._scroll_to_cursor()
        self.refresh()

    def _side_height(self, rid: int, side: Side, width: int) -> int:
        paras = self._side_paras(rid, side)
        if not paras:
            return 1  # placeholder line
        return sum(len(wrap_offsets(text, width)) for text, _ in paras) + len(paras) - 1

    def _row_height(self, rid: int, stacked: bool, left: int, right: int) -> int:
        lh = self._side_height(rid, self.left_side, left)
        rh = self._side_height(rid, self.right_side, right)
        body = lh + 1 + rh if stacked else max(lh, rh)
        return body + 1  # blank line between rows

    def _side_paras(self, rid: int, side: Side) -> list[Para]:
        key = (self.mode, rid, side)
        cached = self._paras.get(key)
        if cached is not None:
            return cached
        assert self.texts is not None
        row = self._all_rows[self.mode][rid]
        out: list[Para] = []
        for runs in self.texts.paragraphs(row, side):
            parts: list[str] = []
            spans: list[tuple[int, int, str]] = []
            pos = 0
            for text, kind in runs:
                clean = escape_reflow(text)
                parts.append(clean)
                if kind != "plain":
                    spans.append((pos, pos + len(clean), kind))
                pos += len(clean)
            out.append(("".join(parts), spans))
        self._paras[key] = out
        return out

    def _find_hits(self) -> None:
        term = self.search.lower()
        if not term:
            self.hits = []
            return
        self.hits = [
            r
            for r, rid in enumerate(self._row_ids)
            if any(
                term in text.lower()
                for side in ("source", "target")
                for text, _ in self._side_paras(rid, side)  # type: ignore[arg-type]
            )
        ]

    def _clear_caches(self) -> None:
        super()._clear_caches()
        self._sides.clear()

    # ---------------------------------------------------------------------------- rendering

    def render_line(self, y: int) -> Strip:
        layout = self._layout
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        if layout is None or not self.rows or line >= layout.offsets[-1]:
            return Strip.blank(width, self.rich_style)
        row = self._row_at_line(line)
        index = line - layout.offsets[row]
        return self._cached_line(row, index, row == self.cursor)

    def _side_lines(self, rid: int, side: Side, width: int) -> list[Strip]:
        """One side of a row, wrapped, without the base style (so the cursor can reuse it)."""
        key = (rid, side, width)
        cached = self._sides.get(key)
        if cached is not None:
            return cached
        paras = self._side_paras(rid, side)
        console = self.app.console
        out: list[Strip] = []
        if not paras:
            assert self.texts is not None
            doc = escape_line(self.names(self.texts.document(side).id))
            # Page furniture a version lacks is not text it dropped: the wire's slug is no
            # paper's to keep, and furniture is never counted as omitted.
            furniture = self._all_rows[self.mode][rid].labels == ("boilerplate",)
            message = (
                f"\u2014 not in {doc} \u2014"
                if side == "source" or not self.texts.dropped or furniture
                else f"\u2014 dropped from {doc} \u2014"
            )
            strip = Strip([Segment(message, self._style("placeholder"))])
            out.append(strip.crop_extend(0, width, None))
        term = self.search.lower()
        match_style = self._style("match")
        for n, (plain, spans) in enumerate(paras):
            if n:
                out.append(Strip.blank(width))
            text = Text(plain, end="", no_wrap=True)
            for a, b, kind in spans:
                text.stylize(self._style(kind), a, b)
            if term:
                low = plain.lower()
                at = low.find(term)
                while at >= 0:
                    text.stylize(match_style, at, at + len(term))
                    at = low.find(term, at + len(term))
            cuts = [start for start, _ in wrap_offsets(plain, width)[1:]]
            for piece in text.divide(cuts):
                piece.rstrip()
                out.append(Strip(piece.render(console)).crop_extend(0, width, None))
        self._sides[key] = out
        return out

    def _gutter(self, row: Row, index: int, is_cursor: bool) -> Strip:
        mark = Segment("\u258c" if is_cursor else " ", self._style("cursor-mark"))
        marks = self.row_marks(row)
        reviewed = False
        if index < len(marks):
            label, reviewed = marks[index]
            letter = Segment(LABEL_LETTERS[label], self._style(f"label-{label}"))
        else:
            letter = Segment(" ")
        moved = Segment("\u2195" if row.moved and index == 0 else " ", self._style("moved"))
        if reviewed:
            # The reviewer's mark sits right after the letter ("E*"); the moved arrow, if
            # any, takes the spare column before the text.
            star = Segment(REVIEWED_MARK, self._style("reviewed"))
            return Strip([mark, letter, star, moved], GUTTER)
        return Strip([mark, letter, moved, Segment(" ")], GUTTER)

    def _build_line(self, row: int, index: int, is_cursor: bool) -> Strip:
        layout = self._layout
        assert layout is not None and self.texts is not None
        rid = self._row_ids[row]
        if index >= layout.offsets[row + 1] - layout.offsets[row] - 1:
            return Strip.blank(layout.width, self.rich_style)  # the gap between rows
        left = self._side_lines(rid, self.left_side, layout.left_width)
        right = self._side_lines(rid, self.right_side, layout.right_width)
        if layout.stacked:
            if index < len(left):
                body = left[index]
            elif index == len(left):
                below = escape_line(self.names(self.texts.document(self.right_side).id))
                body = Strip(
                    [Segment(f"\u2504\u2504 {below} \u2504\u2504", self._style("divider"))]
                ).crop_extend(0, layout.right_width, None)
            elif index - len(left) - 1 < len(right):
                body = right[index - len(left) - 1]
            else:
                body = Strip.blank(layout.right_width)
        else:
            body = Strip.join(
                [
                    left[index] if index < len(left) else Strip.blank(layout.left_width),
                    Strip([Segment(SEPARATOR, self._style("divider"))], len(SEPARATOR)),
                    right[index] if index < len(right) else Strip.blank(layout.right_width),
                ]
            )
        base = self.rich_style
        if is_cursor:
            base = base + self._style("cursor")
        line = Strip.join([self._gutter(self.rows[row], index, is_cursor), body])
        # Segment styles sit on top of the base, so words keep their marks on the cursor row.
        return line.apply_style(base).crop_extend(0, layout.width, base)
