"""A bar whose text changes on every key press.

``Static.update`` asks for a layout pass of the whole screen each time; a one-line bar has a
fixed height, so a plain repaint is enough, which keeps cursor movement cheap. A bar made
with ``wrap=True`` (a view's title, a status naming ten versions) wraps instead of cutting
its text at a narrow width, and asks for a layout pass only when its number of lines
changes (its height is ``auto`` in the app's stylesheet).
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None, wrap: bool = False) -> None:
        super().__init__(id=id)
        self.wrap = wrap
        self._text = Text()
        self._lines = 1

    @property
    def text(self) -> Text:
        return self._text

    def set_text(self, text: Text) -> None:
        """Show ``text``; build it from sanitised strings, it is drawn as is (never markup)."""
        text.no_wrap = not self.wrap
        text.overflow = "fold" if self.wrap else "ellipsis"
        self._text = text
        lines = self._count_lines(self.content_region.width)
        self.refresh(layout=lines != self._lines)
        self._lines = lines

    def _count_lines(self, width: int) -> int:
        if not self.wrap or width <= 0 or not self.is_mounted:
            return 1
        return max(1, len(self._text.wrap(self.app.console, width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._lines = self._count_lines(width)
        return self._lines

    def render(self) -> Text:
        return self._text
