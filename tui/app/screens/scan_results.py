"""The scan's hit list: sort, filter by story and verdict, search; enter opens a hit.

Every cell is built as a ``rich.text.Text`` from sanitised strings: titles, URLs and record
ids come from crawled pages and never reach the terminal as markup or control characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from tui.app.keys import bindings
from tui.app.screens.view import key_footer
from tui.app.widgets.version_table import distinct_cut, middle_cut
from tui.core.escaping import escape_line
from tui.scan.model import Hit, ScanResult
from tui.scan.render import EARLIER_NOTE, article_name, hit_verdict, label_summary

if TYPE_CHECKING:
    from tui.app.scan_app import ScanApp

# (name, key): the orders ``o`` cycles through.
SORTS: tuple[tuple[str, str], ...] = (
    ("story reused", "reused"),
    ("article derived", "derived"),
    ("story", "story"),
    ("corpus order", "corpus"),
)
VERDICTS = ("all", "wholly-derived", "partially-derived", "independent")


def hit_order(hit: Hit, key: str) -> tuple:
    a = hit.article
    if key == "derived":
        return (-hit.target_derived, hit.story, a.shard, a.ordinal)
    if key == "story":
        return (hit.story, -hit.source_reused, a.shard, a.ordinal)
    if key == "corpus":
        return (a.shard, a.ordinal, hit.story)
    return hit.sort_key()


def visible_hits(
    hits: list[Hit], story: str | None, verdict: str, search: str, sort: str
) -> list[Hit]:
    """The hits the screen shows: filters first, then the chosen order."""
    needle = search.casefold()
    shown = [
        h
        for h in hits
        if (story is None or h.story == story)
        and (verdict == "all" or h.verdict == verdict)
        and (
            not needle
            or any(
                needle in field.casefold()
                for field in (h.story, h.title, h.url, h.article.record, h.article.file)
            )
        )
    ]
    return sorted(shown, key=lambda h: hit_order(h, sort))


HIT_COLUMNS = ("#", "story", "reused", "derived", "verdict", "passages", "article", "title")
# The story and article names' widths at most, and at least where the screen is narrow (the
# names are cut; the figures before them never are).
MAX_STORY, MIN_STORY, MAX_ARTICLE, MIN_ARTICLE = 24, 8, 40, 8


def hit_widths(rows: list[list[Text]], width: int, one_story: bool = False) -> list[int]:
    """Column widths for the hit list on a screen ``width`` wide: the figures as wide as
    they are, the story and article names what is left (cut), the title the rest, or no
    title column (0) when nothing is left for it; no story column (0) where one story was
    scanned. At 80 columns the article name ran off the screen, and the passages column cut
    its last count ("V3 E8 P1 A2 O7 B")."""
    need = [
        max([len(name), *(row[c].cell_len for row in rows)]) for c, name in enumerate(HIT_COLUMNS)
    ]
    figures = sum(need[k] for k in (0, 2, 3, 4, 5))
    left = width - figures - 2 * (len(HIT_COLUMNS) - 1 - one_story) - 2  # cell sides, scroll bar
    story = 0 if one_story else max(MIN_STORY, min(need[1], MAX_STORY, left - MIN_ARTICLE))
    article = max(MIN_ARTICLE, min(need[6], MAX_ARTICLE, left - story))
    title = min(need[7], left - story - article - 2)
    return [need[0], story, need[2], need[3], need[4], need[5], article, max(0, title)]


class HitTable(DataTable[Text]):
    """The hits, with j/k/g/G beside the arrows as in every list."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("scan_table")


class ScanResultsScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("scan")

    def __init__(self, result: ScanResult) -> None:
        super().__init__()
        self.result = result
        self.hits = result.hits
        self.ranks = {id(h): k for k, h in enumerate(self.hits, 1)}
        self.stories = sorted({h.story for h in self.hits})
        self.sort = 0
        self.story: str | None = None
        self.verdict = 0
        self.search = ""
        self.shown: list[Hit] = []
        self._filled_width = 0  # the width the columns were last sized to

    @property
    def scan_app(self) -> ScanApp:
        return cast("ScanApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static("", id="scan-title", markup=False)
        yield Static("", id="scan-filters", markup=False)
        yield HitTable(id="scan-hits", cursor_type="row", zebra_stripes=True)
        # The highlighted hit's article named whole: at 80 columns the list cuts it to a
        # few letters, which told no hit from another.
        yield Static("", id="scan-current", markup=False)
        yield Input(placeholder="search story, title, URL, record, file", id="scan-search")
        yield key_footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        n = self.result.counts()
        state = "" if self.result.complete else "  (stopped before the end: --resume continues)"
        self.query_one("#scan-title", Static).update(
            Text(
                f"storytrace scan \u2014 {n['hits']:,} hits in {n['articles_matched']:,} of "
                f"{n['articles_read']:,} articles, {n['stories_matched']:,} of "
                f"{len(self.result.stories):,} stories{state}"
                + (f"\n({EARLIER_NOTE})" if any(h.before_story for h in self.hits) else "")
            )
        )
        self.refresh_hits()
        table.focus()

    def refresh_hits(self) -> None:
        self.shown = visible_hits(
            self.hits, self.story, VERDICTS[self.verdict], self.search, SORTS[self.sort][1]
        )
        table = self.query_one(DataTable)
        rows = [
            [
                Text(str(rank), justify="right"),
                Text(escape_line(h.story)),
                Text(f"{h.source_reused:.0%}", justify="right"),
                Text(f"{h.target_derived:.0%}", justify="right"),
                Text(hit_verdict(h)),
                Text(label_summary(h.counts)),
                Text(escape_line(article_name(h))),
                Text(escape_line(h.title)),
            ]
            for h in self.shown
            # The rank the table, CSV and JSON give the hit, whatever the sort or filter.
            for rank in [self.ranks[id(h)]]
        ]
        # One story scanned: its name is the filter line's, and its column's room the
        # article's.
        one = len(self.result.stories) == 1
        widths = hit_widths(rows, self.size.width, one)
        # Article names of one collection share their folder and differ further on: cut
        # around what sets each apart, as the overview cuts file names.
        for row, article in zip(
            rows, [distinct_cut(row[6], rows, 6, widths[6]) for row in rows], strict=True
        ):
            row[6] = article
        kept = [c for c, w in enumerate(widths) if w and (c != 7 or w >= len("title"))]
        table.clear(columns=True)
        for c in kept:
            table.add_column(HIT_COLUMNS[c], width=widths[c], key=HIT_COLUMNS[c])
        for row in rows:
            table.add_row(*(middle_cut(row[c], widths[c]) for c in kept))
        self._filled_width = self.size.width
        if not self.shown:  # no row to highlight: no hit named under the list either
            self.query_one("#scan-current", Static).update("")
        story = escape_line(self.story or (self.result.stories[0].id if one else "all"))
        search = f"  search: {escape_line(self.search)}" if self.search else ""
        self.query_one("#scan-filters", Static).update(
            Text(
                f"sort: {SORTS[self.sort][0]}  story: {story}  verdict: {VERDICTS[self.verdict]}"
                f"{search}  \u2014 {len(self.shown):,} shown"
            )
        )

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._filled_width:
            current = self.query_one(DataTable).cursor_row
            self.refresh_hits()
            self.query_one(DataTable).move_cursor(row=current)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        hit = self.current_hit()
        line = Text()
        if hit is not None:
            rank = f"#{self.ranks[id(hit)]} "
            line.append(rank, style="bold")
            # Cut in its middle: a file's name is at the end of its path.
            room = max(5, self.size.width - 2 - len(rank))
            line.append_text(middle_cut(Text(escape_line(article_name(hit))), room))
            if hit.title and line.cell_len + 3 < self.size.width - 2:
                line.append(f" \u2014 {escape_line(hit.title)}")
        self.query_one("#scan-current", Static).update(line)

    def current_hit(self) -> Hit | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def action_open(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.scan_app.open_hit(hit)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self.refresh_hits()

    def action_story(self) -> None:
        choices: list[str | None] = [None, *self.stories]
        self.story = choices[(choices.index(self.story) + 1) % len(choices)]
        self.refresh_hits()

    def action_verdict(self) -> None:
        self.verdict = (self.verdict + 1) % len(VERDICTS)
        self.refresh_hits()

    def action_search(self) -> None:
        box = self.query_one("#scan-search", Input)
        box.value = self.search
        box.add_class("-open")
        box.focus()

    @on(Input.Submitted, "#scan-search")
    def _search(self, event: Input.Submitted) -> None:
        self.search = event.value.strip()
        event.input.remove_class("-open")
        self.refresh_hits()
        self.query_one(DataTable).focus()

    def action_clear(self) -> None:
        box = self.query_one("#scan-search", Input)
        if box.has_class("-open"):
            box.remove_class("-open")
            self.query_one(DataTable).focus()
            return
        self.story, self.verdict, self.search = None, 0, ""
        self.refresh_hits()
