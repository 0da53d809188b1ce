"""Make hostile document text safe to put on a terminal, and visibly so.

Republished copies come from anywhere: a scraped page can carry ANSI escapes, OSC hyperlinks,
NUL bytes or bidi overrides that reorder what a reader sees (the "Trojan Source" trick).
Rich ``Text`` never interprets markup, but it does pass most control characters straight to
the terminal, so every piece of document text goes through :func:`sanitize` before it is put
into a ``Text``. Each input character maps to its own replacement (tabs aside), so a span of the
original can be sanitised on its own and still line up with the whole.
"""

from __future__ import annotations

# Bidi embedding/override/isolate controls and the invisible direction marks: shown as
# "<U+202E>" so a reader sees that the text tries to reorder itself.
BIDI = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"]
)
# Line and paragraph separators act as line breaks in some terminals.
LINE_BREAKS = frozenset({"\n", "\u2028", "\u2029", "\x85"})


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        # U+2400..U+241F are the "control pictures": NUL -> ␀, ESC -> ␛, ...
        table[code] = chr(0x2400 + code)
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = f"\\x{code:02x}"
    for ch in BIDI:
        table[ord(ch)] = f"<U+{ord(ch):04X}>"
    # Not a control, but an invisible mark in the middle of text hides nothing useful.
    table[0xFEFF] = "<U+FEFF>"
    # Lone surrogates (file-name bytes os.fsdecode could not decode) cannot be encoded for the
    # terminal at all: writing one would crash the app. Shown as the byte, as the loader does.
    for code in range(0xD800, 0xE000):
        table[code] = f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
    del table[0x09]  # tabs are expanded, not pictured
    return table


_TABLE = _build_table()


def sanitize(text: str, *, newline: str = " ", tab_size: int = 4) -> str:
    """Return ``text`` with every control made visible and tabs expanded.

    ``newline`` replaces line breaks (``\\r\\n``, ``\\n``, U+2028/9, NEL); the aligned view reflows
    text, so a single space is the default. A lone ``\\r`` is pictured (``␍``): it would move the
    terminal cursor back over what was written.
    """
    if text.isascii() and text.isprintable():
        return text  # the common case: nothing to do
    out: list[str] = []
    column = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
            i += 1
            ch = "\n"
        if ch in LINE_BREAKS:
            out.append(newline)
            column = 0 if "\n" in newline else column + len(newline)
        elif ch == "\t":
            pad = tab_size - (column % tab_size) if tab_size > 0 else 0
            out.append(" " * pad)
            column += pad
        else:
            piece = _TABLE.get(ord(ch), ch)
            out.append(piece)
            column += len(piece)
        i += 1
    return "".join(out)


def sanitize_name(name: str) -> str:
    """A file name or id for a one-line label: controls shown, line breaks pictured."""
    return sanitize(name, newline="\u2424")  # ␤
