"""A reviewer's labels count: counts, coverage and verdict recomputed by the engine's rules,
shown beside the engine's in the overview and every report format."""

from __future__ import annotations

import html
import json
from pathlib import Path

from tui.app.app import StoryTraceApp
from tui.app.widgets.version_table import REVIEWED_MARK
from tui.core.model import Report
from tui.core.overrides import OverrideSet
from tui.core.review import review_report, reviewed
from tui.core.settings import Settings
from tui.report import render

from .test_app_support import screen_text, seeds_copy, settle


def _partial(report: Report):  # noqa: ANN202 - a Comparison
    return next(c for c in report.comparisons if c.verdict == "partially-derived")


def test_relabelling_changes_the_figures_by_the_engines_rules(seeds_report: Report) -> None:
    c = _partial(seeds_report)
    src, tgt = seeds_report.document(c.source), seeds_report.document(c.target)
    settings = Settings.from_dict(seeds_report.settings)
    assert settings == Settings()  # the report's own settings, read back
    # Nothing changed: no reviewer figures.
    assert reviewed(src, tgt, c, {k: p.label for k, p in enumerate(c.passages)}, settings) is None
    # Every derived passage called added: nothing derived, so independent (the region rule
    # counts only passages the reviewer left derived).
    none = {k: "added" for k, p in enumerate(c.passages) if p.derived}
    r = reviewed(src, tgt, c, none, settings)
    assert r is not None and r.verdict == "independent"
    assert r.coverage["target_derived"] == 0.0 and r.relabelled == len(none)
    assert r.counts["added"] == c.label_counts()["added"] + len(none)
    # Every added passage called verbatim: all of its text derived, wholly.
    everything = {k: "verbatim" for k, p in enumerate(c.passages) if p.label == "added"}
    r = reviewed(src, tgt, c, everything, settings)
    assert r is not None and r.verdict == "wholly-derived"
    assert r.coverage["target_derived"] > c.coverage["target_derived"]


def _relabel_added(report: Report, overrides: OverrideSet) -> str:
    c = _partial(report)
    for p in c.passages:
        if p.label == "added":
            overrides.set_label(report, c, p, "verbatim")
    return c.target


def test_every_format_gives_the_reviewers_figures_beside_the_engines(
    seeds_report: Report,
) -> None:
    overrides = OverrideSet().bind(seeds_report)
    target = _relabel_added(seeds_report, overrides)
    [(doc, r)] = review_report(seeds_report, overrides).items()
    assert doc == target and r.verdict == "wholly-derived"
    engine = f"(engine: partially-derived, {_partial(seeds_report).coverage['target_derived']:.0%})"
    for fmt in ("text", "md", "html"):
        out = html.unescape(render(seeds_report, fmt, overrides=overrides))
        assert "reviewer's labels" in out and "wholly-derived" in out and engine in out, fmt
    # The summary table's mark stands beside the reviewer's verdict too, as in the explorer's
    # overview: the same mark beside the other verdict read as a contradiction.
    cell = f"partially-derived {REVIEWED_MARK} reviewer: wholly-derived"
    assert f"| {cell} |" in render(seeds_report, "md", overrides=overrides)
    assert f"</span> {cell.split(' ', 1)[1]}" in html.unescape(
        render(seeds_report, "html", overrides=overrides)
    )
    data = json.loads(render(seeds_report, "json", overrides=overrides))
    assert data["reviewed"][target]["verdict"] == "wholly-derived"
    assert data["reviewed"][target]["coverage"]["target_derived"] == r.coverage["target_derived"]
    # The engine's own figures are untouched.
    assert next(c for c in data["comparisons"] if c["target"] == target)["verdict"] == (
        "partially-derived"
    )


def test_passages_relabelled_as_taken_are_no_inserts(seeds_report: Report) -> None:
    """The overview counted a relabelled passage as paraphrased while the inserts view and
    every report's inserts still listed it as added, 'no counterpart in the reference'."""
    from tui.present import audit

    c = _partial(seeds_report)
    added = [p for p in c.passages if p.label == "added"]
    overrides = OverrideSet().bind(seeds_report)
    overrides.set_label(seeds_report, c, added[0], "paraphrased")

    def listed(ov: OverrideSet | None) -> set[tuple[int, int]]:
        return {
            tuple(sp)
            for a in audit.inserts(seeds_report, ov)
            if a.doc == c.target
            for g in a.groups
            for e in g.items
            for sp in e.item.spans  # type: ignore[union-attr]
        }

    before, after = listed(None), listed(overrides)
    gone = {tuple(sp) for sp in added[0].target_spans}
    assert gone <= before and not gone & after
    assert before - gone == after  # the other inserts as they were

    # The reports count it so too.
    def tally(ov: OverrideSet | None) -> str:
        text = render(seeds_report, "text", overrides=ov)
        lines = text[text.index("inserts:") :].splitlines()
        return next(line for line in lines if line.startswith(f"  {c.target}: "))

    assert "added 5 passages in 3 inserts" in tally(None)
    assert "added 4 passages in 3 inserts" in tally(overrides)


