"""Pure scoring functions for the accuracy benchmark.

Nothing here runs the engine or reads files: every function takes plain lists, dicts and
strings (the JSON contract of ``report_to_dict``) and returns plain values, so the figures the
benchmark prints can be checked by hand-worked unit tests. Spans are half-open ``[start, end)``
character offsets, as in the storytrace contract and in the PAN truth files.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

Span = tuple[int, int]
SpanLike = Sequence[int]

DERIVED_LABELS: tuple[str, ...] = ("verbatim", "edited", "paraphrased")
ALL_LABELS: tuple[str, ...] = (
    "verbatim",
    "edited",
    "paraphrased",
    "added",
    "omitted",
    "boilerplate",
)
NO_PASSAGE = "none"
"""Predicted label for a gold sentence that no passage's target spans touch."""

CLOUGH_CLASSES: tuple[str, ...] = ("cut", "light", "heavy", "non")
CLOUGH_LABEL_TO_CLASS: dict[str, str] = {
    "verbatim": "cut",
    "edited": "light",
    "paraphrased": "heavy",
}


# --------------------------------------------------------------------------------------------
# Span arithmetic
# --------------------------------------------------------------------------------------------


def span_len(span: SpanLike) -> int:
    """Length of a half-open span; reversed or empty spans count as 0."""
    return max(0, int(span[1]) - int(span[0]))


def overlap(a: SpanLike, b: SpanLike) -> int:
    """Number of characters two half-open spans share."""
    return max(0, min(int(a[1]), int(b[1])) - max(int(a[0]), int(b[0])))


def merge_spans(spans: Iterable[SpanLike]) -> list[Span]:
    """Union of spans as sorted, disjoint spans, so shared characters are counted once."""
    ordered = sorted((int(s), int(e)) for s, e in spans if int(e) > int(s))
    merged: list[Span] = []
    for s, e in ordered:
        if merged and s <= merged[-1][1]:
            if e > merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def covered_chars(span: SpanLike, spans: Iterable[SpanLike]) -> int:
    """Characters of ``span`` covered by the union of ``spans`` (each counted once)."""
    return sum(overlap(span, m) for m in merge_spans(spans))


def overlap_with_spans(span: SpanLike, spans: Iterable[SpanLike]) -> int:
    """Characters of ``span`` covered by a passage made of several spans."""
    return covered_chars(span, spans)


# --------------------------------------------------------------------------------------------
# PAN plagdet (Potthast, Stein, Barron-Cedeno and Rosso, COLING 2010)
# --------------------------------------------------------------------------------------------


def _annotation(ann: Mapping[str, Any]) -> tuple[Hashable, Span, Span]:
    return (
        ann.get("pair"),
        (int(ann["this"][0]), int(ann["this"][1])),
        (int(ann["source"][0]), int(ann["source"][1])),
    )


def _detects(a: tuple[Hashable, Span, Span], b: tuple[Hashable, Span, Span]) -> bool:
    """The official rule: two annotations interact only if they overlap in *both* documents."""
    return a[0] == b[0] and overlap(a[1], b[1]) > 0 and overlap(a[2], b[2]) > 0


def _macro_recall(
    cases: list[tuple[Hashable, Span, Span]], detections: list[tuple[Hashable, Span, Span]]
) -> float:
    """Mean over cases of the share of the case's characters (both documents) that the
    detections overlapping it cover. Precision is this with the roles swapped."""
    if not cases and not detections:
        return 1.0
    if not cases or not detections:
        return 0.0
    by_pair: dict[Hashable, list[tuple[Hashable, Span, Span]]] = {}
    for d in detections:
        by_pair.setdefault(d[0], []).append(d)
    total = 0.0
    for case in cases:
        hits = [d for d in by_pair.get(case[0], ()) if _detects(case, d)]
        if not hits:
            continue
        num = covered_chars(case[1], [d[1] for d in hits]) + covered_chars(
            case[2], [d[2] for d in hits]
        )
        total += num / (span_len(case[1]) + span_len(case[2]))
    return total / len(cases)


