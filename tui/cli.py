"""Command line: ``storytrace PATH...`` opens the explorer, ``storytrace compare`` prints a report.

Only argument handling lives here; every result comes from ``tui.core``. Nothing but click and
the standard library is imported before a command runs, so that any failure, even a package
that will not import, reaches the one-line error of ``_Storytrace.invoke`` instead of a
traceback.
"""

from __future__ import annotations

import gc
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .core.errors import unexpected
from .core.files import exists, is_dir, reason
from .core.settings import Settings

if TYPE_CHECKING:
    from .scan.model import ScanResult

# Kept in step with tui.report.FORMATS and tui.core.loading.DEFAULT_MAX_BYTES (tested); not
# imported so `--help` stays fast and an import failure is caught like any other.
REPORT_FORMATS = ("text", "html", "md", "json", "csv")
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_ARTICLE_BYTES = 5_000_000  # tui.scan.model.ScanSettings.max_article_bytes (tested)
# EX_SOFTWARE from sysexits.h: an internal error, told apart from a user's mistake (1, 2).
EXIT_BUG = 70


class _Bug(click.ClickException):
    exit_code = EXIT_BUG


def _say_skipped(result: ScanResult) -> None:
    from .core.escaping import escape_line
    from .scan.model import records_skipped

    bad = [b for r in sorted(result.shards, key=lambda r: r.shard.ordinal) for b in r.bad]
    skipped = sum(r.skipped for r in result.shards)
    if skipped:
        first = f"; the first: {bad[0].where()}: {bad[0].reason}" if bad else ""
        click.echo(
            escape_line(
                f"warning: {records_skipped(skipped)}{first} (each is listed in the table, "
                "JSON and HTML reports)"
            ),
            err=True,
        )


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
    """A reference file not among the inputs, nor in a folder among them, is compared too
    (first). One a folder holds is read with the folder, in its place: put first, it
    reordered the versions, and their letters, against the explorer's for the same folder."""
    out = list(paths)
    if not reference or not exists(reference):
        return out
    ref = Path(reference).resolve()
    given = [Path(p).resolve() for p in out]
    if all(p != ref and not (is_dir(p) and p == ref.parent) for p in given):
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


_min_match = click.option(
    "--min-match-words",
    type=click.IntRange(0, 10_000),
    default=0,
    show_default=True,
    help="Leave copied passages of fewer words than this out of the shares and the verdict "
    "(plagiarism reports' 'exclude small matches'); the report records it.",
)


_boilerplate = click.option(
    "--exclude-boilerplate",
    is_flag=True,
    help="Leave page and agency furniture copied with the text (datelines, credit lines, "
    "'originally appeared on') out of the shares and the verdict, as unmatched furniture "
    "always is; the report records it.",
)


def _settings(
    lexicon: str | None,
    dates: str | None,
    include_quotes: bool,
    min_match_words: int = 0,
    exclude_boilerplate: bool = False,
) -> Settings:
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
        min_match_words=min_match_words,
        exclude_boilerplate=exclude_boilerplate,
    )


