"""Adversarial text, small: the inputs ``benchmarks/hostile.py`` times, built by the same
builders at a fraction of the size. Each test checks the result is right, and that the work
grows linearly with the input by counting it (the characters handed to segmentation's
regular expressions, the files read), never by timing it.
"""

from __future__ import annotations

import asyncio
import random
import re
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import tui.core.segment as seg
from benchmarks import hostile_inputs as hi
from tui.core import loading
from tui.core.cancel import Cancelled
from tui.core.engine import MAX_DOCUMENTS, CompareError, compare, compare_paths
from tui.core.loading import load_document, load_documents
from tui.core.model import Document
from tui.core.segment import (
    MAX_SENTENCE_CHARS,
    TINY_UNIT_CHARS,
    segment,
    split_paragraphs,
    split_sentences,
)
from tui.core.textnorm import features


class _CountingPattern:
    """A compiled regex that adds up the characters each call reads: up to the end of its
    match, or to the end of the text it was given when it finds none."""

    def __init__(self, pattern: re.Pattern[str], counter: Counter[str]) -> None:
        self._pattern, self._counter = pattern, counter

    def _end(self, string: str, endpos: int | None) -> int:
        return len(string) if endpos is None else min(endpos, len(string))

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        m = self._pattern.search(string, pos, self._end(string, endpos))
        # Read up to where the match ends, or to the end when there is none.
        self._counter["chars"] += (m.end() if m else self._end(string, endpos)) - pos + 1
        return m

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        m = self._pattern.match(string, pos, self._end(string, endpos))
        self._counter["chars"] += (m.end() - pos if m else 0) + 1
        return m

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator:
        end = self._end(string, endpos)
        for m in self._pattern.finditer(string, pos, end):
            self._counter["chars"] += m.end() - pos + 1
            pos = m.end()
            yield m
        self._counter["chars"] += end - pos

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list:
        end = self._end(string, endpos)
        self._counter["chars"] += end - pos
        return self._pattern.findall(string, pos, end)


class _CountingRe:
    """``re`` for the segmentation module: patterns it compiles on the fly count too."""

    def __init__(self, counter: Counter[str]) -> None:
        self._counter = counter

    def __getattr__(self, name: str) -> object:
        return getattr(re, name)

    def compile(self, pattern: str, flags: int = 0) -> _CountingPattern:
        self._counter["chars"] += len(pattern)  # compiling reads the whole pattern
        return _CountingPattern(re.compile(pattern, flags), self._counter)


def _scanned(monkeypatch: pytest.MonkeyPatch, work) -> int:  # noqa: ANN001
    """Characters segmentation's regexes are handed while ``work()`` runs."""
    counter: Counter[str] = Counter()
    with monkeypatch.context() as m:
        for name, value in vars(seg).items():
            if isinstance(value, re.Pattern):
                m.setattr(seg, name, _CountingPattern(value, counter))
        m.setattr(seg, "re", _CountingRe(counter))
        work()
    return counter["chars"]


def _grows_linearly(monkeypatch: pytest.MonkeyPatch, make, small: int) -> None:  # noqa: ANN001
    """Four times the input costs about four times the scanning (quadratic work: sixteen)."""
    a = _scanned(monkeypatch, lambda: make(small))
    b = _scanned(monkeypatch, lambda: make(4 * small))
    assert b <= 5 * a, (a, b)


def _doc(text: str) -> Document:
    return Document(
        id="d", path="d", sha256="", encoding="utf-8", text=text, size=len(text), title=""
    )


def _covered(text: str, spans: list[tuple[int, int]]) -> str:
    """The non-space characters of ``text`` the spans cover, in order."""
    return "".join("".join(text[a:b].split()) for a, b in spans)


# ---------------------------------------------------------------------- sentence repair


