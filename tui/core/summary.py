"""Plain-language statements about a comparison, shared by the TUI and every report format."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

from .classify import most_of_source
from .language import language_name
from .model import Comparison, Document, Passage, Region, Report, Span, Tree, TreeEdge
from .settings import Settings


def paragraph_range(doc: Document, span: Span) -> tuple[int, int]:
    """1-based first and last paragraph numbers a span touches."""
    paras = doc.paragraphs
    first = max(0, bisect.bisect_right(paras, span[0], key=itemgetter(0)) - 1)
    last = max(0, bisect.bisect_right(paras, max(span[0], span[1] - 1), key=itemgetter(0)) - 1)
    return first + 1, last + 1


def _paras(first: int, last: int) -> str:
    return f"paragraph {first}" if first == last else f"paragraphs {first}\u2013{last}"


# Runs of paragraphs a region's source is listed in before the rest is counted instead.
MAX_RUNS = 3


def number_runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """``[1, 2, 3, 5]`` -> ``[(1, 3), (5, 5)]``: runs of consecutive numbers."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return [(a, b) for a, b in runs]


def _run(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}\u2013{last}"


def paragraph_list(numbers: Iterable[int]) -> str:
    """``paragraphs 1–3, 7 and 20``: the paragraphs themselves, never the span between the
    first and the last; past ``MAX_RUNS`` runs, the longest run and how many more there are
    (``paragraphs 1–4 and 7 more between 6 and 18``)."""
    runs = number_runs(numbers)
    if not runs:
        return "no paragraph"
    if len(runs) == 1:
        return _paras(*runs[0])
    if len(runs) <= MAX_RUNS:
        listed = [_run(a, b) for a, b in runs]
        return f"paragraphs {', '.join(listed[:-1])} and {listed[-1]}"
    main = max(runs, key=lambda r: (r[1] - r[0], -r[0]))
    rest = [n for a, b in runs if (a, b) != main for n in range(a, b + 1)]
    return f"{_paras(*main)} and {len(rest)} more between {min(rest)} and {max(rest)}"


def region_source_paragraphs(
    source: Document, region: Region, passages: Sequence[Passage]
) -> list[int]:
    """The source paragraphs the region's passages were matched in. A region is a run of
    the version; what it takes may be scattered over the source, and the span from its
    first to its last match would claim every paragraph in between."""
    out: set[int] = set()
    for k in region.passages:
        if 0 <= k < len(passages):
            for span in passages[k].source_spans:
                first, last = paragraph_range(source, span)
                out.update(range(first, last + 1))
    if not out:  # a region without its passages (an old report): the span is all there is
        first, last = paragraph_range(source, region.source_span)
        out.update(range(first, last + 1))
    return sorted(out)


def describe_region(
    source: Document,
    target: Document,
    region: Region,
    passages: Sequence[Passage],
    name: Callable[[str], str] = str,
    verdict: str = "",
    tree_note: str = "",
) -> str:
    """``passages`` are the comparison's (a region names its own by index); ``name`` turns a
    document id into what the reader sees (the explorer's short names). Of a version found
    independent, a region "matches": "comes from" would say it was copied, which its verdict
    denies; so it does where the derivation tree says the version was not made from the
    other (``tree_note``, from ``tree_clause``)."""
    t = paragraph_range(target, region.target_span)
    s = paragraph_list(region_source_paragraphs(source, region, passages))
    one = t[0] == t[1]
    if verdict == "independent" or tree_note:
        verb = "matches" if one else "match"
    else:
        verb = "comes from" if one else "come from"
    how = f"{region.label}{_mixed(region, passages)}{_own(target, region, passages, t)}"
    return f"{_paras(*t)} of {name(target.id)} {verb} {s} of {name(source.id)} ({how})"


def _mixed(region: Region, passages: Sequence[Passage]) -> str:
    """`` but 1 edited``: the region's passages of another label than the region's, so
    "(verbatim)" is not read of an edited headline among them."""
    labels = Counter(
        passages[k].label for k in region.passages if 0 <= k < len(passages) and passages[k].derived
    )
    others = [(n, label) for label, n in labels.items() if label != region.label]
    if not others:
        return ""
    return " but " + ", ".join(
        f"{n} {label}" for n, label in sorted(others, key=lambda x: (-x[0], x[1]))
    )


