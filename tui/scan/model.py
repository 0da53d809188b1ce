"""Plain result objects of a corpus scan, passed one way: read -> filter -> verify -> report.

Every object here pickles small, because a Dask cluster ships them between processes: an
article travels as its text and where it came from, a hit as figures and spans, never as an
engine ``Report`` (those stay on the worker that made them).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..core.settings import Settings

# Bad records kept per shard; the rest are counted (a broken file can have millions).
MAX_BAD_PER_SHARD = 100
# An article larger than this is a bad record (--max-article-bytes).
MAX_ARTICLE_BYTES = 5_000_000


class ScanError(Exception):
    """The scan cannot run at all (no story could be read, no cluster to run on)."""


@dataclass(frozen=True)
class ScanSettings:
    """Every option that changes which hits a scan reports, written into its evidence."""

    # Word n-grams for the containment filter: 3 survives a spinner swapping one word in four
    # (0.75^3 = 42% of a copy's trigrams stay) and is still rare enough between unrelated texts.
    ngram: int = 3
    # Distinct story n-grams an article must share to be verified. A hit needs about twenty
    # words of the story copied or lightly edited (see verify.py), so sharing fewer than a
    # dozen trigrams rarely makes one: on the 100k benchmark, 8 sent 2.3% of background
    # articles to the engine for nothing, 12 a fifth of that, and no planted copy had fewer.
    min_shared: int = 12
    # Story n-grams found in more stories than this are dropped (passim's document-frequency
    # cap): phrases that every story of an archive uses identify none of them.
    max_story_df: int = 50
    # MinHash over word bigrams, banded LSH for whole copies that edits broke into short runs.
    minhash_perm: int = 128
    # Only bigrams whose hash is 0 modulo this are hashed into signatures (Broder's sampling).
    minhash_sample: int = 4
    lsh_bands: int = 32
    lsh_threshold: float = 0.4
    # MinHash is computed only for articles sharing at least this many n-grams with some
    # story. Bigrams agreeing at ``lsh_threshold`` leave a whole copy dozens of intact
    # trigrams (more than half its bigrams are kept, so many are adjacent; the fewest on the
    # 10,000-article benchmark: 128), while nine in ten of that benchmark's articles share
    # fewer than 6 with each of 570 stories: MinHash, a third of the filter's cost, is
    # skipped for them.
    lsh_gate: int = 6
    # Stories verified per article, best first: a digest page may quote many stories.
    max_stories_per_article: int = 20
    # A hit (see verify.py): wholly derived; or partially derived holding at least this share
    # of the story; or, whatever the verdict, holding this many of the story's characters
    # (not spaces) copied or lightly edited, about twenty words. Both routes also need this
    # many of the article's sentences: two reports of one event share a quote or a fact.
    min_story_reused: float = 0.1
    min_copied_sentences: int = 2
    min_copied_chars: int = 120
    # Articles (records, files) larger than this are skipped as bad records.
    max_article_bytes: int = MAX_ARTICLE_BYTES
    engine: Settings = field(default_factory=Settings)

    def as_dict(self) -> dict[str, object]:
        out = asdict(self)
        out["engine"] = self.engine.as_dict()
        return out


@dataclass(frozen=True)
class Shard:
    """A unit of work: one JSONL or WARC file, or a run of files from one folder.

    ``key`` names it in the evidence and in the resume state; ``ordinal`` orders results.
    """

    ordinal: int
    kind: str  # "files", "jsonl" or "warc"
    path: str
    files: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        if self.kind == "files":
            return f"{self.path}#{self.files[0]}..{self.files[-1]}"
        return self.path


@dataclass(frozen=True)
class ArticleRef:
    """Where an article lives: enough to read it again (for the side-by-side) and to cite it."""

    shard: int
    ordinal: int  # position within the shard
    file: str
    record: str = ""  # record id: the JSONL id field, WARC-Record-ID, or empty for a file
    location: str = ""  # "line 12", "offset 40960", or empty for a file


@dataclass
class Article:
    ref: ArticleRef
    text: str
    title: str = ""
    url: str = ""
    date: str = ""
    source_format: str = "text"


@dataclass(frozen=True)
class BadRecord:
    file: str
    location: str
    reason: str

    def where(self) -> str:
        """The file, and the place in it when the record is one of several."""
        return f"{self.file} {self.location}" if self.location else self.file


def records_skipped(n: int) -> str:
    return f"{n:,} {'record' if n == 1 else 'records'} skipped"


@dataclass(frozen=True)
class Candidate:
    story: int  # index into the story index
    shared: int  # distinct story n-grams found in the article
    containment: float  # shared / the story's indexed n-grams
    lsh: bool  # found by MinHash LSH as a near-whole copy


@dataclass
class HitRegion:
    source_span: tuple[int, int]
    target_span: tuple[int, int]
    label: str


@dataclass
class Hit:
    story: str  # story id
    story_path: str
    article: ArticleRef
    title: str
    url: str
    date: str
    verdict: str
    source_reused: float
    target_derived: float
    counts: dict[str, int]
    regions: list[HitRegion]
    candidate: Candidate
    # The article's date is earlier than the story's: it cannot have copied the story, which
    # took from it or shares a source with it (a wire story the paper itself rewrote).
    before_story: bool = False

    def sort_key(self) -> tuple[float, str, int, int]:
        """Most of the story taken first; then story, then corpus order: a total order, so
        the list is the same however the shards were scheduled."""
        return (-self.source_reused, self.story, self.article.shard, self.article.ordinal)


@dataclass
class FileEvidence:
    """One corpus file as read: its size and SHA-256 (a folder shard gets one digest over
    its files' names and digests), and what came out of it."""

    path: str
    kind: str
    bytes: int
    sha256: str
    articles: int = 0
    skipped: int = 0


@dataclass
class ShardResult:
    shard: Shard
    files: list[FileEvidence]
    hits: list[Hit]
    bad: list[BadRecord]
    articles: int = 0
    skipped: int = 0
    candidates: int = 0
    verified: int = 0
    # Bad records beyond the ones kept (a broken file can have millions).
    bad_omitted: int = 0


@dataclass
class StoryEvidence:
    id: str
    path: str
    bytes: int
    sha256: str
    title: str
    ngrams: int  # n-grams indexed after the frequency cap and furniture
    date: str = ""  # its own publication date (page metadata or an agency's slug line)


@dataclass
class ScanResult:
    settings: ScanSettings
    stories: list[StoryEvidence]
    inputs: list[str]
    shards: list[ShardResult]
    complete: bool
    # JSON Lines field names (text, id, url, date, title): they decide what is read.
    fields: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    tool_version: str = ""
    schema: str = "storytrace-scan/3"

    def settings_dict(self) -> dict[str, object]:
        return {**self.settings.as_dict(), "jsonl_fields": dict(self.fields)}

    @property
    def hits(self) -> list[Hit]:
        return sorted((h for s in self.shards for h in s.hits), key=Hit.sort_key)

    def counts(self) -> dict[str, int]:
        hits = [h for s in self.shards for h in s.hits]
        return {
            "shards": len(self.shards),
            "articles_read": sum(s.articles for s in self.shards),
            "articles_skipped": sum(s.skipped for s in self.shards),
            "candidates": sum(s.candidates for s in self.shards),
            "verified": sum(s.verified for s in self.shards),
            "hits": len(hits),
            "articles_matched": len({(h.article.shard, h.article.ordinal) for h in hits}),
            "stories_matched": len({h.story for h in hits}),
        }
