"""One presentation layer: the explorer and every report format show the same tree, the same
lists and the same words for the same Report (``tui.present``)."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

from tui.app.app import StoryTraceApp
from tui.app.screens.audit import AuditList
from tui.app.widgets.derivation import DerivationTree
from tui.core.engine import compare_paths
from tui.core.model import Report, Tree, TreeEdge
from tui.core.settings import Settings
from tui.core.summary import INDEPENDENT_OF_ALL, describe_region, relation, tree_clause
from tui.core.tree import LOST_PREFIX
from tui.present import audit
from tui.present.names import version_names
from tui.present.tree import INFERRED_NOTE, node_name, tree_view
from tui.report import render

from .conftest import REPO, SEEDS, seed_paths
from .test_app_support import screen_text, settle

LOST = f"{LOST_PREFIX}-1"


def test_tree_draws_branches_and_names_lost_originals_for_what_they_are() -> None:
    tree = Tree(
        nodes=["a", "b", "c", "d", LOST],
        edges=[
            TreeEdge(LOST, "a", 1, [], []),
            TreeEdge("a", "b", 2, ["rare"], ["b is spun"]),
            TreeEdge(LOST, "c", 1, [], []),
        ],
        independent=["d"],
    )
    view = tree_view(tree, "a")
    assert view.lines(evidence=False) == [
        f"lost original 1 ({INFERRED_NOTE})",
        "\u251c\u2500 a (reference)",
        "\u2502  \u2514\u2500 b",
        "\u2514\u2500 c",
        f"{INDEPENDENT_OF_ALL}: d",
    ]
    assert "\u2502  \u2514\u2500 b: 2 shared passages; shared unusual words: rare" in view.lines()
    assert "\u2502         b is spun" in view.lines()  # under b, beside a's branch
    assert not any(LOST in line for line in view.lines())


def test_a_parent_missing_from_the_node_list_is_a_root_and_a_cycle_does_not_loop() -> None:
    tree = Tree(
        nodes=["a", "b"],
        edges=[TreeEdge("x", "a", 1, [], []), TreeEdge("a", "b", 1, [], [])],
        independent=[],
    )
    assert tree_view(tree, "a").lines(evidence=False)[0] == "x"
    loop = Tree(
        nodes=["a", "b", "c"],
        edges=[TreeEdge("a", "b", 1, [], []), TreeEdge("b", "a", 1, [], [])],
        independent=[],
    )
    assert tree_view(loop, "a").lines(evidence=False) == ["c"]


async def test_the_explorer_and_the_reports_draw_the_same_tree(
    family_paths: list[str], family_report: Report
) -> None:
    view = tree_view(family_report.provenance.tree, family_report.reference)
    text = render(family_report, "text")
    page = html.unescape(render(family_report, "html"))
    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=(160, 60)) as pilot:
        await settle(pilot)
        shown = app.screen.query_one(DerivationTree).text.plain.replace(" \u25c0", "")
        drawn = view.lines(app.names, evidence=False)
        assert len(drawn) >= 10
        assert "\n".join(drawn) in shown
    # The text report draws the same lines, each edge's evidence under its child.
    assert "\n".join("  " + line for line in view.lines(app.names)) in text
    bare = [line.prefix + line.text for line in view.drawn(evidence=False)]
    full = [line.prefix + line.text for line in view.drawn() if line.node]
    assert all(f.startswith(b) for b, f in zip(bare, full, strict=True))
    for node in family_report.provenance.tree.nodes:
        assert node_name(node, app.names) in page


async def test_the_explorer_and_the_reports_say_how_a_version_stands_alike(
    family_paths: list[str], family_report: Report
) -> None:
    text = render(family_report, "text")
    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        for c in family_report.comparisons[:3]:
            app.version = c.target
            app.screen.query_one("#versions").select_id(c.target)
            await pilot.pause()
            said = app.names.rename(relation(family_report, c))
            assert said in text
            assert said[:60] in screen_text(app).replace("\n", " ")


async def _audit_list(family_paths: list[str], report: Report, doc_id: str) -> str:
    """What the explorer's inserts and omissions view lists for one version."""
    app = StoryTraceApp(family_paths, report=report)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        app.version = doc_id
        await pilot.press("i")
        await settle(pilot)
        return app.screen.query_one(AuditList).plain


