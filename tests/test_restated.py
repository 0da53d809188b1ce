"""A version that restates its source throughout: a tabloid boils the wire down to four
sentences and changes nearly every word, so no sentence of it alone says it was copied, yet
nothing in it comes from anywhere else. Independent reports on the same study, and a paper
that adds its own reporting to the wire's, must not read that way (benchmarks/data/news,
f05: an invented PA health story and the papers that used it, with their gold labels)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tui.app.app import StoryTraceApp
from tui.app.screens.detail import DetailScreen
from tui.core.engine import compare_paths
from tui.core.facts import specifics
from tui.core.model import Comparison, Report
from tui.core.settings import Settings
from tui.present.wording import RESTATED
from tui.report import render

from .test_app_support import open_side_by_side, screen_text

FAMILY = (
    Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "news" / "f05-health-gardening"
)
WIRE = FAMILY / "wire.txt"
PREFIX = "16.09.26_health052_"


def _against_wire(paper: str) -> tuple[Report, Comparison]:
    report = compare_paths([WIRE, FAMILY / f"{PREFIX}{paper}.txt"], reference=str(WIRE))
    return report, report.comparisons[0]


def test_a_tabloid_restating_the_wire_throughout_is_derived_from_it() -> None:
    report, c = _against_wire("sun")
    source, target = report.document(c.source), report.document(c.target)
    texts = [i for i, s in enumerate(target.sentences) if s.kind == "text"]
    restated = [p for p in c.passages if p.restated]
    assert c.verdict == "wholly-derived"
    # Every sentence of the story is linked, each to wire sentences holding its content.
    assert sorted(t for p in c.passages if p.derived for t in p.target_sentences) == texts
    assert len(restated) >= 2 and all(p.derived for p in restated)
    th = Settings().thresholds
    for p in restated:
        mine = specifics(target.sentence_text(p.target_sentences[0]), th.fact_zipf)[0]
        theirs = frozenset().union(
            *(specifics(source.sentence_text(s), th.fact_zipf)[0] for s in p.source_sentences)
        )
        assert len(mine & theirs) >= max(th.fact_min, th.restate_share * len(mine))


def test_independent_reports_and_own_reporting_are_not_restatements() -> None:
    # Telegraph and Guardian: their own interviews on the same study, sharing the published
    # finding and the press release's quote. Mail: the wire's findings rewritten, with its
    # own case study, a GP's comment and a how-to panel making up about half the piece.
    for paper, verdict in (
        ("telegraph", "independent"),
        ("guardian", "independent"),
        ("mail", "partially-derived"),
    ):
        _, c = _against_wire(paper)
        assert c.verdict == verdict, paper
        assert not any(p.restated for p in c.passages), paper


def test_restated_passages_are_marked_in_every_format() -> None:
    report, c = _against_wire("sun")
    marked = [k for k, p in enumerate(c.passages) if p.restated]
    data = json.loads(render(report, "json"))
    flags = [p["restated"] for p in data["comparisons"][0]["passages"]]
    assert [k for k, f in enumerate(flags) if f] == marked
    rows = list(csv.DictReader(io.StringIO(render(report, "csv").lstrip("\ufeff"))))
    assert sum(r["restated"] == "true" for r in rows) == len(marked)
    for fmt in ("md", "html"):
        assert render(report, fmt).count(RESTATED) == len(marked), fmt


async def test_the_detail_view_says_why_a_restated_sentence_is_linked() -> None:
    report, c = _against_wire("sun")
    app = StoryTraceApp([str(WIRE), str(FAMILY / f"{PREFIX}sun.txt")], report=report)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_side_by_side(pilot)
        first = min(p.target_sentences[0] for p in c.passages if p.restated)
        row = next(r for r, x in enumerate(view.rows) if first in x.target_sentences)
        view.move_to(row)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        text = " ".join(screen_text(app).split())
        assert "restates the reference throughout" in text
