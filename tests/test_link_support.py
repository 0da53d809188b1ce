"""When a link between two sentences counts without a strong neighbour: a summary keeps a
sentence here and there of its source, in order, reworded, so each of its sentences alone
is weak evidence, but four in a row that walk forward through the source are a summary; and
a lone sentence counts only when it keeps the content, not just the opening words."""

from __future__ import annotations

from pathlib import Path

from tui.core.engine import compare_paths
from tui.core.model import Comparison

STORY = """HARBOUR TOWN VOTES TO CLOSE ITS LAST FISH MARKET

Councillors in Kettleby voted last night to close the harbour fish market that has traded on \
the quay since 1862, ending more than a century and a half of auctions at dawn.

The decision was carried by nine votes to four after a meeting that ran for almost three hours.

Members heard from eleven speakers, most of them opposed to the plan.

A motion to hear the item in private was withdrawn after protests from the gallery.

Police officers waited outside the town hall but were not called in.

The chairman twice asked the public to stay quiet while members spoke.

Several councillors said they had received abusive emails in the week before the vote.

The meeting began with a minute's silence for a former mayor who died in January.

Council leader Margaret Osgood told the chamber that the market had lost money in each of the \
last six years and that repairs to its roof, refrigeration and sea wall would cost 2.4 million \
pounds.

Her deputy read out a letter from the county's fishing association supporting a smaller market \
elsewhere.

Questions about the cost of demolition were referred to a later committee.

A councillor from the north ward said the matter should have been decided a year ago.

Two members declared an interest because relatives trade on the quay.

The clerk confirmed that the vote was recorded by name.

Members broke for ten minutes shortly before nine o'clock.

Fishmonger Alan Bressey, whose family has sold crab and lobster on the quay for four \
generations, said the vote was a betrayal of the town and its history.

"My great-grandfather stood on these stones," he said.

"They have decided to sell our history to the highest bidder."

His sister, who runs the stall with him, wept as the result was read out.

Other traders gathered on the steps of the town hall after the meeting.

A local choir sang sea shanties on the quay on Sunday in protest.

The market has appeared in two television dramas and a cookery programme.

Its cast-iron columns were made in a foundry in Bristol.

Officers have recommended that the site be offered to developers for flats and a hotel, a sale \
the council says could raise up to 6 million pounds.

The council faces a budget gap of 3 million pounds next year.

Opposition councillor Ruth Penhale said the figures had not been checked by an independent \
surveyor.

She proposed a six-month delay to allow a community group to draw up a rescue plan, but the \
amendment was defeated.

The harbour master said fishing boats would still be able to land their catch at the quay.

The remaining eleven traders will be offered stalls in a covered market on the edge of the town \
centre from April.

A petition against the closure has gathered more than 8,000 signatures.
"""

SUMMARY = [
    "In other news from the coast, Kettleby has decided to shut the fish market that has stood "
    "on its quay since 1862.",
    "The council leader argued it had made a loss for six years running and that mending its "
    "roof, chillers and sea wall would cost 2.4 million pounds.",
    "Bressey, a fourth-generation crab and lobster seller, called the decision a betrayal of the "
    "town.",
    "Council officers want to sell the site to developers for flats and a hotel, which could "
    "bring in 6 million pounds.",
]

SHOW = [
    "The county garden show opened on Saturday with more than two hundred exhibitors and a new "
    "pavilion for young growers.",
    "Organisers said the cold spring had delayed many of the roses, but the vegetable tents were "
    "as full as ever.",
    "Judges awarded the main prize to a display of alpine plants from a nursery near the coast.",
    "The nursery's owner said she had spent eighteen months preparing the display.",
    "A second prize went to a school that had turned its playground into a wildflower meadow.",
    "Visitors queued for the beekeeping tent, where a glass hive showed a colony at work.",
    "A brass band played on the lawn through the afternoon.",
    "The car parks were full by eleven o'clock, and extra buses ran from the railway station.",
    "Several stalls sold out of seedlings before lunch.",
    "A talk on growing vegetables in small spaces drew a standing crowd.",
    "The show's president thanked the volunteers who had put up the marquees in the rain.",
    "Back at the show, the children's pumpkin competition drew a record number of entries.",
    "The winning pumpkin weighed more than forty kilograms.",
    "A cookery demonstration used vegetables grown on the showground.",
    "Dog agility trials were held in the main ring for the first time.",
    "The flower arranging classes were judged on Sunday morning.",
    "A tombola raised money for the local hospice.",
    "Stewards said the crowds were the largest since the show began.",
    "Lost property included three umbrellas and a watering can.",
    "The show continues until Monday evening, and tickets are available at the gate.",
]


def _compare(tmp_path: Path, paragraphs: list[str]) -> tuple[Comparison, list[str]]:
    src, page = tmp_path / "story.txt", tmp_path / "page.txt"
    src.write_text(STORY, encoding="utf-8")
    page.write_text("GARDEN SHOW OPENS ITS GATES\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    report = compare_paths([str(src), str(page)], reference=str(src))
    target = next(d for d in report.documents if d.id == "page")
    return report.comparisons[0], [target.sentence_text(i) for i in range(len(target.sentences))]


def _linked(c: Comparison, sentences: list[str]) -> dict[str, tuple[int, ...]]:
    return {
        sentences[t]: p.source_sentences
        for p in c.passages
        if p.derived
        for t in p.target_sentences
    }


def test_a_summary_in_a_page_on_another_subject_is_found_sentence_by_sentence(
    tmp_path: Path,
) -> None:
    """The four summary sentences sit in a garden-show page: every one is linked, to sources
    in the story's order, none of the show's sentences is, and the passage is reported as a
    summary of the whole story."""
    c, sentences = _compare(tmp_path, SHOW[:11] + SUMMARY + SHOW[11:])
    linked = _linked(c, sentences)
    assert sorted(linked) == sorted(SUMMARY)
    sources = [linked[s] for s in SUMMARY]
    assert all(max(a) < min(b) for a, b in zip(sources, sources[1:], strict=False))
    assert [r.source_span for r in c.regions] == [(0, len(STORY.rstrip()))]


def test_the_same_sentences_scattered_through_the_page_are_not_a_summary(
    tmp_path: Path,
) -> None:
    """Spread out among unrelated sentences, the weakly matching ones are chance: only those
    that match well enough on their own stay linked."""
    page = [*SHOW[:3], SUMMARY[0], *SHOW[3:6], SUMMARY[1], *SHOW[6:9], SUMMARY[2]]
    page += [*SHOW[9:12], SUMMARY[3], *SHOW[12:]]
    c, sentences = _compare(tmp_path, page)
    linked = _linked(c, sentences)
    assert SUMMARY[3] in linked
    assert SUMMARY[0] not in linked and SUMMARY[2] not in linked


def test_a_lone_sentence_sharing_only_a_set_phrase_is_not_a_copy(tmp_path: Path) -> None:
    """Alone in a page on another subject, a sentence that opens with the story's words but
    says something else ("The decision was carried by ...") is no copy; one that keeps the
    story's sentence and adds a few words is."""
    phrase = "The decision was carried by the chrysanthemum growers' guild."
    copied = "The market has appeared in two television dramas and a cookery programme at the show."
    c, sentences = _compare(tmp_path, [*SHOW[:5], phrase, *SHOW[5:10], copied, *SHOW[10:]])
    linked = _linked(c, sentences)
    assert copied in linked
    assert phrase not in linked
