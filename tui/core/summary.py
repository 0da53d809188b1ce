"""Plain-language statements about a comparison, shared by the TUI and every report format."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from .model import Comparison, Document, Region, Report, Span


def paragraph_range(doc: Document, span: Span) -> tuple[int, int]:
    """1-based first and last paragraph numbers a span touches."""
    starts = [a for a, _ in doc.paragraphs]
    first = max(0, bisect.bisect_right(starts, span[0]) - 1)
    last = max(0, bisect.bisect_right(starts, max(span[0], span[1] - 1)) - 1)
    return first + 1, last + 1


def _paras(first: int, last: int) -> str:
    return f"paragraph {first}" if first == last else f"paragraphs {first}\u2013{last}"


def describe_region(
    source: Document, target: Document, region: Region, name: Callable[[str], str] = str
) -> str:
    """``name`` turns a document id into what the reader sees (the explorer's short names)."""
    t = paragraph_range(target, region.target_span)
    s = paragraph_range(source, region.source_span)
    return (
        f"{_paras(*t)} of {name(target.id)} come from {_paras(*s)} of {name(source.id)} "
        f"({region.label})"
    )


def describe_comparison(report: Report, comparison: Comparison) -> list[str]:
    source, target = report.document(comparison.source), report.document(comparison.target)
    counts = comparison.label_counts()
    lines = [
        f"{target.id}: {comparison.verdict}, "
        f"{comparison.coverage['target_derived']:.0%} of its text derived from {source.id}, "
        f"{comparison.coverage['source_reused']:.0%} of {source.id} reused",
        "  passages: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v),
    ]
    lines += ["  " + describe_region(source, target, r) for r in comparison.regions]
    if comparison.substitutions:
        swaps = ", ".join(
            f"{s.source!r} -> {s.target!r}" + (f" x{s.count}" if s.count > 1 else "")
            for s in comparison.substitutions[:12]
        )
        more = len(comparison.substitutions) - 12
        lines.append(f"  substitutions: {swaps}" + (f" (+{more} more)" if more > 0 else ""))
    return lines


def describe_report(report: Report) -> str:
    lines = [f"reference: {report.reference} ({report.reference_reason})", ""]
    for c in report.comparisons:
        lines += describe_comparison(report, c)
        lines.append("")
    return "\n".join(lines)
