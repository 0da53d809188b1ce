"""Regions: maximal stretches of the target derived from one contiguous stretch of the source.

This is what a plagiarism detector reports as one case, and what a summary line says
("paragraphs 3-9 of the copy come from paragraphs 2-8 of the original"). The PAN measure
divides by granularity, so one reused passage must come out as one region, not one per
sentence: consecutive derived passages merge across small gaps on both sides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .model import DiffOp, Document, Passage, Region, Span
from .settings import Settings
from .thresholds import Thresholds

_WORD = re.compile(r"\w+")


def _loose_ends(diff: Sequence[DiffOp], words: int) -> tuple[int, int, int, int]:
    """Characters only the source or only the target has before the text they share, and
    after it: text a copy was pasted next to inside one sentence, or the rest of a sentence
    the copy began or ended in the middle of. Cut only where one side alone has extra text
    and a run of at least ``words`` shared words follows (or precedes) it; a rewrite, whose
    edges differ on both sides, keeps its sentence edges."""

    def one_side(ops: Sequence[DiffOp], edge: DiffOp | None) -> tuple[int, int]:
        kinds = {op for op, text in ops if text.strip()}
        if (
            len(kinds) != 1
            or edge is None
            or edge[0] != "equal"
            or len(_WORD.findall(edge[1])) < words
        ):
            return 0, 0
        n = sum(len(text) for _, text in ops)
        return (n, 0) if kinds == {"delete"} else (0, n)

    first = next((k for k, (op, _) in enumerate(diff) if op == "equal"), len(diff))
    last = max((k for k, (op, _) in enumerate(diff) if op == "equal"), default=-1)
    head_s, head_t = one_side(diff[:first], diff[first] if first < len(diff) else None)
    tail_s, tail_t = one_side(diff[last + 1 :], diff[last] if last >= 0 else None)
    return head_s, head_t, tail_s, tail_t


def _inside(doc: Document, sentences: Sequence[int], head: int, tail: int) -> Span:
    """The span of the joined sentences (one space between each, as diffs join them) less
    ``head`` characters at the start and ``tail`` at the end, kept within the first and the
    last sentence and to the text's own characters."""
    first, last = doc.sentences[sentences[0]], doc.sentences[sentences[-1]]
    start = first.start + min(head, first.end - first.start)
    end = last.end - min(tail, last.end - last.start)
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else (first.start, last.end)


def find_regions(
    source: Document, target: Document, passages: list[Passage], settings: Settings
) -> list[Region]:
    th = settings.thresholds
    # Both sides: a passage a reviewer relabelled as taken may have no source sentence.
    derived = [
        (k, p)
        for k, p in enumerate(passages)
        if p.derived and p.source_sentences and p.target_sentences
    ]
    derived.sort(key=lambda kp: kp[1].target_sentences[0])
    clusters: list[list[tuple[int, Passage]]] = []
    # Per cluster: last target sentence, lowest and highest source sentence.
    bounds: list[tuple[int, int, int]] = []
    for k, p in derived:
        if clusters:
            last_t, lo, hi = bounds[-1]
            t_gap = p.target_sentences[0] - last_t - 1
            s_gap = max(lo - p.source_sentences[-1], p.source_sentences[0] - hi) - 1
            # A summary walks forward through its source in big steps: adjacent target
            # sentences whose sources move forward stay one region however far they jump.
            forward = p.source_sentences[0] > hi
            if t_gap <= th.region_gap_target and (
                s_gap <= th.region_gap_source or (t_gap == 0 and forward)
            ):
                clusters[-1].append((k, p))
                bounds[-1] = (
                    max(last_t, p.target_sentences[-1]),
                    min(lo, p.source_sentences[0]),
                    max(hi, p.source_sentences[-1]),
                )
                continue
        clusters.append([(k, p)])
        bounds.append((p.target_sentences[-1], p.source_sentences[0], p.source_sentences[-1]))
    clusters = _summaries(source, target, clusters, th)
    regions = []
    weights = target.weights()
    for cluster in clusters:
        ts = [t for _, p in cluster for t in p.target_sentences]
        ss = [s for _, p in cluster for s in p.source_sentences]
        weight: Counter[str] = Counter()
        for _, p in cluster:
            weight[p.label] += sum(weights[t] for t in p.target_sentences)
        label = max(sorted(weight), key=lambda lab: weight[lab])
        members = [p for _, p in cluster]
        source_span = _edges(source, members, min(ss), max(ss), True, th)
        target_span = _edges(target, members, min(ts), max(ts), False, th)
        if (
            label != "verbatim"
            and _condensed(source_span, target_span, th)
            and source_span[1] - source_span[0] >= th.summary_reach * len(source.text.strip())
        ):
            # A summary condenses the text it summarises as a whole: one that draws on a
            # good part of the source, from here and there, is a summary of all of it. A
            # summary rewrites; pieces copied word for word from two places are two pieces.
            source_span = (source.sentences[0].start, source.sentences[-1].end)
        regions.append(
            Region(
                source_span=source_span,
                target_span=target_span,
                label=label,  # type: ignore[arg-type]
                passages=sorted(k for k, _ in cluster),
            )
        )
    return regions


