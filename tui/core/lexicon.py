"""The substitution lexicon: every word swap found between versions, counted, with the two
marks of a spinner: a swap listed as a known spinner swap, and a replacement that is much
rarer English than the word it replaced (spinners pick odd synonyms: "herculean" for
"powerful", "substructure" for "infrastructure"). Word rarity comes from wordfreq's English
frequencies, which ship with the package: nothing is fetched.

Two lists of known swaps ship (see ``data/NOTICE``): tortured phrases, the spinners' marks in
science papers ("counterfeit consciousness" for "artificial intelligence"), and thesaurus
swaps for general English, the WordNet synonyms a spinner picks that are much rarer than the
word they replace ("docket" for "agenda", "troupe" for "company"). A text's words are
inflected where the lists hold lemmas, so single words are also looked up by their lemmas
("mannikin" for "models" is "mannikin" for "model")."""

from __future__ import annotations

import gzip
import math
import os
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources, util
from pathlib import Path

import msgpack

from .escaping import escape_line
from .files import ReadError, read_regular
from .model import Comparison, Document, LexiconEntry, SwapSite
from .textnorm import STOPWORDS, fold

# The shipped lexicon is 0.4 MB; this only stops a /dev/zero-like file.
MAX_BYTES = 20_000_000


class LexiconError(Exception):
    """The user's lexicon file cannot be read."""


def _parse(lines: Iterable[str], shown: str = "") -> dict[tuple[str, str], int]:
    """Entries of a TSV lexicon; a user's file (``shown``, its name) with a line that is not
    two tab-separated cells is refused: "spun plain" typed with a space would quietly
    never match."""
    out: dict[tuple[str, str], int] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 2 and shown:
            raise LexiconError(f"{shown}:{n}: expected 'spun<TAB>plain[<TAB>count]'")
        if len(cols) < 2 or cols[0].lower() == "tortured":
            continue
        count = _count(cols[2]) if len(cols) > 2 else 1
        out[(fold(cols[0]), fold(cols[1]))] = count
    return out


def _count(cell: str) -> int:
    """A plain ASCII number of papers; anything else ("²", 5,000 digits) counts as one."""
    cell = cell.strip()
    return int(cell) if cell.isascii() and cell.isdigit() and len(cell) <= 9 else 1


def _data(name: str) -> list[str]:
    return resources.files("tui.core.data").joinpath(name).read_text("utf-8").splitlines()


@cache
def _shipped(name: str) -> dict[tuple[str, str], int]:
    return _parse(_data(name))


@cache
def shipped_lexicon() -> dict[tuple[str, str], int]:
    """(spun, plain) -> number of papers (1 for a thesaurus swap), from the two lists in the
    package (NOTICE)."""
    return _shipped("thesaurus_swaps.tsv") | _shipped("tortured_phrases.tsv")


@cache
def thesaurus_pairs() -> frozenset[tuple[str, str]]:
    """The general-English list alone: it marks swaps for the reader, but the derivation
    tree does not weigh it (on the news families it cost one right parent in 69)."""
    return frozenset(_shipped("thesaurus_swaps.tsv"))


@cache
def _irregular() -> dict[str, tuple[str, ...]]:
    """WordNet's irregular forms of the listed words: "said" -> ("say",)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _data("inflections.tsv"):
        if line and not line.startswith("#"):
            form, lemma = line.split("\t")
            out[form] = (*out.get(form, ()), lemma)
    return out


# WordNet's rules for regular endings (its "morphy"), tried in turn: ending -> replacement.
_ENDINGS = (
    ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
    ("men", "man"), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
    ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
)  # fmt: skip


@cache
def lemmas(word: str) -> frozenset[str]:
    """The word and every lemma it may be an inflection of; a candidate that is no word is
    harmless, as it is only looked up in the lists."""
    out = {word, *_irregular().get(word, ())}
    for end, repl in _ENDINGS:
        if word.endswith(end) and len(word) > len(end) + 1:
            stem = word[: -len(end)]
            out.add(stem + repl)
            if not repl and len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                out.add(stem[:-1])  # planned -> plan
    return frozenset(out)


def is_known(known: dict[tuple[str, str], int], spun: str, plain: str) -> bool:
    """Whether ``spun`` in place of ``plain`` is a listed spinner swap, as written or, for
    single words, by their lemmas."""
    s, p = fold(spun), fold(plain)
    if (s, p) in known:
        return True
    if not (s.isalpha() and p.isalpha()):
        return False
    return any((a, b) in known for a in lemmas(s) for b in lemmas(p))


def load_lexicon(path: str | Path | None) -> dict[tuple[str, str], int]:
    """The shipped lexicon, or a user's TSV (tortured, expected[, count]) instead."""
    if path is None:
        return shipped_lexicon()
    shown = escape_line(os.fspath(path))
    try:
        text = read_regular(path, MAX_BYTES).decode("utf-8")
    except ReadError as err:
        raise LexiconError(f"{shown}: cannot read lexicon ({err})") from None
    except UnicodeDecodeError as err:
        raise LexiconError(
            f"{shown}: cannot read lexicon (not UTF-8 at byte {err.start:,})"
        ) from None
    return _parse(text.splitlines(), shown)


