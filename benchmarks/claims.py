"""Claims a journalist checks against the text, counted over the news families, to read by
hand: every "kept the passage (or quote) but dropped the attribution to X" the omissions
audit makes, with the source sentence it names; every quotation listed as reworded (the
reference's wording and the version's); and every tree edge between the reference
and a version whose "N passages ... are also in" differs from the passages the reference's
comparison links (the overview's counts).

``--tree DIR`` runs another checkout's ``tui`` (an export of an earlier commit), so a change
is measured against it on the same families.

    python benchmarks/claims.py [--shared ../shared] [--tree DIR] [--quiet]

Families: the 12 of ``benchmarks/data/news`` and ``SHARED/news-family`` when present.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--tree", type=Path, default=REPO, help="the checkout whose tui to run")
    ap.add_argument("--quiet", action="store_true", help="counts only")
    args = ap.parse_args()
    sys.path.insert(0, str(args.tree.resolve()))
    from tui.core.engine import compare_paths

    folders = sorted(p for p in (REPO / "benchmarks/data/news").iterdir() if p.is_dir())
    if (args.shared / "news-family").is_dir():
        folders.append(args.shared / "news-family")
    claims = edges = reworded = 0
    for folder in folders:
        report = compare_paths([str(folder)])
        for o in report.provenance.omissions:
            if o.kind == "attribution" and "but dropped the attribution to" in o.detail:
                claims += 1
                if not args.quiet:
                    said = " ".join(report.document(o.source).cut(o.source_spans[0]).split())
                    print(f"{folder.name} {o.doc}: {o.detail}\n    {o.source}: {said[:160]}")
        for c in report.comparisons:
            for q in (q for p in c.passages for q in p.changed_quotes):
                reworded += 1
                if not args.quiet:
                    print(f"{folder.name} {c.target}: quotation reworded")
                    print(f"    {c.source}: {q.source[:160]}\n    {c.target}: {q.target[:160]}")
        compared = {c.target: c for c in report.comparisons}
        for e in report.provenance.tree.edges:
            other = ({e.parent, e.child} - {report.reference}).pop()
            if report.reference in (e.parent, e.child) and other in compared:
                counts = compared[other].label_counts()
                if e.shared_passages != sum(
                    counts[k] for k in ("verbatim", "edited", "paraphrased")
                ):
                    edges += 1
    print(
        f"\n{len(folders)} families: {claims} dropped-attribution claims; {reworded} quotations "
        f"reworded; {edges} tree edges with the reference counting other passages than its "
        "comparison"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
