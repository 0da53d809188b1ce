"""The scan's results as a table (terminal), CSV or HTML; JSON is ``contract.scan_to_json``.

All of them render the same ``ScanResult`` and the same evidence: tool version, settings,
every story's digest, every corpus file's size and SHA-256, the counts. Like the engine's
reports they are byte-identical for the same inputs and options.
"""

from __future__ import annotations

import csv
import io
import os
from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from ..core.escaping import escape_line
from ..core.files import is_dir, write_text
from ..core.model import LABEL_LETTERS, LABELS
from ..present.wording import plural
from ..report.csv_report import BOM, cell
from ..report.html import shown_value
from ..report.view import compact_settings, setting_text
from .contract import scan_to_json
from .model import MAX_BAD_PER_SHARD, Hit, ScanResult, records_skipped

FORMATS = ("table", "json", "csv", "html")
EXTENSIONS = {"table": "txt", "json": "json", "csv": "csv", "html": "html"}


# A hit whose article is dated before its story: a copy of the story it cannot be.
EARLIER = "earlier"
EARLIER_NOTE = (
    f"{EARLIER}: the article is dated before the story, so it did not copy it (the story took "
    "from it, or both share a source)"
)


def hit_verdict(hit: Hit) -> str:
    """The engine's verdict, with ``(earlier)`` for an article dated before its story."""
    return f"{hit.verdict} ({EARLIER})" if hit.before_story else hit.verdict


def article_name(hit: Hit) -> str:
    """How a hit's article is named in a list: its URL, else its record id, else its file
    (with the line or offset inside it)."""
    a = hit.article
    if hit.url:
        return hit.url
    where = f" ({a.location})" if a.location else ""
    if a.record:
        return f"{a.record} in {os.path.basename(a.file)}{where}"
    return f"{a.file}{where}"


def label_summary(counts: dict[str, int]) -> str:
    return " ".join(f"{LABEL_LETTERS[k]}{counts[k]}" for k in LABELS if counts.get(k))


def _status(result: ScanResult) -> str:
    n = result.counts()
    done = "complete" if result.complete else "STOPPED before the end (--resume continues)"
    return (
        f"{plural(n['articles_read'], 'article')} read, {n['articles_skipped']:,} skipped, "
        f"{n['verified']:,} verified, {plural(n['hits'], 'hit')} in "
        f"{plural(n['articles_matched'], 'article')} for {n['stories_matched']:,} of "
        f"{plural(len(result.stories), 'story', 'stories')}; {done}"
    )


def _cut(name: str, width: int) -> str:
    """A name cut to ``width`` keeping both ends: stories of one archive often share a long
    prefix and differ only at the end ("..._story_a", "..._story_b")."""
    if len(name) <= width:
        return name
    tail = (width - 1) // 2
    return f"{name[: width - 1 - tail]}\u2026{name[-tail:]}"


def render_table(result: ScanResult) -> str:
    lines = [f"storytrace scan {result.tool_version}: {_status(result)}", ""]
    hits = result.hits
    if not hits:
        lines.append(
            f"no article took from {'this story' if len(result.stories) == 1 else 'these stories'}"
        )
    else:
        width = max(len("verdict"), *(len(hit_verdict(h)) for h in hits))
        lines.append(
            f"{'#':>4}  {'story':<24} {'reused':>6} {'derived':>7}  {'verdict':<{width}} article"
        )
        for rank, h in enumerate(hits, 1):
            lines.append(
                f"{rank:>4}  {_cut(h.story, 24):<24} {h.source_reused:>6.0%}"
                f" {h.target_derived:>7.0%}  {hit_verdict(h):<{width}} {article_name(h)}"
                + (f" \u2014 {_cut(h.title, 100)}" if h.title else "")
            )
        if any(h.before_story for h in hits):
            lines.append(f"({EARLIER_NOTE})")
    for w in result.warnings:
        lines.append(f"warning: {w}")
    shards = sorted(result.shards, key=lambda r: r.shard.ordinal)
    bad = [b for r in shards for b in r.bad]
    skipped = sum(r.skipped for r in shards)
    if bad:
        lines += ["", f"{records_skipped(skipped)}:"]
        lines += [f"  {b.where()}: {b.reason}" for b in bad[:50]]
        rest = skipped - min(50, len(bad))
        if rest > 0:
            kept = len(bad) - min(50, len(bad))
            lines.append(
                f"  ... and {rest:,} more"
                + (f", {kept:,} of them listed in the JSON report" if kept else "")
                + f" (the first {MAX_BAD_PER_SHARD} of each corpus file are kept with their place)"
            )
    # A terminal gets no control, escape or bidi character from an article's title or URL.
    return "\n".join(escape_line(line) for line in lines) + "\n"


