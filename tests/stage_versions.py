"""The versions of the extraction stages, for tests of the rules a version added, and the
first event a text reports."""

from __future__ import annotations

from datetime import date

from raqib.extract.model import Event
from raqib.extract.pipeline import Pipeline


def stage_version(pipeline: Pipeline, stage: str) -> int:
    """The version of the pipeline's stage named ``stage`` ('events' for
    'extract.events.v38'): a test of a rule a version added asserts at least that version,
    and later versions keep passing it."""
    prefix = f"extract.{stage}.v"
    (name,) = [s.name for s in pipeline.stages if s.name.startswith(prefix)]
    return int(name.removeprefix(prefix))


def first_event(pipeline: Pipeline, text: str, day: date) -> Event:
    """The most likely event ``text`` reports, read on ``day``; the text must report one."""
    doc = pipeline.run("t", text, day)
    assert doc.events, text
    return doc.events[0]
