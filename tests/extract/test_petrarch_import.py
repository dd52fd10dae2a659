"""The PETRARCH / Phoenix actor dictionary importer."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from raqib.extract import actors
from raqib.extract.model import Analysis, Options
from raqib.extract.petrarch import inter_for, parse_petrarch, read_petrarch, write_tsv

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PHOENIX = SHARED / "petrarch2_dictionaries"

# Written for these tests in PETRARCH syntax: every construct the reader must handle.
FIXTURE = """\
# a comment line
<!-- a one-line XML comment -->
=== ARMED GROUPS ===
NORTHERN_VALLEY_FRONT_ [XYZREB] # a comment after a record
+VALLEY_FRONT_
+NVF_FIGHTERS
+FRONT_OF_THE_VALLEY_+VALLEY_BRIGADES_

EXAMPLE_CITY_POLICE_
+CITY_POLICE_
\t[SYRCOP >120101]
\t[SYRGOV 990101-111231]

<!-- a comment
over two lines -->
GENERAL_KHALID_ONE_  ; legacy comment
\t[SYRMIL 010101-091231]
\t[SYRELI]
RELIEF_VOLUNTEERS_ [NGO]
ORPHAN_NAME_WITHOUT_CODE_
BROKEN_CODE_ [SYRMIL 2010]
\tINDENTED_NAME_\t[IGOUNO]
"""


@pytest.fixture()
def fixture_file(tmp_path: Path) -> Path:
    path = tmp_path / "test.actors.txt"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


@functools.lru_cache(maxsize=4)
def phoenix(name: str):  # parsed once for the tests below
    path = PHOENIX / name
    if not path.exists():
        pytest.skip("../shared/data/petrarch2_dictionaries is absent")
    return parse_petrarch(path)


def test_fixture_records_synonyms_and_codes(fixture_file: Path) -> None:
    parsed = parse_petrarch(fixture_file)
    assert parsed.sections == ["ARMED GROUPS"]
    by_first = {e.aliases[0]: e for e in parsed.entries}
    assert list(by_first) == ["Northern Valley Front", "Example City Police",
                              "General Khalid One", "Relief Volunteers",
                              "Orphan Name Without Code", "Broken Code"]
    front = by_first["Northern Valley Front"]
    assert front.inter == 2 and front.code == "XYZREB" and front.name == "Northern Valley Front"
    assert front.aliases == ("Northern Valley Front", "Valley Front", "Nvf Fighters",
                             "Front of the Valley", "Valley Brigades")
    police = by_first["Example City Police"]
    assert police.code == "SYRCOP >120101;SYRGOV 990101-111231"
    assert (police.inter, police.country) == (1, "Syria")
    assert police.name == "Police Forces of {country_the}{regime}"
    general = by_first["General Khalid One"]
    assert general.inter == 0 and general.code == "SYRMIL 010101-091231;SYRELI"
    assert by_first["Relief Volunteers"].inter == 8
    assert parsed.synonyms == 6


def test_fixture_problems_have_line_numbers(fixture_file: Path) -> None:
    problems: list[tuple[int, str]] = []
    entries = read_petrarch(fixture_file, problems)
    assert len(entries) == 6
    number = {line.split("_")[0].strip(): n for n, line in enumerate(FIXTURE.splitlines(), 1)}
    assert {n for n, _ in problems} == {number["ORPHAN"], number["BROKEN"], number["INDENTED"]}
    assert any("no code" in why for n, why in problems if n == number["ORPHAN"])


def test_round_trip_and_use_as_extra_dictionary(fixture_file: Path, tmp_path: Path) -> None:
    entries = read_petrarch(fixture_file)
    out = tmp_path / "out.tsv"
    assert write_tsv(entries, out, comment="imported from a test file") == len(entries)
    assert actors.read_tsv(out) == entries
    doc = Analysis(id="x", text="Valley Brigades fighters clashed with the city police.")
    for extra in (out, fixture_file):  # TSV, or the PETRARCH file itself
        doc.actors.clear()
        actors.create(Options(actor_files=(str(extra),)))(doc)
        names = {m.span.text: m.name for m in doc.actors}
        assert names["Valley Brigades fighters"] == "Northern Valley Front"  # its head noun
        assert names["city police"] == "Police Forces of Syria (2024-)"


def test_cameo_to_inter() -> None:
    assert [inter_for(c) for c in ("SYRMIL", "AFGCOP", "USAGOV", "SYRREB", "IMGMUSALQ",
                                   "SYROPP", "NGAUAF", "PSECVL", "IGOUNO", "SYRELI", "SYR")] == [
        1, 1, 1, 2, 2, 3, 3, 7, 8, 0, 0]


@pytest.mark.parametrize(("name", "records", "synonyms"), [
    ("Phoenix.Countries.actors.txt", 18000, 7000),
    ("Phoenix.MilNonState.actors.txt", 1000, 700),
    ("Phoenix.International.actors.txt", 7500, 50),
])
def test_phoenix_dictionaries(name: str, records: int, synonyms: int) -> None:
    parsed = phoenix(name)
    path = PHOENIX / name
    assert len(parsed.entries) > records and parsed.synonyms > synonyms
    # nothing silently dropped: every non-blank, non-comment, non-code line is a record or
    # a synonym, or is reported
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    phrase_lines = [ln for ln in text if ln.strip() and not ln.lstrip().startswith(("#", "["))]
    reported = {n for n, _ in parsed.problems}
    indented = sum(1 for n, ln in enumerate(text, 1) if ln[:1].isspace() and n in reported
                   and not ln.lstrip().startswith("["))
    assert len(parsed.entries) + parsed.synonyms >= len(phrase_lines) - indented
    for number, why in parsed.problems:
        assert 1 <= number <= len(text) and why


def test_known_phoenix_entries() -> None:
    entries = phoenix("Phoenix.Countries.actors.txt").entries
    coalition = next(e for e in entries if e.aliases[0] == "Syrian National Coalition")
    assert coalition.code == "SYROPP >121101" and coalition.inter == 3
    assert coalition.country == "Syria"
    assert "National Coalition for Syrian Revolutionary and Opposition Forces" in coalition.aliases
    ansf = next(e for e in entries if e.aliases[0] == "Afghan National Security Forces")
    assert ansf.name == "Military Forces of {country_the}{regime}" and ansf.inter == 1
    assert "ANSF" in ansf.aliases
    mnsa = phoenix("Phoenix.MilNonState.actors.txt").entries
    qaida = next(e for e in mnsa if e.aliases[0] == "Al Qa'ida")
    assert qaida.inter == 2 and "al-qaeda" in {a.lower() for a in qaida.aliases}
