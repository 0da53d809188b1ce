"""Turn aligned groups into labelled passages covering both documents, and a verdict.

Every non-space character of the target ends up in exactly one passage, and every one of the
source in a derived, an omitted or a boilerplate passage; unmatched sentences are gathered into
runs within a paragraph so that a dropped paragraph reads as one omission, not five. The
source's own furniture (an agency's rule lines, slug, byline, ``ends``) that a version did not
take is boilerplate, not an omission: no paper "omits" the wire's slug line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

from .align import Group
from .boilerplate import boilerplate_sentences
from .diffing import substitutions, tally, word_diff
from .figures import passage_figures
from .model import (
    ChangedFigure,
    Comparison,
    DiffOp,
    Document,
    Label,
    Passage,
    Region,
    Span,
    Verdict,
)
from .quotes import QuoteMap, changed_quotes, shared_quote
from .regions import find_regions
from .settings import Settings
from .thresholds import Thresholds


def derived_label(sig: dict[str, float], one_to_one: bool, th: Thresholds) -> Label:
    """Identical after normalisation is verbatim. "Same sentence, small edits" keeps at least
    half of its words in their order; rewording that keeps the content but not the wording
    (spinning, restructuring, translation) is paraphrase, and so is merging or splitting
    sentences unless the words barely change."""
    if sig["char"] >= th.verbatim_char:
        return "verbatim"
    if one_to_one and sig["word"] >= th.edited_word and sig["char"] >= th.edited_char:
        return "edited"
    if sig["word"] >= th.edited_word_any:
        return "edited"
    return "paraphrased"


def passage_score(sig: dict[str, float]) -> float:
    return round(max(sig["char"], (sig["cover_t"] + sig["cover_s"]) / 2), 4)


def _spans(doc: Document, indices: Iterable[int]) -> list[Span]:
    """Sentence spans, with consecutive sentences of one paragraph joined into one span."""
    spans: list[Span] = []
    last = -2
    for i in sorted(indices):
        s = doc.sentences[i]
        if spans and i == last + 1 and doc.sentences[last].paragraph == s.paragraph:
            spans[-1] = (spans[-1][0], s.end)
        else:
            spans.append((s.start, s.end))
        last = i
    return spans


def _runs(doc: Document, indices: Iterable[int]) -> list[tuple[int, ...]]:
    runs: list[list[int]] = []
    for i in sorted(indices):
        if (
            runs
            and i == runs[-1][-1] + 1
            and doc.sentences[i].paragraph == doc.sentences[runs[-1][-1]].paragraph
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [tuple(r) for r in runs]


def _moved(groups: list[Group]) -> set[int]:
    """Groups out of the order the longest run of in-order passages follows."""
    keys = [min(g.sources) for g in groups]
    # Patience-style longest non-decreasing subsequence over source positions.
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(keys)
    import bisect

    for i, k in enumerate(keys):
        pos = bisect.bisect_right(tails, k)
        if pos == len(tails):
            tails.append(k)
            tail_idx.append(i)
        else:
            tails[pos] = k
            tail_idx[pos] = i
        prev[i] = tail_idx[pos - 1] if pos else -1
    keep: set[int] = set()
    i = tail_idx[-1] if tail_idx else -1
    while i >= 0:
        keep.add(i)
        i = prev[i]
    return set(range(len(groups))) - keep


_WORDS = re.compile(r"\w+")


def _quotes_in_copied_runs(derived: list[Passage]) -> None:
    """A quotation copied together with the text around it is not one two reporters heard:
    a shared quote next to (in both versions) a sentence copied or lightly edited that is
    not itself a quote is part of a copied run, and so is the next quote along the run.
    A worklist, so a long run of quotes is walked once, not once per quote."""
    at = {p.target_sentences[0]: p for p in derived}
    ends = {p.target_sentences[-1]: p for p in derived}

    def neighbours(p: Passage) -> list[Passage]:
        before = ends.get(p.target_sentences[0] - 1)
        after = at.get(p.target_sentences[-1] + 1)
        return [
            q
            for q in (before, after)
            if q is not None
            and (
                q.source_sentences[-1] + 1 == p.source_sentences[0]
                if q is before
                else p.source_sentences[-1] + 1 == q.source_sentences[0]
            )
        ]

    todo = [p for p in derived if p.quote and any(_copied(q) for q in neighbours(p))]
    while todo:
        p = todo.pop()
        if not p.quote:
            continue
        p.quote = False
        if _copied(p):
            todo.extend(q for q in neighbours(p) if q.quote)


def _figures(
    source: Document, target: Document, g: Group, diff: list[DiffOp]
) -> list[ChangedFigure]:
    """The figures the passage changed, less those in page furniture: an update's slug line
    carries its own filing time ("15:48" then "16:52"), which no editor changed."""
    found = passage_figures(
        diff,
        [(i, source.sentence_text(i)) for i in g.sources],
        [(i, target.sentence_text(i)) for i in g.targets],
    )
    if not found:
        return found
    ours, theirs = boilerplate_sentences(source), boilerplate_sentences(target)
    return [f for f in found if f.source_sentence not in ours and f.target_sentence not in theirs]


def _copied(p: Passage) -> bool:
    return not p.quote and p.label in ("verbatim", "edited")


def classify(
    source: Document, target: Document, groups: list[Group], settings: Settings
) -> Comparison:
    groups = sorted(groups, key=lambda g: g.targets)
    moved = _moved(groups)
    th = settings.thresholds
    source_quotes, target_quotes = QuoteMap(source), QuoteMap(target)
    derived: list[tuple[int, Passage]] = []
    for gi, g in enumerate(groups):
        label = derived_label(g.signals, len(g.targets) == 1 == len(g.sources), settings.thresholds)
        src_text = " ".join(source.sentence_text(i) for i in g.sources)
        tgt_text = " ".join(target.sentence_text(i) for i in g.targets)
        diff = word_diff(src_text, tgt_text, settings.diff_max_tokens)
        source_spans, target_spans = _spans(source, g.sources), _spans(target, g.targets)
        derived.append(
            (
                g.targets[0],
                Passage(
                    label=label,
                    source_sentences=g.sources,
                    target_sentences=g.targets,
                    source_spans=source_spans,
                    target_spans=target_spans,
                    score=passage_score(g.signals),
                    diff=diff,
                    signals=dict(g.signals),
                    substitutions=substitutions(diff) if label != "verbatim" else [],
                    changed_figures=(
                        _figures(source, target, g, diff) if label != "verbatim" else []
                    ),
                    changed_quotes=(
                        changed_quotes(source_quotes, g.sources, target_quotes, g.targets)
                        if label != "verbatim"
                        else []
                    ),
                    moved=gi in moved,
                    linked_by=g.basis,
                    quote=shared_quote(
                        target_quotes,
                        target_spans,
                        source_quotes,
                        source_spans,
                        th.quote_share,
                        th.quote_words,
                    ),
                ),
            )
        )

    _quotes_in_copied_runs([p for _, p in derived])
    used_t = {t for g in groups for t in g.targets}
    used_s = {s for g in groups for s in g.sources}
    furniture = boilerplate_sentences(target) - used_t
    same = _same_furniture(source, target, boilerplate_sentences(source) - used_s, furniture)
    others: list[tuple[int, Passage]] = [
        (
            t,
            Passage(
                label="boilerplate",
                source_sentences=(k,),
                target_sentences=(t,),
                source_spans=_spans(source, (k,)),
                target_spans=_spans(target, (t,)),
                score=1.0,
                diff=[("equal", target.sentence_text(t))],
            ),
        )
        for k, t in same
    ]
    for label, pool in (
        ("boilerplate", furniture - {t for _, t in same}),
        ("added", set(range(len(target.sentences))) - used_t - furniture),
    ):
        for run in _runs(target, pool):
            text = " ".join(target.sentence_text(i) for i in run)
            others.append(
                (
                    run[0],
                    Passage(
                        label=label,  # type: ignore[arg-type]
                        source_sentences=(),
                        target_sentences=run,
                        source_spans=[],
                        target_spans=_spans(target, run),
                        score=0.0,
                        diff=[("insert", text)],
                    ),
                )
            )
    passages = [p for _, p in sorted(derived + others, key=lambda kv: kv[0])]
    passages = _insert_omissions(
        source,
        passages,
        set(range(len(source.sentences))) - used_s - {k for k, _ in same},
        boilerplate_sentences(source),
    )
    regions = find_regions(source, target, passages, settings)
    coverage = coverage_shares(source, target, passages, furniture, settings)
    return Comparison(
        source=source.id,
        target=target.id,
        verdict=verdict(coverage, regions, passages, target, settings),
        coverage=coverage,
        passages=passages,
        regions=regions,
        substitutions=tally([s for p in passages for s in p.substitutions]),
    )


def _same_furniture(
    source: Document, target: Document, source_free: set[int], target_free: set[int]
) -> list[tuple[int, int]]:
    """(source, target) furniture sentences left unmatched that read the same, in order: a
    rule line has no words to align, and a copy of the wire showed its "-----" as "not in"
    the copy on one row and "not in" the wire on the next."""
    at: dict[str, list[int]] = {}
    for k in sorted(source_free):
        at.setdefault(" ".join(source.sentence_text(k).split()), []).append(k)
    out: list[tuple[int, int]] = []
    last = -1
    for t in sorted(target_free):
        ks = at.get(" ".join(target.sentence_text(t).split()), [])
        i = bisect.bisect_right(ks, last)
        if i < len(ks):
            out.append((ks[i], t))
            last = ks[i]
    return out


def _insert_omissions(
    source: Document, passages: list[Passage], missing: set[int], furniture: frozenset[int]
) -> list[Passage]:
    """Place each omitted run after the passage that uses the source sentence just before it,
    so the list reads in the target's order with each omission where it was dropped. Runs of
    the source's furniture are labelled boilerplate, kept apart from the text around them."""
    after: dict[int, int] = {}
    for k, p in enumerate(passages):
        for s in p.source_sentences:
            after.setdefault(s, k)
    # The passage using the nearest used source sentence before each sentence, in one pass.
    nearest = [-1] * (len(source.sentences) + 1)
    for s in range(len(source.sentences)):
        nearest[s + 1] = after.get(s, nearest[s])
    slots: dict[int, list[Passage]] = {}
    runs = [("omitted", r) for r in _runs(source, missing - furniture)]
    runs += [("boilerplate", r) for r in _runs(source, missing & furniture)]
    for label, run in sorted(runs, key=lambda lr: lr[1][0]):
        anchor = nearest[run[0]]
        text = " ".join(source.sentence_text(i) for i in run)
        slots.setdefault(anchor, []).append(
            Passage(
                label=label,  # type: ignore[arg-type]
                source_sentences=run,
                target_sentences=(),
                source_spans=_spans(source, run),
                target_spans=[],
                score=0.0,
                diff=[("delete", text)],
            )
        )
    out = list(slots.get(-1, []))
    for k, p in enumerate(passages):
        out.append(p)
        out.extend(slots.get(k, []))
    return out


