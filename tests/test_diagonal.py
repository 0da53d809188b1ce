"""A garbled copy (a translation run back through a machine, a rewrite that lost the
wording) keeps only loose overlap with each source sentence, too little alone, but it keeps
the order: three sentences in a row, each loosely matching the source sentence after the
last one's, are a copied stretch. The same sentences out of step are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.linking import linked_sentences
from tui.core.engine import compare_paths

SOURCE = [
    "The old mill on the river was built in 1820 to grind corn for the surrounding farms.",
    "Requirements for a licence to fish the mill pond include a permit from the parish "
    "council and a fee paid each spring.",
    "A mill education is significantly broader than the grinding of corn that the building "
    "was first meant for.",
    "Visitors may also choose to tour the wheel house, walk the weir path, and picnic in the "
    "meadow.",
    "The trust that runs the mill hopes to reopen the bakery next summer.",
]

# Sources 1, 2 and 3, each loosely reworded and padded with words of the page's own.
GARBLED = [
    "For years the rules on who may fish at the mill pond have puzzled visiting anglers from "
    "town, because the parish permit must be renewed every spring for a small fee.",
    "Comparison with the grinding of corn is quite broad, as the mill gives young visitors "
    "from nearby schools an education of its own, with stories and games.",
    "You can choose, in the sunny afternoon, between the wheel house and the weir, where "
    "local families like to picnic with grandparents.",
]


def _linked(tmp_path: Path, middle: list[str]) -> dict[str, tuple[int, ...]]:
    story, page = tmp_path / "mill.txt", tmp_path / "weekend.txt"
    story.write_text("\n\n".join(SOURCE) + "\n", encoding="utf-8")
    paragraphs = [
        "Weekend ideas for families.",
        "The county show returns to the showground on Saturday with sheep shearing and a dog show.",
        *middle,
        "Tickets for the show are on sale at the gate and cost five pounds for adults.",
    ]
    page.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    report = compare_paths([str(story), str(page)], reference=str(story))
    c = report.comparisons[0]
    return linked_sentences(c, report.document(c.target))


def test_loose_matches_in_step_with_the_source_are_a_copy(tmp_path: Path) -> None:
    linked = _linked(tmp_path, GARBLED)
    assert {GARBLED[k]: linked.get(GARBLED[k]) for k in range(3)} == {
        GARBLED[0]: (1,),
        GARBLED[1]: (2,),
        GARBLED[2]: (3,),
    }
    assert len(linked) == 3  # the page's own sentences stay its own


@pytest.mark.parametrize("order", [(1, 0, 2), (2, 1, 0)])
def test_the_same_loose_matches_out_of_step_are_not(tmp_path: Path, order: tuple[int, ...]) -> None:
    assert _linked(tmp_path, [GARBLED[k] for k in order]) == {}
