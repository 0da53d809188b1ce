"""Command line: ``storytrace PATH...`` opens the explorer, ``storytrace compare`` prints a report.

Only argument handling lives here; every result comes from ``tui.core``.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from . import __version__
from .core.engine import CompareError, compare_paths
from .core.loading import DEFAULT_MAX_BYTES
from .core.overrides import load_overrides, sidecar_path
from .core.settings import Settings

# Kept in step with tui.report.FORMATS (tested); not imported so `--help` stays fast.
REPORT_FORMATS = ("text", "html", "md", "json", "csv")


class _DefaultToOpen(click.Group):
    """``storytrace seeds/`` means ``storytrace open seeds/``: paths are the common case."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["open", *args]
        return super().parse_args(ctx, args)


def _paths(paths: tuple[str, ...], reference: str | None) -> list[str]:
    """A reference file not among the inputs is compared too."""
    out = list(paths)
    if (
        reference
        and Path(reference).exists()
        and all(Path(p).resolve() != Path(reference).resolve() for p in out)
    ):
        out.insert(0, reference)
    return out


_reference = click.option(
    "--reference", "-r", metavar="FILE", help="The version the others are compared against."
)
_max_bytes = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Files larger than this are skipped with a warning.",
)

_lexicon = click.option(
    "--lexicon",
    type=click.Path(exists=True, dir_okay=False),
    help="A TSV of known spinner swaps (tortured<TAB>expected) instead of the shipped one.",
)


def _settings(lexicon: str | None) -> Settings:
    return Settings(lexicon=os.fspath(lexicon) if lexicon else "")


@click.group(cls=_DefaultToOpen, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storytrace")
def main() -> None:
    """Audit republished copies of a story: what was copied, spun, added and dropped."""


@main.command("open")
@click.argument("paths", nargs=-1, required=True)
@_reference
@_max_bytes
@_lexicon
def open_app(
    paths: tuple[str, ...], reference: str | None, max_bytes: int, lexicon: str | None
) -> None:
    """Open the explorer on PATHS (files or directories)."""
    from .app.app import StoryTraceApp

    app = StoryTraceApp(
        _paths(paths, reference),
        reference=reference,
        max_bytes=max_bytes,
        settings=_settings(lexicon),
    )
    app.run()
    # The terminal is restored and every export and note written by now. Quitting must not
    # then wait for an engine thread finishing the step it was told to stop after, nor for
    # the interpreter to take down its modules (numpy, scipy, Textual: 0.3-0.8 s).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(app.return_code or 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_reference
@_max_bytes
@_lexicon
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(REPORT_FORMATS)),
    default="text",
    show_default=True,
    help="Report format: text, html (self-contained, prints on A4), md, json or csv.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(),
    help="Write here (a file, or a directory for the default name), not stdout.",
)
@click.option("--timestamp", is_flag=True, help="Record the generation time (UTC) in the report.")
@click.option(
    "--notes",
    "notes",
    type=click.Path(exists=True, dir_okay=False),
    help="Reviewer notes to include (default: .storytrace-notes.json beside the first input).",
)
@click.option("--no-notes", is_flag=True, help="Leave reviewer notes out of the report.")
def compare(
    paths: tuple[str, ...],
    reference: str | None,
    max_bytes: int,
    lexicon: str | None,
    fmt: str,
    output: str | None,
    timestamp: bool,
    notes: str | None,
    no_notes: bool,
) -> None:
    """Compare the versions in PATHS and print a report."""
    try:
        report = compare_paths(
            _paths(paths, reference),
            reference=reference,
            settings=_settings(lexicon),
            max_bytes=max_bytes,
        )
    except CompareError as err:
        raise click.ClickException(str(err)) from None
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    overrides = None
    if not no_notes:
        overrides, note_warnings = load_overrides(notes or sidecar_path(paths))
        for warning in note_warnings:
            click.echo(f"warning: {warning}", err=True)
    when = datetime.now(UTC) if timestamp else None
    from .report import render, write_report

    if output:
        try:
            written = write_report(report, fmt, output, overrides=overrides, timestamp=when)
        except OSError as err:
            raise click.ClickException(f"cannot write {output}: {err}") from None
        click.echo(f"wrote {written}", err=True)
    else:
        sys.stdout.write(render(report, fmt, overrides=overrides, timestamp=when))
