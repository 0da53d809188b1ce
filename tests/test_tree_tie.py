"""A tie in the derivation tree: two versions with no mark of which came first (no dates, no
swap with a much rarer side, nothing one left out of the other) that hold the same share of
each other. The only evidence of which is the original is then the user's word (they named
it the reference); with none, a rule that does not depend on the order the files were given
in. Every reason the tree and the report give must say it is a tie: none may claim that one
side holds more while another says neither does.

Found by a new-user trial: a short Russian story and a copy with four words swapped for
synonyms, compared with the original named the reference, hung the original under its copy
and gave both "the original holds no more of what they share than the copy" and "the copy is
taken as the source because it holds more of what they share". The stories here are written
for these tests, in English (swaps of the same length and much the same rarity: a tie in
every measure) and in Russian (the copy's swaps are longer, so its shared text is).
"""

from __future__ import annotations

import functools
import html
import json
from pathlib import Path

import pytest

from tui.core.engine import compare_paths
from tui.core.model import Report, Tree, TreeEdge
from tui.present.names import version_names
from tui.report import render

EN_ORIGINAL = (
    "A retired bus driver killed his neighbour with a single punch after a twelve-year "
    "quarrel over a tall hedge. The court sentenced him to three years and nine months. The "
    "judge said it was a tragedy. The widow said no hedge was worth a life.\n\n"
    "The neighbour had thrown the clippings back over the fence. The man hit his head on the "
    "kerb and died two days later in hospital.\n"
)
# Four synonyms, each as long as the word it replaces and of much the same rarity.
EN_RETOLD = (
    EN_ORIGINAL.replace("punch", "smack")
    .replace("quarrel", "wrangle")
    .replace("tragedy", "outrage")
    .replace("clippings", "trimmings")
)
# Rarer words swapped in, as a spinner does: a mark that the original came first.
EN_SPUN = EN_ORIGINAL.replace("killed", "slew").replace(" died ", " perished ")
RU_ORIGINAL = (
    "Водитель автобуса убил пешехода на переходе в центре города. Суд назначил ему наказание "
    "в виде четырёх лет колонии. Прокурор назвал приговор справедливым. Родные погибшего "
    "сказали, что никакой срок не вернёт им отца.\n\n"
    "Свидетели рассказали, что автобус ехал на красный свет. Пешеход упал на асфальт и умер "
    "по дороге в больницу.\n"
)
RU_RETOLD = (
    RU_ORIGINAL.replace("убил", "сбил насмерть")
    .replace("справедливым", "заслуженным")
    .replace("Родные", "Близкие")
    .replace("умер", "скончался")
)
STORIES = {
    "en": {"original": EN_ORIGINAL, "retold": EN_RETOLD, "spun": EN_SPUN},
    "ru": {"original": RU_ORIGINAL, "retold": RU_RETOLD},
}
TIE = "no mark of which came first and they hold the same share of each other: a tie"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tie")
    for lang, versions in STORIES.items():
        (root / lang).mkdir()
        for name, text in versions.items():
            (root / lang / f"story-{name}.txt").write_text(text, encoding="utf-8")
    return root


@functools.cache
def _compare(paths: tuple[str, ...], reference: str | None) -> Report:
    return compare_paths(list(paths), reference=reference)


def _report(
    folder: Path, lang: str, names: tuple[str, ...], reference: str | None = None
) -> Report:
    paths = tuple(str(folder / lang / f"story-{n}.txt") for n in names)
    return _compare(paths, f"story-{reference}" if reference else None)


def _tree(report: Report) -> Tree:
    assert report.provenance is not None
    return report.provenance.tree


def _edges(report: Report) -> list[tuple[str, str, str]]:
    return [(e.parent, e.child, e.basis) for e in _tree(report).edges]


def _only_edge(report: Report) -> TreeEdge:
    (edge,) = _tree(report).edges
    return edge


def _reasons(report: Report) -> list[str]:
    """Every reason the tree gives: its edges' evidence, the unattached, the notes."""
    tree = _tree(report)
    return [
        *(line for e in tree.edges for line in e.evidence),
        *tree.unattached.values(),
        *tree.notes,
    ]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("named", ["original", "retold"])
