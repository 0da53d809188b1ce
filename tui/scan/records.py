"""Read one shard's articles: folder files, JSON Lines (plain or gzipped) and WARC.

Every record is hostile input. A record that cannot be read becomes a ``BadRecord`` naming
the file and the place in it (line, byte offset), and reading goes on with the next one; only
a file that cannot be read any further (truncated gzip, broken WARC framing) ends its shard
early, with a bad record saying where. Nothing a record names is ever fetched: URLs are kept
as text, and WARC files are opened by this module, never handed to fastwarc as a path it
could resolve as a URL.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..core.dates import read_own_dates
from ..core.escaping import escape_line, utf8_safe
from ..core.loading import LoadError, decode_bytes, document_from_bytes
from .corpus import file_sha256, folder_evidence, kind_of
from .model import MAX_ARTICLE_BYTES, Article, ArticleRef, BadRecord, FileEvidence, Shard

Item = Article | BadRecord
GZIP_MAGIC = b"\x1f\x8b"
# WARC payloads read as articles; conversion records (WET) are text whatever they say.
ARTICLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})


@dataclass(frozen=True)
class Fields:
    """Where a JSON Lines record keeps each part; dotted names reach into nested objects."""

    text: str = "text"
    id: str = "id"
    url: str = "url"
    date: str = "date"
    title: str = "title"


def html_to_text(html: str) -> tuple[str, str]:
    """(main text, title) of a page with resiliparse: tens of times faster than trafilatura,
    which a crawl of millions of pages needs; paragraphs stay lines for the segmenter."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(html)
    text = extract_plain_text(tree, main_content=True, preserve_formatting=True, list_bullets=False)
    if not text.strip():  # main-content heuristics can drop everything on a bare page
        text = extract_plain_text(tree, preserve_formatting=True, list_bullets=False)
    return text, (tree.title or "").strip()


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


