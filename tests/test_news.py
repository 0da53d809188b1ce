"""Newsroom material: a wire story and what papers make of it (tests/data/news-flood, written
for these tests), agency furniture, dates, shared quotations and families without their
original."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from tui.core import engine
from tui.core.boilerplate import _agency_kind, agency_furniture, boilerplate_sentences
from tui.core.dates import DatesError, apply_dates, compare_dates, read_dates_file, slug_date
from tui.core.engine import compare_paths
from tui.core.loading import load_document
from tui.core.model import Comparison, Document, Report
from tui.core.segment import segment
from tui.core.settings import Settings

from .conftest import SEEDS, seed_paths

FLOOD = Path(__file__).parent / "data" / "news-flood"
NEWS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "news"


@pytest.fixture(scope="module")
def flood() -> Report:
    return compare_paths([str(FLOOD)])


def _verdicts(report: Report) -> dict[str, str]:
    return {c.target: c.verdict for c in report.comparisons}


def _edges(report: Report) -> set[tuple[str, str]]:
    assert report.provenance is not None
    return {(e.parent, e.child) for e in report.provenance.tree.edges}


def test_the_wire_story_is_the_original(flood: Report) -> None:
    assert flood.reference == "wire"
    # The reason names the evidence that decided it.
    assert "agency furniture" in flood.reference_reason


def test_verdicts_on_the_journalists_three_levels(flood: Report) -> None:
    """The tabloid condenses the wire (its facts, little of its wording); the broadsheet
    rewrites it and adds its own reporting; the independent story shares only the council
    leader's quote, heard by every reporter there."""
    assert _verdicts(flood) == {
        "tabloid": "wholly-derived",
        "broadsheet": "partially-derived",
        "independent": "independent",
    }


def test_tree_hangs_both_copies_under_the_wire(flood: Report) -> None:
    assert _edges(flood) == {("wire", "tabloid"), ("wire", "broadsheet")}
    tree = flood.provenance.tree
    assert tree.independent == ["independent"]
    for e in tree.edges:
        assert e.basis == "evidence" and e.strength in ("strong", "moderate")
        assert any("agency furniture" in line for line in e.evidence)
    tabloid = next(e for e in tree.edges if e.child == "tabloid")
    assert any("'today' -> 'yesterday'" in line for line in tabloid.evidence)


@pytest.mark.parametrize(
    ("meta", "date"),
    [
        # The page's own time, in UTC: only the hour orders two versions of one day.
        (
            'property="article:published_time" content="2026-03-03T08:05:00-05:00"',
            "2026-03-03T13:05Z",
        ),
        # A page giving its day only is dated by the day, not its midnight, even with a zone;
        # a time without a zone, by its day (nothing could compare it to the minute).
        ('property="article:published_time" content="2026-03-03"', "2026-03-03"),
        ('property="article:published_time" content="2026-03-03T00:00:00-05:00"', "2026-03-03"),
        ('property="article:published_time" content="2026-03-03T08:05:00"', "2026-03-03"),
    ],
)
def test_a_pages_publication_time_is_read_from_its_metadata(
    tmp_path: Path, meta: str, date: str
) -> None:
    from tui.core.loading import load_documents

    page = tmp_path / "page.html"
    body = "<p>The furniture chain said on Tuesday that it would close 27 of its stores.</p>"
    page.write_text(
        f"<html><head><meta {meta}></head><body><article>{body}</article></body></html>"
    )
    doc = load_documents([str(page)]).documents[0]
    assert (doc.date, doc.date_source) == (date, "html metadata")


def test_a_wire_dated_before_a_page_of_the_same_day_is_not_drawn_from_it() -> None:
    """AFP filed at 12:15 GMT; The City Page published at 13:05 UTC the same day, which its
    page's metadata says and trafilatura's date (the day alone) dropped: the tree drew the
    wire as copied from the page."""
    report, parent = _family_tree("f09-reuters-retail")
    assert report.document("thecitypage").date == "2026-03-03T13:05Z"
    assert parent.get("afp-wire") != "thecitypage"


def test_wire_furniture_is_boilerplate_and_dates_the_story(flood: Report) -> None:
    wire = flood.document("wire")
    assert (wire.date, wire.date_source) == ("2026-02-04T11:20", "slug line")
    furniture = [
        " ".join(wire.cut(s).split())
        for i in flood.provenance.inserts
        if i.doc == "wire" and i.kind == "boilerplate"
        for s in i.spans
    ]
    assert any(f.startswith("11:20 04/02/26") for f in furniture)
    assert any(f.startswith("(Memo to editors") for f in furniture)
    assert any(f.startswith("By Tom Ashcroft, PA News") for f in furniture)
    assert any(f.startswith("end") for f in furniture)
    # The "<" closing each paragraph ends it: the story's paragraphs are separate.
    assert sum(1 for s in wire.sentences if s.kind == "text") >= 6


def test_shared_quote_counts_only_when_asked(flood: Report) -> None:
    c = flood.comparison("independent")
    quotes = [p for p in c.passages if p.derived and p.quote]
    assert quotes, "the council leader's words are a shared quotation"
    assert c.coverage["target_derived"] == 0.0 and c.coverage["shared_quotes"] > 0
    counted = compare_paths([str(FLOOD)], reference="wire", settings=Settings(exclude_quotes=False))
    assert counted.comparison("independent").coverage["target_derived"] > 0


def test_a_quote_copied_with_the_text_around_it_is_copied_text() -> None:
    """A republished agency story keeps the quotes where the wire had them, between copied
    sentences: that is copying, not two reporters hearing the same words."""
    pairs = Path(__file__).resolve().parents[1] / "benchmarks/data/news/pairs-b.jsonl"
    pair = next(
        json.loads(line)
        for line in pairs.read_text(encoding="utf-8").splitlines()
        if '"p04-naples-painting-republished"' in line
    )
    docs = [
        Document(id=k, path=f"{k}.txt", sha256="", encoding="utf-8", text=pair[k], size=0)
        for k in ("wire", "paper")
    ]
    c = engine.compare(docs, reference="wire").comparison("paper")
    paper = docs[1].text
    quoted = [
        p
        for p in c.passages
        if p.derived and any(q in paper[a:b] for a, b in p.target_spans for q in '"\u201c')
    ]
    assert quoted and not any(p.quote for p in quoted)
    assert c.coverage["shared_quotes"] == 0.0 and c.verdict == "wholly-derived"


def test_a_version_never_derives_from_one_published_later() -> None:
    """Dates are decisive: dated before the wire, the tabloid cannot come from it."""
    dates = (("tabloid.txt", "2026-02-03"), ("wire.txt", "2026-02-04"))
    report = compare_paths([str(FLOOD)], settings=Settings(dates=dates))
    assert ("wire", "tabloid") not in _edges(report)
    assert report.document("tabloid").date_source == "--dates"
    dated = compare_paths(
        [str(FLOOD)],
        settings=Settings(dates=(("wire.txt", "2026-02-04"), ("broadsheet.txt", "2026-02-05"))),
    )
    edge = next(e for e in dated.provenance.tree.edges if e.child == "broadsheet")
    assert (edge.parent, edge.basis, edge.strength) == ("wire", "dates", "decisive")


