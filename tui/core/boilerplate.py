"""Furniture: what wraps a story without being its writing. Republishing sites add share
prompts, newsletter boxes, navigation and related-article lists; news agencies file copy with
rule lines, a slug line (time, date, page, desk, catchline), editors' memos in brackets, an
agency byline, paragraph-end markers, ``end`` or ``MORE``, and credit lines. Neither is copied
nor original writing, so it is labelled apart and left out of coverage figures.

Agency furniture is found by its shape, never by one agency's exact strings, and it is also
evidence: copy carrying it is what a newsroom received, copy without it is what a paper made
of it (``direction``)."""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Document

_LINE = re.compile(
    r"""^\W*(
        source\ link | related\ (posts?|articles?|stories|content|reading)
      | (you\ (may|might)\ also\ like) | (more\ (from|on|in)\b.{0,40})
      | read\ (more|next|also)\b.{0,60}
      | recommended(\ for\ you)? | trending(\ now)? | popular\ posts?
      | post\ a\ comment | leave\ a\ (comment|reply) | comments?(\ \(\d+\))? | \d+\ comments?
      | previous\ post(\ next\ post)? | next\ post | older\ posts? | newer\ posts?
      | share(\ this)?(\ (article|story|post))?(\ on\ \w+)? | tweet | pin\ it | copy\ link
      | share\W+(on\W+)?(facebook|twitter|x|email|whatsapp|linkedin|reddit)\b.{0,80}
      | (facebook|twitter|whatsapp|email|linkedin)(\s*[|·,/]\s*(facebook|twitter|x|whatsapp
        |email|linkedin|reddit|copy\ link))+
      | got\ a\ (story|news\ tip|tip)\b.{0,120}
      | (sign\ up|subscribe)\b.{0,80} | .{0,60}\bnewsletter\b.{0,60}
      | .{0,80}\bin\ your\ inbox\b.{0,40}
      | follow\ us\b.{0,60} | advertisement | sponsored(\ content)? | skip\ to\ (main\ )?content
      | tags?:.{0,200} | filed\ under:?.{0,200} | categories?:.{0,200} | topics?:.{0,200}
      | (all\ rights\ reserved|copyright|©).{0,120} | click\ here\b.{0,80}
      | (this|the)\ (article|story|post)\ (was\ )?(originally|first)\ (appeared|published)\b.{0,160}
      | (photo|image|credit)s?\s*:.{0,120} | back\ to\ top | home\s*[›»>/].{0,120}
    )\W*$""",
    re.I | re.X,
)
# Agency furniture, one pattern per kind, on a line with its spacing collapsed.
_AGENCY = {
    # ------ or ===== or ___ (AP's separator).
    "rule": re.compile(r"^[-=_*~#\u2500\u2014]{5,}$|^_{3,}$"),
    # "16:05 14/03/00: Page 2 (HHH) COURTS Bridge": a time and a date opening a short line.
    # "03-Mar-2026 09:47 GMT": a filing time on a line of its own.
    # "Jun. 15, 2026 9:12 AM MST" likewise. A wire's routing line: "AP-US--Fires-Arizona,
    # 2nd Ld-Writethru,0531", "LNA|TECH|0917|11062026|1/2", "PRIORITY: 2 WORDS: 520",
    # "SLUG: TECH Breach (1st LEAD)".
    "slug": re.compile(
        r"^\d{1,2}[:.]\d{2}\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b.{0,120}$"
        # ... after the agency's name: "CENTRAL NEWS 17:25 14/03/26 COURTS Hospice fraud".
        r"|^[A-Z]{2,}(\s+[A-Z]{2,}){0,2}\s+\d{1,2}[:.]\d{2}\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b.{0,120}$"
        r"|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s+\d{1,2}[:.]\d{2}\b.{0,120}$"
        r"|^\d{1,2}[- ][A-Za-z]{3,9}[- ]\d{4},?\s+\d{1,2}[:.]\d{2}(\s*[A-Z]{2,4})?$"
        r"|^[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4},?\s+\d{1,2}[:.]\d{2}\s*([AaPp]\.?[Mm]\.?)?"
        r"(\s*[A-Z]{2,4})?$"
        r"|^[A-Z]{2,}-[\w-]{2,}.{0,100},\s*\d{3,4}$|^.{0,80}\b[Ww]rite-?[Tt]hru\b.{0,80}$"
        r"|^[A-Z]{2,6}(\|[^|]{1,24}){2,}$"
        r"|^(?i:priority|urgency|words?|keywords?|slug|catchline)\s*:.{0,120}$"
        # AFP's keyword slug, "Switzerland-UN-diplomacy-telecommunication-internet,FOCUS",
        # and its closing line, "AFP 141532 GMT MAY 26".
        r"|^[^\W\d_]+(-[^\W\d_]+){2,}(,[A-Z]{2,})+$|^[^\W\d_]+(-[^\W\d_]+){3,}$"
        r"|^[A-Z]{2,5}\s+\d{6}\s+GMT\s+[A-Za-z]{3}\s+\d{2}$"
    ),
    # "Reporting by ...; Editing by ...", "Additional reporting by ...", "Compiled by ...".
    "credit": re.compile(
        r"^\W*(this\s+article\s+originally\s+appeared\s+on\s+\w+\W+)?"
        r"((additional\s+)?reporting|writing|editing|compiled|edited|graphics?)\s+by\b"
        r".{0,300}$|^.{0,120}\b(writers?|correspondents?|reporters?)\b.{0,80}"
        r"\bcontributed\b.{0,60}$",
        re.I,
    ),
    # A whole line in brackets: "(Memo to editors: ...)", "(Adds details)", "(AFP)"; a note
    # to editors: "Eds: UPDATES with ...", "[Editors: photo available. ...", "With AP Photos."
    "memo": re.compile(
        r"^[(\[][^()\[\]]{1,300}[)\]]\W*$"
        r"|^[(\[]?\s*(?i:eds|editors?|note\s+to\s+editors|editor'?s\s+note|memo\s+to\s+editors)"
        r"\s*:.{0,300}$|^(?i:with\s+[A-Z]+\s+(photos?|video|graphics?))\W*$"
    ),
    # An agency's name on the line under its byline: "Associated Press", "Press Association".
    "agency": re.compile(
        r"^([A-Z][\w&'.-]*\s+){0,3}(Press|News|Agency|Wire|Service|Association|Presse)$"
    ),
    # "By Jane Roe, PA News", "By John Smith, Political Correspondent, Reuters".
    "byline": re.compile(
        r"^by\s+[\w.'\u2019-]+(\s+[\w.'\u2019-]+){0,3}\s*[,\u2013\u2014-]\s*"
        r"((?-i:[A-Z]{2,})\b.{0,60}|.{0,60}\b(news|press|agency|wire|service)\b.{0,40})$",
        re.I,
    ),
    # "end", "ENDS", "MORE", "-30-", "###", "(continued)"; "+++ ENDS +++ ak/dmc 0934 11/06/26"
    # with the desk's initials and filing time.
    "end": re.compile(
        r"^\W*(end|ends|more|mor|continued|continues|30)\W*"
        r"([a-z]{2,5}([/-][a-z]{2,5}){1,4}(\s+[\d/:.]+){0,2})?$|^#{3}$",
        re.I,
    ),
    # AFP-style desk initials: "str/abc", "bur-jj/gil".
    "initials": re.compile(r"^[a-z]{2,5}([/-][a-z]{2,5}){1,4}$"),
}
# Marks a syndicated or scraped copy carries about where it came from.
_SYNDICATED = re.compile(
    r"\b(this|the)\s+(article|story|post|piece)\s+(was\s+)?(originally|first)\s+"
    r"(appeared|published|ran)\b|\breprinted\s+(here\s+)?with\s+permission\b|"
    r"\brepublished\s+(here\s+)?(with\s+permission|under)\b|"
    # "This story was supplied by Britwire and is published unedited."
    r"\bthis\s+(article|story|piece)\s+(was|is|has\s+been)\s+"
    r"(supplied|provided|syndicated|distributed)\s+by\b",
    re.I,
)
# A print edition's page line from a cuttings archive: "DAILY HERALD, Wednesday, March 4,
# 2026 — MONEY, page 52", "Wednesday 4 March 2026 | Companies & Markets, page 17": a page
# number and a year on a short line that is no sentence (no closing stop).
_PAGE_NUMBER = re.compile(r"\bpage\s+\d{1,4}\b", re.I)
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


