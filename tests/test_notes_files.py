"""Reviewer notes and option files under hostile input: the reviewer's work is never lost, a
file that is not ours is never touched, and no option file can hang, exhaust memory or crash."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Static

from tui.app.app import StoryTraceApp
from tui.app.widgets.version_table import VersionTable
from tui.cli import main
from tui.core.engine import compare_paths
from tui.core.model import Report
from tui.core.overrides import SIDECAR_NAME, OverrideSet, load_overrides, save_overrides
from tui.report import FORMATS, render

from .conftest import GOLD_REFERENCE, REPO, seed_paths
from .test_app_support import settle

COPY = "000_dcce54c3826141f5"
NOTE = "Checked with the desk: the quote is ours"


def _report(folder: Path) -> Report:
    return compare_paths(
        sorted(str(p) for p in folder.glob("*.txt")),
        reference=str(folder / f"{GOLD_REFERENCE}.txt"),
    )


def _annotate(folder: Path) -> tuple[Report, Path]:
    """A relabel and a note on the copy's first paraphrased passage, saved beside it."""
    report = _report(folder)
    c = report.comparison(COPY)
    passage = next(p for p in c.passages if p.label == "paraphrased")
    overrides = OverrideSet()
    overrides.set_label(report, c, passage, "edited")
    overrides.set_note(report, c, passage, NOTE)
    return report, save_overrides(folder / SIDECAR_NAME, overrides)


