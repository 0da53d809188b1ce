"""Hidden and look-alike characters are found, named with their offsets, and put first in
every report and on the app's overview; text that merely uses other scripts is not."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tui.app.app import StoryTraceApp
from tui.core.disguise import disguise_warning, find_disguises
from tui.core.engine import compare_paths
from tui.core.model import BANNER_TITLE, Report
from tui.report import render

from .conftest import SEEDS
from .test_app_support import screen_text, settle

SEED = (SEEDS / "000_dcce54c3826141f5.txt").read_text(encoding="utf-8")
COPY = (SEEDS / "001_31fc123e83c1cc46.txt").read_text(encoding="utf-8")
CYRILLIC_I = "\u0456"  # looks exactly like a Latin i


def test_bidi_zero_width_and_look_alike_letters_are_found_where_they_are() -> None:
    text = "Bidi \u202eevil\u202c, ze\u200bro width, and M" + CYRILLIC_I + "crosoft said."
    found = [(f.kind, f.offset, f.char) for f in find_disguises(text)]
    assert found == [
        ("bidi control", 5, "\u202e"),
        ("bidi control", 10, "\u202c"),
        ("zero-width character", 15, "\u200b"),
        ("look-alike letter", 31, CYRILLIC_I),
    ]
    warning = disguise_warning("copy.txt", text)
    assert warning == (
        "copy.txt: hidden or look-alike characters, a known way to disguise copied text or make "
        "it read differently: 2 bidi controls (<U+202E> at 5, <U+202C> at 10); 1 zero-width "
        "character (<U+200B> at 15); 1 look-alike letter (\u201cM\u0456crosoft\u201d at 31 "
        "(\u0456 is U+0456 cyrillic small letter byelorussian-ukrainian i))"
    )


def test_latin_letters_hidden_in_a_cyrillic_word_are_found() -> None:
    text = "\u041c\u043e\u0441\u043a\u0432a"  # Москва with a Latin a at the end
    assert [(f.offset, f.char) for f in find_disguises(text)] == [(5, "a")]


@pytest.mark.parametrize(
    "text",
    [
        SEED,
        COPY,
        "Les élus ont voté «\u00a0non\u00a0» ; café naïve Straße.",
        "Президент заявил, что закон примут.",
        "Ελλάδα and 10μm of α-synuclein.",
        "Persian می\u200cخواهم, emoji \U0001f469\u200d\U0001f4bb.",
        "Scotland \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f won.",
        "\u653f\u5e9c\u306f iPhone \u3092\u767a\u8868\u3057\u305f\u3002",
    ],
)
def test_ordinary_text_in_any_script_raises_nothing(text: str) -> None:
    assert find_disguises(text) == []
    assert disguise_warning("x.txt", text) is None


@pytest.fixture(scope="module")
def disguised(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """A real copy of a seed with a look-alike letter and a bidi override put in."""
    folder = tmp_path_factory.mktemp("disguised")
    (folder / "ref.txt").write_text(SEED, encoding="utf-8")
    spun = COPY.replace("Microsoft", "M" + CYRILLIC_I + "crosoft", 1)
    spun = spun.replace("billion", "\u202enoillib\u202c", 1)
    assert spun != COPY
    (folder / "copy.txt").write_text(spun, encoding="utf-8")
    return compare_paths([str(folder / "ref.txt"), str(folder / "copy.txt")], reference="ref")


def _banner(report: Report) -> str:
    [warning] = report.text_warnings()
    return warning


def test_the_report_carries_the_warning(disguised: Report) -> None:
    warning = _banner(disguised)
    assert warning.startswith(str(Path(disguised.document("copy").path)) + ": hidden")
    assert "1 look-alike letter (\u201cM\u0456crosoft\u201d at " in warning
    assert "2 bidi controls (<U+202E> at " in warning
    assert warning in disguised.warnings
    assert json.loads(render(disguised, "json"))["warnings"] == [warning]


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_every_format_opens_with_the_banner(disguised: Report, fmt: str) -> None:
    out = render(disguised, fmt)
    if fmt == "html":
        out = out.replace("&lt;", "<").replace("&gt;", ">")
    if fmt == "md":
        out = out.replace("\\<", "<").replace("\\>", ">")
    title = BANNER_TITLE.upper() if fmt == "text" else BANNER_TITLE
    first = out.index(title)
    # Before the evidence and before any passage, and named once (not again among warnings).
    assert first < out.lower().index("evidence" if fmt != "text" else "tool:")
    assert out.count("M\u0456crosoft\u201d at ") == 1
    assert "<U+202E>noillib<U+202C>" in out or fmt == "text"  # text shows no passages


def test_csv_rows_carry_their_documents_warnings(disguised: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render(disguised, "csv").lstrip("\ufeff"))))
    assert rows and all(r["document_warnings"] == _banner(disguised) for r in rows)


async def test_the_overview_shows_the_banner(disguised: Report) -> None:
    paths = [d.path for d in disguised.documents]
    app = StoryTraceApp(paths)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert BANNER_TITLE in text
        assert "M\u0456crosoft" in text and "look-alike" in text
        # Not also a toast: the banner says it.
        assert not [n for n in app._notifications if n.title == "Warning"]
