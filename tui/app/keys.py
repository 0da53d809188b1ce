"""Every key of the explorer, in one table: bindings, footer, palette and help all read it.

A key written in one place cannot be bound on a screen yet missing from the help, or shown in
the footer under one name and in the palette under another. Each ``Key`` becomes a Textual
``Binding`` whose ``id`` is the key's id (so a user keymap can rebind it), whose description
is the short ``footer`` label (empty: not in the footer), and whose tooltip is ``help``; the
palette lists it by ``title``, the help screen by keys, title and help.

A section is what one screen or widget binds (``bindings("side_by_side")``). The footer shows the
focused widget's keys first, then the screen's, then the app's, and cuts off what does not
fit, so each top-level view lists the help key first and the view keys last, and the
footer labels are one word.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

from tui.core.model import LABEL_LETTERS, LABELS

# What the relabel dialog dismisses with to remove a relabel (None means "cancelled").
CLEAR = "clear"


@dataclass(frozen=True)
class Key:
    id: str
    keys: str  # Textual key names, comma-separated
    action: str
    title: str  # the palette's command and the help's line
    footer: str = ""  # the footer's one-word label; empty: help and palette only
    help: str = ""  # why or when, for the help screen, the palette and the tooltip
    group: str = ""  # keys of one group share a footer label: "n N change"
    docked: bool = False  # the footer places it itself (the palette key, on the right)
    priority: bool = False  # before any widget's own use of the key

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.footer or self.title,
            show=bool(self.footer) and not self.docked,
            priority=self.priority,
            tooltip=self.help,
            id=self.id,
            group=Binding.Group(self.group) if self.group else None,
        )


def cursor_keys(
    prefix: str,
    unit: str,
    *,
    down: str = "cursor_down",
    up: str = "cursor_up",
    first: str = "first",
    last: str = "last",
) -> list[Key]:
    """j/k/g/G beside the arrows, for anything with a cursor or that scrolls."""
    return [
        Key(f"{prefix}.down", "down,j", down, "Down"),
        Key(f"{prefix}.up", "up,k", up, "Up"),
        Key(f"{prefix}.first", "home,g", first, f"First {unit}"),
        Key(f"{prefix}.last", "end,G", last, f"Last {unit}"),
    ]


# ----------------------------------------------------------------------------- everywhere

HELP = Key(
    "app.help",
    "question_mark",
    "app.help",
    "Help",
    "help",
    "every key, and what the marks mean",
)
EXPORT = Key(
    "app.export",
    "e",
    "app.export",
    "Export",
    "export",
    "write the report as HTML, Markdown, JSON, CSV or text",
)
FAMILIES = Key(
    "app.families",
    "f",
    "app.families",
    "Families",
    "families",
    "each piece of content followed across every version",
)
LEXICON = Key(
    "app.lexicon",
    "x",
    "app.lexicon",
    "Word swaps",
    "swaps",
    "every word swap between related versions",
)
AUDIT = Key(
    "app.audit",
    "i",
    "app.audit",
    "Inserts/omissions",
    "inserts",
    "what each version added and what it dropped",
)
QUIT = Key("app.quit", "q", "app.quit", "Quit", "quit")
PALETTE = Key(
    "app.palette",
    "ctrl+p",
    "command_palette",
    "Command palette",
    "palette",
    "every action by name",
    docked=True,
    priority=True,
)
# The keys that switch between the top-level views, listed after each view's own.
VIEW_KEYS = (EXPORT, FAMILIES, LEXICON, AUDIT)


def _view(*own: Key) -> tuple[Key, ...]:
    """A top-level view's keys: help first (it must always show), its own, the views."""
    return (HELP, *own, *VIEW_KEYS)


BACK_TO_OVERVIEW = "back to the overview"


def _version_keys(prefix: str, action: str = "version") -> list[Key]:
    return [
        Key(f"{prefix}.next_version", "tab", f"{action}(1)", "Next version"),
        Key(f"{prefix}.prev_version", "shift+tab", f"{action}(-1)", "Previous version"),
    ]


def _label_keys() -> list[Key]:
    return [
        Key(f"sbs.toggle_{label}", str(n), f"toggle_label('{label}')", f"Show/hide {label}")
        for n, label in enumerate(LABELS, start=1)
    ]


def _relabel_keys() -> list[Key]:
    return [
        Key(
            f"relabel.{label}", LABEL_LETTERS[label].lower(), f"choose('{label}')", f"Label {label}"
        )
        for label in LABELS
    ]


REVIEW_TARGET = (
    "the passage under the cursor (in paragraph rows: the row's first passage that is not verbatim)"
)

