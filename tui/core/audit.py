"""What a derived version bolted on and what it dropped, with attribution in focus.

Inserts: page furniture (boilerplate), promotion (calls to action, product pitches) and other
added writing. Omissions: dropped source passages, classed so the journalist sees quotes,
attributions, bylines, credits and links first, plus the case that matters most to them:
a copy that kept a quote (or a reported fact) but dropped who said (or reported) it.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

from .attribution import SPEECH_VERB, attributes, attribution_names
from .boilerplate import boilerplate_sentences, headline
from .escaping import quoted
from .model import Comparison, Document, Insert, Omission, Passage, Span
from .textnorm import fold

_PROMO = re.compile(
    # "Sign up" to the site's own list (its newsletter), not for a council's alerts a story
    # tells readers of.
    r"\b(sign(ing)?\s+up(\s+(now|today|here|below)|\s+(for|to)\s+(our|a\s+free|free|my|receive|"
    r"get)|(?=\s*[.!])|(?=[^.!?]{0,60}\bnewsletters?\b))|"
    r"subscribe|create an account|register (now|today|for)|buy (now|it)|shop now|"
    r"editors?['\u2019]s? picks?|"
    r"order (now|today)|discount|promo code|coupon|free trial|get started|learn more|"
    r"click (here|below)|visit (our|the) (site|website|page|store)|download (the|our)|"
    r"our (platform|product|service|solution|app|team|offer)|contact us|book a demo|"
    r"(it is|it's) (essential|imperative|time) to|don'?t miss|limited time|claim your free|"
    # An affiliate's small print: "T&Cs apply", "we may earn a commission from partner links".
    r"t\s?&\s?cs?\s+apply|"
    r"(may|might)\s+earn\s+(a\s+)?commission\s+(from|on|if|when)\s+[^.!?]{0,30}"
    r"\b(links?|purchases?|buy|bought|sign\s*ups?|click)|"
    r"(contains|includes|uses)\s+affiliate\s+links?|affiliate\s+links?\s+(on|in)\s+this)\b"
    # A shop's offer ("10% off your bill - just mention Wexbury Life!", "buy two paperbacks
    # and get a third free"), not a market's fall ("wiped 10% off its value").
    r"|\d+\s*(%|per\s*cent)\s+off\s+(your|all|every|orders?)\b"
    r"|\bjust\s+mention\s+(this\s+(article|ad|offer|code)|us\b|our\b|(?-i:[A-Z]))"
    r"|\bbuy\s+(one|two|three|\d+)\b[^.!?]{0,40}\bget\b[^.!?]{0,30}\bfree\b",
    re.I,
)
# Two or more capitalised words in a row in all capitals ("NEURA KING"): a brand name.
_BRAND = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,})+\b")
_QUOTE = re.compile(r"[\"“”«»]([^\"“”«»]{12,}?)[\"“”«»]")
_LINK = re.compile(r"https?://|www\.|\bsource link\b|\bread more\b", re.I)
_CREDIT = re.compile(r"\b(Getty|AFP|Reuters|AP Photo|Shutterstock|photo|image|credit)\b", re.I)

# The order every list of omissions and inserts follows: what a journalist checks first.
OMISSION_KINDS = ("quote", "attribution", "byline", "credit", "link", "text")
INSERT_KINDS = ("promotion", "boilerplate", "added")


def _text(doc: Document, spans: Sequence[Span]) -> str:
    return " ".join(doc.text[a:b] for a, b in spans)


def promotional(text: str) -> bool:
    return bool(_PROMO.search(text)) or len(_BRAND.findall(text)) >= 1 and "you" in text.lower()


def inserts(target: Document, comparison: Comparison) -> list[Insert]:
    """Added and boilerplate passages of one version. In a run of added passages, the
    pitches (call to action, brand pitch) are promotion, each with the rest of its
    paragraph; so is a whole section that holds one, from its heading (a section's, never
    the article's headline) to its last pitch. The version's own paragraphs between two
    pitches with no section heading over them are its own text: a spun copy's reworded
    story around an advert and an affiliate box is not the advert."""
    out: list[Insert] = []
    run: list[Passage] = []

    def paragraph(p: Passage) -> int:
        return target.sentences[p.target_sentences[0]].paragraph

    def flush() -> None:
        if not run:
            return
        texts = [_text(target, p.target_spans) for p in run]
        pitched = [k for k, t in enumerate(texts) if promotional(t)]
        promo: set[int] = set()
        if pitched:
            promo = {
                k
                for k in range(len(run))
                if paragraph(run[k]) in {paragraph(run[j]) for j in pitched}
            }
            for k in range(pitched[0], -1, -1):
                opening = run[k].target_sentences[0]
                if target.sentences[opening].kind == "heading":
                    if not headline(target, opening):  # a section's heading
                        promo |= set(range(k, pitched[-1] + 1))
                    break
        kinds = ["promotion" if k in promo else "added" for k in range(len(run))]
        why = _why_promo(texts[pitched[0]]) if pitched else ""
        for kind, group in itertools.groupby(range(len(run)), key=kinds.__getitem__):
            spans = [s for k in group for s in run[k].target_spans]
            reason = why if kind == "promotion" else "no counterpart in the reference"
            out.append(Insert(target.id, kind, spans, reason))
        run.clear()

    for p in comparison.passages:
        if not p.target_sentences:  # the reference's text: its furniture is listed apart
            continue
        if p.label == "added":
            run.append(p)
            continue
        flush()
        if p.label == "boilerplate":
            out.append(Insert(target.id, "boilerplate", list(p.target_spans), "page furniture"))
    flush()
    return out


def reference_furniture(reference: Document) -> list[Insert]:
    """The reference's own page furniture: listed, and never reported as dropped content."""
    furniture = boilerplate_sentences(reference)
    return [
        Insert(reference.id, "boilerplate", [(s.start, s.end)], "page furniture")
        for i, s in enumerate(reference.sentences)
        if i in furniture
    ]


def _why_promo(text: str) -> str:
    m = _PROMO.search(text) or _BRAND.search(text)
    return f"promotional wording: {quoted(m.group(0))}" if m else "promotional wording"


def _kind(doc: Document, passage: Passage) -> str:
    text = _text(doc, passage.source_spans)
    kinds = {doc.sentences[i].kind for i in passage.source_sentences}
    if "byline" in kinds:
        return "byline"
    if "caption" in kinds or (_CREDIT.search(text) and len(text) < 160 and "/" in text):
        return "credit"
    if _LINK.search(text):
        return "link"
    if all(headline(doc, i) for i in passage.source_sentences):
        # A headline's scare quotes ('unions attack "boardroom failure"') are no quotation
        # a copy dropped: every paper writes its own headline.
        return "text"
    if _QUOTE.search(text):
        return "quote"
    if attributes(text):
        return "attribution"
    return "text"


def omissions(source: Document, target: Document, comparison: Comparison) -> list[Omission]:
    out: list[Omission] = []
    whole = functools.cache(lambda: fold(target.text))
    for p in comparison.passages:
        if p.label == "omitted":
            kind = _kind(source, p)
            text = _text(source, p.source_spans)
            # The whole text: the JSON is the evidence, and each screen clips it for itself.
            out.append(Omission(target.id, source.id, kind, list(p.source_spans), text))
        elif p.derived:
            out.extend(_dropped_attribution(source, target, p, whole))
    out.sort(key=lambda o: (OMISSION_KINDS.index(o.kind), o.source_spans[0]))
    return out


# A share of what the source sentence says (its words but the speaker's) in the copy's
# passage: what "kept the passage" claims. A loose link (a sentence between two passages, a
# summary's) may keep none of it: "Ms Hale told the court" was not dropped from a copy that
# never carried her quote.
KEPT_SHARE = 0.4
# The copy's paragraph says someone spoke ("she said", "the judge said", "He read from a
# statement: "..."): where the copy names the speaker elsewhere, that is the attribution.
_SPOKEN = re.compile(
    rf"\b(?:{SPEECH_VERB}|say|according\s+to)\b|\b(?:he|she|they)\b[^.!?\"“”]{{0,60}}:\s*[\"“']",
    re.I,
)


def _credited(name: str, context: str) -> bool:
    """Whether the copy names the speaker: by the last word of the name before any "of" or
    "in" ("Marchetti-Obi" of "Dr. Helen Marchetti-Obi of Lakeshore Medical College in
    Chicago"; "Fink" of "BlackRock Chief Executive Officer Larry Fink", whose firm a copy
    may name without him)."""
    who = re.split(r"\s+[a-z]+\s+", name)[0].split()
    last = fold(who[-1]) if who else ""
    return bool(last) and re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", context) is not None


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) >= 4 and not _SPOKEN.fullmatch(w)}


