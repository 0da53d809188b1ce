"""The whole scan on real text: hits, their figures, the contract, determinism across runs,
resuming and Dask, and the command line."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.scan_corpus import article_records, pasted_article, seed, write_jsonl, write_stories
from tui.cli import SCAN_FORMATS, main
from tui.core.engine import compare
from tui.core.loading import load_document
from tui.core.settings import Settings
from tui.scan.contract import SCHEMA, scan_to_json
from tui.scan.model import Article, ArticleRef, Candidate, ScanSettings
from tui.scan.records import read_article
from tui.scan.render import FORMATS, render
from tui.scan.scan import Scan, load_stories
from tui.scan.session import interruptible
from tui.scan.state import state_path
from tui.scan.verify import article_document, compare_story, verify

HOSTILE = '=HYPERLINK("http://x")<script>alert(1)</script>\x1b[2J\u202e'


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, list[Path]]:
    """Stories and the articles split over three files: plain, gzipped, plain."""
    stories = write_stories(tmp_path)
    records = article_records()
    records[0]["title"] = HOSTILE
    files = [
        write_jsonl(tmp_path / "a.jsonl", records[:3]),
        write_jsonl(tmp_path / "b.jsonl.gz", records[3:6], gz=True),
        write_jsonl(tmp_path / "c.jsonl", records[6:], extra=b"{broken\n"),
    ]
    return stories, files


def run(stories: Path, files: list[Path], **kwargs: object) -> Scan:
    docs, _ = load_stories([str(stories)])
    scan = Scan(docs, [str(f) for f in files])
    scan.run(**kwargs)  # type: ignore[arg-type]
    return scan


def test_scan_finds_the_copies_and_agrees_with_the_engine(corpus) -> None:
    stories, files = corpus
    scan = run(stories, files)
    result = scan.result
    found = {(h.story, h.article.record): h for h in result.hits}
    assert ("wire", "sun") in found and found["wire", "sun"].verdict == "wholly-derived"
    assert ("wire", "times") in found
    assert ("seed001", "s000") in found and ("seed001", "s002") in found
    # Two paragraphs pasted into another story: a small part of that page, a part of ours.
    pasted = found["wire", "pasted"]
    assert pasted.source_reused >= 0.1 and pasted.target_derived < pasted.source_reused
    assert not any(record in ("s003", "s004") for _, record in found)
    # The ranking: most of the story taken first.
    shares = [h.source_reused for h in result.hits]
    assert shares == sorted(shares, reverse=True)
    # Each hit's figures are the engine's on that pair, the story as reference.
    docs = {d.id: d for d in scan.index.stories}
    for h in result.hits:
        article = read_article(h.article)
        assert article is not None
        report = compare([docs[h.story], article_document(article)], reference=h.story)
        c = report.comparisons[0]
        assert (c.verdict, c.coverage["source_reused"]) == (h.verdict, h.source_reused)
        assert [r.target_span for r in c.regions] == [r.target_span for r in h.regions]
    counts = result.counts()
    assert counts["articles_read"] == 8 and counts["articles_skipped"] == 1
    assert counts["hits"] == len(result.hits) and counts["stories_matched"] == 2


def test_json_contract_evidence_and_byte_identical_runs(corpus) -> None:
    stories, files = corpus
    first = scan_to_json(run(stories, files).result)
    assert first == scan_to_json(run(stories, files).result)
    data = json.loads(first)
    assert data["schema"] == SCHEMA and data["complete"] is True
    assert {"stories", "corpus", "counts", "settings", "hits", "bad_records"} <= set(data)
    for f, path in zip(data["corpus"]["files"], files, strict=True):
        assert f["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert f["bytes"] == path.stat().st_size
    wire = next(s for s in data["stories"] if s["id"] == "wire")
    assert wire["sha256"] == hashlib.sha256((stories / "wire.txt").read_bytes()).hexdigest()
    assert data["bad_records"] == [
        {"file": str(files[2]), "location": "line 3", "reason": data["bad_records"][0]["reason"]}
    ]
    hit = data["hits"][0]
    assert hit["rank"] == 1 and set(hit["article"]) >= {"file", "record", "url", "location"}
    assert set(hit) >= {"verdict", "source_reused", "target_derived", "counts", "regions"}


def test_stopped_scan_resumes_to_the_same_result(corpus, tmp_path: Path) -> None:
    stories, files = corpus
    whole = scan_to_json(run(stories, files).result)
    state = state_path(str(tmp_path / "out.json"))
    finished: list[int] = []
    stopped = run(
        stories,
        files,
        state=state,
        finished=lambda r: finished.append(r.shard.ordinal),
        stop=lambda: len(finished) >= 1,
    ).result
    assert not stopped.complete and len(stopped.shards) == 1
    assert json.loads(scan_to_json(stopped))["complete"] is False
    assert state.exists()
    again: list[int] = []
    said: list[str] = []
    resumed = run(
        stories,
        files,
        state=state,
        resume=True,
        finished=lambda r: again.append(r.shard.ordinal),
        warned=said.append,
    ).result
    assert again == [1, 2]  # the first file was not read again
    assert said == ["resuming: 1 of 3 shards were read by the stopped scan and are not read again"]
    assert scan_to_json(resumed) == whole
    assert not state.exists()  # a finished scan needs no state


def test_resume_ignores_a_state_made_for_other_inputs(corpus, tmp_path: Path) -> None:
    stories, files = corpus
    state = tmp_path / "s.state.jsonl"
    finished: list[int] = []
    run(stories, files[:2], state=state, finished=finished.append, stop=lambda: bool(finished))
    said: list[str] = []
    result = run(stories, files, state=state, resume=True, warned=said.append).result
    assert result.complete and any("other inputs" in w for w in result.warnings)
    assert said and "starting over" in said[0]  # told as it happens, not only in the report


def test_dask_local_cluster_gives_byte_identical_results(corpus) -> None:
    distributed = pytest.importorskip("dask.distributed")
    stories, files = corpus
    single = scan_to_json(run(stories, files).result)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        on_dask = scan_to_json(run(stories, files, dask=cluster.scheduler_address).result)
    assert on_dask == single


def test_worker_processes_give_byte_identical_results_and_stop_cleanly(corpus) -> None:
    """``--jobs 2``: the same JSON as one process; a stop ends the workers and keeps only
    whole shards, which a resumed scan completes to the same result."""
    stories, files = corpus
    single = scan_to_json(run(stories, files).result)
    assert scan_to_json(run(stories, files, jobs=2).result) == single
    finished: list[int] = []
    stopped = run(
        stories,
        files,
        jobs=2,
        finished=lambda r: finished.append(r.shard.ordinal),
        stop=lambda: len(finished) >= 1,
    ).result
    assert not stopped.complete and [r.shard.ordinal for r in stopped.shards] == finished[:1]


def test_jobs_are_one_per_core_only_for_a_big_corpus() -> None:
    from tui.scan.pool import MIN_POOL_BYTES, auto_jobs

    assert auto_jobs([MIN_POOL_BYTES]) == 1  # one shard: nothing to share out
    assert auto_jobs([1000, 2000]) == 1  # small: a worker's start costs more than it saves
    assert auto_jobs([MIN_POOL_BYTES, MIN_POOL_BYTES]) == min(os.cpu_count() or 1, 2)


def test_formats_keep_hostile_titles_inert(corpus) -> None:
    stories, files = corpus
    result = run(stories, files).result
    assert set(FORMATS) == set(SCAN_FORMATS)
    html = render(result, "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    # Settings read as the compare report's do, one "name = value" each, not a JSON dump.
    assert "min_copied_chars = 120" in html and "engine exclude_quotes = True" in html
    assert "&#34;engine&#34;" not in html and '{"engine"' not in html
    table = render(result, "table")
    assert "\x1b" not in table and "\u202e" not in table and "sun" in table
    csv = render(result, "csv")
    assert csv.startswith("\ufeffrank,") and "'=HYPERLINK" in csv
    assert csv.count("\r\n") == len(result.hits) + 1


def test_a_hostile_first_line_of_a_folder_file_stays_inert(tmp_path: Path) -> None:
    """A page's title comes from its first line: escapes and bidi controls in it are shown,
    never written raw into a file someone will `cat` or open in a browser."""
    stories = write_stories(tmp_path)
    folder = tmp_path / "pages"
    folder.mkdir()
    wire = (stories / "wire.txt").read_text(encoding="utf-8")
    hostile = "Gulls \x1b[2J\x1b]0;pwned\x07 \u202eesrever"
    (folder / "copy.txt").write_text(f"{hostile}\n\n{wire}", encoding="utf-8")
    result = run(stories, [folder]).result
    assert [h.title for h in result.hits if h.article.file.endswith("copy.txt")]
    for fmt in ("csv", "html", "table"):
        text = render(result, fmt)
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text, fmt
        assert "Gulls" in text, fmt


def test_cli_scan_writes_json_and_reports_bad_input(corpus, tmp_path: Path, monkeypatch) -> None:
    stories, files = corpus
    monkeypatch.chdir(tmp_path)  # a scan without -o keeps its state in the working directory
    out = tmp_path / "hits.json"
    runner = CliRunner()
    args = ["scan", str(stories), *[a for f in files for a in ("--in", str(f))], "-o", str(out)]
    done = runner.invoke(main, [*args, "--in", str(tmp_path / "missing")])
    assert done.exit_code == 0, done.output
    assert json.loads(out.read_text(encoding="utf-8"))["counts"]["articles_read"] == 8
    assert "missing: no such file" in done.output
    table = runner.invoke(main, ["scan", str(stories), "--in", str(files[0])])
    assert table.exit_code == 0 and "wholly-derived" in table.output
    bad = runner.invoke(main, ["scan", str(tmp_path / "nothing.txt"), "--in", str(files[0])])
    assert bad.exit_code == 1 and "no story could be read" in bad.output
    assert "Traceback" not in bad.output
    assert not list(tmp_path.glob("*.state.jsonl"))  # finished scans leave no state
    # A mistyped field reads nothing: an error naming why, not "no article took from these".
    typo = runner.invoke(main, ["scan", str(stories), "--in", str(files[0]), "--text-field", "x"])
    assert typo.exit_code == 1 and "no article could be read" in typo.output
    assert "text field 'x'" in typo.output and "Traceback" not in typo.output
    # An empty corpus file: the error names it, not "0 records skipped" and nothing else.
    (tmp_path / "empty.jsonl").write_bytes(b"")
    empty = runner.invoke(main, ["scan", str(stories), "--in", str(tmp_path / "empty.jsonl")])
    assert empty.exit_code == 1 and "no record in 1 file: " in empty.output
    assert str(tmp_path / "empty.jsonl") in empty.output
    small = runner.invoke(
        main, ["scan", str(stories), "--in", str(files[0]), "--max-article-bytes", "99"]
    )
    assert small.exit_code == 1 and "(--max-article-bytes)" in small.output
    story = next(p for p in sorted(stories.iterdir()) if p.is_file())
    kept = story.read_bytes()
    over = runner.invoke(main, ["scan", str(story), "--in", str(files[0]), "-o", str(story)])
    assert over.exit_code == 1 and "is one of the inputs" in over.output
    assert story.read_bytes() == kept  # a scan report never replaces the story it looks for
    # A lexicon compare refuses, scan refuses too, before reading anything.
    bad_lexicon = tmp_path / "swaps.tsv"
    bad_lexicon.write_text("no tab on this line\n", encoding="utf-8")
    args = ["scan", str(story), "--in", str(files[0]), "--lexicon", str(bad_lexicon)]
    refused = runner.invoke(main, args)
    assert refused.exit_code == 1 and "swaps.tsv:1: expected 'spun<TAB>plain" in refused.output
    # An extension that names no format: refused before the scan, not a table in a .pdf.
    pdf = runner.invoke(main, ["scan", str(story), "--in", str(files[0]), "-o", "hits.pdf"])
    assert pdf.exit_code == 2 and "cannot tell a format from 'hits.pdf'" in pdf.output
    assert not (tmp_path / "hits.pdf").exists()
    # A name too long for the file system: one line too, not "a bug".
    long = runner.invoke(main, ["scan", str(story), "--in", str(files[0]), "-o", "x" * 300])
    assert long.exit_code == 1 and "file name too long" in long.output
    assert "bug" not in long.output
    # A folder that does not exist: one line before any shard is read, not "a bug".
    nowhere = tmp_path / "no-such-folder" / "hits.csv"
    lost = runner.invoke(main, ["scan", str(story), "--in", str(files[0]), "-o", str(nowhere)])
    assert lost.exit_code == 1 and "no such file or directory" in lost.output
    assert "bug" not in lost.output and "Traceback" not in lost.output
    quotes = tmp_path / "q.json"
    args = ["scan", str(stories), "--in", str(files[0]), "-o", str(quotes), "--include-quotes"]
    assert runner.invoke(main, [*args, "--exclude-boilerplate"]).exit_code == 0
    engine = json.loads(quotes.read_text(encoding="utf-8"))["settings"]["engine"]
    assert engine["exclude_quotes"] is False and engine["exclude_boilerplate"] is True


def test_first_ctrl_c_asks_to_stop_the_second_interrupts() -> None:
    with interruptible() as stop:
        assert not stop.is_set()
        os.kill(os.getpid(), signal.SIGINT)
        assert stop.is_set()
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)


def test_read_article_finds_a_folder_file_again(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("A headline\n\nSome text of the article.\n", encoding="utf-8")
    article = read_article(ArticleRef(shard=0, ordinal=0, file=str(path)))
    assert isinstance(article, Article)
    assert article.text == load_document(path).text and article.title == "A headline"


def test_a_shared_sentence_is_not_a_hit_a_pasted_paragraph_is(tmp_path: Path) -> None:
    """Two reports of one event share a quote or a fact; a pasted paragraph is a copy."""
    stories = write_stories(tmp_path)
    docs, _ = load_stories([str(stories / "wire.txt")])
    wire = docs[0]
    lines = wire.text.split("\n")
    at = next(k for k, line in enumerate(lines) if line.startswith("Judge Martin"))
    judge = " ".join(line.rstrip("<") for line in lines[at : at + 2])  # one long sentence
    assert judge.endswith('protect."')
    assert len("".join(judge.split())) > ScanSettings().min_copied_chars
    one = f"{seed('003')}\n{judge}\n"
    settings = ScanSettings()
    candidate = Candidate(0, 10, 0.1, False)
    for text, wanted in ((one, False), (pasted_article(), True)):
        article = Article(ArticleRef(0, 0, "x.txt"), text)
        assert (verify(wire, article, candidate, settings) is not None) is wanted


def test_shared_quotations_make_no_hit_unless_quotes_are_included() -> None:
    """The Guardian's own court report carries the judge's words the wire carries: two
    edited passages inside quotation marks, long enough to count as copied text if quotes
    counted. The Mirror rewrote the wire's facts and is a hit either way."""
    family = (
        Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "news" / "f01-courts-fraud"
    )
    docs, _ = load_stories([str(family / "wire.txt")])
    candidate = Candidate(0, 10, 0.1, False)
    quotes_in = ScanSettings(engine=Settings(exclude_quotes=False))
    for name, wanted in (("guardian", (False, True)), ("mirror", (True, True))):
        path = family / f"12.03.26_courts114_{name}.txt"
        article = Article(ArticleRef(0, 0, str(path)), path.read_text(encoding="utf-8"))
        found = tuple(
            verify(docs[0], article, candidate, s) is not None for s in (ScanSettings(), quotes_in)
        )
        assert found == wanted, name


