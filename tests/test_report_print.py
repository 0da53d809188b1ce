"""What the printed report leaves out must be a repetition, never a claim (issue 13: the
ten-version family in under 25 A4 pages, under 10 as an exhibit).

Page counts need a PDF renderer that is not a dependency: ``benchmarks/print_pages.py``
measures them. These tests pin what the compaction keeps and what it says only once.
"""

from __future__ import annotations

import html as html_lib
import re

from tui.core.model import Report
from tui.present.excerpts import paragraph_list, partial_paragraphs
from tui.present.runs import Run
from tui.report import render
from tui.report.markdown import escape as md_escape
from tui.report.view import Version, build


def _section(html: str, version: Version) -> str:
    return next(
        s
        for s in html.split('<section class="version')
        if f"<h2>Version {html_lib.escape(version.target_name)}" in s
    )


def _folded_version(family_report: Report) -> Version:
    """A version whose omissions fall in several runs between the passages it kept."""
    return max(
        build(family_report).versions,
        key=lambda v: sum(1 for e in v.entries if isinstance(e, Run) and e.label == "omitted"),
    )


def test_omissions_are_one_line_of_paragraphs_each_run_said_once(family_report: Report) -> None:
    version = _folded_version(family_report)
    runs = [e for e in version.entries if isinstance(e, Run) and e.label == "omitted"]
    assert len(runs) >= 3
    paragraphs = sorted({n for r in version.omitted for n in r.paragraphs})
    # A paragraph of which the version used some sentences is marked so.
    spans = [sp for r in version.omitted for sp in r.source_spans]
    places = paragraph_list(paragraphs, partial_paragraphs(version.source, spans))
    assert len(paragraphs) == len(version.omitted) and "," in places  # several ranges
    assert "(in part)" in places
    section = html_lib.unescape(_section(render(family_report, "html"), version))
    table, omitted = section.split("<h3>Omitted passages</h3>")
    # Each run is one line at its place among the passages, and only there.
    for run in runs:
        line = version.run_line(run)
        assert section.count(line) == 1 and line in table
    # Under the passages: every dropped paragraph of the reference, in one line.
    assert re.findall(r"<p class=\"omitted\">(.*?)</p>", omitted) == [
        f"{len(paragraphs)} paragraphs of {version.source_name} not used in "
        f"{version.target_name}: {places}; each stands at its place in the passages above."
    ]
    assert "<li>" not in omitted
    md = render(family_report, "md").split(f"## Version {version.target_name}")[1]
    md_omitted = md.split("### Omitted passages")[1].split("## Version ")[0]
    assert places in md_omitted and all(version.run_line(r) not in md_omitted for r in runs)


def test_every_derived_passage_keeps_its_text_and_offsets(family_report: Report) -> None:
    """The compact print shows each derived passage where it lies in both files, the full
    report with its text and the exhibit with its wording."""
    full = render(family_report, "html")
    exhibit = render(family_report, "html", exhibit=True)
    for version in build(family_report).versions:
        section, shown = _section(full, version), _section(exhibit, version)
        for row in version.derived_rows:
            anchor = f'-p{row.number}"'
            for where in (row.source_where, row.target_where):
                assert where in section.split(anchor, 1)[1].split("</tr>", 1)[0]
                assert where in shown.split(anchor, 1)[1].split("</tr>", 1)[0]


def test_a_reason_every_insert_shares_is_said_once(family_report: Report) -> None:
    view = build(family_report)
    assert view.provenance is not None
    audit, group = next(
        (a, g)
        for a in view.provenance.inserts
        for g in a.groups
        if len(g.items) >= 3 and len({i.reason for i in g.items}) == 1 and g.items[0].reason
    )
    reason = group.items[0].reason
    html = html_lib.unescape(render(family_report, "html"))
    inserts = html.split('<h3 id="inserts">')[1].split('<h3 id="omissions">')[0]
    mine = inserts.split(f"<h4>{view.names(audit.doc)}")[1].split("<h4>")[0]
    table = mine.split(f"{group.title} ({group.tally})")[1].split('<tr class="group">')[0]
    assert table.count(reason) == 1
    for item in group.items:  # each item keeps its place and its text
        assert f'<td class="small">{item.where}</td>' in table and item.text in table
    md = render(family_report, "md").split(f"#### Inserts in {view.names(audit.doc)}")[1]
    md = md.split("####")[0]
    block = md.split(f"**{group.title}** ({group.tally})")[1].split("**")[0]
    assert block.count(reason) == 1 and all(i.where in block for i in group.items)


def test_the_audit_quotes_a_dropped_text_once(family_report: Report) -> None:
    """Versions that dropped the same attribution of the reference keep their entry (place
    and detail) but the reference's paragraph is quoted only under the first of them."""
    view = build(family_report)
    assert view.provenance is not None
    entries: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for a in view.provenance.omissions:
        for g in a.groups:
            for i in [] if g.folded else g.items:  # a folded group quotes no text
                entries.setdefault((i.where, i.text), []).append((view.names(a.doc), i.reason))
    (where, text), seen = max(entries.items(), key=lambda kv: (len(kv[1]), len(kv[0][1])))
    assert len(seen) >= 3 and len(text) > 60
    html = html_lib.unescape(render(family_report, "html"))
    audit = html.split('<h3 id="omissions">')[1].split("</section>")[0]
    assert audit.count(text) == 1
    assert audit.count(f"The same text as under {seen[0][0]}.") >= len(seen) - 1
    for doc, reason in seen:  # every version still says what it dropped, and where
        mine = audit.split(f"<h4>{doc} ")[1].split("<h4>")[0]
        assert where in mine and (not reason or reason[:1].upper() + reason[1:] in mine)
    md = render(family_report, "md").split("### Omission and attribution audit")[1]
    assert md.split("## Version ")[0].count(md_escape(text)) == 1