async def test_the_explorer_and_the_reports_list_the_same_omissions(
    family_paths: list[str], family_report: Report
) -> None:
    omissions = audit.omissions(family_report)
    doc = next(a for a in omissions if a.total >= 2)
    page = html.unescape(render(family_report, "html"))
    shown = await _audit_list(family_paths, family_report, doc.doc)
    for item in doc.items:
        assert item.where in shown
        assert item.text in " ".join(shown.split())
    for group in doc.groups:  # on paper, plain dropped text is one line of places
        source = version_names([d.id for d in family_report.documents])(doc.source)
        said = [group.folded_line(source)] if group.folded else [i.where for i in group.items]
        assert all(s in page for s in said)


async def test_the_inserts_and_omissions_view_says_each_item_once(
    family_paths: list[str], family_report: Report
) -> None:
    omissions = audit.omissions(family_report)
    doc, item = next(
        (a.doc, i)
        for a in omissions
        for i in a.items
        if not i.reason and len(i.item.detail) > 200  # a long plain dropped passage
    )
    shown = " ".join((await _audit_list(family_paths, family_report, doc)).split())
    opening = " ".join(item.item.detail.split()[:10])
    assert shown.count(opening) == 1


def test_the_reference_reason_and_its_tree_edge_give_one_figure(family_report: Report) -> None:
    """Under a lost original the reference is the child keeping the most of it; the reason
    said "42 shared passages" (content it shares with any version) while its edge in the tree
    said "29 shared passages" (the most it shares with one sibling). Both now give the one
    figure the choice was made on, in one wording, in the app and every report."""
    kept = re.search(
        r"keeps the most of it \((\d+ passages shared with other versions)\)$",
        family_report.reference_reason,
    )
    assert kept is not None, family_report.reference_reason
    edges = [e for e in family_report.provenance.tree.edges if e.child == family_report.reference]
    assert len(edges) == 1 and Tree.inferred(edges[0].parent)
    assert kept.group(1).startswith(f"{edges[0].shared_passages} ")
    for fmt in ("text", "md", "html"):
        out = render(family_report, fmt)
        # The reference is the only child of the lost original keeping this many.
        assert f"{kept.group(1)}; shared unusual words" in out, fmt
        assert f"({kept.group(1)})" in out


@pytest.mark.parametrize("which", ["family", "seeds", "news"])
def test_inserts_count_the_added_passages_the_passage_counts_give(
    which: str, family_report: Report, seeds_report: Report
) -> None:
    """An insert joins adjacent added passages into one, so a list of 8 inserts stood beside
    "added 10" in the passage counts, unexplained. Every format now says both ("added 10
    passages in 8 inserts"), and the added passages the inserts name are the passages the
    counts call added."""
    if which == "news":
        news = REPO / "benchmarks/data/news/f01-courts-fraud"
        report = compare_paths(sorted(str(p) for p in news.glob("*.txt")))
    else:
        report = family_report if which == "family" else seeds_report
    added = sorted(c.label_counts()["added"] for c in report.comparisons)
    assert any(added)
    text = render(report, "text")
    block = text.split("\ninserts:\n", 1)[1].split("\n\n", 1)[0]
    said = []
    for line in block.splitlines():
        if line.startswith("  ") and not line.startswith("    ") and "(reference)" not in line:
            said.append(sum(int(n) for n in re.findall(r"(?:promotion|added) (\d+)", line)))
    assert sorted(n for n in said if n) == [n for n in added if n]
    joined = [
        a for a in audit.inserts(report) if any(g.tally != str(len(g.items)) for g in a.groups)
    ]
    assert joined or which == "seeds"
    md, page = render(report, "md"), html.unescape(render(report, "html"))
    for a in joined:
        assert a.tally in text
        for g in a.groups:
            assert f"({g.tally})" in md and f"{g.title} ({g.tally})" in page


async def test_the_inserts_view_says_how_many_passages_its_inserts_join(
    family_paths: list[str], family_report: Report
) -> None:
    doc = next(a for a in audit.inserts(family_report) if "passages in" in a.tally)
    shown = await _audit_list(family_paths, family_report, doc.doc)
    assert doc.tally in shown