def _compare(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["compare", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


async def test_a_hand_edited_latin1_sidecar_survives_the_next_relabel(story: Path) -> None:
    _, sidecar = _annotate(story)
    # A hand edit in a Latin-1 editor: one byte that is not UTF-8.
    edited = sidecar.read_bytes().replace(b"the desk", b"the d\xe9sk")
    sidecar.write_bytes(edited)
    app = StoryTraceApp(sorted(str(p) for p in story.glob("*.txt")))
    # Every notification, kept: on a loaded machine a shown one can time out before it is read.
    shown: list[tuple[str, str]] = []
    notify = app.notify

    def keep(message: str, *args: object, **kwargs: object) -> None:
        shown.append((message, str(kwargs.get("severity", "information"))))
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = keep  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert sidecar.read_bytes() == edited  # opening changed nothing
        report = app.report
        assert report is not None
        target = report.comparisons[0].target
        app.relabel(target, 0, "boilerplate")
        await pilot.pause()
        backup = story / (SIDECAR_NAME + ".bak")
        assert backup.read_bytes() == edited  # the reviewer's earlier work, byte for byte
        saved, problems = load_overrides(sidecar)
        assert problems == [] and [o.label for o in saved] == ["boilerplate"]
        assert any(str(backup) in message for message, _ in shown)
        warnings = [message for message, severity in shown if severity == "warning"]
        assert any("not UTF-8: byte 0xe9" in w for w in warnings)


@pytest.mark.parametrize(
    "content",
    [
        b'{"name": "my-package", "version": "1.0.0"}',
        b'{"schema": "storytrace/2", "documents": []}',
        b"[1, 2, 3]",
        b"[" * 200_000,
    ],
    ids=["package-json", "a-storytrace-report", "a-list", "nested-200000"],
)
def test_notes_option_on_a_file_that_is_not_notes_leaves_it_alone(
    story: Path, tmp_path: Path, content: bytes
) -> None:
    other = tmp_path / "data.json"
    other.write_bytes(content)
    code, stdout, stderr = _compare(str(story), "--notes", str(other))
    assert code == 1 and stdout == "" and stderr.count("\n") == 1
    assert stderr.startswith(f"Error: cannot use --notes {other} (")
    assert stderr.endswith("; the file is left untouched\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json", "story"]
    assert other.read_bytes() == content


def test_a_nested_sidecar_is_a_warning_and_the_report_is_made(story: Path) -> None:
    (story / SIDECAR_NAME).write_bytes(b"[" * 200_000)
    code, stdout, stderr = _compare(str(story), "--format", "md")
    assert code == 0 and stdout.startswith("<!-- generator: storytrace")
    assert "nested too deeply" in stderr and stderr.count("\n") == 1


def test_one_entry_with_an_unknown_label_keeps_the_rest_and_itself(story: Path) -> None:
    report, sidecar = _annotate(story)
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    [(target, entries)] = data["documents"].items()
    bad = {"label": "stolen\x1b[31m", "note": "typo in the label", "original_label": "edited"}
    entries["k\x1b]0;owned\x07ey"] = bad
    sidecar.write_text(json.dumps(data), encoding="utf-8")
    code, stdout, stderr = _compare(str(story), "-r", GOLD_REFERENCE, "--format", "text")
    assert code == 0 and NOTE in stdout  # the good note is in the report
    [warning] = stderr.splitlines()
    assert "\x1b" not in warning and "\x07" not in warning
    assert "unknown label stolen␛[31m" in warning and "kept in the file as it is" in warning
    # Saving again keeps the bad entry exactly as it was, for the reviewer to fix.
    overrides, _ = load_overrides(sidecar)
    c = report.comparison(COPY)
    overrides.set_note(report, c, c.passages[0], "another note")
    save_overrides(sidecar, overrides)
    saved = json.loads(sidecar.read_text(encoding="utf-8"))["documents"][target]
    assert saved["k\x1b]0;owned\x07ey"] == bad and len(saved) == 3


def test_warnings_about_notes_escape_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "story\x1b[2J\u202e"
    folder.mkdir()
    for p in seed_paths()[:3]:
        shutil.copy(p, folder)
    (folder / SIDECAR_NAME).write_text("{broken", encoding="utf-8")
    code, _, stderr = _compare(str(folder))
    assert code == 0
    assert "story␛[2J<U+202E>" in stderr and "\x1b" not in stderr and "\u202e" not in stderr


def test_a_fifo_sidecar_does_not_hang(story: Path) -> None:
    fifo = story / SIDECAR_NAME
    os.mkfifo(fifo)
    outcome: list[tuple[OverrideSet, list[str]]] = []
    reader = threading.Thread(target=lambda: outcome.append(load_overrides(fifo)), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock the stuck reader before failing
        os.close(os.open(fifo, os.O_WRONLY))
        pytest.fail("reading a FIFO sidecar blocked")
    [(overrides, warnings)] = outcome
    assert overrides.problem == "not a regular file" and len(warnings) == 1
    with pytest.raises(OSError, match="not a regular file"):
        save_overrides(fifo, overrides)


def _limited() -> None:
    """At most 3 GB of address space: reading /dev/zero fails fast instead of eating the
    machine's memory."""
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


@pytest.mark.parametrize(
    ("option", "error"),
    [
        ("--notes", "Error: cannot use --notes /dev/zero (not a regular file); the file is"),
        ("--lexicon", "Error: /dev/zero: cannot read lexicon (not a regular file)"),
    ],
)
def test_dev_zero_as_an_option_file_is_refused_without_reading_it(option: str, error: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "compare", *seed_paths()[:2], option, "/dev/zero"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        preexec_fn=_limited,
    )
    assert proc.returncode == 1 and proc.stderr.startswith(error)
    assert proc.stderr.count("\n") == 1


def test_lexicon_counts_that_are_not_plain_numbers(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text(
        "tortured\texpected\tcount\nin collaboration\talong\t\u00b2\n"
        f"nuclear\tatomic\t{'9' * 5000}\n",
        encoding="utf-8",
    )
    code, stdout, stderr = _compare(*seed_paths(), "--lexicon", str(lexicon), "--format", "json")
    assert code == 0, stderr
    # Both swaps the seeds make are marked as known: the lines with odd counts were used.
    known = {(e["from"], e["to"]) for e in json.loads(stdout)["substitution_lexicon"] if e["known"]}
    assert known == {("along", "in collaboration"), ("atomic", "nuclear")}


@pytest.mark.parametrize("limit", ["1000000000000", "9223372036854775807"])
def test_huge_max_bytes_means_no_practical_limit(limit: str) -> None:
    code, stdout, stderr = _compare(*seed_paths(), "--max-bytes", limit, "--format", "json")
    assert code == 0, stderr
    assert len(json.loads(stdout)["documents"]) == len(seed_paths())


def test_a_note_on_a_changed_text_is_stale_everywhere_not_applied(story: Path) -> None:
    _annotate(story)
    copy = story / f"{COPY}.txt"
    # The copy is edited after the note was made: one word of its first paragraph.
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("victorious", "triumphant", 1), encoding="utf-8")
    report = _report(story)
    overrides, _ = load_overrides(story / SIDECAR_NAME)
    assert overrides.matched(report) == []  # never applied to the new text
    [stale] = overrides.stale(report)
    assert stale.version == COPY and "victorious" in stale.override.excerpt
    for fmt in FORMATS:
        out = render(report, fmt, overrides=overrides)
        assert "stale" in out.lower() and NOTE in out and "changed since the note" in out, fmt
    data = json.loads(render(report, "json", overrides=overrides))
    assert data["overrides"] == [] and data["overrides_stale"][0]["note"] == NOTE


async def test_the_app_lists_stale_notes_with_their_text(story: Path) -> None:
    _annotate(story)
    copy = story / f"{COPY}.txt"
    copy.write_text(
        copy.read_text(encoding="utf-8").replace("victorious", "triumphant", 1), encoding="utf-8"
    )
    app = StoryTraceApp(sorted(str(p) for p in story.glob("*.txt")), reference=GOLD_REFERENCE)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        told = [n.message for n in app._notifications if "STALE" in (n.title or "")]
        assert told and "text of the version changed since the note" in told[0]
        app.screen.query_one(VersionTable).select_id(COPY)
        await pilot.pause()
        panel = str(app.screen.query_one("#overview-regions", Static).render())
        assert "STALE reviewer notes" in panel and NOTE in panel and "victorious" in panel


async def test_notes_made_stale_by_another_reference_say_so(story: Path) -> None:
    """After r, the pop-up said the notes' text had changed; no text had, the reference
    had, as the overview's list says."""
    _annotate(story)
    app = StoryTraceApp(sorted(str(p) for p in story.glob("*.txt")), reference=GOLD_REFERENCE)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        assert not any("STALE" in (n.title or "") for n in app._notifications)
        app.make_reference(next(d.id for d in app.report.documents if d.id.startswith("002")))
        await settle(pilot)
        told = [n.message for n in app._notifications if "STALE" in (n.title or "")]
        assert told and "passage no longer found (the reference" in told[-1]
        assert "text of the version changed" not in told[-1]


@pytest.mark.parametrize(
    ("files", "args", "error"),
    [
        # Each mistake named with its reason, in the words the other option files use.
        (
            {"d.txt": b"\xff\xfe bad"},
            ["--dates", "d.txt"],
            "d.txt: cannot read dates (not UTF-8 at byte 0)",
        ),
        ({"d.txt": b"\n# nothing\n"}, ["--dates", "d.txt"], "d.txt: no dates in it"),
        (
            {"l.tsv": b"herculean\tpowerful\nsturdy strong\n"},
            ["--lexicon", "l.tsv"],
            "l.tsv:2: expected 'spun<TAB>plain",
        ),
        ({"e.txt": b""}, ["--reference", "e.txt"], "(e.txt: empty file, skipped)"),
        ({}, ["--reference", "gone.txt"], "(gone.txt: no such file or directory)"),
    ],
)
def test_a_bad_option_file_or_reference_says_why(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, bytes],
    args: list[str],
    error: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    code, _, stderr = _compare(*seed_paths()[:2], *args)
    assert code == 1 and error in stderr and stderr.count("\n") == 1


def test_the_same_file_twice_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(seed_paths()[0]).parent)
    name = Path(seed_paths()[0]).name
    code, _, stderr = _compare(name, f"./{name}")
    assert code == 1 and f"got 1: every path names the same file ({name})" in stderr