@click.group(cls=_Storytrace, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storytrace")
def main() -> None:
    """Audit republished copies of a story: what was copied, spun, added and dropped.

    `storytrace PATHS...` (files or folders of versions) opens the explorer, as `storytrace
    open PATHS...` does; `storytrace compare PATHS...` prints a report."""


@main.command("open")
@click.argument("paths", nargs=-1, required=True)
@_reference
@_max_bytes
@_lexicon
@_dates
@_quotes
@_boilerplate
@_min_match
def open_app(
    paths: tuple[str, ...],
    reference: str | None,
    max_bytes: int,
    lexicon: str | None,
    dates: str | None,
    include_quotes: bool,
    exclude_boilerplate: bool,
    min_match_words: int,
) -> None:
    """Open the explorer on PATHS (files or directories)."""
    from .app.app import StoryTraceApp

    app = StoryTraceApp(
        _paths(paths, reference),
        reference=reference,
        max_bytes=max_bytes,
        settings=_settings(lexicon, dates, include_quotes, min_match_words, exclude_boilerplate),
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
@_dates
@_quotes
@_boilerplate
@_min_match
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*REPORT_FORMATS, "markdown"]),
    default="text",
    show_default=True,
    help="Report format: text, html (self-contained, prints on A4), md (or markdown), json or csv.",
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
@click.option(
    "--exhibit",
    is_flag=True,
    help="Only the passages taken from the reference, each with its source and offsets "
    "(text, html, md): a few printed pages of evidence.",
)
def compare(
    paths: tuple[str, ...],
    reference: str | None,
    max_bytes: int,
    lexicon: str | None,
    dates: str | None,
    include_quotes: bool,
    exclude_boilerplate: bool,
    min_match_words: int,
    fmt: str,
    output: str | None,
    timestamp: bool,
    notes: str | None,
    no_notes: bool,
    exhibit: bool,
) -> None:
    """Compare the versions in PATHS and print a report."""
    # One report and the process ends: the cycle collector's passes over millions of
    # long-lived result objects (after the engine's pause, then while rendering) cost a
    # second on a 1 MB pair and would free next to nothing.
    gc.disable()
    fmt = "md" if fmt == "markdown" else fmt  # the export dialog's name for it
    from .core.engine import CompareError, clear_text_caches, compare_paths
    from .core.overrides import load_overrides, sidecar_path
    from .report import EXHIBIT_FORMATS, render, write_report

    if exhibit and fmt not in EXHIBIT_FORMATS:
        raise click.UsageError(
            f"--exhibit is for {', '.join(EXHIBIT_FORMATS)}; {fmt} carries every passage as data"
        )

    if notes and no_notes:
        raise click.UsageError("--notes FILE and --no-notes ask for opposite things: give one")
    overrides, note_warnings = None, []
    if not no_notes:
        overrides, note_warnings = load_overrides(notes or sidecar_path(paths))
        if notes and overrides.problem:
            # Asked for by name: a report without them would look complete and is not.
            raise click.ClickException(
                f"cannot use --notes {_shown(notes)} ({_shown(overrides.problem)}); "
                "the file is left untouched"
            )
    inputs = _paths(paths, reference)
    if len(inputs) > len(paths) and any(is_dir(p) for p in paths):
        # Easy to do by mistake beside a folder (another story's wire): the output would
        # read as if it were one of the folder's versions.
        click.echo(
            f"note: the reference {_shown(str(reference))} is in none of the folders given; "
            "it is compared with their versions",
            err=True,
        )
    try:
        report = compare_paths(
            inputs,
            reference=reference,
            settings=_settings(
                lexicon, dates, include_quotes, min_match_words, exclude_boilerplate
            ),
            max_bytes=max_bytes,
        )
    except CompareError as err:
        raise click.ClickException(str(err)) from None
    clear_text_caches()
    for warning in [*report.warnings, *note_warnings]:
        click.echo(f"warning: {warning}", err=True)
    when = datetime.now(UTC) if timestamp else None
    if output:
        try:
            written = write_report(
                report, fmt, output, overrides=overrides, timestamp=when, exhibit=exhibit
            )
        except OSError as err:
            raise click.ClickException(f"cannot write {_shown(output)}: {reason(err)}") from None
        click.echo(f"wrote {_shown(str(written))}", err=True)
        return
    text = render(report, fmt, overrides=overrides, timestamp=when, exhibit=exhibit)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as err:  # e.g. `> /dev/full`: the report did not arrive, say so
        raise click.ClickException(f"cannot write the report: {reason(err)}") from None


# Kept in step with tui.scan.render.FORMATS (tested); not imported so `--help` stays fast.
SCAN_FORMATS = ("table", "json", "csv", "html")


