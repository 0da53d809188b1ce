"""The explorer's pure-Python parts: sanitising, wrapping and row building."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.app.rows import (
    RowText,
    changed_ranges,
    paragraph_rows,
    row_of_passage,
    sentence_rows,
)
from tui.app.sanitize import sanitize, sanitize_name
from tui.app.widgets.version_table import coverage_bar
from tui.app.wrap import wrap_offsets
from tui.core.model import Report

# ---------------------------------------------------------------------------- sanitize


def test_plain_text_is_unchanged() -> None:
    assert sanitize("Hello, world — ça va?") == "Hello, world — ça va?"


def test_escape_sequences_become_visible() -> None:
    out = sanitize("\x1b[31mred\x1b[0m and \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\")
    assert "\x1b" not in out
    assert out.startswith("\u241b[31mred\u241b[0m")
    assert "\u241b]8;;http://x\u241b\\link" in out


def test_c0_c1_and_del_are_pictured() -> None:
    out = sanitize("a\x00b\x07c\x7fd\x9be")
    assert out == "a\u2400b\u2407c\u2421d\\x9be"


def test_bidi_controls_are_named() -> None:
    out = sanitize("abc\u202edcba\u2066x\u2069\u200f")
    assert out == "abc<U+202E>dcba<U+2066>x<U+2069><U+200F>"


def test_tabs_expand_and_line_breaks_become_spaces() -> None:
    assert sanitize("a\tb") == "a   b"
    assert sanitize("ab\tc", tab_size=4) == "ab  c"
    assert sanitize("one\r\ntwo\nthree\u2028four") == "one two three four"
    assert sanitize("x\ry") == "x\u240dy"


def test_markup_is_left_literal() -> None:
    # Markup is only dangerous when parsed; sanitize must not mangle it.
    assert sanitize("[bold red]x[/]") == "[bold red]x[/]"


def test_names_picture_newlines() -> None:
    assert sanitize_name("a\nb") == "a\u2424b"


@given(st.text())
def test_sanitized_text_has_no_controls(text: str) -> None:
    out = sanitize(text)
    for ch in out:
        code = ord(ch)
        assert code >= 0x20 and not 0x7F <= code < 0xA0, repr(ch)
        assert not 0x202A <= code <= 0x202E and not 0x2066 <= code <= 0x2069


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
            assert row.labels == ("omitted",)
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
