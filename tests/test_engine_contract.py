"""The JSON contract: offsets cut the evidence out of the original files, every character is
accounted for, and the same inputs give byte-identical output."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tui.core.contract import report_to_dict, report_to_json
from tui.core.engine import CompareError, compare, compare_paths
from tui.core.loading import load_documents
from tui.core.model import Report

from .conftest import GOLD_REFERENCE, REPO, seed_paths


def _decoded(doc: dict) -> str:
    with open(doc["path"], encoding=doc["encoding"], newline="") as f:
        return f.read()


def test_offsets_cut_evidence_from_the_original_files(seeds_report: Report) -> None:
    data = report_to_dict(seeds_report)
    texts = {d["id"]: _decoded(d) for d in data["documents"]}
    for d in data["documents"]:
        assert len(texts[d["id"]]) == d["chars"]
        for s in d["sentences"]:
            piece = texts[d["id"]][s["start"] : s["end"]]
            assert piece and piece == piece.strip()
    for c in data["comparisons"]:
        src, tgt = texts[c["source"]], texts[c["target"]]
        for p in c["passages"]:
            ops = p["diff"]
            target_side = "".join(t for op, t in ops if op != "delete")
            source_side = "".join(t for op, t in ops if op != "insert")
            cut_t = " ".join(tgt[a:b] for a, b in p["target_spans"])
            cut_s = " ".join(src[a:b] for a, b in p["source_spans"])
            # The diff is made of the cut evidence itself (spacing aside).
            assert "".join(target_side.split()) == "".join(cut_t.split())
            assert "".join(source_side.split()) == "".join(cut_s.split())


def _chars(spans: list[list[int]], text: str) -> list[int]:
    return [i for a, b in spans for i in range(a, b) if not text[i].isspace()]


def test_every_character_is_accounted_for(seeds_report: Report) -> None:
    for c in seeds_report.comparisons:
        src = seeds_report.document(c.source).text
        tgt = seeds_report.document(c.target).text
        t_hits = [i for p in c.passages for i in _chars(p.target_spans, tgt)]
        assert sorted(t_hits) == [i for i, ch in enumerate(tgt) if not ch.isspace()]
        s_hits = {i for p in c.passages if p.source_spans for i in _chars(p.source_spans, src)}
        assert s_hits == {i for i, ch in enumerate(src) if not ch.isspace()}
        for p in c.passages:
            # Boilerplate stands on one side: the version's own furniture, or the reference's
            # that the version did not take.
            if p.label == "boilerplate":
                assert bool(p.source_spans) != bool(p.target_spans)
                continue
            assert bool(p.source_spans) == (p.label != "added")
            assert bool(p.target_spans) == (p.label != "omitted")


def test_json_shape(seeds_report: Report) -> None:
    data = json.loads(report_to_json(seeds_report))
    # Serialised from the engine's own tuples, read back as the plain dict's lists.
    assert data == report_to_dict(seeds_report)
    assert data["schema"] == "storytrace/13"
    assert {"families", "tree", "substitution_lexicon", "inserts", "omissions"} <= set(data)
    assert data["tool"]["name"] == "storytrace"
    assert data["reference"] == GOLD_REFERENCE
    assert set(data["settings"]) >= {"candidates", "thresholds"}
    cutoffs = data["settings"]["thresholds"]
    assert {"wholly_derived", "partially_derived", "min_cosine"} <= set(cutoffs)
    assert all(set(v) == {"value", "why"} and v["why"] for v in cutoffs.values())
    for c in data["comparisons"]:
        assert c["verdict"] in ("wholly-derived", "partially-derived", "independent")
        assert 0.0 <= c["coverage"]["target_derived"] <= 1.0
        for p in c["passages"]:
            assert 0.0 <= p["score"] <= 1.0
        for r in c["regions"]:
            assert r["label"] in ("verbatim", "edited", "paraphrased")


def _cli_json(env_extra: dict[str, str]) -> bytes:
    env = {**os.environ, **env_extra}
    out = subprocess.run(
        [sys.executable, "-m", "tui", "compare", *seed_paths(), "--format", "json"],
        capture_output=True,
        check=True,
        cwd=REPO,
        env=env,
    )
    return out.stdout


def test_json_is_byte_identical_across_runs_and_hash_seeds() -> None:
    first = _cli_json({"PYTHONHASHSEED": "1"})
    assert first == _cli_json({"PYTHONHASHSEED": "2"})
    assert json.loads(first)["comparisons"]


def test_bad_files_are_skipped_with_a_warning(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    missing = tmp_path / "missing.txt"
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "compare",
            *seed_paths()[:2],
            str(empty),
            str(binary),
            str(missing),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert out.returncode == 0, out.stderr
    warnings = [line for line in out.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 3
    assert "Traceback" not in out.stderr
    assert len(json.loads(out.stdout)["documents"]) == 2


def test_fewer_than_two_documents_is_a_one_line_error(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tui", "compare", seed_paths()[0], str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and "two" in errors[0]


def test_reference_outside_the_inputs_is_added(tmp_path: Path) -> None:
    paths = seed_paths()
    ref = next(p for p in paths if GOLD_REFERENCE in p)
    others = [p for p in paths if p != ref][:2]
    out = subprocess.run(
        [sys.executable, "-m", "tui", "compare", *others, "--reference", ref, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    data = json.loads(out.stdout)
    assert data["reference"] == GOLD_REFERENCE
    assert len(data["comparisons"]) == 2


def test_json_does_not_depend_on_what_the_process_saw_before() -> None:
    """Word ids come from a process-wide vocabulary; no figure may depend on them."""
    from tui.core.engine import compare_paths
    from tui.core.textnorm import features

    # Give every word of the seeds a different id than a fresh process would.
    for path in reversed(seed_paths()):
        text = Path(path).read_text(encoding="utf-8")
        features(" ".join(reversed(text.split())) + " warm-up")
    here = report_to_json(compare_paths(seed_paths())).encode("utf-8")
    fresh = subprocess.run(
        [sys.executable, "-m", "tui", "compare", *seed_paths(), "--format", "json", "--no-notes"],
        capture_output=True,
        check=True,
        cwd=REPO,
    ).stdout
    assert here == fresh


def test_dense_and_sparse_arithmetic_give_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small signal tables are also held dense (a speed measure); every figure must be the
    same to the last bit as the sparse path's, for pairs and for the seeds' screening."""
    from tui.core import scoring

    def run(cells: int) -> str:
        monkeypatch.setattr(scoring, "DENSE_CELLS", cells)
        return report_to_json(compare_paths(seed_paths()))

    dense, sparse = run(10**9), run(0)
    assert dense == sparse
    assert json.loads(dense)["comparisons"]


