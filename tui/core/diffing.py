"""Word-level diffs, bounded by size rather than time, and the word swaps a spinner leaves.

Each word or punctuation mark, with the spacing after it, is one token, and tokens compare by
the word or mark alone: any run of spacing, or none, matches any other, so re-wrapped lines
or "$ 12" against "$12" do not break the words around them into edits, and spacing is never
matched on its own between unrelated words. The longest common subsequence of tokens
(rapidfuzz's Indel opcodes, in C) is tidied into phrases by diff-match-patch's semantic
cleanup. Both sides stay exact: joining the equal and deleted texts gives back the source
character for character, equal and inserted the target, so a diff can be quoted as evidence.
Where the two differ only in spacing, that spacing is a delete/insert pair of spacing alone,
which is no edit: no substitution is made of it and displays show it as plain text.

The work is bounded by size, never by a clock, so the same texts give the same diff on any
machine under any load (diff-match-patch's own diff stops at a wall-clock deadline). Up to
``max_tokens`` tokens a side are diffed word by word; longer passages are first diffed
sentence by sentence, as diff-match-patch's line mode does with lines, then word by word
inside each changed run of sentences that fits the bound; a run that does not is one deletion
and one insertion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from .disguise import mixed_script
from .facts import NUMBER_WORDS
from .model import DiffOp, Substitution
from .settings import Settings
from .textnorm import STOPWORDS, fold

_PIECE = re.compile(r"\w+|\s+|[^\w\s]")
# Words a side of a swap may have: one-for-one, two-for-one and one-for-two replacements.
MAX_SWAP_WORDS = 2
# A word, with the hyphens and apostrophes inside it: "get-up-and-go", "ship’s".
_WORD = re.compile(r"\w+(?:[-\u2010\u2011'\u2019]\w+)*")
_LETTERS = re.compile(r"\w+")
# Tokens (words and punctuation marks) a side diffed word by word: more than any passage of
# the seeds, PAN13 or a 1 MB story holds (about 380 at most); rapidfuzz takes a few
# milliseconds on that many.
MAX_TOKENS = Settings.diff_max_tokens
_SENTENCE_END = frozenset(".!?\u2026")
# The one character every run of spacing is diffed as; tokens get the ones after it.
_SPACE = chr(0xF0000)

# (op, source pieces, target pieces): equal runs cover as many pieces on both sides.
Run = tuple[int, int, int]


class _Side:
    """A text as pieces (word, punctuation mark or run of spacing), grouped into tokens: a
    word or mark with the spacing after it (a text may also open with spacing alone)."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = _PIECE.findall(text)
        self.pieces = pieces
        # The first piece of each token, and the word or mark it stands for (" " for spacing
        # that opens the text).
        self.starts = [k for k, piece in enumerate(pieces) if k == 0 or not piece.isspace()]
        self.keys = [pieces[k] for k in self.starts]
        if pieces and pieces[0].isspace():
            self.keys[0] = " "
        self.starts.append(len(pieces))
        # Whether spacing follows each token.
        self.spaced = [b - a == 2 for a, b in zip(self.starts, self.starts[1:], strict=False)]

    def span(self, t0: int, t1: int) -> int:
        return self.starts[t1] - self.starts[t0]

    def chars(self, t0: int, codes: str) -> str:
        """Tokens from ``t0`` as diff characters: each word's code, then the spacing one
        where spacing follows."""
        return "".join(c + _SPACE if self.spaced[t0 + k] else c for k, c in enumerate(codes))


def word_diff(source: str, target: str, max_tokens: int = MAX_TOKENS) -> list[DiffOp]:
    if source == target:
        return [("equal", target)]
    a, b = _Side(source), _Side(target)
    # Each distinct token of a stretch is one private-use character, after _SPACE.
    cap = min(max(1, max_tokens), 60_000)
    return _exact(_diff(a, b, cap), a.pieces, b.pieces)


