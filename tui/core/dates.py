"""When each version was published, from what the inputs themselves say or the user gives.

A version never derives from one published later, so a known date is the strongest evidence
of direction there is. Dates come from (strongest first) the user's ``--dates`` file, an HTML
page's publication metadata (trafilatura reads it; modification dates are not used), and an
agency's filing time in its slug lines (``15:42 09/06/26: Page 1 ...``, read day first as
agencies outside the US write it; ``Jun. 15, 2026 9:12 AM MST`` on a line of its own) or its
closing line (``AFP 141532 GMT MAY 26``). Dates are ISO 8601 strings, ``YYYY-MM-DD``,
``YYYY-MM-DDTHH:MM`` (local time) or ``YYYY-MM-DDTHH:MMZ`` (UTC, when an offset or a named
zone says it); two dates are compared at the precision both have, so two versions of the
same day are not ordered unless both carry a time of the same kind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from .files import reason
from .model import Document

_SLUG = re.compile(
    r"^\s*(?:[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){0,2}[ \t]+)?"  # an agency's name may lead it
    r"(\d{1,2})[:.](\d{2})\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b",
    re.M,
)
_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
# --dates files are small; anything bigger is not one.
MAX_DATES_BYTES = 1_000_000


class DatesError(Exception):
    """The user's --dates file cannot be used (one line, fit to show as is)."""


