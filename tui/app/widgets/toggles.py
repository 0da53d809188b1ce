"""A tick box and a radio button whose mark is drawn only when on.

Textual's draw their mark ("X", "●") in both states and tell them apart by colour alone:
in black and white, to a colour-blind reader or on a terminal without colour, every option
in the exclusions and export dialogs read as chosen."""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class _MarkedWhenOn:
    """Mixed into a toggle button: its inner mark follows its value."""

    MARK: str = ""

    def on_mount(self) -> None:
        self._show_mark()

    def watch_value(self) -> None:
        super().watch_value()  # type: ignore[misc]
        self._show_mark()

    def _show_mark(self) -> None:
        self.BUTTON_INNER = self.MARK if self.value else " "  # type: ignore[attr-defined]
        self.refresh()  # type: ignore[attr-defined]


class MarkedCheckbox(_MarkedWhenOn, Checkbox):
    MARK = Checkbox.BUTTON_INNER


class MarkedRadioButton(_MarkedWhenOn, RadioButton):
    MARK = RadioButton.BUTTON_INNER
