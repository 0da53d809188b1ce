"""Split a document into paragraphs and sentences with offsets into its original text.

Sentences come from blingfire (0.08 s per MB), then one repair: blingfire never ends a
sentence before a word that starts lower-case ("... in 2023. xAI has raised ...") or a
one-letter word ("X is now ..."), so at such places the text is split unless the word before
the full stop is an abbreviation in pysbd's curated English list or an initialism. On the
seeds' 110 hand-annotated sentences this gets 110 right, as pysbd alone does (blingfire alone:
102); running pysbd itself on those places cost 0.55 s per MB of web text, the repair 0.01 s.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterator

import blingfire
from pysbd.lang.english import English

from .cancel import CancelCheck, check
from .model import Document, Sentence, Span
from .textnorm import word_pattern

# Where blingfire misses boundaries: a terminator, then a word that starts lower-case ("xAI",
# "iPhone"), a one-letter word ("X is ...") or a title ("Dr. Smith").
_MISSED = re.compile(
    r"([.!?…][\"'”’)\]]*)\s+"
    r"(?=[a-z]|[A-Z]\b|(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Col|Lt|St)\.)"
)
_WORD_CHARS = re.compile(r"[\w.'’-]+")
_SPACING = re.compile(r"\s*")
_ABBREVIATIONS = frozenset(
    a.lower()
    for a in English.Abbreviation.ABBREVIATIONS + English.Abbreviation.PREPOSITIVE_ABBREVIATIONS
)
# Full stops and closing marks of Chinese and Japanese too (full width, ideographic).
_TERMINAL = re.compile(r"[.!?…:;。！？．｡：；][\"'”’)\]」』）】〕〉》]*\s*$")
# A paragraph-end mark some agency feeds put at the end of every paragraph.
_END_MARK = re.compile(r"\S\s*<\s*$")
_RULE = re.compile(r"^\s*([-=_*~#\u2500\u2014])\1{4,}\s*$")
_WORD = re.compile(r"\w+")
# An agency dateline opening a paragraph: a place (and date) and the agency in brackets,
# then a dash: "WASHINGTON (AP) —", "LONDON, March 3 (Reuters) -", "Geneva (AFP) -".
_DATELINE = re.compile(
    r"([A-Z][\w.'\u2019-]*(?:[ ,]+[\w.'\u2019-]+){0,5}?\s*\((?:[A-Z]{2,8}|[A-Z][a-z]{2,15})\)"
    r"\s*[-\u2013\u2014]{1,2})\s+(?=\S)"
)
# Closing marks blingfire leaves at the start of the next sentence after a CJK full stop
# (「はい。」と言った。 -> 「はい。 / 」と言った。); they belong to the sentence they close.
_CLOSERS = "”」』）】〕〉》］｝"
_CAPTION = re.compile(r"(/|\b)(Getty|AFP|Reuters|AP Photo|Shutterstock|Photo|Image)\b", re.I)
# A byline on its own line under a headline, written lower-case as AFP does ("by Camille
# Fournier-Dahl"): not the headline's words running on, though it opens with a lower-case
# word and the headline has no full stop.
_LONE_BYLINE = re.compile(r"\s*by\s+([\w.'\u2019-]+(?:\s+[\w.'\u2019-]+){0,3})\s*$")
_BYLINE = re.compile(r"^\s*(by|written by|reporting by|words by)\s+\w", re.I)


def _lone_byline(line: str) -> bool:
    """ "by" and up to four names, each capitalised ("by Élodie Martin" too)."""
    m = _LONE_BYLINE.match(line)
    return m is not None and all(w[:1].isupper() for w in m.group(1).split())


# Non-space characters, about 70 words. No news sentence comes near this (the longest in the
# seeds and the news families has under 300); text without full stops (a 2 MB line of words,
# a list, base64, a machine translation that lost them) would otherwise become one giant
# "sentence": the order-aware similarity of two of them costs time quadratic in their length
# (minutes for two 2 MB lines), and a copied passage inside one covers too little of it to
# link. Longer runs are cut at a clause break or a space, or, without spaces, anywhere.
MAX_SENTENCE_CHARS = 400
# A run of at least TINY_RUN sentences of under TINY_WORDS words each ("Go! Go! Go! ..."),
# chants, lists of exclamations, a hostile file of 200,000 one-word sentences: each alone
# carries too little to align, and aligning each costs as much as a real sentence. Such runs
# are aligned in units of up to TINY_UNIT_CHARS. Prose, where two or three short sentences in
# a row are common ("No. Never."), never has eight in a row.
TINY_WORDS = 3
TINY_RUN = 8
TINY_UNIT_CHARS = 200
# Share of the line breaks in wrapped prose that cut a sentence before a lower-case word: a
# third to five in six in the hard-wrapped wires and PAN texts measured, none in lists.
WRAP_CUT_SHARE = 0.25
# A line ending in a comma or a word that cannot end a sentence ("the", "of", "and") goes on
# in the next line, whatever that line starts with ("his brother,\nMorris", "said the\nPrime
# Minister"). Lower case only: "Appendix A" and "Indianapolis IN" end headings and addresses.
_LEADS_ON = re.compile(
    r"(?:,|\b(?:a|an|the|of|and|or|to|in|on|at|by|for|from|with|as|his|her|its|their|our|"
    r"who|which|that|said|says)\b)\s*$"
)
_CLAUSE_END = frozenset(",;:)]\"'”’")
_RUN = re.compile(r"\S+")


def _wrap_width(lines: list[str]) -> int:
    """The width hard-wrapped text (lines cut near a fixed width) is wrapped at, 0 for text
    that is not: there paragraphs are blank-line blocks; otherwise every line is a
    paragraph, as in web copies with one paragraph per line.

    The width is what nine lines in ten reach, not the longest line: one unwrapped line (an
    address, a URL) made every wrapped line look short, and each became a paragraph of its
    own. Wrapping cuts sentences, so in wrapped prose many lines go on with a lower-case
    word; a list of short lines (track listings, addresses, menus) is as narrow but never
    does, and stays one paragraph per line."""
    # Measured on collapsed spacing, so doubling the spaces cannot change the paragraphs.
    lengths = [len(" ".join(line.split())) for line in lines if line.strip()]
    if len(lengths) < 4:
        return 0
    lengths.sort()
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    if p90 > 100 or statistics.median(lengths) < 35:
        return 0
    breaks = [b for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    cut = sum(1 for b in breaks if _starts_lowercase_word(b))
    return p90 if cut >= WRAP_CUT_SHARE * len(breaks) else 0


def _starts_lowercase_word(line: str) -> bool:
    # "xAI" and "iPhone" start with a lower-case letter but may well start a paragraph.
    m = _WORD.match(line.lstrip())
    return m is not None and m.group().islower()


def split_paragraphs(text: str) -> list[Span]:
    line_spans: list[Span] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        line_spans.append((pos, pos + len(body)))
        pos += len(line)
    lines = [text[a:b] for a, b in line_spans]
    width = _wrap_width(lines)
    wrapped = width > 0
    paragraphs: list[Span] = []
    current: Span | None = None
    last = (0, 0)  # the last line of the current paragraph, trimmed
    short = False  # the previous line ended its paragraph by being short in wrapped text
    for (a, b), line in zip(line_spans, lines, strict=True):
        if not line.strip():
            if current:
                paragraphs.append(current)
            current = None
            short = False
            continue
        # Trim surrounding spaces so a paragraph span starts and ends on text.
        lead = len(line) - len(line.lstrip())
        a, b = a + lead, a + len(line.rstrip())
        # A line cut mid-sentence (no terminator, next line starts lower-case) continues the
        # paragraph even in text that is not wrapped throughout. A paragraph ends where its
        # last line does, so only that line is searched: searching the whole paragraph made
        # 50,000 short lines that continue each other quadratic.
        continues = (
            (current is not None or short)
            and not _TERMINAL.search(text, *last)
            and (_starts_lowercase_word(line) or _LEADS_ON.search(text, *last) is not None)
            and not _lone_byline(line)
        )
        if current is None and continues:
            # A short line cut mid-sentence ("There is" / "an entire section" / "devoted
            # to ...", a passage re-wrapped narrower than the rest) did not end its paragraph.
            current = paragraphs.pop()
        last = (a, b)
        rule = _RULE.match(line) is not None
        if current is not None and (wrapped or continues) and not rule:
            current = (current[0], b)
        else:
            if current:
                paragraphs.append(current)
            current = (a, b)
        # In wrapped text a line much shorter than the wrap width ends its paragraph, and so
        # does an agency's paragraph-end mark ("<" closing every paragraph of a feed).
        # A rule line stands alone.
        short = wrapped and len(" ".join(line.split())) < 0.6 * width
        if rule or _END_MARK.search(line) or short:
            paragraphs.append(current)
            current = None
            short = short and not rule and not _END_MARK.search(line)
    if current:
        paragraphs.append(current)
    return paragraphs


def _locate(text: str, pieces: list[str]) -> list[Span]:
    """Find splitter output in the original text; splitters may respace what they return."""
    spans: list[Span] = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        # Each piece starts right after the previous one, past some spacing: looking further
        # could land on a repeat of the same words and skip everything in between.
        window = cursor + len(piece) + 256
        at = text.find(piece, cursor, window)
        if at >= 0:
            end = at + len(piece)
        else:
            found = _find_respaced(text, piece.split(), cursor, window + len(piece))
            if found is None:
                continue  # the tiling of the found sentences covers it
            at, end = found
        spans.append((at, end))
        cursor = end
    return spans or [(0, len(text))]


def _find_respaced(text: str, words: list[str], pos: int, endpos: int) -> Span | None:
    """The first place in ``text[pos:endpos]`` holding ``words`` in order with nothing but
    spacing between them: what the regex ``\\s*``-joining the words finds, without compiling
    a regex the size of the paragraph (seconds for one of 10,000 lines)."""
    first, rest = words[0], words[1:]
    at = text.find(first, pos, endpos)
    while at >= 0:
        end = at + len(first)
        for word in rest:
            start = _SPACING.match(text, end, endpos).end()
            if not text.startswith(word, start, endpos):
                break
            end = start + len(word)
        else:
            return at, end
        at = text.find(first, at + 1, endpos)
    return None


class _Blingfire:
    """blingfire's sentence splitter with one output buffer reused across paragraphs: its
    Python wrapper allocates and zeroes a new one per call, half the cost of splitting a
    document paragraph by paragraph."""

    def __init__(self) -> None:
        self._size = 0
        self._buffer = ctypes.create_string_buffer(0)

    def __call__(self, text: str) -> str:
        data = text.encode("utf-8")
        if 2 * len(data) + 1 > self._size:
            # Sizes rounded up to a power of two: ctypes makes a new array type for each new
            # size, a cost that dominated splitting a short text.
            self._size = max(1024, 1 << (2 * len(data)).bit_length())
            self._buffer = ctypes.create_string_buffer(self._size)
        n = blingfire.blingfire.TextToSentences(
            ctypes.c_char_p(data),
            ctypes.c_int(len(data)),
            ctypes.byref(self._buffer),
            ctypes.c_int(self._size),
        )
        if n <= 0 or n > self._size:
            return ""  # as the wrapper does: the paragraph stays one sentence
        return ctypes.string_at(self._buffer, n - 1).decode("utf-8")  # n counts the NUL


def _blingfire_spans(text: str, split: _Blingfire) -> list[Span]:
    # One call per paragraph: joined paragraphs would let blingfire run sentences across a
    # paragraph break. blingfire returns a NUL as a space, and a sentence that cannot be
    # found again would leave the paragraph one sentence; a space in its place keeps offsets.
    text = text.replace("\x00", " ")
    return _locate(text, split(text).split("\n"))


def _repair(chunk: str) -> list[Span]:
    """Split a blingfire sentence at the boundaries it is known to miss."""
    cuts = [0]
    # The word before a stop is read forwards in the reversed text, from the stop: a search
    # backwards for it re-read the chunk from its start at every stop, minutes for
    # 'Mr. ' * 200,000 on one line.
    backwards = chunk[::-1]
    n = len(chunk)
    for m in _MISSED.finditer(chunk):
        stop = m.start(1)
        if chunk[stop] == ".":
            word = _WORD_CHARS.match(backwards, n - stop)
            w = word.group()[::-1].lower() if word else ""
            if w in _ABBREVIATIONS or "." in w or (len(w) == 1 and w.isalpha()):
                continue
        cuts.append(m.end())
    cuts.append(n)
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _tile(text: str, spans: list[Span]) -> list[Span]:
    """Each sentence runs to where the next begins, so no character a splitter skipped can
    fall outside every sentence (and so outside every passage)."""
    starts = sorted({_past_closers(text, a, b) for a, b in spans} | {0})
    out: list[Span] = []
    for k, a in enumerate(starts):
        b = starts[k + 1] if k + 1 < len(starts) else len(text)
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if b - trail > a + lead:
            out.append((a + lead, b - trail))
    return _attach_markers(text, out)


def _past_closers(text: str, a: int, b: int) -> int:
    while a < b and text[a] in _CLOSERS:
        a += 1
    return a


def split_many(texts: list[str], cancelled: CancelCheck = None) -> list[list[Span]]:
    """Sentence spans for each text (relative to it), trimmed of surrounding whitespace."""
    split = _Blingfire()
    out = []
    for text in texts:
        check(cancelled)
        fine: list[Span] = []
        for a, b in _titles_rejoined(text, _blingfire_spans(text, split)):
            if _MISSED.search(text, a, b):
                fine.extend((a + x, a + y) for x, y in _repair(text[a:b]))
            else:
                fine.append((a, b))
        out.append(_tile(text, fine))
    return out


# A title or initial blingfire cut off on its own after a sentence's end ("... agreement. |
# Capt. | Marco Villaseñor is leading"): it opens the next sentence.
_LONE_TITLE = re.compile(r"(?:(?:[A-Z]\.\s?)+|[A-Z][a-z]{1,5}\.)\Z")
_TITLES = frozenset(English.Abbreviation.PREPOSITIVE_ABBREVIATIONS)


def _titles_rejoined(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    opened: int | None = None  # where a lone title before this sentence starts
    for k, (a, b) in enumerate(spans):
        a, opened = a if opened is None else opened, None
        word = text[a:b]
        if (
            k + 1 < len(spans)
            and _LONE_TITLE.match(word)
            and (word[1] in ". " or word[:-1].lower() in _TITLES)
        ):
            opened = a
            continue
        out.append((a, b))
    return out


def split_sentences(text: str) -> list[Span]:
    return split_many([text])[0]


# A list marker on its own ("1.", "b)", "iv.") is not a sentence: it belongs to the item.
_MARKER = re.compile(r"^(\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]|[ivxIVX]{1,4}[.)]|[-*•·–—])$")


def _attach_markers(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    pending: int | None = None
    for a, b in spans:
        if _MARKER.match(text[a:b]):
            pending = a if pending is None else pending
            continue
        out.append((pending if pending is not None else a, b))
        pending = None
    if pending is not None:
        if out:
            out[-1] = (out[-1][0], spans[-1][1])
        else:
            out.append((pending, spans[-1][1]))
    return out


_OPENING = 400  # characters: 31 words of prose fit in far fewer


def line_kind(line: str) -> str:
    """Short lines that are not prose must stay units of their own, never merged into a
    neighbouring sentence: titles, captions, bylines."""
    # Counted only as far as any rule looks (most lines are prose paragraphs): first in the
    # line's opening characters, in C; the whole line only when they hold too few words.
    pattern = word_pattern(line)
    words = len(pattern.findall(line, 0, _OPENING))
    if words <= 30 and len(line) > _OPENING:
        words = sum(1 for _ in itertools.islice(pattern.finditer(line), 31))
    if words > 30:
        return "text"
    if words <= 8 and _BYLINE.match(line):
        return "byline"
    if "/" in line and _CAPTION.search(line):
        return "caption"
    if words <= 14 and not _TERMINAL.search(line):
        return "heading"
    return "text"


def _cap(text: str, a: int, b: int, limit: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """``(a, b)`` cut into pieces of at most ``limit`` non-space characters, trimmed like
    sentences. Counted without spacing, so doubling the spaces cannot move a cut.

    Each piece ends at the last clause break (",", ";", ":", a closing quote or bracket) in its
    second half, else at the last word that fits; a run without spaces longer than ``limit``
    is cut at the limit itself, moved back off combining marks.
    """

    def words() -> Iterator[Span]:
        for m in _RUN.finditer(text, a, b):
            start, end = m.span()
            while end - start > limit:
                cut = start + limit
                while cut > start + limit // 2 and unicodedata.combining(text[cut]):
                    cut -= 1
                yield start, cut
                start = cut
            yield start, end

    out: list[Span] = []
    piece: list[Span] = []  # the words of the piece being filled
    count = 0  # their non-space characters
    for start, end in words():
        if piece and count + end - start > limit:
            last, seen = len(piece) - 1, 0
            for k, (x, y) in enumerate(piece):
                seen += y - x
                if seen >= limit // 2 and text[y - 1] in _CLAUSE_END:
                    last = k
            out.append((piece[0][0], piece[last][1]))
            piece = piece[last + 1 :]
            count = sum(y - x for x, y in piece)
        piece.append((start, end))
        count += end - start
    if piece:
        out.append((piece[0][0], piece[-1][1]))
    return out


def _capped(text: str, sentences: list[Sentence]) -> list[Sentence]:
    out: list[Sentence] = []
    for s in sentences:
        if s.end - s.start <= MAX_SENTENCE_CHARS:  # within the limit, however it is spaced
            out.append(s)
        else:
            out.extend(Sentence(x, y, s.paragraph, s.kind) for x, y in _cap(text, s.start, s.end))
    return out


def _tiny_runs_joined(text: str, sentences: list[Sentence]) -> list[Sentence]:
    def tiny(s: Sentence) -> bool:
        return s.kind == "text" and len(_WORD.findall(text, s.start, s.end)) < TINY_WORDS

    out: list[Sentence] = []
    run: list[Sentence] = []

    def flush() -> None:
        if len(run) < TINY_RUN:
            out.extend(run)
        else:
            unit = run[0]
            for s in run[1:]:
                if s.end - unit.start > TINY_UNIT_CHARS:
                    out.append(unit)
                    unit = s
                else:
                    unit = Sentence(unit.start, s.end, unit.paragraph, "text")
            out.append(unit)
        run.clear()

    for s in sentences:
        if run and (not tiny(s) or s.paragraph != run[-1].paragraph):
            flush()
        if tiny(s):
            run.append(s)
        else:
            out.append(s)
    flush()
    return out


def segment(doc: Document, cancelled: CancelCheck = None) -> Document:
    """Fill ``doc.paragraphs`` and ``doc.sentences`` in place and return it; raises
    ``Cancelled`` (and leaves ``doc`` as it was) when ``cancelled()`` says so."""
    paragraphs = split_paragraphs(doc.text)
    bodies = [doc.text[a:b] for a, b in paragraphs]
    kinds = [line_kind(body) for body in bodies]
    prose = [i for i, kind in enumerate(kinds) if kind == "text"]
    split = dict(zip(prose, split_many([bodies[i] for i in prose], cancelled), strict=True))
    sentences: list[Sentence] = []
    for index, (pa, pb) in enumerate(paragraphs):
        if kinds[index] != "text":
            sentences.append(Sentence(pa, pb, index, kinds[index]))
            continue
        for k, (a, b) in enumerate(split[index]):
            line = _DATELINE.match(doc.text, pa + a, pa + b) if k == 0 else None
            if line and line.end(1) < pa + b:
                # "WASHINGTON (AP) — Lawmakers ...": the dateline is furniture of its own.
                sentences.append(Sentence(pa + a, line.end(1), index, "dateline"))
                a = line.end() - pa
            sentences.append(Sentence(pa + a, pa + b, index, "text"))
    doc.paragraphs = paragraphs
    doc.sentences = _capped(doc.text, _tiny_runs_joined(doc.text, sentences))
    return doc
