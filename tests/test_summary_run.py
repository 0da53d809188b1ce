"""A summary keeps a sentence here and there, in whatever order its writer liked, and
rewrites most of them: one sentence close to its source, the others only loosely matching
theirs, anywhere in it. Around the close one they are a summary, and the summary stands
for the whole story; without it, loose matches are what any piece on the subject has."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.linking import linked_sentences
from tui.app.app import StoryTraceApp
from tui.app.screens.detail import DetailScreen
from tui.core.engine import compare_paths
from tui.core.model import Comparison, Document, Report
from tui.present.wording import LINKED_BY
from tui.report import render

from .test_app_support import open_side_by_side, screen_text

STORY = [
    "Engineers began work on Monday on a new flood wall along the river in Aldermoor, two "
    "years after the town centre was swamped by a storm surge.",
    "The wall, which will run for 800 metres from the railway bridge to the old tannery, is "
    "expected to cost around 14 million pounds.",
    "Most of the money comes from the national flood fund, with the rest raised by the "
    "county council and local businesses.",
    "Shopkeepers on Bridge Street, where water reached the first floor in 2022, said they "
    "had waited too long for the scheme.",
    "The council's head of highways said the first section would be finished before the "
    "winter rains.",
    "Traffic on the riverside road will be cut to one lane while the foundations are dug.",
    "A public footpath along the bank will close for at least six months, and walkers are "
    "asked to use the park instead.",
    "Residents will be able to see the plans at an exhibition in the library every Saturday "
    "this month.",
    "Ecologists have surveyed the bank for otters and water voles, and the contractor must "
    "stop work if a nest is found.",
    "The last major flood defence in the town was built in 1968 and has been breached three "
    "times since.",
]

# Story sentences 8, 9, 6 and 3, in that order, each in a few words of the writer's own.
LOOSE = [
    "Wildlife experts checked the bank first, and any nest found will stop the builders.",
    "The old defence dates from 1968 and has often failed.",
    "Walkers will have to go round by the park for half a year.",
    "Traders who were flooded say they waited too long.",
]
CLOSE = (
    "Aldermoor has begun building a flood wall by the river, two years after the town centre "
    "was swamped by a storm surge."
)


def _compare(tmp_path: Path, summary: list[str]) -> tuple[Comparison, Document, Document]:
    report = _report(tmp_path, summary)
    c = report.comparisons[0]
    return c, report.document(c.source), report.document(c.target)


def _report(tmp_path: Path, summary: list[str]) -> Report:
    story, digest = tmp_path / "flood.txt", tmp_path / "digest.txt"
    story.write_text("\n\n".join(STORY) + "\n", encoding="utf-8")
    paragraphs = [
        "Around the county this week.",
        "The county show returns to the showground on Saturday with sheep shearing and a dog show.",
        " ".join(summary),
        "Tickets for the show are on sale at the gate and cost five pounds for adults.",
    ]
    digest.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return compare_paths([str(story), str(digest)], reference=str(story))


def test_a_summary_around_a_close_sentence_is_linked_whole(tmp_path: Path) -> None:
    c, source, target = _compare(tmp_path, [CLOSE, *LOOSE])
    assert linked_sentences(c, target) == {
        CLOSE: (0,),
        LOOSE[0]: (8,),
        LOOSE[1]: (9,),
        LOOSE[2]: (6,),
        LOOSE[3]: (3,),
    }
    # One region, the whole story on the source side: a summary condenses all of it.
    assert len(c.regions) == 1
    first, last = source.sentences[0], source.sentences[-1]
    assert c.regions[0].source_span == (first.start, last.end)


def test_one_sentence_of_the_writers_own_does_not_end_the_summary(tmp_path: Path) -> None:
    own = "Organisers of the county show are praying for sunshine this year."
    c, _, target = _compare(tmp_path, [CLOSE, *LOOSE[:2], own, *LOOSE[2:]])
    linked = linked_sentences(c, target)
    assert own not in linked
    assert linked == {CLOSE: (0,), LOOSE[0]: (8,), LOOSE[1]: (9,), LOOSE[2]: (6,), LOOSE[3]: (3,)}
    assert len(c.regions) == 1  # the summary is one region, its own sentence inside it


def test_a_summary_opening_on_a_later_point_is_one_region(tmp_path: Path) -> None:
    # Its first sentence restates the story's last one; then a sentence of the writer's own,
    # then the rest of the summary from the story's top: one summary, one region.
    own = "Organisers of the county show are praying for sunshine this year."
    c, source, target = _compare(tmp_path, [LOOSE[1], own, CLOSE, LOOSE[0], *LOOSE[2:]])
    assert linked_sentences(c, target)[LOOSE[1]] == (9,)
    assert len(c.regions) == 1
    assert c.regions[0].source_span == (source.sentences[0].start, source.sentences[-1].end)


def test_a_single_loose_sentence_after_close_ones_is_not_a_summarys(tmp_path: Path) -> None:
    # Story sentences 0, 7 and 9 close, out of step; then one loose sentence on sentence 3,
    # far from the passage before it: the page's own sentence on the same subject.
    close = [
        CLOSE,
        "Residents can see the plans at an exhibition in the library every Saturday this month.",
        "The last major flood defence in the town, built in 1968, has been breached three "
        "times since.",
    ]
    c, _, target = _compare(tmp_path, [*close, LOOSE[3]])
    assert linked_sentences(c, target) == {close[0]: (0,), close[1]: (7,), close[2]: (9,)}


def test_a_shared_quotation_is_no_summarys_close_sentence(tmp_path: Path) -> None:
    """Two reports of one meeting quote the council leader word for word; the rest of the
    page is loose matches on the story's subject, far from the quotation in the story."""
    said = '"We have waited two years for this wall, and every family on the river knows why,"'
    story, digest = tmp_path / "flood.txt", tmp_path / "digest.txt"
    other_news = [
        "The town council meets again on Thursday to set next year's budget.",
        "A new bus timetable for the villages around Aldermoor starts in the spring.",
        "The leisure centre pool reopens after repairs to its roof next week.",
        "Volunteers are wanted for the annual litter pick along the canal towpath.",
        "The market hall will host a craft fair on the first weekend of the holidays.",
        "Parking charges in the town centre car parks are due to rise in April.",
        "The library has extended its opening hours on Wednesday evenings.",
    ]
    quote = f"{said} said the council leader, Margaret Hale."
    story.write_text("\n\n".join([*STORY, *other_news, quote]) + "\n", encoding="utf-8")
    page = " ".join([f"{said} said Margaret Hale, the council leader.", *LOOSE])
    digest.write_text(f"Around the county this week.\n\n{page}\n", encoding="utf-8")
    c = compare_paths([str(story), str(digest)], reference=str(story)).comparisons[0]
    assert [p.quote for p in c.passages if p.derived] == [True]
    assert c.verdict == "independent"


