"""Sentence and paragraph splitting on real and tricky text."""

from __future__ import annotations

from pathlib import Path

from tui.core.loading import load_document
from tui.core.model import Document
from tui.core.segment import segment, split_paragraphs, split_sentences

from .conftest import SEEDS, seed_paths


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_money_and_quotes_do_not_break_sentences() -> None:
    text = (
        "The U.S. economy grew 3% in Q2. Apple Inc. said it would invest $30 billion. "
        '"We are happy," he said. Dr. Smith agreed. It was 5 p.m. on Jan. 3. '
        "xAI has raised $12 billion. X is now valued at $44 billion."
    )
    assert _sentences(text) == [
        "The U.S. economy grew 3% in Q2.",
        "Apple Inc. said it would invest $30 billion.",
        '"We are happy," he said.',
        "Dr. Smith agreed.",
        "It was 5 p.m. on Jan. 3.",
        "xAI has raised $12 billion.",
        "X is now valued at $44 billion.",
    ]


def test_a_title_or_initials_after_a_sentences_end_open_the_next_sentence() -> None:
    """blingfire cut "Capt." off on its own after a full stop: the side by side showed a
    verbatim passage "Capt.", and a version "left out" the sentence "Dr."."""
    text = (
        "The crew went under the state's mutual-aid agreement. Capt. Marco Villaseñor leads "
        "it. Officials issued an alert through Tuesday. Dr. Anil Pradhan said to stay in. "
        "It rained. Mr. Smith came. It ended. J. K. Rowling wrote. Plan A failed. Plan B."
    )
    assert _sentences(text) == [
        "The crew went under the state's mutual-aid agreement.",
        "Capt. Marco Villaseñor leads it.",
        "Officials issued an alert through Tuesday.",
        "Dr. Anil Pradhan said to stay in.",
        "It rained.",
        "Mr. Smith came.",
        "It ended.",
        "J. K. Rowling wrote.",
        "Plan A failed.",
        "Plan B.",
    ]


def test_every_gold_sentence_of_the_seeds_is_one_sentence(gold: dict) -> None:
    missed = []
    for name, g in gold["documents"].items():
        doc = segment(load_document(SEEDS / name))
        found = {doc.sentence_text(i) for i in range(len(doc.sentences))}
        missed += [s["text"] for s in g["sentences"] if s["text"].strip() not in found]
    assert missed == []


def test_headings_and_captions_are_their_own_units() -> None:
    doc = segment(load_document(SEEDS / "001_31fc123e83c1cc46.txt"))
    kinds = {doc.sentence_text(i): s.kind for i, s in enumerate(doc.sentences)}
    caption = next(t for t in kinds if t.endswith("Getty"))
    assert kinds[caption] == "caption"
    doc = segment(load_document(SEEDS / "000_dcce54c3826141f5.txt"))
    first = doc.sentences[0]
    assert doc.sentence_text(0) == "Introduction to the AI Deal" and first.kind == "heading"


def test_hard_wrapped_text_keeps_paragraphs_in_blank_line_blocks() -> None:
    line = "word " * 14
    text = "\n".join([line] * 4) + "\n\n" + "\n".join([line] * 3) + "\n"
    assert len(split_paragraphs(text)) == 2


def test_one_long_line_does_not_break_a_wrapped_text_into_lines() -> None:
    """A wire hard-wrapped at 76 columns with one unwrapped line (a link nobody wrapped):
    the wrap width was taken from the longest line, so every wrapped line looked short and
    each became a paragraph, and a copy wrapped at another width matched it line by line."""
    wire = Path(__file__).resolve().parents[1] / "benchmarks/data/news/f06-transport-santa-train"
    text = (wire / "wire.txt").read_text(encoding="utf-8").rstrip("\n")
    link = "Pictures: https://pictures.example.org/santa-special/" + "derailment-" * 25
    with_link = text + "\n\n" + link + "\n"
    before = [text[a:b] for a, b in split_paragraphs(text)]
    after = [with_link[a:b] for a, b in split_paragraphs(with_link)]
    assert after == [*before, link]
    assert any(p.count("\n") >= 2 for p in before)  # wrapped paragraphs, several lines each


def test_a_paragraph_rewrapped_narrow_inside_wrapped_text_stays_whole() -> None:
    """A copy re-wrapped one paragraph of a 76-column wire at about 20 columns: each short
    line ended its paragraph, so the paragraph's sentences were cut into scraps
    ("Fourteen people were" / "hurt today when a ...") that match nothing."""
    wire = Path(__file__).resolve().parents[1] / "benchmarks/data/news/f06-transport-santa-train"
    text = (wire / "wire.txt").read_text(encoding="utf-8")
    paragraphs = [text[a:b] for a, b in split_paragraphs(text)]
    target = next(p for p in paragraphs if p.startswith("Fourteen people were hurt"))
    words, lines = " ".join(target.split()).split(), [""]
    for w in words:
        if len(lines[-1]) + len(w) > 20:
            lines.append("")
        lines[-1] = f"{lines[-1]} {w}".strip()
    narrow = "\n".join(lines)
    copy = text.replace(target, narrow)
    assert [copy[a:b] for a, b in split_paragraphs(copy)] == [
        narrow if p == target else p for p in paragraphs
    ]


