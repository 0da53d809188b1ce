"""A list run together into one long sentence (a copy that lost its line breaks, a
translation that lost its full stops) is one copied passage, not a page of additions."""

from __future__ import annotations

from pathlib import Path

from tui.core.engine import compare_paths
from tui.core.summary import relation

from .conftest import need_data
from .test_engine_corpora import _found, _pan

SOURCE = """The state police publish a yearly account of their work for the legislature.

These are the services the division provides across the state:
Traffic law enforcement through freeway patrols
Accident scene reconstruction and crime scene mapping for investigations
Motor carrier safety inspections
Commercial vehicle size and weight enforcement
Inspections of school buses, ambulances, motor coaches and salvage vehicles
Maintenance of breath-alcohol testing equipment, with training for county agencies

Troopers are recruited twice a year and trained at the academy in the capital.
"""

COPY = """Our town council met on Monday to discuss the new library, the budget for road repairs \
and a complaint about noise from the quarry on the hill.

The division offers traffic enforcement, freeway patrols, accident scene reconstruction and \
crime scene mapping for investigations, motor carrier safety inspections, commercial vehicle \
size and weight enforcement, inspections of school buses, ambulances and motor coaches and \
salvage vehicles, and the maintenance of breath-alcohol testing equipment with training given \
to county agencies

The council will vote on the library plans in the spring, after a public meeting at the \
school hall.
"""


def test_a_list_run_together_into_one_sentence_is_one_passage(tmp_path: Path) -> None:
    src, copy = tmp_path / "src.txt", tmp_path / "copy.txt"
    src.write_text(SOURCE, encoding="utf-8")
    copy.write_text(COPY, encoding="utf-8")
    c = compare_paths([str(src), str(copy)], reference=str(src)).comparisons[0]
    start = COPY.index("The division")
    [passage] = [p for p in c.passages if p.derived]
    assert passage.target_spans[0][0] == start
    # Every list line is in the passage's source, and none of the unrelated sentences.
    quoted = "".join(SOURCE[a:b] for a, b in passage.source_spans)
    for line in ("Motor carrier", "Commercial vehicle", "Inspections of school", "breath-alcohol"):
        assert line in quoted
    assert "Troopers" not in quoted and "yearly account" not in quoted
    assert c.verdict == "partially-derived"


def test_pan_verbatim_list_run_together_is_found_whole() -> None:
    """suspicious-document00044 pastes a course advert whose lines the source prints one per
    line; the copy used to stop after the third line."""
    need_data("pan13-train")
    [(src, susp, cases)] = [
        p for p in _pan("02-no-obfuscation", 100) if "00044" in p[1] and "01511" in p[0]
    ]
    regions = compare_paths([src, susp], reference=src).comparisons[0].regions
    assert all(_found(regions, c, "this") >= 0.95 for c in cases), cases


# A machine translation of the seed story's xAI paragraph that lost its full stops and its
# capitals, run on after a sentence about something else: one line of about 110 words.
_UNRELATED = (
    "grok known for its real-time data processing and a touch of signature irreverence is "
    "designed to compete with other chat models and its integration into a platform enabling "
    "enterprises to build custom solutions would grant businesses access to a broader suite of "
    "tools blending wit and rapid analytics with cloud infrastructure and analysts suggest the "
    "move could accelerate adoption in sectors ranging from finance to the creative industries "
    "while regulators in several countries watch "
)
_TRANSLATED = (
    "the details of the new agreement with xai remain unclear including how much money the "
    "startup of musk will put into the data center venture xai has raised 12 billion dollars "
    "since it was founded in 2023 almost the same amount as openai and reportedly wants to "
    "raise another 10 billion the data center of the company in memphis called colossus is "
    "said to be the biggest in the world"
)


def test_a_translation_that_lost_its_full_stops_is_found(tmp_path: Path) -> None:
    """One run-on line holding a reworded paragraph after unrelated text: while it was one
    "sentence", the paragraph covered too little of it to link, and the copy was called
    independent."""
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_dcce54c3826141f5.txt"
    src, copy = tmp_path / "src.txt", tmp_path / "copy.txt"
    src.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    text = "A new partnership\n\n" + _UNRELATED + _TRANSLATED + "\n"
    copy.write_text(text, encoding="utf-8")
    c = compare_paths([str(src), str(copy)], reference=str(src)).comparisons[0]
    derived = [p for p in c.passages if p.derived]
    assert derived and c.verdict != "independent"
    source = src.read_text(encoding="utf-8")
    quoted = "".join(source[a:b] for p in derived for a, b in p.source_spans)
    assert "The details of the new deal with xAI" in quoted
    # The passage is the translated part of the line, not the unrelated opening.
    start = text.index(_TRANSLATED)
    assert all(a >= text.index("countries watch") for p in derived for a, _ in p.target_spans)
    assert any(b > start + len(_TRANSLATED) // 2 for p in derived for _, b in p.target_spans)


def test_pan_translation_inside_a_run_on_sentence_is_found() -> None:
    """suspicious-document00144's Kentucky passage sits at the end of a 760-character run of
    translated text without full stops; no detection touched it."""
    need_data("pan13-train")
    [(src, susp, cases)] = [
        p for p in _pan("04-translation-obfuscation", 100) if "00144" in p[1] and "01676" in p[0]
    ]
    regions = compare_paths([src, susp], reference=src).comparisons[0].regions
    [case] = [c for c in cases if c["this"][0] == 6489]
    assert _found(regions, case, "this") >= 0.5 and _found(regions, case, "source") >= 0.5


def test_most_of_a_story_spun_into_a_long_page_is_a_copy() -> None:
    """helper-53's scan: three quarters of a PAN source page, word-spun in two places of a
    page twenty times its length (suspicious-document00676), read "independent: 5% of its
    text matches; 76% of the source reused". Most of the source in passages that keep its
    wording is a copy, whatever share of the page it makes."""
    root = need_data("pan13-train")
    src = root / "src" / "source-document02742.txt"
    susp = root / "susp" / "suspicious-document00676.txt"
    report = compare_paths([str(src), str(susp)], reference=str(src))
    c = report.comparisons[0]
    assert c.coverage["source_reused"] >= 0.5 > 0.2 > c.coverage["target_derived"]
    assert c.verdict == "partially-derived"
    line = relation(report, c)
    assert "but most of source-document02742 is in it, in passages keeping its wording" in line


def test_a_notices_lines_quoted_far_apart_in_a_report_are_no_copy() -> None:
    """helper-54: a five-sentence police notice and a 34-paragraph local report of its own
    that quotes three of its lines in three places: 55% of the notice is in the report,
    line by line, which made it "partially derived: most of brief is in it". A copy pastes
    blocks; a report quotes a notice's lines where it needs them."""
    folder = Path(__file__).parent / "data" / "notice"
    notice, report = str(folder / "brief.txt"), str(folder / "report.txt")
    c = compare_paths([notice, report], reference=notice).comparisons[0]
    assert c.coverage["source_reused"] >= 0.5
    assert c.verdict == "independent"