def test_loose_matches_without_a_close_sentence_are_not(tmp_path: Path) -> None:
    c, _, target = _compare(
        tmp_path, ["Aldermoor's river is getting a wall against floods.", *LOOSE]
    )
    assert linked_sentences(c, target) == {}
    assert c.verdict == "independent"


def test_every_format_says_why_a_summarys_loose_sentence_is_linked(tmp_path: Path) -> None:
    report = _report(tmp_path, [CLOSE, *LOOSE])
    c = report.comparisons[0]
    target = report.document(c.target)
    why = {
        target.sentence_text(p.target_sentences[0]): p.linked_by for p in c.passages if p.derived
    }
    assert why == {CLOSE: "", **dict.fromkeys(LOOSE, "summary")}
    data = json.loads(render(report, "json"))
    assert data["schema"] == "storytrace/13"
    bases = [p["linked_by"] for p in data["comparisons"][0]["passages"]]
    assert bases == [p.linked_by for p in c.passages]
    rows = list(csv.DictReader(io.StringIO(render(report, "csv").lstrip("\ufeff"))))
    assert sum(r["linked_by"] == "summary" for r in rows) == len(LOOSE)
    mark = LINKED_BY["summary"][0]
    for fmt in ("md", "html"):
        assert render(report, fmt).count(mark) == len(LOOSE), fmt
    # The exhibits, what goes before a lawyer, too: the plain-text report lists passages
    # only there.
    for fmt in ("text", "md", "html"):
        assert render(report, fmt, exhibit=True).count(mark) == len(LOOSE), fmt


async def test_the_detail_view_says_why_a_summarys_loose_sentence_is_linked(
    tmp_path: Path,
) -> None:
    report = _report(tmp_path, [CLOSE, *LOOSE])
    c = report.comparisons[0]
    paths = [report.document(c.source).path, report.document(c.target).path]
    app = StoryTraceApp(paths, report=report)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_side_by_side(pilot)
        first = min(p.target_sentences[0] for p in c.passages if p.linked_by == "summary")
        view.move_to(next(r for r, x in enumerate(view.rows) if first in x.target_sentences))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        text = " ".join(screen_text(app).split())
        assert "Linked as part of a summary" in text