# A line of markup tags alone ("<DOC>", "</TEXT>", "<p class=x>"): how a corpus or an
# archive wraps its stories (SGML, XML) in a file read as text; never the story's words.
TAG_LINE = re.compile(r"(?:\s*</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>)+\s*")


def _page_line(text: str) -> bool:
    return (
        len(text) <= 100
        and not text.endswith((".", "!", "?", '"', "\u201d"))
        and bool(_PAGE_NUMBER.search(text) and _YEAR.search(text))
    )


# Headings after which the rest of a page is a list of other stories.
_TAIL = re.compile(
    r"^\W*(related\ (posts?|articles?|stories|content|reading)|you\ (may|might)\ also\ like|"
    r"more\ (from|on|in)\b.{0,40}|read\ (more|next|also)|recommended(\ for\ you)?|"
    r"trending(\ now)?|popular\ posts?)\W*$",
    re.I | re.X,
)


def boilerplate_sentences(doc: Document) -> frozenset[int]:
    """Indices of sentences that are page furniture. Kept on the document: the comparison,
    the inserts and the omissions all ask for the reference's."""
    if doc._furniture is not None and doc._furniture[0] is doc.sentences:
        return doc._furniture[1]
    found: set[int] = set()
    tail_from: int | None = None
    note: int | None = None  # the paragraph of a bracketed note still open
    for i, s in enumerate(doc.sentences):
        text = " ".join(doc.text[s.start : s.end].split())
        if note == s.paragraph or s.kind in ("dateline", "byline"):
            found.add(i)
        elif len(text) <= 260 and (
            _LINE.match(text) or _agency_kind(text) or _page_line(text) or TAG_LINE.fullmatch(text)
        ):
            found.add(i)
            if tail_from is None and _TAIL.match(text) and i >= len(doc.sentences) // 2:
                tail_from = i
        else:
            continue
        # "[Editors: photo available. Replaces 0802 snap.]": the note goes on to its bracket.
        shut = text.rstrip(".").endswith((")", "]"))
        if note == s.paragraph:
            note = None if shut else note
        else:
            note = s.paragraph if text.startswith(("(", "[")) and not shut else None
    if tail_from is not None:
        found.update(range(tail_from, len(doc.sentences)))
    doc._furniture = (doc.sentences, frozenset(found))
    return doc._furniture[1]