def test_passages_relabelled_added_or_no_omission_are_listed_so(seeds_report: Report) -> None:
    """A reviewer relabelled the Guardian's paraphrased passages as added and the overview
    read "A 8", while the inserts listed the engine's two; omitted passages relabelled as
    furniture stayed in the omissions of every screen and report."""
    from tui.present import audit

    c = _partial(seeds_report)
    taken = next(p for p in c.passages if p.label == "paraphrased")
    dropped = [p for p in c.passages if p.label == "omitted"]
    overrides = OverrideSet().bind(seeds_report)
    overrides.set_label(seeds_report, c, taken, "added")
    overrides.set_label(seeds_report, c, dropped[0], "boilerplate")

    def items(found: list[audit.DocAudit]) -> list[audit.Excerpt]:
        return [e for a in found if a.doc == c.target for e in a.items]

    added = [e for e in items(audit.inserts(seeds_report, overrides)) if e.kind == "added"]
    mine = [e for e in added if e.item.spans == list(taken.target_spans)]  # type: ignore[union-attr]
    assert len(mine) == 1 and mine[0].reason == "relabelled added by a reviewer"
    engine = [e for e in items(audit.inserts(seeds_report)) if e.kind == "added"]
    assert len(added) == len(engine) + 1

    def spans(found: list[audit.DocAudit]) -> set[tuple[int, int]]:
        return {tuple(sp) for e in items(found) for sp in e.item.source_spans}  # type: ignore[union-attr]

    gone = {tuple(sp) for sp in dropped[0].source_spans}
    assert gone <= spans(audit.omissions(seeds_report))
    assert not gone & spans(audit.omissions(seeds_report, overrides))
    # The reports count them so too.
    for ov, tally in ((None, "added 5 passages in 3 inserts"), (overrides, "in 4 inserts")):
        text = render(seeds_report, "text", overrides=ov)
        lines = text[text.index("inserts:") :].splitlines()
        assert tally in next(line for line in lines if line.startswith(f"  {c.target}: "))


async def test_a_relabel_changes_the_overview_at_once(tmp_path: Path) -> None:
    paths = seeds_copy(tmp_path)
    app = StoryTraceApp(paths)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        report = app.report
        assert report is not None
        c = _partial(report)
        before = screen_text(app)
        assert REVIEWED_MARK not in before
        for k, p in enumerate(c.passages):
            if p.label == "added":
                app.relabel(c.target, k, "verbatim")
        await pilot.pause()
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if REVIEWED_MARK in line)
        # The table shows the reviewer's verdict for that version, the panel both figures.
        assert "wholly-derived" in row and "partially" not in row
        app.screen.query_one("VersionTable").select_id(c.target)  # type: ignore[attr-defined]
        await pilot.pause()
        text = screen_text(app).replace("\n", " ")
        assert "by the reviewer's labels" in text and "engine: partially-derived" in text


def test_excluding_short_matches_lowers_the_shares_and_is_recorded(
    seeds_report: Report,
) -> None:
    from tui.core.engine import compare_paths

    from .conftest import seed_paths

    strict = compare_paths(seed_paths(), settings=Settings(min_match_words=15))
    assert strict.settings["min_match_words"] == 15
    assert seeds_report.settings["min_match_words"] == 0
    before = {c.target: c.coverage["target_derived"] for c in seeds_report.comparisons}
    after = {c.target: c.coverage["target_derived"] for c in strict.comparisons}
    derived = [t for t, share in before.items() if share > 0]
    assert derived and all(after[t] < before[t] for t in derived)
    # The evidence header records the exclusion.
    assert "min_match_words=15" in render(strict, "text")


def test_an_exhibit_lists_the_passages_by_the_reviewers_labels(seeds_report: Report) -> None:
    overrides = OverrideSet().bind(seeds_report)
    c = _partial(seeds_report)
    for p in c.passages:
        if p.derived:
            overrides.set_label(seeds_report, c, p, "added")
    from tui.report.view import build

    [version] = [v for v in build(seeds_report, overrides).versions if v.target.id == c.target]
    assert version.derived_rows == []