def test_dates_files_and_slug_lines(tmp_path: Path) -> None:
    f = tmp_path / "dates.tsv"
    f.write_text("a.txt\t2026-05-02\n# comment\nb.txt,2026-05-03T08:15:00Z\n", encoding="utf-8")
    assert read_dates_file(f) == {"a.txt": "2026-05-02", "b.txt": "2026-05-03T08:15Z"}
    # Times in different zones are compared in UTC ("Z"): the wire, filed at 10:00 in
    # Sydney, came an hour before the paper's 20:00 in New York the evening before.
    f.write_text(
        "wire.txt\t2026-03-12T10:00:00+10:00\nexpress.txt\t2026-03-11T20:00:00-05:00\n",
        encoding="utf-8",
    )
    zoned = read_dates_file(f)
    assert zoned == {"wire.txt": "2026-03-12T00:00Z", "express.txt": "2026-03-12T01:00Z"}
    assert compare_dates(zoned["wire.txt"], zoned["express.txt"]) == -1
    # A local time (a PA slug's) and a UTC one meet by day only: 15:42 somewhere and 13:42
    # GMT may be the same minute; and only where no zone could put them on one day: at
    # 01:00 UTC on the 16th it is still the 15th in New York.
    pa = slug_date("15:42 15/06/26: Page 1 (HHH) COURTS Bridge")
    assert pa == "2026-06-15T15:42"
    assert compare_dates(pa, "2026-06-15T14:30Z") == 0
    assert compare_dates(pa, "2026-06-16T01:00Z") == 0
    assert compare_dates(pa, "2026-06-16T13:00Z") == -1
    assert compare_dates("2026-06-08T23:30Z", "2026-06-09") == 0  # already the 9th in Paris
    assert compare_dates("2026-06-15T16:12Z", "2026-06-14") == 1
    # An offset that puts a time before the calendar's first day is no date, not a crash.
    f.write_text("a.txt\t0001-01-01T00:30+01:00\n", encoding="utf-8")
    with pytest.raises(DatesError, match="not an ISO 8601 date"):
        read_dates_file(f)
    # Each wrong file says what is wrong with it.
    (tmp_path / "list.json").write_text('["wire.txt", "2026-03-12"]', encoding="utf-8")
    for name, why in (("missing.json", "no such file"), ("list.json", "a JSON list")):
        with pytest.raises(DatesError, match=why):
            read_dates_file(tmp_path / name)
    # A first path opening with "[" is a line of a dates file, not a JSON list.
    (tmp_path / "bracket.tsv").write_text("[AP] wire.txt\t2026-06-15\n", encoding="utf-8")
    assert read_dates_file(tmp_path / "bracket.tsv") == {"[AP] wire.txt": "2026-06-15"}
    # A document named twice (its path and its file name) is no stray name: no warning.
    doc = Document("wire", "f01/wire.txt", "0", "utf-8", "Text.", 5)
    given = {"wire.txt": "2026-03-12", "f01/wire.txt": "2026-03-11", "nope.txt": "2026-01-01"}
    assert apply_dates([doc], given) == ["--dates: 'nope.txt' names no loaded document"]
    assert doc.date == "2026-03-11"  # the path, the most exact name, decides
    assert slug_date("----\n16:05 14/03/00: Page 2 (HHH) COURTS Bridge\n") == "2000-03-14T16:05"
    assert slug_date("UPDATE 2-Shares slump\n03-Mar-2026 09:47 GMT\n") == "2026-03-03T09:47Z"
    assert slug_date("UPDATE 2-Shares slump\n03-Mar-2026 09:47\n") == "2026-03-03T09:47"
    assert slug_date("A story that starts at 10:30 on 14/03/00.") == ""
    # AP's filing time under the byline, month first, on a line of its own; its zone named,
    # in UTC.
    assert slug_date("By JANE ROE\nAssociated Press\nJun. 15, 2026 9:12 AM MST\n") == (
        "2026-06-15T16:12Z"
    )
    assert slug_date("Jul. 8, 2026 4:00 PM EDT\n") == "2026-07-08T20:00Z"
    assert slug_date("July 8, 2026, 12:05 a.m.\n") == "2026-07-08T00:05"
    assert slug_date("It began on Jun. 15, 2026 9:12 AM, officials said.") == ""
    # AFP's closing line: day, hour and minute, then month and year.
    assert slug_date("The story.\n\ncfd/apo/jxb\n\nAFP 141532 GMT MAY 26\n") == "2026-05-14T15:32Z"
    assert compare_dates("2026-05-02", "2026-05-03T01:00") == -1
    assert compare_dates("2026-05-03", "2026-05-03T01:00") == 0  # same day, time unknown


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("16:05 14/03/00: Page 2 (HHH) COURTS Bridge", "slug"),
        ("03-Mar-2026 09:47 GMT", "slug"),
        ("Switzerland-UN-diplomacy-telecommunication-internet,FOCUS", "slug"),
        ("AFP 141532 GMT MAY 26", "slug"),
        ("Mother-in-law", ""),
        ("------------------------------------------", "rule"),
        ("(Memo to editors: Embargoed until 00.01 Thursday)", "memo"),
        ("By Jane Roe, PA News", "byline"),
        ("By Ana Ruiz, Associated Press", "byline"),
        ("(Reporting by Fiona Addo; Editing by Harriet Ames)", "credit"),
        ("Associated Press writer Jim Bo contributed to this report.", "credit"),
        ("str/abc", "initials"),
        ("ENDS", "end"),
        ("end<", "end"),
        ("MORE", "end"),
        # Prose, a paper's own byline and a headline are not furniture.
        ("More than 100 people died in the fire.", ""),
        ("By Mark Ashworth, Political Correspondent", ""),
        ("The end of an era for the pier", ""),
        ("HARBOURMASTER JAILED FOR SELLING SEIZED FUEL", ""),
    ],
)
def test_agency_furniture_by_shape(line: str, kind: str) -> None:
    assert _agency_kind(line) == kind


@pytest.mark.parametrize(
    ("first", "dateline"),
    [
        ("WASHINGTON (AP) — Lawmakers voted on Tuesday.", "WASHINGTON (AP) —"),
        ("LONDON, March 3 (Reuters) - Shares fell on Monday.", "LONDON, March 3 (Reuters) -"),
        ("Geneva (AFP) - Talks resumed in the city.", "Geneva (AFP) -"),
        ("FLAGSTAFF, Ariz. (AP) — A wildfire raced north.", "FLAGSTAFF, Ariz. (AP) —"),
        ("The talks (in Geneva) resumed on Monday.", None),
    ],
)
def test_an_agency_dateline_is_furniture_of_its_own(first: str, dateline: str | None) -> None:
    from tui.core.boilerplate import boilerplate_sentences
    from tui.core.model import Document
    from tui.core.segment import segment

    doc = segment(Document("d", "d.txt", "", "utf-8", first + "\nIt went on.\n", 0))
    kinds = [(s.kind, doc.cut((s.start, s.end))) for s in doc.sentences]
    if dateline is None:
        assert all(k != "dateline" for k, _ in kinds)
        return
    assert kinds[0] == ("dateline", dateline)
    assert kinds[1][1] == first[len(dateline) + 1 :]
    assert 0 in boilerplate_sentences(doc) and 1 not in boilerplate_sentences(doc)


