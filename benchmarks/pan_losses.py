"""Where one PAN13 training folder loses plagdet, case by case, to read by hand.

Runs the first ``--pairs`` pairs of a folder as ``accuracy.py`` does (the source as the
reference, regions labelled verbatim/edited/paraphrased as detections) and prints:

* every detection that overlaps no case on both sides (each costs the folder's precision a
  whole detection), with its source and suspicious text, so a reader can tell real reuse
  the truth does not list from a false match;
* every case no detection touches (recall), with its two texts.

    python benchmarks/pan_losses.py [--folder 04-translation-obfuscation] [--pairs 100]
                                    [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.accuracy import DEFAULT_DATA, run_jobs  # noqa: E402
from benchmarks.evaluation import parse_pan_truth, plagdet, regions_to_detections  # noqa: E402
from tui.present.wording import plural  # noqa: E402

Span = tuple[int, int]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _touches(d: dict[str, Span], c: dict[str, Span]) -> bool:
    return _overlap(d["this"], c["this"]) > 0 and _overlap(d["source"], c["source"]) > 0


def _text(path: Path, span: Span, limit: int = 400) -> str:
    text = " ".join(path.read_text(encoding="utf-8")[span[0] : span[1]].split())
    return text if len(text) <= limit else text[:limit] + " ..."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", default="04-translation-obfuscation")
    ap.add_argument("--pairs", type=int, default=100)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    root = args.data / "pan13-train"
    lines = (root / args.folder / "pairs").read_text(encoding="utf-8").splitlines()
    pairs = [p.split() for p in lines if len(p.split()) == 2][: args.pairs]
    jobs, cases = [], {}
    for susp, src in pairs:
        key = f"{susp} {src}"
        truth = root / args.folder / f"{Path(susp).stem}-{Path(src).stem}.xml"
        cases[key] = parse_pan_truth(truth.read_text(encoding="utf-8")) if truth.is_file() else []
        jobs.append((key, str(root / "src" / src), str(root / "susp" / susp)))
    all_cases, all_dets, unmatched, missed = [], [], [], []
    results = sorted(run_jobs(jobs, args.workers, "pan"), key=lambda r: r["key"])
    failed = [r for r in results if "error" in r]
    for r in failed:  # a pair that failed has no detections: say so, or it reads as misses
        print(f"error: {r['key']}: {r['error']}", file=sys.stderr)
    if failed and len(failed) == len(results):
        raise SystemExit(f"every pair failed ({failed[0]['error']}); nothing to report")
    for r in results:
        dets = regions_to_detections(r.get("regions", []))
        here = cases[r["key"]]
        all_cases += [c | {"pair": r["key"]} for c in here]
        all_dets += [d | {"pair": r["key"]} for d in dets]
        unmatched += [(r["key"], d) for d in dets if not any(_touches(d, c) for c in here)]
        missed += [(r["key"], c) for c in here if not any(_touches(d, c) for d in dets)]
    m = plagdet(all_cases, all_dets)
    print(
        f"{args.folder}, {len(pairs)} pairs: {m['cases']} cases, {m['detections']} detections, "
        f"precision {m['precision']:.3f}, recall {m['recall']:.3f}, plagdet {m['plagdet']:.3f}"
    )
    for title, rows in (
        (f"{plural(len(unmatched), 'detection')} overlapping no case", unmatched),
        (f"{plural(len(missed), 'case')} no detection touches", missed),
    ):
        print(f"\n{title}:")
        for key, a in rows:
            susp, src = key.split()
            print(f"- {susp} {tuple(a['this'])} <- {src} {tuple(a['source'])}")
            print(f"    source: {_text(root / 'src' / src, a['source'])}")
            print(f"    copy:   {_text(root / 'susp' / susp, a['this'])}")


if __name__ == "__main__":
    main()
