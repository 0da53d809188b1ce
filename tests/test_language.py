"""A version in another language shares no words with the story it translates: the report must
say it could not compare the two, not clear the translation as independent in silence."""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.contract import report_to_json
from tui.core.engine import compare, compare_paths
from tui.core.language import detect_language
from tui.core.summary import relation

from .conftest import seed_paths

# One story, written for these tests in English and translated by hand.
STORY = {
    "en": [
        "A harbourmaster at one of the busiest fishing ports in the country was jailed for "
        "four years on Tuesday for selling thousands of litres of diesel seized from trawlers.",
        "The court heard that over ten months he sold 41,000 litres of red diesel, taken from "
        "fishing boats, to a haulage firm for cash.",
        "The prosecutor said the fuel was worth up to 58,000 pounds and that he kept a ledger "
        "of the sales in a biscuit tin in his office.",
        "The judge said he had betrayed the trust of the harbour authority and of the "
        "fishermen whose boats he was meant to protect.",
    ],
    "de": [
        "Ein Hafenmeister in einem der geschäftigsten Fischereihäfen des Landes ist am Dienstag "
        "zu vier Jahren Haft verurteilt worden, weil er Tausende Liter beschlagnahmten Diesel "
        "verkauft hat.",
        "Das Gericht hörte, dass er in zehn Monaten 41.000 Liter roten Diesel, der Fischerbooten "
        "abgenommen worden war, gegen Bargeld an eine Spedition verkaufte.",
        "Die Staatsanwältin sagte, der Treibstoff sei bis zu 58.000 Pfund wert gewesen, und er "
        "habe die Verkäufe in einer Keksdose in seinem Büro verbucht.",
        "Der Richter sagte, er habe das Vertrauen der Hafenbehörde und der Fischer missbraucht, "
        "deren Boote er schützen sollte.",
    ],
    "es": [
        "Un capitán de puerto de uno de los puertos pesqueros más activos del país fue "
        "condenado el martes a cuatro años de cárcel por vender miles de litros de gasóleo.",
        "El tribunal escuchó que en diez meses vendió 41.000 litros de gasóleo rojo, requisado "
        "a barcos pesqueros, a una empresa de transporte a cambio de dinero en efectivo.",
        "La fiscal dijo que el combustible valía hasta 58.000 libras y que él anotaba las "
        "ventas en un cuaderno guardado en una lata de galletas en su despacho.",
    ],
    "fr": [
        "Un capitaine de port de l'un des ports de pêche les plus actifs du pays a été condamné "
        "mardi à quatre ans de prison pour avoir vendu des milliers de litres de gazole saisi.",
        "Le tribunal a entendu qu'en dix mois il avait vendu 41 000 litres de gazole rouge, pris "
        "à des bateaux de pêche, à une entreprise de transport contre de l'argent liquide.",
        "La procureure a déclaré que le carburant valait jusqu'à 58 000 livres.",
    ],
}


def test_the_language_of_each_version_is_named() -> None:
    for code, paragraphs in STORY.items():
        assert detect_language("\n\n".join(paragraphs)) == code
    for path in seed_paths():  # spun and machine-translated English is still English
        assert detect_language(Path(path).read_text(encoding="utf-8")) == "en", path
    # Too few words to tell: no claim.
    assert detect_language("Hafenmeister verurteilt") == ""
    assert detect_language("x " * 5000) == ""  # one word repeated is no language
    assert detect_language("") == ""


def test_a_translated_version_is_named_not_cleared_in_silence(tmp_path: Path) -> None:
    for code, paragraphs in STORY.items():
        (tmp_path / f"{code}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    report = compare_paths([str(tmp_path)], reference=str(tmp_path / "en.txt"))
    assert {d.id: d.language for d in report.documents} == {
        "de": "de",
        "en": "en",
        "es": "es",
        "fr": "fr",
    }
    said = [w for w in report.warnings if "storytrace compares words" in w]
    assert [w.split(" reads as ")[0] for w in said] == ["de", "es", "fr"]
    assert said[0].startswith("de reads as German, en as English")
    for c in report.comparisons:
        assert c.verdict == "independent"
        assert "it is written in" in relation(report, c)
    german = next(c for c in report.comparisons if c.target == "de")
    assert "written in German, en in English" in relation(report, german)
    data = json.loads(report_to_json(report))
    assert [d["language"] for d in data["documents"]] == ["de", "en", "es", "fr"]
    # Compared again with another reference (the explorer's `r`), its report's warnings passed
    # back in: each version named once, against the new reference only.
    again = compare(report.documents, reference="fr", warnings=report.warnings)
    said = [w for w in again.warnings if "storytrace compares words" in w]
    assert [w.split(": ")[0] for w in said] == [
        "de reads as German, fr as French",
        "en reads as English, fr as French",
        "es reads as Spanish, fr as French",
    ]


def test_versions_in_one_language_say_nothing_of_languages(tmp_path: Path) -> None:
    """Two German versions are compared as any two are: no warning, no clause."""
    de = STORY["de"]
    (tmp_path / "a.txt").write_text("\n\n".join(de), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(de[:3]) + "\n\nEin Satz mehr.", encoding="utf-8")
    report = compare_paths([str(tmp_path)], reference=str(tmp_path / "a.txt"))
    assert [d.language for d in report.documents] == ["de", "de"]
    assert not any("storytrace compares words" in w for w in report.warnings)
    [c] = report.comparisons
    assert c.verdict != "independent" and "written in" not in relation(report, c)