def _diff(a: _Side, b: _Side, cap: int) -> list[Run]:
    """Runs turning ``a`` into ``b``, a common head and tail of tokens taken off first."""
    n, m = len(a.keys), len(b.keys)
    head = 0
    while head < n and head < m and a.keys[head] == b.keys[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and a.keys[n - 1 - tail] == b.keys[m - 1 - tail]:
        tail += 1
    runs = _same(a, b, 0, 0, head)
    if n - tail - head <= cap and m - tail - head <= cap:
        runs += _word_runs(a, b, head, n - tail, head, m - tail)
    else:
        runs += _sentences(a, b, head, n - tail, head, m - tail, cap)
    return runs + _same(a, b, n - tail, m - tail, tail)


def _spacing(a: _Side, b: _Side, i: int, j: int) -> list[int]:
    """The op for the spacing after tokens ``a[i]`` and ``b[j]`` (same word): equal when
    both have some, whatever it is; deleted or inserted when only one does."""
    sa, sb = a.spaced[i], b.spaced[j]
    return [0] if sa and sb else [-1] if sa else [1] if sb else []


def _same(a: _Side, b: _Side, i: int, j: int, count: int) -> list[Run]:
    """Runs for ``count`` tokens with the same words, whose spacing may differ or be absent."""
    runs: list[Run] = []
    equal = 0
    for k in range(count):
        equal += 1
        for op in _spacing(a, b, i + k, j + k):
            if op == 0:
                equal += 1
                continue
            runs += [(0, equal, equal), (op, int(op != 1), int(op != -1))]
            equal = 0
    return [*runs, (0, equal, equal)] if equal else runs


def _word_runs(a: _Side, b: _Side, i0: int, i1: int, j0: int, j1: int) -> list[Run]:
    """Word by word: the longest common subsequence of tokens (spacing never matched on its
    own, so it cannot pull unrelated words apart), then diff-match-patch's cleanup over the
    pieces, where any run of spacing matches any other."""
    codes: dict[str, str] = {" ": _SPACE}
    x = "".join(codes.setdefault(k, chr(0xF0000 + len(codes))) for k in a.keys[i0:i1])
    y = "".join(codes.setdefault(k, chr(0xF0000 + len(codes))) for k in b.keys[j0:j1])
    diffs: list[tuple[int, str]] = []
    for op in Indel.opcodes(x, y):
        s0, s1, d0, d1 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag != "equal":  # Indel has no replace: deletes and inserts only
            if s1 > s0:
                diffs.append((-1, a.chars(i0 + s0, x[s0:s1])))
            if d1 > d0:
                diffs.append((1, b.chars(j0 + d0, y[d0:d1])))
            continue
        same: list[str] = []
        for k in range(s1 - s0):
            same.append(x[s0 + k])
            spaced = a.spaced[i0 + s0 + k], b.spaced[j0 + d0 + k]
            if spaced == (True, True):
                same.append(_SPACE)
            elif spaced != (False, False):
                diffs += [(0, "".join(same)), (-1 if spaced[0] else 1, _SPACE)]
                same = []
        diffs.append((0, "".join(same)))
    dmp = diff_match_patch()
    # Merging first also moves the spacing a deleted and an inserted phrase both end with into
    # the equal text after them, so phrases, not words, weigh against what they share.
    dmp.diff_cleanupMerge(diffs)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, len(t) if op != 1 else 0, len(t) if op != -1 else 0) for op, t in diffs]


def _units(side: _Side, t0: int, t1: int) -> list[int]:
    """Token counts of the sentences (or lines) in tokens ``t0``..``t1``."""
    sizes: list[int] = []
    start = t0
    for t in range(t0, t1):
        spacing = side.pieces[side.starts[t] + 1] if side.spaced[t] else ""
        if spacing and ("\n" in spacing or side.keys[t] in _SENTENCE_END):
            sizes.append(t + 1 - start)
            start = t + 1
    if start < t1:
        sizes.append(t1 - start)
    return sizes


def _sentences(a: _Side, b: _Side, i0: int, i1: int, j0: int, j1: int, cap: int) -> list[Run]:
    """Sentences first, words inside each changed run of sentences that fits ``cap``."""
    ua, ub = _units(a, i0, i1), _units(b, j0, j1)
    if len(ua) > cap or len(ub) > cap:
        return [(-1, a.span(i0, i1), 0), (1, 0, b.span(j0, j1))]
    ids: dict[tuple[str, ...], int] = {}

    def keyed(side: _Side, t0: int, sizes: list[int]) -> tuple[list[int], list[int]]:
        keys, starts = [], [t0]
        for size in sizes:
            t = starts[-1]
            keys.append(ids.setdefault(tuple(side.keys[t : t + size]), len(ids)))
            starts.append(t + size)
        return keys, starts

    ka, sa = keyed(a, i0, ua)
    kb, sb = keyed(b, j0, ub)
    runs: list[Run] = []
    for op in Indel.opcodes(ka, kb):
        s0, s1, d0, d1 = sa[op.src_start], sa[op.src_end], sb[op.dest_start], sb[op.dest_end]
        if op.tag == "equal":
            runs += _same(a, b, s0, d0, s1 - s0)
        elif s1 - s0 <= cap and d1 - d0 <= cap:
            runs += _word_runs(a, b, s0, s1, d0, d1)
        else:
            runs += [(-1, a.span(s0, s1), 0), (1, 0, b.span(d0, d1))]
    return runs


