"""Every version in the derivation tree is accounted for: attached with the evidence for its
edge, independent of every other, or said to come from none of them with the reason.

On a made-up news family with publication dates (benchmarks/data/news/f01-courts-fraud): the
telegraph rewrote the wire (its verdict against the wire says so), the guardian shares no
more than the quotations every reporter in court wrote down (independent, as its gold
says), and the wire, published first, comes from none of the others.
"""

from __future__ import annotations

import html
import json

import pytest

from tui.core.dates import read_dates_file
from tui.core.engine import compare_paths
from tui.core.model import Report, Tree
from tui.core.settings import Settings
from tui.present.names import version_names
from tui.present.tree import UNATTACHED, tree_view
from tui.report import render

from .conftest import REPO

FAMILY = REPO / "benchmarks" / "data" / "news" / "f01-courts-fraud"
TELEGRAPH = "12.03.26_courts114_telegraph"
GUARDIAN = "12.03.26_courts114_guardian"


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The family compared with its publication dates given, as ``--dates FILE`` gives them."""
    gold = json.loads((FAMILY / "gold.json").read_text(encoding="utf-8"))
    dates = tmp_path_factory.mktemp("dates") / "dates.json"
    dates.write_text(
        json.dumps({str(FAMILY / name): day for name, day in gold["dates"].items()}),
        encoding="utf-8",
    )
    settings = Settings(dates=tuple(sorted(read_dates_file(str(dates)).items())))
    return compare_paths(sorted(str(p) for p in FAMILY.glob("*.txt")), settings=settings)


def _tree(report: Report) -> Tree:
    assert report.provenance is not None
    return report.provenance.tree


def test_a_version_its_verdict_calls_derived_from_the_reference_is_in_the_tree(
    dated: Report,
) -> None:
    """The screening passed the telegraph and the wire over as unrelated; the comparison
    with the reference finds the telegraph partially derived from it, so the tree weighs
    the pair too, and the dates (wire on the 11th, telegraph on the 12th) put it under it."""
    assert dated.reference == "wire"
    assert dated.comparison(TELEGRAPH).verdict == "partially-derived"
    tree = _tree(dated)
    edge = next(e for e in tree.edges if e.child == TELEGRAPH)
    assert (edge.parent, edge.basis) == ("wire", "dates")
    assert any("2026-03-11" in line and "2026-03-12" in line for line in edge.evidence)


def test_every_version_is_attached_independent_or_unattached_with_a_reason(
    dated: Report,
) -> None:
    tree = _tree(dated)
    children = {e.child for e in tree.edges}
    unattached = tree.unattached
    for doc in dated.documents:
        assert (doc.id in children) + (doc.id in tree.independent) + (doc.id in unattached) == 1
    assert GUARDIAN in tree.independent
    assert unattached.get("wire", "").startswith(
        "not from 12.03.26_courts114_express: dated: wire 2026-03-11 (--dates)"
    )


def test_no_version_sits_on_a_bare_line_in_any_presentation(dated: Report) -> None:
    tree = _tree(dated)
    view = tree_view(tree, dated.reference)
    reason = tree.unattached["wire"]
    for evidence in (True, False):
        lines = view.drawn(evidence=evidence)
        versions = [line for line in lines if line.node and not Tree.inferred(line.node)]
        attached = {e.child for e in tree.edges}
        for line in versions:
            # A root line says what it is; an attached one hangs from its parent's branch.
            assert line.node in attached or line.text.endswith(f": {UNATTACHED}"), line
    # The reports call versions by the short names the app uses, in the reason too.
    names = version_names([d.id for d in dated.documents])
    said = f"wire (reference): {UNATTACHED}"
    text = render(dated, "text")
    assert said in text and f"why: {names.rename(reason)}" in text
    md = render(dated, "md")
    assert UNATTACHED in md and "why: not from" in md
    page = html.unescape(render(dated, "html"))
    assert UNATTACHED in page and f"why: {names.rename(reason)}" in page
    unattached = json.loads(render(dated, "json"))["tree"]["unattached"]
    assert unattached == dict(tree.unattached) and unattached["wire"] == reason


def test_no_chain_in_the_tree_runs_through_a_version_published_later() -> None:
    """Dates bind the chain, not only the pair: with the sun dated a day before the wire and
    the times undated, the sun is not hung under times-from-wire; it stands alone and says
    which version up that chain was published after it."""
    family = REPO / "benchmarks" / "data" / "news" / "f06-transport-santa-train"
    paths = [str(family / f"{name}.txt") for name in ("wire", "times", "sun")]
    undated = _tree(compare_paths(paths))
    assert ("times", "sun") in {(e.parent, e.child) for e in undated.edges}
    assert ("wire", "times") in {(e.parent, e.child) for e in undated.edges}
    dates = (("sun.txt", "2026-06-10"), ("wire.txt", "2026-06-11"))
    tree = _tree(compare_paths(paths, settings=Settings(dates=dates)))
    assert "sun" not in {e.child for e in tree.edges}
    assert "times comes from wire, published after sun" in tree.unattached["sun"]


def test_a_weak_candidate_does_not_narrow_the_swaps_the_others_are_weighed_on() -> None:
    """Candidate parents are weighed on their swaps over the sentences of the version they
    all share with it; a candidate that loses on what it holds of the version (sharing one
    sentence, or none) narrowed that count for the others, and the one with 18 swaps read
    as close as the one with none."""
    from tui.core.model import Comparison, Passage, Substitution
    from tui.core.thresholds import Thresholds
    from tui.core.tree import _closeness

    def aligned(source: str, swaps: list[int], sentences: list[int]) -> Comparison:
        passages = [
            Passage(
                "edited",
                (t,),
                (t,),
                [],
                [],
                0.8,
                substitutions=[Substitution(f"a{t}", f"b{t}", n)] if n else [],
            )
            for t, n in zip(sentences, swaps, strict=True)
        ]
        return Comparison(source, "v", "wholly-derived", {}, passages, [], [])

    close = aligned("close", [0, 0, 0], [0, 1, 2])
    far = aligned("far", [9, 9, 0], [0, 1, 2])
    weak = aligned("weak", [0], [2])
    options = [(1.0, 0, c, True, 3, 0, c.source) for c in (close, far)] + [
        (0.2, 0, weak, True, 1, 0, "weak")
    ]
    keys = {o[-1]: o[2] for o in _closeness(options, "v", Thresholds())}
    assert keys["close"] == 0 and keys["far"] < 0
