"""The derivation tree: which version was made from which, from evidence a journalist can check.

Versions are related when one's alignment against the other finds it derived (the same
verdict the comparisons give). For each related pair, ``direction`` weighs which came first.
Each version's parent is, among its related versions that may have come first, the one that
holds the most of what the version shares with the others, then the closest in wording. A
candidate is ruled out when the evidence says the version came first, when it was published
later, or when the version shares wording with a third version that the candidate never uses
(it saw more than the candidate, so the candidate is not its source). Related versions that
each come from none of the others share a source that is not among the inputs: one lost
original per connected group of them, ``~lost-original-1``, ``-2``, ... A related version
left with no parent (the top of its branch, or one whose every candidate was ruled out) gets
the reason, candidate by candidate, in ``Tree.unattached``: no version of the tree is left
on a bare line.

When no mark says which of two versions came first, the one holding more of what they share
is the source, else the one the marks across their other relatives put earlier. Past those it
is a tie, and every reason given says so: the reference the user named decides it, else the
longer shared text, else the first by name; never the order the files were given in, so the
tree is the same whichever way round they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .dates import compare_dates
from .diffing import function_words
from .direction import Direction, directions
from .facts import facts
from .families import Group, carried, text_of
from .lexicon import judged, judged_language, odd_side, rarity
from .model import Comparison, Document, Tree, TreeEdge
from .pairs import Pairs
from .textnorm import STOPWORDS, features, fold
from .thresholds import Thresholds

LOST_PREFIX = "~lost-original"
# Why a related version has no parent when no candidate was even weighed.
NO_EARLIER = "no other version shares enough with it to be its source"


def related_pairs(pairs: Pairs) -> set[frozenset[str]]:
    """Pairs whose alignment finds one derived from the other."""
    return {frozenset((c.source, c.target)) for c in pairs.values() if c.verdict != "independent"}


def _names(doc: Document) -> set[str]:
    """Names the document uses (capitalised words that are not just a sentence's first)."""
    return {
        f for i in range(len(doc.sentences)) for f in facts(doc.sentence_text(i)) if not f.isdigit()
    }


def _words(doc: Document) -> set[str]:
    return {w for i in range(len(doc.sentences)) for w in features(doc.sentence_text(i)).words}


@dataclass
class _Vocab:
    """Each version's words, and the ones it writes capitalised (names), computed once."""

    words: dict[str, set[str]]
    names: dict[str, set[str]]
    # Versions in a language the English word list cannot judge (read, not just unknown).
    foreign: frozenset[str] = frozenset()

    @classmethod
    def of(cls, documents: Sequence[Document]) -> _Vocab:
        return cls(
            {d.id: _words(d) for d in documents},
            {d.id: _names(d) for d in documents},
            frozenset(d.id for d in documents if d.language not in ("", "en")),
        )

    def rare_shared(self, a: str, b: str, rare: float, limit: int = 6) -> list[str]:
        """Rare words both versions use (not names or numbers): a copy's shared oddities.
        Only words the English word list can judge: in another script every word is absent
        from it, and in another language written in Latin letters its everyday words are
        ("abstimmen", "angenommen"): "unusual" would be a claim nobody could check."""
        if {a, b} & self.foreign:
            return []
        names = self.names[a] | self.names[b]
        common = (
            w
            for w in self.words[a] & self.words[b]
            if w.isalpha() and len(w) > 3 and w not in names and judged(w)
        )
        return sorted((w for w in common if rarity(w) < rare), key=lambda w: (rarity(w), w))[:limit]


def build_tree(
    documents: Sequence[Document],
    pairs: Pairs,
    groups: list[Group],
    known: dict[tuple[str, str], int],
    th: Thresholds,
    kept_groups: list[Group] | None = None,
    reference: str | None = None,
) -> Tree:
    """``kept_groups``: the families whose passages a lost original's children are said to
    keep (the report's own; by default ``groups``), so the tree's figure is the one the
    families and the reference's reason count. ``reference``: the version the user named
    the original, if any. It decides only a tie (no mark of which came first, and nothing
    else to tell the two apart), where the user's word is the only evidence there is."""
    ids = [d.id for d in documents]
    digest = {d.id: d.sha256 for d in documents}
    related = related_pairs(pairs)
    relatives = {v: _relatives(v, related) for v in ids}
    evidence = directions(
        documents, {k: c for k, c in pairs.items() if frozenset(k) in related}, known, th
    )
    vocab = _Vocab.of(documents)
    shared = _shared_content(documents, groups, related)
    borrowed = _borrowed(documents, groups, related, pairs, vocab, th, evidence)

    def explains(p: str, v: str) -> float:
        total = shared[v].get("", 0)
        return shared[v].get(p, 0) / total if total else 0.0

    def net(v: str) -> float:
        """The weight of the marks saying v came first, less those saying its relatives did."""
        out = 0.0
        for u in relatives[v]:
            d = evidence[frozenset((u, v))]
            out += min(d.weight(v), 100.0) - min(d.weight(u), 100.0)
        return round(out, 3)

    # The most original first: net evidence of coming first, then the most shared content,
    # then the id (never the input order, which would make the tree depend on it).
    def originality(v: str) -> tuple[float, int, str]:
        return (-net(v), -shared[v].get("", 0), v)

    def undirected(p: str, v: str) -> tuple[str, str]:
        """With no mark that says which of p and v came first: the one taken as the source,
        and why, in one sentence that names it, so that the edge and the other version's
        reason for having no parent say the same thing. The one holding more of what they
        share is the source, else the one the marks across their other relatives put
        earlier. Past those it is a tie: the reference the user named decides it (their word
        that it is the original is the only evidence left; a longer shared text is none,
        copies trim and pad alike), else the longer shared text, else the first by name."""
        d = evidence[frozenset((p, v))]
        if digest[p] == digest[v]:
            # Two copies of one file: no text can say which came first, and "a tie broken
            # by name order" would hide that they are the same bytes.
            src = min(p, v)
            return src, (
                f"{p} and {v} are the same file, byte for byte: nothing in them can say which "
                f"came first; {src}, first by name, is taken as the source"
            )
        marks = (
            "no mark of which came first"
            if not d.weight(p) and not d.weight(v)
            else "the marks do not say which came first"
        )
        share = {p: explains(p, v), v: explains(v, p)}  # how much of the other each holds
        if abs(share[p] - share[v]) > th.tie_margin:
            src = max(share, key=lambda u: share[u])
            return src, (
                f"{marks}; {src} is taken as the source because it holds more of what they share"
            )
        marks += " and they hold the same share of each other"
        if net(p) != net(v):
            src = p if net(p) > net(v) else v
            if relatives[p] == [v] and relatives[v] == [p]:
                # Their own marks are all the marks there are: they lean one way, too
                # weakly to settle it ("across every version" would name no other).
                return src, (
                    f"{marks}; they lean towards {src} coming first, too little to settle it, "
                    f"so {src} is taken as the source"
                )
            return src, (
                f"{marks}; {src} is taken as the source because the marks, weighed across "
                "every version it is related to, put it earlier"
            )
        if reference in (p, v):
            return reference, (
                f"{marks}: a tie, and {reference}, named the reference, is taken as the source"
            )
        size = {u: shared[u].get("", 0) for u in (p, v)}
        if abs(size[p] - size[v]) > th.tie_margin * max(size.values()):
            src = max(size, key=lambda u: size[u])
            return src, (
                f"{marks}: a tie, broken by length: {src}'s shared text is the longer "
                f"({size[src]:,} characters to {size[d.other(src)]:,}), so it is taken as the "
                "source"
            )
        src = min(p, v)
        return src, f"{marks}: a tie, broken by name order: {src} is taken as the source"

    dated = {d.id: d.date for d in documents if d.date}
    order = sorted((v for v in ids if relatives[v]), key=originality)
    rank = {v: k for k, v in enumerate(order)}
    parent: dict[str, str] = {}
    edges: list[TreeEdge] = []
    notes: list[str] = []
    why_not: dict[str, list[str]] = {}  # v -> why each candidate is not its parent

    def ancestors(v: str) -> set[str]:
        seen: set[str] = set()
        while v in parent and v not in seen:
            seen.add(v)
            v = parent[v]
        return seen | {v}

    for v in order:
        options, fallback = [], []
        # Candidates ruled out only because v also has words of other versions: its
        # source, with another beside it, when nothing else can be.
        alone: dict[str, str] = {}
        for p in relatives[v]:
            d = evidence[frozenset((p, v))]
            first = d.first(th)
            why = why_not.setdefault(v, [])
            if first == v:
                notes.append(f"{v} is not from {p}: {d.lines(v)[0]}")
                why.append(f"not from {p}: {d.lines(v)[0]}")
                continue
            if d.conflicting(th):
                notes.append(
                    f"{v} is not from {p}, nor {p} from {v}: both have been worked on since "
                    f"their common source ({d.lines(v)[0]}; {d.lines(p)[0]})"
                )
                why.append(f"not from {p}: both have been worked on since their common source")
                continue
            words = borrowed.get((v, p), set())
            if len(words) >= th.borrowed_words:
                said = (
                    f"not from {p} alone: it shares words with other versions that {p} never "
                    f"uses ({', '.join(sorted(words)[:5])})"
                )
                notes.append(f"{v} is {said}")
                why.append(said)
                alone[p] = (
                    f"{v} also shares words with other versions that {p} never uses "
                    f"({', '.join(sorted(words)[:5])}): it drew on another source as well"
                )
            if first is None:
                src, said = undirected(p, v)
                if src != p:
                    why.append(f"not from {p}: {said}")
                    continue
            if v in ancestors(p):
                why.append(f"{p} comes from it")
                continue
            later = _dated_after(v, ancestors(p) - {p}, dated)
            if later:
                why.append(_later_up_the_chain(p, later, v))
                continue
            if p in alone and not d.marked_first(p):
                continue
            c = pairs.get((p, v)) or pairs[(v, p)]
            # ``_closeness`` puts its key in place of the pair's alignment (the third),
            # weighed against the other options; ``_originals_first`` adds one after the
            # first four.
            (fallback if p in alone else options).append(
                (
                    round(explains(p, v), 1),
                    # Wording shared over content restated: two condensed copies of one
                    # story restate each other's facts, as each restates the story's source.
                    -sum(1 for x in c.passages if x.restated),
                    c,
                    first == p,
                    _shared_passages(c),
                    -rank[p],
                    p,
                )
            )
        if options or fallback:
            options, fallback = (_closeness(o, v, th) for o in (options, fallback))
            p = max(_originals_first(options or fallback, ancestors))[-1]
            parent[v] = p
            d = evidence[frozenset((p, v))]
            said = undirected(p, v)[1] if d.first(th) is None else ""
            edges.append(_edge(p, v, d, pairs, vocab, th, said, alone.get(p, "")))
    # A parent given its own parent after the version chose it can put, up the chain, a
    # version published after this one: the chain, not only the pair, must respect dates.
    for v in order:
        p = parent.get(v)
        if p is None:
            continue
        later = _dated_after(v, ancestors(p) - {p}, dated)
        if later:
            del parent[v]
            edges = [e for e in edges if e.child != v]
            why_not.setdefault(v, []).append(_later_up_the_chain(p, later, v))
    roots = [v for v in order if v not in parent]
    lost = _lost_groups(roots, related)
    kept = carried(documents, groups if kept_groups is None else kept_groups)
    nodes = list(ids)
    for k, group in enumerate(lost, 1):
        node = f"{LOST_PREFIX}-{k}"
        nodes.append(node)
        for v in group:
            siblings = [u for u in group if u != v]
            edges.append(
                TreeEdge(
                    parent=node,
                    child=v,
                    # What it keeps of the lost original, as the reference's reason says.
                    shared_passages=kept[v],
                    shared_phrases=sorted(
                        {w for u in siblings for w in vocab.rare_shared(v, u, th.rare_zipf)}
                    )[:6],
                    evidence=[
                        f"{v} shares content with {', '.join(siblings)} but comes from none "
                        "of them: they share a source that is not among the inputs"
                    ],
                    basis="inferred",
                    strength="",
                )
            )
    independent = [v for v in ids if not relatives[v]]
    in_lost = {v for group in lost for v in group}
    unattached = {v: "; ".join(why_not.get(v) or [NO_EARLIER]) for v in roots if v not in in_lost}
    return Tree(
        nodes=nodes,
        edges=edges,
        independent=independent,
        notes=sorted(set(notes)),
        unattached=unattached,
    )


def _swaps_by_sentences(c: Comparison, v: str) -> list[tuple[frozenset[int], int]]:
    """Each derived passage's sentences of ``v`` and how many swaps it holds."""
    return [
        (
            frozenset(x.target_sentences if c.target == v else x.source_sentences),
            # Content words only: "in" for "on" or "she" for "he" is a true swap to list,
            # but how far two wordings are apart is read from the words chosen.
            sum(s.count for s in x.substitutions if not function_words(s)),
        )
        for x in c.passages
        if x.derived
    ]


def _closeness(options: list[tuple[Any, ...]], v: str, th: Thresholds) -> list[tuple[Any, ...]]:
    """The options with their third key, closer wording (fewer swaps between them), in
    steps (two copies of one source differ from each other about as much as from it),
    counted over the sentences of ``v`` that every option the first two keys leave tied
    shares with it: a candidate sharing less of v has fewer swaps with it for having fewer
    passages, not closer wording."""
    if not options:
        return options
    swaps = {o[-1]: _swaps_by_sentences(o[2], v) for o in options}
    # Over the options the first two keys leave tied (the others lose on those): a weak
    # candidate sharing one sentence must not narrow the others' count to it.
    best = max(o[:2] for o in options)
    common = frozenset.intersection(
        *(frozenset(t for ts, _ in swaps[o[-1]] for t in ts) for o in options if o[:2] == best)
    )
    return [
        (*o[:2], -(sum(n for ts, n in swaps[o[-1]] if ts & common) // th.swap_step), *o[3:])
        for o in options
    ]


def _originals_first(
    options: list[tuple[Any, ...]], ancestors: Callable[[str], set[str]]
) -> list[tuple[Any, ...]]:
    """The options, each with one more key after the first four (what it holds of the
    version, restated passages, swaps, direction): whether it is no copy of another option.
    Of two candidates that hold the same of the version, one copied from the other, the
    version is taken from the original: one copy where two would do, rather than which of
    two near-identical texts shares one passage more."""
    standing = {o[-1] for o in options}
    return [(*o[:4], not (ancestors(o[-1]) - {o[-1]}) & standing, *o[4:]) for o in options]


def _dated_after(v: str, others: set[str], dated: dict[str, str]) -> str | None:
    """The first of ``others`` (by name) published after ``v``, when both are dated."""
    if v not in dated:
        return None
    later = sorted(u for u in others if compare_dates(dated.get(u, ""), dated[v]) > 0)
    return later[0] if later else None


def _later_up_the_chain(p: str, later: str, v: str) -> str:
    return (
        f"not from {p}: {p} comes from {later}, published after {v}: a version never derives "
        "from one published later"
    )


def _shared_passages(c: Comparison) -> int:
    return sum(1 for p in c.passages if p.derived)


def _passages_line(n: int, child: str, parent: str) -> str:
    return f"{n} passage{'s' * (n != 1)} of {child} are also in {parent}"


def recount(tree: Tree, comparisons: Sequence[Comparison]) -> None:
    """An edge between the reference and a version counts the passages of the reference's
    comparison, whose labels the overview counts: the tree's own alignment of the pair, made
    from the other side, said "5 passages of islands-monitor are also in wire" beside a row
    of E 3, P 4."""
    compared = {frozenset((c.source, c.target)): c for c in comparisons}
    for k, e in enumerate(tree.edges):
        c = compared.get(frozenset((e.parent, e.child)))
        if c is None or e.evidence[:1] != [_passages_line(e.shared_passages, e.child, e.parent)]:
            continue
        n = _shared_passages(c)
        line = _passages_line(n, e.child, e.parent)
        tree.edges[k] = replace(e, shared_passages=n, evidence=[line, *e.evidence[1:]])


def _lost_groups(roots: list[str], related: set[frozenset[str]]) -> list[list[str]]:
    """Roots related to each other share a lost source: one per connected group of them. A
    root whose relatives all have parents is a root in its own right."""
    seen: set[str] = set()
    out = []
    for r in roots:
        if r in seen:
            continue
        group, todo = [], [r]
        seen.add(r)
        while todo:
            v = todo.pop()
            group.append(v)
            for u in roots:
                if u not in seen and frozenset((u, v)) in related:
                    seen.add(u)
                    todo.append(u)
        if len(group) > 1:
            out.append(sorted(group, key=roots.index))
    return out


def _shared_content(
    documents: Sequence[Document], groups: list[Group], related: set[frozenset[str]]
) -> dict[str, dict[str, int]]:
    """v -> p -> characters of v's content that p also carries (in related versions); the
    key "" holds all of v's content that any related version carries."""
    by_id = {d.id: d for d in documents}
    out: dict[str, dict[str, int]] = {d.id: {} for d in documents}
    for g in groups:
        if len(g) < 2:
            continue
        for v, sentences in g.items():
            weights = by_id[v].weights()
            n = sum(weights[i] for i in sentences)
            carriers = [p for p in g if p != v and frozenset((p, v)) in related]
            for p in carriers:
                out[v][p] = out[v].get(p, 0) + n
            if carriers:
                out[v][""] = out[v].get("", 0) + n
    return out


def _borrowed(
    documents: Sequence[Document],
    groups: list[Group],
    related: set[frozenset[str]],
    pairs: Pairs,
    vocab: _Vocab,
    th: Thresholds,
    evidence: dict[frozenset[str], Direction],
) -> dict[tuple[str, str], set[str]]:
    """(v, p) -> words v has in common with a third related version's form of the same
    passage that p never uses anywhere: v saw more than p, so p cannot be its only source. A
    third version that borrows nothing v lacks may simply be v's own copy, and vouches for
    nothing. Words a spinner swapped in are a copy's own oddities, not material from
    elsewhere. The words that count are names, rare words, and words p itself swapped for
    others (v kept the wording p spun away); common words any writer may use say nothing.
    Nor does a third version the evidence says came after v: a paper's own reporting that a
    later rewrite of it took is not material the paper borrowed."""
    if len(documents) < 3:
        return {}  # no third version to have borrowed from
    by_id = {d.id: d for d in documents}
    swapped_out: dict[str, set[str]] = {}  # p -> plain words others keep where p has odder
    judged = [c for c in pairs.values() if judged_language(by_id[c.source], by_id[c.target])]
    for c in judged:
        for sub in c.substitutions:
            side = odd_side(sub.source, sub.target, th.odd_gap)
            if side == "source":
                swapped_out.setdefault(c.source, set()).update(fold(sub.target).split())
            elif side == "target":
                swapped_out.setdefault(c.target, set()).update(fold(sub.source).split())
    spun = {
        w
        for c in judged
        for sub in c.substitutions
        for side, text in (("source", sub.source), ("target", sub.target))
        if odd_side(sub.source, sub.target, th.odd_gap) == side
        for w in fold(text).split()
    }
    relatives = {d.id: _relatives(d.id, related) for d in documents}
    via: dict[tuple[str, str, str], set[str]] = {}
    for g in groups:
        if len(g) < 2:
            continue
        words = {
            v: {w for w in features(text_of(by_id[v], ix)).words if w.isalpha()} - STOPWORDS - spun
            for v, ix in g.items()
        }
        for v in g:
            for q in g:
                if q == v or frozenset((q, v)) not in related:
                    continue
                if evidence[frozenset((q, v))].first(th) == v:
                    continue
                for p in relatives[v]:
                    if p == q:
                        continue
                    found = {
                        w
                        for w in (words[v] & words[q]) - vocab.words[p]
                        if w in swapped_out.get(p, ())
                        or w in vocab.names[v]
                        or rarity(w) < th.borrowed_zipf
                    }
                    if found:
                        via.setdefault((v, p, q), set()).update(found)
    has_more = {(v, p) for v, p, _ in via}  # v holds material p lacks
    out: dict[tuple[str, str], set[str]] = {}
    for (v, p, q), found in via.items():
        if (q, v) in has_more:
            out.setdefault((v, p), set()).update(found)
    return out


def _relatives(v: str, related: set[frozenset[str]]) -> list[str]:
    return sorted(u for pair in related if v in pair for u in pair if u != v)


def _edge(
    parent: str,
    child: str,
    d: Direction,
    pairs: Pairs,
    vocab: _Vocab,
    th: Thresholds,
    undecided: str = "",
    also: str = "",
) -> TreeEdge:
    """``undecided``: with no mark of which came first, why the parent is taken as the
    source (the same words the child's reasons give, so the two never disagree); ``also``:
    what says the child had another source besides."""
    c = pairs.get((parent, child)) or pairs[(child, parent)]
    n = _shared_passages(c)
    first = d.first(th)
    if first == parent:
        basis = "dates" if d.dated() == parent else "evidence"
        strength = d.strength(parent, th)
        why = d.lines(parent)
    else:
        basis, strength = "content", "none"
        why = [undecided]
    return TreeEdge(
        parent=parent,
        child=child,
        shared_passages=n,
        shared_phrases=vocab.rare_shared(parent, child, th.rare_zipf),
        evidence=[
            _passages_line(n, child, parent),
            *why,
            *([also] if also else []),
        ],
        basis=basis,
        strength=strength,
    )
