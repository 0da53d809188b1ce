"""Pinned-size pictures of every screen on the seeds, dark and light, wide and narrow, and
of the ten-version family at 80 and 160 columns.

Update after a deliberate change with ``pytest tests/test_app_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app.app import StoryTraceApp
from tui.core.engine import compare_paths
from tui.core.model import Report
from tui.screenshots import relabel_added

from .conftest import GOLD_REFERENCE, REPO, seed_paths
from .test_app_support import settle

SCREENS: dict[str, list[str]] = {
    "overview": [],
    "paragraphs": ["enter", "j", "j"],
    "sentences": ["enter", "v", "n", "n", "n"],
    "detail": ["enter", "v", "n", "n", "n", "enter"],
    "help": ["question_mark"],
}
# The provenance screens and dialogs: dark at 120 columns, one of them light too.
PROVENANCE_SCREENS: dict[str, list[str]] = {
    "families": ["f"],
    "family-detail": ["f", "n", "d"],
    "lexicon": ["x"],
    "audit": ["i"],
    "export": ["e"],
    "relabel": ["enter", "v", "n", "l"],
    "exclusions": ["E", "space", "tab", "tab", "1", "2"],
}
PROVENANCE_SHOTS = [(screen, "dark-120") for screen in PROVENANCE_SCREENS] + [
    ("families", "light-120")
]
# The dialogs that must fit a small terminal.
SMALL_SCREENS: dict[str, list[str]] = {
    "export": ["e"],
    "help": ["question_mark"],
    "exclusions": ["E"],
}
# Ten versions with long names: what short names, whole columns and the footer look like.
FAMILY_SCREENS: dict[str, list[str]] = {
    "overview": [],
    "paragraphs": ["enter"],
    "families": ["f", "l", "l"],
    "lexicon": ["x"],
}
FAMILY_SHOTS = [(screen, look) for screen in FAMILY_SCREENS for look in ("dark-160", "dark-80")]
LOOKS = {
    "dark-120": ("textual-dark", (120, 40)),
    "light-120": ("textual-light", (120, 40)),
    "dark-80": ("textual-dark", (80, 40)),
    "dark-80x24": ("textual-dark", (80, 24)),
    "dark-160": ("textual-dark", (160, 40)),
}


@pytest.mark.parametrize("look", ["dark-120", "light-120", "dark-80"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, monkeypatch: pytest.MonkeyPatch, screen: str, look: str) -> None:
    assert _shoot(snap_compare, monkeypatch, SCREENS[screen], look)


@pytest.mark.parametrize(("screen", "look"), PROVENANCE_SHOTS)
def test_provenance_screen(
    snap_compare, monkeypatch: pytest.MonkeyPatch, screen: str, look: str
) -> None:
    assert _shoot(snap_compare, monkeypatch, PROVENANCE_SCREENS[screen], look)


@pytest.mark.parametrize("screen", list(SMALL_SCREENS))
def test_small_terminal(snap_compare, monkeypatch: pytest.MonkeyPatch, screen: str) -> None:
    assert _shoot(snap_compare, monkeypatch, SMALL_SCREENS[screen], "dark-80x24")


@pytest.mark.parametrize(("screen", "look"), FAMILY_SHOTS)
def test_family_screen(
    snap_compare, family_paths: list[str], family_report: Report, screen: str, look: str
) -> None:
    app = StoryTraceApp(family_paths, report=family_report)
    assert _shoot_app(snap_compare, app, FAMILY_SCREENS[screen], look)


@functools.cache
def _seeds_report() -> Report:
    """Once per process, from paths relative to the checkout (the detail screen shows them,
    wherever the clone is), against the gold reference, named: pictures should change with
    labels, not with the choice."""
    return compare_paths(
        [str(Path(p).relative_to(REPO)) for p in seed_paths()], reference=GOLD_REFERENCE
    )


def _shoot(snap_compare, monkeypatch: pytest.MonkeyPatch, keys: list[str], look: str) -> bool:
    monkeypatch.chdir(REPO)
    report = _seeds_report()
    return _shoot_app(
        snap_compare, StoryTraceApp([d.path for d in report.documents], report=report), keys, look
    )


def _shoot_app(snap_compare, app: StoryTraceApp, keys: list[str], look: str) -> bool:
    theme, size = LOOKS[look]

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        pilot.app.theme = theme
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return snap_compare(app, terminal_size=size, run_before=run_before)


def test_reviewed_overview(snap_compare, family_paths: list[str], family_report: Report) -> None:
    """The overview once a reviewer has called a partly derived version's added passages
    verbatim: its row shows the reviewer's figures, marked, and the panel both figures."""
    app = StoryTraceApp(family_paths, report=family_report)

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        relabel_added(app, family_report)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(160, 40), run_before=run_before)
