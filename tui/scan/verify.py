"""Verification: the engine compares the story with each candidate article, as it would two
versions a journalist opened, and its figures decide what is a hit.

The story is the reference. A hit is an article the engine calls derived from the story, or
one that took at least ``min_story_reused`` of it: a paragraph pasted into a long page is a
small share of the page, so the page's own verdict can say "independent" while the story lost
a part to it.
"""

from __future__ import annotations

import hashlib

from ..core.engine import compare
from ..core.model import Document, Report
from .model import Article, Candidate, Hit, HitRegion, ScanSettings

# The article's id inside the two-document comparison: cannot clash with a story's id,
# which comes from a file name and so never holds a slash.
ARTICLE_ID = "scan/article"


def article_document(article: Article, doc_id: str = ARTICLE_ID) -> Document:
    data = article.text.encode("utf-8", "surrogatepass")
    return Document(
        id=doc_id,
        path=article.ref.file,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
        text=article.text,
        size=len(data),
        title=article.title,
        source_format=article.source_format,
    )


def compare_story(
    story: Document, article: Article, settings: ScanSettings, doc_id: str = ARTICLE_ID
) -> Report:
    """The engine's comparison of the story (reference) with the article (the other
    version, named ``doc_id``): what verification reads and what the explorer shows."""
    return compare(
        [story, article_document(article, doc_id)], reference=story.id, settings=settings.engine
    )


def verify(
    story: Document, article: Article, candidate: Candidate, settings: ScanSettings
) -> Hit | None:
    report = compare_story(story, article, settings)
    c = report.comparisons[0]
    reused = c.coverage["source_reused"]
    if c.verdict == "independent" and reused < settings.min_story_reused:
        return None
    return Hit(
        story=story.id,
        story_path=story.path,
        article=article.ref,
        title=article.title,
        url=article.url,
        date=article.date,
        verdict=c.verdict,
        source_reused=reused,
        target_derived=c.coverage["target_derived"],
        counts=c.label_counts(),
        regions=[HitRegion(r.source_span, r.target_span, r.label) for r in c.regions],
        candidate=candidate,
    )
