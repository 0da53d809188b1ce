"""Every cut-off that changes a result, by name, each with the reason it is where it is.

A journalist who is told "wholly derived" may be asked by a lawyer where the line was drawn;
the answer is in every report's settings (``Settings.as_dict``), not buried in the code. The
values are general rules measured on outside data (PAN13 training pairs, Clough-Stevenson,
made-up news families; see ``benchmarks/accuracy.py``), never fitted to one story.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any


def _cut(value: float, why: str) -> Any:
    return field(default=value, metadata={"why": why})


@dataclass(frozen=True)
class Thresholds:
    # -- How sure a link between a target and a source sentence is (align.strength). The
    # signals: char (character similarity), word (word-order similarity), cover_t / cover_s
    # (share of the target's / source's content words the other has, rarer words weighing
    # more), phrase (share of the target's word pairs found in the source).
    strong_phrase: float = _cut(0.5, "half the target's word pairs in the source: copied phrasing")
    strong_pairs: float = _cut(
        3, "...and that share at least this many word pairs: two are a topic's phrase"
    )
    strong_char: float = _cut(0.75, "near-identical characters (light spinning keeps them)")
    strong_char_cover: float = _cut(0.5, "...with at least half the content words on both sides")
    strong_cover: float = _cut(0.6, "most content words shared, both ways...")
    strong_cover_phrase: float = _cut(0.3, "...and some phrasing: a reworded copy")
    medium_cover: float = _cut(0.45, "about half the content words shared, both ways...")
    medium_phrase: float = _cut(0.15, "...with a little phrasing: paraphrase")
    weak_cover_t: float = _cut(0.4, "the target's content mostly found in the source...")
    weak_cover_s: float = _cut(0.25, "...covering a quarter of the source sentence...")
    weak_phrase: float = _cut(0.08, "...with a trace of phrasing: needs a neighbour to count")
    kept_phrase: float = _cut(0.3, "30% of the target's word pairs in the source...")
    kept_phrase_cover: float = _cut(
        0.35, "...and 35% of the content words both ways: a rewrite keeping short phrases"
    )
    fragment_cover_t: float = _cut(0.6, "a target fragment of a longer source sentence...")
    fragment_phrase: float = _cut(0.3, "...keeping its phrasing: needs a neighbour to count")
    contained_cover_s: float = _cut(0.6, "a source sentence mostly inside a target sentence...")
    contained_phrase: float = _cut(0.2, "...keeping a fifth of the target's word pairs...")
    contained_cover_t: float = _cut(0.25, "...and a quarter of its content: needs a neighbour")
    run_cover_s: float = _cut(
        0.5, "a source sentence mostly inside a long target sentence, one of a run..."
    )
    run_sources: float = _cut(
        3, "...and this many consecutive ones matching it as a whole: a copy on its own"
    )
    fact_share: float = _cut(
        0.5, "share of a sentence's facts and rare words a rewrite takes from its sources"
    )
    fact_min: float = _cut(3, "facts and rare words a rewritten sentence must share")
    fact_zipf: float = _cut(4.0, "words rarer than this (Zipf) are specifics, like names")
    fact_topic: float = _cut(
        0.1, "a specific in more than this share of the source's sentences is its topic"
    )
    restate_share: float = _cut(
        0.4, "two fifths of a sentence's content words from up to three nearby source sentences..."
    )
    restate_rest: float = _cut(
        0.1, "...linked when all but a tenth of the version is linked or restated: a condensed copy"
    )
    restate_min: float = _cut(3, "...of this many text sentences at least: fewer tell nothing")
    heading_char: float = _cut(0.7, "a heading is copied only when its characters are")
    short_words: float = _cut(4, "sentences under this many words link only beside a passage")
    alone_words: float = _cut(8, "a strong passage with no neighbour needs this many words")
    alone_cover: float = _cut(0.5, "...and half its content words in the source, not a set phrase")
    support_window: float = _cut(3, "sentences around a weak link searched for a supporting one")
    summary_chain: float = _cut(
        4, "one-sentence passages in a row that skip forward through the source: a summary"
    )
    summary_run: float = _cut(
        4, "sentences in a row, linked or loosely matching, around a close one: a summary"
    )
    merge_gain: float = _cut(0.05, "a merge must explain this much more of the target")
    tie_margin: float = _cut(
        0.03,
        "source candidates this close in score count as tied; in the tree, so do two versions "
        "this close in their shares of each other and in the length of their shared text",
    )
    gap_cover_t: float = _cut(0.3, "a loose sentence between two passages: target cover...")
    gap_cover_s: float = _cut(0.1, "...source cover...")
    gap_phrase: float = _cut(0.05, "...and a trace of phrasing...")
    gap_char: float = _cut(0.45, "...or of characters: summaries keep little more")
    gap_shape_char: float = _cut(
        0.5, "...or, its content words swapped in place, half its characters..."
    )
    gap_shape_word: float = _cut(0.35, "...and a third of its words in their order")
    diagonal_run: float = _cut(
        3, "loose matches in a row, each with the next source sentence: a garbled copy"
    )
    absorbed_cover_s: float = _cut(0.6, "a source sentence mostly inside a longer target one...")
    absorbed_phrase: float = _cut(0.1, "...with some of its phrasing...")
    absorbed_cover_t: float = _cut(0.2, "...covering part of the target: a merge")
    min_cosine: float = _cut(0.12, "rare-word cosine below which a source is no candidate")
    # -- Labels (classify.derived_label).
    verbatim_char: float = _cut(0.9999, "identical after normalising case, quotes and spacing")
    edited_word: float = _cut(0.5, "one-to-one and half the words kept in order: edited")
    edited_char: float = _cut(0.5, "...with half the characters")
    edited_word_any: float = _cut(0.85, "a merge or split that barely changes the words: edited")
    # -- Verdicts (classify.verdict). Shares are of the target's non-boilerplate characters.
    wholly_derived: float = _cut(
        0.65, "65% of the text from the source, however reworded: wholly derived"
    )
    partially_derived: float = _cut(
        0.2, "a fifth of the text from the source (facts alone counting half): partially"
    )
    fact_weight: float = _cut(
        0.5, "a passage keeping facts but not phrasing is half the evidence of one copied"
    )
    phrase_evidence: float = _cut(0.3, "a paraphrase sharing less phrasing than this keeps facts")
    region_passages: float = _cut(3, "a run of this many passages is a copy at any share")
    source_majority: float = _cut(
        0.5, "half the source in a version, in that many passages keeping phrasing: a copy"
    )
    region_chars: float = _cut(
        200, "verbatim or edited text this long (about two sentences) is a copy at any share"
    )
    region_pair_chars: float = _cut(
        120, "...and so is this much of it in two sentences or more (a short pasted paragraph)"
    )
    quote_share: float = _cut(0.5, "a match this much inside quotation marks is a shared quote")
    quote_words: float = _cut(
        4, "...or with a quotation this long, the rest only who said it, when and where"
    )
    # -- Regions (regions.find_regions).
    region_gap_target: float = _cut(3, "unrelated target sentences a region may jump")
    trim_words: float = _cut(
        3, "a region starts and ends at a run of this many shared words, not a sentence edge"
    )
    summary_ratio: float = _cut(
        2, "a region drawing on a source stretch this many times its length condenses it"
    )
    summary_reach: float = _cut(
        0.33, "a condensed region reaching over this share of the source summarises it all"
    )
    region_gap_source: float = _cut(6, "unrelated source sentences a region may jump")
    # -- Provenance across versions.
    screen_cosine: float = _cut(0.5, "a sentence counts as found in another version")
    related: float = _cut(0.1, "share of a version's sentences found in another: aligned")
    odd_gap: float = _cut(1.0, "Zipf gap making one side of a swap 'much rarer' (10x)")
    rare_zipf: float = _cut(3.0, "words rarer than this are shared oddities")
    direction_min: float = _cut(1.0, "evidence weight before a direction is called (one swap)")
    direction_ratio: float = _cut(2.0, "one direction's evidence must double the other's")
    conflict_ratio: float = _cut(
        4.0, "strong marks both ways within this ratio: both were worked on since a source"
    )
    direction_strong: float = _cut(3.0, "net evidence weight of a 'strong' direction")
    swap_step: float = _cut(
        4, "candidate parents this many swaps apart from a version are equally close to it"
    )
    borrowed_zipf: float = _cut(
        4.0,
        "words rarer than this say a version saw more (so do names, and plain words the "
        "other version swapped for rarer ones)",
    )
    borrowed_words: float = _cut(
        2, "words shared with a third version that a parent never uses: not the only source"
    )

    def as_dict(self) -> dict[str, dict[str, object]]:
        return {name: dict(entry) for name, entry in _entries(self)}


@cache
def _entries(cuts: Thresholds) -> tuple[tuple[str, dict[str, object]], ...]:
    """Read once per set of cut-offs: every comparison writes them into its report, and
    reading a dataclass's fields and metadata cost more than a small comparison's scoring."""
    return tuple(
        (f.name, {"value": getattr(cuts, f.name), "why": f.metadata["why"]}) for f in fields(cuts)
    )
