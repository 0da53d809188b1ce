"""The scan's JSON: schema ``storytrace-scan/3``, what every other reader of a scan relies on.

Top-level keys:

- ``schema``: ``"storytrace-scan/3"``; ``tool``: ``{"name", "version"}``.
- ``complete``: false when the scan was stopped (Ctrl-C) before every shard was read; the
  figures then cover the shards in ``corpus.files``, and ``--resume`` reads the rest.
- ``settings``: every option that changes the hits (``ngram``, ``min_shared``,
  ``max_story_df``, MinHash and LSH, ``min_story_reused``, the JSON Lines field names, and the
  engine's own settings under ``engine``).
- ``stories``: ``id``, ``path``, ``bytes``, ``sha256``, ``title``, ``ngrams`` (how many of
  its n-grams were indexed) and ``date`` (its own publication date, from page metadata or an
  agency's slug line; ``""`` when unknown; new in storytrace-scan/3) per story.
- ``corpus``: ``inputs`` (the paths as given) and ``files``: per JSON Lines or WARC file its
  ``path``, ``kind``, ``bytes``, ``sha256``, ``articles`` and ``skipped``; a run of up to 500
  folder files is one entry whose ``sha256`` is taken over its files' names and digests.
- ``counts``: ``articles_read``, ``articles_skipped``, ``candidates`` (story-article pairs the
  filter passed), ``verified``, ``hits``, ``articles_matched``, ``stories_matched``, ``shards``.
- ``bad_records``: ``file``, ``location`` (``line 12``, ``offset 40960``, ``after line 7``)
  and ``reason`` per record that could not be read (the first 100 per shard), with
  ``bad_records_omitted`` counting the rest; ``warnings``: inputs that could not be used.
- ``hits``: ranked by the share of the story the article took (``source_reused``), then
  story id, then corpus order. Each has ``rank``; ``story`` (``id``, ``path``); ``article``
  (``file``, ``record``: the JSON Lines id or WARC-Record-ID, ``location``, ``url``,
  ``title``, ``date``, and ``shard``/``ordinal`` to read it again); the engine's ``verdict``
  (``wholly-derived``, ``partially-derived`` or ``independent`` when copied passages alone
  made it a hit), ``before_story`` (new in storytrace-scan/3: the article's date is earlier
  than the story's, so it did not copy the story: the story took from it or both share a
  source), ``source_reused`` (share of the story's characters in the passages the
  article took that count: the engine's exclusions leave shared quotations out by default;
  storytrace-scan/1 counted every derived passage),
  ``target_derived`` (share of the article derived from the story), ``counts`` of passages
  per label, ``regions`` (``source_span`` and ``target_span`` as ``str`` offsets into the
  story as loaded and the article text as extracted, with the region's ``label``), and
  ``candidate`` (``shared_ngrams``, ``containment``, ``lsh``: why the filter let it through).

Keys are sorted and there is no timestamp or timing: the same inputs and options give
byte-identical output, whether the scan ran in one process, on a Dask cluster or resumed.
"""

from __future__ import annotations

import json
from typing import Any

from .model import (
    ArticleRef,
    BadRecord,
    Candidate,
    FileEvidence,
    Hit,
    HitRegion,
    ScanResult,
    Shard,
    ShardResult,
)

SCHEMA = "storytrace-scan/3"


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    a = hit.article
    return {
        "story": {"id": hit.story, "path": hit.story_path},
        "article": {
            "file": a.file,
            "record": a.record,
            "location": a.location,
            "shard": a.shard,
            "ordinal": a.ordinal,
            "url": hit.url,
            "title": hit.title,
            "date": hit.date,
        },
        "verdict": hit.verdict,
        "before_story": hit.before_story,
        "source_reused": hit.source_reused,
        "target_derived": hit.target_derived,
        "counts": dict(hit.counts),
        "regions": [
            {
                "source_span": list(r.source_span),
                "target_span": list(r.target_span),
                "label": r.label,
            }
            for r in hit.regions
        ],
        "candidate": {
            "story": hit.candidate.story,
            "shared_ngrams": hit.candidate.shared,
            "containment": hit.candidate.containment,
            "lsh": hit.candidate.lsh,
        },
    }