def test_the_csv_gives_the_reviewers_verdict_beside_the_engines(seeds_report: Report) -> None:
    import csv
    import io

    overrides = OverrideSet().bind(seeds_report)
    target = _relabel_added(seeds_report, overrides)
    rows = list(csv.DictReader(io.StringIO(render(seeds_report, "csv", overrides=overrides)[1:])))
    mine = [r for r in rows if r["version"] == target]
    assert mine and {(r["verdict"], r["reviewer_verdict"]) for r in mine} == {
        ("partially-derived", "wholly-derived")
    }
    # Versions nobody relabelled have no reviewer's verdict.
    assert all(r["reviewer_verdict"] == "" for r in rows if r["version"] != target)


def test_swaps_found_only_in_passages_relabelled_added_leave_the_lists(
    seeds_report: Report,
) -> None:
    """A reviewer relabelled a spun passage as the version's own and the swaps list still gave
    its word swaps as rewordings of the reference: both claims on one report."""
    from tui.present.swaps import reviewed_swaps

    c = next(
        c for c in seeds_report.comparisons if sum(bool(p.substitutions) for p in c.passages) >= 2
    )
    spun = next(p for p in c.passages if p.substitutions)
    overrides = OverrideSet().bind(seeds_report)
    overrides.set_label(seeds_report, c, spun, "added")
    engine, none_left = reviewed_swaps(seeds_report, None)
    assert none_left == 0 and engine == seeds_report.provenance.lexicon  # type: ignore[union-attr]
    kept, left = reviewed_swaps(seeds_report, overrides)

    def here(site) -> bool:  # noqa: ANN001 - a SwapSite
        return (site.source, site.target, tuple(site.target_sentences)) == (
            c.source,
            c.target,
            tuple(spun.target_sentences),
        )

    only_there = [e for e in engine if all(here(s) for s in e.where)]
    assert only_there and left == len(only_there)
    assert not any(here(s) for e in kept for s in e.where)
    assert len(kept) == len(engine) - left
    # Every report says how many left, as the explorer's swaps view does.
    for fmt in ("text", "md", "html"):
        out = render(seeds_report, fmt, overrides=overrides)
        said = f"{left} swap{'s' * (left != 1)} left out: found only in passages a reviewer"
        assert said in out.replace("\n", " "), fmt


async def test_the_swaps_view_follows_a_relabel_made_after_it_was_drawn(tmp_path: Path) -> None:
    app = StoryTraceApp(seeds_copy(tmp_path))
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        report = app.report
        assert report is not None
        await pilot.press("x")
        await settle(pilot)
        assert "a reviewer relabelled" not in screen_text(app)
        c = next(c for c in report.comparisons if any(p.substitutions for p in c.passages))
        for k, p in enumerate(c.passages):
            if p.substitutions:
                app.relabel(c.target, k, "added")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert "left out: found only in passages a reviewer relabelled" in screen_text(app)


def test_a_version_relabelled_independent_has_no_regions_taken_and_dropped_nothing() -> None:
    """A reviewer relabelled every passage an evening paper's own report shared with the
    wire as its own: the overview read "✎ independent", while the same panel and every
    report still said "paragraphs 5-7 of eveningpost come from paragraphs 6-8 of britwire"
    and listed the quotes it "dropped" (helper-49)."""
    from tui.core.engine import compare_paths
    from tui.present import audit

    folder = Path(__file__).parent / "data" / "wexbury"
    report = compare_paths([str(folder)], reference="britwire")
    [c] = report.comparisons
    assert c.verdict == "partially-derived" and c.regions
    overrides = OverrideSet().bind(report)
    for p in c.passages:
        if p.derived:
            overrides.set_label(report, c, p, "added")
    assert review_report(report, overrides)["eveningpost"].verdict == "independent"
    text = render(report, "text", overrides=overrides)
    block = text.split("\neveningpost: ", 1)[1].split("\n\n", 1)[0].splitlines()
    assert block[1].startswith("  \u270e by the reviewer's labels") and "independent" in block[1]
    assert [a for a in audit.omissions(report) if a.doc == "eveningpost"]
    assert not [a for a in audit.omissions(report, overrides) if a.doc == "eveningpost"]
    n = len(c.regions)
    for fmt in ("text", "md", "html"):
        engine, reviewed_out = render(report, fmt), render(report, fmt, overrides=overrides)
        assert "of britwire (" in engine and "of britwire (" not in reviewed_out, fmt
        found = f"{n} region{'s' * (n > 1)}"
        said = f"regions by the reviewer's labels (the engine found {found})"
        assert said in html.unescape(reviewed_out), fmt
        # The tree is the engine's: it marks what the reviewer found beside the node.
        assert "reviewer: independent of britwire" in reviewed_out, fmt
        assert "reviewer: indep" not in engine, fmt


async def test_the_overview_tree_marks_a_version_the_reviewer_found_independent(
    tmp_path: Path,
) -> None:
    import shutil

    folder = tmp_path / "wexbury"
    shutil.copytree(Path(__file__).parent / "data" / "wexbury", folder)
    app = StoryTraceApp([str(folder)], reference="britwire")
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        report = app.report
        assert report is not None
        assert "reviewer: independent" not in screen_text(app)
        await pilot.press("i")  # the inserts and omissions, drawn before any relabel
        await settle(pilot)
        assert "relabelled added by a reviewer" not in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        [c] = report.comparisons
        for k, p in enumerate(c.passages):
            if p.derived:
                app.relabel(c.target, k, "added")
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "eveningpost \u270e reviewer: independent of britwire" in text
        assert "regions by the reviewer's labels" in text
        await pilot.press("i")
        await settle(pilot)
        assert "relabelled added by a reviewer" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        # The families view gives the reviewer's label in the cells it changed.
        await pilot.press("f")
        await settle(pilot)
        view = app.screen.query_one("FamilyView")
        column = view.versions.index("eveningpost")  # type: ignore[attr-defined]
        cells = [view.cell_text(r, column) for r in range(view.row_count)]  # type: ignore[attr-defined]
        assert any("\u270e reviewer" in cell for cell in cells)
        assert not any("P paraphrased 0." in cell for cell in cells)
        # Relabelled again elsewhere: the view gives the new label when shown again.
        await pilot.press("escape")
        await settle(pilot)
        for k, p in enumerate(c.passages):
            if p.derived:
                app.relabel(c.target, k, "boilerplate")
        await pilot.press("f")
        await settle(pilot)
        cells = [view.cell_text(r, column) for r in range(view.row_count)]  # type: ignore[attr-defined]
        assert any(cell.startswith("B boilerplate \u270e") for cell in cells), cells[:3]
        assert not any(cell.startswith("A added") for cell in cells)


def test_family_cells_give_the_reviewers_label_marked(seeds_report: Report) -> None:
    """The families table read "P paraphrased" for a passage the reviewer had relabelled
    added in the side by side (helper-49)."""
    from tui.core.review import reviewed_families

    c = _partial(seeds_report)
    taken = next(p for p in c.passages if p.label == "paraphrased")
    overrides = OverrideSet().bind(seeds_report)
    overrides.set_label(seeds_report, c, taken, "added")
    families, marked = reviewed_families(seeds_report, overrides)
    assert marked and all(doc == c.target for _, doc in marked)
    by_id = {f.id: f for f in families}
    engine = {f.id: f for f in seeds_report.provenance.families}  # type: ignore[union-attr]
    for (fid, doc), whole in marked.items():
        [v] = [v for v in by_id[fid].variants if v.doc == doc]
        [e] = [v for v in engine[fid].variants if v.doc == doc]
        assert set(v.sentences) & set(taken.target_sentences)
        # All of the form relabelled: the reviewer's label; part of it: the engine's kept.
        assert v.label == ("added" if whole else e.label)
        assert whole == (set(v.sentences) <= set(taken.target_sentences))
    assert any(marked.values())
    for fmt in ("md", "html"):
        out = render(seeds_report, fmt, overrides=overrides)
        assert "a reviewer relabelled it, its letter the reviewer" in out, fmt
        assert "a reviewer relabelled it, its letter" not in render(seeds_report, fmt), fmt
    # The cells themselves, in the family table: the reviewer's letter, marked.
    md = render(seeds_report, "md", overrides=overrides).split("### Passage families", 1)[1]
    rows = [line for line in md.split("\n\n", 2)[2].splitlines() if line.startswith("| ")]
    assert any(" A \u270e " in row for row in rows)
    assert sum(" A \u270e " in row for row in rows) == len(
        {fid for fid, _ in marked if any(str(fid) == row.split("|")[1].strip() for row in rows)}
    )


