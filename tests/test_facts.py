"""The facts of a passage (numbers and names): ASCII text is read by a regex that hands
Python only the candidates; it must cut tokens exactly where the general tokenizer does."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.facts import _TOKEN, EARLY, LATE, _facts_of, facts, time_marks

from .conftest import SEEDS

NEWS = Path(__file__).resolve().parents[1] / "benchmarks/data/news"


def _general(text: str) -> frozenset[str]:
    return _facts_of(text, ((m.group(), m.start()) for m in _TOKEN.finditer(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Judge Alistair Penrose jailed Raymond Pruett, 67, for 3,000 days at 10AM.",
        "abcDef ghiJkl: no names inside words; A1b and _Foo and foo_Bar are.",
        "'Tis the 1.5. version of iPhone, sold by Apple's O'Neill-Smith for $2,500.",
        'THE COURT HEARD. He said: "Yes." Then Mr Vane (61) left.',
        "",
    ],
)
def test_fast_reading_agrees_with_the_tokenizer(text: str) -> None:
    assert facts.__wrapped__(text) == _general(text)


def test_fast_reading_agrees_on_every_line_of_the_news_and_seeds() -> None:
    files = [*SEEDS.glob("*.txt"), *NEWS.glob("*/*.txt")]
    lines = [
        line
        for f in files
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.isascii() and line.strip()
    ]
    assert len(lines) > 500
    assert any(facts.__wrapped__(line) for line in lines)
    for line in lines:
        assert facts.__wrapped__(line) == _general(line), line


def _searched(text: str) -> tuple[int, int]:
    return len(EARLY.findall(text)), len(LATE.findall(text))


@pytest.mark.parametrize(
    "text",
    [
        "The court heard THIS MORNING that he left Last  Night, and Tonight he is free.",
        "On\nSunday she said so; Yesterday it rained; by Friday evening it was over.",
        "Ministers met thi\u017f morning",  # a long s: case-blind matching reads it as "s"
        "Holidays and daylight: no mark here, nor in 'lasting'.",
    ],
)
def test_time_marks_skip_only_text_that_cannot_hold_one(text: str) -> None:
    assert time_marks.__wrapped__(text) == _searched(text)


def test_time_marks_agree_with_the_search_on_every_line_of_the_news_and_seeds() -> None:
    files = [*SEEDS.glob("*.txt"), *NEWS.glob("*/*.txt")]
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    marked = [line for line in lines if any(_searched(line))]
    assert len(marked) > 20
    for line in lines:
        assert time_marks.__wrapped__(line) == _searched(line), line
