"""Where quotations are: the marks that open and close them, and the marks that only look
like them (apostrophes, transliterations, inch marks), which must not turn a copied
paragraph into a "shared quotation" left out of every share."""

from __future__ import annotations

import pytest

from tui.core.quotes import quoted_spans


def quotes(text: str) -> list[str]:
    return [text[a:b] for a, b in quoted_spans(text, [(0, len(text))])]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ('The judge said "this was greed" and rose.', ['"this was greed"']),
        (
            "\u201cWe will appeal,\u201d said Ms Varga. \u201cToday.",
            ["\u201cWe will appeal,\u201d", "\u201cToday."],
        ),
        (
            "Fans call it the \u2018Miracle Mile\u2019 and it\u2019s packed.",
            ["\u2018Miracle Mile\u2019"],
        ),
        ("'Gulls ate my lunch' says pensioner", ["'Gulls ate my lunch'"]),
        ("\u00abNous partons\u00bb, a-t-il dit.", ["\u00abNous partons\u00bb"]),
        # A quote continued from the paragraph before closes here and opens nothing.
        ('without a word." Then "more" came.', ['"more"']),
        # Inch marks, apostrophes and transliterations are not quotations.
        ('Oil on a 16" x 18" board in a rosewood frame.', []),
        (
            "He told her: 'Sam, I was wrong, and I'm sorry.' She wept.",
            ["'Sam, I was wrong, and I'm sorry.'"],
        ),
        ("Muhammad 'Ali ordered the capital destroyed.", []),
        ("Muhammad 'Ali ordered the 'new city' built.", ["'new city'"]),
        ("The novels of Trojanow 's hero feature Burton.", []),
    ],
)
def test_quotation_marks(text: str, wanted: list[str]) -> None:
    assert quotes(text) == wanted


def test_a_quote_never_runs_past_its_paragraph() -> None:
    text = '"We knew nothing,\n\n"and nobody told us," she said.'
    paras = [(0, 17), (19, len(text))]
    assert [text[a:b] for a, b in quoted_spans(text, paras)] == [
        '"We knew nothing,',
        '"and nobody told us,"',
    ]
