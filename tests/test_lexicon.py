"""The known-swap lists: the general-English thesaurus swaps beside the tortured phrases,
looked up through inflections, and never pointing against the rarer-word rule."""

from __future__ import annotations

from pathlib import Path

from tui.core.engine import compare_paths
from tui.core.lexicon import is_known, lemmas, odd_side, shipped_lexicon
from tui.core.thresholds import Thresholds

from .conftest import SEEDS


def test_news_spinner_swaps_are_known() -> None:
    """Swaps the seeds' spinner made in a news story, none of them in the academic list."""
    known = shipped_lexicon()
    for spun, plain in [
        ("docket", "agenda"),
        ("litigate", "sue"),
        ("herculean", "powerful"),
        ("substructure", "infrastructure"),
        ("troupe", "company"),
        ("usance", "usage"),
        ("futurity", "future"),
    ]:
        assert is_known(known, spun, plain), (spun, plain)
        assert not is_known(known, plain, spun), (plain, spun)


def test_inflected_words_find_their_lemmas_pairs() -> None:
    known = shipped_lexicon()
    assert is_known(known, "mannikin", "models")  # regular plural
    assert is_known(known, "Exploiter", "users")  # case folded
    assert is_known(known, "commenced", "began")  # both sides inflected, "began" irregular
    assert {"begin"} <= lemmas("began") and {"plan"} <= lemmas("planned")


def test_plain_synonyms_are_not_spinner_marks() -> None:
    """Words a reporter swaps for each other as often as a spinner does are not listed, nor
    swaps for function words, which the rarer-word rule ignores too."""
    known = shipped_lexicon()
    for a, b in [
        ("price", "cost"),
        ("large", "big"),
        ("engineering", "technology"),
        ("totally", "all"),
        ("unexampled", "new"),
    ]:
        assert not is_known(known, a, b) and not is_known(known, b, a), (a, b)


def test_thesaurus_swaps_agree_with_the_rarer_word_rule() -> None:
    """Every listed single-word swap has its spun word the rarer by the engine's gap, so a
    known swap never points the other way from the rule the tree also reads."""
    gap = Thresholds().odd_gap
    pairs = [(s, p) for (s, p), n in shipped_lexicon().items() if n == 1 and s.isalpha()]
    assert len(pairs) > 10_000
    for spun, plain in pairs[::97]:
        assert odd_side(spun, plain, gap) == "source", (spun, plain)


def test_word_rarity_is_wordfreqs_own_for_every_kind_of_word() -> None:
    """``zipf`` reads wordfreq's table itself and tokenizes plain words itself: it must give
    exactly wordfreq's answer, for listed words from every frequency band, every
    whitespace-separated token of the seeds as written and lower-cased (punctuation, names,
    possessives, numbers), and words wordfreq's tokenizer splits its own way."""
    import random

    from wordfreq import get_frequency_list, zipf_frequency

    from tui.core.lexicon import zipf

    from .conftest import seed_paths

    rng = random.Random(5)
    words = [w for bucket in get_frequency_list("en", "best") if bucket for w in bucket[:3]]
    words = rng.sample(words, 1500)
    for path in seed_paths():
        text = Path(path).read_text(encoding="utf-8")
        words += sorted({w for token in text.split() for w in (token, token.lower())})
    words += ["well-known", "mother-in-law", "co-op", "y'all", "ma'am", "o'hara", "d'etat"]
    words += ["naïve", "Café", "1984", "9/11", "x-", "-", "a--b", "", "qqqzzxv", "herculean"]
    words += ["covid-19", "b-52", "2,000", "3.5", "100th", "a1", "12345678901234567890"]
    assert [zipf(w) for w in words] == [zipf_frequency(w, "en") for w in words]


def test_a_swap_in_one_place_is_one_swap_however_many_versions_show_it(
    tmp_path: Path,
) -> None:
    """helper-52: a tabloid's one rewording was listed x5, once per related version holding
    the wire's word. Here the wire, a copy that keeps its wording, and a copy of the wire
    that puts "web" for "network": one swap, in one place, found on the tree's edge."""
    text = (SEEDS / "000_dcce54c3826141f5.txt").read_text(encoding="utf-8")
    assert text.count("social network") == 1
    files = {
        "wire": text,
        "kept": text + "\n\nThis article first appeared on the wire.",
        "spun": text.replace("social network", "social web"),
    }
    for name, body in files.items():
        (tmp_path / f"{name}.txt").write_text(body, encoding="utf-8")
    report = compare_paths([str(tmp_path / f"{n}.txt") for n in files], reference="wire")
    entry = next(e for e in report.provenance.lexicon if (e.source, e.target) == ("network", "web"))
    assert entry.count == 1
    (site,) = entry.where
    assert site.target == "spun"
    edges = {(e.parent, e.child) for e in report.provenance.tree.edges}
    assert (site.source, site.target) in edges
