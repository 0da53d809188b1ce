"""Short distinct version names (tui.present.names), on real file-name shapes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.contract import report_to_json
from tui.core.engine import compare_paths
from tui.present.names import LIMIT, letters, strip_common_words, version_names
from tui.report import render
from tui.sample_family import PREFIX, RENAMED

from .conftest import need_data, seed_paths


def test_newspaper_names_lose_the_words_they_share() -> None:
    ids = [f"{PREFIX}{paper}" for paper in ("guardian", "times", "sun", "guardian_spun")]
    names = version_names(ids)
    assert [names(i) for i in ids] == ["guardian", "times", "sun", "guardian_spun"]
    assert not names.lettered and names.shortened
    assert names.legend() == [(names(i), i) for i in ids]


def test_a_shared_ending_goes_too() -> None:
    ids = ["bbc_story_2023-01-05", "cnn_story_2023-01-05", "fox_story_2023-01-05"]
    assert [version_names(ids)(i) for i in ids] == ["bbc", "cnn", "fox"]


def test_dated_names_beside_a_bare_one_keep_their_own_words() -> None:
    """A news family as it arrives (benchmarks/data/news/f01-courts-fraud): the papers'
    files dated, a later one a day on, the agency copy bare. No word is shared at the same
    place by all, yet each paper is one word only it has."""
    ids = [f"12.03.26_courts114_{p}" for p in ("express", "guardian", "telegraph")]
    ids += ["13.03.26_courts114_niddgazette", "wire"]
    names = version_names(ids)
    assert not names.lettered
    assert [names(i) for i in ids] == ["express", "guardian", "telegraph", "niddgazette", "wire"]


def test_the_seeds_keep_their_names() -> None:
    ids = [p.rsplit("/", 1)[-1].removesuffix(".txt") for p in seed_paths()]
    names = version_names(ids)
    assert [names(i) for i in ids] == ids
    assert not names.shortened and names.legend() == []


def test_a_name_is_never_emptied() -> None:
    # "story" is all of one name: nothing can be stripped without emptying it.
    assert strip_common_words(["story", "story_copy"]) == ["story", "story_copy"]
    assert strip_common_words(["a_x", "a_x_y"]) == ["x", "x_y"]


def test_names_with_nothing_in_common_are_lettered() -> None:
    ids = [
        "a long headline about the chip deal, first copy",
        "completely different words for the second one",
        "x",
    ]
    names = version_names(ids)
    assert names.lettered
    assert [names(i) for i in ids] == ["A", "B", "C"]
    assert names.legend() == [("A", ids[0]), ("B", ids[1]), ("C", ids[2])]


def test_letters_go_on_past_z() -> None:
    assert letters(28)[:3] == ["A", "B", "C"]
    assert letters(28)[25:] == ["Z", "AA", "AB"]


def test_unknown_ids_read_as_themselves() -> None:
    names = version_names([f"{PREFIX}guardian", f"{PREFIX}times"])
    assert names("~lost-original") == "~lost-original"


def test_rename_replaces_whole_ids_only() -> None:
    guardian, spun, times = (f"{PREFIX}{p}" for p in ("guardian", "guardian_spun", "times"))
    names = version_names([guardian, spun, times])
    text = f"{spun} is not from {guardian}: {times} has the rarer word ({guardian}.txt)"
    assert names.rename(text) == (
        "guardian_spun is not from guardian: times has the rarer word (guardian.txt)"
    )
    assert version_names(["a", "b"]).rename("a b c") == "a b c"  # nothing shortened


@pytest.mark.parametrize("papers", [list(RENAMED.values()), ["one", "two"]])
def test_the_sample_family_is_named_by_paper(papers: list[str]) -> None:
    ids = [f"{PREFIX}{p}" for p in papers]
    assert [version_names(ids)(i) for i in ids] == papers


_word = st.text(alphabet="abcdefghij0123456789", min_size=1, max_size=6)
_name = st.lists(_word, min_size=1, max_size=5).map("_".join)


@given(st.lists(_name, min_size=1, max_size=12, unique=True))
def test_short_names_are_distinct_and_short(ids: list[str]) -> None:
    names = version_names(ids)
    shorts = [names(i) for i in ids]
    assert len(set(shorts)) == len(ids)
    assert all(s for s in shorts)
    assert names.lettered or all(len(s) <= LIMIT for s in shorts)
    if not names.lettered:
        # Each short name is a run of whole words of its id.
        assert all(s in i for s, i in zip(shorts, ids, strict=True))


def test_ids_that_are_everyday_words_are_not_renamed_inside_sentences(tmp_path: Path) -> None:
    """Versions lettered because one name is long, two of them called ``end`` and ``slug``:
    renaming ids in the engine's sentences turned the furniture list "byline, end, memo,
    rule, slug" into "byline, B, memo, rule, C" in the text report while the JSON kept the
    words. Such ids stay as they are inside sentences; the legend says which is which."""
    news = need_data("..", "news-family")
    for name, as_name in [
        ("wire", "wire"),
        ("sun", "end"),
        ("times", "slug"),
        ("guardian", "2026-11-28_the-guardian-weekend-edition_courts"),
    ]:
        (tmp_path / f"{as_name}.txt").write_bytes((news / f"{name}.txt").read_bytes())
    report = compare_paths(sorted(str(p) for p in tmp_path.glob("*.txt")))
    names = version_names([d.id for d in report.documents])
    assert names("end") != "end"  # lettered: the case this is about
    furniture = "byline, end, memo, rule, slug"
    assert furniture in report_to_json(report)
    text = render(report, "text")
    assert furniture in text and "byline, B" not in text
    assert furniture in render(report, "md")


def test_a_language_warning_names_versions_as_every_screen_does() -> None:
    """helper-49/51: the language warning gave full file stems where every other line gives
    short names; a warning with a file path keeps the path as written."""
    from tui.present.names import version_names, warning_named

    ids = ["2026-11-26_wexbury-budget_britwire", "2026-11-27_wexbury-budget_lindenaueranzeiger"]
    names = version_names(ids)
    language = (
        f"{ids[1]} reads as German, {ids[0]} as English: storytrace compares words, so a "
        f"translation of {ids[0]} reads as independent of it"
    )
    assert warning_named(language, names).startswith(
        "lindenaueranzeiger reads as German, britwire as English"
    )
    path = f"/archive/{ids[1]}.txt: binary file (ZIP archive), skipped"
    assert warning_named(path, names) == path