def test_text_and_markdown_call_versions_by_the_names_the_app_and_html_use(
    family_report: Report,
) -> None:
    """Ten versions named ``02.11.99_chips271_guardian`` and so on read as ``guardian`` in
    the explorer and the HTML report; the text and Markdown reports printed every whole id.
    All formats now say the same names, and their list of inputs is the legend (each short
    name beside the file it stands for)."""
    names = version_names([d.id for d in family_report.documents])
    assert names.shortened
    docs = family_report.documents
    for fmt, inputs_end in (("text", "\nreference: "), ("md", "## Summary")):
        out = render(family_report, fmt)
        inputs, body = out.split(inputs_end, 1)
        for d in docs:
            assert d.id not in body, (fmt, d.id)
            legend = next(line for line in inputs.splitlines() if d.path in line)
            assert names(d.id) in legend.split(d.path)[0], (fmt, legend)
        assert names.rename(family_report.reference_reason) in out
        for c in family_report.comparisons:
            assert names.rename(relation(family_report, c)).split(": ", 1)[1] in body
    page = render(family_report, "html").split('<section id="summary">', 1)[1]
    shown = html.unescape(re.sub(r"<[^>]*>", " ", page))  # ids stay in anchors and attributes
    assert not any(d.id in shown for d in docs)


def test_what_a_version_keeps_of_a_lost_original_is_counted_in_the_reports_families() -> None:
    """The seeds' original is not among them (gold: a lost original above 000, 001 and 002).
    The tree's edge from it and the reference's reason count what the reference shares with
    other versions in the report's own families; on f01, when its tree was built again with
    the pairs the reference comparisons find derived, they once said 8 where the families
    held 10."""
    report = compare_paths(seed_paths())
    assert report.provenance is not None
    ref = report.reference
    edges = [e for e in report.provenance.tree.edges if e.child == ref]
    assert len(edges) == 1 and Tree.inferred(edges[0].parent)
    held = sum(
        1
        for f in report.provenance.families
        if ref in {v.doc for v in f.variants} and len({v.doc for v in f.variants}) > 1
    )
    assert edges[0].shared_passages == held
    assert report.reference_reason.endswith(f"({held} passages shared with other versions)")


def test_a_versions_line_says_quotations_were_counted_when_they_were() -> None:
    """With quotations counted (--include-quotes) a version's line said its shared
    quotations were "left out" of a share that counted them."""
    news = REPO / "benchmarks/data/news/f01-courts-fraud"
    paths = sorted(str(p) for p in news.glob("*.txt"))
    counted = compare_paths(paths, reference="wire", settings=Settings(exclude_quotes=False))
    left = compare_paths(paths, reference="wire")
    express = "12.03.26_courts114_express"
    assert "quotations it shares" in relation(counted, counted.comparison(express))
    assert "left out" not in relation(counted, counted.comparison(express))
    assert "left out" in relation(left, left.comparison(express))


def test_an_independent_verdict_says_when_the_tree_still_leads_back_to_the_reference() -> None:
    """The Mirror's showbiz brief matches nothing of the wire directly but derives from the
    Star, which derives from the wire: its line says both, so the verdict and the tree do not
    read as two answers."""
    news = REPO / "benchmarks/data/news/f03-showbiz-awards"
    report = compare_paths(sorted(str(p) for p in news.glob("*.txt")))
    tree = report.provenance.tree
    ref = report.reference
    for c in report.comparisons:
        parent = tree.parent(c.target)
        if c.verdict != "independent" or parent in (None, ref) or Tree.inferred(parent):
            continue
        line = relation(report, c)
        chain = [parent]
        while (up := tree.parent(chain[-1])) is not None and up not in chain:
            chain.append(up)
        assert (f"itself derived from {ref}, but keeps" in line) == (ref in chain), line
        break
    else:
        pytest.fail("no independent version with a parent in f03")


def test_a_region_of_an_independent_version_matches_and_does_not_come_from() -> None:
    """The Guardian's court report shares the judge's words with the wire but was written
    independently: its line must not say its paragraphs "come from" the wire's."""
    news = REPO / "benchmarks/data/news/f01-courts-fraud"
    report = compare_paths(sorted(str(p) for p in news.glob("*.txt")), reference="wire")
    said = []
    for c in report.comparisons:
        source, target = report.document(c.source), report.document(c.target)
        for r in c.regions:
            note = tree_clause(report, c)
            line = describe_region(source, target, r, c.passages, str, c.verdict, note)
            said.append((c.verdict, line))
    independent = [line for verdict, line in said if verdict == "independent"]
    derived = [line for verdict, line in said if verdict != "independent"]
    assert independent and all(" match" in x and "from" not in x for x in independent)
    assert derived and all(" from " in x for x in derived)


