"""One line for an error nobody planned for: what failed, and where to report it.

A raw traceback tells a journalist nothing and can run to pages; the line says what was being
done, the exception in short, and where the full traceback was saved for a bug report. Only
the standard library is imported here, so the line can be printed even when a dependency is
what failed to import.
"""

from __future__ import annotations

import tempfile
import traceback

REPORT_TO = "storytrace's issue tracker"


def one_line(err: BaseException, limit: int = 200) -> str:
    """``KeyError: 'x'``: the exception's type and the first line of its message, short.
    Not escaped: callers pass it through their own escaping for where it is shown."""
    first = (str(err).strip().splitlines() or [""])[0]
    text = f"{type(err).__name__}: {first}" if first else type(err).__name__
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def save_details(err: BaseException) -> str | None:
    """The full traceback in a new file in the temporary folder; its path, or None."""
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix="storytrace-error-", suffix=".txt", delete=False, encoding="utf-8"
        ) as fh:
            fh.write("".join(traceback.format_exception(err)))
            return fh.name
    except OSError:
        return None


def unexpected(what: str, err: BaseException) -> str:
    """``unexpected error while <what> (KeyError: 'x'); this is a bug: please report it ...``"""
    details = save_details(err)
    where = f", with the details saved in {details}" if details else ""
    return (
        f"unexpected error while {what} ({one_line(err)}); this is a bug in storytrace: "
        f"please report it on {REPORT_TO}{where}"
    )
