"""Figures a copy changed: read from real papers' copies of a wire story with a figure
changed, and never from the same figure written another way or moved."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from markupsafe import escape
from textual.widgets import Static

from tui.app.app import StoryTraceApp
from tui.app.screens.detail import DetailScreen
from tui.app.widgets.version_table import VersionTable
from tui.core.contract import report_to_json
from tui.core.diffing import word_diff
from tui.core.engine import compare_pair, compare_paths
from tui.core.figures import changed_figures, passage_figures
from tui.core.loading import document_from_bytes, load_document
from tui.core.model import Comparison, Document, Report
from tui.core.segment import segment
from tui.core.settings import Settings
from tui.report import render
from tui.report.csv_report import COLUMNS
from tui.report.markdown import escape as md_escape

from .test_app_layout import box_lines

NEWS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "news"
HEDGE = NEWS / "f02-courts-hedge"
MERIDIAN = NEWS / "f04-politics-meridian"


def edited(path: Path, *edits: tuple[str, str]) -> Document:
    """A paper's copy with some of its wording replaced, each edit made once."""
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return document_from_bytes(text.encode("utf-8"), path.name)


def compare(wire: Path, copy: Document) -> Comparison:
    return compare_pair(load_document(wire / "wire.txt"), copy, Settings())


def changes(c: Comparison) -> list[tuple[str, str]]:
    return [(f.source, f.target) for p in c.passages for f in p.changed_figures]


def in_text(text: str, other: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b, _, _ in changed_figures(word_diff(text, other))]


def test_a_court_copy_that_changed_the_sentence_and_an_age() -> None:
    """The Mirror's copy of the hedge case with the sentence, the defendant's age and the
    date of the killing changed: each is listed with the wire's figure first, the unit or
    month beside it, in the sentences that hold it on both sides."""
    copy = edited(
        HEDGE / "mirror.txt",
        ("jailed for three years", "jailed for five years"),
        ("Raymond Pruett, 67,", "Raymond Pruett, 76,"),
        ("evening of June 14", "evening of June 15"),
    )
    c = compare(HEDGE, copy)
    assert changes(c) == [("three years", "five years"), ("67", "76"), ("June 14", "June 15")]
    wire = segment(load_document(HEDGE / "wire.txt"))
    for p in c.passages:
        for f in p.changed_figures:
            assert p.label in ("edited", "paraphrased")
            assert f.source_sentence in p.source_sentences
            assert f.target_sentence in p.target_sentences
            assert f.source.split()[-1] in wire.sentence_text(f.source_sentence)
            assert f.target.split()[-1] in copy.sentence_text(f.target_sentence)


def test_money_changed_in_a_copy_that_writes_it_another_way() -> None:
    """The Mirror writes the wire's "£412 million" as "£412million": a changed sum is listed
    as each side writes it, the restyled one is not."""
    copy = edited(MERIDIAN / "mirror.txt", ("£96million", "£69million"))
    assert changes(compare(MERIDIAN, copy)) == [("£96 million", "£69million")]
    assert changes(compare(MERIDIAN, edited(MERIDIAN / "mirror.txt"))) == []


def test_an_update_filed_later_changed_no_figure_of_its_slug_line() -> None:
    """helper-52: the wire's update carries its own filing time in its slug line ("15:48"
    then "16:52"), which was listed as a figure the update changed. A figure changed in the
    story below it still is."""
    wire = (HEDGE / "wire.txt").read_text(encoding="utf-8")
    slug = next(line for line in wire.splitlines() if re.match(r"\d\d:\d\d \d\d/", line))
    later = f"{int(slug[:2]) + 1:02d}{slug[2:]}"
    copy = edited(
        HEDGE / "wire.txt", (slug, later), ("jailed for three years", "jailed for five years")
    )
    assert changes(compare(HEDGE, copy)) == [("three years", "five years")]


