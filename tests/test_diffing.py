"""Word diffs read as whole words and rebuild both sides; swaps are found in them."""

from __future__ import annotations

import importlib
import itertools
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import diffing
from tui.core.diffing import MAX_TOKENS, is_spacing, substitutions, tally, word_diff

from .conftest import SEEDS


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


def _swaps(src: str, tgt: str) -> list[tuple[str, str]]:
    return [(s.source, s.target) for s in substitutions(word_diff(src, tgt))]


def test_swaps_inside_a_long_edit_are_split_into_word_pairs() -> None:
    """A sentence of the seeds the spinner touched word after word: the diff's cleanup makes
    the end one long change, and the kept word "transition" pins each swap to its slot."""
    src = (
        "Most companies hope to ramp up out atomic energy to power their demand , which could "
        "be a overconfident for the unripened get-up-and-go transition , butbuilding out "
        "nuclear take many years ."
    )
    tgt = (
        "Most companies aim to build out nuclear energy to power their demands, which could "
        "be a positive step for the green energy transition."
    )
    found = _swaps(src, tgt)
    assert ("unripened", "green") in found
    assert ("get-up-and-go", "energy") in found
    assert ("overconfident", "positive step") in found  # one word for two
    assert ("ramp up", "build") in found  # two words for one
    assert all(len(a.split()) <= 2 and len(b.split()) <= 2 for a, b in found), found


def test_rewritten_phrases_are_not_swaps() -> None:
    """Three words for four is rewriting; a dash between two words parts two phrases ("labor
    — mostly" for "projects"); a word for four is an insertion around a change, as in "and"
    -> "the companies involved will" of the seeds."""
    assert _swaps(
        "It is better to control your own destiny",
        "The company likely wants to control its own destiny",
    ) == [("your", "its")]
    assert _swaps(
        "focus on investments — include energy labor — mostly in the US",
        "focus on investments, particularly energy projects in the United States",
    ) == [("include", "particularly"), ("US", "United States")]
    assert _swaps("the AIP , and focus on", "the AIP, the companies involved will focus on") == []


def test_a_function_word_against_a_content_word_is_no_swap() -> None:
    """Sentences of the news families where a deletion sits beside an insertion: the words
    realigned by position are no replacement of one another."""
    assert _swaps("a hedge but it stood", "a hedge system stood") == []
    assert _swaps("aid sent in cash", "aid sent for poorer cash") == []
    assert _swaps("sales fell on the day", "sales dropped in the day") == [
        ("fell", "dropped"),
        ("on", "in"),
    ]


def test_grammar_that_follows_a_rewording_is_no_swap() -> None:
    """helper-52's spun copy: "an offer" for "a share" was listed as two swaps, "a" -> "an"
    six times over; "they" for "it" follows a plural put for a singular. Function words put
    for function words in agreement are grammar, not what a spinner or a subeditor chose;
    "for" put for "against" changes what is said, and is listed."""
    assert _swaps("it had been 4.1p a share last year", "it had been 4.1p an offer last year") == [
        ("share", "offer")
    ]
    assert _swaps("the company said it would cut", "the firms said they would cut") == [
        ("company", "firms")
    ]
    assert _swaps("the council voted against the plan", "the council voted for the plan") == [
        ("against", "for")
    ]


def test_words_every_story_has_are_swapped_like_content_words() -> None:
    """Retrieval ignores "new" and "said" (every story has them), yet a spinner swaps them as
    any other word (the seeds' "unexampled deal"); and they are no function word that a
    grammatical word could stand in for."""
    assert _swaps("The unexampled deal with Microsoft", "The new deal with Microsoft") == [
        ("unexampled", "new")
    ]
    assert _swaps("He stated on Monday", "He said on Monday") == [("stated", "said")]
    assert _swaps("The chairman said the club", "The chairman that the club") == []


def test_inflections_are_not_swaps_but_derived_words_are() -> None:
    assert (
        _swaps(
            "a city , dub Colossus , with its demand", "a city, dubbed Colossus, with its demands"
        )
        == []
    )
    assert _swaps("such long - terminus projects", "such long-term projects") == [
        ("terminus", "term")
    ]
    assert _swaps("its significant powerfulness demands", "its significant power demands") == [
        ("powerfulness", "power")
    ]


