"""The provenance screens: derivation tree, families, word swaps, inserts and omissions."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Static

from tui.app.app import StoryTraceApp
from tui.app.screens.audit import AuditList, AuditScreen, omissions_of
from tui.app.screens.families import FamilyDetailScreen, FamilyScreen
from tui.app.screens.lexicon import KNOWN, LexiconScreen, LexiconTable
from tui.app.screens.overview import OverviewScreen
from tui.app.widgets.derivation import DerivationTree
from tui.app.widgets.family_view import GAP, FamilyView, disagreeing, family_components
from tui.app.widgets.version_table import VersionTable
from tui.core.model import DERIVED_LABELS, Report
from tui.core.summary import INDEPENDENT_OF_ALL
from tui.present.tree import edge_summary, node_name

from .test_app_support import open_side_by_side, screen_text, seeds_app, settle, view_text

SIZE = (120, 40)
RELATED = ("000_dcce54c3826141f5", "001_31fc123e83c1cc46", "002_a9b962200192712f")
INDEPENDENT = ("003_bdfd22743b811459", "004_7f577332accbfae7")
LOST = "~lost-original-1"
LOST_ORIGINAL = node_name(LOST)


# ----------------------------------------------------------------------------------- tree


async def test_overview_shows_the_tree_with_lost_original_and_independents() -> None:
    app = seeds_app()  # no reference: provenance picks 001
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        report = app.report
        assert report is not None and report.reference == RELATED[1]
        tree = app.screen.query_one(DerivationTree)
        lines = tree.text.plain.splitlines()
        root = next(k for k, line in enumerate(lines) if line.startswith(LOST_ORIGINAL))
        children = lines[root + 1 : root + 4]
        assert sorted(line.split()[1] for line in children) == sorted(RELATED)
        assert children[-1].startswith("\u2514\u2500 ")
        assert all(c.startswith(("\u251c\u2500 ", "\u2514\u2500 ")) for c in children)
        assert f"{INDEPENDENT_OF_ALL}: {INDEPENDENT[0]}, {INDEPENDENT[1]}" in lines
        # The highlighted version's evidence: its parent, passages, wording and notes.
        doc = app.screen.query_one(VersionTable).current_id()
        assert doc == RELATED[0]
        edge = next(e for e in report.provenance.tree.edges if e.child == doc)
        text = tree.text.plain
        assert f"{doc} from {LOST_ORIGINAL}" in text
        assert edge_summary(edge) in text
        assert all(p in text for p in edge.shared_phrases)
        assert "Notes" in text
        assert LOST_ORIGINAL in screen_text(app)
        # Another version: the evidence follows the highlight.
        await pilot.press("tab", "tab")  # rows: reference, 000, 002, 003, 004
        assert app.screen.query_one(VersionTable).current_id() == INDEPENDENT[0]
        assert f"{INDEPENDENT[0]}: independent" in tree.text.plain


async def test_overview_at_80_columns_stacks_the_tree() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        regions = app.screen.query_one("#overview-regions", Static).region
        tree = app.screen.query_one("#overview-tree").region
        assert tree.y > regions.y and tree.width >= 70


# ------------------------------------------------------------------------------- families


async def test_family_view_rows_columns_and_disagreements() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FamilyScreen)
        report = app.report
        assert report is not None and report.provenance is not None
        view = app.screen.query_one(FamilyView)
        families = report.provenance.families
        assert len(view.families) == len(families)
        assert view.versions == [d.id for d in report.documents]
        for row, family in enumerate(families):
            docs = {v.doc for v in family.variants}
            for c, doc in enumerate(view.versions):
                assert (view.cell_text(row, c) == GAP) == (doc not in docs)
        origin_col = view.versions.index(families[0].origin)
        assert view.cell_text(0, origin_col).startswith("\u25c6")
        # n lands on the next family where versions disagree, N goes back.
        components = family_components(report)
        assert components[RELATED[0]] == LOST
        assert components[INDEPENDENT[0]] == INDEPENDENT[0]
        expected = [i for i, f in enumerate(families) if disagreeing(report, f, components)]
        assert 0 < len(expected) < len(families)
        visited = []
        for _ in range(3):
            await pilot.press("n")
            visited.append(view.cursor)
        assert visited == [e for e in expected if e > 0][:3]  # the cursor starts on 0
        for row in visited:
            family = families[row]
            related = {d for d, r in components.items() if r == components[family.origin]}
            assert not family.agree or not related <= {v.doc for v in family.variants}
        await pilot.press("N")
        assert view.cursor == visited[1]
        # The status says which: the versions' wording differs, or a related one lacks it.
        family = families[visited[1]]
        why = "versions differ" if not family.agree else "a related version lacks it"
        assert why in screen_text(app)
        # The header counts both ('disagree' read as the JSON's agree: false alone).
        assert f"{len(expected)} where versions differ or a related version lacks it" in (
            screen_text(app)
        )
        # Independent versions' own families agree: nothing related lacks them.
        lone = next(i for i, f in enumerate(families) if f.origin == INDEPENDENT[0])
        assert not view.disagree[lone]
        await pilot.press("d")  # enter opens the side by side; d the family's evidence
        await pilot.pause()
        assert isinstance(app.screen, FamilyDetailScreen)
        family = families[visited[1]]
        text = screen_text(app)
        assert f"Family #{family.id}" in text
        for v in family.variants:
            assert v.doc in text
            # A score only where it means something: a variant derived from the original form
            # (one its version's own comparison leaves unlinked reads "added", with none).
            if v.label in DERIVED_LABELS and v.doc != family.origin:
                assert f"score {v.score:.2f}" in text
        await pilot.press("escape")
        assert isinstance(app.screen, FamilyScreen)
        # An independent piece's own sentences are families of one: nothing was copied, so
        # "all verbatim" would claim the opposite.
        view.cursor = lone
        await pilot.press("d")
        await pilot.pause()
        text = screen_text(app)
        assert "in this version only" in text and "all verbatim" not in text
        await pilot.press("escape")
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)


async def test_family_view_scrolls_sideways_when_narrow() -> None:
    app = seeds_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        view = app.screen.query_one(FamilyView)
        assert view.virtual_size.width > view.scrollable_content_region.width
        first = view.render_line(0).text
        await pilot.press("right")
        await pilot.pause()
        assert view.scroll_offset.x > 0
        moved = view.render_line(0).text
        assert moved.startswith("family") and moved != first  # the gutter stays pinned
        await pilot.press("G")
        assert view.cursor == len(view.families) - 1


# -------------------------------------------------------------------------------- lexicon


def _rows(table: LexiconTable) -> list[list[str]]:
    return [[cell.plain for cell in table.get_row_at(r)] for r in range(table.row_count)]


async def test_lexicon_lists_every_swap_and_sorts() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, LexiconScreen)
        report: Report | None = app.report
        assert report is not None and report.provenance is not None
        lexicon = report.provenance.lexicon
        table = app.screen.query_one(LexiconTable)
        assert table.row_count == len(lexicon)
        rows = _rows(table)
        assert sorted((r[0], r[1]) for r in rows) == sorted((e.source, e.target) for e in lexicon)
        for row in rows:
            entry = next(e for e in lexicon if (e.source, e.target) == (row[0], row[1]))
            assert row[2] == str(entry.count)
            assert (row[3] == KNOWN) == entry.known
            assert row[4] == {"source": "from rarer", "target": "to rarer", "": ""}[entry.odd_side]
        counts = [int(r[2]) for r in rows]
        assert counts == sorted(counts, reverse=True)
        await pilot.press("s")  # the next column after count
        assert table.sort_column == "known"
        await pilot.press("S", "S", "S")  # back past count and to, to from
        assert table.sort_column == "from"
        froms = [r[0] for r in _rows(table)]
        assert froms == sorted(froms, key=str.casefold)
        await pilot.press("o")
        assert [r[0] for r in _rows(table)] == sorted(froms, key=str.casefold, reverse=True)
        assert "sorted by from (reversed)" in screen_text(app)
        table.sort_by("odd")
        flagged = [r[4] != "" for r in _rows(table)]
        assert flagged == sorted(flagged, reverse=True)


# ------------------------------------------------------------------- inserts and omissions


async def test_inserts_and_omissions_of_the_highlighted_version() -> None:
    app = seeds_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AuditScreen) and screen.doc_id == RELATED[0]
        report = app.report
        assert report is not None
        kinds = [o.kind for o in omissions_of(report, RELATED[0])]
        assert kinds and kinds[0] in ("quote", "attribution")
        text = screen.query_one(AuditList).plain
        assert text.index("Omissions") < text.index("[attribution]") < text.index("Inserts")
        assert "dropped the attribution" in text
        assert f"Inserts and omissions of {RELATED[0]}" in screen_text(app)
        await pilot.press("tab")
        assert screen.doc_id == RELATED[1]
        assert "(the reference)" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, OverviewScreen)


def _news_app(
    tmp_path: Path, family: str, reference: str, names: tuple[str, ...] = ()
) -> StoryTraceApp:
    """The explorer on a copy of a news family's versions (``names``, else all of them),
    ``reference`` named as the user's reference."""
    news = Path(__file__).resolve().parents[1] / "benchmarks/data/news" / family
    for p in news.iterdir():
        if p.name in names or (not names and p.suffix in (".txt", ".html")):
            shutil.copy(p, tmp_path)
    return StoryTraceApp([str(tmp_path)], reference=str(tmp_path / reference))


