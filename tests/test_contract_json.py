"""The JSON report is written by msgspec in C but must read byte for byte as Python's ``json``
wrote it (sorted keys, one-space indent, UTF-8 text): earlier reports and their hashes stay
comparable with new ones."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.contract import _serialised, dumps
from tui.core.escaping import escape_json, escape_json_utf8

# Any text, lone surrogates included (a file name that is not UTF-8 decodes to them).
TEXT = st.text(
    st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()), max_size=30
)
FLOATS = st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(
    [0.0, -0.0, 1e-05, 0.0001, 0.00012, 1e15, 1e16, 1.5e300, 5e-324, 0.333, 1.0]
)
# The contract's shape: floats only as dict values (scores, signals, coverage, thresholds);
# lists of ints, strings and dicts.
SCALARS = st.none() | st.booleans() | st.integers() | TEXT
LISTED = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner | FLOATS, max_size=4),
    max_leaves=20,
)
DATA = st.dictionaries(TEXT, LISTED | FLOATS, max_size=6)


def _python(data: dict[str, object]) -> bytes:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1)
    return text.encode("utf-8", "surrogatepass")


@settings(max_examples=400)
@given(DATA)
def test_serialised_is_byte_identical_to_pythons_json(data: dict[str, object]) -> None:
    assert _serialised(data) == _python(data)


def test_exponents_and_surrogates_are_written_as_python_writes_them() -> None:
    """The cases msgspec writes its own way (an exponent, a lone surrogate), each spelt out."""
    data = {"small": 1e-05, "big": 1e16, "name": "caf\udce9", "s": {"x": 1.5e300}}
    assert _serialised(data) == _python(data)
    assert b'"small": 1e-05' in _serialised(data)


def test_dumps_escapes_what_a_terminal_would_act_on() -> None:
    data = {"text": "plain \x1b]0;title\x07 \u202eevil\u202c \x7f caf\u00e9 \U0001f600"}
    out = dumps(data)
    assert json.loads(out) == data
    assert "\x1b" not in out and "\u202e" not in out and "\x7f" not in out
    assert "caf\u00e9 \U0001f600" in out


def test_escape_json_escapes_each_character_on_its_own() -> None:
    """A long text with characters to escape among plain ones, multi-byte ones beside them:
    each escaped as it would be alone."""
    piece = "ab\u202e\x7f" + "x" * 1000 + "\u00e9\U0001f600\x1b"
    text = piece * 2500
    assert escape_json(text) == escape_json(piece) * 2500
    assert escape_json(piece) == "".join(escape_json(ch) for ch in piece)
    assert escape_json(piece) == ("ab\\u202e\\u007f" + "x" * 1000 + "\u00e9\U0001f600\\u001b")


def test_escape_json_utf8_is_escape_json_on_bytes() -> None:
    text = "caf\u00e9 \x1b[2J \u202e \udce9 \U0001f600 \x7f\t\n plain"
    raw = text.encode("utf-8", "surrogatepass")
    assert escape_json_utf8(raw) == escape_json(text).encode()
    assert escape_json_utf8(b"plain ascii\n", tail=b"\n") == b"plain ascii\n\n"
    # Runs longer than the chunks the bytes are scanned in, and runs across their edges.
    long = "\u00e9\u202e" * 700_000 + "x\x1b" + "\U0001f600" * 300_000
    assert escape_json_utf8(long.encode()) == escape_json(long).encode()
    assert escape_json(long) == "\u00e9\\u202e" * 700_000 + "x\\u001b" + "\U0001f600" * 300_000
