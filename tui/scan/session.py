"""A scan run from the command line: progress on stderr, Ctrl-C, the state file, output.

Ctrl-C once asks the scan to stop: the shard being read is dropped, finished shards are
written as partial results (``complete: false``) and kept in the state file for
``--resume``. Ctrl-C twice stops at once (the state file still holds every finished shard).
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from ..core.escaping import escape_line, utf8_safe
from ..present.wording import plural
from .model import ScanError, ScanResult, ScanSettings, records_skipped
from .pool import auto_jobs
from .progress import ScanProgress
from .records import Fields
from .scan import Scan, load_stories
from .state import state_path


@dataclass
class Request:
    stories: Sequence[str]
    corpus: Sequence[str]
    settings: ScanSettings
    fields: Fields
    output: str | None = None
    resume: bool = False
    dask: str | None = None
    jobs: int = 0  # worker processes; 0: one per core for a big corpus (pool.auto_jobs)
    progress: bool | None = None  # None: on a terminal only
    max_bytes: int = 20_000_000


@contextmanager
def interruptible() -> Iterator[threading.Event]:
    """An event set by the first Ctrl-C; the second raises KeyboardInterrupt as usual."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        print(
            "\nstopping after this batch: finished shards are kept (Ctrl-C again to quit now)",
            file=sys.stderr,
        )

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def prepare(request: Request) -> tuple[Scan, list[str]]:
    lexicon = request.settings.engine.lexicon
    if lexicon:
        from ..core.lexicon import LexiconError, load_lexicon

        try:  # refused as compare refuses it, before any story or corpus is read
            load_lexicon(lexicon)
        except LexiconError as err:
            raise ScanError(str(err)) from None
    stories, warnings = load_stories(request.stories, request.max_bytes)
    return Scan(stories, request.corpus, request.settings, request.fields, warnings), warnings


def execute(scan: Scan, request: Request) -> ScanResult:
    show = request.progress if request.progress is not None else sys.stderr.isatty()
    sizes = scan.plan.sizes()
    bar = ScanProgress(scan.shards, sizes, enabled=show)
    with interruptible() as stop, bar:
        try:
            result = scan.run(
                dask=request.dask,
                jobs=request.jobs or auto_jobs(sizes),
                state=state_path(request.output),
                resume=request.resume,
                progress=bar.update,
                finished=bar.finish,
                resumed=bar.resumed,
                warned=lambda w: print(f"warning: {escape_line(w)}", file=sys.stderr),
                stop=stop.is_set,
            )
        except KeyboardInterrupt:
            return scan.result  # holds every finished shard, complete=False
    counts = result.counts()
    if result.complete and not counts["articles_read"]:
        # A mistyped --text-field or a corpus of unreadable files is not "nobody copied you".
        bad = [b for r in result.shards for b in r.bad]
        if bad:
            first = f"; the first: {bad[0].where()}: {bad[0].reason}"
        else:
            # Every file opened and held nothing (an empty .jsonl, a WARC of images only):
            # name it, or the user is told nothing they can act on.
            paths = [utf8_safe(r.shard.path) for r in result.shards]
            first = f"; no record in {plural(len(paths), 'file')}: {paths[0]}" if paths else ""
            if len(paths) > 1:
                first += ", ..."
        raise ScanError(
            escape_line(
                f"no article could be read from the corpus "
                f"({records_skipped(counts['articles_skipped'])}{first})"
            )
        )
    return result
