"""Sparse sentence-by-term matrices, shared by candidate retrieval and pair scoring."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np
from scipy import sparse

from .textnorm import VOCABULARY, Features


def _flat(rows: Sequence[Sequence[int]]) -> np.ndarray:
    return np.fromiter(chain.from_iterable(rows), dtype=np.int64)


def incidence(rows: Sequence[Sequence[int]]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """A 0/1 matrix with a row per id set, over the compact columns of the ids present;
    also returns the id of each column."""
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    flat = _flat(rows)
    columns, inverse = np.unique(flat, return_inverse=True)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    matrix = sparse.csr_matrix(
        (np.ones(len(flat)), inverse.ravel(), indptr), shape=(len(rows), len(columns))
    )
    return matrix, columns


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
