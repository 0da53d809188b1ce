"""Does anything but the comparisons change with the reference? Each news family is
compared once with no reference and once with each of its versions named the reference (as
the explorer's ``r`` does); the derivation tree drawn each time (edges, their basis, the
independent versions) and the shared-content matrix are compared with the unnamed run's.
A matrix cell counts only when neither of its two versions is the reference of either run:
the reference's own row and column are its comparisons' figures, which the reference decides.
In every named run it also counts the families whose original form is the reference and
that give a variant a derived label ("paraphrased") while the reference's comparison links
none of that variant's sentences (the side by side shows them added): claims that disagree;
and the tree's edges between the reference and another version whose comparison with the
reference links no passage (the tree says one was made from the other, the side by side
that nothing of them matches).

    python benchmarks/reference_choice.py [--shared ../shared]

Families: the 12 of ``benchmarks/data/news`` and ``SHARED/news-family`` when present.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tui.core.engine import compare  # noqa: E402
from tui.core.loading import load_documents  # noqa: E402
from tui.core.model import Report  # noqa: E402


def _tree(report: Report) -> frozenset[tuple[str, str, str]]:
    tree = report.provenance.tree
    return frozenset({(e.parent, e.child, e.basis) for e in tree.edges}) | {
        ("independent", v, "") for v in tree.independent
    }


def _cells(report: Report) -> dict[tuple[str, str], float]:
    sim = report.similarity
    assert sim is not None
    return {
        (a, b): sim.shared[i][j]
        for i, a in enumerate(sim.ids)
        for j, b in enumerate(sim.ids)
        if a != b
    }


def _contradictions(report: Report) -> int:
    linked = {
        c.target: {t for p in c.passages if p.derived for t in p.target_sentences}
        for c in report.comparisons
    }
    return sum(
        1
        for f in report.provenance.families
        if f.origin == report.reference
        for v in f.variants
        if v.doc != f.origin and v.label != "added" and linked[v.doc].isdisjoint(v.sentences)
    )


def _unlinked_edges(report: Report) -> int:
    linked = {c.target: any(p.derived for p in c.passages) for c in report.comparisons}
    ref = report.reference
    others = [
        e.child if e.parent == ref else e.parent
        for e in report.provenance.tree.edges
        if ref in (e.parent, e.child)
    ]
    return sum(1 for o in others if o in linked and not linked[o])  # not a lost original


def _apart_but_derived(report: Report) -> int:
    """Comparisons with the reference that read derived while the tree keeps one of the two
    apart from every other version."""
    apart = set(report.provenance.tree.independent)
    return sum(
        1 for c in report.comparisons if c.verdict != "independent" and {c.source, c.target} & apart
    )


def family(folder: Path) -> tuple[int, int, int, int, int, int, int]:
    """(versions, runs whose tree differs from the unnamed run's, matrix cells compared,
    cells that differ, family variants that contradict the side by side, tree edges to the
    reference whose comparison links no passage, derived verdicts between versions the tree
    keeps apart)."""
    paths = sorted(str(p) for p in folder.iterdir() if p.suffix in (".txt", ".html"))

    def run(reference: str | None) -> Report:
        return compare(load_documents(paths).documents, reference)

    base = run(None)
    tree, cells = _tree(base), _cells(base)
    trees = compared = moved = contradicted = unlinked = apart = 0
    for doc in base.documents:
        named = run(doc.id)
        trees += _tree(named) != tree
        contradicted += _contradictions(named)
        unlinked += _unlinked_edges(named)
        apart += _apart_but_derived(named)
        for key, value in _cells(named).items():
            if {doc.id, base.reference} & set(key):
                continue
            compared += 1
            moved += value != cells[key]
    return len(base.documents), trees, compared, moved, contradicted, unlinked, apart


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    folders = sorted(p for p in (REPO / "benchmarks/data/news").iterdir() if p.is_dir())
    if (args.shared / "news-family").is_dir():
        folders.append(args.shared / "news-family")
    start = time.perf_counter()
    print(
        f"{'family':<28} {'versions':>8} {'trees differ':>13} {'cells moved':>12} "
        f"{'families vs side by side':>25} {'edges with no passage':>22} {'apart but derived':>18}"
    )
    totals = [0, 0, 0, 0, 0, 0, 0]
    for folder in folders:
        got = family(folder)
        totals = [a + b for a, b in zip(totals, got, strict=True)]
        print(
            f"{folder.name:<28} {got[0]:>8} {got[1]:>9}/{got[0]:<3} {got[3]:>6}/{got[2]:<5} "
            f"{got[4]:>25} {got[5]:>22} {got[6]:>18}"
        )
    versions, trees, compared, moved, contradicted, unlinked, apart = totals
    print(
        f"\n{len(folders)} families: {trees} of {versions} runs with a named reference drew "
        f"another tree than the unnamed run; {moved} of {compared} matrix cells between two "
        f"other versions moved; {contradicted} family variants labelled derived from the "
        f"reference where its comparison links none of their sentences; {unlinked} tree edges "
        f"to the reference whose comparison links no passage; {apart} comparisons with the "
        f"reference read derived where the tree keeps one of the two apart from every version "
        f"({time.perf_counter() - start:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