@cache
def judged(word: str) -> bool:
    """Whether the English word list can say how rare ``word`` is: letters of the Latin
    script only. A Greek or Russian word is absent from it however common it is ("ήταν",
    "сказал"), and would read as unusual."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in word if ch.isalpha())


@cache
def rarity(phrase: str) -> float:
    """Zipf frequency of the phrase's rarest word (0 for words wordfreq has never seen)."""
    words = fold(phrase).split()
    return min((zipf(w) for w in words), default=0.0)


# Lower-case ASCII words, whole or joined by hyphens ("well-known"): wordfreq's English
# tokenizer splits them at the hyphens and nowhere else.
_PLAIN_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_HAS_DIGIT = re.compile(r"\d")


def zipf(word: str) -> float:
    """wordfreq's ``zipf_frequency(word, "en")``, computed as it does (its tokens' frequencies
    combined, 1/f = 1/f1 + 1/f2 ..., any token missing: 0; a digit string's frequency spread
    by its own estimate) from its table read directly. Its tokenizer is used only for words
    it might split in other ways than at hyphens ("y'all", accents): importing wordfreq costs
    0.3 s, and building its own table 0.25 s more."""
    if _PLAIN_WORD.fullmatch(word):
        tokens = word.split("-")
    else:
        from wordfreq import lossy_tokenize

        tokens = lossy_tokenize(word, "en")
    buckets = _buckets()
    if len(tokens) == 1 and not _HAS_DIGIT.search(tokens[0]):
        bucket = buckets.get(tokens[0])
        return _ZIPF_ABSENT if bucket is None else _bucket_zipf(bucket)
    inverse = 0.0
    for token in tokens:
        smashed, spread = token, 1.0
        if _HAS_DIGIT.search(token):
            from wordfreq.numbers import digit_freq, smash_numbers

            smashed, spread = smash_numbers(token), digit_freq(token)
        bucket = buckets.get(smashed)
        if bucket is None:
            return _ZIPF_ABSENT
        freq = 10 ** (-bucket / 100)
        inverse += 1.0 / (freq * spread if smashed != token else freq)
    return _rounded_zipf(1.0 / inverse) if tokens else _ZIPF_ABSENT


def _rounded_zipf(freq: float) -> float:
    """wordfreq's own rounding of a frequency to a Zipf value."""
    freq = max(freq, 1e-9)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


_ZIPF_ABSENT = _rounded_zipf(0.0)


@cache
def _bucket_zipf(bucket: int) -> float:
    return _rounded_zipf(10 ** (-bucket / 100))  # a bucket is minus centibels (cBpack)


@cache
def _buckets() -> dict[str, int]:
    """Each English word's frequency bucket, read straight from wordfreq's own data file
    ("large_en", which its "best" English list is): importing wordfreq and building its
    dictionary of float frequencies took 0.55 s of every run; this takes 0.25 s. Any
    surprise in the file's place or format falls back to wordfreq's own reading."""
    spec = util.find_spec("wordfreq")
    where = (spec.submodule_search_locations or [""])[0] if spec else ""
    try:
        with gzip.open(Path(where) / "data" / "large_en.msgpack.gz", "rb") as f:
            header, *buckets = msgpack.load(f, raw=False)
        if header != {"format": "cB", "version": 1}:
            raise ValueError(header)
    except (OSError, EOFError, ValueError, msgpack.ExtraData, msgpack.FormatError):
        from wordfreq import get_frequency_list

        buckets = get_frequency_list("en", "best")
    out: dict[str, int] = {}
    for index, words in enumerate(buckets):
        out.update(dict.fromkeys(words, index))
    return out


