"""The JSON report: the engine's contract, untouched, plus reviewer notes and the generation
time as extra top-level keys only when there are any, so readers of ``storytrace/1`` keep
working and a plain run stays byte-identical to ``report_to_json``."""

from __future__ import annotations

from ..core.contract import dumps, report_to_dict, report_to_json
from ..core.model import Report
from ..core.overrides import OverrideSet


def _overrides(report: Report, overrides: OverrideSet) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for c, p, ov in overrides.matched(report):
        out.append(
            {
                "source": c.source,
                "target": c.target,
                "passage": c.passages.index(p),
                "passage_key": ov.passage_key,
                "original_label": p.label,
                "label": ov.label,
                "note": ov.note,
            }
        )
    return out


def render_json(report: Report, overrides: OverrideSet | None, generated_at: str | None) -> str:
    matched = _overrides(report, overrides) if overrides else []
    unmatched = len(overrides.unmatched(report)) if overrides else 0
    if not matched and not unmatched and not generated_at:
        return report_to_json(report)
    data = report_to_dict(report)
    if matched or unmatched:
        data["overrides"] = matched
        data["overrides_unmatched"] = unmatched
        if overrides is not None and overrides.path is not None:
            data["notes_file"] = str(overrides.path)
    if generated_at:
        data["generated_at"] = generated_at
    return dumps(data)
