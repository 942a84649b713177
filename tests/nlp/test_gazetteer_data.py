"""The bundled gazetteer loads and validates; each validation rule fails with a clear error."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from claimgraph.errors import DataFileError
from claimgraph.nlp.gazetteer_data import (
    DEFAULT_DIRECTORY,
    GazetteerEntry,
    load_gazetteer,
    normalise_surface,
)
from claimgraph.vocabulary import entity_types

EXPECTED_FILES = {
    "armed_groups",
    "state_bodies",
    "courts_prosecutors",
    "camps_prisons",
    "places",
    "media",
    "international",
    "persons",
}


@pytest.fixture(scope="module")
def entries() -> tuple[GazetteerEntry, ...]:
    return load_gazetteer()


@pytest.fixture(scope="module")
def lookup(entries: tuple[GazetteerEntry, ...]) -> dict[str, list[GazetteerEntry]]:
    table: dict[str, list[GazetteerEntry]] = {}
    for entry in entries:
        for surface in entry.surfaces():
            bucket = table.setdefault(normalise_surface(surface), [])
            if entry not in bucket:
                bucket.append(entry)
    return table


# --- the bundled data --------------------------------------------------------------------


def test_every_bundled_file_loads(entries: tuple[GazetteerEntry, ...]) -> None:
    assert {path.stem for path in DEFAULT_DIRECTORY.glob("*.yaml")} == EXPECTED_FILES
    assert {entry.kind for entry in entries} == EXPECTED_FILES


def test_at_least_200_entries(entries: tuple[GazetteerEntry, ...]) -> None:
    assert len(entries) >= 200


def test_default_directory_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_every_entry_is_described_and_typed(entries: tuple[GazetteerEntry, ...]) -> None:
    for entry in entries:
        assert entry.description.strip(), entry.id
        assert entry.type in entity_types(), entry.id
        assert entry.name in entry.surfaces()


def test_ids_are_unique(entries: tuple[GazetteerEntry, ...]) -> None:
    counts = Counter(entry.id for entry in entries)
    assert [i for i, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(
    ("surface", "entry_id"),
    [
        ("HTS", "hayat-tahrir-al-sham"),
        ("HTC", "hayat-tahrir-al-sham"),
        ("Hay’at Tahrir al-Sham", "hayat-tahrir-al-sham"),
        ("Hayat Tahrir al-Cham", "hayat-tahrir-al-sham"),
        ("Tahrir al-Sham", "hayat-tahrir-al-sham"),
        ("Daech", "islamic-state"),
        ("ISIL", "islamic-state"),
        ("État islamique", "islamic-state"),
        ("Islamic State of Iraq and the Levant", "islamic-state"),
        ("Al Qaeda", "al-qaeda"),
        ("al-Qa‘ida", "al-qaeda"),
        ("Al-Qaïda", "al-qaeda"),
        ("al-Nusrah Front", "al-nusra-front"),
        ("Jabhat Fath al Sham", "al-nusra-front"),
        ("Front Fatah al-Cham", "al-nusra-front"),
        ("Foreign Brigade", "firqat-al-ghuraba"),
        ("Firqatul Ghuraba", "firqat-al-ghuraba"),
        ("Tanzim Hurras al-Din", "hurras-al-din"),
        ("FDS", "syrian-democratic-forces"),
        ("Forces démocratiques syriennes", "syrian-democratic-forces"),
        ("al-Hawl", "al-hol-camp"),
        ("al-Howl", "al-hol-camp"),
        ("Al-Roj camp", "roj-camp"),
        ("Idleb", "idlib"),
        ("gouvernorat d'Idleb", "idlib-governorate"),
        ("Hassaké", "hasakah"),
        ("Baghuz", "baghouz"),
        ("PNAT", "pnat"),
        ("parquet national antiterroriste", "pnat"),
        ("DGSI", "dgsi"),
        ("Direction Générale de la Sécurité Intérieure", "dgsi"),
        ("DGSE", "dgse"),
        ("DST", "dst"),
        ("State Department", "us-state-department"),
        ("Hashd al-Shaabi", "popular-mobilization-forces"),
        ("CEDH", "echr"),
        ("Syrie", "syria"),
        ("États-Unis", "united-states"),
        ("ONU", "united-nations"),
        ("HCR", "unhcr"),
        ("OSDH", "sohr"),
        ("lac Khatuniya", "khatuniya-lake"),
    ],
)
def test_key_surfaces_resolve(
    lookup: dict[str, list[GazetteerEntry]], surface: str, entry_id: str
) -> None:
    assert entry_id in [entry.id for entry in lookup[normalise_surface(surface)]]


@pytest.mark.parametrize(
    ("entry_id", "surfaces"),
    [
        ("islamic-state", {"IS", "EI"}),
        ("united-states", {"US"}),
        ("united-nations", {"UN"}),
        ("european-union", {"EU"}),
        ("associated-press", {"AP"}),
        ("renseignements-generaux", {"RG"}),
        ("nice", {"Nice"}),
        ("turkey", {"Turkey"}),
        ("le-monde", {"Le Monde"}),
        ("liberation", {"Libération"}),
    ],
)
def test_common_word_surfaces_are_marked_ambiguous(
    entries: tuple[GazetteerEntry, ...], entry_id: str, surfaces: set[str]
) -> None:
    entry = next(e for e in entries if e.id == entry_id)
    assert surfaces <= entry.ambiguous


def test_countries_are_typed_country(lookup: dict[str, list[GazetteerEntry]]) -> None:
    for name in ("Syria", "Iraq", "France", "Turkey", "Russia", "United States"):
        assert [e.type for e in lookup[normalise_surface(name)]] == ["Country"]


def test_canonical_names_per_language(entries: tuple[GazetteerEntry, ...]) -> None:
    hts = next(e for e in entries if e.id == "hayat-tahrir-al-sham")
    assert hts.canonical("fr") == "Hayat Tahrir al-Cham"
    assert hts.canonical("en") == "Hay'at Tahrir al-Sham"
    assert hts.canonical("de") == "Hay'at Tahrir al-Sham"


def test_surfaces_deduplicated_in_order() -> None:
    entry = GazetteerEntry(
        id="x",
        name="A",
        names={"fr": "B"},
        type="Organization",
        qid=None,
        description="d",
        aliases=("C", "A"),
        variants=("B", "D"),
        ambiguous=frozenset(),
        kind="k",
    )
    assert entry.surfaces() == ("A", "B", "C", "D")


def test_normalise_surface() -> None:
    assert normalise_surface("Hay’at  Tahrir al‑Sham") == "hay'at tahrir al sham"
    assert normalise_surface("al-Qa‘ida") == normalise_surface("Al Qa'ida")
    assert normalise_surface("Hay´at") == normalise_surface("Hay`at") == "hay'at"
    assert normalise_surface("État islamique") == "etat islamique"
    assert normalise_surface("Al-Qaïda") == "al qaida"
    assert normalise_surface(" Deir ez–Zor ") == "deir ez zor"


# --- each validation rule, on files written to tmp_path ----------------------------------

VALID_ENTRY = """\
  - id: sample-group
    name: Sample Group
    description: A test entry.
    aliases: [SGX]