def _exact(runs: list[Run], src: list[str], tgt: list[str]) -> list[DiffOp]:
    """Runs as text ops, each side exactly its own pieces; spacing that differs where both
    sides have some becomes a delete/insert pair around what the two runs of spacing share."""
    out: list[DiffOp] = []

    def emit(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)  # type: ignore[assignment]
        else:
            out.append((op, text))  # type: ignore[arg-type]

    i = j = 0
    for op, n, m in runs:
        if op == -1:
            emit("delete", "".join(src[i : i + n]))
        elif op == 1:
            emit("insert", "".join(tgt[j : j + m]))
        else:
            same: list[str] = []  # pieces alike on both sides, emitted together
            for s, t in zip(src[i : i + n], tgt[j : j + m], strict=True):
                if s == t:
                    same.append(s)
                    continue
                k = len(_common_prefix(s, t))
                rest_s, rest_t = s[k:], t[k:]
                q = len(_common_prefix(rest_s[::-1], rest_t[::-1]))
                emit("equal", "".join(same) + s[:k])
                same.clear()
                emit("delete", rest_s[: len(rest_s) - q])
                emit("insert", rest_t[: len(rest_t) - q])
                same.append(rest_s[len(rest_s) - q :])
            emit("equal", "".join(same))
        i += n
        j += m
    return out


def _common_prefix(x: str, y: str) -> str:
    k = 0
    while k < len(x) and k < len(y) and x[k] == y[k]:
        k += 1
    return x[:k]


def is_spacing(text: str) -> bool:
    """An op of spacing alone: where two texts differ only in spacing, no edit."""
    return text.isspace()


def changed_ranges(
    diff: Sequence[tuple[str, str]], texts: Sequence[str], side: str
) -> list[list[tuple[int, int]]]:
    """For each of ``texts`` (the passage's pieces on one side, in order), the character ranges
    the diff marks as deleted (``side="source"``) or inserted (``"target"``).

    The diff's side and the pieces hold the same characters but for spacing (pieces are cut
    from the file, where sentences may be separated by line breaks or two spaces; the diff's
    side joins them with one), so non-space characters are walked in step. Spacing is marked
    only between two marked words, so a struck phrase reads as one and a change of spacing
    alone is never marked.
    """
    keep, mark = ("equal", "delete") if side == "source" else ("equal", "insert")
    flags: list[bool] = []
    for op, piece in diff:
        if op in (keep, mark):
            changed = op == mark
            flags.extend(changed for ch in piece if not ch.isspace())
    out: list[list[tuple[int, int]]] = []
    k = 0
    for text in texts:
        ranges: list[tuple[int, int]] = []
        start: int | None = None
        last_end = 0
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            flag = flags[k] if k < len(flags) else False
            k += 1
            if flag:
                if start is None:
                    start = i
                last_end = i + 1
            elif start is not None:
                ranges.append((start, last_end))
                start = None
        if start is not None:
            ranges.append((start, last_end))
        out.append(ranges)
    return out


def substitutions(diff: list[DiffOp]) -> list[Substitution]:
    """The word swaps in a diff: in each run of changes between equal text, the deleted and
    inserted words are aligned again, word by word, and every slot where one or two words
    stand in place of one or two others, pinned by kept text (below), is a swap.

    The diff's semantic cleanup folds a sentence a spinner touched word after word into one
    long change ("unripened get-up-and-go transition" for "green energy transition"); the
    words the two sides still share inside it ("transition") are what pins each swap to its
    slot. Two words for two are two one-for-one swaps, in order: a spinner replaces words one
    at a time. Longer slots are rewriting, not a swap ("It is better" for "The company likely
    wants"), and a slot with nothing on one side is an insertion or a deletion.

    A slot is only as sure as what pins it: in a sentence rewritten whole the two sides
    share little but "the" and "a", and a slot between a lone "the" and the full stop pairs
    words by position ("kitchen counter" for "research"). So one side of the slot at least
    must be pinned: by text the diff itself kept equal (any word of it, even a lone "and",
    which is how a spinner leaves the words around a swap; or punctuation inside the
    passage, not the start or the closing full stop every two sentences share), or, for a
    slot inside a run, by two words or a content word the realignment kept.
    """
    found: list[Substitution] = []
    for run, lead in zip(_changed_runs(diff), _run_leads(diff), strict=True):
        found += _swaps(*run, lead=lead)
    return _unmoved(diff, found) if found else found


