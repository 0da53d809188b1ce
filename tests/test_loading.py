"""Loader behaviour on real seeds, a real cp1252 corpus and hand-made awkward files."""

from __future__ import annotations

import builtins
import hashlib
import os
import random
import socket
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.engine import compare_paths
from tui.core.loading import (
    DEFAULT_MAX_BYTES,
    LoadError,
    decode_bytes,
    load_document,
    load_documents,
)

from .conftest import DATA, REPO, SEEDS

CLOUGH = DATA / "clough-stevenson"
CP1252_PUNCTUATION = set("‘’“”–—•…")

ARTICLE_PARAGRAPHS = [
    "The city council voted on Tuesday to approve funding for a new pedestrian bridge "
    "across the river after two years of debate.",
    "Construction is expected to begin next spring and take about eighteen months to "
    "complete, according to the transport department.",
    "Residents who opposed the plan said they would continue to campaign against it at "
    "the next public meeting in the town hall.",
]
HTML_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Council approves new bridge | Daily Example</title>
<link rel="canonical" href="http://example.invalid/bridge">
<script>alert(1)</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<article>
<h1>Council approves new bridge</h1>
<img src="http://example.invalid/bridge.jpg" alt="">
<p>{ARTICLE_PARAGRAPHS[0]}</p>
<p>{ARTICLE_PARAGRAPHS[1]}</p>
<p>{ARTICLE_PARAGRAPHS[2]}</p>
</article>
<footer>Copyright 2024 Daily Example</footer>
</body></html>
"""


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def assert_one_line_naming(warning: str, name: str) -> None:
    assert "\n" not in warning
    assert name in warning


def assert_exact_decode(doc_path: str | Path, doc_encoding: str, doc_text: str) -> None:
    assert Path(doc_path).read_bytes().decode(doc_encoding) == doc_text


# --- real text ---------------------------------------------------------------------------


def test_seed_directory_loads_all_five_in_name_order() -> None:
    result = load_documents([str(SEEDS)])
    assert result.warnings == []
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(names) == 5
    assert [d.id for d in result.documents] == [Path(n).stem for n in names]
    for doc, name in zip(result.documents, names, strict=True):
        raw = (SEEDS / name).read_bytes()
        assert doc.path == os.path.join(str(SEEDS), name)
        assert doc.size == len(raw)
        assert doc.sha256 == hashlib.sha256(raw).hexdigest()
        assert doc.encoding == "utf-8"
        assert doc.text == raw.decode("utf-8")
        assert doc.source_format == "text"
        assert doc.paragraphs == [] and doc.sentences == []


def test_seed_titles_follow_first_line_rule() -> None:
    docs = {d.id: d for d in load_documents([SEEDS]).documents}
    assert docs["000_dcce54c3826141f5"].title == "Introduction to the AI Deal"
    # "xAI" opening the next line is a name, not wrapped prose.
    assert docs["004_7f577332accbfae7"].title.startswith("We’re feeling cynical about xAI")
    # First line ends with a period: a sentence, not a headline.
    assert docs["001_31fc123e83c1cc46"].title == ""
    # First line is a long paragraph.
    assert docs["002_a9b962200192712f"].title == ""


def test_hard_wrapped_prose_gives_no_title(tmp_path: Path) -> None:
    raw = (
        b"In object-oriented programming, inheritance is a way to form new classes\n"
        b"(instances of which are called objects) using classes that already exist\n"
    )
    assert load_document(write(tmp_path / "wrapped.txt", raw)).title == ""
    headline = b"Storm hits coast\nthe worst in decades, officials said.\n"
    assert load_document(write(tmp_path / "lower.txt", headline)).title == ""
    named = b"Storm hits coast\niPhone sales fell in the region.\n"
    assert load_document(write(tmp_path / "named.txt", named)).title == "Storm hits coast"


WIRE_HEADS = [
    (
        # PA: rules, slug line, embargo, a memo to editors over two lines, paragraph marks.
        "  ========================================\n"
        "  22:58 27/01/26: Page 1 (HHH) SHOWBIZ Awards\n"
        "  ========================================\n"
        "EMBARGOED TO 0001 WEDNESDAY JANUARY 28<\n"
        "(Memo to editors: Full list of winners follows in separate take. Pictures\n"
        "available from PA Photos)\n\n"
        "QUIZ KING TO QUIT AS HE ENDS 14-YEAR FEUD ON STAGE<\n"
        "By Ann Example, PA Showbiz Correspondent<\n"
        "The host of the nation's longest-running quiz show said tonight he would step down.<\n",
        "QUIZ KING TO QUIT AS HE ENDS 14-YEAR FEUD ON STAGE",
    ),
    (
        # AFP: a keyword slug above, a lower-case byline under the headline.
        "Switzerland-UN-diplomacy-telecommunication-internet,FOCUS\n"
        "34 nations sign first treaty to protect undersea internet cables\n"
        "by Camille Example\n\n"
        "Geneva (AFP) - Thirty-four countries on Thursday signed the first treaty.\n",
        "34 nations sign first treaty to protect undersea internet cables",
    ),
    ("BC-US--Wildfire,1st Ld-Writethru\n========\n", ""),  # furniture and nothing under it
    (
        # Prose opening with a bracket it shuts at once: no memo, and hard-wrapped.
        "(CNN) - Flooding hit the coast on Monday\nas rivers burst their banks\n"
        "More rain is due (forecasters said)\nStorm latest\n",
        "",
    ),
]


@pytest.mark.parametrize(("text", "title"), WIRE_HEADS)
def test_a_wires_headline_is_its_title_not_its_furniture(
    tmp_path: Path, text: str, title: str
) -> None:
    """Wire copy opens with furniture; the headline under it is the story's title, without
    the PA paragraph mark, and a byline under the headline is no hard-wrapped prose."""
    assert load_document(write(tmp_path / "wire.txt", text.encode())).title == title


def test_path_is_kept_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    doc = load_document("./seeds/000_dcce54c3826141f5.txt")
    assert doc.path == "./seeds/000_dcce54c3826141f5.txt"
    result = load_documents(["seeds/"])
    assert result.documents[0].path == "seeds/000_dcce54c3826141f5.txt"


def test_clough_cp1252_files_decode_as_cp1252() -> None:
    if not CLOUGH.is_dir():
        pytest.skip(f"{CLOUGH} not available")
    checked = 0
    for path in sorted(CLOUGH.glob("*.txt")):
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
            continue
        except UnicodeDecodeError as err:
            bad_byte = raw[err.start : err.start + 1]
        doc = load_document(path)
        assert doc.encoding == "cp1252", path.name
        assert raw.decode(doc.encoding) == doc.text
        char = bad_byte.decode("cp1252")
        assert char in CP1252_PUNCTUATION
        assert char in doc.text
        checked += 1
    if checked == 0:
        pytest.skip("no non-UTF-8 file found in the corpus")


def test_clough_directory_loads_every_story_exactly() -> None:
    if not CLOUGH.is_dir():
        pytest.skip(f"{CLOUGH} not available")
    result = load_documents([CLOUGH])
    # The corpus's labels are no story: said once, and nothing else is.
    (warning,) = result.warnings
    assert "left out labels.csv, pairs.jsonl: not named as text" in warning
    assert len(result.documents) == len(list(CLOUGH.glob("*.txt")))
    for doc in result.documents:
        assert_exact_decode(doc.path, doc.encoding, doc.text)


# --- encodings ---------------------------------------------------------------------------


def test_utf8_bom_uses_utf8_sig(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + "Caf\u00e9 owner speaks\nSecond line.\n".encode()
    doc = load_document(write(tmp_path / "bom.txt", raw))
    assert doc.encoding == "utf-8-sig"
    assert doc.text.startswith("Café")
    assert raw.decode(doc.encoding) == doc.text
    assert doc.title == "Café owner speaks"


def test_utf16_le_with_bom(tmp_path: Path) -> None:
    text = "Résumé of the day\nThe minister said “no”.\n"
    raw = b"\xff\xfe" + text.encode("utf-16-le")
    doc = load_document(write(tmp_path / "u16.txt", raw))
    assert doc.encoding == "utf-16"
    assert doc.text == text
    assert raw.decode(doc.encoding) == doc.text


def test_utf32_with_bom(tmp_path: Path) -> None:
    text = "Breaking news\nIt rained.\n"
    raw = text.encode("utf-32")  # Python writes a BOM for the plain codec
    doc = load_document(write(tmp_path / "u32.txt", raw))
    assert doc.encoding == "utf-32"
    assert doc.text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_not_binary(tmp_path: Path, codec: str) -> None:
    text = "Storm closes harbour\nShips stayed in port on Monday – the first time in years.\n"
    raw = text.encode(codec)
    assert b"\x00" in raw
    doc = load_document(write(tmp_path / "nobom.txt", raw))
    assert doc.encoding == codec
    assert doc.text == text


def test_cp1252_written_file(tmp_path: Path) -> None:
    text = "The mayor’s office said the “review” was over – for now.\n" * 3
    raw = text.encode("cp1252")
    doc = load_document(write(tmp_path / "win.txt", raw))
    assert doc.encoding == "cp1252"
    assert doc.text == text


# English news in Windows-1252: curly quotes, dashes, signs. Each of these was read as a DOS,
# Mac or CJK code page (cp775, cp437, big5hkscs, ...) before Latin text got a Western prior.
WESTERN_NEWS = [
    "He was fined £80,000.\n",
    "Newton Abbot “for cash”, the court heard. Costs of €1,200 were awarded.\n",
    "Costs: €3m … and rising\n",
    "Prosecutor Anne Hale said “the fuel was worth up to £58,000”.\n",
    "(Memo to editors: embargoed until 00:01 on Monday — © Reuters)\n",
    "It rose 5°C in Zürich, the café owner said.\n",
]
# Other scripts and Latin pages that must keep reading right.
OTHER_PAGES = [
    ("Zażółć gęślą jaźń. Prezydent powiedział, że rząd przyjmie ustawę.\n" * 2, "cp1250"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda schválila návrh zákona.\n" * 2, "cp1250"),
    ("Президент заявил, что закон примут на следующей неделе.\n" * 3, "koi8-r"),
    ("Президент заявил, что закон примут на следующей неделе.\n" * 3, "cp1251"),
    ("政府は来週、新しい法案を国会に提出すると発表した。\n" * 2, "shift_jis"),
    ("政府宣布将于下周向议会提交新法案，反对党表示反对。\n" * 2, "gb18030"),
]


@pytest.mark.parametrize("text", WESTERN_NEWS)
def test_western_news_reads_as_cp1252(text: str) -> None:
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize(("text", "codec"), OTHER_PAGES)
def test_other_scripts_and_pages_still_read_exactly(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec))[0] == text


def test_a_seed_in_cp1252_reads_exactly_and_says_it_was_guessed(tmp_path: Path) -> None:
    """A real story whose only non-ASCII bytes are pound signs (0xA3)."""
    seed = (SEEDS / "000_dcce54c3826141f5.txt").read_text(encoding="utf-8")
    text = "".join(ch for ch in seed if ch.isascii()).replace("$", "£")
    pounds = text.count("£")
    assert pounds >= 2
    doc = load_document(write(tmp_path / "gazette.txt", text.encode("cp1252")))
    assert (doc.encoding, doc.text) == ("cp1252", text)
    assert doc.warnings == [
        f"{tmp_path / 'gazette.txt'}: no byte-order mark and not UTF-8; read as cp1252 "
        f"(guessed): {pounds} characters affected: £ (0xA3) ×{pounds}"
    ]


def test_guess_warning_lists_each_character_with_its_bytes(tmp_path: Path) -> None:
    text = "Café prices rose — £5 for a coffee, said Renée.\u00a0Really.\n"
    doc = load_document(write(tmp_path / "x.txt", text.encode("cp1252")))
    assert doc.warnings == [
        f"{tmp_path / 'x.txt'}: no byte-order mark and not UTF-8; read as cp1252 (guessed): "
        "5 characters affected: é (0xE9) ×2, — (0x97), £ (0xA3), <U+00A0> (0xA0)"
    ]
    report = compare_paths([str(tmp_path / "x.txt"), str(SEEDS / "000_dcce54c3826141f5.txt")])
    assert doc.warnings[0] in report.warnings


def test_certain_encodings_give_no_warning(tmp_path: Path) -> None:
    text = "Café £5\n"
    for name, raw in (
        ("utf8.txt", text.encode()),
        ("bom.txt", b"\xef\xbb\xbf" + text.encode()),
        ("utf16.txt", text.encode("utf-16")),
    ):
        assert load_document(write(tmp_path / name, raw)).warnings == [], name


def test_crlf_is_kept_and_offsets_match(tmp_path: Path) -> None:
    raw = "First line here\r\nThe second line – with a dash\r\n".encode()
    doc = load_document(write(tmp_path / "crlf.txt", raw))
    assert "\r\n" in doc.text
    assert doc.text.index("second") == raw.decode("utf-8").index("second") == 21
    assert len(doc.text) == len(raw.decode("utf-8"))


def test_truncated_utf8_is_rejected_with_clear_reason(tmp_path: Path) -> None:
    # Valid UTF-8 with accents that stops in the middle of a three-byte "’".
    raw = "Café owner’s statement\nShe said ‘no’".encode() + "’".encode()[:2]
    path = write(tmp_path / "cut.txt", raw)
    with pytest.raises(LoadError) as info:
        load_document(path)
    message = str(info.value)
    assert "cut.txt" in message
    assert "truncated UTF-8" in message
    assert f"byte {len(raw) - 2}" in message


def test_ascii_ending_in_latin1_byte_is_not_called_truncated(tmp_path: Path) -> None:
    # 0xE9 also starts a UTF-8 sequence, but with a pure-ASCII body it is cp1252 "é".
    raw = b"Lunch at the corner caf\xe9"
    doc = load_document(write(tmp_path / "cafe.txt", raw))
    assert doc.encoding == "cp1252"
    assert doc.text.endswith("café")


@settings(max_examples=150, deadline=None)
@given(st.binary(min_size=1, max_size=300))
def test_decode_bytes_is_exact_or_refuses(raw: bytes) -> None:
    try:
        text, codec = decode_bytes(raw)
    except ValueError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert raw.decode(codec) == text


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=200))
def test_decode_bytes_round_trips_utf8_text(text: str) -> None:
    raw = text.encode("utf-8")
    try:
        decoded, codec = decode_bytes(raw)
    except ValueError:
        # Only text that happens to start with a binary magic number may be refused.
        assert text.startswith(("%PDF-", "GIF8", "PK", "7z"))
        return
    assert raw.decode(codec) == decoded
    assert decoded == text.removeprefix("\ufeff")


# --- refusals ----------------------------------------------------------------------------


def test_empty_and_whitespace_only(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"empty\.txt: empty file"):
        load_document(write(tmp_path / "empty.txt", b""))
    with pytest.raises(LoadError, match=r"blank\.txt: empty file \(whitespace only\)"):
        load_document(write(tmp_path / "blank.txt", b" \r\n\t\n  \n"))


def test_png_is_binary(tmp_path: Path) -> None:
    rng = random.Random(7)
    raw = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2048)) + b"\x00" * 8
    with pytest.raises(LoadError, match=r"pic\.txt: binary file \(PNG image\), skipped"):
        load_document(write(tmp_path / "pic.txt", raw))


def test_random_bytes_with_nuls_are_binary(tmp_path: Path) -> None:
    rng = random.Random(3)
    raw = bytes(rng.randrange(256) for _ in range(4096))
    assert b"\x00" in raw
    with pytest.raises(LoadError, match=r"noise\.txt: binary file"):
        load_document(write(tmp_path / "noise.txt", raw))


def test_control_characters_are_binary(tmp_path: Path) -> None:
    raw = b"header\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 20
    with pytest.raises(LoadError, match=r"control characters"):
        load_document(write(tmp_path / "ctl.txt", raw))


def test_missing_path() -> None:
    with pytest.raises(LoadError) as info:
        load_document("./nope/missing.txt")
    assert str(info.value) == "./nope/missing.txt: no such file or directory, skipped"


def test_directory_and_special_files_are_not_documents(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a directory"):
        load_document(tmp_path)
    with pytest.raises(LoadError, match="not a regular file"):
        load_document("/dev/null")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # Would block forever if the loader opened it.
    with pytest.raises(LoadError, match=r"pipe\.txt: not a regular file"):
        load_document(fifo)


def test_oversized_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = write(tmp_path / "big.txt", b"All work and no play.\n" * 233)  # 5,126 bytes
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(file) == os.fspath(big):
            raise AssertionError("oversized file was opened")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    with pytest.raises(LoadError) as info:
        load_document(big, max_bytes=1000)
    assert str(info.value) == (
        f"{big}: file is 5,126 bytes, over the 1,000-byte limit; raise it with --max-bytes, skipped"
    )
    assert DEFAULT_MAX_BYTES == 20_000_000


def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", b"Classified story\nNothing to see.\n")
    path.chmod(0)
    try:
        if os.geteuid() == 0:
            # root reads through mode 000; the file must then simply load.
            assert load_document(path).text.startswith("Classified")
        else:
            with pytest.raises(LoadError, match=r"secret\.txt: permission denied"):
                load_document(path)
    finally:
        path.chmod(0o644)


# --- HTML --------------------------------------------------------------------------------


def test_html_article_is_extracted_without_script_or_nav(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the loader tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    path = write(tmp_path / "bridge.html", HTML_PAGE.encode())
    doc = load_document(path)
    assert doc.source_format == "html"
    assert doc.title == "Council approves new bridge"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    assert "alert" not in doc.text
    assert "Weather" not in doc.text
    assert doc.encoding == "utf-8"
    assert doc.size == len(HTML_PAGE.encode())


def test_copies_of_one_page_each_keep_all_paragraphs(tmp_path: Path) -> None:
    # Versions of a story share paragraphs; extraction must not drop text it has seen before.
    paths = [write(tmp_path / f"copy{i}.html", HTML_PAGE.encode()) for i in range(4)]
    result = load_documents(paths)
    assert result.warnings == []
    assert [d.id for d in result.documents] == ["copy0", "copy1", "copy2", "copy3"]
    for doc in result.documents:
        for paragraph in ARTICLE_PARAGRAPHS:
            assert paragraph in doc.text, doc.id


def test_a_pages_site_name_is_its_publisher_and_a_text_file_has_none(tmp_path: Path) -> None:
    page = HTML_PAGE.replace(
        "<head>", '<head><meta property="og:site_name" content="Riverton  Gazette">', 1
    )
    assert page != HTML_PAGE
    doc = load_document(write(tmp_path / "bridge.html", page.encode()))
    assert doc.publisher == "Riverton Gazette"
    text = load_document(write(tmp_path / "bridge.txt", "\n\n".join(ARTICLE_PARAGRAPHS).encode()))
    assert text.publisher == ""


def test_html_detected_by_content_without_suffix(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "page", HTML_PAGE.encode()))
    assert doc.source_format == "html"
    assert ARTICLE_PARAGRAPHS[1] in doc.text


def test_html_without_article_text(tmp_path: Path) -> None:
    raw = b"<!doctype html><html><head><script>var x = 1;</script></head><body></body></html>"
    with pytest.raises(LoadError, match=r"shell\.htm: no article text found"):
        load_document(write(tmp_path / "shell.htm", raw))


# --- many paths --------------------------------------------------------------------------


def test_mix_of_good_and_bad_paths(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    binary = write(tmp_path / "blob.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 64)
    nodir = tmp_path / "nothing_here"
    nodir.mkdir()
    missing = tmp_path / "ghost.txt"
    seed_a = SEEDS / "000_dcce54c3826141f5.txt"
    seed_b = SEEDS / "003_bdfd22743b811459.txt"
    result = load_documents([seed_a, empty, missing, binary, seed_b, nodir])
    assert [d.id for d in result.documents] == [seed_a.stem, seed_b.stem]
    assert len(result.warnings) == 4
    for warning, name in zip(
        result.warnings, ["empty.txt", "ghost.txt", "blob.txt", "nothing_here"], strict=True
    ):
        assert_one_line_naming(warning, name)
    assert "ELF" in result.warnings[2]
    assert "no text files" in result.warnings[3]


def test_directory_picks_text_like_files_only(tmp_path: Path) -> None:
    d = tmp_path / "stories"
    d.mkdir()
    write(d / "b.md", b"# Second\nBody text.\n")
    write(d / "a.txt", b"First\nBody text.\n")
    write(d / "NOTES", b"Plain notes without an extension.\n")
    write(d / "core", b"\x00\x01\x02binary core dump\x00" * 10)  # quietly ignored
    write(d / ".hidden.txt", b"Should not load.\n")
    write(d / "photo.png", b"\x89PNG\r\n\x1a\n")
    write(d / "data.csv", b"a,b\n1,2\n")
    (d / "sub.txt").mkdir()  # a directory with a text suffix is not a file
    result = load_documents([d])
    assert [d.id for d in result.documents] == ["NOTES", "a", "b"]
    (warning,) = result.warnings  # a file of another kind is named, not dropped silently
    assert "left out data.csv, photo.png: not named as text" in warning


def test_directory_without_text_files_warns(tmp_path: Path) -> None:
    d = tmp_path / "pictures"
    d.mkdir()
    write(d / "photo.png", b"\x89PNG\r\n\x1a\n")
    write(d / ".notes.txt", b"hidden\n")
    result = load_documents([d])
    assert result.documents == []
    assert len(result.warnings) == 1
    assert_one_line_naming(result.warnings[0], "pictures")
    assert (
        "no text files (.txt, .md, .text, .html, .htm, .mhtml, .mht); it holds photo.png"
        in result.warnings[0]
    )


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    d = tmp_path / "loops"
    d.mkdir()
    write(d / "real.txt", b"A real story\nIt happened.\n")
    os.symlink("self.txt", d / "self.txt")
    os.symlink("ping", d / "pong")
    os.symlink("pong", d / "ping")
    os.symlink(".", d / "again")
    os.symlink("..", d / "parent")
    os.symlink("real.txt", d / "same.txt")
    outcome: list[object] = []
    worker = threading.Thread(
        target=lambda: outcome.append(load_documents([d, d / "again", d / "self.txt"])),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "loading a directory with symlink loops hung"
    result = outcome[0]
    assert [doc.id for doc in result.documents] == ["real"]  # same.txt is the same file
    # self.txt is reached through the listing and given directly, but reported once.
    assert len(result.warnings) == 1
    assert_one_line_naming(result.warnings[0], "self.txt")
    assert "symbolic links" in result.warnings[0]


def test_duplicate_paths_load_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    link = tmp_path / "link.txt"
    os.symlink(REPO / "seeds/001_31fc123e83c1cc46.txt", link)
    result = load_documents(
        [
            "seeds/001_31fc123e83c1cc46.txt",
            "./seeds/001_31fc123e83c1cc46.txt",
            link,
            "seeds",
        ]
    )
    assert result.warnings == []
    ids = [d.id for d in result.documents]
    assert ids.count("001_31fc123e83c1cc46") == 1
    assert len(ids) == 5
    assert result.documents[0].path == "seeds/001_31fc123e83c1cc46.txt"


def test_duplicate_stems_get_unique_ids(tmp_path: Path) -> None:
    for folder, body in [("wire", b"Wire copy\nFirst.\n"), ("site", b"Site copy\nSecond.\n")]:
        (tmp_path / folder).mkdir()
        write(tmp_path / folder / "story.txt", body)
    write(tmp_path / "site" / "story.md", b"Markdown copy\nThird.\n")
    paths = [tmp_path / "wire", tmp_path / "site"]
    result = load_documents(paths)
    assert [d.id for d in result.documents] == ["story", "story-2", "story-3"]
    assert [d.title for d in result.documents] == ["Wire copy", "Markdown copy", "Site copy"]
    again = load_documents(paths)
    assert [(d.id, d.path, d.encoding) for d in again.documents] == [
        (d.id, d.path, d.encoding) for d in result.documents
    ]


def test_load_documents_never_raises_for_odd_inputs(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = load_documents([fifo, "/dev/null", tmp_path / "missing" / "deep.txt"])
    assert result.documents == []
    assert len(result.warnings) == 3
    for warning, name in zip(result.warnings, ["fifo", "/dev/null", "deep.txt"], strict=True):
        assert_one_line_naming(warning, name)


def test_newline_in_file_name_keeps_warning_on_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "two\nlines.txt", b"")
    result = load_documents([path])
    assert len(result.warnings) == 1
    assert "\n" not in result.warnings[0]
    assert "two\u2424lines.txt" in result.warnings[0]


def test_a_folders_readme_is_left_out_with_a_warning_unless_named(tmp_path: Path) -> None:
    """A family folder often carries a README.md (where the copies were found): it is no
    version of the story. Named on its own, it is read like any file."""
    story = "Councillors voted last night to close the harbour fish market.\n"
    (tmp_path / "wire.txt").write_text(story, encoding="utf-8")
    (tmp_path / "paper.md").write_text(story, encoding="utf-8")
    (tmp_path / "README.md").write_text("Where these copies were found.\n", encoding="utf-8")
    loaded = load_documents([tmp_path])
    assert [d.id for d in loaded.documents] == ["paper", "wire"]
    assert any("left out README.md" in w for w in loaded.warnings)
    named = load_documents([tmp_path / "README.md", tmp_path / "wire.txt"])
    assert [d.id for d in named.documents] == ["README", "wire"] and not named.warnings


def test_a_folders_files_of_other_kinds_are_named_in_a_warning_not_dropped_silently(
    tmp_path: Path,
) -> None:
    """A story saved as .xml or .sgml was skipped without a word, so a folder of four papers
    compared two. Named on the command line, such a file is read as text."""
    story = "Councillors voted last night to close the harbour fish market.\n"
    (tmp_path / "wire.txt").write_text(story, encoding="utf-8")
    (tmp_path / "times.xml").write_text(f"<DOC>\n{story}</DOC>\n", encoding="utf-8")
    (tmp_path / "sun.sgml").write_text(story, encoding="utf-8")
    for n in range(7):
        (tmp_path / f"page{n}.php").write_text(story, encoding="utf-8")
    loaded = load_documents([tmp_path])
    assert [d.id for d in loaded.documents] == ["wire"]
    (warning,) = loaded.warnings
    assert "left out page0.php, page1.php, page2.php" in warning
    assert warning.endswith(
        "and 3 more: not named as text (.txt, .md, .text, .html, .htm, .mhtml, .mht; "
        "name a file to compare it)"
    )
    named = load_documents([tmp_path / "times.xml", tmp_path / "sun.sgml"])
    assert [d.id for d in named.documents] == ["times", "sun"] and not named.warnings


def test_a_lead_set_between_the_headline_and_the_article_body_is_kept(tmp_path: Path) -> None:
    """trafilatura took the story from its "article-body" element and lost the bold lead
    above it: the lead, the most copied sentence of a story, then read as dropped."""
    lead = (
        "A harbourmaster at one of England's busiest fishing ports was jailed for four years "
        "today for selling thousands of litres of diesel seized from trawlers."
    )
    body = "".join(
        f"<p>{p}</p>"
        for p in (
            "Thomas Keble, 52, of Quay Street, Brixham, admitted theft and misconduct in a "
            "public office at Exeter Crown Court.",
            "The court heard that Keble sold 41,000 litres of red diesel to a haulage firm in "
            "Newton Abbot for cash over ten months.",
            "Judge Martin Pryce said he had betrayed the trust placed in him by the harbour "
            "authority and by the fishermen of the port.",
        )
    )
    page = (
        "<html><head><title>Harbourmaster jailed</title></head><body>"
        "<nav><p>News Sport Weather and the rest of the site's sections are listed here "
        "today.</p></nav><main><article><h1>Harbourmaster jailed</h1>"
        "<p class='byline'>By Jane Roe, 9 June 2026</p>"
        f"<figure><figcaption>Trawlers moored at the quay in Brixham on a grey morning in "
        f"June this year.</figcaption></figure><div class='lead-text'><strong>{lead}</strong>"
        f"</div><div class='article-body'>{body}</div></article></main>"
        "<aside><p>Comments: Four years is nothing for what he did to the fishermen of this "
        "town, says a reader.</p></aside></body></html>"
    )
    path = tmp_path / "mirror.html"
    path.write_text(page, encoding="utf-8")
    doc = load_document(path)
    # The headline too: left out, the wire's headline read as dropped from the page.
    headline, first, second = doc.text.split("\n")[:3]
    assert headline == "Harbourmaster jailed"
    assert first == lead and second.startswith("Thomas Keble, 52")
    assert "By Jane Roe" not in doc.text and "Trawlers moored" not in doc.text
    assert "News Sport" not in doc.text


def test_a_page_its_scripts_build_is_named_in_a_warning(tmp_path: Path) -> None:
    """A copy saved before its scripts ran was compared as its "enable JavaScript" notice
    and cleared as independent of the wire it copied, without a word of warning."""
    story = "A harbourmaster was jailed for four years for selling seized diesel. " * 30
    shell = (
        "<html><head><title>Harbourmaster jailed</title><script>window.__STATE__ = "
        f'{{"body": "{story}"}};</script></head><body><main><article><h1>Harbourmaster '
        "jailed</h1><noscript><p>You need to enable JavaScript to read this story on our "
        "site.</p></noscript><p>Loading the latest story for you, please wait a moment or two "
        "longer.</p></article></main></body></html>"
    )
    path = tmp_path / "client.html"
    path.write_text(shell, encoding="utf-8")
    (warning,) = load_document(path).warnings
    assert warning.startswith(f"{path}: its article reads ")
    assert "may be built by JavaScript" in warning and "\n" not in warning
    empty = tmp_path / "empty.html"
    script = shell[shell.index("<script>") : shell.index("</head>")]
    empty.write_text(f"<html><head>{script}</head><body><div id='root'></div></body></html>")
    with pytest.raises(LoadError, match="built by JavaScript"):
        load_document(empty)
    # A page whose article is whole is no such page, whatever its scripts.
    whole = tmp_path / "whole.html"
    whole.write_text(
        shell.replace("Loading the latest", story[:700] + " Loading"), encoding="utf-8"
    )
    assert not load_document(whole).warnings


def test_a_page_saved_as_one_file_or_without_its_suffix_is_read_as_a_web_page(
    tmp_path: Path,
) -> None:
    """Chrome's "Save as... single file" (.mhtml) was compared as its MIME source: a soft
    line break splitting "41,0=" from "00" read as a changed figure. A page saved without
    its suffix, opening with the browser's "saved from" comment, was compared as markup."""
    import quopri

    paras = [
        "A harbourmaster was jailed for four years for selling 41,000 litres of red diesel.",
        "Prosecutor Anne Hale said the fuel was worth up to £58,000 to a haulage firm.",
        "Judge Martin Pryce said he had betrayed the trust of the fishermen of the port.",
    ]
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbourmaster jailed</title>'
        "</head><body><article><h1>Harbourmaster jailed</h1>"
        + "".join(f"<p>{p}</p>" for p in paras)
        + "</article></body></html>"
    )
    body = quopri.encodestring(page.encode("utf-8")).replace(b"41,000", b"41,0=\n00")
    mhtml = (
        b"From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related;\n"
        b'\ttype="text/html";\n\tboundary="----B----"\n\n\n------B----\n'
        b"Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n"
        + body
        + b"\n------B------\n"
    )
    (tmp_path / "courier.mhtml").write_bytes(mhtml)
    (tmp_path / "saved").write_text(
        "<!-- saved from url=(0040)https://courier.example/news/jailed -->\n" + page,
        encoding="utf-8",
    )
    for name in ("courier.mhtml", "saved"):
        doc = load_document(tmp_path / name)
        assert doc.source_format == "html", name
        assert doc.text.split("\n")[-3:] == paras, name
    # A folder reads the .mhtml file with the others, and so does a scan's corpus folder.
    assert [d.id for d in load_documents([tmp_path]).documents] == ["courier", "saved"]
    from tui.scan.corpus import plan
    from tui.scan.records import ShardReader

    corpus = plan([str(tmp_path)])
    assert corpus.warnings == []
    [article] = [
        a for shard in corpus.shards for a in ShardReader(shard).records() if "mhtml" in a.ref.file
    ]
    assert article.text == load_document(tmp_path / "courier.mhtml").text
    # The page without a suffix is tried as compare tries it; a binary one is passed over.
    (tmp_path / "photo").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    found = [a.ref.file for s in plan([str(tmp_path)]).shards for a in ShardReader(s).records()]
    assert sorted(Path(f).name for f in found) == ["courier.mhtml", "saved"]


