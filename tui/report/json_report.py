"""The JSON report: the engine's contract, untouched, plus reviewer notes (and ``reviewed``:
each relabelled version's verdict, coverage and counts by the reviewer's labels, beside the
engine's in ``comparisons``) and the generation time as extra top-level keys only when there
are any, so readers of the contract keep working
and a plain run stays byte-identical to ``report_to_json``."""

from __future__ import annotations

from ..core.collector import collector_paused
from ..core.contract import dumps_utf8, report_to_dict, report_to_json_utf8
from ..core.model import Report
from ..core.overrides import OverrideSet
from ..core.review import review_report


def _overrides(report: Report, overrides: OverrideSet) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for c, p, ov in overrides.matched(report):
        out.append(
            {
                "source": c.source,
                "target": c.target,
                # The index into the comparison's ``passages``; ``number`` is how every other
                # format and the explorer number it (from 1).
                "passage": c.passages.index(p),
                "number": c.passages.index(p) + 1,
                "passage_key": ov.passage_key,
                "original_label": p.label,
                "label": ov.label,
                "note": ov.note,
            }
        )
    return out


def _stale(report: Report, overrides: OverrideSet) -> list[dict[str, object]]:
    """Notes that no longer apply, with what they were made on and why (never applied)."""
    return [
        {
            "target": s.version,
            "target_sha256": s.override.target,
            "passage_key": s.override.passage_key,
            "original_label": s.override.original_label,
            "label": s.override.label,
            "note": s.override.note,
            "excerpt": s.override.excerpt,
            "reason": s.reason,
        }
        for s in overrides.stale(report)
    ]


def render_json(report: Report, overrides: OverrideSet | None, generated_at: str | None) -> str:
    return render_json_utf8(report, overrides, generated_at).decode("utf-8")


@collector_paused()
def render_json_utf8(
    report: Report, overrides: OverrideSet | None, generated_at: str | None
) -> bytes:
    matched = _overrides(report, overrides) if overrides else []
    stale = _stale(report, overrides) if overrides else []
    if not matched and not stale and not generated_at:
        return report_to_json_utf8(report)
    data = report_to_dict(report, plain=False)
    if matched or stale:
        data["overrides"] = matched
        data["overrides_stale"] = stale
        data["overrides_unmatched"] = len(stale)
        data["reviewed"] = {
            target: {"verdict": r.verdict, "coverage": r.coverage, "counts": r.counts}
            for target, r in review_report(report, overrides).items()
        }
        if overrides is not None and overrides.path is not None:
            data["notes_file"] = str(overrides.path)
    if generated_at:
        data["generated_at"] = generated_at
    return dumps_utf8(data)