def test_comparison_pauses_the_cycle_collector_and_restores_it() -> None:
    """The collector is off while a comparison runs (a speed measure) and comes back on after
    one that succeeds, one that fails, and two that overlap; it stays off if the caller had
    turned it off."""
    assert gc.isenabled(), "an earlier test left the cycle collector off"
    seen: list[bool] = []
    compare_paths(seed_paths()[:2], progress=lambda *_: seen.append(gc.isenabled()))
    assert seen and not any(seen)
    assert gc.isenabled()
    one = load_documents(seed_paths()[:1]).documents
    with pytest.raises(CompareError):
        compare(one)
    assert gc.isenabled()

    # Two that overlap (a cancelled worker still finishing while its successor runs): the
    # second starts inside the first and ends after it.
    started, first_done = threading.Event(), threading.Event()

    def second() -> None:
        def hold(*_: object) -> None:
            started.set()
            first_done.wait(30)

        compare_paths(seed_paths()[:2], progress=hold)

    thread = threading.Thread(target=second)

    def first_progress(*_: object) -> None:
        if not thread.is_alive() and not started.is_set():
            thread.start()
            started.wait(30)

    compare_paths(seed_paths()[:2], progress=first_progress)
    assert not gc.isenabled(), "the second comparison is still running"
    first_done.set()
    thread.join(30)
    assert gc.isenabled()

    gc.disable()
    try:
        compare_paths(seed_paths()[:2])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_compare_pair_is_the_two_version_reports_comparison(family_paths: list[str]) -> None:
    """The scan verifies with ``compare_pair``, the explorer opens a hit with ``compare``: the
    two must give the same comparison, passage for passage, on every kind of rewrite (the
    ten-version family: spun, summarised, translated, furniture added), with the settings the
    scan changes."""
    from tui.core.contract import _comparison
    from tui.core.engine import compare_pair
    from tui.core.settings import Settings

    loaded = load_documents(family_paths).documents
    reference = loaded[0]
    for settings in (Settings(), Settings(exclude_quotes=False, min_match_words=6)):
        for other in loaded[1:]:
            fresh = load_documents([reference.path, other.path]).documents
            report = compare(fresh, reference=fresh[0].id, settings=settings)
            again = load_documents([reference.path, other.path]).documents
            alone = compare_pair(again[0], again[1], settings)
            assert _comparison(alone) == _comparison(report.comparisons[0]), other.id
    # A reference that condenses the other version: both sides are aligned either way.
    news = Path(__file__).resolve().parents[1] / "benchmarks/data/news/f10-afp-cables"
    paths = [str(news / "daily-clarion.txt"), str(news / "wire.txt")]
    report = compare(load_documents(paths).documents, reference="daily-clarion")
    alone = compare_pair(*load_documents(paths).documents, Settings())
    assert _comparison(alone) == _comparison(report.comparisons[0])
    assert alone.verdict != "independent"


def test_two_versions_alone_are_aligned_from_the_longer() -> None:
    """Two versions are not screened, so their one alignment fell to the first by id; where
    the tree then made the other the reference, its comparison was aligned again from it,
    and two 1 MB versions opened in the explorer took 5 s instead of 3.6 s. The longer
    version (more often the one the other was cut from) is the source, whatever the ids."""
    from tui.core.pairs import oriented
    from tui.core.screening import screen
    from tui.core.settings import Settings

    news = Path(__file__).resolve().parents[1] / "benchmarks/data/news/f10-afp-cables"
    wire, clarion = load_documents(
        [str(news / "wire.txt"), str(news / "daily-clarion.txt")]
    ).documents
    assert len(wire.text) > len(clarion.text) and clarion.id < wire.id
    th = Settings().thresholds
    for a, b in ((wire, clarion), (clarion, wire)):
        source, target = oriented(a, b, screen([a, b], th))
        assert (source.id, target.id) == ("wire", "daily-clarion")
