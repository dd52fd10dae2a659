"""A workspace: one folder with the database, the vault and the keys."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from raqib.capture.base import Limits
from raqib.config import CONFIG_FILE, WorkspaceConfig
from raqib.errors import ProofError, WorkspaceError
from raqib.store import engine as store
from raqib.vault import keys, note
from raqib.vault.blobs import BlobStore
from raqib.vault.checkpoints import Signer

if TYPE_CHECKING:
    from raqib.extract.model import Options

DB_FILE = "raqib.db"


@dataclass
class Workspace:
    root: Path
    config: WorkspaceConfig
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def keys_dir(self) -> Path:
        return self.root / "keys"

    @property
    def database_url(self) -> str:
        return self.config.database_url or store.sqlite_url(self.root / DB_FILE)

    @property
    def limits(self) -> Limits:
        return Limits(self.config.max_parse_bytes, self.config.max_child_bytes)

    @classmethod
    def create(cls, root: Path, database_url: str | None = None) -> Workspace:
        root = root.resolve()
        if (root / CONFIG_FILE).exists():
            raise WorkspaceError(f"{root} is already a Raqib workspace")
        if (root / "keys").exists():
            raise WorkspaceError(
                f"{root} holds a half-made workspace (keys but no {CONFIG_FILE}, an interrupted "
                "init?): move it aside or choose another folder"
            )
        if database_url is not None and store.is_server(database_url) \
                and store.table_names(database_url):
            raise WorkspaceError(
                "the database already holds tables (another workspace?): give an empty one"
            )
        root.mkdir(parents=True, exist_ok=True)
        ws_id = secrets.token_hex(6)
        config = WorkspaceConfig(
            workspace_id=ws_id, origin=f"raqib.local/{ws_id}", database_url=database_url
        )
        keys.create_keys(root / "keys", config.origin)
        ws = cls(root, config)
        ws.blobs.tmp.mkdir(exist_ok=True)  # the vault folders exist from the start
        store.migrate(ws.engine)
        tmp = root / (CONFIG_FILE + ".tmp")
        tmp.write_text(config.dump(), encoding="utf-8")
        os.replace(tmp, root / CONFIG_FILE)  # written last: a half-made workspace is not one
        return ws

    @classmethod
    def open(cls, root: Path) -> Workspace:
        root = root.resolve()
        cfg = root / CONFIG_FILE
        if not cfg.is_file():
            raise WorkspaceError(f"{root} is not a Raqib workspace (no {CONFIG_FILE})")
        return cls(root, WorkspaceConfig.load(cfg))

    @classmethod
    def find(cls, option: Path | None) -> Workspace:
        """The workspace named by the option, else RAQIB_WORKSPACE, else the current folder
        or one of its parents (the option and the variable arrive here as ``option``)."""
        if option is not None:
            return cls.open(option)
        here = Path.cwd().resolve()
        for folder in (here, *here.parents):
            if (folder / CONFIG_FILE).is_file():
                return cls.open(folder)
        raise WorkspaceError(
            "no Raqib workspace here; run `raqib init DIR`, pass --workspace or set RAQIB_WORKSPACE"
        )

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = store.make_engine(self.database_url)
        return self._engine

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        return store.session_factory(self.engine)

    @cached_property
    def blobs(self) -> BlobStore:
        return BlobStore(self.root / "vault", lambda: keys.load_seal_key(self.keys_dir))

    @cached_property
    def signer(self) -> Signer:
        return Signer(self.config.origin, keys.load_signing_key(self.keys_dir))

    def public_key_text(self) -> str:
        path = self.keys_dir / keys.PUBLIC_KEY
        try:
            return path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise WorkspaceError(f"cannot read the public key {path}: {exc}") from exc

    @property
    def public_key(self) -> bytes:
        """The verifier key from signing.pub: verification needs no private key."""
        try:
            origin, key = note.parse_verifier_key(self.public_key_text())
        except ProofError as exc:
            raise WorkspaceError(f"{self.keys_dir / keys.PUBLIC_KEY}: {exc}") from exc
        if origin != self.config.origin:
            raise WorkspaceError(f"signing.pub names log {origin!r}, not {self.config.origin!r}")
        return key

    def extract_options(self, model: str | None = None) -> Options:
        """The extraction options of this workspace's processing: its raqib.toml's
        ``extract_model``, ``extract_gazetteers`` and ``extract_actors`` (paths relative to
        the workspace folder) and ``extract_country``; ``model`` (a command's --model)
        overrides the model."""
        from raqib.extract.model import Options as ExtractOptions

        def found(key: str, name: str) -> str:
            path = (self.root / name).resolve()
            if not (path.is_file() or (key == "extract_gazetteers" and path.is_dir())):
                raise WorkspaceError(f"{self.root / CONFIG_FILE}: {key}: file not found: {name}")
            return str(path)

        chosen = model or (self.config.extract_model and found("extract_model",
                                                                self.config.extract_model))
        return ExtractOptions(
            model=chosen or None,
            gazetteer_files=tuple(found("extract_gazetteers", n)
                                  for n in self.config.extract_gazetteers),
            actor_files=tuple(found("extract_actors", n) for n in self.config.extract_actors),
            country=self.config.extract_country,
        )

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
