"""The language a version is written in. storytrace compares words, so a translation of a
story shares none of its words with it and reads as independent; a report that clears a
translated copy without saying it could not compare the two languages makes a claim no one
can check on screen.

English text is told by its function words alone (most versions, and no model to load); any
other is named by py3langid, a character n-gram classifier that ships its model in the
package (97 languages, nothing downloaded), loaded only when a version needs it.
"""

from __future__ import annotations

import functools
import re

from .escaping import escape_line
from .model import Document
from .textnorm import STOPWORDS

# Read from the start of a version: enough words to tell, little time on a 1 MB file.
SAMPLE_CHARS = 20_000
# Fewer distinct words say too little (a headline, a list of names, one word repeated):
# no language is claimed.
MIN_WORDS = 20
# Share of a version's words among English function words. English prose runs at 0.40-0.55
# (one word in two), a page of English headlines and names near 0.25; German, French,
# Spanish, Dutch or Italian prose at 0.03-0.10, from words they share ("in", "a", "so").
# Below the cut the classifier decides, so a cut set too high costs time, not a wrong answer.
ENGLISH_SHARE = 0.25
# The classifier's probability under which no language is claimed.
MIN_CONFIDENCE = 0.9
_WORD = re.compile(r"[^\W\d_]+")

NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "fy": "Frisian", "ga": "Irish", "gd": "Scottish Gaelic",
    "gl": "Galician", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ja": "Japanese", "ka": "Georgian", "kk": "Kazakh", "km": "Khmer",
    "kn": "Kannada", "ko": "Korean", "ku": "Kurdish", "la": "Latin", "lb": "Luxembourgish",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam",
    "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese", "my": "Burmese",
    "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian", "no": "Norwegian", "pa": "Punjabi",
    "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian", "so": "Somali", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "uz": "Uzbek", "vi": "Vietnamese", "yue": "Cantonese", "zh": "Chinese", "zu": "Zulu",
}  # fmt: skip


def language_name(code: str) -> str:
    """ "German" for "de"; the code itself for a language without a name here."""
    return NAMES.get(code, code)


def english_share(text: str) -> tuple[float, int]:
    """(share of the sample's words that are English function words, distinct words in the
    sample): a page of one word repeated ("x x x") is no language, however long."""
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if not words:
        return 0.0, 0
    return sum(w in STOPWORDS for w in words) / len(words), len(set(words))


def detect_language(text: str) -> str:
    """ISO 639 code of the language ``text`` is written in, "" when it cannot be told."""
    share, n = english_share(text)
    if n < MIN_WORDS:
        return ""
    if share >= ENGLISH_SHARE:
        return "en"
    try:
        code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    except Exception:  # a classifier failure makes no claim and stops no comparison
        return ""
    # "zxx": no linguistic content (figures, code).
    return code if probability >= MIN_CONFIDENCE and code != "zxx" else ""


# How each warning of ``other_languages`` ends: a comparison made again with another
# reference drops the ones it is given back (they named the old reference) for its own.
_ENDING = "storytrace compares words, so a translation of"


def is_language_warning(warning: str) -> bool:
    """Whether a warning is one of ``other_languages``: it names versions by id and nothing
    else, so a screen may give their short names (a path in another warning must stay)."""
    return _ENDING in warning


def other_languages(
    documents: list[Document], reference: Document, warnings: list[str]
) -> list[str]:
    """``warnings`` less any earlier reference's language warnings, and a warning for each
    version written in another language than ``reference``."""
    kept = [w for w in warnings if not is_language_warning(w)]
    if not reference.language:
        return kept
    ref = escape_line(reference.id)
    return kept + [
        f"{escape_line(d.id)} reads as {language_name(d.language)}, {ref} as "
        f"{language_name(reference.language)}: {_ENDING} {ref} reads as independent of it"
        for d in documents
        if d.language and d.language != reference.language
    ]


@functools.cache
def _identifier():  # type: ignore[no-untyped-def]
    # Imported here: loading the model takes half a second, which English versions never pay.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
