"""The JSON report: the contract the TUI, the reports and the evaluations read.

Keys are sorted and floats rounded at the source, so the same inputs and options give
byte-identical output. Extend it, never break it: a breaking change bumps ``schema``.
storytrace/2 added the top-level provenance keys (families, tree, substitution_lexicon,
inserts, omissions) and left every storytrace/1 key as it was.

A passage's ``diff`` is exact (same keys and ops as before, sharper meaning): joining its
``equal`` and ``delete`` texts gives the source sentences exactly as decoded, joined by one
space, and ``equal`` and ``insert`` the target's. Earlier diffs took the target's spacing for
both sides; now a difference of spacing alone is a ``delete``/``insert`` pair of spacing only,
which readers treat as no edit. The setting ``diff_timeout`` (seconds) became
``diff_max_tokens``: diffs are bounded by size, so they no longer depend on the machine.
``warnings`` also carries each document's own warnings (a guessed encoding, hidden or
look-alike characters). Characters a terminal would act on are written as ``\\u`` escapes.

storytrace/3 moved every cut-off that changes a result into ``settings.thresholds`` (name ->
``{"value", "why"}``; ``wholly_derived``, ``partially_derived``, ``min_cosine``,
``support_window`` and the region gaps were top-level settings before), added each
document's publication ``date`` and ``date_source``, and each tree edge's ``basis`` (what
decided its direction: dates, evidence, content, inferred) and ``strength``. Lost originals
are numbered per connected group (``~lost-original-1``, ...).

storytrace/4 added who shares how much with whom, as similarity reports give it: top-level
``similarity`` (``{"ids": [...], "shared": [[...], ...]}``, ``shared[i][j]`` the share of
``ids[i]``'s non-space text found in ``ids[j]``: a share of each version's own text, so not
symmetric; 1.0 on the diagonal) and each document's ``sources`` (``[{"id", "share"}]``, every
other version it shares content with, most first, ties by id). Both are read from the
engine's alignments: a version's share of another is the ``target_derived`` of their
comparison; the other way round, the share of the other's text in the passages that count
(the same exclusions); every pair of versions is aligned for it, so no figure depends on the
reference. ``settings`` gained the exclusions ``min_match_words`` (0: every match counts) and
``exclude_boilerplate`` (false: furniture copied with the text counts as copied); a report
without them was made with those defaults.

storytrace/5 changed the meaning of a comparison's ``coverage.source_reused``, keeping its
name: the share of the source's non-space text in the derived passages that count (those the
exclusions leave in: shared quotations out unless ``exclude_quotes`` is false, copied
furniture out with ``exclude_boilerplate``, matches under ``min_match_words``), over all of
the source's text. Before, it counted every derived passage, so with quotations excluded (the
default) or a minimum match length it could be larger than the similarity matrix's cell for
the same two versions; now it is that cell's figure from this comparison. A tree edge from a
lost original (``basis`` ``inferred``) gives as ``shared_passages`` the passages of the child
shared with any other version (what the reference's reason counts); before, the most it
shared with one of its siblings.

It also stopped calling the reference's furniture "omitted": its sentences the version did
not take (an agency's rule lines, slug line, memo, byline, ``end``; site furniture, found by
``boilerplate.boilerplate_sentences``) are passages labelled ``boilerplate`` with source spans
and no target spans (``diff`` one ``delete``), so ``counts.omitted`` counts the reference's
writing a version left out and ``counts.boilerplate`` counts furniture on either side. In
``families``, the original form's variant is labelled ``boilerplate`` (not ``verbatim``) when
it is furniture, and ``agree`` no longer reads the original form's own label. Every key is as
it was, and the tree gained ``unattached`` (``{id: reason}``): each related version with no
parent, the top of its branch or one whose every candidate was ruled out, and why; a report
without it is one made before (its tree leaves such versions unexplained).

storytrace/6 added to each ``substitution_lexicon`` entry its ``where``: every passage the
swap was found in, as ``{"source", "target", "source_sentences", "target_sentences",
"count"}``, ``source`` being the version with the ``from`` wording and ``target`` the one with
the ``to`` wording, the sentences numbered as in ``documents``. A swap found between two
copies, neither of them the reference, is in no passage of ``comparisons``; before, a reader
could not tell where it was or which version used which wording. Sites are sorted by
version ids then sentences; their counts add up to the entry's ``count``. Word swaps also
became stricter (no change to any key): two forms of one word ("replied" for "replying")
and words that only changed places in the passage (both on both sides: reordered clauses)
are no swaps.

storytrace/6 added each passage's ``changed_figures``: the figures of the source the
version gives as other figures ("three years" -> "five years", "£96m" -> "£69m"), as
``[{"from", "to", "source_sentence", "target_sentence"}]``, ``from`` and ``to`` each side's
wording (with the word after the figure when both sides share it: "years"), the sentences
numbered as in ``documents``; in the diff's order. Read from the passage's word diff
(``tui.core.figures``), so it is per passage, beside ``substitutions`` and the spans that
locate it; a comparison's are its passages' in order. Derived passages only (verbatim,
edited, paraphrased); ``[]`` elsewhere. The same value written another way ("12" and
"twelve", "£96m" and "£96 million", "3 per cent" and "3%"), a rounding said to be one
("about 3,900" for "3,914"), a figure that only moved, and a slot whose figure is unclear
are left out. Every other key is as it was.

storytrace/7 changed the base of ``coverage.source_reused``, keeping its name: the source's
furniture (sentences in passages labelled ``boilerplate``: an agency's rule lines, its slug
line) and the source side of passages the exclusions leave out (shared quotations, copied
furniture with ``exclude_boilerplate``) are out of it unless a passage that counts uses them,
as they are out of ``target_derived``'s base. A byte-identical copy is now 1.0 both ways;
before, the wire's two rule lines made it 0.94. The similarity matrix reads the same figure.
Settings gained ``summary_chain``, ``alone_cover`` and ``quote_words`` in ``thresholds``.
Every other key is as it was.

storytrace/8 added each passage's ``restated`` (true or false): a passage linked only because
the version as a whole restates its source (all of its text but ``restate_rest`` is aligned
or has ``restate_share`` of each sentence's content words in up to three nearby source
sentences), as a condensed tabloid rewrite does; before, such a version read independent or
partially derived, with those sentences ``added``. Restated passages are labelled
by their signals like any other (paraphrased, in practice) and count in ``coverage``; a report
without the key has none.
Settings gained ``restate_share``, ``restate_rest`` and ``restate_min`` in ``thresholds``,
and ``gap_shape_char`` and ``gap_shape_word``: a loose sentence between passages whose words
were swapped one by one in place is linked when it keeps that much of its source's shape;
and ``diagonal_run``: that many loose matches in a row, each with the next source sentence.
Every other key is as it was.

storytrace/9 added each passage's ``linked_by``: why a weak passage is linked when its own
signals would not link it, named after the alignment pass that linked it. ``"facts"``: it
keeps most of the content words (specifics among them) of up to three nearby source
sentences; ``"between"``: a loose match beside passages whose sources lie next to its own;
``"in-order"``: one of ``diagonal_run`` loose matches in a row, each with the next source
sentence; ``"summary"``: a loose match in a run of ``summary_run`` sentences that each
are linked or match the source somewhere, around a passage at least medium-strong that is
not quotation; ``"restated"``: as ``restated`` says. ``""`` for any other passage. A report
without the key has none. Each document gained ``publisher``: the site name a web page's
metadata gives (``""`` for text files and pages without one), which the tree reads when
another version credits it by name. Settings gained ``summary_run`` in ``thresholds``.
Every other key is as it was.

storytrace/10: a document's ``date`` may end in ``Z``: a time in UTC, read from an offset
(``--dates``: ``2026-03-12T10:00+10:00`` is ``2026-03-12T00:00Z``) or a zone an agency's
line names (``GMT``, ``EDT``, ...). A time without it is the version's own local time, as
before. A UTC time and a local one are compared by day only. Every other key is as it was.

storytrace/11: a passage's ``linked_by`` may be ``"reversed"``: the reference's comparison
with a version its own alignment finds independent is read from the pair's alignment made
from that version's side (its sentences as the source, the reference's as the target) when
the derivation tree finds a way between the two (one made from the other, or both from
one version) and that alignment links more of the version's text (before, a short rewrite
as the reference read the story it condenses as "independent, nothing matches" beside a
tree edge between them). Such a passage is
``"reversed"`` when that alignment linked it by one of the loose passes above, or when its
signals from the reference's side are too weak to link it alone; others keep ``""``. Every
other key is as it was.

storytrace/12: each document gained ``language``, the ISO 639 code of the language its text
is written in (``"en"``, ``"de"``; ``""`` when too short or too mixed to tell). A version in
another language than the reference's is named in ``warnings``, and its comparison's
relation says so: storytrace compares words, so a translation reads as independent. A
report without the key read no languages. Every other key is as it was.

storytrace/13: each passage gained ``changed_quotes``, as ``changed_figures`` is made:
``[{"from", "to", "source_sentence", "target_sentence"}]``, a quotation of the source (five
words at least, inside quotation marks) that the passage gives in other words inside the
marks: the same quotation (most of its words) with a word swapped, added or dropped. Each is
read within the passage's sentences, so ``from`` and ``to`` are the parts those sentences
hold. Words the source has around the passage, cut short, quoted further, cut with an
ellipsis, or in another house style ("80 per cent", "U.S.", "four") are no change;
headlines are left out. Derived
passages other than verbatim only; ``[]`` elsewhere. Settings gained ``source_majority``
in ``thresholds``: half the source or more in a version, in ``region_passages`` passages
that keep its phrasing, makes the version partially derived whatever share of it that is.
Every other key is as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from .collector import collector_paused
from .escaping import escape_json_utf8
from .model import Comparison, Document, Passage, Provenance, Report, Similarity


def _seq(items: Sequence[object], plain: bool) -> Sequence[object]:
    return list(items) if plain else items


def _spans(items: Sequence[Sequence[object]], plain: bool) -> Sequence[Sequence[object]]:
    return [list(x) for x in items] if plain else items


def _document(d: Document, similarity: Similarity | None, plain: bool = True) -> dict[str, object]:
    sources = similarity.sources(d.id) if similarity else []
    return {
        "sources": [{"id": other, "share": share} for other, share in sources],
        "id": d.id,
        "path": d.path,
        "sha256": d.sha256,
        "encoding": d.encoding,
        "chars": len(d.text),
        "bytes": d.size,
        "title": d.title,
        "source_format": d.source_format,
        "date": d.date,
        "date_source": d.date_source,
        "publisher": d.publisher,
        "language": d.language,
        "paragraphs": _spans(d.paragraphs, plain),
        "sentences": [
            {"start": s.start, "end": s.end, "paragraph": s.paragraph, "kind": s.kind}
            for s in d.sentences
        ],
    }


def _passage(p: Passage, plain: bool = True) -> dict[str, object]:
    return {
        "label": p.label,
        "source_spans": _spans(p.source_spans, plain),
        "target_spans": _spans(p.target_spans, plain),
        "source_sentences": _seq(p.source_sentences, plain),
        "target_sentences": _seq(p.target_sentences, plain),
        "score": p.score,
        "signals": dict(sorted(p.signals.items())) if plain else p.signals,
        "moved": p.moved,
        "quote": p.quote,
        "restated": p.restated,
        "linked_by": p.linked_by,
        "diff": _spans(p.diff, plain),
        "substitutions": [{"from": s.source, "to": s.target} for s in p.substitutions],
        "changed_figures": [
            {
                "from": f.source,
                "to": f.target,
                "source_sentence": f.source_sentence,
                "target_sentence": f.target_sentence,
            }
            for f in p.changed_figures
        ],
        "changed_quotes": [
            {
                "from": q.source,
                "to": q.target,
                "source_sentence": q.source_sentence,
                "target_sentence": q.target_sentence,
            }
            for q in p.changed_quotes
        ],
    }


def _comparison(c: Comparison, plain: bool = True) -> dict[str, object]:
    return {
        "source": c.source,
        "target": c.target,
        "verdict": c.verdict,
        "coverage": dict(c.coverage),
        "counts": c.label_counts(),
        "passages": [_passage(p, plain) for p in c.passages],
        "regions": [
            {
                "source_span": _seq(r.source_span, plain),
                "target_span": _seq(r.target_span, plain),
                "label": r.label,
                "passages": _seq(r.passages, plain),
            }
            for r in c.regions
        ],
        "substitutions": [
            {"from": s.source, "to": s.target, "count": s.count} for s in c.substitutions
        ],
    }


def _provenance(p: Provenance | None, plain: bool = True) -> dict[str, object]:
    if p is None:
        return {}
    return {
        "families": [
            {
                "id": f.id,
                "origin": f.origin,
                "agree": f.agree,
                "variants": [
                    {
                        "doc": v.doc,
                        "sentences": _seq(v.sentences, plain),
                        "spans": _spans(v.spans, plain),
                        "label": v.label,
                        "score": v.score,
                    }
                    for v in f.variants
                ],
            }
            for f in p.families
        ],
        "tree": {
            "nodes": list(p.tree.nodes),
            "edges": [
                {
                    "parent": e.parent,
                    "child": e.child,
                    "shared_passages": e.shared_passages,
                    "shared_phrases": list(e.shared_phrases),
                    "evidence": list(e.evidence),
                    "basis": e.basis,
                    "strength": e.strength,
                }
                for e in p.tree.edges
            ],
            "independent": list(p.tree.independent),
            "notes": list(p.tree.notes),
            "unattached": dict(sorted(p.tree.unattached.items())),
        },
        "substitution_lexicon": [
            {
                "from": e.source,
                "to": e.target,
                "count": e.count,
                "versions": list(e.versions),
                "known": e.known,
                "odd_side": e.odd_side,
                "where": [
                    {
                        "source": w.source,
                        "target": w.target,
                        "source_sentences": _seq(w.source_sentences, plain),
                        "target_sentences": _seq(w.target_sentences, plain),
                        "count": w.count,
                    }
                    for w in e.where
                ],
            }
            for e in p.lexicon
        ],
        "inserts": [
            {"doc": i.doc, "kind": i.kind, "spans": [list(s) for s in i.spans], "reason": i.reason}
            for i in p.inserts
        ],
        "omissions": [
            {
                "doc": o.doc,
                "source": o.source,
                "kind": o.kind,
                "source_spans": [list(s) for s in o.source_spans],
                "detail": o.detail,
            }
            for o in p.omissions
        ],
    }


@collector_paused()
def report_to_dict(report: Report, plain: bool = True) -> dict[str, object]:
    """The contract as Python values. ``plain=False`` is for serialising: the engine's own
    tuples stand in for the lists of spans, sentences and diffs (a JSON array either way),
    sparing a 1 MB pair's report about 400,000 copies."""
    return {
        **_provenance(report.provenance, plain),
        "schema": report.schema,
        "tool": {"name": "storytrace", "version": report.tool_version},
        "settings": dict(report.settings),
        "reference": report.reference,
        "reference_reason": report.reference_reason,
        "documents": [_document(d, report.similarity, plain) for d in report.documents],
        "comparisons": [_comparison(c, plain) for c in report.comparisons],
        "warnings": list(report.warnings),
        **_similarity(report.similarity),
    }


