"""Every option that changes a result, written into each report as evidence of how it was made."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .thresholds import Thresholds


@dataclass(frozen=True)
class Settings:
    # Source sentences considered per target sentence after tf-idf retrieval.
    candidates: int = 8
    # Tokens (words and punctuation marks) a side that a word diff compares word by word;
    # longer passages are diffed sentence by sentence first. A size, not a time limit, so the
    # same inputs give the same diff on any machine.
    diff_max_tokens: int = 2000
    # A TSV of known spinner swaps (tortured, expected) instead of the shipped lexicon.
    lexicon: str = ""
    # Leave shared quotations out of the shares a verdict is decided from (plagiarism tools'
    # "exclude quotes"): reporters at one event quote the same words.
    exclude_quotes: bool = True
    # Leave derived passages of fewer words than this out of the shares (plagiarism tools'
    # "exclude small matches"); 0 counts every match.
    min_match_words: int = 0
    # Leave page and agency furniture that was copied with the text (a dateline, a credit
    # line, "originally appeared on") out of both sides of the shares, as unmatched furniture
    # always is (plagiarism tools' "exclude boilerplate"). Off by default: a copied wire
    # credit is itself a sign of copying.
    exclude_boilerplate: bool = False
    # Publication dates the user gave (--dates): (path, file name or id; ISO date).
    dates: tuple[tuple[str, str], ...] = ()
    thresholds: Thresholds = field(default_factory=Thresholds)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Settings:
        """The settings a report was made with, from its ``settings``: what recomputing its
        figures (a reviewer's labels) must use. Unknown or missing keys keep the defaults."""
        plain = {f.name for f in fields(cls)} - {"thresholds", "dates"}
        kwargs: dict[str, Any] = {k: v for k, v in data.items() if k in plain}
        dates = data.get("dates")
        if isinstance(dates, dict):
            kwargs["dates"] = tuple(sorted((str(k), str(v)) for k, v in dates.items()))
        cuts = data.get("thresholds")
        if isinstance(cuts, dict):
            known = {f.name for f in fields(Thresholds)}
            values = {k: v["value"] for k, v in cuts.items() if k in known and isinstance(v, dict)}
            kwargs["thresholds"] = Thresholds(**values)
        return cls(**kwargs)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            f.name: getattr(self, f.name) for f in fields(self) if f.name != "thresholds"
        }
        out["dates"] = dict(self.dates)
        out["thresholds"] = self.thresholds.as_dict()
        return out