def _dropped_attribution(
    source: Document, target: Document, p: Passage, whole: Callable[[], str]
) -> list[Omission]:
    """The copy kept the words but not who said or reported them. ``whole``: the copy's
    text folded (once per comparison, and only where a passage needs it)."""
    named = [(k, attribution_names(source.sentence_text(k))) for k in p.source_sentences]
    named = [(k, names) for k, names in named if names]
    if not named:
        return []
    tgt = fold(_text(target, p.target_spans))
    # The paragraphs around the passage: a quote's second sentence is attributed in its first.
    paragraphs = sorted({target.sentences[i].paragraph for i in p.target_sentences})
    around = fold(" ".join(target.cut(target.paragraphs[n]) for n in paragraphs))
    # Named anywhere in the copy, the speaker a pronoun or a role stands for.
    spoken = _SPOKEN.search(around) is not None
    out: list[Omission] = []
    told: set[str] = set()  # one omission a name in a passage
    for k, found in named:
        src = source.sentence_text(k)
        names = [
            n
            for n in found
            if n not in told and not _credited(n, around) and not (spoken and _credited(n, whole()))
        ]
        if not names:
            continue
        quote = _QUOTE.search(src)
        kept_quote = quote is not None and fold(" ".join(quote.group(1).split()[:4])) in tgt
        said = _words(src) - _words(" ".join(found))
        if not kept_quote and len(said & _words(tgt)) < KEPT_SHARE * len(said):
            continue
        s = source.sentences[k]
        told.update(names)
        for name in names:
            what = "kept the passage"
            if kept_quote and quote:
                what = f"kept the quote {quoted(_clip(quote.group(1)))}"
            out.append(
                Omission(
                    target.id,
                    source.id,
                    "attribution",
                    [(s.start, s.end)],
                    f"{what} but dropped the attribution to {name}",
                )
            )
    return out


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"