def test_two_forms_of_one_word_are_no_swap() -> None:
    """ "replied" for "replying" is a change of tense (both "reply"), not a word swapped for
    another; a swap of two different verbs in the same forms stays."""
    src = 'Footage captured him shouting, and Pruett replying "Say that again" before the blow.'
    assert _swaps(src, src.replace("replying", "replied")) == []
    assert _swaps(src, src.replace("shouting", "yelling")) == [("shouting", "yelling")]
    assert _swaps("the firm stopped its work", "the firm stopping its work") == []
    assert _swaps("the firm hoped to grow", "the firm hoping to grow") == []


def test_a_word_disguised_with_look_alike_letters_is_no_swap() -> None:
    """ "jаiled" with a Cyrillic "а" reads as "jailed": listed as a swap to a rarer word it
    showed two identical words; the report's banner names the disguise instead."""
    src = "The pensioner was jailed yesterday for the attack on his neighbour."
    disguised = src.replace("jailed", "j\u0430iled").replace("yesterday", "yesterd\u0430y")
    assert _swaps(src, disguised) == []
    assert _swaps(src, src.replace("jailed", "imprisoned")) == [("jailed", "imprisoned")]


def test_words_that_changed_places_are_no_swap() -> None:
    """Reordered clauses leave each word on both sides: "manslaughter" stands where
    "murder" stood, but the copy kept both (a listed swap would say it changed the
    verdict)."""
    src = "A jury cleared Pruett of murder but convicted him of manslaughter."
    tgt = "Jurors convicted Pruett of manslaughter after clearing him of murder."
    assert ("manslaughter", "murder") not in _swaps(src, tgt)
    assert _swaps(src, src.replace("cleared", "acquitted")) == [("cleared", "acquitted")]


def test_a_slot_pinned_by_nothing_but_the_is_no_swap() -> None:
    """A sentence of the news families rewritten whole shares "the" and the full stop with
    its source: "kitchen counter" for "research" is a pairing by position. The same words
    kept around a slot by the diff itself pin it, even when they are function words."""
    assert (
        _swaps(
            "of Lakeshore Medical College in Chicago, who led the research.",
            "of Lakeshore Medical College in Chicago said participants were asked for nothing "
            "more than 12 minutes beside the kitchen counter.",
        )
        == []
    )
    assert _swaps(
        "Pruett went out into the lane to confront him and punched him once in the face.",
        "Pruett stormed out and decked him with one punch.",
    ) == [("went", "stormed"), ("punched", "decked")]


def test_two_for_two_is_word_for_word_only_when_each_half_is() -> None:
    """ "take over" for "succeed him" (the cricket story) is one verb for another, not "take"
    for "succeed" and "over" for "him"; "their" for "the" in the same kind of slot is a swap;
    a list ("pushing, pulling") splits word for word, a phrase across a comma does not."""
    assert (
        _swaps(
            "Quilty was the obvious candidate to succeed him, but that no decision",
            "Quilty was the obvious candidate to take over but that no decision",
        )
        == []
    )
    assert _swaps("in the Berkshire village", "in their Berkshire village") == [("the", "their")]
    assert _swaps(
        "act as conveyor belts pushing, pulling, and carrying the plates",
        "act as conveyor belts agitate , wrench , and carrying the plates",
    ) == [("pushing", "agitate"), ("pulling", "wrench")]
    assert _swaps(
        "The exercises, which include standing on one leg",
        "The six moves include balancing on one leg",
    ) == [("standing", "balancing")]


def test_function_words_pair_only_within_their_kind() -> None:
    """ "not" for "why" or "not" for "'s" is two slots paired by position; a word of no kind
    is a kind of its own, and every kind is made of words the stop list calls grammar (a
    word outside it is a content word to these rules and would never be paired by kind)."""
    assert _swaps("It was not clear why.", "It was why clear not.") == []
    assert _swaps("Musk ’s firm grew", "Musk not firm grew") == []
    assert _swaps("sales fell on the day", "sales fell in the day") == [("on", "in")]
    assert all(kind <= diffing._GRAMMAR for kind in diffing._KINDS)


