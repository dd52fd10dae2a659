"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest

from raqib.extract.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline (default options, the shipped model and resources), built once:
    its stages keep nothing from one document to the next."""
    return Pipeline()

