"""How storytrace knows its own reports, so that reopening a folder holding an exported report
never takes the report for a version of the story (a Markdown report once became the
reference that "3 derive from").

Every format carries a mark near its start, made here and checked here:

- HTML: ``<meta name="generator" content="storytrace ...">`` in the head;
- Markdown: a first-line HTML comment, invisible when the Markdown is rendered;
- text: its first line, ``tool: storytrace ... (schema storytrace/N)``;
- CSV: its header row, which names the ``tool`` column every row fills in;
- JSON: the top-level ``"schema": "storytrace/N"`` key.

A document that copies a mark is skipped with a warning naming it, so nothing is dropped
silently.
"""

from __future__ import annotations

import re

from .. import __version__

MARKDOWN_MARK = f"<!-- generator: storytrace {__version__} -->"
# How exports are named (``storytrace-<reference>.json``): a folder's files of other kinds
# with this name are the user's own reports, passed over without a warning.
EXPORT_PREFIX = "storytrace-"
# Reports start with their mark; a few kilobytes covers an HTML head with its metadata.
_HEAD = 4096

_MARKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("HTML", re.compile(r"<meta\s+name=\"generator\"\s+content=\"storytrace[\s\"]", re.I)),
    ("Markdown", re.compile(r"\A<!-- generator: storytrace \S+ -->$", re.M)),
    ("text", re.compile(r"\Atool: storytrace \S+ \(schema storytrace/\d+\)$", re.M)),
    ("CSV", re.compile(r"\A\ufeff?version,passage,label,[^\r\n]*,tool,")),
)
# sort_keys puts "schema" after the comparisons, so JSON is searched whole, at top level only
# (one space of indent): a document quoting the key inside its text does not match.
_JSON = re.compile(r'^ "schema": "storytrace/\d+",?$', re.M)


def report_kind(text: str) -> str | None:
    """``"HTML"``, ``"Markdown"``, ... when ``text`` is a storytrace report, else None."""
    head = text[:_HEAD]
    for kind, mark in _MARKS:
        if mark.search(head):
            return kind
    if text.lstrip().startswith("{") and _JSON.search(text):
        return "JSON"
    return None
