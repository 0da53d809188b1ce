"""Spinner swaps: does storytrace list the words a spinner swapped, and only those?

Spun copies of real text (PAN13 source documents) are made with every swap recorded, the
engine compares each copy with its original (the original as the reference), and the
swaps it lists are scored against the record: precision (listed swaps the spinner made) and
recall (the spinner's swaps listed), counted per occurrence. Two spinners:

* table     - ``benchmarks/speed.py``'s synonym table of common words ("stated" for "said",
              "similar to" for "like"), each table word swapped with probability ``--rate``;
* thesaurus - any word with a thesaurus swap in the shipped list, as the seeds' spinner did
              ("docket" for "agenda", a bare lemma for an inflected word: "mannikin" for
              "models"), with probability ``--rate``, the result tokenized the way spinners
              print it ("Musk ’s", "long - term", " , ").

A third part runs PAN13's random obfuscation pairs (``03-random-obfuscation``: machine word
shuffles, insertions, deletions and replacements): no record of the swaps exists there, so it
prints the swaps found per pair and a fixed random sample with their passage for judging by
hand (``--sample``). The shipped known-swap lists are also checked against the table: how
many of its swaps a user would see marked "known".

    python benchmarks/swaps.py [--data ../shared/data] [--docs 40] [--rate 0.3] [--pan 50]
                               [--sample 40] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.evaluation import swap_scores  # noqa: E402
from benchmarks.speed import SWAPS  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
Pairs = Counter[tuple[str, str]]


def documents(data: Path, count: int, seed: int = 11, chars: int = 4000) -> list[str]:
    """The first ``chars`` characters (whole paragraphs) of ``count`` PAN13 source documents
    drawn at random."""
    files = sorted((data / "pan13-train" / "src").glob("*.txt"))
    random.Random(seed).shuffle(files)
    out = []
    for f in files[:count]:
        paras, size = [], 0
        for para in f.read_text(encoding="utf-8").split("\n"):
            if size >= chars:
                break
            if para.strip():
                paras.append(para.strip())
                size += len(para)
        out.append("\n\n".join(paras) + "\n")
    return out


def spin_table(text: str, rng: random.Random, rate: float) -> tuple[str, Pairs]:
    made: Pairs = Counter()

    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        if w in SWAPS and rng.random() < rate:
            made[(w, SWAPS[w])] += 1
            return SWAPS[w]
        return w

    return re.sub(r"[a-z]+", swap, text), made


def spin_thesaurus(text: str, rng: random.Random, rate: float) -> tuple[str, Pairs]:
    from tui.core.lexicon import lemmas, shipped_lexicon
    from tui.core.textnorm import STOPWORDS

    choices: dict[str, list[str]] = {}
    for (spun, plain), n in shipped_lexicon().items():
        if n == 1 and spun.isalpha() and plain.isalpha():  # the thesaurus list
            choices.setdefault(plain, []).append(spun)
    for words in choices.values():
        words.sort()
    made: Pairs = Counter()
    tokens = re.findall(r"\w+|[^\w\s]", text)
    out = []
    for tok in tokens:
        options = [] if tok in STOPWORDS or not tok.islower() else _options(tok, choices, lemmas)
        if options and rng.random() < rate:
            new = rng.choice(options)
            made[(tok, new)] += 1
            tok = new
        out.append(tok)
    # Spinners print their tokens with a space between any two: "Musk ’s", "long - term".
    return "\n\n".join(" ".join(p.split()) for p in " ".join(out).split("\n\n")), made


def _options(word: str, choices: dict[str, list[str]], lemmas: Any) -> list[str]:
    return sorted({s for lemma in lemmas(word) for s in choices.get(lemma, ())})


def engine_swaps(original: str, copy: str) -> tuple[Pairs, list[dict[str, Any]]]:
    """The engine's swaps, (from, to) -> count, with the original as the reference, and the
    derived passages (for the sample)."""
    from tui.core.contract import report_to_dict
    from tui.core.engine import compare_paths

    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "original.txt"), Path(tmp, "copy.txt")
        a.write_text(original, encoding="utf-8")
        b.write_text(copy, encoding="utf-8")
        report = report_to_dict(compare_paths([str(a), str(b)], reference=str(a)))
    c = report["comparisons"][0]
    found: Pairs = Counter({(s["from"], s["to"]): s["count"] for s in c["substitutions"]})
    return found, c["passages"]


def bench_spinner(name: str, texts: list[str], rate: float, seed: int) -> dict[str, Any]:
    spin = {"table": spin_table, "thesaurus": spin_thesaurus}[name]
    gold: Pairs = Counter()
    found: Pairs = Counter()
    for k, text in enumerate(texts):
        copy, made = spin(text, random.Random(seed + k), rate)
        gold.update(made)
        found.update(engine_swaps(text, copy)[0])
    scores = swap_scores(gold, found)
    wrong = Counter({p: n - gold.get(p, 0) for p, n in found.items() if n > gold.get(p, 0)})
    print(
        f"{name:9}  rate {rate:.2f}  spun {scores['gold']:5}  listed {scores['found']:5}  "
        f"right {scores['right']:5}  precision {scores['precision']:.3f}  "
        f"recall {scores['recall']:.3f}  F1 {scores['f1']:.3f}"
    )
    print("  most frequent listed swaps the spinner did not make: " + _show(wrong, 8))
    return scores | {"spinner": name, "rate": rate}


def _show(pairs: Pairs, n: int) -> str:
    return ", ".join(f"{a!r}->{b!r} x{c}" for (a, b), c in pairs.most_common(n)) or "-"


def known_coverage() -> dict[str, Any]:
    """How many of speed.py's table swaps (an independent, hand-made list) the shipped lists
    know, as a user would see them marked."""
    from tui.core.lexicon import is_known, shipped_lexicon

    known = shipped_lexicon()
    hits = sorted(p for p, s in SWAPS.items() if is_known(known, s, p))
    print(
        f"known-swap lists: {len(hits)} of the {len(SWAPS)} table swaps are marked known "
        f"(e.g. {', '.join(f'{SWAPS[p]} for {p}' for p in hits[:6])})"
    )
    return {"table_swaps": len(SWAPS), "known": len(hits)}


def bench_pan(data: Path, count: int, sample: int, seed: int) -> dict[str, Any]:
    folder = data / "pan13-train" / "03-random-obfuscation"
    pairs = (folder / "pairs").read_text(encoding="utf-8").split("\n")
    pairs = [p.split() for p in pairs if p.strip()][:count]
    listed: list[tuple[str, str, str]] = []
    for susp, src in pairs:
        original = (data / "pan13-train" / "src" / src).read_text(encoding="utf-8")
        copy = (data / "pan13-train" / "susp" / susp).read_text(encoding="utf-8")
        found, passages = engine_swaps(original, copy)
        for (a, b), n in found.items():
            where = next(
                (
                    p
                    for p in passages
                    if any(s.get("from") == a and s.get("to") == b for s in p["substitutions"])
                ),
                None,
            )
            context = _context(where["diff"], a, b) if where else ""
            listed += [(a, b, context)] * n
    print(f"PAN13 03-random-obfuscation, first {len(pairs)} pairs: {len(listed)} swaps listed")
    picked = random.Random(seed).sample(listed, min(sample, len(listed)))
    print(f"a random sample of {len(picked)} to judge by hand (from -> to, in its diff):")
    for a, b, context in picked:
        print(f"  {a!r} -> {b!r}    {context}")
    return {"pairs": len(pairs), "listed": len(listed), "sample": [list(x) for x in picked]}


def shown_diff(diff: Sequence[Sequence[str]]) -> str:
    """A passage's diff as text, [-deleted-]{+inserted+}: what a reader judges a swap by."""
    return "".join(
        t if op == "equal" else f"[-{t}-]" if op == "delete" else f"{{+{t}+}}" for op, t in diff
    )


