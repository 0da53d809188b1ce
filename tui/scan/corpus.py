"""What to read: the paths a user names, planned into shards, and each shard's evidence.

A shard is the unit a worker takes, the resume state records and the progress bar counts:
one JSON Lines or WARC file, or up to ``FILES_PER_SHARD`` text files of one folder. The plan
is a pure function of the paths and the folders' contents, so every run (and every Dask
worker) sees the same shards in the same order.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.escaping import escape_line
from ..core.loading import TEXT_KINDS, TEXT_SUFFIXES
from .model import FileEvidence, Shard

FILES_PER_SHARD = 500
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz", ".jsonl.gzip")
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.gzip")
# Named in every warning about what a corpus may hold: the kinds ``kind_of`` reads.
CORPUS_KINDS = f"{TEXT_KINDS}, .jsonl, .warc"


def kind_of(name: str) -> str | None:
    """``jsonl``, ``warc`` or ``files`` from a file name, or None for anything else."""
    low = name.lower()
    if low.endswith(WARC_SUFFIXES):
        return "warc"
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    # A file without a suffix is tried, as ``storytrace compare`` tries one in a folder: a
    # page a browser or a crawler saved under its URL's last part; one that is no text is
    # passed over quietly (``ShardReader``).
    suffix = Path(low).suffix
    if suffix in TEXT_SUFFIXES or not suffix:
        return "files"
    return None


@dataclass
class Plan:
    shards: list[Shard]
    warnings: list[str] = field(default_factory=list)

    def sizes(self) -> list[int]:
        """Bytes per shard: the progress bar's measure of work, known before reading."""
        out = []
        for s in self.shards:
            names = [os.path.join(s.path, f) for f in s.files] if s.kind == "files" else [s.path]
            out.append(sum(_size(n) for n in names))
        return out


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _walk(folder: str) -> Iterable[tuple[str, list[str]]]:
    """(directory, sorted file names) for ``folder`` and every folder below it, in sorted
    order; hidden entries are skipped. A symlinked folder is followed (an archive is often
    put together from links to other disks), each folder once: a link back up is no loop."""
    visited = {_file_key(folder)}
    # A link to a folder holding the one named leads back up and out of it ("up -> .."):
    # it is a loop, never followed.
    above = {_file_key(str(p)) for p in Path(folder).resolve().parents}
    for top, dirs, files in os.walk(folder, followlinks=True):
        kept = []
        for d in sorted(d for d in dirs if not d.startswith(".")):
            key = _file_key(os.path.join(top, d))
            if key is not None and key not in visited and key not in above:
                visited.add(key)
                kept.append(d)
        dirs[:] = kept
        yield top, sorted(f for f in files if not f.startswith("."))


def _files(suffix: str, n: int) -> str:
    """``2 .php files``."""
    return f"{n:,} {suffix} file{'s' * (n > 1)}"


