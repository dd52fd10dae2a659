"""The workspace's extraction settings (raqib.toml), changed on the record.

A team that documents one country adds its gazetteer (a GeoNames dump, the OCHA tables),
its own actor dictionary, a model trained on its own coding (`raqib train`), or the country
its texts are mostly about, and every
later `raqib process`, `raqib ingest --process` and upload uses them. A change is written to
the custody log (a review of ``workspace:settings`` with the settings before and after) in
the transaction that replaces raqib.toml; documents already processed keep their reports
until `raqib process --again`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from raqib.config import CONFIG_FILE
from raqib.errors import WorkspaceError
from raqib.services.reviews import record_review
from raqib.store.engine import transaction
from raqib.workspace import Workspace

TARGET = "workspace:settings"
KEYS = ("extract_model", "extract_gazetteers", "extract_actors", "extract_country")


def extraction(ws: Workspace) -> dict[str, Any]:
    """The extraction settings as raqib.toml holds them (paths as written there)."""
    return {key: getattr(ws.config, key) for key in KEYS}


def _stored(ws: Workspace, name: str, folder_ok: bool = False) -> str:
    """A file named on the command line as raqib.toml stores it: relative to the workspace
    folder when inside it, else absolute; one line naming it when it is missing.
    ``folder_ok``: a folder will do too (a gazetteer's folder of OCHA tables)."""
    path = Path(name).expanduser().resolve()
    if not (path.is_file() or (folder_ok and path.is_dir())):
        raise WorkspaceError(f"file not found: {name}")
    try:
        return str(path.relative_to(ws.root))
    except ValueError:
        return str(path)


def _check_readable(ws: Workspace, changed: dict[str, Any]) -> None:
    """Read each newly named model, gazetteer and actor dictionary as extraction will, so
    that one it cannot use is refused now, by name (ResourceError), not at the next
    `raqib process`: before, a file of another kind was taken and added nothing."""
    from raqib.extract.classifier import load as load_model
    from raqib.extract.gazetteer_files import load_file
    from raqib.extract.petrarch import read_entries

    readers = {"extract_model": load_model, "extract_gazetteers": load_file,
               "extract_actors": read_entries}
    for key, value in changed.items():
        if key not in readers or not value:
            continue
        for name in [value] if isinstance(value, str) else value:
            readers[key](ws.root / name)  # an absolute name stays as it is


def _country(name: str) -> str:
    """The country as ACLED names it ('SY' and 'syria' give 'Syria'); unknown: an error."""
    from raqib.extract.place_countries import country_code, display_name

    return display_name(country_code(name))


def change(ws: Workspace, user: str, reason: str | None = None, **changes: Any) -> dict[str, Any]:
    """Set some of ``KEYS`` (a model path or None; lists of paths; a country) and return
    the settings. Every file named must exist, and the country must be one the project
    knows, before anything is written."""
    unknown = set(changes) - set(KEYS)
    if unknown:
        raise WorkspaceError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    update: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "extract_model":
            update[key] = _stored(ws, value) if value else None
        elif key == "extract_country":
            update[key] = _country(value) if value else None
        else:
            update[key] = [_stored(ws, name, key == "extract_gazetteers") for name in value]
    before = extraction(ws)
    _check_readable(ws, {key: paths for key, paths in update.items() if paths != before[key]})
    config = ws.config.model_copy(update=update)
    after = {key: getattr(config, key) for key in KEYS}
    if after == before:
        return after
    target = ws.root / CONFIG_FILE
    tmp = ws.root / (CONFIG_FILE + ".tmp")
    tmp.write_text(config.dump(), encoding="utf-8")
    try:
        with transaction(ws.sessions) as session:
            record_review(session, TARGET, "correct", before, after, reason, user)
            session.flush()
            os.replace(tmp, target)  # the last step before the log entry commits
    finally:
        tmp.unlink(missing_ok=True)
    ws.config = config
    return after
