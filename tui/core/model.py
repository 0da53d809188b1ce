"""Plain result objects passed one way: load -> segment -> align -> classify -> present.

Everything the TUI and the reports show is read from these objects; nothing downstream
recomputes an alignment. Offsets are always ``str`` indices into ``Document.text``, the text
exactly as decoded from the file, so any span can be cut out of the original as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .textnorm import nonspace_len

Span = tuple[int, int]

Label = Literal["verbatim", "edited", "paraphrased", "added", "omitted", "boilerplate"]
LABELS: tuple[Label, ...] = ("verbatim", "edited", "paraphrased", "added", "omitted", "boilerplate")
DERIVED_LABELS: frozenset[str] = frozenset({"verbatim", "edited", "paraphrased"})
# One letter per label, shown beside colour everywhere: it survives black-and-white printing,
# colour blindness and terminals without colour.
LABEL_LETTERS: dict[str, str] = {
    "verbatim": "V",
    "edited": "E",
    "paraphrased": "P",
    "added": "A",
    "omitted": "O",
    "boilerplate": "B",
}
Verdict = Literal["wholly-derived", "partially-derived", "independent"]
# Heads the documents' own warnings (``Report.text_warnings``), which the app's overview and
# every report format show before anything else.
BANNER_TITLE = "Check before quoting: what a document shows may not be what its file says"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    # "text" for running prose; "heading", "caption", "byline", "link" or "list" for the short
    # lines that must stay units of their own so they never glue onto prose.
    kind: str = "text"


@dataclass
class Document:
    id: str
    path: str
    sha256: str
    encoding: str
    text: str
    size: int
    title: str = ""
    # "text" when offsets index the decoded file; "html" when they index the article text
    # extracted from an HTML page (the file itself holds markup).
    source_format: str = "text"
    # Publication date, ISO 8601 ("2026-06-09" or "2026-06-09T15:42"), and where it was read
    # ("--dates", "html metadata", "slug line"); "" when unknown.
    date: str = ""
    date_source: str = ""
    # The site a web page names as its publisher (its metadata's site name); "" for text.
    publisher: str = ""
    # ISO 639 code of the language it is written in ("en", "de"); "" until read, or when its
    # text is too short or too mixed to tell (``language.detect_language``).
    language: str = ""
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # What the shown text may not tell a reader, found while loading it: an encoding that was
    # guessed, hidden or look-alike characters. One line each; every report opens with them.
    warnings: list[str] = field(default_factory=list)

    _weights: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    # Computed once per segmentation by ``boilerplate.boilerplate_sentences``: the sentence
    # list it was computed for, and the indices.
    _furniture: tuple[list[Sentence], frozenset[int]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def weights(self) -> list[int]:
        """Non-space characters per sentence: coverage is counted in these, not in spans."""
        if self._weights is None or len(self._weights) != len(self.sentences):
            self._weights = [nonspace_len(self.text[s.start : s.end]) for s in self.sentences]
        return self._weights

    def cut(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]


@dataclass(frozen=True)
class Substitution:
    """A word or phrase the derived text has in place of the source's ("from" -> "to")."""

    source: str
    target: str
    count: int = 1


@dataclass(frozen=True)
class ChangedFigure:
    """A figure of the source the derived text gives as another ("three years" -> "five
    years", "£96m" -> "£69m"), read from one passage's word diff (``figures``), with the
    sentence it is in on each side (numbered as in each ``Document.sentences``)."""

    source: str
    target: str
    source_sentence: int
    target_sentence: int


@dataclass(frozen=True)
class ChangedQuote:
    """A quotation of the source the derived text gives in other words: the same quotation
    (most of its words kept, in quotation marks on both sides) with words changed, added or
    put in another order inside the marks, which puts words in the speaker's mouth. A
    quotation only cut short, at either end, is no change."""

    source: str
    target: str
    source_sentence: int
    target_sentence: int


DiffOp = tuple[Literal["equal", "delete", "insert"], str]


