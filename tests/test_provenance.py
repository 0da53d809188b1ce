"""Provenance across versions: on the seeds (gold) and on synthetic families built from real
text whose true tree is known."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.contract import report_to_dict
from tui.core.engine import compare_paths
from tui.core.lexicon import judged
from tui.core.model import Report
from tui.core.summary import relation
from tui.report import render

from .conftest import GOLD_REFERENCE, SEEDS, seed_paths
from .test_tree_tie import RU_ORIGINAL, RU_RETOLD

LOST = "~lost-original-1"


@pytest.fixture(scope="module")
def auto_report() -> Report:
    """The seeds with no --reference: provenance picks it."""
    return compare_paths(seed_paths())


def _edges(report: Report) -> set[tuple[str, str]]:
    assert report.provenance is not None
    return {(e.parent, e.child) for e in report.provenance.tree.edges}


def test_seed_tree_matches_gold(auto_report: Report, gold: dict) -> None:
    """000 and 002 derive from the article behind 001 (a lost original of which 001 is a
    spun copy); 003 and 004 are independent pieces on the same topic."""
    tree = auto_report.provenance.tree
    derived = {
        n.removesuffix(".txt")
        for n, g in gold["documents"].items()
        if g["verdict"] != "independent"
    }
    independent = {
        n.removesuffix(".txt")
        for n, g in gold["documents"].items()
        if g["verdict"] == "independent"
    }
    assert set(tree.independent) == independent
    assert _edges(auto_report) == {(LOST, d) for d in derived | {GOLD_REFERENCE}}
    for e in tree.edges:
        assert e.evidence and e.shared_passages > 0


def test_auto_reference_is_the_most_original(auto_report: Report, gold: dict) -> None:
    assert auto_report.reference == gold["reference"].removesuffix(".txt")
    assert "lost original" in auto_report.reference_reason


def test_families_follow_content_across_versions(auto_report: Report) -> None:
    fams = auto_report.provenance.families
    # Every sentence of every version is in exactly one family.
    seen = [(v.doc, s) for f in fams for v in f.variants for s in v.sentences]
    assert len(seen) == len(set(seen)) == sum(len(d.sentences) for d in auto_report.documents)
    shared = [f for f in fams if len({v.doc for v in f.variants}) >= 3]
    assert len(shared) >= 5
    for f in shared:
        assert f.origin in {v.doc for v in f.variants}
        assert {v.doc for v in f.variants} <= {
            "000_dcce54c3826141f5",
            GOLD_REFERENCE,
            "002_a9b962200192712f",
        }
    # The Colossus sentence is in 000, 001 and 002; its three forms differ.
    colossus = next(
        f
        for f in shared
        if any("Colossus" in auto_report.document(v.doc).cut(v.spans[0]) for v in f.variants)
    )
    assert not colossus.agree


def test_promotion_appended_to_002_is_an_insert(auto_report: Report) -> None:
    doc = auto_report.document("002_a9b962200192712f")
    promo = [i for i in auto_report.provenance.inserts if i.doc == doc.id and i.kind == "promotion"]
    assert len(promo) == 1
    text = " ".join(doc.cut(s) for s in promo[0].spans)
    assert "NEURA KING" in text and text.startswith("Critical reflections")
    assert "Microsoft and xAI could transform" not in text  # added commentary, not the pitch


def test_an_advert_inside_the_story_is_promotion_and_the_story_is_not(tmp_path: Path) -> None:
    """helper-52's spun copy: its reworded (unaligned) opening paragraphs, a trading-app
    advert, then more of its own story. The inserts listed the headline and every story
    paragraph up to the advert, and the paragraph after it, as promotion; then (helper-54)
    the story between the advert and the small print lower down."""
    paras = [p for p in (SEEDS / "000_dcce54c3826141f5.txt").read_text("utf-8").split("\n") if p]
    advert = (
        "Want to trade shares without paying commission? Download the TradeNest app today "
        "and get a free share worth up to 100 pounds."
    )
    own = [
        "Shares in the group closed sharply lower on Friday after a profit warning.",
        "The regional operator blamed a shortage of drivers and higher fuel bills.",
        "Analysts said the third downgrade in eighteen months had hurt its credibility.",
    ]
    small_print = "Claim your free share now with TradeNest. T&Cs apply."
    version = ["Group shares slump on warning", *own[:2], advert, own[2], small_print]
    version += paras[2:]
    (tmp_path / "a.txt").write_text("\n\n".join(paras), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(version), encoding="utf-8")
    report = compare_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], reference="a")
    doc = report.document("b")
    kinds = {
        doc.cut(span): i.kind for i in report.provenance.inserts if i.doc == "b" for span in i.spans
    }
    assert kinds[advert] == kinds[small_print] == "promotion"
    for text in ("Group shares slump on warning", *own):
        assert kinds[text] == "added", text


@pytest.mark.parametrize(
    ("text", "promotion"),
    [
        ("Sign up for our newsletter to get the day's news first.", True),
        (
            "Our editors\u2019 pick of the best go-bags and emergency kits is 20% off today only.",
            True,
        ),
        # A service the story tells readers of is no pitch for the site.
        (
            "Residents can sign up for Yavapai County emergency alerts by texting the county.",
            False,
        ),
        ("Shares closed 20% off their peak after the warning.", False),
        ("Sign up\nfor the Morning Briefing newsletter.", True),
        ("Want more? Sign up!", True),
        ("The museum is open to the public today only.", False),
        # A shop's offer inside a copy of a council story (helper-49's Wexbury Life).
        ("Show your library card for 10% off your bill - just mention Wexbury Life!", True),
        ("The bookshop is running an offer: buy two paperbacks and get a third free.", True),
        ("The profit warning wiped 10% off its value on Monday.", False),
        ("Residents can get free parking if they buy a permit.", False),
        ("Ministers did not just mention the figure in passing.", False),
        ("Claim your free share now with TradeNest. T&Cs apply.", True),
        ("StockBuzz Today may earn a commission from partner links on this page.", True),
        ("Brokers earn commission on every trade they place.", False),
        ("Advisers who may earn a commission on a product must say so, the FCA said.", False),
        ("The site had not labelled affiliate links, the regulator found.", False),
        ("We may earn a commission if you buy through links on this page.", True),
    ],
)
def test_a_pitch_is_promotion_and_a_public_notice_is_not(text: str, promotion: bool) -> None:
    """f07's NewsNow Daily plugs its own shop ('20% off today only'), which read as plain
    added text; the Red Rock Gazette tells readers how to get the county's alerts, which
    read as promotion for 'sign up'."""
    from tui.core.audit import promotional

    assert promotional(text) is promotion


def test_boilerplate_inserts_are_listed(auto_report: Report) -> None:
    kinds = {
        (i.doc, doc_text)
        for i in auto_report.provenance.inserts
        if i.kind == "boilerplate"
        for doc_text in [auto_report.document(i.doc).cut(i.spans[0])]
    }
    assert ("003_bdfd22743b811459", "Post a Comment") in kinds
    assert ("004_7f577332accbfae7", "Related articles") in kinds


def test_omission_audit_puts_attribution_first(auto_report: Report) -> None:
    om = [o for o in auto_report.provenance.omissions if o.doc == "000_dcce54c3826141f5"]
    assert om and om[0].kind in ("quote", "attribution")
    credit = [o for o in om if o.kind == "credit"]
    assert any("Getty" in o.detail for o in credit)
    assert not [o for o in om if "Newsletter" in o.detail]  # the reference's furniture


def test_a_headline_in_scare_quotes_is_no_dropped_quotation(tmp_path: Path) -> None:
    """helper-52: the wire's headline ('unions attack "boardroom failure"') headed every
    version's quotes-first omission list, though every paper writes its own headline."""
    hedge = (
        Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "news" / "f02-courts-hedge"
    )
    wire = (hedge / "wire.txt").read_text(encoding="utf-8")
    old = "PENSIONER JAILED FOR KILLING NEIGHBOUR IN HEDGE ROW"
    assert old in wire
    new = 'PENSIONER JAILED FOR "CALLOUS REVENGE ATTACK" IN HEDGE ROW'
    (tmp_path / "wire.txt").write_text(wire.replace(old, new), encoding="utf-8")
    (tmp_path / "mirror.txt").write_bytes((hedge / "mirror.txt").read_bytes())
    report = compare_paths([str(tmp_path / "wire.txt"), str(tmp_path / "mirror.txt")], "wire")
    dropped = {o.detail: o.kind for o in report.provenance.omissions if o.doc == "mirror"}
    headline = [kind for detail, kind in dropped.items() if "CALLOUS REVENGE" in detail]
    assert headline == ["text"]
    assert "quote" in dropped.values()  # the story's own quotations still come first
    # helper-54: a quotation on a line of its own further down reads as a heading (no full
    # stop), and is still a quotation the copy dropped.
    line = '"He was the kindest man in the whole village," says a neighbour'
    story = wire.replace(old, new).replace("\nFootage from", f"\n{line}\nFootage from", 1)
    (tmp_path / "wire.txt").write_text(story, encoding="utf-8")
    report = compare_paths([str(tmp_path / "wire.txt"), str(tmp_path / "mirror.txt")], "wire")
    kinds = {o.kind for o in report.provenance.omissions if "kindest man" in o.detail}
    assert kinds == {"quote"}


