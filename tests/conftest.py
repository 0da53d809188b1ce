from __future__ import annotations

import functools
import gc
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.engine import compare_paths
from tui.core.model import Report
from tui.sample_family import build as build_family

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
GOLD = SHARED / "seeds-gold.json"
GOLD_REFERENCE = "001_31fc123e83c1cc46"


def seed_paths() -> list[str]:
    return sorted(str(p) for p in SEEDS.glob("*.txt"))


@functools.cache
def compared_seeds(reference: str | None = None) -> Report:
    """The seeds compared once per test process and reference. The explorer's tests build
    their apps from it (``StoryTraceApp(report=...)``) rather than each running the engine;
    nothing in the app changes a report, a re-alignment makes a new one."""
    return compare_paths(seed_paths(), reference=reference)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Spare the test process most of the cycle collector's full passes, which took a third
    of the explorer's tests' time: each app holds a hundred thousand or more small objects
    (Textual's strips and their caches) and every full pass walked them, and the imported
    modules, again.

    What exists once the tests are collected (the modules: Textual, Rich, the engine,
    hypothesis; the collected items) lives until the process ends, so it is frozen out of
    the passes; and full passes come after fifty younger ones instead of ten. Objects made
    in the tests are still collected, young ones as often as before; a test process ends
    with a few more megabytes of garbage waiting (test_app_keys.py: 188 MB at most, was
    180 MB)."""
    gc.collect()
    gc.freeze()
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, full * 5)


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    """``storytrace compare`` turns the cycle collector off for the rest of its process (it
    ends after one report); run in-process by CliRunner it must not leave a test process
    without it, where a later test checks the engine restores it."""
    was = gc.isenabled()
    yield
    if was:
        gc.enable()


@pytest.fixture(scope="session")
def seeds_report() -> Report:
    """The seeds against the gold annotation's reference, computed once per session."""
    return compared_seeds(str(SEEDS / f"{GOLD_REFERENCE}.txt"))


@pytest.fixture(scope="session")
def family_paths(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Ten versions of the seeds' story with long newspaper-style names (tui.sample_family)."""
    return [str(p) for p in build_family(tmp_path_factory.mktemp("family"))]


@pytest.fixture(scope="session")
def family_report(family_paths: list[str]) -> Report:
    """The ten-version family compared once per test process (reference chosen by the
    provenance analysis, as ``storytrace FOLDER`` does)."""
    return compare_paths(family_paths)


@pytest.fixture(scope="session")
def gold() -> dict:
    if not GOLD.exists():
        pytest.skip("seeds-gold.json not available")
    return json.loads(GOLD.read_text(encoding="utf-8"))


def need_data(*parts: str) -> Path:
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    """A copy of the seeds in tmp_path/story, so notes and reports written beside them and
    outside them (in tmp_path) stay in the test's folder."""
    folder = tmp_path / "story"
    folder.mkdir()
    for p in seed_paths():
        shutil.copy(p, folder)
    return folder