def test_a_list_of_short_lines_stays_one_paragraph_per_line() -> None:
    """As narrow as wrapped text, but no line goes on with a lower-case word."""
    tracks = [
        '"Harbour Lights at Dawn" (Okafor) 3:12',
        "Recorded March 2, 2025, Northgate Studios, Leeds. Lead vocal: Ada Okafor.",
        '"Nine Bridges" (Lindqvist) 4:05',
        "Recorded March 3, 2025, Northgate Studios, Leeds. Lead vocal: Sven Lindqvist.",
        '"The Long Way Round" (Okafor, Lindqvist) 5:40',
        "Recorded March 9, 2025, Northgate Studios, Leeds. Lead vocal: Ada Okafor.",
        "Liner notes and the full credits are at https://records.example.org/" + "x" * 120,
    ]
    text = "\n".join(tracks) + "\n"
    assert [text[a:b] for a, b in split_paragraphs(text)] == tracks


def test_a_line_cut_mid_sentence_continues_its_paragraph() -> None:
    text = "The programme is the standard four-year\nundergraduate degree.\nNext paragraph."
    paras = [text[a:b] for a, b in split_paragraphs(text)]
    assert paras == [
        "The programme is the standard four-year\nundergraduate degree.",
        "Next paragraph.",
    ]


def test_a_line_ending_in_a_comma_or_a_function_word_continues_its_paragraph() -> None:
    """The next line starts with a name, so its case says nothing; the line before it
    cannot end a paragraph."""
    text = (
        "The farm was run by the founder and his brother,\nMorris, until 1961.\n"
        "The cuts were announced on Tuesday by the\nHome Secretary, Ruth Kellaway.\n"
        "Weather\nTraffic and travel\n"
        "Appendix A\nThe tables follow.\n"
    )
    paras = [text[a:b] for a, b in split_paragraphs(text)]
    assert paras == [
        "The farm was run by the founder and his brother,\nMorris, until 1961.",
        "The cuts were announced on Tuesday by the\nHome Secretary, Ruth Kellaway.",
        "Weather",
        "Traffic and travel",
        "Appendix A",  # an upper-case "A" ends a heading, not a sentence cut before a name
        "The tables follow.",
    ]


def test_list_markers_stay_with_their_item() -> None:
    text = "Steps follow. 1. Extract all words. 2. Remove stopwords."
    assert _sentences(text) == ["Steps follow.", "1. Extract all words.", "2. Remove stopwords."]


def test_crlf_offsets_index_the_original_text() -> None:
    text = "First line here.\r\nSecond one, longer than that.\r\n\r\nThird.\r\n"
    doc = segment(Document("d", "d.txt", "0", "utf-8", text, len(text)))
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == [
        "First line here.",
        "Second one, longer than that.",
        "Third.",
    ]


def test_reused_blingfire_buffer_splits_like_blingfires_own_wrapper() -> None:
    """The splitter reuses one output buffer across paragraphs; its sentences must be
    blingfire's own, whether the buffer grows, shrinks back or meets non-Latin text."""
    import blingfire

    from tui.core.segment import _Blingfire

    paragraphs = [
        text[a:b]
        for path in seed_paths()
        for text in [Path(path).read_text("utf-8")]
        for a, b in split_paragraphs(text)
    ]
    paragraphs += [
        "",
        " ",
        "x",
        "Émile Zola a écrit. Puis il est parti.",
        "日本語の文。二つ目の文。",
    ]
    paragraphs += ["🙂 Emoji first. Then more. " * 2000, "Short again. Yes."]
    split = _Blingfire()
    assert [split(p) for p in paragraphs] == [blingfire.text_to_sentences(p) for p in paragraphs]


def test_a_lower_case_byline_under_a_headline_is_a_byline_of_its_own() -> None:
    """AFP writes its byline in lower case under the headline, which has no full stop: it
    read as the headline running on, one heading holding both, the byline counted as the
    wire's text. A sentence wrapped before "by the council" still runs on."""
    text = (
        "34 nations sign first treaty to protect undersea internet cables\n"
        "by Camille Fournier-Dahl\n\n"
        "Geneva (AFP) - Thirty-four countries on Thursday signed the first international "
        "treaty to protect the undersea cables that carry almost all of the world's internet "
        "traffic.\n\nThe study of the unexplained breaks that led to the three years of talks, "
        "published last year, was commissioned and paid for\nby the council.\n"
    )
    doc = segment(Document("d", "d.txt", "0", "utf-8", text, len(text)))
    kinds = [(s.kind, doc.sentence_text(i)) for i, s in enumerate(doc.sentences)]
    assert kinds[:2] == [
        ("heading", "34 nations sign first treaty to protect undersea internet cables"),
        ("byline", "by Camille Fournier-Dahl"),
    ]
    assert kinds[-1][1].endswith("paid for\nby the council.")
    accented = text.replace("Camille Fournier-Dahl", "Élodie Martin")
    doc = segment(Document("d", "d.txt", "0", "utf-8", accented, len(accented)))
    assert (doc.sentences[1].kind, doc.sentence_text(1)) == ("byline", "by Élodie Martin")
