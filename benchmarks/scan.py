"""The corpus scan: speed, memory and accuracy on generated corpora of real text, with the
brute-force baseline (the engine on every story-article pair) measured in the same run.

Corpora are built from PAN13 training documents, never stored in the repository: generated on
the fly, deterministically from ``--seed``, into a temporary folder (gzipped JSON Lines, 5,000
articles a file). The documents are split by the PAN pair graph into two pools that share no
text: stories come from one, background articles from the other. A background article mixes
runs of sentences from three documents into about 3 KB. Planted among them, six per story:

- ``whole``: the story as is, with a site's headline and furniture around it;
- ``light``: a sentence in ten dropped, a word in thirty changed, an opening line added;
- ``spun``: common words swapped for a spinner's (nine in ten) and one content word in six
  replaced: about a quarter of the words changed;
- ``pasted``: one or two of the story's paragraphs pasted into a longer (5 KB) article;
- ``condensed``: one sentence in three kept, each cut to its first two thirds;
- ``independent``: a piece on the same topic (another page of the same PAN topic cluster),
  which must not be reported.

Every measurement runs in a fresh process (its peak memory is its own). The baseline times
the engine's ``compare`` on a random sample of story-article pairs in-process (no interpreter
start-up, which ``storytrace compare`` would add to every pair) and extrapolates to all pairs.

    python benchmarks/scan.py [--data ../shared/data] [--sizes 10000,100000] [--seed 13]
                              [--dask] [--baseline-pairs 100] [--pan] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.speed import SWAPS  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data"
PER_FILE = 5000
KINDS = ("whole", "light", "spun", "pasted", "condensed", "independent")
COPY_KINDS = KINDS[:-1]
FOLDERS = (
    "01-no-plagiarism",
    "02-no-obfuscation",
    "03-random-obfuscation",
    "04-translation-obfuscation",
    "05-summary-obfuscation",
)
_WORD = re.compile(r"[^\W_]+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
FURNITURE = [
    "Share this article",
    "Sign up for our daily newsletter",
    "Related stories",
    "Copyright 2026 Harbour Media Group. All rights reserved.",
]


# ------------------------------------------------------------------------------ the pools


class Pools:
    """PAN source pages as sentence lists, in two pools that share no text: stories (and
    their same-topic independent pieces) from the even topic clusters of the PAN pair graph,
    background from the odd ones. Suspicious documents are left out (they are built from
    source pages with obfuscated copies), and so is any background page that shares a
    single run of eight words (``runs8``) with any page of the story side: the web mirrors
    pages across topics, and pages of one site share its furniture (bylines, an ad's link
    markup), which a background article would otherwise carry as a "copy" of a story."""

    def __init__(self, data: Path) -> None:
        pan = data / "pan13-train"
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for folder in FOLDERS:
            for line in (pan / folder / "pairs").read_text().split("\n"):
                if line.strip():
                    a, b = line.split()
                    parent[find(a)] = find(b)
        groups: dict[str, list[str]] = defaultdict(list)
        for name in sorted(parent):
            groups[find(name)].append(name)
        clusters = sorted(groups.values(), key=lambda g: g[0])
        self.topic: dict[str, int] = {}
        self.sentences: dict[str, list[str]] = {}
        grams: dict[str, set[int]] = {}
        story_side: list[str] = []
        background: list[str] = []
        for k, names in enumerate(clusters):
            for name in names:
                if not name.startswith("source"):
                    continue
                self.topic[name] = k
                text = (pan / "src" / name).read_text(encoding="utf-8")
                self.sentences[name] = [
                    " ".join(s.split()) for s in _SENTENCE.split(text) if 40 <= len(s) <= 400
                ]
                grams[name] = runs8(text)
                (story_side if k % 2 == 0 else background).append(name)
        story_grams = set().union(*(grams[n] for n in story_side))
        self.background = [
            n for n in background if len(self.sentences[n]) >= 8 and not grams[n] & story_grams
        ]
        self.background_grams = set().union(*(grams[n] for n in self.background))
        self.dropped_background = len(background) - len(self.background)
        self.grams = {n: grams[n] for n in story_side}
        self.story_docs = [n for n in story_side if len(self.sentences[n]) >= 20]
        self.by_topic: dict[int, list[str]] = defaultdict(list)
        for name in story_side:
            if len(self.sentences[name]) >= 8:
                self.by_topic[self.topic[name]].append(name)
        vocab = Counter(
            w for n in self.background[:300] for s in self.sentences[n] for w in s.split()
        )
        self.content_words = sorted(w for w, c in vocab.items() if c >= 3 and w.isalpha())
        self.taken: set[str] = set()
        self.taken_grams: set[int] = set()

    def independent_of(self, doc: str, rng: random.Random) -> str:
        """A page of the same topic that is neither a story nor shares an eight-word run with
        any story; a background page when the topic has none."""
        others = [
            n
            for n in self.by_topic[self.topic[doc]]
            if n not in self.taken and not self.grams[n] & self.taken_grams
        ]
        return rng.choice(others) if others else rng.choice(self.background)


def runs8(text: str) -> set[int]:
    """The text's runs of eight words, words as the scan reads them (letters and digits,
    lower-cased), so that page furniture differing only in punctuation or markup (an ad's
    link with another zone number) is the same run."""
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + 8])) for i in range(len(words) - 7)}


def paragraphs(sentences: list[str], rng: random.Random) -> str:
    out, k = [], 0
    while k < len(sentences):
        n = rng.randint(2, 4)
        out.append(" ".join(sentences[k : k + n]))
        k += n
    return "\n\n".join(out)


def run_of(pools: Pools, name: str, chars: int, rng: random.Random) -> list[str]:
    sents = pools.sentences[name]
    start = rng.randrange(0, max(1, len(sents) - 5))
    out, size = [], 0
    for s in sents[start:] + sents[:start]:
        out.append(s)
        size += len(s) + 1
        if size >= chars:
            break
    return out


def background_article(pools: Pools, seed: int, index: int, chars: int = 3000) -> str:
    rng = random.Random(seed * 1_000_003 + index)
    parts: list[str] = []
    for _ in range(3):
        parts += run_of(pools, rng.choice(pools.background), chars // 3, rng)
    return paragraphs(parts, rng)


def make_stories(pools: Pools, count: int, seed: int) -> list[tuple[str, str, str]]:
    """(id, PAN document, text) of ``count`` stories of about 3 KB."""
    rng = random.Random(seed)
    docs = list(pools.story_docs)
    rng.shuffle(docs)
    # Stories are distinct: the web mirrors pages, and a copy of one mirrored story would
    # rightly be found as a copy of the other.
    chosen: list[str] = []
    seen: set[int] = set()
    for name in docs:
        if len(chosen) == count:
            break
        if not pools.grams[name] & seen:
            chosen.append(name)
            seen |= pools.grams[name]
    pools.taken = set(chosen)
    pools.taken_grams = seen
    out = []
    for k, name in enumerate(chosen):
        body = paragraphs(run_of(pools, name, 3000, rng), rng)
        text = f"Story {k}: {pools.sentences[name][0][:60]}\n\n{body}"
        # The ground truth holds only if no background article can carry a story's words.
        assert not runs8(text) & pools.background_grams, f"{name} shares text with background"
        out.append((f"story{k:05d}", name, text))
    return out


def spin(text: str, rng: random.Random, words: list[str], rate: float) -> str:
    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        if w in SWAPS and rng.random() < 0.9:
            return SWAPS[w]
        if len(w) >= 5 and rng.random() < rate:
            return rng.choice(words)
        return w

    return re.sub(r"[A-Za-z]+", swap, text)


def plant(pools: Pools, story: tuple[str, str, str], kind: str, seed: int) -> str:
    sid, doc, text = story
    rng = random.Random(f"{seed}/{sid}/{kind}")
    paras = text.split("\n\n")
    body = paras[1:]
    if kind == "whole":
        return "\n\n".join([f"{paras[0]} | Harbour Times", *body, *FURNITURE])
    if kind == "light":
        sents = [s for p in body for s in _SENTENCE.split(p)]
        kept = [s for s in sents if rng.random() >= 0.1]
        edited = spin(" ".join(kept), rng, pools.content_words, 1 / 30)
        return (
            paras[0]
            + "\n\nUpdated with new details.\n\n"
            + paragraphs(_SENTENCE.split(edited), rng)
        )
    if kind == "spun":
        return spin(text, rng, pools.content_words, 1 / 6)
    if kind == "pasted":
        host = background_article(pools, seed + 7, rng.randrange(10**9), 5000).split("\n\n")
        take = rng.sample(body, min(len(body), rng.choice((1, 2))))
        at = len(host) // 2
        return "\n\n".join(host[:at] + take + host[at:])
    if kind == "condensed":
        sents = [s for p in body for s in _SENTENCE.split(p)]
        short = []
        for s in sents[::3]:
            words = s.split()
            cut = words[: max(6, (2 * len(words)) // 3)]
            short.append(" ".join(cut).rstrip(",;:") + ("" if cut[-1].endswith(".") else "."))
        return paras[0] + "\n\n" + paragraphs(short, rng)
    # independent: another page of the same topic, neither a story nor sharing its text
    return paragraphs(run_of(pools, pools.independent_of(doc, rng), 3000, rng), rng)


def layout(size: int, stories: int, seed: int) -> dict[int, tuple[int, str]]:
    """Article index -> (story, kind) for the planted articles, spread over the corpus."""
    rng = random.Random(seed)
    slots = rng.sample(range(size), stories * len(KINDS))
    return {slot: (k // len(KINDS), KINDS[k % len(KINDS)]) for k, slot in enumerate(slots)}


_POOLS: Pools | None = None


def _write_file(job: tuple[Path, int, int, int, int, list, dict]) -> int:
    """One corpus file; runs in a pool worker (the pools load once per worker)."""
    global _POOLS
    path, data_seed, start, stop, _, stories, planted = job
    assert _POOLS is not None
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        for i in range(start, stop):
            if i in planted:
                k, kind = planted[i]
                text = plant(_POOLS, stories[k], kind, data_seed)
            else:
                text = background_article(_POOLS, data_seed, i)
            fh.write(json.dumps({"id": f"a{i:07d}", "text": text}) + "\n")
    return stop - start


def build_corpus(data: Path, folder: Path, size: int, n_stories: int, seed: int) -> dict:
    global _POOLS
    pools = _POOLS = Pools(data)
    stories = make_stories(pools, n_stories, seed)
    (folder / "stories").mkdir(parents=True, exist_ok=True)
    for sid, _, text in stories:
        (folder / "stories" / f"{sid}.txt").write_text(text, encoding="utf-8")
    planted = layout(size, len(stories), seed)
    jobs = []
    for f, start in enumerate(range(0, size, PER_FILE)):
        stop = min(size, start + PER_FILE)
        mine = {i: planted[i] for i in range(start, stop) if i in planted}
        jobs.append((folder / f"corpus-{f:04d}.jsonl.gz", seed, start, stop, f, stories, mine))
    # Forked workers inherit the pools instead of building them again.
    with multiprocessing.get_context("fork").Pool(2) as pool:
        for _ in pool.imap_unordered(_write_file, jobs):
            pass
    truth = {f"a{i:07d}": [stories[k][0], kind] for i, (k, kind) in planted.items()}
    (folder / "truth.json").write_text(json.dumps(truth, sort_keys=True))
    return truth


# ------------------------------------------------------------------------------ measuring


def child_scan(stories: str, corpus: list[str], out: str, dask: str | None, jobs: int = 1) -> dict:
    from tui.scan.contract import scan_to_json
    from tui.scan.scan import Scan, load_stories

    t0 = time.perf_counter()
    docs, _ = load_stories([stories])
    scan = Scan(docs, corpus)
    t1 = time.perf_counter()
    peak_workers = 0
    workers_cpu = 0.0
    if dask:
        from contextlib import ExitStack

        from tui.scan.distributed import connect

        with ExitStack() as stack:
            client = connect(dask, stack)
            scan.run(dask=client.scheduler.address)
            usage = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF)[:3]).values()
            peak_workers = sum(u[2] for u in usage)
            workers_cpu = sum(u[0] + u[1] for u in usage)
    else:
        scan.run(jobs=jobs)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers_cpu = children.ru_utime + children.ru_stime
        peak_workers = children.ru_maxrss * jobs if jobs > 1 else 0  # the largest, times n
    t2 = time.perf_counter()
    Path(out).write_text(scan_to_json(scan.result), encoding="utf-8")
    counts = scan.result.counts()
    return {
        "index_s": t1 - t0,
        "scan_s": t2 - t1,
        "articles": counts["articles_read"],
        "verified": counts["verified"],
        "hits": counts["hits"],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_peak_mb": peak_workers / 1024,
        # CPU seconds of this process and the workers: what the scan would take with whole
        # cores to itself, a figure the other users of a shared machine cannot move much.
        "cpu_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) + workers_cpu,
    }


def child_baseline(stories: str, corpus: list[str], pairs: int, seed: int) -> dict:
    """The engine on a random sample of story-article pairs, in this process."""
    from tui.core.engine import compare
    from tui.scan.model import Article, ArticleRef
    from tui.scan.scan import load_stories
    from tui.scan.verify import article_document

    docs, _ = load_stories([stories])
    rng = random.Random(seed)
    texts = []
    with gzip.open(corpus[0], "rt", encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= 2000:
                break
    sample = [(rng.choice(docs), rng.choice(texts)) for _ in range(pairs)]
    compare([sample[0][0], article_document(Article(ArticleRef(0, 0, "x"), sample[0][1]))])
    t0 = time.perf_counter()
    for story, text in sample:
        article = article_document(Article(ArticleRef(0, 0, "x"), text))
        compare([story, article], reference=story.id)
    return {"per_pair_s": (time.perf_counter() - t0) / pairs}


def in_child(mode: str, script: Path | None = None, **kwargs: object) -> dict:
    """``mode`` in a fresh process, with this script or the same script of another checkout
    (``--against``: the scan as it was, timed on the same corpus in the same run)."""
    script = script or Path(__file__)
    cmd = [sys.executable, str(script), "--child", json.dumps({"mode": mode, **kwargs})]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"child {mode} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def accuracy(result_path: Path, truth: dict) -> dict:
    data = json.loads(result_path.read_text(encoding="utf-8"))
    hits = {(h["story"]["id"], h["article"]["record"]) for h in data["hits"]}
    planted = defaultdict(set)
    for article, (story, kind) in truth.items():
        planted[kind].add((story, article))
    recall = {k: len(planted[k] & hits) / len(planted[k]) for k in KINDS if planted[k]}
    copies = set().union(*(planted[k] for k in COPY_KINDS))
    true_hits = len(hits & copies)
    return {
        "recall": recall,
        "precision": true_hits / len(hits) if hits else 1.0,
        "hits": len(hits),
        "false_hits": len(hits - copies),
        "independent_reported": len(planted["independent"] & hits),
        "independent": len(planted["independent"]),
    }


# -------------------------------------------------------------------------- PAN retrieval


def pan_pairs(pan: Path) -> dict[str, list[tuple[str, str]]]:
    """Per folder, the (suspicious, source) pairs: with a plagiarism case, or all of the
    no-plagiarism folder's."""
    out: dict[str, list[tuple[str, str]]] = {}
    for folder in FOLDERS:
        pairs = []
        for line in (pan / folder / "pairs").read_text().split("\n"):
            if not line.strip():
                continue
            susp, src = (Path(x).stem for x in line.split())
            truth = (pan / folder / f"{susp}-{src}.xml").read_text()
            if folder == FOLDERS[0] or 'name="plagiarism"' in truth:
                pairs.append((susp, src))
        out[folder] = pairs
    return out


