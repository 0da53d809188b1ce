"""The explorer at 80x24 on the ten-version family (long names): what a small terminal shows
must still be readable and whole, and each cut figure must be given in full somewhere."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app.app import StoryTraceApp
from tui.app.screens.detail import DetailScreen
from tui.app.screens.families import FamilyDetailScreen
from tui.app.screens.lexicon import LexiconTable
from tui.app.widgets.family_view import HEADER, FamilyView
from tui.core.model import Report
from tui.sample_family import PREFIX

from .test_app_support import screen_text, settle

SMALL = (80, 24)
# A sentence line of the detail screen: its number and offsets, then the sentence.
SENTENCE = re.compile(r"^(\s+\d+ \[[\d,]+\u2013[\d,]+\] )\S")


async def pressed(pilot: Pilot, *keys: str) -> None:
    """Once the app has settled, press ``keys`` and let the screen draw."""
    await settle(pilot)
    await pilot.press(*keys)
    await pilot.pause()


def short(doc_id: str) -> str:
    return doc_id.removeprefix(PREFIX)


async def test_word_swaps_keep_a_readable_versions_column_at_80x24(
    family_paths: list[str], family_report: Report
) -> None:
    app = StoryTraceApp(family_paths, report=family_report)
    papers = {short(d.id) for d in family_report.documents}
    async with app.run_test(size=SMALL) as pilot:
        await pressed(pilot, "x")
        table = app.screen.query_one(LexiconTable)
        lines = screen_text(app).splitlines()
        heading = next(line for line in lines if line.lstrip().startswith("from"))
        assert "where" in heading, heading
        # Each row's cell names whole pairs of papers (then how many more), never a letter.
        top = lines.index(heading) + 1
        for line, row in zip(lines[top : top + 10], range(10), strict=True):
            entry = table.entry_at(row)
            assert entry is not None
            cell = line[heading.index("where") :].strip(" \u2581\u2582\u2583\u2585\u2586\u2587")
            if re.fullmatch(r"\d+ pairs?", cell):
                assert int(cell.split()[0]) == len(entry.pairs()), (line, cell)
                continue
            pairs = re.sub(r" \+\d+$", "", cell).split(", ")
            shown = [re.sub(r" \u00d7\d+$", "", pair).split(" \u2192 ") for pair in pairs]
            assert shown and all(a in papers and b in papers for a, b in shown), (line, cell)
            hidden = len(entry.pairs()) - len(shown)
            assert cell.endswith(f"+{hidden}") if hidden else "+" not in cell
        # The status gives the highlighted swap with every pair it is in, "from" side first.
        entry = table.entry_at(table.cursor_row)
        assert entry is not None
        pairs = ", ".join(f"{short(a)} \u2192 {short(b)}" for a, b, _ in entry.pairs())
        assert pairs in " ".join(screen_text(app).split()), pairs


async def test_families_header_and_status_wrap_instead_of_cutting(
    family_paths: list[str], family_report: Report
) -> None:
    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=SMALL) as pilot:
        await pressed(pilot, "f")
        words = " ".join(screen_text(app).split())
        assert "\u25c6 marks each family's original form" in words
        assert "column express" in words
        assert "\u2026" not in words  # nothing ends cut


def box_lines(app: StoryTraceApp) -> list[str]:
    """The lines inside a dialog's rounded box, without the box and its padding."""
    lines = screen_text(app).splitlines()
    top = next(k for k, line in enumerate(lines) if "\u256d" in line)
    bottom = next(k for k, line in enumerate(lines) if "\u2570" in line)
    left, right = lines[top].index("\u256d"), lines[top].index("\u256e")
    return [line[left + 2 : right - 1].rstrip(" \u2581\u2587") for line in lines[top + 1 : bottom]]


def _body(view: FamilyView) -> list[str]:
    height = view.scrollable_content_region.height
    return [view.render_line(y).text for y in range(HEADER, height)]