def test_a_pages_update_date_is_not_taken_for_its_publication(tmp_path: Path) -> None:
    """A page with no date metadata, "Updated <time>14 June</time> · First published 9 June",
    was dated the 14th, and the tree, reading dates as decisive, made it a copy of its copy.
    A page that marks its publication keeps that date, whatever it says of updates."""
    body = "".join(
        f"<p>{p}</p>"
        for p in (
            "A harbourmaster was jailed for four years for selling seized diesel to a firm.",
            "The court heard he kept a ledger of the sales in a biscuit tin in his office.",
        )
    )
    updated = (
        '<div class="byline">By a reporter · Updated <time datetime="2026-06-14T10:00:00+01:00">'
        "14 June 2026</time> · First published 9 June 2026</div>"
    )
    page = (
        "<html><head><title>Jailed</title></head><body>"
        f"<article>{updated}{body}</article></body></html>"
    )
    (tmp_path / "updated.html").write_text(page, encoding="utf-8")
    assert load_document(tmp_path / "updated.html").date == ""
    published = page.replace(
        "<title>",
        '<meta property="article:published_time" content="2026-06-09T17:05:00+01:00"><title>',
    )
    (tmp_path / "published.html").write_text(published, encoding="utf-8")
    assert load_document(tmp_path / "published.html").date == "2026-06-09T16:05Z"
