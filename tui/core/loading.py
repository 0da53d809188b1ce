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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from tui.core.boilerplate import TAG_LINE, _agency_kind
from tui.core.cancel import CancelCheck, check
from tui.core.dates import normalise
from tui.core.disguise import disguise_warning
from tui.core.errors import one_line
from tui.core.escaping import escape_char, escape_line, utf8_safe
from tui.core.files import read_capped
from tui.core.model import Document
from tui.core.reportmark import EXPORT_PREFIX, report_kind

DEFAULT_MAX_BYTES = 20_000_000

TEXT_KINDS = ".txt, .md, .text, .html, .htm, .mhtml, .mht"
TEXT_SUFFIXES = frozenset(TEXT_KINDS.split(", "))
HTML_SUFFIXES = frozenset({".html", ".htm", ".mhtml", ".mht"})
# Lines of a wire's furniture passed over looking for its headline.
_FURNITURE_LINES = 8
TITLE_MAX_CHARS = 120
# Article extraction grows faster than the elements of a page: 40,000 "<p>x</p>" take about
# 2 s, 100,000 about 11 s and 200,000 a minute. Article pages hold a few thousand elements,
# a tabloid's with 3,000 comments under it 27,000 (refused at the first limit of 20,000); a
# page of more is a dump or an attack.
MAX_HTML_ELEMENTS = 40_000
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

# Single-byte code pages for Latin-script text, most likely first: Windows Western (which reads
# ISO 8859-1 text the same), Central European, Baltic, Turkish, then the ISO pages whose
# letters sit elsewhere, and Latin-1 for the five bytes cp1252 leaves undefined.
LATIN_CODEPAGES = ("cp1252", "cp1250", "cp1257", "cp1254", "iso8859_15", "iso8859_2", "latin_1")
# Latin-script prose keeps most bytes ASCII (Czech, the densest, about a quarter non-ASCII);
# Cyrillic, Greek and CJK text are mostly non-ASCII (0.6 and up in the measured samples).
LATIN_MAX_NON_ASCII = 0.4
# Characters that must read differently before another Latin page's better language fit
# outweighs the preference for cp1252.
LATIN_MIN_EVIDENCE = 3
_NON_ASCII_BYTES = bytes(range(0x80, 0x100))

