"""A list run together into one long sentence (a copy that lost its line breaks, a
translation that lost its full stops) is one copied passage, not a page of additions."""

from __future__ import annotations

from pathlib import Path

from tui.core.engine import compare_paths

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
