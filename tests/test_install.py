"""A fresh install works: every import is declared, the pins are complete, CI starts clean,
and one file that a library cannot read is a warning, not a failed comparison."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import REPO, seed_paths

CONSTRAINTS = REPO / "constraints.txt"


def _imported_top_modules(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in ("tui", "tests")}


def _declared(extra: str | None) -> set[str]:
    out = set()
    for line in metadata.requires("storytrace") or []:
        req = Requirement(line)
        if req.marker is None or (extra and req.marker.evaluate({"extra": extra})):
            out.add(canonicalize_name(req.name))
    return out


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    owners = metadata.packages_distributions()
    return {m: {canonicalize_name(d) for d in owners.get(m, [])} for m in modules}


def test_every_module_the_code_imports_is_a_declared_dependency() -> None:
    runtime = _declared(None)
    for module, dists in _distributions(_imported_top_modules(REPO / "tui")).items():
        assert dists & runtime, f"tui/ imports {module} but pyproject.toml does not declare it"
    with_tests = runtime | _declared("test")
    for module, dists in _distributions(_imported_top_modules(REPO / "tests")).items():
        assert dists & with_tests, f"tests/ import {module}, not declared in the test extra"


def _pins() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact pin"
            pins[canonicalize_name(name)] = version
    return pins


def _closure(extra: str) -> dict[str, list[Requirement]]:
    """Every distribution storytrace[extra] pulls in on this platform, with what asks for it."""
    seen: dict[str, list[Requirement]] = {}
    todo = [("storytrace", extra)]
    while todo:
        dist, wanted = todo.pop()
        for line in metadata.requires(dist) or []:
            req = Requirement(line)
            env = {"extra": wanted or ""}
            if req.marker is not None and not req.marker.evaluate(env):
                continue
            name = canonicalize_name(req.name)
            if name not in seen:
                todo.extend([(req.name, "")] + [(req.name, e) for e in req.extras])
            seen.setdefault(name, []).append(req)
    return seen


def test_constraints_pin_every_package_the_install_brings_within_the_declared_ranges() -> None:
    pins = _pins()
    for name, reqs in _closure("test").items():
        assert name in pins, f"{name} is installed with storytrace[test] but not pinned"
        for req in reqs:
            assert req.specifier.contains(pins[name], prereleases=True), (
                f"constraints.txt pins {name}=={pins[name]}, outside {req}"
            )


def test_ci_builds_a_new_environment_and_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.search(r"```\n(.*?)\n```", readme, re.S)
    assert commands is not None
    app_command, test_command = commands.group(1).splitlines()
    for command in (app_command, test_command):
        assert command.startswith("pip install -c constraints.txt -e ")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    steps = [line.strip() for line in ci.splitlines() if line.strip() and line[0] != "#"]
    assert steps[-1] == test_command
    # The environment's folder is new on every run: mktemp makes it, the exit trap removes it.
    assert any(re.fullmatch(r'venv="\$\(mktemp -d[^)]*\)"', s) for s in steps)
    assert "trap 'rm -rf \"$venv\"' EXIT" in steps
    assert 'python3 -m venv "$venv"' in steps


# Runs in its own interpreter with lxml_html_clean made unimportable, as on a machine where
# pip installed trafilatura without it: trafilatura's jusText then fails inside extraction.
_WITHOUT_HTML_CLEAN = """
import json, sys
sys.modules["lxml_html_clean"] = None
from tui.core.engine import compare_paths
report = compare_paths(sys.argv[1:])
print(json.dumps({"ids": [d.id for d in report.documents], "warnings": report.warnings}))
"""


def test_a_library_failure_on_one_html_file_is_a_warning_and_the_rest_open(
    tmp_path: Path,
) -> None:
    seeds = seed_paths()[:2]
    paragraphs = Path(seed_paths()[2]).read_text(encoding="utf-8").split("\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs if p.strip())
    page = tmp_path / "copy.html"
    page.write_text(f"<!DOCTYPE html><html><body><article>{body}</article></body></html>")
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_HTML_CLEAN, *seeds, str(page)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["ids"] == [Path(p).stem for p in seeds]
    [warning] = out["warnings"]
    assert warning.startswith(f"{page}: could not be read (ImportError: ")
    assert warning.endswith(", skipped") and "\n" not in warning