def _similarity(s: Similarity | None) -> dict[str, object]:
    if s is None:
        return {}
    return {"similarity": {"ids": list(s.ids), "shared": [list(row) for row in s.shared]}}


# Where msgspec writes a number differently from Python's ``json``: a float Python gives an
# exponent (below 1e-4 or from 1e16 up; msgspec writes ``0.00001`` and ``1e16``). Every float
# of the contract is a dict value, written after ``": "``, except the similarity matrix's,
# which are shares rounded to four places (0 or from 0.0001 to 1: spelled alike by both).
# A literal start keeps the search at 0.1 s for 12 MB where one for numbers at line starts as
# well took 0.8 s. Another float inside a list would keep its value, not its spelling.
_UNLIKE_PYTHON = re.compile(rb'": -?(?:0\.0000|\d[\d.]*e)')


def _serialised(data: dict[str, object]) -> bytes:
    """``json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1)``, byte for byte, as
    UTF-8 (lone surrogates as ``surrogatepass`` writes them).

    Python's encoder runs in pure Python once ``indent`` is set: 1.5 s of a 1 MB comparison's
    12 MB report here, against 0.3 s for msgspec's C encoder and formatter. Whatever msgspec
    cannot write as Python would (a lone surrogate, an exponent, a type it refuses) goes to
    ``json``. A NaN or infinity, which the engine never makes, would be written as ``null``,
    valid JSON where Python writes ``NaN``."""
    import msgspec  # 0.06 s to import: only when a report is written

    try:
        out = msgspec.json.format(msgspec.json.encode(data, order="sorted"), indent=1)
    except (TypeError, ValueError, msgspec.EncodeError):
        out = None
    if out is None or _UNLIKE_PYTHON.search(out):
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1)
        return text.encode("utf-8", "surrogatepass")
    return out


def dumps_utf8(data: dict[str, object]) -> bytes:
    """The serialised report as UTF-8. Text stays readable, but characters a terminal or
    viewer would act on (escapes, C1 controls, bidi and zero-width format characters) are
    written as ``\\u`` escapes: the parsed values are exactly the documents' text, and the
    file is safe to ``cat``. Escaped as bytes: a 12 MB report is not copied as text again
    and again, and a file gets these bytes as they are."""
    return escape_json_utf8(_serialised(data), tail=b"\n")


def dumps(data: dict[str, object]) -> str:
    return dumps_utf8(data).decode("utf-8")


@collector_paused()
def report_to_json_utf8(report: Report) -> bytes:
    # Paused until the dict is gone: the collector would otherwise walk its million young
    # objects once more just after they were made (0.07 s on a 1 MB pair's report).
    return dumps_utf8(report_to_dict(report, plain=False))


def report_to_json(report: Report) -> str:
    return report_to_json_utf8(report).decode("utf-8")
