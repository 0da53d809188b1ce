"""Regressions from reading the exports as an editor would (issue 13, "Small defects")."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from tui.core.engine import compare_paths
from tui.core.loading import load_document
from tui.core.model import Region, Report
from tui.core.summary import (
    describe_region,
    paragraph_list,
    paragraph_range,
    region_source_paragraphs,
)
from tui.report import render
from tui.report.view import build

SOURCE = """Harbour council approves new sea wall after winter storms

The Harbour council voted on Tuesday to build a new sea wall along the northern quay, after \
two winter storms flooded forty homes and closed the fish market for a week.

The wall would protect the quay for fifty years, Okafor said, and Okafor added that "we \
cannot ask families to bail out their kitchens every January" after the vote.

The wall will cost 4.2 million pounds, most of it from a national coastal fund, and work is \
due to start in April.

Fishermen had campaigned for the wall since 2019, when a storm surge wrecked six boats moored \
at the quay.
"""
COPY = (
    SOURCE.replace("Harbour council approves new sea wall after winter storms", "Sea wall approved")
    .replace("Okafor said", "she said")
    .replace("Okafor added", "she added")
)


def _pair(tmp_path: Path) -> Report:
    (tmp_path / "a.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(COPY, encoding="utf-8")
    return compare_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], reference="a")


def test_an_attribution_named_twice_in_a_passage_is_one_omission(tmp_path: Path) -> None:
    report = _pair(tmp_path)
    dropped = [o for o in report.provenance.omissions if o.kind == "attribution"]
    assert len(dropped) == 1
    assert "dropped the attribution to Okafor" in dropped[0].detail
    assert render(report, "text").count("dropped the attribution to Okafor") == 1


def test_json_omissions_carry_the_whole_dropped_text(family_report: Report) -> None:
    data = json.loads(render(family_report, "json"))
    plain = [o for o in data["omissions"] if o["kind"] != "attribution"]
    long = [o for o in plain if sum(b - a for a, b in o["source_spans"]) > 200]
    assert long, "the family drops long passages"
    for o in plain:
        assert not o["detail"].endswith("\u2026")
    source = family_report.document(long[0]["source"])
    assert long[0]["detail"] == " ".join(source.text[a:b] for a, b in long[0]["source_spans"])


def test_csv_moved_is_true_or_false(family_report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render(family_report, "csv").lstrip("\ufeff"))))
    values = {r["moved"] for r in rows if r["passage"] != "STALE"}
    assert values <= {"true", "false"} and "false" in values


def test_added_and_omitted_passages_have_no_score(family_report: Report) -> None:
    md = render(family_report, "md")
    assert not re.search(r"\[[AO]\] (added|omitted)[^\n]*score", md)
    assert re.search(r"\[E\] edited · score \d\.\d\d", md)
    html = render(family_report, "html")
    cells = re.findall(r'<tr class="l-added"[^\n]*?<td class="num">([^<]*)</td></tr>', html)
    assert cells and all(c == "" for c in cells)


def test_one_paragraph_comes_from_and_counts_agree(family_report: Report) -> None:
    c = family_report.comparisons[0]
    src, tgt = family_report.document(c.source), family_report.document(c.target)
    one = Region(src.paragraphs[0], tgt.paragraphs[0], "edited")
    two = Region(src.paragraphs[0], (tgt.paragraphs[0][0], tgt.paragraphs[1][1]), "edited")
    assert describe_region(src, tgt, one, c.passages).startswith(
        f"paragraph 1 of {tgt.id} comes from "
    )
    assert describe_region(src, tgt, two, c.passages).startswith(
        f"paragraphs 1\u20132 of {tgt.id} come from "
    )
    for fmt in ("text", "md", "html"):
        assert not re.search(r"\b1 (passages|paragraphs|notes)\b", render(family_report, fmt))


def test_omitted_passages_are_one_line_each_not_their_text(family_report: Report) -> None:
    view = build(family_report)
    version = next(v for v in view.versions if len(v.omitted) >= 5)
    html = render(family_report, "html")
    md = render(family_report, "md")
    section = html.split('<section class="version"')
    mine = next(s for s in section if f">Version {version.target_name}" in s)
    chapter = md.split(f"## Version {version.target_name}")[1].split("## Version ")[0]
    for row in version.omitted:
        words = " ".join(row.source_text.split()[:8])
        # What a version dropped is said in a line of places, not quoted again under it.
        assert words not in mine and words not in chapter
    assert "paragraph" in version.run_line(
        next(e for e in version.entries if e not in version.rows)
    )


def test_a_rule_line_is_never_a_title(tmp_path: Path) -> None:
    wire = tmp_path / "wire.txt"
    wire.write_text("-" * 70 + "\nPage 2 slug\n\nThe council met on Tuesday.\n", encoding="utf-8")
    doc = load_document(str(wire))
    # Passed over: the line under it is the first that can be a headline.
    assert doc.title == "Page 2 slug"
    wire.write_text("-" * 70 + "\n" + "=" * 70 + "\n", encoding="utf-8")
    assert load_document(str(wire)).title == ""


def test_a_region_names_the_source_paragraphs_it_was_matched_in(family_report: Report) -> None:
    """The mirror keeps every other paragraph of the wire's opening: its region's source is
    the paragraphs matched, not the span from the first to the last (which would claim
    every paragraph in between), and every format and the explorer say the same."""
    mirror = next(c for c in family_report.comparisons if c.target.endswith("_mirror"))
    src, tgt = family_report.document(mirror.source), family_report.document(mirror.target)
    region = max(mirror.regions, key=lambda r: len(r.passages))
    matched = region_source_paragraphs(src, region, mirror.passages)
    first, last = paragraph_range(src, region.source_span)
    assert matched and set(matched) < set(range(first, last + 1))  # scattered, not the hull
    sentence = describe_region(src, tgt, region, mirror.passages)
    claimed = sentence.split(" come from ")[1].split(f" of {src.id}")[0]
    assert f"paragraphs {first}\u2013{last}" not in claimed, sentence
    numbers = [int(n) for n in re.findall(r"\d+", claimed)]
    # Listed or counted: every number named is a matched paragraph or a count of them.
    assert min(matched) in numbers and max(matched) in numbers, claimed
    for fmt in ("text", "md", "html"):
        out = render(family_report, fmt)
        assert claimed in out.replace("\\", ""), fmt
        assert f"from paragraphs {first}\u2013{last} of" not in out, fmt


def test_paragraph_lists_read_as_runs() -> None:
    assert paragraph_list([4]) == "paragraph 4"
    assert paragraph_list([4, 5, 6]) == "paragraphs 4\u20136"
    assert paragraph_list([1, 2, 3, 5, 6]) == "paragraphs 1\u20133 and 5\u20136"
    assert paragraph_list([1, 4, 20]) == "paragraphs 1, 4 and 20"
    assert (
        paragraph_list([1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 18])
        == "paragraphs 1\u20134 and 7 more between 6 and 18"
    )


def test_a_dropped_attribution_is_claimed_only_where_the_copy_kept_what_was_said(
    tmp_path: Path,
) -> None:
    """The audit told a journalist a paper "kept the passage but dropped the attribution to
    Ms Hale" where it had only a loosely linked sentence of its own ("He had been in charge
    of enforcement at the port"), and that another dropped the sheriff where the paper's
    quote was his, named in the sentence before."""
    text = (
        "The council voted to close the market.\n\n"
        "Okafor said the hall had cost the town forty thousand pounds in repairs last year.\n\n"
        '"We cannot keep patching the roof," Okafor said after the vote.\n'
    )
    copies = {
        # The name dropped: the claim stands.
        "bare": text.replace("Okafor said the", "The").replace(" in repairs", " on repairs"),
        # Named before, then "she said": attributed.
        "pronoun": "Councillor Jo Okafor led the vote to close the market.\n\n"
        + text.split("\n\n", 1)[1].replace("Okafor said", "she said"),
        # The loose sentence shares a word or two with what Okafor said: nothing kept.
        "loose": "The council voted to close the market.\n\nThe hall opened in 1962 and "
        "its repairs were paid by the town.\n\nTraders will move to the square in May.\n",
    }
    (tmp_path / "wire.txt").write_text(text, encoding="utf-8")
    for name, copy in copies.items():
        (tmp_path / f"{name}.txt").write_text(copy, encoding="utf-8")
    report = compare_paths([str(tmp_path)], reference="wire")
    dropped = {o.doc: o.detail for o in report.provenance.omissions if o.kind == "attribution"}
    assert dropped == {"bare": "kept the passage but dropped the attribution to Okafor"}