def test_lexicon_counts_swaps_across_versions(auto_report: Report) -> None:
    lex = {(e.source, e.target): e for e in auto_report.provenance.lexicon}
    e = lex[("substructure", "infrastructure")]
    assert e.count >= 2 and e.odd_side == "source"
    assert len(e.versions) >= 2


def test_every_swap_names_the_passages_it_is_in_and_which_side_had_which_word(
    family_report: Report,
) -> None:
    """Each listed swap says where it is: the pair of versions (the one with the "from"
    wording first) and the passage's sentences. Swaps between two copies, neither the
    reference, are in no comparison of the report's own: they must still be found."""
    report = family_report
    between_copies = 0
    for entry in report.provenance.lexicon:
        assert entry.where and sum(w.count for w in entry.where) == entry.count
        assert set(entry.versions) == {v for w in entry.where for v in (w.source, w.target)}
        for site in entry.where:
            comparison = report.related_comparison(site.source, site.target)
            assert comparison is not None, site
            passage = next(
                p
                for p in comparison.passages
                if (p.source_sentences, p.target_sentences)
                == (site.source_sentences, site.target_sentences)
            )
            assert (entry.source, entry.target) in {
                (s.source, s.target) for s in passage.substitutions
            }
            source, target = report.document(site.source), report.document(site.target)
            said = " ".join(
                source.text[source.sentences[k].start : source.sentences[k].end]
                for k in site.source_sentences
            )
            put = " ".join(
                target.text[target.sentences[k].start : target.sentences[k].end]
                for k in site.target_sentences
            )
            assert entry.source.casefold() in said.casefold(), (entry, site)
            assert entry.target.casefold() in put.casefold(), (entry, site)
            between_copies += report.reference not in (site.source, site.target)
    assert between_copies > 0
    # A pair the tree joins is aligned from the tree's parent: its swaps read parent -> copy,
    # and opened side by side it is called the source, never the copy.
    edges = {(e.parent, e.child) for e in report.provenance.tree.edges}
    sites = {(w.source, w.target) for e in report.provenance.lexicon for w in e.where}
    assert not {(b, a) for a, b in sites} & edges
    assert sites & edges
    listed = report_to_dict(report)["substitution_lexicon"]
    assert [len(e["where"]) for e in listed] == [len(e.where) for e in report.provenance.lexicon]