def test_a_scan_over_nothing_is_an_error_not_a_clean_result(corpus, tmp_path: Path) -> None:
    """A mistyped archive path must not read as "nobody copied you"."""
    stories, _ = corpus
    done = CliRunner().invoke(main, ["scan", str(stories), "--in", str(tmp_path / "nope")])
    assert done.exit_code == 1, done.output
    assert "nothing to scan" in done.output and "nope: no such file" in done.output
    assert "skipped" not in done.output  # the reason the scan stops, not a note on one input
    assert "Traceback" not in done.output


def test_a_story_in_its_own_archive_is_not_a_hit(corpus, tmp_path: Path) -> None:
    """Scanning a folder that holds the story file itself: the story is left out (and said
    to be), the copies planted beside it are still found."""
    stories, files = corpus
    docs, _ = load_stories([str(stories)])
    scan = Scan(docs, [str(stories), *map(str, files)])
    assert any("not scanned against themselves" in w for w in scan.plan.warnings)
    scan.run()
    story_files = {os.path.realpath(d.path) for d in docs}
    hits = scan.result.hits
    assert hits and not any(
        h.article.file and os.path.realpath(h.article.file) in story_files for h in hits
    )


def test_a_byte_identical_copy_of_a_story_in_the_archive_is_not_a_hit(
    corpus, tmp_path: Path
) -> None:
    """The story's file saved again elsewhere in the archive read as a copy taking 100% of
    it (helper-49): it is the story, left out as its own file is."""
    import shutil

    stories, files = corpus
    docs, _ = load_stories([str(stories)])
    archive = tmp_path / "archive"
    archive.mkdir()
    again = archive / "saved-again.txt"
    shutil.copyfile(docs[0].path, again)
    (archive / "edited.txt").write_text(again.read_text(encoding="utf-8") + "\nOne more line.\n")
    scan = Scan(docs, [str(archive), *map(str, files)])
    assert any("byte-identical copies" in w for w in scan.plan.warnings)
    scan.run()
    found = {os.path.basename(h.article.file) for h in scan.result.hits}
    assert "saved-again.txt" not in found and "edited.txt" in found


