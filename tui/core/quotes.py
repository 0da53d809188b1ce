"""Quotations, and when sharing one is evidence of copying.

Reporters at one hearing or press conference write down the same words, so a quotation two
versions share is weak evidence on its own: it shows they heard the same speaker, not that one
copied the other. It becomes evidence when the framing around it also matches (the sentence
that introduces it, what is said between quotes). A passage whose shared text is mostly
quotation, with framing that does not match beyond who said it, is a *shared quote*: shown as
the match it is, but, with ``Settings.exclude_quotes``, left out of the shares a verdict is
decided from, as plagiarism reports "exclude quotes".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .attribution import SPEECH_VERB
from .boilerplate import headline
from .facts import NUMBER_WORDS
from .model import ChangedQuote, Document, Span
from .textnorm import STOPWORDS, features, house_words, stem

_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d", "\u2018": "\u2019"}
# Every character that opens or closes a quotation.
_MARKS = re.compile("[\"'" + "".join(_OPEN) + "".join(sorted(set(_OPEN.values()))) + "]")
_GERMAN_CLOSE = {0x201C: 0x201D}
# Marks that close a single quote, and are apostrophes as often.
_SINGLE = ("'", "\u2019")
# Words that say who said it, not what: left out when framings are compared.
ATTRIBUTION = frozenset(
    """said says say told tells tell added adds explained explains argued argues noted notes
    insisted insists claimed claims warned warns stated states according asked asks replied
    replies continued continues admitted admits described describes called calls wrote writes
    sentencing statement spokesman spokeswoman spokesperson mr mrs ms dr judge""".split()  # noqa: SIM905
)


def quoted_spans(text: str, paragraphs: Sequence[Span]) -> list[Span]:
    """Spans of ``text`` inside quotation marks (marks included). A quote never runs past
    its paragraph: news style reopens a double quote in each paragraph it continues into,
    so an unclosed one runs to the paragraph's end. A straight double mark opens only
    before a word and not after one (``fine." Then`` closes, a 16" canvas measures). A
    single mark that never closes in its paragraph, or opens again before it closes, is an
    apostrophe or a transliteration ("Muhammad 'Ali", "Weltensammler 's")."""
    out: list[Span] = []
    if "\u201e" in text:
        # German opens low („) and closes with the mark English opens with (“): read as the
        # closing mark it is there (one character for one, so every offset stays).
        text = text.translate(_GERMAN_CLOSE)
    for a, b in paragraphs:
        # Only quotation marks change anything: jump from one to the next (a character
        # loop over a 1 MB story took 0.4 s).
        marks = [m.start() for m in _MARKS.finditer(text, a, b)]
        closing_of = [_closing(text, i, a, b) for i in marks]  # what each would open
        closes: dict[str, list[int]] = {}  # closing character -> marks (by index) it can be
        for j, i in enumerate(marks):
            if text[i] not in _SINGLE or _closes(text, i, b):
                closes.setdefault(text[i], []).append(j)
        singles = [j for j, c in enumerate(closing_of) if c in _SINGLE]  # single openers
        k = 0
        while k < len(marks):
            i, closing = marks[k], closing_of[k]
            k += 1
            if not closing:
                continue
            ends = closes.get(closing, [])
            at = bisect.bisect_left(ends, k)
            end = marks[ends[at]] if at < len(ends) else b
            if closing in _SINGLE:
                again = bisect.bisect_left(singles, k)
                if at == len(ends) or (again < len(singles) and marks[singles[again]] < end):
                    continue
            out.append((i, min(b, end + 1)))
            k = ends[at] + 1 if at < len(ends) else len(marks)
    return out


def _closing(text: str, i: int, a: int, b: int) -> str:
    """The mark that would close a quotation the mark at ``i`` opens; "" if it opens none."""
    ch = text[i]
    if ch in _OPEN:
        return _OPEN[ch] if ch != "\u2018" or _opens(text, i, a) else ""
    if ch not in "\"'" or not _opens(text, i, a) or i + 1 >= b:
        return ""
    if ch == '"':
        return "" if text[i + 1].isspace() else '"'
    return "'" if text[i + 1].isalpha() else ""  # a headline's 'single quotes'


def _opens(text: str, i: int, lo: int) -> bool:
    return i == lo or not text[i - 1].isalnum()


def _closes(text: str, i: int, hi: int) -> bool:
    # "Pruett’s" is an apostrophe, not the end of a quote.
    return i + 1 >= hi or not text[i + 1].isalpha()


class QuoteMap:
    """A document's quoted spans, for asking how much of a span is quotation."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.spans = quoted_spans(doc.text, doc.paragraphs or [(0, len(doc.text))])
        self._starts = [a for a, _ in self.spans]

    def quoted(self, span: Span) -> int:
        """Non-space characters of ``span`` inside quotation marks."""
        return len("".join(self.inside(span).split()))

    def inside(self, span: Span) -> str:
        """The quoted text of ``span``, its pieces joined by spaces."""
        a, b = span
        k = max(0, bisect.bisect_right(self._starts, a) - 1)
        parts = []
        for qa, qb in self.spans[k:]:
            if qa >= b:
                break
            lo, hi = max(a, qa), min(b, qb)
            if lo < hi:
                parts.append(self.doc.text[lo:hi])
        return " ".join(parts)

    def outside(self, spans: Sequence[Span]) -> str:
        """The text of ``spans`` with quotations removed: the framing."""
        parts = []
        for a, b in spans:
            at = a
            # Quotes are sorted and apart: none before the last one starting by ``a`` reaches it.
            k = max(0, bisect.bisect_right(self._starts, a) - 1)
            for qa, qb in self.spans[k:]:
                if qa >= b:
                    break
                if qb <= at:
                    continue
                parts.append(self.doc.text[at : max(at, qa)])
                at = max(at, qb)
            parts.append(self.doc.text[at:b])
        return " ".join(parts)