@pytest.mark.parametrize("order", [("original", "retold"), ("retold", "original")])
def test_on_a_tie_the_named_reference_is_the_source_and_every_reason_says_so(
    folder: Path, lang: str, named: str, order: tuple[str, str]
) -> None:
    """Whichever version the user names, in either argument order: it is the parent, the
    edge and the other's reason for having none are one sentence, and it says the tie was
    the reference's to decide. In Russian the copy's shared text is the longer, which
    decides nothing against the user's word."""
    report = _report(folder, lang, order, named)
    ref, other = f"story-{named}", f"story-{'retold' if named == 'original' else 'original'}"
    assert report.reference == ref
    assert _edges(report) == [(ref, other, "content")]
    said = f"{TIE}, and {ref}, named the reference, is taken as the source"
    assert _only_edge(report).evidence[-1] == said
    assert _tree(report).unattached == {ref: f"not from {other}: {said}"}
    assert not any("holds more" in r or "holds no more" in r for r in _reasons(report))


@pytest.mark.parametrize(
    ("lang", "source", "broken"),
    [
        ("en", "original", "broken by name order: story-original is taken as the source"),
        (
            "ru",
            "retold",
            "broken by length: story-retold's shared text is the longer (289 characters to "
            "276), so it is taken as the source",
        ),
    ],
    ids=["en", "ru"],
)
def test_without_a_reference_a_tie_is_broken_the_same_whatever_the_argument_order(
    folder: Path, lang: str, source: str, broken: str
) -> None:
    """With no reference named, the tie goes to the longer shared text, else to the first
    by name, never to the first given; the reason says it is a tie and how it was broken,
    and the reference the engine then chooses gives that same reason."""
    forward = _report(folder, lang, ("original", "retold"))
    backward = _report(folder, lang, ("retold", "original"))
    src = f"story-{source}"
    said = f"{TIE}, {broken}"
    for report in (forward, backward):
        edge = _only_edge(report)
        assert (edge.parent, edge.basis, edge.evidence[-1]) == (src, "content", said)
        assert report.reference == src
        assert report.reference_reason == (
            f"{src} is the most original version: 1 derives from it ({said})"
        )
        assert not any("holds more" in r or "holds no more" in r for r in _reasons(report))
    assert _tree(forward).edges == _tree(backward).edges
    assert _tree(forward).unattached == _tree(backward).unattached


def test_the_reference_decides_a_tie_and_nothing_the_marks_decide(folder: Path) -> None:
    """Named the reference, the retold copy is the source of a tie; the spun copy, whose
    rarer words say it came second, stays under the original whatever the user says."""
    tie = _report(folder, "en", ("original", "retold"), "retold")
    assert _edges(tie) == [("story-retold", "story-original", "content")]
    marked = _report(folder, "en", ("original", "spun"), "spun")
    assert _edges(marked) == [("story-original", "story-spun", "evidence")]
    assert "story-spun has the rarer word" in _only_edge(marked).evidence[-1]


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_every_format_says_what_the_tree_says_on_a_tie(folder: Path, fmt: str) -> None:
    """The verdict line calls the copy derived from the reference the tree hangs it under
    (not "shared with it, which the derivation tree finds derived from it"), and the tie's
    reason is there as the tree gives it, with no claim that one side holds more."""
    report = _report(folder, "ru", ("retold", "original"), "original")
    names = version_names([d.id for d in report.documents])
    out = render(report, fmt)
    said = names.rename(_only_edge(report).evidence[-1])
    assert "finds derived from it" not in out
    assert "holds more" not in out and "holds no more" not in out
    if fmt == "json":
        tree = json.loads(out)["tree"]
        assert [(e["parent"], e["child"]) for e in tree["edges"]] == [
            ("story-original", "story-retold")
        ]
        assert tree["edges"][0]["evidence"][-1] == _only_edge(report).evidence[-1]
        return
    text = html.unescape(out) if fmt == "html" else out
    assert said in text
    assert "derived from original" in text
