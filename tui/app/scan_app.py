"""The explorer opened on a scan's results: the hit list first, and every hit opens in the
explorer's own screens (side by side, detail, families, word swaps, export, relabel).

It is the explorer app (``StoryTraceApp``) with a different first screen (its home mode,
where escape from any view returns): instead of aligning the paths it was given, it
compares the story and the article of the hit chosen, in a worker, sets that report as the
app's ``report`` and opens it side by side. The article is read again from its corpus
file, so a scan of millions of articles keeps none of them in memory.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.worker import get_current_worker

from tui.app.app import PROVENANCE_VIEWS, StoryTraceApp
from tui.app.screens.scan_results import ScanResultsScreen
from tui.core.engine import CompareError
from tui.core.model import Document, Report
from tui.present.names import VersionNames
from tui.scan.model import Hit, ScanResult
from tui.scan.records import Fields, read_article
from tui.scan.verify import compare_story


def article_id(hit: Hit, story_id: str) -> str:
    """A readable name for the article inside the explorer, never the story's own id."""
    a = hit.article
    name = a.record or (f"{a.location}" if a.location else "") or a.file.rsplit("/", 1)[-1]
    name = " ".join(f"article {name}".split())[:60]
    return name if name != story_id else f"{name} (article)"


class ScanApp(StoryTraceApp):
    CSS_PATH: ClassVar = ["storytrace.tcss", "scan.tcss"]
    # The home mode: the hit list, added beside the explorer's views.
    DEFAULT_MODE: ClassVar[str] = "scan"
    NO_REPORT = "open a hit first (enter)"

    def __init__(self, result: ScanResult, stories: list[Document]) -> None:
        super().__init__([s.path for s in stories[:1]], settings=result.settings.engine)
        self.result = result
        self.stories = {s.id: s for s in stories}
        self.fields = Fields(**result.fields) if result.fields else Fields()
        self.add_mode("scan", lambda: ScanResultsScreen(self.result))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Export and the provenance views read the hit opened: on the hit list before one
        is, their keys are not offered (the footer showed "e export" that could not)."""
        if (action in PROVENANCE_VIEWS or action == "export") and self.report is None:
            return False
        return super().check_action(action, parameters)

    def start(self) -> None:
        """Nothing to align until a hit is opened (reviewer notes sit beside the stories)."""

    def open_hit(self, hit: Hit) -> None:
        story = self.stories.get(hit.story)
        if story is None:
            self.notify("that story is not loaded", severity="error")
            return
        self.progress = (0.0, "reading the article again")
        self.compare_hit(hit, story)

    @work(thread=True, exclusive=True, group="align", exit_on_error=False, description="hit")
    def compare_hit(self, hit: Hit, story: Document) -> Report:
        article = read_article(hit.article, self.fields, self.result.settings.max_article_bytes)
        if article is None:
            where = f"{hit.article.file} {hit.article.location}".strip()
            raise CompareError(f"{where}: the article is no longer there")
        get_current_worker()  # a superseded worker's report is dropped by the app
        return compare_story(story, article, self.result.settings, article_id(hit, story.id))

    def watch_report(self, previous: Report | None, report: Report | None) -> None:
        # Each hit is its own two-version report: no "reference changed" notice between them.
        super().watch_report(None, report)
        if report is not None and self.names.lettered:
            # A story's and an article's file names too long to show are the story and the
            # article here, not A and B with no legend on the side by side.
            self.names = VersionNames(
                {d.id: "story" if d.id == report.reference else "article" for d in report.documents}
            )
        if report is not None and report.comparisons:
            self.open_side_by_side(report.comparisons[0].target)

    def show_error(self, message: str) -> None:
        self.error = message
        self.notify(message, title="Cannot open", severity="error", markup=False, timeout=10)