_ATTRIBUTION_VERB = re.compile(rf"{SPEECH_VERB}|asked|continued|described|according", re.I)
# Words around an attribution verb that say who spoke ("the committee's chair, Dame Harriet
# Loxley, said", "said Jim Portley of the association").
SPEAKER_BEFORE = 9
SPEAKER_AFTER = 7


def _framing_words(text: str) -> set[str]:
    """Content words of a framing, without names, the words of attribution and the words
    that say who spoke."""
    names = {w.lower() for w in re.findall(r"\b[A-Z][\w'\u2019-]*", text)}
    words = features(text).words
    speaker: set[int] = set()
    for k, w in enumerate(words):
        if _ATTRIBUTION_VERB.fullmatch(w):
            speaker.update(range(k - SPEAKER_BEFORE, k + SPEAKER_AFTER + 1))
    return {
        stem(w)
        for k, w in enumerate(words)
        if k not in speaker
        and w not in STOPWORDS
        and w not in ATTRIBUTION
        and w not in names
        and not w.isdigit()
        and len(w) > 2  # "a.m." is no framing word "m"
    }


_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def shared_quote(
    target: QuoteMap,
    target_spans: Sequence[Span],
    source: QuoteMap,
    source_spans: Sequence[Span],
    share: float,
    min_words: float,
) -> bool:
    """True when a passage's shared text is quotation and its framing, beyond who said it,
    does not match the source's: the two heard the same words. The target's own framing
    may be the longer part ('"Don't wait until you can see the flames," Sheriff Dana
    Whitlock said in a statement released shortly after 8 a.m.'), but fewer than
    ``min_words`` in quotation marks inside a sentence less than ``share`` quotation is
    none."""
    total = sum(len("".join(target.doc.text[a:b].split())) for a, b in target_spans)
    quoted = sum(target.quoted(s) for s in target_spans)
    if not total or not quoted:
        return False
    mine = _framing_words(target.outside(target_spans))
    if mine and quoted < share * total:
        words = _WORD.findall(" ".join(target.inside(s) for s in target_spans))
        if len(words) < min_words:
            return False  # '"smart" meters': a style, not a quotation anyone heard
    theirs = _framing_words(source.outside(source_spans))
    if not mine:
        return True
    return len(mine & theirs) < 0.5 * len(mine) or len(mine & theirs) < 2


# Quotations shorter than this say too little to be told apart from a phrase ("smart").
QUOTE_CHANGE_WORDS = 5
# A target quotation is the same quotation as a source one when it keeps this share of the
# shorter one's words.
SAME_QUOTE = 0.6


