"""What a comparison links, read the way the alignment tests state it: each derived
sentence of the version by its text, with the reference sentences it was linked to."""

from __future__ import annotations

from tui.core.model import Comparison, Document


def linked_sentences(c: Comparison, target: Document) -> dict[str, tuple[int, ...]]:
    return {
        target.sentence_text(t): p.source_sentences
        for p in c.passages
        if p.derived
        for t in p.target_sentences
    }
