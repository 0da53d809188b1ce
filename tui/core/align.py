"""Many-to-many sentence alignment of a target document against a source document.

Seed, extend, filter (after the PAN text-alignment winners): every target sentence is linked
to its best source candidate; adjacent source sentences that the target sentence absorbs are
added (merges), adjacent target sentences sharing a source are grouped (splits); a link whose
evidence is only moderate survives only when a neighbouring passage supports it, because two
stories on one topic share names and numbers sentence by sentence but not runs of sentences.
Order is free: passages may move anywhere.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .candidates import retrieve
from .facts import specifics
from .model import Document
from .quotes import QuoteMap, quoted_spans
from .scoring import SignalTable, joined, pair_signals
from .settings import Settings
from .textnorm import Features, features, nonspace_len
from .thresholds import Thresholds
from .vectors import frequent_stems, idf_weights

# Threads for rapidfuzz on big batches (-1: all cores). Results do not depend on it; the
# variable exists so that can be checked (tests compare the JSON of 1 and all cores).
WORKERS = int(os.environ.get("STORYTRACE_WORKERS", "-1"))

# Evidence levels of a link, strongest first.
STRONG, MEDIUM, WEAK, NONE = 3, 2, 1, 0


def strength(sig: dict[str, float], th: Thresholds) -> int:
    """How sure we are that the target text comes from the source text.

    Shared phrasing (word pairs) or near-identical characters is proof on its own. Shared rare
    content words with some shared phrasing is the mark of paraphrase. Shared content words
    alone is what same-topic reporting looks like, and is never enough.
    """
    char, phrase = sig["char"], sig["phrase"]
    cover_t, cover_s = sig["cover_t"], sig["cover_s"]
    cover = min(cover_t, cover_s)
    if (
        phrase >= th.strong_phrase
        or (char >= th.strong_char and cover >= th.strong_char_cover)
        or (phrase >= th.strong_cover_phrase and cover >= th.strong_cover)
    ):
        return STRONG
    if cover >= th.medium_cover and phrase >= th.medium_phrase:
        return MEDIUM
    if cover_t >= th.weak_cover_t and cover_s >= th.weak_cover_s and phrase >= th.weak_phrase:
        return WEAK
    if phrase >= th.kept_phrase and cover >= th.kept_phrase_cover:
        # A rewrite that changes most words but keeps short phrases ("his head on the kerb"
        # in a tabloid's "Mr Vane cracked his head on the kerb and was dead"): a third of
        # the word pairs make up for the content words it swapped. In effect the weak link's
        # cut on the target's content words (weak_cover_t) drops a little where that much
        # phrasing is shared; a narrow band, found on one paper's sentence and measured on
        # all the benchmarks.
        return WEAK
    if cover_t >= th.fragment_cover_t and phrase >= th.fragment_phrase:
        # A fragment of a longer source sentence (the source was split or cut up).
        return WEAK
    if (
        cover_s >= th.contained_cover_s
        and phrase >= th.contained_phrase
        and cover_t >= th.contained_cover_t
    ):
        # A source sentence inside a longer target one (a copy pasted into the middle of a
        # sentence, or two sentences run together by a lost full stop).
        return WEAK
    return NONE


def pick_score(sig: dict[str, float]) -> float:
    return 0.4 * sig["cover_t"] + 0.2 * sig["cover_s"] + 0.2 * sig["phrase"] + 0.2 * sig["char"]


@dataclass
class Group:
    targets: tuple[int, ...]
    sources: tuple[int, ...]
    signals: dict[str, float]
    strength: int
    # Why a weak group is linked when its own signals would not link it, by the pass that
    # linked it: "facts" (``_fact_links``), "between" (``_fill_gaps``), "in-order"
    # (``_diagonals``), "summary" (``_summary_runs``), "restated" (``_restated``); "reversed"
    # (``pairs.turned_round``: a link found from the other version's side that is loose
    # or too weak from this side).
    basis: str = ""

    @property
    def restated(self) -> bool:
        """Linked only because the whole version restates its source (``_restated``)."""
        return self.basis == "restated"


def _run_signals(
    source: Document,
    target: Document,
    sf: Sequence[Features],
    tf: Sequence[Features],
    idf: np.ndarray,
    keys: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
) -> list[dict[str, float]]:
    """Signals of (target run, source run) pairs, each run joined into one text."""

    def side(doc: Document, feats: Sequence[Features], run: tuple[int, ...]) -> Features:
        return feats[run[0]] if len(run) == 1 else joined([doc.sentence_text(i) for i in run])

    return pair_signals([(side(target, tf, ts), side(source, sf, ss)) for ts, ss in keys], idf)


class Aligner:
    """Holds one pair's features so merges and splits can be scored on demand."""

    def __init__(self, source: Document, target: Document, settings: Settings) -> None:
        self.source = source
        self.target = target
        self.settings = settings
        self.th = settings.thresholds
        self.sf = [features(source.sentence_text(i)) for i in range(len(source.sentences))]
        self.tf = [features(target.sentence_text(i)) for i in range(len(target.sentences))]
        self.idf = idf_weights(self.sf + self.tf)
        # Targets are rows 0..nt-1 of the table, sources the rows after them.
        self.table = SignalTable(self.tf + self.sf, self.idf)
        self._joined: dict[tuple[tuple[int, ...], tuple[int, ...]], dict[str, float]] = {}
        self._spec: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] = {}
        self._quotes: QuoteMap | None = None
        self._source_quotes: QuoteMap | None = None
        self._by_facts: set[int] = set()  # target sentences ``_fact_links`` linked

    def group_signals(self, targets: Sequence[int], sources: Sequence[int]) -> dict[str, float]:
        return self.groups_signals([(tuple(targets), tuple(sources))])[0]

    def groups_signals(
        self, keys: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]
    ) -> list[dict[str, float]]:
        """Signals of joined sentence runs (merges and splits), scored in one batch."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._joined]
        if missing:
            found = _run_signals(self.source, self.target, self.sf, self.tf, self.idf, missing)
            self._joined.update(zip(missing, found, strict=True))
        return [self._joined[k] for k in keys]

    @staticmethod
    def signals_of(
        source: Document, target: Document, keys: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]
    ) -> list[dict[str, float]]:
        """``groups_signals`` for links found elsewhere (an alignment of the pair from the
        other side), without the candidate table an alignment of its own builds."""
        sf = [features(source.sentence_text(i)) for i in range(len(source.sentences))]
        tf = [features(target.sentence_text(i)) for i in range(len(target.sentences))]
        return _run_signals(source, target, sf, tf, idf_weights(sf + tf), keys)

    def _candidates(self) -> list[list[int]]:
        nt, ns = len(self.tf), len(self.sf)
        cands = retrieve(
            self.table,
            range(nt),
            range(nt, nt + ns),
            self.settings.candidates,
            self.th.min_cosine,
        )
        # Short sentences made only of common words are invisible to tf-idf; exact copies of
        # them must still be found.
        exact: dict[str, list[int]] = {}
        for i, f in enumerate(self.sf):
            if f.compact:
                exact.setdefault(f.compact, []).append(i)
        k = self.settings.candidates
        out = []
        for i, f in enumerate(self.tf):
            idx = [s for s, _ in cands[i]]
            same = exact.get(f.compact, [])
            if len(same) > k:
                # A sentence the source repeats many times: the copies nearest the same
                # relative position, or a text of repeats would make every pair a candidate.
                at = bisect.bisect_left(same, i * ns // max(1, nt))
                lo = min(max(0, at - k // 2), len(same) - k)
                same = same[lo : lo + k]
            for s in same:
                if s not in idx:
                    idx.insert(0, s)
            out.append(idx)
        return out

    def align(self, cancelled: Callable[[], bool] | None = None) -> list[Group]:
        cands = self._candidates()
        pairs = [(t, s) for t, row in enumerate(cands) for s in row]
        nt = len(self.tf)
        sigs = self.table.signals(
            [t for t, _ in pairs], [nt + s for _, s in pairs], workers=WORKERS
        )
        by_target: dict[int, list[tuple[int, dict[str, float]]]] = {}
        for (t, s), sig in zip(pairs, sigs, strict=True):
            by_target.setdefault(t, []).append((s, sig))
        if cancelled and cancelled():
            return []

        th = self.th
        rows: dict[int, list[tuple[int, dict[str, float]]]] = {}
        for t, row in sorted(by_target.items()):
            if self.target.sentences[t].kind != "text":
                # A heading that borrows a phrase from the body is written, not copied.
                row = [(s, sig) for s, sig in row if sig["char"] >= th.heading_char]
            row = [(s, sig) for s, sig in row if strength(sig, th) > NONE or _absorbed(sig, th)]
            if row:
                rows[t] = row

        chosen = self._choose(rows)
        # Merges: the best source plus the neighbouring source sentences the target absorbs,
        # kept when together they explain clearly more of the target than the best alone.
        runs = {t: self._absorbed_run(best, dict(rows[t]), th) for t, best in chosen.items()}
        merged = {t: run for t, run in runs.items() if len(run) > 1}
        joined_sigs = dict(
            zip(
                merged, self.groups_signals([((t,), run) for t, run in merged.items()]), strict=True
            )
        )
        links: dict[int, tuple[list[int], dict[str, float], int]] = {}
        for t, best in chosen.items():
            sources, sig = [best], dict(rows[t])[best]
            if t in merged and joined_sigs[t]["cover_t"] >= sig["cover_t"] + th.merge_gain:
                sources, sig = list(merged[t]), joined_sigs[t]
            level = strength(sig, th)
            if level == STRONG and _few_pairs(sig, len(self.tf[t].bigrams), th):
                level = WEAK
            if len(self.tf[t].words) < th.short_words:
                # "1.", "Thank you.", "Dynamic programming." are shared by chance; a short
                # sentence counts only where a neighbouring passage vouches for it.
                level = min(level, WEAK)
            if level > NONE:
                links[t] = (sources, sig, level)

        self._split_seeds(chosen, rows, links)
        self._contained_runs(by_target, links)
        self._fact_links(cands, links)
        groups = self._fill_gaps(self._support(self._group(links)), by_target)
        groups = self._diagonals(groups, by_target)
        groups = self._summary_runs(groups, by_target)
        return self._restated(cands, groups)

    def _diagonals(
        self, groups: list[Group], by_target: dict[int, list[tuple[int, dict[str, float]]]]
    ) -> list[Group]:
        """A translation run back through a machine, or a rewrite garbled past phrasing, keeps
        only loose overlap sentence by sentence, but it keeps the order: ``diagonal_run``
        unlinked target sentences in a row, each loosely matching (``_hint``) the source
        sentence after the last one's with a trace of its phrasing, are a copied stretch,
        as no run of chance matches would step through both texts together. (Without the
        phrasing, two biographies telling one life in order would.)"""
        run_min = int(self.th.diagonal_run)
        aligned = {t for g in groups for t in g.targets}
        hints = {
            t: {
                s: sig
                for s, sig in row
                if _hint(sig, self.th) and sig["phrase"] >= self.th.gap_phrase
            }
            for t, row in by_target.items()
            if t not in aligned and self.target.sentences[t].kind == "text"
        }
        added: list[Group] = []
        taken: set[int] = set()
        for t in sorted(hints):
            for s in sorted(hints[t]) if t not in taken else ():
                run = [(t, s, hints[t][s])]
                while (sig := hints.get(run[-1][0] + 1, {}).get(run[-1][1] + 1)) is not None:
                    run.append((run[-1][0] + 1, run[-1][1] + 1, sig))
                if len(run) >= run_min:
                    added.extend(Group((x,), (y,), sig, WEAK, "in-order") for x, y, sig in run)
                    taken.update(x for x, _, _ in run)
                    break
        return sorted(groups + added, key=lambda g: g.targets)

    def _summary_runs(
        self, groups: list[Group], by_target: dict[int, list[tuple[int, dict[str, float]]]]
    ) -> list[Group]:
        """A summary keeps a sentence here and there, in whatever order its writer liked, and
        rewrites most of them past any single link: each loosely matches (``_hint``) some
        source sentence, anywhere in it, with a trace of its phrasing (``gap_phrase``: a
        garbled four-word fragment matching on characters alone pulled in a source sentence
        far from the passage it sat beside), as a sentence on the same subject might. A run of
        ``summary_run`` target sentences that each either is linked or matches so, around
        a passage at least MEDIUM that is not quotation (two reports of one event share
        what was said), is a summary of that source, and its loose sentences are linked
        weakly. Not when the run's passages follow the source step by step: that is a copy,
        and a loose sentence beside it is the copier's own (``_fill_gaps`` asks where its
        source lies). A single loose sentence at a run's end is not a summary's either; one
        sentence of the writer's own inside the run does not end it (a second does)."""
        th = self.th
        at = {t: g for g in groups for t in g.targets}
        hints: dict[int, tuple[int, dict[str, float]]] = {}
        for t, row in by_target.items():
            if t in at or self.target.sentences[t].kind != "text":
                continue
            if len(self.tf[t].words) < th.short_words:
                continue
            fits = [(s, sig) for s, sig in row if _hint(sig, th) and sig["phrase"] >= th.gap_phrase]
            if fits:
                hints[t] = max(fits, key=lambda r: (pick_score(r[1]), -r[0]))
        added: list[Group] = []
        run: list[int] = []
        n = len(self.tf)
        for t in range(n + 1):
            if t < n and (t in at or t in hints):
                run.append(t)
                continue
            contiguous = bool(run) and run[-1] == t - 1 and run[-1] - run[0] + 1 == len(run)
            if contiguous and (t + 1 in at or t + 1 in hints):
                continue  # one sentence of the writer's own inside the summary
            loose = [x for x in run if x not in at]
            if len(loose) == 1 and loose[0] in (run[0], run[-1]):
                loose = []
            linked = list({id(at[x]): at[x] for x in run if x in at}.values())
            in_step = sum(
                1
                for a, b in zip(linked, linked[1:], strict=False)
                if 0 <= min(b.sources) - max(a.sources) <= 1
            )
            if (
                loose
                and len(run) >= th.summary_run
                and 2 * in_step <= len(linked) - 1
                and any(g.strength >= MEDIUM and not self._quoted(g.targets) for g in linked)
            ):
                added.extend(
                    Group((x,), (hints[x][0],), hints[x][1], WEAK, "summary") for x in loose
                )
            run = []
        return sorted(groups + added, key=lambda g: g.targets) if added else groups

    def _quoted(self, targets: Sequence[int]) -> bool:
        """Whether ``quote_share`` of these target sentences' text is inside quotation marks."""
        if self._quotes is None:
            self._quotes = QuoteMap(self.target)
        weights = self.target.weights()
        whole = sum(weights[t] for t in targets)
        inside = sum(
            self._quotes.quoted((self.target.sentences[t].start, self.target.sentences[t].end))
            for t in targets
        )
        return whole > 0 and inside >= self.th.quote_share * whole

    def _heard(self, t: int, chosen: list[int], covered: frozenset[str]) -> bool:
        """Someone's own words, quoted, whose facts are none of the source's quotations:
        what a reporter heard, which keeps the story's names and places however it was
        written ('"I taught half the children in Brindle Cross to read," he told me' beside
        the source's list of branches to close). A copy's quotation from its source keeps
        some words of the source's quotation, however garbled."""
        # Quoted within the sentence itself: an unclosed mark earlier in a garbled paragraph
        # can leave the paragraph-wide reading quoting sentences that hold no mark at all.
        text = self.target.sentence_text(t)
        inside = sum(nonspace_len(text[a:b]) for a, b in quoted_spans(text, [(0, len(text))]))
        if inside < self.th.quote_share * nonspace_len(text):
            return False
        if self._source_quotes is None:
            self._source_quotes = QuoteMap(self.source)
        said = " ".join(
            self._source_quotes.inside(
                (self.source.sentences[s].start, self.source.sentences[s].end)
            )
            for s in chosen
        )
        return not covered & specifics(said, self.th.fact_zipf)[0]

    def _specifics(self, doc: Document, i: int) -> tuple[frozenset[str], frozenset[str]]:
        key = (doc.id, i)
        if key not in self._spec:
            self._spec[key] = specifics(doc.sentence_text(i), self.th.fact_zipf)
        return self._spec[key]

    def _gather(self, words: frozenset[str], row: list[int]) -> tuple[list[int], frozenset[str]]:
        """Up to three source sentences near each other (among ``row``, the candidates) that
        together hold the most of ``words``, a condensed sentence's sources, and the words
        they hold."""
        window = int(self.th.support_window) * 2
        pool = sorted((s, self._specifics(self.source, s)[0] & words) for s in row)
        chosen: list[int] = []
        covered: frozenset[str] = frozenset()
        for _ in range(3):
            options = [
                (len(shared - covered), -s, s, shared)
                for s, shared in pool
                if s not in chosen and (not chosen or abs(s - chosen[0]) <= window)
            ]
            if not options:
                break
            gain, _, s, shared = max(options)
            if gain == 0:
                break
            chosen.append(s)
            covered |= shared
        return chosen, covered

    def _fact_links(
        self, cands: list[list[int]], links: dict[int, tuple[list[int], dict[str, float], int]]
    ) -> None:
        """A condensed rewrite keeps its source's facts (names, numbers, places, details),
        often gathered from several source sentences into one, and little of its phrasing.
        An unlinked target sentence whose content words mostly come from up to three nearby
        source sentences, specifics among them, is linked weakly: it counts only inside a
        run of passages that follows the source (``_support``), as a journalist reads a
        rewrite. Words the source uses all through (the story's subject, a topic's terms)
        are what any piece on the same subject shares, and count for nothing."""
        th = self.th
        topic = frequent_stems(self.sf, max(2, th.fact_topic * len(self.sf)))
        found: dict[int, tuple[int, ...]] = {}
        for t, row in enumerate(cands):
            if t in links or self.target.sentences[t].kind != "text" or not row:
                continue
            content, special = self._specifics(self.target, t)
            mine = content - topic
            if len(mine) < th.fact_min:
                continue
            chosen, covered = self._gather(mine, row)
            if (
                len(covered) >= th.fact_min
                and len(covered) >= th.fact_share * len(mine)
                and covered & special
                and not self._heard(t, chosen, covered)
            ):
                found[t] = tuple(sorted(chosen))
        keys = [((t,), ss) for t, ss in found.items()]
        for ((t,), ss), sig in zip(keys, self.groups_signals(keys), strict=True):
            links[t] = (list(ss), sig, WEAK)
        self._by_facts = set(found)

    def _restated(self, cands: list[list[int]], groups: list[Group]) -> list[Group]:
        """A tabloid's condensed rewrite keeps the facts and changes nearly every word, so
        its sentences, one by one, are no stronger than any report on the same story. Taken
        together they are: when all of a version's text but ``restate_rest`` is either
        aligned or restates nearby source sentences no passage uses (``restate_share`` of a
        sentence's content words, ``fact_min`` at least, from up to three of them), it
        brings nothing from anywhere else, and its restating sentences are linked weakly. A
        report written on its own carries what its reporter found (quotes from other
        people, details, background), far more than a tenth of its text."""
        th = self.th
        weights = self.target.weights()
        texts = [t for t, s in enumerate(self.target.sentences) if s.kind == "text"]
        if len(texts) < th.restate_min:
            return groups
        aligned = {t for g in groups for t in g.targets}
        used = {s for g in groups for s in g.sources}
        budget = th.restate_rest * sum(weights[t] for t in texts)
        novel = 0
        found: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        for t in texts:
            if t in aligned:
                continue
            content = self._specifics(self.target, t)[0]
            if not content:  # "Check this out." says nothing of its source
                continue
            row = [s for s in cands[t] if s not in used]
            chosen, covered = self._gather(content, row)
            if len(covered) >= max(th.fact_min, th.restate_share * len(content)):
                found.append(((t,), tuple(sorted(chosen))))
                continue
            novel += weights[t]
            if novel > budget:
                return groups
        added = [
            Group(ts, ss, sig, WEAK, "restated")
            for (ts, ss), sig in zip(found, self.groups_signals(found), strict=True)
        ]
        return sorted(groups + added, key=lambda g: g.targets)

    def _contained_runs(
        self,
        by_target: dict[int, list[tuple[int, dict[str, float]]]],
        links: dict[int, tuple[list[int], dict[str, float], int]],
    ) -> None:
        """A long target sentence may hold several source sentences run together (a list
        written out as one sentence, a translation that lost its full stops): each source
        sentence is then mostly inside it but covers little of it, so no one of them links.
        Consecutive source sentences each mostly inside a target sentence are joined and
        scored together; a run of several that matches as a whole is as much
        evidence as a run of passages, and stands on its own."""
        th = self.th
        nt, ns = len(self.tf), len(self.sf)
        inside: dict[int, set[int]] = {}
        for t, row in by_target.items():
            if self.target.sentences[t].kind != "text":
                continue
            hits = {s for s, sig in row if sig["cover_s"] >= th.run_cover_s}
            if len(hits) >= 2:
                inside[t] = hits
        if not inside:
            return
        # Neighbours of the candidates may be inside too without having been retrieved
        # (short list items): score them on demand, one batch.
        extra = sorted(
            {
                (t, n)
                for t, hits in inside.items()
                for s in hits
                for n in (s - 1, s + 1)
                if 0 <= n < ns and n not in hits
            }
        )
        sigs = self.table.signals([t for t, _ in extra], [nt + n for _, n in extra])
        for (t, n), sig in zip(extra, sigs, strict=True):
            if sig["cover_s"] >= th.run_cover_s:
                inside[t].add(n)
        trials: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        for t, hits in sorted(inside.items()):
            ordered = sorted(hits)
            run = [ordered[0]]
            for s in ordered[1:] + [-2]:
                if s == run[-1] + 1:
                    run.append(s)
                    continue
                if len(run) >= 2:
                    trials.append(((t,), tuple(run)))
                run = [s]
        best: dict[int, tuple[float, tuple[int, ...], dict[str, float], int]] = {}
        for ((t,), run), sig in zip(trials, self.groups_signals(trials), strict=True):
            level = strength(sig, th)
            if level < MEDIUM:
                continue
            if len(run) >= th.run_sources and len(self.tf[t].words) >= th.alone_words:
                level = STRONG
            key = (pick_score(sig), run, sig, level)
            if t not in best or key[:1] > best[t][:1]:
                best[t] = key
        for t, (_, run, sig, level) in best.items():
            # A linked sentence takes a run only when the run is long (a list run together
            # into one sentence) and explains clearly more of it: two sentences joined
            # differ from one by less than the merges of ``align`` already weigh.
            if t in links and (
                len(run) < th.run_sources
                or sig["cover_t"] < links[t][1]["cover_t"] + th.merge_gain
                or level < links[t][2]
            ):
                continue
            links[t] = (list(run), sig, level)

    def _split_seeds(
        self,
        chosen: dict[int, int],
        rows: dict[int, list[tuple[int, dict[str, float]]]],
        links: dict[int, tuple[list[int], dict[str, float], int]],
    ) -> None:
        """Two neighbouring target pieces that are each too small to prove anything can
        together be one source sentence cut in two (a split, or punctuation scattered by a
        spinner); link both when the joined pieces match it well."""
        trials: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        for t in sorted(chosen):
            u = t + 1
            if u not in chosen:
                continue
            if min(links.get(t, ([], {}, NONE))[2], links.get(u, ([], {}, NONE))[2]) >= MEDIUM:
                continue
            options = {chosen[t], chosen[u]} & {s for s, _ in rows[t]} & {s for s, _ in rows[u]}
            trials.extend(((t, u), (s,)) for s in sorted(options))
        for (t, u), ss in (
            key
            for key, sig in zip(trials, self.groups_signals(trials), strict=True)
            if strength(sig, self.th) >= MEDIUM
        ):
            sig = self.group_signals((t, u), ss)
            for v in (t, u):
                if links.get(v, ([], {}, NONE))[2] < MEDIUM:
                    links[v] = (list(ss), sig, MEDIUM)

    def _choose(self, rows: dict[int, list[tuple[int, dict[str, float]]]]) -> dict[int, int]:
        """Best source per target sentence. Where several are about as good (a sentence the
        source repeats), take the one that continues the unambiguous neighbours' order, else
        the one at the same relative place in the text."""
        nt, ns = len(self.tf), len(self.sf)
        near: dict[int, list[int]] = {}
        for t, row in rows.items():
            top = max(pick_score(sig) for _, sig in row)
            ranked = sorted(row, key=lambda r: (-pick_score(r[1]), abs(r[0] * nt - t * ns), r[0]))
            near[t] = [s for s, sig in ranked if pick_score(sig) >= top - self.th.tie_margin]
        anchors = {t: c[0] for t, c in near.items() if len(c) == 1}
        chosen: dict[int, int] = {}
        for t, options in sorted(near.items()):
            expected = [anchors[u] + (t - u) for u in range(t - 3, t + 4) if u in anchors]
            if len(options) > 1 and expected:
                chosen[t] = min(options, key=lambda s: (min(abs(s - e) for e in expected), s))
            else:
                chosen[t] = options[0]
        return chosen

    @staticmethod
    def _absorbed_run(
        best: int, row: dict[int, dict[str, float]], th: Thresholds
    ) -> tuple[int, ...]:
        """The best source and up to three neighbours on each side mostly contained in the
        target sentence."""
        lo = hi = best
        while lo - 1 in row and _absorbed(row[lo - 1], th) and best - lo < 3:
            lo -= 1
        while hi + 1 in row and _absorbed(row[hi + 1], th) and hi - best < 3:
            hi += 1
        return tuple(range(lo, hi + 1))

    def _group(self, links: dict[int, tuple[list[int], dict[str, float], int]]) -> list[Group]:
        """Consecutive target sentences drawing on the same source sentence form one passage
        (a split); the passage's signals are measured on the joined texts."""
        runs: list[tuple[list[int], set[int]]] = []
        for t in sorted(links):
            sources = set(links[t][0])
            if runs and t == runs[-1][0][-1] + 1 and runs[-1][1] & sources:
                runs[-1][0].append(t)
                runs[-1][1].update(sources)
            else:
                runs.append(([t], sources))
        keys = [(tuple(ts), tuple(sorted(ss))) for ts, ss in runs]
        multi = [k for k in keys if len(k[0]) > 1]
        sigs = dict(zip(multi, self.groups_signals(multi), strict=True))
        groups = []
        for ts, ss in keys:
            if len(ts) == 1:
                _, sig, level = links[ts[0]]
            else:
                sig = sigs[(ts, ss)]
                level = max(strength(sig, self.th), max(links[t][2] for t in ts))
            facts = level == WEAK and all(t in self._by_facts for t in ts)
            groups.append(Group(ts, ss, sig, level, "facts" if facts else ""))
        return groups

    def _support(self, groups: list[Group]) -> list[Group]:
        """Keep weak groups only where a stronger neighbour vouches for them, and a group with
        no neighbour at all only when it is strong and long enough not to be chance."""
        window = int(self.th.support_window)
        at: dict[int, Group] = {t: g for g in groups for t in g.targets}

        def neighbours(g: Group, min_level: int) -> bool:
            for t in range(g.targets[0] - window, g.targets[-1] + window + 1):
                h = at.get(t)
                if h is None or h is g or h.strength < min_level:
                    continue
                if min(abs(a - b) for a in g.sources for b in h.sources) <= 2 * window:
                    return True
            return False

        # A condensed copy walks through its source in steps as long as it is shorter.
        stride = 2 * window * max(1.0, len(self.sf) / max(1, len(self.tf)))

        def in_order(g: Group) -> bool:
            """Two other passages nearby that keep the source's order around this one."""
            n = 0
            for t in range(g.targets[0] - window, g.targets[-1] + window + 1):
                h = at.get(t)
                if h is None or h is g or h.targets[0] != t:
                    continue
                before = h.targets[0] < g.targets[0]
                if (min(h.sources) <= min(g.sources)) == before and (
                    min(abs(a - b) for a in g.sources for b in h.sources) <= stride
                ):
                    n += 1
            return n >= 2

        order = sorted(groups, key=lambda h: h.targets[0])
        place = {id(h): k for k, h in enumerate(order)}

        def summary_chain(g: Group) -> bool:
            """A summary keeps a sentence here and there, in order: one-sentence passages in
            (nearly) consecutive target sentences whose sources move forward, each skipping
            part of the source, however far. A chain of ``summary_chain`` of them, one more
            than weak, are a summary's sentences. A run copied sentence by sentence skips
            nothing, and a several-sentence passage is a copy, not a summary's sentence."""
            if len(g.targets) > 1:
                return False
            members = [g]
            for step in (-1, 1):
                cur, k = g, place[id(g)] + step
                while 0 <= k < len(order):
                    h = order[k]
                    before, after = (h, cur) if step < 0 else (cur, h)
                    if after.targets[0] - before.targets[-1] > 2:  # one loose sentence between
                        break
                    if len(h.targets) == 1 and min(after.sources) - max(before.sources) > 1:
                        members.append(h)
                        cur = h
                    k += step
            return len(members) >= self.th.summary_chain and any(
                h.strength >= MEDIUM for h in members
            )

        # All of one text, word for word, as all of the other: identical text is a copy at
        # any length, however short ("Yes." and "Yes.").
        same = [g for g in groups if g.signals.get("char", 0.0) >= self.th.verbatim_char]
        texts_t = {t for t, s in enumerate(self.target.sentences) if s.kind == "text"}
        texts_s = {i for i, s in enumerate(self.source.sentences) if s.kind == "text"}
        identical = (
            bool(same)
            and {t for g in same for t in g.targets} >= texts_t
            and {i for g in same for i in g.sources} >= texts_s
        )

        same_ids = {id(g) for g in same} if identical else set()

        def whole(g: Group) -> bool:
            return id(g) in same_ids

        kept = []
        for g in groups:
            if whole(g) or (g.strength >= MEDIUM and neighbours(g, WEAK)):
                kept.append(g)
            elif g.strength >= MEDIUM:
                words = sum(len(self.tf[t].words) for t in g.targets)
                if (
                    g.strength == STRONG
                    and words >= self.th.alone_words
                    and g.signals.get("cover_t", 0.0) >= self.th.alone_cover
                ):
                    # Alone, shared phrasing must come with the content: "The United States
                    # has always been" opens sentences on any subject.
                    kept.append(g)
                elif len(g.sources) >= 2 and words >= 2 * self.th.alone_words:
                    # Consecutive source sentences matched together by one long target
                    # sentence: a run, in order, inside one sentence.
                    kept.append(g)
            elif neighbours(g, MEDIUM) or in_order(g) or summary_chain(g):
                kept.append(g)
        return kept

    def _fill_gaps(
        self, groups: list[Group], by_target: dict[int, list[tuple[int, dict[str, float]]]]
    ) -> list[Group]:
        """A rewrite that follows its source keeps loose sentences (summaries, translations)
        between and next to passages it copied more closely; accept them when their source
        lies where those passages' sources say it should."""
        groups = list(groups)
        for _ in range(4):
            at = {t: g for g in groups for t in g.targets}
            linked = sorted(at)
            added: list[Group] = []
            for t, row in sorted(by_target.items()):
                if t in at or self.target.sentences[t].kind != "text":
                    continue
                k = bisect.bisect_left(linked, t)
                before = at[linked[k - 1]] if k > 0 and t - linked[k - 1] <= 2 else None
                after = at[linked[k]] if k < len(linked) and linked[k] - t <= 2 else None
                if before is None and after is None:
                    continue
                if (before is None or after is None) and not (
                    (before and t - before.targets[-1] == 1)
                    or (after and after.targets[0] - t == 1)
                ):
                    continue
                ends = [*(before.sources if before else ()), *(after.sources if after else ())]
                lo, hi = min(ends) - 3, max(ends) + 3
                fits = [(s, sig) for s, sig in row if lo <= s <= hi and _hint(sig, self.th)]
                if fits:
                    s, sig = max(fits, key=lambda r: (pick_score(r[1]), -r[0]))
                    added.append(Group((t,), (s,), sig, WEAK, "between"))
            if not added:
                break
            groups = sorted(groups + added, key=lambda g: g.targets)
        return groups


