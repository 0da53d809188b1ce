"""The cycle collector paused while millions of small, long-lived objects are made."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_collector_lock = threading.Lock()
_collector_users = 0
_collector_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """A comparison allocates millions of small objects and leaves almost no reference
    cycles, yet each full pass of the cycle collector walks the whole growing heap: ten of
    them cost a sixth of a 1 MB comparison. Freed objects are still freed at once by their
    reference counts. The switch is process-wide and comparisons can overlap (a cancelled
    worker finishing while its successor runs), so the first one in turns the collector off
    and the last one out restores it as the first found it."""
    global _collector_users, _collector_was_enabled
    with _collector_lock:
        if _collector_users == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_users += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_users -= 1
            if _collector_users == 0 and _collector_was_enabled:
                gc.enable()