def test_a_paper_is_not_agency_copy(flood: Report) -> None:
    assert agency_furniture(flood.document("wire"))
    for doc in ("tabloid", "broadsheet", "independent"):
        assert agency_furniture(flood.document(doc)) == []


def _thirds(tmp: Path, seed: str, prefix: str) -> list[str]:
    """Three versions of a seed story, each keeping two of its three thirds: none is the
    original of the others."""
    paras = [p for p in (SEEDS / seed).read_text(encoding="utf-8").split("\n") if p.strip()]
    k = len(paras) // 3
    parts = [paras[:k], paras[k : 2 * k], paras[2 * k :]]
    out = []
    for drop in range(3):
        kept = [p for i, part in enumerate(parts) if i != drop for p in part]
        path = tmp / f"{prefix}{drop}.txt"
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
        out.append(str(path))
    return out


def test_two_families_without_their_originals_get_a_lost_original_each(tmp_path: Path) -> None:
    """The case that crashed build_tree: one lost original per connected group."""
    paths = _thirds(tmp_path, "000_dcce54c3826141f5.txt", "a") + _thirds(
        tmp_path, "003_bdfd22743b811459.txt", "b"
    )
    report = compare_paths(paths)
    tree = report.provenance.tree
    lost = sorted(n for n in tree.nodes if n.startswith("~"))
    assert lost == ["~lost-original-1", "~lost-original-2"]
    groups = {node: {e.child[0] for e in tree.edges if e.parent == node} for node in lost}
    assert sorted(groups.values(), key=sorted) == [{"a"}, {"b"}]
    assert all(e.basis == "inferred" for e in tree.edges if e.parent in lost)