def test_the_table_counts_skipped_records_as_they_are(tmp_path: Path) -> None:
    """150 broken lines: 50 shown, the JSON keeps 100 of them; the table must not claim the
    JSON lists all the rest."""
    stories = write_stories(tmp_path)
    broken = b"".join(b"{broken %d\n" % k for k in range(150))
    corpus = write_jsonl(tmp_path / "c.jsonl", article_records()[:2], extra=broken)
    result = run(stories, [corpus]).result
    table = render(result, "table")
    assert "150 records skipped:" in table
    assert "... and 100 more, 50 of them listed in the JSON report" in table
    data = json.loads(scan_to_json(result))
    assert len(data["bad_records"]) == 100 and data["bad_records_omitted"] == 50
    # One binary file beside it: one record, said in the singular, with no empty place.
    (tmp_path / "img.jsonl").write_bytes(b"GIF89a\x00\x01\n\x02\n\x03")
    one = write_jsonl(tmp_path / "one.jsonl", article_records()[:1])
    table = render(run(stories, [tmp_path / "img.jsonl", one]).result, "table")
    assert "1 record skipped:" in table
    status = ": 1 article read, 1 skipped, 1 verified, 1 hit in 1 article for 1 of 2 stories;"
    assert status in table
    assert f"  {tmp_path / 'img.jsonl'}: binary data" in table


