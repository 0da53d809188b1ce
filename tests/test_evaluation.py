"""Hand-worked cases for the benchmark's scoring functions (benchmarks/evaluation.py)."""

from __future__ import annotations

import math

import pytest

from benchmarks.accuracy import NOT_TAKEN
from benchmarks.evaluation import (
    classification_scores,
    clough_class,
    covered_chars,
    derived_or_not,
    f1,
    gold_agreement,
    locate_in_order,
    macro_f1,
    merge_spans,
    omission_recall,
    overlap,
    parse_pan_truth,
    plagdet,
    plagdet_score,
    regions_to_detections,
    substitution_matches,
)


def ann(this: tuple[int, int], source: tuple[int, int], pair: str = "p") -> dict:
    return {"this": this, "source": source, "pair": pair}


# ---------------------------------------------------------------- spans


def test_overlap_and_merge() -> None:
    assert overlap((0, 10), (5, 20)) == 5
    assert overlap((0, 10), (10, 20)) == 0
    assert overlap((5, 3), (0, 10)) == 0
    assert merge_spans([(5, 10), (0, 3), (2, 6), (20, 20)]) == [(0, 10)]
    assert merge_spans([(0, 2), (3, 4)]) == [(0, 2), (3, 4)]
    # Overlapping detections count shared characters once.
    assert covered_chars((0, 100), [(0, 60), (40, 80)]) == 80


# ---------------------------------------------------------------- plagdet


def test_exact_detection_is_perfect() -> None:
    m = plagdet([ann((100, 200), (0, 100))], [ann((100, 200), (0, 100))])
    assert m["precision"] == 1.0
    assert m["recall"] == 1.0
    assert m["granularity"] == 1.0
    assert m["plagdet"] == 1.0
    assert m["detected_cases"] == 1
    assert m["false_positive_detections"] == 0


def test_split_detection_has_granularity_two() -> None:
    case = ann((0, 100), (0, 100))
    dets = [ann((0, 50), (0, 50)), ann((50, 100), (50, 100))]
    m = plagdet([case], dets)
    assert m["precision"] == 1.0
    assert m["recall"] == 1.0
    assert m["granularity"] == 2.0
    assert m["plagdet"] == pytest.approx(1 / math.log2(3))


def test_half_covered_case() -> None:
    m = plagdet([ann((0, 100), (0, 100))], [ann((0, 50), (0, 50))])
    assert m["recall"] == pytest.approx(0.5)
    assert m["precision"] == 1.0
    assert m["granularity"] == 1.0
    assert m["plagdet"] == pytest.approx(f1(1.0, 0.5))  # 2/3


def test_characters_counted_in_both_documents() -> None:
    # Case: 100 chars in susp, 50 in src. Detection covers the susp side fully but only
    # 25 of the source side: recall = (100 + 25) / 150.
    m = plagdet([ann((0, 100), (0, 50))], [ann((0, 100), (25, 75))])
    assert m["recall"] == pytest.approx(125 / 150)
    # Detection: 100 + 50 chars, of which 100 + 25 lie in the case.
    assert m["precision"] == pytest.approx(125 / 150)


def test_detection_must_overlap_in_both_documents() -> None:
    # Same suspicious span, but the source side points elsewhere: not a detection of it.
    m = plagdet([ann((0, 100), (0, 100))], [ann((0, 100), (500, 600))])
    assert m["recall"] == 0.0
    assert m["precision"] == 0.0
    assert m["plagdet"] == 0.0
    assert m["false_positive_detections"] == 1
    assert m["detected_cases"] == 0
    assert m["granularity"] == 1.0


def test_different_pairs_never_interact() -> None:
    m = plagdet([ann((0, 100), (0, 100), "a")], [ann((0, 100), (0, 100), "b")])
    assert m["recall"] == 0.0
    assert m["precision"] == 0.0


def test_no_cases_and_no_detections() -> None:
    m = plagdet([], [])
    assert m["precision"] == 1.0
    assert m["recall"] == 1.0
    assert m["granularity"] == 1.0
    assert m["plagdet"] == 1.0


def test_detections_without_cases_score_zero() -> None:
    m = plagdet([], [ann((0, 10), (0, 10))])
    assert m["precision"] == 0.0
    assert m["recall"] == 0.0
    assert m["plagdet"] == 0.0
    assert m["false_positive_detections"] == 1


def test_cases_without_detections_score_zero() -> None:
    m = plagdet([ann((0, 10), (0, 10))], [])
    assert m["recall"] == 0.0
    assert m["plagdet"] == 0.0


def test_macro_average_over_cases_and_detections() -> None:
    # Case A fully found by one exact detection; case B missed; one false positive.
    cases = [ann((0, 100), (0, 100)), ann((300, 400), (300, 400))]
    dets = [ann((0, 100), (0, 100)), ann((1000, 1100), (1000, 1100))]
    m = plagdet(cases, dets)
    assert m["recall"] == pytest.approx(0.5)
    assert m["precision"] == pytest.approx(0.5)
    assert m["granularity"] == 1.0
    assert m["plagdet"] == pytest.approx(0.5)