@dataclass
class Passage:
    label: Label
    source_sentences: tuple[int, ...]
    target_sentences: tuple[int, ...]
    source_spans: list[Span]
    target_spans: list[Span]
    score: float
    diff: list[DiffOp] = field(default_factory=list)
    # The similarity signals the label was decided from, shown in the detail view so a user
    # can check why a passage got its label.
    signals: dict[str, float] = field(default_factory=dict)
    substitutions: list[Substitution] = field(default_factory=list)
    # The source's figures this passage gives as other figures (derived passages only).
    changed_figures: list[ChangedFigure] = field(default_factory=list)
    # The source's quotations this passage gives in other words (derived passages only).
    changed_quotes: list[ChangedQuote] = field(default_factory=list)
    # True when the passage's source lies out of the order the surrounding passages follow.
    moved: bool = False
    # True when the match is mostly quotation whose framing differs beyond who said it: the
    # two versions heard the same words, which alone does not show copying.
    quote: bool = False
    # Why a weak passage is linked besides its own signals, by the alignment pass that
    # linked it: "facts", "between", "in-order", "summary" or "restated", or "reversed" (a
    # link found from the other version's side that is loose or too weak from this side,
    # ``pairs.turned_round``); "" for a passage
    # its own signals link (``tui/core/contract.py``).
    linked_by: str = ""

    @property
    def restated(self) -> bool:
        """Linked only because the version as a whole restates its source, bringing next to
        nothing from elsewhere (a condensed tabloid rewrite): it shares the source's content
        words but little else."""
        return self.linked_by == "restated"

    @property
    def derived(self) -> bool:
        return self.label in DERIVED_LABELS


@dataclass
class Region:
    source_span: Span
    target_span: Span
    label: Label
    passages: list[int] = field(default_factory=list)


@dataclass
class Comparison:
    source: str
    target: str
    verdict: Verdict
    coverage: dict[str, float]
    passages: list[Passage]
    regions: list[Region]
    substitutions: list[Substitution]

    def label_counts(self) -> dict[str, int]:
        counts = {label: 0 for label in LABELS}
        for p in self.passages:
            counts[p.label] += 1
        return counts


@dataclass
class Variant:
    """One version's form of a family's content."""

    doc: str
    sentences: tuple[int, ...]
    spans: list[Span]
    # Label against the family's original form ("verbatim" for the original itself, or
    # "boilerplate" when the original is page or agency furniture).
    label: Label
    score: float


@dataclass
class Family:
    """One piece of content followed across every version that carries it."""

    id: int
    origin: str
    variants: list[Variant]

    @property
    def agree(self) -> bool:
        """Every version carries the original form word for word (the original form itself
        agrees, whether it is writing or furniture)."""
        return all(v.label == "verbatim" for v in self.variants if v.doc != self.origin)

    @property
    def furniture(self) -> bool:
        """The original form is page or agency furniture: a version without it dropped no
        content."""
        return any(v.doc == self.origin and v.label == "boilerplate" for v in self.variants)


@dataclass
class TreeEdge:
    parent: str
    child: str
    shared_passages: int
    # Unusual wording both versions share (spinner swaps, rare phrases): strong evidence.
    shared_phrases: list[str]
    evidence: list[str]
    # What decided the direction: "dates" (publication dates), "evidence" (marks editors
    # leave: furniture, swaps, time shift, condensation), "content" (no mark settles it: the
    # parent holds more of what they share, or the marks across other versions put it first,
    # or on a tie it is the named reference, the longer shared text or first by name; the
    # evidence line says which), "inferred" (a lost original).
    basis: str = ""
    # How strong the marks are: "decisive" (dates), "strong", "moderate", "weak", "none".
    strength: str = ""


@dataclass
class Tree:
    """Which version was made from which. A node whose id starts with "~" is a version the
    evidence says must exist but was not among the inputs (a lost original)."""

    nodes: list[str]
    edges: list[TreeEdge]
    independent: list[str]
    notes: list[str] = field(default_factory=list)
    # A related version with no parent -> why (each candidate and what ruled it out).
    unattached: dict[str, str] = field(default_factory=dict)

    def parent(self, doc_id: str) -> str | None:
        for e in self.edges:
            if e.child == doc_id:
                return e.parent
        return None

    def related(self, a: str, b: str) -> bool:
        """Whether the tree finds a way between the two versions: one made from the other,
        directly or not, or both from one version (a lost original among them)."""
        up_a, up_b = self.lineage(a), self.lineage(b)
        return a in up_b or b in up_a or bool(set(up_a) & set(up_b))

    def descends(self, node: str, ancestor: str) -> bool:
        """Whether ``node`` was made from ``ancestor``, directly or not: a reference made
        from a version is no text that version dropped (omissions, the side by side)."""
        return ancestor in self.lineage(node)

    def lineage(self, node: str) -> list[str]:
        """The node's ancestors, nearest first."""
        out: list[str] = []
        while (up := self.parent(node)) is not None and up not in out:
            out.append(up)
            node = up
        return out

    @staticmethod
    def inferred(node: str) -> bool:
        """A node the evidence requires that is not among the inputs."""
        return node.startswith("~")


