"""Moving around the explorer: views that switch, keys from one table, names that fit,
and lists that lead to the evidence. Much of it on the ten-version family (long names)."""

from __future__ import annotations

import inspect
import re

import pytest
from textual.command import CommandPalette
from textual.widgets import Button, Input

from tui.app.app import REVIEWER_REASON, StoryTraceApp
from tui.app.keys import KEYS, SECTIONS, help_sections
from tui.app.locate import (
    Location,
    family_location,
    insert_location,
    omission_location,
    swap_location,
)
from tui.app.screens.audit import AuditList, AuditScreen, inserts_of, omissions_of
from tui.app.screens.export import ExportScreen
from tui.app.screens.families import FamilyScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.lexicon import LexiconScreen, LexiconTable
from tui.app.screens.overview import OverviewScreen
from tui.app.screens.side_by_side import SideBySideScreen
from tui.app.widgets.aligned_view import AlignedView
from tui.app.widgets.derivation import DerivationTree
from tui.app.widgets.family_view import SEPARATOR, FamilyView
from tui.app.widgets.key_footer import KeyFooter
from tui.app.widgets.scroll_body import ScrollBody
from tui.app.widgets.version_table import VersionTable
from tui.core.engine import compare_paths
from tui.core.model import Report
from tui.sample_family import PREFIX

from .conftest import REPO
from .test_app_support import screen_text, seeds_app, settle

WIDE, NARROW = (160, 40), (80, 24)


def family_app(paths: list[str], report: Report) -> StoryTraceApp:
    return StoryTraceApp(paths, report=report)


def footer(app: StoryTraceApp) -> str:
    return screen_text(app).splitlines()[-1]


def short(doc_id: str) -> str:
    return doc_id.removeprefix(PREFIX)


# --------------------------------------------------------------------------- the app state


async def test_an_app_built_from_a_report_shows_it_without_aligning(
    family_paths: list[str], family_report: Report
) -> None:
    app = family_app(family_paths, family_report)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.report is family_report
        assert not [w for w in app.workers if w.group == "align"]
        assert app.screen.query_one(VersionTable).row_count == 10


async def test_a_re_alignment_reaches_every_view_and_says_who_chose(
    family_paths: list[str], family_report: Report
) -> None:
    app = family_app(family_paths, family_report)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("f")  # families built now, against the first report
        await pilot.press("escape", "j", "r")
        await settle(pilot)
        new = app.report
        assert new is not family_report and new.reference == family_report.comparisons[1].target
        assert new.reference_reason == REVIEWER_REASON
        text = screen_text(app)
        assert "chosen by the reviewer" in text and "--reference" not in text
        await pilot.press("f")
        assert app.screen.query_one(FamilyView).report is new


# ------------------------------------------------------------------------------ navigation


async def test_jk_and_g_move_on_the_overview_and_in_help() -> None:
    app = seeds_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(VersionTable)
        start = table.cursor_row
        await pilot.press("j", "j")
        assert table.cursor_row == start + 2
        await pilot.press("k")
        assert table.cursor_row == start + 1
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one(ScrollBody)
        await pilot.press("j", "j", "j")
        assert body.scroll_y == 3
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 3
        await pilot.press("k", "g")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_top_level_views_switch_and_one_escape_returns() -> None:
    app = seeds_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        for key in "fxfxfxi":
            await pilot.press(key)
            assert len(app.screen_stack) == 1
        assert isinstance(app.screen, AuditScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)
        # A view keeps its place: the families cursor is where it was left.
        await pilot.press("f", "j", "j")
        view = app.screen.query_one(FamilyView)
        await pilot.press("x", "f")
        assert app.screen.query_one(FamilyView) is view and view.cursor == 2
        # The detail stacks on a view, and the view keys wait until it is closed.
        await pilot.press("escape", "enter", "enter")
        assert len(app.screen_stack) == 2
        await pilot.press("f")
        assert len(app.screen_stack) == 2
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, OverviewScreen)


async def test_the_important_keys_fit_the_footer_at_80_and_160_columns() -> None:
    for size, keys in (
        (NARROW, ["? help", "esc back", "detail", "change", "search"]),
        (WIDE, ["? help", "esc back", "search", "e export", "f families", "x swaps", "i inserts"]),
    ):
        app = seeds_app()
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            line = footer(app)
            assert all(key in line for key in keys), (size, line)
            assert "^p palette" in line