def test_two_identical_files_are_said_to_be_identical(tmp_path: Path) -> None:
    """Two copies of one file: 'wholly-derived ... 89% of a reused' read as if something
    differed; the line now says they are the same file."""
    text = (SEEDS / "001_31fc123e83c1cc46.txt").read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = compare_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], reference="a")
    assert relation(report, report.comparison("b")).startswith("identical to a (the same file")
    # Named the other way round, no tree note says which of the two was made from the other.
    swapped = compare_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], reference="b")
    assert tree_clause(swapped, swapped.comparison("a")) == ""
    other = compare_paths(seed_paths(), reference="001_31fc123e83c1cc46")
    assert not any("identical" in relation(other, c) for c in other.comparisons)


def test_an_omitted_quotation_keeps_its_own_marks_in_the_explorer() -> None:
    """The inserts and omissions view puts text in quotation marks; a quotation has its
    own, and “"This does not..."” doubled them."""
    from rich.console import Console

    from tui.app.screens.audit import AuditScreen

    console = Console(width=70, record=True, file=io.StringIO())
    for text in ('"This does not make the cables safe.', "Plain dropped text."):
        excerpt = audit.Excerpt("quote", "", "¶7 (chars 1104–1140)", text, None)  # type: ignore[arg-type]
        console.print(AuditScreen._item(excerpt, "wire "))
    shown = console.export_text()
    assert '    "This does not make the cables safe.\n' in shown
    assert "\u201cPlain dropped text.\u201d" in shown


def test_a_paragraph_only_some_of_whose_sentences_were_dropped_is_marked_in_part(
    tmp_path: Path,
) -> None:
    """ "8 passages of wire not used: ¶2, ¶9, ¶13–¶14" read as whole paragraphs left out,
    while the brief kept a sentence of ¶9 and of ¶13."""
    wire = (
        "Crews fought the Cinder Ridge fire through the night near Flagstaff.\n\n"
        "The fire broke out on Saturday afternoon in dry forest. Firefighters had not managed "
        "to contain any of it by Monday.\n\n"
        "Nine buildings, including four homes, were destroyed. The count was expected to "
        "rise once crews reached the subdivision.\n\n"
        "A shelter opened at the high school in Bellemont for families told to leave.\n"
    )
    brief = (
        "Crews fought the Cinder Ridge fire through the night near Flagstaff.\n\n"
        "Firefighters had not managed to contain any of it by Monday.\n"
    )
    (tmp_path / "wire.txt").write_text(wire, encoding="utf-8")
    (tmp_path / "brief.txt").write_text(brief, encoding="utf-8")
    report = compare_paths([str(tmp_path)], reference="wire")
    text = render(report, "text")
    line = next(x for x in text.splitlines() if "of wire not used" in x)
    assert line.endswith("¶2 (in part), ¶3–¶4"), line


def test_a_region_names_its_passages_of_other_labels_and_the_paragraphs_it_jumps(
    tmp_path: Path,
) -> None:
    """ "paragraphs 1–17 of newsnow-daily come from ... (verbatim)" held an edited headline
    and an introduction of the site's own."""
    paras = [
        "Crews fought the Cinder Ridge fire through the night near the town of Flagstaff.",
        "The fire broke out on Saturday afternoon in dry ponderosa forest north of town.",
        "Nine buildings, including four homes, were destroyed by the flames on Sunday.",
        "A shelter opened at the high school in Bellemont for the families told to leave.",
        "Officials said the count of buildings lost would rise once crews reached the area.",
    ]
    copy = list(paras)
    copy[0] = copy[0].replace("fought", "battled").replace("through the night", "overnight")
    copy.insert(2, "Here at NewsNow we bring you every update as it happens, day and night.")
    copy.insert(4, "Advertisement")  # page furniture: no writing of the site's own
    (tmp_path / "wire.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    (tmp_path / "copy.txt").write_text("\n\n".join(copy) + "\n", encoding="utf-8")
    report = compare_paths([str(tmp_path)], reference="wire")
    c = report.comparisons[0]
    source, target = report.document("wire"), report.document("copy")
    [line] = [describe_region(source, target, r, c.passages) for r in c.regions]
    assert line.startswith("paragraphs 1–7 of copy come from paragraphs 1–5 of wire"), line
    assert line.endswith("(verbatim but 1 edited; paragraph 3 its own)"), line
