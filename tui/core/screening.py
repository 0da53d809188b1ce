"""Which pairs of versions are worth aligning: one cheap retrieval pass over every sentence of
every version, so N versions never cost N^2 full alignments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .candidates import cosines
from .model import Document
from .scoring import SignalTable
from .textnorm import features
from .thresholds import Thresholds
from .vectors import idf_weights


@dataclass
class Screen:
    """Share of each version's sentences with a close match in each other version."""

    cover: dict[tuple[str, str], float]  # (a, b): share of b's sentences found in a
    related_share: float
    # False for two versions alone, which are aligned whatever screening would find.
    screened: bool = True

    def related(self, a: str, b: str) -> bool:
        best = max(self.cover.get((a, b), 0.0), self.cover.get((b, a), 0.0))
        return best >= self.related_share


def screen(documents: Sequence[Document], th: Thresholds) -> Screen:
    if len(documents) == 2:
        # One pair: it is aligned anyway, screening it would only cost time.
        a, b = documents
        return Screen({(a.id, b.id): 1.0, (b.id, a.id): 1.0}, th.related, screened=False)
    feats = [features(d.sentence_text(i)) for d in documents for i in range(len(d.sentences))]
    rows: dict[str, range] = {}
    at = 0
    for d in documents:
        rows[d.id] = range(at, at + len(d.sentences))
        at += len(d.sentences)
    table = SignalTable(feats, idf_weights(feats))
    # One product over every sentence of every version; a sentence of b is found in a when
    # some sentence of a is close to it.
    every = range(len(feats))
    product = cosines(table, every, every)
    doc_of = np.empty(len(feats), dtype=np.int64)
    for k, d in enumerate(documents):
        doc_of[rows[d.id]] = k
    close = product.data >= th.screen_cosine
    b_sent, a_doc = product.row[close], doc_of[product.col[close]]
    other = a_doc != doc_of[b_sent]
    found = np.unique(np.stack([b_sent[other], a_doc[other]]), axis=1)
    counts = np.zeros((len(documents), len(documents)))
    np.add.at(counts, (found[1], doc_of[found[0]]), 1)
    cover: dict[tuple[str, str], float] = {}
    for i, a in enumerate(documents):
        for j, b in enumerate(documents):
            if i != j and len(rows[b.id]):
                cover[(a.id, b.id)] = float(counts[i, j]) / len(rows[b.id])
    return Screen(cover, th.related)
