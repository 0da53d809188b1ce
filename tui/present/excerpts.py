"""How a piece of a document is quoted and located in a summary line, on screen and on paper.

Lists of inserts and omissions are summaries: the text is cut with the engine's spans, its
spacing collapsed, and clipped at a word boundary (the exact text is in the passages and the
JSON). Where it lies is given in paragraphs a reader can count and in character offsets that
cut it out of the file.
"""

from __future__ import annotations

from ..core.model import Document, Span
from ..core.summary import number_runs, paragraph_range

# Clip lengths (characters): list entries, and the one-line excerpt naming a family.
CLIP = 240
FAMILY_CLIP = 90
ELIDED = " [\u2026] "
# Between two spans of one passage (sentences in different paragraphs): text left out.
SPAN_GAP = " \u2026 "


def clip(text: str, limit: int = CLIP, *, tail: bool = False) -> str:
    """One line of at most about ``limit`` characters, cut at words. With ``tail`` the end
    is kept too (``head […] end``): an insert's pitch or a passage's attribution is often
    in its last words."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if not tail:
        return _head(text, limit - 1) + "\u2026"
    keep = limit - len(ELIDED)
    return _head(text, keep * 3 // 5) + ELIDED + _end(text, keep * 2 // 5)


def _head(text: str, n: int) -> str:
    cut = text[:n]
    space = cut.rfind(" ")
    return (cut[:space] if space > n * 0.6 else cut).rstrip(" ,;:")


def _end(text: str, n: int) -> str:
    cut = text[-n:]
    space = cut.find(" ")
    return cut[space + 1 :] if 0 <= space < n * 0.4 else cut


def span_text(doc: Document, spans: list[Span]) -> str:
    """The spans' text as in the file, joined by ``SPAN_GAP``."""
    return SPAN_GAP.join(doc.cut(sp) for sp in spans)


def cut_text(doc: Document, spans: list[Span], limit: int = CLIP, *, tail: bool = True) -> str:
    return clip(span_text(doc, spans), limit, tail=tail)


def paragraphs(first: int, last: int) -> str:
    """``¶3`` or ``¶3–¶14``."""
    return f"\u00b6{first}" if first == last else f"\u00b6{first}\u2013\u00b6{last}"


def where(doc: Document, spans: list[Span]) -> str:
    """``¶3 (chars 120–260)``: where spans lie, in paragraphs a reader can count; "" for
    none (a passage with no text on that side)."""
    if not spans:
        return ""
    whole = (min(a for a, _ in spans), max(b for _, b in spans))
    first, last = paragraph_range(doc, whole)
    chars = ", ".join(f"{a}\u2013{b}" for a, b in spans)
    what = "chars" if doc.source_format == "text" else "chars of the extracted article"
    return f"{paragraphs(first, last)} ({what} {chars})"


def paragraph_numbers(doc: Document, spans: list[Span]) -> list[int]:
    """Every paragraph (1-based) the spans touch, in order."""
    out: set[int] = set()
    for span in spans:
        first, last = paragraph_range(doc, span)
        out.update(range(first, last + 1))
    return sorted(out)


def partial_paragraphs(doc: Document, spans: list[Span]) -> frozenset[int]:
    """The paragraphs (1-based) the spans touch without covering all their words: a brief
    keeping one sentence of a paragraph did not leave the paragraph out."""
    covered: dict[int, int] = {}
    for a, b in spans:
        first, last = paragraph_range(doc, (a, b))
        for n in range(first, last + 1):
            pa, pb = doc.paragraphs[n - 1]
            lo, hi = max(a, pa), min(b, pb)
            if hi > lo:
                covered[n] = covered.get(n, 0) + len("".join(doc.text[lo:hi].split()))
    return frozenset(
        n
        for n, chars in covered.items()
        if chars < len("".join(doc.cut(doc.paragraphs[n - 1]).split()))
    )


# After a paragraph only some of whose sentences are meant.
IN_PART = " (in part)"


def paragraph_list(numbers: list[int], partial: frozenset[int] = frozenset()) -> str:
    """``¶3–¶14, ¶17``: paragraph numbers as ranges of consecutive ones; a paragraph in
    ``partial`` on its own, ``¶9 (in part)``."""
    whole = [n for n in numbers if n not in partial]
    runs = [*number_runs(whole), *((n, n) for n in set(numbers) & partial)]
    return ", ".join(paragraphs(a, b) + (IN_PART if a in partial else "") for a, b in sorted(runs))