async def test_a_click_on_a_footer_hint_presses_its_key() -> None:
    app = seeds_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        line = footer(app)
        await pilot.click(KeyFooter, offset=(line.index("/ search"), 0))
        await pilot.pause()
        assert app.screen.query_one("#search", Input).has_focus
        await pilot.press("escape")
        await pilot.click(KeyFooter, offset=(line.index("^p"), 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_the_export_dialog_fits_80_by_24() -> None:
    app = seeds_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        screen = app.screen.region
        for widget in (app.screen.query_one("#export-path", Input), app.screen.query_one(Button)):
            assert screen.contains_region(widget.region), widget


# --------------------------------------------------------------------------------- names


async def test_ten_long_names_are_told_apart_everywhere(
    family_paths: list[str], family_report: Report
) -> None:
    app = family_app(family_paths, family_report)
    papers = sorted(short(d.id) for d in family_report.documents)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(VersionTable)
        column = list(table.columns).index(next(k for k in table.columns if k.value == "version"))
        shown = sorted(table.get_row_at(r)[column].plain for r in range(table.row_count))
        assert shown == papers
        tree = app.screen.query_one(DerivationTree).text.plain
        assert PREFIX not in "".join(line for line in tree.splitlines()[:12])
        await pilot.press("enter")
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        comparison = family_report.comparisons[0]
        assert f"reference {short(comparison.source)}" in header
        assert f"version {short(comparison.target)}" in header
        await pilot.press("f")
        view = app.screen.query_one(FamilyView)
        heads = view.render_line(0).text
        await pilot.press("i")
        assert f"Inserts and omissions of {short(comparison.target)}" in screen_text(app)
        await pilot.press("x")
        table = app.screen.query_one(LexiconTable)
        versions = table.get_row_at(0)[5].plain
        pairs = re.sub(r" \+\d+$", "", versions).split(", ")
        assert all(name in papers for pair in pairs for name in pair.split(" \u2192 "))
        assert short(family_report.reference) in table.versions_text(table.entry_at(0))
    names = [n.strip().lstrip("\u2605 ") for n in heads.removeprefix("family").split("\u2502")]
    assert len(set(names)) == len(names) >= 5
    assert all(name in papers for name in names if name)


async def test_family_columns_are_whole_and_move_a_column_at_a_time(
    family_paths: list[str], family_report: Report
) -> None:
    for size in (WIDE, NARROW):
        app = family_app(family_paths, family_report)
        async with app.run_test(size=size) as pilot:
            await pilot.press("f")
            await pilot.pause()
            view = app.screen.query_one(FamilyView)
            layout = view._layout
            assert layout is not None and layout.visible < 10
            for step in range(9):
                await pilot.press("l")
                assert view.column == step + 1
                assert view.scroll_offset.x % layout.pitch == 0
                assert view.scroll_offset.x <= view.max_scroll_x
                # Every name in the header is whole: the names shown are all known ones.
                heads = view.render_line(0).text.removeprefix("family").split(SEPARATOR.strip())
                names = {short(d.id) for d in family_report.documents}
                assert all(h.strip().lstrip("\u2605 ") in names for h in heads if h.strip())
            assert view.scroll_offset.x == view.max_scroll_x  # the last columns in view
            await pilot.press("h")
            assert view.column == 8


async def test_overview_columns_fit_what_they_hold() -> None:
    app = seeds_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        for _ in range(2):
            table = app.screen.query_one(VersionTable)
            for r in range(table.row_count):
                for cell, column in zip(table.get_row_at(r), table.columns.values(), strict=True):
                    width = column.get_render_width(table) - 2 * table.cell_padding
                    assert cell.cell_len <= width, (column.label, cell.plain)
            titles = [d.title for d in app.report.documents if len(d.title) > 40]
            assert titles and all(title in screen_text(app) for title in titles)
            await pilot.press("j", "r")  # a new reference: new counts in the same columns
            await settle(pilot)


# ------------------------------------------------------------------ lists lead to evidence


def _cursor_passages(app: StoryTraceApp) -> tuple[str, tuple[int, ...]]:
    screen = app.screen
    assert isinstance(screen, SideBySideScreen)
    row = screen.query_one(AlignedView).cursor_row
    assert row is not None
    return screen.target, row.passages


async def _enter_lands_on(pilot, where: Location | None) -> Location:  # type: ignore[no-untyped-def]
    """Press enter on a listed item: the side by side shows the located passage."""
    assert where is not None and where.passage is not None
    await pilot.press("enter")
    await pilot.pause()
    target, passages = _cursor_passages(pilot.app)
    assert target == where.target and where.passage in passages
    return where


async def test_enter_on_a_word_swap_an_omission_and_an_insert_opens_its_passage(
    family_paths: list[str], family_report: Report
) -> None:
    app = family_app(family_paths, family_report)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x")
        table = app.screen.query_one(LexiconTable)
        # A swap the reference's comparisons hold (others are between two copies).
        k = next(
            i
            for i in range(2, table.row_count)
            if not swap_location(family_report, table.entry_at(i)).source
        )
        await pilot.press(*["j"] * k)
        entry = table.entry_at(table.cursor_row)
        where = await _enter_lands_on(pilot, swap_location(family_report, entry))
        target = where.target
        subs = family_report.comparison(target).passages[where.passage].substitutions
        swaps = {(s.source, s.target) for s in subs} | {(s.target, s.source) for s in subs}
        assert (entry.source, entry.target) in swaps

        await pilot.press("i")
        audit = app.screen
        assert isinstance(audit, AuditScreen) and audit.doc_id == target
        items = audit.query_one(AuditList)
        for kind, locate in (("omission", omission_location), ("insert", insert_location)):
            k = next(
                i
                for i in range(items.option_count)
                if (items.get_option_at_index(i).id or "").startswith(kind)
            )
            items.highlighted = k
            n = int(items.get_option_at_index(k).id.rsplit("-", 1)[1])
            listed = omissions_of if kind == "omission" else inserts_of
            item = listed(family_report, target)[n]
            where = await _enter_lands_on(pilot, locate(family_report, item))
            comparison = family_report.comparison(where.target)
            passage = comparison.passages[where.passage]
            spans = passage.source_spans if kind == "omission" else passage.target_spans
            own = item.source_spans if kind == "omission" else item.spans
            assert any(a < d and c < b for a, b in spans for c, d in own)
            await pilot.press("i")


async def test_enter_on_a_swap_between_two_copies_opens_those_two_at_it(
    family_paths: list[str], family_report: Report
) -> None:
    """A swap found only between two copies (neither the reference) is shown beside the
    copy it was found against, at its passage: the reference's comparison with either copy
    may not have it at all."""
    reference = family_report.reference
    entries = family_report.provenance.lexicon
    entry = next(e for e in entries if all(w.source != reference for w in e.where))
    app = family_app(family_paths, family_report)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x")
        table = app.screen.query_one(LexiconTable)
        await pilot.press(
            *["j"] * next(i for i in range(table.row_count) if table.entry_at(i) is entry)
        )
        where = swap_location(family_report, entry)
        assert where is not None and where.source and where.source != reference
        await _enter_lands_on(pilot, where)
        shown = app.screen.comparison
        assert (shown.source, shown.target) == (where.source, where.target)
        subs = shown.passages[where.passage].substitutions
        assert (entry.source, entry.target) in {(s.source, s.target) for s in subs}


async def test_enter_on_a_family_opens_the_highlighted_column_at_it(
    family_paths: list[str], family_report: Report
) -> None:
    app = family_app(family_paths, family_report)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("f", "n", "n", "l")
        view = app.screen.query_one(FamilyView)
        family, doc = view.families[view.cursor], view.column_version
        where = family_location(family_report, family, doc)
        assert where is not None and where.target == doc and where.passage is not None
        await pilot.press("enter")
        await pilot.pause()
        target, passages = _cursor_passages(app)
        assert target == doc and where.passage in passages
        variant = next((v for v in family.variants if v.doc == doc), None)
        passage = family_report.comparison(doc).passages[where.passage]
        if variant is not None:
            assert set(passage.target_sentences) & set(variant.sentences)
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)


async def test_p_opens_a_tree_edge_between_two_copies(
    family_paths: list[str], family_report: Report
) -> None:
    tree = family_report.provenance.tree
    edge = next(
        e
        for e in tree.edges
        if not e.parent.startswith("~") and family_report.reference not in (e.parent, e.child)
    )
    app = family_app(family_paths, family_report)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.screen.query_one(VersionTable).select_id(edge.child)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SideBySideScreen)
        assert screen.pair is not None
        assert (screen.pair.source, screen.pair.target) == (edge.parent, edge.child)
        # The very alignment the tree and the word swaps were read from: a swap between
        # these two opens the same screen, verdict and all.
        assert screen.pair is family_report.related_comparison(edge.parent, edge.child)
        assert f"source {short(edge.parent)}" in screen_text(app)
        assert app.report is family_report  # the report itself is unchanged
        await pilot.press("tab")  # back to the versions compared with the reference
        assert screen.pair is None and screen.target == edge.child