def hit_from_dict(d: dict[str, Any]) -> Hit:
    a, c = d["article"], d["candidate"]
    return Hit(
        story=d["story"]["id"],
        story_path=d["story"]["path"],
        article=ArticleRef(
            shard=a["shard"],
            ordinal=a["ordinal"],
            file=a["file"],
            record=a["record"],
            location=a["location"],
        ),
        title=a["title"],
        url=a["url"],
        date=a["date"],
        verdict=d["verdict"],
        source_reused=d["source_reused"],
        target_derived=d["target_derived"],
        counts=dict(d["counts"]),
        regions=[
            HitRegion(tuple(r["source_span"]), tuple(r["target_span"]), r["label"])  # type: ignore[arg-type]
            for r in d["regions"]
        ],
        candidate=Candidate(c["story"], c["shared_ngrams"], c["containment"], c["lsh"]),
        before_story=d.get("before_story", False),
    )


def _file(f: FileEvidence) -> dict[str, Any]:
    return {
        "path": f.path,
        "kind": f.kind,
        "bytes": f.bytes,
        "sha256": f.sha256,
        "articles": f.articles,
        "skipped": f.skipped,
    }


def shard_to_dict(r: ShardResult) -> dict[str, Any]:
    """One finished shard, as the resume state keeps it."""
    s = r.shard
    return {
        "shard": {"ordinal": s.ordinal, "kind": s.kind, "path": s.path, "files": list(s.files)},
        "files": [_file(f) for f in r.files],
        "hits": [hit_to_dict(h) for h in r.hits],
        "bad": [{"file": b.file, "location": b.location, "reason": b.reason} for b in r.bad],
        "counts": {
            "articles": r.articles,
            "skipped": r.skipped,
            "candidates": r.candidates,
            "verified": r.verified,
            "bad_omitted": r.bad_omitted,
        },
    }


def shard_from_dict(d: dict[str, Any]) -> ShardResult:
    s, n = d["shard"], d["counts"]
    return ShardResult(
        shard=Shard(s["ordinal"], s["kind"], s["path"], tuple(s["files"])),
        files=[FileEvidence(**f) for f in d["files"]],
        hits=[hit_from_dict(h) for h in d["hits"]],
        bad=[BadRecord(**b) for b in d["bad"]],
        articles=n["articles"],
        skipped=n["skipped"],
        candidates=n["candidates"],
        verified=n["verified"],
        bad_omitted=n["bad_omitted"],
    )


def scan_to_dict(result: ScanResult) -> dict[str, Any]:
    shards = sorted(result.shards, key=lambda r: r.shard.ordinal)
    hits = []
    for rank, h in enumerate(result.hits, 1):
        hits.append({"rank": rank, **hit_to_dict(h)})
    return {
        "schema": result.schema,
        "tool": {"name": "storytrace", "version": result.tool_version},
        "complete": result.complete,
        "settings": result.settings_dict(),
        "stories": [
            {
                "id": s.id,
                "path": s.path,
                "bytes": s.bytes,
                "sha256": s.sha256,
                "title": s.title,
                "ngrams": s.ngrams,
                "date": s.date,
            }
            for s in result.stories
        ],
        "corpus": {
            "inputs": list(result.inputs),
            "files": [_file(f) for r in shards for f in r.files],
        },
        "counts": result.counts(),
        "bad_records": [
            {"file": b.file, "location": b.location, "reason": b.reason}
            for r in shards
            for b in r.bad
        ],
        "bad_records_omitted": sum(r.bad_omitted for r in shards),
        "warnings": list(result.warnings),
        "hits": hits,
    }


def scan_to_json(result: ScanResult) -> str:
    return json.dumps(scan_to_dict(result), sort_keys=True, ensure_ascii=False, indent=1) + "\n"
