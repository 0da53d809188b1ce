"""Families of news-like versions generated from real text, with a known tree and verdicts.

Made from PAN13 source documents (``data/pan13-train``; never copied into the repository):
each family takes one document as the agency's story and makes of it what newsrooms make of
wire copy (``notes/news-reuse.md``):

* ``wire``      the original: the document's first sentences as one-sentence paragraphs,
                a quotation from a named speaker, "today" in the lede, and agency furniture
                (a slug line with the filing time, a byline, an end mark) in half the
                families;
* ``tabloid``   wholly derived: every third sentence, cut to its first clause, words swapped
                for plainer or odder ones, moved a day later ("today" -> "yesterday",
                "is" -> "was"), under its own headline;
* ``broadsheet`` partially derived: half the wire's sentences lightly reworded, in order,
                between paragraphs of its own reporting (another document) and a reaction
                quote;
* ``website``   wholly derived from the broadsheet, not the wire: the broadsheet condensed,
                its own reporting included (a chain);
* ``rival``     independent: a document on a related topic (the partner of a PAN
                no-plagiarism pair) that shares only the speaker's quotation, under its own
                framing, and a sentence naming the wire's people and figures.

Everything is drawn from a seeded ``random.Random``, so a family is the same on every run.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from benchmarks.speed import SWAPS

SPEAKERS = [
    ("Margaret Holloway", "the agency's director"),
    ("Daniel Okafor", "a spokesman for the ministry"),
    ("Priya Raman", "the council leader"),
    ("Tomasz Wierzbicki", "the chief inspector"),
    ("Helen Achterberg", "a senior researcher"),
    ("Luis Carvalho", "the union's general secretary"),
]
REACTION = [
    '"We were never told any of this," said a resident who asked not to be named.',
    '"It is a scandal, plain and simple," said one local campaigner.',
    '"Nobody here is surprised," a shop owner said.',
]
AGENCIES = ["National News Agency", "Wire Press Service", "United Press Desk"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_TIME = [
    (r"\btoday\b", "yesterday"),
    (r"\bis\b", "was"),
    (r"\bare\b", "were"),
    (r"\bwill\b", "would"),
    (r"\bhas\b", "had"),
]


def _sentences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    out = []
    for para in text.split("\n"):
        para = " ".join(para.split())
        if len(para) < 80:
            continue
        out.extend(s for s in _SENTENCE.split(para) if 40 <= len(s) <= 320)
    return out


def _swap(text: str, rng: random.Random, share: float) -> str:
    def one(m: re.Match[str]) -> str:
        w = m.group(0)
        return SWAPS.get(w, w) if rng.random() < share else w

    return re.sub(r"[a-z]+", one, text)


def _later(text: str) -> str:
    for pattern, repl in _TIME:
        text = re.sub(pattern, repl, text)
    return text


def _first_clause(sentence: str) -> str:
    head = sentence.split(", ")[0].rstrip(".!?")
    return head + "." if len(head.split()) >= 6 else sentence


def _headline(words: list[str], rng: random.Random) -> str:
    picked = [w for w in words if len(w) > 4][:4] or words[:4]
    return " ".join(w.upper() for w in picked)


def make_family(
    original: Path, rival: Path, extra: Path, seed: int, furniture: bool
) -> dict[str, str] | None:
    """name -> text for one family, or None when the documents are too short."""
    rng = random.Random(seed)
    body = _sentences(original)[:15]
    own = _sentences(extra)[:12]
    theirs = _sentences(rival)[:12]
    if len(body) < 12 or len(own) < 6 or len(theirs) < 6:
        return None
    name, role = SPEAKERS[seed % len(SPEAKERS)]
    said = body[4].rstrip(".")
    quote = f'"{said}," said {name}, {role}.'
    lede = body[0].rstrip(".!?") + ", officials said today."
    wire = [lede, *body[1:4], quote, *body[5:]]
    head: list[str] = []
    tail: list[str] = []
    day = 10 + seed % 18
    if furniture:
        head = [
            "-" * 60,
            f"{13 + seed % 6}:{10 + seed % 49:02d} {day:02d}/05/26: Page {1 + seed % 4} NEWS",
            "-" * 60,
            f"By {SPEAKERS[(seed + 1) % len(SPEAKERS)][0]}, {AGENCIES[seed % len(AGENCIES)]}",
        ]
        tail = ["ENDS"]
    tabloid_body = [_later(_swap(_first_clause(s), rng, 0.5)) for s in wire[::3]]
    tabloid = [_headline(tabloid_body[0].split(), rng), *tabloid_body]
    kept = [_later(_swap(s, rng, 0.2)) for k, s in enumerate(wire) if k % 2 == 0 or s == quote]
    broadsheet: list[str] = []
    for k, s in enumerate(kept):
        broadsheet.append(s)
        if k % 2 == 1 and own:
            broadsheet.append(own.pop(0))
    broadsheet += own[:3] + [REACTION[seed % len(REACTION)]]
    website = [_swap(_first_clause(s), rng, 0.3) for s in broadsheet[::2]]
    facts = list(
        dict.fromkeys(re.findall(r"(?<=[a-z,] )(?:[A-Z][a-z]{2,}|\d[\d,]*\d)", " ".join(body)))
    )
    rival_facts = (
        f"{name} was among those present; {', '.join(facts[:3]) or 'others'} also came up."
    )
    rival_body = [
        theirs[0],
        theirs[1],
        f'{name} told reporters: "{said}."',
        *theirs[2:5],
        rival_facts,
        *theirs[5:9],
    ]
    return {
        "wire.txt": "\n".join([*head, *wire, *tail]) + "\n",
        "tabloid.txt": "\n\n".join(tabloid) + "\n",
        "broadsheet.txt": "\n\n".join(broadsheet) + "\n",
        "website.txt": "\n\n".join(website) + "\n",
        "rival.txt": "\n\n".join(rival_body) + "\n",
    }


GOLD = {
    "tabloid.txt": {"verdict": "wholly-derived", "source": "wire.txt", "kind": "condensed"},
    "broadsheet.txt": {"verdict": "partially-derived", "source": "wire.txt", "kind": "rewritten"},
    "website.txt": {"verdict": "wholly-derived", "source": "broadsheet.txt", "kind": "chain"},
    "rival.txt": {"verdict": "independent", "source": None, "kind": "independent"},
}


def generate(data: Path, out: Path, count: int) -> list[Path]:
    """Write up to ``count`` families under ``out`` (each a folder with gold.json)."""
    pairs = (data / "pan13-train" / "01-no-plagiarism" / "pairs").read_text().split("\n")
    src = sorted((data / "pan13-train" / "src").glob("*.txt"))
    made: list[Path] = []
    rng = random.Random(2026)
    for k, line in enumerate(p for p in pairs if p.strip()):
        if len(made) >= count:
            break
        susp, source = line.split()
        original = data / "pan13-train" / "src" / source
        rival = data / "pan13-train" / "susp" / susp
        extra = src[rng.randrange(len(src))]
        family = make_family(original, rival, extra, seed=k, furniture=k % 2 == 0)
        if family is None:
            continue
        folder = out / f"g{len(made):03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in family.items():
            (folder / name).write_text(text, encoding="utf-8")
        gold = {"original": "wire.txt", "versions": GOLD, "dates": {}}
        (folder / "gold.json").write_text(json.dumps(gold, indent=1), encoding="utf-8")
        made.append(folder)
    return made
