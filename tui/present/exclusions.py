"""Which exclusions a report's shares and verdicts were made with, in one wording for the
app's overview and every report's evidence header: a plagiarism report states what it left
out, because a reader cannot weigh "37% derived" without knowing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..core.settings import Settings


@dataclass(frozen=True)
class Exclusions:
    quotes: bool
    boilerplate: bool
    min_words: int

    @classmethod
    def of(cls, settings: Settings | Mapping[str, object]) -> Exclusions:
        """From the engine's settings or a report's ``settings`` (an older report lacking a
        key was made without that exclusion)."""
        s = settings if isinstance(settings, Settings) else Settings.from_dict(dict(settings))
        return cls(s.exclude_quotes, s.exclude_boilerplate, s.min_match_words)

    @property
    def text(self) -> str:
        """``left out: shared quotations, unmatched page furniture; counted: copied page
        furniture, matches of any length``: what is off is said too, so no reader assumes."""
        left, counted = [], []
        (left if self.quotes else counted).append("shared quotations")
        if self.boilerplate:
            left.append("page furniture, copied or not")
        else:
            left.append("unmatched page furniture")
            counted.append("copied page furniture")
        if self.min_words > 0:
            left.append(f"matches under {self.min_words} words")
        else:
            counted.append("matches of any length")
        return f"left out: {', '.join(left)}; counted: {', '.join(counted)}"

    @property
    def short(self) -> str:
        """What is left out, for the overview's one line: ``shared quotations, unmatched
        page furniture``."""
        left = ["shared quotations"] if self.quotes else []
        left.append("all page furniture" if self.boilerplate else "unmatched page furniture")
        if self.min_words > 0:
            left.append(f"matches under {self.min_words} words")
        return ", ".join(left)


def exclusions_text(settings: Settings | Mapping[str, object]) -> str:
    return Exclusions.of(settings).text