def test_a_tree_that_fails_leaves_the_comparisons(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise KeyError("never compared")

    monkeypatch.setattr(engine, "build_tree", broken)
    report = compare_paths([str(FLOOD)])
    assert len(report.comparisons) == 3
    assert report.provenance is not None and report.provenance.families
    assert any(re.match(r"the derivation tree could not be built", w) for w in report.warnings)


def test_every_cut_off_is_named_with_a_reason() -> None:
    cutoffs = Settings().as_dict()["thresholds"]
    assert isinstance(cutoffs, dict) and len(cutoffs) > 30
    assert all(v["why"] for v in cutoffs.values())
    tighter = replace(
        Settings().thresholds,
        partially_derived=0.9,
        region_chars=10**6,
        region_pair_chars=10**6,
        region_passages=99,
    )
    report = compare_paths([str(FLOOD)], settings=Settings(thresholds=tighter))
    assert _verdicts(report)["broadsheet"] == "independent"  # the cut-off changes a result


@pytest.mark.parametrize(
    ("family", "wire", "lines"),
    [
        (
            "f07-ap-wildfire",
            "wire.txt",
            [
                "AP-US--Western-Wildfires-Arizona",
                "Eds: UPDATES",
                "With AP Photos.",
                "Associated Press",
                "Jun. 15, 2026 9:12 AM MST",
            ],
        ),
        (
            "f08-reuters-cricket",
            "2026-05-02_reuters-sport_story_reuters-wire.txt",
            ["By Tom Ashcroft"],
        ),
        (
            "f11-lna-databreach",
            "scrape-2026-06-12__lna-wire__stagepass-breach.txt",
            [
                "LNA|TECH|0917",
                "PRIORITY: 2",
                "SLUG: TECH",
                "[Editors: LNA photo",
                "Replaces 0802 snap.]",
                "+++ ENDS +++",
            ],
        ),
    ],
)
def test_agencies_routing_lines_and_notes_are_furniture(
    family: str, wire: str, lines: list[str]
) -> None:
    """AP's, Reuters' and a national agency's routing lines, notes to editors, bylines and
    filing times are furniture by their shape: a paper that leaves them out omitted nothing."""
    path = Path(__file__).resolve().parents[1] / "benchmarks/data/news" / family / wire
    doc = segment(load_document(path))
    furniture = [doc.sentence_text(i) for i in boilerplate_sentences(doc)]
    for line in lines:
        assert any(f.startswith(line) for f in furniture), line
    story = [
        doc.sentence_text(i)
        for i in range(len(doc.sentences))
        if i not in boilerplate_sentences(doc)
    ]
    assert len(story) > 10 and not any(s.startswith(("By ", "Eds", "SLUG")) for s in story)


def _wire_and(name: str, text: str) -> Comparison:
    wire = (NEWS / "f02-courts-hedge" / "wire.txt").read_text(encoding="utf-8")
    docs = [
        Document(id=k, path=f"{k}.txt", sha256="", encoding="utf-8", text=t, size=0)
        for k, t in (("wire", wire), (name, text))
    ]
    return engine.compare(docs, reference="wire").comparison(name)


def test_a_short_paragraph_pasted_into_a_long_page_is_partially_derived() -> None:
    """Two of the wire's sentences pasted into a long piece on another subject: a small part
    of that piece, under the two sentences' worth of copied text one sentence would need,
    and still a copy."""
    pasted = (
        "Pruett went out into the lane to confront him and punched him once in the face. "
        "Mr Vane, an IT consultant, fell backwards and struck his head on the kerb."
    )
    assert 120 <= len("".join(pasted.split())) < 200
    page = (NEWS / "f05-health-gardening" / "16.09.26_health052_telegraph.txt").read_text(
        encoding="utf-8"
    )
    paras = page.split("\n\n")
    mid = len(paras) // 2
    c = _wire_and("page", "\n\n".join([*paras[:mid], pasted, *paras[mid:]]))
    assert c.coverage["target_derived"] < 0.2
    assert [p.label for p in c.passages if p.derived] == ["verbatim", "verbatim"]
    assert c.verdict == "partially-derived"


def test_loose_matches_from_across_a_story_are_not_a_copy() -> None:
    """The Telegraph's own report of the hedge case shares the judge's words and a few
    facts, which its writer placed in one stretch of the page: three loose matches from all
    over the wire are no run of it, and under a fifth of the page derives from the wire."""
    c = _wire_and("telegraph", (NEWS / "f02-courts-hedge" / "telegraph.txt").read_text("utf-8"))
    counted = [p for p in c.passages if p.derived and not p.quote]
    assert len(counted) >= 3 and c.coverage["target_derived"] < 0.2
    assert c.verdict == "independent"


def test_a_tabloid_rewrite_keeping_short_phrases_is_found() -> None:
    """The Sun's five-sentence version of the hedge case swaps most of the wire's words
    ("floored", "cracked his head") but keeps short phrases in the wire's order: its
    sentence on the kerb shares a third of its word pairs with the wire's and is a link,
    vouched for by the lede before it and the hedge's nickname after it."""
    report = engine.compare(
        [load_document(NEWS / "f02-courts-hedge" / f) for f in ("wire.txt", "sun.txt")],
        reference="wire",
    )
    c = report.comparison("sun")
    wire, sun = report.documents

    def text(doc: Document, sentences: tuple[int, ...]) -> str:
        return " ".join(doc.sentence_text(i) for i in sentences)

    linked = {
        text(sun, p.target_sentences): text(wire, p.source_sentences)
        for p in c.passages
        if p.derived
    }
    kerb = next(t for t in linked if "cracked his head on the kerb" in t)
    assert "struck his head on the kerb" in linked[kerb]
    assert c.verdict != "independent" and c.coverage["target_derived"] > 0.4


def _family_tree(
    name: str, dates: bool = False, leave_out: str = ""
) -> tuple[Report, dict[str, str]]:
    """A whole news family compared as a user opening its folder would (but for the
    version ``leave_out``), and each version's parent in the tree."""
    from tui.core.dates import apply_dates
    from tui.core.engine import compare
    from tui.core.loading import load_documents

    folder = NEWS / name
    loaded = load_documents([str(folder)])
    loaded.documents[:] = [d for d in loaded.documents if d.id != leave_out]
    if dates:
        given = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["dates"]
        apply_dates(loaded.documents, {str(folder / f): d for f, d in given.items()})
    report = compare(loaded.documents, warnings=loaded.warnings)
    return report, {e.child: e.parent for e in report.provenance.tree.edges}


def test_a_papers_own_reporting_taken_by_a_later_rewrite_does_not_hide_the_wire() -> None:
    """The Mirror rewrote the wire around its own interview; a local paper then rewrote the
    Mirror, interview and all. The words the Mirror shares with its own copy are not words
    it borrowed from elsewhere: the wire is still its source, not a lost original."""
    report, parent = _family_tree("f01-courts-fraud")
    mirror = "12.03.26_courts114_mirror"
    assert report.reference == "wire"
    assert parent[mirror] == "wire"
    assert parent["13.03.26_courts114_niddgazette"] == mirror
    assert "wire" not in parent


def test_a_paper_fuller_than_the_wire_around_its_own_reporting_is_still_from_it() -> None:
    """The Red Rock Gazette wraps the wire's facts in its own Sedona reporting: sentences
    inside the wire's paragraphs and more names. Against the wire's agency furniture, that
    is what a paper adds, not what the wire cut: no lost original above the wire. (Without
    the local scoop dated the day before the wire: the two share a sheriff's statement, a
    source neither took from the other, as the next test shows.)"""
    report, parent = _family_tree("f07-ap-wildfire", leave_out="pinecourier")
    assert parent["red-rock-gazette"] == "wire"
    assert "wire" not in parent
    assert not any(node.startswith("~") for node in report.provenance.tree.nodes)


def test_a_local_scoop_dated_before_the_wire_is_not_made_its_source() -> None:
    """A local paper published the day before the wire shares the sheriff's statement with
    it. The date forbids the paper coming from the wire; it does not make the wire, furniture
    and all, a copy of the paper. The wire's own filing time under its byline ("Jun. 15,
    2026 9:12 AM MST") is enough: no dates need be given."""
    for dates in (True, False):
        report, parent = _family_tree("f07-ap-wildfire", dates=dates)
        assert report.document("wire").date.startswith("2026-06-15")
        assert report.reference == "wire"
        assert parent.get("wire") != "pinecourier"
        assert parent.get("pinecourier") != "wire"


def test_a_paper_that_used_the_wire_and_another_source_hangs_under_the_wire() -> None:
    """The Northern Post rewrote the AP wire and took a few words from elsewhere (a leaflet
    another paper also mentions), so the wire was not its only source. The wire's furniture
    says it came first, and no other version can be the paper's source: the paper hangs
    under the wire, its edge saying it drew on another source too, and no lost original is
    put above the wire."""
    report, parent = _family_tree("f12-ap-falls-study")
    tree = report.provenance.tree
    assert report.reference == "wire"
    assert parent["the-northern-post"] == "wire" and "wire" not in parent
    assert not any(node.startswith("~") for node in tree.nodes)
    edge = next(e for e in tree.edges if e.child == "the-northern-post")
    assert any("drew on another source as well" in line for line in edge.evidence)
    # Its reason for not coming from the wire alone is still given.
    assert any(n.startswith("the-northern-post is not from wire alone") for n in tree.notes)


def test_without_a_mark_of_first_publication_borrowed_words_still_rule_a_parent_out() -> None:
    """Seeds: 002 shares words with 001 that 000 never uses, and 000 shows no date,
    furniture or syndication line saying it was published first, only edits. 002 is not
    hung under 000: the three share a source that is not among them."""
    report = compare_paths(seed_paths())
    tree = report.provenance.tree
    lost = [e.child for e in tree.edges if e.parent.startswith("~")]
    assert sorted(lost) == sorted(d.id for d in report.documents)[:3]


@pytest.mark.parametrize(
    ("family", "version", "copy"),
    [
        # A content farm spun the wire; another site republished the wire word for word.
        ("f12-ap-falls-study", "wellness-wire-daily", "seniorliving-today"),
        # The Chronicle rewrote the wire; NewsBites republished it.
        (
            "f11-lna-databreach",
            "scrape-2026-06-12__dublin-daily-chronicle__stagepass-breach",
            "scrape-2026-06-12__newsbites-ie__stagepass-breach",
        ),
        # The Times rewrote the wire's facts; the Express kept the wire almost word for word.
        ("f01-courts-fraud", "12.03.26_courts114_times", "12.03.26_courts114_express"),
    ],
)
def test_a_version_holding_as_much_of_the_wire_as_of_its_copy_hangs_under_the_wire(
    family: str, version: str, copy: str
) -> None:
    """Two candidate parents hold the same of a version, and one is a copy of the other: the
    version is taken from the original, not from whichever near-identical text happens to
    share one passage more with it."""
    report, parent = _family_tree(family)
    wire = report.reference
    assert parent[copy] == wire
    assert parent[version] == wire


def test_a_blog_crediting_a_paper_by_name_hangs_under_that_paper() -> None:
    """TechTalk Ireland rewrote the Dublin Daily Chronicle's story around its own commentary
    and says so ("The Dublin Daily Chronicle spoke to customers ..."). Its commentary sits
    inside the Chronicle's paragraphs, which read as sentences the Chronicle cut, and the
    two were taken as both worked on since a common source; naming the Chronicle's site
    (its page's metadata) says which came first."""
    report, parent = _family_tree("f11-lna-databreach")
    chronicle = "scrape-2026-06-12__dublin-daily-chronicle__stagepass-breach"
    blog = "scrape-2026-06-12__techtalk-ireland__stagepass-breach"
    assert report.document(chronicle).publisher == "Dublin Daily Chronicle"
    assert parent[blog] == chronicle
    edge = next(e for e in report.provenance.tree.edges if e.child == blog)
    assert any("credits" in line and "Dublin Daily Chronicle" in line for line in edge.evidence)


@pytest.mark.parametrize(
    ("site", "text", "credited"),
    [
        ("Dublin Daily Chronicle", "The Dublin Daily Chronicle spoke to customers.", True),
        ("NewsBites.ie", "First reported by NewsBites this morning.", True),
        # A site's name is a proper noun: the same words in lower case are no credit.
        ("Dublin Daily Chronicle", "a dublin daily chronicle of events", False),
        # One English word ("Express"; "news" left of a host name) is said in any story.
        ("Express", "Express trains were cancelled.", False),
        ("news.com.au", "Local news reported the closure.", False),
    ],
)
def test_naming_another_versions_site_is_a_credit(site: str, text: str, credited: bool) -> None:
    from tui.core.direction import _credit

    def doc(name: str, body: str, publisher: str) -> Document:
        return Document(name, f"{name}.html", "", "utf-8", body, 0, publisher=publisher)

    reader = doc("blog", text, "Some Blog")
    assert bool(_credit(reader, doc("paper", "The story.", site))) is credited


@pytest.mark.parametrize(
    ("family", "copy", "paper", "words"),
    [
        # A showbiz site rewrote the Sun's exclusive: "According to The Sun, it was Lorna ..."
        ("f03-showbiz-awards", "showbizdaily", "sun", "According to The Sun"),
        # A local blog quotes the Gazette's interviews: "... told the Red Rock Gazette that".
        ("f07-ap-wildfire", "sedona-locals-blog", "red-rock-gazette", "told the Red Rock Gazette"),
    ],
)
def test_a_version_crediting_a_paper_saved_under_its_name_hangs_under_it(
    family: str, copy: str, paper: str, words: str
) -> None:
    """Text files have no site name; journalists save each paper's story under the paper's
    name, and a rewrite that attributes what it reports to that paper came after it. Before,
    the Sun hung under showbizdaily, the site that credits it."""
    report, parent = _family_tree(family)
    assert parent[copy] == paper
    edge = next(e for e in report.provenance.tree.edges if e.child == copy)
    assert any(f"credits {paper} by name" in line and words in line for line in edge.evidence)


def test_swaps_count_only_over_what_every_candidate_parent_shares() -> None:
    """The Leeds Evening Courier shares eight passages with the wire, seven with The City
    Page. Counted over everything each shares with it, the wire's swaps (one passage more to
    hold them) made The City Page look the closer in wording; counted over the sentences
    both share with it, the two are as close, and the version hangs under the wire."""
    _, parent = _family_tree("f09-reuters-retail")
    assert parent["leeds-evening-courier"] == "wire"


@pytest.mark.parametrize("family", ["f01-courts-fraud", "f03-showbiz-awards", "f07-ap-wildfire"])
def test_every_excerpt_an_edge_quotes_can_be_found_in_its_version(family: str) -> None:
    """A journalist checks a line of evidence by finding its words in the file. A credit was
    quoted as repr writes it ('she told the Daily Mirror. "I rang Mum\\'s neighbour') and cut
    mid-word ('ber should never repeat'): neither could be found."""
    report, _ = _family_tree(family)
    texts = {d.id: " ".join(d.text.split()) for d in report.documents}
    checked = 0
    for edge in report.provenance.tree.edges:
        for line in edge.evidence:
            if "credits" not in line and "published elsewhere" not in line:
                continue
            excerpt = line.split(": ", 1)[1].strip("'").strip("\u2026")
            assert "\\" not in excerpt
            assert excerpt in texts[edge.child] or excerpt in texts[edge.parent], line
            checked += 1
    assert checked


@pytest.mark.parametrize(
    ("reader", "named", "text", "credited"),
    [
        ("showbizdaily", "sun", "According to The Sun, it was Lorna who wrote first.", True),
        ("niddgazette", "12.03.26_courts114_mirror", "she told the Daily Mirror on Tuesday.", True),
        ("blog", "mirror", "as first reported by the Mirror's crime desk.", True),
        # A paper's own interview names the paper itself.
        ("12.03.26_courts114_mirror", "mirror", "she told the Daily Mirror on Tuesday.", False),
        # Lower case is the word, not the paper; a name without an attribution is no credit;
        # nor is another paper's name.
        ("blog", "mirror", "according to the mirror in the hall", False),
        ("blog", "mirror", "The Mirror Lake trail reopened.", False),
        ("blog", "sun", "she told the Daily Mirror on Tuesday.", False),
        # A name in capitals is the paper still; a name with another word is another paper.
        ("blog", "sun", "She told The SUN it was over.", True),
        ("guardian", "bbc_news", "She told Sky News it was over.", False),
        ("blog", "16.09.26_health052_sun", "It rose, according to Public Health.", False),
        # A letter whose lower case is longer ("İ") does not shift where the name is read.
        ("blog", "sun", "\u0130stanbul: she told The Sun so.", True),
    ],
)
def test_attributing_a_report_to_a_versions_file_name_is_a_credit(
    reader: str, named: str, text: str, credited: bool
) -> None:
    from tui.core.direction import _credit

    def doc(name: str, body: str, publisher: str = "") -> Document:
        return Document(name, f"{name}.txt", "", "utf-8", body, 0, publisher=publisher)

    assert bool(_credit(doc(reader, text), doc(named, "The story."))) is credited
    # A page whose own site is the paper names itself.
    own = doc("page", "She told The Sun it was over.", publisher="The Sun")
    assert not _credit(own, doc("sun", "The story."))


@pytest.mark.parametrize(
    ("text", "name", "quoted"),
    [
        # The text's last words are kept where it ends within reach.
        (
            "He said the case, first reported by the Ledger, was closed",
            "first reported by the Ledger",
            "'He said the case, first reported by the Ledger, was closed'",
        ),
        # A full stop before the name is no sentence's end ("www.").
        (
            "read at www.NewsBites.ie where it ran first.",
            "NewsBites",
            "'read at www.NewsBites.ie where it ran first.'",
        ),
    ],
)
def test_a_credit_is_quoted_as_the_sentence_holding_it(text: str, name: str, quoted: str) -> None:
    from tui.core.direction import _around

    at = text.index(name)
    assert _around(text, at, at + len(name)) == quoted


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("DAILY HERALD, Wednesday, March 4, 2026 \u2014 MONEY, page 52", True),
        ("THE MORNING POST, Tuesday 16 June 2026, page 19 \u2014 WORLD IN BRIEF", True),
        ("Wednesday 4 March 2026 | Companies & Markets, page 17", True),
        # A sentence of the story that mentions a page and a year is the story's.
        ("The 2024 figures are on page 12 of the council's report.", False),
    ],
)
def test_a_cuttings_archives_page_line_is_the_papers_furniture(line: str, furniture: bool) -> None:
    """A paper's story kept with its print page line is no less a copy of the wire: the
    line is the archive's, not writing the paper added (f09's Daily Herald read partially
    derived for it)."""
    body = "SOFA GIANT AXES 27 STORES\n\nThe furniture chain said it would close 27 stores.\n"
    doc = segment(Document("d", "d.txt", "", "utf-8", f"{line}\n\n{body}", 0))
    assert (0 in boilerplate_sentences(doc)) is furniture
    assert len(doc.sentences) - 1 not in boilerplate_sentences(doc)


