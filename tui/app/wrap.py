"""Greedy word wrap that returns line offsets, not styled lines.

The aligned view needs every row's height before it can size its scroll area, and a 1 MB
story has tens of thousands of sentences: wrapping plain strings here is several times
faster than ``rich.text.Text.wrap``, and the offsets are reused to cut the styled ``Text``
for the few rows actually on screen, so the height and the drawing always agree.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*|\s+")


def _char_cells(text: str) -> list[int]:
    return [cell_len(ch) for ch in text]


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` wrapped to ``width`` cells.

    Spacing after a word stays on its line (so it can overflow and is cropped when drawn);
    a word wider than a line is cut by cells. An empty text is one empty line.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    if text.isascii() and len(text) <= width:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    line_start = 0
    used = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        stripped = word.rstrip()
        word_cells = len(stripped) if stripped.isascii() else cell_len(stripped)
        space_cells = len(word) - len(stripped)
        if used and used + word_cells > width:
            lines.append((line_start, start))
            line_start, used = start, 0
        if word_cells > width:
            # Cut an over-long word (a URL, a run of symbols) into pieces that fit.
            cells = _char_cells(stripped)
            for i, w in enumerate(cells):
                if used + w > width and used:
                    lines.append((line_start, start + i))
                    line_start, used = start + i, 0
                used += w
            used += space_cells
            continue
        used += word_cells + space_cells
    lines.append((line_start, len(text)))
    return lines