# ------------------------------------------------------------------------- the key table


def test_every_action_has_a_key_with_an_id_a_title_and_a_help_line() -> None:
    ours = [
        cls
        for module in list(_app_modules())
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == module.__name__
    ]
    actions = {
        name.removeprefix("action_")
        for cls in ours
        for name, _ in inspect.getmembers(cls, inspect.isfunction)
        if name.startswith("action_") and name in cls.__dict__
    }
    bound = {key.action.split("(")[0].removeprefix("app.") for key in KEYS.values()}
    assert actions <= bound, actions - bound
    in_help = {key.id for _, keys in help_sections() for key in keys}
    assert set(KEYS) == in_help
    assert all(key.title for key in KEYS.values())
    for section in SECTIONS.values():
        assert all(key.binding().id == key.id for key in section)


def _app_modules():  # type: ignore[no-untyped-def]
    import importlib
    import pkgutil

    import tui.app

    for info in pkgutil.walk_packages(tui.app.__path__, "tui.app."):
        yield importlib.import_module(info.name)


async def test_the_palette_lists_each_key_once_by_its_title() -> None:
    app = seeds_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("f")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Side by side", "Family detail", "Next disagreement", "Word swaps"):
            assert titles.count(title) == 1, title
        assert "Families" not in titles  # already shown: its key is off here