def _file_key(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def plan(paths: Sequence[str], stories: Sequence[str] = ()) -> Plan:
    """Shards for ``paths`` (folders, JSON Lines, WARC or text files); what cannot be read
    becomes a warning, never an error, so one bad argument does not stop a long scan. The
    ``stories``' own files are left out: a story found in its own archive is no copy of it."""
    shards: list[Shard] = []
    warnings: list[str] = []
    own = {k for k in map(_file_key, stories) if k is not None}
    seen: set[tuple[int, int]] = set(own)
    # A byte-identical copy of a story's file saved elsewhere in the archive is the story
    # again, not a copy another site made: its digest is read only when its size matches.
    sizes = {_size(p) for p in stories if os.path.isfile(p)}
    digests: set[str] | None = None
    left_out = 0
    again: list[str] = []  # byte-identical copies of a story, elsewhere in the archive
    unreadable: list[str] = []  # broken links, files that vanished or cannot be looked at

    def the_story_again(path: str) -> bool:
        nonlocal digests
        if _size(path) not in sizes or not os.path.isfile(path):
            return False
        if digests is None:
            digests = {file_sha256(p) for p in stories if os.path.isfile(p)}
        try:
            return file_sha256(path) in digests
        except OSError:
            return False

    def once(path: str) -> bool:
        nonlocal left_out
        key = _file_key(path)
        if key is None:
            unreadable.append(path)
            return False
        if key in seen:
            left_out += key in own
            return False
        seen.add(key)
        if the_story_again(path):
            left_out += 1
            again.append(path)
            return False
        return True

    def add(kind: str, path: str, files: tuple[str, ...] = ()) -> None:
        shards.append(Shard(ordinal=len(shards), kind=kind, path=path, files=files))

    for given in paths:
        shown = escape_line(os.fspath(given))
        if os.path.isdir(given):
            if not once(given):
                continue
            found = False
            stories_before = left_out
            other: Counter[str] = Counter()  # files left out, by suffix
            for top, names in _walk(given):
                texts = []
                for name in names:
                    kind = kind_of(name)
                    full = os.path.join(top, name)
                    if kind is None and not name.startswith("."):
                        other[os.path.splitext(name)[1].lower()] += 1
                    if kind is None or not once(full):
                        continue
                    found = True
                    if kind == "files":
                        texts.append(name)
                    else:
                        add(kind, full)
                for k in range(0, len(texts), FILES_PER_SHARD):
                    add("files", top, tuple(texts[k : k + FILES_PER_SHARD]))
            if not found:
                # A folder holding only the stories is no empty folder: say why it reads none.
                besides = " besides the stories" if left_out > stories_before else ""
                warnings.append(f"{shown}: no articles ({CORPUS_KINDS}) found{besides}")
            if found and other:
                # Said, not silently dropped: a crawl may save pages as .xhtml or .php.
                kinds = ", ".join(_files(suffix, n) for suffix, n in sorted(other.items())[:6])
                n = sum(other.values())
                warnings.append(
                    f"{shown}: left out {n:,} file{'s' if n > 1 else ''} whose name"
                    f"{'s do' if n > 1 else ' does'} not end like an article ({CORPUS_KINDS}): "
                    f"{escape_line(kinds)}{', ...' if len(other) > 6 else ''}"
                )
        elif os.path.isfile(given):
            kind = kind_of(os.fspath(given))
            if kind is None:
                warnings.append(f"{shown}: not a corpus file ({CORPUS_KINDS})")
            elif once(given):
                if kind == "files":
                    parent, name = os.path.split(os.fspath(given))
                    add("files", parent or ".", (name,))
                else:
                    add(kind, os.fspath(given))
        elif os.path.exists(given):  # a device, a pipe or a socket
            warnings.append(f"{shown}: not a regular file or folder, skipped")
        else:
            warnings.append(f"{shown}: no such file or directory, skipped")
    if left_out:
        warnings.append(
            f"{left_out} of the stories' own files (or byte-identical copies of them) found in "
            "the corpus, not scanned against themselves"
            + (f"; the copies: {_listed(again)}" if again else "")
        )
    if unreadable:
        warnings.append(
            f"{len(unreadable):,} file{'s' * (len(unreadable) > 1)} could not be looked at "
            f"(a broken link, or no permission), skipped: {_listed(unreadable)}"
        )
    return Plan(shards=shards, warnings=warnings)


def _listed(paths: list[str], most: int = 5) -> str:
    shown = ", ".join(escape_line(p) for p in paths[:most])
    return shown + (f" and {len(paths) - most:,} more" if len(paths) > most else "")


def file_sha256(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def folder_evidence(shard: Shard, digests: dict[str, tuple[int, str]]) -> FileEvidence:
    """One line for a run of folder files: a digest over their names and SHA-256 digests
    (in shard order), so a million small files do not make a million evidence lines."""
    h = hashlib.sha256()
    total = 0
    for name in shard.files:
        size, digest = digests.get(name, (0, ""))
        total += size
        h.update(f"{name}\0{digest}\n".encode("utf-8", "surrogateescape"))
    return FileEvidence(path=shard.key, kind="files", bytes=total, sha256=h.hexdigest())
