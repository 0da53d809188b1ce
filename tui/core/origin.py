"""Which version the others are compared against when the user names none: the most original
one, with the reason naming the evidence that decided it."""

from __future__ import annotations

from collections.abc import Sequence

from .families import Group, carried
from .model import Document, Tree
from .summary import shared_with_others


def most_original(
    documents: Sequence[Document], tree: Tree, groups: list[Group]
) -> tuple[str, str]:
    """The real root with the most descendants, or, under a lost original, the child that
    carries the most of the shared content."""
    by_id = {d.id: d for d in documents}
    children: dict[str, list[str]] = {}
    for e in tree.edges:
        children.setdefault(e.parent, []).append(e.child)

    def descendants(v: str, seen: frozenset[str] = frozenset()) -> int:
        return sum(
            1 + descendants(c, seen | {v}) for c in children.get(v, []) if c not in seen | {v}
        )

    shares = carried(documents, groups)
    roots = [v for v in tree.nodes if tree.parent(v) is None and v not in tree.independent]
    if not roots:
        best = max((d.id for d in documents), key=lambda v: (shares[v], len(by_id[v].text), v))
        return best, f"no version derives from another; {best} carries the most content"
    root = max(roots, key=lambda v: (descendants(v), shares.get(v, 0), v))
    if not Tree.inferred(root):
        n = descendants(root)
        verb = "derives" if n == 1 else "derive"
        return root, f"{root} is the most original version: {n} {verb} from it{_why(tree, root)}"
    kids = children[root]
    best = max(kids, key=lambda v: (shares[v], len(by_id[v].text), v))
    return best, (
        f"{', '.join(sorted(kids))} come from a lost original; {best} keeps the most of it "
        f"({shared_with_others(shares[best])})"
    )


def _why(tree: Tree, root: str) -> str:
    """The strongest evidence on the root's own edges, in a few words."""
    edges = [e for e in tree.edges if e.parent == root]
    if not edges:
        return ""
    rank = {"decisive": 0, "strong": 1, "moderate": 2, "weak": 3, "none": 4, "": 5}
    best = min(edges, key=lambda e: (rank.get(e.strength, 5), e.child))
    if best.basis in ("dates", "evidence") and len(best.evidence) > 1:
        return f" ({best.strength}: {best.evidence[1]})"
    if len(best.evidence) > 1:  # the edge's own words on why, with no mark, it points this way
        return f" ({best.evidence[1]})"
    return " (no mark of direction)"