def test_a_huge_title_is_cut_in_the_table(tmp_path: Path) -> None:
    stories = write_stories(tmp_path)
    wire = (stories / "wire.txt").read_text(encoding="utf-8")
    corpus = write_jsonl(
        tmp_path / "c.jsonl", [{"id": "r1", "title": "Gulls " * 20_000, "text": wire}]
    )
    result = run(stories, [corpus]).result
    assert result.hits and len(result.hits[0].title) >= 500  # as read: capped at 500
    table = render(result, "table")
    assert max(len(line) for line in table.splitlines()) < 400 and "Gulls" in table


def test_a_hit_is_never_an_article_the_engine_calls_independent() -> None:
    """Two of the wire's sentences, one at the top of a page on another subject and one at
    its foot: 120 characters of the story copied in two sentences, but no passage of it,
    and the engine calls the page independent. The results screen must not list as a copy
    what the side by side it opens calls independent."""
    news = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "news"
    docs, _ = load_stories([str(news / "f02-courts-hedge" / "wire.txt")])
    wire = docs[0].text
    first = next(line for line in wire.splitlines() if line.startswith("Raymond Pruett, 67"))
    second = "Pruett went out into the lane to confront him and punched him once in the face."
    assert second in wire
    page = news / "f05-health-gardening" / "16.09.26_health052_telegraph.txt"
    paras = page.read_text(encoding="utf-8").split("\n\n")
    article = Article(ArticleRef(0, 0, "x"), "\n\n".join([paras[0], first, *paras[1:], second]))
    assert compare_story(docs[0], article, ScanSettings()).comparisons[0].verdict == "independent"
    assert verify(docs[0], article, Candidate(0, 10, 0.1, False), ScanSettings()) is None
    # The same two sentences side by side are a pasted paragraph, and a hit.
    pasted = Article(ArticleRef(0, 0, "x"), "\n\n".join([*paras, f"{first} {second}"]))
    hit = verify(docs[0], pasted, Candidate(0, 10, 0.1, False), ScanSettings())
    assert hit is not None and hit.verdict == "partially-derived"


