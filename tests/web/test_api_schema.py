"""A property-based run of the OpenAPI spec (schemathesis) against the app in process.

Every operation gets a few generated requests (valid and invalid ones) sent with an admin
token; no answer may be a server error, and every answer must conform to the spec (status
code documented, content type, headers, body schema). Bounded: a few examples per
operation, no shrinking, a deadline per example.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from websupport import Site

schemathesis = pytest.importorskip("schemathesis")

from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]


MODES = ("POSITIVE", "NEGATIVE")
EXAMPLES = 4


def _run_operation(operation: Any, mode: Any, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


def test_the_spec_holds(site: Site) -> None:
    """Each operation of the spec, a few valid and a few invalid requests each.

    (One test looping over the operations: schemathesis's fixture-based pytest loader
    does not work with pytest 9.)"""
    app = site.client().app
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    headers = {"Authorization": f"Bearer {site.tokens['admin']}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 25
    failures = []
    for operation in operations:
        for mode in MODES:
            try:
                _run_operation(operation, getattr(GenerationMode, mode), headers)
            except Unsatisfiable:  # nothing in this operation can be made invalid
                continue
            except Exception as exc:  # collect them all, then report
                failures.append(f"{operation.label} ({mode}): {exc}"[:3000])
    assert not failures, "\n\n".join(failures)
