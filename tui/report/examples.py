"""Regenerate the example reports in ``docs/examples/``: ``python -m tui.report.examples``.

The examples show a reader what storytrace hands over, so they are made exactly as a user
would make them, plus one reviewer override to show how notes appear. Paths are written
relative to the repository and no time is recorded, so a rerun gives the same files (the
PNG aside, which depends on the installed browser and fonts).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..core.engine import compare_paths
from ..core.model import Report
from ..core.overrides import OverrideSet
from . import write_report

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
OUT = REPO / "docs" / "examples"
SCREENSHOT = REPO / "screenshots" / "report.png"
REFERENCE = "001_31fc123e83c1cc46"
FORMATS = ("html", "md", "csv", "json")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium() -> str | None:
    """Debian names it ``chromium``; other systems ``chromium-browser`` or Chrome."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def seeds_report() -> Report:
    report = compare_paths(
        sorted(str(p) for p in SEEDS.glob("*.txt")), reference=str(SEEDS / f"{REFERENCE}.txt")
    )
    for d in report.documents:
        d.path = Path(d.path).resolve().relative_to(REPO).as_posix()
    return report


def example_overrides(report: Report) -> OverrideSet:
    """One relabel with a note and one note alone, on the most copied version."""
    overrides = OverrideSet()
    c = report.comparison("000_dcce54c3826141f5")
    derived = [p for p in c.passages if p.derived]
    omitted = [p for p in c.passages if p.label == "omitted"]
    if derived:
        overrides.set_label(report, c, derived[0], "edited")
        overrides.set_note(
            report, c, derived[0], "Same facts and order as our lede; treat as edited copy."
        )
    if omitted:
        overrides.set_note(report, c, omitted[0], "Dropped our attribution line.")
    return overrides


def screenshot(html: Path, png: Path, size: str = "1240,1754", timeout: float = 60) -> bool:
    """A4 proportions at 150 dpi; returns False when no browser is installed."""
    exe = chromium()
    if exe is None:
        return False
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                exe,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                f"--window-size={size}",
                html.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    return png.exists()


def main() -> int:
    report = seeds_report()
    overrides = example_overrides(report)
    OUT.mkdir(parents=True, exist_ok=True)
    for fmt in FORMATS:
        path = write_report(report, fmt, OUT / f"report.{fmt}", overrides=overrides)
        print(f"wrote {path.relative_to(REPO)}")
    path = write_report(report, "html", OUT / "exhibit.html", overrides=overrides, exhibit=True)
    print(f"wrote {path.relative_to(REPO)}")
    if screenshot(OUT / "report.html", SCREENSHOT):
        print(f"wrote {SCREENSHOT.relative_to(REPO)}")
    else:
        print("chromium not found: screenshot skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
