"""The pipeline: load -> segment -> align -> classify, one comparison per non-reference version."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .. import __version__
from .align import Aligner
from .candidates import retrieve
from .classify import classify
from .loading import DEFAULT_MAX_BYTES, load_documents
from .model import Document, Report
from .scoring import SignalTable
from .segment import segment
from .settings import Settings
from .textnorm import features
from .vectors import idf_weights

Progress = Callable[[float, str], None]


class CompareError(Exception):
    """A whole comparison cannot be made (as opposed to one bad file, which is skipped)."""


def _resolve(documents: Sequence[Document], reference: str | None) -> Document | None:
    """Accept a document id, a path as given, or a path naming the same file."""
    if reference is None:
        return None
    for d in documents:
        if reference in (d.id, d.path):
            return d
    try:
        wanted = Path(reference).resolve()
    except OSError:
        wanted = None
    for d in documents:
        if wanted is not None and Path(d.path).resolve() == wanted:
            return d
    stem = Path(reference).stem
    matches = [d for d in documents if d.id == stem]
    if len(matches) == 1:
        return matches[0]
    raise CompareError(f"reference {reference!r} is not among the loaded documents")


def choose_reference(documents: Sequence[Document]) -> tuple[Document, str]:
    """The version the others draw the most from: for each candidate, the share of every
    other version's sentences that have a close match in it (tf-idf retrieval only, so this
    stays cheap for many versions). Ties go to the longer version, then to the id."""
    feats = [features(d.sentence_text(i)) for d in documents for i in range(len(d.sentences))]
    rows: dict[str, range] = {}
    at = 0
    for d in documents:
        rows[d.id] = range(at, at + len(d.sentences))
        at += len(d.sentences)
    table = SignalTable(feats, idf_weights(feats))
    scores: dict[str, float] = {}
    for cand in documents:
        total = 0.0
        for other in documents:
            if other is cand or not rows[other.id] or not rows[cand.id]:
                continue
            hits = retrieve(table, rows[other.id], rows[cand.id], 1, 0.5)
            total += sum(1 for h in hits if h) / len(hits)
        scores[cand.id] = total / max(1, len(documents) - 1)
    ranked = sorted(documents, key=lambda d: (-round(scores[d.id], 6), -len(d.text), d.id))
    best = ranked[0]
    reason = (
        f"{best.id} has a close match for {scores[best.id]:.0%} of the other versions' "
        f"sentences on average"
    )
    if len(ranked) > 1:
        reason += f" (next: {ranked[1].id}, {scores[ranked[1].id]:.0%})"
    return best, reason


def compare(
    documents: Sequence[Document],
    reference: str | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    warnings: Sequence[str] = (),
) -> Report:
    settings = settings or Settings()
    if len(documents) < 2:
        raise CompareError(f"need at least two documents to compare, got {len(documents)}")
    step = 1.0 / (len(documents) + 1)
    for d in documents:
        if not d.sentences:
            segment(d)
    if progress:
        progress(step, "segmented")
    ref = _resolve(documents, reference)
    if ref is None:
        ref, reason = choose_reference(documents)
    else:
        reason = "chosen with --reference"
    comparisons = []
    for k, d in enumerate(x for x in documents if x is not ref):
        if cancelled and cancelled():
            break
        groups = Aligner(ref, d, settings).align(cancelled)
        comparisons.append(classify(ref, d, groups, settings))
        if progress:
            progress(step * (k + 2), f"aligned {d.id}")
    if progress:
        progress(1.0, "done")
    return Report(
        tool_version=__version__,
        settings=settings.as_dict(),
        reference=ref.id,
        reference_reason=reason,
        documents=list(documents),
        comparisons=comparisons,
        warnings=list(warnings),
    )


def compare_paths(
    paths: Sequence[str],
    reference: str | None = None,
    settings: Settings | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Report:
    loaded = load_documents(paths, max_bytes=max_bytes)
    if len(loaded.documents) < 2:
        detail = f": {loaded.warnings[0]}" if loaded.warnings else ""
        raise CompareError(
            f"need at least two readable documents, got {len(loaded.documents)}{detail}"
        )
    return compare(loaded.documents, reference, settings, progress, cancelled, loaded.warnings)