def coverage_shares(
    source: Document,
    target: Document,
    passages: list[Passage],
    furniture: frozenset[int],
    settings: Settings,
) -> dict[str, float]:
    """Shares of non-space characters. ``target_derived``: the target's text that comes
    from the source, whatever the wording (what "wholly derived" reads). ``evidence``: the
    same, with passages that keep the source's facts but not its phrasing counted at
    ``fact_weight``: reporters at one event share facts, copying shows in wording (what
    "partially derived" reads). With ``exclude_quotes``, shared quotations count neither
    for nor against (left out of both sides of each share), and so does copied furniture with
    ``exclude_boilerplate``; ``shared_quotes`` says how much of the target quotations are.
    ``source_reused``: the share of the source's text in the passages that count, with the
    same exclusions on both sides of it (its furniture and what left-out passages matched;
    short matches count), so "N% of the source reused" and the matrix's cell for the source
    in the target are one figure."""
    th = settings.thresholds
    tw, sw = target.weights(), source.weights()
    total = sum(w for i, w in enumerate(tw) if i not in furniture)
    quoted = sum(tw[t] for p in passages if p.derived and p.quote for t in p.target_sentences)
    counted = [p for p in passages if counts(p, target, settings)]
    derived = evidence = 0.0
    for p in counted:
        n = sum(tw[t] for t in p.target_sentences)
        derived += n
        evidence += n * (th.fact_weight if facts_only(p, th) else 1.0)
    # Left out of both sides: neither copied nor the version's own writing.
    left_out = sum(
        tw[t] for p in passages if left_out_of_base(p, target, settings) for t in p.target_sentences
    )
    base = total - left_out
    # The same passages from the source's side: what the shared-content matrix reads the
    # other way round (tui/core/similarity.py).
    used = {s for p in counted for s in p.source_sentences}
    # The same exclusions on the source's side: its furniture (a rule line, a slug) and what
    # a left-out passage matched are neither reused nor not, so a copy of the whole file is
    # 100% reused, as it is 100% derived.
    s_left_out = {
        s
        for p in passages
        if p.label == "boilerplate" or left_out_of_base(p, target, settings)
        for s in p.source_sentences
    } - used
    s_total = sum(w for i, w in enumerate(sw) if i not in s_left_out)
    s_reused = sum(sw[i] for i in used)
    return {
        "target_derived": round(derived / base, 4) if base > 0 else 0.0,
        "evidence": round(evidence / base, 4) if base > 0 else 0.0,
        "source_reused": round(s_reused / s_total, 4) if s_total else 0.0,
        "shared_quotes": round(quoted / total, 4) if total else 0.0,
    }