def test_the_daily_herald_kept_with_its_page_line_is_wholly_derived() -> None:
    wire = NEWS / "f09-reuters-retail" / "wire.txt"
    c = compare_paths([str(wire), str(wire.with_name("dailyherald.txt"))], reference=str(wire))
    assert c.comparisons[0].verdict == "wholly-derived"


def test_two_copies_of_the_wire_do_not_list_a_swap_back() -> None:
    """The Islands Monitor spun the wire's "paid for" into "financed"; WorldBrief kept the
    wire's words. Aligned with each other, WorldBrief turns "financed" back into "paid
    for": a reversal the wire's own comparisons explain, which would read as WorldBrief
    un-spinning a copy. The lexicon lists the swap once, the way the wire's copy made it."""
    report, _ = _family_tree("f10-afp-cables")
    entries = {(e.source, e.target): e for e in report.provenance.lexicon}
    assert ("paid for", "financed") in entries
    assert ("financed", "paid for") not in entries
    lineage = {(e.parent, e.child) for e in report.provenance.tree.edges}

    def on_lineage(key: tuple[str, str]) -> list[bool]:
        return [(x.source, x.target) in lineage for x in entries[key].where]

    for a, b in entries:
        if (b, a) in entries and any(on_lineage((b, a))):
            assert all(on_lineage((a, b))), (a, b)


