"""Two word pairs in common are a three-word phrase ("butter or margarine", "develop
cervical cancer"), which any two pieces on one topic share; alone they prove no copy."""

from __future__ import annotations

from pathlib import Path

from tui.core.engine import compare_paths

SOURCE = """Dairy farmers in the valley say demand has held up this year despite rising feed prices.

You can exercise and watch what you eat, but when it comes to spreading something tasty on \
your morning toast, you probably still wonder which is better for you, butter or margarine.

The cooperative plans to open a second creamery next spring, its chairman said.
"""

OTHER = """The town's new leisure centre opens on Saturday after two years of building work.

It has a 25-metre pool, a climbing wall and a cafe run by a local charity.

{line}

Parking will be free for the first month, the council said.
"""


def _derived(tmp_path: Path, line: str) -> list[str]:
    src, other = tmp_path / "src.txt", tmp_path / "other.txt"
    src.write_text(SOURCE, encoding="utf-8")
    text = OTHER.format(line=line)
    other.write_text(text, encoding="utf-8")
    report = compare_paths([str(src), str(other)], reference=str(src))
    c = report.comparisons[0]
    return [text[a:b] for p in c.passages if p.derived for a, b in p.target_spans]


def test_a_shared_topic_phrase_alone_is_no_copy(tmp_path: Path) -> None:
    # Half its word pairs are in the source sentence, but half is two: "butter or",
    # "or margarine". It used to stand alone as a paraphrase.
    assert _derived(tmp_path, "And so it is for all of us, butter or margarine?") == []


def test_a_copied_sentence_of_the_same_length_still_counts_alone(tmp_path: Path) -> None:
    line = "You probably still wonder which is better for you, butter or margarine."
    assert _derived(tmp_path, line) == [line]
