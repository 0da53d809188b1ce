"""Provenance in every human-readable format: derivation tree, families, substitution
lexicon, inserts and the omission audit, on the seeds (automatic reference) and on hostile
text."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tui.core.engine import compare_paths
from tui.core.model import LexiconEntry, Report
from tui.core.summary import INDEPENDENT_OF_ALL
from tui.core.tree import LOST_PREFIX
from tui.present.excerpts import ELIDED, clip
from tui.present.tree import node_name
from tui.report import render
from tui.report.markdown import escape as md_escape
from tui.report.provenance import build

from .conftest import seed_paths

LOST = f"{LOST_PREFIX}-1"
LOST_NAME = node_name(LOST)  # how every screen and report names it
COPY = "000_dcce54c3826141f5"
REF = "001_31fc123e83c1cc46"
PROMO = "002_a9b962200192712f"
INDEPENDENT = ("003_bdfd22743b811459", "004_7f577332accbfae7")
CHILDREN = (COPY, REF, PROMO)


@pytest.fixture(scope="module")
def auto_report() -> Report:
    """The seeds with the reference chosen by the engine, as a user runs it."""
    return compare_paths(seed_paths())


@pytest.fixture(scope="module")
def out(auto_report: Report) -> dict[str, str]:
    return {fmt: render(auto_report, fmt) for fmt in ("html", "md", "text", "csv")}


def _between(text: str, start: str, end: str) -> str:
    assert start in text, start
    rest = text.split(start, 1)[1]
    return rest.split(end, 1)[0] if end in rest else rest


class _Tree(HTMLParser):
    """Each tree node's parent, read from how the list items nest (not from attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []
        self.parent: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            node = dict(attrs).get("data-node")
            if node is not None:
                self.parent[node] = next((n for n in reversed(self.stack) if n), None)
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self.stack.pop()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_engine_still_finds_what_the_reports_show(auto_report: Report) -> None:
    prov = auto_report.provenance
    assert prov is not None and auto_report.reference == REF
    assert {e.child: e.parent for e in prov.tree.edges} == dict.fromkeys(CHILDREN, LOST)
    assert set(prov.tree.independent) == set(INDEPENDENT)


# Derivation tree ---------------------------------------------------------------------------


def test_html_tree_nests_children_under_lost_original(
    auto_report: Report, out: dict[str, str]
) -> None:
    summary = _between(out["html"], '<section id="summary">', "</section>")
    parser = _Tree()
    parser.feed(_between(summary, '<ul class="tree">', "<h3>Labels</h3>"))
    assert parser.parent == {LOST: None, **dict.fromkeys(CHILDREN, LOST)}
    assert f'<span class="node inferred">{LOST_NAME}</span>' in summary
    assert "not among the inputs" in summary
    independent = _between(summary, f"<strong>{INDEPENDENT_OF_ALL.capitalize()}</strong>", "</p>")
    assert all(d in independent for d in INDEPENDENT)
    # Edge evidence and the notes ruling out other parents.
    # The count each edge from the lost original gives is the tree's own (one figure for the
    # tree, the reference's reason and every report).
    shared = {e.shared_passages for e in auto_report.provenance.tree.edges if e.parent == LOST}
    assert any(
        f"{n} passages shared with other versions; shared unusual words: chatbot" in summary
        for n in shared
    )
    assert "<details" in summary and f"{COPY} is not from {REF}" in summary


def test_markdown_tree_is_a_nested_list(out: dict[str, str]) -> None:
    tree = _between(out["md"], "### Derivation tree", "### Labels").splitlines()
    root = next(i for i, line in enumerate(tree) if line.startswith(f"- {md_escape(LOST_NAME)} "))
    children = [line for line in tree[root + 1 :] if line.startswith("  - ")]
    assert [line[4:].split(":")[0].split(" ")[0] for line in children] == list(CHILDREN)
    assert not any(line.startswith("- ") for line in tree[root + 1 : root + 7])
    assert f"{INDEPENDENT_OF_ALL.capitalize()}: {INDEPENDENT[0]}" in (
        "\n".join(tree).replace(md_escape(INDEPENDENT[0]), INDEPENDENT[0])
    )


def test_text_tree_is_drawn(out: dict[str, str]) -> None:
    text = _between(out["text"], "derivation tree:\n", "\n\n")
    lines = text.splitlines()
    assert lines[0].startswith(f"  {LOST_NAME} (inferred")
    branches = [line.strip() for line in lines if re.match(r"^  [├└]─ ", line)]
    assert [b[3:].split(":")[0].split(" ")[0] for b in branches] == list(CHILDREN)
    assert branches[-1].startswith("└─ ")
    assert f"{INDEPENDENT_OF_ALL}: {', '.join(INDEPENDENT)}" in text


