"""Small pieces of wording every screen and report shares, so a count or a sentence reads
the same (and grammatically) wherever it appears."""

from __future__ import annotations

from collections.abc import Callable

# A passage linked only because its whole version restates the reference
# (``Passage.restated``): the mark every report puts on it, and the explorer's explanation.
# Marks a version whose figures a reviewer's relabels change (the overview's row, the
# side by side's header, the reports' summaries).
REVIEWED_MARK = "\u270e"

RESTATED = "restated: the whole version restates the reference"
RESTATED_HELP = (
    "Linked because this version restates the reference throughout: this sentence keeps "
    "a good share of the content words of the reference sentences shown, in other words, "
    "and nearly all of the version is either aligned or restated like this, so it brings "
    "next to nothing from anywhere else. Alone, such a sentence would prove nothing."
)

# Why a weak passage is linked besides its own signals (``Passage.linked_by``, set by the
# alignment pass that linked it): the mark reports put on it, and the explorer's
# explanation. A restated passage keeps the marks above.
LINKED_BY = {
    "facts": (
        "linked by its facts",
        "Linked by its facts: this sentence keeps most of its content words, names and "
        "numbers among them, from the reference sentences shown (up to three near each "
        "other), and little of their wording. It counts only inside a run of passages that "
        "follows the reference, as a rewrite does. Alone, it would prove nothing.",
    ),
    "between": (
        "linked by its place",
        "Linked by its place: this sentence matches the reference sentence shown only "
        "loosely, and sits beside passages whose reference sentences lie next to it, as a "
        "rewrite keeps its source's order. Alone, such a match would prove nothing.",
    ),
    "in-order": (
        "linked by its order",
        "Linked by its order: this sentence is one of several in a row, each loosely "
        "matching the reference sentence after the last one's with a trace of its phrasing. "
        "A rewrite garbled past its wording keeps its source's order; chance matches would "
        "not. Alone, such a match would prove nothing.",
    ),
    "summary": (
        "linked as part of a summary",
        "Linked as part of a summary: this sentence matches the reference sentence shown "
        "only loosely, with a trace of its phrasing, in a run of sentences that each match "
        "the reference somewhere, around a passage that follows it "
        "closely. A summary keeps a point here and there, in any order. Alone, such a match "
        "would prove nothing.",
    ),
    "restated": (RESTATED, RESTATED_HELP),
    "reversed": (
        "linked from this version's side",
        "Linked from this version's side: the reference's own alignment found this version "
        "independent, while the derivation tree finds a way between the two. "
        "The link was found by reading the reference's sentences against this version's "
        "(the other way round), by its facts, its place or a summary around it, or is too "
        "loose to stand on its own from the reference's side. Alone, such a match would "
        "prove nothing.",
    ),
}


# The overview's "tree" column: what the derivation tree says of a version and the reference
# where it is not that the version was made from it (``summary.tree_relation``). A verdict
# reads the share of the version's text found in the reference, high for the wire beside a
# reference that copied it; this says which way the tree goes.
TREE_WORDS = {"source": "ref from it", "sibling": "sibling", "apart": "no way"}


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural(n: int, one: str, many: str | None = None) -> str:
    """``1 passage``, ``2 passages``; ``many`` for words that do not take an ``s``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


# What a family cell marked with REVIEWED_MARK says, in the caption of every families table.
REVIEWED_CELL = (
    f"{REVIEWED_MARK}: a reviewer relabelled it, its letter the reviewer's where the relabel "
    "covers all of it"
)


def regions_by_reviewer(engine: int) -> str:
    """What the region lines say when a reviewer's labels made them, with the engine's
    count beside (``review.reviewed_regions``)."""
    found = plural(engine, "region")
    return f"{REVIEWED_MARK} regions by the reviewer's labels (the engine found {found})"


def relabelled_swaps(n: int) -> str:
    """What the swap lists say of the swaps a reviewer's labels took out of them."""
    if not n:
        return ""
    return (
        f"{plural(n, 'swap')} left out: found only in passages a reviewer relabelled as not taken"
    )


def swap_pairs(
    pairs: list[tuple[str, str, int]], name: Callable[[str], str], times: str = "\u00d7"
) -> str:
    """Where a swap was found, pair by pair, the version with the "from" wording first:
    ``wire → mail, mail → sun ×2``. Which version used which wording is the point: a swap
    listed by versions alone reads the same whichever way it went."""
    return ", ".join(
        f"{name(a)} \u2192 {name(b)}" + (f" {times}{n}" if n > 1 else "") for a, b, n in pairs
    )
