"""Fixed cost of one comparison of two short texts, against difflib in the same run.

A journalist's short item, a scan's hit, a property test's case: two versions of a few
sentences, where the engine's per-call overhead (matrices, tables, the tree) is all there is
to its time. Pairs are built from the seeds' sentences as the property tests build theirs:
a source of one to eight sentences, a target that copies, drops, word-swaps and reorders
them and adds one or two. The baseline is difflib's side-by-side table (``HtmlDiff
.make_table``) over the same sentences, which labels nothing and finds no moves.

    python benchmarks/small_speed.py [--pairs 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import time
from pathlib import Path

from tui.core.engine import compare
from tui.core.model import Document

REPO = Path(__file__).resolve().parents[1]


def _pool() -> list[str]:
    out: list[str] = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 20]
    return out


def build_pairs(n: int, seed: int = 5) -> list[tuple[list[str], list[str]]]:
    rng = random.Random(seed)
    pool = _pool()
    pairs = []
    for _ in range(n):
        source = rng.sample(pool, rng.randint(1, 8))
        target = []
        for sentence in source:
            op = rng.choice(["copy", "copy", "drop", "swap"])
            if op == "drop":
                continue
            if op == "swap":
                words = sentence.split()
                words[rng.randrange(len(words))] = "contrived"
                sentence = " ".join(words)
            target.append(sentence)
        target += rng.sample(pool, rng.randint(0, 2))
        rng.shuffle(target)
        pairs.append((source, target or source[:1]))
    return pairs


def _engine(source: list[str], target: list[str]) -> None:
    docs = [
        Document(name, f"{name}.txt", str(k), "utf-8", text, len(text))
        for k, (name, text) in enumerate(
            (("source", "\n".join(source)), ("target", "\n".join(target)))
        )
    ]
    compare(docs, reference="source")


def _difflib(source: list[str], target: list[str]) -> None:
    difflib.HtmlDiff().make_table(source, target)


def per_call_ms(run, pairs: list[tuple[list[str], list[str]]], repeat: int) -> float:
    """Milliseconds per pair, the fastest of ``repeat`` passes over all pairs (load from
    other processes on the machine only ever adds time)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for source, target in pairs:
            run(source, target)
        best = min(best, time.perf_counter() - t0)
    return 1000 * best / len(pairs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pairs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the pairs; the fastest")
    args = ap.parse_args()
    pairs = build_pairs(args.pairs)
    for source, target in pairs[:20]:  # first calls pay for lazy tables and imports
        _engine(source, target)
    engine = per_call_ms(_engine, pairs, args.repeat)
    base = per_call_ms(_difflib, pairs, args.repeat)
    sentences = sum(len(s) + len(t) for s, t in pairs) / len(pairs)
    print(f"{args.pairs} pairs of short texts ({sentences:.1f} sentences per pair on average),")
    print(f"milliseconds per pair, the fastest of {args.repeat} passes:")
    print(f"  storytrace compare (labels, word diffs, moves, tree)  {engine:8.2f} ms")
    print(f"  difflib HtmlDiff.make_table (same sentences)          {base:8.2f} ms")
    print(f"  ratio (storytrace / difflib)                          {engine / base:8.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