@pytest.mark.parametrize("screen", [HelpScreen, FamilyScreen, LexiconScreen])
def test_screens_bind_from_the_table(screen: type) -> None:
    ids = {b.id for b in screen.BINDINGS}
    assert ids and ids <= set(KEYS)


def test_the_help_screen_reads_the_table_not_the_screens() -> None:
    source = inspect.getsource(inspect.getmodule(HelpScreen))
    assert "tui.app.screens." not in source.replace("tui.app.screens.view", "")


async def test_n_skips_dropped_agency_furniture_to_the_first_change_to_the_story() -> None:
    """The wire's rule lines and slug, which a paper drops, are boilerplate rows: ``n``
    stopped on each before reaching any change a reader looks for."""
    news = REPO / "benchmarks" / "data" / "news" / "f01-courts-fraud"
    paths = sorted(str(p) for p in news.glob("*.txt"))
    app = StoryTraceApp(paths, report=compare_paths(paths, reference="wire"))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.open_side_by_side("12.03.26_courts114_sun")
        await settle(pilot)
        view = app.screen.query_one(AlignedView)
        labels = [row.labels for row in view.rows]
        assert any("boilerplate" in ls and set(ls) <= {"boilerplate"} for ls in labels)
        for _ in range(4):
            await pilot.press("n")
            await pilot.pause()
            row = view.cursor_row
            assert row is not None and set(row.labels) - {"verbatim", "boilerplate"}, row


async def test_dialog_options_show_their_mark_only_when_chosen(
    family_paths: list[str], family_report: Report
) -> None:
    """Textual's tick boxes and radio buttons draw their mark either way and differ by colour
    alone: every option read as chosen without colour. Now an option off shows no mark."""
    app = family_app(family_paths, family_report)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("E")
        await pilot.pause()
        text = screen_text(app)
        # Quotations are left out by default (ticked); copied furniture is counted (not).
        assert "\u2590X\u258c shared quotations" in text, text
        assert "\u2590 \u258c copied page furniture" in text, text
        await pilot.press("escape", "e")
        await pilot.pause()
        marks = [line for line in screen_text(app).splitlines() if "\u2590" in line]
        # One format and one scope chosen, each column's other options unmarked.
        assert sum(line.count("\u2590\u25cf\u258c") for line in marks) == 2
        assert any("\u2590 \u258c" in line for line in marks)