def test_counts_in_words_and_digits() -> None:
    assert in_text("Twelve people were hurt.", "Three people were hurt.") == [
        ("Twelve people", "Three people")
    ]
    assert in_text("He sold 41,000 litres of diesel.", "He sold 14,000 litres of diesel.") == [
        ("41,000 litres", "14,000 litres")
    ]
    assert in_text("Prices rose 3 per cent in May.", "Prices rose 4% in May.") == [
        ("3 per cent", "4%")
    ]
    assert in_text("It was his third conviction.", "It was his fourth conviction.") == [
        ("third conviction", "fourth conviction")
    ]
    assert in_text("between March 2024 and May", "between March 2023 and May") == [
        ("March 2024", "March 2023")
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("jailed for three years today", "jailed for 3 years yesterday"),
        ("paid £96m in the final year", "paid £96 million in the final year"),
        ("a suspended sentence of 12 months", "a suspended sentence of twelve months"),
        ("Prices rose 3 per cent in May.", "Prices rose 3% in May."),
        ("sold 41,000 litres", "sold 41000 litres"),
        ("income is $33,011, and", "income is $33.011, and"),  # a decimal comma
        ("debuted at 7:00 PM, Friday", "debuted at 19:00, Friday"),
        ("In total 3,914 of them developed", "About 3,900 of them developed"),  # rounded
        ("ran the 100m in ten seconds", "ran the 100 metres in ten seconds"),
    ],
)
def test_the_same_value_written_another_way_is_no_change(source: str, target: str) -> None:
    assert in_text(source, target) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("three men and five women were held", "five women and three men were held"),
        (
            "He was jailed for three years and fined £5,000 for the theft.",
            "He was fined £5,000 and jailed for three years for the theft.",
        ),
        # The unit changed beside a figure, a sum of two, a conversion of currency.
        ("in the previous 48 hours.", "in the previous two days."),
        ("admitted 14 counts of fraud", "admitted 15 fraud charges"),
        ("a fund of £96m was set up", "a fund of $120m was set up"),
    ],
)
def test_moved_or_unclear_figures_are_left_out(source: str, target: str) -> None:
    assert in_text(source, target) == []


def test_lines_of_a_listing_are_not_prose() -> None:
    """Two lines of a table alike in form are two entries, not one changed; a short
    sentence of prose still counts."""

    def listed(source: str, target: str) -> list[tuple[str, str]]:
        found = passage_figures(word_diff(source, target), [(0, source)], [(0, target)])
        return [(f.source, f.target) for f in found]

    assert listed("299 (as of 2004) [4]", "777 (as of 2004) [4]") == []
    assert listed("Keble, 52, admitted theft.", "Keble, 53, admitted theft.") == [("52", "53")]


def test_a_restyled_copy_changes_no_figure() -> None:
    """The Mirror's own copy, and the same copy with its figures restyled (words for
    digits, "m" for "million"), change no figure of the wire."""
    assert changes(compare(HEDGE, edited(HEDGE / "mirror.txt"))) == []
    restyled = edited(
        HEDGE / "mirror.txt",
        ("jailed for three years", "jailed for 3 years"),
        ("Raymond Pruett, 67,", "Raymond Pruett, sixty-seven,"),
    )
    assert changes(compare(HEDGE, restyled)) == []


# The one paper of the news families written to change figures: f13's Wexbury Life gives
# the council tax rise and the reserves as other sums (its gold says so).
CHANGED = {
    "2026-11-27_wexbury-budget_wexburylife.html": [
        ("£92.46", "£94.26"),
        ("£19 million", "£9 million"),
    ]
}


@pytest.mark.parametrize("family", sorted(p.name for p in NEWS.glob("f*")))
def test_no_paper_of_the_news_families_changed_a_figure(family: str) -> None:
    """Read by hand: no other paper in these families gives a figure of the wire as another
    (the one candidate, "About 3,900" for "In total 3,914", is a rounding), so none is
    listed."""
    folder = NEWS / family
    wire = next(p for p in sorted(folder.glob("*.txt")) if "wire" in p.name)
    source = load_document(wire)
    for path in sorted([*folder.glob("*.txt"), *folder.glob("*.html")]):
        if path != wire:
            c = compare_pair(source, load_document(path), Settings())
            assert changes(c) == CHANGED.get(path.name, []), path.name


# ------------------------------------------------------------------ contract and reports


