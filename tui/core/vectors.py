"""Sparse sentence-by-term matrices, shared by candidate retrieval and pair scoring."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

from .textnorm import Features


def incidence(
    feats: Sequence[Features],
    attr: str,
    vocab: dict[object, int],
    keep: Callable[[object], bool] | None = None,
) -> sparse.csr_matrix:
    """Row i has a 1 in the column of each item of ``feats[i].<attr>``; ``vocab`` grows."""
    rows: list[int] = []
    cols: list[int] = []
    for i, f in enumerate(feats):
        for x in getattr(f, attr):
            if keep is None or keep(x):
                rows.append(i)
                cols.append(vocab.setdefault(x, len(vocab)))
    return sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(feats), len(vocab) or 1)
    )


def term_weights(vocab: dict[object, int], idf: dict[str, float], size: int) -> np.ndarray:
    weights = np.ones(size)
    for term, col in vocab.items():
        weights[col] = idf.get(term, 1.0)  # type: ignore[call-overload]
    return weights
