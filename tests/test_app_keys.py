"""Every screen and key of the explorer, driven through the Pilot on the seeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Static

from tui.app.app import StoryTraceApp
from tui.app.screens.detail import DetailScreen
from tui.app.screens.help import HelpScreen, binding_sections
from tui.app.screens.overview import OverviewScreen
from tui.app.screens.side_by_side import SideBySideScreen
from tui.app.widgets.aligned_view import AlignedView
from tui.app.widgets.progress import AlignProgress
from tui.app.widgets.version_table import VersionTable
from tui.core.model import LABEL_LETTERS, LABELS
from tui.core.summary import describe_region, tree_clause

from .conftest import SEEDS, seed_paths
from .test_app_support import open_side_by_side, screen_text, seeds_app, settle, view_text

SIZE = (120, 40)


# ------------------------------------------------------------------------------ overview


async def test_first_screen_appears_before_the_alignment() -> None:
    app = StoryTraceApp(seed_paths())  # from paths: the engine runs in the worker
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, OverviewScreen)
        assert app.report is None  # the worker is still aligning
        assert app.screen.query_one(AlignProgress).has_class("-running")
        await settle(pilot)
        assert app.report is not None
        assert not app.screen.query_one(AlignProgress).has_class("-running")


async def test_overview_lists_versions_and_reference() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(VersionTable)
        assert table.row_count == 5
        report = app.report
        assert report is not None
        text = screen_text(app)
        assert f"Reference {report.reference}" in text
        assert "why this one: " + " ".join(report.reference_reason.split()[:3]) in text
        # The first version is highlighted and its regions are described.
        first = report.comparisons[0]
        assert table.current_id() == first.target
        source, target = report.document(first.source), report.document(first.target)
        # The panel wraps beside the derivation tree: read what it holds, not the screen.
        panel = str(app.screen.query_one("#overview-regions", Static).render())
        for region in first.regions:
            note = tree_clause(report, first)  # "match" where the tree says not "from"
            line = describe_region(source, target, region, first.passages, str, first.verdict, note)
            assert line in panel
        assert f"{first.target}: {first.verdict}" in panel and "█" in text


async def test_tab_moves_between_versions_and_updates_summary() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(VersionTable)
        report = app.report
        assert report is not None
        await pilot.press("tab")
        assert table.current_id() == report.comparisons[1].target
        second = report.comparisons[1]
        assert f"{second.target}: {second.verdict}" in screen_text(app)
        await pilot.press("shift+tab", "shift+tab")
        assert table.current_id() == report.reference


async def test_enter_opens_the_highlighted_version() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SideBySideScreen)
        assert app.report is not None
        assert app.screen.target == app.report.comparisons[1].target
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)


async def test_r_on_overview_makes_the_highlighted_version_the_reference() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.report is not None
        old, new = app.report.reference, app.report.comparisons[0].target
        await pilot.press("r")
        await settle(pilot)
        assert app.report.reference == new
        assert old in {c.target for c in app.report.comparisons}
        assert f"Reference {new}" in screen_text(app)


async def test_a_second_r_cancels_the_first_alignment() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.report is not None
        second = app.report.comparisons[1].target
        await pilot.press("r", "tab", "r")  # the second re-align supersedes the first
        await settle(pilot)
        assert app.report.reference == second
        assert app.progress is None
        assert not app.screen.query_one(AlignProgress).has_class("-running")


# --------------------------------------------------------------------------- side by side


async def test_side_by_side_shows_reference_left_and_version_right() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot)
        assert view.mode == "paragraph"
        assert not view.is_stacked
        text = view_text(view)
        left, right = text.split("\n")[0].split("│")
        assert _first_words(view, 0, "source") in left
        assert _first_words(view, 0, "target") in right
        if view.rows[0].labels == ("omitted",):
            assert f"dropped from {app.screen.target}" in right
        # The cursor mark and the label gutter.
        assert text.split("\n")[0].startswith("▌" + LABEL_LETTERS[view.rows[0].labels[0]])


async def test_jk_arrows_g_and_pages_move_the_cursor() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot)
        await pilot.press("j", "j", "down")
        assert view.cursor == 3
        await pilot.press("k", "up")
        assert view.cursor == 1
        await pilot.press("G")
        assert view.cursor == len(view.rows) - 1
        assert view.scroll_offset.y > 0
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert view.cursor > 1
        await pilot.press("pageup")
        assert view.cursor == 0


async def test_n_and_shift_n_visit_changes() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot, ["v"])  # sentence rows: verbatim ones exist
        assert app.report is not None
        visited = []
        for _ in range(6):
            await pilot.press("n")
            visited.append(view.cursor)
        assert visited == sorted(visited) and len(set(visited)) == 6
        assert all(view.rows[r].changed for r in visited)
        verbatim = [r for r, row in enumerate(view.rows) if not row.changed]
        if not verbatim:
            return  # nothing for n to skip in this version
        start = max(0, verbatim[0] - 1)
        view.move_to(start)
        await pilot.press("n")
        assert view.cursor not in verbatim
        await pilot.press("N")
        assert view.cursor < verbatim[0] or view.rows[view.cursor].changed


async def test_v_toggles_rows_and_keeps_the_same_text() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot)
        paragraph_count = len(view.rows)
        view.move_to(next(r for r, x in enumerate(view.rows) if len(x.passages) > 1))
        await pilot.pause()
        row = view.cursor_row
        assert row is not None and len(row.passages) > 1
        await pilot.press("v")
        assert view.mode == "sentence" and len(view.rows) > paragraph_count
        assert view.cursor_row is not None
        assert view.cursor_row.passages[0] == row.passages[0]
        await pilot.press("j")  # the next sentence of the same paragraph row
        inner = view.cursor_row.passages[0]
        assert inner in row.passages
        await pilot.press("v")
        assert view.mode == "paragraph"
        assert inner in view.cursor_row.passages
        assert "sentence rows" not in screen_text(app)


async def test_number_keys_toggle_labels() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot, ["v"])
        total = len(view.rows)
        omitted = sum(1 for row in view.rows if row.labels == ("omitted",))
        await pilot.press("5")
        assert view.hidden == {"omitted"}
        assert len(view.rows) == total - omitted
        assert all("omitted" not in row.labels for row in view.rows)
        assert "hidden: O" in screen_text(app)
        await pilot.press("4", "2")
        assert view.hidden == {"omitted", "added", "edited"}
        assert all(row.labels[0] not in view.hidden for row in view.rows)
        await pilot.press("5", "4", "2")
        assert len(view.rows) == total
        for n, label in enumerate(LABELS, start=1):
            await pilot.press(str(n))
            assert label in view.hidden
        assert view.rows == []
        assert "no rows" in screen_text(app)


async def test_tab_switches_version() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_side_by_side(pilot)
        screen = app.screen
        assert isinstance(screen, SideBySideScreen) and app.report is not None
        targets = [c.target for c in app.report.comparisons]
        await pilot.press("tab")
        assert screen.target == targets[1]
        assert f"version {targets[1]}" in screen_text(app)
        await pilot.press("shift+tab", "shift+tab")
        assert screen.target == targets[-1]


async def test_r_realigns_against_the_version() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_side_by_side(pilot)
        screen = app.screen
        assert isinstance(screen, SideBySideScreen) and app.report is not None
        old_ref, version = app.report.reference, screen.target
        await pilot.press("r")
        await settle(pilot)
        assert app.report.reference == version
        assert screen.target == old_ref  # the same two texts, roles exchanged
        assert f"reference {version}" in screen_text(app)


async def test_s_swaps_sides() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot)
        first_left = view_text(view).split("\n")[0].split("│")[0]
        await pilot.press("s")
        assert view.swapped
        line = view_text(view).split("\n")[0]
        left, right = line.split("│")
        assert _first_words(view, 0, "target") in left
        assert _first_words(view, 0, "source") in right
        assert "reference" in screen_text(app).split("\n")[0].split("→")[1]
        await pilot.press("s")
        assert view_text(view).split("\n")[0].split("│")[0] == first_left


async def test_search_finds_and_navigates_hits() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot)
        await pilot.press("slash")
        await pilot.press(*"altman", "enter")
        await pilot.pause()
        assert view.search == "altman"
        assert len(view.hits) >= 2
        assert view.cursor == view.hits[0]
        assert all(
            "altman" in (view.side_text(r, "source") + view.side_text(r, "target")).lower()
            for r in view.hits
        )
        await pilot.press("n")
        assert view.cursor == view.hits[1]
        await pilot.press("N")
        assert view.cursor == view.hits[0]
        assert "search “altman”" in screen_text(app)
        await pilot.press("escape")  # clears the search, stays on the screen
        assert view.search == "" and isinstance(app.screen, SideBySideScreen)
        await pilot.press("n")  # back to next change
        assert view.rows[view.cursor].changed


async def test_enter_opens_detail_with_evidence() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot, ["v"])
        edited = next(r for r, row in enumerate(view.rows) if row.labels == ("edited",))
        view.move_to(edited)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        for word in ("[E] edited", "score", "char", "cover_t", "phrase", "Word diff", "at char"):
            assert word in text, word
        await pilot.press("escape")
        assert isinstance(app.screen, SideBySideScreen)


async def test_double_click_opens_detail_and_click_selects() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot)
        assert view._layout is not None
        y = view._layout.offsets[2]
        await pilot.click(AlignedView, offset=(10, y))
        assert view.cursor == 2
        await pilot.click(AlignedView, offset=(10, y), times=2)
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)


async def test_mouse_wheel_scrolls() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot)
        await pilot.mouse_down(AlignedView)
        view.scroll_down(animate=False)
        view.scroll_down(animate=False)
        await pilot.pause()
        assert view.scroll_offset.y > 0


async def test_narrow_terminal_stacks_and_wraps() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 40)) as pilot:
        view = await open_side_by_side(pilot, ["v"])
        assert view.is_stacked
        text = view_text(view)
        assert "│" not in text
        assert f"┄┄ {app.screen.target} ┄┄" in text
        # A long sentence wraps: every one of its words is on screen.
        # Long sentences wrap: every word of the rows on screen is there, none cut off.
        shown = " ".join(text.split())
        for row in range(3):
            sentence = " ".join(view.side_text(row, "source").split())
            assert sentence in shown or not sentence
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert not view.is_stacked and "│" in view_text(view)


async def test_theme_change_repaints() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_side_by_side(pilot)
        before = view.render_line(0)
        app.theme = "textual-light"
        await pilot.pause()
        after = view.render_line(0)
        assert before.text == after.text
        assert list(before) != list(after)  # new colours, not a stale cache


# ------------------------------------------------------------------------- help, palette


async def test_help_lists_every_binding() -> None:
    app = seeds_app()
    async with app.run_test(size=(120, 200)) as pilot:
        await open_side_by_side(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for _, bindings in binding_sections():
            for binding in bindings:
                assert binding.description in text, binding.description
        await pilot.press("escape")
        assert isinstance(app.screen, SideBySideScreen)


async def test_palette_offers_the_screen_actions() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_side_by_side(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for title in (
            "Next change",
            "Swap sides",
            "Search",
            "Show/hide omitted",
            "Export",
            "Relabel",
            "Note",
            "Families",
            "Word swaps",
            "Inserts/omissions",
        ):
            assert title in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Swap sides")
        await command.callback()
        assert app.screen.query_one(AlignedView).swapped


async def test_relabel_and_note_keys_in_the_overview_say_where_they_work() -> None:
    """l and c did nothing in the overview: a reviewer pressing them learnt nothing."""
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("l", "c"):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, OverviewScreen)
            assert app._notifications and "side by side" in list(app._notifications)[-1].message


# ------------------------------------------------------------------ export, bad inputs


async def test_bad_files_warn_and_good_ones_open(tmp_path: Path) -> None:
    for path in seed_paths()[:2]:
        shutil.copy(path, tmp_path)
    (tmp_path / "broken[bold].txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    app = StoryTraceAppFor(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.report is not None and len(app.report.documents) == 2
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert warnings and "broken[bold].txt" in warnings[0].message
        assert not warnings[0].markup


async def test_too_few_documents_show_an_error_not_a_traceback(tmp_path: Path) -> None:
    shutil.copy(seed_paths()[0], tmp_path)
    app = StoryTraceAppFor(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.report is None
        assert app.error and "need at least two" in app.error
        assert "need at least two" in screen_text(app)
        assert any(n.severity == "error" for n in app._notifications)
        await pilot.press("enter", "j", "r", "e")  # nothing to act on: no crash
        assert isinstance(app.screen, OverviewScreen)


def _first_words(view: AlignedView, row: int, side: str) -> str:
    """The start of what a row shows on one side (or its placeholder)."""
    words = view.side_text(row, side).split()[:3]  # type: ignore[arg-type]
    return " ".join(words) if words else "\u2014"


def StoryTraceAppFor(folder: Path):  # noqa: N802 - reads like the class it builds
    from tui.app.app import StoryTraceApp

    return StoryTraceApp([str(folder)])


def test_seeds_folder_is_used() -> None:
    assert SEEDS.is_dir()


@pytest.mark.parametrize("key", ["e", "x", "i", "f", "question_mark"])
async def test_a_key_pressed_after_quit_does_not_fail(key: str) -> None:
    app = seeds_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Typed together, as a paste or fast fingers do: both keys queued before either runs.
        char = "?" if key == "question_mark" else key
        app.post_message(events.Key("q", "q"))
        app.post_message(events.Key(key, char))
        await pilot.pause()
    assert app.return_code == 0


async def test_the_panel_below_the_table_scrolls_from_the_keyboard() -> None:
    """At 80x24 the regions, shares, tree and stale notes below the table get two lines;
    only a mouse wheel reached the rest."""
    app = seeds_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lower = app.screen.query_one("#overview-lower")
        assert lower.max_scroll_y > 0  # more than fits
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert lower.scroll_y > 0
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert lower.scroll_y == 0
