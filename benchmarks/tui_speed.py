"""How fast the explorer opens and scrolls two ~1 MB versions of a story.

Builds a republished pair from real prose the way ``speed.py`` does (PAN13 source documents
under shared/data, never copied into the repo), then drives the app headless and prints
timings.

    python benchmarks/tui_speed.py [--mb 1.0]

Exits 0 with a note when the data is absent.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

from speed import DEFAULT_DATA, build_pair  # the script's own folder is on sys.path

SRC = DEFAULT_DATA / "pan13-train" / "src"


async def run(paths: list[str]) -> None:
    from tui.app.app import StoryTraceApp
    from tui.app.screens.side_by_side import SideBySideScreen
    from tui.app.widgets.aligned_view import AlignedView

    app = StoryTraceApp(paths)
    t0 = time.perf_counter()
    async with app.run_test(size=(160, 50)) as pilot:
        t_first = time.perf_counter() - t0
        print(f"first screen:              {t_first:6.2f} s ({type(app.screen).__name__})")
        await app.workers.wait_for_complete()
        await pilot.pause()
        t_report = time.perf_counter() - t0
        print(f"report ready (load+align): {t_report:6.2f} s")
        t1 = time.perf_counter()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SideBySideScreen)
        view = app.screen.query_one(AlignedView)
        t_rows = time.perf_counter() - t1
        print(
            f"side by side shown:        {t_rows:6.2f} s after enter "
            f"({len(view.rows)} paragraph rows, {view.virtual_size.height} lines); "
            f"total {time.perf_counter() - t0:.2f} s"
        )
        for keys, label in (
            (["j"] * 100, "100 x j"),
            (["pagedown"] * 100, "100 x pagedown"),
            (["n"] * 100, "100 x n"),
            (["G", "g"], "G then g"),
        ):
            t = time.perf_counter()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            elapsed = time.perf_counter() - t
            print(f"{label:<26} {elapsed:6.2f} s ({elapsed / len(keys) * 1000:.1f} ms per key)")
        t = time.perf_counter()
        await pilot.press("v")
        await pilot.pause()
        print(
            f"v (to sentence rows):      {time.perf_counter() - t:6.2f} s ({len(view.rows)} rows)"
        )
        t = time.perf_counter()
        for _ in range(100):
            await pilot.press("j")
        await pilot.pause()
        print(f"100 x j (sentence rows):   {time.perf_counter() - t:6.2f} s")
        print("-- widget work alone (no pilot, no frame pacing): move + draw every visible line")
        height = view.scrollable_content_region.height
        rng = random.Random(1)
        for mode in ("sentence", "paragraph"):
            if view.mode != mode:
                await pilot.press("v")
                await pilot.pause()
            for label, step in (
                ("next row", lambda: view.move_to(view.cursor + 1)),
                ("page down", view.action_page_down),
                ("next change", lambda: view.next_change(1)),
                ("random jump (cold)", lambda: view.move_to(rng.randrange(len(view.rows)))),
            ):
                view.move_to(0)
                t = time.perf_counter()
                for _ in range(100):
                    step()
                    for y in range(height):
                        view.render_line(y)
                ms = (time.perf_counter() - t) * 10
                print(f"  {mode:<9} {label:<20} {ms:7.2f} ms per step")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each version in MB")
    args = parser.parse_args()
    if not SRC.is_dir():
        print(f"skipped: {SRC} not available")
        return 0
    reference, version = build_pair(DEFAULT_DATA, int(args.mb * 1_000_000), seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "reference.txt", Path(tmp) / "version.txt"
        a.write_text(reference, encoding="utf-8")
        b.write_text(version, encoding="utf-8")
        print(f"reference {a.stat().st_size:,} bytes, version {b.stat().st_size:,} bytes")
        asyncio.run(run([str(a), str(b)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