def test_a_run_of_more_distinct_words_than_unicode_has_code_points() -> None:
    """Hostile input: one 'sentence' of 70,000 distinct words on each side."""
    src = "Start " + " ".join(f"a{i}" for i in range(70000)) + " end"
    tgt = "Start " + " ".join(f"b{i}" for i in range(70000)) + " end"
    assert _swaps(src, tgt) == []


def test_changed_figures_are_facts_not_swaps() -> None:
    """A spinner does not change a figure: "twelve" for "three", "96 million" for "96m" and
    "59" for a name are edits the diff shows, not word swaps. A figure inside a phrase still
    swaps ("12-year feud" for "dispute")."""
    assert _swaps("was paid £96m in the final year", "was paid £96 million in the final year") == []
    assert _swaps("jailed for three years", "jailed for twelve years") == []
    assert _swaps("the third time he came", "the 3rd time he came") == []
    assert _swaps("Mr Vane's widow, Maureen, said", "Mr Vane's widow Maureen, 59, said") == []
    assert _swaps(
        "a single punch during a dispute over a hedge",
        "a single punch during a 12-year feud over a hedge",
    ) == [("dispute", "12-year feud")]


def test_insertions_are_not_swaps() -> None:
    diff = word_diff("a reported 400 million users", "a reported400 million weekly users")
    assert substitutions(diff) == []


def test_identical_texts_give_one_equal_op() -> None:
    assert word_diff("Same words.", "Same words.") == [("equal", "Same words.")]


def test_tally_counts_repeats_deterministically() -> None:
    subs = substitutions(word_diff("the fellowship said", "the company said"))
    subs += substitutions(word_diff("a fellowship grew", "a company grew"))
    assert [(s.source, s.target, s.count) for s in tally(subs)] == [("fellowship", "company", 2)]


# ------------------------------------------------------------------- exact sides, any input


# Words, spacing of every kind, punctuation and other scripts: what documents hold.
def _pieces(draw_list: list[str]) -> str:
    return "".join(draw_list)


_DOC = st.lists(
    st.sampled_from(
        ["the", "cat", "sat", "$", "12", ",", ".", "’", "é", "日本", " ", "  ", "\n", "\t", "\r\n"]
    ),
    max_size=40,
).map(_pieces)


def _sides(diff: list[tuple[str, str]]) -> tuple[str, str]:
    return (
        "".join(t for op, t in diff if op != "insert"),
        "".join(t for op, t in diff if op != "delete"),
    )


@settings(max_examples=300, deadline=None)
@given(_DOC, _DOC, st.sampled_from([1, 3, 8, MAX_TOKENS]))
def test_both_sides_are_exactly_the_texts(source: str, target: str, cap: int) -> None:
    """Joining equal and deleted text gives the source character for character, equal and
    inserted the target, at any size bound (word, sentence and whole-text diffs alike)."""
    diff = word_diff(source, target, cap)
    assert _sides(diff) == (source, target)
    assert all(text for _, text in diff) or diff == [("equal", "")]
    assert all(a[0] != b[0] for a, b in zip(diff, diff[1:], strict=False))


@settings(max_examples=200, deadline=None)
@given(_DOC, st.lists(st.sampled_from([" ", "  ", "\n", "\t", "\r\n"]), min_size=1, max_size=60))
def test_spacing_alone_is_never_an_edit(text: str, spacing: list[str]) -> None:
    """Re-spaced text (spacing added, dropped, line breaks for spaces) differs only in spacing
    ops: no word is deleted or inserted and no swap is found."""
    words = text.split()
    respaced = "".join(w + spacing[k % len(spacing)] for k, w in enumerate(words))
    diff = word_diff(text, respaced)
    assert _sides(diff) == (text, respaced)
    assert all(is_spacing(t) for op, t in diff if op != "equal"), diff
    assert substitutions(diff) == []


def test_spaced_figures_are_quoted_as_the_file_has_them() -> None:
    """The misquote the report made: the file says "$ 12 billion ... 2023 , nearly"."""
    src = "The company raised $ 12 billion in 2023 , nearly double"
    tgt = "The firm raised $12 billion in 2023, nearly double"
    diff = word_diff(src, tgt)
    assert _sides(diff) == (src, tgt)
    assert [s.source for s in substitutions(diff)] == ["company"]
    assert [t for op, t in diff if op != "equal" and not is_spacing(t)] == ["company", "firm"]