def _context(diff: list[list[str]], a: str, b: str) -> str:
    """The diff around the swap: the first place where ``a`` is deleted with ``b`` inserted
    close after it."""
    text = shown_diff(diff)
    starts = (m.start() for m in re.finditer(re.escape(a), text))
    at = next((k for k in starts if b in text[k : k + 120]), 0)
    return " ".join(text[max(0, at - 60) : at + len(a) + len(b) + 60].split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--docs", type=int, default=40, help="PAN13 source documents to spin")
    ap.add_argument("--rate", type=float, default=0.3, help="share of eligible words swapped")
    ap.add_argument("--pan", type=int, default=50, help="random-obfuscation pairs (0: none)")
    ap.add_argument("--sample", type=int, default=40, help="PAN swaps printed to judge")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args()
    if not (args.data / "pan13-train" / "src").is_dir():
        print(f"skipped: no PAN13 source documents under {args.data}")
        return
    t0 = time.perf_counter()
    texts = documents(args.data, args.docs)
    print(f"Swap extraction on spun copies of {len(texts)} PAN13 source documents")
    results: dict[str, Any] = {
        "spinners": [bench_spinner(n, texts, args.rate, args.seed) for n in ("table", "thesaurus")],
        "known": known_coverage(),
    }
    if args.pan:
        print()
        results["pan_random"] = bench_pan(args.data, args.pan, args.sample, args.seed)
    print(f"[swaps: {time.perf_counter() - t0:.1f}s]")
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
