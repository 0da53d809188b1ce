"""Command line: ``storytrace PATH...`` opens the explorer, ``storytrace compare`` prints a report.

Only argument handling lives here; every result comes from ``tui.core``. Nothing but click and
the standard library is imported before a command runs, so that any failure, even a package
that will not import, reaches the one-line error of ``_Storytrace.invoke`` instead of a
traceback.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from . import __version__
from .core.errors import unexpected
from .core.files import reason
from .core.settings import Settings

# Kept in step with tui.report.FORMATS and tui.core.loading.DEFAULT_MAX_BYTES (tested); not
# imported so `--help` stays fast and an import failure is caught like any other.
REPORT_FORMATS = ("text", "html", "md", "json", "csv")
DEFAULT_MAX_BYTES = 20_000_000
# EX_SOFTWARE from sysexits.h: an internal error, told apart from a user's mistake (1, 2).
EXIT_BUG = 70


class _Bug(click.ClickException):
    exit_code = EXIT_BUG


def _shown(text: str) -> str:
    """A path or message safe for one terminal line (control characters escaped)."""
    try:
        from .core.escaping import escape_line
    except Exception:  # the escaping module itself failed to import: Python's own escaping
        return ascii(text)[1:-1]
    return escape_line(text)


class _Storytrace(click.Group):
    """``storytrace seeds/`` means ``storytrace open seeds/``: paths are the common case.

    Every command runs inside ``invoke``: an exception nobody planned for becomes one line
    (what failed, where to report it) and exit status 70, never a traceback."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["open", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`storytrace compare ... | head`): nothing more to say, and
            # Python must not complain about stdout at exit either.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise click.exceptions.Exit(1) from None
        except Exception as err:
            command = " ".join(filter(None, ["storytrace", ctx.invoked_subcommand]))
            raise _Bug(_shown(unexpected(f"running `{command}`", err))) from None


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


_dates = click.option(
    "--dates",
    "dates",
    type=click.Path(dir_okay=False),
    help="Publication dates: a JSON object or lines 'path<TAB>YYYY-MM-DD'. A version never "
    "derives from one published later.",
)
_quotes = click.option(
    "--include-quotes",
    is_flag=True,
    help="Count quotations two versions share toward the verdict (by default they are left "
    "out: reporters at one event quote the same words).",
)


def _settings(lexicon: str | None, dates: str | None, include_quotes: bool) -> Settings:
    from .core.dates import DatesError, read_dates_file

    given: tuple[tuple[str, str], ...] = ()
    if dates:
        try:
            given = tuple(sorted(read_dates_file(dates).items()))
        except DatesError as err:
            raise click.ClickException(_shown(str(err))) from None
    return Settings(
        lexicon=os.fspath(lexicon) if lexicon else "",
        dates=given,
        exclude_quotes=not include_quotes,
    )


@click.group(cls=_Storytrace, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storytrace")
def main() -> None:
    """Audit republished copies of a story: what was copied, spun, added and dropped."""


@main.command("open")
@click.argument("paths", nargs=-1, required=True)
@_reference
@_max_bytes
@_lexicon
@_dates
@_quotes
def open_app(
    paths: tuple[str, ...],
    reference: str | None,
    max_bytes: int,
    lexicon: str | None,
    dates: str | None,
    include_quotes: bool,
) -> None:
    """Open the explorer on PATHS (files or directories)."""
    from .app.app import StoryTraceApp

    StoryTraceApp(
        _paths(paths, reference),
        reference=reference,
        max_bytes=max_bytes,
        settings=_settings(lexicon, dates, include_quotes),
    ).run()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_reference
@_max_bytes
@_lexicon
@_dates
@_quotes
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
    dates: str | None,
    include_quotes: bool,
    fmt: str,
    output: str | None,
    timestamp: bool,
    notes: str | None,
    no_notes: bool,
) -> None:
    """Compare the versions in PATHS and print a report."""
    from .core.engine import CompareError, compare_paths
    from .core.overrides import load_overrides, sidecar_path
    from .report import render, write_report

    overrides, note_warnings = None, []
    if not no_notes:
        overrides, note_warnings = load_overrides(notes or sidecar_path(paths))
        if notes and overrides.problem:
            # Asked for by name: a report without them would look complete and is not.
            raise click.ClickException(
                f"cannot use --notes {_shown(notes)} ({_shown(overrides.problem)}); "
                "the file is left untouched"
            )
    try:
        report = compare_paths(
            _paths(paths, reference),
            reference=reference,
            settings=_settings(lexicon, dates, include_quotes),
            max_bytes=max_bytes,
        )
    except CompareError as err:
        raise click.ClickException(str(err)) from None
    for warning in [*report.warnings, *note_warnings]:
        click.echo(f"warning: {warning}", err=True)
    when = datetime.now(UTC) if timestamp else None
    if output:
        try:
            written = write_report(report, fmt, output, overrides=overrides, timestamp=when)
        except OSError as err:
            raise click.ClickException(f"cannot write {_shown(output)}: {reason(err)}") from None
        click.echo(f"wrote {_shown(str(written))}", err=True)
        return
    text = render(report, fmt, overrides=overrides, timestamp=when)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as err:  # e.g. `> /dev/full`: the report did not arrive, say so
        raise click.ClickException(f"cannot write the report: {reason(err)}") from None