def test_long_passages_are_diffed_sentence_by_sentence_within_the_bound() -> None:
    """Past the bound a passage is diffed sentence by sentence, and word by word inside the
    changed sentences: the swap is still found, and both sides stay exact."""
    sentences = [f"Sentence {k} says the council met on day {k}." for k in range(60)]
    src = " ".join(sentences)
    changed = sentences[:]
    changed[30] = "Sentence 30 says the assembly met on day 30."
    tgt = "\n".join(changed)
    assert len(src.split()) > 400
    small = word_diff(src, tgt, max_tokens=50)
    assert _sides(small) == (src, tgt)
    assert [(s.source, s.target) for s in substitutions(small)] == [("council", "assembly")]
    assert [(s.source, s.target) for s in substitutions(word_diff(src, tgt))] == [
        ("council", "assembly")
    ]


# ----------------------------------------------------------------- bounded by size, not time


def _seed_passage() -> tuple[str, str]:
    """A merged passage from the seeds: the first 20 sentences of a story and of a spun copy."""
    from tui.core.loading import load_document
    from tui.core.segment import segment

    docs = []
    for name in ("001_31fc123e83c1cc46.txt", "000_dcce54c3826141f5.txt"):
        doc = load_document(SEEDS / name)
        segment(doc)
        docs.append(" ".join(doc.sentence_text(i) for i in range(20)))
    return docs[0], docs[1]


def test_the_same_passage_gives_the_same_diff_on_a_busy_machine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """diff-match-patch stops at a wall-clock deadline; on a loaded machine the same passage
    came out coarser. Here every clock reading is a second later than the last, as if the CPU
    were busy: the diff must not change."""
    src, tgt = _seed_passage()
    calm = word_diff(src, tgt)
    clock = itertools.count(start=1_000_000)
    dmp_module = importlib.import_module("diff_match_patch.diff_match_patch")
    monkeypatch.setattr(dmp_module, "time", SimpleNamespace(time=lambda: float(next(clock))))
    busy = word_diff(src, tgt)
    assert busy == calm
    assert len(calm) > 20  # a real word diff, not one deletion and one insertion


def test_a_name_for_a_plain_word_is_no_swap() -> None:
    """A name put where a plain word or another name stood is a slot the realignment paired
    by position (the diplomat's nationality for "said", a place for a weekday), not a word a
    spinner or a subeditor swapped; an abbreviation for its word, or "yesterday" for a
    weekday, is."""
    pairs = [
        (
            '"Nobody was responsible for it," Ghanaian diplomat Kojo Asante said.',
            "\u201cNobody was responsible for it,\u201d said Kojo Asante said.",
            [],
        ),
        (
            "Negotiators on Thursday repeatedly cited the case.",
            "Negotiators in Geneva repeatedly cited the case.",
            [("on", "in")],
        ),
        (
            "It aired on Television last night.",
            "It aired on TV last night.",
            [("Television", "TV")],
        ),
        (
            "He spoke on Monday to the court.",
            "He spoke yesterday to the court.",
            [("on Monday", "yesterday")],
        ),
        (
            "Later the cat sat on the mat.",
            "Afterwards the feline sat on the mat.",
            [("Later", "Afterwards"), ("cat", "feline")],
        ),
        # Another name: another person, or a correction (f03's Mirror, "Castle" for "Lorna").
        (
            "The host then hugged Lorna on stage.",
            "The host then hugged Castle on stage.",
            [],
        ),
        # A capitalised term for another is a tortured phrase, not a name.
        (
            "Researchers in Artificial Intelligence disagree.",
            "Researchers in Counterfeit Consciousness disagree.",
            [("Artificial", "Counterfeit"), ("Intelligence", "Consciousness")],
        ),
    ]
    # A headline in title case: its capitals name nothing.
    pairs.append(
        (
            "Mayor Opens New Bridge Over River",
            "Mayor unveils new bridge over river",
            [("Opens", "unveils")],
        )
    )
    for old, new, swaps in pairs:
        found = [(s.source, s.target) for s in substitutions(word_diff(old, new))]
        assert found == swaps, old