class ShardReader:
    """Iterate a shard's records; afterwards ``evidence()`` gives its files' sizes and
    digests (computed once the shard is read, when the file is in the page cache)."""

    def __init__(
        self, shard: Shard, fields: Fields | None = None, max_bytes: int = MAX_ARTICLE_BYTES
    ):
        self.shard = shard
        self.fields = fields or Fields()
        self.max_bytes = max_bytes
        self._digests: dict[str, tuple[int, str]] = {}

    def records(self) -> Iterator[Item]:
        if self.shard.kind == "files":
            return self._files()
        if self.shard.kind == "jsonl":
            return self._jsonl()
        return self._warc()

    def evidence(self) -> FileEvidence:
        s = self.shard
        if s.kind == "files":
            return folder_evidence(s, self._digests)
        try:
            return FileEvidence(
                path=s.path, kind=s.kind, bytes=os.stat(s.path).st_size, sha256=file_sha256(s.path)
            )
        except OSError:
            return FileEvidence(path=s.path, kind=s.kind, bytes=0, sha256="")

    # ------------------------------------------------------------------------------ folders

    def _files(self) -> Iterator[Item]:
        for k, name in enumerate(self.shard.files):
            path = os.path.join(self.shard.path, name)
            shown = utf8_safe(path)
            try:
                with open(path, "rb") as fh:
                    raw = fh.read(self.max_bytes + 1)
            except OSError as err:
                yield BadRecord(shown, "", f"unreadable ({(err.strerror or str(err)).lower()})")
                continue
            if len(raw) > self.max_bytes:
                # Skipped for its size, but its evidence is the whole file's, as for one
                # named alone: a file changed past the limit must not keep its digest.
                self._digests[name] = (os.stat(path).st_size, file_sha256(path))
            else:
                self._digests[name] = (len(raw), hashlib.sha256(raw).hexdigest())
            ref = ArticleRef(shard=self.shard.ordinal, ordinal=k, file=shown)
            item = self._from_file(raw, ref, path)
            if isinstance(item, BadRecord) and not os.path.splitext(name)[1]:
                continue  # tried as text for want of a suffix: most such files are not
            yield item

    def _too_big(self) -> str:
        return f"over the {self.max_bytes:,}-byte limit for an article (--max-article-bytes)"

    def _from_file(self, raw: bytes, ref: ArticleRef, path: str) -> Item:
        """A folder's file reads as ``storytrace compare`` reads it (the same extraction of a
        web page's article, the same title), so the hit list and a comparison of the story
        with that file give the same figures."""
        if len(raw) > self.max_bytes:
            return BadRecord(ref.file, ref.location, self._too_big())
        if not raw.strip():
            return BadRecord(ref.file, ref.location, "empty")
        try:
            doc = document_from_bytes(raw, path)
        except LoadError as err:
            return BadRecord(ref.file, ref.location, err.reason)
        except Exception as err:  # the HTML extractor must never end a scan
            return BadRecord(ref.file, ref.location, f"unreadable ({type(err).__name__})")
        read_own_dates(doc)  # an agency story's slug line, as compare reads it
        return Article(
            ref=ref, text=doc.text, title=doc.title, date=doc.date, source_format=doc.source_format
        )

    # --------------------------------------------------------------------------- JSON Lines

    def _jsonl(self) -> Iterator[Item]:
        path = self.shard.path
        shown = utf8_safe(path)
        try:
            raw = open(path, "rb")  # noqa: SIM115 - closed below, wrapped by gzip first
        except OSError as err:
            yield BadRecord(shown, "", f"unreadable ({(err.strerror or str(err)).lower()})")
            return
        with raw:
            fh = gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == GZIP_MAGIC else raw
            lineno = 0
            try:
                if b"\x00" in fh.peek(4096)[:4096]:
                    # An image or an archive named .jsonl (JSON text never holds a NUL
                    # byte): one line says so, not one "not JSON" per newline byte in it.
                    yield BadRecord(shown, "", "binary data, not JSON Lines: file skipped")
                    return
                for lineno, line in enumerate(fh, 1):  # noqa: B007 - read after the loop
                    if line.strip():
                        yield self._json_record(line, shown, lineno)
            except (OSError, EOFError, zlib.error) as err:
                reason = "file ends early" if isinstance(err, EOFError) else str(err)
                yield BadRecord(shown, f"after line {lineno}", f"unreadable: {reason}")

    def _json_record(self, line: bytes, shown: str, lineno: int) -> Item:
        where = f"line {lineno}"
        if len(line) > self.max_bytes:
            return BadRecord(shown, where, self._too_big())
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as err:
            return BadRecord(shown, where, f"not JSON ({escape_line(str(err))[:80]})")
        if not isinstance(obj, dict):
            return BadRecord(shown, where, "not a JSON object")
        f = self.fields
        text = _field(obj, f.text)
        if not isinstance(text, str):
            what = "missing" if text is None else "not a string"
            return BadRecord(shown, where, f"text field {f.text!r} {what}")
        if not text.strip():
            return BadRecord(shown, where, f"text field {f.text!r} empty")
        record = _field(obj, f.id)
        ref = ArticleRef(
            shard=self.shard.ordinal,
            ordinal=lineno - 1,
            file=shown,
            record="" if record is None else _scalar(record),
            location=where,
        )
        fmt = "text"
        title = _scalar(_field(obj, f.title))
        if _looks_html(text):
            try:
                text, page_title = html_to_text(text)
            except Exception as err:  # the parser must never end a scan
                return BadRecord(shown, where, f"unparsable HTML ({type(err).__name__})")
            title, fmt = title or page_title, "html"
        return Article(
            ref=ref,
            text=text,
            title=title,
            url=_scalar(_field(obj, f.url)),
            date=_scalar(_field(obj, f.date)),
            source_format=fmt,
        )

    # --------------------------------------------------------------------------------- WARC

    def _warc(self) -> Iterator[Item]:
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        path = self.shard.path
        shown = utf8_safe(path)
        wanted = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion
        last = 0
        k = 0
        # Every record is seen, whatever its type: the last one read says whether the file
        # was read to its end (fastwarc stops quietly at a cut file or a wrong length).
        end: tuple[int, int | None] | None = None
        try:
            with open(path, "rb") as fh:
                for rec in ArchiveIterator(fh, parse_http=True):
                    last = rec.stream_pos
                    length = rec.headers.get("Content-Length")
                    end = (last, int(length) if length and length.strip().isdigit() else None)
                    if not rec.record_type & wanted:
                        continue
                    item = self._warc_record(rec, shown, k)
                    if item is not None:
                        k += 1
                        yield item
            broken = _warc_cut(path, end)
        except (OSError, ValueError, EOFError, zlib.error) as err:
            reason = (err.strerror if isinstance(err, OSError) else None) or str(err)
            yield BadRecord(shown, f"after offset {last}", f"unreadable WARC: {reason}")
            return
        if broken:
            yield BadRecord(shown, f"offset {last}", f"unreadable WARC: {broken}")

    def _warc_record(self, rec: object, shown: str, k: int) -> Item | None:
        """An article from a page (HTML response or resource) or a text conversion record;
        None for what is not an article (images, scripts, redirects)."""
        headers = rec.headers  # type: ignore[attr-defined]
        where = f"offset {rec.stream_pos}"  # type: ignore[attr-defined]
        ref = ArticleRef(
            shard=self.shard.ordinal,
            ordinal=k,
            file=shown,
            record=escape_line(headers.get("WARC-Record-ID") or ""),
            location=where,
        )
        if rec.is_http:  # type: ignore[attr-defined]
            status = rec.http_headers.status_code  # type: ignore[attr-defined]
            if status is not None and status != 200:
                return None
            ctype = (rec.http_content_type or "").lower()  # type: ignore[attr-defined]
        else:
            ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        record_type = (headers.get("WARC-Type") or "").lower()
        if record_type != "conversion" and ctype not in ARTICLE_TYPES:
            return None
        body = rec.reader.read(self.max_bytes + 1)  # type: ignore[attr-defined]
        if len(body) > self.max_bytes:
            return BadRecord(shown, where, self._too_big())
        charset = rec.http_charset if rec.is_http else None  # type: ignore[attr-defined]
        text = _decode(body, charset)
        if text is None:
            return BadRecord(shown, where, "undecodable bytes")
        title = ""
        fmt = "text"
        if "html" in ctype:
            try:
                text, title = html_to_text(text)
            except Exception as err:  # the parser must never end a crawl
                return BadRecord(shown, where, f"unparsable HTML ({type(err).__name__})")
            fmt = "html"
        if not text.strip():
            return BadRecord(shown, where, "no text")
        return Article(
            ref=ref,
            text=text,
            title=title,
            url=escape_line(headers.get("WARC-Target-URI") or ""),
            date=escape_line(headers.get("WARC-Date") or ""),
            source_format=fmt,
        )


