"""Stopping a comparison part-way: the explorer starts a new one when the reviewer picks
another reference, and quits at any stage. The engine asks a ``cancelled`` callback between
steps of bounded size (a file, a block of paragraphs, a pair of versions) and raises
``Cancelled`` when it says yes; nothing of the stopped comparison is returned."""

from __future__ import annotations

from collections.abc import Callable

CancelCheck = Callable[[], bool] | None


class Cancelled(Exception):
    """The caller asked the comparison to stop."""


def check(cancelled: CancelCheck) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled
