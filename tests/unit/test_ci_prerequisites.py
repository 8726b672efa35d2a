"""A missing machine-level prerequisite skips the Grid and Redmine tests locally and fails them
in CI (tests/conftest.py), and .ci/run is what says "this is CI"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CI_VARIABLE, missing_prerequisite

CI_RUN = Path(__file__).parents[2] / ".ci" / "run"


def test_locally_a_missing_prerequisite_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CI_VARIABLE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="java is not installed"):
        missing_prerequisite("java is not installed")


def test_in_ci_a_missing_prerequisite_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CI_VARIABLE, "1")
    with pytest.raises(pytest.fail.Exception, match=f"java is not installed .*{CI_VARIABLE}=1"):
        missing_prerequisite("java is not installed")


def test_the_ci_entry_point_declares_itself_ci() -> None:
    lines = CI_RUN.read_text("utf-8").splitlines()
    assert f"export {CI_VARIABLE}=1" in lines
    assert lines.index(f"export {CI_VARIABLE}=1") < lines.index("exec ./bootstrap test")