def _few_pairs(sig: dict[str, float], pairs: int, th: Thresholds) -> bool:
    """Strong on the share of word pairs alone, and that share is one or two pairs: a
    short sentence sharing "butter or margarine" or "develop cervical cancer" with a long
    one shares a topic's phrase, not a copy. It needs a neighbour, like any weak link."""
    cover = min(sig["cover_t"], sig["cover_s"])
    return (
        round(sig["phrase"] * pairs) < th.strong_pairs
        and not (sig["char"] >= th.strong_char and cover >= th.strong_char_cover)
        and not (sig["phrase"] >= th.strong_cover_phrase and cover >= th.strong_cover)
    )


def _hint(sig: dict[str, float], th: Thresholds) -> bool:
    """Loose summary-level overlap, or a sentence whose words were swapped one by one in
    place (so its content words are gone but its shape is not): only believable next to
    passages whose sources say where it comes from."""
    return (
        sig["cover_t"] >= th.gap_cover_t
        and sig["cover_s"] >= th.gap_cover_s
        and (sig["phrase"] >= th.gap_phrase or sig["char"] >= th.gap_char)
    ) or (sig["char"] >= th.gap_shape_char and sig["word"] >= th.gap_shape_word)


def _absorbed(sig: dict[str, float], th: Thresholds) -> bool:
    """A source sentence mostly contained in a (longer) target sentence."""
    return (
        sig["cover_s"] >= th.absorbed_cover_s
        and sig["phrase"] >= th.absorbed_phrase
        and sig["cover_t"] >= th.absorbed_cover_t
    )
