"""Provenance across all versions at once: passage families and the derivation tree.

Pairs of versions are first screened with one cheap retrieval pass over every sentence of
every version; only related pairs are aligned, once each, so N versions never cost N^2 full
alignments. Families are the connected pieces of content across those alignments. The tree
follows three rules a journalist can check on screen:

- a copy holds little that its parent lacks: if a version carries shared content that
  another version has but its candidate parent does not, it had another source;
- spinners swap plain words for rarer ones, never back: where two versions differ by a swap,
  the one with the rarer word (or a known tortured phrase) is not the other's parent;
- when related versions each fail to come from any other, they share a source that is not
  among the inputs: a lost original, shown as its own node.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .align import Aligner
from .candidates import cosines
from .classify import classify, derived_label, passage_score
from .lexicon import odd_side, rarity
from .model import Comparison, Document, Family, Tree, TreeEdge, Variant
from .scoring import SignalTable, joined, pair_signals
from .settings import Settings
from .textnorm import STOPWORDS, features, fold
from .vectors import idf_weights

# A pair is aligned when this share of one version's sentences has a close match in the other.
RELATED = 0.1
# A parent must explain this share of its child's shared content (by characters).
EXPLAINS = 0.85
LOST = "~lost-original"


@dataclass
class Screen:
    """Share of each version's sentences with a close match in each other version."""

    cover: dict[tuple[str, str], float]  # (a, b): share of b's sentences found in a

    def related(self, a: str, b: str) -> bool:
        return max(self.cover.get((a, b), 0.0), self.cover.get((b, a), 0.0)) >= RELATED


def screen(documents: Sequence[Document]) -> Screen:
    if len(documents) == 2:
        # One pair: it is aligned anyway, screening it would only cost time.
        a, b = documents
        return Screen({(a.id, b.id): 1.0, (b.id, a.id): 1.0})
    feats = [features(d.sentence_text(i)) for d in documents for i in range(len(d.sentences))]
    rows: dict[str, range] = {}
    at = 0
    for d in documents:
        rows[d.id] = range(at, at + len(d.sentences))
        at += len(d.sentences)
    table = SignalTable(feats, idf_weights(feats))
    # One product over every sentence of every version; a sentence of b is found in a when
    # some sentence of a is close to it.
    every = range(len(feats))
    product = cosines(table, every, every)
    doc_of = np.empty(len(feats), dtype=np.int64)
    for k, d in enumerate(documents):
        doc_of[rows[d.id]] = k
    close = product.data >= 0.5
    b_sent, a_doc = product.row[close], doc_of[product.col[close]]
    other = a_doc != doc_of[b_sent]
    found = np.unique(np.stack([b_sent[other], a_doc[other]]), axis=1)
    counts = np.zeros((len(documents), len(documents)))
    np.add.at(counts, (found[1], doc_of[found[0]]), 1)
    cover: dict[tuple[str, str], float] = {}
    for i, a in enumerate(documents):
        for j, b in enumerate(documents):
            if i != j and len(rows[b.id]):
                cover[(a.id, b.id)] = float(counts[i, j]) / len(rows[b.id])
    return Screen(cover)


