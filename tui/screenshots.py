"""Regenerate ``screenshots/*.svg``: every explorer screen on the seeds, at a fixed size.

    python -m tui.screenshots [--out screenshots]

The pictures are deterministic (fixed terminal size and theme, no cursor blink), so a
changed file in a diff means the look changed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from tui.app.app import StoryTraceApp

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SIZE = (120, 40)
# Named rather than chosen, so the pictures change with the labels, not with the choice.
REFERENCE = "001_31fc123e83c1cc46"

# name -> (theme, size, keys pressed after the alignment has finished)
SHOTS: dict[str, tuple[str, tuple[int, int], list[str]]] = {
    "overview": ("textual-dark", SIZE, []),
    "side-by-side": ("textual-dark", SIZE, ["enter", "j", "j"]),
    "side-by-side-sentences": ("textual-dark", SIZE, ["enter", "v", "n", "n", "n"]),
    "side-by-side-narrow": ("textual-dark", (80, 40), ["enter", "j", "j"]),
    "side-by-side-light": ("textual-light", SIZE, ["enter", "j", "j"]),
    "search": ("textual-dark", SIZE, ["enter", "slash", *"altman", "enter", "n"]),
    "detail": ("textual-dark", SIZE, ["enter", "v", "n", "n", "n", "enter"]),
    "help": ("textual-dark", SIZE, ["question_mark"]),
    "overview-narrow": ("textual-dark", (80, 40), []),
    "families": ("textual-dark", SIZE, ["f"]),
    "families-light": ("textual-light", SIZE, ["f", "n", "n"]),
    "family-detail": ("textual-dark", SIZE, ["f", "n", "enter"]),
    "lexicon": ("textual-dark", SIZE, ["x"]),
    "inserts-omissions": ("textual-dark", SIZE, ["i"]),
    "export": ("textual-dark", SIZE, ["e"]),
    "relabel": ("textual-dark", SIZE, ["enter", "v", "n", "l"]),
}


async def shoot(name: str, out: Path) -> Path:
    theme, size, keys = SHOTS[name]
    # Relative paths: the detail screen shows them, and they must not depend on the checkout.
    app = StoryTraceApp(
        sorted(str(p.relative_to(REPO)) for p in SEEDS.glob("*.txt")), reference=REFERENCE
    )
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return Path(app.save_screenshot(f"{name}.svg", str(out)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    os.chdir(REPO)
    for name in SHOTS:
        path = asyncio.run(shoot(name, args.out))
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
