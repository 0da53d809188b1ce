"""Text to numbers: word hashes, word n-gram hashes and MinHash shingles.

A crawl is millions of articles, so tokenising runs in numpy over the UTF-8 bytes, not word by
word in Python (``re.findall`` alone would hold the scan under 2,000 articles a second on this
kind of machine): a word is a run of letters and digits (any non-ASCII byte counts as a letter
byte, so accented words stay whole; common Unicode punctuation is turned into spaces first),
and its hash is a polynomial over its bytes, read off prefix sums. The same function hashes the
stories and the articles in every process, so the numbers agree on every Dask worker (Python's
own ``hash`` of a str is salted per process).

An n-gram's hash is combined from its words' hashes with plain arithmetic over the whole
batch; an article needs no vocabulary look-up, one ``searchsorted`` against the index's keys
finds what it shares with every story at once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import numpy as np

# Common punctuation outside ASCII, as UTF-8, turned into spaces so it never sticks to a
# word: U+2009-U+200B thin and zero-width spaces, U+2013-U+2015 dashes, U+2018-U+201F quotes,
# U+2022 bullet, U+2026 ellipsis, U+2032-U+2033 primes; U+00A0 no-break space, U+00AB and
# U+00BB guillemets, U+00B7 middle dot; U+3000-U+3002 ideographic space and stops; U+FF0C
# and U+FF0E full-width comma and stop. Byte classes keep the pattern one fast scan.
_PUNCTUATION = re.compile(
    rb"\xe2\x80[\x89-\x8b\x93-\x95\x98-\x9f\xa2\xa6\xb2\xb3]|\xc2[\xa0\xab\xbb\xb7]"
    rb"|\xe3\x80[\x80-\x82]|\xef\xbc[\x8c\x8e]"
)
_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyz0123456789":
    _WORD_BYTE[_c] = True
_WORD_BYTE[0x80:] = True

_P = np.uint64(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_P_INV = np.uint64(pow(int(_P), -1, 2**64))
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
PAIR = np.uint64(0x9E3779B97F4A7C15)

# Words so common that an n-gram made only of them ("one of the", "it is a") says nothing
# about which text it came from. wordfreq ships with the engine already.
COMMON_WORDS = 200


def unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values; numpy 2's ``np.unique`` costs five times this on small arrays."""
    out = np.sort(values)
    if len(out) > 1:
        out = out[np.concatenate(([True], out[1:] != out[:-1]))]
    return out


