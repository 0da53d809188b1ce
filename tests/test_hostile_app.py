"""Hostile input in the explorer: bad files become warnings, hostile text shows literally.

``test_app_hostile.py`` already covers Rich markup, ANSI colour and OSC 8 escapes, one bidi
override, a NUL and a tab in compared text, and markup/escapes in file names. This file adds a
folder mixing good versions with every kind of bad file, and the control characters and scripts
not covered there (screen clears, C1 CSI, lone CR, BEL, DEL, NEL, line separators, isolates,
zero-width marks, combining marks, emoji, Hebrew and Arabic).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tui.app.app import StoryTraceApp
from tui.app.widgets.version_table import VersionTable
from tui.core.escaping import escape_line, escape_reflow

from .conftest import SEEDS
from .test_app_support import open_side_by_side, screen_text, settle, view_text

SIZE = (160, 50)
SEED_A = SEEDS / "000_dcce54c3826141f5.txt"
SEED_B = SEEDS / "003_bdfd22743b811459.txt"
# Characters that must never reach the terminal as they are.
RAW = ("\x1b", "\x9b", "\x00", "\x07", "\x7f", "\x85", "\r", "\u202e", "\u2066", "\u2028")


def _sent(app: StoryTraceApp) -> str:
    """Every string the screen would write to the terminal."""
    return "".join(seg.text for strip in app.screen._compositor.render_strips() for seg in strip)


def _assert_nothing_raw(app: StoryTraceApp) -> None:
    sent = _sent(app)
    for ch in RAW:
        assert ch not in sent, repr(ch)


async def test_folder_with_bad_files_warns_and_lists_the_good_versions(tmp_path: Path) -> None:
    shutil.copy(SEED_A, tmp_path)
    shutil.copy(SEED_B, tmp_path)
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as fh:  # not a UTF-8 file name
        fh.write((SEEDS / "001_31fc123e83c1cc46.txt").read_bytes())
    (tmp_path / "blob.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4)
    (tmp_path / "cut.txt").write_bytes("Café: ".encode() + SEED_A.read_bytes() + b"\xc3")
    (tmp_path / "nuls.txt").write_bytes(b"Some text\x00" * 200)
    (tmp_path / "empty\x1b[2J\u202e\n.txt").write_bytes(b"")
    os.symlink("nowhere.txt", tmp_path / "dangling.txt")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # the app must not block opening it
    bad = ["blob.txt", "cut.txt", "dangling.txt", "empty", "loop.txt", "nuls.txt", "pipe.txt"]

    app = StoryTraceApp([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.error is None
        assert app.report is not None
        ids = sorted(d.id for d in app.report.documents)
        assert ids == sorted([SEED_A.stem, SEED_B.stem, "caf<0xE9>"])
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == len(bad)
        for note, name in zip(warnings, bad, strict=True):
            assert name in note.message and not note.markup
            assert note.message.isprintable(), repr(note.message)
        assert "empty\u241b[2J<U+202E>\u2424.txt: empty file" in warnings[3].message
        table = app.screen.query_one(VersionTable)
        assert table.row_count == len(ids)
        text = screen_text(app)
        for doc_id in ids:
            assert doc_id in text, doc_id
        _assert_nothing_raw(app)


HOSTILE = (
    "Breaking\x1b[2J\x1b[H news [b]today[/b] from the council chamber in the city.\n\n"
    "A C1 \x9b31m CSI, a lone\rreturn, a bell\x07, a DEL\x7f and a NUL\x00 in the text.\n\n"
    "Next\x85line, a line\u2028separator and an \u2066isolate\u2069 in the budget report.\n\n"
    "The \u202eevil\u202c override, zero\u200bwidth marks, cafe\u0301 and emoji \U0001f600 "
    "from the mayor.\n\n"
    "Hebrew \u05e9\u05dc\u05d5\u05dd and Arabic \u0645\u0631\u062d\u0628\u0627 greetings "
    "close the meeting.\n"
)
COPY = HOSTILE.replace("council chamber", "chamber").replace("mayor", "new mayor")


async def test_hostile_text_renders_literally(tmp_path: Path) -> None:
    a = tmp_path / "original.txt"
    b = tmp_path / "copy.txt"
    a.write_text(HOSTILE, encoding="utf-8")
    b.write_text(COPY, encoding="utf-8")
    app = StoryTraceApp([str(a), str(b)], reference=str(a))
    async with app.run_test(size=SIZE) as pilot:
        _assert_nothing_raw(app)
        view = await open_side_by_side(pilot, ["v"])
        text = view_text(view)
        for literal in (
            "Breaking\u241b[2J\u241b[H news [b]today[/b]",
            "<U+009B>31m CSI, a lone",
            # A lone CR, NEL and U+2028 end a line for the segmenter (old Mac files), so
            # they split rows rather than being pictured; either way they never reach the
            # terminal.
            "return, a bell\u2407",
            "line, a line",
            "separator and an",
            "DEL\u2421",
            "NUL\u2400",
            "<U+2066>isolate<U+2069>",
            "<U+202E>evil<U+202C>",
            "cafe\u0301",
            "\U0001f600",
            "\u05e9\u05dc\u05d5\u05dd",
            "\u0645\u0631\u062d\u0628\u0627",
        ):
            assert literal in text, literal
        _assert_nothing_raw(app)


def test_escaping_never_passes_an_unencodable_character() -> None:
    # Lone surrogates come from file names that are not UTF-8; the terminal cannot take them.
    for text in ("caf\udce9.txt", "\ud800 high", "low \udfff", HOSTILE):
        out = escape_reflow(text)
        out.encode("utf-8")  # strict
        assert escape_line(text).isprintable()
    assert escape_line("caf\udce9.txt") == "caf<0xE9>.txt"
