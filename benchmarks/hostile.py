"""storytrace on adversarial text, against a time budget.

Every input is built by ``hostile_inputs.py`` and compared by a whole ``storytrace compare``
run in a fresh process (interpreter start and imports included: what a user waits for; the
default text report unless ``--format``). Budget: every input of up to 2 MB in total finishes
in under 10 s; a folder of too many files, and a web page of too many elements, are refused
with a one-line reason within 1 s more than starting up takes (case 1, always run).

Then ``storytrace open`` runs in a pseudo-terminal on a big input (``--quit-mb`` MB in six
versions of real prose, two of them web pages; needs the PAN13 data ``speed.py`` uses),
``q`` is pressed once the progress line says it is loading, segmenting or (past
"segmented") aligning, and the time until the process has exited is measured (budget 0.5 s).

    python benchmarks/hostile.py [--only 1,2,...] [--timeout 120] [--format text]
                                 [--no-quit | --no-cases] [--quit-mb 6]
                                 [--tree DIR] [--baseline DIR]

``--baseline DIR`` times the same inputs with the source tree in DIR as well (for instance a
checkout of main made with ``git worktree add`` or ``git archive``), in the same run, each in
a fresh process; ``--tree DIR`` times DIR instead of this checkout.
"""

from __future__ import annotations

import argparse
import fcntl
import html
import json
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

import hostile_inputs as hi  # the script's own folder is on sys.path
from speed import DEFAULT_DATA as DATA
from speed import build_pair

REPO = Path(__file__).resolve().parents[1]
QUIT_BUDGET = 0.5
LONG = 20.0  # seconds: a run this long is not repeated


@dataclass(frozen=True)
class Case:
    name: str
    build: hi.Builder
    size: int
    budget: float  # seconds; for a refusal, seconds more than starting up (case 1) takes
    refused: str = ""  # the run must end in a one-line error saying this, not a report


CASES = [
    Case("two seed stories (start-up, imports)", hi.seed_stories, 2, 10),
    Case("'Mr. ' x 200,000, one line", hi.titles, 200_000, 10),
    Case("'. a' x 200,000, one line", hi.dot_lowercase, 200_000, 10),
    Case("'Go! ' x 200,000: tiny sentences", hi.tiny_sentences, 200_000, 10),
    Case("180 KB lower-case prose, one line", hi.lowercase_prose, 180_000, 10),
    Case("50,000 one-word vs two-word lines", hi.short_lines, 50_000, 10),
    Case("39,000 '<p>x</p>' in HTML", hi.html_paragraphs, 39_000, 10),
    Case("200,000 '<p>x</p>' in HTML", hi.html_paragraphs, 200_000, 1, "elements, more than"),
    Case("1 MB line without a stop, both", hi.long_line, 1_000_000, 10),
    Case("one sentence repeated, 1 MB both", hi.repeated_sentence, 1_000_000, 10),
    Case("Chinese 100 K chars, shared half", hi.chinese, 100_000, 10),
    Case("random Han 100 K chars, shared half", hi.han_characters, 100_000, 10),
    Case("60 files of 3 MB in a folder", hi.many_files, 60, 1, "too many documents"),
]


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree)}


def _size(paths: list[str]) -> int:
    total = 0
    for p in map(Path, paths):
        files = p.iterdir() if p.is_dir() else [p]
        total += sum(f.stat().st_size for f in files)
    return total


_VERDICT = re.compile(r"^\S+: ((?:wholly|partially)-derived|independent), (\d+%)", re.M)


def time_compare(
    tree: Path, paths: list[str], timeout: float, fmt: str
) -> tuple[float | None, str]:
    """Seconds for one whole CLI run, and what it said (verdict and coverage, or the error)."""
    cmd = [sys.executable, "-m", "tui", "compare", *paths, "--format", fmt, "--no-notes"]
    t0 = time.perf_counter()
    try:
        out = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, cwd=tree, env=_env(tree)
        )
    except subprocess.TimeoutExpired:
        return None, "killed at the time limit"
    seconds = time.perf_counter() - t0
    if out.returncode != 0:
        lines = out.stderr.strip().splitlines() or ["(no message)"]
        return seconds, f"exit {out.returncode}: {lines[-1]}"
    if fmt == "json":
        c = json.loads(out.stdout)["comparisons"][0]
        return seconds, f"{c['verdict']}, {c['coverage']['target_derived']:.0%} derived"
    m = _VERDICT.search(out.stdout)
    return seconds, f"{m[1]}, {m[2]} derived" if m else "report written"


