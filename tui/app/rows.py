"""The rows of the side-by-side view, built from a ``Comparison`` and nothing else.

Pure Python (no Textual) so the grouping can be tested on its own and stays fast on 1 MB
stories. Two granularities share one ``Row`` type:

* sentence rows: one per passage, exactly as the engine labelled them;
* paragraph rows: a paragraph of the version (or several, when a passage spans them) beside
  the reference sentences it draws from, many-to-many, in the version's order. An omitted run
  becomes a row of its own with an empty right side, unless it is a sentence dropped from the
  middle of a reference paragraph that the row already shows, where it reads best in place.

Word-level marks come from ``Passage.diff`` through ``diffing.changed_ranges``, which maps
every diff piece back onto the real sentence text; the text shown is always the document's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.core.diffing import changed_ranges
from tui.core.model import Comparison, Document, Label, Passage

Side = Literal["source", "target"]
Mode = Literal["paragraph", "sentence"]
# How a run of text is shown: plain, deleted/inserted words of a derived passage, or the
# whole-passage looks of omitted/added/boilerplate text.
RunKind = Literal["plain", "del", "ins", "omitted", "added", "boilerplate"]
Run = tuple[str, RunKind]


@dataclass(frozen=True)
class Row:
    passages: tuple[int, ...]
    source_sentences: tuple[int, ...]
    target_sentences: tuple[int, ...]
    labels: tuple[Label, ...]
    moved: bool

    @property
    def changed(self) -> bool:
        """Anything a reader should look at: every label but verbatim and boilerplate (an
        agency's rule lines and slug a paper dropped, a site's furniture: ``n`` stopped on
        them first, before any change to the story)."""
        return any(label not in ("verbatim", "boilerplate") for label in self.labels)


def _row(passages: Sequence[Passage], indices: Sequence[int]) -> Row:
    labels: list[Label] = []
    for k in indices:
        if passages[k].label not in labels:
            labels.append(passages[k].label)
    return Row(
        passages=tuple(indices),
        source_sentences=tuple(sorted({s for k in indices for s in passages[k].source_sentences})),
        target_sentences=tuple(sorted({t for k in indices for t in passages[k].target_sentences})),
        labels=tuple(labels),
        moved=any(passages[k].moved for k in indices),
    )


def sentence_rows(comparison: Comparison) -> list[Row]:
    ps = comparison.passages
    return [_row(ps, [k]) for k in range(len(ps))]


def paragraph_rows(comparison: Comparison, source: Document, target: Document) -> list[Row]:
    ps = comparison.passages
    # Each target paragraph, or run of paragraphs one passage spans, becomes one group.
    spans: list[tuple[int, int]] = []
    for p in ps:
        if p.target_sentences:
            paras = [target.sentences[t].paragraph for t in p.target_sentences]
            spans.append((min(paras), max(paras)))
    group_of_para: dict[int, int] = {}
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    for g, (lo, hi) in enumerate(merged):
        for para in range(lo, hi + 1):
            group_of_para[para] = g

    def group(k: int) -> int | None:
        p = ps[k]
        if not p.target_sentences:
            return None
        return group_of_para[target.sentences[p.target_sentences[0]].paragraph]

    groups = [group(k) for k in range(len(ps))]
    # Omitted runs between two passages of one group, from a reference paragraph that group
    # already draws on, stay inside it.
    nxt: list[int | None] = [None] * len(ps)
    following: int | None = None
    for k in range(len(ps) - 1, -1, -1):
        nxt[k] = following
        if groups[k] is not None:
            following = groups[k]
    source_paras: dict[int, set[int]] = {}
    for k, g in enumerate(groups):
        if g is not None:
            source_paras.setdefault(g, set()).update(
                source.sentences[s].paragraph for s in ps[k].source_sentences
            )
    rows: list[Row] = []
    current: list[int] = []
    current_group: int | None = None
    previous: int | None = None

    def flush() -> None:
        if current:
            rows.append(_row(ps, current))
            current.clear()

    for k, g in enumerate(groups):
        if g is None:
            para = source.sentences[ps[k].source_sentences[0]].paragraph
            if previous is not None and previous == nxt[k] and para in source_paras[previous]:
                current.append(k)
                continue
            flush()
            rows.append(_row(ps, [k]))
            current_group = None
            continue
        if g != current_group:
            flush()
            current_group = g
        current.append(k)
        previous = g
    flush()
    return rows


def build_rows(comparison: Comparison, source: Document, target: Document, mode: Mode) -> list[Row]:
    if mode == "sentence":
        return sentence_rows(comparison)
    return paragraph_rows(comparison, source, target)


def row_of_passage(rows: Iterable[Row]) -> dict[int, int]:
    """Passage index -> row index, to keep the cursor on the same text across modes."""
    return {k: r for r, row in enumerate(rows) for k in row.passages}


class RowText:
    """The runs of text each side of a row shows, per paragraph, from one comparison."""

    def __init__(
        self, comparison: Comparison, source: Document, target: Document, dropped: bool = True
    ) -> None:
        self.comparison = comparison
        self.source = source
        self.target = target
        # Whether the source's text the target lacks was dropped from it: not where the tree
        # makes the source from the target (a condensed reference beside its wire), as the
        # omissions the reports list (``Tree.descends``).
        self.dropped = dropped
        # sentence index -> (passage index, changed ranges), filled lazily per passage.
        self._marks: dict[Side, dict[int, tuple[int, list[tuple[int, int]]]]] = {
            "source": {},
            "target": {},
        }
        self._owner: dict[Side, dict[int, int]] = {"source": {}, "target": {}}
        for k, p in enumerate(comparison.passages):
            for s in p.source_sentences:
                self._owner["source"].setdefault(s, k)
            for t in p.target_sentences:
                self._owner["target"].setdefault(t, k)

    def document(self, side: Side) -> Document:
        return self.source if side == "source" else self.target

    def passage_of(self, side: Side, sentence: int) -> int | None:
        return self._owner[side].get(sentence)

    def _sentence_marks(self, side: Side, sentence: int) -> tuple[int, list[tuple[int, int]]]:
        cached = self._marks[side].get(sentence)
        if cached is not None:
            return cached
        k = self._owner[side].get(sentence, -1)
        if k < 0:
            self._marks[side][sentence] = (-1, [])
            return -1, []
        p = self.comparison.passages[k]
        doc = self.document(side)
        sentences = p.source_sentences if side == "source" else p.target_sentences
        ranges = changed_ranges(p.diff, [doc.sentence_text(i) for i in sentences], side)
        for i, r in zip(sentences, ranges, strict=True):
            self._marks[side][i] = (k, r)
        return self._marks[side][sentence]

    def sentence_runs(self, side: Side, sentence: int) -> list[Run]:
        doc = self.document(side)
        text = doc.sentence_text(sentence)
        k, ranges = self._sentence_marks(side, sentence)
        label = self.comparison.passages[k].label if k >= 0 else "plain"
        if label in ("omitted", "added", "boilerplate"):
            return [(text, label)]  # type: ignore[list-item]
        if label == "verbatim" or not ranges:
            return [(text, "plain")]
        kind: RunKind = "del" if side == "source" else "ins"
        runs: list[Run] = []
        pos = 0
        for a, b in ranges:
            if a > pos:
                runs.append((text[pos:a], "plain"))
            runs.append((text[a:b], kind))
            pos = b
        if pos < len(text):
            runs.append((text[pos:], "plain"))
        return runs

    def paragraphs(self, row: Row, side: Side) -> list[list[Run]]:
        """The side's sentences, split where the document starts a new paragraph."""
        doc = self.document(side)
        sentences = row.source_sentences if side == "source" else row.target_sentences
        out: list[list[Run]] = []
        last_para: int | None = None
        for i in sentences:
            para = doc.sentences[i].paragraph
            if para != last_para:
                out.append([])
                last_para = para
            elif out[-1]:
                out[-1].append((" ", "plain"))
            out[-1].extend(self.sentence_runs(side, i))
        return out
