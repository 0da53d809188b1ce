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
LOOKS = {
    "dark-120": ("textual-dark", (120, 40)),
    "light-120": ("textual-light", (120, 40)),
    "dark-80": ("textual-dark", (80, 40)),
}


@pytest.mark.parametrize("look", list(LOOKS))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, monkeypatch: pytest.MonkeyPatch, screen: str, look: str) -> None:
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
        for key in SCREENS[screen]:
            await pilot.press(key)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