# Decodings that are certain: UTF-8 and anything a byte-order mark names. Every other one is
# a guess the loader says so about.
CERTAIN_CODECS = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32"})
GUESS_LISTED = 8

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class LoadError(Exception):
    """One-line, user-facing reason a path could not be loaded.

    ``str(err)`` is e.g. ``'seeds/x.bin: binary file (NUL bytes), skipped'``. The path is shown
    through :func:`escape_line`: the CLI prints warnings to the terminal as they are, so a file
    name carrying a newline, ``ESC [2J`` or a bidi override must neither split the line nor
    reach the terminal raw.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = escape_line(os.fspath(path))
        self.reason = escape_line(" ".join(reason.split("\n")))
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


def guessed_encoding_warning(path: str, text: str, codec: str) -> str | None:
    """A warning naming the guessed code page and the characters that depend on the guess
    (each with its bytes, most frequent first), or None when the encoding was certain."""
    if codec in CERTAIN_CODECS:
        return None
    counts = Counter(ch for ch in text if not ch.isascii())
    total = sum(counts.values())
    listed = [
        f"{escape_char(ch)} (0x{ch.encode(codec, errors='replace').hex().upper()})"
        + (f" \u00d7{n:,}" if n > 1 else "")
        for ch, n in counts.most_common(GUESS_LISTED)
    ]
    more = f", and {len(counts) - GUESS_LISTED:,} more" if len(counts) > GUESS_LISTED else ""
    affected = (
        f": {total:,} character{'' if total == 1 else 's'} affected: {', '.join(listed)}{more}"
        if total
        else ": no character outside ASCII"
    )
    return (
        f"{escape_line(path)}: no byte-order mark and not UTF-8; read as {codec} (guessed)"
        f"{affected}"
    )


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
    """Latin-script text in a single-byte code page first, then charset-normalizer's guess.

    A text whose bytes are mostly ASCII is Latin-script prose, where the few other bytes are
    accents, quotes, dashes and currency signs: every multi-byte CJK encoding, Cyrillic or
    Greek page would make most of its bytes non-ASCII. Left to itself charset-normalizer
    reads such a file in whichever page it tries first among equally plausible ones: a pound
    sign became "Ł" (cp1250) or "｣" (cp932), curly quotes DOS letters (cp775, cp437). Among Latin
    pages Windows-1252 is preferred unless another one is plainly more plausible (cp1252
    turns Polish or Czech letters into symbols inside words, or cannot decode them at all).
    """
    if _non_ascii_share(raw) <= LATIN_MAX_NON_ASCII:
        decoded = _decode_latin(raw)
        if decoded is not None:
            return decoded
    matches = list(from_bytes(raw))
    if not matches:
        return None
    best_chaos = matches[0].chaos
    candidates = [m.encoding for m in matches]
    if any("cp1252" in m.could_be_from_charset and m.chaos <= best_chaos for m in matches):
        candidates.insert(0, "cp1252")
    return _first_decoding(raw, candidates)


def _non_ascii_share(raw: bytes) -> float:
    return (len(raw) - len(raw.translate(None, _NON_ASCII_BYTES))) / len(raw)


def _decode_latin(raw: bytes) -> tuple[str, str] | None:
    """cp1252 unless another Latin page reads plainly better in at least LATIN_MIN_EVIDENCE
    characters where the two readings differ: less chaotic (cp1252 puts symbols inside words,
    or cannot decode a byte at all), or as chaotic but more coherent as its language. One or
    two characters cannot tell Polish from English: a pound sign alone never outweighs the
    preference."""
    matches = from_bytes(
        raw, cp_isolation=list(LATIN_CODEPAGES), preemptive_behaviour=False, threshold=1.0
    )
    # charset-normalizer lists a page that reads the same as another under that one's name.
    readings = {name: m for m in matches for name in (m.encoding, *m.could_be_from_charset)}
    if not readings:
        return None
    order = {c: k for k, c in enumerate(LATIN_CODEPAGES)}
    choice = min(
        (c for c in LATIN_CODEPAGES if c in readings),
        key=lambda c: (readings[c].chaos, -readings[c].coherence, order[c]),
    )
    western = readings.get("cp1252")
    if western is not None and choice != "cp1252":
        other = readings[choice]
        differ = sum(a != b for a, b in zip(str(western), str(other), strict=False))
        plain = other.chaos < western.chaos or other.coherence - western.coherence >= 0.02
        if differ < LATIN_MIN_EVIDENCE or not plain:
            choice = "cp1252"
    return _first_decoding(raw, [choice])


def _first_decoding(raw: bytes, encodings: Sequence[str]) -> tuple[str, str] | None:
    for encoding in encodings:
        try:
            codec = codecs.lookup(encoding).name
            return raw.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            continue
    return None


# An article this short beside scripts holding many times its text, or reading as a notice
# to turn JavaScript on, is the shell of a page its scripts fill in when it is opened.
_SHORT_ARTICLE = 600
_SCRIPT = re.compile(r"<script(?![^>]*ld\+json)[^>]*>(.*?)</script\s*>", re.I | re.S)
_JS_NOTICE = re.compile(
    r"\b(?:enable|turn on)\s+javascript|javascript\s+(?:is\s+)?(?:required|disabled|needed|off)\b",
    re.I,
)


def _script_chars(page: str) -> int:
    return sum(len(m.group(1)) for m in _SCRIPT.finditer(page))


def scripted_page_warning(shown: str, page: str, article: str) -> str:
    """A warning where a page's article may be built by its scripts, whose text is never
    read: a copy saved before its scripts ran compared as "You need to enable JavaScript"
    and was cleared as independent of the wire it copied word for word."""
    if len(article) >= _SHORT_ARTICLE:
        return ""
    scripts = _script_chars(page)
    if not _JS_NOTICE.search(article) and scripts < 5 * max(len(article), 400):
        return ""
    return (
        f"{escape_line(shown)}: its article reads {len(article):,} characters while its "
        f"scripts hold {scripts:,}: the page may be built by JavaScript, whose text is not "
        "read (save the page once it has loaded, or its text as .txt)"
    )


# Comments a browser writes above a saved page ("<!-- saved from url=(0058)https://... -->").
_LEADING_COMMENTS = re.compile(r"\A\s*(?:<!--.*?-->\s*)*", re.S)


def _is_html(path: Path, text: str) -> bool:
    head = text[_LEADING_COMMENTS.match(text[:4096]).end() :][:20].lower()  # type: ignore[union-attr]
    return path.suffix.lower() in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html"))


def _mhtml_page(raw: bytes) -> tuple[str, str] | None:
    """The page (and its encoding) of a browser's "Save as single file" (.mhtml): a MIME
    message whose first text/html part holds it, quoted-printable. Read as text, its soft
    line breaks split words and figures ("41,0=" "00": a changed figure that was not)."""
    head = raw[:4096]
    if b"MIME-Version:" not in head or b"multipart/related" not in head.lower():
        return None
    import email
    import email.policy

    message = email.message_from_bytes(raw, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            # Decoded as any file is: Chrome names no charset on the part.
            return decode_bytes(payload) if isinstance(payload, bytes) and payload else None
    return None


def _extract_html(text: str) -> tuple[str, str, str, str]:
    """Return (article text, page title, publication date, site name); works on the string
    only, so nothing is fetched. The date is the page's own (metadata and markup, not dates the
    article mentions: no extensive search), the original one rather than an update."""
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
    # The page's own date only (metadata and markup): the extensive search through the text
    # (htmldate) cost more than extracting the article (1.7 s of 2.6 s on an 800 KB page) and
    # finds dates the story mentions, not when it was published.
    # With its time where the page gives it with its zone: two versions of a story are
    # often published the same day, and only the hour says which came first.
    meta = trafilatura.extract_metadata(
        text,
        extensive=False,
        date_config={
            "extensive_search": False,
            "original_date": True,
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
        },
    )
    if article:
        article = _lead_restored(text, article)
    title = (getattr(meta, "title", None) or "").strip()
    found = getattr(meta, "date", None) or ""
    if found and found[:10] in _marked(_UPDATED, text) - _marked(_PUBLISHED, text):
        found = ""  # when it was last changed, not when it was published
    # The time only with its zone: a page giving a day only reads as its midnight (with a
    # zone or not), and a time without a zone is one nothing can compare to the minute.
    zoned = re.search(r"[+-]\d\d:?\d\d$", found)
    date = normalise(found if zoned and "T00:00:00" not in found else found[:10])
    site = " ".join((getattr(meta, "sitename", None) or "").split())
    return article or "", title, date, site


# A date the page marks as an update: "Updated <time datetime=2026-06-14T10:00>", "Last
# modified: 2026-06-14".
_UPDATED = re.compile(
    r"(?:updated|modified|last\s+edited|amended)\b[^<>]{0,40}(?:<[^>]*>\s*){0,3}?"
    r"(?:<time[^>]*datetime=[\"']?)?(\d{4}-\d\d-\d\d)",
    re.I,
)


# ...and one it marks as its publication ("article:published_time", "datePublished").
_PUBLISHED = re.compile(r"publish\w*[^<>\d]{0,20}(\d{4}-\d\d-\d\d)", re.I)


def _marked(pattern: re.Pattern[str], page: str) -> set[str]:
    """The days a page marks so. A publication date found only among its update days is an
    update's: a page with no date metadata, "Updated <time>14 June</time> · First published
    9 June", was dated the 14th, and the tree, reading dates as decisive, made the original
    a copy of its copy."""
    return set(pattern.findall(page))


# A paragraph of prose: enough words, and a sentence's end (a byline or a date line has
# neither).
_PROSE = re.compile(r"(?:\S+\s+){11,}\S*[.!?][\"'\u201d\u2019)]*")
# Where a lead never is.
_NOT_LEAD = frozenset({"aside", "figure", "figcaption", "nav", "footer", "blockquote", "form"})
_BLOCKS = ("p", "div", "section", "header", "h1", "h2", "h3", "h4", "ul", "ol", "table")


def _lead_restored(page: str, article: str) -> str:
    """``article`` with the headline and paragraphs its page's <article> holds above the
    block it was taken from. trafilatura takes a story from its "article-body" element when
    there is one, and so lost a bold lead set between the headline and the body (``<div
    class="lead-text">``, ``<p class="standfirst">``): the lead, the most copied sentence,
    then read as dropped."""
    import lxml.html

    first = " ".join(article.split("\n", 1)[0].split())[:80]
    if not first:
        return article
    try:
        root = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return article
    # The block holding the article's first paragraph, found by going down from the root
    # into the first child holding it (each element's text read once, not the whole page
    # once per element), and the body around it.
    holder, e = None, root
    while e is not None:
        holder = e
        e = next((c for c in e if first in " ".join(c.text_content().split())), None)
    body = next(holder.iterancestors("div", "section"), None) if holder is not root else None
    box = next(body.iterancestors("article", "main"), None) if body is not None else None
    if box is None:
        return article
    above = set(body.iterancestors())
    lead: list[str] = []
    for e in box.iter("h1", *_BLOCKS[:3]):  # in document order: the blocks before the body
        if e is body:
            break
        if e in above or any(c.tag in _BLOCKS for c in e):
            continue
        if any(a.tag in _NOT_LEAD for a in e.iterancestors()):
            continue
        line = " ".join(e.text_content().split())
        # The headline too: left out, the wire's headline read as dropped from the page.
        if (e.tag == "h1" or _PROSE.fullmatch(line)) and line and line not in article:
            lead.append(line)
    return "\n".join([*lead, article]) if lead else article


# An agency's keyword slug: "Switzerland-UN-diplomacy-telecommunication-internet,FOCUS".
_KEYWORD_SLUG = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+){2,}(?:,[\w -]+)*")
_EMBARGO = re.compile(r"embargo", re.I)
_BYLINE = re.compile(r"by\s+[A-Z]")


def _furniture_line(line: str) -> bool:
    """A wire's lines above its headline: rules, slug and routing lines, embargo, memo; and
    a corpus file's markup tags ("<DOC>")."""
    return bool(
        not re.search(r"[^\W\d_]", line)
        or TAG_LINE.fullmatch(line)
        or _agency_kind(line)
        or _KEYWORD_SLUG.fullmatch(line)
        or _EMBARGO.match(line)
    )