def _warc_cut(path: str, end: tuple[int, int | None] | None) -> str:
    """Why the file was not read to its end, or "": fastwarc ends quietly where a file is
    cut (the last record's length runs past the end, or its header stops before its
    length) or a record declares more bytes than follow it, and every record after a wrong
    length is lost. ``end``: the last record's offset and declared length."""
    if end is None:
        return ""
    at, length = end
    if length is None:
        return "the last record has no Content-Length (the file is cut or damaged)"
    with open(path, "rb") as fh:
        gzipped = fh.read(2) == GZIP_MAGIC
        fh.seek(at)
        if gzipped and fh.read(2) != GZIP_MAGIC:
            return ""  # gzipped whole, not record by record: no member starts there to check
        fh.seek(at)
        if gzipped:
            tail = _gzip_tail(fh)
            if tail is None:
                return "file ends early (a gzip member is cut)"
            size, head = tail
        else:
            size, head = os.fstat(fh.fileno()).st_size - at, fh.read(1 << 16)
    # The record's block starts after its header's blank line.
    left = size - (head.find(b"\r\n\r\n") + 4)
    if length > left:
        return (
            f"the record at offset {at} declares {length:,} bytes and {left:,} follow "
            "(the file is cut, or the length is wrong and the records after it are lost)"
        )
    return ""


def _gzip_tail(fh: BinaryIO) -> tuple[int, bytes] | None:
    """How many bytes the gzip members from the file's position hold, and the first of them
    (the record's header), or None when the last is cut. WARC files are gzipped record by
    record, so this is the last record's."""
    with gzip.GzipFile(fileobj=fh) as members:
        try:
            head = members.read(1 << 16)
            size = len(head)
            while chunk := members.read(1 << 20):  # bounded: a member may be huge
                size += len(chunk)
        except EOFError:
            return None
    return size, head


def _decode(body: bytes, charset: str | None) -> str | None:
    if charset:
        try:
            return body.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return decode_bytes(body)[0]
    except ValueError:
        return None


def _field(obj: dict, name: str) -> object:
    if not name:
        return None
    value: object = obj
    for part in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _scalar(value: object) -> str:
    """A JSON value as one line of text (ids may be numbers); nested values are not ids."""
    if value is None or isinstance(value, dict | list):
        return ""
    return escape_line(str(value))[:500]


def read_article(
    ref: ArticleRef, fields: Fields | None = None, max_bytes: int = MAX_ARTICLE_BYTES
) -> Article | None:
    """The article ``ref`` names, read again from its file (for the side-by-side view), under
    the scan's own size cap; None if the file changed so that it is no longer there."""
    kind = kind_of(ref.file) or "files"
    if kind == "files":
        folder, name = os.path.split(ref.file)
        shard = Shard(ref.shard, "files", folder or ".", (name,))
    else:
        shard = Shard(ref.shard, kind, ref.file)
    for item in ShardReader(shard, fields, max_bytes).records():
        if isinstance(item, Article) and (kind == "files" or item.ref.ordinal == ref.ordinal):
            item.ref = ref
            return item
        if isinstance(item, Article) and item.ref.ordinal > ref.ordinal:
            break
    return None
