"""One alignment per related pair of versions, each reused by the families, the tree and the
comparisons against the reference."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .align import NONE, Aligner, Group, strength
from .classify import classify
from .model import Comparison, Document
from .screening import Screen
from .settings import Settings

Pairs = dict[tuple[str, str], Comparison]


def align_pairs(
    documents: Sequence[Document],
    scr: Screen,
    settings: Settings,
    prefer: str | None = None,
    cancelled: Callable[[], bool] | None = None,
    spare: Pairs | None = None,
) -> Pairs:
    """Each related pair aligned once, from the side ``oriented`` picks. ``prefer`` (a
    version to align from) is for two versions only, whose one pair is the reference's
    comparison; among more, a pair's alignment must not depend on which version the reader
    put on the left, or the tree, the families and the matrix would change with it. Two
    versions, one perhaps condensing the other, are aligned from both sides when ``spare`` is
    given, and the pair keeps the other side's alignment when it finds them more related
    (a stronger verdict); the reference's own then lands in ``spare``."""
    out: Pairs = {}
    for i, a in enumerate(documents):
        for b in documents[i + 1 :]:
            if cancelled and cancelled():
                return out
            if not scr.related(a.id, b.id):
                continue
            src, tgt = oriented(a, b, scr, prefer if len(documents) == 2 else None)
            out[(src.id, tgt.id)] = align_pair(src, tgt, settings, cancelled)
    if len(documents) == 2 and spare is not None and len(out) == 1:
        ((key, own),) = out.items()
        src, tgt = (documents[0], documents[1]) if key[0] == documents[0].id else documents[::-1]
        back = from_other_side(src, tgt, own, settings, cancelled)
        if back is not None:
            spare[key] = own
            out = {(tgt.id, src.id): back}
    return out


def from_other_side(
    source: Document,
    target: Document,
    own: Comparison,
    settings: Settings,
    cancelled: Callable[[], bool] | None = None,
) -> Comparison | None:
    """``target`` aligned against ``source`` when ``source`` may condense it (each of its
    sentences summing up several of the other's, which only that side's alignment finds)
    and that alignment finds the two more related than ``own`` does; else None."""
    if settings.thresholds.summary_ratio * len(source.text) > len(target.text):
        return None
    back = align_pair(target, source, settings, cancelled)
    return back if _RANK[back.verdict] > _RANK[own.verdict] else None


def align_pair(
    source: Document,
    target: Document,
    settings: Settings,
    cancelled: Callable[[], bool] | None = None,
) -> Comparison:
    return classify(source, target, Aligner(source, target, settings).align(cancelled), settings)


def reference_comparison(
    reference: Document,
    other: Document,
    done: Pairs,
    settings: Settings,
    related: bool,
    cancelled: Callable[[], bool] | None = None,
) -> Comparison:
    """The reference's comparison with ``other``: its own alignment, or, where that finds
    ``other`` independent, the tree finds a way between the two (``related``: one made from
    the other, or both from one version) and the pair was aligned from ``other`` too, that
    alignment read from the reference (``turned_round``) when it links more of ``other``:
    a tree edge between the two then never sits beside a comparison linking nothing."""
    own = done.get((reference.id, other.id)) or align_pair(reference, other, settings, cancelled)
    back = done.get((other.id, reference.id))
    # The turned alignment stands in for an own alignment that finds the other version
    # independent, when it links more of that version's text: a tabloid keeping four of the
    # wire's sentences links little of the wire, yet not "nothing". Where the reference's
    # own alignment finds the other derived, its passages stand; where both link the same
    # text, one side's scoring must not decide the verdict by its labels alone.
    if own.verdict != "independent" or not related or back is None:
        return own
    if back.verdict == "independent":  # neither side links the two
        return own
    turned = turned_round(back, reference, other, settings)
    more = turned.coverage["target_derived"] > own.coverage["target_derived"]
    return turned if more else own


