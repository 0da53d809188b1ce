"""Reviewer overrides: a person relabels a passage or notes why it matters, kept beside the inputs.

The engine's label is evidence of what the tool found; a reviewer's label is a judgement. Both
are kept, so every export shows the original label beside the reviewer's, never instead of it.

Where they live
    One sidecar JSON file, ``.storytrace-notes.json``, in the directory of the first input
    path (the directory itself when the first input is a directory), see ``sidecar_path``.
    It sits next to the files it talks about, so it travels with a folder that is zipped or
    copied, and ``.gitignore`` already keeps it out of the repository.

How a passage is found again
    Entries are keyed by the SHA-256 of the target document (renamed or moved files still
    match) and by ``passage_key``: the SHA-256 of the source document, the engine's
    original label and the passage's target and source spans. The same inputs and settings
    give the same passages, so a note comes back on every run. A note is never applied to
    text it was not made on: when a version's text, the reference or the settings change
    and the passage is no longer found, the note is kept in the file (never dropped) and
    listed as stale, with its text and the passage it was made on, by ``OverrideSet.stale``
    (each entry records the version's id and the passage's text for that).

A file that cannot be used is never lost
    ``load_overrides`` reads regular files only, up to ``MAX_BYTES``, and never changes the
    file. One bad entry is kept in the file as it is and the others load. A file it cannot
    read at all (not UTF-8 after a hand edit, not JSON, another program's JSON) is moved
    aside to ``<name>.bak`` by the first ``save_overrides``, never overwritten; a path that
    is not a regular file, or cannot be opened, is never saved over.

API for the TUI (no Textual in here)::

    overrides, warnings = load_overrides(sidecar_path(paths))   # warnings: one line each
    overrides.set_label(report, comparison, passage, "edited")  # None clears the relabel
    overrides.set_note(report, comparison, passage, "checked with the desk")  # "" clears
    save_overrides(overrides.path or sidecar_path(paths), overrides)
    ov = overrides.for_passage(comparison, passage)            # Override | None

``set_label``/``set_note`` take the ``Report`` because the key needs the documents' hashes;
``for_passage`` needs only the comparison once the set has been bound to a report with
``bind(report)`` (``load_overrides`` callers that render do this through ``tui.report``).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .escaping import escape_line
from .files import ReadError, is_dir, read_regular, write_text
from .model import LABELS, Comparison, Passage, Report

SIDECAR_NAME = ".storytrace-notes.json"
SCHEMA = "storytrace-notes/1"
# A year of a newsroom's notes is well under a megabyte; this only stops /dev/zero-like files.
MAX_BYTES = 16_000_000
# How much of a passage's text each entry keeps, to show what a stale note was about.
EXCERPT_CHARS = 160


class _Keep:
    """Marks "leave this field as it was" where None is itself a value."""


_KEEP = _Keep()


@dataclass(frozen=True)
class Override:
    """A reviewer's label (``None`` = keep the engine's) and note for one passage.

    ``target`` is the SHA-256 of the target document, ``passage_key`` comes from
    ``passage_key``; ``original_label`` repeats the engine's label, and ``version`` (the
    target's id) and ``excerpt`` (the passage's text) say what the note was made on, so the
    sidecar reads on its own and a stale note can still be shown.
    """

    target: str
    passage_key: str
    label: str | None
    note: str
    original_label: str = ""
    version: str = ""
    excerpt: str = ""

    @property
    def empty(self) -> bool:
        return self.label is None and not self.note


def passage_key(source_sha256: str, passage: Passage) -> str:
    """Stable across runs for the same inputs and settings; hashed so the file stays short."""
    raw = json.dumps(
        [
            source_sha256,
            passage.label,
            [list(s) for s in passage.target_spans],
            [list(s) for s in passage.source_spans],
        ],
        separators=(",", ":"),
    )
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def sidecar_path(paths: Sequence[str | os.PathLike[str]]) -> Path:
    """``.storytrace-notes.json`` in the first input's directory (or in it, if a directory).

    The first path, not a common ancestor, because a common ancestor of scattered files can
    be ``/`` or a home directory, where a notes file would be lost or unwritable.
    """
    if not paths:
        raise ValueError("no input paths")
    first = Path(paths[0])
    folder = first if is_dir(first) else first.parent
    return folder / SIDECAR_NAME


@dataclass
class OverrideSet:
    """All overrides of one sidecar, keyed by (target sha256, passage key)."""

    items: dict[tuple[str, str], Override] = field(default_factory=dict)
    # Where it was loaded from, shown in reports as evidence; None for a fresh set.
    path: Path | None = None
    # Entries read but not understood (an unknown label after a hand edit), as they were in
    # the file: saved back unchanged, so a typo never costs the reviewer the note.
    kept: dict[tuple[str, str], object] = field(default_factory=dict)
    # Why the file at ``path`` could not be used (None: it could, or there was none), and
    # whether a save may move it aside first (its content was unreadable) or must refuse.
    problem: str | None = None
    movable: bool = False
    # Where ``save_overrides`` moved an unreadable file before writing, to tell the reviewer.
    backup: Path | None = None
    _shas: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Override]:
        return iter(sorted(self.items.values(), key=lambda o: (o.target, o.passage_key)))

    def bind(self, report: Report) -> OverrideSet:
        """Remember the report's document hashes so ``for_passage`` can key by comparison."""
        self._shas = {d.id: d.sha256 for d in report.documents}
        return self

    def _key(self, comparison: Comparison, passage: Passage) -> tuple[str, str]:
        try:
            source, target = self._shas[comparison.source], self._shas[comparison.target]
        except KeyError:
            raise LookupError("call OverrideSet.bind(report) before looking passages up") from None
        return target, passage_key(source, passage)

    def for_passage(self, comparison: Comparison, passage: Passage) -> Override | None:
        """The reviewer's override of this passage, or None."""
        if not self.items:
            return None
        return self.items.get(self._key(comparison, passage))

    def _put(
        self,
        report: Report,
        comparison: Comparison,
        passage: Passage,
        label: str | None | _Keep,
        note: str | _Keep,
    ) -> Override:
        self.bind(report)
        key = self._key(comparison, passage)
        old = self.items.get(key) or Override(key[0], key[1], None, "", passage.label)
        new = Override(
            target=key[0],
            passage_key=key[1],
            label=old.label if isinstance(label, _Keep) else label,
            note=old.note if isinstance(note, _Keep) else note,
            original_label=passage.label,
            version=comparison.target,
            excerpt=_excerpt(report, comparison, passage),
        )
        if new.empty:
            self.items.pop(key, None)
        else:
            self.items[key] = new
        return new

    def set_label(
        self, report: Report, comparison: Comparison, passage: Passage, label: str | None
    ) -> Override:
        """Relabel a passage; ``None`` or the engine's own label removes the relabel."""
        if label is not None and label not in LABELS:
            raise ValueError(f"unknown label {label!r}; choose one of {', '.join(LABELS)}")
        if label == passage.label:
            label = None
        return self._put(report, comparison, passage, label, _KEEP)

    def set_note(
        self, report: Report, comparison: Comparison, passage: Passage, note: str
    ) -> Override:
        """Attach a note to a passage; an empty note removes it."""
        return self._put(report, comparison, passage, _KEEP, note.strip())

    def matched(self, report: Report) -> list[tuple[Comparison, Passage, Override]]:
        """Every override that applies to a passage of ``report``, in report order."""
        self.bind(report)
        out = []
        for c in report.comparisons:
            for p in c.passages:
                ov = self.for_passage(c, p)
                if ov is not None:
                    out.append((c, p, ov))
        return out

    def stale(self, report: Report) -> list[StaleNote]:
        """Notes made on this report's versions that no longer apply: the version's text
        changed since (its hash differs; found by the version id the note recorded), or its
        passage is no longer found (the reference, another input or the settings changed).
        Notes about documents not in the report are about other files sharing the folder
        and are not listed. Notes on the reference were made while another version was the
        reference: listed, or they would vanish without a word until it is again."""
        used = {(ov.target, ov.passage_key) for _, _, ov in self.matched(report)}
        targets = {self._shas[c.target]: c.target for c in report.comparisons}
        out = []
        for o in self:
            if o.target == self._shas.get(report.reference):
                why = "made while another version was the reference; this one is now"
                out.append(StaleNote(o, report.reference, why))
            elif o.target in targets:
                if (o.target, o.passage_key) not in used:
                    why = "passage no longer found (the reference, an input or a setting changed)"
                    out.append(StaleNote(o, targets[o.target], why))
            elif o.version in targets.values():
                out.append(StaleNote(o, o.version, "text of the version changed since the note"))
        return out