def runs(sorted_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a sorted array and how often each occurs."""
    if not len(sorted_values):
        return sorted_values, np.empty(0, dtype=np.int64)
    first = np.flatnonzero(np.concatenate(([True], sorted_values[1:] != sorted_values[:-1])))
    return sorted_values[first], np.diff(np.append(first, len(sorted_values)))


class _Powers:
    """P**j and P**-j modulo 2**64, grown on demand to the longest text seen."""

    def __init__(self) -> None:
        self.up = np.ones(1, dtype=np.uint64)
        self.down = np.ones(1, dtype=np.uint64)

    def get(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.up) < n:
            size = max(n, 2 * len(self.up), 4096)
            self.up = _cumpow(_P, size)
            self.down = _cumpow(_P_INV, size)
        return self.up, self.down


def _cumpow(base: np.uint64, n: int) -> np.ndarray:
    out = np.empty(n, dtype=np.uint64)
    out[0] = 1
    with np.errstate(over="ignore"):
        out[1:] = base
        np.multiply.accumulate(out, out=out)
    return out


_powers = _Powers()


def mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads polynomial hashes over all 64 bits."""
    with np.errstate(over="ignore"):
        h = (h ^ (h >> np.uint64(30))) * _M1
        h = (h ^ (h >> np.uint64(27))) * _M2
        return h ^ (h >> np.uint64(31))


def word_hashes(text: str) -> np.ndarray:
    """One 64-bit hash per word of ``text``, in order (lower-cased)."""
    return batch_word_hashes([text])[0]


def batch_word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The word hashes of several texts at once, concatenated, and where each text's words
    start (``bounds``, one more entry than texts). numpy's cost per call, not per element,
    dominates at article size, so a batch costs little more than one article."""
    raws = []
    for t in texts:
        raw = t.lower().encode("utf-8", "surrogatepass")
        if not raw.isascii():
            raw = _PUNCTUATION.sub(b" ", raw)
        raws.append(raw)
    lengths = np.fromiter((len(r) + 1 for r in raws), dtype=np.int64, count=len(raws))
    data = np.frombuffer(b" ".join(raws) + b" ", dtype=np.uint8)
    inside = np.zeros(len(data) + 2, dtype=bool)
    inside[1:-1] = _WORD_BYTE[data]
    # Word edges alternate: a start, then its end (texts are joined by a space).
    edges = np.flatnonzero(inside[1:] != inside[:-1])
    starts, ends = edges[0::2], edges[1::2]
    text_starts = np.zeros(len(raws) + 1, dtype=np.int64)
    np.cumsum(lengths, out=text_starts[1:])
    bounds = np.searchsorted(starts, text_starts)
    up, down = _powers.get(len(data) + 1)
    prefix = np.zeros(len(data) + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        np.cumsum(data * up[: len(data)], out=prefix[1:])
        # No byte of a word is 0, so words of different lengths cannot share a polynomial;
        # mixed, so n-grams can be combined from them with plain arithmetic.
        return mix((prefix[ends] - prefix[starts]) * down[starts]), bounds


def owners(bounds: np.ndarray) -> np.ndarray:
    """Which text each word of a batch belongs to."""
    return np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))


def pair_hashes(hashes: np.ndarray, sample: int = 1) -> np.ndarray:
    """Sorted distinct hashes of one text's word bigrams: MinHash's shingles."""
    bounds = np.array([0, len(hashes)])
    return batch_pair_hashes(hashes, bounds, sample)[0]


def batch_pair_hashes(hashes: np.ndarray, bounds: np.ndarray, sample: int = 1) -> list[np.ndarray]:
    """Per text, the sorted distinct hashes of its word bigrams. With ``sample`` = m only those
    whose hash is 0 modulo m are kept (Broder's "mod m" sampling): the same shingles are kept
    in every text, so the Jaccard similarity of the samples estimates the full one at a
    fraction of the MinHash work."""
    texts = len(bounds) - 1
    if len(hashes) < 2:
        return [np.empty(0, dtype=np.uint64) for _ in range(texts)]
    doc = owners(bounds)
    with np.errstate(over="ignore"):
        pairs = mix(hashes[:-1] * PAIR + hashes[1:])
    keep = doc[:-1] == doc[1:]
    if sample > 1:
        keep &= pairs % np.uint64(sample) == 0
    pairs, doc = pairs[keep], doc[:-1][keep]
    order = np.lexsort((pairs, doc))
    pairs, doc = pairs[order], doc[order]
    first = np.ones(len(pairs), dtype=bool)
    first[1:] = (pairs[1:] != pairs[:-1]) | (doc[1:] != doc[:-1])
    pairs, doc = pairs[first], doc[first]
    cuts = np.searchsorted(doc, np.arange(1, texts))
    return np.split(pairs, cuts)


@cache
def common_word_hashes() -> np.ndarray:
    from wordfreq import top_n_list

    return unique(word_hashes(" ".join(top_n_list("en", COMMON_WORDS))))


def ngrams(hashes: np.ndarray, n: int, skip_common: bool = False) -> np.ndarray:
    """One text's sorted distinct n-gram hashes (see ``batch_ngrams``)."""
    _, grams = batch_ngrams(hashes, np.array([0, len(hashes)]), n, skip_common)
    return unique(grams)


def batch_ngrams(
    hashes: np.ndarray, bounds: np.ndarray, n: int, skip_common: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """(text, n-gram hash) for every word n-gram of a batch that does not straddle two
    texts; repeats are kept. ``skip_common`` leaves out the n-grams made only of very common
    words: the index never holds them, so an article needs no such test."""
    m = len(hashes) - n + 1
    if m <= 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.uint64)
    doc = owners(bounds)
    keep = doc[:m] == doc[n - 1 :]
    h = hashes[:m].copy()
    with np.errstate(over="ignore"):
        for k in range(1, n):
            h = h * PAIR + hashes[k : k + m]
    if skip_common:
        common = np.isin(hashes, common_word_hashes())
        rare = ~common[:m]
        for k in range(1, n):
            rare |= ~common[k : k + m]
        keep &= rare
    return doc[:m][keep], mix(h[keep])
