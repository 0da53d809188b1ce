"""Order-free candidate retrieval: which source sentences could a target sentence come from?

A sparse tf-idf product finds, for every target sentence, the source sentences sharing its
rarer content words, in C, without building an all-pairs matrix of expensive scores. Words
common to a large share of sentences are left out of the product: they would make it dense
and say nothing about where a sentence came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .scoring import SignalTable

if TYPE_CHECKING:
    from scipy import sparse


@dataclass
class Cosines:
    """The nonzero cosines, row by row (row-major order, as scipy's COO from a dense array
    has them). A plain triple rather than a scipy matrix: a short text never imports scipy,
    a third of a second of every small run's start."""

    row: np.ndarray
    col: np.ndarray
    data: np.ndarray

    @classmethod
    def of_dense(cls, product: np.ndarray) -> Cosines:
        row, col = np.nonzero(product)
        return cls(row, col, product[row, col])


def _dense(m: sparse.csr_matrix, columns: np.ndarray) -> np.ndarray:
    out = np.zeros((m.shape[0], len(columns)))
    rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    out[rows, np.searchsorted(columns, m.indices)] = m.data
    return out


def _normalised(product: Cosines, t_sq: np.ndarray, s_sq: np.ndarray) -> Cosines:
    """Dot products over the rows' norms (given squared; a zero row's norm counts as 1)."""
    t_norm, s_norm = np.sqrt(t_sq), np.sqrt(s_sq)
    t_norm[t_norm == 0] = 1.0
    s_norm[s_norm == 0] = 1.0
    product.data = product.data / (t_norm[product.row] * s_norm[product.col])
    return product


def _dense_cosines(tm: np.ndarray, sm: np.ndarray) -> Cosines:
    return _normalised(Cosines.of_dense(tm @ sm.T), (tm * tm).sum(axis=1), (sm * sm).sum(axis=1))


def _cosines(tm: sparse.csr_matrix, sm: sparse.csr_matrix) -> Cosines:
    """Cosines from integer-valued weights: the dot products and squared norms are sums of
    integers, exact in any order, so the result does not depend on column order (which
    follows the process-wide vocabulary) or on how BLAS splits the work (nor on whether the
    arithmetic is dense or sparse)."""
    used = np.unique(np.concatenate([tm.indices, sm.indices]))
    if tm.shape[0] * sm.shape[0] * max(1, len(used)) <= 500_000:
        # Tiny pairs: dense arithmetic over the terms present avoids scipy's overhead.
        return _dense_cosines(_dense(tm, used), _dense(sm, used))
    product = (tm @ sm.T).tocoo()
    return _normalised(
        Cosines(product.row, product.col, product.data),
        np.asarray(tm.multiply(tm).sum(axis=1)).ravel(),
        np.asarray(sm.multiply(sm).sum(axis=1)).ravel(),
    )


def cosines(table: SignalTable, targets: Sequence[int], sources: Sequence[int]) -> Cosines:
    """Cosines of rare-term vectors between rows of ``table``, for pairs sharing a term."""
    n = len(targets) + len(sources)
    rows = list(targets) + list(sources)
    if table.dense is not None:
        content = table.dense[0]
        df = (content[rows] > 0).sum(axis=0)
    else:
        df = np.asarray((table.content[rows] > 0).sum(axis=0)).ravel()
    # Terms in more than a few percent of the sentences carry no evidence of where a
    # sentence came from, and would make the product dense.
    # They are sliced out, not weighted zero: scipy multiplies stored zeros like any other
    # value, and in a text that repeats itself every term would be such a zero (6 s per MB).
    keep = np.flatnonzero(df <= min(150, max(40, int(0.04 * n))))
    if table.dense is not None and len(targets) * len(sources) * max(1, len(keep)) <= 500_000:
        weighted = content[:, keep] * table.weights[keep]
        return _dense_cosines(weighted[list(targets)], weighted[list(sources)])
    from scipy import sparse

    weights = sparse.diags(table.weights[keep])
    return _cosines(
        table.content[list(targets)][:, keep] @ weights,
        table.content[list(sources)][:, keep] @ weights,
    )


def retrieve(
    table: SignalTable, targets: Sequence[int], sources: Sequence[int], k: int, min_cosine: float
) -> list[list[tuple[int, float]]]:
    """For each of ``targets`` (rows of ``table``), up to ``k`` (position in ``sources``,
    cosine) pairs, best first."""
    product = cosines(table, targets, sources)
    mask = product.data >= min_cosine
    rows, cols = product.row[mask], product.col[mask]
    vals = np.round(product.data[mask], 6)
    # First a cheap pass on one key (row, then score; cosines lie in [0, 1]): each row keeps
    # the entries scoring at least its k-th best, ties included, and only those are put in
    # the full order below. A four-key sort of every entry took 0.15 s per MB.
    by_score = np.argsort(rows * 4.0 - vals, kind="stable")
    r, v = rows[by_score], vals[by_score]
    at_k = np.arange(len(r)) - np.searchsorted(r, r) == k - 1
    kth = np.full(len(targets), -1.0)
    kth[r[at_k]] = v[at_k]
    keep = vals >= kth[rows]
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    # Row by row, best first; ties (a passage the source repeats) to the source sentence
    # nearest the target's relative position, then the lower index: the same on every run.
    # Integer arithmetic: |col / len(sources) - row / len(targets)|, scaled.
    off = np.abs(cols.astype(np.int64) * len(targets) - rows.astype(np.int64) * len(sources))
    order = np.lexsort((cols, off, -vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    top = rank < k
    rows, cols, vals = rows[top], cols[top], vals[top]
    bounds = np.searchsorted(rows, np.arange(1, len(targets)))
    return [
        list(zip(c, v, strict=True))
        for c, v in zip(
            (a.tolist() for a in np.split(cols, bounds)),
            (a.tolist() for a in np.split(vals, bounds)),
            strict=True,
        )
    ]