def _text_title(text: str) -> str:
    """A headline-like first line becomes the title; a first sentence of prose does not.
    A wire's furniture above its headline (rule, slug, embargo and memo lines) is passed
    over, and its paragraph marks ("<") dropped.

    A first line followed directly by one opening with a lower-case word ("the", "classes,")
    is hard-wrapped prose, not a headline; names like "xAI" or "iPhone" don't count, nor
    does a byline ("by Camille Fournier-Dahl").
    """
    # Blank lines stay: a headline followed by one is not the start of wrapped prose.
    lines = [" ".join(x.split()).rstrip("<").rstrip() for x in text.lstrip().splitlines()]
    skip = 0
    while skip < min(len(lines) - 1, _FURNITURE_LINES):
        line = lines[skip]
        shut = next(
            (
                k
                for k in range(skip, min(skip + 3, len(lines) - 1))
                if lines[k].endswith((")", "]"))
            ),
            None,
        )
        opened = line.count("(") + line.count("[") > line.count(")") + line.count("]")
        if line.startswith(("(", "[")) and opened and shut is not None:
            # "(Memo to editors: ... Pictures / available from PA Photos)": to its bracket,
            # over three lines at most ("(CNN) — Floods ..." shuts it: prose, not a note).
            skip = shut
        elif line and not _furniture_line(line):
            break
        skip += 1
    lines = lines[skip:]
    if not lines or not lines[0] or _furniture_line(lines[0]):
        return ""
    first, after = lines[0], lines[1] if len(lines) > 1 else ""
    following = re.match(r"[\W\d_]*([^\W\d_]*)", after)
    wrapped = following is not None and following.group(1).islower() and not _BYLINE.match(after)
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
            # The file may have grown since stat; read in chunks, never max_bytes up front.
            raw = read_capped(fh, max_bytes)
    except PermissionError:
        raise LoadError(shown, "permission denied") from None
    except OSError as err:
        raise LoadError(shown, f"unreadable ({(err.strerror or str(err)).lower()})") from None
    if len(raw) > max_bytes:
        raise LoadError(shown, _too_big(len(raw), max_bytes))
    return document_from_bytes(raw, shown)