def test_word_rarity_matches_wordfreq_on_the_seeds_words() -> None:
    """The direct table look-up gives wordfreq's own answer, word for word, for every word of
    the seeds (plain, capitalised, accented, hyphenated, numbers) and for unseen words."""
    from wordfreq import zipf_frequency

    from tui.core.lexicon import zipf

    words = {w for p in seed_paths() for w in re.findall(r"\S+", Path(p).read_text("utf-8"))}
    words |= {w.lower().strip(".,;:!?\"'()") for w in words} | {"zqxjkv", "naïve", "don't"}
    words.discard("")
    assert len(words) > 1000
    assert {w: zipf(w) for w in words} == {w: zipf_frequency(w, "en") for w in words}


# Synthetic families from real text, with a known tree ---------------------------------------

SPIN = {
    "artificial intelligence": "man-made consciousness",
    "company": "fellowship",
    "companies": "fellowships",
    "infrastructure": "substructure",
    "power": "powerfulness",
    "powerful": "herculean",
    "largest": "prominent",
    "help": "avail",
    "build": "ramp up",
    "world": "reality",
}
PROMO = (
    "Sign up today for NEURA KING, our platform for AI news. It is essential to create an "
    "account now and get started with a free trial."
)


def _spin(text: str) -> str:
    for plain, odd in SPIN.items():
        text = re.sub(rf"\b{plain}\b", odd, text)
    return text


