"""Similarity signals between a target text and the source text it may come from.

No single number separates the cases a journalist cares about. Character similarity stays
high under light spinning while word order and shared phrases fall; content-word overlap
survives paraphrase and translation but is also high between two stories reporting the same
facts. The signals are kept apart so the classifier can read the gaps between them, and so
the detail view can show a user why a passage got its label.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .textnorm import Features, features
from .vectors import Incidence

if TYPE_CHECKING:
    from scipy import sparse

SIGNALS = ("char", "word", "cover_t", "cover_s", "phrase")
DENSE_CELLS = 100_000  # a table this small is also held as dense arrays


def _share(inter: np.ndarray, total: np.ndarray) -> np.ndarray:
    out = np.zeros_like(inter)
    np.divide(inter, total, out=out, where=total > 0)
    return out


def _csr(dense: np.ndarray) -> sparse.csr_matrix:
    from scipy import sparse

    return sparse.csr_matrix(dense)


class SignalTable:
    """Sparse matrices of a set of sentences, built once per comparison so that signals for
    tens of thousands of candidate pairs cost a few sparse row products (overlap) and two
    rapidfuzz calls in C (order-aware similarity)."""

    def __init__(self, feats: Sequence[Features], idf: np.ndarray) -> None:
        self.feats = list(feats)
        content = Incidence([f.content for f in self.feats])
        bigrams = Incidence([f.bigrams for f in self.feats])
        stems = content.columns
        known = stems < len(idf)
        self.weights = np.where(known, idf[np.where(known, stems, 0)], 1000.0)
        # A small table (a short story, a few joined sentences) is held dense: numpy on a
        # few thousand cells costs microseconds where each scipy call costs tens of them.
        # Both sum whole numbers (0/1 cells, weights in thousandths), exact in any order, so
        # the two give the same figures to the last bit.
        cells = content.shape[0] * (content.shape[1] + bigrams.shape[1])
        self.dense: tuple[np.ndarray, np.ndarray] | None = None
        if cells <= DENSE_CELLS:
            self.dense = (content.dense(), bigrams.dense())
            self.totals = self.dense[0] @ self.weights
            self.pair_counts = self.dense[1].sum(axis=1)
        else:
            self._content, self._bigrams = content.sparse(), bigrams.sparse()
            self.totals = self._content @ self.weights
            self.pair_counts = np.asarray(self._bigrams.sum(axis=1)).ravel()

    @functools.cached_property
    def content(self) -> sparse.csr_matrix:
        """The content-stem matrix, sparse (a small table makes it from its dense array only
        when a product too big for dense arithmetic asks for it)."""
        return self._content if self.dense is None else _csr(self.dense[0])

    @functools.cached_property
    def bigrams(self) -> sparse.csr_matrix:
        return self._bigrams if self.dense is None else _csr(self.dense[1])

    def signals(
        self, ti: Sequence[int], si: Sequence[int], workers: int = 1
    ) -> list[dict[str, float]]:
        """Signals of each pair (``ti[k]`` as target, ``si[k]`` as source)."""
        if not len(ti):
            return []
        t, s = np.asarray(ti, dtype=np.int64), np.asarray(si, dtype=np.int64)
        if self.dense is not None:
            content, bigrams = self.dense
            inter = (content[t] * content[s]) @ self.weights
            shared = (bigrams[t] * bigrams[s]).sum(axis=1)
        else:
            inter = np.asarray(self.content[t].multiply(self.content[s]) @ self.weights).ravel()
            shared = np.asarray(self.bigrams[t].multiply(self.bigrams[s]).sum(axis=1)).ravel()
        phrase = _share(shared, self.pair_counts[t])
        # A sentence too short for any word pair shares phrasing only by being the same words.
        for k in np.flatnonzero(self.pair_counts[t] == 0):
            a, b = self.feats[t[k]], self.feats[s[k]]
            phrase[k] = 1.0 if a.words and a.words == b.words else 0.0
        # rapidfuzz's thread pool costs milliseconds to start: worth it for big batches only.
        workers = workers if len(t) >= 4000 else 1
        targets = [self.feats[i] for i in t.tolist()]
        sources = [self.feats[i] for i in s.tolist()]
        columns = {
            "char": process.cpdist(
                [f.compact for f in targets],
                [f.compact for f in sources],
                scorer=Indel.normalized_similarity,
                workers=workers,
            ),
            "word": process.cpdist(
                [f.words for f in targets],
                [f.words for f in sources],
                scorer=Indel.normalized_similarity,
                workers=workers,
            ),
            "cover_t": _share(inter, self.totals[t]),
            "cover_s": _share(inter, self.totals[s]),
            "phrase": phrase,
        }
        rounded = {
            k: np.round(np.asarray(v, dtype=np.float64), 4).tolist() for k, v in columns.items()
        }
        char, word, cover_t, cover_s, phrase = (rounded[k] for k in SIGNALS)
        return [
            {"char": a, "word": b, "cover_t": c, "cover_s": d, "phrase": e}
            for a, b, c, d, e in zip(char, word, cover_t, cover_s, phrase, strict=True)
        ]


def pair_signals(
    pairs: Sequence[tuple[Features, Features]], idf: np.ndarray
) -> list[dict[str, float]]:
    """Signals for a few ad-hoc pairs (joined sentences of a merge or split)."""
    if not pairs:
        return []
    table = SignalTable([f for pair in pairs for f in pair], idf)
    n = len(pairs)
    return table.signals(range(0, 2 * n, 2), range(1, 2 * n, 2))


def joined(texts: Sequence[str]) -> Features:
    return features(" ".join(texts))
