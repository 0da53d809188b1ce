"""The reviewer's figures: counts, coverage and verdict recomputed from the labels a reviewer
set, by the engine's own rules, so a decision in the explorer changes what the report
concludes and both figures can be shown side by side.

Pure: a comparison and the reviewer's labels in, figures out; nothing is re-aligned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from .classify import coverage_shares, verdict
from .model import LABELS, Comparison, Document, Family, Passage, Region, Report, Verdict
from .overrides import OverrideSet
from .settings import Settings


@dataclass(frozen=True)
class Reviewed:
    counts: dict[str, int]
    coverage: dict[str, float]
    verdict: Verdict
    relabelled: int  # passages whose label the reviewer changed


def reviewed(
    source: Document,
    target: Document,
    comparison: Comparison,
    labels: Mapping[int, str],
    settings: Settings,
) -> Reviewed | None:
    """The comparison's figures with ``labels`` (passage index -> label) in place of the
    engine's; None when no label differs from the engine's. Boilerplate is what the reviewer
    labels boilerplate: it leaves the share's base, as the engine's does."""
    changed = {
        k: label
        for k, label in labels.items()
        if 0 <= k < len(comparison.passages)
        and label in LABELS
        and label != comparison.passages[k].label
    }
    if not changed:
        return None
    passages = relabelled(comparison.passages, changed)
    furniture = frozenset(
        t for p in passages if p.label == "boilerplate" for t in p.target_sentences
    )
    coverage = coverage_shares(source, target, passages, furniture, settings)
    counts = Counter(p.label for p in passages)
    return Reviewed(
        counts={label: counts.get(label, 0) for label in LABELS},
        coverage=coverage,
        verdict=verdict(coverage, comparison.regions, passages, target, settings),
        relabelled=len(changed),
    )


def relabelled(passages: Sequence[Passage], labels: Mapping[int, str]) -> list[Passage]:
    """The passages with the reviewer's labels (passage index -> label) in place."""
    return [
        replace(p, label=labels[k]) if labels.get(k, p.label) != p.label else p  # type: ignore[arg-type]
        for k, p in enumerate(passages)
    ]


def reviewed_regions(
    comparison: Comparison, labels: Mapping[int, str]
) -> tuple[list[Passage], list[Region]]:
    """(the passages by the reviewer's labels, the regions that still hold a passage taken
    from the other version): a region whose passages a reviewer all relabelled as the
    version's own said "paragraphs 5-7 come from the wire" beside the reviewer's verdict of
    independent."""
    passages = relabelled(comparison.passages, labels)
    kept = [r for r in comparison.regions if any(passages[k].derived for k in r.passages)]
    return passages, kept


def reviewer_labels(overrides: OverrideSet, comparison: Comparison) -> dict[int, str]:
    """The labels a reviewer set on this comparison's passages (bound overrides)."""
    if not len(overrides):
        return {}
    out: dict[int, str] = {}
    for k, p in enumerate(comparison.passages):
        o = overrides.for_passage(comparison, p)
        if o is not None and o.label:
            out[k] = o.label
    return out


def review_comparison(
    report: Report, overrides: OverrideSet | None, comparison: Comparison
) -> Reviewed | None:
    """One comparison's reviewer figures (None when no label was changed): a screen showing
    one version need not re-score them all."""
    if overrides is None or not len(overrides):
        return None
    overrides.bind(report)
    return reviewed(
        report.document(comparison.source),
        report.document(comparison.target),
        comparison,
        reviewer_labels(overrides, comparison),
        Settings.from_dict(report.settings),
    )


def review_report(report: Report, overrides: OverrideSet | None) -> dict[str, Reviewed]:
    """Each compared version's reviewer figures, where a reviewer changed a label."""
    out: dict[str, Reviewed] = {}
    for c in report.comparisons:
        r = review_comparison(report, overrides, c)
        if r is not None:
            out[c.target] = r
    return out


def reviewed_families(
    report: Report, overrides: OverrideSet | None
) -> tuple[list[Family], set[tuple[int, str]]]:
    """(the families with a reviewer's label on each version's form a relabelled passage
    holds, the (family id, version) pairs so relabelled): a family cell read "P paraphrased"
    where the side by side gave the reviewer's "added" (helper-49)."""
    families = list(report.provenance.families) if report.provenance else []
    if overrides is None or not len(overrides):
        return families, set()
    overrides.bind(report)
    moved: dict[str, list[tuple[frozenset[int], str]]] = {}
    for c in report.comparisons:
        for k, label in reviewer_labels(overrides, c).items():
            p = c.passages[k]
            if label != p.label and p.target_sentences:
                moved.setdefault(c.target, []).append((frozenset(p.target_sentences), label))
    marked: set[tuple[int, str]] = set()
    out = []
    for f in families:
        variants = []
        for v in f.variants:
            label = next((x for ts, x in moved.get(v.doc, []) if ts & set(v.sentences)), None)
            if label is None or v.doc == f.origin or label == v.label:
                variants.append(v)
                continue
            variants.append(replace(v, label=label))  # type: ignore[arg-type]
            marked.add((f.id, v.doc))
        out.append(replace(f, variants=variants) if any(f.id == i for i, _ in marked) else f)
    return out, marked


def reviewer_apart(report: Report, overrides: OverrideSet | None) -> dict[str, str]:
    """The versions a reviewer's labels find independent where the engine found them taken
    from the reference: the derivation tree, the engine's, marks them so."""
    return {
        t: "independent"
        for t, r in review_report(report, overrides).items()
        if r.verdict == "independent" and report.comparison(t).verdict != "independent"
    }


def reviewed_sentence(r: Reviewed, engine_verdict: str, engine_share: float) -> str:
    """The two figures side by side, in one wording for the app and every report."""
    return (
        f"by the reviewer's labels ({r.relabelled} changed): {r.verdict}, "
        f"{r.coverage['target_derived']:.0%} of its text derived "
        f"(engine: {engine_verdict}, {engine_share:.0%})"
    )
