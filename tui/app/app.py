"""The explorer application: owns the report, the align worker and the screen stack.

Loading and aligning a 1 MB story takes seconds, so the engine always runs in a thread
worker of the single "align" group: starting a new alignment (``r``) cancels the previous one,
and the engine polls ``worker.is_cancelled``. Progress comes back as messages; the screens
only ever read a finished ``Report``.
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from tui.app.screens.audit import AuditScreen
from tui.app.screens.export import ExportRequest, ExportScreen, default_export_folder
from tui.app.screens.families import FamilyScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.lexicon import LexiconScreen
from tui.app.screens.overview import OverviewScreen
from tui.app.screens.side_by_side import SideBySideScreen
from tui.app.widgets.progress import AlignProgress
from tui.core.engine import CompareError, compare, compare_paths
from tui.core.errors import unexpected
from tui.core.escaping import escape_line
from tui.core.loading import DEFAULT_MAX_BYTES
from tui.core.model import Report
from tui.core.overrides import (
    OverrideSet,
    StaleNote,
    load_overrides,
    save_overrides,
    sidecar_path,
)
from tui.core.settings import Settings
from tui.report import write_report


class AlignProgressMessage(Message):
    """Posted from the align thread; queued ones coalesce so a slow UI never falls behind."""

    def __init__(self, fraction: float, text: str) -> None:
        super().__init__()
        self.fraction = fraction
        self.text = text

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AlignProgressMessage)


class StoryTraceApp(App[None]):
    """Explore how the versions of a story relate to the reference version."""

    TITLE = "storytrace"
    CSS_PATH = "storytrace.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("e", "export", "Export", id="app.export"),
        Binding("f", "families", "Families", id="app.families"),
        Binding("x", "lexicon", "Word swaps", id="app.lexicon"),
        Binding("i", "audit", "Inserts/omissions", id="app.audit"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        paths: Sequence[str],
        reference: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.paths = [os.fspath(p) for p in paths]
        self.reference = reference
        self.max_bytes = max_bytes
        self.settings = settings or Settings()
        self.report: Report | None = None
        self.error: str | None = None
        self._warned = False
        # (fraction, text) while an alignment runs; progress bars mounted later read it.
        self.progress: tuple[float, str] | None = None
        # The reviewer's relabels and notes, from the sidecar beside the first input.
        self.overrides = OverrideSet()

    # ------------------------------------------------------------------------------ startup

    def get_default_screen(self) -> Screen:
        return OverviewScreen()

    def on_mount(self) -> None:
        self.load_overrides()
        self.show_progress(0.0, f"loading {len(self.paths)} path(s)")
        self.align_paths()

    @work(thread=True, exclusive=True, group="align", exit_on_error=False, description="align")
    def align_paths(self) -> Report | None:
        worker = get_current_worker()
        return _unjoined(
            worker,
            partial(
                compare_paths,
                self.paths,
                reference=self.reference,
                settings=self.settings,
                max_bytes=self.max_bytes,
                progress=self._progress_callback(worker),
                cancelled=lambda: worker.is_cancelled,
            ),
        )

    @work(thread=True, exclusive=True, group="align", exit_on_error=False, description="realign")
    def realign(self, reference: str, documents: list, warnings: list[str]) -> Report | None:
        worker = get_current_worker()
        return _unjoined(
            worker,
            partial(
                compare,
                documents,
                reference=reference,
                settings=self.settings,
                progress=self._progress_callback(worker),
                cancelled=lambda: worker.is_cancelled,
                warnings=warnings,
            ),
        )

    def _progress_callback(self, worker: Worker) -> Callable[[float, str], None]:
        def progress(fraction: float, text: str) -> None:
            if not worker.is_cancelled:  # a superseded alignment must not move the bar
                self.post_message(AlignProgressMessage(fraction, text))

        return progress

    def on_align_progress_message(self, message: AlignProgressMessage) -> None:
        self.show_progress(message.fraction, message.text)

    def show_progress(self, fraction: float, text: str) -> None:
        self.progress = (fraction, text)
        for screen in self.screen_stack:
            for bar in screen.query(AlignProgress):
                bar.show(fraction, text)

    def hide_progress(self) -> None:
        self.progress = None
        for screen in self.screen_stack:
            for bar in screen.query(AlignProgress):
                bar.done()

    @on(Worker.StateChanged)
    def _align_finished(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "align":
            return
        if worker.is_cancelled:
            # Superseded by a newer alignment (``r`` again): that one owns the progress bar.
            if not any(w.group == "align" and w.is_running for w in self.workers):
                self.hide_progress()
            return
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, Report):
            self.hide_progress()
            self.set_report(worker.result)
        elif event.state == WorkerState.ERROR:
            self.hide_progress()
            err = worker.error
            if isinstance(err, CompareError):
                message = str(err)
            else:
                message = unexpected("comparing the versions", err)
            if self.report is not None:
                # A re-alignment failed: the comparison on screen is still whole and usable.
                self.notify(
                    escape_line(f"{message}; the previous comparison is still shown"),
                    title="Cannot compare",
                    severity="error",
                    markup=False,
                    timeout=30,
                )
            else:
                self.show_error(message)

    def show_error(self, message: str) -> None:
        self.error = message
        self.notify(
            escape_line(message),
            title="Cannot compare",
            severity="error",
            markup=False,
            timeout=30,
        )
        for screen in self.screen_stack:
            if isinstance(screen, OverviewScreen):
                screen.show_error(message)

    def set_report(self, report: Report) -> None:
        previous = self.report
        self.report = report
        self.overrides.bind(report)
        if not self._warned:
            self._warned = True
            # The documents' own warnings stay on the overview's banner; these are the rest.
            shown = set(report.text_warnings())
            for warning in report.warnings:
                if warning not in shown:
                    self.notify(
                        escape_line(warning), title="Skipped", severity="warning", markup=False
                    )
        self._tell_stale()
        if previous is not None and previous.reference != report.reference:
            self.notify(
                f"reference is now {escape_line(report.reference)}", markup=False, timeout=4
            )
        for screen in self.screen_stack:
            if isinstance(screen, OverviewScreen | SideBySideScreen):
                screen.show_report(report, previous)

    def stale_notes(self, version: str | None = None) -> list[StaleNote]:
        """The reviewer's notes that no longer apply to the report on screen (of one version)."""
        if self.report is None or not len(self.overrides):
            return []
        stale = self.overrides.stale(self.report)
        return [s for s in stale if version is None or s.version == version]

    def _tell_stale(self) -> None:
        stale = self.stale_notes()
        if stale:
            versions = ", ".join(sorted({escape_line(s.version) for s in stale}))
            self.notify(
                f"{len(stale)} reviewer note(s) no longer apply and are not used ({versions}): "
                "the text changed since; the overview lists them",
                title="STALE notes",
                severity="warning",
                markup=False,
                timeout=15,
            )

    # ------------------------------------------------------------------------------ actions

    def make_reference(self, doc_id: str) -> None:
        """Re-align everything against ``doc_id``; an alignment still running is cancelled."""
        report = self.report
        if report is None or report.reference == doc_id:
            if report is not None:
                self.notify(
                    f"{escape_line(doc_id)} is already the reference", markup=False, timeout=3
                )
            return
        self.show_progress(0.0, f"re-aligning against {escape_line(doc_id)}")
        self.realign(doc_id, report.documents, list(report.warnings))

    def open_side_by_side(self, target: str) -> None:
        if self.report is None:
            return
        self.push_screen(SideBySideScreen(target))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_families(self) -> None:
        self._open(FamilyScreen)

    def action_lexicon(self) -> None:
        self._open(LexiconScreen)

    def action_audit(self) -> None:
        self._open(AuditScreen)

    def _open(self, screen_type: type[Screen]) -> None:
        """Push one of the provenance screens, once, when there is a report to show."""
        if isinstance(self.screen, screen_type):
            return
        if self.report is None:
            self.notify("nothing to show yet: the alignment is still running", timeout=3)
            return
        if self.report.provenance is None:
            self.notify("this report has no provenance", timeout=3)
            return
        self.push_screen(screen_type())

    def current_version(self) -> str | None:
        """The version the reviewer is looking at: the one side by side, or highlighted."""
        report = self.report
        if report is None:
            return None
        targets = {c.target for c in report.comparisons}
        for screen in reversed(self.screen_stack):
            current = getattr(screen, "current_version", None)
            if callable(current):
                doc_id = current()
                if doc_id in targets:
                    return doc_id
        return None

    # ------------------------------------------------------------------------------ export

    def action_export(self) -> None:
        """Open the export dialog; the report is written in a thread worker."""
        if self.report is None:
            self.notify("nothing to export yet: the alignment is still running", timeout=3)
            return
        if isinstance(self.screen, ExportScreen):
            return
        report = self.report
        self.push_screen(
            ExportScreen(report, self.export_folder(), self.current_version()),
            partial(self._export_chosen, report),
        )

    def export_folder(self) -> Path:
        """Where the export dialog suggests writing: outside every input folder."""
        return default_export_folder(self.paths)

    def _export_chosen(self, report: Report, request: ExportRequest | None) -> None:
        if request is None:
            return
        if request.only is not None:
            comparisons = [c for c in report.comparisons if c.target == request.only]
            report = dataclasses.replace(report, comparisons=comparisons)
        self.write_export(report, request)

    @work(thread=True, group="export", exit_on_error=False, description="export")
    def write_export(self, report: Report, request: ExportRequest) -> Path | None:
        try:
            written = write_report(
                report, request.fmt, request.path, overrides=self._overrides_copy()
            )
        except (OSError, ValueError) as err:
            reason = getattr(err, "strerror", None) or str(err)
            line = " ".join(f"could not write {request.path}: {reason}".split())
            self.notify(escape_line(line), title="Export failed", severity="error", markup=False)
            return None
        where = escape_line(os.path.abspath(written))
        self.notify(f"wrote {where}", title="Exported", markup=False)
        return written

    def _overrides_copy(self) -> OverrideSet | None:
        """A snapshot for a worker thread: the reviewer may relabel while it renders."""
        if not len(self.overrides):
            return None
        return OverrideSet(items=dict(self.overrides.items), path=self.overrides.path)

    # ----------------------------------------------------------------------- reviewer notes

    def load_overrides(self) -> None:
        try:
            path = sidecar_path(self.paths)
        except ValueError:
            return
        self.overrides, warnings = load_overrides(path)
        if self.report is not None:
            self.overrides.bind(self.report)
        for warning in warnings:
            self.notify(
                escape_line(warning), title="Reviewer notes", severity="warning", markup=False
            )

    def relabel(self, target: str, passage: int, label: str | None) -> None:
        """The reviewer's label for one passage (None: back to the engine's)."""
        report = self.report
        if report is None:
            return
        comparison = report.comparison(target)
        p = comparison.passages[passage]
        self.overrides.set_label(report, comparison, p, label)
        if label is None or label == p.label:
            text = f"passage {passage + 1}: back to the engine's label, {p.label}"
        else:
            text = f"passage {passage + 1}: reviewer {label} (engine: {p.label})"
        self._overrides_changed(text)

    def annotate(self, target: str, passage: int, note: str) -> None:
        """The reviewer's note on one passage ("" removes it)."""
        report = self.report
        if report is None:
            return
        comparison = report.comparison(target)
        self.overrides.set_note(report, comparison, comparison.passages[passage], note)
        done = "note kept" if note.strip() else "note removed"
        self._overrides_changed(f"passage {passage + 1}: {done}")

    def _overrides_changed(self, text: str) -> None:
        try:
            path = save_overrides(self.overrides.path or sidecar_path(self.paths), self.overrides)
        except OSError as err:
            # The notes stay in memory (and reach exports); only the file is behind.
            self.notify(
                escape_line(
                    f"could not save reviewer notes: {err.strerror or err}; "
                    "they are kept until you quit"
                ),
                severity="error",
                markup=False,
            )
        else:
            self.notify(escape_line(f"{text}; saved in {path}"), timeout=3, markup=False)
            backup, self.overrides.backup = self.overrides.backup, None
            if backup is not None:
                self.notify(
                    escape_line(
                        f"the notes file that could not be read is kept as {backup}; "
                        "the new notes are in a fresh file"
                    ),
                    title="Reviewer notes",
                    severity="warning",
                    markup=False,
                    timeout=30,
                )
        for screen in self.screen_stack:
            if isinstance(screen, SideBySideScreen):
                screen.show_overrides()

    # ------------------------------------------------------------------------------ palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key binding of the screen (and its focused widget) as a palette command."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        sources: list[tuple[DOMNode, list[BindingType]]] = [(screen, list(screen.BINDINGS))]
        if screen.focused is not None:
            sources.insert(0, (screen.focused, list(screen.focused.BINDINGS)))
        sources.append((self, list(self.BINDINGS)))
        for owner, bindings in sources:
            for binding in bindings:
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                if binding.description in seen or binding.system:
                    continue
                seen.add(binding.description)
                key = binding.key_display or binding.key.split(",")[0]
                help_text = binding.tooltip or f"key: {key}"
                yield SystemCommand(
                    binding.description, help_text, partial(owner.run_action, binding.action)
                )


def _unjoined(worker: Worker, run: Callable[[], Report]) -> Report | None:
    """``run()`` in a daemon thread, waited for here until it ends or ``worker`` is cancelled.

    Textual runs thread workers in asyncio's default executor, whose threads are joined
    before the app's process can exit; the engine stops at its next check for cancellation,
    but one step (extracting a big web page, aligning one pair of versions) can take seconds,
    and quitting must not wait for it. A daemon thread is left behind at exit instead.
    """
    result: list[Report] = []
    error: list[BaseException] = []
    done = threading.Event()

    def target() -> None:
        try:
            result.append(run())
        except BaseException as err:  # handed to the worker, which reports it
            error.append(err)
        finally:
            done.set()

    threading.Thread(target=target, name=f"storytrace-{worker.name}", daemon=True).start()
    while not done.wait(0.05):
        if worker.is_cancelled:
            return None
    if error:
        raise error[0]
    return result[0]
