from __future__ import annotations

from claimgraph.ingest.language import SUPPORTED, detect_language


def test_supported_languages() -> None:
    assert SUPPORTED == {"en", "fr"}


def test_english() -> None:
    guess = detect_language(
        "More than four years after the fall of ISIS in Baghouz, the bulk of the French contingent has gone."
    )
    assert guess.code == "en" and guess.supported and 0.9 < guess.confidence <= 1.0


def test_french() -> None:
    guess = detect_language(
        "Environ 130 djihadistes français se trouvent encore dans la région d'Idlib."
    )
    assert guess.code == "fr" and guess.supported and guess.confidence > 0.9


def test_other_languages_are_detected_but_not_supported() -> None:
    german = detect_language(
        "Die meisten französischen Dschihadisten haben die Region inzwischen verlassen."
    )
    arabic = detect_language("هيئة تحرير الشام هي جماعة مسلحة في شمال غرب سوريا")
    assert (german.code, german.supported) == ("de", False)
    assert (arabic.code, arabic.supported) == ("ar", False)


def test_text_without_words_is_undetermined() -> None:
    guess = detect_language("1 490 - 2019 / 68")
    assert guess.code == "und" and guess.confidence == 0.0 and not guess.supported