def document_from_bytes(raw: bytes, shown: str) -> Document:
    """The document a file of these bytes named ``shown`` is: what ``load_document`` gives
    once the file is read, and what a corpus scan reads from a folder's files, so a hit's
    figures are the ones ``storytrace compare`` gives for the same file."""
    p = Path(shown)
    if not raw:
        raise LoadError(shown, "empty file")
    try:
        text, encoding = _mhtml_page(raw) or decode_bytes(raw)
    except ValueError as err:
        raise LoadError(shown, str(err)) from None
    if not text.strip():
        raise LoadError(shown, "empty file (whitespace only)")
    kind = report_kind(text)
    if kind:
        raise LoadError(shown, f"a storytrace {kind} report, not a version of the story")
    guessed = guessed_encoding_warning(shown, text, encoding)

    source_format, date, site, scripted = "text", "", "", ""
    if _is_html(p, text):
        source_format = "html"
        page = text
        elements = len(_START_TAG.findall(text))
        if elements > MAX_HTML_ELEMENTS:
            raise LoadError(
                shown,
                f"web page of {elements:,} elements, more than any article page "
                f"(limit {MAX_HTML_ELEMENTS:,}); save its text as a .txt file to compare it",
            )
        text, title, date, site = _extract_html(text)
        if not text.strip():
            held = _script_chars(page)
            why = f" (its scripts hold {held:,} characters: built by JavaScript?)" if held else ""
            raise LoadError(shown, f"no article text found in HTML{why}")
        scripted = scripted_page_warning(shown, page, text)
    else:
        title = _text_title(text)
    disguised = disguise_warning(shown, text)
    return Document(
        id=utf8_safe(p.stem),
        path=utf8_safe(shown),
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        text=text,
        size=len(raw),
        title=title,
        source_format=source_format,
        date=date,
        date_source="html metadata" if date else "",
        publisher=site,
        warnings=[w for w in (guessed, disguised, scripted) if w],
    )