def copied_furniture(p: Passage, target: Document) -> bool:
    """A derived passage that is page or agency furniture by its shape: a copied dateline,
    credit line or "originally appeared on" line. Unmatched furniture is labelled
    boilerplate and never counts; matched furniture counts unless ``exclude_boilerplate``."""
    return (
        p.derived
        and bool(p.target_sentences)
        and (set(p.target_sentences) <= boilerplate_sentences(target))
    )


def left_out_of_base(p: Passage, target: Document, settings: Settings) -> bool:
    """A derived passage an exclusion takes out of both sides of a share (a shared quotation,
    copied furniture), as opposed to a short match, which stays the version's text."""
    if not p.derived:
        return False
    if settings.exclude_quotes and p.quote:
        return True
    return settings.exclude_boilerplate and copied_furniture(p, target)


def counts(p: Passage, target: Document, settings: Settings) -> bool:
    """Whether a passage counts toward the shares a verdict reads: derived, and not left out
    by an exclusion (shared quotations, copied furniture, matches shorter than
    ``min_match_words``)."""
    if not p.derived or left_out_of_base(p, target, settings):
        return False
    if settings.min_match_words:
        words = sum(len(_WORDS.findall(target.sentence_text(t))) for t in p.target_sentences)
        return words >= settings.min_match_words
    return True