def _run_leads(diff: Sequence[DiffOp]) -> list[str]:
    """The end of the equal text before each run of ``_changed_runs`` ("" before the
    first): what says whether a run's first word opens a sentence."""
    leads: list[str] = []
    lead, open_ = "", False
    for op, text in diff:
        if op == "equal" and not text.isspace():
            if open_:
                leads.append(lead)
            lead, open_ = text[-16:], False
        else:
            open_ = True
    return [*leads, lead] if open_ else leads


def _unmoved(diff: Sequence[DiffOp], found: list[Substitution]) -> list[Substitution]:
    """The swaps whose words did not just change places. "convicted Pruett of manslaughter
    after clearing him of murder" for "cleared Pruett of murder but convicted him of
    manslaughter" pairs "manslaughter" with "murder" in the last slot, yet both words are on
    both sides: the clauses were reordered, and a listed swap would say the copy changed the
    verdict. A swap stands when its source words are missing from the target's passage or
    its target words from the source's."""
    new = _words(" ".join(text for op, text in diff if op != "delete"))
    kept = [s for s in found if _words(s.source) <= new]  # the source words still there
    if not kept:
        return found
    old = _words(" ".join(text for op, text in diff if op != "insert"))
    moved = {id(s) for s in kept if _words(s.target) <= old}
    return [s for s in found if id(s) not in moved]


def _words(text: str) -> set[str]:
    """The folded words of ``text``, folded once as a whole (a passage's words one by one
    cost a tenth of a 1 MB run)."""
    return set(_WORD.findall(fold(text)))


def _changed_runs(diff: Sequence[DiffOp]) -> list[tuple[str, str, bool, bool]]:
    """(deleted text, inserted text, pinned before, pinned after) of each run of changes
    between two pieces of equal text; equal spacing alone inside a run belongs to both
    sides. A run is pinned on a side by the equal text there (``pinned`` below)."""
    runs: list[tuple[str, str, bool, bool]] = []
    old: list[str] = []
    new: list[str] = []
    before = False
    shown = [k for k, (_, text) in enumerate(diff) if not text.isspace()]
    first, last = (shown[0], shown[-1]) if shown else (0, 0)
    for k, (op, text) in enumerate(diff):
        if op == "equal" and not text.isspace():
            # Text the diff kept whole pins, but for the bare punctuation that opens or
            # closes the passage: any two sentences end in a full stop.
            pinned = first < k < last or _WORD.search(text) is not None
            if old or new:
                runs.append(("".join(old), "".join(new), before, pinned))
            old, new, before = [], [], pinned
            continue
        if op != "insert":
            old.append(text)
        if op != "delete":
            new.append(text)
    if old or new:
        runs.append(("".join(old), "".join(new), before, False))
    return runs


def _anchor(words: Sequence[str]) -> bool:
    """Words a realignment kept inside a run that pin a slot: two or more, or one content
    word (a lone "the" is in any two sentences)."""
    return len(words) >= 2 or any(fold(w) not in _GRAMMAR for w in words)


def run_starts(diff: Sequence[DiffOp]) -> list[tuple[int, int]]:
    """Where each run of ``_changed_runs`` starts in the diff's source side (equal and
    deleted text) and in its target side (equal and inserted text), so the words of a slot
    can be read in their sentence: the figure a changed digit belongs to ("41,000"), the
    unit after it ("years")."""
    starts: list[tuple[int, int]] = []
    src = tgt = 0
    inside = False
    for op, text in diff:
        if op == "equal" and not text.isspace():
            inside = False
        elif not inside:
            starts.append((src, tgt))
            inside = True
        src += len(text) if op != "insert" else 0
        tgt += len(text) if op != "delete" else 0
    return starts