async def test_the_last_families_fill_the_screen_with_what_is_on_it(
    family_paths: list[str], family_report: Report
) -> None:
    """The last families exist only in a version scrolled out of view at 80 columns: their
    rows are as tall as the cells on screen ("—"), not as the long text off screen, so the
    screen after ``G`` shows families, not a column of empty cells."""
    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=SMALL) as pilot:
        await pressed(pilot, "f", "G")
        view = app.screen.query_one(FamilyView)
        assert view.cursor == len(view.families) - 1
        for _ in range(4):
            body = _body(view)
            numbered = [line for line in body if re.match(r"^.\s*\d+", line)]
            empty = [line for line in body if not line.strip(" \u2502\u258c")]
            # One blank line between families; no line of empty cells beyond that.
            assert len(empty) <= len(numbered) + 1, "\n".join(body)
            assert f"{view.families[view.cursor].id:>4}" in "\n".join(body)
            await pilot.press("k")
        # Sideways to the paper the last families come from: their text is there in full.
        origin = view.families[-1].origin
        await pilot.press("G")
        while view.column_version != origin:
            await pilot.press("l")
        await pilot.pause()
        variant = next(v for v in view.families[-1].variants if v.doc == origin)
        shown = " ".join(_body(view)).split()
        text = " ".join(family_report.document(origin).cut(span) for span in variant.spans)
        assert text.split() and all(word in shown for word in text.split()), shown


async def test_the_detail_screen_wraps_each_sentence_under_its_text(
    family_paths: list[str], family_report: Report
) -> None:
    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=SMALL) as pilot:
        await pressed(pilot, "enter", "j", "j", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        lines = box_lines(app)
        continued = 0
        for k, line in enumerate(lines):
            start = SENTENCE.match(line)
            if not start:
                continue
            indent = len(start.group(1))
            for following in lines[k + 1 :]:
                if SENTENCE.match(following) or not following.strip():
                    break
                # A continuation: blank up to the sentence's own column.
                assert following[:indent].isspace() and following[indent] != " ", following
                continued += 1
        assert continued  # the case this checks: sentences longer than a line


async def test_a_family_detail_wraps_under_its_indent(
    family_paths: list[str], family_report: Report
) -> None:
    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=SMALL) as pilot:
        await pressed(pilot, "f", "j", "d")
        assert isinstance(app.screen, FamilyDetailScreen)
        texts = [line for line in box_lines(app) if line.strip()]
        assert len(texts) > 10
        # The family's title lines at the edge; every line under a version indented, none
        # running back to the edge when it wraps.
        flush = [line for line in texts if not line.startswith(" ")]
        assert [line.split()[0] for line in flush] == ["Family", "not"], flush


async def test_inserts_and_omissions_wrap_each_quotation_under_its_text(
    family_paths: list[str], family_report: Report
) -> None:
    """A long omitted passage continued at the list's margin, under the kind of the next
    item; each wrapped line now hangs inside the quotation it belongs to."""
    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=SMALL) as pilot:
        await pressed(pilot, "j", "j", "i")
        lines = screen_text(app).splitlines()[:-1]  # the footer last
        quoted = [k for k, line in enumerate(lines) if line.startswith("     \u201c")]
        assert quoted, "\n".join(lines)
        wrapped = 0
        for k in quoted:
            for line in lines[k + 1 :]:
                body = line.rstrip(" \u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588\u2590")
                if not body.strip() or body.lstrip().startswith(("[", "from ", "\u201c")):
                    break
                assert body.startswith(" " * 6), line  # under the text, not the margin
                wrapped += 1
        assert wrapped, "\n".join(lines)  # the check saw a quotation run over one line


@pytest.mark.parametrize("size", [(100, 30), (120, 40), (160, 50)])
async def test_the_shares_table_never_cuts_a_share(
    family_paths: list[str], family_report: Report, size: tuple[int, int]
) -> None:
    """Ten versions in a side panel: Rich shrank every column, "1…" for 11% and "6" for a
    cropped 62%. The names give way, then the per cent signs; every share stays whole."""
    from rich.console import Console

    from tui.app.widgets.shares_table import SharesTable

    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one(SharesTable)
        console = Console(width=table.size.width, record=True, file=io.StringIO())
        console.print(table.render())
        lines = console.export_text().splitlines()
    if lines[0].startswith("Who shares what with whom: too narrow here"):
        return  # said so, rather than drawn cut (ten versions beside the list at 100x30)
    n = len(family_report.documents)
    rows = [line for line in lines if re.match(r"\d+ [^\d\s]", line)]
    assert len(rows) == n, lines
    for line in rows:
        cells = line.split()[-n:]
        assert all(re.fullmatch(r"\d{1,3}%?|—", c) for c in cells), line


