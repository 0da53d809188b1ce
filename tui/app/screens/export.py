"""The export dialog (``e``): format, file and versions; the app writes in a thread worker.

The dialog only gathers choices and dismisses with an ``ExportRequest``; rendering and
writing belong to ``StoryTraceApp.write_export``, so a slow HTML render never holds the UI.
The file name follows the format until the reviewer edits the path by hand.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet, Static

from tui.app.keys import bindings
from tui.app.screens.view import key_footer
from tui.app.widgets.toggles import MarkedRadioButton
from tui.core.escaping import escape_line
from tui.core.files import exists, is_dir
from tui.core.model import Report
from tui.present.names import VersionNames
from tui.report import FORMATS, default_filename

# Short enough for the format and version lists to sit side by side at 80 columns.
FORMAT_NAMES: dict[str, str] = {
    "html": "HTML, to read and share",
    "md": "Markdown",
    "json": "JSON, every number",
    "csv": "CSV, a passage a line",
    "text": "plain text",
}
# The dialog's order: the formats a journalist reaches for first.
FORMAT_ORDER: tuple[str, ...] = tuple(
    [f for f in ("html", "md", "json", "csv", "text") if f in FORMATS]
    + [f for f in FORMATS if f not in ("html", "md", "json", "csv", "text")]
)


def default_export_folder(paths: Sequence[str]) -> Path:
    """A writable folder that is neither an input folder nor inside one: a report saved
    among the inputs would be met again when the folder is reopened (loading skips it, with
    a warning). The working directory when it qualifies (shown as ``.``), else the nearest
    folder above all the inputs, else the home or the temporary folder."""
    inputs = [Path(os.path.abspath(p)) for p in paths]
    folders = [p if p.is_dir() else p.parent for p in inputs]

    def outside(folder: Path) -> bool:
        return not any(folder == f or f in folder.parents for f in folders)

    cwd = Path.cwd()
    if outside(cwd) and os.access(cwd, os.W_OK):
        return Path(".")
    common = Path(os.path.commonpath(folders)) if folders else cwd
    above = [common, *common.parents]
    for folder in [*above, Path.home(), Path(tempfile.gettempdir())]:
        if outside(folder) and os.access(folder, os.W_OK):
            return folder
    return Path(".")


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path
    # None: every version; else the one version (target id) to export.
    only: str | None


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Choose how to export the report; enter in the path field writes."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("export")

    def __init__(
        self,
        report: Report,
        folder: Path,
        current: str | None,
        names: VersionNames | None = None,
    ) -> None:
        super().__init__()
        self.report = report
        self.folder = folder
        self.current = current
        self.names = names or VersionNames({})
        self.fmt = FORMAT_ORDER[0]
        self._auto_path = self._suggested()
        # The path the reviewer was told exists: a second enter on it replaces the file.
        self._warned: Path | None = None

    def _suggested(self, folder: Path | None = None) -> str:
        """The report's default name in the folder, numbered past any file already there: a
        report exported earlier (another story's, whose reference had the same name) is
        never replaced unasked."""
        path = (self.folder if folder is None else folder) / default_filename(self.report, self.fmt)
        stem, n = path.stem, 2
        while exists(path):
            path = path.with_name(f"{stem}-{n}{path.suffix}")
            n += 1
        return str(path)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-body"):
            yield Static(Text("Export the report", style="bold"), id="export-title")
            with Horizontal(id="export-choices"):
                with Vertical(classes="export-column"):
                    yield Label("Format", classes="export-heading")
                    with RadioSet(id="export-format"):
                        for n, fmt in enumerate(FORMAT_ORDER):
                            yield MarkedRadioButton(
                                FORMAT_NAMES.get(fmt, fmt), value=n == 0, name=fmt
                            )
                with Vertical(classes="export-column"):
                    yield Label("Versions", classes="export-heading")
                    with RadioSet(id="export-scope"):
                        n = len(self.report.comparisons)
                        yield MarkedRadioButton(
                            "the one version" if n == 1 else f"all {n} versions",
                            value=True,
                            name="all",
                        )
                        if self.current is not None:
                            name = escape_line(self.names(self.current))
                            yield MarkedRadioButton(Text(f"only {name}"), name="current")
            yield Label("File (enter writes)", classes="export-heading", id="export-file")
            yield Input(self._auto_path, id="export-path")
            where = "the current folder" if self.folder == Path(".") else str(self.folder)
            yield Static(
                Text(
                    f"Suggested in {escape_line(where)}: outside the input folders, so "
                    "reopening them never reads the report as a version.",
                    style="italic",
                ),
                id="export-where",
            )
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")
        yield key_footer()

    def on_mount(self) -> None:
        self.query_one("#export-format", RadioSet).focus()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = event.pressed.name or self.fmt
        self.fmt = fmt
        box = self.query_one("#export-path", Input)
        if box.value == self._auto_path:
            # Still the suggested name: follow the format. A typed path is left alone.
            self._auto_path = self._suggested()
            box.value = self._auto_path

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.action_write()

    @on(Button.Pressed, "#export-ok")
    def _ok(self) -> None:
        self.action_write()

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    def action_write(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("give a file to write", severity="warning", timeout=3)
            return
        path = Path(raw).expanduser()
        if is_dir(path):
            # The report goes in it, under a name no file there has.
            path = Path(self._suggested(path))
        if exists(path) and path != self._warned:
            self._warned = path
            self.notify(
                f"{escape_line(str(path))} already exists: enter again to replace it, or "
                "change the name",
                severity="warning",
                markup=False,
            )
            return
        scope = self.query_one("#export-scope", RadioSet).pressed_button
        only = self.current if scope is not None and scope.name == "current" else None
        self.dismiss(ExportRequest(self.fmt, path, only))

    def action_cancel(self) -> None:
        self.dismiss(None)
