"""Exclusions as plagiarism reports make them: shared quotations, page furniture copied with the
text and short matches left out of the shares and verdicts, at once in the explorer and by
option on the command line, and recorded in every report."""

from __future__ import annotations

import functools
import html
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.app.app import StoryTraceApp
from tui.cli import main
from tui.core.classify import copied_furniture
from tui.core.engine import compare_paths
from tui.core.model import Report
from tui.core.settings import Settings
from tui.present.exclusions import Exclusions, exclusions_text
from tui.report import render

from .conftest import REPO, compared_seeds, seed_paths
from .test_app_support import screen_text, settle, wait_workers

# An AP story and its copies: one republisher keeps the wire's dateline and credit lines.
WILDFIRE = REPO / "benchmarks" / "data" / "news" / "f07-ap-wildfire"


def _wildfire_paths() -> list[str]:
    return sorted(str(p) for p in WILDFIRE.iterdir() if p.suffix in (".txt", ".html"))


@functools.cache
def _wildfire(exclude_boilerplate: bool) -> Report:
    return compare_paths(
        _wildfire_paths(), settings=Settings(exclude_boilerplate=exclude_boilerplate)
    )


def test_copied_furniture_counts_unless_excluded() -> None:
    counted, excluded = _wildfire(False), _wildfire(True)
    copier = next(
        c
        for c in counted.comparisons
        if any(copied_furniture(p, counted.document(c.target)) for p in c.passages)
    )
    # What the copy took of the wire's furniture: its dateline and credits, by their shape.
    furniture = [
        counted.document(copier.target).cut(p.target_spans[0])
        for p in copier.passages
        if copied_furniture(p, counted.document(copier.target))
    ]
    assert any("(AP)" in f for f in furniture), furniture
    after = excluded.comparison(copier.target)
    assert after.coverage["target_derived"] < copier.coverage["target_derived"]
    # Nothing else moves: versions without copied furniture keep their figures.
    for c in counted.comparisons:
        if not any(copied_furniture(p, counted.document(c.target)) for p in c.passages):
            assert excluded.comparison(c.target).coverage == c.coverage, c.target
    assert counted.settings["exclude_boilerplate"] is False
    assert excluded.settings["exclude_boilerplate"] is True


def test_every_report_records_the_exclusions_that_were_on() -> None:
    report = _wildfire(True)
    said = exclusions_text(report.settings)
    assert "page furniture, copied or not" in said and "shared quotations" in said
    for fmt in ("text", "md", "html"):
        assert said in html.unescape(render(report, fmt)), fmt
    assert json.loads(render(report, "json"))["settings"]["exclude_boilerplate"] is True
    # The default says what it counts, too.
    plain = exclusions_text(_wildfire(False).settings)
    assert "counted: copied page furniture, matches of any length" in plain


def test_the_command_line_options_reach_the_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    args = ["compare", *seed_paths(), "--no-notes", "--format", "json", "-o", str(out)]
    result = CliRunner().invoke(
        main, [*args, "--exclude-boilerplate", "--include-quotes", "--min-match-words", "12"]
    )
    assert result.exit_code == 0, result.output
    settings = json.loads(out.read_text(encoding="utf-8"))["settings"]
    assert settings["exclude_boilerplate"] is True
    assert settings["exclude_quotes"] is False
    assert settings["min_match_words"] == 12


async def test_the_dialog_rescores_every_version_as_the_command_line_would() -> None:
    report = compared_seeds()
    app = StoryTraceApp(seed_paths(), report=report)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        before = screen_text(app)
        assert "Exclusions (E): shared quotations, unmatched page furniture" in before
        assert "matches under" not in before
        await pilot.press("E")
        await pilot.pause()
        box = app.screen.query_one("#exclusions-words")
        # A number out of range is said, not quietly read as 0: the dialog stays.
        box.value = "-5"  # type: ignore[attr-defined]
        box.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert box.is_attached and app.report is report
        assert any("not '-5'" in n.message for n in app._notifications)
        box.value = "15"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_workers(pilot)
        await pilot.pause()
        rescored = app.report
        assert rescored is not None and rescored is not report
        assert Exclusions.of(rescored.settings) == Exclusions(True, False, 15)
        after = screen_text(app)
        assert "matches under 15 words" in after
        # Shares fell where short matches were counted, and the overview shows the new ones.
        old = {c.target: c.coverage["target_derived"] for c in report.comparisons}
        new = {c.target: c.coverage["target_derived"] for c in rescored.comparisons}
        assert any(new[t] < old[t] for t in old)
        assert before != after
    # The explorer's figures are the command line's with the same options, byte for byte.
    same = compare_paths(seed_paths(), settings=Settings(min_match_words=15))
    assert render(rescored, "json") == render(same, "json")


@pytest.mark.parametrize(
    ("last", "shown"),
    [
        ("escape", "Exclusions (E): shared quotations, unmatched page furniture"),
        ("ctrl+s", "Exclusions (E): unmatched page furniture"),
    ],
)
async def test_the_quotations_switch_applies_or_cancels(last: str, shown: str) -> None:
    report = compared_seeds()
    app = StoryTraceApp(seed_paths(), report=report)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # The first switch has the focus: space turns "leave out shared quotations" off.
        await pilot.press("E", "space", last)
        await wait_workers(pilot)
        cancelled = last == "escape"
        assert app.report is not None and (app.report is report) is cancelled
        assert app.report.settings["exclude_quotes"] is cancelled
        assert shown in screen_text(app)