CSV_COLUMNS = (
    "rank",
    "story",
    "story_path",
    "verdict",
    "before_story",
    "source_reused",
    "target_derived",
    *LABELS,
    "regions",
    "article_file",
    "article_record",
    "article_location",
    "url",
    "title",
    "date",
    "shared_ngrams",
    "containment",
    "lsh",
    "tool",
    "scan_complete",
    # Last, after the columns earlier versions wrote: how many records the scan could not
    # read (each listed in the table, the JSON and the HTML), so a spreadsheet of the hits
    # does not read as the whole archive when it was not.
    "records_skipped",
)


def render_csv(result: ScanResult) -> str:
    """One row per hit; UTF-8 with a BOM and CRLF, formula cells defused, like the
    engine's CSV report (see ``tui.report.csv_report``)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    tool = f"storytrace {result.tool_version}"
    skipped = str(result.counts()["articles_skipped"])
    for rank, h in enumerate(result.hits, 1):
        text = {
            "story": h.story,
            "story_path": h.story_path,
            "verdict": h.verdict,
            "article_file": h.article.file,
            "article_record": h.article.record,
            "article_location": h.article.location,
            "url": h.url,
            "title": h.title,
            "date": h.date,
            "tool": tool,
        }
        # Escapes and bidi controls shown, formulas defused, as in the engine's CSV report.
        row: dict[str, str] = {k: cell(v) for k, v in text.items()}
        row |= {
            "rank": str(rank),
            "source_reused": f"{h.source_reused:.4f}",
            "target_derived": f"{h.target_derived:.4f}",
            "regions": str(len(h.regions)),
            "shared_ngrams": str(h.candidate.shared),
            "containment": f"{h.candidate.containment:.4f}",
            "lsh": str(h.candidate.lsh).lower(),  # as the engine's CSV report writes them
            "before_story": str(h.before_story).lower(),
            "scan_complete": str(result.complete).lower(),
            "records_skipped": skipped,
        }
        row |= {label: str(h.counts.get(label, 0)) for label in LABELS}
        writer.writerow([row[c] for c in CSV_COLUMNS])
    return BOM + buf.getvalue()


@cache
def _environment() -> Environment:
    env = Environment(
        # The engine report's stylesheet is shared, so both print alike.
        loader=ChoiceLoader(
            [PackageLoader("tui.scan", "templates"), PackageLoader("tui.report", "templates")]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        # Control, escape and bidi characters of a title or URL shown, as in every report.
        finalize=shown_value,
    )
    env.filters.update(
        pct=lambda x: f"{x:.0%}", labels=label_summary, article=article_name, verdict=hit_verdict
    )
    env.globals["earlier_note"] = EARLIER_NOTE
    return env


def _settings_rows(settings: dict) -> list[tuple[str, str]]:
    """The scan's settings, then the engine's, one ``name = value`` each, as the compare
    report shows them (cut-offs by value: their reasons are in the JSON report)."""
    engine = compact_settings(settings.get("engine", {}))
    return [(k, setting_text(v)) for k, v in sorted(settings.items()) if k != "engine"] + [
        (f"engine {k}", setting_text(v)) for k, v in sorted(engine.items())
    ]


def render_html(result: ScanResult) -> str:
    return (
        _environment()
        .get_template("scan.html.j2")
        .render(
            result=result,
            hits=result.hits,
            counts=result.counts(),
            status=_status(result),
            settings=_settings_rows(result.settings_dict()),
            files=[
                f for r in sorted(result.shards, key=lambda r: r.shard.ordinal) for f in r.files
            ],
            bad=[b for r in sorted(result.shards, key=lambda r: r.shard.ordinal) for b in r.bad],
        )
    )


def render(result: ScanResult, fmt: str) -> str:
    if fmt == "json":
        return scan_to_json(result)
    if fmt == "csv":
        return render_csv(result)
    if fmt == "html":
        return render_html(result)
    if fmt == "table":
        return render_table(result)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def format_for(path: str | None, fmt: str | None) -> str:
    """The format asked for, else the one the output's extension names, else the table (no
    extension, .txt, or a folder). ValueError for an extension that names none of them: a
    text table written into ``hits.pdf`` or ``hits.xlsx`` would not open as one."""
    if fmt:
        return fmt
    if not path or is_dir(path):
        return "table"
    suffix = Path(path).suffix.lower().lstrip(".")
    named = {"json": "json", "csv": "csv", "html": "html", "htm": "html", "txt": "table"}
    if suffix in named or not suffix:
        return named.get(suffix, "table")
    raise ValueError(
        f"cannot tell a format from {escape_line(path)!r}: give --format (table, json, csv or html)"
    )


def write(result: ScanResult, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Render, then write atomically (a directory gets ``storytrace-scan.<ext>``)."""
    text = render(result, fmt)
    target = Path(path)
    if target.is_dir():
        target = target / f"storytrace-scan.{EXTENSIONS[fmt]}"
    return write_text(target, text, keep=[*result.inputs, *(s.path for s in result.stories)])