def test_the_order_files_are_given_in_changes_no_figure() -> None:
    """Two versions the screening finds sharing nothing were aligned from the one named
    first, and an alignment is not symmetric: listing f01's papers in reverse changed six
    cells of the shared-content matrix (the Sun's 83% with the Express became 0%)."""
    from tui.core.engine import compare_paths

    folder = NEWS / "f01-courts-fraud"
    files = sorted(str(p) for p in folder.glob("*.txt"))

    def cells(paths: list[str]) -> dict[tuple[str, str], float]:
        s = compare_paths(paths).similarity
        assert s is not None
        return {(a, b): s.shared[i][j] for i, a in enumerate(s.ids) for j, b in enumerate(s.ids)}

    assert cells(files) == cells(files[::-1])


def test_a_wire_whose_credit_line_a_paper_kept_still_carries_the_furniture() -> None:
    """The City Page kept Reuters' "(Reporting by ...; Editing by ...)" line, so both
    versions carried agency furniture and the wire's slug and dateline counted for nothing:
    the page could be taken for the wire's source. Furniture only the wire has still
    says it is the copy as the agency filed it. (The page's time is left out: it would
    say so on its own.)"""
    from tui.core.engine import compare
    from tui.core.loading import load_documents

    folder = NEWS / "f09-reuters-retail"
    docs = load_documents([str(folder / "wire.txt"), str(folder / "thecitypage.html")]).documents
    page = next(d for d in docs if d.id == "thecitypage")
    assert page.date
    page.date = page.date_source = ""
    report = compare(docs)
    said = [*report.provenance.tree.notes, report.reference_reason]
    assert any(
        "wire carries agency furniture that thecitypage lacks: dateline, slug" in s for s in said
    )
    assert report.reference == "wire"


def test_two_versions_whose_marks_lean_one_way_are_not_said_to_be_weighed_across_others() -> None:
    """With two versions their own marks are all the marks there are: "weighed across every
    version it is related to" named no other, after "the marks do not say which came
    first"."""
    from tui.core.engine import compare_paths

    folder = NEWS / "f05-health-gardening"
    express, mirror = (str(folder / f"16.09.26_health052_{n}.txt") for n in ("express", "mirror"))
    reason = compare_paths([express, mirror]).reference_reason
    assert "they lean towards 16.09.26_health052_express coming first, too little" in reason
    assert "weighed across" not in reason


