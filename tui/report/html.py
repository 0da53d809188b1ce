"""The HTML report: one self-contained file an editor or lawyer can open, read and print.

Everything is inline (CSS, no fonts, images or network), nothing needs JavaScript, and all
document text goes through Jinja2's autoescaping, so a story that contains markup or template
syntax is shown as the text it is. Before that every value goes through the one escaping
policy (:mod:`tui.core.escaping`): a bidi override in a story would otherwise reorder what the
browser, or a PDF printed from it, shows.
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..core.escaping import escape_text
from ..core.model import BANNER_TITLE
from ..core.summary import INDEPENDENT_OF_ALL
from ..present.audit import SAME_TEXT
from ..present.figures import LABEL as FIGURES
from ..present.figures import QUOTES
from ..present.runs import Run
from ..present.sources import sources_sentence
from ..present.tree import NO_TREE, node_name
from ..present.wording import (
    REVIEWED_CELL,
    REVIEWED_MARK,
    capfirst,
    relabelled_swaps,
    swap_pairs,
)
from .provenance import ABSENT, KNOWN_MARK, ODD_TEXT, ORIGIN_MARK
from .view import ReportView, Segment, tag

_TAGS = {"delete": "del", "insert": "ins"}


def _segments(segments: list[Segment]) -> Markup:
    """Diff ops as text with <del>/<ins>; built here, not in the template, because the cells
    keep spacing (pre-wrap) and template whitespace would leak into them."""
    out = []
    for op, text in segments:
        html = escape(escape_text(text))
        name = _TAGS.get(op)
        out.append(Markup(f"<{name}>{html}</{name}>") if name else html)
    return Markup("").join(out)


def _anchor(doc_id: str) -> str:
    return "v-" + re.sub(r"[^A-Za-z0-9_-]", "-", doc_id)


def shown_value(value: object) -> object:
    """Every ``{{ value }}``: text is escaped for display; our own markup (``Markup`` from the
    filters above, which escape their text themselves) and numbers pass."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape_text(value)
    return value


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tui.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=shown_value,
    )
    env.filters.update(
        segments=_segments,
        anchor=_anchor,
        tag=tag,
        pct=lambda x: f"{x:.0%}",
        score=lambda x: f"{x:.2f}",
        capfirst=capfirst,
        node_name=node_name,
    )
    env.tests["run"] = lambda value: isinstance(value, Run)
    env.globals.update(
        independent_of_all=INDEPENDENT_OF_ALL,
        no_tree=NO_TREE,
        absent=ABSENT,
        known_mark=KNOWN_MARK,
        origin_mark=ORIGIN_MARK,
        odd_text=ODD_TEXT,
        banner_title=BANNER_TITLE,
        sources_sentence=sources_sentence,
        same_text=SAME_TEXT,
        swap_pairs=swap_pairs,
        relabelled_swaps=relabelled_swaps,
        reviewed_mark=REVIEWED_MARK,
        reviewed_cell=REVIEWED_CELL,
        figures_label=FIGURES,
        quotes_label=QUOTES,
    )
    return env


def render_html(view: ReportView) -> str:
    return (
        environment()
        .get_template("report.html.j2")
        .render(view=view, ev=view.evidence, name=view.names)
    )
