"""The derivation tree of the overview, drawn as text lines, and the evidence for one version.

Which version was made from which is a claim a journalist has to be able to check, so the
tree always comes with the reasons for the highlighted version's place in it: the passages
and unusual phrases it shares with its parent, the engine's evidence lines and the notes
that rule other parents out. A node whose id starts with ``~`` was inferred, never read: it
is named for what it is ("lost original — not among the inputs"), not by its id.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tui.app.widgets.styles import component_style
from tui.core.escaping import escape_line
from tui.core.model import Report, Tree
from tui.present.names import VersionNames


def node_name(node: str, names: VersionNames | None = None) -> str:
    """How a tree node reads on screen: inferred nodes by what they are, versions by their
    short names."""
    if Tree.inferred(node):
        return f"({escape_line(node[1:]).replace('-', ' ')} \u2014 not among the inputs)"
    return escape_line(names(node) if names is not None else node)


def tree_lines(tree: Tree) -> list[tuple[str, str]]:
    """``(prefix, node)`` per line, depth first: roots flush left, children after
    ``├─``/``└─``. Independent versions are left out (they are listed on their own)."""
    children: dict[str, list[str]] = {}
    has_parent: set[str] = set()
    for edge in tree.edges:
        children.setdefault(edge.parent, []).append(edge.child)
        has_parent.add(edge.child)
    independent = set(tree.independent)
    roots = [n for n in tree.nodes if n not in has_parent and n not in independent]
    for parent in children:  # a parent the node list forgot is still a root
        if parent not in has_parent and parent not in roots and parent not in independent:
            roots.append(parent)
    out: list[tuple[str, str]] = []
    seen: set[str] = set()

    def walk(node: str, prefix: str, branch: str) -> None:
        if node in seen:  # a malformed tree must not loop
            return
        seen.add(node)
        out.append((prefix + branch, node))
        kids = children.get(node, [])
        below = prefix + ("   " if branch == "\u2514\u2500 " else "\u2502  " if branch else "")
        for n, child in enumerate(kids):
            walk(child, below, "\u2514\u2500 " if n == len(kids) - 1 else "\u251c\u2500 ")

    for root in roots:
        walk(root, "", "")
    return out


class DerivationTree(Static):
    """The tree with the highlighted version marked, then the evidence for its place."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "derivation--heading",
        "derivation--highlight",
        "derivation--inferred",
        "derivation--reference",
        "derivation--muted",
    }
    DEFAULT_CSS = """
    DerivationTree {
        height: auto;
        & > .derivation--heading { text-style: bold; }
        & > .derivation--highlight { color: $text-accent; text-style: bold reverse; }
        & > .derivation--inferred { color: $text-warning; text-style: italic; }
        & > .derivation--reference { color: $text-accent; text-style: bold; }
        & > .derivation--muted { color: $text-muted; text-style: italic; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.report: Report | None = None
        self.highlight: str | None = None
        self.names = VersionNames({})
        self._text = Text()

    def show(
        self, report: Report | None, highlight: str | None, names: VersionNames | None = None
    ) -> None:
        self.report = report
        self.highlight = highlight
        if names is not None:
            self.names = names
        self._text = self._build()
        self.update(self._text)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.report is not None and self.is_mounted:
            self.call_after_refresh(lambda: self.show(self.report, self.highlight))

    def _style(self, name: str) -> Style:
        return component_style(self, f"derivation--{name}")

    @property
    def text(self) -> Text:
        return self._text

    def _build(self) -> Text:
        report = self.report
        out = Text()
        if report is None:
            return out
        provenance = report.provenance
        out.append("Derivation", style=self._style("heading"))
        out.append(" \u2014 which version was made from which\n", style=self._style("muted"))
        if provenance is None:
            out.append("no provenance in this report\n", style=self._style("muted"))
            return out
        tree = provenance.tree
        lines = tree_lines(tree)
        for prefix, node in lines:
            out.append(prefix, style=self._style("muted"))
            style = Style()
            if Tree.inferred(node):
                style = self._style("inferred")
            elif node == report.reference:
                style = self._style("reference")
            if node == self.highlight:
                style = style + self._style("highlight")
            out.append(node_name(node, self.names), style=style)
            if node == report.reference:
                out.append(" \u2605 reference", style=self._style("reference"))
            if node == self.highlight:
                out.append(" \u25c0", style=self._style("reference"))
            out.append("\n")
        if not lines:
            out.append("no version was derived from another\n", style=self._style("muted"))
        if tree.independent:
            out.append("independent: ", style=self._style("heading"))
            for n, node in enumerate(tree.independent):
                if n:
                    out.append(", ")
                style = self._style("highlight") if node == self.highlight else Style()
                out.append(node_name(node, self.names), style=style)
            out.append("\n")
        if self.highlight is not None:
            out.append("\n")
            self._evidence(out, tree, self.highlight)
        out.rstrip()
        return out

    def _evidence(self, out: Text, tree: Tree, doc: str) -> None:
        name = node_name(doc, self.names)
        edge = next((e for e in tree.edges if e.child == doc), None)
        out.append(name, style=self._style("heading"))
        if doc in tree.independent:
            out.append(": independent, no other version is its source\n")
        elif edge is None:
            kids = [e.child for e in tree.edges if e.parent == doc]
            if kids:
                sources = ", ".join(node_name(k, self.names) for k in kids)
                out.append(f": a source of {sources}\n")
            else:
                out.append(": not placed in the tree\n")
        else:
            out.append(" from ")
            parent_style = self._style("inferred") if Tree.inferred(edge.parent) else Style()
            out.append(node_name(edge.parent, self.names), style=parent_style)
            if not Tree.inferred(edge.parent):
                out.append("   p: the two side by side", style=self._style("muted"))
            out.append("\n")
            out.append(f"  {edge.shared_passages} shared passage(s)\n")
            if edge.shared_phrases:
                out.append("  shared unusual wording: ")
                phrases = (f"\u201c{escape_line(p)}\u201d" for p in edge.shared_phrases)
                out.append(", ".join(phrases))
                out.append("\n")
            for line in edge.evidence:
                out.append(f"  \u2022 {escape_line(self.names.rename(line))}\n")
        notes = [note for note in tree.notes if doc in note]
        if notes:
            out.append("Notes\n", style=self._style("heading"))
            for note in notes:
                out.append(f"  \u2022 {escape_line(self.names.rename(note))}\n")
