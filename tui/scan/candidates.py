"""Which stories an article might have taken from, cheaply, before the engine looks.

Two routes, and an article is verified against a story if either fires:

- **containment**: how many distinct n-grams of the story the article holds. Counted from
  the story's side, so one paragraph pasted into a long page counts as much as it would in a
  short one, where a similarity over both texts (Jaccard) would drown it in the page.
- **MinHash LSH** over word bigrams, for near-whole copies whose edits left few n-grams
  intact; banded, with the estimated similarity checked against ``lsh_threshold``.

Articles go through in batches: every step is a handful of numpy calls over the whole
batch, whose fixed cost per call would otherwise dominate at article size.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import shingles
from .index import MIN_SHINGLES, StoryIndex, band_hashes, signatures
from .model import Candidate


def find_candidates(index: StoryIndex, text: str) -> list[Candidate]:
    return batch_candidates(index, [text])[0]


def batch_candidates(index: StoryIndex, texts: Sequence[str]) -> list[list[Candidate]]:
    s = index.settings
    stories = max(1, len(index.stories))
    hashes, bounds = shingles.batch_word_hashes(texts)
    codes, counts = _shared_ngrams(index, hashes, bounds)
    lsh = np.empty(0, dtype=np.int64)
    if s.minhash_perm and len(index.band_keys):
        # MinHash only for the articles sharing a few n-grams with some story (see
        # lsh_gate): a page that holds almost nothing of any story is no whole copy of one,
        # and most of a crawl's pages are such pages.
        best = np.zeros(len(texts), dtype=np.int64)
        np.maximum.at(best, codes // stories, counts)
        gated = np.flatnonzero(best >= s.lsh_gate)
        if len(gated):
            lsh = _lsh(index, *_subset(hashes, bounds, gated), gated, stories)
    keep = (counts >= s.min_shared) | np.isin(codes, lsh)
    found: list[dict[int, Candidate]] = [{} for _ in texts]
    in_lsh = set(lsh.tolist())
    for code, count in zip(codes[keep].tolist(), counts[keep].tolist(), strict=True):
        doc, story = divmod(code, stories)
        size = int(index.sizes[story])
        containment = round(count / size, 4) if size else 0.0
        found[doc][story] = Candidate(story, count, containment, code in in_lsh)
    for code in lsh.tolist():
        doc, story = divmod(code, stories)
        if story not in found[doc]:
            found[doc][story] = Candidate(story, 0, 0.0, True)
    out = []
    for per_doc in found:
        ranked = sorted(per_doc.values(), key=lambda c: (-c.shared, -c.lsh, c.story))
        out.append(ranked[: s.max_stories_per_article])
    return out


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The positions ``starts[k] .. starts[k] + lengths[k] - 1`` of every range, in order."""
    ends = np.cumsum(lengths)
    return np.repeat(starts - (ends - lengths), lengths) + np.arange(ends[-1] if len(ends) else 0)


def _shared_ngrams(
    index: StoryIndex, hashes: np.ndarray, bounds: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Every (text, story) pair sharing an n-gram, as sorted codes ``text * stories +
    story``, and how many distinct n-grams each pair shares."""
    empty = np.empty(0, dtype=np.int64)
    docs, grams = shingles.batch_ngrams(hashes, bounds, index.settings.ngram)
    keys = index.keys
    if not len(grams) or not len(keys):
        return empty, empty
    maybe = index.may_hold(grams)
    docs, grams = docs[maybe], grams[maybe]
    pos = np.searchsorted(keys, grams)
    pos[pos == len(keys)] = 0
    hit = keys[pos] == grams
    if not hit.any():
        return empty, empty
    # Distinct (text, n-gram) pairs: an n-gram repeated in an article counts once.
    pairs = shingles.unique(docs[hit].astype(np.int64) * len(keys) + pos[hit])
    matched, docs = pairs % len(keys), pairs // len(keys)
    starts = index.offsets[matched]
    lengths = index.offsets[matched + 1] - starts
    if (lengths == 1).all():
        owners = index.postings[starts]
    else:
        owners = index.postings[_ranges(starts, lengths)]
        docs = np.repeat(docs, lengths)
    return shingles.runs(np.sort(docs * len(index.stories) + owners))


def _subset(
    hashes: np.ndarray, bounds: np.ndarray, texts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The word hashes and bounds of some texts of a batch (``texts``, ascending)."""
    lengths = bounds[texts + 1] - bounds[texts]
    sub = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=sub[1:])
    return hashes[_ranges(bounds[texts], lengths)], sub


def _lsh(
    index: StoryIndex,
    hashes: np.ndarray,
    bounds: np.ndarray,
    texts: np.ndarray,
    stories: int,
) -> np.ndarray:
    """Codes (``text * stories + story``, ``text`` numbered in the whole batch, whose
    numbers ``texts`` gives) of the pairs whose MinHash signatures agree on a whole band and
    on at least ``lsh_threshold`` of their values."""
    empty = np.empty(0, dtype=np.int64)
    s = index.settings
    sets = shingles.batch_pair_hashes(hashes, bounds, s.minhash_sample)
    usable = [k for k, x in enumerate(sets) if len(x) >= MIN_SHINGLES]
    if not usable:
        return empty
    sigs = signatures([sets[k] for k in usable], s.minhash_perm)
    bands = band_hashes(sigs, s.lsh_bands).ravel()
    keys = index.band_keys
    lo = np.searchsorted(keys, bands, "left")
    lengths = np.searchsorted(keys, bands, "right") - lo
    if not lengths.any():
        return empty
    rows = np.repeat(np.arange(len(bands)) // s.lsh_bands, lengths)
    owners = index.band_owners[_ranges(lo, lengths)]
    codes = shingles.unique(rows * stories + owners)
    rows, owners = codes // stories, codes % stories
    # Bands let pairs well under the threshold through now and then: check the estimate.
    agree = (index.signatures[owners] == sigs[rows]).mean(axis=1)
    ok = agree >= s.lsh_threshold
    return shingles.unique(texts[np.array(usable, dtype=np.int64)[rows[ok]]] * stories + owners[ok])