def fastest(
    tree: Path, paths: list[str], timeout: float, fmt: str, repeat: int
) -> tuple[float | None, str]:
    """The fastest of ``repeat`` runs: other load on the machine only ever adds time. Runs
    over ``LONG`` seconds are not repeated."""
    best: tuple[float | None, str] = (None, "")
    for _ in range(repeat):
        seconds, said = time_compare(tree, paths, timeout, fmt)
        if seconds is None:
            return best if best[0] is not None else (None, said)
        if best[0] is None or seconds < best[0]:
            best = (seconds, said)
        if seconds > LONG:
            break
    return best


# ------------------------------------------------------------------------- quitting the app

STAGES = {
    # stage: what the progress line says while it runs
    "loading": "loading",
    "segmenting": "segmenting",
    # "screened pairs" is never drawn: the engine holds the interpreter until it is replaced
    "aligning": "segmented",
}
# Escape sequences in what the app writes: CSI, OSC, character sets, keypad modes.
_ANSI = re.compile(
    r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])"
)


def time_quit(tree: Path, stage: str, paths: list[str], timeout: float) -> tuple[float | None, str]:
    """Open ``storytrace open`` in a pseudo-terminal, press q once the progress line shows
    ``stage`` (and 0.2 s more, so its work is under way), and time until the process has
    exited: threads it waits for included, as a user sees it. (Textual's Pilot waits for the
    process to go idle after each key, up to a second twice over, so while the engine works
    it would time itself.)"""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app, on this terminal
        os.chdir(tree)
        os.execve(sys.executable, [sys.executable, "-m", "tui", "open", *paths], _env(tree))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    screen = ""
    names = list(STAGES)
    later = [STAGES[s] for s in names[names.index(stage) + 1 :]] + ["done"]
    deadline = time.monotonic() + timeout

    def read(seconds: float) -> bool:
        """Keep the terminal drained for ``seconds``; False once the app has gone."""
        nonlocal screen
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                screen = (screen + _ANSI.sub("", chunk.decode("utf-8", "replace")))[-20000:]
        return True

    note = "the comparison ended first"
    pressed = None
    while time.monotonic() < deadline and read(0.02):
        if any(w in screen for w in later) or "Cannot compare" in screen:
            break
        if STAGES[stage] in screen:
            screen = ""
            read(0.2)
            if any(w in screen for w in later):
                note = "stage over before q"
                break
            os.write(fd, b"q")
            pressed = time.monotonic()
            note = f"q pressed while {STAGES[stage]}"
            break
    if pressed is None:
        os.kill(pid, signal.SIGKILL)
    while True:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None, "killed at the time limit"
        read(0.005)
    seconds = time.monotonic() - pressed if pressed is not None else None
    os.close(fd)
    return seconds, note


def quit_input(folder: Path, mb: float) -> list[str]:
    """Six versions, ``mb`` MB in all: a story of real prose and a republished copy of it
    (as ``speed.py`` builds them), each as a text file and as a web page, and two other
    stories."""
    per = int(mb * 1_000_000 / 6)
    original, copy = build_pair(DATA, per, seed=1)
    texts: dict[str, str | bytes] = {"original.txt": original, "copy.txt": copy}
    for name, text in (("original", original), ("copy", copy)):
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.splitlines() if p.strip())
        texts[f"{name}.html"] = f"<html><body><article>{body}</article></body></html>"
    for k in (2, 3):
        texts[f"other{k}.txt"] = build_pair(DATA, per, seed=k)[0]
    return hi._write(folder, texts)


# ----------------------------------------------------------------------------------- main


def _cell(seconds: float | None, timeout: float) -> str:
    return f"{seconds:.2f}" if seconds is not None else f">{timeout:.0f}"


