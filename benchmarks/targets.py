"""Speed of the whole run, as a user meets it: every target of issue 15 with its figure, the
baseline measured in the same run, and pass or fail.

Pairs are the 1 MB *republished* pairs of ``speed.py`` (ten sections reordered, a tenth of
the paragraphs moved, dropped and added, half word-spun), built from PAN13 source documents.
Every figure is the fastest of ``--repeat`` fresh processes (other load on this shared
machine only ever adds time); ``uptime``'s load is printed with them.

- whole run: ``storytrace compare orig.txt copy.txt --reference orig.txt --format json -o
  out.json`` as a process, start-up and writing included, and its peak memory (max RSS);
- against difflib: that whole run against ``HtmlDiff().make_table`` over the same sentences
  (difflib's own time only: imports, reading and splitting excluded), on every pair;
- report writing: ``write_report(report, "json", path)`` of the 1 MB pair's report;
- ``import tui.cli`` in a fresh interpreter;
- the explorer: two 1 MB versions opened with ``App.run_test`` until the report is ready.

``--against DIR`` times another checkout (its ``tui`` package, e.g. an export of main) in
the same run, alternating with this one, and checks that its JSON report is byte-identical.

    python benchmarks/targets.py [--data ../shared/data] [--pairs 5] [--repeat 3]
                                 [--against DIR] [--no-app] [--baseline-timeout 180]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from speed import DEFAULT_DATA, build_pair, measure  # the script's own folder is on sys.path

REPO = Path(__file__).resolve().parents[1]
SIZE = 1_000_000
TARGETS = {  # name: (limit, "<" for at most / ">=" for at least, unit)
    "whole run, 1 MB pair": (2.0, "<", "s"),
    "difflib / whole run, worst pair": (10.0, ">=", "x"),
    "report writing (JSON)": (0.3, "<", "s"),
    "import tui.cli": (0.2, "<", "s"),
    "peak memory, whole run": (300.0, "<", "MB"),
    "explorer: report ready": (3.0, "<", "s"),
}


def _env(src: Path) -> dict[str, str]:
    """Run the ``tui`` package of ``src`` (this checkout or another) in a child."""
    return {**os.environ, "PYTHONPATH": str(src)}


def _run(cmd: list[str], src: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, stdout) of one child process."""
    t0 = time.perf_counter()
    # In the checkout's own folder: ``python -m`` puts the working directory first on the
    # path, so run from elsewhere it would import that folder's ``tui``, not ``src``'s.
    proc = subprocess.Popen(
        cmd,
        env=_env(src),
        cwd=src,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return seconds, usage.ru_maxrss / 1024, out


def whole_run(src: Path, orig: str, copy: str, out: str) -> tuple[float, float]:
    cmd = [sys.executable, "-m", "tui", "compare", orig, copy, "--reference", orig]
    seconds, peak, _ = _run([*cmd, "--format", "json", "-o", out, "--no-notes"], src)
    return seconds, peak


def child_value(src: Path, mode: str, *args: str) -> float:
    """A figure a child measures on itself (``--child MODE``)."""
    cmd = [sys.executable, __file__, "--child", mode, *args]
    return float(json.loads(_run(cmd, src)[2].strip().splitlines()[-1]))


def _child(mode: str, args: list[str]) -> float:
    if mode == "import":
        t0 = time.perf_counter()
        import tui.cli  # noqa: F401

        return time.perf_counter() - t0
    if mode == "report":
        from tui.core.engine import compare_paths
        from tui.report import write_report

        report = compare_paths(args[:2], reference=args[0])
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            write_report(report, "json", args[2])
            best = min(best, time.perf_counter() - t0)
        return best
    if mode == "app":
        return asyncio.run(_app_ready(args))
    raise SystemExit(f"unknown child mode {mode}")


async def _app_ready(paths: list[str]) -> float:
    from tui.app.app import StoryTraceApp

    app = StoryTraceApp(paths)
    t0 = time.perf_counter()
    async with app.run_test(size=(160, 50)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        return time.perf_counter() - t0


def _best(runs: int, fn, *args) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
    results = [fn(*args) for _ in range(runs)]
    return min(results, key=lambda r: r if isinstance(r, float) else r[0])


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _verdict(name: str, value: float) -> str:
    limit, how, _ = TARGETS[name]
    ok = value < limit if how == "<" else value >= limit
    return "pass" if ok else "FAIL"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--pairs", type=int, default=5, help="1 MB republished pairs for difflib")
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure; the fastest")
    ap.add_argument("--against", type=Path, help="another checkout to time in the same run")
    ap.add_argument("--no-app", action="store_true", help="leave out the explorer")
    ap.add_argument("--baseline-timeout", type=float, default=180.0)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(args.child[0], args.child[1:])))
        return 0
    if not (args.data / "pan13-train" / "src").exists():
        print(f"skipped: {args.data}/pan13-train/src not found (pass --data)")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="storytrace-targets-"))
    sides = {"this": REPO} | ({"against": args.against.resolve()} if args.against else {})
    pairs = []
    for seed in range(1, args.pairs + 1):
        a, b = build_pair(args.data, SIZE, seed, "republished")
        pa, pb = tmp / f"orig-{seed}.txt", tmp / f"copy-{seed}.txt"
        pa.write_text(a, encoding="utf-8")
        pb.write_text(b, encoding="utf-8")
        pairs.append((str(pa), str(pb)))
    orig, copy = pairs[0]
    got: dict[str, dict[str, float]] = {side: {} for side in sides}
    print(f"load at start: {_load()}; fastest of {args.repeat} fresh processes per figure")

    for side, src in sides.items():
        out = str(tmp / f"out-{side}.json")
        got[side]["import tui.cli"] = _best(args.repeat, child_value, src, "import")
        got[side]["report writing (JSON)"] = child_value(src, "report", orig, copy, out)
    # Whole runs alternate between the sides, so drifting load falls on both alike.
    runs: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
    for _ in range(args.repeat):
        for side, src in sides.items():
            runs[side].append(whole_run(src, orig, copy, str(tmp / f"whole-{side}.json")))
    for side in sides:
        got[side]["whole run, 1 MB pair"] = min(s for s, _ in runs[side])
        got[side]["peak memory, whole run"] = max(m for _, m in runs[side])
    if args.against:
        same = (tmp / "whole-this.json").read_bytes() == (tmp / "whole-against.json").read_bytes()
        print(f"JSON report of the 1 MB pair byte-identical to --against: {same}")

    print(f"\nagainst difflib (load {_load()}), each 1 MB republished pair:")
    print(f"{'pair':>4} {'difflib s':>10} " + " ".join(f"{side + ' s':>10}" for side in sides))
    ratios: dict[str, list[float]] = {side: [] for side in sides}
    for k, (pa, pb) in enumerate(pairs, 1):
        base = measure("difflib", [pa, pb], args.baseline_timeout, args.repeat)
        base_s = base["seconds"] if base else args.baseline_timeout
        mark = "" if base else ">"
        row = f"{k:>4} {mark + f'{base_s:.2f}':>10}"
        for side, src in sides.items():
            if k == 1:
                mine = got[side]["whole run, 1 MB pair"]
            else:
                mine = min(
                    whole_run(src, pa, pb, str(tmp / "pair.json"))[0] for _ in range(args.repeat)
                )
            ratios[side].append(base_s / mine)
            row += f" {mine:>10.2f}"
        print(row + "  ratio " + ", ".join(f"{r[-1]:.1f}x" for r in ratios.values()))
    for side in sides:
        got[side]["difflib / whole run, worst pair"] = min(ratios[side])

    if not args.no_app:
        ready: dict[str, list[float]] = {side: [] for side in sides}
        for _ in range(args.repeat):  # alternating, as the whole runs do
            for side, src in sides.items():
                ready[side].append(child_value(src, "app", orig, copy))
        for side in sides:
            got[side]["explorer: report ready"] = min(ready[side])

    print(f"\nload at end: {_load()}")
    head = f"{'target':<34} {'limit':>9} {'this':>9}"
    if args.against:
        head += f" {'against':>9}"
    print(head + "  verdict")
    for name, (limit, how, unit) in TARGETS.items():
        if name not in got["this"]:
            continue
        line = f"{name:<34} {how + f'{limit:g}' + unit:>9}"
        for side in sides:
            value = got[side][name]
            line += f" {f'{value:.2f}' + unit:>9}" if unit != "MB" else f" {value:>7.0f}MB"
        print(f"{line}  {_verdict(name, got['this'][name])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
