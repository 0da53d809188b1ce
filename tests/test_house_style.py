"""Papers rewrite the wire in their own house style: "£412million" for "£412 million",
"6.8 per cent" for "6.8%". Amounts written either way are the same words when sentences are
compared, and a wire sentence split in two by a paper is not a condensed one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.direction import direction
from tui.core.engine import compare_paths
from tui.core.settings import Settings
from tui.core.textnorm import features

NEWS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "news"


@pytest.mark.parametrize(
    ("paper", "wire"),
    [
        ("squandered £412million on a visa computer", "wasted £412 million on a computer"),
        ("£412M COMPUTER SAYS NO", "HOME OFFICE 'WASTED £412 MILLION'"),
        ("profit of £38m to £42m", "profit of 38 million to 42 million pounds"),
        ("a $4.5bn deal", "a $4.5 billion deal"),
        ("sales slid 6.8 per cent", "sales fell 6.8%"),
        ("down 11 percent", "down 11%"),
    ],
)
def test_an_amount_is_the_same_words_in_any_house_style(paper: str, wire: str) -> None:
    amount = [w for w in features(paper).words if w[0].isdigit()]
    unit = {"million", "billion", "percent"} & set(features(paper).words)
    assert amount and unit
    for w in amount + sorted(unit):
        assert w in features(wire).words, (w, features(wire).words)


def test_a_bare_letter_after_a_number_is_a_magnitude_only_after_a_currency_sign() -> None:
    assert features("the 100m sprint").words == ["the", "100m", "sprint"]
    assert features("a 5k run").words == ["a", "5k", "run"]
    assert features("a £5k bonus").words == ["a", "5", "thousand", "bonus"]


def test_a_tabloid_rewrite_in_its_own_house_style_is_found() -> None:
    """The Sun's four paragraphs on the Meridian report (f04) rewrite the PA wire's facts in
    tabloid style, amounts included; it read as independent with nothing derived."""
    family = NEWS / "f04-politics-meridian"
    wire = str(family / "wire.txt")
    report = compare_paths([wire, str(family / "sun.txt")], reference=wire)
    c, sun = report.comparisons[0], report.document("sun")
    assert c.verdict == "wholly-derived"
    taken = " ".join(sun.cut(s) for p in c.passages if p.derived for s in p.target_spans)
    assert "£412million" in taken and "£96million" in taken


def test_a_wire_sentence_split_in_two_is_not_a_condensed_passage() -> None:
    """The City Page splits the wire's forecast sentence (212 stores, £38m to £42m, April 30,
    £69.5m consensus) into two; each half alone keeps fewer of its numbers."""
    family = NEWS / "f09-reuters-retail"
    wire, page = str(family / "wire.txt"), str(family / "thecitypage.html")
    report = compare_paths([wire, page], reference=wire)
    c = report.comparisons[0]
    source, target = report.document(c.source), report.document(c.target)
    split = [p for p in c.passages if p.derived and "£69.5m" in target.cut(p.target_spans[0])]
    assert split and any(
        set(p.source_sentences) & set(split[0].source_sentences)
        for p in c.passages
        if p is not split[0] and p.derived
    )
    d = direction(source, target, c, {}, Settings().thresholds)
    condensed = [x for cue in d.cues if cue.kind == "condensed" for x in cue.examples]
    assert not any("38" in x or "42" in x for x in condensed), condensed


def test_an_agency_tag_before_the_headline_is_no_fact_a_copy_dropped(tmp_path: Path) -> None:
    """helper-52: a business site that ran the wire's update under the wire's headline less
    its "UPDATE 1-" tag was said to keep fewer of the names and numbers ('1', 'update'
    dropped): the tag says which take of the story it is."""
    wire = NEWS / "f13-britwire-council-budget" / "2026-11-26_wexbury-budget_britwire.txt"
    text = wire.read_text(encoding="utf-8")
    assert text.startswith("UPDATE 1-Wexbury council votes")
    copy = tmp_path / "site.txt"
    copy.write_text(text.replace("UPDATE 1-", "", 1), encoding="utf-8")
    from tui.core.direction import _AGENCY_TAG

    for tagged in ("REFILE-UPDATE 1-Wexbury", "CORRECTED-UPDATE 3-Wexbury", "UPDATE 2 - Wexbury"):
        assert _AGENCY_TAG.sub("", tagged) == "Wexbury"  # helper-54: tags combined
    report = compare_paths([str(wire), str(copy)], reference=str(wire))
    c = report.comparisons[0]
    source, target = report.document(c.source), report.document(c.target)
    heading = [p for p in c.passages if p.derived and 0 in p.source_sentences]
    assert heading and heading[0].label != "verbatim"  # the headline is compared
    d = direction(source, target, c, {}, Settings().thresholds)
    condensed = [x for cue in d.cues if cue.kind == "condensed" for x in cue.examples]
    assert not any("update" in x for x in condensed), condensed