@dataclass(frozen=True)
class StaleNote:
    """A note that no longer applies, with the version it is about now and why."""

    override: Override
    version: str
    reason: str


def _excerpt(report: Report, comparison: Comparison, passage: Passage) -> str:
    """The passage's text in the version (in the reference for an omitted passage), cut."""
    if passage.target_spans:
        doc, spans = report.document(comparison.target), passage.target_spans
    else:
        doc, spans = report.document(comparison.source), passage.source_spans
    text = " ".join(" ".join(doc.text[a:b] for a, b in spans).split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "\u2026"


def _to_json(overrides: OverrideSet) -> str:
    docs: dict[str, dict[str, object]] = {}
    for (target, key), raw in overrides.kept.items():
        docs.setdefault(target, {})[key] = raw
    for o in overrides:
        entry: dict[str, object] = {"original_label": o.original_label, "note": o.note}
        if o.label is not None:
            entry["label"] = o.label
        if o.version:
            entry["version"] = o.version
        if o.excerpt:
            entry["excerpt"] = o.excerpt
        docs.setdefault(o.target, {})[o.passage_key] = entry
    body = {"schema": SCHEMA, "documents": docs}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _entry(target: str, key: str, e: object) -> Override:
    """One entry, or ValueError saying what is wrong with it."""
    if not isinstance(e, dict):
        raise ValueError("is not an object")
    label, note = e.get("label"), e.get("note", "")
    if label is not None and label not in LABELS:
        raise ValueError(f"has an unknown label {escape_line(str(label)[:40])!s}")
    fields = (note, e.get("original_label", ""), e.get("version", ""), e.get("excerpt", ""))
    if not all(isinstance(f, str) for f in fields):
        raise ValueError("has a field that is not text")
    return Override(target, key, label, *fields)


def _from_json(text: str, shown: str) -> tuple[OverrideSet, list[str]]:
    """The set and one warning per entry that was kept in the file but not used."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply to be a notes file") from None
    except json.JSONDecodeError as err:
        raise ValueError(f"not JSON: {err.msg} at line {err.lineno}, column {err.colno}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} file")
    docs = data.get("documents")
    if not isinstance(docs, dict):
        raise ValueError("'documents' is not an object")
    out = OverrideSet()
    bad: list[str] = []
    for target, passages in docs.items():
        if not isinstance(passages, dict):
            raise ValueError(f"the entry for document {escape_line(target[:12])} is not an object")
        for key, e in passages.items():
            try:
                out.items[(target, key)] = _entry(target, key, e)
            except ValueError as err:
                out.kept[(target, key)] = e
                bad.append(f"entry {escape_line(key[:12])} {err}")
    warnings = [
        f"reviewer notes {shown}: {b}; kept in the file as it is, not used" for b in bad[:5]
    ]
    if len(bad) > 5:
        warnings.append(f"reviewer notes {shown}: {len(bad) - 5} more such entries kept unused")
    return out, warnings


def load_overrides(path: str | os.PathLike[str]) -> tuple[OverrideSet, list[str]]:
    """Read a sidecar; a missing file is an empty set. Never changes the file.

    Each warning is one line, paths and keys escaped for a terminal. A file that cannot be
    used gives an empty set with ``problem`` set (``save_overrides`` then moves it aside or
    refuses, see the module docstring); one bad entry is kept and the rest load.
    """
    path = Path(path)
    shown = escape_line(os.fspath(path))
    try:
        raw = read_regular(path, MAX_BYTES)
        text = raw.decode("utf-8")
        out, warnings = _from_json(text, shown)
    except ReadError as err:
        if str(err) == "no such file":
            return OverrideSet(path=path), []
        # Over the size limit the content is at fault; otherwise the path itself is.
        movable = "limit" in str(err)
        return _unusable(path, shown, str(err), movable)
    except UnicodeDecodeError as err:
        where = f"byte 0x{err.object[err.start]:02x} at offset {err.start:,}"
        return _unusable(path, shown, f"not UTF-8: {where}", movable=True)
    except ValueError as err:
        return _unusable(path, shown, str(err).splitlines()[0], movable=True)
    out.path = path
    return out, warnings


def _unusable(path: Path, shown: str, problem: str, movable: bool) -> tuple[OverrideSet, list[str]]:
    then = (
        f"left untouched; new notes will move it to {_backup_name(path).name} before saving"
        if movable
        else "left untouched; new notes cannot be saved there"
    )
    out = OverrideSet(path=path, problem=problem, movable=movable)
    return out, [f"reviewer notes {shown} cannot be used ({escape_line(problem)}); {then}"]


def _backup_name(path: Path) -> Path:
    """``x.bak``, or ``x.bak2``… so an earlier backup is never overwritten either."""
    candidate = path.with_name(path.name + ".bak")
    n = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.name}.bak{n}")
        n += 1
    return candidate


def save_overrides(path: str | os.PathLike[str], overrides: OverrideSet) -> Path:
    """Write the sidecar atomically (sorted keys: the same notes give the same bytes).

    A file at ``path`` that could not be read when the set was loaded is first moved to
    ``<name>.bak`` (then ``.bak2``…), recorded in ``overrides.backup``; one that is not a
    regular file, or could not be opened, is never replaced: ``OSError`` says why.
    """
    path = Path(path)
    if overrides.problem is not None and overrides.path == path:
        if not overrides.movable:
            raise OSError(errno.EPERM, f"{escape_line(os.fspath(path))}: {overrides.problem}")
        with contextlib.suppress(FileNotFoundError):
            if not stat.S_ISREG(os.stat(path).st_mode):
                raise OSError(errno.EINVAL, f"{escape_line(os.fspath(path))}: not a regular file")
            backup = _backup_name(path)
            os.rename(path, backup)
            overrides.backup = backup
        overrides.problem, overrides.movable = None, False
    elif path.exists() and not path.is_file():
        raise OSError(errno.EINVAL, f"{escape_line(os.fspath(path))}: not a regular file")
    out = write_text(path, _to_json(overrides))
    overrides.path = path
    return out
