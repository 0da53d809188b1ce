"""The derivation tree as every screen and report shows it: which nodes are roots, in what
order, what each node is called and what its edge says.

The explorer styles these lines and the reports lay them out as text, nested lists or
Markdown, but none of them decides anything about the tree itself, so "who copied whom"
reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..core.escaping import escape_line
from ..core.model import Tree, TreeEdge
from ..core.summary import INDEPENDENT_OF_ALL, shared_with_others
from ..core.tree import LOST_PREFIX
from .names import WHOLE, VersionNames
from .wording import REVIEWED_MARK

INFERRED_NOTE = "inferred from the evidence, not among the inputs"
REFERENCE_MARK = "(reference)"
NO_TREE = "no version was derived from another"
# A related version under no other: the top of its branch, or every candidate ruled out.
UNATTACHED = "comes from none of the other versions"
LAST, MIDDLE = "\u2514\u2500 ", "\u251c\u2500 "

Namer = Callable[[str], str]


def node_name(node: str, names: Namer = str) -> str:
    """A node as a reader sees it: a version by its (short) name, an inferred node by what
    it is (``lost original 1``), never by an internal id starting with ``~``."""
    if node.startswith(LOST_PREFIX):
        number = node[len(LOST_PREFIX) :].strip("-")
        return f"lost original {number}".rstrip()
    if Tree.inferred(node):
        return escape_line(node[1:]).replace("-", " ")
    return escape_line(names(node))


def _reviewer_mark(reviewed: str, names: Namer) -> str:
    """ " ✎ reviewer: independent of wire" beside a node, with each version by its short
    name where ``names`` can; "" where the reviewer's labels find nothing else."""
    if not reviewed:
        return ""
    text = names.rename(reviewed) if isinstance(names, VersionNames) else reviewed
    return f" {REVIEWED_MARK} reviewer: {escape_line(text)}"


def edge_summary(edge: TreeEdge) -> str:
    """What the two versions share: ``3 shared passages; shared unusual words: a, b``; from
    a lost original, what the child keeps of it (``42 passages shared with other versions``,
    as the reference's reason says)."""
    n = edge.shared_passages
    if Tree.inferred(edge.parent):
        out = shared_with_others(n)
    else:
        out = f"{n} shared passage{'' if n == 1 else 's'}"
    if edge.shared_phrases:
        out += "; shared unusual words: " + ", ".join(edge.shared_phrases)
    return out


@dataclass(frozen=True)
class TreeNode:
    id: str
    inferred: bool  # not among the inputs
    reference: bool
    edge: TreeEdge | None  # the edge from its parent, with the evidence for it
    children: list[TreeNode]
    unattached: str = ""  # with no parent: why none of the candidates is it
    # What a reviewer's labels find that the tree does not ("independent of wire"): the tree
    # is the engine's, and a node it places otherwise says so beside it.
    reviewed: str = ""

    @property
    def summary(self) -> str:
        """What the line says after the node's name: what it shares with its parent, or
        that it has none."""
        if self.edge:
            return edge_summary(self.edge)
        return UNATTACHED if self.unattached else ""

    @property
    def evidence(self) -> list[str]:
        """The lines under the node: the edge's evidence, or why it has no parent."""
        if self.edge:
            return list(self.edge.evidence)
        return [f"why: {self.unattached}"] if self.unattached else []

    @property
    def note(self) -> str:
        return INFERRED_NOTE if self.inferred else ""

    def title(self, names: Namer = str) -> str:
        """The node's line: its name and what it is."""
        name = node_name(self.id, names)
        if self.inferred:
            return f"{name} ({INFERRED_NOTE})"
        return (
            name
            + (f" {REFERENCE_MARK}" if self.reference else "")
            + _reviewer_mark(self.reviewed, names)
        )


@dataclass(frozen=True)
class TreeLine:
    """One line of the drawn tree: the box-drawing prefix and the node (or, for an evidence
    line under a node, ``node`` None and the line in ``text``)."""

    prefix: str
    node: str | None
    text: str


