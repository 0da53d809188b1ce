"""Sentence-by-term matrices, shared by candidate retrieval and pair scoring."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from .textnorm import VOCABULARY, Features

if TYPE_CHECKING:
    from scipy import sparse


def _flat(rows: Sequence[Sequence[int]]) -> np.ndarray:
    return np.fromiter(chain.from_iterable(rows), dtype=np.int64)


class Incidence:
    """Which rows hold which ids, over the compact columns of the ids present: made once,
    then given as a sparse matrix (big tables) or a dense array (small ones, built directly:
    scipy's constructors cost more than a small table's whole arithmetic)."""

    def __init__(self, rows: Sequence[Sequence[int]]) -> None:
        self.lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        self.columns, inverse = np.unique(_flat(rows), return_inverse=True)
        self.inverse = inverse.ravel()
        self.shape = (len(rows), len(self.columns))

    def sparse(self) -> sparse.csr_matrix:
        from scipy import sparse  # only big tables: scipy takes a third of a second to import

        indptr = np.concatenate(([0], np.cumsum(self.lengths)))
        return sparse.csr_matrix(
            (np.ones(len(self.inverse)), self.inverse, indptr), shape=self.shape
        )

    def dense(self) -> np.ndarray:
        out = np.zeros(self.shape)
        out[np.repeat(np.arange(self.shape[0]), self.lengths), self.inverse] = 1.0
        return out


def frequent_stems(feats: Sequence[Features], limit: float) -> frozenset[str]:
    """The stems of content words in more than ``limit`` of the sentences: counted in C from
    the ids each sentence already has, where reading every sentence's words again in Python
    took a third of a second on a 1 MB version."""
    if not feats:
        return frozenset()
    ids, df = np.unique(_flat([f.content for f in feats]), return_counts=True)
    return VOCABULARY.stem_names(ids[df > limit].tolist())


def idf_weights(feats: Sequence[Features]) -> np.ndarray:
    """Inverse document frequency (in thousandths) over the given sentences, indexed by stem
    id; stems the sentences do not contain get weight 1."""
    idf = np.ones(VOCABULARY.stems)
    if feats:
        flat = _flat([f.content for f in feats])
        ids, df = np.unique(flat, return_counts=True)
        n = len(feats)
        idf[ids] = np.log((n + 1) / (df + 1)) + 1.0
    # Whole thousandths: every weighted sum is then a sum of integers, exact in any order,
    # so no result depends on the order terms happen to have in a matrix.
    return np.round(idf * 1000.0)