def _granularity(
    cases: list[tuple[Hashable, Span, Span]], detections: list[tuple[Hashable, Span, Span]]
) -> tuple[float, int]:
    """Mean number of detections per detected case (1 when nothing is detected), and the
    number of detected cases."""
    by_pair: dict[Hashable, list[tuple[Hashable, Span, Span]]] = {}
    for d in detections:
        by_pair.setdefault(d[0], []).append(d)
    counts = [sum(_detects(c, d) for d in by_pair.get(c[0], ())) for c in cases]
    detected = [n for n in counts if n > 0]
    if not detected:
        return 1.0, 0
    return sum(detected) / len(detected), len(detected)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean; 0 when both are 0."""
    if precision + recall <= 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def plagdet_score(precision: float, recall: float, granularity: float) -> float:
    """plagdet = F1 / log2(1 + granularity): splitting a case into pieces is penalised."""
    if granularity < 1:
        return 0.0
    return f1(precision, recall) / math.log2(1 + granularity)


def plagdet(
    cases: Iterable[Mapping[str, Any]], detections: Iterable[Mapping[str, Any]]
) -> dict[str, float | int]:
    """PAN text-alignment measures over a set of cases and detections (macro-averaged per case
    and per detection, as in the official PAN evaluator).

    Each annotation is a mapping with ``this`` (span in the suspicious document), ``source``
    (span in the source document) and optionally ``pair`` (any hashable naming the document
    pair; annotations of different pairs never interact). Pooling several document pairs in
    one call gives the corpus-level figure the PAN organisers report.

    Conventions follow the official script: no cases and no detections gives precision =
    recall = 1; cases without detections or detections without cases give 0. Annotations with
    an empty span in either document are dropped (they cannot overlap anything in both
    documents, and would divide by zero) and counted under ``ignored_*``.
    """
    raw_cases = [_annotation(c) for c in cases]
    raw_dets = [_annotation(d) for d in detections]
    cs = [c for c in raw_cases if span_len(c[1]) > 0 and span_len(c[2]) > 0]
    ds = [d for d in raw_dets if span_len(d[1]) > 0 and span_len(d[2]) > 0]
    recall = _macro_recall(cs, ds)
    precision = _macro_recall(ds, cs)
    gran, detected = _granularity(cs, ds)
    false_positives = sum(1 for d in ds if not any(_detects(d, c) for c in cs if c[0] == d[0]))
    return {
        "cases": len(cs),
        "detections": len(ds),
        "detected_cases": detected,
        "false_positive_detections": false_positives,
        "ignored_cases": len(raw_cases) - len(cs),
        "ignored_detections": len(raw_dets) - len(ds),
        "precision": precision,
        "recall": recall,
        "granularity": gran,
        "plagdet": plagdet_score(precision, recall, gran),
    }


def parse_pan_truth(xml_text: str) -> list[dict[str, Span]]:
    """Cases of one PAN truth file: each ``<feature name="plagiarism">`` as
    ``{"this": (off, off+len), "source": (off, off+len)}``."""
    root = ET.fromstring(xml_text)
    cases: list[dict[str, Span]] = []
    for feat in root.iter("feature"):
        if feat.get("name") != "plagiarism":
            continue
        t_off, t_len = int(feat.get("this_offset", 0)), int(feat.get("this_length", 0))
        s_off, s_len = int(feat.get("source_offset", 0)), int(feat.get("source_length", 0))
        cases.append({"this": (t_off, t_off + t_len), "source": (s_off, s_off + s_len)})
    return cases


def regions_to_detections(
    regions: Iterable[Mapping[str, Any]], labels: Iterable[str] = DERIVED_LABELS
) -> list[dict[str, Span]]:
    """Detections from a comparison's regions: only regions whose label says the target text
    was taken from the source (added/omitted/boilerplate regions claim no reuse)."""
    keep = set(labels)
    out: list[dict[str, Span]] = []
    for r in regions:
        if r.get("label") not in keep:
            continue
        t, s = r["target_span"], r["source_span"]
        out.append({"this": (int(t[0]), int(t[1])), "source": (int(s[0]), int(s[1]))})
    return out


# --------------------------------------------------------------------------------------------
# Classification scores
# --------------------------------------------------------------------------------------------


def confusion(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, int]]:
    """Confusion counts as ``{gold: {predicted: n}}`` (only non-zero cells)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    table: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        row = table.setdefault(g, {})
        row[p] = row.get(p, 0) + 1
    return table


