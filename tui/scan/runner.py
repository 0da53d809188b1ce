"""Scan shards in this process: stream every record past the index once, verify candidates.

Memory stays flat however big the corpus: a shard is read record by record, an article is
dropped once its candidates are verified, and only hits (figures and spans) are kept. More
cores or machines: ``distributed.py`` runs the same ``scan_shard`` on a Dask cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from .candidates import batch_candidates
from .index import StoryIndex
from .model import MAX_BAD_PER_SHARD, Article, BadRecord, Shard, ShardResult
from .records import Fields, ShardReader
from .verify import verify

# Articles go through the filter in batches of this many (or this many characters): numpy's
# fixed cost per call is then shared, and memory stays a few megabytes.
BATCH_ARTICLES = 128
BATCH_CHARS = 2_000_000


def scan_shard(
    shard: Shard,
    index: StoryIndex,
    fields: Fields,
    tick: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ShardResult | None:
    """Every article of ``shard`` against the index; None if cancelled before the end (a
    half-read shard is never recorded, so a resumed scan reads it again whole)."""
    s = index.settings
    reader = ShardReader(shard, fields, s.max_article_bytes)
    result = ShardResult(shard=shard, files=[], hits=[], bad=[])
    batch: list[Article] = []
    size = 0
    for n, item in enumerate(reader.records(), 1):
        if isinstance(item, BadRecord):
            result.skipped += 1
            if len(result.bad) < MAX_BAD_PER_SHARD:
                result.bad.append(item)
            else:
                result.bad_omitted += 1
        else:
            result.articles += 1
            batch.append(item)
            size += len(item.text)
            if len(batch) >= BATCH_ARTICLES or size >= BATCH_CHARS:
                _check(batch, index, result)
                batch, size = [], 0
        if n % 256 == 0:
            if tick:
                tick(n)
            if cancelled and cancelled():
                return None
    _check(batch, index, result)
    evidence = reader.evidence()
    evidence.articles, evidence.skipped = result.articles, result.skipped
    result.files.append(evidence)
    return result


def _check(batch: list[Article], index: StoryIndex, result: ShardResult) -> None:
    if not batch:
        return
    found = batch_candidates(index, [a.text for a in batch])
    for article, candidates in zip(batch, found, strict=True):
        for cand in candidates:
            result.candidates += 1
            result.verified += 1
            hit = verify(index.stories[cand.story], article, cand, index.settings)
            if hit is not None:
                result.hits.append(hit)


def run_inline(
    shards: Sequence[Shard],
    index: StoryIndex,
    fields: Fields,
    progress: Callable[[Shard, int], None] | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[ShardResult]:
    """Each shard in turn in this process; stops between records when ``stop()`` says so."""
    for shard in shards:
        if stop():
            return

        def tick(n: int, shard: Shard = shard) -> None:
            if progress:
                progress(shard, n)

        result = scan_shard(shard, index, fields, tick, stop)
        if result is None:
            return
        yield result
