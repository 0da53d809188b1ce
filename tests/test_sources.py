"""Who shares what with whom: each version's sources and the matrix of shared content, in
the JSON contract, every report format and the overview, all telling the same figures as
the comparisons they are read from."""

from __future__ import annotations

import json

import pytest

from tui.app.app import StoryTraceApp
from tui.app.widgets.shares_table import SharesTable
from tui.core.contract import report_to_dict
from tui.core.engine import compare_paths
from tui.core.model import Report
from tui.core.settings import Settings
from tui.present.sources import share_text, shares_view, sources_sentence
from tui.report import render
from tui.report.view import build

from .conftest import REPO
from .test_app_support import screen_text, settle


def test_the_matrix_is_the_comparisons_figures(family_report: Report) -> None:
    sim = family_report.similarity
    assert sim is not None
    at = {d: k for k, d in enumerate(sim.ids)}
    assert set(sim.ids) == {d.id for d in family_report.documents}
    for c in family_report.comparisons:
        s, t = at[c.source], at[c.target]
        # The reference's cells are its comparisons' figures, whichever way round the pair
        # was aligned for the tree.
        assert sim.shared[t][s] == round(c.coverage["target_derived"], 4)
        assert sim.shared[s][t] == round(c.coverage["source_reused"], 4)
        if c.verdict == "independent" and c.coverage["target_derived"] == 0:
            continue
        assert sim.shared[t][s] > 0
    assert all(sim.shared[k][k] == 1.0 for k in range(len(sim.ids)))
    assert all(0.0 <= v <= 1.0 for row in sim.shared for v in row)
    # Not symmetric: shares are of each version's own text.
    assert any(
        sim.shared[i][j] != sim.shared[j][i]
        for i in range(len(sim.ids))
        for j in range(len(sim.ids))
    )


def test_the_matrix_does_not_change_with_the_reference(
    family_report: Report, family_paths: list[str]
) -> None:
    """Every pair is aligned for the matrix, not only those the screening found related and
    those with the reference: choosing another reference changes no figure between two
    other versions, and two rewrites sharing paraphrase are not shown as sharing nothing."""
    other = next(p for p in family_paths if "observer" in p)
    again = compare_paths(family_paths, reference=other)
    first, second = family_report.similarity, again.similarity
    assert first is not None and second is not None
    k1 = {d: k for k, d in enumerate(first.ids)}
    k2 = {d: k for k, d in enumerate(second.ids)}
    for a in first.ids:
        for b in first.ids:
            assert first.shared[k1[a]][k1[b]] == second.shared[k2[a]][k2[b]], (a, b)
    mirror = next(d for d in first.ids if d.endswith("mirror"))
    metro = next(d for d in first.ids if d.endswith("metro"))
    assert first.shared[k1[metro]][k1[mirror]] > 0.2


def test_json_sources_are_sorted_and_match_the_matrix(family_report: Report) -> None:
    data = json.loads(json.dumps(report_to_dict(family_report)))
    assert data["schema"] == "storytrace/13"
    ids, shared = data["similarity"]["ids"], data["similarity"]["shared"]
    for k, doc in enumerate(data["documents"]):
        sources = doc["sources"]
        assert [s["id"] for s in sources] == [
            ids[j]
            for j in sorted(
                (j for j in range(len(ids)) if j != k and shared[k][j] > 0),
                key=lambda j: (-shared[k][j], ids[j]),
            )
        ]
        assert all(s["share"] == shared[k][ids.index(s["id"])] for s in sources)
    # The wire story and its copies share content; the unrelated pieces share none.
    assert sum(1 for d in data["documents"] if d["sources"]) >= 5


def test_a_share_never_rounds_to_nothing_or_to_all() -> None:
    assert share_text(0.004) == "<1%"
    assert share_text(0.996) == ">99%"
    assert share_text(0.0) == "0%"
    assert share_text(1.0) == "100%"
    assert share_text(0.3649) == "36%"


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_every_format_lists_each_versions_sources(family_report: Report, fmt: str) -> None:
    view = shares_view(family_report)
    assert view is not None
    out = render(family_report, fmt)
    # Every format gives versions by their short names (the inputs list pairs each with
    # its file), as the explorer does.
    names = build(family_report).names
    for doc_id in view.ids:
        assert sources_sentence(view, doc_id, names) in out
    if fmt == "html":
        assert 'class="heatmap"' in out
        assert out.count('class="num lvl') == len(view.ids) ** 2


async def test_the_overview_shows_the_matrix_and_the_highlighted_versions_sources(
    family_paths: list[str], family_report: Report
) -> None:
    app = StoryTraceApp(family_paths, report=family_report)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Who shares what with whom" in text
        # Ten files: the reference and the nine versions compared with it, as the reports say.
        assert len(family_report.documents) == 10
        assert "9 versions compared with the reference" in text
        view = shares_view(family_report)
        assert view is not None
        widget = app.screen.query_one(SharesTable)
        assert widget.display
        story = app.screen.story
        version = story.version
        assert version is not None
        line = story.names.rename(sources_sentence(view, version))
        assert line[:40] in text.replace("\n", " ") or line[:40] in text


def test_both_directions_of_a_pair_count_the_same_passages() -> None:
    from tui.core.settings import Settings

    from .conftest import seed_paths

    # Every match excluded: no version shares anything, either way round (the reverse
    # direction once counted the excluded passages).
    report = compare_paths(seed_paths(), settings=Settings(min_match_words=10_000))
    sim = report.similarity
    assert sim is not None
    n = len(sim.ids)
    assert all(sim.shared[i][j] == 0.0 for i in range(n) for j in range(n) if i != j)


def test_a_version_named_like_a_word_of_the_sentence_leaves_the_sentence_whole() -> None:
    from tui.present.names import version_names
    from tui.present.sources import SharesView, Source

    long_id = "wire_service_story_about_the_openai_deal_2024_final"
    view = SharesView(ids=["text", long_id], rows=[], sources={"text": [Source(long_id, 0.5)]})
    names = version_names(view.ids)
    assert sources_sentence(view, "text", names) == f"shares 50% of its text with {names(long_id)}"


@pytest.mark.parametrize(
    ("folder", "options"),
    [
        ("family", {"exclude_quotes": False, "min_match_words": 8}),
        ("news", {}),
        ("news", {"exclude_quotes": False, "min_match_words": 8}),
    ],
)
def test_reused_is_the_matrix_cell_whatever_the_exclusions(
    family_paths: list[str], folder: str, options: dict[str, object]
) -> None:
    """ "N% of the reference reused" (every report and the overview) and the matrix's cell
    for the reference in that version are one measure: the passages the exclusions leave in,
    over all of the reference's text. It counted every derived passage before, so a report
    said 52% of wire reused where the matrix said 50% (quotes included, matches under 8 words
    left out), and 56% against 41% on a news family with the default exclusions."""
    news = sorted(str(p) for p in (REPO / "benchmarks/data/news/f01-courts-fraud").glob("*.txt"))
    report = compare_paths(
        family_paths if folder == "family" else news, settings=Settings(**options)
    )
    sim = report.similarity
    assert sim is not None
    at = {d: k for k, d in enumerate(sim.ids)}
    cells = [
        (c.coverage["source_reused"], sim.shared[at[c.source]][at[c.target]])
        for c in report.comparisons
    ]
    assert any(reused > 0 for reused, _ in cells)
    assert [reused for reused, _ in cells] == [cell for _, cell in cells]
