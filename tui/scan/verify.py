"""Verification: the engine compares the story with each candidate article, as it would two
versions a journalist opened, and its figures decide what is a hit.

The story is the reference. A hit is an article that took a real part of the story:

- the engine calls it wholly derived from the story; or
- it calls it partially derived and the article holds at least ``min_story_reused`` of the
  story, in at least ``min_copied_sentences`` of the article's sentences; or
- it calls it partially derived and the article holds at least ``min_copied_chars``
  characters of the story copied or lightly edited, in at least ``min_copied_sentences`` of
  its sentences (a paragraph pasted into a long page is a small share of that page and may
  be a small share of a long story, yet it is a copy: the engine's region rule calls such a
  page partially derived).

An article the engine calls independent is never a hit: the results screen and the
explorer it opens must not disagree.

One sentence two reports of one event both carry (the judge's words, a stated fact), or a
loose paraphrase of a few facts, is neither. Passages count as the engine's shares count
them: a shared quotation (unless ``--include-quotes``) or copied page furniture (with
``--exclude-boilerplate``) is not the story's text taken, so two reports quoting the same
statement are not a hit however long the statement.
"""

from __future__ import annotations

import hashlib

from ..core.classify import counts
from ..core.dates import compare_dates
from ..core.disguise import disguise_warning
from ..core.engine import compare, compare_pair
from ..core.model import Document, Report
from .model import Article, Candidate, Hit, HitRegion, ScanSettings

# The article's id inside the two-document comparison: cannot clash with a story's id,
# which comes from a file name and so never holds a slash.
ARTICLE_ID = "scan/article"
# Passages that are the story's own words, copied or lightly edited.
COPIED = frozenset({"verbatim", "edited"})


def article_document(article: Article, doc_id: str = ARTICLE_ID) -> Document:
    """The article as a document, with the warning the explorer and every report give a file
    hiding characters (bidi controls, look-alike letters), as loading one does."""
    data = article.text.encode("utf-8", "surrogatepass")
    ref = article.ref
    shown = f"{ref.file} ({ref.record or ref.location})" if ref.record or ref.location else ref.file
    disguised = disguise_warning(shown, article.text)
    return Document(
        id=doc_id,
        path=article.ref.file,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
        text=article.text,
        size=len(data),
        title=article.title,
        source_format=article.source_format,
        warnings=[disguised] if disguised else [],
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
    target = article_document(article)
    c = compare_pair(story, target, settings.engine)
    reused = c.coverage["source_reused"]
    # Sentences are counted in the article, where a quote is one sentence however the
    # story's lines happen to be cut; characters in the story.
    weights = story.weights()
    counted = [p for p in c.passages if counts(p, target, settings.engine)]
    derived = {t for p in counted for t in p.target_sentences}
    copied = [p for p in counted if p.label in COPIED]
    copied_sentences = {t for p in copied for t in p.target_sentences}
    copied_chars = sum(weights[s] for s in {s for p in copied for s in p.source_sentences})
    enough = settings.min_copied_sentences
    partial = c.verdict == "partially-derived" and (
        (len(derived) >= enough and reused >= settings.min_story_reused)
        or (len(copied_sentences) >= enough and copied_chars >= settings.min_copied_chars)
    )
    if not (c.verdict == "wholly-derived" or partial):
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
        before_story=compare_dates(article.date, story.date) < 0,
    )
