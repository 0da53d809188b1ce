"""Order-free candidate retrieval: which source sentences could a target sentence come from?

A sparse tf-idf product finds, for every target sentence, the source sentences sharing its
rarer content words, in C, without building an all-pairs matrix of expensive scores. Words
common to a large share of sentences are left out of the product: they would make it dense
and say nothing about where a sentence came from.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .textnorm import Features


def idf_weights(groups: Sequence[Sequence[Features]]) -> dict[str, float]:
    df: dict[str, int] = {}
    n = 0
    for feats in groups:
        for f in feats:
            n += 1
            for term in f.content:
                df[term] = df.get(term, 0) + 1
    return {term: math.log((n + 1) / (count + 1)) + 1.0 for term, count in df.items()}


def _matrix(
    feats: Sequence[Features], vocab: dict[str, int], idf: dict[str, float]
) -> sparse.csr_matrix:
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, f in enumerate(feats):
        terms = [t for t in f.content if t in vocab]
        if not terms:
            continue
        weights = [idf[t] for t in terms]
        norm = math.sqrt(sum(w * w for w in weights))
        for t, w in zip(terms, weights, strict=True):
            rows.append(i)
            cols.append(vocab[t])
            vals.append(w / norm)
    return sparse.csr_matrix(
        (np.asarray(vals, dtype=np.float32), (rows, cols)), shape=(len(feats), len(vocab))
    )


def retrieve(
    targets: Sequence[Features],
    sources: Sequence[Features],
    idf: dict[str, float],
    k: int,
    min_cosine: float,
) -> list[list[tuple[int, float]]]:
    """For each target sentence, up to ``k`` (source index, cosine) pairs, best first."""
    n = len(targets) + len(sources)
    df_cap = max(40, int(0.04 * n))
    # idf is log((n+1)/(df+1))+1, so a cap on df is a floor on idf.
    idf_floor = math.log((n + 1) / (df_cap + 1)) + 1.0
    terms = sorted(t for t, w in idf.items() if w >= idf_floor)
    vocab = {t: i for i, t in enumerate(terms)}
    tm = _matrix(targets, vocab, idf)
    sm = _matrix(sources, vocab, idf)
    product = (tm @ sm.T).tocsr()
    out: list[list[tuple[int, float]]] = []
    for i in range(len(targets)):
        lo, hi = product.indptr[i], product.indptr[i + 1]
        cols = product.indices[lo:hi]
        vals = product.data[lo:hi]
        keep = vals >= min_cosine
        cols, vals = cols[keep], vals[keep]
        if len(cols) > k:
            top = np.argpartition(-vals, k - 1)[:k]
            cols, vals = cols[top], vals[top]
        # Sort by score, then index, so ties resolve the same way on every run.
        order = sorted(zip(cols.tolist(), vals.tolist(), strict=True), key=lambda p: (-p[1], p[0]))
        out.append([(int(c), float(v)) for c, v in order])
    return out