def test_figures_swaps_regions_and_tree_follow_relabels_both_ways(tmp_path: Path) -> None:
    """helper-50: with the passage holding a changed figure relabelled added, the reports
    still listed the figure as taken from the wire; a version's own swaps line kept the
    engine's; a region relabelled away in part still claimed all its paragraphs; and a
    version the reviewer's labels made derived stood in the tree unmarked."""
    import shutil

    from tui.core.engine import compare_paths

    family = Path(__file__).resolve().parents[1] / "benchmarks/data/news"
    family /= "f13-britwire-council-budget"
    for name in ("britwire.txt", "wexburylife.html", "fenwickadvertiser.html", "explainer.txt"):
        [path] = family.glob(f"*_{name}")
        shutil.copy(path, tmp_path / name)
    report = compare_paths([str(tmp_path)], reference="britwire")
    overrides = OverrideSet().bind(report)
    life, fenwick = report.comparison("wexburylife"), report.comparison("fenwickadvertiser")
    changed = next(p for p in life.passages if p.changed_figures)
    overrides.set_label(report, life, changed, "added")
    swapped = [p for p in fenwick.passages if p.substitutions]
    for p in swapped:
        overrides.set_label(report, fenwick, p, "added")
    gone = changed.changed_figures[0]
    figure = f"'{gone.source}' -> '{gone.target}'"
    swap = swapped[0].substitutions[0]
    text_engine = render(report, "text")
    text = render(report, "text", overrides=overrides)

    def block(out: str, version: str) -> str:
        return out.split(f"\n{version}: ", 1)[1].split("\n\n", 1)[0]

    assert figure in block(text_engine, "wexburylife")
    assert figure not in block(text, "wexburylife")
    said = f"'{swap.source}' -> '{swap.target}'"
    assert said in block(text_engine, "fenwickadvertiser")
    assert said not in block(text, "fenwickadvertiser")
    # The regions are the ones the reviewer's labels make, and they say so.
    for version in ("wexburylife", "fenwickadvertiser"):
        assert "regions by the reviewer's labels" in block(text, version)
        assert "regions by the reviewer's labels" not in block(text_engine, version)
    # The other way: the preview's own sentences relabelled as taken.
    explainer = report.comparison("explainer")
    assert explainer.verdict == "independent"
    for p in explainer.passages:
        if p.label == "added":
            overrides.set_label(report, explainer, p, "paraphrased")
    text = render(report, "text", overrides=overrides)
    tree = text.split("derivation tree:", 1)[1].split("\n\n", 1)[0]
    assert "explainer \u270e reviewer: wholly-derived from britwire" in tree


def test_omissions_and_family_cells_follow_a_relabel_of_part_of_a_form(tmp_path: Path) -> None:
    """helper-51: one sentence of a six-sentence family form relabelled added turned the
    whole cell to "A added"; and the wire's paragraph behind a passage relabelled added was
    listed neither as reused nor as not used."""
    import shutil

    from tui.core.engine import compare_paths
    from tui.core.review import reviewed_families
    from tui.present import audit

    family = Path(__file__).resolve().parents[1] / "benchmarks/data/news"
    family /= "f13-britwire-council-budget"
    for path in [*family.glob("*.txt"), *family.glob("*.html")]:  # families need them all
        shutil.copy(path, tmp_path / path.name.split("_")[-1])
    report = compare_paths([str(tmp_path)], reference="britwire")
    c = report.comparison("wexburycourier")
    engine = report.provenance.families  # type: ignore[union-attr]
    # A form that one derived passage holds only part of.
    wide, passage = next(
        (v, p)
        for f in engine
        if f.origin != c.target
        for v in f.variants
        if v.doc == c.target
        for p in c.passages
        if p.derived
        and set(p.target_sentences) & set(v.sentences)
        and not set(v.sentences) <= set(p.target_sentences)
    )
    overrides = OverrideSet().bind(report)
    overrides.set_label(report, c, passage, "added")
    families, marked = reviewed_families(report, overrides)
    fid = next(f.id for f in engine if wide in f.variants)
    assert marked[(fid, c.target)] is False
    [v] = [v for f in families if f.id == fid for v in f.variants if v.doc == c.target]
    assert v.label == wide.label
    # The wire's text behind it is now listed as not used.
    untaken = [
        e
        for a in audit.omissions(report, overrides)
        if a.doc == c.target
        for g in a.groups
        for e in g.items
        if e.reason.startswith("not used: the passage that held it relabelled added")
    ]
    assert [e.item.source_spans for e in untaken] == [list(passage.source_spans)]  # type: ignore[union-attr]
    # helper-55: the counts said "omitted 15" beside an omissions list grown to 16.
    figures = review_report(report, overrides)[c.target]
    listed = sum(
        len(g.items)
        for a in audit.omissions(report, overrides)
        if a.doc == c.target
        for g in a.groups
    )
    engine_listed = sum(
        len(g.items) for a in audit.omissions(report) if a.doc == c.target for g in a.groups
    )
    assert figures.counts["omitted"] - c.label_counts()["omitted"] == listed - engine_listed == 1
