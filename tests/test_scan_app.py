"""The scan's results screen: filters, search, and a hit opened in the explorer's own
side-by-side view; crawled titles never reach the terminal raw."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scan_corpus import article_records, need_news, write_jsonl, write_stories
from tests.test_app_support import screen_text
from tui.app.scan_app import ScanApp
from tui.app.screens.scan_results import ScanResultsScreen, visible_hits
from tui.app.screens.side_by_side import SideBySideScreen
from tui.scan.scan import Scan, load_stories

HOSTILE = "\x1b[31mRED\x1b[0m [bold]not markup[/bold] \u202eevil"


@pytest.fixture
def scanned(tmp_path: Path) -> Scan:
    stories = write_stories(tmp_path)
    records = article_records()
    records[0]["title"] = HOSTILE
    docs, _ = load_stories([str(stories)])
    scan = Scan(docs, [str(write_jsonl(tmp_path / "c.jsonl", records))])
    scan.run()
    return scan


def test_filters_and_orders(scanned: Scan) -> None:
    hits = scanned.result.hits
    wire = visible_hits(hits, "wire", "all", "", "reused")
    assert wire and all(h.story == "wire" for h in wire)
    whole = visible_hits(hits, None, "wholly-derived", "", "reused")
    assert whole and all(h.verdict == "wholly-derived" for h in whole)
    assert [h.article.record for h in visible_hits(hits, None, "all", "TIMES", "reused")] == [
        "times"
    ]
    corpus = visible_hits(hits, None, "all", "", "corpus")
    assert [h.article.ordinal for h in corpus] == sorted(h.article.ordinal for h in corpus)


async def test_enter_opens_the_side_by_side_and_escape_comes_back(scanned: Scan) -> None:
    app = ScanApp(scanned.result, scanned.index.stories)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScanResultsScreen)
        assert len(screen.shown) == len(scanned.result.hits)
        rendered = "".join(
            str(cell)
            for row in range(len(screen.shown))
            for cell in screen.query_one("#scan-hits").get_row_at(row)
        )
        assert "\x1b" not in rendered and "\u202e" not in rendered
        await pilot.press("t")  # first story with hits
        assert {h.story for h in screen.shown} == {screen.stories[0]}
        await pilot.press("escape", "slash", *"sun", "enter")
        await pilot.pause()
        assert [h.article.record for h in screen.shown] == ["sun"]
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, SideBySideScreen):
                break
        assert isinstance(app.screen, SideBySideScreen)
        report = app.report
        assert report is not None and report.reference == "wire"
        assert report.comparisons[0].verdict == "wholly-derived"
        assert "sun" in report.comparisons[0].target
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ScanResultsScreen)


async def test_the_hit_list_moves_with_j_k_g_g_and_offers_no_view_yet(scanned: Scan) -> None:
    """j, k, g and G did nothing on the hit list (every other list takes them); f, x, i
    and e said 'the alignment is still running' where none had started, then (helper-53)
    were offered in the footer though they need a hit opened: they are not offered."""
    app = ScanApp(scanned.result, scanned.index.stories)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#scan-hits")
        assert len(app.screen.shown) >= 2
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("k")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.cursor_row == len(app.screen.shown) - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        footer = screen_text(app).splitlines()[-1]
        assert "sort" in footer and not any(k in footer for k in ("export", "swaps", "families"))
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ScanResultsScreen)
        assert not [n for n in app._notifications if "still running" in n.message]


def test_a_hit_hiding_characters_carries_the_warning_a_loaded_file_does(scanned: Scan) -> None:
    """An article with a bidi control, opened from the hit list, showed no banner and its
    export said 'Warnings: none', though comparing the same file gives the warning."""
    from tui.scan.model import Article, ArticleRef
    from tui.scan.verify import compare_story

    story = scanned.index.stories[0]
    text = "Look \u202eevil\u202c here. " + story.text
    article = Article(ArticleRef(0, 0, "c.jsonl", "rec-1"), text)
    report = compare_story(story, article, scanned.result.settings)
    [warning] = [w for w in report.warnings if "bidi control" in w]
    assert warning.startswith("c.jsonl (rec-1)")


async def test_the_hit_list_at_80_columns_shows_every_figure_and_the_article(
    scanned: Scan,
) -> None:
    """At 80 columns the article and title were off the screen, so no hit said which file it
    was; at 140 the passages cell lost its last count."""
    from rich.text import Text

    from tui.app.screens.scan_results import hit_widths
    from tui.scan.render import label_summary

    for size in ((80, 24), (140, 40)):
        app = ScanApp(scanned.result, scanned.index.stories)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            table = app.screen.query_one("#scan-hits")
            assert table.virtual_size.width <= table.size.width
            cells = [str(c) for c in table.get_row_at(0)]
            assert cells[5] == label_summary(app.screen.shown[0].counts)
            assert "article" in [str(c.label) for c in table.columns.values()]
    # The passages cell is as wide as its longest count, however narrow the screen.
    long = [
        [
            Text(x)
            for x in (
                "1",
                "wire",
                "90%",
                "80%",
                "wholly-derived",
                "V3 E8 P1 A2 O7 B12",
                "a" * 60,
                "t",
            )
        ]
    ]
    assert hit_widths(long, 80)[5] == len("V3 E8 P1 A2 O7 B12")


def test_the_hit_list_fits_columns_with_no_hit_shown() -> None:
    """A search or filter that leaves no hit must still lay the columns out."""
    from tui.app.screens.scan_results import HIT_COLUMNS, hit_widths

    widths = hit_widths([], 80)
    assert len(widths) == len(HIT_COLUMNS) and widths[5] == len("passages")


async def test_a_hit_with_long_file_names_is_the_story_and_the_article(tmp_path: Path) -> None:
    """A dated story file beside a corpus file read 'reference A → version B', lettered for
    names too long to show, with no legend on the side by side (helper-49)."""
    stories = tmp_path / "stories"
    stories.mkdir()
    story = stories / "2026-02-04_lna-courts-harbour_wire-as-filed.txt"
    story.write_text((need_news() / "wire.txt").read_text(encoding="utf-8"), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    copy = corpus / "2026-02-05_regional-daily-archive_harbourmaster-jailed-story.txt"
    copy.write_text((need_news() / "wire.txt").read_text(encoding="utf-8") + "\nMore.\n")
    docs, _ = load_stories([str(stories)])
    scan = Scan(docs, [str(corpus)])
    scan.run()
    assert scan.result.hits
    app = ScanApp(scan.result, scan.index.stories)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, SideBySideScreen):
                break
        await pilot.pause()
        text = screen_text(app)
        assert "reference story" in text and "version article" in text, text[:400]


async def test_the_rank_column_keeps_each_hits_rank_when_sorted(scanned: Scan) -> None:
    """helper-53: '#' was renumbered after sorting or filtering, so it stopped matching the
    rank the table, CSV and JSON give the same hit."""
    app = ScanApp(scanned.result, scanned.index.stories)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#scan-hits")
        ranks = {id(h): k for k, h in enumerate(scanned.result.hits, 1)}
        orders = []
        for _ in range(3):
            await pilot.press("o")
            await pilot.pause()
            shown = [str(table.get_row_at(k)[0]).strip() for k in range(len(screen.shown))]
            assert shown == [str(ranks[id(h)]) for h in screen.shown]
            orders.append(shown)
        assert len({tuple(o) for o in orders}) > 1  # some sort put them in another order


async def test_the_highlighted_hit_is_named_whole_at_80_columns(scanned: Scan) -> None:
    """helper-53: at 80x24 every row's article read '…lan…txt', so no hit told which file it
    was without opening it. The line under the list names the highlighted hit's article."""
    from tui.scan.render import article_name

    app = ScanApp(scanned.result, scanned.index.stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        for row in range(2):
            if row:
                await pilot.press("j")
                await pilot.pause()
            hit = screen.shown[row]
            name = article_name(hit).rsplit("/", 1)[-1]
            line = [x for x in screen_text(app).splitlines() if x.strip().startswith("#")][-1]
            assert name in line and f"#{screen.ranks[id(hit)]} " in line, (line, name)
        screen.search = "no such hit anywhere"  # helper-54: the line outlived the last hit
        screen.refresh_hits()
        await pilot.pause()
        assert not screen.shown and name not in screen_text(app)
