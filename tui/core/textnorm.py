"""Comparison forms of a sentence. Normalisation is for comparing only: every span the engine
reports comes from segmentation of the original text, so nothing here needs an offset map."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana and Han.
# There a run of \w is a clause or a whole paragraph, which two texts share only when they
# share it whole, so copied Chinese looked like no copying at all. Each of their characters is
# a word instead (its neighbour pairs are the word pairs below: character bigrams, what
# search engines index for these scripts); other letters still make words as before.
SPACELESS = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
_HAS_SPACELESS = re.compile(f"[{SPACELESS}]")
_SPACELESS_WORD = re.compile(f"[{SPACELESS}]|(?:(?![{SPACELESS}])\\w)+")

# Function words carry no evidence of copying on their own; they stay in the order-aware
# signals (word and character similarity) but not in the content-word signals.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself said says s t will one two new
    """.split()  # noqa: SIM905
)


# An agency's paragraph-end mark ("<" at the end of a line) is furniture, not text.
_END_MARKS = re.compile(r"\s*<\s*(\n|$)")


def fold(text: str) -> str:
    """Case, quote, dash, width and spacing differences are not edits a reader would see."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    if "<" in text:
        text = _END_MARKS.sub(" ", text)
    # str.split() and the regex \s agree on what is whitespace (every code point checked),
    # and splitting is five times faster than the regex.
    return " ".join(text.lower().split())


def stem(word: str) -> str:
    # A 5-letter prefix joins inflections (develop/developing/developed) well enough for
    # retrieval and overlap, and cannot be wrong in a way that hides real copying.
    return word[:5] if len(word) > 5 else word


class _Vocabulary:
    """Process-wide ids for words and stems, so sentence vectors are arrays of ints built
    once per sentence, and sparse matrices are assembled without touching Python objects.
    Ids depend only on the order words are first seen; no result depends on them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._words: dict[str, int] = {}
        self._stems: dict[str, int] = {}
        self._stem_names: list[str] = []
        self._stem_of: list[int] = []
        self._stop: list[bool] = []

    @property
    def stems(self) -> int:
        return len(self._stems)

    def stem_names(self, ids: list[int]) -> frozenset[str]:
        """The stems with these ids."""
        with self._lock:
            return frozenset(self._stem_names[i] for i in ids)

    def encode(self, words: list[str]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Sorted unique stem ids of the content words, and sorted unique ids of the adjacent
        word pairs that are not both function words. Tuples, not numpy arrays: numpy's fixed
        cost per array is larger than a sentence's worth of work, so matrices are built from
        all sentences at once (``vectors.Incidence``)."""
        with self._lock:
            known, stem_of, stop = self._words, self._stem_of, self._stop
            ids = []
            for w in words:
                i = known.get(w)
                if i is None:
                    i = known[w] = len(known)
                    k = stem(w)
                    at = self._stems.get(k)
                    if at is None:
                        at = self._stems[k] = len(self._stem_names)
                        self._stem_names.append(k)
                    stem_of.append(at)
                    stop.append(w in STOPWORDS)
                ids.append(i)
            content = {stem_of[i] for i in ids if not stop[i]}
            bigrams = {
                a * (1 << 31) + b
                for a, b in zip(ids, ids[1:], strict=False)
                if not (stop[a] and stop[b])
            }
        return tuple(sorted(content)), tuple(sorted(bigrams))


VOCABULARY = _Vocabulary()


@dataclass(frozen=True)
class Features:
    folded: str
    compact: str
    words: list[str]
    # Sorted unique stem ids of the content (non-stop) words.
    content: tuple[int, ...]
    # Sorted unique ids of adjacent word pairs, except pairs of two function words ("of the"),
    # which any two English texts share.
    bigrams: tuple[int, ...]


def word_pattern(text: str) -> re.Pattern[str]:
    """What finds the words of ``text``: in scripts without spaces, each character is one."""
    if text.isascii() or not _HAS_SPACELESS.search(text):
        return _WORD
    return _SPACELESS_WORD


# Amounts as house styles write them: "£412million", "£412m" and "£412 million", "$4.5bn"
# and "$4.5 billion", "40%", "40 per cent" and "40 percent". Each paper keeps its own style
# when it rewrites the wire, so the words of an amount are compared in one spelling. A bare
# "m", "b" or "k" is a magnitude only after a currency sign ("5m" may be metres).
MAGNITUDES = {
    "m": "million",
    "mn": "million",
    "million": "million",
    "b": "billion",
    "bn": "billion",
    "billion": "billion",
    "tn": "trillion",
    "trillion": "trillion",
    "k": "thousand",
    "thousand": "thousand",
}
_AMOUNT = re.compile(
    r"([£$€¥][\d.,]*\d) ?(mn|bn|tn|[mbk])\b|(\d)(million|billion|trillion|thousand|mn|bn|tn)\b"
    r"|(\d) ?(%|per cent\b)"
)
_HAS_AMOUNT = re.compile(r"\d ?[a-z%]|per cent")


def _amount(m: re.Match[str]) -> str:
    if m.group(1):
        return f"{m.group(1)} {MAGNITUDES[m.group(2)]}"
    if m.group(3):
        return f"{m.group(3)} {MAGNITUDES[m.group(4)]}"
    return f"{m.group(5)} percent"


def _amounts_spelled_out(folded: str) -> str:
    return _AMOUNT.sub(_amount, folded) if _HAS_AMOUNT.search(folded) else folded


def house_words(text: str, folded: str | None = None) -> list[str]:
    """The words of ``text`` as every comparison reads them: folded, amounts in one house
    style ("40%" and "40 per cent", "£5m" and "£5 million")."""
    spelled = _amounts_spelled_out(fold(text) if folded is None else folded)
    return word_pattern(spelled).findall(spelled)


@lru_cache(maxsize=65536)
def features(text: str) -> Features:
    """Cached: with many versions the reference's sentences are compared again and again."""
    folded = fold(text)
    words = house_words(text, folded)
    content, bigrams = VOCABULARY.encode(words)
    return Features(
        folded=folded,
        compact=folded.replace(" ", ""),
        words=words,
        content=content,
        bigrams=bigrams,
    )


def nonspace_len(text: str) -> int:
    # str.split() and the regex \s agree on what is whitespace; splitting is 4x faster.
    return len("".join(text.split()))