def classification_scores(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, Any]:
    """Accuracy, per-label precision/recall/F1 and their unweighted mean (macro-F1).

    ``labels`` fixes which classes are averaged (default: every label seen in gold or
    predicted), so a stray prediction such as ``"error"`` costs accuracy and recall without
    adding a class of its own. Undefined precision or recall counts as 0, as in scikit-learn's
    ``zero_division=0``.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    if labels is None:
        labels = sorted(set(gold) | set(predicted))
    n = len(gold)
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    per_label: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == lab and p == lab)
        n_pred = sum(1 for p in predicted if p == lab)
        n_gold = sum(1 for g in gold if g == lab)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        per_label[lab] = {
            "precision": prec,
            "recall": rec,
            "f1": f1(prec, rec),
            "support": n_gold,
        }
    macro = sum(v["f1"] for v in per_label.values()) / len(per_label) if per_label else 0.0
    return {
        "n": n,
        "correct": correct,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": macro,
        "per_label": per_label,
        "confusion": confusion(gold, predicted),
    }


def macro_f1(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None
) -> float:
    """Unweighted mean of per-class F1, so small classes weigh as much as large ones."""
    return float(classification_scores(gold, predicted, labels)["macro_f1"])


# --------------------------------------------------------------------------------------------
# Seeds against the hand annotation
# --------------------------------------------------------------------------------------------


def locate_in_order(text: str, snippets: Sequence[str]) -> list[Span | None]:
    """Find each snippet with ``str.find`` from a cursor that moves past the previous match,
    so a repeated sentence maps to its next occurrence. A snippet not found after the cursor
    is looked for from the start (annotations may list a sentence out of order); ``None`` if
    it does not occur at all."""
    cursor = 0
    out: list[Span | None] = []
    for snip in snippets:
        if not snip:
            out.append(None)
            continue
        i = text.find(snip, cursor)
        if i < 0:
            i = text.find(snip)
            if i < 0:
                out.append(None)
                continue
        else:
            cursor = i + len(snip)
        out.append((i, i + len(snip)))
    return out


def all_occurrences(text: str, snippet: str) -> list[Span]:
    """Every (possibly overlapping) occurrence of ``snippet``; used where the annotation
    names a source sentence by its text only."""
    spans: list[Span] = []
    if not snippet:
        return spans
    i = text.find(snippet)
    while i >= 0:
        spans.append((i, i + len(snippet)))
        i = text.find(snippet, i + 1)
    return spans


def best_passage(
    span: SpanLike, passages: Sequence[Mapping[str, Any]], side: str = "target_spans"
) -> int | None:
    """Index of the passage whose spans on ``side`` share the most characters with ``span``
    (first one on ties), or None when no passage touches it."""
    best, best_ov = None, 0
    for i, p in enumerate(passages):
        ov = overlap_with_spans(span, p.get(side) or [])
        if ov > best_ov:
            best, best_ov = i, ov
    return best


def gold_agreement(
    target_text: str,
    source_text: str,
    gold_sentences: Sequence[Mapping[str, Any]],
    passages: Sequence[Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """One record per gold sentence of a target document: its gold label, the label of the
    passage covering most of it (``"none"`` if none does, ``"missing"`` if the gold text is
    not in the file), and for derived gold sentences whether that passage's source spans
    touch any of the gold source sentences in the source document."""
    spans = locate_in_order(target_text, [s["text"] for s in gold_sentences])
    records: list[dict[str, Any]] = []
    for sent, span in zip(gold_sentences, spans, strict=True):
        gold = sent["label"]
        rec: dict[str, Any] = {"text": sent["text"], "gold": gold, "span": span}
        if span is None:
            rec["predicted"] = "missing"
            rec["passage"] = None
        else:
            idx = best_passage(span, passages)
            rec["passage"] = idx
            rec["predicted"] = passages[idx]["label"] if idx is not None else NO_PASSAGE
        if gold in DERIVED_LABELS:
            gold_src = [o for s in sent.get("sources", []) for o in all_occurrences(source_text, s)]
            idx = rec["passage"]
            if idx is None or not gold_src:
                rec["source_match"] = False
            else:
                psrc = passages[idx].get("source_spans") or []
                rec["source_match"] = any(overlap_with_spans(g, psrc) > 0 for g in gold_src)
            rec["gold_sources_found"] = bool(gold_src)
        records.append(rec)
    return records


def omission_recall(
    source_text: str,
    omitted_sentences: Sequence[str],
    passages: Sequence[Mapping[str, Any]],
    min_share: float = 0.5,
    labels: tuple[str, ...] = ("omitted",),
) -> dict[str, Any]:
    """How many gold-omitted source sentences lie under passages labelled ``omitted`` (or any
    of ``labels``: ``boilerplate`` adds the source's furniture a version did not take, which
    storytrace/5 labels apart): a sentence counts as found when at least ``min_share`` of its
    characters are covered. Also reports character recall, and character precision (share of
    those passages' source characters that fall inside gold-omitted sentences)."""
    spans = [s for s in locate_in_order(source_text, omitted_sentences) if s is not None]
    omitted_src = [
        sp for p in passages if p.get("label") in labels for sp in p.get("source_spans") or []
    ]
    found = 0
    chars_total = chars_cov = 0
    for sp in spans:
        cov = covered_chars(sp, omitted_src)
        chars_total += span_len(sp)
        chars_cov += cov
        if span_len(sp) and cov / span_len(sp) >= min_share:
            found += 1
    pred_merged = merge_spans(omitted_src)
    pred_chars = sum(span_len(s) for s in pred_merged)
    gold_merged = merge_spans(spans)
    inside = sum(covered_chars(s, gold_merged) for s in pred_merged)
    return {
        "total": len(omitted_sentences),
        "located": len(spans),
        "found": found,
        "recall": found / len(spans) if spans else 1.0,
        "char_recall": chars_cov / chars_total if chars_total else 1.0,
        "char_precision": inside / pred_chars if pred_chars else (1.0 if not spans else 0.0),
    }


_WS = re.compile(r"\s+")


def normalise_phrase(s: str) -> str:
    """Case-folded, whitespace-collapsed form used to compare substitution phrases."""
    return _WS.sub(" ", s).strip().casefold()


def _contains_words(haystack: str, needle: str) -> bool:
    """``needle`` occurs in ``haystack`` on word boundaries (both already normalised)."""
    if not needle:
        return False
    return f" {needle} " in f" {haystack} "


def _swap_words(s: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", s.casefold()))


def trim_shared(a: Sequence[str], b: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Two word sequences without the words they share at the start and at the end: what was
    swapped in "nuclear energy" -> "atomic energy" is "nuclear" -> "atomic"."""
    a, b = tuple(a), tuple(b)
    while a and b and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    return a, b


def substitution_matches(
    gold: Sequence[Mapping[str, str]], found: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Match gold spinner swaps (``original`` -> ``spun``; the reference holds the spun form)
    against engine substitutions (``from`` = source/reference text, ``to`` = target text).

    Strict: some found pair has from == spun and to == original after normalisation.
    Same: strict, or the found pair is the gold pair without the words both sides of it
    share at the edges, compared word by word ("atomic" -> "nuclear" for the gold "nuclear
    energy" -> "atomic energy"; "throttle" -> "limited" for "rate-limited" -> "rate -
    throttle"): the same swap, reported without its context.
    Contained: same, or the gold pair sits inside a longer found pair (spun within ``from``
    and original within ``to``, on word boundaries), which happens when the engine reports a
    whole reworded phrase."""
    pairs = {
        (normalise_phrase(f.get("from", "")), normalise_phrase(f.get("to", ""))) for f in found
    }
    words = {(_swap_words(f), _swap_words(t)) for f, t in pairs}
    strict = same = contained = 0
    missed: list[dict[str, str]] = []
    for g in gold:
        spun, orig = normalise_phrase(g["spun"]), normalise_phrase(g["original"])
        if (spun, orig) in pairs:
            strict += 1
            same += 1
            contained += 1
        elif trim_shared(_swap_words(spun), _swap_words(orig)) in words:
            same += 1
            contained += 1
        elif any(_contains_words(f, spun) and _contains_words(t, orig) for f, t in pairs):
            contained += 1
        else:
            missed.append({"original": g["original"], "spun": g["spun"]})
    return {
        "total": len(gold),
        "strict": strict,
        "same": same,
        "contained": contained,
        "missed": missed,
    }


def swaps_in_reach(
    gold: Sequence[Mapping[str, str]], diffs: Iterable[Sequence[Sequence[str]]]
) -> list[dict[str, str]]:
    """The gold swaps some aligned passage can show: its source side (equal and deleted text)
    holds the spun words and its target side (equal and inserted text) the original ones,
    each without the words the gold pair shares at its edges. A swap whose original wording
    is in no version, or in none aligned with the spun sentence, cannot be found by
    comparing the versions: this is the ceiling for "same"."""
    sides = []
    for diff in diffs:
        src = " ".join(t for op, t in diff if op != "insert")
        tgt = " ".join(t for op, t in diff if op != "delete")
        sides.append((" ".join(_swap_words(src)), " ".join(_swap_words(tgt))))
    out = []
    for g in gold:
        spun, orig = trim_shared(_swap_words(g["spun"]), _swap_words(g["original"]))
        if (
            spun
            and orig
            and any(
                _contains_words(a, " ".join(spun)) and _contains_words(b, " ".join(orig))
                for a, b in sides
            )
        ):
            out.append(dict(g))
    return out


def swap_scores(
    gold: Mapping[tuple[str, str], int], found: Mapping[tuple[str, str], int]
) -> dict[str, float | int]:
    """Precision and recall of swap extraction against known swaps, both as
    (replaced, replacement) -> count: a found swap is right as many times as the spinner
    made it. Pairs are compared word by word, case-folded, punctuation ignored."""

    def norm(pairs: Mapping[tuple[str, str], int]) -> dict[tuple[tuple[str, ...], ...], int]:
        out: dict[tuple[tuple[str, ...], ...], int] = {}
        for (a, b), n in pairs.items():
            key = (_swap_words(a), _swap_words(b))
            out[key] = out.get(key, 0) + n
        return out

    g, f = norm(gold), norm(found)
    right = sum(min(n, g.get(k, 0)) for k, n in f.items())
    n_gold, n_found = sum(g.values()), sum(f.values())
    precision = right / n_found if n_found else 1.0
    recall = right / n_gold if n_gold else 1.0
    return {
        "gold": n_gold,
        "found": n_found,
        "right": right,
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
    }


# --------------------------------------------------------------------------------------------
# Clough & Stevenson
# --------------------------------------------------------------------------------------------


def clough_class(comparison: Mapping[str, Any]) -> str:
    """Map an engine comparison to a Clough-Stevenson category: ``non`` when the verdict is
    independent (or nothing derived was found), otherwise the derived label covering the most
    target characters (verbatim -> cut, edited -> light, paraphrased -> heavy; ties go to the
    lighter rewrite)."""
    if comparison.get("verdict") == "independent":
        return "non"
    chars = {lab: 0 for lab in DERIVED_LABELS}
    for p in comparison.get("passages", []):
        lab = p.get("label")
        if lab in chars:
            chars[lab] += sum(span_len(s) for s in merge_spans(p.get("target_spans") or []))
    best = max(DERIVED_LABELS, key=lambda lab: (chars[lab], -DERIVED_LABELS.index(lab)))
    if chars[best] == 0:
        return "non"
    return CLOUGH_LABEL_TO_CLASS[best]


def derived_or_not(category: str) -> str:
    """Collapse the four Clough-Stevenson categories to the binary question."""
    return "non" if category == "non" else "derived"


# --------------------------------------------------------------------------------------------
# Derivation trees against a family's gold sources
# --------------------------------------------------------------------------------------------


def tree_scores(
    gold_edges: Iterable[tuple[str, str]],
    gold_independent: Iterable[str],
    edges: Iterable[tuple[str, str]],
    independent: Iterable[str],
) -> dict[str, tuple[int, int]]:
    """(right, out of) counts for a predicted tree against gold (source, copy) edges.

    ``parents``: copies whose predicted parent is their gold source. ``directions``: gold
    pairs the tree joins by an edge (either way) that it draws source -> copy. ``independent``:
    versions written independently that are nobody's child (lost originals included: an
    independent story hung under a lost original is drawn as a copy)."""
    gold_edges = set(gold_edges)
    parent = {c: p for p, c in edges}
    joined = {frozenset(e) for e in edges}
    parents = sum(1 for s, v in gold_edges if parent.get(v) == s)
    linked = [(s, v) for s, v in gold_edges if frozenset((s, v)) in joined]
    directions = sum(1 for s, v in linked if parent.get(v) == s)
    alone = set(independent)
    gold_independent = list(gold_independent)
    free = sum(1 for v in gold_independent if v in alone or v not in parent)
    return {
        "parents": (parents, len(gold_edges)),
        "directions": (directions, len(linked)),
        "independent": (free, len(gold_independent)),
    }
