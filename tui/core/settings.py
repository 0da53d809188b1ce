"""Every option that changes a result, written into each report as evidence of how it was made."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

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
    # Publication dates the user gave (--dates): (path, file name or id; ISO date).
    dates: tuple[tuple[str, str], ...] = ()
    thresholds: Thresholds = field(default_factory=Thresholds)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            f.name: getattr(self, f.name) for f in fields(self) if f.name != "thresholds"
        }
        out["dates"] = dict(self.dates)
        out["thresholds"] = self.thresholds.as_dict()
        return out
