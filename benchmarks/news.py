"""News families: does storytrace pick the wire story as the original, draw who copied whom,
and give the verdicts a journalist would sign?

Two sources of families, each a folder of versions with a ``gold.json`` (the original, each
version's verdict on the journalists' three levels and its immediate source, dates):

* authored - ``benchmarks/data/news/``: twelve made-up families written for this project in
             the shape of real wire-to-newspaper reuse (PA, AP, Reuters, AFP furniture;
             condensed tabloids, rewritten broadsheets with their own reporting, independent
             stories sharing quotes and public facts, chains, HTML pages), plus 30 single
             wire -> paper pairs (``pairs-*.jsonl``);
* generated - families built from real text (PAN13 source documents) by ``news_generator``:
              condensing rewrites, time shifts, added paragraphs, independent pieces sharing
              only quotes and facts.

Figures: reference choice (the original picked as the reference), tree parents (a derived
version's parent is its gold source), edge direction (a gold source-copy pair joined by an
edge has it the right way round), independence (a version written independently is
nobody's child), and verdict F1 (derived vs not, and three classes) on wire -> paper pairs
compared with the wire given as the reference, as a journalist would.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.evaluation import classification_scores, tree_scores

REPO = Path(__file__).resolve().parents[1]
AUTHORED = REPO / "benchmarks" / "data" / "news"
CLASSES = ("wholly-derived", "partially-derived", "independent")


def family_dirs(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/gold.json"))


def read_gold(folder: Path) -> dict[str, Any]:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    stem = {name: Path(name).stem for name in [gold["original"], *gold["versions"]]}
    return {
        "original": stem[gold["original"]],
        "versions": {
            stem[name]: {
                "verdict": v["verdict"],
                "source": Path(v["source"]).stem if v.get("source") else None,
                "kind": v.get("kind", ""),
            }
            for name, v in gold["versions"].items()
        },
        "dates": {str(folder / name): date for name, date in (gold.get("dates") or {}).items()},
    }


def run_family(job: tuple[str, str, bool]) -> dict[str, Any]:
    """Compare a whole family with no reference, as a user opening the folder would."""
    key, folder, with_dates = job
    t0 = time.perf_counter()
    try:
        from tui.core.dates import apply_dates
        from tui.core.engine import compare
        from tui.core.loading import load_documents

        loaded = load_documents([folder])
        if with_dates:
            apply_dates(loaded.documents, read_gold(Path(folder))["dates"])
        report = compare(loaded.documents, warnings=loaded.warnings)
        tree = report.provenance.tree if report.provenance else None
        return {
            "key": key,
            "reference": report.reference,
            "reason": report.reference_reason,
            "edges": [(e.parent, e.child, e.basis) for e in tree.edges] if tree else [],
            "independent": list(tree.independent) if tree else [],
            "verdicts": {c.target: c.verdict for c in report.comparisons},
            "warnings": list(report.warnings),
            "seconds": time.perf_counter() - t0,
        }
    except Exception as exc:  # reported per family, never raised
        return {"key": key, "error": f"{type(exc).__name__}: {exc}"}


def family_jobs(root: Path, with_dates: bool) -> list[tuple[str, str, bool]]:
    return [(f.name, str(f), with_dates) for f in family_dirs(root)]


def pair_jobs(root: Path, scratch: Path) -> list[tuple[str, str, str, str]]:
    """(key, wire file, paper file, gold verdict): every family version whose gold source is
    the wire or nobody, and every line of pairs-*.jsonl written out as two files."""
    jobs = []
    for folder in family_dirs(root):
        gold = read_gold(folder)
        files = {p.stem: p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".md")}
        wire = files[gold["original"]]
        for v, g in gold["versions"].items():
            if g["source"] in (None, gold["original"]):
                jobs.append((f"{folder.name}/{v}", str(wire), str(files[v]), g["verdict"]))
    for lines in sorted(root.glob("pairs-*.jsonl")):
        for n, line in enumerate(lines.read_text(encoding="utf-8").splitlines()):
            if not line.strip():
                continue
            item = json.loads(line)
            where = scratch / f"{lines.stem}-{n:02d}"
            where.mkdir(parents=True, exist_ok=True)
            (where / "wire.txt").write_text(item["wire"], encoding="utf-8")
            (where / "paper.txt").write_text(item["paper"], encoding="utf-8")
            jobs.append(
                (
                    f"{lines.stem}/{item['id']}",
                    str(where / "wire.txt"),
                    str(where / "paper.txt"),
                    item["verdict"],
                )
            )
    return jobs


def run_pair(job: tuple[str, str, str, str]) -> dict[str, Any]:
    key, wire, paper, verdict = job
    try:
        from tui.core.engine import compare_paths

        report = compare_paths([wire, paper], reference=wire)
        c = report.comparisons[0]
        return {
            "key": key,
            "gold": verdict,
            "verdict": c.verdict,
            "target_derived": c.coverage["target_derived"],
        }
    except Exception as exc:
        return {"key": key, "gold": verdict, "error": f"{type(exc).__name__}: {exc}"}


def score_families(root: Path, results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    golds = {f.name: read_gold(f) for f in family_dirs(root)}
    rows = []
    for r in results:
        gold = golds[r["key"]]
        if "error" in r:
            rows.append({"key": r["key"], "error": r["error"]})
            continue
        gold_edges = {(g["source"], v) for v, g in gold["versions"].items() if g["source"]}
        independent = {v for v, g in gold["versions"].items() if g["source"] is None}
        scores = tree_scores(
            gold_edges, independent, [(p, c) for p, c, _ in r["edges"]], r["independent"]
        )
        rows.append(
            {
                "key": r["key"],
                "reference_ok": r["reference"] == gold["original"],
                "reference": r["reference"],
                **scores,
            }
        )
    ok = [row for row in rows if "error" not in row]

    def total(name: str) -> tuple[int, int]:
        return sum(row[name][0] for row in ok), sum(row[name][1] for row in ok)

    return {
        "families": len(rows),
        "crashed": len(rows) - len(ok),
        "reference_right": sum(row["reference_ok"] for row in ok),
        "parents": total("parents"),
        "directions": total("directions"),
        "independent": total("independent"),
        "rows": rows,
    }


def score_pairs(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    ok = [r for r in results if "error" not in r]
    gold = [r["gold"] for r in ok]
    pred = [r["verdict"] for r in ok]
    three = classification_scores(gold, pred, CLASSES)
    two = classification_scores(
        [_binary(g) for g in gold], [_binary(p) for p in pred], ("derived", "independent")
    )
    return {
        "pairs": len(results),
        "errors": [r for r in results if "error" in r],
        "three_class": three,
        "binary": two,
        "misses": [
            (r["key"], r["gold"], r["verdict"], r["target_derived"])
            for r in ok
            if r["gold"] != r["verdict"]
        ],
    }


def _binary(verdict: str) -> str:
    return "independent" if verdict == "independent" else "derived"


def bench(
    data: Path, workers: int, generated: int, run_jobs: Any, table: Any, heading: Any
) -> dict[str, Any]:
    """Run and print the news part; ``run_jobs``, ``table`` and ``heading`` are the accuracy
    benchmark's helpers (a process pool and plain-text tables)."""
    from benchmarks.news_generator import generate

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="storytrace-news-") as where:
        scratch = Path(where)
        sets = [("authored", AUTHORED)]
        if generated and (data / "pan13-train").is_dir():
            made = generate(data, scratch / "generated", generated)
            sets.append((f"generated ({len(made)} from PAN13 sources)", scratch / "generated"))
        for name, root in sets:
            heading(f"News families, {name}")
            for with_dates in (False, True):
                results = run_jobs(run_family, family_jobs(root, with_dates), workers)
                s = score_families(root, results)
                label = "with --dates" if with_dates else "no dates given"
                out[f"{name.split()[0]}_families_{'dates' if with_dates else 'nodates'}"] = {
                    k: v for k, v in s.items() if k != "rows"
                }
                print(
                    table(
                        [
                            "families " + label,
                            "crashed",
                            "original chosen",
                            "parents right",
                            "directions right",
                            "independent kept apart",
                        ],
                        [
                            [
                                s["families"],
                                s["crashed"],
                                f"{s['reference_right']}/{s['families']}",
                                "{}/{}".format(*s["parents"]),
                                "{}/{}".format(*s["directions"]),
                                "{}/{}".format(*s["independent"]),
                            ]
                        ],
                    )
                )
            pairs = run_jobs(run_pair, pair_jobs(root, scratch / name.split()[0]), workers)
            sp = score_pairs(pairs)
            out[f"{name.split()[0]}_pairs"] = sp
            three, two = sp["three_class"], sp["binary"]
            print(
                table(
                    [
                        "wire -> version pairs",
                        "n",
                        "derived-vs-not F1 (derived)",
                        "derived-vs-not macro-F1",
                        "3-class macro-F1",
                        "3-class accuracy",
                    ],
                    [
                        [
                            name.split()[0],
                            three["n"],
                            two["per_label"]["derived"]["f1"],
                            two["macro_f1"],
                            three["macro_f1"],
                            three["accuracy"],
                        ]
                    ],
                )
            )
            rows = [
                [g, *(three["confusion"].get(g, {}).get(p, 0) for p in CLASSES)] for g in CLASSES
            ]
            print(table(["gold \\ predicted", *CLASSES], rows))
        return out
