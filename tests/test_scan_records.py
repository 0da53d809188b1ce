"""Reading corpora: folders, JSON Lines (plain and gzipped) and WARC, bad records counted with
their place, never fatal."""

from __future__ import annotations

import gzip
import html
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.scan_corpus import article_records, seed, write_jsonl
from tui.core.engine import compare_paths
from tui.core.loading import load_document
from tui.scan.corpus import plan
from tui.scan.model import Article, BadRecord
from tui.scan.records import Fields, ShardReader, html_to_text, read_article


def read_all(path: Path, fields: Fields | None = None) -> list[Article | BadRecord]:
    shards = plan([str(path)]).shards
    return [item for s in shards for item in ShardReader(s, fields).records()]


def write_warc(path: Path, pages: list[tuple[str, str, str]], gz: bool) -> Path:
    """pages: (url, content type, body) as HTTP 200 responses."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, ctype, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=http
            )
            writer.write_record(record)
    return path


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    title = html.escape(title)
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | News | Sport</nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Subscribe</footer></body></html>"
    )


def test_jsonl_bad_lines_are_counted_with_their_line(tmp_path: Path) -> None:
    good = article_records()[:2]
    extra = (
        b"{not json\n"
        b'["a list"]\n'
        b'{"id": "no-text"}\n'
        b'{"id": "number", "text": 42}\n'
        b"\n"
        b'{"id": "empty", "text": "   "}\n'
    )
    items = read_all(write_jsonl(tmp_path / "c.jsonl", good, extra=extra))
    arts = [i for i in items if isinstance(i, Article)]
    bad = [i for i in items if isinstance(i, BadRecord)]
    assert [a.ref.record for a in arts] == ["sun", "times"]
    assert arts[0].text == good[0]["text"] and arts[0].url == "https://example.org/sun"
    assert [b.location for b in bad] == ["line 3", "line 4", "line 5", "line 6", "line 8"]
    assert "not JSON" in bad[0].reason and "not a JSON object" in bad[1].reason
    assert "missing" in bad[2].reason and "not a string" in bad[3].reason


def test_a_binary_file_named_jsonl_is_one_bad_record(tmp_path: Path) -> None:
    """A PNG saved as .jsonl (its bytes hold many newlines): one line says it is no JSON
    Lines, not one "not JSON" per newline; a gzipped one the same."""
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    assert png.count(b"\n") > 8
    (tmp_path / "img.jsonl").write_bytes(png)
    (tmp_path / "img.jsonl.gz").write_bytes(gzip.compress(png))
    for name in ("img.jsonl", "img.jsonl.gz"):
        items = read_all(tmp_path / name)
        assert len(items) == 1 and isinstance(items[0], BadRecord), name
        assert "binary" in items[0].reason
    # A bad first line of text is still one bad line, and the good ones after it are read.
    path = write_jsonl(tmp_path / "late.jsonl", article_records()[:2])
    path.write_bytes(b"{not json\n" + path.read_bytes())
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["BadRecord", "Article", "Article"]


def test_gzipped_jsonl_with_other_field_names_and_a_truncated_end(tmp_path: Path) -> None:
    records = [
        {"meta": {"uid": n, "link": f"u{n}"}, "body": seed(p)} for n, p in enumerate(("000", "001"))
    ]
    path = write_jsonl(tmp_path / "c.jsonl.gz", records, gz=True)
    fields = Fields(text="body", id="meta.uid", url="meta.link")
    items = read_all(path, fields)
    assert [(i.ref.record, i.url) for i in items] == [("0", "u0"), ("1", "u1")]
    # Cut the gzip stream short: what was read stays, the end is one bad record.
    data = gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in records * 20), mtime=0)
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = read_all(tmp_path / "cut.jsonl.gz", fields)
    assert any(isinstance(i, Article) for i in items)
    assert isinstance(items[-1], BadRecord) and items[-1].location.startswith("after line")


def test_warc_pages_gzipped_or_not_give_their_article_text(tmp_path: Path) -> None:
    paragraphs = [p for p in seed("004").split("\n") if len(p) > 80][:3]
    pages = [
        ("https://example.org/a", "text/html; charset=utf-8", page("Story A", paragraphs)),
        ("https://example.org/logo.png", "image/png", "not an article"),
        ("https://example.org/b", "text/html", page("Story B", paragraphs[::-1])),
    ]
    for gz in (True, False):
        path = write_warc(tmp_path / f"crawl{int(gz)}.warc{'.gz' if gz else ''}", pages, gz)
        items = read_all(path)
        assert [i.url for i in items] == ["https://example.org/a", "https://example.org/b"]
        first = items[0]
        assert isinstance(first, Article) and first.title == "Story A"
        assert all(p in first.text for p in paragraphs)
        assert "Home | News" not in first.text  # navigation is not the article
        assert first.ref.record.startswith("<urn:uuid:") and first.ref.location == "offset 0"
        again = read_article(items[1].ref)
        assert again is not None and again.text == items[1].text


def test_broken_warc_is_one_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a WARC file\n" * 20)
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], BadRecord)
    assert "unreadable WARC" in items[0].reason


def test_a_cut_or_mislabelled_warc_says_where_it_stops(tmp_path: Path) -> None:
    """fastwarc ends quietly where a file is cut or a record declares more bytes than follow
    it (every record after a wrong length is swallowed): the scan said 'complete' with a
    third of a crawl unread. Each now ends with a bad record saying why and where."""
    paragraphs = [p for p in seed("004").split("\n") if len(p) > 80][:3]
    pages = [
        (f"https://example.org/{n}", "text/html", page(f"Story {n}", paragraphs)) for n in "abcd"
    ]
    for gz in (True, False):
        whole = write_warc(tmp_path / f"whole.warc{'.gz' if gz else ''}", pages, gz)
        items = read_all(whole)
        assert len(items) == 4 and not [i for i in items if isinstance(i, BadRecord)]
        raw = whole.read_bytes()
        cut = tmp_path / f"cut.warc{'.gz' if gz else ''}"
        cut.write_bytes(raw[: len(raw) - 200])
        items = read_all(cut)
        bad = [i for i in items if isinstance(i, BadRecord)]
        assert len(bad) == 1 and "unreadable WARC" in bad[0].reason, gz
        assert len(items) - 1 in (3, 4)  # the cut record may still give its text
    # A WARC gzipped whole, not record by record, is no damaged file.
    raw = (tmp_path / "whole.warc").read_bytes()
    (tmp_path / "one-member.warc.gz").write_bytes(gzip.compress(raw))
    items = read_all(tmp_path / "one-member.warc.gz")
    assert len(items) == 4 and not [i for i in items if isinstance(i, BadRecord)]
    second = raw.index(b"WARC/1.0", 1)
    at = raw.index(b"Content-Length: ", second) + len(b"Content-Length: ")
    digits = raw[at : raw.index(b"\r\n", at)]
    wrong = tmp_path / "wrong-length.warc"
    wrong.write_bytes(raw[:at] + b"99999999" + raw[at + len(digits) :])
    items = read_all(wrong)
    bad = [i for i in items if isinstance(i, BadRecord)]
    assert len(bad) == 1 and "declares 99,999,999 bytes" in bad[0].reason
    assert bad[0].location == f"offset {second}"


def test_folder_files_text_and_html_with_hostile_and_binary_ones(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "deeper").mkdir(parents=True)
    (folder / "a.txt").write_text(seed("003"), encoding="utf-8")
    (folder / "deeper" / "b.html").write_text(page("<Title> & co", ["x " * 40]), encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "skip.bin").write_bytes(b"binary")
    (folder / "page.xhtml").write_text(page("Saved as xhtml", ["y " * 40]), encoding="utf-8")
    warned = plan([str(folder)]).warnings
    assert len(warned) == 1 and "left out 2 files whose names" in warned[0]
    assert warned[0].endswith(": 1 .bin file, 1 .xhtml file")
    items = read_all(folder)
    arts = {Path(i.ref.file).name: i for i in items if isinstance(i, Article)}
    assert set(arts) == {"a.txt", "b.html"}
    assert arts["b.html"].title == "<Title> & co" and arts["b.html"].source_format == "html"
    assert arts["a.txt"].text == seed("003")
    bad = [i for i in items if isinstance(i, BadRecord)]
    assert len(bad) == 1 and bad[0].file.endswith("c.txt") and "PNG" in bad[0].reason


def test_plan_warns_about_what_it_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK")
    result = plan([str(tmp_path / "missing"), str(tmp_path / "notes.docx"), "/dev/null"])
    assert result.shards == []
    assert [w.split(": ", 1)[1] for w in result.warnings] == [
        "no such file or directory, skipped",
        "not a corpus file (.txt, .md, .text, .html, .htm, .mhtml, .mht, .jsonl, .warc)",
        "not a regular file or folder, skipped",  # a device is there, just not readable as one
    ]


def test_html_extraction_keeps_paragraphs_as_lines() -> None:
    text, title = html_to_text(page("T", ["First paragraph here.", "Second one."]))
    assert title == "T"
    assert "First paragraph here.\n" in text and "Second one." in text


def test_folder_pages_read_as_compare_reads_them(tmp_path: Path) -> None:
    """The hit list and `storytrace compare` on the same file must give the same figures:
    a folder's web pages are extracted as compare extracts them."""
    family = Path(__file__).resolve().parents[1] / "benchmarks/data/news/f07-ap-wildfire"
    pages = sorted(family.glob("*.html"))
    assert pages
    for p in pages:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    arts = {Path(i.ref.file).name: i for i in read_all(tmp_path) if isinstance(i, Article)}
    assert set(arts) == {p.name for p in pages}
    for p in pages:
        doc = load_document(p)
        got = arts[p.name]
        assert (got.text, got.title, got.date) == (doc.text, doc.title, doc.date), p.name
    # An agency story's filing time from its slug line, as compare reads it (helper-49).
    wire = family / "wire.txt"
    (tmp_path / "wire.txt").write_bytes(wire.read_bytes())
    [got] = [
        i for i in read_all(tmp_path) if isinstance(i, Article) and i.ref.file.endswith("wire.txt")
    ]
    report = compare_paths([str(wire), str(pages[0])], reference="wire")
    assert got.date and got.date == report.document("wire").date


