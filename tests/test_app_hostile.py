"""Document text is hostile: markup, escapes and bidi controls must show literally."""

from __future__ import annotations

from pathlib import Path

from tui.app.app import StoryTraceApp
from tui.app.screens.detail import DetailScreen

from .test_app_support import open_side_by_side, screen_text, settle, view_text

HOSTILE = (
    "[bold red]Breaking[/] news \x1b[31mred alert\x1b[0m from the council today.\n\n"
    "Click \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\ to read the \u202eevil\u202c report "
    "on the budget.\n\n"
    "The mayor said\tthe vote\x00 was [link=http://x]fair[/link] and final.\n"
)
COPY = HOSTILE.replace("council", "city council").replace("final", "binding")


def _strings_sent(app: StoryTraceApp) -> str:
    return "".join(seg.text for strip in app.screen._compositor.render_strips() for seg in strip)


async def test_hostile_text_displays_literally(tmp_path: Path) -> None:
    a = tmp_path / "[b]original[i].txt"
    b = tmp_path / "copy\x1b[2J.txt"
    a.write_text(HOSTILE, encoding="utf-8")
    b.write_text(COPY, encoding="utf-8")
    app = StoryTraceApp([str(a), str(b)], reference=str(a))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        overview = screen_text(app)
        view = await open_side_by_side(pilot, ["v"])
        text = view_text(view)
        for literal in (
            "[bold red]Breaking[/]",
            "\u241b[31mred alert\u241b[0m",
            "\u241b]8;;http://x\u241b\\here",
            "<U+202E>evil<U+202C>",
            "vote\u2400",
            "[link=http://x]fair[/link]",
            "said  the",  # the tab, expanded to the next stop
        ):
            assert literal in text, literal
        assert "[b]original[i]" in overview
        assert "copy\u241b[2J" in screen_text(app)
        sent = _strings_sent(app)
        for bad in ("\x1b", "\x00", "\u202e", "\u202c", "\t"):
            assert bad not in sent, repr(bad)
        # The evidence screen shows the same literal text.
        view.move_to(0)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        detail = _strings_sent(app)
        assert "[bold red]Breaking[/]" in detail and "\u241b[31m" in detail
        assert "\x1b" not in detail and "\u202e" not in detail


async def test_files_left_out_stay_listed_on_the_overview(tmp_path: Path) -> None:
    """An empty file, a binary one and a missing path are left out with a warning each: a
    toast shows it for seconds, so the overview keeps the list."""
    from tui.app.screens.overview import OTHER_WARNINGS

    from .conftest import seed_paths

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    paths = [*seed_paths()[:2], str(tmp_path / "empty.txt"), str(tmp_path / "photo.txt")]
    app = StoryTraceApp([*paths, str(tmp_path / "missing.txt")])
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        assert app.report is not None and len(app.report.documents) == 2
        text = " ".join(screen_text(app).split())
        assert f"{OTHER_WARNINGS}:" in text
        for name in ("empty.txt", "photo.txt", "missing.txt"):
            assert name in text, name
