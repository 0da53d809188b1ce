"""The key hints at the bottom of every screen, drawn as one line of text.

Textual's ``Footer`` is a widget per key, rebuilt (and restyled) whenever the focus or the
bindings change: half the cost of opening a view. Here the line is a ``Text`` built from the
screen's active bindings when it is drawn, in their order (the focused widget's, the
screen's, the app's), a group's keys sharing one label ("n N change"), what does not fit
cut at the right, and the palette key always at the right edge. A click on a hint presses
its key.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from tui.app.widgets.styles import component_style

GAP = " "


class KeyFooter(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--disabled",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        width: 1fr;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .key-footer--key { color: $footer-key-foreground; text-style: bold; }
        & > .key-footer--description { color: $footer-description-foreground; }
        & > .key-footer--disabled { text-style: dim; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spots: list[tuple[int, int, str]] = []  # (start, end, key) per hint

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def _hints(self) -> tuple[list[tuple[list[Binding], str, bool]], Binding | None]:
        """(keys, label, enabled) per hint in order, and the palette's binding."""
        active = self.screen.active_bindings
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        hints: list[tuple[list[Binding], str, bool]] = []
        seen: set[str] = set()
        for _, binding, enabled, _ in active.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)  # one hint per action, under its first key
            group = binding.group
            if group is not None and hints and hints[-1][0][0].group == group:
                hints[-1][0].append(binding)
            else:
                label = group.description if group is not None else binding.description
                hints.append(([binding], label, enabled))
        if palette is None or not self.app.ENABLE_COMMAND_PALETTE:
            return hints, None
        return hints, palette.binding

    def render(self) -> Text:
        key_style = component_style(self, "key-footer--key")
        description = component_style(self, "key-footer--description")
        disabled = component_style(self, "key-footer--disabled")
        hints, palette = self._hints()
        width = self.size.width
        tail = Text()
        if palette is not None:
            tail.append("\u2502 ", style=description)
            tail.append(self.app.get_key_display(palette), style=key_style)
            tail.append(f" {palette.description} ", style=description)
        room = max(0, width - tail.cell_len)
        line = Text(" ", no_wrap=True, end="")
        self._spots = []
        for bindings, label, enabled in hints:
            piece = Text()
            for binding in bindings:
                piece.append(self.app.get_key_display(binding), style=key_style)
                piece.append(" ")
            piece.append(label, style=description)
            if not enabled:
                piece.stylize(disabled)
            if line.cell_len + piece.cell_len > room:
                break
            start = line.cell_len
            line.append_text(piece)
            self._spots.append((start, line.cell_len, bindings[0].key))
            line.append(GAP)
        line.truncate(room, pad=True)
        if palette is not None:
            self._spots.append((room, width, palette.key))
        line.append_text(tail)
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spots:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