def _too_big(size: int, max_bytes: int) -> str:
    return f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; raise it with --max-bytes"


# A folder's own paperwork (README.md, LICENSE.txt): never a version of the story.
PAPERWORK = frozenset(
    {"readme", "license", "licence", "copying", "notice", "changelog", "contributing", "authors"}
)


def _directory_entries(
    directory: Path,
) -> tuple[list[tuple[str, bool]], list[str], list[str]]:
    """Text-like files directly in ``directory``, by name, each flagged if its suffix says text;
    the folder's paperwork left out, and its files of other kinds (named on the command line,
    either is read).

    Subdirectories are never entered, so a symlink pointing back up cannot cause a loop.
    """
    entries, paperwork, other = [], [], []
    for entry in sorted(os.scandir(directory), key=lambda e: e.name):
        suffix = Path(entry.name).suffix.lower()
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                continue
        except OSError:
            pass  # e.g. a symlink loop: let loading report it
        if suffix and suffix not in TEXT_SUFFIXES:
            if not entry.name.startswith(EXPORT_PREFIX):  # the user's own exports
                other.append(entry.name)
            continue
        if Path(entry.name).stem.lower() in PAPERWORK:
            paperwork.append(entry.name)
            continue
        entries.append((entry.name, bool(suffix)))
    return entries, paperwork, other


def _listed(names: list[str], shown: int = 6) -> str:
    more = f" and {len(names) - shown:,} more" if len(names) > shown else ""
    return escape_line(", ".join(names[:shown])) + more


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
                entries, _, _ = _directory_entries(Path(given))
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
        except Exception as err:
            # A library bug or a missing optional module (lxml.html.clean inside trafilatura)
            # is this file's problem: the other documents still open.
            seen[key] = False
            warn(str(LoadError(path, f"could not be read ({one_line(err)})")))
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
            entries, paperwork, other = _directory_entries(Path(given))
        except OSError as err:
            reason = "permission denied" if isinstance(err, PermissionError) else err.strerror
            warn(str(LoadError(shown, f"cannot list directory ({reason})")))
            continue
        dir_key = (dir_stat.st_dev, dir_stat.st_ino)
        if dir_key in seen:
            continue
        seen[dir_key] = True
        if paperwork:
            warn(
                f"{escape_line(shown)}: left out {_listed(paperwork)}: the "
                "folder's own notes, not a version (name the file to compare it)"
            )
        # Files without an extension are tried quietly: most are not text and need no warning.
        loaded = [
            add(os.path.join(shown, name), quiet=not by_suffix) for name, by_suffix in entries
        ]
        # Files of other kinds are named, not dropped silently: a story saved as .xml or
        # .sgml is still a version, and naming it on the command line reads it.
        if not any(loaded):
            holds = f"; it holds {_listed(other)}" if other else ""
            warn(str(LoadError(shown, f"no text files ({TEXT_KINDS}){holds}")))
        elif other:
            warn(
                f"{escape_line(shown)}: left out {_listed(other)}: not named as text "
                f"({TEXT_KINDS}; name a file to compare it)"
            )
    return result


def _unique_id(stem: str, used: set[str]) -> str:
    """Same stem from two folders gets -2, -3, ... in load order, so ids stay deterministic."""
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate)
    return candidate
