"""Everything the engine knows about the passages of one row, as evidence.

A journalist who disputes (or relies on) a label needs the exact sentences, the offsets to
cut them out of the files, the numbers the label was decided from and the word swaps. All
of it is read from the ``Passage``; nothing is recomputed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.hanging import Evidence
from tui.app.keys import bindings
from tui.app.screens.view import key_footer
from tui.app.widgets.scroll_body import ScrollBody
from tui.core.diffing import is_spacing
from tui.core.escaping import escape_line, escape_reflow
from tui.core.model import LABEL_LETTERS, Comparison, Document, Passage, Report
from tui.core.overrides import OverrideSet
from tui.present.figures import LABEL as FIGURES
from tui.present.figures import QUOTES
from tui.present.names import VersionNames
from tui.present.wording import LINKED_BY, capfirst

SIGNAL_HELP: dict[str, str] = {
    "char": "character similarity of the two texts, in order (1 = identical once normalised)",
    "word": "share of words kept, in the same order (low when words are swapped or moved)",
    "cover_t": "share of the version's content words (rarer words weigh more) found in the "
    "reference passage",
    "cover_s": "share of the reference passage's content words found in the version",
    "phrase": "share of the version's word pairs found in the reference: exact phrasing reused",
}

LABEL_HELP: dict[str, str] = {
    "verbatim": "the same text once spacing and quotes are normalised",
    "edited": "the same sentence with a few words changed, kept mostly in order",
    "paraphrased": "the content of the reference reworded, merged or split",
    "added": "text of this version with no source in the reference",
    "omitted": "reference text this version does not have",
    "boilerplate": "page or agency furniture (share links, sign-up prompts, slug and rule "
    "lines): this version's own, or the reference's that this version did not take",
}


def _spans(doc: Document, spans: Sequence[tuple[int, int]]) -> str:
    where = "characters" if doc.source_format == "text" else "characters of the extracted article"
    return f"{where} " + ", ".join(f"{a:,}\u2013{b:,}" for a, b in spans)


class DetailScreen(ModalScreen[None]):
    """The evidence for one row: sentences, offsets, signals, diff, substitutions and
    changed figures."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("detail")
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail--del",
        "detail--ins",
        "detail--moved",
        "detail--reviewer",
    }
    DEFAULT_CSS = """
    DetailScreen {
        & > .detail--del { color: $text-error; text-style: strike; }
        & > .detail--ins { color: $text-success; text-style: bold underline; }
        & > .detail--moved { color: $text-warning; text-style: bold; }
        & > .detail--reviewer { color: $text-accent; text-style: bold; }
    }
    """

    def __init__(
        self,
        report: Report,
        comparison: Comparison,
        passages: Sequence[int],
        overrides: OverrideSet | None = None,
        names: VersionNames | None = None,
    ) -> None:
        super().__init__()
        self.report = report
        self.comparison = comparison
        self.passage_indices = tuple(passages)
        self.overrides = overrides
        self.names = names or VersionNames({})

    def compose(self) -> ComposeResult:
        with ScrollBody(id="detail-body"):
            yield Static("", id="detail-text", markup=False)
        yield key_footer()

    def on_mount(self) -> None:
        # Built here, not in compose: the theme's styles are only known once mounted.
        self.query_one("#detail-text", Static).update(self._evidence().renderable())
        self.query_one("#detail-body").focus()

    def _evidence(self) -> Evidence:
        comparison = self.comparison
        source = self.report.document(comparison.source)
        target = self.report.document(comparison.target)
        out = Evidence()
        total = len(comparison.passages)
        for n, k in enumerate(self.passage_indices):
            if n:
                out.append("\n" + "\u2500" * 40 + "\n\n")
            self._passage(out, k, total, comparison.passages[k], source, target)
        return out

    def _passage(
        self, out: Evidence, k: int, total: int, p: Passage, source: Document, target: Document
    ) -> None:
        ov = None
        if self.overrides is not None and len(self.overrides):
            ov = self.overrides.bind(self.report).for_passage(self.comparison, p)
        # The reviewer's label heads it, as in every report ("[A] added (reviewer's label;
        # engine: [P] paraphrased)"); the engine's score is for the engine's label.
        label = ov.label if ov is not None and ov.label else p.label
        out.append(f"[{LABEL_LETTERS[label]}] {label}", style="bold")
        if label != p.label:
            out.append(f" (reviewer's label; engine: [{LABEL_LETTERS[p.label]}] {p.label})")
        out.append(f"   passage {k + 1} of {total}")
        if p.derived:
            out.append(f"   score {p.score:.2f}")
        if p.moved:
            out.append(
                "   \u2195 moved: out of the reference's order",
                style=self.get_component_rich_style("detail--moved", partial=True),
            )
        out.append(f"\n{LABEL_HELP[label]}\n", style="italic")
        if p.linked_by in LINKED_BY:
            out.append(f"{LINKED_BY[p.linked_by][1]}\n", style="italic")
        if ov is not None:
            reviewed = self.get_component_rich_style("detail--reviewer", partial=True)
            if ov.label:
                out.append(f"engine: {p.label} \u00b7 reviewer: {ov.label}\n", style=reviewed)
            if ov.note:
                out.append("reviewer's note: ", style=reviewed)
                out.hang()
                out.append(escape_reflow(ov.note) + "\n")
        out.append("\n")

        for title, doc, indices, spans in (
            ("Reference", source, p.source_sentences, p.source_spans),
            ("Version", target, p.target_sentences, p.target_spans),
        ):
            out.append(f"{title} ", style="bold")
            out.append(escape_line(self.names(doc.id)), style="bold")
            out.append("  ")
            out.hang()
            out.append(f"({escape_line(doc.path)})\n")
            if spans:
                out.append(f"  at {_spans(doc, spans)}\n", style="italic")
            if not indices:
                out.append("  (no text on this side)\n", style="italic")
            for i in indices:
                s = doc.sentences[i]
                out.append(f"  {i + 1:>4} ", style="bold")
                out.append(f"[{s.start:,}\u2013{s.end:,}] ", style="italic")
                out.hang()
                out.append(escape_reflow(doc.sentence_text(i)) + "\n")
            out.append("\n")

        if p.signals:
            out.append("Signals\n", style="bold")
            for name in ("char", "word", "cover_t", "cover_s", "phrase"):
                if name in p.signals:
                    value = p.signals[name]
                    out.append(f"  {name:<8}{value:6.2f}  ")
                    out.hang()
                    out.append(SIGNAL_HELP[name] + "\n", style="italic")
            for name, value in sorted(p.signals.items()):
                if name not in SIGNAL_HELP:
                    out.append(f"  {escape_line(name):<8}{value:6.2f}\n")
            out.append("\n")

        if p.derived and p.label != "verbatim" and p.diff:
            out.append("Word diff ", style="bold")
            out.append("([-deleted-] from the reference, {+inserted+} in the version)\n")
            out.append("  ")
            del_style = self.get_component_rich_style("detail--del", partial=True)
            ins_style = self.get_component_rich_style("detail--ins", partial=True)
            for op, piece in p.diff:
                clean = escape_reflow(piece)
                if is_spacing(piece) and op != "equal":
                    # Spacing alone differs: no edit to mark; the version's spacing is shown.
                    out.append(clean if op == "insert" else "")
                elif op == "equal":
                    out.append(clean)
                elif op == "delete":
                    out.append("[-" + clean + "-]", style=del_style)
                else:
                    out.append("{+" + clean + "+}", style=ins_style)
            out.append("\n\n")

        if p.substitutions:
            out.append("Substitutions\n", style="bold")
            for sub in p.substitutions:
                count = f"  \u00d7{sub.count}" if sub.count > 1 else ""
                old, new = escape_reflow(sub.source), escape_reflow(sub.target)
                out.append(f"  \u201c{old}\u201d \u2192 \u201c{new}\u201d{count}\n")

        said = bool(p.substitutions)
        for label, changes in ((FIGURES, p.changed_figures), (QUOTES, p.changed_quotes)):
            if not changes:
                continue
            # As the overview and the reports list them for the version, this passage's own.
            out.append(("\n" if said else "") + capfirst(label) + "\n", style="bold")
            said = True
            for f in changes:
                old, new = escape_reflow(f.source), escape_reflow(f.target)
                out.append(f"  \u201c{old}\u201d \u2192 \u201c{new}\u201d\n")