def test_titles_on_one_line_stay_one_sentence_cut_to_size(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Mr. " * 2000
    spans = split_sentences(text)
    # Every "Mr." is a title before a name, so no boundary is repaired in; the sentence is
    # cut into pieces only by the length limit, and nothing is lost.
    assert _covered(text, spans) == "".join(text.split())
    doc = segment(_doc(text))
    per_piece = MAX_SENTENCE_CHARS // len("Mr.")
    assert len(doc.sentences) == -(-2000 // per_piece)
    _grows_linearly(monkeypatch, lambda n: split_sentences("Mr. " * n), 2000)


def test_one_word_sentences_each_stay_one(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Go! " * 3000
    assert [text[a:b] for a, b in split_sentences(text)] == ["Go!"] * 3000
    _grows_linearly(monkeypatch, lambda n: segment(_doc("Go! " * n)), 3000)


def test_a_run_of_one_word_sentences_aligns_in_sentence_sized_units() -> None:
    doc = segment(_doc("Go! " * 3000))
    assert _covered(doc.text, [(s.start, s.end) for s in doc.sentences]) == "Go!" * 3000
    assert all(s.end - s.start <= TINY_UNIT_CHARS for s in doc.sentences)
    assert len(doc.sentences) <= 3 * 4000 // TINY_UNIT_CHARS
    # Two or three short sentences in prose stay sentences of their own.
    prose = "He asked again. No. Never. Not once. The committee then voted to adjourn."
    doc = segment(_doc(prose))
    assert [prose[s.start : s.end] for s in doc.sentences] == [
        "He asked again.",
        "No.",
        "Never.",
        "Not once.",
        "The committee then voted to adjourn.",
    ]


def test_a_stop_before_a_one_letter_word_is_no_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ". a" * 2000
    spans = split_sentences(text)
    assert _covered(text, spans) == "".join(text.split())
    assert len(spans) <= 2  # the lone "." and the rest: "a" is an initial, not a word
    _grows_linearly(monkeypatch, lambda n: split_sentences(". a" * n), 2000)


def test_lower_case_prose_on_one_line_splits_where_the_original_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = " ".join(hi.seed_text().split())
    lowered = original.lower()
    found = {a for a, _ in split_sentences(lowered)}
    expected = {a for a, _ in split_sentences(original)}
    # Only the boundaries before an opening quote are missed once nothing is capitalised.
    assert len(expected - found) <= len(expected) // 20
    assert found <= expected
    _grows_linearly(monkeypatch, lambda n: split_sentences(" ".join([lowered] * n)), 2)


# -------------------------------------------------------------------- paragraph splitting


def test_short_lines_without_stops_scan_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    words = hi.seed_words()

    def lines(n: int) -> str:
        return "".join(f"{words[k % len(words)]}\n" for k in range(n))

    text = lines(3000)
    # Lower-case lines without a stop each continue the paragraph before them.
    assert split_paragraphs(text) == [(0, len(text) - 1)]
    doc = segment(_doc(text))
    assert _covered(text, [(s.start, s.end) for s in doc.sentences]) == "".join(text.split())
    _grows_linearly(monkeypatch, lambda n: segment(_doc(lines(n))), 3000)


def test_respaced_sentences_are_found_as_the_regex_found_them() -> None:
    """The linear search that replaced a regex built from each sentence finds the same spans."""
    rng = random.Random(3)
    tokens = ["a", "b", "ab", " ", "  ", "\n", "\t", "\u00a0", ".", "Mr."]
    for _ in range(3000):
        text = "".join(rng.choice(tokens) for _ in range(rng.randint(1, 20)))
        words = "".join(rng.choice(tokens) for _ in range(rng.randint(1, 8))).split()
        if not words:
            continue
        pos = rng.randint(0, len(text))
        endpos = rng.randint(pos, len(text) + 2)
        m = re.compile(r"\s*".join(map(re.escape, words))).search(text, pos, endpos)
        assert seg._find_respaced(text, words, pos, endpos) == (m.span() if m else None)


# ----------------------------------------------------------------------- whole comparisons


@pytest.mark.parametrize(
    ("build", "size", "verdict"),
    [
        (hi.titles, 3000, "wholly-derived"),
        (hi.dot_lowercase, 3000, "wholly-derived"),
        # A run of one-word sentences is aligned in units of a sentence's size: a copy of
        # "Go! " x 3000 is a copy.
        (hi.tiny_sentences, 3000, "wholly-derived"),
        (hi.lowercase_prose, 20_000, "wholly-derived"),
        (hi.short_lines, 2000, "wholly-derived"),
        (hi.long_line, 20_000, "wholly-derived"),
        (hi.repeated_sentence, 20_000, "wholly-derived"),
        (hi.html_paragraphs, 2000, "independent"),
    ],
)
def test_adversarial_versions_compare(
    tmp_path: Path,
    build: hi.Builder,
    size: int,
    verdict: str | None,
) -> None:
    paths = build(tmp_path, size)
    report = compare_paths(paths, reference=paths[0])
    (c,) = report.comparisons
    assert verdict is None or c.verdict == verdict
    for doc in report.documents:
        spans = [(s.start, s.end) for s in doc.sentences]
        assert _covered(doc.text, spans) == "".join(doc.text.split())


def test_too_many_files_are_refused_before_any_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hi.many_files(tmp_path, MAX_DOCUMENTS + 1, size=200)
    read: list[str] = []

    def counting(path: str, max_bytes: int = 0) -> object:
        read.append(str(path))
        return load_document(path, max_bytes)

    monkeypatch.setattr(loading, "load_document", counting)
    with pytest.raises(CompareError, match=f"too many documents: {MAX_DOCUMENTS + 1} files"):
        compare_paths([str(tmp_path)])
    assert read == []


def test_as_many_files_as_allowed_still_load(tmp_path: Path) -> None:
    hi.many_files(tmp_path, 3, size=2000)
    assert loading.count_files([str(tmp_path), str(tmp_path / "v000.txt")]) == 3
    assert len(compare_paths([str(tmp_path)]).documents) == 3


def test_a_page_of_too_many_elements_is_skipped_before_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, story = hi.html_paragraphs(tmp_path, loading.MAX_HTML_ELEMENTS)
    extracted: list[int] = []
    real = loading._extract_html

    def counting(text: str) -> tuple[str, str]:
        extracted.append(len(text))
        return real(text)

    monkeypatch.setattr(loading, "_extract_html", counting)
    loaded = load_documents([page, story])
    assert [d.path for d in loaded.documents] == [story]
    assert len(extracted) == 1  # the story only
    (warning,) = loaded.warnings
    assert warning.startswith(f"{page}: web page of {loading.MAX_HTML_ELEMENTS + 2:,} elements")


# --------------------------------------------------------------------------- cancelling


def test_loading_stops_between_files_when_cancelled(tmp_path: Path) -> None:
    paths = [str(p) for p in (tmp_path / f"{k}.txt" for k in range(5))]
    for p in paths:
        Path(p).write_text("A story.", encoding="utf-8")
    asked = Counter[str]()

    def cancelled() -> bool:
        asked["n"] += 1
        return asked["n"] > 2

    with pytest.raises(Cancelled):
        load_documents(paths, cancelled=cancelled)
    assert asked["n"] == 3  # asked before each file; the third was never opened


def test_segmentation_stops_when_cancelled_and_leaves_the_document() -> None:
    doc = _doc("One sentence here. Another one.\n" * 500)
    asked = Counter[str]()

    def cancelled() -> bool:
        asked["n"] += 1
        return asked["n"] > 10

    with pytest.raises(Cancelled):
        segment(doc, cancelled)
    assert doc.paragraphs == [] and doc.sentences == []


@pytest.mark.parametrize("stage", ["segmenting", "segmented", "aligned", "compared"])
def test_a_comparison_stops_at_every_stage(tmp_path: Path, stage: str) -> None:
    paths = [str(p) for p in sorted(Path(hi.SEEDS).glob("*.txt"))]
    docs = load_documents(paths).documents
    seen: list[str] = []

    def progress(_: float, what: str) -> None:
        seen.append(what)

    with pytest.raises(Cancelled):
        compare(docs, progress=progress, cancelled=lambda: any(stage in s for s in seen))
    assert "done" not in seen


async def test_quitting_does_not_wait_for_a_step_of_the_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One step the engine cannot interrupt (extracting a big page, aligning one pair) must
    not hold the app's exit: its thread is left behind, and stops at its next check."""
    import tui.app.app as app_module

    entered, release = threading.Event(), threading.Event()

    def stuck(*args: object, **kwargs: object) -> None:
        entered.set()
        release.wait(60)

    monkeypatch.setattr(app_module, "compare_paths", stuck)
    app = app_module.StoryTraceApp([str(p) for p in sorted(Path(hi.SEEDS).glob("*.txt"))])
    try:
        async with app.run_test() as pilot:
            while not entered.is_set():
                await pilot.pause(0.01)
            await pilot.press("q")
        # Textual's thread workers run in asyncio's executor, whose threads are joined before
        # the process exits: this returns only once the worker has let go of the engine.
        # (The limit only stops a broken build from hanging the suite.)
        loop = asyncio.get_running_loop()
        await asyncio.wait_for(loop.shutdown_default_executor(), 30)
        assert not release.is_set()
    finally:
        release.set()


# ------------------------------------------------------------------ scripts without spaces

ZH_PARAGRAPHS = hi.ZH_STORY.split("\n\n")


def test_chinese_and_japanese_split_at_their_full_stops() -> None:
    first = ZH_PARAGRAPHS[0]
    assert [first[a:b] for a, b in split_sentences(first)] == hi.zh_sentences(first)
    text = "今日は晴れです。「はい、そうです。」と彼は言った。本当ですか？"
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "今日は晴れです。",
        "「はい、そうです。」",
        "と彼は言った。",
        "本当ですか？",
    ]
    doc = segment(_doc(hi.ZH_STORY))
    assert len(doc.paragraphs) == 8
    assert len(doc.sentences) == len(hi.zh_sentences(hi.ZH_STORY))
    assert {s.kind for s in doc.sentences} == {"text"}


def test_each_character_of_a_script_without_spaces_is_a_word() -> None:
    words = ["临", "江", "市", "2019", "年", "的", "gdp", "增", "长"]
    assert features("临江市2019年的GDP增长。").words == words
    assert features("東京タワー").words == ["東", "京", "タ", "ワ", "ー"]
    assert len(features("วันนี้อากาศดี").words) == len("วันนี้อากาศดี")
    english = "The mayor’s “new” café-bar opened in 2023, said Ms. Lee."
    assert features(english).words == re.findall(r"\w+", features(english).folded)


def _compare_texts(tmp_path: Path, a: str, b: str) -> tuple[str, float, Counter[str]]:
    pa, pb = tmp_path / "a.txt", tmp_path / "b.txt"
    pa.write_text(a, encoding="utf-8")
    pb.write_text(b, encoding="utf-8")
    (c,) = compare_paths([str(pa), str(pb)], reference=str(pa)).comparisons
    return c.verdict, c.coverage["target_derived"], Counter(p.label for p in c.passages)


def test_chinese_on_one_line_sharing_its_first_half_is_half_derived(tmp_path: Path) -> None:
    shared = "".join(ZH_PARAGRAPHS[:4])
    a = shared + "".join(ZH_PARAGRAPHS[4:])
    b = shared + hi.ZH_OTHER.replace("\n", "")
    verdict, derived, labels = _compare_texts(tmp_path, a, b)
    assert verdict == "partially-derived"
    assert abs(derived - len(shared) / len(b)) < 0.05
    assert labels["verbatim"] == len(hi.zh_sentences(shared))


def test_characters_without_any_break_sharing_half_are_half_verbatim(tmp_path: Path) -> None:
    a, b = hi.han_characters(tmp_path, 8000)
    (c,) = compare_paths([a, b], reference=a).comparisons
    assert c.verdict == "partially-derived"
    assert c.coverage["target_derived"] == pytest.approx(0.5, abs=0.01)
    assert {p.label for p in c.passages} == {"verbatim", "added", "omitted"}


def test_a_republished_chinese_story_is_derived_passage_by_passage(tmp_path: Path) -> None:
    verdict, derived, labels = _compare_texts(tmp_path, hi.ZH_STORY, hi.ZH_COPY)
    assert verdict == "wholly-derived" and derived > 0.9
    # Three paragraphs of swapped words are edited sentences; the rest are verbatim; the
    # funding paragraph and two sentences of the last were dropped, a promotion was added.
    assert labels["edited"] >= 3 and labels["verbatim"] >= 15
    assert labels["added"] == 1 and labels["omitted"] >= 2