# A slot: the words of the deleted text, the words of the inserted text that stand in their
# place, and whether kept text pins it before and after.
Slot = tuple[list[re.Match[str]], list[re.Match[str]], bool, bool]


def slots(old: str, new: str, before: bool, after: bool) -> list[Slot]:
    """The slots of a run of changes (``_changed_runs``): its deleted and inserted words
    aligned again, word by word, and each stretch between two words the realignment kept.
    A slot is pinned by the kept text on either side of it: the run's own ``before`` or
    ``after``, or an ``_anchor`` the realignment kept. Either side of a slot may be empty
    (an insertion or a deletion)."""
    wo, wn = list(_WORD.finditer(old)), list(_WORD.finditer(new))
    if not wo or not wn:
        return []
    codes: dict[str, int] = {}
    x = [codes.setdefault(fold(w.group()), len(codes)) for w in wo]
    y = [codes.setdefault(fold(w.group()), len(codes)) for w in wn]
    found: list[Slot] = []
    i = j = 0  # the start of the current slot on each side
    left = before  # whether the kept text before the slot pins it
    for op in [*(op for op in Indel.opcodes(x, y) if op.tag == "equal"), None]:
        i1, j1 = (op.src_start, op.dest_start) if op else (len(wo), len(wn))
        right = _anchor([w.group() for w in wo[i1 : op.src_end]]) if op else after
        found.append((wo[i:i1], wn[j:j1], left, right))
        if op:
            i, j, left = op.src_end, op.dest_end, right
    return found


def _swaps(old: str, new: str, before: bool, after: bool, lead: str = "") -> list[Substitution]:
    found: list[Substitution] = []
    for a, b, left, right in slots(old, new, before, after):
        n, m = len(a), len(b)
        if not ((left or right) and 1 <= n <= MAX_SWAP_WORDS and 1 <= m <= MAX_SWAP_WORDS):
            continue
        # Two for two in a list ("pushing, pulling") split word for word; a phrase
        # for words across a comma ("six moves" for "exercises, which") does not.
        if n == m == 2 and _phrase(old, a) == _phrase(new, b):
            halves = [(a[k : k + 1], b[k : k + 1]) for k in range(2)]
            # Word for word only if no half pairs function words of different kinds:
            # "take over" for "succeed him" is one verb for another, not "take" for
            # "succeed" and "over" for "him".
            if not any(_other_kinds(u, v) for u, v in halves):
                found += filter(None, (_swap(old, u, new, v, lead, half=True) for u, v in halves))
        else:
            swap = _swap(old, a, new, b, lead)
            if swap:
                found.append(swap)
    return found


def _swap(
    old: str,
    a: list[re.Match[str]],
    new: str,
    b: list[re.Match[str]],
    lead: str = "",
    half: bool = False,
) -> Substitution | None:
    """The words ``a`` of ``old`` in place of ``b`` of ``new``, as the texts have them. None
    when the two words of a side are not one phrase (a comma or a dash between them), or
    when the two sides spell the same letters ("in-house" for "in - house") or one word
    inflected ("dubbed" for "dub"): a change of form, not a swap; when both are figures
    ("twelve" for "three", "96 million" for "96m": a changed or restyled fact, which the diff
    shows) or only one side is a bare number ("59" for "Maureen"); and when the realignment paired
    the two sides by position only (``_mispaired``)."""
    x, y = old[a[0].start() : a[-1].end()], new[b[0].start() : b[-1].end()]
    if not (_phrase(old, a) and _phrase(new, b)) or _mispaired(a, b):
        return None
    fa, fb = "".join(_LETTERS.findall(fold(x))), "".join(_LETTERS.findall(fold(y)))
    if fa == fb or (len(a) == len(b) == 1 and _same_word(fa, fb)):
        return None
    if (_figure(a) and _figure(b)) or _bare_number(a) != _bare_number(b):
        return None
    if _agreement(fa, fb):
        # "an" for "a" before a swapped noun, "they" for "it" after a plural put for a
        # singular: grammar following a rewording, no word chosen (counted as swaps, such
        # pairs drew copies under the wrong parent). "for" put for "against", "she" for
        # "he" or "after" for "before" change what is said, and stay swaps.
        return None
    if mixed_script(x) or mixed_script(y):
        return None  # a disguised word ("jаiled"), which the report's banner names
    cases = {_case(lead, old, a), _case(lead, new, b)}
    if cases == {"name", "plain"} or (cases == {"name"} and len(a) == len(b) == 1 and not half):
        # A name for a common word (a slot paired by position), or one for another name
        # ("Castle" for "Lorna": another person, or a correction): no word put for a word
        # of its kind. A term for a term stays, word for word ("Counterfeit Consciousness"
        # for "Artificial Intelligence", a tortured phrase: ``half``, one of its two words).
        return None
    return Substitution(x, y)


