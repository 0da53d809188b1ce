"""Accuracy benchmark: how well storytrace's labels and alignments match outside answers.

Three parts, each skipped with a note when its data is absent:

* seeds   - the five demo versions against the hand annotation in ``seeds-gold.json``
            (sentence labels, verdicts, source sentences, omissions, spinner swaps);
* clough  - Clough & Stevenson's 95 short answers (cut / light / heavy / non);
* pan     - a deterministic sample of the PAN 2013 text-alignment training corpus, scored
            with the official plagdet measure;
* news    - news families (``benchmarks/news.py``): made-up wire-to-newspaper families that
            ship with the repository and families generated from PAN13 source documents;
            the original chosen, the tree's parents and directions, and verdict F1 on wire ->
            version pairs.

The data stays outside the repository (default ``<repo>/../shared/data``); nothing from it is
copied. Scoring lives in ``benchmarks/evaluation.py`` so it can be unit-tested.

    python benchmarks/accuracy.py [--data DIR] [--gold FILE] [--seeds DIR] [--pan-sample N]
                                  [--pan-skip N]
                                  [--workers N] [--only seeds,clough,pan,news]
                                  [--news-generated N] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import news  # noqa: E402
from benchmarks.evaluation import (  # noqa: E402
    ALL_LABELS,
    CLOUGH_CLASSES,
    DERIVED_LABELS,
    NO_PASSAGE,
    classification_scores,
    clough_class,
    derived_or_not,
    gold_agreement,
    omission_recall,
    parse_pan_truth,
    plagdet,
    regions_to_detections,
    substitution_matches,
    swaps_in_reach,
)

SHARED = REPO.parent / "shared"
DEFAULT_DATA = SHARED / "data"
DEFAULT_GOLD = SHARED / "seeds-gold.json"
DEFAULT_SEEDS = REPO / "seeds"
PARTS = ("seeds", "clough", "pan", "news")
# Labels of the passages that say a version lacks a source sentence.
NOT_TAKEN = ("omitted", "boilerplate")
PAN_FOLDERS = (
    "01-no-plagiarism",
    "02-no-obfuscation",
    "03-random-obfuscation",
    "04-translation-obfuscation",
    "05-summary-obfuscation",
)
# Best published figures on the PAN 2013 test corpus (data/README.md): PAN 2014 winner.
PAN_REFERENCE = {
    "02-no-obfuscation": 0.900,
    "03-random-obfuscation": 0.884,
    "04-translation-obfuscation": 0.887,
    "05-summary-obfuscation": 0.561,
    "overall": 0.878,
}
PAN_2013_WINNER = 0.822
TARGETS = {
    "seeds_label_agreement": 0.85,
    "clough_derived_accuracy": 0.95,
    "pan_plagdet_overall": 0.85,
}


# --------------------------------------------------------------------------------------------
# Engine calls (run in worker processes)
# --------------------------------------------------------------------------------------------

_ENGINE: tuple[Callable[..., Any], Callable[[Any], dict[str, Any]]] | None = None


def _engine() -> tuple[Callable[..., Any], Callable[[Any], dict[str, Any]]]:
    global _ENGINE
    if _ENGINE is None:
        from tui.core.contract import report_to_dict
        from tui.core.engine import compare_paths

        _ENGINE = (compare_paths, report_to_dict)
    return _ENGINE


def _comparison(report: dict[str, Any], source_id: str, target_id: str) -> dict[str, Any] | None:
    for c in report.get("comparisons", []):
        if c.get("source") == source_id and c.get("target") == target_id:
            return c
    for c in report.get("comparisons", []):  # the engine may pick the direction itself
        if c.get("target") == target_id:
            return c
    return None


def run_pair(job: tuple[str, str, str]) -> dict[str, Any]:
    """Compare one (source, target) pair with the source as reference and return only what
    the scorers need (keeps inter-process traffic small). Errors are returned, not raised, so
    one bad file cannot stop a run."""
    key, source, target = job
    t0 = time.perf_counter()
    try:
        compare_paths, report_to_dict = _engine()
        report = report_to_dict(compare_paths([source, target], reference=source))
        src_id, tgt_id = Path(source).stem, Path(target).stem
        comp = _comparison(report, src_id, tgt_id)
        if comp is None:
            raise RuntimeError(f"no comparison {src_id} -> {tgt_id} in report")
        docs = {d["id"]: d for d in report.get("documents", [])}
        return {
            "key": key,
            "verdict": comp.get("verdict"),
            "coverage": comp.get("coverage", {}),
            "passages": [
                {
                    "label": p.get("label"),
                    "source_spans": p.get("source_spans") or [],
                    "target_spans": p.get("target_spans") or [],
                }
                for p in comp.get("passages", [])
            ],
            "regions": [
                {
                    "label": r.get("label"),
                    "source_span": r.get("source_span"),
                    "target_span": r.get("target_span"),
                }
                for r in comp.get("regions", [])
            ],
            "encodings": {i: docs[i].get("encoding") for i in (src_id, tgt_id) if i in docs},
            "seconds": time.perf_counter() - t0,
        }
    except Exception as exc:  # reported per pair, never raised
        return {
            "key": key,
            "error": f"{type(exc).__name__}: {exc}",
            "seconds": time.perf_counter() - t0,
        }


def run_jobs(
    jobs: Sequence[tuple[Any, ...]],
    workers: int,
    what: str,
    fn: Callable[[Any], dict[str, Any]] = run_pair,
) -> list[dict[str, Any]]:
    """Run jobs (pairs, unless ``fn`` says otherwise) in a process pool (in-process when
    workers <= 1), in job order, with a progress line on stderr."""
    results: list[dict[str, Any]] = []
    step = max(1, len(jobs) // 10)

    def note(i: int) -> None:
        if (i + 1) % step == 0 or i + 1 == len(jobs):
            print(f"  {what}: {i + 1}/{len(jobs)}", file=sys.stderr, flush=True)

    if workers <= 1:
        for i, job in enumerate(jobs):
            results.append(fn(job))
            note(i)
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for i, res in enumerate(pool.map(fn, jobs, chunksize=1)):
            results.append(res)
            note(i)
    return results


# --------------------------------------------------------------------------------------------
# Output helpers
# --------------------------------------------------------------------------------------------


def fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    if v is None:
        return "-"
    return str(v)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Plain-text table: first column left-aligned, the rest right-aligned."""
    cells = [[fmt(c) for c in r] for r in rows]
    widths = [len(h) for h in headers]
    for r in cells:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], len(c))

    def line(r: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)
        ).rstrip()

    out = [line(list(headers)), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


def confusion_table(
    conf: dict[str, dict[str, int]], rows: Sequence[str], cols: Sequence[str]
) -> str:
    extra_rows = [r for r in conf if r not in rows]
    extra_cols = sorted({p for r in conf.values() for p in r} - set(cols))
    rows, cols = list(rows) + extra_rows, list(cols) + extra_cols
    body = [
        [f"{r}"] + [conf.get(r, {}).get(c, 0) for c in cols] + [sum(conf.get(r, {}).values())]
        for r in rows
        if conf.get(r)
    ]
    return table(["gold \\ predicted", *cols, "total"], body)


def heading(title: str) -> None:
    print()
    print(title)
    print("=" * len(title))


def check(value: float | None, target: float) -> str:
    if value is None:
        return "n/a"
    return "PASS" if value >= target else "FAIL"


def read_text(path: Path, encoding: str | None) -> str:
    """The document text exactly as the engine decoded it (offsets index this string)."""
    try:
        with open(path, encoding=encoding or "utf-8", newline="") as fh:
            return fh.read()
    except (LookupError, UnicodeDecodeError):
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            return fh.read()


# --------------------------------------------------------------------------------------------
# Part 1: seeds against the hand annotation
# --------------------------------------------------------------------------------------------


def _seed_tree(paths: list[str], gold: dict[str, Any]) -> dict[str, Any]:
    """Without --reference: the derivation tree and the reference provenance picks. Gold: the
    derived versions and the gold reference share a source (no version derives from another
    among them), the independent ones have no relatives; the gold reference is chosen."""
    compare_paths, report_to_dict = _engine()
    report = report_to_dict(compare_paths(paths))
    edges = sorted((e["parent"], e["child"]) for e in report["tree"]["edges"])
    stem = lambda name: Path(name).stem  # noqa: E731
    derived = {stem(n) for n, g in gold["documents"].items() if g["verdict"] != "independent"}
    independent = {stem(n) for n, g in gold["documents"].items() if g["verdict"] == "independent"}
    parents = {p for p, _ in edges}
    siblings = len(parents) == 1 and {c for _, c in edges} == derived | {stem(gold["reference"])}
    ok = siblings and set(report["tree"]["independent"]) == independent
    chosen = report["reference"] == stem(gold["reference"])
    print("\nDerivation tree without --reference:")
    for p, c in edges:
        print(f"  {p} -> {c}")
    print(f"  independent: {', '.join(report['tree']['independent']) or '-'}")
    print(
        f"  matches gold: {'yes' if ok else 'no'}; reference chosen: {report['reference']} "
        f"({'gold' if chosen else 'not gold'})"
    )
    return {"edges": edges, "matches_gold": ok, "reference_is_gold": chosen}


def bench_seeds(seeds_dir: Path, gold_path: Path) -> dict[str, Any] | None:
    heading("Seeds against seeds-gold.json")
    if not gold_path.is_file():
        print(f"skipped: gold file {gold_path} not found")
        return None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ref_name = gold["reference"]
    names = [ref_name, *gold["documents"]]
    missing = [n for n in names if not (seeds_dir / n).is_file()]
    if missing:
        print(f"skipped: seed files missing in {seeds_dir}: {', '.join(missing)}")
        return None
    paths = [str(seeds_dir / n) for n in sorted(names)]
    ref_path = str(seeds_dir / ref_name)
    compare_paths, report_to_dict = _engine()
    t0 = time.perf_counter()
    try:
        report = report_to_dict(compare_paths(paths, reference=ref_path))
    except Exception as exc:  # the other parts still run; the figure records the failure
        print(f"error: the engine failed on the seeds: {type(exc).__name__}: {exc}")
        return {"error": f"{type(exc).__name__}: {exc}"}
    engine_seconds = time.perf_counter() - t0

    docs = {d["id"]: d for d in report.get("documents", [])}
    ref_id = Path(ref_name).stem
    if report.get("reference") != ref_id:
        print(f"warning: report reference is {report.get('reference')!r}, expected {ref_id!r}")
    ref_text = read_text(seeds_dir / ref_name, docs.get(ref_id, {}).get("encoding"))

    per_doc: list[dict[str, Any]] = []
    all_records: list[dict[str, Any]] = []
    found_subs: list[dict[str, Any]] = []
    diffs: list[list[list[str]]] = []
    for name, g in gold["documents"].items():
        doc_id = Path(name).stem
        comp = _comparison(report, ref_id, doc_id)
        text = read_text(seeds_dir / name, docs.get(doc_id, {}).get("encoding"))
        if doc_id in docs and docs[doc_id].get("chars") not in (None, len(text)):
            print(
                f"warning: {doc_id}: engine says {docs[doc_id]['chars']} chars, "
                f"re-read gives {len(text)}"
            )
        passages = comp.get("passages", []) if comp else []
        found_subs.extend(comp.get("substitutions", []) if comp else [])
        diffs.extend(p["diff"] for p in passages if p.get("label") in DERIVED_LABELS)
        recs = gold_agreement(text, ref_text, g["sentences"], passages)
        all_records.extend(recs)
        derived = [r for r in recs if r["gold"] in DERIVED_LABELS]
        # The gold's "omitted" is every 001 sentence a version lacks, its page furniture
        # included: the engine tells that furniture apart (boilerplate, source side only).
        om = omission_recall(ref_text, g.get("omitted", []), passages, labels=NOT_TAKEN)
        om_strict = omission_recall(ref_text, g.get("omitted", []), passages)
        per_doc.append(
            {
                "document": doc_id,
                "sentences": len(recs),
                "agree": sum(r["gold"] == r["predicted"] for r in recs),
                "agreement": sum(r["gold"] == r["predicted"] for r in recs) / len(recs)
                if recs
                else 1.0,
                "missing_gold_text": sum(r["predicted"] == "missing" for r in recs),
                "derived_sentences": len(derived),
                "source_agree": sum(bool(r.get("source_match")) for r in derived),
                "gold_verdict": g["verdict"],
                "predicted_verdict": comp.get("verdict") if comp else None,
                "omissions": om,
                "omissions_labelled_omitted": om_strict["found"],
                "coverage": comp.get("coverage") if comp else None,
            }
        )

    n = len(all_records)
    agree = sum(r["gold"] == r["predicted"] for r in all_records)
    derived_all = [r for r in all_records if r["gold"] in DERIVED_LABELS]
    src_agree = sum(bool(r.get("source_match")) for r in derived_all)
    gold_labels = [r["gold"] for r in all_records]
    pred_labels = [r["predicted"] for r in all_records]
    label_set = [lab for lab in ALL_LABELS if lab in set(gold_labels)]
    scores = classification_scores(gold_labels, pred_labels, labels=label_set)
    verdicts_right = sum(d["gold_verdict"] == d["predicted_verdict"] for d in per_doc)
    subs = substitution_matches(gold.get("substitutions", []), found_subs)
    reach = swaps_in_reach(gold.get("substitutions", []), diffs)
    om_total = sum(d["omissions"]["located"] for d in per_doc)
    om_found = sum(d["omissions"]["found"] for d in per_doc)
    om_strict = sum(d["omissions_labelled_omitted"] for d in per_doc)

    print(
        table(
            [
                "document",
                "sentences",
                "agree",
                "agreement",
                "derived",
                "src agree",
                "gold verdict",
                "predicted verdict",
                "ok",
            ],
            [
                [
                    d["document"],
                    d["sentences"],
                    d["agree"],
                    d["agreement"],
                    d["derived_sentences"],
                    d["source_agree"],
                    d["gold_verdict"],
                    d["predicted_verdict"] or "(no comparison)",
                    "yes" if d["gold_verdict"] == d["predicted_verdict"] else "NO",
                ]
                for d in per_doc
            ]
            + [
                [
                    "all (micro)",
                    n,
                    agree,
                    agree / n if n else 1.0,
                    len(derived_all),
                    src_agree,
                    "",
                    f"{verdicts_right}/{len(per_doc)} right",
                    "",
                ]
            ],
        )
    )
    missing_text = sum(d["missing_gold_text"] for d in per_doc)
    if missing_text:
        print(f"note: {missing_text} gold sentences not found in their file (counted as wrong)")
    print()
    print('Sentence labels, gold x predicted ("none" = no passage covers the sentence):')
    print(confusion_table(scores["confusion"], ALL_LABELS, [*ALL_LABELS, NO_PASSAGE]))
    print(f"label macro-F1 over gold labels {label_set}: {scores['macro_f1']:.3f}")
    print()
    print(
        "Omitted 001 sentences under passages saying the version lacks them (>= half their "
        "chars): 'omitted', or 'boilerplate' for 001's own furniture:"
    )
    print(
        table(
            ["document", "gold omitted", "found", "recall", "char recall", "char precision"],
            [
                [
                    d["document"],
                    d["omissions"]["located"],
                    d["omissions"]["found"],
                    d["omissions"]["recall"],
                    d["omissions"]["char_recall"],
                    d["omissions"]["char_precision"],
                ]
                for d in per_doc
            ]
            + [["all", om_total, om_found, om_found / om_total if om_total else 1.0, "", ""]],
        )
    )
    print(
        f"  of them labelled 'omitted': {om_strict}/{om_total}; the rest lie under 001's page "
        "furniture, labelled boilerplate"
    )
    print()
    print(
        f"Spinner substitutions found (gold original->spun, engine from=spun to=original): "
        f"strict {subs['strict']}/{subs['total']}, "
        f"same swap {subs['same']}/{subs['total']}, "
        f"contained in a longer pair {subs['contained']}/{subs['total']} "
        f"(engine reported {len(found_subs)} substitutions; "
        f"{len(reach)} of the {subs['total']} have their original wording in an aligned passage)"
    )
    label_agreement = agree / n if n else None
    seeds_pass = (label_agreement or 0.0) >= TARGETS["seeds_label_agreement"] and (
        verdicts_right == len(per_doc)
    )
    tree = _seed_tree(paths, gold)
    print()
    print(
        f"target: label agreement >= {TARGETS['seeds_label_agreement']} with all verdicts right: "
        f"{fmt(label_agreement)}, verdicts {verdicts_right}/{len(per_doc)} -> "
        f"{'PASS' if seeds_pass else 'FAIL'}"
    )
    return {
        "engine_seconds": engine_seconds,
        "tree": tree,
        "documents": per_doc,
        "sentences": n,
        "label_agreement": label_agreement,
        "label_macro_f1": scores["macro_f1"],
        "label_confusion": scores["confusion"],
        "verdicts_right": verdicts_right,
        "verdicts_total": len(per_doc),
        "source_agreement": src_agree / len(derived_all) if derived_all else None,
        "derived_sentences": len(derived_all),
        "omission_recall": om_found / om_total if om_total else None,
        "omissions_found": om_found,
        "omissions_total": om_total,
        "omissions_labelled_omitted": om_strict,
        "substitutions": {k: subs[k] for k in ("total", "strict", "same", "contained")}
        | {"engine_reported": len(found_subs), "in_reach": len(reach), "missed": subs["missed"]},
    }


# --------------------------------------------------------------------------------------------
# Part 2: Clough & Stevenson
# --------------------------------------------------------------------------------------------


def bench_clough(data: Path, workers: int) -> dict[str, Any] | None:
    heading("Clough & Stevenson short answers (derivation class)")
    root = data / "clough-stevenson"
    labels_csv = root / "labels.csv"
    if not labels_csv.is_file():
        print(f"skipped: {labels_csv} not found")
        return None
    with open(labels_csv, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    jobs: list[tuple[str, str, str]] = []
    gold: dict[str, str] = {}
    for row in rows:
        answer = root / row["File"]
        source = root / f"orig_task{row['Task'].strip()}.txt"
        if not answer.is_file() or not source.is_file():
            print(f"warning: missing {answer.name} or {source.name}; left out")
            continue
        gold[row["File"]] = row["Category"].strip()
        jobs.append((row["File"], str(source), str(answer)))
    results = run_jobs(jobs, workers, "clough")
    errors = [r for r in results if "error" in r]
    for r in errors[:5]:
        print(f"error: {r['key']}: {r['error']}")
    keys = [r["key"] for r in results]
    g4 = [gold[k] for k in keys]
    p4 = ["error" if "error" in r else clough_class(r) for r in results]
    s4 = classification_scores(g4, p4, labels=CLOUGH_CLASSES)
    g2 = [derived_or_not(c) for c in g4]
    p2 = [derived_or_not(c) if c != "error" else "error" for c in p4]
    s2 = classification_scores(g2, p2, labels=("derived", "non"))
    print(
        table(
            ["task", "answers", "accuracy", "macro-F1"],
            [
                ["4-class (cut/light/heavy/non)", s4["n"], s4["accuracy"], s4["macro_f1"]],
                ["derived vs not", s2["n"], s2["accuracy"], s2["macro_f1"]],
            ],
        )
    )
    print()
    print(confusion_table(s4["confusion"], CLOUGH_CLASSES, CLOUGH_CLASSES))
    print()
    print(
        table(
            ["class", "precision", "recall", "F1", "support"],
            [
                [k, v["precision"], v["recall"], v["f1"], v["support"]]
                for k, v in s4["per_label"].items()
            ],
        )
    )
    if errors:
        print(f"{len(errors)} answers failed in the engine (counted as wrong)")
    print()
    print(
        f"target: derived-vs-not accuracy >= {TARGETS['clough_derived_accuracy']}: "
        f"{s2['accuracy']:.3f} -> {check(s2['accuracy'], TARGETS['clough_derived_accuracy'])}"
    )
    return {
        "answers": s4["n"],
        "errors": len(errors),
        "four_class": {k: s4[k] for k in ("accuracy", "macro_f1", "confusion", "per_label")},
        "derived_vs_not": {k: s2[k] for k in ("accuracy", "macro_f1", "confusion")},
        "seconds_per_answer_max": max((r["seconds"] for r in results), default=0.0),
    }


# --------------------------------------------------------------------------------------------
# Part 3: PAN 2013 text alignment (training corpus)
# --------------------------------------------------------------------------------------------


def bench_pan(data: Path, sample: int, workers: int, skip: int = 0) -> dict[str, Any] | None:
    which = f"pairs {skip + 1}-{skip + sample}" if skip else f"first {sample} pairs"
    heading(f"PAN 2013 text alignment, training corpus ({which} per folder)")
    root = data / "pan13-train"
    if not root.is_dir():
        print(f"skipped: {root} not found")
        return None
    jobs: list[tuple[str, str, str]] = []
    cases: dict[str, list[dict[str, Any]]] = {}
    folder_of: dict[str, str] = {}
    for folder in PAN_FOLDERS:
        pairs_file = root / folder / "pairs"
        if not pairs_file.is_file():
            print(f"warning: {pairs_file} not found; folder left out")
            continue
        lines = [ln.split() for ln in pairs_file.read_text(encoding="utf-8").splitlines()]
        pairs = [ln for ln in lines if len(ln) == 2][skip : skip + sample]
        for susp, src in pairs:
            key = f"{folder}/{susp}/{src}"
            truth = root / folder / f"{Path(susp).stem}-{Path(src).stem}.xml"
            anns = parse_pan_truth(truth.read_text(encoding="utf-8")) if truth.is_file() else []
            cases[key] = [a | {"pair": key} for a in anns]
            folder_of[key] = folder
            jobs.append((key, str(root / "src" / src), str(root / "susp" / susp)))
    results = run_jobs(jobs, workers, "pan")

    errors = [r for r in results if "error" in r]
    for r in errors[:5]:
        print(f"error: {r['key']}: {r['error']}")
    odd_enc = sorted(
        {
            e
            for r in results
            for e in r.get("encodings", {}).values()
            if e and e.replace("-", "_").lower() not in ("utf_8", "utf8", "ascii")
        }
    )
    if odd_enc:
        print(
            f"warning: engine decoded some PAN files as {odd_enc}; offsets may not match "
            "the UTF-8 truth"
        )
    dets: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        dets[r["key"]] = [
            d | {"pair": r["key"]} for d in regions_to_detections(r.get("regions", []))
        ]

    rows: list[list[Any]] = []
    per_folder: dict[str, Any] = {}
    all_cases: list[dict[str, Any]] = []
    all_dets: list[dict[str, Any]] = []
    for folder in PAN_FOLDERS:
        keys = [k for k in folder_of if folder_of[k] == folder]
        if not keys:
            continue
        fc = [c for k in keys for c in cases[k]]
        fd = [d for k in keys for d in dets.get(k, [])]
        all_cases += fc
        all_dets += fd
        m = plagdet(fc, fd)
        m["pairs"] = len(keys)
        m["errors"] = sum(1 for r in errors if folder_of.get(r["key"]) == folder)
        m["pairs_with_detections"] = sum(1 for k in keys if dets.get(k))
        per_folder[folder] = m
        rows.append(
            [
                folder,
                len(keys),
                m["cases"],
                m["detections"],
                m["precision"],
                m["recall"],
                m["granularity"],
                m["plagdet"],
                PAN_REFERENCE.get(folder),
            ]
        )
    overall = plagdet(all_cases, all_dets)
    overall["pairs"] = len(folder_of)
    rows.append(
        [
            "overall",
            len(folder_of),
            overall["cases"],
            overall["detections"],
            overall["precision"],
            overall["recall"],
            overall["granularity"],
            overall["plagdet"],
            PAN_REFERENCE["overall"],
        ]
    )
    plag_only = [k for k in folder_of if folder_of[k] != "01-no-plagiarism"]
    if plag_only:
        m = plagdet(
            [c for k in plag_only for c in cases[k]],
            [d for k in plag_only for d in dets.get(k, [])],
        )
        m["pairs"] = len(plag_only)
        overall_without_01 = m
        rows.append(
            [
                "overall without 01",
                len(plag_only),
                m["cases"],
                m["detections"],
                m["precision"],
                m["recall"],
                m["granularity"],
                m["plagdet"],
                None,
            ]
        )
    else:
        overall_without_01 = None
    print(
        table(
            [
                "folder",
                "pairs",
                "cases",
                "detections",
                "precision",
                "recall",
                "granularity",
                "plagdet",
                "PAN'14 best",
            ],
            rows,
        )
    )
    print(
        "(detections = regions labelled verbatim/edited/paraphrased; reference figures are the "
        f"PAN 2014 winner on the test corpus; PAN 2013 winner {PAN_2013_WINNER})"
    )
    f01 = per_folder.get("01-no-plagiarism")
    if f01 is not None:
        print(
            f"01-no-plagiarism: {f01['detections']} false-positive detections in "
            f"{f01['pairs_with_detections']}/{f01['pairs']} pairs "
            "(no cases there: the official convention scores the folder 1.0 only when there "
            "are no detections, else 0)"
        )
    if errors:
        print(f"{len(errors)} pairs failed in the engine (no detections counted for them)")
    secs = [r["seconds"] for r in results]
    if secs:
        print(f"engine time per pair: mean {sum(secs) / len(secs):.2f}s, max {max(secs):.2f}s")
    print()
    print(
        f"target: plagdet >= {TARGETS['pan_plagdet_overall']} overall: "
        f"{overall['plagdet']:.3f} -> {check(overall['plagdet'], TARGETS['pan_plagdet_overall'])}"
    )
    return {
        "sample_per_folder": sample,
        "folders": per_folder,
        "overall": overall,
        "overall_without_01": overall_without_01,
        "errors": len(errors),
        "reference_pan2014_winner": PAN_REFERENCE,
        "reference_pan2013_winner": PAN_2013_WINNER,
        "seconds_per_pair_mean": sum(secs) / len(secs) if secs else None,
        "seconds_per_pair_max": max(secs, default=None),
    }


# --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="folder holding clough-stevenson/ and pan13-train/",
    )
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="seeds-gold.json")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of the seed files")
    ap.add_argument(
        "--pan-sample", type=int, default=100, help="first N pairs of each PAN folder (default 100)"
    )
    ap.add_argument(
        "--pan-skip",
        type=int,
        default=0,
        help="start after this many pairs of each folder (pairs no cut-off was measured on)",
    )
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument(
        "--news-generated",
        type=int,
        default=30,
        help="families generated from PAN13 sources for the news part (default 30)",
    )
    ap.add_argument(
        "--only", default=",".join(PARTS), help="comma-separated parts to run: seeds,clough,pan"
    )
    ap.add_argument("--json-out", type=Path, help="also write all figures as JSON here")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    only = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = [p for p in only if p not in PARTS]
    if unknown:
        print(f"unknown part(s) {unknown}; choose from {PARTS}", file=sys.stderr)
        return 2
    data, gold, seeds = args.data.resolve(), args.gold.resolve(), args.seeds.resolve()

    runnable = []
    if "seeds" in only:
        if gold.is_file():
            runnable.append("seeds")
        else:
            print(f"seeds: skipped, gold file {gold} not found")
    if "news" in only:
        runnable.append("news")  # its authored families ship with the repository
    for part, sub in (("clough", "clough-stevenson"), ("pan", "pan13-train")):
        if part in only:
            if (data / sub).is_dir():
                runnable.append(part)
            else:
                print(f"{part}: skipped, {data / sub} not found")
    figures: dict[str, Any] = {
        "data": str(data),
        "workers": args.workers,
        "timing_seconds": {},
        "targets": TARGETS,
    }
    if runnable:
        try:
            _engine()
        except ImportError as exc:
            print(f"cannot import the storytrace engine: {exc!r}")
            return 1
    for part in runnable:
        t0 = time.perf_counter()
        if part == "seeds":
            result = bench_seeds(seeds, gold)
        elif part == "clough":
            result = bench_clough(data, args.workers)
        elif part == "news":
            result = news.bench(
                data,
                args.workers,
                args.news_generated,
                lambda fn, jobs, workers: run_jobs(jobs, workers, "news", fn),
                table,
                heading,
            )
        else:
            result = bench_pan(data, args.pan_sample, args.workers, args.pan_skip)
        elapsed = time.perf_counter() - t0
        print(f"[{part}: {elapsed:.1f}s]")
        figures[part] = result
        figures["timing_seconds"][part] = elapsed

    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(
            json.dumps(figures, indent=2, sort_keys=True, default=list) + "\n", encoding="utf-8"
        )
        print(f"figures written to {args.json_out}")
    return 0


if __name__ == "__main__":
    # Keep numeric libraries from oversubscribing the cores the worker pool already uses.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    sys.exit(main())
