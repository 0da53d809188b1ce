"""The figures a version changed, as the explorer and every report list them.

A changed figure is the edit a journalist most needs to see ("jailed for five years" where
the wire said three), and the one the word swaps leave out; the side-by-side diff marks its
words, but a reader of a summary must be told. Each is said once, here, in the words every
format and the explorer's overview use: ``'three years' -> 'five years' (paragraph 4, from
paragraph 7 of wire)``: the two wordings as each text has them (quoted as the substitutions
are), where the version has it, and where the reference does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.escaping import quoted
from ..core.model import Comparison, Document, Passage
from ..core.summary import paragraph_range

LABEL = "figures changed"


@dataclass(frozen=True)
class FigureChange:
    source: str
    target: str
    # The passage it is in (1-based, as every report numbers passages) and the paragraph
    # (1-based) it is in, in the version and in the reference.
    passage: int
    paragraph: int
    source_paragraph: int

    @property
    def change(self) -> str:
        """``'three years' -> 'five years'``, quoted as the substitutions are."""
        return f"{quoted(self.source)} -> {quoted(self.target)}"

    def text(self, source_name: str) -> str:
        """``'three years' -> 'five years' (paragraph 4, from paragraph 7 of wire)``."""
        return (
            f"{self.change} (paragraph {self.paragraph}, "
            f"from paragraph {self.source_paragraph} of {source_name})"
        )


def figure_changes(
    source: Document,
    target: Document,
    c: Comparison,
    passages: Sequence[Passage] | None = None,
    verdict: str | None = None,
) -> list[FigureChange]:
    """Every changed figure of a comparison, in its passages' order; none of a version found
    independent: a preview written before the vote that said a petition had "passed 18,000"
    changed no figure of the wire's "18,400" (its passages still show both in their diffs).
    ``passages`` and ``verdict``: a reviewer's (``review.reviewed_regions``), whose passages
    relabelled as not taken changed no figure either."""
    if (verdict or c.verdict) == "independent":
        return []
    return [
        FigureChange(
            f.source,
            f.target,
            number,
            _paragraph(target, f.target_sentence),
            _paragraph(source, f.source_sentence),
        )
        for number, p in enumerate(c.passages if passages is None else passages, 1)
        if p.derived
        for f in p.changed_figures
    ]


def figures_line(changes: list[FigureChange], source_name: str) -> str:
    """``figures changed: ...``, every one, separated by semicolons; "" when there are
    none."""
    if not changes:
        return ""
    return f"{LABEL}: " + "; ".join(f.text(source_name) for f in changes)


def _paragraph(doc: Document, sentence: int) -> int:
    s = doc.sentences[sentence]
    return paragraph_range(doc, (s.start, s.end))[0]