def _family(tmp: Path, with_original: bool) -> list[str]:
    """O (a real article) -> A (spun) -> B (A with a paragraph dropped and promotion
    appended); O -> C (every other sentence: a summary)."""
    original = (SEEDS / "000_dcce54c3826141f5.txt").read_text(encoding="utf-8")
    paras = [p for p in original.split("\n") if p.strip()]
    spun = [_spin(p) for p in paras]
    copy = spun[:3] + spun[4:] + [PROMO]
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(p for p in paras if len(p) > 80))
    summary = " ".join(sentences[::2])
    files = {"o": "\n".join(paras), "a": "\n".join(spun), "b": "\n".join(copy), "c": summary}
    paths = []
    for name, text in files.items():
        if name == "o" and not with_original:
            continue
        (tmp / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        paths.append(str(tmp / f"{name}.txt"))
    return paths


def test_synthetic_tree_with_the_original(tmp_path: Path) -> None:
    report = compare_paths(_family(tmp_path, with_original=True))
    assert _edges(report) == {("o", "a"), ("a", "b"), ("o", "c")}
    assert report.reference == "o"
    assert any(e.known for e in report.provenance.lexicon)  # a tortured-phrases swap
    promo = [i for i in report.provenance.inserts if i.kind == "promotion"]
    assert [i.doc for i in promo] == ["b"]


def test_synthetic_tree_without_the_original(tmp_path: Path) -> None:
    report = compare_paths(_family(tmp_path, with_original=False))
    assert _edges(report) == {(LOST, "a"), ("a", "b"), (LOST, "c")}


def test_german_everyday_words_are_never_unusual_nor_the_rarer_side(tmp_path: Path) -> None:
    """A German family (f13's Lindenauer Anzeiger and an edited copy of it): the tree called
    "abstimmen, angenommen" shared unusual words and "erklärte" for "sagte" the rarer side of
    a swap, by English word frequencies, where both are everyday German."""
    folder = (
        Path(__file__).resolve().parents[1] / "benchmarks/data/news/f13-britwire-council-budget"
    )
    text = (folder / "2026-11-27_wexbury-budget_lindenaueranzeiger.txt").read_text("utf-8")
    assert text.count("sagte") >= 3
    (tmp_path / "anzeiger.txt").write_text(text, encoding="utf-8")
    (tmp_path / "kopie.txt").write_text(text.replace("sagte", "erkl\u00e4rte"), encoding="utf-8")
    report = compare_paths(
        [str(tmp_path / "anzeiger.txt"), str(tmp_path / "kopie.txt")], "anzeiger"
    )
    assert report.document("kopie").language == "de"
    assert all(not e.shared_phrases for e in report.provenance.tree.edges)
    swaps = {(e.source, e.target): e for e in report.provenance.lexicon}
    assert swaps[("sagte", "erkl\u00e4rte")].odd_side == ""
    assert "rarer word" not in render(report, "text")


def test_words_the_english_list_cannot_judge_are_never_called_unusual(tmp_path: Path) -> None:
    """In Russian every word is absent from the English frequency list, so the tree called
    "больнице" and "бордюр" shared unusual words; it now names none it cannot judge."""
    original, copy = RU_ORIGINAL, RU_RETOLD  # four words swapped for synonyms
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(copy, encoding="utf-8")
    report = compare_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], reference="a")
    edges = report.provenance.tree.edges
    assert edges and all(e.shared_phrases == [] for e in edges)
    assert judged("leylandii") and judged("café") and not judged("больнице")


