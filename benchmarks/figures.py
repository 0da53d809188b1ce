"""Changed figures: what the engine lists on real news families, and what it finds when a
figure is changed on purpose.

1. Every changed figure listed over the news families (``benchmarks/data/news`` and, when
   present, ``../shared/news-family``), each version against its wire, printed with both
   sentences so each can be read by hand.
2. Planted: in each paper's text copy, one figure at a time whose value the wire also has is
   changed (a digit moved on by one, a number word by two), and the pair compared again. A
   plant counts as in reach when it lands in a derived passage whose wire side holds the
   original value; found when a listed change gives the new wording; anything else newly
   listed is counted as wrong.

    python benchmarks/figures.py [--news DIR] [--per-paper 6]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO / "benchmarks" / "data" / "news"


def families(root: Path) -> list[Path]:
    found = sorted(p.parent for p in root.glob("f*/gold.json"))
    shared = REPO.parent / "shared" / "news-family"
    return found + ([shared] if shared.is_dir() else [])


def _wire(files: list[Path]) -> Path:
    return next(f for f in files if "wire" in f.name)


def listed(folders: list[Path]) -> int:
    from tui.core.engine import compare_paths

    total = 0
    for folder in folders:
        files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))
        report = compare_paths([str(f) for f in files], reference=_wire(files).stem)
        for c in report.comparisons:
            src, tgt = report.document(c.source), report.document(c.target)
            for k, p in enumerate(c.passages, 1):
                for f in p.changed_figures:
                    total += 1
                    print(f"{folder.name} {c.target} passage {k} [{p.label}]")
                    print(f"  {f.source!r} -> {f.target!r}")
                    print("  wire: ", " ".join(src.sentence_text(f.source_sentence).split()))
                    print("  paper:", " ".join(tgt.sentence_text(f.target_sentence).split()))
    return total


def _changed(piece: str, number_words: dict[str, str]) -> str | None:
    """The figure's wording with its value changed: the first digit moved on by one, or a
    number word by two."""
    digit = re.search(r"\d", piece)
    if digit:
        d = int(digit.group())
        return piece[: digit.start()] + str(d % 9 + 1) + piece[digit.end() :]
    word = re.match(r"[A-Za-z]+", piece)
    if not word or word.group().lower() not in number_words:
        return None
    n = int(number_words[word.group().lower()])
    names = {v: k for k, v in number_words.items()}
    new = names.get(str(n + 2 if n < 18 else n - 3), "seven")
    new = new.upper() if word.group().isupper() else new
    new = new.capitalize() if word.group()[0].isupper() and not word.group().isupper() else new
    return new + piece[word.end() :]


def planted(folders: list[Path], per_paper: int) -> tuple[int, int, int, int]:
    from tui.core.engine import compare_pair
    from tui.core.facts import NUMBER_WORDS
    from tui.core.figures import figures
    from tui.core.loading import document_from_bytes, load_document
    from tui.core.settings import Settings

    settings = Settings()
    total = reach = found = wrong = 0
    for folder in folders:
        files = sorted(folder.glob("*.txt"))  # text papers: offsets are the file's
        wire = _wire(files)
        ref = load_document(wire)
        wire_figures = figures(ref.text)
        for path in files:
            if path == wire:
                continue
            text = load_document(path).text
            before = compare_pair(ref, load_document(path), settings)
            known = {(x.source, x.target) for p in before.passages for x in p.changed_figures}
            done = 0
            for f in figures(text):
                if done >= per_paper:
                    break
                if f.kind != "cardinal" or not any(f.same(g) for g in wire_figures):
                    continue
                new = _changed(text[f.start : f.end], NUMBER_WORDS)
                if new is None:
                    continue
                done += 1
                total += 1
                changed = text[: f.start] + new + text[f.end :]
                doc = document_from_bytes(changed.encode("utf-8"), path.name)
                c = compare_pair(ref, doc, settings)
                shown = [(x.source, x.target) for p in c.passages for x in p.changed_figures]
                hit = [x for x in shown if new.split()[0] in x[1]]
                wrong += len([x for x in shown if x not in hit and x not in known])
                in_reach = any(
                    p.derived
                    and any(
                        doc.sentences[s].start <= f.start < doc.sentences[s].end
                        for s in p.target_sentences
                    )
                    and any(
                        f.same(g)
                        for g in figures(" ".join(ref.sentence_text(i) for i in p.source_sentences))
                    )
                    for p in c.passages
                )
                reach += in_reach
                found += bool(hit)
    return total, reach, found, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--news", type=Path, default=NEWS)
    ap.add_argument("--per-paper", type=int, default=6, help="figures planted per paper")
    args = ap.parse_args()
    folders = families(args.news)
    n = listed(folders)
    print(f"listed over {len(folders)} families (each version against its wire): {n}")
    total, reach, found, wrong = planted(folders, args.per_paper)
    print(
        f"planted {total} changed figures; {reach} in a derived passage whose wire side holds "
        f"the original; found {found} ({found / reach:.2f} of those in reach)"
        if reach
        else f"planted {total}; none in reach",
    )
    print(f"other changes newly listed with a plant: {wrong}")


if __name__ == "__main__":
    main()