@pytest.fixture(scope="module")
def hedge_family(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The hedge case's wire, the Mirror's copy with the sentence and an age changed and the
    judge's words reworded, and the Times's copy as printed (which changed no figure)."""
    folder = tmp_path_factory.mktemp("hedge")
    mirror = edited(
        HEDGE / "mirror.txt",
        ("jailed for three years", "jailed for five years"),
        ("Raymond Pruett, 67,", "Raymond Pruett, 76,"),
        (
            "a tragedy born of something as trivial",
            "a senseless tragedy born of something as petty",
        ),
    )
    (folder / "wire.txt").write_bytes((HEDGE / "wire.txt").read_bytes())
    (folder / "mirror.txt").write_text(mirror.text, encoding="utf-8")
    (folder / "times.txt").write_bytes((HEDGE / "times.txt").read_bytes())
    return [str(folder / n) for n in ("mirror.txt", "times.txt", "wire.txt")]


@pytest.fixture(scope="module")
def hedge_report(hedge_family: list[str]) -> Report:
    return compare_paths(hedge_family, reference="wire")


def test_the_json_gives_each_passages_changed_figures(
    hedge_family: list[str], hedge_report: Report
) -> None:
    """Per passage, beside its substitutions: the wire's wording, the copy's, and the
    sentence each is in (numbered as in ``documents``); the same every run."""
    data = json.loads(report_to_json(hedge_report))
    assert data["schema"] == "storytrace/13"
    found = {}
    for c in data["comparisons"]:
        for p in c["passages"]:
            assert isinstance(p["changed_figures"], list)
            if p["label"] not in ("verbatim", "edited", "paraphrased"):
                assert p["changed_figures"] == []
            for f in p["changed_figures"]:
                assert f["source_sentence"] in p["source_sentences"]
                assert f["target_sentence"] in p["target_sentences"]
                found.setdefault(c["target"], []).append((f["from"], f["to"]))
    assert found == {"mirror": [("three years", "five years"), ("67", "76")]}
    quotes = [
        (q["from"], q["to"])
        for c in data["comparisons"]
        for p in c["passages"]
        for q in p["changed_quotes"]
    ]
    # Each as the passage's sentences hold it: the wire's quotation runs on in the next
    # sentence ("One punch..."), which the Mirror's passage does not take.
    [(wire_said, mirror_said)] = quotes
    assert wire_said == JUDGE
    assert mirror_said == "This was a senseless tragedy born of something as petty as a hedge."
    again = compare_paths(hedge_family, reference="wire")
    assert report_to_json(again) == report_to_json(hedge_report)


# The one wording every format and the explorer give (paragraphs of the Mirror's copy as
# printed, and of the wire with its furniture).
FIVE_YEARS = "'three years' -> 'five years' (paragraph 3, from paragraph 7 of wire)"
AGE = "'67' -> '76' (paragraph 4, from paragraph 8 of wire)"
# The judge's words as the wire has them, in the passage the Mirror reworded them in.
JUDGE = "This was a tragedy born of something as trivial as a hedge."
REWORDED = (
    f"'{JUDGE}' -> 'This was a senseless tragedy born of something as petty as a hedge.'"
    " (paragraph 10, from paragraph 14 of wire)"
)


def test_the_text_report_lists_them_under_the_version(hedge_report: Report) -> None:
    text = render(hedge_report, "text")
    block = text.split("\nmirror: ", 1)[1].split("\n\n", 1)[0]
    assert f"  figures changed: {FIVE_YEARS}; {AGE}" in block.splitlines()
    assert f"  quotations reworded: {REWORDED}" in block.splitlines()
    times = text.split("\ntimes: ", 1)[1].split("\n\n", 1)[0]
    assert "figures changed" not in times
    assert FIVE_YEARS in render(hedge_report, "text", exhibit=True)


def test_markdown_and_html_list_them_in_the_same_words(hedge_report: Report) -> None:
    md = render(hedge_report, "md")
    mirror = md.split("## Version mirror", 1)[1].split("### Passages", 1)[0]
    assert "**Figures changed**:" in mirror
    assert f"- {md_escape(FIVE_YEARS)}" in mirror and f"- {md_escape(AGE)}" in mirror
    assert f"**Quotations reworded**:\n\n- {md_escape(REWORDED)}" in mirror
    assert "Figures changed" not in md.split("## Version times", 1)[1]
    page = render(hedge_report, "html")
    mirror = page.split('id="v-mirror"', 1)[1].split("<h3>Passages</h3>", 1)[0]
    for line in (FIVE_YEARS, AGE, REWORDED):
        assert str(escape(line)) in mirror
    # Each links to its passage's row.
    for link in re.findall(r'<ul class="figures">.*?</ul>', mirror, re.S)[0].split("<li>")[1:]:
        anchor = re.search(r'href="#([^"]+)"', link)
        assert anchor and f'id="{anchor[1]}"' in page


def test_the_csv_gives_each_passages_changed_figures(hedge_report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render(hedge_report, "csv").lstrip("\ufeff"))))
    changed = [(r["version"], r["changed_figures"]) for r in rows if r["changed_figures"]]
    assert changed == [("mirror", "'three years' -> 'five years'"), ("mirror", "'67' -> '76'")]
    assert COLUMNS[-2:] == ("changed_figures", "changed_quotes")
    quotes = [(r["version"], r["changed_quotes"]) for r in rows if r["changed_quotes"]]
    assert quotes == [("mirror", REWORDED.split(" (paragraph")[0])]


async def test_the_explorer_says_what_the_reports_say(hedge_report: Report) -> None:
    """The overview's panel for the version gives the text report's line; a passage's detail
    gives its own changed figures."""
    app = StoryTraceApp(report=hedge_report)
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        app.screen.query_one(VersionTable).select_id("mirror")
        await pilot.pause()
        panel = str(app.screen.query_one("#overview-regions", Static).render())
        assert f"figures changed: {FIVE_YEARS}; {AGE}" in " ".join(panel.split())
        assert f"quotations reworded: {REWORDED}" in " ".join(panel.split())
        c = hedge_report.comparison("mirror")
        k = next(k for k, p in enumerate(c.passages) if p.changed_figures)
        app.push_screen(DetailScreen(hedge_report, c, [k]))
        await pilot.pause()
        lines = box_lines(app)
        at = lines.index("Figures changed")
        assert lines[at + 1] == "  \u201cthree years\u201d \u2192 \u201cfive years\u201d"


def test_terminal_escape_codes_are_no_figures_and_no_names() -> None:
    """A hostile file's "␛[0m" was read as "0m" (0 million): "figures changed: '0m
    countries' -> 'Thirty-four countries'", and its codes as numbers the story dropped."""
    from tui.core.diffing import word_diff
    from tui.core.facts import facts
    from tui.core.figures import passage_figures

    hostile = "Breaking news \x1b[31mred alert\x1b[0m from Geneva: 34 countries signed the treaty."
    assert sorted(facts(hostile)) == ["34", "geneva"]
    plain = "Breaking news red alert from Geneva: thirty-four countries signed the treaty."
    source = "Governments of \x1b[0mThirty-four countries signed the treaty on cables today."
    target = "Governments of Thirty-four countries signed the treaty on cables today."
    assert passage_figures(word_diff(source, target), [(0, source)], [(0, target)]) == []
    assert passage_figures(word_diff(hostile, plain), [(0, hostile)], [(0, plain)]) == []


def test_a_version_found_independent_changed_no_figure(hedge_report: Report) -> None:
    """A preview written before a vote said a petition had "passed 18,000"; compared with
    the wire's "18,400" it was listed as a copy that changed a figure, beside its verdict
    of independent (helper-49). Its passages keep both figures in their diffs."""
    from dataclasses import replace

    from tui.present.figures import figure_changes

    mirror = next(c for c in hedge_report.comparisons if c.target == "mirror")
    wire, copy = hedge_report.document("wire"), hedge_report.document("mirror")
    assert figure_changes(wire, copy, mirror)
    apart = replace(mirror, verdict="independent")
    assert figure_changes(wire, copy, apart) == []
    assert any(p.changed_figures for p in apart.passages)
