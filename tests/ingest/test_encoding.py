from __future__ import annotations

import codecs

from claimgraph.ingest.readers.encoding import decode_text


def test_valid_utf8_has_no_warning() -> None:
    decoded = decode_text("Hayʼat Tahrir al-Sham – « HTC »".encode())
    assert decoded.text == "Hayʼat Tahrir al-Sham – « HTC »" and decoded.warnings == ()


def test_utf8_wins_over_a_wrong_declared_charset() -> None:
    decoded = decode_text("déjà".encode(), declared="iso-8859-1")
    assert decoded.text == "déjà" and decoded.encoding == "utf-8"


def test_declared_charset_is_used_for_non_utf8() -> None:
    decoded = decode_text("Служба".encode("cp1251"), declared="windows-1251")
    assert decoded.text == "Служба"


def test_bom_decides() -> None:
    assert decode_text(codecs.BOM_UTF8 + "été".encode()).text == "été"
    assert decode_text("été".encode("utf-16")).text == "été"


def test_cp1252_typography_is_recognised() -> None:
    decoded = decode_text("l’État islamique – « Daech » …".encode("cp1252"))
    assert decoded.text == "l’État islamique – « Daech » …"
    assert decoded.encoding == "cp1252" and decoded.warnings


def test_non_western_single_byte_text_goes_to_charset_normalizer() -> None:
    text = "Главное управление внутренней безопасности Франции отвечает за контрразведку."
    decoded = decode_text(text.encode("cp1251"))
    assert decoded.text == text
    assert "detected" in decoded.warnings[0]


def test_cp1252_undefined_bytes_never_raise() -> None:
    decoded = decode_text("ok déjà ".encode() + b"\x81\x8d\x8f\x90\x9d" + b" fin")
    assert decoded.text.startswith("ok déjà ") and decoded.text.endswith(" fin")
    assert decoded.warnings
