"""Reading the user's option files and writing reports without harming what is already there.

Reading (notes sidecars, lexicons): regular files only, because a FIFO blocks until someone
writes to it and ``/dev/zero`` never ends; up to a size cap, read in chunks so that a huge cap
(``--max-bytes 1000000000000``) is never allocated up front.

Writing (reports, the notes sidecar): a regular file, or a symlink to one, is replaced
atomically through a temporary file beside the real file, so a full disk or a crash leaves the
earlier file whole and a symlink keeps pointing at it. A character device or a FIFO
(``/dev/stdout``, ``/dev/null``, a named pipe a script reads from) is written to as a stream,
never replaced by a regular file; a block device or a socket is refused. Every write error
(``ENOSPC`` from ``/dev/full``, ``EACCES``, ``EISDIR``) is raised, never swallowed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

CHUNK = 1 << 20


class ReadError(Exception):
    """A file could not be read; ``str(err)`` is the reason in a few lower-case words."""


def reason(err: OSError) -> str:
    """``no space left on device`` rather than ``[Errno 28] No space left on device: 'x'``."""
    return (err.strerror or str(err)).lower()


def exists(path: str | os.PathLike[str]) -> bool:
    """``Path.exists``, False for a path that cannot even be asked about (a name too long):
    Python 3.11 raises there, and the user's path is then a one-line error where it is
    used, not a crash where it is probed."""
    try:
        return Path(path).exists()
    except OSError:
        return False


def is_dir(path: str | os.PathLike[str]) -> bool:
    """``Path.is_dir``, False where ``exists`` is."""
    try:
        return Path(path).is_dir()
    except OSError:
        return False


def read_capped(fh: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes (one more than allowed shows the file is too big), read in
    chunks: only what the file holds is ever allocated, whatever ``limit`` is."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        part = fh.read(min(CHUNK, limit + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else ``ReadError``.

    Opened without blocking and checked on the open descriptor, so a FIFO put in the file's
    place between a check and the open cannot hang the caller.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except OSError as err:
        raise ReadError(reason(err)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadError("is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise ReadError("not a regular file")
        if st.st_size > limit:
            raise ReadError(f"{st.st_size:,} bytes, over the {limit:,}-byte limit")
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = read_capped(fh, limit)
    except OSError as err:
        raise ReadError(reason(err)) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise ReadError(f"over the {limit:,}-byte limit")
    return raw


def write_text(
    path: str | os.PathLike[str],
    text: str,
    encoding: str = "utf-8",
    keep: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write ``text`` to ``path`` as described in the module docstring; returns ``path``.

    Raises ``OSError`` (``IsADirectoryError`` for a directory) with the reason; nothing at
    ``path`` is harmed when it does, except a stream that had already taken part of the text.
    ``path`` is never one of the files in ``keep`` (a report's own inputs), under any name.
    """
    # An encoding error must happen before anything is touched.
    return write_bytes(path, text.encode(encoding), keep)


def write_bytes(
    path: str | os.PathLike[str], data: bytes, keep: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """``write_text`` for text already encoded."""
    path = Path(path)
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None  # a new file, or a symlink to one not yet made
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if st is not None and _same_file_as_any(st, keep):
        # `-o copy.txt` when copy.txt is being compared: the report would replace the very
        # text it reports on, and the next run would skip the file as a report.
        raise FileExistsError(
            errno.EEXIST, "is one of the inputs; a report never replaces them", str(path)
        )
    if (st is None or stat.S_ISREG(st.st_mode)) and not _through_proc(path):
        _replace(Path(os.path.realpath(path)), data, st)
    elif st is not None and (stat.S_ISBLK(st.st_mode) or stat.S_ISSOCK(st.st_mode)):
        kind = "a block device" if stat.S_ISBLK(st.st_mode) else "a socket"
        raise OSError(errno.EINVAL, f"is {kind}; refusing to write a report onto it", str(path))
    else:
        _stream(path, data, st)
    return path


def _same_file_as_any(st: os.stat_result, paths: Iterable[str | os.PathLike[str]]) -> bool:
    for other in paths:
        try:
            o = os.stat(other)
        except (OSError, ValueError):
            continue
        if (o.st_dev, o.st_ino) == (st.st_dev, st.st_ino):
            return True
    return False


def _through_proc(path: Path) -> bool:
    """Whether ``path`` reaches its file through ``/proc`` (``/dev/stdout`` is a link to
    ``/proc/self/fd/1``): that names a file some process already has open, such as a shell
    redirection, which must be written into, not replaced behind its back."""
    current = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on a chain of links
        # The folders on the way may be links too (/dev/fd is /proc/self/fd).
        folder, name = os.path.split(current)
        current = os.path.join(os.path.realpath(folder), name)
        if current.startswith("/proc/"):
            return True
        try:
            target = os.readlink(current)
        except OSError:
            return False
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    return False


def _replace(real: Path, data: bytes, st: os.stat_result | None) -> None:
    """Temporary file beside ``real``, then ``os.replace``: readers see the old or the new
    file, never half of one. The old file's permissions are kept."""
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            mode = stat.S_IMODE(st.st_mode)
        else:  # mkstemp makes the file 0600; a report or notes file is meant to be shared
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _stream(path: Path, data: bytes, st: os.stat_result | None) -> None:
    """Write into a device or pipe in place. A FIFO is opened without blocking first: with no
    reader that fails at once (ENXIO) instead of waiting forever."""
    fifo = st is not None and stat.S_ISFIFO(st.st_mode)
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
    if fifo:
        flags |= os.O_NONBLOCK
    elif st is not None and stat.S_ISREG(st.st_mode):
        flags |= os.O_TRUNC  # /dev/stdout redirected to a file, as the shell's ">" would
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if err.errno == errno.ENXIO and fifo:
            raise OSError(errno.ENXIO, "a named pipe no process is reading", str(path)) from None
        raise
    try:
        if fifo:
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