def align_pairs(
    documents: Sequence[Document],
    scr: Screen,
    settings: Settings,
    prefer: str | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[tuple[str, str], Comparison]:
    """One alignment per related pair; the source is ``prefer`` when it is in the pair, else
    the version that holds more of the other."""
    out: dict[tuple[str, str], Comparison] = {}
    for i, a in enumerate(documents):
        for b in documents[i + 1 :]:
            if cancelled and cancelled():
                return out
            if not scr.related(a.id, b.id):
                continue
            src, tgt = a, b
            if prefer == b.id or (
                prefer != a.id and scr.cover.get((b.id, a.id), 0) > scr.cover.get((a.id, b.id), 0)
            ):
                src, tgt = b, a
            out[(src.id, tgt.id)] = classify(
                src, tgt, Aligner(src, tgt, settings).align(), settings
            )
    return out


class _Union:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(self, x: tuple[str, int]) -> tuple[str, int]:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def join(self, a: tuple[str, int], b: tuple[str, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def family_groups(
    documents: Sequence[Document], pairs: dict[tuple[str, str], Comparison]
) -> list[dict[str, tuple[int, ...]]]:
    """Connected content across all pairwise alignments: for each family, the sentences each
    version has of it. Every sentence is in exactly one family."""
    union = _Union()
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


def _text(doc: Document, sentences: Sequence[int]) -> str:
    return " ".join(doc.sentence_text(i) for i in sentences)


def _chars(doc: Document, sentences: Sequence[int]) -> int:
    weights = doc.weights()
    return sum(weights[i] for i in sentences)


@dataclass
class _Evidence:
    shared: int = 0  # families both versions carry
    odd_a: int = 0  # swaps between the two where a has the rarer word
    odd_b: int = 0
    examples_a: tuple[str, ...] = ()
    examples_b: tuple[str, ...] = ()


def _evidence(
    pairs: dict[tuple[str, str], Comparison], groups: list[dict[str, tuple[int, ...]]]
) -> dict[tuple[str, str], _Evidence]:
    out: dict[tuple[str, str], _Evidence] = {}
    for (a, b), c in pairs.items():
        ev = _Evidence(shared=sum(1 for g in groups if a in g and b in g))
        ex_a: list[str] = []
        ex_b: list[str] = []
        for s in c.substitutions:
            side = odd_side(s.source, s.target)
            if side == "source":
                ev.odd_a += s.count
                ex_a.append(f"{s.source!r} for {s.target!r}")
            elif side == "target":
                ev.odd_b += s.count
                ex_b.append(f"{s.target!r} for {s.source!r}")
        ev.examples_a, ev.examples_b = tuple(ex_a[:3]), tuple(ex_b[:3])
        out[(a, b)] = ev
        out[(b, a)] = _Evidence(ev.shared, ev.odd_b, ev.odd_a, ev.examples_b, ev.examples_a)
    return out


def _spun_against(ev: _Evidence) -> bool:
    """True when the first version of the pair has clearly more of the odd wording."""
    return ev.odd_a >= 3 and ev.odd_a >= 2 * ev.odd_b + 2


def _words(doc: Document) -> set[str]:
    return {w for i in range(len(doc.sentences)) for w in features(doc.sentence_text(i)).words}


@dataclass
class _Vocab:
    """Each version's words, and the ones it writes capitalised (names), computed once."""

    words: dict[str, set[str]]
    names: dict[str, set[str]]

    @classmethod
    def of(cls, documents: Sequence[Document]) -> _Vocab:
        return cls(
            {d.id: _words(d) for d in documents},
            {d.id: {w.lower() for w in d.text.split() if w[:1].isupper()} for d in documents},
        )

    def rare_shared(self, a: str, b: str, limit: int = 6) -> list[str]:
        """Rare words both versions use (not names or numbers): a copy's shared oddities."""
        names = self.names[a] | self.names[b]
        common = (
            w
            for w in self.words[a] & self.words[b]
            if w.isalpha() and len(w) > 3 and w not in names
        )
        return sorted((w for w in common if rarity(w) < 3.0), key=lambda w: (rarity(w), w))[:limit]


def build_tree(
    documents: Sequence[Document],
    pairs: dict[tuple[str, str], Comparison],
    groups: list[dict[str, tuple[int, ...]]],
) -> Tree:
    by_id = {d.id: d for d in documents}
    vocab = _Vocab.of(documents)
    evidence = _evidence(pairs, groups)
    related = {d.id: sorted({b for (a, b) in evidence if a == d.id}) for d in documents}
    shared_chars: dict[str, dict[str, int]] = {d.id: {} for d in documents}
    total_shared = {d.id: 0 for d in documents}
    for g in groups:
        if len(g) < 2:
            continue
        for v, sentences in g.items():
            n = _chars(by_id[v], sentences)
            total_shared[v] += n
            for p in g:
                if p != v:
                    shared_chars[v][p] = shared_chars[v].get(p, 0) + n

    def explains(p: str, v: str) -> float:
        return shared_chars[v].get(p, 0) / total_shared[v] if total_shared[v] else 0.0

    # The most original first: less odd wording against its relatives (per shared passage,
    # so a shorter copy is not taken for a cleaner one), then more content.
    def originality(v: str) -> tuple[float, int, str]:
        odd = sum(evidence[(v, p)].odd_a - evidence[(v, p)].odd_b for p in related[v])
        shared = sum(evidence[(v, p)].shared for p in related[v])
        return (round(odd / max(1, shared), 1), -total_shared[v], v)

    # Words a spinner swapped in are the copy's own oddities, not material from elsewhere.
    spun = {
        w
        for c in pairs.values()
        for sub in c.substitutions
        for side, text in (("source", sub.source), ("target", sub.target))
        if odd_side(sub.source, sub.target) == side
        for w in fold(text).split()
    }
    borrowed = _borrowed(documents, groups, spun, vocab)
    order = sorted((d.id for d in documents), key=originality)
    rank = {v: k for k, v in enumerate(order)}
    edges: list[TreeEdge] = []
    notes: list[str] = []
    orphans: list[str] = []
    for v in order:
        if not related[v]:
            continue
        options = []
        for p in related[v]:
            ev = evidence[(p, v)]
            if _spun_against(ev):
                notes.append(
                    f"{v} is not from {p}: {p} has the rarer word in {ev.odd_a} of the swaps "
                    f"between them (e.g. {', '.join(ev.examples_a)})"
                )
            elif len(borrowed.get((v, p), ())) >= 3:
                words = sorted(borrowed[(v, p)])
                notes.append(
                    f"{v} is not from {p} alone: it shares words with other versions that "
                    f"{p} never uses ({', '.join(words[:5])})"
                )
            elif explains(p, v) < EXPLAINS:
                notes.append(
                    f"{v} is not from {p} alone: {p} has only {explains(p, v):.0%} of the "
                    f"content {v} shares with the other versions"
                )
            elif explains(p, v) > explains(v, p) + 0.02 or (
                abs(explains(p, v) - explains(v, p)) <= 0.02 and rank[p] < rank[v]
            ):
                # The parent holds more of the child than the child of it; between two
                # versions holding each other alike, the less spun one.
                # Among parents that explain the child alike, the closest in wording: a copy
                # shares its parent's swaps and errors, so fewer swaps lie between them.
                options.append((round(explains(p, v), 1), -(ev.odd_a + ev.odd_b), ev.shared, p))
        if options:
            p = max(options)[-1]
            edges.append(_edge(p, v, evidence[(p, v)], vocab))
        else:
            orphans.append(v)
    nodes = [d.id for d in documents]
    # Related versions with no parent among the inputs: one lost original per connected group
    # (two orphans related to each other share it; an orphan whose relatives all have
    # parents is a root in its own right).
    lost = [v for v in orphans if any(u in orphans for u in related[v] if u != v)]
    if lost:
        nodes.append(LOST)
        for v in lost:
            # Only the siblings it shares passages with: there is no evidence between two
            # children of the lost original that share nothing.
            siblings = [u for u in lost if u != v and (v, u) in evidence]
            edges.append(
                TreeEdge(
                    parent=LOST,
                    child=v,
                    shared_passages=max((evidence[(v, u)].shared for u in siblings), default=0),
                    shared_phrases=sorted({w for u in siblings for w in vocab.rare_shared(v, u)})[
                        :6
                    ],
                    evidence=[
                        f"{v} shares content with {', '.join(siblings)} but comes from none "
                        "of them: they share a source that is not among the inputs"
                    ],
                )
            )
    independent = [d.id for d in documents if not related[d.id]]
    return Tree(nodes=nodes, edges=edges, independent=independent, notes=sorted(set(notes)))


def _borrowed(
    documents: Sequence[Document],
    groups: list[dict[str, tuple[int, ...]]],
    spun: set[str],
    vocab: _Vocab,
) -> dict[tuple[str, str], set[str]]:
    """(v, p) -> words v has in common with a third version's form of the same passage that
    p never uses anywhere: v saw more than p, so p cannot be its only source. A third
    version that borrows nothing v lacks may simply be v's own copy, and vouches for
    nothing."""
    by_id = {d.id: d for d in documents}
    via: dict[tuple[str, str, str], set[str]] = {}
    for g in groups:
        if len(g) < 3:
            continue
        words = {
            v: {
                w
                for w in features(_text(by_id[v], ix)).words
                if w.isalpha() and w not in STOPWORDS and w not in spun and rarity(w) < 5.0
            }
            for v, ix in g.items()
        }
        for v in g:
            for p in g:
                for q in g:
                    if len({v, p, q}) == 3 and (found := (words[v] & words[q]) - vocab.words[p]):
                        via.setdefault((v, p, q), set()).update(found)
    has_more = {(v, p) for v, p, _ in via}  # v holds material p lacks
    out: dict[tuple[str, str], set[str]] = {}
    for (v, p, q), found in via.items():
        if (q, v) in has_more:
            out.setdefault((v, p), set()).update(found)
    return out


def _edge(parent: str, child: str, ev: _Evidence, vocab: _Vocab) -> TreeEdge:
    lines = [f"{ev.shared} passages of {child} are also in {parent}"]
    if ev.odd_b:
        lines.append(
            f"{child} has the rarer word in {ev.odd_b} swaps (e.g. {', '.join(ev.examples_b)})"
        )
    return TreeEdge(
        parent=parent,
        child=child,
        shared_passages=ev.shared,
        shared_phrases=vocab.rare_shared(parent, child),
        evidence=lines,
    )


def most_original(
    documents: Sequence[Document], tree: Tree, groups: list[dict[str, tuple[int, ...]]]
) -> tuple[str, str]:
    """The version to compare the others against: the real root with most descendants, or,
    under a lost original, the child that carries the most of the shared content."""
    by_id = {d.id: d for d in documents}
    children: dict[str, list[str]] = {}
    for e in tree.edges:
        children.setdefault(e.parent, []).append(e.child)

    def descendants(v: str) -> int:
        return sum(1 + descendants(c) for c in children.get(v, []))

    carried = {v: sum(1 for g in groups if v in g and len(g) > 1) for v in tree.nodes}
    roots = [v for v in tree.nodes if tree.parent(v) is None and v not in tree.independent]
    if not roots:
        best = max(tree.nodes, key=lambda v: (carried.get(v, 0), v))
        return best, f"{best} carries the most content (no version derives from another)"
    root = max(roots, key=lambda v: (descendants(v), carried.get(v, 0), v))
    if root != LOST:
        return root, f"{root} is the most original version: {descendants(root)} derive from it"
    kids = children[LOST]
    best = max(kids, key=lambda v: (carried[v], len(by_id[v].text), v))
    return best, (
        f"{', '.join(sorted(kids))} come from a lost original; {best} keeps the most of it "
        f"({carried[best]} shared passages)"
    )


def families(
    documents: Sequence[Document],
    groups: list[dict[str, tuple[int, ...]]],
    tree: Tree,
    reference: str,
    pairs: dict[tuple[str, str], Comparison],
) -> list[Family]:
    """Each family with its original form (the variant highest in the tree) and each
    variant's label against it: the label of the aligned passage between the two when
    there is one (so the family view agrees with the side-by-side view), else measured."""
    by_id = {d.id: d for d in documents}
    known: dict[tuple[str, tuple[int, ...], str, tuple[int, ...]], tuple[str, float]] = {}
    for c in pairs.values():
        for p in c.passages:
            if p.derived:
                key = (c.source, p.source_sentences, c.target, p.target_sentences)
                known[key] = known[(key[2], key[3], key[0], key[1])] = (p.label, p.score)
    depth: dict[str, int] = {}

    def level(v: str) -> int:
        if v not in depth:
            p = tree.parent(v)
            depth[v] = 0 if p is None or p == LOST else 1 + level(p)
        return depth[v]

    order = {d.id: k for k, d in enumerate(documents)}
    chosen = []
    for g in groups:
        origin = min(g, key=lambda v: (level(v), v != reference, order[v]))
        chosen.append((g, origin))
    trials = [
        (joined([_text(by_id[v], g[v])]), joined([_text(by_id[origin], g[origin])]))
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
                variants.append(Variant(v, g[v], spans, "verbatim", 1.0))
                continue
            if (origin, g[origin], v, g[v]) in known:
                label, score = known[(origin, g[origin], v, g[v])]
            else:
                sig = next(sigs)
                label = derived_label(sig, len(g[v]) == 1 == len(g[origin]))
                score = passage_score(sig)
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
