"""Evidence text whose wrapped lines hang under their own indent.

The detail screens are lines of evidence ("  26 [3,848–3,927] the sentence…", "  at
characters …", a word diff); wrapped by Rich, a long one continues at the left edge, under
the sentence numbers, and a reader cannot tell where one sentence ends and the next begins.
Here each line is kept apart and wraps under its text: under its leading spaces, or under
the point ``hang`` marked (after a sentence's number and offsets).
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.style import StyleType
from rich.text import Text

# A line keeps at least this many cells for its text; on a narrower screen it hangs less.
MIN_TEXT = 20


class HangingLine:
    """One line of text whose continuation lines start ``hang`` cells in."""

    def __init__(self, text: Text, hang: int) -> None:
        self.text = text
        self.hang = hang  # a character offset into ``text``

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        head, body = self.text.divide([self.hang]) if self.hang else (Text(), self.text)
        indent = min(head.cell_len, max(0, width - MIN_TEXT))
        if head.cell_len > indent:  # too narrow to hang under the text: wrap it all
            head, body, indent = Text(), self.text, 0
        lines = body.wrap(console, max(1, width - indent), overflow="fold")
        out = Text(end="")
        for k, line in enumerate(lines):
            if k:
                out.append("\n" + " " * indent)
            else:
                out.append_text(head)
            line.rstrip()
            out.append_text(line)
        out.end = "\n"
        yield out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


class Evidence:
    """Text built as with ``Text.append``; each line wraps under its indent."""

    def __init__(self) -> None:
        self._done: list[HangingLine] = []
        self._line = Text(end="")
        self._hang: int | None = None

    def append(self, text: str, style: StyleType = "") -> None:
        first, *rest = text.split("\n")
        self._line.append(first, style)
        for piece in rest:
            self._end_line()
            self._line.append(piece, style)

    def hang(self) -> None:
        """Wrapped lines of the current line continue under what is appended next."""
        self._hang = len(self._line.plain)

    def _end_line(self) -> None:
        plain = self._line.plain
        hang = self._hang if self._hang is not None else len(plain) - len(plain.lstrip(" "))
        self._done.append(HangingLine(self._line, hang))
        self._line, self._hang = Text(end=""), None

    def renderable(self) -> HangingLines:
        lines = list(self._done)
        if self._line.plain:
            lines.append(HangingLine(self._line, 0))
        return HangingLines(lines)


class HangingLines(Group):
    """The lines, rendered one under another, with their text as one string (what a list
    searches and a test reads)."""

    def __init__(self, lines: list[HangingLine]) -> None:
        super().__init__(*lines)
        self.plain = "\n".join(line.text.plain for line in lines)
