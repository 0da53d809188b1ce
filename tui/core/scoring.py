"""Similarity signals between a target text and the source text it may come from.

No single number separates the cases a journalist cares about. Character similarity stays
high under light spinning while word order and shared phrases fall; content-word overlap
survives paraphrase and translation but is also high between two stories reporting the same
facts. The signals are kept apart so the classifier can read the gaps between them, and so
the detail view can show a user why a passage got its label.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from .textnorm import Features, features

SIGNALS = ("char", "word", "cover_t", "cover_s", "phrase")


def weighted_share(terms: frozenset[str], other: frozenset[str], idf: dict[str, float]) -> float:
    """Share of ``terms`` (weighted by rarity) that ``other`` also has."""
    total = sum(idf.get(t, 1.0) for t in terms)
    if total == 0:
        return 0.0
    return sum(idf.get(t, 1.0) for t in terms & other) / total


def phrase_share(t: Features, s: Features) -> float:
    """Share of the target's word pairs found in the source: exact phrasing reused."""
    if not t.bigrams:
        return 1.0 if t.words and t.words == s.words else 0.0
    return len(t.bigrams & s.bigrams) / len(t.bigrams)


def pair_signals(
    pairs: Sequence[tuple[Features, Features]], idf: dict[str, float], workers: int = 1
) -> list[dict[str, float]]:
    """Signals for many (target, source) pairs; the order-aware ones run in rapidfuzz's C code."""
    if not pairs:
        return []
    chars = process.cpdist(
        [t.compact for t, _ in pairs],
        [s.compact for _, s in pairs],
        scorer=Indel.normalized_similarity,
        workers=workers,
    )
    words = process.cpdist(
        [t.words for t, _ in pairs],
        [s.words for _, s in pairs],
        scorer=Indel.normalized_similarity,
        workers=workers,
    )
    out = []
    for (t, s), c, w in zip(pairs, chars.tolist(), words.tolist(), strict=True):
        out.append(
            {
                "char": round(float(c), 4),
                "word": round(float(w), 4),
                "cover_t": round(weighted_share(t.content, s.content, idf), 4),
                "cover_s": round(weighted_share(s.content, t.content, idf), 4),
                "phrase": round(phrase_share(t, s), 4),
            }
        )
    return out


def joined(texts: Sequence[str]) -> Features:
    return features(" ".join(texts))
