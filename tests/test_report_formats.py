"""Every export format on the seeds: real content, evidence and determinism."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from markupsafe import escape

from tui.core.contract import report_to_json
from tui.core.model import Report
from tui.core.reportmark import MARKDOWN_MARK
from tui.core.summary import describe_region, tree_clause
from tui.report import EXTENSIONS, FORMATS, default_filename, render, write_report
from tui.report.csv_report import COLUMNS
from tui.report.markdown import escape as md_escape
from tui.report.view import SPAN_GAP, Row, build

from .conftest import GOLD_REFERENCE, seed_paths

COPY = "000_dcce54c3826141f5"


def _region_sentence(report: Report, target: str) -> str:
    c = report.comparison(target)
    source, target = report.document(c.source), report.document(c.target)
    note = tree_clause(report, c)
    return describe_region(source, target, c.regions[0], c.passages, str, c.verdict, note)


def _sha(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


@pytest.fixture(scope="module")
def rendered(seeds_report: Report) -> dict[str, str]:
    return {fmt: render(seeds_report, fmt) for fmt in FORMATS}


def test_formats_and_extensions_agree() -> None:
    from tui.cli import REPORT_FORMATS

    assert set(FORMATS) == set(REPORT_FORMATS) == set(EXTENSIONS)
    assert {"html", "md", "json", "csv", "text"} <= set(FORMATS)


def test_known_substitution_is_in_the_seed_report(seeds_report: Report) -> None:
    # The tests below look for it in every format; make sure the engine still finds it.
    subs = {(s.source, s.target) for s in seeds_report.comparison(COPY).substitutions}
    assert ("atomic", "nuclear") in subs


@pytest.mark.parametrize("fmt", ["html", "md", "text"])
def test_human_formats_carry_summary(seeds_report: Report, rendered: dict, fmt: str) -> None:
    out = rendered[fmt]
    for c in seeds_report.comparisons:
        assert c.target in out
        assert c.verdict in out
    assert "wholly-derived" in out and "independent" in out
    sentence = _region_sentence(seeds_report, COPY)
    if fmt == "md":
        sentence = md_escape(sentence)
    assert sentence[1:] in out, sentence  # first letter may be capitalised


@pytest.mark.parametrize("fmt", FORMATS)
def test_evidence_in_every_format(seeds_report: Report, rendered: dict, fmt: str) -> None:
    out = rendered[fmt]
    assert "storytrace" in out and seeds_report.tool_version in out
    for path in seed_paths():
        assert _sha(path) in out, (fmt, path)
    for d in seeds_report.documents:
        assert d.path in out
    if fmt != "csv":  # CSV carries settings as JSON on every row; checked there
        cutoffs = seeds_report.settings["thresholds"]
        assert isinstance(cutoffs, dict)
        for key in [k for k in seeds_report.settings if k != "thresholds"] + list(cutoffs):
            assert key in out, (fmt, key)
        assert seeds_report.reference_reason in out
    for doc in seeds_report.documents:
        if fmt in ("html", "md", "text"):
            assert str(doc.size) in out


def test_html_content(seeds_report: Report, rendered: dict) -> None:
    html = rendered["html"]
    assert html.startswith("<!DOCTYPE html>")
    assert re.search(r"@page \{\s*size: A4", html) and "overflow-wrap: anywhere" in html
    assert "<script" not in html and "http" not in html.split("<body>")[0].replace("http-equiv", "")
    assert "<del>atomic</del>" in html and "<ins>nuclear</ins>" in html
    assert "[E] edited" in html and "[O] omitted" in html and "[V] verbatim" in html
    assert html.count('<section class="version"') == len(seeds_report.comparisons)
    # Omitted passages: where they lie in the reference, one line each, not their text again.
    c = seeds_report.comparison(COPY)
    src = seeds_report.document(c.source)
    omitted = [p for p in c.passages if p.label == "omitted"]
    assert omitted
    version = next(v for v in build(seeds_report).versions if v.target.id == COPY)
    runs = [e for e in version.entries if not isinstance(e, Row)]
    assert runs and all(str(escape(version.run_line(r))) in html for r in runs)
    # (The omission audit quotes what a version dropped that says who said or took what:
    # quotes, attributions, credits. Plain text it lists by place, as here.)
    assert seeds_report.provenance is not None
    quoted = {
        tuple(o.source_spans[0])
        for o in seeds_report.provenance.omissions
        if o.doc == COPY and o.kind != "text"
    }
    plain = [p for p in omitted if tuple(p.source_spans[0]) not in quoted]
    assert plain
    first = src.cut(plain[0].source_spans[0])
    assert first.replace('"', "&#34;").replace("'", "&#39;") not in html


def test_markdown_content(seeds_report: Report, rendered: dict) -> None:
    md = rendered["md"]
    assert md.startswith(f"{MARKDOWN_MARK}\n\n# Story comparison report\n")
    assert "~~atomic~~" in md and "**nuclear**" in md
    assert "| atomic | nuclear | 1 |" in md
    assert "### Omitted passages" in md and "### Substitutions" in md
    assert "| Version | Verdict | Derived | Source reused | Passages |" in md


def test_markdown_renders_marks(rendered: dict) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    out = html.render(rendered["md"])
    assert "<s>atomic</s>" in out and "<strong>nuclear</strong>" in out
    assert out.count("<h1>") == 1 and "<table>" in out


def test_csv_content(seeds_report: Report, rendered: dict) -> None:
    text = rendered["csv"]
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert tuple(rows[0].keys()) == COLUMNS
    assert len(rows) == sum(len(c.passages) for c in seeds_report.comparisons)
    copy = [r for r in rows if r["version"] == COPY]
    assert any("atomic" in r["source_text"] and "nuclear" in r["target_text"] for r in copy)
    assert {r["label"] for r in copy} >= {"edited", "omitted", "added"}
    shas = {_sha(p) for p in seed_paths()}
    assert {r["target_sha256"] for r in rows} | {r["source_sha256"] for r in rows} == shas
    # The settings in every row, each cut-off by its value (its reason is in the other
    # formats): a row stays a row, not kilobytes of the same text.
    settings = json.loads(rows[0]["settings"])
    assert set(settings) == set(seeds_report.settings)
    cuts = seeds_report.settings["thresholds"]
    assert settings["thresholds"] == {k: v["value"] for k, v in cuts.items()}
    assert {k: v for k, v in settings.items() if k != "thresholds"} == {
        k: v for k, v in seeds_report.settings.items() if k != "thresholds"
    }
    assert len(rows[0]["settings"]) < 2000
    assert all(r["generated_at"] == "" for r in rows)


def test_json_is_the_contract(seeds_report: Report, rendered: dict) -> None:
    assert rendered["json"] == report_to_json(seeds_report)
    data = json.loads(rendered["json"])
    assert data["reference"] == GOLD_REFERENCE
    assert "overrides" not in data and "generated_at" not in data


@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic(seeds_report: Report, rendered: dict, fmt: str) -> None:
    assert render(seeds_report, fmt) == rendered[fmt]
    assert render(seeds_report, fmt, timestamp=None) == rendered[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_timestamp_recorded_when_asked(seeds_report: Report, fmt: str) -> None:
    when = datetime(2025, 3, 4, 5, 6, 7, 890, tzinfo=UTC)
    out = render(seeds_report, fmt, timestamp=when)
    assert "2025-03-04T05:06:07Z" in out
    if fmt == "json":
        assert json.loads(out)["generated_at"] == "2025-03-04T05:06:07Z"


def test_unknown_format(seeds_report: Report) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(seeds_report, "pdf")


def test_write_report_and_default_name(seeds_report: Report, tmp_path: Path) -> None:
    path = write_report(seeds_report, "html", tmp_path)
    assert path == tmp_path / default_filename(seeds_report, "html")
    assert path.name == f"storytrace-{GOLD_REFERENCE}.html"
    assert path.read_text(encoding="utf-8") == render(seeds_report, "html")
    csv_path = write_report(seeds_report, "csv", tmp_path / "x.csv")
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    # JSON is written as the bytes the serialiser made, never decoded: the same report.
    when = "2026-11-28T12:00:00Z"
    for stamp in (None, when):
        json_path = write_report(seeds_report, "json", tmp_path / "x.json", timestamp=stamp)
        assert json_path.read_bytes() == render(seeds_report, "json", timestamp=stamp).encode()
    with pytest.raises(ValueError, match="exhibit"):
        write_report(seeds_report, "json", tmp_path / "y.json", exhibit=True)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_failed_write_keeps_earlier_report(
    seeds_report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("earlier report", encoding="utf-8")
    with pytest.raises(ValueError):
        write_report(seeds_report, "docx", target)
    assert target.read_text(encoding="utf-8") == "earlier report"

    import tui.core.overrides as overrides_module

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(overrides_module.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_report(seeds_report, "md", target)
    assert target.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_every_passage_quotes_its_files_exactly(seeds_report: Report) -> None:
    """What each format shows of a passage is the text at its offsets, character for
    character (a fifth of the seeds' passages showed "$12" where the file says "$ 12"), and
    the JSON diff's sides are the passage's sentences exactly, joined by one space."""
    built = build(seeds_report)
    shown = 0
    for v in built.versions:
        for row in v.rows:
            for side, doc, spans in (
                (row.source, v.source, row.source_spans),
                (row.target, v.target, row.target_spans),
            ):
                if side:
                    assert "".join(t for _, t in side) == SPAN_GAP.join(doc.cut(s) for s in spans)
                    shown += 1
    assert shown > 150
    for c in seeds_report.comparisons:
        src, tgt = seeds_report.document(c.source), seeds_report.document(c.target)
        for p in c.passages:
            if p.diff and p.derived:
                assert "".join(t for op, t in p.diff if op != "insert") == " ".join(
                    src.sentence_text(i) for i in p.source_sentences
                )
                assert "".join(t for op, t in p.diff if op != "delete") == " ".join(
                    tgt.sentence_text(i) for i in p.target_sentences
                )


def test_html_passages_read_as_the_files(seeds_report: Report, rendered: dict) -> None:
    """The HTML cells, tags stripped, hold the passages' exact text."""
    import html as html_lib
    import re

    cells = re.findall(
        r'<td class="text"(?: colspan="2")?><span class="where">[^<]*</span>(.*?)</td>',
        rendered["html"],
        re.S,
    )
    texts = {html_lib.unescape(re.sub(r"</?(?:del|ins)>", "", c)) for c in cells}
    assert len(texts) > 50
    built = build(seeds_report)
    for v in built.versions:
        for row in v.entries:  # omitted passages are a line of places, not their text
            if not isinstance(row, Row):
                continue
            # A verbatim passage is shown once, as this version's text.
            assert not row.source or row.label == "verbatim" or row.source_text in texts
            assert not row.target or row.target_text in texts


def test_the_text_report_gives_its_verdicts_before_the_cut_offs(seeds_report) -> None:  # noqa: ANN001
    """Seventy lines of cut-offs stood between the text report's reader and the first
    verdict (helper-49): they are listed at its end, and the head says so."""
    from tui.report import render

    lines = render(seeds_report, "text").splitlines()
    first_verdict = next(k for k, x in enumerate(lines) if x.startswith("reference: "))
    block = lines.index("cut-offs (each changes a result):")
    assert first_verdict < 40 < block
    n = len(seeds_report.settings["thresholds"])
    assert f"cut-offs: {n}, each listed at the end of this report" in lines
    assert len(lines) - block - 1 == n
