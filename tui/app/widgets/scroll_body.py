"""A scrolling body of text (help, detail, family detail) that j/k/g/G move like the rest."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.containers import VerticalScroll

from tui.app.keys import bindings


class ScrollBody(VerticalScroll):
    BINDINGS: ClassVar[list[BindingType]] = bindings("scroll")