"""


def write(tmp_path: Path, text: str, stem: str = "armed_groups") -> Path:
    (tmp_path / f"{stem}.yaml").write_text(text, "utf-8")
    return tmp_path


def header(kind: str = "armed_groups", default_type: str = "Organization") -> str:
    return f"kind: {kind}\ndefault_type: {default_type}\nentries:\n"


def load_error(directory: Path) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        load_gazetteer(directory)
    return caught.value


def test_valid_tmp_file_loads(tmp_path: Path) -> None:
    (entry,) = load_gazetteer(write(tmp_path, header() + VALID_ENTRY))
    assert (entry.id, entry.type, entry.kind, entry.qid) == (
        "sample-group",
        "Organization",
        "armed_groups",
        None,
    )


def test_unknown_entry_key(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, header() + VALID_ENTRY + "    alias: [SG2]\n"))
    assert "armed_groups.yaml" in error.file
    assert "'sample-group'" in error.problem and "unknown key 'alias'" in error.problem


def test_unknown_top_level_key(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, "version: 1\n" + header() + VALID_ENTRY))
    assert "unknown top-level key 'version'" in error.problem


@pytest.mark.parametrize("key", ["id", "name", "description"])
def test_missing_required_key(tmp_path: Path, key: str) -> None:
    text = "\n".join(
        line for line in VALID_ENTRY.splitlines() if not line.strip(" -").startswith(f"{key}:")
    )
    if key == "id":
        text = text.replace("    name:", "  - name:")
    error = load_error(write(tmp_path, header() + text + "\n"))
    assert f"missing required key '{key}'" in error.problem


def test_empty_description(tmp_path: Path) -> None:
    text = VALID_ENTRY.replace("A test entry.", '""')
    assert "description" in load_error(write(tmp_path, header() + text)).problem


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    write(tmp_path, header() + VALID_ENTRY)
    other = VALID_ENTRY.replace("Sample Group", "Other Name").replace("SGX", "OTHX")
    write(tmp_path, header("media") + other, stem="media")
    error = load_error(tmp_path)
    assert "'sample-group'" in error.problem and "duplicate id" in error.problem


def test_same_surface_on_two_entries_of_same_type(tmp_path: Path) -> None:
    second = (
        VALID_ENTRY.replace("sample-group", "second-group")
        .replace("Sample Group", "Second Group")
        .replace("[SGX]", "[sgx]")
    )
    error = load_error(write(tmp_path, header() + VALID_ENTRY + second))
    assert "surface 'sgx'" in error.problem and "'sample-group'" in error.problem


def test_same_surface_on_entries_of_different_types_is_allowed(tmp_path: Path) -> None:
    second = VALID_ENTRY.replace("sample-group", "sample-place").replace(
        "    aliases", "    type: Location\n    aliases"
    )
    assert len(load_gazetteer(write(tmp_path, header() + VALID_ENTRY + second))) == 2


def test_bad_type(tmp_path: Path) -> None:
    text = VALID_ENTRY + "    type: ArmedGroup\n"
    error = load_error(write(tmp_path, header() + text))
    assert "type 'ArmedGroup'" in error.problem and "Organization" in error.problem


def test_bad_default_type(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, header(default_type="Thing") + VALID_ENTRY))
    assert "default_type 'Thing'" in error.problem


@pytest.mark.parametrize("qid", ["28147225", "Q", "q42", "Q42x", "P31"])
def test_malformed_qid(tmp_path: Path, qid: str) -> None:
    error = load_error(write(tmp_path, header() + VALID_ENTRY + f"    qid: '{qid}'\n"))
    assert f"qid '{qid}'" in error.problem


def test_kind_must_equal_file_stem(tmp_path: Path) -> None:
    error = load_error(write(tmp_path, header(kind="armed-groups") + VALID_ENTRY))
    assert "kind is 'armed-groups'" in error.problem and "'armed_groups'" in error.problem


def test_bad_id_slug(tmp_path: Path) -> None:
    text = VALID_ENTRY.replace("id: sample-group", "id: Sample_Group")
    assert "lowercase slug" in load_error(write(tmp_path, header() + text)).problem


def test_ambiguous_must_be_a_surface(tmp_path: Path) -> None:
    text = VALID_ENTRY + "    ambiguous: [XYZ]\n"
    assert "ambiguous: 'XYZ'" in load_error(write(tmp_path, header() + text)).problem


def test_short_surface_must_be_ambiguous(tmp_path: Path) -> None:
    text = VALID_ENTRY.replace("[SGX]", "[SG]")
    error = load_error(write(tmp_path, header() + text))
    assert "surface 'SG'" in error.problem and "ambiguous" in error.problem


def test_non_string_surface(tmp_path: Path) -> None:
    text = VALID_ENTRY.replace("[SGX]", "[SGX, no]")  # YAML reads `no` as False
    assert "must be a string" in load_error(write(tmp_path, header() + text)).problem


def test_unknown_language_in_names(tmp_path: Path) -> None:
    text = VALID_ENTRY + "    names: {de: Beispielgruppe}\n"
    assert "unknown language 'de'" in load_error(write(tmp_path, header() + text)).problem


def test_key_given_twice(tmp_path: Path) -> None:
    text = VALID_ENTRY + "    aliases: [OTHER]\n"
    assert "given twice" in load_error(write(tmp_path, header() + text)).problem


def test_invalid_yaml(tmp_path: Path) -> None:
    assert "not valid YAML" in load_error(write(tmp_path, header() + "  - [unclosed\n")).problem


def test_empty_directory(tmp_path: Path) -> None:
    assert "no gazetteer files" in load_error(tmp_path).problem