@main.command()
@click.argument("stories", nargs=-1, required=True)
@click.option(
    "--in",
    "corpus",
    multiple=True,
    required=True,
    metavar="CORPUS",
    help="Folder, JSON Lines (.jsonl, .jsonl.gz) or WARC (.warc, .warc.gz) to search; repeat.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(SCAN_FORMATS)),
    help="table, json, csv or html (default: from -o's extension; on a terminal, the screen).",
)
@click.option("--output", "-o", type=click.Path(), help="Write the results here, not stdout.")
@click.option("--text-field", default="text", show_default=True, help="JSON Lines: the text.")
@click.option("--id-field", default="id", show_default=True, help="JSON Lines: the record id.")
@click.option("--url-field", default="url", show_default=True, help="JSON Lines: the URL.")
@click.option("--date-field", default="date", show_default=True, help="JSON Lines: the date.")
@click.option("--title-field", default="title", show_default=True, help="JSON Lines: the title.")
@click.option("--resume", is_flag=True, help="Go on from the shards a stopped scan finished.")
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Run on a Dask scheduler (tcp://host:8786), or 'local' for a cluster on this machine.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Worker processes on this machine; 0: one per core for a corpus of 32 MB or more.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
@click.option(
    "--min-shared",
    type=click.IntRange(min=1),
    default=12,
    show_default=True,
    help="Distinct story word trigrams an article must share to be verified.",
)
@click.option(
    "--min-reused",
    type=click.FloatRange(0, 1),
    default=0.1,
    show_default=True,
    help="Share of a story a partially derived article must hold to be a hit.",
)
@click.option(
    "--max-article-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_ARTICLE_BYTES,
    show_default=True,
    help="Corpus articles larger than this are counted as bad records and skipped.",
)
@_max_bytes
@_lexicon
@_quotes
@_boilerplate
def scan(
    stories: tuple[str, ...],
    corpus: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    text_field: str,
    id_field: str,
    url_field: str,
    date_field: str,
    title_field: str,
    resume: bool,
    dask: str | None,
    jobs: int,
    progress: bool | None,
    min_shared: int,
    min_reused: float,
    max_article_bytes: int,
    max_bytes: int,
    lexicon: str | None,
    include_quotes: bool,
    exclude_boilerplate: bool,
) -> None:
    """Find the copies of STORIES (files or folders) in a corpus of articles."""
    from .scan.model import ScanError, ScanSettings
    from .scan.records import Fields
    from .scan.render import format_for, render, write
    from .scan.session import Request, execute, prepare

    request = Request(
        stories=stories,
        corpus=corpus,
        settings=ScanSettings(
            min_shared=min_shared,
            min_story_reused=min_reused,
            max_article_bytes=max_article_bytes,
            engine=_settings(
                lexicon, None, include_quotes, exclude_boilerplate=exclude_boilerplate
            ),
        ),
        fields=Fields(
            text=text_field, id=id_field, url=url_field, date=date_field, title=title_field
        ),
        output=output,
        resume=resume,
        dask=dask,
        jobs=jobs,
        progress=progress,
        max_bytes=max_bytes,
    )
    try:
        format_for(output, fmt)  # before the scan, not after it
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    try:
        prepared, warnings = prepare(request)
    except ScanError as err:
        raise click.ClickException(str(err)) from None
    for warning in [*warnings, *prepared.plan.warnings]:
        click.echo(f"warning: {warning}", err=True)
    try:
        result = execute(prepared, request)
    except ScanError as err:
        raise click.ClickException(str(err)) from None
    interactive = fmt is None and output is None and sys.stdout.isatty() and sys.stdin.isatty()
    if interactive or output:
        # Listed in the table, the JSON and the HTML; said here too, where the app or a
        # written file would leave the terminal silent about records it could not read.
        _say_skipped(result)
    if interactive and result.hits:
        from .app.scan_app import ScanApp

        ScanApp(result, prepared.index.stories).run()
    elif output:
        try:
            written = write(result, format_for(output, fmt), output)
        except OSError as err:
            raise click.ClickException(f"cannot write {_shown(output)}: {reason(err)}") from None
        click.echo(f"wrote {_shown(str(written))}", err=True)
    else:
        sys.stdout.write(render(result, fmt or "table"))
    if not result.complete:
        click.echo(
            f"stopped: {len(result.shards)} of {len(prepared.shards)} shards read; "
            "run the same command with --resume to go on",
            err=True,
        )
        sys.exit(130)