# Inserts -----------------------------------------------------------------------------------


def test_promotion_listed_under_promotion(auto_report: Report, out: dict[str, str]) -> None:
    prov = build(auto_report)
    assert prov is not None
    audit = next(a for a in prov.inserts if a.doc == PROMO)
    assert [g.kind for g in audit.groups] == ["promotion", "added"]
    assert "NEURA KING" in audit.groups[0].items[0].text
    assert ELIDED in audit.groups[0].items[0].text  # long: its start and its pitch are kept
    assert not any("NEURA KING" in i.text for i in audit.groups[1].items)

    html = _between(out["html"], '<h3 id="inserts">', '<h3 id="omissions">')
    block = _between(html, f"<h4>{PROMO}", "<h4>")
    promo = _between(block, "Promotion (6 passages in 1 insert)", '<tr class="group">')
    assert 'class="k-promotion"' in promo and "NEURA KING" in promo
    assert "promotional wording" in promo

    md = _between(out["md"], f"#### Inserts in {md_escape(PROMO)}", "####")
    promo_md = _between(md, "**Promotion** (6 passages in 1 insert):", "**Added material**")
    assert "NEURA KING" in promo_md and "promotional wording" in promo_md

    text = _between(out["text"], "inserts:\n", "\n\n")
    assert re.search(
        rf"{PROMO}: promotion 6 passages in 1 insert, added 5 passages in 3 inserts\n"
        r"    promotion, .*NEURA KING",
        text,
    )


def test_reference_furniture_is_listed_as_boilerplate(out: dict[str, str]) -> None:
    md = _between(out["md"], f"#### Inserts in {md_escape(REF)} (reference)", "####")
    assert "**Boilerplate** (3):" in md and "Daily Newsletter" in md


# Substitution lexicon ----------------------------------------------------------------------


def test_lexicon_table_marks_the_rarer_side(out: dict[str, str], auto_report: Report) -> None:
    html = _between(out["html"], '<h3 id="lexicon">', "</table>")
    row = next(r for r in html.split("<tr")[1:] if ">substructure<" in r)
    assert 'class="known odd"' in row  # in the shipped general-English list (WordNet)
    assert "<strong>substructure</strong></td><td>infrastructure</td>" in row
    assert row.endswith("<td><strong>from</strong></td></tr>\n")  # rarer side as a word

    md = _between(out["md"], "### Substitution lexicon", "### Inserts")
    assert re.search(
        r"\| \*\*substructure\*\* \| infrastructure \| 2 \| [^|]+ "
        r"\| \*\*✓ known\*\* \| \*\*from\*\* \|",
        md,
    )

    text = _between(out["text"], "substitution lexicon:", "\n\n")
    assert "!'substructure' -> 'infrastructure' x2" in text
    # The text lists the marked swaps only, and says where the rest are.
    assert auto_report.provenance is not None
    every = len(auto_report.provenance.lexicon)
    assert len([line for line in text.splitlines() if " -> " in line]) < every
    assert f"all {every} in the HTML, Markdown and JSON reports" in text


def test_known_spinner_swap_is_marked_in_text(auto_report: Report) -> None:
    prov = auto_report.provenance
    assert prov is not None
    known = LexiconEntry("substructure", "infrastructure", 2, (COPY, REF), True, "source")
    report = dataclasses.replace(
        auto_report,
        provenance=dataclasses.replace(
            prov, lexicon=[known, *(dataclasses.replace(e, known=False) for e in prov.lexicon[1:])]
        ),
    )
    html = _between(render(report, "html"), '<h3 id="lexicon">', "</table>")
    assert '<tr class="known odd">' in html and "<strong>\u2713 known</strong>" in html
    md = render(report, "md")
    assert "| **\u2713 known** | **from** |" in md and "1 known, " in md
    assert "[known spinner swap]" in render(report, "text")


# Omission and attribution audit ------------------------------------------------------------