@dataclass(frozen=True)
class SwapSite:
    """Where a swap was found: a passage of the comparison of ``source`` (the version with
    the swap's "from" wording) with ``target`` (the one with its "to" wording), by its
    sentences on each side, and how often in it."""

    source: str
    target: str
    source_sentences: tuple[int, ...]
    target_sentences: tuple[int, ...]
    count: int


@dataclass(frozen=True)
class LexiconEntry:
    source: str
    target: str
    count: int
    versions: tuple[str, ...]
    # "known": listed as a spinner swap in the shipped tortured-phrases lexicon;
    # odd_side: spinners swap plain words for rarer ones, so the rarer side is likely spun.
    known: bool
    odd_side: str  # "source", "target" or "": the side whose wording is much rarer English
    where: tuple[SwapSite, ...] = ()

    def pairs(self) -> list[tuple[str, str, int]]:
        """(version with the "from" wording, version with the "to" wording, count) for each
        pair of versions the swap was found between, in the order of ``where``."""
        counts: dict[tuple[str, str], int] = {}
        for site in self.where:
            key = (site.source, site.target)
            counts[key] = counts.get(key, 0) + site.count
        return [(a, b, n) for (a, b), n in counts.items()]


@dataclass
class Insert:
    doc: str
    kind: str  # "boilerplate", "promotion" or "added"
    spans: list[Span]
    reason: str


@dataclass
class Omission:
    doc: str
    source: str
    kind: str  # "quote", "attribution", "byline", "credit", "link" or "text"
    source_spans: list[Span]
    detail: str


@dataclass
class Provenance:
    families: list[Family]
    tree: Tree
    lexicon: list[LexiconEntry]
    inserts: list[Insert]
    omissions: list[Omission]


@dataclass(frozen=True)
class Similarity:
    """Shared content between every two versions, as similarity reports give it.

    ``shared[i][j]`` is the share of ``ids[i]``'s text found in ``ids[j]``: a share of each
    version's own text, so the matrix is not symmetric (a summary of a long story shares all
    of itself with the story, the story a fifth of itself with the summary)."""

    ids: tuple[str, ...]
    shared: tuple[tuple[float, ...], ...]

    def sources(self, doc_id: str) -> list[tuple[str, float]]:
        """Every other version ``doc_id`` shares content with, most first."""
        if doc_id not in self.ids:
            return []
        row = self.shared[self.ids.index(doc_id)]
        found = [(other, row[k]) for k, other in enumerate(self.ids) if other != doc_id]
        return sorted(((o, v) for o, v in found if v > 0), key=lambda ov: (-ov[1], ov[0]))


@dataclass
class Report:
    tool_version: str
    settings: dict[str, object]
    reference: str
    reference_reason: str
    documents: list[Document]
    comparisons: list[Comparison]
    warnings: list[str] = field(default_factory=list)
    provenance: Provenance | None = None
    similarity: Similarity | None = None
    schema: str = "storytrace/13"
    # The comparisons of related pairs the word swaps were read from besides ``comparisons``
    # (pairs of two copies, each aligned from the tree's parent): where a swap between two
    # copies, or a tree edge, is shown. Not in the JSON report, which names their passages by
    # sentence.
    related: list[Comparison] = field(default_factory=list)

    def text_warnings(self) -> list[str]:
        """The documents' own warnings (guessed encodings, hidden or look-alike characters):
        the banner the app's overview and every report format show first."""
        return [w for d in self.documents for w in d.warnings]

    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    def comparison(self, target_id: str) -> Comparison:
        for c in self.comparisons:
            if c.target == target_id:
                return c
        raise KeyError(target_id)

    def related_comparison(self, source: str, target: str) -> Comparison | None:
        """The comparison of ``source`` with ``target`` the provenance used, if any."""
        found = (c for c in [*self.comparisons, *self.related] if c.source == source)
        return next((c for c in found if c.target == target), None)