def test_a_copy_named_the_reference_keeps_one_alignment_per_pair() -> None:
    """With a copy named the reference, the tree's edge into it runs against the
    reference's own comparison. The edge keeps its own alignment (its swaps say which way
    the words went), and no swap is listed twice, once each way round; no other pair is
    aligned both ways."""
    news = Path(__file__).resolve().parents[1] / "benchmarks/data/news/f01-courts-fraud"
    times = "12.03.26_courts114_times"
    report = compare_paths(sorted(str(p) for p in news.glob("*.txt")), reference=times)
    [edge] = [(e.parent, e.child) for e in report.provenance.tree.edges if e.child == times]
    keys = [(c.source, c.target) for c in [*report.comparisons, *report.related]]
    assert len(set(keys)) == len(keys)
    assert [k for k in keys if (k[1], k[0]) in keys] in ([edge, edge[::-1]], [edge[::-1], edge])
    listed = {(e.source, e.target) for e in report.provenance.lexicon}
    assert not [k for k in listed if (k[1], k[0]) in listed]


def test_the_tree_does_not_change_with_the_reference() -> None:
    """Which version was made from which is read from the versions, not from the one the
    reader puts on the left: naming any of them the reference (the explorer's ``r``) draws
    the same tree as naming none. On this family every choice once drew another tree: the
    pairs with the reference were aligned from it, and the pairs the screening passed over
    were added to the tree from the reference's comparisons."""
    news = Path(__file__).resolve().parents[1] / "benchmarks/data/news/f02-courts-hedge"
    paths = sorted(str(p) for p in news.glob("*.txt"))

    def drawn(reference: str | None) -> set[tuple[str, str, str]]:
        tree = compare_paths(paths, reference=reference).provenance.tree
        return {(e.parent, e.child, e.basis) for e in tree.edges} | {
            ("independent", v, "") for v in tree.independent
        }

    unnamed = drawn(None)
    assert ("wire", "mail", "evidence") in unnamed
    for reference in ("express", "guardian", "mail", "star", "times", "wire"):
        assert drawn(reference) == unnamed, reference


def test_a_family_never_calls_derived_what_the_side_by_side_calls_added() -> None:
    """The Nidd Valley Gazette rewrote the Mirror's story, not the wire's: its sentences join
    the wire's families through the Mirror's, but its comparison with the wire links some of
    them to nothing. Against the wire as the original form, such a variant is added text,
    as the side by side shows it, not a paraphrase of the wire."""
    news = Path(__file__).resolve().parents[1] / "benchmarks/data/news/f01-courts-fraud"
    report = compare_paths(sorted(str(p) for p in news.glob("*.txt")), reference="wire")
    linked = {
        c.target: {t for p in c.passages if p.derived for t in p.target_sentences}
        for c in report.comparisons
    }
    added = 0
    for family in report.provenance.families:
        if family.origin != "wire":
            continue
        for v in family.variants:
            if v.doc == "wire":
                continue
            in_comparison = not linked[v.doc].isdisjoint(v.sentences)
            assert in_comparison == (v.label != "added"), (family.id, v.doc, v.label)
            added += v.label == "added"
    assert added >= 1


def test_a_rival_agencys_report_shares_no_end_marker_as_copying() -> None:
    """helper-55: a rival agency's report of the same sentencing (its own framing, the same
    judge's and chief executive's words) read partially derived from PA's: its region was a
    run of three, one of them its own "ENDS" matched verbatim with PA's "ends". An end
    marker every agency's copy carries is no member of a copied run."""
    folder = Path(__file__).parent / "data" / "hospice"
    pa, rival = str(folder / "pa-take1.txt"), str(folder / "centralnews.txt")
    report = compare_paths([pa, rival], reference=pa)
    c = report.comparisons[0]
    ends = [
        p
        for p in c.passages
        if p.derived and report.document("centralnews").cut(p.target_spans[0]).strip() == "ENDS"
    ]
    assert ends and ends[0].label == "verbatim"  # still shown as the match it is
    assert c.verdict == "independent"
    assert "with passages keeping only facts counted at half" in relation(report, c)


def test_a_slug_line_after_the_agencys_name_is_furniture_and_a_date() -> None:
    """helper-55: a rival agency's slug, 'CENTRAL NEWS 17:25 14/03/26 COURTS Hospice fraud
    sentence', was its title and its own text, and gave no filing time."""
    folder = Path(__file__).parent / "data" / "hospice"
    report = compare_paths([str(folder / "pa-take1.txt"), str(folder / "centralnews.txt")])
    rival = report.document("centralnews")
    assert rival.date == "2026-03-14T17:25"
    assert rival.title.startswith("'CONTEMPTIBLE BETRAYAL'")