def pan_retrieval(data: Path, work: Path, dask: str | None, sample: int) -> dict:
    """Stories: every PAN13 training source document; corpus: the suspicious documents (the
    first ``sample`` by name through the whole scan, all of them through the filter alone).
    Each pair with a plagiarism case should come out; no-plagiarism pairs should not."""
    from tui.scan.candidates import batch_candidates
    from tui.scan.index import build_index
    from tui.scan.model import ScanSettings
    from tui.scan.scan import load_stories

    pan = data / "pan13-train"
    (work / "stories").mkdir(parents=True, exist_ok=True)
    for f in sorted((pan / "src").glob("*.txt")):
        shutil.copy(f, work / "stories" / f.name)
    susp = sorted((pan / "susp").glob("*.txt"))
    texts = {f.stem: f.read_text(encoding="utf-8") for f in susp}
    chosen = sorted(texts)[: sample or None]
    with gzip.open(work / "susp.jsonl.gz", "wt", encoding="utf-8", compresslevel=1) as fh:
        for name in chosen:
            fh.write(json.dumps({"id": name, "text": texts[name]}) + "\n")
    out = work / "pan.json"
    measured = in_child(
        "scan",
        stories=str(work / "stories"),
        corpus=[str(work / "susp.jsonl.gz")],
        out=str(out),
        dask=dask,
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    hits = {(h["article"]["record"], h["story"]["id"]) for h in result["hits"]}
    # The filter alone over every suspicious document.
    docs, _ = load_stories([str(work / "stories")])
    index = build_index(docs, ScanSettings())
    names = [d.id for d in docs]
    ordered = sorted(texts)
    candidates: set[tuple[str, str]] = set()
    full = 0
    for k in range(0, len(ordered), 64):
        found = batch_candidates(index, [texts[n] for n in ordered[k : k + 64]])
        for name, cands in zip(ordered[k : k + 64], found, strict=True):
            full += len(cands) >= index.settings.max_stories_per_article
            candidates |= {(name, names[c.story]) for c in cands}
    per_folder = {}
    in_sample = set(chosen)
    for folder, pairs in pan_pairs(pan).items():
        mine = [p for p in pairs if p[0] in in_sample]
        per_folder[folder] = (
            sum(p in hits for p in mine),
            len(mine),
            sum(p in candidates for p in pairs),
            len(pairs),
        )
    return {
        "measured": measured,
        "per_folder": per_folder,
        "hits": len(hits),
        "full": full,
        "candidates": len(candidates),
        "suspicious": len(texts),
    }


# ------------------------------------------------------------------------------------ main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--stories", type=int, default=0, help="default: size/100, at most 1,000")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--dask", action="store_true", help="also run each size on --dask local")
    ap.add_argument(
        "--dask-only", action="store_true", help="run each size on --dask local only (1M)"
    )
    ap.add_argument(
        "--jobs", type=int, default=0, help="also run each size on this many worker processes"
    )
    ap.add_argument(
        "--jobs-only", action="store_true", help="run each size on --jobs workers only (1M)"
    )
    ap.add_argument("--baseline-pairs", type=int, default=100)
    ap.add_argument("--pan", action="store_true", help="the PAN13 retrieval test")
    ap.add_argument(
        "--pan-sample", type=int, default=300, help="suspicious documents scanned whole (0: all)"
    )
    ap.add_argument("--workdir", type=Path, help="keep corpora here (default: a temp dir)")
    ap.add_argument(
        "--against",
        type=Path,
        help="another checkout (e.g. `git archive main | tar -x -C /tmp/main`) whose scan "
        "runs on the same corpus in one process, as the baseline for this one",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        job = json.loads(args.child)
        mode = job.pop("mode")
        out = child_scan(**job) if mode == "scan" else child_baseline(**job)
        print(json.dumps(out))
        return 0
    if not (args.data / "pan13-train").exists():
        print(f"skipped: {args.data / 'pan13-train'} not available")
        return 0
    work = args.workdir or Path(tempfile.mkdtemp(prefix="storytrace-scan-"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    try:
        for size in [int(s) for s in args.sizes.split(",") if s]:
            n_stories = args.stories or max(10, min(1000, size // 100))
            folder = work / f"n{size}"
            t0 = time.perf_counter()
            truth = build_corpus(args.data, folder, size, n_stories, args.seed)
            n_stories = len(list((folder / "stories").glob("*.txt")))
            gen = time.perf_counter() - t0
            corpus = sorted(str(p) for p in folder.glob("corpus-*.jsonl.gz"))
            mb = sum(Path(p).stat().st_size for p in corpus) / 1e6
            print(
                f"\n{size:,} articles, {n_stories:,} stories: generated in {gen:.0f} s "
                f"({mb:.0f} MB gzipped), load {os.getloadavg()[0]:.2f}"
            )
            runs = [("one process", None, 1)]
            runs += [(f"{args.jobs} worker processes", None, args.jobs)] if args.jobs else []
            runs += [("dask local", "local", 1)] if args.dask else []
            if args.dask_only:
                runs = [("dask local", "local", 1)]
            if args.jobs_only:
                runs = [(f"{args.jobs} worker processes", None, args.jobs)]
            if args.against:
                runs.insert(0, ("against: one process", None, 1))
            single_s, single_label = 0.0, ""
            for label, dask, jobs in runs:
                out = folder / f"result-{label.replace(' ', '-').replace(':', '')}.json"
                script = None
                if label.startswith("against"):
                    script = args.against / "benchmarks" / "scan.py"
                m = in_child(
                    "scan",
                    script,
                    stories=str(folder / "stories"),
                    corpus=corpus,
                    out=str(out),
                    dask=dask,
                    **({"jobs": jobs} if jobs > 1 else {}),
                )
                rate = m["articles"] / m["scan_s"]
                if not script and (not single_s or m["scan_s"] < single_s):
                    single_s, single_label = m["scan_s"], label  # the fastest run
                print(
                    f"  {label}: {m['scan_s']:.1f} s, {rate:,.0f} articles/s "
                    f"({m['verified']:,} verified, {m['hits']:,} hits), index "
                    f"{m['index_s']:.1f} s, peak {m['peak_mb']:.0f} MB"
                    + (f" + workers {m['workers_peak_mb']:.0f} MB" if dask or jobs > 1 else "")
                    + f", load {os.getloadavg()[0]:.2f}; CPU {m['cpu_s']:.0f} s, "
                    f"{m['articles'] / m['cpu_s']:,.0f} articles per CPU-second"
                )
                acc = accuracy(out, truth)
                print(
                    "  recall "
                    + ", ".join(f"{k} {v:.3f}" for k, v in acc["recall"].items())
                    + f"; precision {acc['precision']:.3f} ({acc['false_hits']} false of "
                    f"{acc['hits']}); independent reported {acc['independent_reported']}"
                    f"/{acc['independent']}"
                )
            single_json = folder / "result-one-process.json"
            for label, _, _ in runs[1:]:
                other = folder / f"result-{label.replace(' ', '-').replace(':', '')}.json"
                if single_json.exists() and not label.startswith("against"):
                    same = single_json.read_bytes() == other.read_bytes()
                    print(f"  one process and {label} byte-identical: {same}")
            base = in_child(
                "baseline",
                stories=str(folder / "stories"),
                corpus=corpus[:1],
                pairs=args.baseline_pairs,
                seed=args.seed,
            )
            pairs = n_stories * size
            brute = base["per_pair_s"] * pairs
            print(
                f"  baseline, the engine on every pair: {base['per_pair_s'] * 1000:.1f} ms a "
                f"pair x {pairs:,} pairs = {brute / 3600:,.1f} h; scan ({single_label}) "
                f"{single_s:.1f} s: {brute / single_s:,.0f}x faster"
            )
            if not args.workdir:
                shutil.rmtree(folder, ignore_errors=True)
        if args.pan:
            dask = "local" if args.dask or args.dask_only else None
            r = pan_retrieval(args.data, work / "pan", dask, args.pan_sample)
            m = r["measured"]
            print(
                f"\nPAN13 train retrieval: stories = all source documents; whole scan of "
                f"{m['articles']:,} suspicious documents in {m['scan_s']:.0f} s "
                f"({m['verified']:,} verified, {r['hits']:,} hits, load "
                f"{os.getloadavg()[0]:.2f}); filter alone over all {r['suspicious']:,}: "
                f"{r['candidates']:,} candidates, {r['full']} documents at the cap of "
                f"stories per article"
            )
            for folder, (found, total, cand, all_pairs) in r["per_folder"].items():
                what = "reported" if folder == FOLDERS[0] else "found"
                print(
                    f"  {folder}: scan {found}/{total} {what} ({found / max(1, total):.3f}); "
                    f"filter {cand}/{all_pairs} ({cand / max(1, all_pairs):.3f})"
                )
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
