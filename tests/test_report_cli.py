"""``storytrace compare`` writes every report format and picks reviewer notes up on its own."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.core.engine import compare_paths
from tui.core.overrides import SIDECAR_NAME, OverrideSet, save_overrides
from tui.report import FORMATS

from .conftest import GOLD_REFERENCE, seed_paths

COPY = "000_dcce54c3826141f5"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "story"
    out.mkdir()
    for p in seed_paths():
        shutil.copy(p, out / Path(p).name)
    return out


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["compare", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _ref(folder: Path) -> str:
    return str(folder / f"{GOLD_REFERENCE}.txt")


def test_html_to_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    code, stdout, stderr = _run(str(folder), "-r", _ref(folder), "--format", "html", "-o", str(out))
    assert code == 0, stderr
    assert stdout == ""
    assert f"wrote {out}" in stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "wholly-derived" in html


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_to_stdout(folder: Path, fmt: str) -> None:
    code, stdout, stderr = _run(str(folder), "-r", _ref(folder), "--format", fmt)
    assert code == 0, stderr
    assert COPY in stdout
    again = _run(str(folder), "-r", _ref(folder), "--format", fmt)[1]
    assert again == stdout


def test_output_directory_gets_default_name(folder: Path, tmp_path: Path) -> None:
    code, _, stderr = _run(str(folder), "-r", _ref(folder), "--format", "md", "-o", str(tmp_path))
    assert code == 0
    assert (tmp_path / f"storytrace-{GOLD_REFERENCE}.md").exists()


def test_a_reference_in_the_folder_keeps_the_folders_order(folder: Path) -> None:
    """-r naming a file the folder holds put it first, and so re-lettered every version
    against the explorer's lettering of the same folder."""
    last = sorted(folder.iterdir())[-1]
    named = json.loads(_run(str(folder), "-r", str(last), "--format", "json")[1])
    plain = json.loads(_run(str(folder), "--format", "json")[1])
    assert [d["id"] for d in named["documents"]] == [d["id"] for d in plain["documents"]]
    assert named["reference"] == last.stem


def test_a_reference_from_outside_the_folder_is_said_to_be_added(
    folder: Path, tmp_path: Path
) -> None:
    """Another story's file named as the reference beside a folder is compared with the
    folder's versions, renaming one of them if the names clash: said, not silent. Naming
    a single other file as the reference is the usual two-version comparison."""
    other = tmp_path / "elsewhere.txt"
    other.write_text(Path(_ref(folder)).read_text(encoding="utf-8"), encoding="utf-8")
    code, stdout, stderr = _run(str(folder), "-r", str(other), "--format", "json")
    assert code == 0, stderr
    assert "note: the reference" in stderr and "in none of the folders given" in stderr
    assert json.loads(stdout)["reference"] == "elsewhere"
    one = sorted(folder.iterdir())[-1]
    code, _, stderr = _run(str(one), "-r", str(other), "--format", "json")
    assert code == 0 and "note:" not in stderr


def test_an_input_whose_name_is_too_long_is_skipped_not_a_crash(
    folder: Path, tmp_path: Path
) -> None:
    """Python 3.11 raises when asked whether such a path is a folder; the notes sidecar's
    lookup asked, and the comparison ended as "a bug in storytrace"."""
    code, stdout, stderr = _run(str(tmp_path / ("y" * 300)), str(folder), "-r", _ref(folder))
    assert code == 0, stderr
    assert "file name too long, skipped" in stderr and COPY in stdout


def test_notes_and_no_notes_together_are_refused(folder: Path, tmp_path: Path) -> None:
    notes = tmp_path / "n.json"
    notes.write_text("{}", encoding="utf-8")
    code, _, stderr = _run(str(folder), "--notes", str(notes), "--no-notes")
    assert code == 2 and "--notes FILE and --no-notes ask for opposite things" in stderr


def test_markdown_by_its_name_is_md(folder: Path, tmp_path: Path) -> None:
    """The export dialog says "Markdown"; the option takes that name too."""
    code, _, stderr = _run(
        str(folder), "-r", _ref(folder), "--format", "markdown", "-o", str(tmp_path)
    )
    assert code == 0, stderr
    written = tmp_path / f"storytrace-{GOLD_REFERENCE}.md"
    assert (
        written.read_text(encoding="utf-8")
        == _run(str(folder), "-r", _ref(folder), "--format", "md")[1]
    )


