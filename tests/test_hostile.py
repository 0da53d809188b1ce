"""Hostile and broken input (issue 7): every bad file gives one clean line, every good one loads.

Each case is checked twice: in the engine (``load_documents`` / ``compare_paths``) and through
the command line as a user runs it (a subprocess, so a hang or a crash cannot take the test run
with it; the network is switched off inside it). A bad file must give exactly one printable
``warning:`` line naming it, never a traceback, and never cost the other documents.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tui import cli
from tui.core import engine
from tui.core.engine import CompareError, compare_paths
from tui.core.escaping import escape_line
from tui.core.loading import load_document, load_documents
from tui.core.segment import MAX_SENTENCE_CHARS, segment
from tui.report import FORMATS, render

from .conftest import REPO, SEEDS

SEED_A = SEEDS / "000_dcce54c3826141f5.txt"
SEED_B = SEEDS / "003_bdfd22743b811459.txt"
SEED_C = SEEDS / "001_31fc123e83c1cc46.txt"

# Runs the real CLI (``python -m tui``) with every way out to the network closed: any attempt
# is reported on stderr (in case a library swallows the error) and fails.
CLI = """
import socket, sys

def _no_network(*args, **kwargs):
    sys.stderr.write("NETWORK USED\\n")
    raise OSError("network disabled in this test")

