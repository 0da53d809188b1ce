"""``-o PATH`` and the export dialog write through to what PATH really is: a symlink's target,
a device or a pipe as a stream, and every write error is one line and a non-zero exit."""

from __future__ import annotations

import contextlib
import os
import select
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.core.files import write_text

from .conftest import REPO, seed_paths

SEEDS = seed_paths()[:3]


def _compare(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["compare", *SEEDS, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_symlink_stays_a_link_and_its_target_gets_the_report(tmp_path: Path) -> None:
    real = tmp_path / "archive" / "report.md"
    real.parent.mkdir()
    real.write_text("earlier report", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    code, _, stderr = _compare("--format", "md", "-o", str(link))
    assert code == 0, stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("<!-- generator: storytrace")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file's own permissions kept
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.md"]  # no temp file left


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "latest.json"
    link.symlink_to(tmp_path / "made.json")
    code, _, stderr = _compare("--format", "json", "-o", str(link))
    assert code == 0, stderr
    assert link.is_symlink() and (tmp_path / "made.json").read_text(encoding="utf-8")


def test_a_fifo_is_streamed_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    # The reader opens first, as a script piping the report elsewhere would.
    opened = threading.Event()

    def read() -> None:
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        opened.set()
        chunks = []
        # Linux reports a FIFO no writer has opened yet as not readable; once the writer has
        # written and closed it, it is readable and the read returns b"" (the end).
        while select.select([fd], [], [], 30)[0]:
            with contextlib.suppress(BlockingIOError):
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        os.close(fd)
        received.append(b"".join(chunks))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert opened.wait(5)
    code, _, stderr = _compare("--format", "csv", "-o", str(fifo))
    reader.join(10)
    assert code == 0, stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(b"\xef\xbb\xbfversion,passage,label,")


def test_a_fifo_nobody_reads_is_an_error_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, stderr = _compare("-o", str(fifo))
    assert code == 1 and stderr.count("\n") == 1
    assert stderr.startswith(f"Error: cannot write {fifo}: a named pipe no process is reading")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def _full_device(tmp_path: Path) -> Path:
    """A node of /dev/full's kind (character device 1, 7) in tmp_path; root only."""
    node = tmp_path / "full"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        os.close(os.open(node, os.O_WRONLY))
    except OSError:
        pytest.skip("cannot make or open a device node here")
    return node


def test_a_full_device_is_an_error_and_stays_a_device(tmp_path: Path) -> None:
    full = _full_device(tmp_path)
    code, _, stderr = _compare("--format", "html", "-o", str(full))
    assert code == 1 and stderr == f"Error: cannot write {full}: no space left on device\n"
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_standard_output_on_a_full_device_is_one_line(tmp_path: Path) -> None:
    full = _full_device(tmp_path)
    with open(full, "wb") as out:
        proc = subprocess.run(
            [sys.executable, "-m", "tui", "compare", *SEEDS],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            timeout=120,
        )
    assert proc.returncode == 1
    assert proc.stderr == "Error: cannot write the report: no space left on device\n"


def test_write_errors_keep_the_earlier_report(tmp_path: Path) -> None:
    earlier = tmp_path / "report.txt"
    earlier.write_text("earlier report", encoding="utf-8")
    # A directory where the file should be, and a file where a folder should be.
    code, _, stderr = _compare("-o", str(earlier / "x.txt"))
    assert code == 1 and stderr == f"Error: cannot write {earlier / 'x.txt'}: not a directory\n"
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(IsADirectoryError):
        write_text(tmp_path / "folder.txt", "text")
    # Text the encoding cannot take fails before anything is touched.
    with pytest.raises(UnicodeEncodeError):
        write_text(earlier, "caf\udce9")
    assert earlier.read_text(encoding="utf-8") == "earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.txt", "report.txt"]


def test_a_report_never_replaces_one_of_its_inputs(tmp_path: Path) -> None:
    """`-o copy.txt` while copy.txt is compared, under its own name, a relative name or a link:
    one line, a non-zero exit, and the text untouched (it would otherwise be read as a report
    and skipped by the next run)."""
    copies = []
    for seed in SEEDS[:2]:
        copy = tmp_path / Path(seed).name
        copy.write_bytes(Path(seed).read_bytes())
        copies.append(copy)
    before = copies[1].read_bytes()
    (tmp_path / "latest.txt").symlink_to(copies[1])
    runner = CliRunner()
    for out in (str(copies[1]), str(tmp_path / "." / copies[1].name), str(tmp_path / "latest.txt")):
        done = runner.invoke(main, ["compare", *map(str, copies), "-o", out])
        assert done.exit_code == 1, done.output
        assert "is one of the inputs" in done.output and "Traceback" not in done.output
        assert copies[1].read_bytes() == before
    done = runner.invoke(main, ["compare", *map(str, copies), "-o", str(tmp_path / "r.txt")])
    assert done.exit_code == 0 and (tmp_path / "r.txt").read_text(encoding="utf-8")