def test_a_folder_holding_only_the_stories_says_so(tmp_path: Path) -> None:
    """'stories: no articles found' for a folder of three .txt files read as the stories: it
    is not empty, its files are the stories, which are no copies of themselves."""
    folder = tmp_path / "stories"
    folder.mkdir()
    story = folder / "wire.txt"
    story.write_text(seed("001"), encoding="utf-8")
    warning = plan([str(folder)], [str(story)]).warnings[0]
    assert warning.endswith(
        "no articles (.txt, .md, .text, .html, .htm, .mhtml, .mht, .jsonl, .warc) found besides"
        " the stories"
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    [warning] = plan([str(empty)], [str(story)]).warnings
    assert warning.endswith("found")


def test_linked_folders_are_read_once_and_broken_links_are_named(tmp_path: Path) -> None:
    """helper-53: an archive put together from a symlinked folder lost its three copies
    without a word, and broken links and loops vanished silently. A linked folder is read,
    each folder once (a link back up is no loop); what cannot be looked at is named."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "copy.txt").write_text(seed("000"), encoding="utf-8")
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "page.txt").write_text(seed("003"), encoding="utf-8")
    (archive / "site").symlink_to(elsewhere, target_is_directory=True)
    (archive / "up").symlink_to(archive, target_is_directory=True)
    (tmp_path / "outside.txt").write_text(seed("004"), encoding="utf-8")
    (archive / "out").symlink_to(tmp_path, target_is_directory=True)  # helper-54: out of it
    (archive / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = plan([str(archive)])
    read = sorted(Path(s.path, name).name for s in result.shards for name in s.files)
    assert read == ["copy.txt", "page.txt"]
    [warning] = result.warnings
    assert warning.startswith("1 file could not be looked at") and warning.endswith("gone.txt")


def test_byte_identical_copies_of_a_story_are_named(tmp_path: Path) -> None:
    """helper-53: an exact republication elsewhere in the archive is left out (it is the
    story again), and the warning only counted it: the desk must be able to find it."""
    story = tmp_path / "wire.txt"
    story.write_text(seed("001"), encoding="utf-8")
    archive = tmp_path / "archive"
    (archive / "othersite").mkdir(parents=True)
    (archive / "othersite" / "republished.txt").write_bytes(story.read_bytes())
    (archive / "page.txt").write_text(seed("003"), encoding="utf-8")
    [warning] = plan([str(archive)], [str(story)]).warnings
    assert warning.endswith(f"the copies: {archive / 'othersite' / 'republished.txt'}")