def test_two_copies_of_one_file_are_said_to_be_the_same_bytes(tmp_path: Path) -> None:
    """A version given twice (a byte copy under another name) hung under its twin 'a tie,
    broken by name order': true, but it hid that no text could ever tell them apart."""
    from tui.core.engine import compare_paths

    folder = NEWS / "f10-afp-cables"
    for name in ("wire.txt", "the-globe-courier.txt"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    (tmp_path / "globe-copy.txt").write_bytes((folder / "the-globe-courier.txt").read_bytes())
    tree = compare_paths([str(tmp_path)]).provenance.tree
    edge = next(e for e in tree.edges if e.child == "the-globe-courier")
    assert edge.parent == "globe-copy"
    assert any("the same file, byte for byte" in line for line in edge.evidence)


def test_word_swaps_are_listed_only_between_related_versions() -> None:
    """The word swaps view says 'swaps between related versions', yet listed the Geneva
    Tribune's, a report the tree and its own alignments call independent of every other."""
    report, _ = _family_tree("f10-afp-cables")
    verdicts = {(c.source, c.target): c.verdict for c in [*report.comparisons, *report.related]}
    sites = [(x.source, x.target) for e in report.provenance.lexicon for x in e.where]
    assert sites and all(verdicts[pair] != "independent" for pair in sites)
    assert "geneva-tribune" in report.provenance.tree.independent
    assert not any("geneva-tribune" in pair for pair in sites)


@pytest.mark.parametrize("family", [False, True])
def test_a_condensed_reference_finds_the_story_it_condenses(family: bool) -> None:
    """The Daily Clarion condenses the wire into seven sentences. With the Clarion as the
    reference, its own alignment read the wire's sentences against its condensed ones and
    found nothing: 'wire: independent, 0%', beside a tree hanging the Clarion under the
    wire by five shared passages (and, with only the two, no tree at all). The wire's
    comparison with the Clarion now holds those links, read from the Clarion's side."""
    folder = NEWS / "f10-afp-cables"
    clarion = str(folder / "daily-clarion.txt")
    paths = [str(folder)] if family else [str(folder / "wire.txt"), clarion]
    report = compare_paths(paths, reference=clarion)
    wire = next(c for c in report.comparisons if c.target == "wire")
    assert wire.verdict != "independent"
    assert ("wire", "daily-clarion") in _edges(report)
    # The comparison shows the passages the tree counts: wire sentences the Clarion restates.
    derived = [p for p in wire.passages if p.derived]
    assert len(derived) >= 4
    assert all(p.source_sentences and p.target_sentences for p in derived)
    # No sentence of either side is counted twice.
    for side in ("source_sentences", "target_sentences"):
        used = [i for p in derived for i in getattr(p, side)]
        assert len(used) == len(set(used))
    # A link too weak from the Clarion's side to stand alone says how it was found.
    from tui.core.align import NONE, strength

    th = Settings().thresholds
    assert any(p.linked_by == "reversed" for p in derived)
    assert all(p.linked_by or strength(p.signals, th) > NONE for p in derived)
    # The word swaps go the tree's way: the Clarion made the wire's "world's largest" into
    # "biggest", not the reverse its comparison reads.
    swaps = {(e.source, e.target): e for e in report.provenance.lexicon}
    assert ("world's largest", "biggest") in swaps and ("biggest", "world's largest") not in swaps
    site = swaps[("world's largest", "biggest")].where[0]
    assert (site.source, site.target) == ("wire", "daily-clarion")
    assert report.related_comparison("wire", "daily-clarion") is not None
    # The wire dropped nothing from the Clarion, which was made from it.
    assert not [o for o in report.provenance.omissions if o.doc == "wire"]


def test_a_version_the_tree_keeps_apart_is_not_read_from_the_other_side() -> None:
    """The other side's alignment is read only where the tree makes one version from the
    other: with the Maritime Gazette as the reference, the Geneva Tribune (independent of
    every version in the tree) read 'partially-derived, 36%' from it."""
    folder = NEWS / "f10-afp-cables"
    report = compare_paths([str(folder)], reference=str(folder / "maritime-gazette.txt"))
    assert "geneva-tribune" in report.provenance.tree.independent
    geneva = report.comparison("geneva-tribune")
    assert geneva.verdict == "independent"
    assert not any(p.linked_by == "reversed" for p in geneva.passages)


def test_the_original_as_reference_keeps_its_own_alignment() -> None:
    """The other side's alignment is read only where it finds more: with the wire as the
    reference, its comparison with the Clarion is the wire's own, as before."""
    folder = NEWS / "f10-afp-cables"
    wire = str(folder / "wire.txt")
    report = compare_paths([wire, str(folder / "daily-clarion.txt")], reference=wire)
    (c,) = report.comparisons
    assert c.verdict == "wholly-derived"
    assert not any(p.linked_by == "reversed" for p in c.passages)


def test_a_tabloid_reference_shows_what_it_took_from_the_wire() -> None:
    """The Sun keeps four of the wire's sentences. With the Sun as the reference, the wire
    read 'independent of sun: nothing of it matches sun' beside a tree hanging the Sun under
    the wire by those four passages. The wire still is not derived from the Sun, but the
    passages are shown and the sentence says which way the tree goes."""
    from tui.core.summary import relation

    folder = NEWS / "f05-health-gardening"
    sun = str(folder / "16.09.26_health052_sun.txt")
    report = compare_paths([str(folder)], reference=sun)
    assert ("wire", "16.09.26_health052_sun") in _edges(report)
    wire = report.comparison("wire")
    assert wire.verdict == "independent"
    assert len([p for p in wire.passages if p.derived]) >= 2
    said = relation(report, wire)
    assert "nothing of it matches" not in said
    assert said.endswith("the derivation tree finds 16.09.26_health052_sun derived from it")


def test_the_wire_beside_a_copy_as_reference_is_said_to_be_its_source_everywhere() -> None:
    """With the Express as the reference, the wire's verdict reads 'wholly-derived' (most of
    its text is in the Express). The text line said the tree finds the Express derived from
    it, but the Markdown summary and its region lines said 'paragraphs 6–18 of wire come
    from paragraphs ... of express', and so did the explorer's side-by-side header."""
    from tui.report import render

    folder = NEWS / "f05-health-gardening"
    express = str(folder / "16.09.26_health052_express.txt")
    report = compare_paths([str(folder)], reference=express)
    wire = report.comparison("wire")
    assert wire.verdict == "wholly-derived"
    summary = next(
        line for line in render(report, "md").splitlines() if line.startswith("**wire**")
    )
    assert "(the derivation tree finds express derived from it)" in summary
    assert " match " in summary and " from " not in summary.split(")", 1)[1]
    # A sibling: both from the wire, its paragraphs match the reference's, not "come from".
    sun = next(line for line in render(report, "md").splitlines() if line.startswith("**sun**"))
    assert "(both derive from wire)" in sun and "come from" not in sun


def test_a_version_the_tree_keeps_apart_is_no_familys_original_form() -> None:
    """With the Sun as the reference, the family of the wire's findings paragraph named the
    Telegraph, which the tree keeps apart from every version (it shares the quotes), its
    'original form', first in file order among versions with no parent."""
    folder = NEWS / "f05-health-gardening"
    report = compare_paths([str(folder)], reference=str(folder / "16.09.26_health052_sun.txt"))
    apart = set(report.provenance.tree.independent)
    assert "16.09.26_health052_telegraph" in apart
    for f in report.provenance.families:
        if f.origin in apart:
            assert all(v.doc in apart for v in f.variants), f


def test_with_a_copy_as_the_reference_the_exhibit_says_shared_and_swaps_follow_the_tree() -> None:
    """With the Sun as the reference, the wire's exhibit read '4 passages taken from sun'
    beside 'the derivation tree finds sun derived from it'; and with TechTalk Ireland as
    the reference, its swap with its parent read the wrong way round where the pair was
    aligned from the reference ('yesterday' -> 'on Thursday', techtalk -> dublin)."""
    from tui.report import render

    folder = NEWS / "f01-courts-fraud"
    report = compare_paths([str(folder)], reference=str(folder / "12.03.26_courts114_sun.txt"))
    exhibit = render(report, "text", exhibit=True)
    assert "wire: " in exhibit and "passages shared with sun" in exhibit
    assert "passages taken from sun" not in exhibit.split("wire: ", 1)[1].split("\n", 1)[0]
    folder = NEWS / "f11-lna-databreach"
    techtalk = next(p for p in folder.iterdir() if "techtalk" in p.name).stem
    report = compare_paths([str(folder)], reference=techtalk)
    [edge] = [(e.parent, e.child) for e in report.provenance.tree.edges if e.child == techtalk]
    swaps = {(e.source, e.target): e for e in report.provenance.lexicon}
    assert ("yesterday", "on Thursday") not in swaps
    assert edge in {(w.source, w.target) for w in swaps[("on Thursday", "yesterday")].where}


def test_a_partial_verdict_under_the_share_says_what_made_it() -> None:
    """With the Daily Clarion as the reference, the Maritime Gazette read 'partially-derived:
    17%' beside a cut-off table saying a partial verdict takes 20%: the region rule that
    made it one was said nowhere."""
    from tui.core.summary import relation

    folder = NEWS / "f10-afp-cables"
    report = compare_paths([str(folder)], reference=str(folder / "daily-clarion.txt"))
    c = report.comparison("maritime-gazette")
    assert c.verdict == "partially-derived" and c.coverage["evidence"] < 0.2
    assert "under the 20% a partial verdict reads, but a region of it is copied" in relation(
        report, c
    )
    wire = compare_paths([str(folder)], reference=str(folder / "wire.txt"))
    plain = [x for x in wire.comparisons if x.coverage["evidence"] >= 0.2]
    assert plain and not any("a region of it is copied" in relation(wire, x) for x in plain)


@pytest.mark.parametrize(("share", "said"), [(0.196, "19.6%"), (0.15, "15%"), (0.1999, "19.99%")])
def test_a_share_under_the_cut_never_reads_as_the_cut(share: float, said: str) -> None:
    """f01's Telegraph read '20% with passages keeping only facts counted at half, under the
    20% a partial verdict reads': 19.6%, rounded."""
    from tui.core.summary import _under

    assert _under(share, 0.2) == said


def test_a_corpus_files_markup_tags_are_furniture_not_its_title_or_its_words(
    tmp_path: Path,
) -> None:
    """A story kept as a corpus keeps it (SGML, XML: "<DOC>", "<TEXT>" on lines of their
    own) was titled "<DOC>" and its tags counted as words the paper added."""
    shared = Path(__file__).resolve().parents[2] / "shared" / "news-family"
    if not shared.is_dir():
        pytest.skip(f"{shared} not available")
    plain = tmp_path / "times.txt"
    plain.write_text((shared / "times.txt").read_text(encoding="utf-8"), encoding="utf-8")
    tagged = tmp_path / "times-corpus.xml"
    body = plain.read_text(encoding="utf-8")
    tagged.write_text(f'<DOC id="t1">\n<TEXT>\n{body}</TEXT>\n</DOC>\n', encoding="utf-8")
    wire = str(shared / "wire.txt")
    doc = segment(load_document(tagged))
    assert doc.title == load_document(plain).title != ""
    tags = [i for i, s in enumerate(doc.sentences) if doc.cut((s.start, s.end)).startswith("<")]
    assert len(tags) == 4 and set(tags) <= boilerplate_sentences(doc)
    # The tags change no figure a journalist reads: the share found in the wire is the same.
    one, two = (compare_paths([wire, str(p)], reference=wire) for p in (plain, tagged))
    a, b = one.comparisons[0], two.comparisons[0]
    assert (a.verdict, a.coverage["target_derived"]) == (b.verdict, b.coverage["target_derived"])


def test_a_tree_edge_with_the_reference_counts_the_passages_the_overview_counts() -> None:
    """The tree said "5 passages of islands-monitor are also in wire" beside an overview row
    of E 3, P 4: it counted its own alignment of the pair, made from the other side."""
    report = compare_paths([str(NEWS / "f10-afp-cables")])
    compared = {c.target: c for c in report.comparisons}
    checked = 0
    for e in report.provenance.tree.edges:
        other = {e.parent, e.child} - {report.reference}
        if len(other) != 1 or (version := other.pop()) not in compared:
            continue
        counts = compared[version].label_counts()
        n = sum(counts[k] for k in ("verbatim", "edited", "paraphrased"))
        assert e.shared_passages == n, (e.parent, e.child)
        assert e.evidence[0].startswith(f"{n} passage")
        checked += 1
    assert checked >= 4


def test_a_route_through_an_edge_nothing_orients_is_told_as_a_guess() -> None:
    """connacht-herald's verdict said "derived from lna-wire by way of dublin-daily-chronicle"
    while that edge said the marks do not tell which came first (strength "none")."""
    from tui.core.summary import relation

    report = compare_paths([str(NEWS / "f11-lna-databreach")])
    tree = report.provenance.tree
    checked = 0
    for c in report.comparisons:
        line = relation(report, c)
        if "by way of" not in line:
            continue
        path = [c.target, *tree.lineage(c.target)]
        path = path[: path.index(c.source) + 1]
        edges = {(e.parent, e.child): e for e in tree.edges}
        guessed = [
            e for a, b in itertools.pairwise(path) if (e := edges[(b, a)]).strength == "none"
        ]
        assert ("(perhaps by way of" in line) == bool(guessed), line
        if guessed:
            checked += 1
            assert f"nothing marks whether {guessed[0].parent} or {guessed[0].child}" in line
    assert checked


def test_a_spinning_that_makes_words_plainer_and_rarer_does_not_outweigh_the_wires_furniture(
    tmp_path: Path,
) -> None:
    """A spun copy with as many plainer words as rarer ones (the wire then "has the rarer
    word" as often as the copy) was hung with the wire under a lost original, its swaps
    outweighing the wire's slug, byline and end mark. Only the excess of one side's swaps
    over the other's counts, and the evidence lines say both counts."""
    wire = (NEWS / "f01-courts-fraud" / "wire.txt").read_text(encoding="utf-8")
    body = wire[wire.index("A financial adviser") :]
    swaps = {  # plainer words for rarer ones...
        "racehorses": "horses",
        "statements": "letters",
        "handwritten": "written",
        "laundering": "washing",
        # ...and rarer words for plainer ones
        "spent": "squandered",
        "steady": "unwavering",
        "noticed": "discerned",
        "placed": "deposited",
    }
    spun = body.replace("<", "")
    for plain, other in swaps.items():
        spun = re.sub(rf"\b{plain}\b", other, spun)
    (tmp_path / "wire.txt").write_text(wire, encoding="utf-8")
    (tmp_path / "spun.txt").write_text(spun, encoding="utf-8")
    report = compare_paths([str(tmp_path)])
    tree = report.provenance.tree
    assert tree.parent("spun") == "wire" and tree.parent("wire") is None
    (edge,) = [e for e in tree.edges if e.child == "spun"]
    assert any("agency furniture" in line for line in edge.evidence)
    spin = [line for line in edge.evidence if "rarer word" in line]
    assert all("; wire in " in line for line in spin)


def test_every_report_gives_the_site_and_date_a_page_says_it_was_published_under(
    tmp_path: Path,
) -> None:
    """A page's site name and publication date were read and used (the tree reads dates as
    decisive) but shown nowhere but in the tree's evidence lines."""
    import html as html_lib

    from tui.report import render

    report = compare_paths([str(NEWS / "f07-ap-wildfire")])
    dated = [d for d in report.documents if d.publisher and d.date]
    assert dated
    for doc in dated:
        line = f"site {doc.publisher}; published {doc.date} ({doc.date_source})"
        for fmt in ("text", "md", "html"):
            assert line in html_lib.unescape(render(report, fmt)), (doc.id, fmt)


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Share: Facebook | X | Email", True),
        ("Facebook | Twitter | WhatsApp | Copy link", True),
        ("Got a story? Email newsdesk@beacon.example or call 01803 000000.", True),
        ("Share prices fell 3% on Monday.", False),
        ("Facebook said it would appeal the fine.", False),
        ("Email the council to object to the plan.", False),
    ],
)
def test_a_pages_share_and_tip_lines_are_furniture_not_its_writing(
    line: str, furniture: bool
) -> None:
    """ "Share: Facebook | X | Email" and "Got a story? Email..." counted as text a page
    added to the story."""
    doc = segment(
        Document("d", "d.txt", "", "utf-8", f"The council met.\n\n{line}\n\nIt voted.\n", 0)
    )
    # (A tip line's question is a sentence of its own: "Got a story?")
    at = next(k for k, s in enumerate(doc.sentences) if line.startswith(doc.cut((s.start, s.end))))
    assert (at in boilerplate_sentences(doc)) is furniture
