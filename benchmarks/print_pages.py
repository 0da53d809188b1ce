"""How many A4 pages the HTML report prints to: the ten-version family and a news family.

An editor or a lawyer reads a report on paper; a hundred pages of the same dropped paragraphs
is a report nobody reads. This renders each family's HTML report (default and ``--exhibit``)
and prints it to PDF with WeasyPrint, which follows the report's print CSS (A4, margins,
page margin boxes) as a browser's print does, and counts the pages.

    pip install weasyprint          # not a dependency of storytrace: only this script uses it
    python benchmarks/print_pages.py [--family DIR ...] [--baseline DIR]

``--baseline DIR`` renders the same reports with the source tree in DIR as well (a checkout
of main made with ``git worktree add``), in the same run, for a ratio. Without WeasyPrint
the script says so and stops: it never guesses a count.
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO / "benchmarks" / "data" / "news" / "f01-courts-fraud"


def pages(html: Path) -> int:
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return len(weasyprint.HTML(filename=str(html)).render().pages)


def report(tree: Path, folder: Path, out: Path, exhibit: bool) -> Path | None:
    """``storytrace compare FOLDER --format html`` with the source in ``tree``, in a fresh
    process; None when that tree has no ``--exhibit``."""
    args = [sys.executable, "-m", "tui", "compare", str(folder), "--format", "html", "-o", str(out)]
    if exhibit:
        args.append("--exhibit")
    done = subprocess.run(args, cwd=tree, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        if exhibit and "--exhibit" in done.stderr:
            return None
        raise SystemExit(f"storytrace failed on {folder}: {done.stderr.strip()}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", action="append", type=Path, default=[])
    parser.add_argument("--baseline", type=Path)
    args = parser.parse_args()
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        print("weasyprint is not installed: no page counts (pip install weasyprint)")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        families = args.family
        if not families:
            sys.path.insert(0, str(REPO))
            from tui.sample_family import build

            build(work / "ten-versions")
            families = [work / "ten-versions", NEWS]
        trees = [("this tree", REPO)] + ([("baseline", args.baseline)] if args.baseline else [])
        for folder in families:
            for name, tree in trees:
                counts = []
                for exhibit in (False, True):
                    out = work / f"{folder.name}-{name}-{exhibit}.html".replace(" ", "-")
                    made = report(tree, folder, out, exhibit)
                    counts.append(str(pages(made)) if made else "n/a")
                print(
                    f"{folder.name:<24} {name:<10} default {counts[0]:>4} pages, "
                    f"exhibit {counts[1]:>4} pages"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