def test_a_line_break_in_a_file_name_keeps_the_text_reports_inputs_one_line_each(
    folder: Path,
) -> None:
    odd = folder / f"{COPY}.txt"
    odd.rename(folder / "copy\nof the story.txt")
    code, stdout, stderr = _run(str(folder), "-r", _ref(folder))
    assert code == 0, stderr
    inputs = stdout[stdout.index("inputs:\n") :].splitlines()[1:11]
    # Each input: its name and path on one line, its size and digest on the next.
    names, details = inputs[0::2], inputs[1::2]
    assert all(line.startswith("  ") and not line.startswith("    ") for line in names)
    assert all(line.startswith("    ") and "sha256" in line for line in details)
    assert any("copy\u2424of the story" in line for line in names)


def test_timestamp_flag(folder: Path) -> None:
    _, stdout, _ = _run(str(folder), "-r", _ref(folder), "--format", "json", "--timestamp")
    stamp = json.loads(stdout)["generated_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp)
    _, plain, _ = _run(str(folder), "-r", _ref(folder), "--format", "json")
    assert "generated_at" not in json.loads(plain)


def _annotate(folder: Path, path: Path) -> None:
    report = compare_paths(sorted(str(p) for p in folder.glob("*.txt")), reference=_ref(folder))
    c = report.comparison(COPY)
    overrides = OverrideSet()
    overrides.set_note(report, c, c.passages[0], "sidecar note")
    save_overrides(path, overrides)


def test_sidecar_loaded_automatically(folder: Path) -> None:
    _annotate(folder, folder / SIDECAR_NAME)
    _, stdout, _ = _run(str(folder), "-r", _ref(folder), "--format", "md")
    assert "sidecar note" in stdout and str(folder / SIDECAR_NAME) in stdout
    _, without, _ = _run(str(folder), "-r", _ref(folder), "--format", "md", "--no-notes")
    assert "sidecar note" not in without


def test_notes_option(folder: Path, tmp_path: Path) -> None:
    notes = tmp_path / "elsewhere.json"
    _annotate(folder, notes)
    _, stdout, _ = _run(str(folder), "-r", _ref(folder), "--format", "text", "--notes", str(notes))
    assert "sidecar note" in stdout
    code, _, stderr = _run(str(folder), "--notes", str(tmp_path / "missing.json"))
    assert code != 0 and "missing.json" in stderr


def test_corrupt_sidecar_warns_and_is_left_untouched(folder: Path) -> None:
    (folder / SIDECAR_NAME).write_text("{broken", encoding="utf-8")
    code, stdout, stderr = _run(str(folder), "-r", _ref(folder), "--format", "csv")
    assert code == 0 and stdout
    assert "warning: reviewer notes" in stderr and "cannot be used (" in stderr
    assert [p.name for p in folder.glob(SIDECAR_NAME + "*")] == [SIDECAR_NAME]
    assert (folder / SIDECAR_NAME).read_text(encoding="utf-8") == "{broken"


def test_unwritable_output(folder: Path, tmp_path: Path) -> None:
    code, _, stderr = _run(str(folder), "--format", "html", "-o", str(tmp_path / "no" / "x.html"))
    assert code != 0 and "cannot write" in stderr


def test_a_reference_in_a_subfolder_of_a_given_folder_is_compared_too(
    folder: Path, tmp_path: Path
) -> None:
    """Folders are read one level deep: a reference in a subfolder of a given folder was
    taken as already among the inputs, and the comparison stopped with 'not among the
    loaded documents'."""
    sub = folder / "sub"
    sub.mkdir()
    (sub / "mine.txt").write_text(Path(_ref(folder)).read_text(encoding="utf-8"), encoding="utf-8")
    code, stdout, stderr = _run(str(folder), "-r", str(sub / "mine.txt"), "--format", "json")
    assert code == 0, stderr
    assert json.loads(stdout)["reference"] == "mine"
