"""The pipeline: load -> segment -> align -> classify -> provenance.

Related pairs of versions are aligned once each (provenance); the comparisons against the
reference reuse those alignments where the reference was their source."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import __version__
from .audit import inserts, omissions, reference_furniture
from .cancel import CancelCheck, check
from .collector import collector_paused
from .dates import apply_dates, read_own_dates
from .escaping import escape_line
from .families import Group, families, family_groups
from .language import detect_language, other_languages
from .lexicon import LexiconError, build_lexicon, judged_language, load_lexicon
from .loading import DEFAULT_MAX_BYTES, count_files, load_documents
from .model import Comparison, Document, Provenance, Report, Tree
from .origin import most_original
from .pairs import (
    Pairs,
    align_pair,
    align_pairs,
    align_unrelated,
    from_other_side,
    reference_comparison,
)
from .screening import screen
from .segment import segment
from .settings import Settings
from .similarity import shared_content
from .thresholds import Thresholds
from .tree import build_tree, recount

Progress = Callable[[float, str], None]
# Provenance aligns every related pair: 50 story-sized versions take about half a minute,
# and hundreds would take hours. A journalist compares a handful of copies, not a crawl.
MAX_DOCUMENTS = 50


class CompareError(Exception):
    """A whole comparison cannot be made (as opposed to one bad file, which is skipped)."""


def _too_many(count: int, what: str) -> CompareError:
    return CompareError(
        f"too many documents: {count:,} {what}; storytrace compares at most "
        f"{MAX_DOCUMENTS} versions at once, name the ones to compare"
    )


def _resolve(
    documents: Sequence[Document], reference: str | None, warnings: Sequence[str] = ()
) -> Document | None:
    """Accept a document id, a path as given, or a path naming the same file. Not found,
    the error says why when loading said why (an empty or binary file, a missing path)."""
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
    shown = escape_line(reference)  # as loading's warnings name it
    why = [w for w in warnings if w.startswith(f"{shown}:")]
    if not why and Path(reference).suffix and not os.path.lexists(reference):
        why = [f"{shown}: no such file or directory"]
    raise CompareError(
        f"reference {reference!r} is not among the loaded documents"
        + (f" ({why[0]})" if why else "")
    )


@collector_paused()
def compare(
    documents: Sequence[Document],
    reference: str | None = None,
    settings: Settings | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck = None,
    warnings: Sequence[str] = (),
    reference_reason: str = "chosen with --reference",
) -> Report:
    """Raises ``Cancelled`` between stages (and within the long ones) once ``cancelled()``
    says so: a stopped comparison returns nothing rather than part of a report.
    ``reference_reason`` is what the report says about a ``reference`` the caller chose
    (the explorer passes its own words when the reviewer picks one there)."""
    settings = settings or Settings()
    if len(documents) < 2:
        raise CompareError(f"need at least two documents to compare, got {len(documents)}")
    if len(documents) > MAX_DOCUMENTS:
        raise _too_many(len(documents), "loaded")
    try:
        known = load_lexicon(settings.lexicon or None)
    except LexiconError as err:
        raise CompareError(str(err)) from None

    def report(fraction: float, what: str) -> None:
        if progress:
            progress(fraction, what)

    th = settings.thresholds
    warnings = list(warnings)
    if settings.dates:
        warnings += apply_dates(documents, dict(settings.dates))
    for k, d in enumerate(documents):
        if not d.sentences:
            report(0.1 * k / len(documents), f"segmenting {d.id}")
            segment(d, cancelled)
        read_own_dates(d)
        d.language = d.language or detect_language(d.text)
    report(0.1, "segmented")
    ref = _resolve(documents, reference, warnings)
    scr = screen(documents, th)
    check(cancelled)
    report(0.2, "screened pairs")
    spare: Pairs = {}
    pairs = align_pairs(documents, scr, settings, ref.id if ref else None, cancelled, spare)
    check(cancelled)  # align_pairs stops early, returning the pairs it has
    report(0.5, f"aligned {len(pairs)} related pairs")
    groups = family_groups(documents, pairs)
    # The reference the caller named is the tree's only evidence on a tie; one the engine
    # chooses is read from the tree, so it decides nothing there.
    named = ref.id if ref else None
    tree = _tree(documents, pairs, groups, known, th, warnings, reference=named)
    check(cancelled)
    # A version the screening passed over that its alignment with the most original version
    # finds derived is related to it, as the tree counts relations: the tree is built again
    # with that pair, so no version derived from the original sits in the tree unexplained
    # while its verdict says it was copied. The pairs the screening passed over are aligned
    # from that version (read from the tree alone, never from the reference the reader
    # chose), as its comparisons are when it is the reference. The families keep the
    # screened pairs: a loose paraphrase pair would merge passages that closer copies keep
    # apart.
    first, _ = most_original(documents, tree, groups)
    rest, left_out = align_unrelated(
        documents, list(pairs.values()), scr, settings, first, cancelled
    )
    check(cancelled)
    report(0.6, "aligned the other pairs")
    missed = {
        (c.source, c.target): c
        for c in rest
        if first in (c.source, c.target) and c.verdict != "independent"
    }
    if missed:
        related = {**pairs, **missed}
        more = family_groups(documents, related)
        tree = _tree(
            documents, related, more, known, th, warnings, kept_groups=groups, reference=named
        )
        check(cancelled)
    if ref is None:
        ref_id, reason = most_original(documents, tree, groups)
        ref = next(d for d in documents if d.id == ref_id)
    else:
        reason = reference_reason
    warnings = other_languages(documents, ref, warnings)
    done = {**pairs, **_keyed(rest), **spare}
    comparisons = []
    others = [d for d in documents if d is not ref]
    for k, d in enumerate(others):
        c = reference_comparison(ref, d, done, settings, tree.related(ref.id, d.id), cancelled)
        check(cancelled)  # align stops early, returning no groups
        comparisons.append(c)
        report(0.6 + 0.3 * (k + 1) / len(others), f"compared {d.id} with {ref.id}")
    recount(tree, comparisons)
    by_id = {d.id: d for d in documents}
    check(cancelled)
    along = _along_tree(pairs, tree, by_id, ref.id, settings, cancelled)
    # Pairs with the reference are its comparisons; the others as the tree aligned them.
    # So is the edge into the reference, aligned from its parent (once more where the pair
    # was aligned from the reference): the reference's comparison reads it the other way
    # round, and only the edge's own swaps say which way the words went (the lexicon keeps
    # to the tree's lineage).
    into = [
        pairs.get(key) or align_pair(by_id[e.parent], ref, settings, cancelled)
        for e in tree.edges
        if e.child == ref.id and (key := (e.parent, e.child)) and key[0] in by_id
    ]
    check(cancelled)
    related = _keyed(
        [*(c for c in along.values() if ref.id not in (c.source, c.target)), *into, *comparisons]
    )
    provenance = Provenance(
        # Labels from the reference's comparisons where they align the same sentences:
        # the family view says what the side by side says.
        families=families(documents, groups, tree, ref.id, {**pairs, **_keyed(comparisons)}, th),
        tree=tree,
        # Swaps "between related versions": a pair whose alignment finds them independent
        # shares a quotation or a phrase, and its swaps would say one reworded the other.
        lexicon=build_lexicon(
            [c for c in related.values() if c.verdict != "independent"],
            known,
            th.odd_gap,
            frozenset((e.parent, e.child) for e in tree.edges),
            frozenset(d.id for d in documents if not judged_language(d)),
        ),
        inserts=reference_furniture(ref)
        + [i for c in comparisons for i in inserts(by_id[c.target], c)],
        # Not of a version the reference was made from: it dropped nothing from it.
        omissions=[
            o
            for c in comparisons
            if c.verdict != "independent" and not tree.descends(ref.id, c.target)
            for o in omissions(ref, by_id[c.target], c)
        ],
    )
    if left_out:
        warnings.append(
            f"the shared-content matrix leaves {left_out} pair(s) of versions unaligned (too "
            "much text to align every pair); they read 0%"
        )
    # One alignment per pair, whichever version is the reference; the reference's own cells
    # are its comparisons' figures, which every report quotes.
    similarity = shared_content(documents, [*pairs.values(), *rest, *comparisons])
    report(1.0, "done")
    return Report(
        tool_version=__version__,
        settings=settings.as_dict(),
        reference=ref.id,
        reference_reason=reason,
        documents=list(documents),
        comparisons=comparisons,
        # Load warnings, then each document's own; a re-alignment passes the report's warnings
        # back in, so each is kept once.
        warnings=list(dict.fromkeys([*warnings, *(w for d in documents for w in d.warnings)])),
        provenance=provenance,
        similarity=similarity,
        related=[c for c in related.values() if all(c is not o for o in comparisons)],
    )


def _keyed(comparisons: Sequence[Comparison]) -> Pairs:
    return {(c.source, c.target): c for c in comparisons}


def _along_tree(
    pairs: Pairs,
    tree: Tree,
    by_id: dict[str, Document],
    reference: str,
    settings: Settings,
    cancelled: CancelCheck,
) -> Pairs:
    """The related pairs, each aligned from the version the tree makes the source: a pair
    is aligned before the tree exists, from the version holding more of the other, and shown
    that way round (a word swap between two copies opens it) it would call the tree's copy
    the source, with the verdict of the wrong side. Only pairs against a tree edge are
    aligned again (a handful in a family). Edges to or from the reference are left as they
    are: its comparison with that version is the view every screen opens, and a second
    alignment the other way round would list its swaps twice, once each way."""
    out = dict(pairs)
    for e in tree.edges:
        key = (e.child, e.parent)
        skip = Tree.inferred(e.parent) or reference in (e.child, e.parent)
        if skip or key not in out or (e.parent, e.child) in out:
            continue
        source, target = by_id[e.parent], by_id[e.child]
        aligned = align_pair(source, target, settings, cancelled)
        check(cancelled)
        del out[key]
        out[(e.parent, e.child)] = aligned
    return out


@collector_paused()
def compare_pair(reference: Document, other: Document, settings: Settings) -> Comparison:
    """The comparison ``compare([reference, other], reference=reference.id)`` holds, and
    nothing else: no tree, families, lexicon or audit, which a two-version report derives
    from it and which took a third of its time. What the corpus scan verifies each
    candidate with, thousands of times a run (``tests/test_engine_contract.py`` checks the
    two agree). A reference that may condense the other version is the exception: its
    comparison may be read from the other side, where the tree relates the two, so the
    two-version report is made whole."""
    for d in (reference, other):
        if not d.sentences:
            segment(d)
    own = align_pair(reference, other, settings)
    # The other side is read only for a reference's own alignment that finds the other
    # version independent (pairs.reference_comparison).
    if own.verdict != "independent" or from_other_side(reference, other, own, settings) is None:
        return own
    return compare([reference, other], reference.id, settings).comparisons[0]


def _tree(
    documents: Sequence[Document],
    pairs: Pairs,
    groups: list[Group],
    known: dict[tuple[str, str], int],
    th: Thresholds,
    warnings: list[str],
    kept_groups: list[Group] | None = None,
    reference: str | None = None,
) -> Tree:
    try:
        return build_tree(documents, pairs, groups, known, th, kept_groups, reference)
    except Exception as err:  # the comparisons must survive a tree that fails
        warnings.append(
            f"the derivation tree could not be built ({type(err).__name__}: {err}); "
            "comparisons, families and the audit are shown without it"
        )
        return Tree(nodes=[d.id for d in documents], edges=[], independent=[])


def clear_text_caches() -> None:
    """Drop what was remembered about sentences (their features, facts and furniture). Each
    cache speeds up one comparison and the next on the same texts; a process that makes one
    report frees 40-50 MB for writing it (a 1 MB pair), which keeps its peak under 300 MB."""
    from . import boilerplate, facts, lexicon, textnorm

    for cached in (
        textnorm.features,
        facts.facts,
        facts.specifics,
        facts.time_marks,
        facts.zipf,
        lexicon.rarity,
        boilerplate._agency_kind,
    ):
        cached.cache_clear()


def compare_paths(
    paths: Sequence[str],
    reference: str | None = None,
    settings: Settings | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    cancelled: CancelCheck = None,
) -> Report:
    # Counted before any file is read: sixty 3 MB files would otherwise all be read (and
    # HTML extracted) only to be refused.
    count = count_files(paths)
    if count > MAX_DOCUMENTS:
        raise _too_many(count, "files")
    loaded = load_documents(paths, max_bytes=max_bytes, cancelled=cancelled)
    if len(loaded.documents) < 2:
        # Every file that could not be read, not only the first: a user with two bad inputs
        # must not fix one to be told of the other.
        detail = f": {'; '.join(loaded.warnings)}" if loaded.warnings else ""
        if not loaded.warnings and len(paths) > 1 and loaded.documents:
            detail = f": every path names the same file ({escape_line(loaded.documents[0].path)})"
        raise CompareError(
            f"need at least two readable documents, got {len(loaded.documents)}{detail}"
        )
    return compare(loaded.documents, reference, settings, progress, cancelled, loaded.warnings)