def normalise(text: str) -> str:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` from an ISO 8601 string, or "" if it is not one.
    A time with an offset ("+10:00", "Z") is given in UTC, marked "Z", so two versions
    dated in different zones are ordered as they were published; a time without one is the
    version's own local time (``compare_dates`` says how the two kinds meet)."""
    m = _ISO.match(text.strip())
    if not m:
        return ""
    y, mo, d, hh, mm, zone = m.groups()
    try:
        day = date(int(y), int(mo), int(d))
        if hh is None:
            return day.isoformat()
        when = datetime(int(y), int(mo), int(d), int(hh), int(mm))
        if not zone:
            return when.strftime("%Y-%m-%dT%H:%M")
        if zone != "Z":
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            when -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    except (ValueError, OverflowError):  # "0001-01-01T00:30+01:00" is before year 1 in UTC
        return ""
    return when.strftime("%Y-%m-%dT%H:%MZ")


_FILED = re.compile(
    r"^\s*(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ](\d{4}),?\s+(\d{1,2})[:.](\d{2})"
    r"(?:[ \t]*([A-Z]{2,4})\b)?",
    re.M,
)
# Zones agencies name, hours from UTC: a time in one of them is put in UTC ("Z").
_ZONES = {
    "GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2, "EST": -5, "EDT": -4, "CST": -6,
    "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


# A filing time on a line of its own, month first, as AP prints it under the byline:
# "Jun. 15, 2026 9:12 AM MST", "July 8, 2026, 4:00 p.m. EDT".
_MONTH_FIRST = re.compile(
    r"^[ \t]*([A-Za-z]{3})[A-Za-z]*\.?[ \t]+(\d{1,2}),?[ \t]+(\d{4}),?[ \t]+(\d{1,2})[:.](\d{2})"
    r"[ \t]*(?:([AaPp])\.?[Mm]\.?)?(?:[ \t]+([A-Z]{2,4}))?[ \t]*$",
    re.M,
)
# AFP's closing line, day, hour and minute run together, then month and year:
# "AFP 141532 GMT MAY 26".
_CLOSING = re.compile(
    r"^[ \t]*[A-Z]{2,5}[ \t]+(\d{2})(\d{2})(\d{2})[ \t]+GMT[ \t]+([A-Za-z]{3})[ \t]+(\d{2})[ \t]*$",
    re.M,
)


def _stamp(y: int, month: str, d: int, hh: int, mm: int, zone: str | None = None) -> str:
    """The time in ISO form: in UTC, marked "Z", when ``zone`` is one agencies name."""
    if month.lower() not in _MONTHS:
        return ""
    try:
        when = datetime(y, _MONTHS.index(month.lower()) + 1, d, hh, mm)
        if zone not in _ZONES:
            return when.strftime("%Y-%m-%dT%H:%M")
        return (when - timedelta(hours=_ZONES[zone])).strftime("%Y-%m-%dT%H:%MZ")
    except (ValueError, OverflowError):
        return ""


def slug_date(text: str, head: int = 2000, tail: int = 500) -> str:
    """The filing time of agency copy from its slug or dateline time near the top, or its
    closing line at the foot."""
    m = _SLUG.search(text[:head])
    if not m:
        f = _FILED.search(text[:head])
        found = f and _stamp(int(f[3]), f[2], int(f[1]), int(f[4]), int(f[5]), f[6])
        if found:
            return found
        f = _MONTH_FIRST.search(text[:head])
        if f:
            hh = int(f[4])
            if f[6] and hh <= 12:  # 12 AM is midnight, 12 PM noon
                hh = hh % 12 + (12 if f[6] in "Pp" else 0)
            found = _stamp(int(f[3]), f[1], int(f[2]), hh, int(f[5]), f[7])
            if found:
                return found
        f = _CLOSING.search(text[-tail:])
        if f:
            return _stamp(2000 + int(f[5]), f[4], int(f[1]), int(f[2]), int(f[3]), "GMT")
        return ""
    hh, mm, d, mo, y = (int(g) for g in m.groups())
    if y < 100:
        y += 2000 if y < 70 else 1900
    if mo > 12 >= d:
        d, mo = mo, d  # written month first after all
    try:
        return datetime(y, mo, d, hh, mm).strftime("%Y-%m-%dT%H:%M")
    except ValueError:
        return ""


def compare_dates(a: str, b: str) -> int:
    """-1 if ``a`` is earlier, 1 if later, 0 if equal or unknown at their common precision.
    Two times in UTC ("Z"), or two local ones, are compared to the minute; a UTC time and a
    local one only where their days are too far apart for any zone to join them, as the
    local one's zone is unknown (a PA slug's 15:42 and AFP's 13:42 GMT may be the same
    minute)."""
    if not a or not b:
        return 0
    za, zb = a.endswith("Z"), b.endswith("Z")
    if za != zb:
        return _utc_against_local(a, b) if za else -_utc_against_local(b, a)
    a, b = a.removesuffix("Z"), b.removesuffix("Z")
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def _utc_against_local(utc: str, local: str) -> int:
    """A UTC time against a local day (or a local time, read by its day), whose zone is
    unknown: anywhere from 12 hours behind UTC to 14 ahead. At 23:30 UTC it is already the
    next day east of London, at 05:00 UTC still the day before in New York: the days
    decide only where no zone could put the UTC time on the local one's day."""
    try:
        day = date.fromisoformat(utc[:10])
        other = date.fromisoformat(local[:10])
    except ValueError:
        return 0
    hour = int(utc[11:13]) if len(utc) >= 13 and utc[11:13].isdigit() else 12
    earliest = day - timedelta(days=1) if hour < 12 else day
    latest = day + timedelta(days=1) if hour >= 10 else day
    if other > latest:
        return -1
    if other < earliest:
        return 1
    return 0


def read_dates_file(path: str | Path) -> dict[str, str]:
    """A JSON object ``{"path or id": "ISO date"}``, or lines ``path<TAB or comma>date``."""
    p = Path(path)
    try:
        if not p.exists():
            raise DatesError(f"{path}: no such file or directory")
        if not p.is_file():
            raise DatesError(f"{path}: not a regular file")
        if p.stat().st_size > MAX_DATES_BYTES:
            raise DatesError(f"{path}: too big for a dates file")
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise DatesError(f"{path}: cannot read dates (not UTF-8 at byte {err.start:,})") from None
    except OSError as err:
        raise DatesError(f"{path}: cannot read dates ({reason(err)})") from None
    pairs: list[tuple[str, str]] = []
    if text.lstrip().startswith("[") and _json_list(text):
        raise DatesError(f"{path}: a JSON list; expected an object of path -> ISO date strings")
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise DatesError(f"{path}: not valid JSON") from None
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise DatesError(f"{path}: expected an object of path -> ISO date strings")
        pairs = list(data.items())
    else:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = re.split(r"\t|,", line.strip())
            if len(cols) < 2:
                raise DatesError(f"{path}:{n}: expected 'path<TAB>date'")
            pairs.append((",".join(cols[:-1]).strip(), cols[-1].strip()))
    if not pairs:
        raise DatesError(f"{path}: no dates in it (expected 'path<TAB>date' lines or JSON)")
    out: dict[str, str] = {}
    for name, value in pairs:
        iso = normalise(value)
        if not iso:
            raise DatesError(f"{path}: {value[:40]!r} is not an ISO 8601 date (YYYY-MM-DD)")
        out[name] = iso
    return out


def _json_list(text: str) -> bool:
    """Whether ``text`` is a JSON list (a dates file's first path may open with "[")."""
    try:
        return isinstance(json.loads(text), list)
    except (ValueError, RecursionError):
        return False


def apply_dates(documents: Sequence[Document], given: Mapping[str, str]) -> list[str]:
    """Set each document's date from ``given`` (keyed by path as given, file name, or id);
    returns one warning per entry that names no loaded document."""
    used: set[str] = set()
    for d in documents:
        # The most exact name decides; any other name of the same document is no stray.
        names = [k for k in (d.path, Path(d.path).name, d.id) if k in given]
        if names:
            d.date, d.date_source = given[names[0]], "--dates"
            used.update(names)
    return [f"--dates: {k!r} names no loaded document" for k in given if k not in used]


def read_own_dates(doc: Document) -> None:
    """The date a document carries itself: kept from loading (HTML), else its slug line."""
    if doc.date:
        return
    found = slug_date(doc.text)
    if found:
        doc.date, doc.date_source = found, "slug line"
