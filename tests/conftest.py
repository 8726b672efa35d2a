"""Suite-wide test plumbing: what a test does when a machine-level prerequisite is missing."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

CI_VARIABLE = "A11Y_AUDIT_CI"
"""Set to 1 by .ci/run: the CI machine is built by ./bootstrap test, which installs Java, the
Grid jar and Redmine, so a missing one there is a broken CI setup, not an optional extra."""


def in_ci() -> bool:
    return os.environ.get(CI_VARIABLE, "") == "1"


def missing_prerequisite(what: str) -> NoReturn:
    """Skip a test whose machine-level prerequisite (Java, the Grid jar, Redmine) is missing, on a
    developer's machine; fail it in CI, where a skip would let the Grid or Redmine tests go
    unrun without anyone noticing."""
    if in_ci():
        pytest.fail(f"{what} ({CI_VARIABLE}=1: CI must run these tests, not skip them)", pytrace=False)
    pytest.skip(what)
