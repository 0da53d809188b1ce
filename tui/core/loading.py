"""Turn the paths a user names into ``Document`` objects, or into one-line reasons they can't be.

Offsets downstream index ``Document.text``, so for plain text the text must be exactly
``raw.decode(encoding)``: BOMs are removed only by the codec (``utf-8-sig``, ``utf-16``), and
newlines are never translated. HTML is the one exception (``source_format="html"``): there the
text is the article extracted from the markup, which cannot be an exact decode.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from tui.core.cancel import CancelCheck, check
from tui.core.model import Document

DEFAULT_MAX_BYTES = 20_000_000

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TITLE_MAX_CHARS = 120
# Article extraction costs about 0.3 ms per element of the page: 200,000 "<p>x</p>" took a
# minute. Article pages hold a few thousand elements; a page of more is a dump or an attack.
MAX_HTML_ELEMENTS = 20_000
_START_TAG = re.compile(r"<[A-Za-z]")
# Above this share of control characters the "text" is almost surely binary data that happened
# to decode; real prose has next to none once tabs and line breaks are set aside.
CONTROL_RATIO_LIMIT = 0.05
# Unicode category Cc minus tab, line breaks and the DOS end-of-file mark (\x1a).
CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")

# Checked before any decoding: these formats can decode "cleanly" in a legacy codepage.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
)

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Lone surrogates: what os.fsdecode makes of file-name bytes that are not UTF-8 ("caf\xe9.txt"
# in Latin-1). No UTF-8 report or terminal can take them.
_SURROGATES = re.compile("[\ud800-\udfff]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the file-name byte os.fsdecode could not decode
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str) -> str:
    """``text`` safe for one line of a terminal: every character that is not printable
    (controls and escapes, line breaks, bidi and zero-width marks, undecodable file-name bytes)
    is shown as a Python-style escape such as ``\\x1b``, ``\\n`` or ``\\u202e``."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def encodable(name: str) -> str:
    """A path or id with undecodable file-name bytes shown as ``\\xNN``, so it can be written
    to a UTF-8 report; every other character is kept for the presenter to show."""
    return _SURROGATES.sub(lambda m: _escape(m.group()), name)