def test_granularity_counts_only_detected_cases() -> None:
    # Case A split in 3, case B found once, case C missed: granularity (3 + 1) / 2 = 2.
    cases = [ann((0, 90), (0, 90)), ann((200, 300), (200, 300)), ann((500, 600), (500, 600))]
    dets = [
        ann((0, 30), (0, 30)),
        ann((30, 60), (30, 60)),
        ann((60, 90), (60, 90)),
        ann((200, 300), (200, 300)),
    ]
    m = plagdet(cases, dets)
    assert m["granularity"] == pytest.approx(2.0)
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["precision"] == 1.0
    assert m["plagdet"] == pytest.approx(f1(1.0, 2 / 3) / math.log2(3))


def test_empty_annotations_are_ignored() -> None:
    m = plagdet([ann((0, 100), (0, 100))], [ann((0, 100), (0, 100)), ann((50, 50), (0, 0))])
    assert m["detections"] == 1
    assert m["ignored_detections"] == 1
    assert m["plagdet"] == 1.0


def test_plagdet_score_formula() -> None:
    assert plagdet_score(0.0, 0.0, 1.0) == 0.0
    assert plagdet_score(0.8, 0.6, 1.0) == pytest.approx(2 * 0.8 * 0.6 / 1.4)
    assert plagdet_score(1.0, 1.0, 3.0) == pytest.approx(0.5)


def test_parse_pan_truth() -> None:
    xml = """<document reference="suspicious-document00795.txt">
<feature name="plagiarism" obfuscation="none" source_length="344" source_offset="0"
 source_reference="source-document02132.txt" this_length="344" this_offset="475" />
<feature name="about" authors="x" />
<feature name="plagiarism" source_length="807" source_offset="556" this_length="800"
 this_offset="3090" />
</document>"""
    assert parse_pan_truth(xml) == [
        {"this": (475, 819), "source": (0, 344)},
        {"this": (3090, 3890), "source": (556, 1363)},
    ]
    assert parse_pan_truth('<document reference="x.txt">\n</document>') == []


def test_regions_to_detections_keeps_derived_only() -> None:
    regions = [
        {"label": "verbatim", "source_span": [0, 10], "target_span": [5, 15]},
        {"label": "added", "source_span": [10, 10], "target_span": [15, 40]},
        {"label": "paraphrased", "source_span": [10, 30], "target_span": [40, 60]},
        {"label": "omitted", "source_span": [30, 50], "target_span": [60, 60]},
    ]
    assert regions_to_detections(regions) == [
        {"this": (5, 15), "source": (0, 10)},
        {"this": (40, 60), "source": (10, 30)},
    ]


# ---------------------------------------------------------------- classification


def test_macro_f1_small_confusion() -> None:
    gold = ["a", "a", "a", "b", "b", "c"]
    pred = ["a", "a", "b", "b", "c", "c"]
    s = classification_scores(gold, pred)
    # a: P=2/2 R=2/3 F=0.8; b: P=1/2 R=1/2 F=0.5; c: P=1/2 R=1/1 F=2/3
    assert s["accuracy"] == pytest.approx(4 / 6)
    assert s["per_label"]["a"]["f1"] == pytest.approx(0.8)
    assert s["per_label"]["b"]["f1"] == pytest.approx(0.5)
    assert s["per_label"]["c"]["f1"] == pytest.approx(2 / 3)
    assert s["macro_f1"] == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert macro_f1(gold, pred) == pytest.approx(s["macro_f1"])
    assert s["confusion"] == {"a": {"a": 2, "b": 1}, "b": {"b": 1, "c": 1}, "c": {"c": 1}}


def test_macro_f1_fixed_labels_and_stray_predictions() -> None:
    gold = ["x", "y", "y"]
    pred = ["x", "error", "y"]
    s = classification_scores(gold, pred, labels=["x", "y"])
    # x: F=1; y: P=1 R=1/2 F=2/3; the "error" prediction is no class of its own.
    assert set(s["per_label"]) == {"x", "y"}
    assert s["macro_f1"] == pytest.approx((1 + 2 / 3) / 2)
    assert s["accuracy"] == pytest.approx(2 / 3)
    # A label never predicted has F1 = 0 (zero_division = 0).
    assert (
        classification_scores(["x", "y"], ["x", "x"], labels=["x", "y"])["per_label"]["y"]["f1"]
        == 0.0
    )


