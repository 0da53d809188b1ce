"""Command line: ``storytrace PATH...`` opens the explorer, ``storytrace compare`` prints a report.

Only argument handling lives here; every result comes from ``tui.core``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .core.engine import CompareError, compare_paths
from .core.loading import DEFAULT_MAX_BYTES
from .core.settings import Settings


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


@click.group(cls=_DefaultToOpen, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storytrace")
def main() -> None:
    """Audit republished copies of a story: what was copied, spun, added and dropped."""


@main.command("open")
@click.argument("paths", nargs=-1, required=True)
@_reference
@_max_bytes
def open_app(paths: tuple[str, ...], reference: str | None, max_bytes: int) -> None:
    """Open the explorer on PATHS (files or directories)."""
    from .app.app import StoryTraceApp

    StoryTraceApp(_paths(paths, reference), reference=reference, max_bytes=max_bytes).run()


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_reference
@_max_bytes
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout.")
def compare(
    paths: tuple[str, ...], reference: str | None, max_bytes: int, fmt: str, output: str | None
) -> None:
    """Compare the versions in PATHS and print a report."""
    try:
        report = compare_paths(
            _paths(paths, reference), reference=reference, settings=Settings(), max_bytes=max_bytes
        )
    except CompareError as err:
        raise click.ClickException(str(err)) from None
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    from .report import render

    text = render(report, fmt)
    if output:
        Path(output).write_text(text, encoding="utf-8", newline="")
        click.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.write(text)