def changed_quotes(
    source: QuoteMap,
    source_sentences: Sequence[int],
    target: QuoteMap,
    target_sentences: Sequence[int],
) -> list[ChangedQuote]:
    """The quotations of a passage's source sentences that its target sentences give with
    other words inside the marks, each read within the passage's own sentences (a
    quotation running over several sentences is compared sentence by sentence as the
    passages pair them). Each target quotation is read as the source quotation that shares
    most of its words (``SAME_QUOTE`` of the shorter one's), each paired once. The same
    words, a run of them cut at either end (a partial quote), or a run of what the speaker
    said over the sentences around (a quotation quoted further, or two of the speaker's run
    together) are no change; anything else is: a word swapped, added or dropped inside."""
    ours = _quotes_in(source, source_sentences)
    theirs = _quotes_in(target, target_sentences)
    if not ours or not theirs:
        return []
    doc = source.doc
    near = range(
        max(0, min(source_sentences) - 2), min(len(doc.sentences), max(source_sentences) + 3)
    )
    around = ""  # read only for a quotation its source quotation does not hold as it is
    out: list[ChangedQuote] = []
    taken: set[int] = set()
    for t_text, t_words, t_sentence in theirs:
        best, best_k = 0.0, -1
        for k, (_, s_words, _) in enumerate(ours):
            if k in taken:
                continue
            shared = len(set(s_words) & set(t_words)) / min(len(set(s_words)), len(set(t_words)))
            if shared > best:
                best, best_k = shared, k
        if best_k < 0 or best < SAME_QUOTE:
            continue
        taken.add(best_k)
        s_text, s_words, s_sentence = ours[best_k]
        # The speaker's words as the source has them around the passage, in the copy's
        # marks: quoted in part, quoted further, two quotations run together, cuts marked
        # with an ellipsis, another house style ("U.S." and "US", "four" and "4", "organise"
        # and "organize"), or marks the source closed early at an apostrophe.
        kept = [piece for piece in map(_letters, _ELLIPSIS.split(t_text)) if piece]
        if all(piece in _letters(s_text) for piece in kept):
            continue
        around = around or _letters(" ".join(doc.sentence_text(i) for i in near))
        if not all(piece in around for piece in kept):
            out.append(ChangedQuote(s_text, t_text, s_sentence, t_sentence))
    return out


_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026)\s*")
_SPELLING = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),  # organise, organize
    (re.compile(r"(\w\w)our\b"), r"\1or"),  # colour, color (never "four")
    (re.compile(r"(\w)tre\b"), r"\1ter"),  # centre, center
)


def _letters(text: str) -> str:
    """The letters and digits of ``text`` in one house style: what two wordings share when
    only punctuation, spacing, spelling or how a number is written differ."""
    words = [NUMBER_WORDS.get(w, w) for w in house_words(text)]  # "40%", "40 per cent"
    joined = " ".join(words)
    for pattern, repl in _SPELLING:
        joined = pattern.sub(repl, joined)
    return "".join(ch for ch in joined if ch.isalnum())


def _quotes_in(quotes: QuoteMap, sentences: Sequence[int]) -> list[tuple[str, list[str], int]]:
    """(quoted text, its words folded, the sentence it starts in) of each quotation within
    ``sentences``, cut to them and its marks left out, that holds ``QUOTE_CHANGE_WORDS``
    words at least. A quotation over several of the sentences given is one."""
    doc = quotes.doc
    pieces: dict[int, list[int]] = {}  # quotation -> [start, end, first sentence]
    for i in sorted(sentences):
        s = doc.sentences[i]
        if headline(doc, i):
            continue  # a headline's scare quotes: every paper writes its own
        k = max(0, bisect.bisect_right(quotes._starts, s.start) - 1)
        for q in range(k, len(quotes.spans)):
            a, b = quotes.spans[q]
            if a >= s.end:
                break
            if b <= s.start:
                continue
            lo, hi = max(a, s.start), min(b, s.end)
            if q in pieces:
                pieces[q][1] = hi
            else:
                pieces[q] = [lo, hi, i]
    out = []
    for lo, hi, i in pieces.values():
        inner = _MARKS.sub(" ", doc.text[lo : lo + 1]) + doc.text[lo + 1 : hi - 1]
        inner += _MARKS.sub(" ", doc.text[hi - 1 : hi]) if hi - 1 > lo else ""
        words = house_words(inner)  # "80 per cent" and "80 percent" are one wording
        if len(words) >= QUOTE_CHANGE_WORDS:
            out.append((" ".join(inner.split()), words, i))
    return out
