"""Ten versions of one story with long newspaper-style names, made from the seeds.

A real audit is rarely five files called ``000``…``004``: it is ten copies named like
``02.11.99_chips271_guardian.txt`` that differ only at the end, some cut down, some spun,
some copied from a copy. The screenshots and the explorer's tests use this family to show
and check what the seeds alone cannot (short distinct names, ten columns, a deeper tree).

The five seeds are kept as they are (renamed); the other five are derived from them the way
republishers work: condensed, condensed again from the condensed copy, reordered with a
paragraph of their own, word-spun, and stitched together from two copies. Everything is
deterministic, so the pictures and the tests see the same texts every time.
"""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PREFIX = "02.11.99_chips271_"
# Each seed under a paper's name.
RENAMED = {
    "000_dcce54c3826141f5": "guardian",
    "001_31fc123e83c1cc46": "wire",
    "002_a9b962200192712f": "times",
    "003_bdfd22743b811459": "telegraph",
    "004_7f577332accbfae7": "observer",
}
# A spinner's swaps: plain words for rarer ones, as the shipped lexicon describes them.
SPIN = {
    "company": "enterprise",
    "said": "expressed",
    "big": "substantial",
    "help": "aid",
    "build": "construct",
    "new": "novel",
    "project": "undertaking",
    "plans": "schemes",
    "partner": "collaborator",
    "investment": "venture",
}
OWN_PARAGRAPH = (
    "Our technology desk understands that regulators in Brussels have asked for details of "
    "the arrangement before the end of the month."
)
PROMOTION = "Sign up to our morning briefing for the day's biggest stories, free."


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _join(paras: list[str]) -> str:
    return "\n\n".join(paras) + "\n"


def condensed(paras: list[str]) -> list[str]:
    """The opening kept whole, then every other paragraph: a shorter copy."""
    return paras[:3] + paras[3::2]


def spun(paras: list[str]) -> list[str]:
    pattern = re.compile(r"\b(" + "|".join(SPIN) + r")\b")
    return [pattern.sub(lambda m: SPIN[m.group(1)], p) for p in paras]


def _derived(texts: dict[str, list[str]]) -> dict[str, list[str]]:
    wire, guardian, times = texts["wire"], texts["guardian"], texts["times"]
    mirror = condensed(wire)
    half = len(guardian) // 2
    return {
        "mirror": mirror,
        "sun": mirror[:5] + [PROMOTION],
        "express": guardian[half:] + [OWN_PARAGRAPH] + guardian[:half],
        "mail": spun(times),
        "metro": guardian[:half] + times[len(times) // 2 :],
    }


def build(folder: Path, seeds: Path = SEEDS) -> list[Path]:
    """Write the ten versions into ``folder``; their paths, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {
        paper: paragraphs((seeds / f"{stem}.txt").read_text(encoding="utf-8"))
        for stem, paper in RENAMED.items()
    }
    texts |= _derived(texts)
    return sorted(_write(folder, paper, paras) for paper, paras in texts.items())


def _write(folder: Path, paper: str, paras: list[str]) -> Path:
    path = folder / f"{PREFIX}{paper}.txt"
    path.write_text(_join(paras), encoding="utf-8")
    return path
