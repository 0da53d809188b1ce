"""The reference's own furniture (an agency's rule lines, slug, memo, byline, ``end``) that a
paper did not take is boilerplate, never an omission, in the engine and everywhere it is shown;
a family whose original form is furniture is shown as boilerplate, not as a verbatim original;
an attribution is named whole, never cut mid-title.

On tests/data/news-flood and benchmarks/data/news/f01-courts-fraud: PA wire copy and the
papers that used it (issue 13: "omitted 14" counted 6 lines of the wire's furniture)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from tui.app.app import StoryTraceApp
from tui.app.rows import RowText, build_rows
from tui.app.widgets.aligned_view import AlignedView
from tui.app.widgets.family_view import disagreeing, family_components, variant_heading
from tui.app.widgets.version_table import VersionTable
from tui.core.attribution import attribution_names
from tui.core.boilerplate import boilerplate_sentences
from tui.core.engine import compare_paths
from tui.core.model import LABELS, Comparison, Family, Report
from tui.report import render
from tui.report.provenance import _families as family_table

from .test_app_support import settle

REPO = Path(__file__).resolve().parent.parent
FLOOD = REPO / "tests" / "data" / "news-flood"
COURTS = REPO / "benchmarks" / "data" / "news" / "f01-courts-fraud"
# The wire's furniture, by its first words: what no paper can be said to have "omitted".
FLOOD_FURNITURE = ("11:20 04/02/26", "(Memo to editors", "By Tom Ashcroft, PA News", "end<")


@pytest.fixture(scope="module")
def flood() -> Report:
    return compare_paths([str(FLOOD)])


@pytest.fixture(scope="module")
def courts() -> Report:
    return compare_paths([str(COURTS)], reference="wire")


def _furniture(report: Report) -> frozenset[int]:
    return boilerplate_sentences(report.document(report.reference))


def _sentence(report: Report, doc_id: str, start: str) -> int:
    doc = report.document(doc_id)
    return next(i for i in range(len(doc.sentences)) if doc.sentence_text(i).startswith(start))


def _content_omissions(report: Report, c: Comparison) -> int:
    """Passages of the reference's writing (not its furniture) that no passage takes."""
    furniture = _furniture(report)
    used = {s for p in c.passages if p.derived for s in p.source_sentences}
    doc = report.document(c.source)
    runs, last = 0, None
    for i in range(len(doc.sentences)):
        if i in used or i in furniture:
            last = None
            continue
        para = doc.sentences[i].paragraph
        if last is None or last != (i - 1, para):
            runs += 1
        last = (i, para)
    return runs


# -------------------------------------------------------------------------------- engine


