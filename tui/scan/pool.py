"""The same scan on this machine's cores: whole shards mapped to worker processes.

Each worker runs ``runner.scan_shard``, the function the single-process scan runs; results
are merged in shard order by the caller, so the output is byte-identical to a run in one
process. On one machine this is lighter than a Dask ``LocalCluster`` (no scheduler, no
task graph, the index sent once per worker): on two cores Dask's own work took about as much
CPU as the scan's. Workers are spawned, not forked (the parent may have a progress thread
running), and ignore Ctrl-C: the parent decides when to stop and ends them at once.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from .index import StoryIndex
from .model import ScanError, Shard, ShardResult
from .records import Fields
from .runner import scan_shard

# A pool costs each worker an interpreter start and a copy of the index (a second or two);
# a corpus smaller than this is scanned in this process.
MIN_POOL_BYTES = 32_000_000
# How often the parent looks at ``stop()`` while waiting for a shard.
POLL_SECONDS = 0.2

_worker: tuple[StoryIndex, Fields] | None = None


def auto_jobs(shard_sizes: Sequence[int]) -> int:
    """Worker processes for a corpus: one per core when there is enough to share out."""
    if len(shard_sizes) < 2 or sum(shard_sizes) < MIN_POOL_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, len(shard_sizes)))


def _start(index: StoryIndex, fields: Fields) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = (index, fields)


def _scan(shard: Shard) -> ShardResult | None:
    assert _worker is not None, "worker not started"
    return scan_shard(shard, *_worker)


def run_pool(
    shards: Sequence[Shard],
    index: StoryIndex,
    fields: Fields,
    jobs: int,
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[ShardResult]:
    """Results as shards finish (in any order); on ``stop()`` the workers are ended and
    shards not finished are dropped whole, as a stopped single-process scan drops its shard.
    A worker that dies (killed, out of memory) ends the scan with ``ScanError``, not a wait
    for a result that will never come; the finished shards are in the state file."""
    if not shards:
        return
    executor = ProcessPoolExecutor(
        min(jobs, len(shards)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(index, fields),
    )
    finished = False
    try:
        pending = {executor.submit(_scan, shard) for shard in shards}
        while pending:
            if stop():
                return
            done, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in done:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    raise ScanError(
                        "a worker process of the scan died (out of memory?); the finished "
                        "corpus files are kept: run again with --resume, or with --jobs 1"
                    ) from None
                if result is not None:
                    yield result
        finished = True
    finally:
        executor.shutdown(wait=finished, cancel_futures=True)
        if not finished:  # stopped, failed or interrupted: no shard is waited for
            for child in multiprocessing.active_children():
                child.terminate()
