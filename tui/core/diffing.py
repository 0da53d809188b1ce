"""Word-level diffs with diff-match-patch, and the word swaps a spinner leaves in them.

diff-match-patch diffs characters; mapping each distinct word (and each run of spacing or
punctuation) to one private character makes it diff whole words, so a diff reads as words.
Tokens compare exactly, except that any run of spacing equals any other: joining the equal
and deleted texts gives back the source, equal and inserted the target (up to spacing), so a
diff can be shown as evidence.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from .model import DiffOp, Substitution
from .textnorm import fold

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_OPS = {0: "equal", -1: "delete", 1: "insert"}
MAX_SWAP_WORDS = 4


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(source: str, target: str, timeout: float = 0.5) -> list[DiffOp]:
    if source == target:
        return [("equal", target)]
    src, tgt = _tokens(source), _tokens(target)
    table: dict[str, str] = {}

    def encode(tokens: list[str]) -> str:
        # Private-use code points never collide with document text mapped this way.
        out = []
        for token in tokens:
            key = " " if token.isspace() else token
            code = table.get(key)
            if code is None:
                code = table[key] = chr(0xF0000 + len(table))
            out.append(code)
        return "".join(out)

    a, b = encode(src), encode(tgt)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    out: list[DiffOp] = []
    i = j = 0
    for op, chars in diffs:
        n = len(chars)
        if op == -1:
            text = "".join(src[i : i + n])
            i += n
        elif op == 1:
            text = "".join(tgt[j : j + n])
            j += n
        else:
            text = "".join(tgt[j : j + n])
            i += n
            j += n
        if op != 0 and text.isspace():
            # Spacing moved around ("toraise", "$ 12") is no edit a reader would see.
            if op == -1:
                continue
            op = 0
        if out and out[-1][0] == _OPS[op]:
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((_OPS[op], text))  # type: ignore[arg-type]
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _trim(text: str) -> str:
    """Drop punctuation and spacing at the edges: the swap is the words."""
    return " ".join(re.sub(r"^\W+|\W+$", "", text).split())


def substitutions(diff: list[DiffOp]) -> list[Substitution]:
    """Adjacent delete/insert pairs of a few words each: one phrase put in another's place."""
    found: list[Substitution] = []
    for k in range(len(diff) - 1):
        (op1, x), (op2, y) = diff[k], diff[k + 1]
        if {op1, op2} != {"delete", "insert"}:
            continue
        old, new = (x, y) if op1 == "delete" else (y, x)
        wo, wn = _words(old), _words(new)
        if not wo or not wn or len(wo) > MAX_SWAP_WORDS or len(wn) > MAX_SWAP_WORDS:
            continue
        old_s, new_s = _trim(old), _trim(new)
        a, b = "".join(_words(fold(old_s))), "".join(_words(fold(new_s)))
        # One side inside the other is an insertion or a deletion, not a swap.
        if a not in b and b not in a:
            found.append(Substitution(old_s, new_s))
    return found


def tally(subs: list[Substitution]) -> list[Substitution]:
    counts: dict[tuple[str, str], int] = {}
    for s in subs:
        counts[(s.source, s.target)] = counts.get((s.source, s.target), 0) + s.count
    return [
        Substitution(a, b, n)
        for (a, b), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
