"""Typed settings: from the environment (RAQIB_*) and from the workspace's raqib.toml."""

from __future__ import annotations

import getpass
import json
import tomllib
from pathlib import Path

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from raqib.errors import WorkspaceError

CONFIG_FILE = "raqib.toml"


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "unknown"


class Settings(BaseSettings):
    """Per-run settings: who is acting and where the workspace is."""

    model_config = SettingsConfigDict(env_prefix="RAQIB_")

    workspace: Path | None = None
    user: str = Field(default_factory=_default_user)


class WorkspaceConfig(BaseModel):
    """What ``raqib init`` writes into raqib.toml."""

    workspace_id: str
    origin: str
    database_url: str | None = None
    """None means the SQLite file raqib.db inside the workspace."""
    max_parse_bytes: int = 32 * 1024 * 1024
    max_child_bytes: int = 64 * 1024 * 1024
    max_upload_bytes: int = 256 * 1024 * 1024
    """The largest request body the API's upload accepts (else 413)."""
    extract_model: str | None = None
    """A trained event model (`raqib train`) that `raqib process`, `raqib ingest --process`
    and uploads use instead of the shipped one; relative to the workspace folder."""
    extract_gazetteers: list[str] = Field(default_factory=list)
    """Extra gazetteer files (a GeoNames dump, the OCHA or Syrian Archive tables) for the
    places stage of this workspace's processing; relative to the workspace folder."""
    extract_actors: list[str] = Field(default_factory=list)
    """Extra actor dictionaries (TSV, or imported PETRARCH files), likewise."""
    extract_country: str | None = None
    """The country this workspace's texts are mostly about (`raqib extract --country`)."""

    @classmethod
    def load(cls, path: Path) -> WorkspaceConfig:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise WorkspaceError(f"cannot read {path}: {exc}") from exc
        try:
            return cls.model_validate(data)
        except ValueError as exc:
            raise WorkspaceError(f"{path}: invalid settings: {exc}") from exc

    def dump(self) -> str:
        lines = ["# Raqib workspace settings"]
        for key, value in self.model_dump(exclude_none=True).items():
            if isinstance(value, list):
                if value:  # a TOML array of basic strings (JSON's escapes are TOML's)
                    lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
            elif isinstance(value, int):
                lines.append(f"{key} = {value!r}")
            else:
                lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        return "\n".join(lines) + "\n"
