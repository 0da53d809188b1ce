"""The candidate filter: hashed n-grams, containment from the story's side, the frequency
cap, page furniture, MinHash LSH, and batches giving what single articles give."""

from __future__ import annotations

import dataclasses

import numpy as np

from tests.scan_corpus import articles, pasted_article, seed
from tui.core.model import Document
from tui.scan import shingles
from tui.scan.candidates import batch_candidates, find_candidates
from tui.scan.index import build_index
from tui.scan.model import ScanSettings


def doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", sha256="", encoding="utf-8", text=text, size=0)


def test_word_hashes_ignore_case_and_unicode_punctuation() -> None:
    curly = shingles.word_hashes("\u201cDon\u2019t\u201d \u2014 Caf\u00e9 d\u00e9j\u00e0\u2026")
    plain = shingles.word_hashes('"don\'t" - café déjà...')
    assert curly.tolist() == plain.tolist() and len(plain) == 4
    assert len(set(shingles.word_hashes("cafe café caf é").tolist())) == 4


def test_pasted_paragraphs_found_by_containment_not_drowned_by_the_page() -> None:
    story = doc("s001", seed("001"))
    host = seed("003") * 6  # a long page
    index = build_index([story], ScanSettings())
    paragraph = seed("001").split("\n")[1]  # 476 characters of a 6.5 KB story
    found = find_candidates(index, host[: len(host) // 2] + "\n" + paragraph + "\n" + host)
    assert [c.story for c in found] == [0]
    assert found[0].shared >= ScanSettings().min_shared and not found[0].lsh
    assert find_candidates(index, host) == []


def test_frequency_cap_drops_ngrams_many_stories_share() -> None:
    motto = "The harbour authority reviewed its procedures for seized goods this spring."
    stories = [doc(f"s{k}", f"{motto}\n{seed(p)}") for k, p in enumerate(("001", "003", "004"))]
    capped = build_index(stories, ScanSettings(max_story_df=2, min_shared=4))
    kept = build_index(stories, ScanSettings(max_story_df=3, min_shared=4))
    assert capped.dropped_common > 0 and kept.dropped_common == 0
    article = f"{seed('000')[:300]}\n{motto}"
    assert len(find_candidates(kept, motto)) == 3
    assert find_candidates(capped, motto) == []
    assert {c.story for c in find_candidates(capped, article)} <= {0}


def test_story_furniture_and_common_word_ngrams_are_not_indexed() -> None:
    furniture = "Sign up for our newsletter to get the latest stories in your inbox"
    story = doc("s", f"{seed('004')}\n{furniture}")
    index = build_index([story], ScanSettings(min_shared=3))
    assert find_candidates(index, f"{seed('003')}\n{furniture}\n") == []
    assert find_candidates(index, "one of the things that it is and that was the way it is") == []


def test_lsh_finds_a_lightly_edited_whole_copy_and_checks_the_estimate() -> None:
    text = seed("004")
    words = text.split(" ")
    edited = " ".join(w.upper() if k % 9 == 0 else w for k, w in enumerate(words))
    index = build_index([doc("s", text)], ScanSettings())
    found = find_candidates(index, edited)
    assert found and found[0].lsh
    assert not any(c.lsh for c in find_candidates(index, seed("003")))
    off = build_index([doc("s", text)], ScanSettings(minhash_perm=0))
    assert not any(c.lsh for c in find_candidates(off, edited))


def test_batches_give_what_single_articles_give() -> None:
    stories = [doc("wire", articles()[0][1]), doc("s001", seed("001")), doc("s004", seed("004"))]
    index = build_index(stories, ScanSettings(min_shared=4))
    texts = [text for _, text in articles()] + [pasted_article(), "", "!!!", "word"]
    single = [find_candidates(index, t) for t in texts]
    assert batch_candidates(index, texts) == single
    assert any(single)


def test_index_is_the_same_in_every_process_order() -> None:
    stories = [doc("a", seed("001")), doc("b", seed("004"))]
    one = build_index(stories, ScanSettings())
    two = build_index([dataclasses.replace(d) for d in stories], ScanSettings())
    assert np.array_equal(one.keys, two.keys) and np.array_equal(one.band_keys, two.band_keys)


def test_minhash_skipped_only_for_articles_sharing_almost_nothing() -> None:
    text = seed("004")
    words = text.split(" ")
    edited = " ".join(w.upper() if k % 9 == 0 else w for k, w in enumerate(words))
    stories = [doc("s", text), doc("s001", seed("001"))]
    texts = [edited, seed("003"), pasted_article(), text[:200], ""]
    gated = batch_candidates(build_index(stories, ScanSettings()), texts)
    everywhere = batch_candidates(build_index(stories, ScanSettings(lsh_gate=0)), texts)
    assert gated == everywhere and gated[0][0].lsh
    # A gate no article reaches turns the MinHash route off.
    shut = batch_candidates(build_index(stories, ScanSettings(lsh_gate=10**6)), texts)
    assert not any(c.lsh for found in shut for c in found)


def test_key_bitmap_holds_every_key_and_turns_away_most_other_ngrams() -> None:
    index = build_index([doc("s001", seed("001")), doc("s004", seed("004"))], ScanSettings())
    assert len(index.keys) > 100 and index.may_hold(index.keys).all()
    others = shingles.ngrams(shingles.word_hashes(seed("003") + seed("000")), 3)
    others = others[~np.isin(others, index.keys)]
    assert len(others) > 100 and index.may_hold(others).mean() < 0.1