def _own(target: Document, region: Region, passages: Sequence[Passage], t: tuple[int, int]) -> str:
    """``; paragraph 2 its own``: paragraphs inside the region's run that none of its
    passages touches (a region may jump a few unrelated sentences); page furniture inside
    it ("Advertisement") is no writing of the version's own."""

    def paragraphs(ps: Iterable[Passage]) -> set[int]:
        out: set[int] = set()
        for p in ps:
            for span in p.target_spans:
                first, last = paragraph_range(target, span)
                out.update(range(first, last + 1))
        return out

    mine = [passages[k] for k in region.passages if 0 <= k < len(passages)]
    touched = paragraphs(p for p in mine if p.derived)
    own = [n for n in range(t[0], t[1] + 1) if n not in touched] if touched else []
    if own:  # (most regions jump none: the furniture is looked for only where one does)
        a, b = region.target_span
        furniture = paragraphs(
            p
            for p in passages
            if p.label == "boilerplate" and any(x < b and y > a for x, y in p.target_spans)
        )
        own = [n for n in own if n not in furniture]
    return f"; {paragraph_list(own)} its own" if own else ""


def shared_with_others(n: int) -> str:
    """What a version keeps of a lost original: its passages that another version carries
    too (``families.carried``), in the one wording the reference's reason and the tree's
    edge from that original use."""
    return f"{n} passage{'' if n == 1 else 's'} shared with other versions"


# What "independent" means in the tree: the same as a verdict of independent, against every
# other version at once.
INDEPENDENT_OF_ALL = "independent of every other version (nothing derived from or into them)"


def _lineage(tree: Tree | None, node: str) -> list[str]:
    return tree.lineage(node) if tree is not None else []


def _undecided(tree: Tree, path: list[str]) -> TreeEdge | None:
    """The first edge along ``path`` (child first, up to the ancestor) with no mark of
    direction."""
    edges = {(e.parent, e.child): e for e in tree.edges}
    on_path = (edges.get((parent, child)) for child, parent in itertools.pairwise(path))
    return next((e for e in on_path if e is not None and e.strength == "none"), None)


def relation(report: Report, comparison: Comparison) -> str:
    """How a version stands to the version it was compared with, in the words every screen
    and report uses: "derived from" only where the derivation tree agrees, and "independent"
    only for a version the verdict finds not derived."""
    src, tgt = comparison.source, comparison.target
    cov = comparison.coverage
    share = cov.get("target_derived", 0.0)
    tree = report.provenance.tree if report.provenance else None
    up = _lineage(tree, tgt)
    quotes = cov.get("shared_quotes", 0.0)
    # With quotations counted (--include-quotes), they are in the share, not left out of it.
    counted = not report.settings.get("exclude_quotes", True)
    note = (
        f"; quotations it shares ({quotes:.0%} of its text) {'counted' if counted else 'left out'}"
        if quotes
        else ""
    )
    cut = report.settings.get("thresholds", {}).get("partially_derived", {}).get("value")
    evidence = cov.get("evidence", 0.0)
    if comparison.verdict == "independent":
        if share:
            # Over the cut a partial verdict reads, the share alone would contradict the
            # verdict: what the verdict reads counts passages keeping only facts at half.
            half = (
                f" ({_under(evidence, cut)} with passages keeping only facts counted at half)"
                if cut and share >= cut > evidence
                else ""
            )
            what = (
                f"{share:.0%} of its text matches {src}{half}, too little or too loosely to "
                "show copying"
            )
        elif any(p.derived for p in comparison.passages):
            # Its matches are all left out of the share (shared quotations, short matches,
            # furniture): "nothing matches" beside the passages listed under it would be false.
            what = f"nothing of it counts as matching {src} (its matches are left out)"
        else:
            what = f"nothing of it matches {src}"
        own = f"; it derives from {up[0]}" if up and not Tree.inferred(up[0]) else ""
        if own and src in up[1:]:
            # The tree still has the reference among its ancestors: say so, and say what that
            # means for this text, or "independent" and "derives from" read as two answers
            # to "did they take our story?".
            kept = "none" if share == 0 else "too little"
            own += f", itself derived from {src}, but keeps {kept} of {src}'s own text"
        elif tgt in _lineage(tree, src):
            # The reference was made from it: what it took is too small a part of this
            # version to make this one derived, which is no claim that they are unrelated.
            own += f"; {tree_clause(report, comparison)}"
        return f"independent of {src}: {what}{note}{own}{_languages(report, src, tgt)}"
    if comparison.verdict == "partially-derived" and cut and evidence < cut:
        # Under the share a partial verdict reads; what made it one is a region (verdict()).
        # (Its share in decimals where whole percents would read as the cut itself.)
        exact = f"{_under(share, cut)}, " if f"{share:.0%}" == f"{cut:.0%}" else ""
        under = (
            f"{exact}under the {cut:.0%} a partial verdict reads"
            if share < cut
            else f"{_under(evidence, cut)} with passages keeping only facts counted at half, "
            f"under the {cut:.0%} a partial verdict reads"
        )
        settings = Settings.from_dict(report.settings)
        if most_of_source(cov, comparison.passages, report.document(tgt), settings):
            note += f"; {under}, but most of {src} is in it, in passages keeping its wording"
        else:
            note += (
                f"; {under}, but a region of it is copied (two sentences' worth near-copied, "
                "or a run of passages)"
            )
    head = f"{comparison.verdict}: {share:.0%} of its text"
    if report.document(src).sha256 == report.document(tgt).sha256:
        # Which of two identical files came first no text can tell; the figures below read
        # as if something differed (the reference's furniture is not counted as reused).
        head = f"identical to {src} (the same file, byte for byte); {head}"
    if tree is None or src in up:
        via = f" by way of {', '.join(up[: up.index(src)])}" if src in up and up.index(src) else ""
        guess = _undecided(tree, [tgt, *up[: up.index(src) + 1]]) if via and tree else None
        if guess is not None:
            # An edge on the way the marks could not orient ("taken as the source because it
            # holds more of what they share"): the route is the tree's guess, not a finding.
            via = (
                f" (perhaps{via}: nothing marks whether {guess.parent} or {guess.child} came first)"
            )
        return f"{head} derived from {src}{via}{note}"
    if tgt in _lineage(tree, src):
        return f"{head} shared with {src}, which the derivation tree finds derived from it{note}"
    return f"{head} shared with {src}; {tree_clause(report, comparison)}{note}"


