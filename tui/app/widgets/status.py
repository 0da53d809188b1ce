"""A one-line bar whose text changes on every key press.

``Static.update`` asks for a layout pass of the whole screen each time; this line has a fixed
height, so a plain repaint is enough, which keeps cursor movement cheap.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    @property
    def text(self) -> Text:
        return self._text

    def set_text(self, text: Text) -> None:
        """Show ``text``; build it from sanitised strings, it is drawn as is (never markup)."""
        text.no_wrap = True
        text.overflow = "ellipsis"
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text
