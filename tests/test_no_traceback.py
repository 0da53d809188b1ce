"""An error nobody planned for is one line saying what failed and where to report it, in the
CLI (every command, even an import that fails) and in the app, which stays usable.

The faults are injected: a KeyError raised where the versions' families are grouped (a real
one came from the provenance step on an input that was an HTML report) and a package made
unimportable (as lxml_html_clean was on a fresh install). Every other step runs for real on
the seeds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Static

from tui import cli
from tui.app.app import StoryTraceApp
from tui.app.screens.help import HelpScreen
from tui.cli import EXIT_BUG, main
from tui.core import engine
from tui.core.loading import DEFAULT_MAX_BYTES
from tui.scan.model import ScanSettings

from .conftest import REPO, seed_paths
from .test_app_support import settle, wait_workers


def _broken_step(*args: object, **kwargs: object) -> object:
    raise KeyError(("002_a9b962200192712f", "storytrace-001_31fc123e83c1cc46"))


def _details(line: str) -> Path:
    return Path(line.rsplit("details saved in ", 1)[1].split()[0].rstrip(");"))


def test_cli_defaults_kept_in_step_with_the_engine() -> None:
    """The CLI names the default limit itself so that importing it imports no engine."""
    assert cli.DEFAULT_MAX_BYTES == DEFAULT_MAX_BYTES
    assert ScanSettings().max_article_bytes == cli.DEFAULT_ARTICLE_BYTES


def test_cli_turns_an_unexpected_error_into_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "family_groups", _broken_step)
    result = CliRunner().invoke(main, ["compare", *seed_paths()], catch_exceptions=False)
    assert result.exit_code == EXIT_BUG and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(
        "Error: unexpected error while running `storytrace compare` (KeyError: "
        "('002_a9b962200192712f', 'storytrace-001_31fc123e83c1cc46')); this is a bug in "
        "storytrace: please report it on storytrace's issue tracker"
    )
    details = _details(line)
    try:
        assert "Traceback" in details.read_text(encoding="utf-8")
        assert "_broken_step" in details.read_text(encoding="utf-8")
    finally:
        details.unlink()


_UNIMPORTABLE = """
import sys
sys.modules["rapidfuzz"] = None
sys.argv[0] = "storytrace"
from tui.cli import main
main()
"""


def test_cli_survives_a_package_that_will_not_import() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _UNIMPORTABLE, "compare", *seed_paths()],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert proc.returncode == EXIT_BUG and "Traceback" not in proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("Error: unexpected error while running `storytrace compare` (")
    assert "rapidfuzz" in line and "please report it" in line
    _details(line).unlink()


async def test_app_shows_one_line_and_stays_usable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "family_groups", _broken_step)
    app = StoryTraceApp(seed_paths())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.report is None and app.error is not None
        assert app.error.startswith("unexpected error while comparing the versions (KeyError: ")
        assert "please report it" in app.error and "\n" not in app.error
        shown = str(app.screen.query_one("#overview-regions", Static).render())
        assert "please report it" in shown and "alignment failed" not in shown
        _details(app.error).unlink()
        await pilot.press("question_mark")  # still answers keys
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_failed_realign_keeps_the_comparison_on_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = StoryTraceApp(seed_paths())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.report
        assert before is not None
        monkeypatch.setattr(engine, "family_groups", _broken_step)
        other = next(c.target for c in before.comparisons)
        app.make_reference(other)
        await wait_workers(pilot)
        await pilot.pause()
        assert app.report is before  # the earlier comparison is kept, whole
        [error] = [n.message for n in app._notifications if n.severity == "error"]
        assert error.startswith("unexpected error while comparing the versions (KeyError: ")
        assert error.endswith("; the previous comparison is still shown")
        assert "storytrace \u2014 cannot compare" not in str(
            app.screen.query_one("#overview-title", Static).render()
        )
        _details(error).unlink()
