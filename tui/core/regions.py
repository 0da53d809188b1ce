"""Regions: maximal stretches of the target derived from one contiguous stretch of the source.

This is what a plagiarism detector reports as one case, and what a summary line says
("paragraphs 3-9 of the copy come from paragraphs 2-8 of the original"). The PAN measure
divides by granularity, so one reused passage must come out as one region, not one per
sentence: consecutive derived passages merge across small gaps on both sides.
"""

from __future__ import annotations

from collections import Counter

from .model import Document, Passage, Region
from .settings import Settings


def find_regions(
    source: Document, target: Document, passages: list[Passage], settings: Settings
) -> list[Region]:
    th = settings.thresholds
    derived = [(k, p) for k, p in enumerate(passages) if p.derived]
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
    regions = []
    for cluster in clusters:
        ts = [t for _, p in cluster for t in p.target_sentences]
        ss = [s for _, p in cluster for s in p.source_sentences]
        weights = target.weights()
        weight: Counter[str] = Counter()
        for _, p in cluster:
            weight[p.label] += sum(weights[t] for t in p.target_sentences)
        label = max(sorted(weight), key=lambda lab: weight[lab])
        regions.append(
            Region(
                source_span=(source.sentences[min(ss)].start, source.sentences[max(ss)].end),
                target_span=(target.sentences[min(ts)].start, target.sentences[max(ts)].end),
                label=label,  # type: ignore[arg-type]
                passages=sorted(k for k, _ in cluster),
            )
        )
    return regions