def test_a_long_title_is_cut_in_its_middle() -> None:
    """Versions of one story share the start of their titles and differ at the end."""
    from rich.text import Text

    from tui.app.widgets.version_table import middle_cut

    title = "34 nations sign first treaty to protect undersea internet cables — Daily Clarion"
    cut = middle_cut(Text(title), 30)
    assert cut.cell_len == 30 and cut.plain.endswith("— Daily Clarion") and "…" in cut.plain
    assert middle_cut(Text("short"), 30).plain == "short"


async def test_long_file_names_fit_the_table_and_are_given_whole_below_it(
    family_paths: list[str], family_report: Report
) -> None:
    """The file column took each whole name, so with newspaper-style names the table ran
    off the screen and scrolled sideways. Names now share what the screen has left with the
    titles, cut in the middle, and the panel under the table gives the highlighted
    version's whole file name."""
    from textual.widgets import Static

    from tui.app.widgets.version_table import VersionTable

    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(VersionTable)
        assert table.virtual_size.width <= table.size.width
        files = [str(table.get_row_at(r)[-2]) for r in range(table.row_count)]
        assert any("\u2026" in name for name in files)
        await pilot.press("down")
        await pilot.pause()
        doc_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        name = Path(family_report.document(doc_id).path).name
        assert PREFIX in name
        panel = str(app.screen.query_one("#overview-regions", Static).render())
        assert f"file: {name}" in panel


async def test_at_80_columns_every_figure_of_the_table_is_whole(
    family_paths: list[str], family_report: Report
) -> None:
    """At 80 columns the table ran past the screen's edge, and the last column seen there
    read as other figures: 2,138 characters as "2,13", 15 omitted passages as "1". The bar
    gives way to its percentage, the file and title columns to the panel, and the names
    are cut in the middle, until the figures fit."""
    from textual.widgets import Static

    from tui.app.widgets.version_table import VersionTable

    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(VersionTable)
        assert table.virtual_size.width <= table.size.width
        keys = [str(key.value) for key in table.columns]
        assert "title" not in keys and "file" not in keys
        ids = [family_report.reference, *(c.target for c in family_report.comparisons)]
        k, doc_id = next((k, i) for k, i in enumerate(ids) if family_report.document(i).title)
        doc = family_report.document(doc_id)
        row = dict(zip(keys, map(str, table.get_row_at(k)), strict=True))
        if "chars" in row:
            assert row["chars"] == f"{len(doc.text):,}"
        if doc_id != family_report.reference:
            assert row["derived"].strip().endswith("%") and "\u2588" not in row["derived"]
        table.move_cursor(row=k)
        await pilot.pause()
        panel = str(app.screen.query_one("#overview-regions", Static).render())
        assert f"title: {doc.title}" in panel and f"{len(doc.text):,} characters" in panel


def test_file_names_sharing_their_start_and_end_stay_apart_when_cut() -> None:
    """f11's scraped pages are all 'scrape-2026-06-12__<site>__stagepass-breach': cut in the
    middle, every name read 'scrape-…s-breach'. The cut keeps what sets each apart."""
    from rich.text import Text

    from tui.app.widgets.version_table import distinct_cut

    sites = ["midlands-fm-news", "cyberdigest", "lna-wire", "connacht-herald"]
    names = [f"scrape-2026-06-12__{site}__stagepass-breach" for site in sites]
    rows = [[Text(n)] for n in names]
    for width in (12, 16, 24):
        cut = [distinct_cut(row[0], rows, 0, width) for row in rows]
        assert all(c.cell_len <= width for c in cut)
        assert len({c.plain for c in cut}) == len(names), cut
    wide = [distinct_cut(row[0], rows, 0, 24).plain for row in rows]
    assert all(site in shown for site, shown in zip(sites, wide, strict=True))
    # A short name beside them ("wire") shares nothing with them and needs no cut: the long
    # ones are still cut around their sites, and nothing is marked cut before a name's start.
    rows.append([Text("wire")])
    cut = [distinct_cut(row[0], rows, 0, 24).plain for row in rows]
    assert cut[-1] == "wire"
    assert all(site in shown for site, shown in zip(sites, cut[:-1], strict=True))
    alone = [[Text("16.09.26_health052_sun")], [Text("16.09.26_health052_telegraph")]]
    assert not distinct_cut(alone[0][0], alone, 0, 12).plain.startswith("\u2026\u2026")