def _plain_words(phrase: str) -> bool:
    """Lower-case content words only: names, numbers and function words say nothing about
    which side a spinner touched."""
    words = phrase.split()
    return (
        bool(words)
        and all(w.isalpha() and w.islower() for w in words)
        and any(w not in STOPWORDS for w in words)
    )


def judged_language(*documents: Document) -> bool:
    """Whether the English word list can say which wording is rarer in these versions:
    English, or too short to tell. German's everyday "sagte" is as absent from it as a
    spinner's oddest word."""
    return all(d.language in ("", "en") for d in documents)


def odd_side(source: str, target: str, gap: float) -> str:
    """The side of a swap whose wording is ``gap`` Zipf units rarer (1.0: ten times rarer)."""
    if not (_plain_words(source) and _plain_words(target)):
        return ""
    a, b = rarity(source), rarity(target)
    if a + gap <= b:
        return "source"
    if b + gap <= a:
        return "target"
    return ""


def build_lexicon(
    comparisons: Iterable[Comparison],
    known: dict[tuple[str, str], int],
    gap: float,
    lineage: frozenset[tuple[str, str]] = frozenset(),
    foreign: frozenset[str] = frozenset(),
) -> list[LexiconEntry]:
    """Every swap of the comparisons, with the passages it was found in: a swap between two
    copies (neither the reference) is in no passage of the report's own comparisons, and a
    reader must still be able to see it, and which version had which wording.

    ``lineage``: the (source, target) pairs that say where a version's words came from, the
    tree's edges (not the reference's comparisons: the reference may be a copy that holds
    the spun words, and its view would turn the spinner's swaps round). Between two copies
    of one source, one that spun "paid for" into "financed" and one that kept it, the pair
    shows the keeper turning "financed" back into "paid for": that reversal of a swap the
    lineage already lists is not listed."""
    sites: dict[tuple[str, str], list[SwapSite]] = {}
    for c in comparisons:
        for p in c.passages:
            here: dict[tuple[str, str], int] = {}
            for s in p.substitutions:
                here[(s.source, s.target)] = here.get((s.source, s.target), 0) + s.count
            for key, n in here.items():
                site = SwapSite(c.source, c.target, p.source_sentences, p.target_sentences, n)
                sites.setdefault(key, []).append(site)
    listed = {
        key for key, found in sites.items() if any((x.source, x.target) in lineage for x in found)
    }
    for (a, b), found in list(sites.items()):
        if (b, a) in listed:
            found[:] = [x for x in found if (x.source, x.target) in lineage]
            if not found:
                del sites[(a, b)]
    entries = []
    for (a, b), found in sites.items():
        found.sort(key=lambda x: (x.source, x.target, x.source_sentences, x.target_sentences))
        # One place in a version is one swap, however many related versions show it: a
        # tabloid's "grabbed" for the wire's "won" was read as five swaps, from the wire, its
        # update and three copies of them. The tree's edge says it first.
        place: dict[tuple[str, tuple[int, ...]], SwapSite] = {}
        for x in sorted(found, key=lambda x: (x.source, x.target) not in lineage):
            place.setdefault((x.target, x.target_sentences), x)
        found = [x for x in found if place[(x.target, x.target_sentences)] is x]
        entries.append(
            LexiconEntry(
                source=a,
                target=b,
                count=sum(x.count for x in found),
                versions=tuple(sorted({v for x in found for v in (x.source, x.target)})),
                known=is_known(known, a, b) or is_known(known, b, a),
                # No rarer side where a version is in a language the list cannot judge.
                odd_side=""
                if foreign & {v for x in found for v in (x.source, x.target)}
                else odd_side(a, b, gap),
                where=tuple(found),
            )
        )
    return sorted(entries, key=lambda e: (-e.known, -e.count, e.source, e.target))