@dataclass(frozen=True)
class TreeView:
    roots: list[TreeNode]
    independent: list[str]
    notes: list[str]
    # What a reviewer's labels find of a version the tree places otherwise (``TreeNode``).
    reviewed: Mapping[str, str] = field(default_factory=dict)

    def independent_name(self, node: str, names: Namer = WHOLE) -> str:
        """An independent version's name, with what a reviewer's labels find of it."""
        return node_name(node, names) + _reviewer_mark(self.reviewed.get(node, ""), names)

    def drawn(self, names: VersionNames = WHOLE, *, evidence: bool = True) -> list[TreeLine]:
        """Depth first, roots flush left, children after ``├─``/``└─``; with ``evidence``
        each edge's summary and evidence lines under its child (the engine's words, each
        version in them called by its short name). A version with no parent says so even
        without the evidence: a bare name would claim nothing."""
        out: list[TreeLine] = []

        def walk(node: TreeNode, lead: str, branch: str, below: str) -> None:
            text = node.title(names)
            if node.summary and (evidence or node.unattached):
                text += f": {node.summary}"
            out.append(TreeLine(lead + branch, node.id, text))
            if evidence:
                out.extend(
                    TreeLine(f"{lead}{below}    ", None, names.rename(e)) for e in node.evidence
                )
            for k, child in enumerate(node.children):
                last = k == len(node.children) - 1
                walk(child, lead + below, LAST if last else MIDDLE, "   " if last else "\u2502  ")

        for root in self.roots:
            walk(root, "", "", "")
        return out

    def independent_line(self, names: Namer = WHOLE) -> str:
        if not self.independent:
            return ""
        return (
            INDEPENDENT_OF_ALL
            + ": "
            + ", ".join(self.independent_name(d, names) for d in self.independent)
        )

    def named_notes(self, names: VersionNames = WHOLE) -> list[str]:
        """Why other parents were ruled out, each version called by its short name."""
        return [names.rename(note) for note in self.notes]

    def lines(self, names: VersionNames = WHOLE, *, evidence: bool = True) -> list[str]:
        """The tree as plain text lines, then the independent versions."""
        out = [line.prefix + line.text for line in self.drawn(names, evidence=evidence)]
        if not out:
            out.append(NO_TREE)
        if self.independent:
            out.append(self.independent_line(names))
        return out


def tree_view(tree: Tree, reference: str, reviewed: Mapping[str, str] | None = None) -> TreeView:
    """Roots: nodes without a parent that are not independent, lost originals first (an
    inferred node only when something hangs from it), and any parent the node list forgot;
    each node at most once, so a malformed tree cannot loop. ``reviewed``: what a reviewer's
    labels find of a node, where it is no derivation (``reviewer_apart``)."""
    reviewed = reviewed or {}
    order = {n: k for k, n in enumerate(tree.nodes)}
    children: dict[str, list[TreeEdge]] = {}
    has_parent = set()
    for e in tree.edges:
        children.setdefault(e.parent, []).append(e)
        has_parent.add(e.child)
    candidates = list(tree.nodes) + [p for p in children if p not in order]
    root_ids = [
        n
        for n in dict.fromkeys(candidates)
        if n not in has_parent
        and n not in tree.independent
        and (n in children or not Tree.inferred(n))
    ]
    root_ids.sort(key=lambda n: (not Tree.inferred(n), order.get(n, len(order))))
    seen: set[str] = set()

    def node(node_id: str, edge: TreeEdge | None) -> TreeNode:
        seen.add(node_id)
        kids = sorted(
            children.get(node_id, []), key=lambda e: (order.get(e.child, len(order)), e.child)
        )
        return TreeNode(
            id=node_id,
            inferred=Tree.inferred(node_id),
            reference=node_id == reference,
            edge=edge,
            children=[node(e.child, e) for e in kids if e.child not in seen],
            unattached="" if edge else tree.unattached.get(node_id, ""),
            reviewed=reviewed.get(node_id, ""),
        )

    return TreeView(
        roots=[node(n, None) for n in root_ids if n not in seen],
        independent=list(tree.independent),
        notes=list(tree.notes),
        reviewed=dict(reviewed),
    )
