"""The stories' index: every story's word n-grams, and a MinHash signature per story.

Built once, read only afterwards, and small enough to copy to every worker (a Dask cluster
gets it broadcast): for 1,000 stories of 3 KB about half a million n-grams in three numpy
arrays. What goes in:

- n-grams of the story's text without its page furniture (share buttons, newsletter boxes:
  the engine's own ``boilerplate_sentences``), which every article from the same site has;
- n-grams found in at most ``max_story_df`` stories: passim's document-frequency cap, so a
  phrase every story of an archive uses ("the company said in a statement") identifies none;
- no n-gram made only of very common words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..core.boilerplate import boilerplate_sentences
from ..core.dates import read_own_dates
from ..core.model import Document
from ..core.segment import segment
from . import shingles
from .model import ScanSettings, StoryEvidence

# MinHash signatures come from rensa, whose seed fixes the permutations.
MINHASH_SEED = 1729
# Fewest sampled bigrams a text needs for a MinHash signature worth querying.
MIN_SHINGLES = 8


def indexed_text(doc: Document) -> str:
    """The story without its page furniture, sentence by sentence."""
    if not doc.sentences:
        segment(doc)
    furniture = boilerplate_sentences(doc)
    return "\n".join(doc.sentence_text(k) for k in range(len(doc.sentences)) if k not in furniture)


def signatures(shingle_sets: Sequence[np.ndarray], perm: int) -> np.ndarray:
    """MinHash signatures (one row per set) from rensa, a batch per call. Measured on this
    machine for 450 shingles: about 30 us of CPU per set in batches, against about 1,600 us
    for datasketch's pure-Python hashing. rensa's faster Rho sketch leaves empty bins on
    sampled sets of a hundred shingles, and two empty bins "agree": it is not used."""
    from rensa import RMinHash

    if not shingle_sets:
        return np.empty((0, perm), dtype=np.uint32)
    # An empty set has no signature; a placeholder token keeps the rows aligned (such texts
    # are never queried, see MIN_SHINGLES).
    shingle_sets = [s if len(s) else np.zeros(1, dtype=np.uint64) for s in shingle_sets]
    matrix = RMinHash.digest_matrix_from_token_hash_sets(
        [s.tolist() for s in shingle_sets], perm, MINHASH_SEED
    )
    return np.array(matrix.to_rows(), dtype=np.uint32).reshape(len(shingle_sets), perm)


def band_hashes(sigs: np.ndarray, bands: int) -> np.ndarray:
    """One number per signature and band (its band number and its rows' values, mixed): two
    signatures agree on a band exactly when these agree, barring a 64-bit collision."""
    n, perm = sigs.shape
    rows = perm // bands
    cells = sigs[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    h = np.broadcast_to(np.arange(1, bands + 1, dtype=np.uint64), (n, bands))
    with np.errstate(over="ignore"):
        for r in range(rows):
            h = shingles.mix(h * shingles.PAIR + cells[:, :, r])
    return h


@dataclass
class StoryIndex:
    settings: ScanSettings
    stories: list[Document]
    evidence: list[StoryEvidence]
    keys: np.ndarray  # sorted distinct n-gram hashes
    offsets: np.ndarray  # postings of keys[k] are postings[offsets[k]:offsets[k + 1]]
    postings: np.ndarray  # story numbers
    sizes: np.ndarray  # indexed n-grams per story
    signatures: np.ndarray  # MinHash rows, one per story (empty when LSH is off)
    # LSH table: every story's band numbers, sorted, and the story each belongs to.
    band_keys: np.ndarray
    band_owners: np.ndarray
    # A bit per slot, set where some key's low bits point (see ``may_hold``).
    key_bits: np.ndarray
    dropped_common: int = 0  # n-grams over the document-frequency cap

    def __len__(self) -> int:
        return len(self.stories)

    def may_hold(self, grams: np.ndarray) -> np.ndarray:
        """False for n-grams certainly not among the keys, True for the keys and a few
        others (about one in ``KEY_BITS_PER_KEY``). Almost none of an article's n-grams is
        a story's: one look-up in a bitmap a few bytes per key wide, which stays in the
        processor's cache, leaves ``searchsorted`` over all the keys (a dozen cache misses
        per n-gram) only the few that pass."""
        slot = grams & np.uint64(len(self.key_bits) * 8 - 1)
        return (
            self.key_bits[slot >> np.uint64(3)] >> (slot & np.uint64(7)).astype(np.uint8)
        ) & 1 == 1


# Slots per key in ``StoryIndex.key_bits``: n-grams that are no key pass ``may_hold`` about
# once in this many.
KEY_BITS_PER_KEY = 32


def key_bitmap(keys: np.ndarray) -> np.ndarray:
    """``StoryIndex.key_bits`` for ``keys`` (mixed hashes, so their low bits are uniform)."""
    slots = 64
    while slots < KEY_BITS_PER_KEY * len(keys):
        slots *= 2
    bits = np.zeros(slots // 8, dtype=np.uint8)
    slot = keys & np.uint64(slots - 1)
    np.bitwise_or.at(
        bits, slot >> np.uint64(3), np.left_shift(1, slot & np.uint64(7)).astype(np.uint8)
    )
    return bits


def build_index(stories: Sequence[Document], settings: ScanSettings) -> StoryIndex:
    texts = [indexed_text(d) for d in stories]
    hashes = [shingles.word_hashes(t) for t in texts]
    grams = [shingles.ngrams(h, settings.ngram, skip_common=True) for h in hashes]
    all_grams = np.concatenate(grams) if grams else np.empty(0, dtype=np.uint64)
    owners = np.repeat(np.arange(len(grams), dtype=np.int32), [len(g) for g in grams])
    order = np.argsort(all_grams, kind="stable")
    all_grams, owners = all_grams[order], owners[order]
    keys, counts = shingles.runs(all_grams)
    keep = counts <= settings.max_story_df
    dropped = int((~keep).sum())
    keep_rows = np.repeat(keep, counts)
    postings = owners[keep_rows]
    keys, counts = keys[keep], counts[keep]
    offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    sizes = np.bincount(postings, minlength=len(stories)).astype(np.int32)

    sigs = np.empty((0, settings.minhash_perm), dtype=np.uint32)
    band_keys = np.empty(0, dtype=np.uint64)
    band_owners = np.empty(0, dtype=np.int64)
    if settings.minhash_perm:
        sets = [shingles.pair_hashes(h, settings.minhash_sample) for h in hashes]
        sigs = signatures(sets, settings.minhash_perm)
        # Too few sampled shingles make signatures that match by chance: such a short story
        # is left to the n-gram route.
        usable = np.array([len(x) >= MIN_SHINGLES for x in sets], dtype=bool)
        table = band_hashes(sigs, settings.lsh_bands)[usable]
        band_owners = np.repeat(np.flatnonzero(usable), settings.lsh_bands)
        band_keys = table.ravel()
        order = np.argsort(band_keys, kind="stable")
        band_keys, band_owners = band_keys[order], band_owners[order]
    for d in stories:
        read_own_dates(d)
    evidence = [
        StoryEvidence(
            id=d.id,
            path=d.path,
            bytes=d.size,
            sha256=d.sha256,
            title=d.title,
            ngrams=int(n),
            date=d.date,
        )
        for d, n in zip(stories, sizes, strict=True)
    ]
    return StoryIndex(
        settings=settings,
        stories=list(stories),
        evidence=evidence,
        keys=keys,
        offsets=offsets,
        postings=postings,
        sizes=sizes,
        signatures=sigs,
        band_keys=band_keys,
        band_owners=band_owners,
        dropped_common=dropped,
        key_bits=key_bitmap(keys),
    )
