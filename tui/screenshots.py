"""Regenerate ``screenshots/*.svg``: every explorer screen on the seeds, and the ten-version
sample family (``tui.sample_family``), at fixed sizes.

    python -m tui.screenshots [--out screenshots]

The pictures are deterministic (fixed terminal size and theme, no cursor blink), so a
changed file in a diff means the look changed. Each set of inputs is compared once and
every picture is taken of an app built from that report.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tui.app.app import StoryTraceApp
from tui.core.engine import compare_paths
from tui.core.model import Report
from tui.sample_family import build as build_family

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SIZE = (120, 40)
WIDE = (160, 40)
# Named rather than chosen, so the pictures change with the labels, not with the choice.
REFERENCE = "001_31fc123e83c1cc46"

# name -> (inputs, theme, size, keys pressed once the report is shown)
SHOTS: dict[str, tuple[str, str, tuple[int, int], list[str]]] = {
    "overview": ("seeds", "textual-dark", SIZE, []),
    "side-by-side": ("seeds", "textual-dark", SIZE, ["enter", "j", "j"]),
    "side-by-side-sentences": ("seeds", "textual-dark", SIZE, ["enter", "v", "n", "n", "n"]),
    "side-by-side-narrow": ("seeds", "textual-dark", (80, 40), ["enter", "j", "j"]),
    "side-by-side-light": ("seeds", "textual-light", SIZE, ["enter", "j", "j"]),
    "search": ("seeds", "textual-dark", SIZE, ["enter", "slash", *"altman", "enter", "n"]),
    "detail": ("seeds", "textual-dark", SIZE, ["enter", "v", "n", "n", "n", "enter"]),
    "help": ("seeds", "textual-dark", SIZE, ["question_mark"]),
    "overview-narrow": ("seeds", "textual-dark", (80, 40), []),
    "families": ("seeds", "textual-dark", SIZE, ["f"]),
    "families-light": ("seeds", "textual-light", SIZE, ["f", "n", "n"]),
    "family-detail": ("seeds", "textual-dark", SIZE, ["f", "n", "d"]),
    "lexicon": ("seeds", "textual-dark", SIZE, ["x"]),
    "inserts-omissions": ("seeds", "textual-dark", SIZE, ["i"]),
    "export": ("seeds", "textual-dark", SIZE, ["e"]),
    "export-small": ("seeds", "textual-dark", (80, 24), ["e"]),
    "relabel": ("seeds", "textual-dark", SIZE, ["enter", "v", "n", "l"]),
    "exclusions": ("seeds", "textual-dark", SIZE, ["E", "tab", "space", "tab", "1", "2"]),
    "ten-versions": ("family", "textual-dark", WIDE, []),
    "ten-versions-narrow": ("family", "textual-dark", (80, 40), []),
    "ten-versions-families": ("family", "textual-dark", WIDE, ["f", "n", "l", "l"]),
    "ten-versions-side-by-side": ("family", "textual-dark", WIDE, ["x", "j", "enter"]),
    "ten-versions-reviewed": ("family", "textual-dark", WIDE, []),
}


def relabel_added(app: StoryTraceApp, report: Report) -> None:
    """A reviewer calls the first partly derived version's added passages verbatim, in
    memory only (no notes file is written beside the inputs)."""
    c = next(c for c in report.comparisons if c.verdict == "partially-derived")
    for p in c.passages:
        if p.label == "added":
            app.overrides.set_label(report, c, p, "verbatim")
    app.mutate_reactive(StoryTraceApp.overrides)
    app.screen.query_one("VersionTable").select_id(c.target)  # type: ignore[attr-defined]


# Shots that need more than keys: what is done to the app before the picture.
PREPARE: dict[str, Callable[[StoryTraceApp, Report], None]] = {
    "ten-versions-reviewed": relabel_added,
}


async def shoot(name: str, report: Report, out: Path) -> Path:
    _, theme, size, keys = SHOTS[name]
    app = StoryTraceApp(report=report)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        if name in PREPARE:
            PREPARE[name](app, report)
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return Path(app.save_screenshot(f"{name}.svg", str(out)))


def reports(folder: Path) -> dict[str, Report]:
    """The seeds against the named reference (relative paths: the detail screen shows
    them, and they must not depend on the checkout), and the family as the app opens it."""
    seeds = sorted(str(p.relative_to(REPO)) for p in SEEDS.glob("*.txt"))
    return {
        "seeds": compare_paths(seeds, reference=REFERENCE),
        "family": compare_paths([str(p) for p in build_family(folder)]),
    }


# The scan's hit list: the family's wire as the story, the family and the seeds as the
# collection (relative paths, so the pictures do not name a temporary folder).
SCAN_SHOTS: dict[str, tuple[int, int]] = {"scan-results": SIZE, "scan-results-narrow": (80, 24)}


async def shoot_scan(name: str, out: Path) -> Path:
    from tui.app.scan_app import ScanApp
    from tui.scan.scan import Scan, load_stories

    wire = next(p for p in Path("family").iterdir() if p.stem.endswith("_wire"))
    stories, _ = load_stories([str(wire)])
    scan = Scan(stories, ["family", "seeds"])
    scan.run()
    app = ScanApp(scan.result, scan.index.stories)
    async with app.run_test(size=SCAN_SHOTS[name]) as pilot:
        app.theme = "textual-dark"
        await pilot.pause()
        return Path(app.save_screenshot(f"{name}.svg", str(out)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    os.chdir(REPO)
    with tempfile.TemporaryDirectory() as folder:
        inputs = reports(Path(folder))
        for name, (which, *_) in SHOTS.items():
            print(asyncio.run(shoot(name, inputs[which], args.out)))
        os.chdir(folder)
        build_family(Path("family"))
        os.symlink(SEEDS, "seeds")
        for name in SCAN_SHOTS:
            print(asyncio.run(shoot_scan(name, args.out)))
        os.chdir(REPO)
    return 0


if __name__ == "__main__":
    sys.exit(main())
