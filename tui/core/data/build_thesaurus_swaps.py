"""Builds ``thesaurus_swaps.tsv``, the general-English spinner list, from WordNet 3.0.

Run by a developer, never at run time (storytrace ships the output, see NOTICE):

    apt-get install wordnet-base   # Princeton WordNet 3.0 in /usr/share/wordnet
    python -m tui.core.data.build_thesaurus_swaps /usr/share/wordnet

Word spinners replace a word with another lemma of one of its WordNet synsets, whatever the
sense ("troupe" or "companionship" for "company", "unexampled" for "new"), and the rarer-word
rule says which side of such a swap a spinner wrote: the one much rarer in English. The list
is every pair of single words sharing a synset where one is at least ``GAP`` Zipf units
rarer than a common word (``COMMON``): (spun, plain, 1), in the tortured-phrases file's
format, with the same gap the engine's rarer-word rule uses, so a listed swap never points
the other way from that rule; function words ("all", "about") are never the plain side, as
the rule ignores them. Multi-word lemmas are left out: wordfreq has no phrase
frequencies, so nothing says which side of "make do" for "manage" is the odd one.
``inflections.tsv`` maps WordNet's irregular forms of the listed words to their lemmas
(said -> say, paid -> pay), so inflected text finds its lemma's pairs (regular endings are
undone by rule, ``lexicon.lemmas``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from wordfreq import zipf_frequency

from ..textnorm import STOPWORDS
from ..thresholds import Thresholds

POS = ("noun", "verb", "adj", "adv")
# Zipf 3.5: a word found about three times in a million words, such as a news story uses.
COMMON = 3.5
GAP = Thresholds.odd_gap


def _lemma(raw: str) -> str | None:
    """A WordNet lemma as text, or None for names, numbers and multi-word lemmas."""
    word = raw.split("(")[0]  # adjective markers: "able(p)"
    if not word.isalpha() or not word.islower() or not word.isascii():
        return None
    return word


def synsets(root: Path) -> list[list[str]]:
    out: list[list[str]] = []
    for pos in POS:
        for line in (root / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split(" ")
            count = int(fields[3], 16)
            words = [_lemma(fields[4 + 2 * k]) for k in range(count)]
            out.append([w for w in words if w])
    return out


def inflections(root: Path, words: set[str]) -> list[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for pos in POS:
        for line in (root / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            form, *lemmas = line.split()
            pairs.update((form, lemma) for lemma in lemmas if lemma in words and form.isalpha())
    return sorted(pairs)


def build(root: Path) -> tuple[str, str]:
    """The list of swaps and the table of irregular forms, as file texts."""
    zipf: dict[str, float] = {}
    pairs: set[tuple[str, str]] = set()
    for words in synsets(root):
        for w in words:
            if w not in zipf:
                zipf[w] = zipf_frequency(w, "en")
        for plain in words:
            if zipf[plain] < COMMON or plain in STOPWORDS:
                continue  # function words say nothing of a spinner, as in odd_side
            pairs.update(
                (spun, plain) for spun in words if spun != plain and zipf[spun] + GAP <= zipf[plain]
            )
    swaps = [
        f"# spun\tplain\tcount: WordNet 3.0 synonyms, the spun word at least {GAP} Zipf rarer "
        "(see NOTICE)"
    ]
    swaps += [f"{s}\t{p}\t1" for s, p in sorted(pairs, key=lambda sp: (sp[1], sp[0]))]
    forms = ["# form\tlemma: WordNet 3.0 irregular forms of the words in thesaurus_swaps.tsv"]
    forms += [f"{f}\t{lemma}" for f, lemma in inflections(root, {w for p in pairs for w in p})]
    return "\n".join(swaps) + "\n", "\n".join(forms) + "\n"


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    swaps, forms = build(root)
    here = Path(__file__).parent
    (here / "thesaurus_swaps.tsv").write_text(swaps, encoding="utf-8")
    (here / "inflections.tsv").write_text(forms, encoding="utf-8")
    print(f"wrote {here / 'thesaurus_swaps.tsv'} and {here / 'inflections.tsv'}")


if __name__ == "__main__":
    main()
