"""Word diffs read as whole words and rebuild both sides; swaps are found in them."""

from __future__ import annotations

from tui.core.diffing import substitutions, tally, word_diff


def test_word_diff_rebuilds_both_texts() -> None:
    src = "Its data centre in Memphis , dub Colossus , is say to be the largest"
    tgt = "The company’s data center in Memphis, dubbed Colossus, is said to be the largest"
    diff = word_diff(src, tgt)
    source_side = "".join(t for op, t in diff if op != "insert")
    assert "".join(source_side.split()) == "".join(src.split())
    assert "".join(t for op, t in diff if op != "delete") == tgt
    # Whole words only: on each side, no operation boundary falls inside a word.
    for skip in ("insert", "delete"):
        side = [t for op, t in diff if op != skip]
        for left, right in zip(side, side[1:], strict=False):
            assert not (left[-1:].isalnum() and right[:1].isalnum()), (left, right)


def test_spinner_swaps_become_substitutions() -> None:
    src = "Most companies hope to ramp up out atomic energy to power their demand ."
    tgt = "Most companies aim to build out nuclear energy to power their demands."
    found = {(s.source, s.target) for s in substitutions(word_diff(src, tgt))}
    assert ("atomic", "nuclear") in found
    assert ("hope", "aim") in found


def test_insertions_are_not_swaps() -> None:
    diff = word_diff("a reported 400 million users", "a reported400 million weekly users")
    assert substitutions(diff) == []


def test_identical_texts_give_one_equal_op() -> None:
    assert word_diff("Same words.", "Same words.") == [("equal", "Same words.")]


def test_tally_counts_repeats_deterministically() -> None:
    subs = substitutions(word_diff("the fellowship said", "the company said"))
    subs += substitutions(word_diff("a fellowship grew", "a company grew"))
    assert [(s.source, s.target, s.count) for s in tally(subs)] == [("fellowship", "company", 2)]
