"""Runs of passages a version left out or added, told in one line instead of one row each.

Ten versions of one story each list every reference paragraph they dropped: printed in full
that is most of a hundred pages of the same text. What a reader needs of such a run is how
much and where ("12 paragraphs of the reference not used: ¶3–¶14"); the text itself is in the
reference's own rows, the CSV and the JSON. A passage a reviewer relabelled or annotated is
never folded into a run: the reviewer's word must stay visible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .excerpts import paragraph_list
from .wording import plural

# Labels whose consecutive passages fold into one line, and how many make a run: an omitted
# passage is the reference's text, shown in the reference's own rows, so even one is a line,
# and so is the reference's furniture the version did not take (the caller keeps a version's
# own furniture on its row); a single added passage is the version's own writing and keeps
# its row.
MIN_RUN = {"omitted": 1, "boilerplate": 1, "added": 2}
FOLDED = tuple(MIN_RUN)

T = TypeVar("T")


@dataclass(frozen=True)
class Run(Generic[T]):
    """Consecutive passages of one folded label, as one line."""

    label: str
    items: list[T]
    # In the reference for omitted passages and its furniture, in the version for added.
    paragraphs: list[int]
    numbers: tuple[int, int]  # the first and last passage number

    def line(self, reference: str, version: str, partial: frozenset[int] = frozenset()) -> str:
        """``12 paragraphs of wire not used: ¶3–¶14 (passages 4–15)``; ``partial``: the
        paragraphs the run covers only some of (``¶9 (in part)``)."""
        what = plural(len(self.paragraphs), "paragraph")
        where = paragraph_list(self.paragraphs, partial)
        if self.label == "omitted":
            head = f"{what} of {reference} not used in {version}"
        elif self.label == "boilerplate":
            head = f"{what} of {reference}'s page furniture, not taken by {version}"
        else:
            head = f"{what} of {version} not from {reference}"
        a, b = self.numbers
        which = f"passage {a}" if a == b else f"passages {a}\u2013{b}"
        return f"{head}: {where} ({which})"


def omitted_line(
    paragraphs: list[int], reference: str, version: str, partial: frozenset[int] = frozenset()
) -> str:
    """``14 paragraphs of wire not used in sun: ¶3–¶9, ¶12 (in part)``: every paragraph a
    version left out, in one line under its passages (each run already stands at its place
    among them)."""
    what = plural(len(paragraphs), "paragraph")
    return f"{what} of {reference} not used in {version}: {paragraph_list(paragraphs, partial)}"


def fold(
    items: Sequence[T],
    label: Callable[[T], str],
    paragraphs: Callable[[T], list[int]],
    number: Callable[[T], int],
    keep: Callable[[T], bool] = lambda _: False,
) -> list[T | Run[T]]:
    """``items`` with each run of ``MIN_RUN`` or more consecutive omitted (or added) items
    folded into a ``Run``; ``keep`` marks items that must stay on their own."""
    out: list[T | Run[T]] = []
    run: list[T] = []

    def flush() -> None:
        if run and len(run) >= MIN_RUN[label(run[0])]:
            paras = sorted({n for i in run for n in paragraphs(i)})
            out.append(Run(label(run[0]), list(run), paras, (number(run[0]), number(run[-1]))))
        else:
            out.extend(run)
        run.clear()

    for item in items:
        folds = label(item) in FOLDED and not keep(item)
        if run and (not folds or label(item) != label(run[0])):
            flush()
        if folds:
            run.append(item)
        else:
            out.append(item)
    flush()
    return out
