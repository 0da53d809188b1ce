"""The HTML report opened in a real headless browser (Debian's chromium); skipped without one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tui.core.model import Report
from tui.report import write_report
from tui.report.examples import CHROMIUM_FLAGS, chromium

BROWSER = chromium()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium is not installed")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    return subprocess.run(
        [BROWSER, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_renders_dom_and_screenshot(seeds_report: Report, tmp_path: Path) -> None:
    html = write_report(seeds_report, "html", tmp_path / "report.html")
    dom = _run(tmp_path, "--dump-dom", html.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert '<section class="version"' in dom.stdout
    assert "[E] edited" in dom.stdout and "<del>atomic</del>" in dom.stdout
    png = tmp_path / "page.png"
    shot = _run(tmp_path, f"--screenshot={png}", "--window-size=1240,1754", html.as_uri())
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_prints_to_a4_pdf(seeds_report: Report, tmp_path: Path) -> None:
    html = write_report(seeds_report, "html", tmp_path / "report.html")
    pdf = tmp_path / "report.pdf"
    run = _run(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # A4 is 595 x 842 points (Chromium writes 594.96 x 841.92); each version starts a page.
    boxes = {
        (round(float(w)), round(float(h)))
        for w, h in re.findall(rb"/MediaBox ?\[0 0 ([\d.]+) ([\d.]+)\]", data)
    }
    assert boxes == {(595, 842)}
    pages = len(re.findall(rb"/Type ?/Page\b(?!s)", data))
    assert pages > len(seeds_report.comparisons)
