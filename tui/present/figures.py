"""The figures a version changed and the quotations it reworded, as the explorer and every
report list them.

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
from difflib import SequenceMatcher

from ..core.escaping import quoted
from ..core.model import Comparison, Document, Passage
from ..core.summary import paragraph_range

LABEL = "figures changed"
QUOTES = "quotations reworded"


@dataclass(frozen=True)
class Change:
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
    quotations: bool = False,
) -> list[Change]:
    """Every changed figure of a comparison, in its passages' order; none of a version found
    independent: a preview written before the vote that said a petition had "passed 18,000"
    changed no figure of the wire's "18,400" (its passages still show both in their diffs).
    ``passages`` and ``verdict``: a reviewer's (``review.reviewed_regions``), whose passages
    relabelled as not taken changed no figure either. ``quotations``: the quotations it
    gives in other words instead, each cut to its changed words and a few around them."""
    if (verdict or c.verdict) == "independent":
        return []
    return [
        Change(
            *(reworded(f.source, f.target) if quotations else (f.source, f.target)),
            number,
            _paragraph(target, f.target_sentence),
            _paragraph(source, f.source_sentence),
        )
        for number, p in enumerate(c.passages if passages is None else passages, 1)
        if p.derived
        for f in (p.changed_quotes if quotations else p.changed_figures)
    ]


def quote_changes(
    source: Document,
    target: Document,
    c: Comparison,
    passages: Sequence[Passage] | None = None,
    verdict: str | None = None,
) -> list[Change]:
    """Every quotation of the source a comparison gives in other words, as the figures."""
    return figure_changes(source, target, c, passages, verdict, quotations=True)


def figures_line(changes: list[Change], source_name: str, label: str = LABEL) -> str:
    """``figures changed: ...`` (or ``label``), every one, separated by semicolons; "" when
    there are none."""
    if not changes:
        return ""
    return f"{label}: " + "; ".join(f.text(source_name) for f in changes)


def reworded(source: str, target: str, context: int = 3) -> tuple[str, str]:
    """Two wordings of a quotation cut to where they differ and ``context`` words each side,
    "…" where cut: "…by cutting depot jobs." -> "…by cutting depot jobs, and Sowerby Bridge
    will be the first place we make a stand." A reader sees the words that changed. What the
    source says beyond the part the copy quotes (a quotation cut short) is left out too."""
    a, b = source.split(), target.split()
    blocks = SequenceMatcher(None, [_bare(w) for w in a], [_bare(w) for w in b], False)
    matched = [m for m in blocks.get_matching_blocks() if m.size]
    lo, hi = 0, len(a)
    if matched and matched[0].b == 0:  # the copy's quotation opens later in the source's
        lo = matched[0].a
    if matched and matched[-1].b + matched[-1].size == len(b):  # and stops sooner
        hi = matched[-1].a + matched[-1].size
    a_cut = (lo > 0, hi < len(a))
    a = a[lo:hi]

    head = 0
    while head < min(len(a), len(b)) and _bare(a[head]) == _bare(b[head]):
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and _bare(a[-1 - tail]) == _bare(b[-1 - tail]):
        tail += 1
    start = max(0, head - context)
    keep = max(0, tail - context)

    def cut(words: list[str], before: bool = False, after: bool = False) -> str:
        shown = " ".join(words[start : len(words) - keep])
        return ("\u2026" if start or before else "") + shown + ("\u2026" if keep or after else "")

    return cut(a, *a_cut), cut(b)


def _bare(word: str) -> str:
    return "".join(ch for ch in word.lower() if ch.isalnum())


def _paragraph(doc: Document, sentence: int) -> int:
    s = doc.sentences[sentence]
    return paragraph_range(doc, (s.start, s.end))[0]
