"""The engine on outside corpora: Clough-Stevenson answers and PAN13 plagiarism cases.

Small samples keep the suite fast; benchmarks/accuracy.py measures the full figures."""

from __future__ import annotations

import csv
import re

import pytest

from benchmarks.evaluation import parse_pan_truth
from tui.core.engine import compare_paths

from .conftest import need_data


def _clough(category: str, limit: int) -> list[tuple[str, str]]:
    root = need_data("clough-stevenson")
    with open(root / "labels.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["Category"] == category][:limit]
    return [(str(root / f"orig_task{r['Task']}.txt"), str(root / r["File"])) for r in rows]


@pytest.mark.parametrize("category", ["cut", "light"])
def test_clough_copied_answers_are_derived(category: str) -> None:
    pairs = _clough(category, 8)
    derived = 0
    for source, answer in pairs:
        c = compare_paths([source, answer], reference=source).comparisons[0]
        derived += c.verdict != "independent"
    # Two of the 19 "cut" answers copy a part of the Wikipedia article that is not in the
    # given source text; everything else must be found.
    assert derived >= len(pairs) - 1


def test_clough_independent_answers_are_independent() -> None:
    pairs = _clough("non", 12)
    verdicts = [compare_paths([s, a], reference=s).comparisons[0].verdict for s, a in pairs]
    assert verdicts.count("independent") >= len(pairs) - 1, verdicts


def _pan(folder: str, limit: int) -> list[tuple[str, str, list[dict]]]:
    root = need_data("pan13-train")
    out = []
    for line in (root / folder / "pairs").read_text().splitlines()[:limit]:
        susp, src = line.split()
        truth = (root / folder / f"{susp[:-4]}-{src[:-4]}.xml").read_text(encoding="utf-8")
        out.append((str(root / "src" / src), str(root / "susp" / susp), parse_pan_truth(truth)))
    return out


def test_pan_verbatim_cases_are_found_as_one_region_each() -> None:
    for src, susp, cases in _pan("02-no-obfuscation", 6):
        report = compare_paths([src, susp], reference=src)
        regions = report.comparisons[0].regions
        text = report.document(re.sub(r"\.txt$", "", susp.rsplit("/", 1)[1])).text
        for case in cases:
            a, b = case["this"]
            hits = [r for r in regions if min(b, r.target_span[1]) > max(a, r.target_span[0])]
            assert len(hits) == 1, (susp, case, [r.target_span for r in regions])
            covered = min(b, hits[0].target_span[1]) - max(a, hits[0].target_span[0])
            assert covered >= 0.8 * (b - a), text[a:b][:80]


def test_pan_unrelated_pairs_have_no_regions() -> None:
    false_alarms = sum(
        len(compare_paths([src, susp], reference=src).comparisons[0].regions)
        for src, susp, _ in _pan("01-no-plagiarism", 10)
    )
    assert false_alarms == 0


def test_json_is_identical_with_one_thread_or_all_cores(tmp_path) -> None:
    """Big enough for rapidfuzz to use its thread pool (4,000+ candidate pairs)."""
    import os
    import subprocess
    import sys

    from .conftest import REPO

    src = need_data("pan13-train", "src")
    docs = sorted(src.glob("*.txt"))[:40]
    text = "\n".join(p.read_text(encoding="utf-8") for p in docs)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    paras = text.split("\n")
    b.write_text("\n".join(paras[1::2] + paras[::4]), encoding="utf-8")
    outs = []
    for workers in ("1", "-1"):
        env = {**os.environ, "STORYTRACE_WORKERS": workers, "PYTHONHASHSEED": workers[-1]}
        outs.append(
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "tui",
                    "compare",
                    str(a),
                    str(b),
                    "-r",
                    str(a),
                    "--format",
                    "json",
                ],
                capture_output=True,
                check=True,
                cwd=REPO,
                env=env,
            ).stdout
        )
    assert outs[0] == outs[1] and len(outs[0]) > 100_000


def _found(regions: list, case: dict, side: str) -> float:
    """The share of a PAN case's characters on one side ("this" or "source") that regions
    cover."""
    a, b = case[side]
    key = "target_span" if side == "this" else "source_span"
    spans = [getattr(r, key) for r in regions]
    return sum(max(0, min(b, e) - max(a, s)) for s, e in spans) / (b - a)


def test_spun_copy_with_a_sentence_run_into_another_is_found_whole() -> None:
    """suspicious-document00042 holds ten spun passages from several sources; in one of them
    a source sentence sits inside a longer target sentence (the spinner ran two together),
    and the passage used to break there."""
    found = []
    for src, susp, cases in _pan("03-random-obfuscation", 25):
        if "00042" in susp:
            regions = compare_paths([src, susp], reference=src).comparisons[0].regions
            found += [_found(regions, c, "this") for c in cases]
    assert len(found) == 10
    assert sum(f >= 0.85 for f in found) >= 8, [round(f, 2) for f in found]


def test_verbatim_copy_pasted_inside_a_sentence_starts_where_the_copy_does() -> None:
    """PAN pastes copies at any character, often mid-sentence: the region must not claim the
    host sentence's own words before or after the copy."""
    outside = 0
    for src, susp, cases in _pan("02-no-obfuscation", 64)[60:]:
        for r in compare_paths([src, susp], reference=src).comparisons[0].regions:
            a, b = r.target_span
            inside = sum(max(0, min(b, c["this"][1]) - max(a, c["this"][0])) for c in cases)
            outside += b - a - inside
    assert outside < 20, outside


def test_summary_regions_reach_over_the_text_summarised() -> None:
    """A human summary keeps a sentence here and there from all of its source; the region
    must claim the source as a whole, not the few sentences whose words survived."""
    pairs = [p for p in _pan("05-summary-obfuscation", 60) if p[2]][:8]
    found = []
    for src, susp, cases in pairs:
        regions = compare_paths([src, susp], reference=src).comparisons[0].regions
        found += [_found(regions, c, "source") for c in cases]
    assert sum(found) / len(found) >= 0.6, [round(f, 2) for f in found]
