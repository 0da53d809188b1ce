"""Every option that changes a result, written into each report as evidence of how it was made."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .diffing import MAX_TOKENS


@dataclass(frozen=True)
class Settings:
    # Source sentences considered per target sentence after tf-idf retrieval.
    candidates: int = 8
    min_cosine: float = 0.12
    # A target sentence whose source link is only "weak" is kept as derived only when another
    # derived passage lies within this many sentences on both sides (region support).
    support_window: int = 3
    # Regions: consecutive derived passages merge across at most this many unrelated target
    # sentences and source sentences.
    region_gap_target: int = 3
    region_gap_source: int = 6
    # Share of a target's (non-boilerplate) characters that must be derived for each verdict.
    wholly_derived: float = 0.75
    partially_derived: float = 0.15
    # Tokens (words and punctuation marks) a side that a word diff compares word by word;
    # longer passages are diffed sentence by sentence first. A size, not a time limit, so the
    # same inputs give the same diff on any machine.
    diff_max_tokens: int = MAX_TOKENS
    # A TSV of known spinner swaps (tortured, expected) instead of the shipped lexicon.
    lexicon: str = ""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
