"""The explorer application: owns the report, the align worker and the views.

The app's state is a handful of reactive attributes (``report``, ``progress``, ``error``,
``version``, ``overrides``); the views watch the ones they show and redraw themselves when
one changes, so nothing here pushes a report into a screen. The top-level views (overview,
side by side, families, word swaps, inserts and omissions) are app modes: a key switches to
one and escape back to the overview, each keeping its place; only the detail and the dialogs
stack on top of a view.

Loading and aligning a 1 MB story takes seconds, so the engine always runs in a thread
worker of the single "align" group: starting a new alignment (``r``) cancels the previous one,
and the engine polls ``worker.is_cancelled``. Progress comes back as messages.
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
from textual.binding import BindingType
from textual.message import Message
from textual.reactive import var
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState, get_current_worker

from tui.app.keys import KEYS, bindings
from tui.app.locate import Location
from tui.app.screens.audit import AuditScreen
from tui.app.screens.exclusions import ExclusionsScreen
from tui.app.screens.export import ExportRequest, ExportScreen, default_export_folder
from tui.app.screens.families import FamilyScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.lexicon import LexiconScreen
from tui.app.screens.overview import OverviewScreen
from tui.app.screens.side_by_side import SideBySideScreen
from tui.core.engine import CompareError, compare, compare_paths
from tui.core.errors import unexpected
from tui.core.escaping import escape_line
from tui.core.loading import DEFAULT_MAX_BYTES
from tui.core.model import Comparison, Report
from tui.core.overrides import (
    OverrideSet,
    StaleNote,
    load_overrides,
    save_overrides,
    sidecar_path,
)
from tui.core.settings import Settings
from tui.present.exclusions import Exclusions
from tui.present.names import VersionNames, version_names, warning_named
from tui.report import write_report

# What the report says about a reference the reviewer picked with ``r``.
REVIEWER_REASON = "chosen by the reviewer in the explorer (r)"
# The top-level views, by mode name; the key that opens each is in ``keys.VIEW_KEYS``.
VIEWS: dict[str, type[Screen]] = {
    "overview": OverviewScreen,
    "side_by_side": SideBySideScreen,
    "families": FamilyScreen,
    "lexicon": LexiconScreen,
    "audit": AuditScreen,
}
# Views that read the provenance part of a report; their actions are named as the modes.
PROVENANCE_VIEWS = frozenset({"families", "lexicon", "audit"})


class AlignProgressMessage(Message):
    """Posted from the align thread; queued ones coalesce so a slow UI never falls behind."""

    def __init__(self, fraction: float, text: str) -> None:
        super().__init__()
        self.fraction = fraction
        self.text = text

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AlignProgressMessage)


class StoryTraceApp(App[None]):
    """Explore how the versions of a story relate to the reference version.

    Two ways to build it:

    * ``StoryTraceApp(paths, reference=None)``: the overview shows at once and the engine
      loads and aligns ``paths`` in a worker (what ``storytrace PATH...`` runs);
    * ``StoryTraceApp(report=report)``: a ``Report`` computed elsewhere (by tests, the
      screenshots, or a caller such as a corpus scan that compared a pair itself) is shown
      as it is, nothing recomputed. ``paths`` then only say where the reviewer's notes and
      the exports go (by default, the report's documents), and ``settings`` should be the
      ones the report was made with: ``r`` re-aligns with them.

    Either way ``open_side_by_side(target, passage)`` shows one version beside the
    reference at one passage, and ``open_pair(comparison)`` any comparison of two of the
    report's documents (an edge of the derivation tree, a pair found by a scan). A subclass
    may have another home screen (``DEFAULT_MODE``, where escape from every view returns)
    and override ``start``: ``ScanApp`` opens on a scan's hit list and sets ``report`` to
    each hit it compares.
    """

    TITLE = "storytrace"
    CSS_PATH = "storytrace.tcss"
    MODES: ClassVar[dict[str, str | Callable[[], Screen]]] = dict(VIEWS)  # type: ignore[arg-type]
    DEFAULT_MODE: ClassVar[str] = "overview"
    BINDINGS: ClassVar[list[BindingType]] = bindings("app")

    # The finished comparison every view shows (None while the first alignment runs).
    report: var[Report | None] = var(None)
    # (fraction, what) while an alignment runs; every progress bar follows it.
    progress: var[tuple[float, str] | None] = var(None)
    # Why there is no report, in one line (too few readable files, an engine error).
    error: var[str | None] = var(None)
    # The version the reviewer is looking at, shared by the views and the export dialog.
    version: var[str | None] = var(None)
    # The reviewer's relabels and notes (sidecar beside the first input); mutated in place,
    # so changes are announced with ``mutate_reactive``.
    overrides: var[OverrideSet] = var(OverrideSet)

    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]] = (),
        reference: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        settings: Settings | None = None,
        *,
        report: Report | None = None,
    ) -> None:
        super().__init__()
        if not paths and report is not None:
            paths = [d.path for d in report.documents]
        self.paths = [os.fspath(p) for p in paths]
        self.reference = reference
        self.max_bytes = max_bytes
        self.settings = settings or Settings()
        self.names = VersionNames({})
        self._given = report
        self._warned = False

    # ------------------------------------------------------------------------------ startup

    def on_mount(self) -> None:
        self.load_overrides()
        self.start()

    def start(self) -> None:
        """Show the given report, or align the paths in a worker (a subclass with another
        home screen, such as the scan's hit list, starts otherwise)."""
        if self._given is not None:
            self.report = self._given
            return
        self.progress = (0.0, f"loading {len(self.paths)} path(s)")
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
    def realign(
        self,
        reference: str | None,
        documents: list,
        warnings: list[str],
        reason: str = REVIEWER_REASON,
    ) -> Report | None:
        """Compare the documents again; ``reference`` None lets the engine choose it."""
        worker = get_current_worker()
        return self._compare(
            worker,
            documents,
            reference,
            reason,
            progress=self._progress_callback(worker),
            warnings=warnings,
        )

    def _compare(
        self, worker: Worker, documents: list, reference: str | None, reason: str, **extra: object
    ) -> Report | None:
        """``compare`` in a thread that quitting does not wait for (see ``_unjoined``)."""
        run = partial(
            compare,
            documents,
            reference=reference,
            settings=self.settings,
            cancelled=lambda: worker.is_cancelled,
            reference_reason=reason,
            **extra,  # type: ignore[arg-type]
        )
        return _unjoined(worker, run)

    def _progress_callback(self, worker: Worker) -> Callable[[float, str], None]:
        def progress(fraction: float, text: str) -> None:
            if not worker.is_cancelled:  # a superseded alignment must not move the bar
                self.post_message(AlignProgressMessage(fraction, text))

        return progress

    def on_align_progress_message(self, message: AlignProgressMessage) -> None:
        if self.progress is not None:  # not after the worker has finished
            self.progress = (message.fraction, message.text)

    @on(Worker.StateChanged)
    def _worker_finished(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "pair":
            self._pair_finished(worker, event.state)
            return
        if worker.group != "align":
            return
        if worker.is_cancelled:
            # Superseded by a newer alignment (``r`` again): that one owns the progress bar.
            if not any(w.group == "align" and w.is_running for w in self.workers):
                self.progress = None
            return
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, Report):
            self.progress = None
            self.report = worker.result
        elif event.state == WorkerState.ERROR:
            self.progress = None
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
        self.notify(
            escape_line(message),
            title="Cannot compare",
            severity="error",
            markup=False,
            timeout=30,
        )
        self.error = message

    def watch_report(self, previous: Report | None, report: Report | None) -> None:
        """Runs before any view's watcher: the names and the notes must be ready for them."""
        if report is None:
            return
        self.names = version_names([d.id for d in report.documents])
        self.overrides.bind(report)
        if not self._warned:
            self._warned = True
            # The documents' own warnings stay on the overview's banner; these are the rest.
            shown = set(report.text_warnings())
            for warning in report.warnings:
                if warning not in shown:
                    self.notify(
                        escape_line(warning_named(warning, self.names)),
                        title="Warning",
                        severity="warning",
                        markup=False,
                    )
        self._tell_stale()
        if previous is not None and previous.reference != report.reference:
            name = self.names(report.reference)
            self.notify(f"reference is now {escape_line(name)}", markup=False, timeout=4)

    def stale_notes(self, version: str | None = None) -> list[StaleNote]:
        """The reviewer's notes that no longer apply to the report on screen (of one version)."""
        if self.report is None or not len(self.overrides):
            return []
        stale = self.overrides.stale(self.report)
        return [s for s in stale if version is None or s.version == version]

    def _tell_stale(self) -> None:
        stale = self.stale_notes()
        if stale:
            versions = ", ".join(sorted({escape_line(self.names(s.version)) for s in stale}))
            why = "; ".join(sorted({s.reason for s in stale}))  # as the overview says it
            self.notify(
                f"{len(stale)} reviewer note(s) no longer apply and are not used ({versions}): "
                f"{why}; the overview lists them",
                title="STALE notes",
                severity="warning",
                markup=False,
                timeout=15,
            )

    def current_version(self) -> str | None:
        """The version the reviewer is looking at, if it is compared with the reference."""
        report = self.report
        if report is None or self.version is None:
            return None
        return self.version if any(c.target == self.version for c in report.comparisons) else None

    # --------------------------------------------------------------------------- the views

    def show_view(self, mode: str) -> None:
        """Switch to a top-level view (it keeps its place from the last visit)."""
        if self.current_mode != mode:
            self.switch_mode(mode)

    def go_home(self) -> None:
        """Back to the first screen, where escape from any view leads: the overview (the hit
        list in a scan's explorer)."""
        self.show_view(self.DEFAULT_MODE)

    def open_side_by_side(self, target: str, passage: int | None = None, search: str = "") -> None:
        """One version beside the reference, at ``passage`` (an index into its comparison's
        passages) when given, else at the first row with ``search`` when given."""
        report = self.report
        if report is None or not any(c.target == target for c in report.comparisons):
            return
        self.version = target
        self.show_view("side_by_side")
        self._side_by_side().show_version(target, passage, search)

    def open_location(self, location: Location | None) -> None:
        """Where a listed item (family, swap, insert, omission) shows side by side."""
        if location is None:
            self.notify("no version compared with the reference shows this", timeout=3)
            return
        pair = (
            self.report.related_comparison(location.source, location.target)
            if location.source and self.report is not None
            else None
        )
        if pair is not None:
            self.open_pair(pair, location.passage)
        else:
            self.open_side_by_side(location.target, location.passage, location.search)

    def open_pair(self, comparison: Comparison, passage: int | None = None) -> None:
        """Any comparison of two of the report's documents, side by side; ``tab`` returns to
        the versions compared with the reference."""
        if self.report is None:
            return
        self.show_view("side_by_side")
        self._side_by_side().show_pair(comparison, passage)

    def _side_by_side(self) -> SideBySideScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, SideBySideScreen)
        return screen

    def compare_pair(self, source: str, target: str) -> None:
        """Align two versions neither of which is the reference (a tree edge), then show
        them side by side. Runs in a worker; the report itself does not change."""
        report = self.report
        if report is None:
            return
        if source == report.reference:
            self.open_side_by_side(target)
            return
        known = report.related_comparison(source, target)
        if known is not None:  # the alignment the tree and the word swaps were read from
            self.open_pair(known)
            return
        documents = [report.document(source), report.document(target)]
        self.notify(
            f"aligning {escape_line(self.names(target))} with "
            f"{escape_line(self.names(source))}\u2026",
            markup=False,
            timeout=3,
        )
        self._align_pair(documents)

    @work(thread=True, exclusive=True, group="pair", exit_on_error=False, description="pair")
    def _align_pair(self, documents: list) -> Report | None:
        reason = f"the source of {documents[1].id} in the derivation tree"
        return self._compare(get_current_worker(), documents, documents[0].id, reason)

    def _pair_finished(self, worker: Worker, state: WorkerState) -> None:
        if worker.is_cancelled:
            return
        if state == WorkerState.SUCCESS and isinstance(worker.result, Report):
            self.open_pair(worker.result.comparisons[0])
        elif state == WorkerState.ERROR:
            self.notify(
                escape_line(f"could not align the pair: {worker.error}"),
                severity="error",
                markup=False,
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The view keys and export work from a view, not from inside a dialog or the detail
        (the dialog would be left behind in the view's stack); a view's own key is hidden
        while it is shown. Once the app is quitting, nothing more runs: a key typed right
        after ``q`` would open a view on an app already taking its screens down."""
        if self._exit:
            return False
        if action in PROVENANCE_VIEWS or action == "export":
            if isinstance(self.screen, ModalScreen):
                return False
            if action == self.current_mode:
                return False
        return True

    def make_reference(self, doc_id: str) -> None:
        """Re-align everything against ``doc_id``; an alignment still running is cancelled."""
        report = self.report
        if report is None or report.reference == doc_id:
            if report is not None:
                self.notify(
                    f"{escape_line(self.names(doc_id))} is already the reference",
                    markup=False,
                    timeout=3,
                )
            return
        self.progress = (0.0, f"re-aligning against {escape_line(self.names(doc_id))}")
        self.realign(doc_id, report.documents, list(report.warnings))

    # --------------------------------------------------------------------------- exclusions

    def action_exclusions(self) -> None:
        """Open the exclusions dialog; a new choice re-scores every version."""
        if self.report is None:
            self.notify(self._no_report("re-score"), timeout=3)
            return
        if not isinstance(self.screen, ExclusionsScreen):
            current = Exclusions.of(self.report.settings)
            self.push_screen(ExclusionsScreen(current), self.set_exclusions)

    def set_exclusions(self, chosen: Exclusions | None) -> None:
        """Compare again with ``chosen``: the same documents and reference, so every figure,
        the tree and each export are what ``storytrace compare`` gives with those options
        (the alignments do not depend on them, so the reviewer's notes still apply)."""
        report = self.report
        if chosen is None or report is None:
            return
        settings = dataclasses.replace(
            self.settings,
            exclude_quotes=chosen.quotes,
            exclude_boilerplate=chosen.boilerplate,
            min_match_words=chosen.min_words,
        )
        # Nothing to do when the report on screen was made so (after a re-scoring that
        # failed, the settings are ahead of the report and the choice re-scores again).
        if settings == self.settings and chosen == Exclusions.of(report.settings):
            return
        self.settings = settings
        # The engine chooses the reference again when it chose it in the first place (a
        # reference the engine picks may change with what counts); one given or chosen with
        # ``r`` stays, with its reason.
        engine_chose = (
            self._given is None
            and self.reference is None
            and report.reference_reason != REVIEWER_REASON
        )
        self.progress = (0.0, "re-scoring every version with the new exclusions")
        self.realign(
            None if engine_chose else report.reference,
            report.documents,
            list(report.warnings),
            report.reference_reason,
        )

    # ------------------------------------------------------------------------------ actions

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_families(self) -> None:
        self._open_provenance("families")

    def action_lexicon(self) -> None:
        self._open_provenance("lexicon")

    def action_audit(self) -> None:
        self._open_provenance("audit")

    def _no_report(self, what: str) -> str:
        """Why there is nothing to act on: an alignment still running, or none started (the
        scan's hit list, before a hit is opened)."""
        if any(w.group == "align" and w.is_running for w in self.workers):
            return f"nothing to {what} yet: the alignment is still running"
        return f"nothing to {what} yet: {self.NO_REPORT}"

    # What to do when no alignment has been started (the scan app opens one per hit).
    NO_REPORT = "no alignment has finished"

    def _open_provenance(self, mode: str) -> None:
        """Switch to a provenance view when there is a report with provenance to show."""
        if self.report is None:
            self.notify(self._no_report("show"), timeout=3)
            return
        if self.report.provenance is None:
            self.notify("this report has no provenance", timeout=3)
            return
        self.show_view(mode)

    # ------------------------------------------------------------------------------ export

    def action_export(self) -> None:
        """Open the export dialog; the report is written in a thread worker."""
        if self.report is None:
            self.notify(self._no_report("export"), timeout=3)
            return
        if isinstance(self.screen, ExportScreen):
            return
        report = self.report
        self.push_screen(
            ExportScreen(report, self.export_folder(), self.current_version(), self.names),
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
        overrides, warnings = load_overrides(path)
        if self.report is not None:
            overrides.bind(self.report)
        self.overrides = overrides
        for warning in warnings:
            self.notify(
                escape_line(warning), title="Reviewer notes", severity="warning", markup=False
            )

    def _comparison(self, target: str | Comparison) -> Comparison:
        """A version's comparison with the reference, or the comparison given (a pair)."""
        assert self.report is not None
        return self.report.comparison(target) if isinstance(target, str) else target

    def relabel(self, target: str | Comparison, passage: int, label: str | None) -> None:
        """The reviewer's label for one passage of a version (or of a pair's comparison);
        None: back to the engine's."""
        report = self.report
        if report is None:
            return
        comparison = self._comparison(target)
        p = comparison.passages[passage]
        self.overrides.set_label(report, comparison, p, label)
        if label is None or label == p.label:
            text = f"passage {passage + 1}: back to the engine's label, {p.label}"
        else:
            text = f"passage {passage + 1}: reviewer {label} (engine: {p.label})"
        self._overrides_changed(text)

    def annotate(self, target: str | Comparison, passage: int, note: str) -> None:
        """The reviewer's note on one passage ("" removes it)."""
        report = self.report
        if report is None:
            return
        comparison = self._comparison(target)
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
        self.mutate_reactive(StoryTraceApp.overrides)

    # ------------------------------------------------------------------------------ palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key that works on ``screen`` now, by its title in the key table."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for node, binding, enabled, _ in screen.active_bindings.values():
            key = KEYS.get(binding.id or "")
            if key is None or not enabled or key.id in seen or key.docked:
                continue
            seen.add(key.id)
            display = self.get_key_display(binding)
            help_text = f"{key.help} (key: {display})" if key.help else f"key: {display}"
            yield SystemCommand(key.title, help_text, partial(node.run_action, binding.action))


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