def _condensed(source_span: Span, target_span: Span, th: Thresholds) -> bool:
    return source_span[1] - source_span[0] >= th.summary_ratio * (target_span[1] - target_span[0])


def _summaries(
    source: Document,
    target: Document,
    clusters: list[list[tuple[int, Passage]]],
    th: Thresholds,
) -> list[list[tuple[int, Passage]]]:
    """Neighbouring regions that each condense their source are one summary: a summary
    keeps a sentence here and there, in whatever order its writer liked, so its pieces
    need not follow the source or lie near each other in it. A single passage beside a
    condensed region (or one sentence away) is one more of its sentences, wherever its
    source lies."""

    def spans(cluster: list[tuple[int, Passage]]) -> tuple[Span, Span]:
        ss = [s for _, p in cluster for s in p.source_sentences]
        ts = [t for _, p in cluster for t in p.target_sentences]
        return (
            (source.sentences[min(ss)].start, source.sentences[max(ss)].end),
            (target.sentences[min(ts)].start, target.sentences[max(ts)].end),
        )

    out: list[list[tuple[int, Passage]]] = []
    for cluster in clusters:
        if out:
            last = out[-1]
            gap = (
                cluster[0][1].target_sentences[0]
                - max(t for _, p in last for t in p.target_sentences)
                - 1
            )
            condensed = [_condensed(*spans(c), th) for c in (last, cluster)]
            # A lone passage beside a condensed region (the region, not the passage, condensed).
            beside = (len(cluster) == 1 and condensed[0]) or (len(last) == 1 and condensed[1])
            if (gap <= th.region_gap_target and all(condensed)) or (gap <= 1 and beside):
                last.extend(cluster)
                continue
        out.append(list(cluster))
    return out


def _edges(
    doc: Document, passages: list[Passage], lo: int, hi: int, source: bool, th: Thresholds
) -> Span:
    """A region's span on one side: from its first to its last sentence, less the loose ends
    of the passages that hold those sentences at their edges (a copy rarely starts and ends
    exactly where a sentence does)."""
    words = int(th.trim_words)
    starts, ends = [], []
    for p in passages:
        own = p.source_sentences if source else p.target_sentences
        if not own or list(own) != sorted(own):
            continue
        head_s, head_t, tail_s, tail_t = _loose_ends(p.diff, words)
        head, tail = (head_s, tail_s) if source else (head_t, tail_t)
        a, b = _inside(doc, own, head, tail)
        if own[0] == lo:
            starts.append(a)
        if own[-1] == hi:
            ends.append(b)
    # Where several passages share an edge sentence (its pieces went to several places),
    # the one that keeps most of it decides.
    start = min(starts, default=doc.sentences[lo].start)
    end = max(ends, default=doc.sentences[hi].end)
    return (start, end) if start < end else (doc.sentences[lo].start, doc.sentences[hi].end)
