"""Render a Report in each export format; every format reads the same result objects.

``render(report, fmt)`` returns the text; ``write_report(report, fmt, path)`` writes it
for the TUI's export dialog and the CLI. Formats: see ``FORMATS``.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..core.escaping import escape_line
from ..core.files import write_bytes
from ..core.model import Report
from ..core.overrides import OverrideSet
from ..core.reportmark import EXPORT_PREFIX
from . import view as _view

FORMATS = ("text", "html", "md", "json", "csv")
# Formats with an exhibit form (the derived passages only, for a few printed pages); JSON and
# CSV are data, filtered by their readers.
EXHIBIT_FORMATS = ("text", "html", "md")
EXTENSIONS = {"text": "txt", "html": "html", "md": "md", "json": "json", "csv": "csv"}


def render(
    report: Report,
    fmt: str,
    *,
    overrides: OverrideSet | None = None,
    timestamp: datetime | str | None = None,
    exhibit: bool = False,
) -> str:
    """The report as ``fmt``. Byte-identical for the same report, overrides and timestamp;
    pass ``timestamp`` (a datetime, taken as UTC when naive) only when the generation time
    should be recorded. ``exhibit`` (text, HTML, Markdown): only the passages taken from the
    reference, each with its source and offsets."""
    if exhibit and fmt not in EXHIBIT_FORMATS:
        raise ValueError(f"an exhibit is made in {', '.join(EXHIBIT_FORMATS)}, not {fmt}")
    if fmt == "json":
        from .json_report import render_json

        return render_json(report, overrides, _view.format_timestamp(timestamp))
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    built = _view.build(report, overrides, timestamp, exhibit=exhibit)
    if fmt == "html":
        from .html import render_html

        return render_html(built)
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(built)
    if fmt == "csv":
        from .csv_report import render_csv

        return render_csv(built)
    from .text import render_text

    # Text goes to a terminal: no control, escape or bidi character from a file name or a
    # document may reach it raw, wherever in the report it appears.
    return "\n".join(escape_line(line) for line in render_text(report, built).split("\n"))


def default_filename(report: Report, fmt: str) -> str:
    """``storytrace-<reference id>.<ext>``: names the story, so exports of two stories into
    one folder do not collide, and stays the same across runs."""
    return f"{EXPORT_PREFIX}{report.reference}.{EXTENSIONS[fmt]}"


def write_report(
    report: Report,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    overrides: OverrideSet | None = None,
    timestamp: datetime | str | None = None,
    exhibit: bool = False,
) -> Path:
    """Render and write to ``path`` (a directory gets ``default_filename``); returns the file.

    Rendering happens before anything is written, and ``tui.core.files.write_bytes`` never
    replaces anything but a regular file: a failure leaves any earlier report whole, a
    symlink's target is written, a device or pipe is streamed to. Raises ``OSError`` when the
    place cannot be written, ``ValueError`` for an unknown format.
    """
    if fmt == "json" and not exhibit:
        # Bytes as they are made: 12 MB for a 1 MB pair, not decoded and encoded again.
        from .json_report import render_json_utf8

        data = render_json_utf8(report, overrides, _view.format_timestamp(timestamp))
    else:
        data = render(
            report, fmt, overrides=overrides, timestamp=timestamp, exhibit=exhibit
        ).encode()
    target = Path(path)
    if target.is_dir():
        target = target / default_filename(report, fmt)
    return write_bytes(target, data, keep=[d.path for d in report.documents])


__all__ = ["EXHIBIT_FORMATS", "EXTENSIONS", "FORMATS", "default_filename", "render", "write_report"]
