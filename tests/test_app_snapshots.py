"""Pinned-size pictures of every screen on the seeds, dark and light, wide and narrow.

Update after a deliberate change with ``pytest tests/test_app_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app.app import StoryTraceApp

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
    "family-detail": ["f", "n", "enter"],
    "lexicon": ["x"],
    "audit": ["i"],
    "export": ["e"],
    "relabel": ["enter", "v", "n", "l"],
}
PROVENANCE_SHOTS = [(screen, "dark-120") for screen in PROVENANCE_SCREENS] + [
    ("families", "light-120")
]
LOOKS = {
    "dark-120": ("textual-dark", (120, 40)),
    "light-120": ("textual-light", (120, 40)),
    "dark-80": ("textual-dark", (80, 40)),
}


@pytest.mark.parametrize("look", list(LOOKS))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, monkeypatch: pytest.MonkeyPatch, screen: str, look: str) -> None:
    assert _shoot(snap_compare, monkeypatch, SCREENS[screen], look)


@pytest.mark.parametrize(("screen", "look"), PROVENANCE_SHOTS)
def test_provenance_screen(
    snap_compare, monkeypatch: pytest.MonkeyPatch, screen: str, look: str
) -> None:
    assert _shoot(snap_compare, monkeypatch, PROVENANCE_SCREENS[screen], look)


def _shoot(snap_compare, monkeypatch: pytest.MonkeyPatch, keys: list[str], look: str) -> bool:
    theme, size = LOOKS[look]
    # Paths relative to the checkout: the detail screen shows them, wherever the clone is.
    monkeypatch.chdir(REPO)
    # The gold reference, named: pictures should change with labels, not with the choice.
    app = StoryTraceApp(
        [str(Path(p).relative_to(REPO)) for p in seed_paths()], reference=GOLD_REFERENCE
    )

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        pilot.app.theme = theme
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return snap_compare(app, terminal_size=size, run_before=run_before)
