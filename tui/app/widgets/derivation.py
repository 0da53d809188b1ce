"""The derivation tree of the overview, drawn as text lines, and the evidence for one version.

Which version was made from which is a claim a journalist has to be able to check, so the
tree always comes with the reasons for the highlighted version's place in it: the passages
and unusual phrases it shares with its parent, the engine's evidence lines and the notes
that rule other parents out. The lines, node names and wording are the reports' own
(``tui.present.tree``): this widget only styles them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from tui.app.widgets.styles import component_style
from tui.core.escaping import escape_line
from tui.core.model import Report, Tree
from tui.core.summary import INDEPENDENT_OF_ALL
from tui.present.names import VersionNames
from tui.present.tree import NO_TREE, UNATTACHED, edge_summary, node_name, tree_view


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
        self.reviewed: dict[str, str] = {}
        self._text = Text()

    def show(
        self,
        report: Report | None,
        highlight: str | None,
        names: VersionNames | None = None,
        reviewed: dict[str, str] | None = None,
    ) -> None:
        """``reviewed``: what a reviewer's labels find of a version the tree hangs under the
        reference (``review.reviewer_apart``)."""
        self.report = report
        self.highlight = highlight
        if names is not None:
            self.names = names
        if reviewed is not None:
            self.reviewed = reviewed
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
        view = tree_view(tree, report.reference, self.reviewed)
        lines = view.drawn(self.names, evidence=False)
        for line in lines:
            node = line.node or ""
            out.append(line.prefix, style=self._style("muted"))
            style = Style()
            if Tree.inferred(node):
                style = self._style("inferred")
            elif node == report.reference:
                style = self._style("reference")
            if node == self.highlight:
                style = style + self._style("highlight")
            out.append(line.text, style=style)
            if node == self.highlight:
                out.append(" \u25c0", style=self._style("reference"))
            out.append("\n")
        if not lines:
            out.append(NO_TREE + "\n", style=self._style("muted"))
        if tree.independent:
            head = view.independent_line(self.names).partition(": ")[0]
            out.append(head + ": ", style=self._style("heading"))
            for n, node in enumerate(tree.independent):
                if n:
                    out.append(", ")
                style = self._style("highlight") if node == self.highlight else Style()
                out.append(view.independent_name(node, self.names), style=style)
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
            out.append(f": {INDEPENDENT_OF_ALL}\n")
        elif edge is None:
            kids = [e.child for e in tree.edges if e.parent == doc]
            if doc in tree.unattached:
                out.append(f": {UNATTACHED}\n")
                why = escape_line(self.names.rename(tree.unattached[doc]))
                out.append(f"  \u2022 why: {why}\n")
            elif kids:
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
            out.append(f"  {escape_line(edge_summary(edge))}\n")
            for line in edge.evidence:
                out.append(f"  \u2022 {escape_line(self.names.rename(line))}\n")
        notes = [note for note in tree.notes if doc in note]
        if notes:
            out.append("Notes\n", style=self._style("heading"))
            for note in notes:
                out.append(f"  \u2022 {escape_line(self.names.rename(note))}\n")