@pytest.mark.parametrize("fixture", ["flood", "courts"])
def test_the_references_furniture_is_boilerplate_and_never_omitted(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    report: Report = request.getfixturevalue(fixture)
    furniture = _furniture(report)
    assert len(furniture) >= 5  # rules, slug, memo, byline, end
    for c in report.comparisons:
        used = {s for p in c.passages if p.derived for s in p.source_sentences}
        for p in c.passages:
            if p.label == "omitted":
                assert not set(p.source_sentences) & furniture, c.target
        not_taken = {s for p in c.passages if p.label == "boilerplate" for s in p.source_sentences}
        assert not_taken == furniture - used
        assert all(
            not p.target_sentences
            for p in c.passages
            if p.label == "boilerplate" and p.source_sentences
        )
        assert c.label_counts()["omitted"] == _content_omissions(report, c)


def test_the_wires_slug_byline_and_end_line_stand_as_boilerplate(flood: Report) -> None:
    c = flood.comparison("tabloid")
    for start in FLOOD_FURNITURE:
        s = _sentence(flood, "wire", start)
        (p,) = [p for p in c.passages if s in p.source_sentences]
        assert p.label == "boilerplate", start


def test_the_omission_audit_lists_no_furniture(courts: Report) -> None:
    assert courts.provenance is not None
    wire = courts.document("wire")
    spans = [(wire.sentences[i].start, wire.sentences[i].end) for i in _furniture(courts)]
    for o in courts.provenance.omissions:
        for a, b in o.source_spans:
            assert not any(a < y and x < b for x, y in spans), o.detail


# ------------------------------------------------------------------------------- reports


def test_every_report_format_counts_and_shows_the_furniture_as_boilerplate(
    flood: Report,
) -> None:
    c = flood.comparison("tabloid")
    omitted = _content_omissions(flood, c)
    slug = " ".join(flood.document("wire").sentence_text(_sentence(flood, "wire", "11:20")).split())

    text = render(flood, "text")
    tabloid = text.split("\ntabloid:", 1)[1]
    line = next(x for x in tabloid.splitlines() if x.strip().startswith("passages:"))
    assert f"omitted {omitted}," in line and "boilerplate 6" in line

    data = json.loads(render(flood, "json"))
    comparison = next(x for x in data["comparisons"] if x["target"] == "tabloid")
    assert comparison["counts"]["omitted"] == omitted
    (slug_passage,) = [
        p for p in comparison["passages"] if p["diff"] and slug in " ".join(p["diff"][0][1].split())
    ]
    assert slug_passage["label"] == "boilerplate" and not slug_passage["target_spans"]

    rows = list(csv.DictReader(io.StringIO(render(flood, "csv").lstrip("\ufeff"))))
    (row,) = [r for r in rows if r["version"] == "tabloid" and slug in r["source_text"]]
    assert row["label"] == "boilerplate"

    md = render(flood, "md")
    section = md.split("wire's page furniture, not taken by tabloid", 1)
    assert len(section) == 2, "the furniture is folded into a line of its own"
    assert "[O] omitted" not in section[0].rsplit("####", 1)[1]
    html = render(flood, "html")
    assert "wire&#39;s page furniture, not taken by tabloid" in html
    assert re.search(r'<tr class="l-boilerplate run">', html)


# ---------------------------------------------------------------------------------- app


def test_side_by_side_rows_show_the_furniture_as_boilerplate(flood: Report) -> None:
    c = flood.comparison("tabloid")
    wire, tabloid = flood.document("wire"), flood.document("tabloid")
    texts = RowText(c, wire, tabloid)
    slug = _sentence(flood, "wire", "11:20")
    assert texts.sentence_runs("source", slug) == [(wire.sentence_text(slug), "boilerplate")]
    for mode in ("paragraph", "sentence"):
        rows = build_rows(c, wire, tabloid, mode)
        (row,) = [r for r in rows if slug in r.source_sentences]
        assert row.labels == ("boilerplate",) and not row.target_sentences


async def test_the_explorer_marks_the_wires_furniture_b_and_does_not_count_it_omitted(
    flood: Report,
) -> None:
    app = StoryTraceApp(report=flood)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        omitted = _content_omissions(flood, flood.comparison("broadsheet"))
        table = app.screen.query_one(VersionTable)
        counts = table.get_row("broadsheet")[4 : 4 + len(LABELS)]
        assert dict(zip(LABELS, (t.plain for t in counts), strict=True)) | {
            "omitted": str(omitted),
            "boilerplate": "6",
        } == dict(zip(LABELS, (t.plain for t in counts), strict=True))
        table.select_id("broadsheet")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(AlignedView)
        assert view.texts is not None and view.texts.comparison.target == "broadsheet"
        first = view.rows[0]
        assert view.row_marks(first) == [("boilerplate", False)]
        assert view.render_line(0).text.lstrip("\u258c ").startswith("B")


# ------------------------------------------------------------------------------ families


def _family_of(report: Report, doc: str, sentence: int) -> Family:
    assert report.provenance is not None
    return next(
        f
        for f in report.provenance.families
        for v in f.variants
        if v.doc == doc and sentence in v.sentences
    )


def test_a_furniture_family_is_boilerplate_not_a_verbatim_original(flood: Report) -> None:
    components = family_components(flood)
    families = json.loads(render(flood, "json"))["families"]
    for start in FLOOD_FURNITURE:
        family = _family_of(flood, "wire", _sentence(flood, "wire", start))
        origin = next(v for v in family.variants if v.doc == family.origin)
        assert (family.origin, origin.label) == ("wire", "boilerplate")
        assert family.furniture and family.agree
        assert variant_heading(family, origin).split()[1] == "B"
        # Papers that left the slug line out do not "disagree" with the wire.
        assert not disagreeing(flood, family, components)
        # The reports' family table (all families shown when there are few).
        (row,) = family_table(flood, [family], []).rows
        assert [c.letter for c in row.cells if c.origin] == ["B"]
        (entry,) = [f for f in families if f["id"] == family.id]
        assert [v["label"] for v in entry["variants"] if v["doc"] == "wire"] == ["boilerplate"]
    # The wire's writing is still its verbatim original form.
    lead = _family_of(flood, "wire", _sentence(flood, "wire", "Around 340 homes"))
    assert next(v.label for v in lead.variants if v.doc == lead.origin) == "verbatim"


# --------------------------------------------------------------------------- attribution

ATTRIBUTIONS = [
    # Title before the name (the seeds' BlackRock passage).
    (
        "The firm has seen strong interest in long-term infrastructure projects, BlackRock "
        "Chief Executive Officer Larry Fink said in the statement.",
        ["BlackRock Chief Executive Officer Larry Fink"],
    ),
    (
        "Bank of England Governor Andrew Bailey said rates would have to stay higher for longer.",
        ["Bank of England Governor Andrew Bailey"],
    ),
    ("Prosecutor Anne Hale said the fuel had a value of up to £58,000.", ["Prosecutor Anne Hale"]),
    # The name, then its title after a comma.
    (
        "Larry Fink, chief executive of BlackRock, said the firm would keep buying.",
        ["Larry Fink"],
    ),
    (
        "Paul Venn, 44, of Newton Abbot, said he had not known the fuel was stolen.",
        ["Paul Venn"],
    ),
    # Four comma-set pieces, a court report's address: the street is not who spoke.
    (
        "Graham Ashdown, 58, of Larkspur Drive, Harrogate, North Yorkshire, told the court.",
        ["Graham Ashdown"],
    ),
    # "said X, chief executive of Y".
    (
        '"We are long-term investors," said Larry Fink, chief executive of BlackRock.',
        ["Larry Fink"],
    ),
    ('"He was the man the port trusted," Ms Hale told the court.', ["Ms Hale"]),
    ("According to the Financial Times, the deal has been called off.", ["Financial Times"]),
    # Not a name: a day, a pronoun.
    ("The company said Monday that profits had risen.", []),
    ("He said the port would review its procedures.", []),
    # A contracted pronoun after the verb is no one's name.
    ("Castle began by joking: \"I've been told I've got ninety seconds.\"", []),
    # Not a name: a word that opens the sentence, before a comma-set piece or a month.
    ("Meanwhile, the firm's lawyer, a partner at Hale & Co, said the case was weak.", []),
    ("However, the company, which makes cars, said it would appeal.", []),
    ("Yesterday, a spokesman, said no.", []),
    ("In March Smith said no.", ["Smith"]),
]


@pytest.mark.parametrize(("sentence", "names"), ATTRIBUTIONS)
def test_attributions_are_named_whole(sentence: str, names: list[str]) -> None:
    assert attribution_names(sentence) == names


def test_dropped_attributions_name_whole_phrases_of_the_source(seeds_report: Report) -> None:
    assert seeds_report.provenance is not None
    dropped = [
        o
        for o in seeds_report.provenance.omissions
        if o.kind == "attribution" and "dropped the attribution to " in o.detail
    ]
    assert dropped
    for o in dropped:
        name = o.detail.rsplit("dropped the attribution to ", 1)[1]
        text = seeds_report.document(o.source).text
        at = text.find(name)
        assert at >= 0, name
        # Never cut mid-title: no capitalised word runs into the name from before.
        assert not re.search(r"[A-Z][\w’'.-]+\s+$", text[:at]), name
    assert any(
        o.detail.endswith("to BlackRock Chief Executive Officer Larry Fink") for o in dropped
    )


def test_a_byte_identical_copy_of_a_wire_is_wholly_reused_as_it_is_wholly_derived(
    tmp_path: Path,
) -> None:
    """The f01 wire's rule lines are furniture, labelled boilerplate on both sides: they are
    neither reused nor not, so an exact copy reads 100% both ways, in the matrix too, not
    "94% of wire reused" beside "100% derived"."""
    wire = Path(__file__).resolve().parents[1] / "benchmarks/data/news/f01-courts-fraud/wire.txt"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(wire.read_bytes())
    report = compare_paths([str(wire), str(copy)], reference=str(wire))
    (c,) = report.comparisons
    assert any(p.label == "boilerplate" and p.source_sentences for p in c.passages)
    # Each rule line side by side with its copy: the side by side had shown it "not in" the
    # copy on one row and "not in" the wire on the next.
    furniture = [p for p in c.passages if p.label == "boilerplate"]
    assert all(p.source_sentences and p.target_sentences for p in furniture)
    assert c.coverage["target_derived"] == 1.0 and c.coverage["source_reused"] == 1.0
    assert report.similarity is not None
    assert report.similarity.shared == ((1.0, 1.0), (1.0, 1.0))


def test_a_copy_saying_the_agency_supplied_it_says_it_was_published_elsewhere() -> None:
    """'This story was supplied by Britwire and is published unedited' read as the copy's
    own text, and the tree found no mark of the copy saying where it came from."""
    from tui.core.boilerplate import syndicated
    from tui.core.model import Document

    def doc(text: str) -> Document:
        return Document(id="d", path="d.txt", sha256="", encoding="utf-8", text=text, size=0)

    for line, said in (
        ("This story was supplied by Britwire and is published unedited.", "This story was"),
        ("This article has been provided by Reuters.", "This article has been provided by"),
        ("This article originally appeared on The Conversation.", "originally appeared"),
    ):
        assert said in syndicated(doc(f"Councillors voted 38 to 31.\n\n{line}\n")), line
    # A story that says who supplied the council's figures, or who wrote a report it covers,
    # is no syndicated copy.
    for line in (
        "The figures were supplied by the council on Monday.",
        "The report was provided by the district auditor.",
        "The content is distributed by the council's own channels.",
    ):
        assert syndicated(doc(line + "\n")) == "", line