def _languages(report: Report, src: str, tgt: str) -> str:
    """Words of two languages do not match: "independent" says nothing of a translation."""
    a, b = report.document(src).language, report.document(tgt).language
    if not a or not b or a == b:
        return ""
    return (
        f"; it is written in {language_name(b)}, {src} in {language_name(a)}, and storytrace "
        "compares words: a translation would read so"
    )


def _under(share: float, cut: float) -> str:
    """``share``, under ``cut``, in as many decimals as keep it from reading as the cut
    ("19.6%", not "20%" beside "under the 20%")."""
    for places in range(4):
        text = f"{share:.{places}%}"
        if float(text.rstrip("%")) < round(cut * 100, places):
            return text
    return f"{share:.4%}"


NO_WAY = "the derivation tree finds no way between them"


# What the derivation tree says of a compared version and the version it was compared with,
# where that is not that the version was made from it (``tree_relation``).
SOURCE, SIBLING, APART = "source", "sibling", "apart"


def tree_relation(
    report: Report, comparison: Comparison, verdict: str | None = None
) -> tuple[str, str]:
    """(kind, common ancestor): ``SOURCE`` when the tree makes the other version from this
    one, ``SIBLING`` when both from a third (named), ``APART`` when it finds no way between
    them and the verdict (``verdict``, a reviewer's, else the comparison's) finds them
    related; "" otherwise (made from it, one file twice, no tree, or an independent verdict
    the tree agrees with)."""
    src, tgt = comparison.source, comparison.target
    tree = report.provenance.tree if report.provenance else None
    up = _lineage(tree, tgt)
    if tree is None or src in up or report.document(src).sha256 == report.document(tgt).sha256:
        return "", ""  # (of one file twice no text can tell which came first: relation says so)
    if tgt in _lineage(tree, src):
        return SOURCE, ""
    common = [a for a in up if a in _lineage(tree, src)]
    if common:
        return SIBLING, common[0]
    # Of a version found independent, "no way between them" only repeats its verdict.
    return ("", "") if (verdict or comparison.verdict) == "independent" else (APART, "")


def tree_clause(report: Report, comparison: Comparison) -> str:
    """What the derivation tree says of the two versions when it is not that the version
    was derived from the one it was compared with ("" then, or with no tree): a verdict
    reads the share of the version's text found in the other, which is high for the wire
    compared with a paper that copied it, and the places that give the verdict alone (the
    side by side's header, the reports' summaries) add this."""
    kind, common = tree_relation(report, comparison)
    if kind == SOURCE:
        return f"the derivation tree finds {comparison.source} derived from it"
    if kind == SIBLING:
        return f"both derive from {'a lost original' if Tree.inferred(common) else common}"
    return NO_WAY if kind == APART else ""