def test_one_story_and_no_copy_read_in_the_singular(tmp_path: Path) -> None:
    """One story, one unrelated article (seed 003 is independent of seed 001): the table and
    the HTML say "this story" and "1 article", not "these stories" and "1 articles"."""
    story = tmp_path / "story.txt"
    story.write_text(seed("001"), encoding="utf-8")
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": seed("003")}])
    result = run(story, [corpus]).result
    assert not result.hits
    table = render(result, "table")
    assert ": 1 article read, 0 skipped," in table and "of 1 story;" in table
    assert "no article took from this story" in table
    page = render(result, "html")
    assert "No article took from this story." in page and " in 1 article</h1>" in page


def test_dask_workers_started_here_do_not_die_of_ctrl_c() -> None:
    """Ctrl-C reaches every process of the terminal's group: a local Dask cluster's workers
    died with a traceback each (70 lines) while the scan stopped between shards. Python
    processes started with SIGINT ignored keep ignoring it, as the workers are started."""
    import signal
    import subprocess
    import sys
    import time

    from tui.scan.distributed import _sigint_ignored

    script = "import time; time.sleep(5)"
    # As a terminal starts a program: a shell running the suite in the background starts it
    # with SIGINT ignored already, which every child would inherit.
    outer = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with _sigint_ignored():
            shielded = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored
        plain = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE)
        time.sleep(1.0)  # both are sleeping, past Python's start-up
        try:
            for p in (shielded, plain):
                p.send_signal(signal.SIGINT)
            assert plain.wait(timeout=5) != 0 and b"KeyboardInterrupt" in plain.stderr.read()
            time.sleep(0.3)
            assert shielded.poll() is None  # still asleep
        finally:
            shielded.kill()
            shielded.wait()
    finally:
        signal.signal(signal.SIGINT, outer)


