"""Shared helpers for the explorer's tests (no tests in here)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Sequence
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerFailed

from tui.app.app import StoryTraceApp
from tui.app.widgets.aligned_view import AlignedView

from .conftest import compared_seeds, seed_paths


def seeds_app() -> StoryTraceApp:
    """The explorer on the seeds, as ``storytrace seeds/`` opens it, from the process's one
    comparison of them."""
    return StoryTraceApp(seed_paths(), report=compared_seeds())


async def settle(pilot: Pilot) -> None:
    """Wait for the align worker and the messages it leaves behind."""
    with contextlib.suppress(WorkerFailed):  # the app shows the error; tests check that
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def screen_text(app: StoryTraceApp) -> str:
    """What the terminal would show, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def view_text(view: AlignedView) -> str:
    """Every line the aligned view draws in its viewport."""
    return "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))


async def open_side_by_side(pilot: Pilot, keys: Sequence[str] = ()) -> AlignedView:
    await settle(pilot)
    await pilot.press("enter")
    await pilot.pause()
    for key in keys:
        await pilot.press(key)
    await pilot.pause()
    return pilot.app.screen.query_one(AlignedView)


def seeds_copy(folder: Path) -> list[str]:
    """The seeds copied into ``folder`` (a sidecar or export written there stays there)."""
    for path in seed_paths():
        shutil.copy(path, folder)
    return sorted(str(p) for p in folder.glob("*.txt"))


async def wait_workers(pilot: Pilot) -> None:
    """Wait for every worker (export, align) and the messages they post."""
    await pilot.pause()
    with contextlib.suppress(WorkerFailed):
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def messages(app: StoryTraceApp) -> list[str]:
    return [n.message for n in app._notifications]
