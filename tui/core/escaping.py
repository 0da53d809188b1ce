"""The one escaping policy: how document text, titles, paths, ids and warnings are shown.

Every document is hostile input. A scraped page can carry ANSI/OSC escape sequences (which a
terminal runs when a user prints a report with ``cat``: retitling the window, planting links,
writing the clipboard), NUL bytes, or bidi overrides that make a viewer show "Bidi live" where the
file says "Bidi evil". ``Document.text`` stays the exact decoded text, since offsets index
it; escaping is for display only, and every format and the app use this module for it.

One notation everywhere:

* C0 controls and DEL as Unicode control pictures: ESC is ``␛``, NUL ``␀``, DEL ``␡``;
* every other invisible or reordering character as ``<U+XXXX>``: bidi controls, zero-width
  and other format characters, C1 controls, lone surrogates, and line or paragraph
  separators where no line break can be shown;
* a file-name byte that is not UTF-8 (``os.fsdecode``'s lone surrogate) as ``<0xE9>``.

Each input character maps to its own replacement (a ``\\r\\n`` pair to one line break, and
tabs where they are expanded, aside), so a span escaped on its own lines up with the whole,
and every shown character can be traced back to one in the file. Zero-width joiners and
non-joiners, soft hyphens and the Arabic number signs are shown as they are: scripts and
emoji need them; :mod:`tui.core.disguise` reports them where they hide inside Latin words.
"""

from __future__ import annotations

import regex

# Bidi embedding/override/isolate controls and the invisible direction marks: they make a
# viewer reorder what it shows ("Trojan Source").
BIDI_CONTROLS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"]
)
# Format characters that shape legitimate text (Persian, Indic scripts, emoji sequences,
# hyphenation, Arabic numbers): kept as they are.
KEPT_FORMAT = "\u00ad\u200c\u200d\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd"
# Line breaks a reflowing or one-line view turns into its own; in a file only \n counts.
LINE_BREAKS = "\n\u2028\u2029\x85"
NEWLINE_PICTURE = "\u2424"  # ␤
TAB_PICTURE = "\u2409"  # ␉

# Everything the policy may change: controls (including tab and line breaks, which each
# policy treats its own way), format characters other than the kept ones, surrogates and
# line/paragraph separators.
_SPECIAL = regex.compile(
    rf"[[\p{{Cc}}\p{{Cf}}\p{{Cs}}\p{{Zl}}\p{{Zp}}]--[{KEPT_FORMAT}]]", regex.V1
)
# The same less tab and line feed, which a file keeps as they are (JSON escapes them itself
# inside strings, and between tokens they are harmless whitespace).
_SPECIAL_IN_FILES = regex.compile(
    rf"[[\p{{Cc}}\p{{Cf}}\p{{Cs}}\p{{Zl}}\p{{Zp}}]--[\t\n{KEPT_FORMAT}]]", regex.V1
)


def _code(ch: str) -> str:
    """The visible form of one character the policy does not show raw."""
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: NUL -> ␀, ESC -> ␛, ...
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xDC80 <= code <= 0xDCFF:
        return f"<0x{code - 0xDC00:02X}>"  # a file-name byte os.fsdecode could not decode
    return f"<U+{code:04X}>"


# A terminal escape sequence: a CSI ("ESC [ 0 m", colour and cursor codes) or an OSC
# ("ESC ] 8 ; ; url BEL", a link), as a file may carry them.
_TERMINAL_ESCAPE = regex.compile("\x1b\\[[0-?]*[ -/]*[@-~]?|\x1b\\][^\x07\x1b]*\x07?")


def blank_escapes(text: str) -> str:
    """``text`` with its terminal escape sequences turned into spaces of their length, for
    reading figures and names: shown, they are codes ("␛[0m"); read, "0m" is 0 million and
    "31" a number the story gives. The offsets stay those of ``text``."""
    if "\x1b" not in text:
        return text
    return _TERMINAL_ESCAPE.sub(lambda m: " " * len(m.group()), text)


