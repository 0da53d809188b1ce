"""The Markdown report: the HTML report's content as text that reads well raw or rendered.

Document text is untrusted: every character Markdown (or the HTML it may contain) would act
on is backslash-escaped, and lines that would open a heading, quote, list, rule or code block
are defused, so a story can never add structure, links or markup to the report. The finished
page then goes through the one escaping policy (:mod:`tui.core.escaping`), so no control,
escape sequence or bidi override from a file reaches whoever prints it with ``cat`` or renders it.
"""

from __future__ import annotations

import re
import unicodedata

from ..core.escaping import escape_text
from ..core.model import BANNER_TITLE
from ..core.reportmark import MARKDOWN_MARK
from ..present.audit import SAME_TEXT
from ..present.figures import LABEL as FIGURES
from ..present.figures import QUOTES
from ..present.names import VersionNames
from ..present.runs import Run
from ..present.sources import SharesView, sources_sentence
from ..present.tree import NO_TREE
from ..present.wording import (
    REVIEWED_CELL,
    REVIEWED_MARK,
    capfirst,
    plural,
    relabelled_swaps,
    swap_pairs,
)
from .provenance import (
    ABSENT,
    KNOWN_MARK,
    ODD_TEXT,
    ORIGIN_MARK,
    KindGroup,
    ProvenanceView,
    TreeNode,
    TreeView,
)
from .view import ReportView, Row, Segment, Version, tag

# CommonMark lets any ASCII punctuation be escaped; these are the ones that can mean
# something here ($ is GitHub's maths, & starts entities, < raw HTML and autolinks,
# @ e-mail links).
_SPECIAL = re.compile(r"([\\`*\[\]<>#|~&$!{}@])")
# An underscore between two letters or digits can't open or close emphasis.
_LOOSE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_LIST_START = re.compile(r"^(\d{1,9})([.)])")
# GitHub turns bare URLs into links; a backslash keeps them as the text they are.
_BARE_WWW = re.compile(r"(?i)\b(www)\.")


