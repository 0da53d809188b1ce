"""Passage families (``f``): each piece of content followed across every version.

One row per family, one column per version; ``n``/``N`` visit the families where versions
disagree (see ``family_view.disagreeing``), ``enter`` opens the highlighted column's version
side by side at the family, and ``d`` shows one family's evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.hanging import Evidence
from tui.app.keys import bindings
from tui.app.locate import family_location
from tui.app.screens.detail import LABEL_HELP
from tui.app.screens.view import StoryView, key_footer
from tui.app.widgets.family_view import DISAGREE_MARK, ORIGIN_MARK, FamilyView
from tui.app.widgets.scroll_body import ScrollBody
from tui.app.widgets.status import StatusLine
from tui.core.escaping import escape_line, escape_reflow
from tui.core.model import DERIVED_LABELS, LABEL_LETTERS, Family, Report
from tui.core.review import reviewed_families
from tui.present.excerpts import where
from tui.present.names import VersionNames
from tui.present.wording import REVIEWED_CELL, REVIEWED_MARK


class FamilyScreen(StoryView):
    """Every family across every version, the origin's form marked."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("families")

    @property
    def view(self) -> FamilyView:
        return self.query_one(FamilyView)

    def compose(self) -> ComposeResult:
        yield StatusLine(id="families-header", wrap=True)
        yield FamilyView(id="family-view")
        yield StatusLine(id="families-status", wrap=True)
        yield key_footer()

    def on_mount(self) -> None:
        self.view.focus()

    def show_report(self, report: Report, previous: Report | None) -> None:
        families, reviewed = reviewed_families(report, self.story.overrides)
        self.drawn_labels = families
        self.view.load(report, self.story.names, families, reviewed)
        header = Text()
        header.append("Passage families", style="bold")
        n = len(self.view.families)
        shown = sum(self.view.disagree)
        header.append(
            f"  {n} families, {shown} where versions differ or a related version lacks it "
            f"({DISAGREE_MARK}); "
            f"{ORIGIN_MARK} marks each family's original form"
            + (f"; {REVIEWED_CELL}" if reviewed else "")
        )
        self.query_one("#families-header", StatusLine).set_text(header)

    def labels_state(self, report: Report) -> object:
        return reviewed_families(report, self.story.overrides)[0]

    @on(FamilyView.CursorMoved)
    def _moved(self, event: FamilyView.CursorMoved) -> None:
        view = self.view
        status = Text()
        if not view.families:
            status.append("no families in this report")
        else:
            names = self.story.names
            family = view.families[view.cursor]
            status.append(f"family {view.cursor + 1}/{len(view.families)} ")
            status.append(f"#{family.id}", style="bold")
            status.append(f" \u2502 origin {escape_line(names(family.origin))}")
            status.append(f" \u2502 in {len(family.variants)} of {len(view.versions)} versions")
            if view.disagree[view.cursor]:
                why = "versions differ" if not family.agree else "a related version lacks it"
                status.append(f" \u2502 {DISAGREE_MARK} {why}", style="bold")
            else:
                status.append(" \u2502 versions agree")
            column = view.column_version
            if column is not None:
                status.append(f" \u2502 column {escape_line(names(column))}", style="bold")
        self.query_one("#families-status", StatusLine).set_text(status)

    @on(FamilyView.Selected)
    def _selected(self, event: FamilyView.Selected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """The highlighted column's version side by side, at this family."""
        view = self.view
        report = self.story.report
        doc = view.column_version
        if report is None or not view.families or doc is None:
            return
        self.story.open_location(family_location(report, view.families[view.cursor], doc))

    def action_next(self, step: int) -> None:
        if not self.view.next_disagreement(step):
            self.notify(
                "no further disagreement" if step > 0 else "no earlier disagreement", timeout=2
            )

    def action_detail(self) -> None:
        view = self.view
        report = self.story.report
        if report is None or not view.families:
            return
        family = view.families[view.cursor]
        reviewed = {doc: whole for (fid, doc), whole in view.reviewed.items() if fid == family.id}
        self.app.push_screen(FamilyDetailScreen(report, family, self.story.names, reviewed))


class FamilyDetailScreen(ModalScreen[None]):
    """Each variant of one family in full: version, label, score, sentences, offsets."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("family_detail")

    def __init__(
        self,
        report: Report,
        family: Family,
        names: VersionNames | None = None,
        reviewed: Mapping[str, bool] | None = None,
    ) -> None:
        """``reviewed``: the versions whose form here a reviewer relabelled, True where all
        of it (the label is the reviewer's)."""
        super().__init__()
        self.report = report
        self.family = family
        self.names = names or VersionNames({})
        self.reviewed = reviewed or {}

    def compose(self) -> ComposeResult:
        with ScrollBody(id="family-detail-body"):
            yield Static("", id="family-detail-text", markup=False)
        yield key_footer()

    def on_mount(self) -> None:
        self.query_one("#family-detail-text", Static).update(self._evidence().renderable())
        self.query_one("#family-detail-body").focus()

    def _evidence(self) -> Evidence:
        family, report = self.family, self.report
        out = Evidence()
        out.append(f"Family #{family.id}", style="bold")
        names = self.names
        out.append(f"   origin {escape_line(names(family.origin))}")
        if len(family.variants) < 2:
            agree = "in this version only"
        else:
            agree = "all verbatim" if family.agree else "versions differ"
        out.append(f"   {'page furniture, ' if family.furniture else ''}{agree}\n")
        present = {v.doc for v in family.variants}
        missing = [d.id for d in report.documents if d.id not in present]
        if missing:
            out.append("not in: ", style="italic")
            out.hang()
            out.append(", ".join(escape_line(names(m)) for m in missing) + "\n", style="italic")
        for variant in family.variants:
            doc = report.document(variant.doc)
            out.append("\n")
            origin = variant.doc == family.origin
            out.append(f"{ORIGIN_MARK} " if origin else "  ", style="bold")
            out.append(escape_line(names(doc.id)), style="bold")
            out.append(f"  [{LABEL_LETTERS[variant.label]}] {variant.label}")
            whole = self.reviewed.get(variant.doc)
            if whole:  # the engine's score is not for this label
                out.append(f"   {REVIEWED_MARK} a reviewer's label")
            elif variant.label in DERIVED_LABELS and not origin:
                out.append(f"   score {variant.score:.2f}")
            if whole is False:
                out.append(f"   {REVIEWED_MARK} a reviewer relabelled part of it")
            if origin:
                out.append("   the family's original form", style="italic")
            out.append(f"\n  {LABEL_HELP[variant.label]}\n", style="italic")
            if variant.spans:
                sentences = ", ".join(str(s + 1) for s in variant.sentences)
                which = "sentence" if len(variant.sentences) == 1 else "sentences"
                place = f"{which} {sentences} \u00b7 " if sentences else ""
                out.append(f"  {place}{where(doc, variant.spans)}\n", style="italic")
            else:
                out.append("  no text in this version\n", style="italic")
            for a, b in variant.spans:
                out.append("  " + escape_reflow(doc.text[a:b]) + "\n")
        return out
