"""The sample of listed word swaps read by hand to measure how many are real replacements.

Lists every swap in the substitution lexicon of the seeds, ../shared/news-family and the
news families in benchmarks/data/news, then draws 60 of them with a fixed seed, so the same
sample can be read again. Reading them is the measurement: a swap counts as real when the
listed words replace each other one for one or two for one in the aligned sentences.

    python benchmarks/swap_sample.py [--seed 15] [--size 60] [--context]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.accuracy import _engine  # noqa: E402
from benchmarks.swaps import shown_diff  # noqa: E402

SHARED = REPO.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--size", type=int, default=60)
    ap.add_argument("--context", action="store_true", help="print each swap's passage diff")
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
        where = _first_diffs(report)
        for e in report["substitution_lexicon"]:
            row = (paths[0].parent.name, e["from"], e["to"], e["count"])
            rows.append((row, paths, e["versions"], where.get((e["from"], e["to"]))))
    listed = {(r[0][0], r[0][1], r[0][2]) for r in rows}
    both = sum((f, b, a) in listed for f, a, b in listed)
    print(f"{len(rows)} listed swaps in {len(sets)} families ({both} also listed the other way)")
    random.seed(args.seed)
    picked = random.sample(rows, min(args.size, len(rows)))
    for i, (row, paths, versions, diff) in enumerate(picked, 1):
        print(i, row)
        if args.context:
            print("   ", diff or _pair_diff(compare, to_dict, paths, versions, row[1:3]))


def _pair_diff(compare, to_dict, paths: list[Path], versions: list[str], swap: tuple) -> str:  # type: ignore[no-untyped-def]
    """A swap the lexicon took from a pair the report does not list (two versions that are
    not the reference): that pair compared alone, one way and the other."""
    by_id = {p.stem: str(p) for p in paths}
    chosen = [by_id[v] for v in versions if v in by_id]
    for a in chosen:
        for b in chosen:
            if a != b:
                diff = _first_diffs(to_dict(compare([a, b], reference=a))).get(swap)
                if diff:
                    return diff
    return "(no passage found)"


def _first_diffs(report: dict) -> dict[tuple[str, str], str]:
    """Each swap's first passage diff, written [-deleted-]{+inserted+}: what the reader judges
    the swap against."""
    out: dict[tuple[str, str], str] = {}
    for c in report["comparisons"]:
        for p in c["passages"]:
            shown = shown_diff(p["diff"] or ())
            for sub in p["substitutions"]:
                out.setdefault((sub["from"], sub["to"]), " ".join(shown.split()))
    return out


if __name__ == "__main__":
    main()
