"""The explorer's pure-Python parts: wrapping and row building (escaping: test_escaping.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.app.rows import (
    RowText,
    paragraph_rows,
    row_of_passage,
    sentence_rows,
)
from tui.app.widgets.version_table import coverage_bar
from tui.app.wrap import wrap_offsets
from tui.core.diffing import changed_ranges
from tui.core.model import Report

# -------------------------------------------------------------------------------- wrap


@given(st.text(alphabet="ab c日\u00e9", max_size=80), st.integers(1, 30))
def test_wrap_covers_text_and_fits(text: str, width: int) -> None:
    from rich.cells import cell_len

    lines = wrap_offsets(text, width)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    for (_, b), (c, _) in zip(lines, lines[1:], strict=False):
        assert b == c
    for a, b in lines:
        # Trailing spacing may overflow (it is cropped when drawn); words never do,
        # except a single wide character on a one-cell line.
        assert cell_len(text[a:b].rstrip()) <= max(width, 2)


def test_wrap_breaks_between_words() -> None:
    text = "the quick brown fox"
    assert [text[a:b] for a, b in wrap_offsets(text, 10)] == ["the quick ", "brown fox"]


def test_coverage_bar_reads_without_colour() -> None:
    assert coverage_bar(0.75, 8) == "\u2588" * 6 + "\u2591" * 2 + "  75%"


# -------------------------------------------------------------------------------- rows


def test_changed_ranges_map_diff_onto_sentence_text() -> None:
    diff = [
        ("equal", "Microsoft , "),
        ("delete", "in collaboration"),
        ("insert", "along"),
        ("equal", " with BlackRock ."),
    ]
    src = changed_ranges(diff, ["Microsoft, in collaboration with BlackRock."], "source")
    tgt = changed_ranges(diff, ["Microsoft , along with BlackRock ."], "target")
    assert src == [[(11, 27)]]
    assert tgt == [[(12, 17)]]


def test_changed_ranges_span_several_sentences() -> None:
    diff = [("equal", "One."), ("delete", "Two words."), ("equal", " Three.")]
    out = changed_ranges(diff, ["One. Two words.", "Three."], "source")
    assert out == [[(5, 15)], []]


def test_rows_cover_every_passage_in_order(seeds_report: Report) -> None:
    for comparison in seeds_report.comparisons:
        source = seeds_report.document(comparison.source)
        target = seeds_report.document(comparison.target)
        for rows in (
            sentence_rows(comparison),
            paragraph_rows(comparison, source, target),
        ):
            flat = [k for row in rows for k in row.passages]
            assert flat == list(range(len(comparison.passages)))
            # Rows follow the version: its sentences never go backwards.
            firsts = [row.target_sentences[0] for row in rows if row.target_sentences]
            assert firsts == sorted(firsts)


def test_paragraph_rows_group_a_version_paragraph(seeds_report: Report) -> None:
    comparison = seeds_report.comparisons[0]
    source = seeds_report.document(comparison.source)
    target = seeds_report.document(comparison.target)
    rows = paragraph_rows(comparison, source, target)
    assert len(rows) < len(comparison.passages)
    for row in rows:
        paras = {target.sentences[t].paragraph for t in row.target_sentences}
        assert len(paras) <= 2
        if not row.target_sentences:
            # The reference's writing the version left out, or its furniture.
            assert row.labels in (("omitted",), ("boilerplate",))
    mapping = row_of_passage(rows)
    assert set(mapping) == set(range(len(comparison.passages)))


def test_row_text_marks_deleted_and_inserted_words(seeds_report: Report) -> None:
    comparison = next(c for c in seeds_report.comparisons if c.label_counts()["edited"])
    source = seeds_report.document(comparison.source)
    target = seeds_report.document(comparison.target)
    texts = RowText(comparison, source, target)
    row = next(r for r in sentence_rows(comparison) if r.labels == ("edited",))
    left = [kind for para in texts.paragraphs(row, "source") for _, kind in para]
    right = [kind for para in texts.paragraphs(row, "target") for _, kind in para]
    assert "del" in left and "ins" not in left
    assert "ins" in right and "del" not in right
    # The runs are the sentence text itself, in order.
    joined = "".join(t for para in texts.paragraphs(row, "source") for t, _ in para)
    assert joined == " ".join(source.sentence_text(i) for i in row.source_sentences)
