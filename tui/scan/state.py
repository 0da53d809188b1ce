"""The resume state: finished shards, kept next to the output so a stopped scan goes on.

A JSON Lines file: a header line with a fingerprint of everything that decides the results
(the stories' digests, the settings, the shard plan), then one line per finished shard,
appended and flushed as each shard finishes, so writing it costs the same at the thousandth
shard as at the first. A line cut short by a crash is ignored (that shard is read again); a
state made for other inputs is ignored with a warning, never merged.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import IO

from ..core.escaping import escape_line
from ..core.files import reason
from .contract import shard_from_dict, shard_to_dict
from .model import ScanError, ScanResult, ShardResult

STATE_SCHEMA = "storytrace-scan-state/1"


def state_path(output: str | None) -> Path:
    """``OUTPUT.state.jsonl`` beside the output; in the working directory without one."""
    if output:
        return Path(f"{os.fspath(output)}.state.jsonl")
    return Path("storytrace-scan.state.jsonl")


def fingerprint(result: ScanResult, shard_keys: list[str]) -> str:
    data = {
        "settings": result.settings_dict(),
        "stories": [s.sha256 for s in result.stories],
        "shards": shard_keys,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


class ResumeState:
    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self._fh: IO[str] | None = None
        self.shards = 0  # finished shards the file holds

    def load(self) -> tuple[list[ShardResult], str | None]:
        """Finished shards from an earlier run of the same scan, and a warning if the file
        was there but could not be used."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return [], None
        except (OSError, ValueError) as err:
            return [], f"{self.path}: unreadable resume state ({err}), starting over"
        try:
            header = json.loads(lines[0]) if lines else None
        except ValueError:
            header = None
        if not isinstance(header, dict) or header.get("schema") != STATE_SCHEMA:
            return [], f"{self.path}: not a storytrace scan state, starting over"
        if header.get("fingerprint") != self.fingerprint:
            return [], f"{self.path}: made for other inputs or settings, starting over"
        results: dict[int, ShardResult] = {}
        for line in lines[1:]:
            try:
                r = shard_from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short when the scan was killed
            results[r.shard.ordinal] = r
        return [results[k] for k in sorted(results)], None

    def start(self, kept: list[ShardResult]) -> None:
        """Begin the file afresh with the shards already kept (drops any damaged tail)."""
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(
                    json.dumps({"schema": STATE_SCHEMA, "fingerprint": self.fingerprint}) + "\n"
                )
                for r in kept:
                    fh.write(
                        json.dumps(shard_to_dict(r), sort_keys=True, ensure_ascii=False) + "\n"
                    )
            os.replace(tmp, self.path)
            self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
        except OSError as err:
            # Before any shard is read: a folder that does not exist or cannot be written
            # is the user's to fix, in one line, not a crash at the end of a long scan.
            raise ScanError(
                f"cannot write {escape_line(str(self.path))}, the scan's resume state kept "
                f"beside the output: {reason(err)}"
            ) from None
        self.shards = len(kept)

    def add(self, result: ShardResult) -> None:
        if self._fh is None:
            return
        self._fh.write(json.dumps(shard_to_dict(result), sort_keys=True, ensure_ascii=False) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.shards += 1

    def close(self, finished: bool) -> None:
        """Close the file; a scan that read everything, or nothing, leaves no state."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if finished or not self.shards:
            self.path.unlink(missing_ok=True)
