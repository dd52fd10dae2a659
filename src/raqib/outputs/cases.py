"""Cases: a named, frozen set of incidents for one accountability question.

A case definition is a small JSON file in the workspace (``cases/NAME.json``) holding the
incident ids chosen when it was created, and the filters or ids that chose them. Creating a
case appends a custody leaf whose ``record`` is the SHA-256 of the definition's canonical
form, so an edit of the file is detected (``load`` checks it against the log).

Files rather than a table: a case is written once and read whole, needs no query, and keeping
it out of the schema avoids a migration; the custody leaf gives it the same tamper evidence a
row would have.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from raqib.errors import RaqibError
from raqib.services import incidents as incident_service
from raqib.services.search import Filters, matches, structured
from raqib.store.engine import transaction
from raqib.store.models import Incident
from raqib.vault import custody
from raqib.workspace import Workspace

FORMAT = "raqib-case/v1"
FOLDER = "cases"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")


class CaseError(RaqibError):
    """A case that does not exist, already exists, is malformed, or selects nothing."""


def case_action() -> str:
    """The custody action for case events: ``case`` once the log knows it, else ``review``
    (a person's curation of incidents, the nearest existing action)."""
    return "case" if "case" in custody.ACTIONS else "review"


@dataclass
class Case:
    name: str
    created_at: str
    created_by: str
    incidents: list[int]
    selection: dict[str, Any] = field(default_factory=dict)
    format: str = FORMAT

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def digest(self) -> str:
        return hashlib.sha256(custody.canonical(self.as_json())).hexdigest()


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise CaseError(
            f"invalid case name {name!r}: letters, digits, '.', '_', '-' (at most 80), "
            "starting with a letter or digit"
        )
    return name


def case_path(ws: Workspace, name: str) -> Path:
    return ws.root / FOLDER / f"{check_name(name)}.json"


def _filters_json(filters: Filters, near_name: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in asdict(filters).items():
        if value is None or (key == "km" and filters.near is None):
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif key == "near":
            value = {"place": near_name, "lat": str(value[0]), "lon": str(value[1])}
        elif isinstance(value, float):
            value = str(value)  # custody leaves hold no floats
        out[key] = value
    return out


def select_incidents(ws: Workspace, filters: Filters | None, ids: Iterable[int]) -> list[int]:
    """Live incidents chosen by the filters and/or the ids; every live one with neither."""
    wanted = sorted(set(ids))
    with ws.sessions() as session:
        query = incident_service.live()
        if filters is not None:
            query = structured(query, filters)
        if wanted:
            query = query.where(Incident.id.in_(wanted))
        rows = session.execute(query.order_by(*incident_service.oldest_first())).scalars().all()
        if filters is not None:
            rows = [r for r in rows if matches(r, filters)]
        chosen = [r.id for r in rows]
        missing = sorted(set(wanted) - set(chosen))
        if missing and filters is None:
            names = ", ".join(map(str, missing))
            raise CaseError(f"no live incident {names} (unknown, merged away or empty)")
    return chosen


def create(
    ws: Workspace,
    name: str,
    user: str,
    filters: Filters | None = None,
    ids: Iterable[int] = (),
    near_name: str | None = None,
) -> Case:
    """Freeze the chosen incidents as case NAME; log it; refuse to replace a case."""
    path = case_path(ws, name)
    if path.exists():
        raise CaseError(f"case {name!r} already exists ({path})")
    ids = list(ids)
    chosen = select_incidents(ws, filters, ids)
    if not chosen:
        raise CaseError("the case would hold no incident: nothing matches")
    selection: dict[str, Any] = {}
    if filters is not None:
        selection["filters"] = _filters_json(filters, near_name)
    if ids:
        selection["ids"] = sorted(set(ids))
    if not selection:
        selection["all"] = True
    case = Case(name, custody.format_time(custody.utc_now()), user, chosen, selection)
    path.parent.mkdir(exist_ok=True)
    with transaction(ws.sessions) as session:
        custody.append(session, case_action(), f"case:{name}", user,
                       {"change": "case created", "record": case.digest(),
                        "incidents": len(chosen)})
        _write_new(path, json.dumps(case.as_json(), indent=2, ensure_ascii=False) + "\n")
    return case


def _write_new(path: Path, text: str) -> None:
    """Write the file whole, refusing to overwrite (the leaf commits only with it)."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise CaseError(f"case file {path} appeared meanwhile") from None
    finally:
        tmp.unlink(missing_ok=True)


def _parse(path: Path) -> Case:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        case = Case(str(raw["name"]), str(raw["created_at"]), str(raw["created_by"]),
                    [int(i) for i in raw["incidents"]], dict(raw.get("selection") or {}))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CaseError(f"{path}: malformed case file ({exc})") from exc
    if case.name != path.stem:
        raise CaseError(f"{path}: holds case {case.name!r}")
    return case


def recorded_digests(ws: Workspace, name: str) -> list[str]:
    """The ``record`` digests the custody log holds for case NAME, oldest first."""
    wanted = f'"object":"case:{name}"'.encode()
    found = []
    with ws.sessions() as session:
        for _, data in custody.iter_leaves(session):
            if wanted not in data:
                continue
            entry = custody.Entry.decode(data, strict=False)
            if entry.object == f"case:{name}" and "record" in entry.details:
                found.append(str(entry.details["record"]))
    return found


def load(ws: Workspace, name: str) -> Case:
    """The case, checked against the digest its creation left in the custody log."""
    path = case_path(ws, name)
    if not path.is_file():
        raise CaseError(f"no case {name!r} (raqib case list)")
    case = _parse(path)
    recorded = recorded_digests(ws, name)
    if not recorded or recorded[-1] != case.digest():
        raise CaseError(f"{path}: the file does not match the custody log: it was edited")
    return case


def list_cases(ws: Workspace) -> list[Case]:
    folder = ws.root / FOLDER
    if not folder.is_dir():
        return []
    return [_parse(p) for p in sorted(folder.glob("*.json")) if not p.name.startswith(".")]
