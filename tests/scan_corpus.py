"""Small real-text corpora for the scan tests, written into a temporary folder.

Stories: the news family's wire copy and seed 001. Articles: the three newspaper versions
of the wire, the other seeds (000 and 002 come from 001's lost original, 003 and 004 are
independent), and seed 003 with two paragraphs of the wire pasted into its middle.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS, SHARED

NEWS = SHARED / "news-family"


def need_news() -> Path:
    if not NEWS.exists():
        pytest.skip(f"{NEWS} not available")
    return NEWS


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def pasted_article() -> str:
    """Seed 003 with the wire's two paragraphs on the diesel sales pasted into its middle."""
    wire = (need_news() / "wire.txt").read_text(encoding="utf-8").split("\n")
    start = next(k for k, line in enumerate(wire) if line.startswith("The court heard"))
    chunk = [line.rstrip("<") for line in wire[start : start + 5]]
    host = seed("003").split("\n")
    half = len(host) // 2
    return "\n".join(host[:half] + chunk + host[half:])


def articles() -> list[tuple[str, str]]:
    news = need_news()
    return [
        ("sun", (news / "sun.txt").read_text(encoding="utf-8")),
        ("times", (news / "times.txt").read_text(encoding="utf-8")),
        ("guardian", (news / "guardian.txt").read_text(encoding="utf-8")),
        ("s000", seed("000")),
        ("s002", seed("002")),
        ("s003", seed("003")),
        ("s004", seed("004")),
        ("pasted", pasted_article()),
    ]


def write_stories(folder: Path) -> Path:
    stories = folder / "stories"
    stories.mkdir(parents=True, exist_ok=True)
    shutil.copy(need_news() / "wire.txt", stories / "wire.txt")
    shutil.copy(next(SEEDS.glob("001_*.txt")), stories / "seed001.txt")
    return stories


def write_jsonl(path: Path, records: list[dict], gz: bool = False, extra: bytes = b"") -> Path:
    data = b"".join(json.dumps(r).encode() + b"\n" for r in records) + extra
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
    return path


def article_records() -> list[dict]:
    return [
        {"id": name, "text": text, "url": f"https://example.org/{name}", "date": "2026-06-10"}
        for name, text in articles()
    ]