# Forms one word takes to agree with another: the article before a vowel, a verb or a
# pronoun with a plural. Either of a pair follows from the words around it.
_AGREES = tuple(
    frozenset(pair.split())
    for pair in (
        "a an",
        "is are",
        "was were",
        "has have",
        "does do",
        "it they",
        "it them",
        "its their",
        "itself themselves",
        "this these",
        "that those",
    )
)


def function_words(s: Substitution) -> bool:
    """A swap of function words on both sides ("in" for "on", "she" for "he")."""
    return _function_words(s.source) and _function_words(s.target)


@lru_cache(maxsize=65536)
def _function_words(side: str) -> bool:
    return all(fold(w) in _GRAMMAR for w in _WORD.findall(side))


def _agreement(a: str, b: str) -> bool:
    return frozenset((a, b)) in _AGREES


def _case(lead: str, text: str, words: list[re.Match[str]]) -> str:
    """The case of ``words`` (in ``text``, after the kept text ``lead``): "name" when one is
    written capitalised inside its sentence, "caps" when one is in capitals ("TV", "MPs", a
    headline's "ROW"), else "plain". "Ghanaian diplomat" for "said" is a name for a plain
    word: a slot the realignment paired by position, not one word put for another (a spinner
    or a subeditor puts a word for a word of its kind; "TV" for "Television" is one)."""
    out = "plain"
    run = _WORD.findall(text)
    if len(run) >= 3 and sum(x[:1].isupper() for x in run) >= 0.75 * len(run):
        return out  # a headline in title case: its capitals name nothing
    for w in words:
        word = w.group()
        if not word[:1].isupper() or _opens_sentence(lead + text, len(lead) + w.start()):
            continue
        if word[1:] != word[1:].lower():
            out = "caps"
        elif word.lower() not in _CALENDAR:
            return "name"
    return out


# Capitalised words that are no names: a paper puts "yesterday" for the wire's "Monday".
_CALENDAR = frozenset(
    (  # noqa: SIM905
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april may june july august september october november december"
    ).split()
)


