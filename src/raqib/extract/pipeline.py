"""The extraction pipeline: stages in order, each stamped on what it produced."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import date

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

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def run(
        self, doc_id: str, text: str, reference_date: date | None = None,
        language: str | None = None,
    ) -> Analysis:
        """Run every stage; a stage that fails is recorded on the document, the rest go on."""
        doc = Analysis(id=doc_id, text=text, reference_date=reference_date, language=language)
        for stage in self.stages:
            try:
                stage(doc)
            except Exception as exc:  # one stage's bug must not lose the others' findings
                doc.errors.append(f"{stage.name} failed: {exc.__class__.__name__}: {exc}")
            else:
                doc.stages.append(stage.name)
        return doc
