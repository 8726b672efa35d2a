"""CI's guard on precision: every W3C ACT Rules case of the rules the product is consistent on
today (benchmarks/act/expectations.json), and the passed and inapplicable cases of the other
rules our checks map to.

It fails when one of our checks fails a passed or inapplicable case (a false failure: the thing
that gets a tool switched off in a merge gate), or when a rule expected consistent is no longer.
The whole suite with the published figures is `nox -s act`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.act.__main__ import PROJECT, main
from benchmarks.act.suite import SUITE_ENV, find_suite_root
from tests.conftest import missing_prerequisite

pytestmark = pytest.mark.browser


@pytest.mark.timeout(2400)
def test_our_checks_fail_no_passed_case_and_consistent_rules_stay_consistent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if find_suite_root(PROJECT) is None:
        missing_prerequisite(
            f"the W3C ACT Rules suite (../shared/act-rules beside the project, or {SUITE_ENV})"
        )
    code = main(["--subset", "--check", "--output", str(tmp_path / "act")])
    problems = [
        line
        for line in capsys.readouterr().err.splitlines()
        if line.startswith("act: ") and "auditing" not in line
    ]
    assert code == 0, "\n".join(problems)