def oriented(
    a: Document, b: Document, scr: Screen, prefer: str | None = None
) -> tuple[Document, Document]:
    """(source, target): ``prefer`` when it is one of them, else the version holding more of
    the other, on a tie (two versions that share nothing the screening sees) the first by
    id: the order the files were given in must not change a figure. Two versions alone
    are not screened: the longer is the source, more often the one the other was cut from,
    which the tree then makes the reference, whose comparison is this alignment (else it is
    aligned again from it, which doubles the time of two 1 MB versions)."""
    if prefer in (a.id, b.id):
        return (a, b) if prefer == a.id else (b, a)
    ab, ba = scr.cover.get((a.id, b.id), 0), scr.cover.get((b.id, a.id), 0)
    if ab == ba:
        alone = not scr.screened
        first = min((a, b), key=lambda d: (-len(d.text) if alone else 0, d.id, d.sha256))
        return (a, b) if first is a else (b, a)
    return (b, a) if ba > ab else (a, b)


# Characters of text (both sides) the shared-content matrix may still align after the related
# pairs: every pair of a family of news articles, about four 1 MB pairs at most.
MATRIX_BUDGET = 4_000_000


def align_unrelated(
    documents: Sequence[Document],
    aligned: Sequence[Comparison],
    scr: Screen,
    settings: Settings,
    prefer: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Comparison], int]:
    """Alignments of the pairs nothing aligned yet, for the shared-content matrix (the
    families keep to the pairs the screening found related; the tree takes only those with
    ``prefer``, the most original version, that are derived): two rewrites of one story can
    share a third of their text in paraphrase that the screening's close sentence matches
    miss, and a matrix reading 0% there, or a figure that changes with the reference, would
    be a false claim. Returns the alignments and how many pairs were left out for the
    budget."""
    done = {frozenset((c.source, c.target)) for c in aligned}
    todo = [
        (a, b)
        for i, a in enumerate(documents)
        for b in documents[i + 1 :]
        if frozenset((a.id, b.id)) not in done
    ]
    out: list[Comparison] = []
    spent = 0
    for a, b in todo:
        size = len(a.text) + len(b.text)
        if spent + size > MATRIX_BUDGET:
            continue
        if cancelled and cancelled():
            break
        spent += size
        src, tgt = oriented(a, b, scr, prefer)
        out.append(align_pair(src, tgt, settings, cancelled))
    return out, len(todo) - len(out)


_RANK = {"independent": 0, "partially-derived": 1, "wholly-derived": 2}


def turned_round(
    back: Comparison, source: Document, target: Document, settings: Settings
) -> Comparison:
    """``back`` (``target`` aligned against ``source``) read from ``source``: the same
    sentence links, each scored and labelled the other way round. Alignment reads each target
    sentence against the source, and its passes for loose links (a summary, a restated
    version) look for the condensed version on the target's side: a short rewrite's own
    comparison with the long version it condenses finds next to nothing, while the long
    version's comparison with it finds it wholly derived. Source sentences a merge shared
    between two target passages become one passage's, so no sentence is counted twice."""
    runs: list[tuple[set[int], set[int], str]] = []
    for p in back.passages:
        if not p.derived:
            continue
        targets, sources = set(p.source_sentences), set(p.target_sentences)
        basis = p.linked_by
        for run in [r for r in runs if r[0] & targets]:
            runs.remove(run)
            targets |= run[0]
            sources |= run[1]
            basis = basis or run[2]
        runs.append((targets, sources, basis))
    keys = [(tuple(sorted(t)), tuple(sorted(s))) for t, s, _ in runs]
    signals = Aligner.signals_of(source, target, keys)
    th = settings.thresholds
    # A link a loose pass made from the other side, or one too weak from this side to link
    # on its own signals, says so: "" claims the link stands on its own.
    groups = [
        Group(
            targets=t,
            sources=s,
            signals=sig,
            strength=level,
            basis="reversed" if basis or level == NONE else "",
        )
        for (t, s), sig, (_, _, basis) in zip(keys, signals, runs, strict=True)
        for level in [strength(sig, th)]
    ]
    return classify(source, target, groups, settings)


def pair(pairs: Pairs, a: str, b: str) -> Comparison | None:
    """The alignment of a and b in whichever direction it was made."""
    return pairs.get((a, b)) or pairs.get((b, a))
