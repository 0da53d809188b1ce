"""The progress bar on stderr: articles read, articles per second, time left.

Work is measured in bytes (every corpus file's size is known before reading; article counts
in a JSON Lines or WARC file are not), articles are counted as the shards report them. Rich
draws it, on stderr only, so stdout stays the report.
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from .model import Shard, ShardResult


class ScanProgress:
    def __init__(self, shards: list[Shard], sizes: list[int], enabled: bool) -> None:
        self.sizes = {s.ordinal: max(1, n) for s, n in zip(shards, sizes, strict=True)}
        self.enabled = enabled
        self.done_bytes = 0
        self.done_articles = 0
        self.partial: dict[int, int] = {}  # shard -> records read so far
        self.start = time.perf_counter()
        self._progress = Progress(
            TextColumn("scanning"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[articles]:>10,} articles  {task.fields[rate]:>7,.0f}/s"),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task(
            "scan", total=sum(self.sizes.values()), articles=0, rate=0.0
        )

    def __enter__(self) -> ScanProgress:
        if self.enabled:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self._progress.refresh()
            self._progress.stop()

    def resumed(self, result: ShardResult) -> None:
        """A shard finished in an earlier run: counted as done, not in the rate."""
        self.done_bytes += self.sizes.get(result.shard.ordinal, 0)
        self._progress.update(self._task, completed=self.done_bytes)

    def update(self, shard: Shard, records: int) -> None:
        """``records`` read so far in ``shard``; -1 when it is finished."""
        if records < 0:
            self.done_bytes += self.sizes.get(shard.ordinal, 0)
            self.done_articles += self.partial.pop(shard.ordinal, 0)
        else:
            self.partial[shard.ordinal] = records
        articles = self.done_articles + sum(self.partial.values())
        elapsed = max(1e-9, time.perf_counter() - self.start)
        # Bytes of a shard still being read, estimated from the bytes per article so far.
        per_article = self.done_bytes / self.done_articles if self.done_articles else 3000
        running = sum(min(self.sizes[k] * 0.99, n * per_article) for k, n in self.partial.items())
        self._progress.update(
            self._task,
            completed=self.done_bytes + running,
            articles=articles,
            rate=articles / elapsed,
        )

    def finish(self, result: ShardResult) -> None:
        self.partial[result.shard.ordinal] = result.articles + result.skipped
        self.update(result.shard, -1)
