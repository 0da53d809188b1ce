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
from .model import (
    DERIVED_LABELS,
    LABELS,
    Comparison,
    Document,
    Family,
    Passage,
    Region,
    Report,
    Verdict,
)
from .overrides import OverrideSet
from .regions import find_regions
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
    changed = _changed(comparison, labels)
    if not changed:
        return None
    passages = relabelled(comparison.passages, changed)
    furniture = frozenset(
        t for p in passages if p.label == "boilerplate" for t in p.target_sentences
    )
    coverage = coverage_shares(source, target, passages, furniture, settings)
    counts = Counter(p.label for p in passages)
    # A passage relabelled as the version's own leaves the source text it held unused: the
    # omissions list it ("not used: ..."), so the counts do too, as one more omitted.
    counts["omitted"] += sum(
        1
        for k, label in changed.items()
        if comparison.passages[k].derived
        and label not in DERIVED_LABELS
        and comparison.passages[k].source_sentences
    )
    return Reviewed(
        counts={label: counts.get(label, 0) for label in LABELS},
        coverage=coverage,
        # The regions the reviewer's labels make, as the engine finds its own.
        verdict=verdict(
            coverage, find_regions(source, target, passages, settings), passages, target, settings
        ),
        relabelled=len(changed),
    )


def _changed(comparison: Comparison, labels: Mapping[int, str]) -> dict[int, str]:
    return {
        k: label
        for k, label in labels.items()
        if 0 <= k < len(comparison.passages)
        and label in LABELS
        and label != comparison.passages[k].label
    }


def relabelled(passages: Sequence[Passage], labels: Mapping[int, str]) -> list[Passage]:
    """The passages with the reviewer's labels (passage index -> label) in place."""
    return [
        replace(p, label=labels[k]) if labels.get(k, p.label) != p.label else p  # type: ignore[arg-type]
        for k, p in enumerate(passages)
    ]


def reviewed_regions(
    report: Report, overrides: OverrideSet | None, comparison: Comparison
) -> tuple[list[Passage], list[Region]]:
    """(the passages by the reviewer's labels, the regions they make, found as the engine
    finds its own): regions a reviewer relabelled away said "paragraphs 5-7 come from the
    wire" beside the reviewer's verdict of independent, and passages relabelled as taken
    made none. The engine's own where no label differs."""
    labels = reviewer_labels(overrides.bind(report), comparison) if overrides else {}
    changed = _changed(comparison, labels)
    if not changed:
        return list(comparison.passages), list(comparison.regions)
    passages = relabelled(comparison.passages, changed)
    source, target = report.document(comparison.source), report.document(comparison.target)
    settings = Settings.from_dict(report.settings)
    return passages, find_regions(source, target, passages, settings)


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
) -> tuple[list[Family], dict[tuple[int, str], bool]]:
    """(the families by the reviewer's labels, the (family id, version) forms a reviewer
    relabelled: True where all of it, with one label, which the form then takes; False
    where only part, which keeps the engine's label): a family cell read "P paraphrased"
    where the side by side gave the reviewer's "added" (helper-49), and one relabelled
    sentence of six must not relabel the other five (helper-51)."""
    families = list(report.provenance.families) if report.provenance else []
    if overrides is None or not len(overrides):
        return families, {}
    overrides.bind(report)
    moved: dict[str, dict[int, str]] = {}  # version -> its sentence -> the reviewer's label
    for c in report.comparisons:
        for k, label in _changed(c, reviewer_labels(overrides, c)).items():
            for t in c.passages[k].target_sentences:
                moved.setdefault(c.target, {}).setdefault(t, label)
    marked: dict[tuple[int, str], bool] = {}
    out = []
    for f in families:
        variants = []
        touched = False
        for v in f.variants:
            mine = moved.get(v.doc, {})
            labels = {mine[t] for t in v.sentences if t in mine}
            if not labels or v.doc == f.origin:
                variants.append(v)
                continue
            whole = len(labels) == 1 and all(t in mine for t in v.sentences)
            marked[(f.id, v.doc)] = whole
            touched = True
            variants.append(replace(v, label=labels.pop()) if whole else v)  # type: ignore[arg-type]
        out.append(replace(f, variants=variants) if touched else f)
    return out, marked


def reviewer_apart(report: Report, reviews: Mapping[str, Reviewed]) -> dict[str, str]:
    """What a reviewer's labels (``review_report``) find of the versions where they part from
    the engine on whether it was taken from the reference at all ("independent of wire",
    "wholly-derived from wire"): the derivation tree, the engine's, marks them so."""
    out = {}
    for t, r in reviews.items():
        if (r.verdict == "independent") != (report.comparison(t).verdict == "independent"):
            how = "of" if r.verdict == "independent" else "from"
            out[t] = f"{r.verdict} {how} {report.reference}"
    return out


def reviewed_sentence(r: Reviewed, engine_verdict: str, engine_share: float) -> str:
    """The two figures side by side, in one wording for the app and every report."""
    return (
        f"by the reviewer's labels ({r.relabelled} changed): {r.verdict}, "
        f"{r.coverage['target_derived']:.0%} of its text derived "
        f"(engine: {engine_verdict}, {engine_share:.0%})"
    )