class LoadError(Exception):
    """One-line, user-facing reason a path could not be loaded.

    ``str(err)`` is e.g. ``'seeds/x.bin: binary file (NUL bytes), skipped'``. The path is shown
    through :func:`printable`: the CLI prints warnings to the terminal as they are, so a file
    name carrying a newline, ``ESC [2J`` or a bidi override must neither split the line nor
    reach the terminal raw.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = printable(os.fspath(path))
        self.reason = printable(" ".join(reason.split("\n")))
        super().__init__(f"{self.path}: {self.reason}, skipped")


@dataclass
class LoadResult:
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Return ``(text, codec)`` with ``raw.decode(codec) == text``; ValueError(reason) if not text.

    Order matters: magic numbers and BOMs are certain, strict UTF-8 almost never decodes
    non-UTF-8 text by accident, and the statistical guess comes last.
    """
    for magic, kind in BINARY_MAGIC:
        if raw.startswith(magic):
            raise ValueError(f"binary file ({kind})")
    decoded = _decode_with_bom(raw) or _decode_utf16_without_bom(raw)
    if decoded is None:
        # A few stray NULs occur in real text files (one PAN document has five); the control
        # character share below still rejects binary data that happens to decode.
        if raw.count(b"\x00") > max(8, len(raw) // 1000):
            raise ValueError("binary file (NUL bytes)")
        decoded = _decode_utf8(raw) or _decode_guess(raw)
    if decoded is None:
        raise ValueError("undecodable bytes (not UTF-8, and no plausible encoding found)")
    text = decoded[0]
    controls = len(CONTROL_CHARS.findall(text))
    if text and controls / len(text) > CONTROL_RATIO_LIMIT:
        raise ValueError(f"binary file ({controls / len(text):.0%} control characters)")
    return decoded


def _decode_with_bom(raw: bytes) -> tuple[str, str] | None:
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                raise ValueError(
                    f"undecodable bytes (starts with a {codec} BOM but is not {codec})"
                ) from None
    return None


def _decode_utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """Spot BOM-less UTF-16 by its zero high bytes, so it isn't rejected as NUL-laden binary."""
    units = len(raw) // 2
    if units < 2 or len(raw) % 2:
        return None
    even_nuls, odd_nuls = raw[0::2].count(0), raw[1::2].count(0)
    if odd_nuls >= units * 0.25 and even_nuls * 10 <= odd_nuls:
        codec = "utf-16-le"
    elif even_nuls >= units * 0.25 and odd_nuls * 10 <= even_nuls:
        codec = "utf-16-be"
    else:
        return None
    try:
        return raw.decode(codec), codec
    except UnicodeDecodeError:
        return None


def _decode_utf8(raw: bytes) -> tuple[str, str] | None:
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        head = raw[: err.start]
        # A valid UTF-8 body (with some non-ASCII in it) that stops mid-character is a cut-off
        # UTF-8 file; guessing a legacy codepage would turn every accent into mojibake.
        if err.reason == "unexpected end of data" and not head.isascii():
            try:
                head.decode("utf-8")
            except UnicodeDecodeError:
                return None
            raise ValueError(
                f"truncated UTF-8 (file ends mid-character at byte {err.start:,})"
            ) from None
        return None


def _decode_guess(raw: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer, but prefer cp1252 whenever it is among its least chaotic fits.

    For English news in Windows-1252 it tends to report cp1250 (same bytes for curly quotes
    and dashes, different letters) or even a DOS codepage such as cp775, which would turn
    ``’`` into a wrong letter.
    """
    matches = list(from_bytes(raw))
    if not matches:
        return None
    best_chaos = matches[0].chaos
    candidates = [m.encoding for m in matches]
    if any("cp1252" in m.could_be_from_charset and m.chaos <= best_chaos for m in matches):
        candidates.insert(0, "cp1252")
    for encoding in candidates:
        try:
            codec = codecs.lookup(encoding).name
            return raw.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            continue
    return None


def _is_html(path: Path, text: str) -> bool:
    head = text.lstrip()[:20].lower()
    return path.suffix.lower() in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html"))


def _extract_html(text: str) -> tuple[str, str]:
    """Return (article text, page title); works on the string only, so nothing is fetched."""
    # Imported here because trafilatura (lxml, htmldate, ...) is slow to import and most
    # inputs are plain text.
    import trafilatura

    article = trafilatura.extract(
        text,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        # Deduplication keeps a process-wide cache and drops paragraphs it has seen a few
        # times: exactly the text that versions of one story share.
        deduplicate=False,
    )
    # Only the title is used: the extensive date search (htmldate) cost more than extracting
    # the article itself (1.7 s of 2.6 s on an 800 KB page), and the title does not depend
    # on it.
    meta = trafilatura.extract_metadata(text, extensive=False)
    title = (getattr(meta, "title", None) or "").strip()
    return article or "", title


def _text_title(text: str) -> str:
    """A headline-like first line becomes the title; a first sentence of prose does not.

    A first line followed directly by one opening with a lower-case word ("the", "classes,")
    is hard-wrapped prose, not a headline; names like "xAI" or "iPhone" don't count.
    """
    lines = text.lstrip().splitlines()
    if not lines:
        return ""
    first = lines[0].strip()
    following = re.match(r"[\W\d_]*([^\W\d_]*)", lines[1] if len(lines) > 1 else "")
    wrapped = following is not None and following.group(1).islower()
    if len(first) > TITLE_MAX_CHARS or first.endswith(".") or wrapped:
        return ""
    return first


def _stat(path: str) -> os.stat_result:
    """``os.stat`` with the reason in words; errors name ``path`` exactly as the user gave it."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        reason = "broken symlink" if os.path.islink(path) else "no such file or directory"
        raise LoadError(path, reason) from None
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as err:
        raise LoadError(path, (err.strerror or str(err)).lower()) from None


def load_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Load one file; raises LoadError with a reason fit to show the user as is."""
    shown = os.fspath(path)
    p = Path(path)
    st = _stat(shown)
    if stat.S_ISDIR(st.st_mode):
        raise LoadError(shown, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        # Opening a FIFO would block until someone writes to it.
        raise LoadError(shown, "not a regular file")
    # Checked before reading so an oversized file is never pulled into memory.
    if st.st_size > max_bytes:
        raise LoadError(shown, _too_big(st.st_size, max_bytes))
    try:
        with open(p, "rb") as fh:
            raw = fh.read(max_bytes + 1)  # the file may have grown since stat
    except PermissionError:
        raise LoadError(shown, "permission denied") from None
    except OSError as err:
        raise LoadError(shown, f"unreadable ({(err.strerror or str(err)).lower()})") from None
    if len(raw) > max_bytes:
        raise LoadError(shown, _too_big(len(raw), max_bytes))
    if not raw:
        raise LoadError(shown, "empty file")
    try:
        text, encoding = decode_bytes(raw)
    except ValueError as err:
        raise LoadError(shown, str(err)) from None
    if not text.strip():
        raise LoadError(shown, "empty file (whitespace only)")

    source_format = "text"
    if _is_html(p, text):
        source_format = "html"
        elements = len(_START_TAG.findall(text))
        if elements > MAX_HTML_ELEMENTS:
            raise LoadError(
                shown,
                f"web page of {elements:,} elements, more than any article page "
                f"(limit {MAX_HTML_ELEMENTS:,}); save its text as a .txt file to compare it",
            )
        text, title = _extract_html(text)
        if not text.strip():
            raise LoadError(shown, "no article text found in HTML")
    else:
        title = _text_title(text)
    return Document(
        id=encodable(p.stem),
        path=encodable(shown),
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        text=text,
        size=len(raw),
        title=title,
        source_format=source_format,
    )


def _too_big(size: int, max_bytes: int) -> str:
    return f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; raise it with --max-bytes"


def _directory_entries(directory: Path) -> list[tuple[str, bool]]:
    """Text-like files directly in ``directory``, by name, each flagged if its suffix says text.

    Subdirectories are never entered, so a symlink pointing back up cannot cause a loop.
    """
    entries = []
    for entry in sorted(os.scandir(directory), key=lambda e: e.name):
        suffix = Path(entry.name).suffix.lower()
        if entry.name.startswith(".") or (suffix and suffix not in TEXT_SUFFIXES):
            continue
        try:
            if entry.is_dir():
                continue
        except OSError:
            pass  # e.g. a symlink loop: let loading report it
        entries.append((entry.name, bool(suffix)))
    return entries


def count_files(paths: Sequence[str | Path]) -> int:
    """How many files ``load_documents`` would read, at most, from these paths (files named,
    and those in named folders that have a text suffix; the same file reached twice counts
    once), found without reading any, so a folder of far too many big files is refused at
    once. Files without a suffix are not counted: most are not text."""
    found: set[tuple[int, int]] = set()
    for given in paths:
        names = [os.fspath(given)]
        if os.path.isdir(given):
            try:
                entries = _directory_entries(Path(given))
            except OSError:
                continue
            names = [os.path.join(given, name) for name, by_suffix in entries if by_suffix]
        for name in names:
            try:
                st = os.stat(name)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                found.add((st.st_dev, st.st_ino))
    return len(found)


def load_documents(
    paths: Sequence[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    cancelled: CancelCheck = None,
) -> LoadResult:
    """Load every usable file named or found in a named directory, collecting what failed.

    Never raises for a bad input: the caller decides how few documents are too few. Raises
    ``Cancelled`` between files when ``cancelled()`` says so.
    """
    result = LoadResult(documents=[], warnings=[])
    # (device, inode) -> whether it loaded: the same file reached twice (repeated argument,
    # symlink, hard link, overlapping directories) is loaded, or warned about, once.
    seen: dict[tuple[int, int], bool] = {}
    used_ids: set[str] = set()

    def warn(message: str) -> None:
        if message not in result.warnings:
            result.warnings.append(message)

    def add(path: str, quiet: bool = False) -> bool:
        """Load ``path`` unless already tried; True if it is loaded (now or earlier)."""
        check(cancelled)
        try:
            st = _stat(path)
        except LoadError as err:
            if not quiet:
                warn(str(err))
            return False
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return seen[key]
        try:
            doc = load_document(path, max_bytes)
        except LoadError as err:
            seen[key] = False
            if not quiet:
                warn(str(err))
            return False
        seen[key] = True
        doc.id = _unique_id(doc.id, used_ids)
        result.documents.append(doc)
        return True

    for given in paths:
        shown = os.fspath(given)
        if not os.path.isdir(given):
            add(shown)
            continue
        try:
            dir_stat = os.stat(given)
            entries = _directory_entries(Path(given))
        except OSError as err:
            reason = "permission denied" if isinstance(err, PermissionError) else err.strerror
            warn(str(LoadError(shown, f"cannot list directory ({reason})")))
            continue
        dir_key = (dir_stat.st_dev, dir_stat.st_ino)
        if dir_key in seen:
            continue
        seen[dir_key] = True
        # Files without an extension are tried quietly: most are not text and need no warning.
        loaded = [
            add(os.path.join(shown, name), quiet=not by_suffix) for name, by_suffix in entries
        ]
        if not any(loaded):
            reason = "no text files (.txt, .md, .text, .html, .htm)"
            warn(str(LoadError(shown, reason)))
    return result


def _unique_id(stem: str, used: set[str]) -> str:
    """Same stem from two folders gets -2, -3, ... in load order, so ids stay deterministic."""
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate)
    return candidate
