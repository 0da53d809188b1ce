"""One scan from start to end: load the stories, index them, plan the corpus, pick up a
stopped run, stream the shards (in this process, on this machine's cores, or on Dask) and
gather the result.

Stopping (Ctrl-C) is cooperative: ``stop()`` is polled between records, the shard being read
is dropped whole, and the result says ``complete: false`` with every finished shard in it,
which is what a resumed run starts from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from .. import __version__
from ..core.loading import DEFAULT_MAX_BYTES, load_documents
from ..core.model import Document
from .corpus import Plan, plan
from .index import StoryIndex, build_index
from .model import ScanError, ScanResult, ScanSettings, Shard, ShardResult
from .records import Fields
from .runner import run_inline
from .state import ResumeState, fingerprint


def load_stories(
    paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Document], list[str]]:
    loaded = load_documents(paths, max_bytes=max_bytes)
    if not loaded.documents:
        detail = f": {loaded.warnings[0]}" if loaded.warnings else ""
        raise ScanError(f"no story could be read{detail}")
    return loaded.documents, loaded.warnings


class Scan:
    """A prepared scan: index built and shards planned, ready to ``run``."""

    def __init__(
        self,
        stories: list[Document],
        corpus: Sequence[str],
        settings: ScanSettings | None = None,
        fields: Fields | None = None,
        warnings: Sequence[str] = (),
    ) -> None:
        self.settings = settings or ScanSettings()
        self.fields = fields or Fields()
        self.index: StoryIndex = build_index(stories, self.settings)
        self.plan: Plan = plan(corpus, [d.path for d in stories])
        if not self.plan.shards:
            # A scan over nothing would report "no article took from these stories".
            # Said as the reason, not as a warning about one input ("..., skipped").
            why = "; ".join(w.removesuffix(", skipped") for w in self.plan.warnings)
            why = why or "the corpus holds no articles"
            raise ScanError(f"nothing to scan: {why}")
        self.result = ScanResult(
            settings=self.settings,
            stories=self.index.evidence,
            inputs=[str(p) for p in corpus],
            shards=[],
            complete=False,
            fields=asdict(self.fields),
            warnings=[*warnings, *self.plan.warnings],
            tool_version=__version__,
        )

    @property
    def shards(self) -> list[Shard]:
        return self.plan.shards

    def fingerprint(self) -> str:
        return fingerprint(self.result, [s.key for s in self.shards])

    def run(
        self,
        *,
        dask: str | None = None,
        jobs: int = 1,
        state: Path | None = None,
        resume: bool = False,
        progress: Callable[[Shard, int], None] | None = None,
        finished: Callable[[ShardResult], None] | None = None,
        resumed: Callable[[ShardResult], None] | None = None,
        warned: Callable[[str], None] | None = None,
        stop: Callable[[], bool] = lambda: False,
    ) -> ScanResult:
        done: list[ShardResult] = []
        keeper = ResumeState(state, self.fingerprint()) if state else None
        if keeper and resume:
            done, warning = keeper.load()
            if warning:
                self.result.warnings.append(warning)
                if warned:  # said before the stopped scan's state is replaced
                    warned(warning)
            for r in done:
                if resumed:
                    resumed(r)
            if done and warned:
                # Said, not only drawn on a progress bar a redirected stderr never shows.
                warned(
                    f"resuming: {len(done)} of {len(self.shards)} shards were read by the "
                    "stopped scan and are not read again"
                )
        already = {r.shard.ordinal for r in done}
        todo = [s for s in self.shards if s.ordinal not in already]
        if keeper:
            keeper.start(done)
        results = list(done)
        try:
            if dask:
                from .distributed import run_dask

                stream = run_dask(todo, self.index, self.fields, dask, stop)
            elif jobs > 1:
                from .pool import run_pool

                stream = run_pool(todo, self.index, self.fields, jobs, stop)
            else:
                stream = run_inline(todo, self.index, self.fields, progress, stop)
            for r in stream:
                results.append(r)
                if keeper:
                    keeper.add(r)
                if finished:
                    finished(r)
        finally:
            results.sort(key=lambda r: r.shard.ordinal)
            self.result.shards = results
            self.result.complete = len(results) == len(self.shards)
            if keeper:
                keeper.close(finished=self.result.complete)
        return self.result
