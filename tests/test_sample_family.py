"""The ten-version sample family (tui.sample_family) and the engine on it."""

from __future__ import annotations

from pathlib import Path

from tui.core.model import Report
from tui.sample_family import PREFIX, build


def test_ten_versions_with_long_names_the_same_every_time(tmp_path: Path) -> None:
    first = build(tmp_path / "a")
    second = build(tmp_path / "b")
    assert len(first) == 10
    assert all(p.name.startswith(PREFIX) for p in first)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_a_lost_original_whose_children_are_not_all_related(family_report: Report) -> None:
    """Versions with no parent among the inputs hang from a lost original; two of them that
    share no passage (times and wire here) have no evidence between them, and the tree once
    looked it up anyway (KeyError)."""
    tree = family_report.provenance.tree
    lost = [e for e in tree.edges if e.parent.startswith("~")]
    assert len(lost) >= 2
    related = {e.child for e in tree.edges} | {e.parent for e in tree.edges}
    for edge in lost:
        named = edge.evidence[0].split(" shares content with ")[1].split(" but ")[0]
        for sibling in named.split(", "):
            assert sibling in related and sibling != edge.child
    assert {f"{PREFIX}observer", f"{PREFIX}telegraph"} == set(tree.independent)
    verdicts = {c.target.removeprefix(PREFIX): c.verdict for c in family_report.comparisons}
    assert verdicts["mirror"] == verdicts["sun"] == "wholly-derived"
