"""Who a passage says said (or reported) something: the names an omission audit checks a copy
kept.

A name is the whole run of capitalised words next to the verb, titles and all ("BlackRock
Chief Executive Officer Larry Fink said"), joined across the small words names and titles
carry ("Bank of England Governor Andrew Bailey"): a run cut at a fixed number of words gives
a fragment ("Executive Officer Larry Fink") that no reader can check against the text. A
name set off by an appositive ("Larry Fink, chief executive of BlackRock, said") is the
name before it, and a name after the verb ends where its capitals end ("said Larry Fink,
chief executive of BlackRock").
"""

from __future__ import annotations

import re

# The verbs that say someone spoke or wrote, for every reader of attributions: who said it
# here, whether a copy's paragraph says someone spoke (the audit), and the words around a
# quotation that frame it (quotes).
SPEECH_VERB = (
    r"(?:said|says|told|tells|added|adds|wrote|writes|explained|argued|noted|insisted|"
    r"claimed|warned|stated|confirmed|admitted|reported|reports|announced|replied)"
)

_CAPITAL = r"[A-Z][\w’'.-]+"
# Lower-case words inside a name or title: "Bank of England", "Ursula von der Leyen".
_JOINER = r"(?:of|for|de|da|del|der|den|di|du|la|le|van|von|bin|al)"
# At most eight words: longer runs are headlines or capitals, and an unbounded run would be
# tried again from every word of a long one (quadratic on a page in capitals).
_NAME = rf"(?<![\w’'.-])({_CAPITAL}(?:\s+(?:{_JOINER}\s+){{0,2}}{_CAPITAL}){{0,7}})"
# One to four comma-set pieces between a name and its verb: an age, a title, a place ("Graham
# Ashdown, 58, of Larkspur Drive, Harrogate, North Yorkshire, told": with three at most, the
# street was taken for the speaker).
_APPOSITIVE = r"(?:,\s+[^,.;:!?\"“”«»\n]{1,80}){1,4},\s+"
_ATTRIBUTION = re.compile(
    rf"\b{SPEECH_VERB}\s+{_NAME}"
    rf"|{_NAME}{_APPOSITIVE}{SPEECH_VERB}\b"
    rf"|{_NAME}\s+{SPEECH_VERB}\b"
    rf"|\b[Aa]ccording\s+to\s+(?:the\s+)?{_NAME}"
)
_HINT = re.compile(rf"\b{SPEECH_VERB}\b|\baccording\s+to\b", re.I)
# Capitalised words that open a sentence or a clause without being part of a name.
_OPENER = re.compile(
    r"the|an?|and|but|or|so|yet|then|also|however|meanwhile|today|yesterday|tonight|earlier|"
    r"later|last|this|that|in|on|at|by|for|from|with|as|after|before|while|when|since|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
    r"august|september|october|november|december",
    re.I,
)
# What follows "said" without being who said it ("the company said Monday", "I've been
# told I've got ninety seconds": a pronoun, contracted or not, names no one).
_NOT_NAME = re.compile(
    r"(?:it|he|she|they|we|i|you)(?:['\u2019](?:ve|m|d|ll|re|s))?|this|that|the|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day",
    re.I,
)


def attributes(text: str) -> bool:
    """Whether the text says who said or reported something."""
    return bool(_HINT.search(text)) and _ATTRIBUTION.search(text) is not None


def attribution_names(text: str) -> list[str]:
    """The names the text attributes words or facts to, each once, in order."""
    if not _HINT.search(text):
        return []
    found: list[str] = []
    for m in _ATTRIBUTION.finditer(text):
        words = next(g for g in m.groups() if g).strip(" .,").split()
        while len(words) > 1 and _OPENER.fullmatch(words[0]):
            words.pop(0)
        # "Meanwhile, the firm's lawyer, said": an opening word alone is no one's name.
        if len(words) == 1 and _OPENER.fullmatch(words[0]):
            continue
        # "The Financial Times", "Bloomberg", "Sam Altman": the last word identifies it.
        if words and not _NOT_NAME.fullmatch(words[-1]):
            found.append(" ".join(words))
    # "Smith said ... Smith added": one attribution, listed (and counted) once.
    return list(dict.fromkeys(found))
