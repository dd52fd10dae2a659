"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest

from raqib.extract import dates, numbers
from raqib.extract.model import Options
from raqib.extract.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline (default options, the shipped model and resources), built once:
    its stages keep nothing from one document to the next."""
    return Pipeline()



@pytest.fixture(scope="module")
def stages() -> tuple[dates.Dates, numbers.Numbers]:
    """The dates and numbers stages alone, for tests of the casualty figures."""
    return dates.create(Options()), numbers.create(Options())