def run_cases(args: argparse.Namespace, trees: list[tuple[str, Path]], tmp: Path) -> int:
    wanted = {int(x) for x in args.only.split(",")} if args.only else None
    print(
        f"whole `storytrace compare --format {args.format}` runs, each in a fresh process; "
        f"seconds: the fastest of {args.repeat}"
    )
    head = f"{'#':>2} {'input':<38} {'size':>8} {'budget':>7}"
    print(head + "".join(f" {label + ' s':>9}" for label, _ in trees) + "  verdict  result")
    failed = 0
    startup = 0.0
    for k, case in enumerate(CASES, 1):
        if wanted and k not in wanted and k != 1:
            continue
        paths = case.build(tmp / f"case{k}", case.size)
        size = _size(paths)
        runs = [fastest(tree, paths, args.timeout, args.format, args.repeat) for _, tree in trees]
        seconds, result = runs[0]
        if k == 1:
            startup = seconds or 0.0
        budget = startup + case.budget if case.refused else case.budget
        ok = seconds is not None and seconds < budget
        ok = ok and (case.refused in result if case.refused else not result.startswith("exit"))
        failed += not ok
        row = f"{k:>2} {case.name:<38} {size / 1e6:>6.2f}MB {budget:>6.1f}s"
        row += "".join(f" {_cell(t, args.timeout):>9}" for t, _ in runs)
        print(f"{row}  {'PASS' if ok else 'FAIL':<7}  {result[:100]}", flush=True)
        if case.build is hi.many_files:
            for f in Path(paths[0]).iterdir():
                f.unlink()
    return failed


def run_quits(args: argparse.Namespace, trees: list[tuple[str, Path]], tmp: Path) -> int:
    paths = quit_input(tmp / "quit", args.quit_mb)
    print(
        f"\nq in the explorer ({_size(paths) / 1e6:.1f} MB in {len(paths)} versions, two of "
        f"them HTML): seconds from q until the process has exited, the slowest of {args.repeat}"
    )
    head = f"{'stage':<12} {'budget':>7}"
    print(
        head
        + "".join(f" {label + ' s':>9}" for label, _ in trees)
        + "  verdict  when q was pressed"
    )
    failed = 0
    for stage in STAGES:
        cells, notes, worst = [], [], []
        for _, tree in trees:
            got = [time_quit(tree, stage, paths, args.timeout) for _ in range(args.repeat)]
            pressed = [t for t, note in got if note.startswith("q pressed")]
            slowest = None if len(pressed) < len(got) or None in pressed else max(pressed)
            worst.append(slowest)
            cells.append(_cell(slowest, args.timeout) if pressed else "n/a")
            notes.append(next((n for _, n in got if not n.startswith("q pressed")), got[0][1]))
        ok = worst[0] is not None and worst[0] < QUIT_BUDGET
        failed += not ok
        row = f"{stage:<12} {QUIT_BUDGET:>6.1f}s" + "".join(f" {c:>9}" for c in cells)
        print(f"{row}  {'PASS' if ok else 'FAIL':<7}  {notes[0]}", flush=True)
    return failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--only", help="comma-separated case numbers (1-based) to run")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is killed")
    ap.add_argument("--tree", type=Path, default=REPO, help="the source tree to time")
    ap.add_argument("--baseline", type=Path, help="another source tree to time as well")
    ap.add_argument("--no-quit", action="store_true", help="skip the explorer's quit times")
    ap.add_argument("--no-cases", action="store_true", help="only the explorer's quit times")
    ap.add_argument("--format", default="text", help="report format of the timed runs")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement")
    ap.add_argument("--quit-mb", type=float, default=6.0)
    args = ap.parse_args()
    trees = [("now", args.tree.resolve())]
    if args.baseline:
        trees.append(("before", args.baseline.resolve()))
    tmp = Path(tempfile.mkdtemp(prefix="storytrace-hostile-"))
    failed = 0
    try:
        if not args.no_cases:
            failed += run_cases(args, trees, tmp)
        if not args.no_quit and not (DATA / "pan13-train" / "src").exists():
            print(f"\nq in the explorer: skipped, {DATA}/pan13-train/src not found")
        elif not args.no_quit:
            failed += run_quits(args, trees, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{'all within budget' if not failed else f'{failed} over budget'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