socket.socket.connect = socket.socket.connect_ex = _no_network
socket.create_connection = socket.getaddrinfo = _no_network
import runpy
runpy.run_module("tui", run_name="__main__")
"""

HOSTILE_TEXT = (
    "[bold red]Breaking[/] news \x1b[31mred alert\x1b[0m \x1b[2J from [link=http://x]here[/link].\n\n"
    "Click \x1b]8;;http://x\x1b\\the link\x1b]8;;\x1b\\ and \x9b31m C1 CSI, a lone\rreturn, "
    "a bell\x07 and a NUL\x00 in the text.\n\n"
    "The \u202eevil\u202c override, zero\u200bwidth\u200d joiners\ufeff, cafe\u0301 "
    "n\u0303o\u0308\u0332 and emoji \U0001f600\U0001f44d\U0001f3fd.\n\n"
    "Hebrew \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd and Arabic "
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 in one line\u2028"
    "with a line separator.\n\n"
)


def bounded(fn: Callable[[], Any], seconds: float) -> Any:
    """``fn()``, failing (not hanging) if it takes longer than ``seconds``."""
    outcome: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            outcome.append((True, fn()))
        except BaseException as err:  # re-raised in the test's thread
            outcome.append((False, err))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


def run_cli(*args: str | Path, timeout: float = 60) -> tuple[int, str, str]:
    """``storytrace compare ARGS``: exit code, stdout and stderr, both strict UTF-8."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "100"}
    proc = subprocess.run(
        [sys.executable, "-c", CLI, "compare", *map(os.fspath, args)],
        capture_output=True,
        timeout=timeout,
        env=env,
        cwd=REPO,
        check=False,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def cli_warnings(stderr: str) -> list[str]:
    """The ``warning:`` lines, after checking stderr is clean: no traceback, no network use,
    and nothing a terminal would act on (escapes, bidi controls, stray line breaks)."""
    assert "Traceback" not in stderr and "NETWORK USED" not in stderr, stderr
    lines = stderr.split("\n")
    for line in lines:
        assert line.isprintable(), repr(line)
    return [line for line in lines if line.startswith("warning: ")]


def json_ids(stdout: str) -> list[str]:
    return [d["id"] for d in json.loads(stdout)["documents"]]


def write(path: Path | bytes, data: bytes | str) -> Path:
    """Write ``data`` (str as UTF-8); a bytes path may name a file the file system can't
    show as text."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)
    return Path(os.fsdecode(path))


def sparse(path: Path, size: int) -> Path:
    """A file of ``size`` NUL bytes that takes no time or disk to make."""
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path


def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("storytrace tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# --- a folder of bad files among good ones ---------------------------------------------------

SEED_TEXT = SEED_A.read_text(encoding="utf-8")
ARTICLE = "".join(f"<p>{line}</p>\n" for line in SEED_TEXT.splitlines() if line.strip())
HTML_PAGE = (
    '<!doctype html><html><head><script src="http://evil.invalid/x.js"></script>'
    "<script>document.write('INJECTED')</script>"
    '<meta http-equiv="refresh" content="0;url=http://evil.invalid/">'
    '<link rel="stylesheet" href="http://evil.invalid/s.css"><base href="http://evil.invalid/">'
    '</head><body><iframe src="http://evil.invalid/frame"></iframe><article>'
    f"{ARTICLE}"
    '<img src="http://evil.invalid/p.png" onerror="alert(1)">'
    "<iframe srcdoc=\"<p>FRAMED</p>\"></iframe></article><script>alert('INJECTED')</script>"
    "</body></html>"
)
EMPTY_PAGE = (
    "<!doctype html><html><head><script>var x = 'INJECTED';</script></head>"
    "<body><iframe src='http://evil.invalid/'></iframe></body></html>"
)
CUT_UTF8 = ("Café society: " + SEED_TEXT).encode("utf-8") + "é".encode()[:1]
NUL_LADEN = b"".join(SEED_TEXT.encode()[i : i + 40] + b"\x00" for i in range(0, 4000, 40))
FEW_NULS = SEED_B.read_bytes().replace(b". ", b".\x00 ", 3)
ESCAPE_NAME = "evil\n\x1b[2J\u202e\r.txt"

# name -> reason (regex) for files a folder scan must skip with one warning each, in name order.
BAD = {
    "blob.txt": r"binary file \(ELF executable\)",
    "cut.txt": r"truncated UTF-8 \(file ends mid-character at byte [\d,]+\)",
    "dangling.txt": r"broken symlink",
    "empty.txt": r"empty file",
    ESCAPE_NAME: r"empty file",
    "loop.txt": r"too many levels of symbolic links",
    "noise.txt": r"binary file",
    "nuls.txt": r"binary file \(NUL bytes\)",
    "pipe.txt": r"not a regular file",
    "shell.htm": r"no article text found in HTML",
}
# Files that must load, by id (a stem with undecodable bytes is shown as \xNN).
GOOD = ["000_dcce54c3826141f5", "caf<0xE9>", "few_nuls", "hostile", "page", "utf16"]


def make_folder(root: Path) -> Path:
    d = root / "versions"
    d.mkdir()
    shutil.copy(SEED_A, d)
    write(d / "blob.txt", b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    write(d / "cut.txt", CUT_UTF8)
    os.symlink("nowhere.txt", d / "dangling.txt")
    write(d / "empty.txt", b"")
    write(d / ESCAPE_NAME, b"")
    os.symlink("loop.txt", d / "loop.txt")
    write(d / "noise.txt", bytes((i * 7919) % 251 for i in range(5000)))
    write(d / "nuls.txt", NUL_LADEN)
    os.mkfifo(d / "pipe.txt")  # opening it would block until someone writes
    write(d / "shell.htm", EMPTY_PAGE)
    (d / "folder.txt").mkdir()  # a directory with a text suffix is passed over quietly
    write(os.fsencode(d) + b"/caf\xe9.txt", SEED_C.read_bytes())  # a Latin-1 file name
    write(d / "few_nuls.txt", FEW_NULS)
    write(d / "hostile.txt", HOSTILE_TEXT + SEED_TEXT)
    write(d / "page.html", HTML_PAGE)
    write(d / "utf16.txt", SEED_B.read_text(encoding="utf-8").encode("utf-16-le"))
    return d


def assert_bad_warnings(warnings: list[str], folder: Path) -> None:
    assert len(warnings) == len(BAD), warnings
    for warning, (name, reason) in zip(warnings, BAD.items(), strict=True):
        assert warning.isprintable(), repr(warning)
        assert escape_line(str(folder / name)) in warning
        assert re.search(reason, warning), warning


def test_folder_of_bad_files_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_network(monkeypatch)
    folder = make_folder(tmp_path)
    result = bounded(lambda: load_documents([str(folder)]), 20)
    assert sorted(d.id for d in result.documents) == GOOD
    assert_bad_warnings(result.warnings, folder)
    assert (
        "evil\u2424\u241b[2J<U+202E>\u240d.txt: empty file" in result.warnings[4]
    )  # shown, not lost
    docs = {d.id: d for d in result.documents}
    # Good files keep their text literally (HTML aside, where the article is extracted).
    assert docs["hostile"].text == HOSTILE_TEXT + SEED_TEXT
    assert docs["few_nuls"].text.count("\x00") == 3
    assert docs["utf16"].encoding == "utf-16-le"
    assert docs["utf16"].text == SEED_B.read_text(encoding="utf-8")
    assert docs["caf<0xE9>"].path.endswith("caf<0xE9>.txt")
    page = docs["page"]
    assert page.source_format == "html"
    assert SEED_TEXT.splitlines()[2] in page.text
    assert "INJECTED" not in page.text and "FRAMED" not in page.text


def test_folder_of_bad_files_cli(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    code, out, err = run_cli(folder, "--format", "json")
    assert code == 0, err
    warned = [w.removeprefix("warning: ") for w in cli_warnings(err)]
    # Files skipped, then what the good ones' text may hide: the BOM-less UTF-16 file's guessed
    # encoding, the hostile file's bidi and zero-width characters.
    assert_bad_warnings(warned[: len(BAD)], folder)
    assert [Path(w.split(": ")[0]).name for w in warned[len(BAD) :]] == ["hostile.txt", "utf16.txt"]
    assert sorted(json_ids(out)) == GOOD
    assert json.loads(out)["warnings"] == [w.removeprefix("warning: ") for w in cli_warnings(err)]


@pytest.mark.parametrize("name", list(BAD))
def test_each_bad_file_named_directly_is_one_clean_warning(tmp_path: Path, name: str) -> None:
    folder = make_folder(tmp_path)
    given = [str(folder / name), str(SEED_A), str(SEED_B), str(folder / name)]
    result = bounded(lambda: load_documents(given), 10)
    assert [d.id for d in result.documents] == [SEED_A.stem, SEED_B.stem]
    assert len(result.warnings) == 1  # named twice, warned once
    assert result.warnings[0].isprintable()
    assert re.search(BAD[name], result.warnings[0])


def test_paths_that_are_not_files(tmp_path: Path) -> None:
    folder = tmp_path / "stories.txt"
    folder.mkdir()
    given = [
        str(folder / "."),  # a directory where a file is expected: scanned, no text in it
        f"{SEED_A}/",  # a file named as if it were a directory
        "/dev/zero",  # a device: reading it would never end
        str(tmp_path / "missing.txt"),
        str(SEED_A),
        str(SEED_B),
    ]
    result = bounded(lambda: load_documents(given), 10)
    assert [d.id for d in result.documents] == [SEED_A.stem, SEED_B.stem]
    reasons = ["no text files", "not a directory", "not a regular file", "no such file"]
    assert len(result.warnings) == len(reasons)
    for warning, reason in zip(result.warnings, reasons, strict=True):
        assert reason in warning and warning.isprintable()
    with pytest.raises(Exception, match="is a directory"):
        load_document(folder)
    code, out, err = run_cli(*given, "--format", "json")
    assert code == 0, err
    assert len(cli_warnings(err)) == len(reasons)
    assert json_ids(out) == [SEED_A.stem, SEED_B.stem]
    # A folder given as the reference is refused in one line, not half-used.
    code, out, err = run_cli(SEED_A, SEED_B, "--reference", folder, "--format", "json")
    assert code == 1 and out == ""
    assert err.startswith("Error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_only_bad_files_is_a_one_line_error(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    with pytest.raises(CompareError, match="need at least two readable documents, got 0"):
        bounded(lambda: compare_paths([str(folder / "blob.txt"), str(folder / "pipe.txt")]), 10)
    code, out, err = run_cli(folder / "blob.txt", folder / "pipe.txt", folder / ESCAPE_NAME)
    assert code == 1 and out == ""
    assert "Traceback" not in err and err.count("\n") == 1
    assert err.startswith("Error: need at least two readable documents, got 0: ")
    assert err.rstrip("\n").isprintable()
    # Every bad file is named, not only the first.
    assert "blob.txt" in err and "pipe.txt" in err


# --- hostile file names ------------------------------------------------------------------------


def test_hostile_file_names_stay_on_one_line(tmp_path: Path) -> None:
    bad = [
        "two\nlines.txt",
        "clear\x1b[2J\x1b[H.txt",
        "link\x1b]8;;http:x\x1b\\.txt",
        "back\rspace\x08.txt",
        "\u202etxt.exe",
        "zero\u200bwidth\u2028sep.txt",
    ]
    for name in bad:
        write(tmp_path / name, b"\x00" * 64)
    names = [str(tmp_path / n) for n in bad]
    result = load_documents([*names, str(SEED_A), str(SEED_B)])
    assert len(result.warnings) == len(bad)
    for warning, name in zip(result.warnings, names, strict=True):
        assert warning.isprintable(), repr(warning)
        assert warning.startswith(escape_line(name) + ": binary file")
    code, out, err = run_cli(*names, SEED_A, SEED_B, "--format", "json")
    assert code == 0, err
    assert [w.removeprefix("warning: ") for w in cli_warnings(err)] == result.warnings
    assert "\u241b[2J\u241b[H" in err and "<U+202E>" in err and "two\u2424lines" in err
    assert json_ids(out) == [SEED_A.stem, SEED_B.stem]


def test_undecodable_file_name_reports_in_every_format(tmp_path: Path) -> None:
    """``caf\\xe9.txt`` (Latin-1 bytes) decodes to a lone surrogate, which no UTF-8 writer
    accepts: the id and path show the byte as ``<0xE9>`` instead of crashing the report."""
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    write(raw, SEED_C.read_bytes())
    name = os.fsdecode(raw)
    report = compare_paths([name, str(SEED_A)])
    doc = report.document("caf<0xE9>")
    assert doc.path == str(tmp_path / "caf<0xE9>.txt")
    for fmt in FORMATS:
        render(report, fmt).encode("utf-8")  # strict: no surrogate survives
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run_cli(name, SEED_A, "--format", "html", "-o", out_dir)
    assert code == 0, err
    written = next(out_dir.iterdir()).read_text(encoding="utf-8")
    assert "caf&lt;0xE9&gt;" in written  # <0xE9>, HTML-escaped


def test_text_report_keeps_escapes_off_the_terminal(tmp_path: Path) -> None:
    shutil.copy(SEED_A, tmp_path / "copy\x1b[2J\u202e.txt")
    shutil.copy(SEED_C, tmp_path / "original.txt")
    # What `storytrace compare` writes to stdout (rendered in-process: the CLI adds nothing).
    out = render(compare_paths([str(tmp_path)]), "text")
    for line in out.split("\n"):
        assert line.isprintable(), repr(line)


# --- size: 50 MB, one 2 MB line, 10,000 paragraphs ----------------------------------------------


def test_50_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = sparse(tmp_path / "big.txt", 50_000_000)
    start = time.perf_counter()
    result = load_documents([str(big), str(SEED_A), str(SEED_B)])
    assert time.perf_counter() - start < 2
    assert [d.id for d in result.documents] == [SEED_A.stem, SEED_B.stem]
    assert result.warnings == [
        f"{big}: file is 50,000,000 bytes, over the 20,000,000-byte limit; "
        "raise it with --max-bytes, skipped"
    ]
    # With the limit raised it is read, and refused for what it is.
    result = bounded(lambda: load_documents([str(big)], max_bytes=60_000_000), 10)
    assert result.warnings == [f"{big}: binary file (NUL bytes), skipped"]


def test_50_mb_file_cli(tmp_path: Path) -> None:
    big = sparse(tmp_path / "big.txt", 50_000_000)
    code, out, err = run_cli(big, SEED_A, SEED_B, "--format", "json", timeout=30)
    assert code == 0, err
    (warning,) = cli_warnings(err)
    assert "over the 20,000,000-byte limit" in warning and "--max-bytes" in warning
    assert json_ids(out) == [SEED_A.stem, SEED_B.stem]
    code, out, err = run_cli(big, SEED_A, SEED_B, "--format", "json", "--max-bytes", "60000000")
    assert code == 0, err
    (warning,) = cli_warnings(err)
    assert warning == f"warning: {big}: binary file (NUL bytes), skipped"
    assert json_ids(out) == [SEED_A.stem, SEED_B.stem]


def words_line(size: int) -> str:
    """One line of ``size`` characters of seed words with no sentence ends in it: a single
    "sentence", the worst case for the order-aware similarity (quadratic in length)."""
    words = [w for w in SEED_TEXT.split() if w.isalpha()]
    line = " ".join(words[(i * 7) % len(words)] for i in range(size // 4))
    return line[:size]


def test_2_mb_line_without_newline(tmp_path: Path) -> None:
    path = write(tmp_path / "line.txt", words_line(2_000_000))
    doc = bounded(lambda: segment(load_document(path)), 10)
    assert len(doc.paragraphs) == 1
    sentences = [doc.sentence_text(i) for i in range(len(doc.sentences))]
    longest = max(len("".join(s.split())) for s in sentences)
    assert longest <= MAX_SENTENCE_CHARS  # non-space characters
    assert len(doc.sentences) >= 1_600_000 // MAX_SENTENCE_CHARS  # ~1.6 M non-space chars
    # Sentences still tile the text in order, so evidence offsets stay exact.
    assert all(a.end <= b.start for a, b in zip(doc.sentences, doc.sentences[1:], strict=False))
    assert doc.text[doc.sentences[0].start : doc.sentences[-1].end] == doc.text.strip()
    report = bounded(lambda: compare_paths([str(path), str(SEED_A)]), 60)
    assert len(report.comparisons) == 1


def test_10000_tiny_paragraphs(tmp_path: Path) -> None:
    text = "\n\n".join(f"Item {i} is ok." for i in range(10_000)) + "\n"
    path = write(tmp_path / "many.txt", text)
    doc = bounded(lambda: segment(load_document(path)), 10)
    assert len(doc.paragraphs) == 10_000
    report = bounded(lambda: compare_paths([str(path), str(SEED_A)]), 60)
    assert len(report.comparisons) == 1


def test_one_sentence_repeated_5000_times(tmp_path: Path) -> None:
    """Every repeat of a sentence is a candidate for every other: this pair used to run for
    minutes. Each repeat now pairs with the repeat at its own place, one to one."""
    text = "The council approved the budget on Tuesday.\n\n" * 5000
    a, b = write(tmp_path / "a.txt", text), write(tmp_path / "b.txt", text)
    report = bounded(lambda: compare_paths([str(a), str(b)], reference=str(a)), 60)
    got = [
        (p.label, p.source_sentences, p.target_sentences) for p in report.comparisons[0].passages
    ]
    assert got == [("verbatim", (i,), (i,)) for i in range(5000)]


def test_story_repeated_30_times_aligns_copy_with_copy(tmp_path: Path) -> None:
    """A reference and a rewrite of it, each pasted 30 times: every passage links sentences of
    the same repeat, and every repeat gets the same labels (nothing drifts to the first)."""
    ref, copy = (SEEDS / "001_31fc123e83c1cc46.txt", SEED_A)
    blocks = [p.read_text(encoding="utf-8") + "\n\n" for p in (ref, copy)]
    a = write(tmp_path / "a.txt", blocks[0] * 30)
    b = write(tmp_path / "b.txt", blocks[1] * 30)
    report = bounded(lambda: compare_paths([str(a), str(b)], reference=str(a)), 60)
    src, tgt = report.documents

    def repeat(doc: Any, sentences: tuple[int, ...], block: str) -> set[int]:
        return {doc.sentences[i].start // len(block) for i in sentences}

    labels: dict[int, list[str]] = {}
    for p in report.comparisons[0].passages:
        where = repeat(src, p.source_sentences, blocks[0]) | repeat(
            tgt, p.target_sentences, blocks[1]
        )
        assert len(where) == 1, f"{p.label} passage spans repeats {sorted(where)}"
        # Unused reference text is furniture past the first "You May Also Like" in the second
        # half of the page (the rest of a page after it is a list of other stories): a story
        # pasted 30 times trips that rule in its later repeats. What must not drift is the
        # alignment, so the reference's text the copy lacks reads as omitted in every repeat.
        lacks = p.label == "boilerplate" and not p.target_sentences
        labels.setdefault(where.pop(), []).append("omitted" if lacks else p.label)
    assert len(labels) == 30
    assert all(seq == labels[0] for seq in labels.values())
    assert "omitted" in labels[0] and "edited" in labels[0]


def test_big_inputs_cli(tmp_path: Path) -> None:
    line = write(tmp_path / "line.txt", words_line(2_000_000))
    many = write(tmp_path / "many.txt", "\n\n".join(f"Item {i} is ok." for i in range(10_000)))
    code, out, err = run_cli(line, many, "--format", "json", timeout=120)
    assert code == 0, err
    assert cli_warnings(err) == []
    data = json.loads(out)
    assert [d["id"] for d in data["documents"]] == ["line", "many"]
    assert len(data["comparisons"]) == 1
    assert max(len(d["sentences"]) for d in data["documents"]) == 10_000


def test_cap_cuts_long_runs_at_clauses_and_spaces() -> None:
    from tui.core.segment import _cap

    def nonspace(piece: str) -> int:
        return len("".join(piece.split()))

    text = ("word " * 150 + "clause, ") * 20 + "end"
    pieces = [text[a:b] for a, b in _cap(text, 0, len(text), limit=1000)]
    assert all(0 < nonspace(p) <= 1000 for p in pieces)
    assert all(p.endswith("clause,") for p in pieces[:-1])  # cut at a clause break
    assert all(p == p.strip() for p in pieces)
    assert " ".join(pieces) == text
    # Counted without spacing: doubling every space moves no cut.
    spaced = text.replace(" ", "  ")
    assert [spaced[a:b].split() for a, b in _cap(spaced, 0, len(spaced), limit=1000)] == [
        p.split() for p in pieces
    ]
    solid = "x\u0301" * 1500  # no spaces: cut at the limit, never between a letter and its mark
    spans = _cap(solid, 0, len(solid), limit=1000)
    assert [b - a for a, b in spans] == [1000, 1000, 1000]
    assert all(solid[a] == "x" for a, _ in spans)


def test_nul_in_a_paragraph_keeps_its_sentences() -> None:
    """blingfire hands a NUL back as a space; the sentences around it must still be found."""
    text = "The vote was held today. The mayor said it was\x00 fair. Everyone went home."
    assert len(segment_text(text)) == 3


def segment_text(text: str) -> list[str]:
    from tui.core.model import Document

    doc = segment(Document("x", "x", "", "utf-8", text, len(text)))
    return [doc.sentence_text(i) for i in range(len(doc.sentences))]


# --- 1,000 documents -----------------------------------------------------------------------------


def thousand(root: Path) -> Path:
    d = root / "thousand"
    d.mkdir()
    for i in range(1000):
        write(d / f"v{i:04d}.txt", f"Version {i}\nThe council met on day {i} and voted.\n")
    return d


def test_folder_of_1000_files_loads_quickly(tmp_path: Path) -> None:
    d = thousand(tmp_path)
    result = bounded(lambda: load_documents([str(d)]), 20)
    assert len(result.documents) == 1000 and result.warnings == []
    assert result.documents[0].id == "v0000" and result.documents[-1].id == "v0999"


class _Started(Exception):
    pass


def _refuse_to_start(fraction: float, what: str) -> None:
    raise _Started(f"compare() started on 1,000 documents ({what}); that takes hours")


def test_comparing_1000_documents_is_refused_in_one_line(tmp_path: Path) -> None:
    d = thousand(tmp_path)
    with pytest.raises(CompareError) as info:
        bounded(lambda: compare_paths([str(d)], progress=_refuse_to_start), 30)
    message = str(info.value)
    assert "\n" not in message and ("1,000" in message or "1000" in message)


def test_comparing_1000_documents_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = thousand(tmp_path)
    real = engine.compare_paths

    def guarded(*args: Any, **kwargs: Any) -> Any:
        return real(*args, progress=_refuse_to_start, **kwargs)

    # The command imports the engine when it runs, so the guard goes on the engine module.
    monkeypatch.setattr(engine, "compare_paths", guarded)
    result = CliRunner().invoke(cli.main, ["compare", str(d), "--format", "json"])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


# --- reports on hostile text -------------------------------------------------------------------


def test_reports_render_hostile_text(tmp_path: Path) -> None:
    """Controls, NULs, bidi marks and a 100 kB line in compared text: every format renders."""
    hostile = write(
        tmp_path / "hostile.txt",
        HOSTILE_TEXT + SEED_TEXT.replace(". ", ".\x00 ", 2) + "\n\n" + words_line(100_000),
    )
    copy = write(
        tmp_path / "copy.txt",
        SEED_TEXT.replace("the", "\x1b[1mthe\x1b[0m", 4) + "\n\n" + HOSTILE_TEXT[:200],
    )
    report = compare_paths([str(hostile), str(copy)])
    for fmt in FORMATS:
        rendered = render(report, fmt)
        rendered.encode("utf-8")
        if fmt == "json":
            assert "[bold red]Breaking[/]" in json.dumps(json.loads(rendered), ensure_ascii=False)
        if fmt == "text":
            # Document text never reaches the terminal report; ids and swaps are shown safely.
            for line in rendered.split("\n"):
                assert line.isprintable(), repr(line)
    procs = {
        fmt: subprocess.Popen(
            [sys.executable, "-c", CLI, "compare", str(hostile), str(copy), "--format", fmt],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            cwd=REPO,
        )
        for fmt in ("html", "md", "csv")
    }
    for fmt, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, (fmt, err.decode())
        # Only the banner naming the bidi and zero-width characters in each file, one clean line
        # each.
        warned = cli_warnings(err.decode())
        assert sorted(Path(w.split(": ")[1]).name for w in warned) == ["copy.txt", "hostile.txt"]
        assert all("hidden or look-alike characters" in w for w in warned), (fmt, warned)
        assert out.decode("utf-8").strip(), fmt


@pytest.mark.parametrize(
    "text",
    ["Yes.", "The council voted to close the library.", "Budget cuts.\n\nThe council voted."],
)
def test_identical_text_is_verbatim_at_any_length(tmp_path: Path, text: str) -> None:
    """Two byte-identical documents of a sentence or two were called independent (every
    short sentence needed a neighbour to vouch for it)."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = compare_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], reference="a")
    c = report.comparisons[0]
    assert c.verdict == "wholly-derived" and c.coverage["target_derived"] == 1.0
    assert {p.label for p in c.passages} == {"verbatim"}


def test_a_short_sentence_inside_a_longer_text_is_still_chance(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Yes.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The council voted to close it. Yes.", encoding="utf-8")
    report = compare_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], reference="a")
    assert report.comparisons[0].verdict == "independent"