def facts_only(p: Passage, th: Thresholds) -> bool:
    """A paraphrase sharing the source's facts but little of its phrasing."""
    return p.label == "paraphrased" and p.signals.get("phrase", 0.0) < th.phrase_evidence


def verdict(
    coverage: dict[str, float],
    regions: list[Region],
    passages: list[Passage],
    target: Document,
    settings: Settings,
) -> Verdict:
    th = settings.thresholds
    if coverage["target_derived"] >= th.wholly_derived:
        return "wholly-derived"
    if coverage["evidence"] >= th.partially_derived:
        return "partially-derived"
    weights = target.weights()
    for r in regions:
        # Derived members only: a reviewer may have relabelled some (tui/core/review.py).
        # An end marker or a rule line ("ENDS", "---") every agency's copy carries is no
        # member: it made a rival agency's report of the same hearing a run of three.
        members = [
            passages[k]
            for k in r.passages
            if counts(passages[k], target, settings) and not _marker(passages[k], target)
        ]
        if _region_is_a_copy(members, weights, coverage["target_derived"], th):
            return "partially-derived"
    if most_of_source(coverage, passages, target, settings):
        return "partially-derived"
    return "independent"


_MARKER = re.compile(r"[\W\d_]*(?:(?:ends?|more|end of story)\b[\W\d_]*)?", re.I)


def _marker(p: Passage, target: Document) -> bool:
    """A passage that is only an end marker or a rule line: furniture any copy carries."""
    return all(_MARKER.fullmatch(target.sentence_text(t)) for t in p.target_sentences)


def most_of_source(
    coverage: dict[str, float], passages: list[Passage], target: Document, settings: Settings
) -> bool:
    """Half the source or more is in the version, in ``region_passages`` passages at least
    that keep its phrasing: a short story pasted, reworded, into a long page is a small part
    of the page (helper-53's scan: three quarters of a story, word-spun, in a page twenty
    times its length, read independent). Facts alone do not count: a long report on the
    same event holds most of a brief's facts; nor do a brief's lines quoted one by one in
    places far apart, as a press notice's are in a report of its own (helper-54)."""
    th = settings.thresholds
    if coverage.get("source_reused", 0.0) < th.source_majority:
        return False
    kept = [
        p
        for p in passages
        if counts(p, target, settings) and not facts_only(p, th) and not _marker(p, target)
    ]
    if len(kept) < th.region_passages:
        return False
    # Pasted in blocks (two passages a place at least, on average), not single lines
    # scattered over a long report, as a short press notice's lines are quoted in one.
    paragraphs = sorted({target.sentences[t].paragraph for p in kept for t in p.target_sentences})
    places = 1 + sum(1 for a, b in itertools.pairwise(paragraphs) if b - a > 2)
    return 2 * places <= len(kept)


def _region_is_a_copy(
    members: list[Passage], weights: list[int], derived: float, th: Thresholds
) -> bool:
    """A small share can still be a real copy (one paragraph lifted into a long article):
    near-copied text long enough not to be chance (two sentences' worth, or a short
    paragraph of two sentences), or a run of passages. A run is at least every other
    sentence of the source stretch it comes from; three loose matches drawn from across a
    story into one paragraph are what pages written to one site's template share, and
    count only when a fifth of the text is derived anyway."""
    close = {t for p in members if p.label in ("verbatim", "edited") for t in p.target_sentences}
    close_chars = sum(weights[t] for t in close)
    if close_chars >= th.region_chars or (len(close) >= 2 and close_chars >= th.region_pair_chars):
        return True
    if len(members) < th.region_passages:
        return False
    used = [s for p in members for s in p.source_sentences]
    return 2 * len(members) >= max(used) - min(used) + 1 or derived >= th.partially_derived