def test_omission_audit_for_the_copy(auto_report: Report, out: dict[str, str]) -> None:
    html = _between(
        _between(out["html"], '<h3 id="omissions">', "</section>"), f"<h4>{COPY}", "<h4>"
    )
    groups = re.findall(r'<tr class="group"><th colspan="3">(\w[\w ]*) \(\d+\)', html)
    assert groups == ["Attributions", "Credits", "Other text"]
    attribution = _between(html, "Attributions (1)", '<tr class="group">')
    assert (
        "Kept the passage but dropped the attribution to BlackRock Chief Executive Officer "
        "Larry Fink" in attribution
    )
    credit = _between(html, "Credits (1)", '<tr class="group">')
    assert "Getty" in credit and "[credit]" in credit

    md = _between(out["md"], f"#### Dropped by {md_escape(COPY)}", "####")
    assert md.index("**Attributions** (1):") < md.index("**Credits** (1):")
    assert (
        "**Kept the passage but dropped the attribution to BlackRock Chief Executive Officer "
        "Larry Fink**" in md
    )
    assert "Oliver Contreras/AFP/Getty" in _between(md, "**Credits** (1):", "**Other text**")

    text = _between(out["text"], "omissions (quotes and attributions first):\n", "\n\n")
    texts = sum(1 for o in auto_report.provenance.omissions if o.doc == COPY and o.kind == "text")
    assert texts > 1
    assert f"{COPY} dropped from {REF}: attribution 1, credit 1, text {texts}" in text
    assert "credit, ¶4 (chars 849–971): Elon Musk’s xAI" in text and "AFP/Getty" in text


# Families ----------------------------------------------------------------------------------


def test_family_table(auto_report: Report, out: dict[str, str]) -> None:
    prov = build(auto_report)
    assert prov is not None
    fam = prov.families
    assert fam.columns == list(CHILDREN) and fam.left_out == list(INDEPENDENT)
    shared = [f for f in auto_report.provenance.families if len(f.variants) > 1]  # type: ignore[union-attr]
    assert [r.id for r in fam.rows] == [f.id for f in shared]
    assert fam.single == len(auto_report.provenance.families) - len(shared)  # type: ignore[union-attr]

    html = _between(out["html"], '<table class="families">', "</table>")
    assert html.count("<tr>") == len(fam.rows) + 1
    assert html.count('<strong class="origin">origin</strong>') == len(fam.rows)
    header = _between(html, "<thead>", "</thead>")
    assert all(c in header for c in CHILDREN) and not any(d in header for d in INDEPENDENT)

    md = out["md"]
    assert f"| # | Passage (origin's wording) | {' | '.join(CHILDREN)} |" in md
    assert "| P | **V** origin | \u2014 |" in md


def test_csv_rows_carry_their_family(auto_report: Report, out: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(out["csv"].lstrip("\ufeff"))))
    assert all(re.fullmatch(r"\d+( \d+)*", r["family"]) for r in rows)
    widest = {r["family"]: int(r["family_versions"]) for r in rows}
    prov = auto_report.provenance
    assert prov is not None
    for f in prov.families:
        if str(f.id) in widest:
            assert widest[str(f.id)] == len(f.variants)
    copy = [r for r in rows if r["version"] == COPY]
    assert any(r["label"] == "verbatim" and r["family_versions"] == "3" for r in copy)
    # An independent version's own text is in no other version; its omitted rows name the
    # reference's families, which other versions may share.
    own = [r for r in rows if r["version"] in INDEPENDENT and r["label"] != "omitted"]
    assert own and all(r["family_versions"] == "1" for r in own)


# Determinism -------------------------------------------------------------------------------


def test_deterministic(out: dict[str, str]) -> None:
    again = compare_paths(seed_paths())
    for fmt, text in out.items():
        assert render(again, fmt) == text, fmt


def test_report_without_provenance_still_renders(auto_report: Report) -> None:
    bare = dataclasses.replace(auto_report, provenance=None)
    assert "Derivation tree" not in render(bare, "html")
    assert "Provenance across" not in render(bare, "md")
    assert "derivation tree" not in render(bare, "text")
    rows = list(csv.DictReader(io.StringIO(render(bare, "csv").lstrip("\ufeff"))))
    assert {r["family"] for r in rows} == {""}


def test_clip() -> None:
    assert clip("a  b\n\tc") == "a b c"
    # Controls are kept (the text is the evidence); each format escapes them as it shows them.
    assert clip("x\x1b[2Jy") == "x\x1b[2Jy"
    long = " ".join(f"w{i}" for i in range(200))
    head = clip(long, 60)
    assert len(head) <= 60 and head.endswith("\u2026") and head.startswith("w0 w1")
    both = clip(long, 60, tail=True)
    assert len(both) <= 60 and ELIDED in both and both.endswith("w199")


# Injection ---------------------------------------------------------------------------------