SECTIONS: dict[str, tuple[Key, ...]] = {
    "app": (HELP, EXPORT, FAMILIES, LEXICON, AUDIT, QUIT, PALETTE),
    "overview_table": (
        Key(
            "overview.open",
            "enter",
            "select_cursor",
            "Side by side",
            "open",
            "the highlighted version beside the reference",
        ),
        *cursor_keys("overview", "version", first="scroll_top", last="scroll_bottom"),
    ),
    "overview": _view(
        Key(
            "overview.parent",
            "p",
            "parent",
            "Side by side with its parent",
            "parent",
            "the highlighted version beside the version it was made from (its edge in the "
            "derivation tree)",
        ),
        Key(
            "overview.make_reference",
            "r",
            "make_reference",
            "Make reference",
            "reference",
            "re-align every version against the highlighted one",
        ),
        Key(
            "overview.exclusions",
            "E",
            "app.exclusions",
            "Exclusions",
            # Not in the footer (it would push the view keys off at 80 columns): the
            # overview's own "Exclusions (E)" line names the key.
            help="leave shared quotations, copied page furniture or short matches out of the "
            "shares and verdicts; every version is re-scored and the reports record it",
        ),
        Key(
            "overview.review",
            "l,c",
            "review_hint",
            "Relabel / note",
            # Not in the footer: the keys work in the side by side, on a passage; here
            # they only say so, where pressing them did nothing.
            help="say where a relabel (l) or a note (c) is given: to a passage, in the side "
            "by side",
        ),
        *_version_keys("overview", "move"),
        Key(
            "overview.details_down",
            "shift+down,right_square_bracket",
            "scroll_details(1)",
            "Scroll the panel below down",
            help="the regions, the shares table, the derivation tree and stale notes, when "
            "they do not fit (] where shift+down does not reach the app)",
        ),
        Key(
            "overview.details_up",
            "shift+up,left_square_bracket",
            "scroll_details(-1)",
            "Scroll the panel below up",
        ),
    ),
    "aligned_view": (
        *cursor_keys("view", "row"),
        Key("view.page_down", "pagedown,space", "page_down", "Page down"),
        Key("view.page_up", "pageup,b", "page_up", "Page up"),
    ),
    "side_by_side": _view(
        Key(
            "sbs.back",
            "escape",
            "back",
            "Back / clear search",
            "back",
            f"close or clear the search, else {BACK_TO_OVERVIEW}",
        ),
        Key(
            "sbs.detail",
            "enter",
            "detail",
            "Detail",
            "detail",
            "the evidence for the row: sentences, offsets, signals, diff",
        ),
        Key("sbs.next", "n", "next(1)", "Next change", "next", group="change"),
        Key("sbs.prev", "N", "next(-1)", "Prev change", "prev", group="change"),
        Key(
            "sbs.search",
            "slash",
            "search",
            "Search",
            "search",
            "both sides; then n and N go from hit to hit",
        ),
        Key(
            "sbs.mode",
            "v",
            "toggle_mode",
            "Paragraphs/sentences",
            "rows",
            "one row per paragraph group, or per sentence passage",
        ),
        Key(
            "sbs.relabel",
            "l",
            "relabel",
            "Relabel",
            "relabel",
            f"give {REVIEW_TARGET} the reviewer's label",
        ),
        Key(
            "sbs.comment",
            "c",
            "comment",
            "Note",
            "note",
            f"attach a reviewer's note to {REVIEW_TARGET}",
        ),
        Key(
            "sbs.swap",
            "s",
            "swap",
            "Swap sides",
            "swap",
            "the version on the left, the reference on the right",
        ),
        Key(
            "sbs.make_reference",
            "r",
            "make_reference",
            "Make reference",
            "reference",
            "re-align every version against this one",
        ),
        *_version_keys("sbs"),
        *_label_keys(),
    ),
    "scroll": tuple(
        cursor_keys(
            "scroll",
            "line",
            down="scroll_down",
            up="scroll_up",
            first="scroll_home",
            last="scroll_end",
        )
    ),
    "detail": (Key("detail.back", "escape,q", "dismiss", "Back", "back"),),
    "relabel": (
        *_relabel_keys(),
        Key("relabel.clear", "x", f"choose('{CLEAR}')", "Back to the engine's label", "engine's"),
        Key("relabel.cancel", "escape", "dismiss(None)", "Cancel", "cancel"),
    ),
    "note": (Key("note.cancel", "escape", "dismiss(None)", "Cancel", "cancel"),),
    "exclusions": (
        Key("exclusions.apply", "ctrl+s", "apply", "Apply the exclusions", "apply"),
        Key("exclusions.cancel", "escape", "cancel", "Cancel", "cancel"),
    ),
    "export": (
        Key("export.write", "ctrl+s", "write", "Write the report", "write"),
        Key("export.cancel", "escape", "cancel", "Cancel", "cancel"),
    ),
    "family_view": (
        *cursor_keys("families", "family"),
        Key("families.page_down", "pagedown,space", "page_down", "Page down"),
        Key("families.page_up", "pageup,b", "page_up", "Page up"),
        Key("families.right", "right,l", "column(1)", "Next version column"),
        Key("families.left", "left,h", "column(-1)", "Prev version column"),
    ),
    "families": _view(
        Key("families.back", "escape", "back", "Back", "back", BACK_TO_OVERVIEW),
        Key(
            "families.open",
            "enter",
            "open",
            "Side by side",
            "open",
            "the version of the highlighted column beside the reference, at this family",
        ),
        Key(
            "families.detail",
            "d",
            "detail",
            "Family detail",
            "detail",
            "every version's form of the family, in full",
        ),
        Key(
            "families.next",
            "n",
            "next(1)",
            "Next disagreement",
            "next",
            group="disagreement",
            help="the next family where a variant is not verbatim against the family's "
            "original form, or a version derived from the same source lacks it",
        ),
        Key("families.prev", "N", "next(-1)", "Prev disagreement", "prev", group="disagreement"),
    ),
    "family_detail": (Key("family_detail.back", "escape,q", "dismiss", "Back", "back"),),
    "lexicon_table": (
        Key(
            "lexicon.open",
            "enter",
            "select_cursor",
            "Side by side",
            "open",
            "a passage with the swap, beside its source",
        ),
        *cursor_keys("lexicon", "swap", first="scroll_top", last="scroll_bottom"),
    ),
    "lexicon": _view(
        Key("lexicon.back", "escape", "back", "Back", "back", BACK_TO_OVERVIEW),
        Key("lexicon.sort", "s", "sort(1)", "Sort by next column", "sort"),
        Key(
            "lexicon.sort_back",
            "S",
            "sort(-1)",
            "Sort by previous column",
        ),
        Key("lexicon.reverse", "o", "reverse", "Reverse order", "reverse"),
    ),
    "audit_list": (
        Key(
            "audit.open",
            "enter",
            "select",
            "Side by side",
            "open",
            "the passage the item comes from, side by side",
        ),
        *cursor_keys("audit", "item"),
    ),
    "audit": _view(
        Key("audit.back", "escape", "back", "Back", "back", BACK_TO_OVERVIEW),
        *_version_keys("audit"),
    ),
    "scan_table": tuple(cursor_keys("scan", "hit", first="scroll_top", last="scroll_bottom")),
    "scan": (
        HELP,
        Key("scan.open", "enter", "open", "Side by side", "open", "the story beside the article"),
        Key("scan.sort", "o", "sort", "Sort", "sort", "reused, derived, story or corpus order"),
        Key("scan.story", "t", "story", "Story filter", "story", "one story's hits, the next"),
        Key("scan.verdict", "d", "verdict", "Verdict filter", "verdict"),
        Key("scan.search", "slash", "search", "Search", "search", "story, title, URL, record"),
        Key("scan.clear", "escape", "clear", "Clear filters", "clear"),
    ),
    "help": (Key("help.close", "escape,q,question_mark", "dismiss", "Close", "close"),),
}

