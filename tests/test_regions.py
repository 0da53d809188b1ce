"""What a region claims of its source: a reader quotes a region's source span as where the
copy came from."""

from __future__ import annotations

from pathlib import Path

from tui.core.engine import compare_paths


def test_two_pieces_copied_word_for_word_are_not_a_summary_of_the_whole(tmp_path: Path) -> None:
    """The seed story's first and fourth long paragraphs pasted one after the other: one
    region (the copy walks forward through the source), from the first paragraph to the
    fourth, not the whole story, as a summary condensing it would be."""
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_dcce54c3826141f5.txt"
    story = seed.read_text(encoding="utf-8")
    long_paragraphs = [p for p in story.split("\n") if len(p) > 200]
    first, fourth = long_paragraphs[0], long_paragraphs[3]
    src, copy = tmp_path / "src.txt", tmp_path / "copy.txt"
    src.write_text(story, encoding="utf-8")
    copy.write_text(first + "\n\n" + fourth + "\n", encoding="utf-8")
    c = compare_paths([str(src), str(copy)], reference=str(src)).comparisons[0]
    assert {r.label for r in c.regions} == {"verbatim"}
    spans = [r.source_span for r in c.regions]
    assert min(a for a, _ in spans) == story.index(first)
    assert max(b for _, b in spans) == story.index(fourth) + len(fourth)
