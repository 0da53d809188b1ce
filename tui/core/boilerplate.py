"""Page furniture that republishing sites wrap around a story: share prompts, newsletter
boxes, navigation, related-article lists. It is neither copied nor original writing, so it is
labelled apart and left out of coverage figures."""

from __future__ import annotations

import re

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
      | (sign\ up|subscribe)\b.{0,80} | .{0,60}\bnewsletter\b.{0,60}
      | .{0,80}\bin\ your\ inbox\b.{0,40}
      | follow\ us\b.{0,60} | advertisement | sponsored(\ content)? | skip\ to\ (main\ )?content
      | tags?:.{0,200} | filed\ under:?.{0,200} | categories?:.{0,200} | topics?:.{0,200}
      | (all\ rights\ reserved|copyright|©).{0,120} | click\ here\b.{0,80}
      | (photo|image|credit)s?\s*:.{0,120} | back\ to\ top | home\s*[›»>/].{0,120}
    )\W*$""",
    re.I | re.X,
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
    for i, s in enumerate(doc.sentences):
        text = " ".join(doc.text[s.start : s.end].split())
        if len(text) <= 260 and _LINE.match(text):
            found.add(i)
            if tail_from is None and _TAIL.match(text) and i >= len(doc.sentences) // 2:
                tail_from = i
    if tail_from is not None:
        found.update(range(tail_from, len(doc.sentences)))
    doc._furniture = (doc.sentences, frozenset(found))
    return doc._furniture[1]
