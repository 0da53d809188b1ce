"""A copy whose middle sentences had their words swapped one by one, in place (what a crude
spinner or PAN's random obfuscation does): the content words are gone, so no sentence of
the middle shares enough of them to count, but each keeps its source's shape (half its
characters, a third of its words in order), and the copied sentences around it say where
it comes from. It is one copied stretch, not two copies with the reporter's own text in
between."""

from __future__ import annotations

from pathlib import Path

from tui.core.engine import compare_paths

SOURCE = [
    "The county council approved a new budget for the public library service on Tuesday "
    "evening after a long debate.",
    "The plan keeps all eleven branches open but cuts their opening hours on Mondays and "
    "Thursdays.",
    "Councillors said the savings were needed because the grant from central government had "
    "fallen for the fifth year in a row.",
    "Several residents spoke against the cuts, saying the libraries were the only warm and "
    "quiet place many pupils had to study.",
    "The head of the library service told members that the mobile library van would be kept "
    "on the road for rural villages.",
    "A proposal to charge for computer use was dropped after objections from the opposition "
    "benches.",
    "The budget also sets aside money to repair the leaking roof of the central library in "
    "the market square.",
    "Staff unions said they would study the details before deciding whether to ballot their "
    "members.",
    "The final vote was carried by twenty-eight votes to nineteen, with two abstentions.",
    "The new opening hours will come into force at the start of April.",
]

# Sentences 2, 3 and 5 of the source, every second content word or so swapped in place.
SWAPPED = {
    2: "Aldermen said the economies were required because the grant from key administration "
    "had dropped for the fifth twelvemonth in a line.",
    3: "Respective occupants talked against the trims, saying the bibliothecas were the only "
    "lukewarm and still spot many students had to survey.",
    4: "The chief of the library facility told members that the nomadic library caravan would "
    "be held on the route for agrestic settlements.",
    5: "A marriage offer to bill for computer role was fallen after expostulations from the "
    "opposition terrace.",
}


def test_sentences_swapped_in_place_between_copied_ones_are_linked(tmp_path: Path) -> None:
    story, page = tmp_path / "story.txt", tmp_path / "page.txt"
    story.write_text("\n\n".join(SOURCE) + "\n", encoding="utf-8")
    copied = [SWAPPED.get(i, s) for i, s in enumerate(SOURCE[:8])]
    page.write_text("Local news in brief.\n\n" + "\n\n".join(copied) + "\n", encoding="utf-8")
    report = compare_paths([str(story), str(page)], reference=str(story))
    c = report.comparisons[0]
    target = report.document(c.target)
    text = [target.sentence_text(i) for i in range(len(target.sentences))]
    linked = {
        text[t]: p.source_sentences for p in c.passages if p.derived for t in p.target_sentences
    }
    # The swapped sentences found by retrieval (2, 3 and 5 keep a rare word or two each) are
    # linked to the sentences they were made from.
    for i in (2, 3, 5):
        assert linked.get(SWAPPED[i]) == (i,), SWAPPED[i]
    assert "Local news in brief." not in linked
    # One stretch from the first copied sentence to the last.
    derived = [r for r in c.regions if r.label != "added"]
    assert len(derived) == 1
    first, last = text.index(SOURCE[0]), text.index(SOURCE[7])
    assert derived[0].target_span == (target.sentences[first].start, target.sentences[last].end)