def test_clough_class_mapping() -> None:
    comp = {
        "verdict": "partially-derived",
        "passages": [
            {"label": "verbatim", "target_spans": [[0, 30]]},
            {"label": "paraphrased", "target_spans": [[30, 60], [70, 100]]},
            {"label": "added", "target_spans": [[100, 500]]},
        ],
    }
    assert clough_class(comp) == "heavy"  # 60 paraphrased chars beat 30 verbatim
    assert clough_class({**comp, "verdict": "independent"}) == "non"
    assert clough_class({"verdict": "wholly-derived", "passages": []}) == "non"
    tie = {
        "verdict": "wholly-derived",
        "passages": [
            {"label": "edited", "target_spans": [[0, 10]]},
            {"label": "verbatim", "target_spans": [[10, 20]]},
        ],
    }
    assert clough_class(tie) == "cut"
    assert [derived_or_not(c) for c in ("cut", "light", "heavy", "non")] == [
        "derived",
        "derived",
        "derived",
        "non",
    ]


# ---------------------------------------------------------------- seeds vs gold


def test_locate_in_order_maps_repeats_in_order() -> None:
    text = "Hi. Yes. Hi. No."
    assert locate_in_order(text, ["Hi.", "Hi.", "No.", "Gone."]) == [
        (0, 3),
        (9, 12),
        (13, 16),
        None,
    ]
    # Out of order: falls back to the first occurrence.
    assert locate_in_order(text, ["No.", "Yes."]) == [(13, 16), (4, 8)]


def test_gold_agreement_picks_passage_with_most_overlap() -> None:
    source = "Alpha one. Beta two."
    target = "Alpha one. New text here. Beta 2."
    passages = [
        {"label": "verbatim", "source_spans": [[0, 10]], "target_spans": [[0, 10]]},
        {"label": "added", "source_spans": [], "target_spans": [[10, 26]]},
        {"label": "edited", "source_spans": [[11, 20]], "target_spans": [[26, 33]]},
        {"label": "omitted", "source_spans": [[11, 20]], "target_spans": []},
    ]
    gold = [
        {"text": "Alpha one.", "label": "verbatim", "sources": ["Alpha one."]},
        {"text": "New text here.", "label": "added", "sources": []},
        {"text": "Beta 2.", "label": "paraphrased", "sources": ["Alpha one."]},
    ]
    recs = gold_agreement(target, source, gold, passages)
    assert [r["predicted"] for r in recs] == ["verbatim", "added", "edited"]
    assert [r["gold"] == r["predicted"] for r in recs] == [True, True, False]
    # Third sentence's predicted source (Beta two.) is not the gold source (Alpha one.).
    assert recs[0]["source_match"] is True
    assert recs[2]["source_match"] is False
    assert "source_match" not in recs[1]


def test_gold_agreement_without_passages_or_text() -> None:
    recs = gold_agreement(
        "abc def",
        "src",
        [
            {"text": "abc", "label": "added", "sources": []},
            {"text": "zzz", "label": "edited", "sources": ["src"]},
        ],
        [],
    )
    assert [r["predicted"] for r in recs] == ["none", "missing"]
    assert recs[1]["source_match"] is False


def test_omission_recall() -> None:
    source = "One one. Two two. Three three."
    passages = [
        {"label": "omitted", "source_spans": [[0, 8]], "target_spans": []},
        {"label": "omitted", "source_spans": [[18, 22]], "target_spans": []},  # 4/12 of "Three"
        {"label": "verbatim", "source_spans": [[9, 17]], "target_spans": [[0, 8]]},
    ]
    om = omission_recall(source, ["One one.", "Three three."], passages)
    assert om["found"] == 1
    assert om["recall"] == pytest.approx(0.5)
    assert om["char_recall"] == pytest.approx((8 + 4) / (8 + 12))
    assert om["char_precision"] == 1.0
    # The source's furniture a version lacks is labelled boilerplate: counted when asked.
    furniture = [*passages, {"label": "boilerplate", "source_spans": [[18, 30]]}]
    assert omission_recall(source, ["One one.", "Three three."], furniture)["found"] == 1
    both = omission_recall(source, ["One one.", "Three three."], furniture, labels=NOT_TAKEN)
    assert both["found"] == 2


def test_substitution_matches_strict_and_contained() -> None:
    gold = [
        {"original": "artificial intelligence", "spun": "contrived intelligence"},
        {"original": "win", "spun": "gain ground"},
        {"original": "based", "spun": "ground"},
        {"original": "cool", "spun": "chilly"},
    ]
    found = [
        {"from": "Contrived  Intelligence", "to": "artificial intelligence", "count": 1},
        {"from": "to gain ground again", "to": "to win again", "count": 1},
        {"from": "background", "to": "basedness", "count": 1},  # not on word boundaries
    ]
    m = substitution_matches(gold, found)
    assert m["total"] == 4
    assert m["strict"] == 1
    assert m["contained"] == 2
    assert [g["spun"] for g in m["missed"]] == ["ground", "chilly"]