async def test_the_overview_says_which_way_the_tree_goes_beside_each_verdict(
    tmp_path: Path,
) -> None:
    """With the Sedona blog as the reference, the table read "red-rock-gazette
    wholly-derived 84%" though the tree makes the blog from the Gazette: a verdict reads the
    share of the version's text found in the reference. The tree column says "ref from it"
    there, "sibling" beside versions that share a source with the blog, and nothing beside
    a version the tree makes from the reference."""
    from tui.app.widgets.version_table import VersionTable

    app = _news_app(tmp_path, "f07-ap-wildfire", "sedona-locals-blog.html")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(VersionTable)
        keys = [str(key.value) for key in table.columns]
        tree = {str(key.value): str(table.get_row(key)[keys.index("tree")]) for key in table.rows}
        report = app.report
        assert report is not None
        parents = {e.child: e.parent for e in report.provenance.tree.edges}
        assert parents["sedona-locals-blog"] == "red-rock-gazette"
        assert tree["red-rock-gazette"] == "ref from it"
        assert tree["newsnow-daily"] == "sibling"
        assert tree["sedona-locals-blog"] == ""
        verdict = {c.target: c.verdict for c in report.comparisons}
        assert verdict["red-rock-gazette"] == "wholly-derived"


async def test_short_names_at_80_columns_keep_the_length_column(tmp_path: Path) -> None:
    """Names shorter than the narrowest the table cuts them to counted as over the width:
    the length column went and the name column widened, with room to spare."""
    from tui.app.widgets.version_table import MIN_NAME, VersionTable

    app = _news_app(tmp_path, "f02-courts-hedge", "wire.txt")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(VersionTable)
        columns = {str(key.value): column for key, column in table.columns.items()}
        assert "chars" in columns and "title" not in columns
        assert columns["version"].width < MIN_NAME
        assert table.virtual_size.width <= table.size.width


