"""aria-hidden-focusable: a Tab stop inside aria-hidden="true" fails only when it keeps focus."""

from __future__ import annotations

from a11y_audit.artifacts.keyboard import TabStop
from a11y_audit.checks.aria_hidden_focusable import verdicts
from a11y_audit.model import Outcome
from tests.checks.keyboard_data import artifact, stop


def outcomes(*stops: TabStop) -> dict[str, Outcome]:
    return {target.selector: verdict.outcome for target, verdict in verdicts(artifact(*stops)).items()}


def test_a_hidden_stop_that_keeps_focus_fails() -> None:
    assert outcomes(stop("#logo", aria_hidden=True, focus_kept=True)) == {"#logo": Outcome.FAILED}


def test_a_focus_sentinel_that_passes_focus_on_passes() -> None:
    # ACT 6cfa84 Passed Example 4: losing focus within a second without user action is not focusable.
    assert outcomes(stop("#sentinel", aria_hidden=True, focus_kept=False)) == {"#sentinel": Outcome.PASSED}


def test_unmeasured_visible_inert_and_frame_stops_are_not_judged() -> None:
    assert (
        outcomes(
            stop("#unmeasured", aria_hidden=True),
            stop("#shown", focus_kept=True),
            stop("#inert", aria_hidden=True, inert=True, focus_kept=True),
            stop("#frame", aria_hidden=True, tag="iframe", focus_kept=True),
        )
        == {}
    )
