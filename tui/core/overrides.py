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
    give the same passages, so a note comes back on every run; when the inputs or settings
    change and a passage no longer exists, its note is kept in the file (never dropped) and
    reported as unmatched by ``OverrideSet.unmatched``.

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
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .model import LABELS, Comparison, Passage, Report

SIDECAR_NAME = ".storytrace-notes.json"
SCHEMA = "storytrace-notes/1"


class _Keep:
    """Marks "leave this field as it was" where None is itself a value."""


_KEEP = _Keep()


@dataclass(frozen=True)
class Override:
    """A reviewer's label (``None`` = keep the engine's) and note for one passage.

    ``target`` is the SHA-256 of the target document, ``passage_key`` comes from
    ``passage_key``; ``original_label`` repeats the engine's label so the sidecar reads on
    its own.
    """

    target: str
    passage_key: str
    label: str | None
    note: str
    original_label: str = ""

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
    folder = first if first.is_dir() else first.parent
    return folder / SIDECAR_NAME


@dataclass
class OverrideSet:
    """All overrides of one sidecar, keyed by (target sha256, passage key)."""

    items: dict[tuple[str, str], Override] = field(default_factory=dict)
    # Where it was loaded from, shown in reports as evidence; None for a fresh set.
    path: Path | None = None
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

    def unmatched(self, report: Report) -> list[Override]:
        """Overrides for this report's target documents whose passage no longer exists
        (inputs or settings changed). Overrides for documents not in the report are simply
        about other files sharing the folder and are not listed."""
        used = {(ov.target, ov.passage_key) for _, _, ov in self.matched(report)}
        targets = {self._shas[c.target] for c in report.comparisons}
        return [o for o in self if o.target in targets and (o.target, o.passage_key) not in used]


def _to_json(overrides: OverrideSet) -> str:
    docs: dict[str, dict[str, dict[str, object]]] = {}
    for o in overrides:
        entry: dict[str, object] = {"original_label": o.original_label, "note": o.note}
        if o.label is not None:
            entry["label"] = o.label
        docs.setdefault(o.target, {})[o.passage_key] = entry
    body = {"schema": SCHEMA, "documents": docs}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _from_json(text: str) -> OverrideSet:
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} file")
    docs = data.get("documents")
    if not isinstance(docs, dict):
        raise ValueError("'documents' is not an object")
    out = OverrideSet()
    for target, passages in docs.items():
        if not isinstance(passages, dict):
            raise ValueError(f"entry for {target[:12]} is not an object")
        for key, e in passages.items():
            label, note = e.get("label"), e.get("note", "")
            if (label is not None and label not in LABELS) or not isinstance(note, str):
                raise ValueError(f"bad entry {key[:12]}")
            out.items[(target, key)] = Override(
                target, key, label, note, str(e.get("original_label", ""))
            )
    return out


def load_overrides(path: str | os.PathLike[str]) -> tuple[OverrideSet, list[str]]:
    """Read a sidecar; a missing file is an empty set. A corrupt one is renamed to
    ``<name>.bak`` (kept, never silently dropped) and reported in one warning line, so the
    next save cannot overwrite the reviewer's work."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return OverrideSet(path=path), []
    except (OSError, UnicodeDecodeError) as err:
        return OverrideSet(path=path), [f"reviewer notes {path} unreadable ({err}); ignored"]
    try:
        out = _from_json(text)
    except (ValueError, AttributeError, TypeError) as err:
        backup = _backup_name(path)
        try:
            os.replace(path, backup)
            kept = f"kept as {backup.name}"
        except OSError:
            kept = "left in place"
        reason = str(err).splitlines()[0]
        return OverrideSet(path=path), [f"reviewer notes {path} are corrupt ({reason}); {kept}"]
    out.path = path
    return out, []


def _backup_name(path: Path) -> Path:
    """``x.bak``, or ``x.bak2``… so an earlier backup is never overwritten either."""
    candidate = path.with_name(path.name + ".bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak{n}")
        n += 1
    return candidate


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    """Write via a temporary file in the same directory and ``os.replace``: a full disk or
    a crash leaves the earlier file whole instead of half-written."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file 0600; a report or notes file is meant to be shared.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def save_overrides(path: str | os.PathLike[str], overrides: OverrideSet) -> Path:
    """Write the sidecar atomically (sorted keys: the same notes give the same bytes)."""
    out = atomic_write_text(path, _to_json(overrides))
    overrides.path = Path(path)
    return out
