"""storytrace never takes its own reports for versions, and suggests saving them elsewhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, Static

from tui.app.app import StoryTraceApp
from tui.app.screens.export import ExportScreen, default_export_folder
from tui.cli import main
from tui.core.engine import compare_paths
from tui.core.reportmark import report_kind
from tui.report import EXTENSIONS, FORMATS, default_filename, render

from .conftest import SHARED, seed_paths
from .test_app_support import settle, wait_workers

KINDS = {"text": "text", "html": "HTML", "md": "Markdown", "json": "JSON", "csv": "CSV"}


def _compare(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["compare", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_every_format_is_recognised_and_no_story_is(seeds_report) -> None:
    for fmt in FORMATS:
        assert report_kind(render(seeds_report, fmt)) == KINDS[fmt]
    stories = [Path(p) for p in seed_paths()]
    stories += sorted((SHARED / "news-family").glob("**/*.txt"))[:40]
    for path in stories:
        assert report_kind(path.read_text(encoding="utf-8", errors="replace")) is None, path


def test_reopening_a_folder_with_every_report_in_it_compares_the_same_versions(
    story: Path,
) -> None:
    code, before, _ = _compare(str(story), "--format", "json")
    assert code == 0
    for fmt in FORMATS:
        # Saved under the export dialog's default name, and once more without an extension
        # (tried quietly, as every extensionless file in a folder is).
        code, _, stderr = _compare(str(story), "--format", fmt, "-o", str(story))
        assert code == 0, stderr
        [saved] = story.glob(f"storytrace-*.{EXTENSIONS[fmt]}")
        shutil.copy(saved, story / f"report-{fmt}")
    [csv] = story.glob("storytrace-*.csv")
    code, after, stderr = _compare(str(story), str(csv), "--format", "json")
    assert code == 0
    # The folder's .txt, .md and .html reports and the .csv named (a folder's .json and .csv
    # files are never read).
    assert sorted(stderr.splitlines()) == sorted(
        f"warning: {story / f'storytrace-{ref}.{ext}'}: a storytrace {kind} report, "
        "not a version of the story, skipped"
        for ref in [json.loads(before)["reference"]]
        for ext, kind in [("txt", "text"), ("md", "Markdown"), ("html", "HTML"), ("csv", "CSV")]
    )
    data, clean = json.loads(after), json.loads(before)
    assert [d["id"] for d in data["documents"]] == [d["id"] for d in clean["documents"]]
    assert data["reference"] == clean["reference"]
    assert data["comparisons"] == clean["comparisons"]


def _report(folder: Path):
    return compare_paths(sorted(str(p) for p in folder.glob("0*.txt")))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_report_named_on_the_command_line_is_skipped(story: Path, fmt: str) -> None:
    report = render(_report(story), fmt)
    path = story.parent / f"exported.{EXTENSIONS[fmt]}"
    path.write_text(report, encoding="utf-8")
    code, _, stderr = _compare(*seed_paths()[:2], str(path), "--format", "json")
    assert code == 0
    assert f"warning: {path}: a storytrace {KINDS[fmt]} report, not a version" in stderr


def test_default_export_folder_is_outside_the_inputs(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(str(p) for p in story.glob("*.txt"))
    monkeypatch.chdir(story)  # working inside the input folder: its parent
    assert default_export_folder(files) == tmp_path
    assert default_export_folder(["."]) == tmp_path
    monkeypatch.chdir(tmp_path)  # the working directory holds no input itself: there
    assert default_export_folder(files) == Path(".")
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    # Inputs from two folders: above both.
    assert default_export_folder([files[0], str(elsewhere)]) == Path(".")
    monkeypatch.chdir(elsewhere)
    assert default_export_folder([files[0], str(elsewhere / "x.txt")]) == tmp_path


async def test_export_dialog_suggests_a_folder_outside_the_inputs_and_says_so(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(story)
    app = StoryTraceApp(sorted(str(p) for p in story.glob("*.txt")))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.report is not None
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        expected = tmp_path / default_filename(app.report, "html")
        assert app.screen.query_one("#export-path", Input).value == str(expected)
        where = str(app.screen.query_one("#export-where", Static).render())
        assert str(tmp_path) in where and "outside the input folders" in where
        await pilot.press("ctrl+s")
        await wait_workers(pilot)
        assert expected.exists()
        assert sorted(p.name for p in story.iterdir()) == sorted(Path(p).name for p in seed_paths())
