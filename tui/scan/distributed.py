"""The same scan on a Dask cluster: the index broadcast once, shards mapped, results gathered.

Every worker runs ``runner.scan_shard``, the function the single-process scan runs, on whole
shards; results come back as plain objects and are merged in shard order by the caller, so
the output is byte-identical to a run on one process. At most a few shards per worker are
in flight at once: submitting a million futures up front would hold them all in the
scheduler's memory.
"""

from __future__ import annotations

import logging
import os
import signal
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

from ..core.escaping import escape_line
from .index import StoryIndex
from .model import ScanError, Shard, ShardResult
from .records import Fields
from .runner import scan_shard

IN_FLIGHT_PER_WORKER = 2
CONNECT_TIMEOUT = "20s"


def connect(address: str, stack: ExitStack) -> Any:
    """A client for ``address`` ("local": a LocalCluster with a process per core here)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ScanError(
            "--dask needs Dask's distributed scheduler: pip install 'dask[distributed]'"
        ) from None
    if address == "local":
        # Ctrl-C reaches every process of the terminal's group: the workers would die with
        # a traceback each while this process stops the scan between shards. Started with
        # SIGINT ignored, they keep ignoring it (Python leaves an ignored SIGINT alone).
        with _sigint_ignored():
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # Stopped with Ctrl-C, the workers log each cancelled task as a warning
                    # into the progress bar; the scan says itself that it stopped.
                    silence_logs=logging.ERROR,
                )
            )
        return stack.enter_context(Client(cluster))
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise ScanError(f"cannot reach the Dask scheduler at {address}: {err}") from None
    return stack.enter_context(client)


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: nothing to hand down
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def run_dask(
    shards: Sequence[Shard],
    index: StoryIndex,
    fields: Fields,
    address: str,
    stop: Callable[[], bool] = lambda: False,
) -> Iterator[ShardResult]:
    from dask.distributed import as_completed

    with ExitStack() as stack:
        client = connect(address, stack)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        # One copy of the index per worker, sent once, instead of one per task.
        shared = client.scatter(index, broadcast=True, hash=False)
        todo = list(reversed(shards))
        run = uuid.uuid4().hex[:12]  # task keys unique to this scan, never reused results
        pending: dict[str, tuple[Any, Shard]] = {}

        def submit() -> Any:
            shard = todo.pop()
            fut = client.submit(
                scan_shard, shard, shared, fields, key=f"storytrace-scan-{run}-{shard.ordinal}"
            )
            pending[fut.key] = (fut, shard)
            return fut

        first = [submit() for _ in range(min(len(todo), workers * IN_FLIGHT_PER_WORKER))]
        running = as_completed(first)
        for fut in running:
            _, shard = pending.pop(fut.key)
            try:
                result = fut.result()
            except Exception as err:
                if stop():  # stopping: a shard cut short is read again on --resume
                    client.cancel([f for f, _ in pending.values()])
                    return
                raise ScanError(
                    escape_line(
                        f"a Dask worker failed on {shard.path} ({type(err).__name__}: {err})"
                    )
                ) from None
            if result is not None:
                yield result
            if stop():
                client.cancel([f for f, _ in pending.values()])
                return
            if todo:
                running.add(submit())