# The help screen: a heading per screen, its widget's keys and its own, in this order.
HELP_ORDER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Everywhere", ("app",)),
    ("Overview", ("overview_table", "overview")),
    ("Side by side", ("aligned_view", "side_by_side")),
    ("Detail", ("detail", "scroll")),
    ("Relabel (l, side by side)", ("relabel",)),
    ("Note (c, side by side)", ("note",)),
    ("Export dialog (e)", ("export",)),
    ("Exclusions (E, overview)", ("exclusions",)),
    ("Families (f)", ("family_view", "families")),
    ("Family detail (d, families)", ("family_detail", "scroll")),
    ("Word swaps (x)", ("lexicon_table", "lexicon")),
    ("Inserts and omissions (i)", ("audit_list", "audit")),
    ("Scan results (storytrace scan)", ("scan_table", "scan")),
    ("Help (?)", ("help", "scroll")),
)

KEYS: dict[str, Key] = {key.id: key for section in SECTIONS.values() for key in section}


def bindings(*sections: str) -> list[BindingType]:
    """The Textual bindings of one or more sections, in table order."""
    return [key.binding() for name in sections for key in SECTIONS[name]]


def help_sections() -> list[tuple[str, list[Key]]]:
    """Per heading, the keys that work there, without the everywhere-keys repeated."""
    everywhere = {k.id for k in SECTIONS["app"]}
    out: list[tuple[str, list[Key]]] = []
    for title, names in HELP_ORDER:
        keys = [k for name in names for k in SECTIONS[name]]
        if title != "Everywhere":
            keys = [k for k in keys if k.id not in everywhere]
        out.append((title, list({k.id: k for k in keys}.values())))
    return out
