"""The sample of listed word swaps read by hand to measure how many are real replacements.

Lists every swap in the substitution lexicon of the seeds, ../shared/news-family and the
news families in benchmarks/data/news, then draws 60 of them with a fixed seed, so the same
sample can be read again. Reading them is the measurement: a swap counts as real when the
listed words replace each other one for one or two for one in the aligned sentences.

    python benchmarks/swap_sample.py [--seed 15] [--size 60]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.accuracy import _engine  # noqa: E402

SHARED = REPO.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--size", type=int, default=60)
    args = ap.parse_args()
    compare, to_dict = _engine()
    sets = [
        sorted((SHARED / "seeds").glob("*.txt")),
        sorted((SHARED / "news-family").glob("*.txt")),
    ]
    sets += [sorted(d.glob("*.txt")) for d in sorted((REPO / "benchmarks/data/news").glob("f*"))]
    rows = []
    for paths in sets:
        if len(paths) < 2:
            continue
        report = to_dict(compare([str(p) for p in paths]))
        for e in report["substitution_lexicon"]:
            rows.append((paths[0].parent.name, e["from"], e["to"], e["count"]))
    print(f"{len(rows)} listed swaps in {len(sets)} families")
    random.seed(args.seed)
    for i, row in enumerate(random.sample(rows, min(args.size, len(rows))), 1):
        print(i, row)


if __name__ == "__main__":
    main()