def test_a_folder_files_evidence_covers_the_whole_of_a_file_too_big_to_read(
    tmp_path: Path,
) -> None:
    """A file over the article limit was hashed on its first bytes only: two folders whose big
    files differed past the limit gave the same digest and size."""
    stories = write_stories(tmp_path)
    docs, _ = load_stories([str(stories)])

    def evidence(name: str, tail: bytes) -> dict:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "big.txt").write_bytes(b"x " * 600 + tail)
        (folder / "note.txt").write_text("A short unrelated note about the weather.\n")
        scan = Scan(docs, [str(folder)], ScanSettings(max_article_bytes=1000))
        scan.run()
        [entry] = json.loads(scan_to_json(scan.result))["corpus"]["files"]
        return entry

    a, b = evidence("a", b"end"), evidence("b", b"TAIL CHANGED")
    assert a["sha256"] != b["sha256"]
    assert b["bytes"] - a["bytes"] == len(b"TAIL CHANGED") - len(b"end")


def test_an_article_dated_before_its_story_is_marked_earlier(tmp_path: Path) -> None:
    """Scanning with a paper's own report found the wire it came after as a 'partially
    derived' hit, with no word that the wire was filed two hours earlier (helper-49)."""
    import json
    import shutil

    from tui.scan.render import render as render_scan

    family = Path(__file__).resolve().parents[1] / "benchmarks/data/news"
    family /= "f13-britwire-council-budget"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("britwire.txt", "wexburylife.html"):
        [path] = family.glob(f"*_{name}")
        shutil.copy(path, corpus / path.name)
    [story] = family.glob("*_eveningpost.html")
    docs, _ = load_stories([str(story)])
    scan = Scan(docs, [str(corpus)])
    scan.run()
    earlier = {
        os.path.basename(h.article.file).split("_")[-1]: h.before_story for h in scan.result.hits
    }
    assert earlier == {"britwire.txt": True, "wexburylife.html": False}
    data = json.loads(render_scan(scan.result, "json"))
    assert data["schema"] == "storytrace-scan/3"
    assert data["stories"][0]["date"] == "2026-11-26T23:05Z"
    assert sorted(h["before_story"] for h in data["hits"]) == [False, True]
    table = render_scan(scan.result, "table")
    assert "partially-derived (earlier)" in table and "did not copy it" in table


def test_records_skipped_are_said_when_the_hits_go_to_a_file(corpus, tmp_path: Path) -> None:
    """helper-53: with -o the terminal said only "wrote hits.json", though five files of
    the folder were skipped (a binary, an empty file...); the table lists them, the
    terminal now says how many and names the first."""
    stories, _ = corpus
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "page.txt").write_text(seed("000"), encoding="utf-8")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 40)
    out = tmp_path / "hits.json"
    done = CliRunner().invoke(main, ["scan", str(stories), "--in", str(folder), "-o", str(out)])
    assert done.exit_code == 0, done.output
    [line] = [x for x in done.output.splitlines() if x.startswith("warning:")]
    assert line.startswith("warning: 1 record skipped; the first: ") and "image.txt" in line
    assert json.loads(out.read_text(encoding="utf-8"))["bad_records"][0]["file"].endswith(
        "image.txt"
    )
    sheet = tmp_path / "hits.csv"
    CliRunner().invoke(main, ["scan", str(stories), "--in", str(folder), "-o", str(sheet)])
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    assert rows and all(r["records_skipped"] == "1" for r in rows)