async def test_wire_furniture_a_paper_lacks_is_not_in_it_not_dropped_from_it(
    tmp_path: Path,
) -> None:
    """The wire's slug, rule lines and end mark are furniture, never counted as omitted: the
    side by side put '— dropped from star —' beside them, as beside the wire's sentences the
    Star cut."""
    app = _news_app(tmp_path, "f02-courts-hedge", "wire.txt", ("wire.txt", "star.txt"))
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_side_by_side(pilot)
        kinds = {"boilerplate": "not in star", "omitted": "dropped from star"}
        for label, said in kinds.items():
            row = next(k for k, r in enumerate(view.rows) if r.labels == (label,))
            view.move_to(row)
            await pilot.pause()
            line = next(t for t in view_text(view).split("\n") if t.startswith("\u258c"))
            assert said in line, (label, line)


async def test_the_wire_beside_a_reference_made_from_it_dropped_nothing(tmp_path: Path) -> None:
    """With the Daily Clarion as the reference, the side by side put '— dropped from wire —'
    beside each Clarion sentence the wire lacks, though the Clarion was made from the wire:
    those are the Clarion's own additions."""
    app = _news_app(
        tmp_path, "f10-afp-cables", "daily-clarion.txt", ("wire.txt", "daily-clarion.txt")
    )
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_side_by_side(pilot)
        assert app.screen.target == "wire"
        rows = [k for k, row in enumerate(view.rows) if row.labels == ("omitted",)]
        assert rows
        view.move_to(rows[0])
        await pilot.pause()
        text = view_text(view)
        assert "not in wire" in text and "dropped from wire" not in text
        # The inserts and omissions view says why it lists none (not "independent").
        await pilot.press("escape", "i")
        await pilot.pause()
        assert isinstance(app.screen, AuditScreen) and app.screen.doc_id == "wire"
        audit = app.screen.query_one(AuditList).plain
        assert "daily-clarion was made from this version, so it dropped nothing" in audit
        assert "independent version" not in audit
