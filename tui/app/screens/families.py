"""Passage families (``f``): each piece of content followed across every version.

One row per family, one column per version; ``n``/``N`` visit the families where versions
disagree (see ``family_view.disagreeing``) and enter shows one family's evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from tui.app.screens.detail import LABEL_HELP
from tui.app.widgets.family_view import DISAGREE_MARK, ORIGIN_MARK, FamilyView
from tui.app.widgets.status import StatusLine
from tui.core.escaping import escape_line, escape_reflow
from tui.core.model import LABEL_LETTERS, Family, Report

if TYPE_CHECKING:
    from tui.app.app import StoryTraceApp

DISAGREE_HELP = (
    "versions disagree: a variant is not verbatim against the family's original form, or a "
    "version derived from the same source (its derivation tree) lacks it"
)


class FamilyScreen(Screen[None]):
    """Every family across every version, the origin's form marked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "next(1)",
            "Next disagreement",
            tooltip=f"next family where {DISAGREE_HELP}",
            id="families.next",
        ),
        Binding(
            "N",
            "next(-1)",
            "Prev disagreement",
            key_display="N",
            tooltip=f"previous family where {DISAGREE_HELP}",
            id="families.prev",
        ),
        Binding("enter", "detail", "Family detail", id="families.detail"),
        Binding("escape", "app.pop_screen", "Back", id="families.back"),
    ]

    @property
    def story(self) -> StoryTraceApp:
        return cast("StoryTraceApp", self.app)

    @property
    def view(self) -> FamilyView:
        return self.query_one(FamilyView)

    def compose(self) -> ComposeResult:
        yield StatusLine(id="families-header")
        yield FamilyView(id="family-view")
        yield StatusLine(id="families-status")
        yield Footer()

    def on_mount(self) -> None:
        report = self.story.report
        if report is not None:
            self.view.load(report)
            header = Text()
            header.append("Passage families", style="bold")
            n = len(self.view.families)
            shown = sum(self.view.disagree)
            header.append(
                f"  {n} families, {shown} where versions disagree ({DISAGREE_MARK}); "
                f"{ORIGIN_MARK} marks each family's original form"
            )
            self.query_one("#families-header", StatusLine).set_text(header)
        self.view.focus()

    @on(FamilyView.CursorMoved)
    def _moved(self, event: FamilyView.CursorMoved) -> None:
        view = self.view
        status = Text()
        if not view.families:
            status.append("no families in this report")
        else:
            family = view.families[view.cursor]
            status.append(f"family {view.cursor + 1}/{len(view.families)} ")
            status.append(f"#{family.id}", style="bold")
            status.append(f" \u2502 origin {escape_line(family.origin)}")
            status.append(f" \u2502 in {len(family.variants)} of {len(view.versions)} versions")
            if view.disagree[view.cursor]:
                status.append(f" \u2502 {DISAGREE_MARK} versions disagree", style="bold")
            else:
                status.append(" \u2502 versions agree")
        self.query_one("#families-status", StatusLine).set_text(status)

    @on(FamilyView.Selected)
    def _selected(self, event: FamilyView.Selected) -> None:
        self.action_detail()

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
        self.app.push_screen(FamilyDetailScreen(report, view.families[view.cursor]))


class FamilyDetailScreen(ModalScreen[None]):
    """Each variant of one family in full: version, label, score, sentences, offsets."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Back", id="family_detail.back"),
    ]

    def __init__(self, report: Report, family: Family) -> None:
        super().__init__()
        self.report = report
        self.family = family

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="family-detail-body"):
            yield Static("", id="family-detail-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#family-detail-text", Static).update(self._evidence())
        self.query_one("#family-detail-body").focus()

    def _evidence(self) -> Text:
        family, report = self.family, self.report
        out = Text()
        out.append(f"Family #{family.id}", style="bold")
        out.append(f"   origin {escape_line(family.origin)}")
        out.append(f"   {'all verbatim' if family.agree else 'versions differ'}\n")
        present = {v.doc for v in family.variants}
        missing = [d.id for d in report.documents if d.id not in present]
        if missing:
            out.append(
                "not in: " + ", ".join(escape_line(m) for m in missing) + "\n", style="italic"
            )
        for variant in family.variants:
            doc = report.document(variant.doc)
            out.append("\n")
            origin = variant.doc == family.origin
            out.append(f"{ORIGIN_MARK} " if origin else "  ", style="bold")
            out.append(escape_line(doc.id), style="bold")
            out.append(f"  [{LABEL_LETTERS[variant.label]}] {variant.label}")
            out.append(f"   score {variant.score:.2f}")
            if origin:
                out.append("   the family's original form", style="italic")
            out.append(f"\n  {LABEL_HELP[variant.label]}\n", style="italic")
            sentences = ", ".join(str(s + 1) for s in variant.sentences) or "none"
            spans = ", ".join(f"{a:,}\u2013{b:,}" for a, b in variant.spans) or "none"
            out.append(f"  sentence(s) {sentences} \u00b7 characters {spans}\n", style="italic")
            for a, b in variant.spans:
                out.append("  " + escape_reflow(doc.text[a:b]) + "\n")
        return out
