"""What happened to each input, for the progress display, --json and the exit code."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

NEW = "new"
DUPLICATE = "duplicate"
WITHOUT_TEXT = "stored-without-text"
FAILED = "failed"


@dataclass
class Outcome:
    name: str
    status: str
    reason: str | None = None
    id: int | None = None
    sha256: str | None = None
    title: str | None = None
    published_at: str | None = None
    language: str | None = None
    has_text: bool = False

    @property
    def complete(self) -> bool:
        """Stored with its text (now or by an earlier run)."""
        return self.status in (NEW, DUPLICATE) and self.has_text

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("has_text")
        data["input"] = data.pop("name")
        if data["reason"] is None:
            data.pop("reason")
        return data

    def line(self) -> str:
        """The one-line message for a person."""
        what = f"{self.name}: {self.status}"
        if self.id is not None:
            what += f" (document {self.id})"
        return what + (f": {self.reason}" if self.reason else "")
