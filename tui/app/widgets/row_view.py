"""The machinery the Line-API row views share: a cursor over rows of varying height.

``AlignedView`` and ``FamilyView`` each keep ``_layout.offsets`` (the first virtual line of
each row, plus the total at the end) and build their own lines; this base moves the cursor,
keeps it on screen, repaints the rows it leaves and enters, and caches finished lines keyed
(row, line, is cursor) so moving the cursor never rebuilds more than two rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import ClassVar, Protocol

from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.widgets.styles import component_style


class RowLayout(Protocol):
    width: int
    offsets: list[int]  # first virtual line of each row, plus the total at the end


class RowMessage(Message):
    """A message about one row of a row view; each view subclasses the concrete ones, so a
    handler for ``AlignedView.CursorMoved`` never sees a ``FamilyView``'s."""

    def __init__(self, view: RowView, row: int) -> None:
        super().__init__()
        self.view = view
        self.row = row


class RowView(ScrollView, can_focus=True):
    """A cursor over ``row_count`` rows laid out by ``_layout.offsets``.

    Subclasses set ``COMPONENT_PREFIX``, ``HEADER`` (lines pinned above the rows), keep
    ``_layout`` up to date, and implement ``row_count``, ``_relayout`` and ``_build_line``.
    """

    COMPONENT_PREFIX: ClassVar[str] = ""
    HEADER: ClassVar[int] = 0

    class CursorMoved(RowMessage):
        """The highlighted row changed (or the rows did): screens update their status."""

    class Selected(RowMessage):
        """Enter or a double click on a row: the screen opens its detail."""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.cursor = 0
        self._layout: RowLayout | None = None
        self._lines: LRUCache[tuple[int, int, bool], Strip] = LRUCache(4096)
        self._styles: dict[str, Style] = {}

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def _relayout(self) -> None:
        raise NotImplementedError

    def _build_line(self, row: int, index: int, is_cursor: bool) -> Strip:
        raise NotImplementedError

    # ----------------------------------------------------------------------------- cursor

    def move_to(self, row: int) -> None:
        if not self.row_count:
            return
        row = max(0, min(row, self.row_count - 1))
        old, self.cursor = self.cursor, row
        if old != row:
            self._refresh_row(old)
            self._refresh_row(row)
        self._scroll_to_cursor()
        self.post_message(self.CursorMoved(self, row))

    def _move_to_next(self, step: int, wanted: Callable[[int], bool]) -> bool:
        """Move to the next (step=1) or previous (-1) row that is ``wanted``."""
        i = self.cursor + step
        while 0 <= i < self.row_count:
            if wanted(i):
                self.move_to(i)
                return True
            i += step
        return False

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_page_down(self) -> None:
        if not self.row_count or self._layout is None:
            return
        line = self._layout.offsets[self.cursor] + self._page()
        self.move_to(max(self._row_at_line(line), self.cursor + 1))

    def action_page_up(self) -> None:
        if not self.row_count or self._layout is None:
            return
        line = max(0, self._layout.offsets[self.cursor] - self._page())
        self.move_to(min(self._row_at_line(line), self.cursor - 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.row_count - 1)

    def action_select(self) -> None:
        if self.row_count:
            self.post_message(self.Selected(self, self.cursor))

    async def _on_click(self, event: events.Click) -> None:
        layout = self._layout
        if layout is None or not self.row_count or event.y < self.HEADER:
            return
        line = event.y - self.HEADER + self.scroll_offset.y
        if line >= layout.offsets[-1]:
            return
        self.move_to(self._row_at_line(line))
        if event.chain >= 2:
            self.action_select()

    # ----------------------------------------------------------------------------- layout

    def _body_height(self) -> int:
        """Lines of rows on screen, for keeping the cursor in view."""
        return self.scrollable_content_region.height

    def _page(self) -> int:
        return max(1, self._body_height())

    def _row_at_line(self, line: int) -> int:
        assert self._layout is not None
        row = bisect.bisect_right(self._layout.offsets, line) - 1
        return max(0, min(self.row_count - 1, row))

    def _scroll_to_cursor(self) -> None:
        layout = self._layout
        if layout is None or not self.row_count:
            return
        top = layout.offsets[self.cursor]
        bottom = layout.offsets[self.cursor + 1] - 1  # last line is the blank separator
        height = self._body_height()
        y = self.scroll_offset.y
        if top < y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > y + height:
            self.scroll_to(y=min(top, bottom - height), animate=False, immediate=True)

    def _clear_caches(self) -> None:
        self._lines.clear()

    def _refresh_row(self, row: int) -> None:
        layout = self._layout
        if layout is None or not 0 <= row < self.row_count:
            return
        # Virtual lines: the body starts below any pinned header.
        top = layout.offsets[row]
        self.refresh_lines(top + self.HEADER, layout.offsets[row + 1] - top)

    def on_resize(self, event: events.Resize) -> None:
        if self._layout is None or self._layout.width != self.scrollable_content_region.width:
            self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._clear_caches()

    # -------------------------------------------------------------------------- rendering

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = component_style(self, f"{self.COMPONENT_PREFIX}--{name}")
            self._styles[name] = style
        return style

    def _cached_line(self, row: int, index: int, is_cursor: bool) -> Strip:
        key = (row, index, is_cursor)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._build_line(row, index, is_cursor)
            self._lines[key] = strip
        return strip