def _opens_sentence(text: str, i: int) -> bool:
    """Whether ``text[i]`` opens the text, a sentence or a quotation: after a closing quote,
    only if a full stop came before it ('it," Ghanaian' is mid-sentence)."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == 0:
        return True
    c = text[j - 1]
    if c in "\u201c\u2018([":
        return True
    if c in "\"'\u201d\u2019)]":
        before = text[j - 2] if j > 1 else " "
        if c in "\"'" and before.isspace():
            return True  # a straight quote opening the quotation
        return before in ".!?\u2026"
    return c in ".!?\u2026:;"


# Words retrieval ignores because every news story has them, but which a spinner swaps as it
# swaps any content word ("unexampled" for "new", "stated" for "said").
_SWAPPABLE = frozenset({"said", "says", "new", "also", "one", "two"})
_GRAMMAR = STOPWORDS - _SWAPPABLE

# Kinds of function word a spinner or a subeditor puts one for another ("a" for "the",
# "would" for "will", "some" for "about"); a word of one kind for a word of none of the
# kinds it shares is a slot paired by position ("over" for "him", "It" for "but"). Words of
# the stop list only: "nearly" or "among" is a content word here, never paired by kind.
_KINDS = tuple(
    frozenset(k.split())
    for k in (
        "i me you he him she her it we they them his hers its our ours their theirs my your "
        "yours itself himself herself themselves ourselves myself yourself who whom which what "
        "this that these those",
        "the a an this that these those some any each all no his her its our their my your both "
        "few other such own same",
        "is are was were be been being am has have had having do does did doing will would can "
        "could should to",
        "about above after against as at before below between by during for from in into of "
        "off on out over through to under until up with down further",
        "and but or nor so because while if as that when where then once after before until",
        "about some over under more most than just only very too",
    )
)


def _kinds(word: str) -> set[int | str]:
    """The kinds of a function word; a word of none ("not", "here") is a kind of its own."""
    return {k for k, kind in enumerate(_KINDS) if word in kind} or {word}


def _mispaired(a: list[re.Match[str]], b: list[re.Match[str]]) -> bool:
    """The realignment paired these sides by position, not as one word in place of another:
    a function word against a content word (an insertion beside a deletion, "but" for
    "system", "in" for "for poorer"), or function words of no kind in common ("him" for
    "over"). A spinner puts one function word for another of its kind and a content word
    for a content word."""
    return _grammar(a) != _grammar(b) or _other_kinds(a, b)


def _grammar(words: list[re.Match[str]]) -> bool:
    return all(fold(w.group()) in _GRAMMAR for w in words)


def _other_kinds(a: list[re.Match[str]], b: list[re.Match[str]]) -> bool:
    """Function words on both sides, the first word of each of no kind in common (the
    first says what the slot is: "has been" for "was" is an auxiliary for one)."""
    if not (_grammar(a) and _grammar(b)):
        return False
    return not _kinds(fold(a[0].group())) & _kinds(fold(b[0].group()))


_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()  # noqa: SIM905
_FIGURE_WORDS = frozenset(
    [*NUMBER_WORDS, *_ORDINALS, "million", "billion", "trillion", "m", "bn", "k", "cent"]
)


_NUMBER = re.compile(r"\d+")  # a word holds no comma or full stop (_WORD)


def _bare_number(words: list[re.Match[str]]) -> bool:
    """A side that is a number and nothing else ("59", not "34ft" or "12-year feud")."""
    return all(_NUMBER.fullmatch(w.group()) for w in words)


def _figure(words: list[re.Match[str]]) -> bool:
    return all(
        any(c.isdigit() for c in w.group()) or fold(w.group()) in _FIGURE_WORDS for w in words
    )


def _phrase(text: str, words: list[re.Match[str]]) -> bool:
    """Only spacing (or a hyphen a tokenizer spaced out: "long - terminus") between words."""
    return all(
        text[u.end() : v.start()].strip() in ("", "-")
        for u, v in zip(words, words[1:], strict=False)
    )


_ENDINGS = ("s", "es", "d", "ed", "ing", "er", "est", "ly")


def _same_word(a: str, b: str) -> bool:
    """One word inflected two ways, or one the other's inflection: "dubbed" for "dub",
    "replied" for "replying" (both "reply")."""
    return _inflected(a, b) or _inflected(b, a) or bool(_bases(a) & _bases(b))


# The endings of two forms of one verb or noun ("replying", "replied"); a spinner's sibling
# forms are other words ("finely" for "finest", "secondly" for "seconds").
_FORMS = ("s", "es", "d", "ed", "ing")


def _bases(word: str) -> set[str]:
    """The words ``word`` may be a form of (of three letters or more): "replying" and
    "replied" both give "reply", "stopped" gives "stop", "hoped" gives "hope"."""
    out: set[str] = set()
    for end in _FORMS:
        stem = word[: -len(end)]
        if not word.endswith(end) or len(stem) < 2:
            continue
        out.add(stem)
        if end[0] in "ei":
            out.add(stem + "e")  # hoped, using: hope, use
        if stem[-1] == "i":
            out.add(stem[:-1] + "y")  # replied, studies: reply, study
        if stem[-1] == stem[-2]:
            out.add(stem[:-1])  # stopped: stop
    return {b for b in out if len(b) >= 3}


def _inflected(short: str, long: str) -> bool:
    """``long`` is ``short`` with an English inflection: s/es/ed/ing/er/est/ly, with a final
    e dropped, a consonant doubled or y turned to i (dub/dubbed, study/studied)."""
    if len(long) <= len(short):
        return False
    for stem in {short, short[:-1] if short[-1:] in "ey" else short}:
        if not long.startswith(stem):
            continue
        rest = long[len(stem) :]
        if short.endswith("y") and stem != short and rest.startswith("i"):
            rest = rest[1:]
        elif rest[:1] == short[-1:] and rest[1:] in _ENDINGS:
            return True  # doubled consonant
        if rest in _ENDINGS:
            return True
    return False


def tally(subs: list[Substitution]) -> list[Substitution]:
    counts: dict[tuple[str, str], int] = {}
    for s in subs:
        counts[(s.source, s.target)] = counts.get((s.source, s.target), 0) + s.count
    return [
        Substitution(a, b, n)
        for (a, b), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