@lru_cache(maxsize=65536)
def _agency_kind(line: str) -> str:
    """The kind of agency furniture a (collapsed) line is, or ""."""
    if len(line) > 320:
        return ""
    for kind, pattern in _AGENCY.items():
        if pattern.match(line):
            return kind
    return ""


# Kinds only agency copy carries; a rule line, a bracketed note or a byline alone is not
# enough (any paper may print one).
AGENCY_ONLY = frozenset({"slug", "end", "credit", "initials", "dateline"})


def agency_furniture(doc: Document) -> list[str]:
    """The kinds of agency furniture the document carries, when it carries a kind only
    agency copy has."""
    kinds = {
        "dateline"
        if s.kind == "dateline"
        else _agency_kind(" ".join(doc.text[s.start : s.end].split()))
        for s in doc.sentences
        if s.kind != "text" or s.end - s.start <= 320
    }
    kinds.discard("")
    return sorted(kinds) if kinds & AGENCY_ONLY else []


def syndicated(doc: Document) -> str:
    """The words by which a copy says it was published elsewhere first, or ""."""
    m = _SYNDICATED.search(doc.text)
    return " ".join(m.group(0).split()) if m else ""


def headline(doc: Document, i: int) -> bool:
    """A heading above the story's first sentence of prose: the article's own headline (a
    section's heading further down, or a short quotation on a line of its own read as one,
    is not; an editors' memo above the headline is no prose)."""
    if doc.sentences[i].kind != "heading":
        return False
    furniture = boilerplate_sentences(doc)
    prose = (j for j, s in enumerate(doc.sentences) if s.kind == "text" and j not in furniture)
    return i < next(prose, len(doc.sentences))
