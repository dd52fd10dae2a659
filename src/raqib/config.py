"""Typed settings: from the environment (RAQIB_*) and from the workspace's raqib.toml."""

from __future__ import annotations

import getpass
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
            lines.append(f"{key} = {value!r}" if isinstance(value, int) else f'{key} = "{value}"')
        return "\n".join(lines) + "\n"
