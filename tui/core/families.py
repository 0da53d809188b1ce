"""Passage families: one piece of content followed through every version that carries it,
the connected pieces of all pairwise alignments, with its original form (the variant highest
in the derivation tree) and each variant's label against it. The original form is labelled
verbatim, or boilerplate when it is page or agency furniture."""

from __future__ import annotations

from collections.abc import Sequence

from .boilerplate import boilerplate_sentences
from .classify import derived_label, passage_score
from .disjoint import DisjointSets
from .model import Document, Family, Tree, Variant
from .pairs import Pairs
from .scoring import joined, pair_signals
from .thresholds import Thresholds
from .vectors import idf_weights

Group = dict[str, tuple[int, ...]]  # version -> its sentences in one family


def family_groups(documents: Sequence[Document], pairs: Pairs) -> list[Group]:
    """Connected content across all pairwise alignments: for each family, the sentences each
    version has of it. Every sentence is in exactly one family."""
    union = DisjointSets()
    for c in pairs.values():
        for p in c.passages:
            if not p.derived:
                continue
            nodes = [(c.source, s) for s in p.source_sentences]
            nodes += [(c.target, t) for t in p.target_sentences]
            for n in nodes[1:]:
                union.join(nodes[0], n)
    groups: dict[tuple[str, int], dict[str, list[int]]] = {}
    for d in documents:
        for i in range(len(d.sentences)):
            groups.setdefault(union.find((d.id, i)), {}).setdefault(d.id, []).append(i)
    return [{doc: tuple(ix) for doc, ix in g.items()} for g in groups.values()]


def carried(documents: Sequence[Document], groups: list[Group]) -> dict[str, int]:
    """Each version's pieces of content that some other version carries too: how much of a
    lost original a version keeps, as the reference's reason and the tree's edge from that
    original both say it (one figure, so the two cannot disagree)."""
    return {d.id: sum(1 for g in groups if d.id in g and len(g) > 1) for d in documents}


def text_of(doc: Document, sentences: Sequence[int]) -> str:
    return " ".join(doc.sentence_text(i) for i in sentences)


def families(
    documents: Sequence[Document],
    groups: list[Group],
    tree: Tree,
    reference: str,
    pairs: Pairs,
    th: Thresholds,
) -> list[Family]:
    """Each family with its original form and each variant's label against it: the label of
    the aligned passage between the two when there is one (so the family view agrees with
    the side-by-side view), else measured. A family reaches a version through others (the
    wire's sentence, a paper's rewrite of it, a weekly's rewrite of the paper's): where the
    reference is the original form and its own comparison links none of a version's
    sentences in the family, that variant is "added", as the side by side shows it, not
    measured into "paraphrased"."""
    by_id = {d.id: d for d in documents}
    linked = {
        c.target: {t for p in c.passages if p.derived for t in p.target_sentences}
        for (source, _), c in pairs.items()
        if source == reference
    }
    known: dict[tuple[str, tuple[int, ...], str, tuple[int, ...]], tuple[str, float]] = {}
    for c in pairs.values():
        for p in c.passages:
            if p.derived:
                key = (c.source, p.source_sentences, c.target, p.target_sentences)
                known[key] = known[(key[2], key[3], key[0], key[1])] = (p.label, p.score)
    depth: dict[str, int] = {}

    def level(v: str) -> int:
        if v not in depth:
            depth[v] = 0  # guards against a cycle while it is computed
            p = tree.parent(v)
            depth[v] = 0 if p is None or Tree.inferred(p) else 1 + level(p)
        return depth[v]

    order = {d.id: k for k, d in enumerate(documents)}
    # A version the tree keeps apart from every other is no one's source: where it shares a
    # family with the tree's versions (a quotation every reporter heard), one of theirs is
    # the original form, not the one first in file order.
    apart = set(tree.independent)
    chosen = []
    for g in groups:
        origin = min(g, key=lambda v: (v in apart, level(v), v != reference, order[v]))
        chosen.append((g, origin))
    trials = [
        (joined([text_of(by_id[v], g[v])]), joined([text_of(by_id[origin], g[origin])]))
        for g, origin in chosen
        for v in sorted(g)
        if v != origin and (origin, g[origin], v, g[v]) not in known
    ]
    sigs = iter(pair_signals(trials, idf_weights([f for pair in trials for f in pair])))
    out = []
    for g, origin in chosen:
        variants = []
        for v in sorted(g, key=lambda v: order[v]):
            doc = by_id[v]
            spans = [(doc.sentences[i].start, doc.sentences[i].end) for i in g[v]]
            if v == origin:
                # The original form is itself, unless it is page furniture: a slug line or a
                # share prompt is no one's original writing.
                furniture = set(g[v]) <= boilerplate_sentences(doc)
                label = "boilerplate" if furniture else "verbatim"
                variants.append(Variant(v, g[v], spans, label, 1.0))
                continue
            if (origin, g[origin], v, g[v]) in known:
                label, score = known[(origin, g[origin], v, g[v])]
            else:
                sig = next(sigs)
                label = derived_label(sig, len(g[v]) == 1 == len(g[origin]), th)
                score = passage_score(sig)
            if origin == reference and v in linked and linked[v].isdisjoint(g[v]):
                label, score = "added", 0.0
            variants.append(Variant(v, g[v], spans, label, score))  # type: ignore[arg-type]
        out.append((origin, variants))
    out.sort(key=lambda ov: _family_key(ov, documents, reference))
    return [Family(k, origin, variants) for k, (origin, variants) in enumerate(out)]


def _family_key(
    family: tuple[str, list[Variant]], documents: Sequence[Document], reference: str
) -> tuple[int, int, int]:
    """Families read in the reference's order; content the reference lacks follows, in the
    order of the first version that has it."""
    order = [reference] + [d.id for d in documents if d.id != reference]
    for k, doc in enumerate(order):
        for v in family[1]:
            if v.doc == doc:
                return (k, v.sentences[0], 0)
    return (len(order), 0, 0)