SOURCE = """\
The harbour authority approved the new container terminal on Monday after a long and bitter debate.

Officials said the terminal would cost thirty billion dollars and open within five years of work.

"<script>alert('omit')</script> {{ config }} | *secret* figures stayed hidden," the mayor said.

Construction crews will begin dredging the channel next spring, the port director added on Tuesday.
"""

TARGET = """\
The harbour authority approved the new container terminal on Monday after a long and bitter debate.

Officials said the terminal would cost thirty billion dollars and open within five years of work.

Construction crews will begin dredging the channel next spring, the port director added on Tuesday.

Subscribe <script>alert('add')</script> {{ 7*7 }} | *deal* to OUR NEWSLETTER, you will love it.
"""
HOSTILE_ID = "b <b>{{x}}|*"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("hostile-provenance")
    (folder / "a.txt").write_text(SOURCE, encoding="utf-8")
    (folder / f"{HOSTILE_ID}.txt").write_text(TARGET, encoding="utf-8")
    report = compare_paths([str(folder / "a.txt"), str(folder / f"{HOSTILE_ID}.txt")], "a")
    prov = report.provenance
    assert prov is not None
    assert [i.kind for i in prov.inserts] == ["promotion"]
    assert [o.kind for o in prov.omissions] == ["quote"]
    # A swap with markup on both sides, marked both ways, to reach the lexicon table.
    swap = LexiconEntry("<i>*odd*</i>", "{{ y }} | z", 1, ("a", HOSTILE_ID), True, "source")
    return dataclasses.replace(report, provenance=dataclasses.replace(prov, lexicon=[swap]))


def test_html_escapes_provenance(hostile: Report) -> None:
    html = render(hostile, "html")
    assert "<script" not in html and "<b>{{" not in html and "<i>*odd" not in html
    prov = _between(html, '<section id="provenance">', "</section>")
    assert "Subscribe &lt;script&gt;alert(&#39;add&#39;)&lt;/script&gt; {{ 7*7 }} | *deal*" in prov
    assert "&lt;script&gt;alert(&#39;omit&#39;)&lt;/script&gt; {{ config }} | *secret*" in prov
    assert "<strong>&lt;i&gt;*odd*&lt;/i&gt;</strong></td><td>{{ y }} | z</td>" in prov
    assert "b &lt;b&gt;{{x}}|*" in prov
    tree = _between(html, '<ul class="tree">', "</ul>\n")
    assert 'data-node="b &lt;b&gt;{{x}}|*" data-parent="a"' in tree
    parser = _Tags()
    parser.feed(html)
    assert not {"script", "i", "b"} & set(parser.tags)


def test_markdown_escapes_provenance(hostile: Report) -> None:
    md = render(hostile, "md")
    prov = _between(md, "## Provenance across all versions", "## Version ")
    assert "<script>" not in md and "{{ 7" not in md and " *deal*" not in md
    assert (
        "Subscribe \\<script\\>alert('add')\\</script\\> \\{\\{ 7\\*7 \\}\\} \\| \\*deal\\*" in prov
    )
    assert "\\<script\\>alert('omit')\\</script\\> \\{\\{ config \\}\\} \\| \\*secret\\*" in prov
    assert "| **\\<i\\>\\*odd\\*\\</i\\>** | \\{\\{ y \\}\\} \\| z | 1 |" in prov
    tree = _between(md, "### Derivation tree", "### Labels")
    assert f"  - {md_escape(HOSTILE_ID)}: 3 shared passages" in tree


def test_markdown_provenance_renders_without_injection(hostile: Report) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    out = md.render(render(hostile, "md"))
    parser = _Tags()
    parser.feed(out)
    assert not {"script", "i", "b", "a", "pre", "h5", "h6"} & set(parser.tags)
    # Escaped pipes keep every table row at its header's width.
    for table in out.split("<table>")[1:]:
        body = table.split("</table>")[0]
        widths = {row.count("<td") for row in body.split("<tr>")[2:]}
        assert len(widths) <= 1 and widths <= {body.split("<tr>")[1].count("<th")}
    assert "&lt;script&gt;alert('add')" in out and "{{ 7*7 }} | *deal*" in out


def test_text_format_shows_hostile_text_as_text(hostile: Report, tmp_path: Path) -> None:
    text = render(hostile, "text")
    assert f"└─ {HOSTILE_ID}: 3 shared passages" in text
    assert re.search(
        r"promotion, ¶4 \(chars \d+–\d+\), promotional wording: 'Subscribe': Sub", text
    )
    assert "Subscribe <script>alert('add')</script> {{ 7*7 }} | *deal*" in text