def escape(text: str) -> str:
    """Inline-safe text: no markup, links, HTML, entities or maths survive."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _BARE_WWW.sub(r"\1\\.", text.replace("://", "\\://"))
    return _LOOSE_UNDERSCORE.sub(r"\\_", text)


def _block_safe(line: str) -> str:
    """Escaped text safe at the start of a line: no list, rule, setext heading or indented
    code. Leading spacing is dropped (it would make a code block); HTML and JSON keep it."""
    line = line.lstrip(" \t")
    # "*" and "_" from the document are already escaped; a leading "*" is our own mark.
    if line[:1] in ("-", "+", "="):
        line = "\\" + line
    return _LIST_START.sub(r"\1\\\2", line)


def _is_space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _is_punct(ch: str | None) -> bool:
    return ch is not None and unicodedata.category(ch)[0] in "PS"


def _can_open(prev: str | None, first: str) -> bool:
    return not _is_space(first) and (not _is_punct(first) or _is_space(prev) or _is_punct(prev))


def _can_close(last: str, nxt: str | None) -> bool:
    return not _is_space(last) and (not _is_punct(last) or _is_space(nxt) or _is_punct(nxt))


def _mark(body: str, op: str, prev: str | None, nxt: str | None) -> str:
    """``~~body~~`` / ``**body**`` where CommonMark's flanking rules let them work; where a
    mark would touch a word on one side and punctuation on the other (``word**,x**``) it
    would print literally, so ``<del>``/``<ins>`` are used there instead."""
    delim = "~~" if op == "delete" else "**"
    if _can_open(prev, body[0]) and _can_close(body[-1], nxt):
        return f"{delim}{body}{delim}"
    name = "del" if op == "delete" else "ins"
    return f"<{name}>{body}</{name}>"


def segments(parts: list[Segment]) -> str:
    """A passage side as escaped Markdown with its changes marked; may span lines."""
    pieces = [(op, escape(text)) for op, text in parts]
    out: list[str] = []
    for i, (op, text) in enumerate(pieces):
        if op == "equal":
            out.append(text)
            continue
        nxt_text = pieces[i + 1][1] if i + 1 < len(pieces) else ""
        lines = text.split("\n")
        for j, line in enumerate(lines):
            if j:
                out.append("\n")
            body = line.strip()
            if not body:
                out.append(line)
                continue
            lead = line[: len(line) - len(line.lstrip())]
            trail = line[len(line.rstrip()) :]
            so_far = "".join(out) + lead
            prev = so_far[-1] if so_far else None
            after = trail or (nxt_text if j == len(lines) - 1 else "\n")
            nxt = after[0] if after else None
            out.append(lead + _mark(body, op, prev, nxt) + trail)
    return "".join(out)


def _quote(marked: str) -> str:
    return "\n".join(
        "> " + _block_safe(line) if line.strip() else ">" for line in marked.split("\n")
    )


def _cell(text: str) -> str:
    """Table cells are one line: our own <br> stands for a line break (document < is escaped)."""
    return escape(text).replace("\r\n", "\n").replace("\n", "<br>")


def _table(head: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    rule = [("---:" if c == "r" else "---") for c in (align or "l" * len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def _banner(view: ReportView) -> list[str]:
    if not view.evidence.banner:
        return []
    lines = [f"> **{escape(BANNER_TITLE)}:**", ">"]
    lines += [f"> - {escape(w)}" for w in view.evidence.banner]
    return [*lines, ""]


def _evidence(view: ReportView) -> list[str]:
    ev, name = view.evidence, view.names
    notes = "none"
    if ev.overrides:
        where = f", from {_cell(ev.notes_path)}" if ev.notes_path else ""
        notes = f"{plural(len(ev.overrides), 'passage')} annotated by a reviewer{where}; see below"
    if ev.stale_notes:
        n = len(ev.stale_notes)
        notes += (
            f"; **STALE**: {plural(n, 'note')} no longer appl{'ies' if n == 1 else 'y'}, see below"
        )
    rows = [
        ["Tool", f"{ev.tool} {ev.tool_version} (report schema {ev.schema})"],
        ["Generated", ev.generated_at or "not recorded (deterministic report)"],
        ["Report ID", f"`{ev.report_id}` (SHA-256 of the JSON form)"],
        ["Input set", f"`{ev.inputs_sha256}` (SHA-256 of the inputs' SHA-256s, sorted)"],
        ["Reference", f"**{_cell(name(ev.reference))}**: {_cell(ev.reference_reason)}"],
        ["Settings", ", ".join(f"`{k}={_cell(v)}`" for k, v in ev.settings)],
        ["Exclusions", _cell(ev.exclusions)],
        ["Warnings", "<br>".join(_cell(w) for w in ev.warnings) or "none"],
        ["Reviewer notes", notes],
    ]
    lines = ["## Evidence", "", *_table(["Item", "Value"], rows), "", "### Cut-offs", ""]
    lines += _table(
        ["Cut-off", "Value", "Why"],
        [[f"`{name}`", value, _cell(why)] for name, value, why in ev.thresholds],
        "lrl",
    )
    lines += ["", "### Input files", ""]
    lines += _table(
        ["Version", "Path", "Bytes", "SHA-256", "Encoding"],
        [
            [
                _cell(d.name or d.id)
                + (f" ({_cell(d.legend_id)})" if d.legend_id else "")
                + (" (reference)" if d.role == "reference" else ""),
                _cell(d.path) + (f" ({_cell(d.published)})" if d.published else ""),
                str(d.size),
                f"`{d.sha256}`",
                _cell(d.encoding) + ("" if d.source_format == "text" else f", {d.source_format}"),
            ]
            for d in ev.documents
        ],
        "llrll",
    )
    if ev.overrides:
        lines += ["", "### Reviewer overrides", ""]
        lines += _table(
            ["Version", "Passage", "Engine label", "Reviewer label", "Note"],
            [
                [
                    _cell(name(o.version)),
                    str(o.passage),
                    tag(o.original_label),
                    tag(o.label) if o.label else "(unchanged)",
                    _cell(o.note),
                ]
                for o in ev.overrides
            ],
            "lrlll",
        )
    if ev.stale_notes:
        lines += ["", "### STALE reviewer notes (not used; kept in the notes file)", ""]
        lines += _table(
            ["Version", "Engine label", "Reviewer label", "Note", "Made on", "Why stale"],
            [
                [
                    _cell(name(n.version)),
                    tag(n.original_label),
                    tag(n.label) if n.label else "(unchanged)",
                    _cell(n.note),
                    _cell(n.made_on),
                    n.reason,
                ]
                for n in ev.stale_notes
            ],
            "llllll",
        )
    return lines


def _strong(text: str) -> str:
    """``**text**`` for escaped text between spaces or line ends, when the marks can work."""
    if text and _can_open(" ", text[0]) and _can_close(text[-1], " "):
        return f"**{text}**"
    return text


def _item(depth: int, text: str) -> str:
    """A list item at ``depth`` whose escaped text can open no block of its own."""
    return "  " * depth + "- " + _block_safe(text)


def _tree_node(node: TreeNode, depth: int, name: VersionNames) -> list[str]:
    line = escape(node.title(name))
    if node.summary:
        line += f": {escape(node.summary)}"
    lines = [_item(depth, line)]
    if node.evidence:
        # Hard line breaks (backslash) keep the evidence in the node's item, not as children.
        lines[-1] += "\\"
        evidence = [
            f"{'  ' * (depth + 1)}{_block_safe(escape(name.rename(e)))}" for e in node.evidence
        ]
        lines += [e + "\\" for e in evidence[:-1]] + evidence[-1:]
    for child in node.children:
        lines += _tree_node(child, depth + 1, name)
    return lines


def _tree(tree: TreeView, name: VersionNames) -> list[str]:
    lines = [
        "### Derivation tree",
        "",
        "Which version was made from which, judged across all versions at once; each version "
        "is listed under the one it comes from, with the evidence. A version marked *inferred* "
        "is one the evidence says must exist but that is not among the inputs.",
        "",
    ]
    for root in tree.roots:
        lines += _tree_node(root, 0, name)
    if not tree.roots:
        lines.append(escape(capfirst(NO_TREE)) + ".")
    if tree.independent:
        lines += ["", escape(capfirst(tree.independent_line(name))) + "."]
    if tree.notes:
        lines += ["", f"Why other parents were ruled out ({len(tree.notes)}):", ""]
        lines += [_item(0, escape(n)) for n in tree.named_notes(name)]
    return lines


def _families(prov: ProvenanceView) -> list[str]:
    fam = prov.families
    lines = [
        "### Passage families",
        "",
        "A family is one piece of content followed through every version that carries it. "
        "Each cell gives the version's form against the family's origin (its earliest form "
        f"among the inputs, marked {ORIGIN_MARK}): "
        + ", ".join(tag(label) for label in ("verbatim", "edited", "paraphrased"))
        + f"; {ABSENT} where the version lacks it."
        + (f" {REVIEWED_CELL}." if fam.reviewed else "")
        + (
            " Versions the tree finds independent of every other have no column: "
            + ", ".join(escape(prov.names(d)) for d in fam.left_out)
            + "."
            if fam.left_out
            else ""
        ),
        "",
    ]
    if fam.rows:
        lines += _table(
            ["#", "Passage (origin's wording)", *(_cell(prov.names(c)) for c in fam.columns)],
            [
                [
                    str(r.id),
                    _cell(r.text),
                    *(
                        f"**{c.letter}** {ORIGIN_MARK}"
                        if c.origin
                        else c.letter + (f" {REVIEWED_MARK}" if c.reviewed else "")
                        for c in r.cells
                    ),
                ]
                for r in fam.rows
            ],
            "rl" + "l" * len(fam.columns),
        )
        lines.append("")
    hidden = []
    if fam.single:
        hidden.append(f"{fam.single} found in one version only")
    if fam.unchanged:
        hidden.append(f"{fam.unchanged} carried word for word by every version")
    total = f"{fam.total} famil{'y' if fam.total == 1 else 'ies'}"
    lines.append(
        total
        + ("; not shown: " + ", ".join(hidden) if hidden else "")
        + ". All families are in the JSON report."
    )
    return lines


def _lexicon(prov: ProvenanceView) -> list[str]:
    lines = ["### Substitution lexicon", ""]
    note = relabelled_swaps(prov.relabelled_swaps)
    note = f" {capfirst(note)}." if note else ""
    if not prov.lexicon:
        return [*lines, f"No word swaps between versions.{note}"]
    lines += [
        "Every word swap between two related versions, counted. "
        f"{KNOWN_MARK}: listed as a spinner swap in the tortured-phrases lexicon. Rarer side "
        "(its wording in bold): one side is much rarer English than the other; spinners swap "
        "plain words for rarer ones, so the rarer side is likely the spun one. Where: each pair "
        "of versions the swap was found between, the version with the From wording first "
        f"(a → b: a has the From wording, b the To). {prov.known_swaps} known, "
        f"{prov.odd_swaps} with a rarer side, {len(prov.lexicon)} in all.{note}",
        "",
    ]
    rows = []
    for e in prov.lexicon:
        src, tgt = _cell(e.source), _cell(e.target)
        rows.append(
            [
                _strong(src) if e.odd_side == "source" else src,
                _strong(tgt) if e.odd_side == "target" else tgt,
                str(e.count),
                _cell(swap_pairs(e.pairs(), prov.names)),
                f"**{KNOWN_MARK}**" if e.known else "",
                f"**{ODD_TEXT[e.odd_side]}**" if e.odd_side else "",
            ]
        )
    lines += _table(
        ["From", "To", "Times", "Where", "Known spinner swap", "Rarer side"], rows, "llrlll"
    )
    return lines


def _audit_items(group: KindGroup, detail_strong: bool, name: VersionNames) -> list[str]:
    """One list item per entry: place, reason (an insert's, in brackets) or detail (an
    omission's, in bold, e.g. the attribution a copy dropped), then the text; a reason every
    item shares (``common_reason``) is said once, after the title and the tally."""
    common = group.common_reason
    head = f"**{group.title}** ({group.tally})"
    lines = [head + (f": {escape(common)}" if common else ":"), ""]
    for i in group.items:
        head = escape(i.where)
        if i.reason and not common and detail_strong:
            head += " \u2014 " + _strong(escape(i.reason[:1].upper() + i.reason[1:]))
        elif i.reason and not common:
            head += f" ({escape(i.reason)})"
        text = f"{capfirst(SAME_TEXT)} {name(i.same_as)}." if i.same_as else i.text
        lines.append(_item(0, f"{head}: {escape(text)}"))
    return [*lines, ""]


def _inserts(prov: ProvenanceView) -> list[str]:
    lines = [
        "### Inserts",
        "",
        "What each version carries that the reference does not: promotion (calls to action, "
        "product pitches), boilerplate (page furniture) and other added material; the "
        "reference's own furniture is listed under it. Long text is shortened in the middle "
        "(\\[\u2026\\]); the place gives paragraphs and characters in that version.",
        "",
    ]
    if not prov.inserts:
        return [*lines, "No version adds anything.", ""]
    for a in prov.inserts:
        doc = escape(prov.names(a.doc))
        lines += [f"#### Inserts in {doc}" + (" (reference)" if a.reference else ""), ""]
        for g in a.groups:
            lines += _audit_items(g, False, prov.names)
    return lines


def _omissions(prov: ProvenanceView) -> list[str]:
    lines = [
        "### Omission and attribution audit",
        "",
        "What each derived version dropped from the reference, quotes and attributions first, "
        "then bylines, credits, links and other text; including passages a version kept while "
        "dropping who said or reported them. Places are in the reference.",
        "",
    ]
    if not prov.omissions:
        return [*lines, "No derived version dropped anything of the reference.", ""]
    for a in prov.omissions:
        source = prov.names(a.source)
        lines += [f"#### Dropped by {escape(prov.names(a.doc))}", ""]
        lines += [f"From {escape(source)}: {a.tally}.", ""]
        for g in a.groups:
            if g.folded:
                lines += [f"**{g.title}**: {escape(g.folded_line(source))}.", ""]
            else:
                lines += _audit_items(g, True, prov.names)
    return lines


def _provenance(prov: ProvenanceView) -> list[str]:
    return [
        "## Provenance across all versions",
        "",
        *_families(prov),
        "",
        *_lexicon(prov),
        "",
        *_inserts(prov),
        *_omissions(prov),
    ]


def _shares(shares: SharesView, name: VersionNames) -> list[str]:
    lines = ["### Who shares what with whom", ""]
    lines += [
        f"- **{escape(name(d))}** {escape(sources_sentence(shares, d, name))}" for d in shares.ids
    ]
    if len(shares.ids) > 1:
        lines.append("")
        head = ["Version", *(f"{k + 1}" for k in range(len(shares.ids)))]
        rows = [
            [f"{k + 1}. {_cell(name(d))}", *(c.text for c in cells)]
            for k, (d, cells) in enumerate(shares.rows)
        ]
        lines += _table(head, rows, "l" + "r" * len(shares.ids))
        lines += ["", SharesView.CAPTION]
    return [*lines, ""]


def _counts(v: Version) -> str:
    return ", ".join(f"{tag(k)} {n}" for k, n in v.counts.items() if n)


def _summary(view: ReportView) -> list[str]:
    lines = ["## Summary", ""]
    lines += _table(
        ["Version", "Verdict", "Derived", "Source reused", "Passages"],
        [
            [
                _cell(v.target_name),
                v.verdict + v.verdict_mark,
                f"{v.target_derived:.0%}",
                f"{v.source_reused:.0%}",
                _counts(v),
            ]
            for v in view.versions
        ],
        "llrrl",
    )
    lines += [
        "",
        "Derived: share of the version's text (boilerplate aside) that comes from the "
        "reference. Source reused: share of the reference that reappears in the version."
        + (
            f" {REVIEWED_MARK}: a reviewer relabelled passages of the version; the table gives the "
            "engine's figures and, where it differs, the verdict by the reviewer's labels (the "
            "explorer's overview shows the reviewer's figures), the version's section below both."
            if any(v.reviewed for v in view.versions)
            else ""
        ),
        "",
    ]
    for v in view.versions:
        regions = " ".join(escape(r[:1].upper() + r[1:]) + "." for r in v.regions)
        lines += [
            f"**{escape(v.target_name)}**: {v.verdict}{v.verdict_mark}"
            + (f" ({escape(v.tree_note)})." if v.tree_note else ".")
            + (f" {regions}" if regions else ""),
            "",
        ]
    if view.provenance:
        lines += [*_tree(view.provenance.tree, view.names), ""]
    if view.shares and not view.exhibit:
        lines += _shares(view.shares, view.names)
    lines += ["### Labels", ""]
    lines += [f"- **{tag(label)}**: {view.meanings[label]}" for label in view.labels]
    lines += [
        "",
        "In the passages, ~~struck-through~~ words are in the reference but not in the version; "
        "**bold** words are in the version but not in the reference.",
    ]
    return lines


def _row(v: Version, r: Row) -> list[str]:
    head = f"#### {r.number}. {tag(r.reviewer_label or r.label)}"
    if r.reviewer_label:
        head += f" (reviewer's label; engine: {r.tag})"
    head += (f" · score {r.score:.2f}" if r.derived else "") + (" · moved" if r.moved else "")
    head += f" · {r.link_note}" if r.link_note else ""
    lines = [head, ""]
    if r.source:
        lines += [
            f"Reference {escape(v.source_name)}, {r.source_where}:",
            "",
            _quote(segments(r.source)),
            "",
        ]
    if r.target:
        lines += [f"This version, {r.target_where}:", "", _quote(segments(r.target)), ""]
    if r.note:
        lines += [f"*Reviewer note:* {escape(r.note)}", ""]
    return lines


def _run_numbers(run: Run[Row]) -> str:
    a, b = run.numbers
    return str(a) if a == b else f"{a}\u2013{b}"


def _exhibit_rows(v: Version) -> list[str]:
    """The derived passages only: where each lies in both files and its wording, shortened."""
    rows = v.derived_rows
    head = f"### Passages {v.taken} {escape(v.source_name)} ({len(rows)})"
    if not rows:
        return [head, "", "None."]
    return [
        head,
        "",
        *_table(
            ["#", "Label", f"In {escape(v.source_name)}", f"In {escape(v.target_name)}", "Wording"],
            [
                [
                    str(r.number),
                    tag(r.reviewer_label or r.label) + (f" ({r.link_note})" if r.link_note else ""),
                    r.source_where,
                    r.target_where,
                    _cell(r.excerpt),
                ]
                for r in rows
            ],
            "rllll",
        ),
    ]


def _figures(v: Version) -> list[str]:
    """The figures the version changed and the quotations it reworded, every one, under the
    regions: the edits a reader must not miss, in the words the other formats use."""
    lines: list[str] = []
    for label, changes in ((FIGURES, v.figures), (QUOTES, v.quotes)):
        if changes:
            lines += [
                *([""] if v.regions or lines else []),
                f"**{escape(capfirst(label))}**:",
                "",
                *(f"- {escape(v.figure_text(f))}" for f in changes),
            ]
    return lines


def _version(v: Version, exhibit: bool = False) -> list[str]:
    title = f"## Version {escape(v.target_name)}" + (
        f": {escape(v.target.title)}" if v.target.title else ""
    )
    lines = [
        title,
        "",
        f"**{v.verdict}**: {escape(v.relation.split(': ', 1)[1])}; "
        f"{v.source_reused:.0%} of {escape(v.source_name)} reused. {_counts(v)}."
        + (
            f" A reviewer relabelled {plural(v.relabelled, 'passage')};"
            " the figures are the engine's. By the reviewer's labels: "
            + ", ".join(f"{tag(k)} {n}" for k, n in v.reviewer_counts.items() if n)
            + "."
            if v.relabelled
            else ""
        )
        + (f" **{capfirst(escape(v.reviewed))}.**" if v.reviewed else ""),
        "",
    ]
    lines += [f"- {escape(r[:1].upper() + r[1:])}" for r in v.regions]
    lines += _figures(v)
    if exhibit:
        return [*lines, "", *_exhibit_rows(v), ""]
    shown = v.regions or v.figures or v.quotes
    lines += ["", "### Passages", ""] if shown else ["### Passages", ""]
    for e in v.entries:
        if isinstance(e, Run):
            lines += [f"#### {_run_numbers(e)}. {tag(e.label)}", "", escape(v.run_line(e)), ""]
        else:
            lines += _row(v, e)
    lines += ["### Substitutions", ""]
    if v.substitutions:
        lines += _table(
            ["In the reference", "In this version", "Times"],
            [[_cell(s), _cell(t), str(n)] for s, t, n in v.substitutions],
            "llr",
        )
    else:
        lines.append("No word substitutions.")
    lines += ["", "### Omitted passages", ""]
    if v.omitted:
        lines += [
            f"{escape(capfirst(v.omitted_line))}; each stands at its place in the passages above.",
            "",
        ]
        for e in v.omitted_reviewed:
            extra = f" (reviewer: {tag(e.reviewer_label)})" if e.reviewer_label else ""
            lines.append(_item(0, f"passage {e.number}: {e.source_where}{extra}"))
    else:
        lines.append(f"Nothing of {escape(v.source_name)} is missing from {escape(v.target_name)}.")
    return [*lines, ""]


def render_markdown(view: ReportView) -> str:
    ev = view.evidence
    n = len(view.versions)
    lines = [
        MARKDOWN_MARK,
        "",
        "# Story comparison report",
        "",
        f"How {n} version{'' if n == 1 else 's'} of a story compare with the reference version "
        f"**{escape(view.names(ev.reference))}**, passage by passage. "
        f"Produced by {ev.tool} {ev.tool_version}"
        + (f" on {ev.generated_at}" if ev.generated_at else "")
        + ".",
        "",
        *_banner(view),
        *_evidence(view),
        "",
        *_summary(view),
        "",
    ]
    if view.provenance and not view.exhibit:
        lines += _provenance(view.provenance)
    for v in view.versions:
        lines += _version(v, view.exhibit)
    lines.append(
        f"*{ev.tool} {ev.tool_version}. Labels are the tool's measurement of text similarity, "
        "not a legal finding. SHA-256 hashes identify exactly which files were compared.*"
    )
    return escape_text("\n".join(lines) + "\n")
