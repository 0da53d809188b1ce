"""Speed of one comparison against what a user does today, in the same run.

The pair is built from real text (PAN13 source documents) the way republished copies are
made: the copy shuffles, drops, adds and word-spins paragraphs of the original. The baseline
is difflib's side-by-side table (``HtmlDiff().make_table`` over the two stories' sentences,
the engine of icdiff), which finds neither moves nor paraphrase. Every measurement runs in a
fresh process so its peak memory (max RSS) is its own.

    python benchmarks/speed.py [--data ../shared/data] [--sizes 10000,100000,1000000]
                               [--curve] [--versions 20] [--baseline-timeout 180]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
SWAPS = {
    "said": "stated",
    "big": "large",
    "important": "significant",
    "show": "demonstrate",
    "use": "utilize",
    "help": "assist",
    "buy": "purchase",
    "start": "commence",
    "end": "conclude",
    "need": "require",
    "get": "obtain",
    "many": "numerous",
    "about": "regarding",
    "people": "individuals",
    "company": "firm",
    "new": "novel",
}


def _paragraphs(data: Path, want: int, seed: int) -> list[str]:
    files = sorted((data / "pan13-train" / "src").glob("*.txt"))
    rng = random.Random(seed)
    rng.shuffle(files)
    out: list[str] = []
    size = 0
    for f in files:
        for para in f.read_text(encoding="utf-8").split("\n"):
            if len(para) > 80:
                out.append(para.strip())
                size += len(para) + 1
        if size >= want:
            break
    return out


def _spin(text: str, rng: random.Random) -> str:
    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        return SWAPS.get(w, w) if rng.random() < 0.8 else w

    return re.sub(r"[a-z]+", swap, text)


def build_pair(data: Path, size: int, seed: int = 7) -> tuple[str, str]:
    rng = random.Random(seed)
    paras = _paragraphs(data, int(size * 1.25), seed)
    original: list[str] = []
    total = 0
    for p in paras:
        if total >= size:
            break
        original.append(p)
        total += len(p) + 1
    extra = paras[len(original) :]
    copy: list[str] = []
    for p in original:
        r = rng.random()
        if r < 0.1:
            continue  # dropped
        copy.append(_spin(p, rng) if r < 0.35 else p)
        if rng.random() < 0.1 and extra:
            copy.append(extra.pop())  # added
    # Move a tenth of the paragraphs somewhere else.
    for _ in range(len(copy) // 10):
        i, j = rng.randrange(len(copy)), rng.randrange(len(copy))
        copy.insert(j, copy.pop(i))
    return "\n".join(original) + "\n", "\n".join(copy) + "\n"


def _child(mode: str, paths: list[str]) -> dict[str, float]:
    """Run one measurement in this process (called in a subprocess). Imports are timed apart:
    they are paid once per session, not per comparison."""
    t0 = time.perf_counter()
    if mode == "engine":
        from tui.core.engine import compare_paths

        t1 = time.perf_counter()
        compare_paths(paths, reference=paths[0])
    elif mode == "engine-auto":
        from tui.core.engine import compare_paths

        t1 = time.perf_counter()
        compare_paths(paths)
    else:
        import difflib

        from tui.core.segment import split_sentences

        t1 = time.perf_counter()
        a, b = (Path(p).read_text(encoding="utf-8") for p in paths)
        sa = [a[x:y] for x, y in split_sentences(a)]
        sb = [b[x:y] for x, y in split_sentences(b)]
        difflib.HtmlDiff().make_table(sa, sb)
    seconds = time.perf_counter() - t1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "import": t1 - t0, "peak_mb": peak_mb}


def measure(mode: str, paths: list[str], timeout: float) -> dict[str, float] | None:
    cmd = [sys.executable, __file__, "--child", mode, *paths]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def _fmt(m: dict[str, float] | None, timeout: float) -> tuple[str, str]:
    if m is None:
        return f">{timeout:.0f}", "-"
    return f"{m['seconds']:.2f}", f"{m['peak_mb']:.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--curve", action="store_true", help="also time 10 KB -> 2 MB, engine only")
    ap.add_argument("--versions", type=int, default=20, help="versions of a 20 KB story")
    ap.add_argument("--baseline-timeout", type=float, default=180.0)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(args.child[0], args.child[1:])))
        return 0
    if not (args.data / "pan13-train" / "src").exists():
        print(f"skipped: {args.data}/pan13-train/src not found (pass --data)")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="storytrace-speed-"))

    def pair(size: int) -> list[str]:
        a, b = build_pair(args.data, size)
        pa, pb = tmp / f"original-{size}.txt", tmp / f"copy-{size}.txt"
        pa.write_text(a, encoding="utf-8")
        pb.write_text(b, encoding="utf-8")
        return [str(pa), str(pb)]

    print("two versions: storytrace (labels, word diffs, moves, provenance) vs difflib")
    print("HtmlDiff.make_table over the same sentences; seconds exclude Python imports")
    head = ("size", "engine s", "peak MB", "difflib s", "peak MB", "ratio")
    print("{:>9} {:>9} {:>8} {:>10} {:>8} {:>7}".format(*head))
    for size in (int(s) for s in args.sizes.split(",")):
        paths = pair(size)
        eng = measure("engine", paths, 600)
        base = measure("difflib", paths, args.baseline_timeout)
        e_s, e_mb = _fmt(eng, 600)
        b_s, b_mb = _fmt(base, args.baseline_timeout)
        if eng and base:
            ratio = f"{base['seconds'] / eng['seconds']:.1f}x"
        elif eng:
            ratio = f">{args.baseline_timeout / eng['seconds']:.1f}x"
        else:
            ratio = "-"
        print(f"{size:>9} {e_s:>9} {e_mb:>8} {b_s:>10} {b_mb:>8} {ratio:>7}")

    if args.versions:
        story, _ = build_pair(args.data, 20_000, seed=11)
        rng = random.Random(3)
        paths = []
        for k in range(args.versions):
            paras = story.split("\n")
            rng.shuffle(paras)
            keep = [_spin(p, rng) if rng.random() < 0.3 else p for p in paras if rng.random() > 0.2]
            path = tmp / f"version-{k:02d}.txt"
            path.write_text("\n".join(keep), encoding="utf-8")
            paths.append(str(path))
        one = measure("engine", paths, 600)
        auto = measure("engine-auto", paths, 600)
        print(
            f"\n{args.versions} versions of a 20 KB story (every related pair aligned for "
            f"provenance, then each version against the reference): {_fmt(one, 600)[0]} s "
            f"with --reference, {_fmt(auto, 600)[0]} s choosing the reference"
        )

    if args.curve:
        print("\ncurve (engine only):")
        print(f"{'size':>9} {'seconds':>8} {'s per MB':>9} {'peak MB':>8}")
        for size in (10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000):
            m = measure("engine", pair(size), 600)
            if m:
                per = m["seconds"] / (size / 1e6)
                print(f"{size:>9} {m['seconds']:>8.2f} {per:>9.2f} {m['peak_mb']:>8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
