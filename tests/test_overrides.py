"""Reviewer overrides: kept beside the inputs, found again by content, shown in every export."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tui.core.engine import compare_paths
from tui.core.model import Comparison, Passage, Report
from tui.core.overrides import (
    SIDECAR_NAME,
    Override,
    OverrideSet,
    load_overrides,
    passage_key,
    save_overrides,
    sidecar_path,
)
from tui.report import FORMATS, render

from .conftest import GOLD_REFERENCE, seed_paths

COPY = "000_dcce54c3826141f5"
NOTE = "Checked against the print edition | *not* a <b>quote</b>"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    for p in seed_paths():
        shutil.copy(p, tmp_path / Path(p).name)
    return tmp_path


def _report(folder: Path) -> Report:
    return compare_paths(
        sorted(str(p) for p in folder.glob("*.txt")),
        reference=str(folder / f"{GOLD_REFERENCE}.txt"),
    )


def _passages(report: Report) -> tuple[Comparison, Passage, Passage]:
    c = report.comparison(COPY)
    paraphrased = next(p for p in c.passages if p.label == "paraphrased")
    omitted = next(p for p in c.passages if p.label == "omitted")
    return c, paraphrased, omitted


def test_sidecar_path(folder: Path) -> None:
    assert sidecar_path([str(folder)]) == folder / SIDECAR_NAME
    assert sidecar_path([str(folder / "a.txt"), "/elsewhere/b.txt"]) == folder / SIDECAR_NAME
    with pytest.raises(ValueError):
        sidecar_path([])


def test_missing_sidecar_is_empty(folder: Path) -> None:
    overrides, warnings = load_overrides(folder / SIDECAR_NAME)
    assert len(overrides) == 0 and warnings == []


def test_round_trip_and_rename(folder: Path) -> None:
    report = _report(folder)
    c, para, omitted = _passages(report)
    overrides = OverrideSet()
    overrides.set_label(report, c, para, "edited")
    overrides.set_note(report, c, para, "  " + NOTE + "\n")
    overrides.set_note(report, c, omitted, "Dropped our attribution.")
    path = save_overrides(sidecar_path([str(folder)]), overrides)
    first = path.read_bytes()
    save_overrides(path, overrides)
    assert path.read_bytes() == first  # deterministic file

    # Rename the copy: its notes follow its content, not its name.
    (folder / f"{COPY}.txt").rename(folder / "renamed.txt")
    again = _report(folder)
    loaded, warnings = load_overrides(path)
    assert warnings == [] and loaded.path == path
    loaded.bind(again)
    c2 = again.comparison("renamed")
    para2 = next(p for p in c2.passages if p.label == "paraphrased")
    ov = loaded.for_passage(c2, para2)
    assert (ov.label, ov.note, ov.original_label) == ("edited", NOTE, "paraphrased")
    # What the note was made on travels with it: the version's id then, and its text.
    doc = report.document(COPY)
    assert ov.version == COPY and ov.excerpt
    assert ov.excerpt.rstrip("\u2026") in " ".join(doc.text.split())
    assert ov.target == again.document("renamed").sha256
    assert loaded.for_passage(c2, next(p for p in c2.passages if p.label == "omitted")).note
    assert loaded.stale(again) == []
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "storytrace-notes/1"


def test_clearing(folder: Path) -> None:
    report = _report(folder)
    c, para, _ = _passages(report)
    overrides = OverrideSet()
    overrides.set_label(report, c, para, "edited")
    overrides.set_label(report, c, para, "paraphrased")  # back to the engine's label
    assert len(overrides) == 0
    overrides.set_note(report, c, para, "x")
    overrides.set_label(report, c, para, "verbatim")
    overrides.set_label(report, c, para, None)
    assert overrides.for_passage(c, para).label is None
    overrides.set_note(report, c, para, "")
    assert len(overrides) == 0
    with pytest.raises(ValueError, match="unknown label"):
        overrides.set_label(report, c, para, "stolen")


def test_lookup_needs_bind(seeds_report: Report) -> None:
    c = seeds_report.comparison(COPY)
    assert OverrideSet().for_passage(c, c.passages[0]) is None
    overrides = OverrideSet()
    overrides.items[("x", "y")] = Override("x", "y", None, "n")
    with pytest.raises(LookupError, match="bind"):
        overrides.for_passage(c, c.passages[0])


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"schema": "other"}',
        b'{"schema": "storytrace-notes/1", "documents": []}',
        b"\xff",
        b"[" * 200_000,
    ],
    ids=["not-json", "other-schema", "documents-list", "latin-1-byte", "nested-200000"],
)
def test_unusable_sidecar_is_left_untouched_then_moved_aside_by_a_save(
    folder: Path, content: bytes
) -> None:
    path = folder / SIDECAR_NAME
    path.write_bytes(content)
    overrides, warnings = load_overrides(path)
    assert len(overrides) == 0 and overrides.problem
    assert len(warnings) == 1 and "\n" not in warnings[0] and str(path) in warnings[0]
    assert [p.name for p in folder.glob(SIDECAR_NAME + "*")] == [SIDECAR_NAME]
    assert path.read_bytes() == content
    # The first save keeps the unreadable file as .bak, never overwriting it...
    report = _report(folder)
    c, para, _ = _passages(report)
    overrides.set_note(report, c, para, "new note")
    save_overrides(path, overrides)
    backup = folder / (SIDECAR_NAME + ".bak")
    assert overrides.backup == backup and backup.read_bytes() == content
    again, warnings = load_overrides(path)
    assert warnings == [] and again.bind(report).for_passage(c, para).note == "new note"
    # ...nor an earlier backup.
    path.write_bytes(content)
    broken, _ = load_overrides(path)
    save_overrides(path, broken)
    assert (folder / (SIDECAR_NAME + ".bak2")).read_bytes() == content
    assert backup.read_bytes() == content


def test_stale_notes_are_listed_with_their_text_not_applied(seeds_report: Report) -> None:
    overrides = OverrideSet().bind(seeds_report)
    sha = seeds_report.document(COPY).sha256
    overrides.items[(sha, "gone")] = Override(sha, "gone", "edited", "old note", "paraphrased")
    overrides.items[("other-file", "k")] = Override("other-file", "k", None, "elsewhere")
    assert [s.override.passage_key for s in overrides.stale(seeds_report)] == ["gone"]
    html = render(seeds_report, "html", overrides=overrides)
    assert "STALE" in html and "old note" in html and "elsewhere" not in html
    data = json.loads(render(seeds_report, "json", overrides=overrides))
    assert data["overrides_unmatched"] == 1
    assert [(s["target"], s["note"]) for s in data["overrides_stale"]] == [(COPY, "old note")]


def test_passage_key_stable(seeds_report: Report) -> None:
    c = seeds_report.comparison(COPY)
    sha = seeds_report.document(c.source).sha256
    keys = [passage_key(sha, p) for p in c.passages]
    assert len(set(keys)) == len(keys)
    assert keys == [passage_key(sha, p) for p in c.passages]
    assert passage_key("0" * 64, c.passages[0]) != keys[0]


@pytest.fixture()
def annotated(seeds_report: Report) -> tuple[Report, OverrideSet]:
    c, para, omitted = _passages(seeds_report)
    overrides = OverrideSet()
    overrides.set_label(seeds_report, c, para, "edited")
    overrides.set_note(seeds_report, c, para, NOTE)
    overrides.set_note(seeds_report, c, omitted, "Dropped our attribution.")
    return seeds_report, overrides


@pytest.mark.parametrize("fmt", FORMATS)
def test_overrides_shown_in_every_format(annotated: tuple, fmt: str) -> None:
    report, overrides = annotated
    out = render(report, fmt, overrides=overrides)
    assert out != render(report, fmt)
    assert "Dropped our attribution." in out
    if fmt == "json":
        data = json.loads(out)
        rows = data["overrides"]
        assert {r["original_label"] for r in rows} == {"paraphrased", "omitted"}
        assert any(r["label"] == "edited" and r["note"] == NOTE for r in rows)
        assert data["comparisons"] == json.loads(render(report, "json"))["comparisons"]
        # "passage" indexes the JSON array; "number" is every other format's, from 1.
        assert all(r["number"] == r["passage"] + 1 for r in rows)
        csv_rows = list(csv.DictReader(io.StringIO(render(report, "csv", overrides=overrides))))
        marked = {int(r["passage"]) for r in csv_rows if r["reviewer_label"] or r["reviewer_note"]}
        assert {r["number"] for r in rows} == marked
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
        row = next(r for r in rows if r["reviewer_label"])
        assert (row["label"], row["reviewer_label"], row["reviewer_note"]) == (
            "paraphrased",
            "edited",
            NOTE,
        )
    elif fmt == "html":
        assert "reviewer's label" in out and "engine: [P] paraphrased" in out
        assert "Checked against the print edition | *not* a &lt;b&gt;quote&lt;/b&gt;" in out
    elif fmt == "md":
        assert "(reviewer's label; engine: [P] paraphrased)" in out
        assert "\\*not\\* a \\<b\\>quote\\</b\\>" in out
    else:
        assert "[E] edited (engine: [P] paraphrased): " + NOTE in out


def test_engine_figures_unchanged_by_overrides(annotated: tuple) -> None:
    report, overrides = annotated
    html = render(report, "html", overrides=overrides)
    assert "the figures above are the engine's" in html
    assert render(report, "json") == render(report, "json", overrides=OverrideSet())


def test_notes_on_the_version_made_the_reference_are_listed_not_dropped(folder: Path) -> None:
    """A note made on 000's comparison vanished without a word once 000 became the
    reference: no mark, no STALE line, 'Reviewer notes: none' in the export, while the notes
    file still held it. It is listed as stale, with the reason, until 000 is compared again."""
    from tui.core.overrides import OverrideSet

    report = _report(folder)
    c, para, _ = _passages(report)
    overrides = OverrideSet()
    overrides.set_note(report, c, para, NOTE)
    swapped = compare_paths(
        sorted(str(p) for p in folder.glob("*.txt")), reference=str(folder / f"{COPY}.txt")
    )
    [stale] = overrides.bind(swapped).stale(swapped)
    assert stale.version == COPY and "now" in stale.reason and stale.override.note == NOTE
    assert "STALE" in render(swapped, "text", overrides=overrides)
    assert overrides.bind(report).stale(report) == []


def test_the_reports_summary_marks_a_relabelled_version(folder: Path) -> None:
    """The explorer's overview gives a relabelled version the reviewer's figures with a
    mark; the Markdown and HTML summaries gave the engine's, unmarked, so the two read as
    disagreeing. The summary marks the version and says whose figures it gives."""
    from tui.core.overrides import OverrideSet

    report = _report(folder)
    c, para, _ = _passages(report)
    overrides = OverrideSet()
    overrides.set_label(report, c, para, "edited")
    md = render(report, "md", overrides=overrides)
    summary = md.split("## Summary", 1)[1].split("\n## ", 1)[0]
    row = next(line for line in summary.splitlines() if line.startswith(f"| {COPY}"))
    assert "\u270e" in row
    assert "the table gives the engine's figures" in md
    html = render(report, "html", overrides=overrides)
    assert "the table gives the engine&#39;s figures" in html or "engine's figures" in html
    assert "\u270e" not in render(report, "md").split("## Summary", 1)[1].split("\n## ", 1)[0]