def escape_text(text: str, *, newline: str | None = None, tab_size: int = 0) -> str:
    """Multi-line text safe to show, every control visible.

    With ``newline=None`` (files: reports) ``\\n`` and ``\\r\\n`` stay line breaks (as
    ``\\n``), and U+2028, U+2029 and NEL are shown as codes, since a Markdown table or CSV
    row must not break where the file did not. A string (the app's reflowing views) replaces
    every line break, U+2028, U+2029 and NEL included. ``tab_size`` > 0 expands tabs to that
    grid; 0 keeps them. A lone ``\\r`` is always pictured (``␍``): it would move a terminal's
    cursor back over what was written.
    """
    # Files keep line feeds and tabs: looking only for the rest finds nothing in most text.
    special = _SPECIAL_IN_FILES if newline is None and tab_size == 0 else _SPECIAL
    if text.isprintable() or special.search(text) is None:
        return text
    breaks = LINE_BREAKS if newline is not None else "\n"
    out: list[str] = []
    line_start = 0  # index in the output joined so far, for tab stops
    length = 0
    pos = 0
    for m in special.finditer(text):
        i = m.start()
        if i > pos:
            out.append(text[pos:i])
            length += i - pos
        ch = text[i]
        if ch == "\r" and text[i + 1 : i + 2] == "\n":
            piece = ""  # the \n that follows makes the line break
        elif ch in breaks:
            piece = "\n" if newline is None else newline
        elif ch == "\t" and tab_size > 0:
            piece = " " * (tab_size - (length - line_start) % tab_size)
        elif ch == "\t":
            piece = "\t"
        else:
            piece = _code(ch)
        out.append(piece)
        length += len(piece)
        if "\n" in piece:
            line_start = length - len(piece) + piece.rindex("\n") + 1
        pos = i + 1
    out.append(text[pos:])
    return "".join(out)


def escape_reflow(text: str, tab_size: int = 4) -> str:
    """Text a view lays out in lines of its own (the app): every line break becomes a space
    and tabs are expanded."""
    return escape_text(text, newline=" ", tab_size=tab_size)


def escape_line(text: str) -> str:
    """One line for a name, id, path, title or warning: line breaks shown as ``␤`` and tabs as
    ``␉``, so nothing from a file can split or realign the line it is shown in."""
    if text.isprintable():
        return text
    return escape_text(text.replace("\t", TAB_PICTURE), newline=NEWLINE_PICTURE)


def quoted(text: str) -> str:
    """Words of a document quoted in a line of evidence: as written, between single quotes,
    on one line. Not ``repr``, which writes "show's" with a backslash before its
    apostrophe, so the quoted words could not be found in the file."""
    return f"'{escape_line(text)}'"


def escape_char(ch: str) -> str:
    """One character named on its own (a warning listing characters): itself when it shows
    as something, else its code, so a no-break space is not mistaken for a space."""
    return ch if ch.isprintable() else _code(ch)


def utf8_safe(name: str) -> str:
    """A path or id with undecodable file-name bytes shown as ``<0xE9>``, so it can be kept in
    a result and written to a UTF-8 report; every other character is left for the presenter,
    which escapes it for its own place."""
    return regex.sub(r"[\ud800-\udfff]", lambda m: _code(m.group()), name)


def escape_json(dumped: str) -> str:
    """Serialised JSON with every character :func:`escape_text` would not show raw written as
    a JSON ``\\u`` escape: the parsed values stay exactly the documents' text, and the file can
    be printed with ``cat`` without a terminal acting on it."""
    return escape_json_utf8(dumped.encode("utf-8", "surrogatepass")).decode("utf-8")


def escape_json_utf8(dumped: bytes, tail: bytes = b"") -> bytes:
    """:func:`escape_json` on UTF-8 (lone surrogates allowed, as ``surrogatepass`` writes
    them), followed by ``tail``, for a report that is bytes already. A 1 MB comparison's
    report is 12 MB of JSON with a few hundred characters outside printable ASCII; the
    Unicode-property class took 0.7 s to test every character, while numpy finds the bytes
    outside tab, line feed and printable ASCII in milliseconds. A run of such bytes is whole
    characters (every byte of a multi-byte character is above 0x7F), so each run is decoded,
    escaped and encoded on its own; the rest is joined from views, not copies."""
    view = memoryview(dumped)
    out: list[bytes | memoryview] = []
    pos = 0
    for start, end in _unplain_runs(dumped):
        run = dumped[start:end].decode("utf-8", "surrogatepass")
        out.append(view[pos:start])
        out.append(_SPECIAL_IN_FILES.sub(lambda m: _json_code(m.group()), run).encode())
        pos = end
    out.append(view[pos:])
    out.append(tail)
    return b"".join(out)


def _unplain_runs(data: bytes, chunk: int = 1 << 20) -> list[tuple[int, int]]:
    """(start, end) of each run of bytes other than tab, line feed and printable ASCII,
    found a chunk at a time so numpy's masks stay small beside a 12 MB report."""
    import numpy as np

    runs: list[tuple[int, int]] = []
    for base in range(0, len(data), chunk):
        codes = np.frombuffer(data, dtype=np.uint8, count=min(chunk, len(data) - base), offset=base)
        plain = ((codes >= 0x20) & (codes < 0x7F)) | (codes == 0x0A) | (codes == 0x09)
        edges = np.flatnonzero(np.diff(plain, prepend=True, append=True)).tolist()
        for start, end in zip(edges[::2], edges[1::2], strict=True):
            if runs and runs[-1][1] == base + start:  # one run across two chunks
                runs[-1] = (runs[-1][0], base + end)
            else:
                runs.append((base + start, base + end))
    return runs


def _json_code(ch: str) -> str:
    code = ord(ch)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"
