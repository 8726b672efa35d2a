"""focus-order: positive tabindex against reading and visual order, hidden stops, jumps back."""

from __future__ import annotations

from a11y_audit.artifacts.keyboard import KeyboardWalk
from a11y_audit.checks.focus_order import verdicts
from a11y_audit.model import Outcome
from tests.checks.keyboard_data import artifact, stop


def outcomes(data: KeyboardWalk) -> dict[str, Outcome]:
    return {target.selector: verdict.outcome for target, verdict in verdicts(data).items()}


def box(y: int, x: int = 10) -> dict[str, int]:
    return {"x": x, "y": y, "width": 100, "height": 20}


def test_positive_tabindex_jumping_over_the_header_fails() -> None:
    data = artifact(
        stop("#email", tabindex="1", dom_rank=2, rect=box(400)),
        stop("#skip", dom_rank=0, rect=box(0)),
        stop("#logo", dom_rank=1, rect=box(40)),
    )
    assert outcomes(data) == {"#email": Outcome.FAILED}
    assert "#skip" in next(iter(verdicts(data).values())).message


def test_positive_tabindex_in_reading_order_passes() -> None:
    data = artifact(
        stop("#first", tabindex="1", dom_rank=0, rect=box(0)),
        stop("#second", tabindex="2", dom_rank=1, rect=box(40)),
        stop("#next", dom_rank=2, rect=box(80)),
    )
    assert outcomes(data) == {"#first": Outcome.PASSED, "#second": Outcome.PASSED}


def test_hidden_stop_fails_unless_its_surroundings_show_focus() -> None:
    data = artifact(
        stop("#offcanvas", hidden=["off-screen"], pixel_ratio=0.0, kind="a||.drawer"),
        stop("#radio", hidden=["no-size", "transparent"], pixel_ratio=0.2, kind="input||radio."),
        stop("#radio2", hidden=["no-size"], kind="input||radio.", dom_rank=1),
        stop("#unmeasured", hidden=["clipped"], kind="button||."),
    )
    assert outcomes(data) == {
        "#offcanvas": Outcome.FAILED,
        "#radio": Outcome.PASSED,
        "#radio2": Outcome.PASSED,
        "#unmeasured": Outcome.CANT_TELL,
    }


def test_hidden_control_drawn_by_a_widget_stays_in_the_tab_order() -> None:
    """A range input clipped inside a visible slider thumb is how keyboard users move the
    thumb: when the thumb shows no focus, the defect is its focus indicator (2.4.7), and
    advice to take the input out of the Tab order would break the slider."""
    thumb = {"tag": "input", "kind": "input||range.", "hidden": ["clipped"]}
    data = artifact(
        stop("#low", pixel_ratio=0.0, pixel_area="ancestor", **thumb),
        stop("#high", dom_rank=1, **thumb),
        stop("#drawer", hidden=["off-screen"], pixel_ratio=0.0, pixel_area="ancestor", tag="input"),
        stop("#sr-link", hidden=["clipped"], pixel_ratio=0.0, pixel_area="ancestor", kind="a||.sr"),
    )
    found = verdicts(data)
    assert outcomes(data) == {
        "#low": Outcome.CANT_TELL,
        "#high": Outcome.CANT_TELL,
        "#drawer": Outcome.FAILED,
        "#sr-link": Outcome.FAILED,
    }
    low = next(verdict for target, verdict in found.items() if target.selector == "#low")
    assert "keep it in the Tab order" in low.message and "take it out" not in low.message


def test_aria_hidden_stops_are_left_to_axe() -> None:
    data = artifact(stop("#slide-link", hidden=["transparent"], aria_hidden=True, pixel_ratio=0.0))
    assert verdicts(data) == {}


def test_natural_order_jumping_far_back_up_the_same_column_needs_review() -> None:
    data = artifact(
        stop("#footer-link", dom_rank=0, rect=box(2000)),
        stop("#moved-up", dom_rank=1, rect=box(100)),
        stop("#next-column", dom_rank=2, rect=box(50, x=600)),
    )
    assert outcomes(data) == {"#moved-up": Outcome.CANT_TELL}


def test_fixed_elements_do_not_count_as_jumps() -> None:
    data = artifact(
        stop("#a", dom_rank=0, rect=box(2000)), stop("#sticky", dom_rank=1, rect=box(0), fixed=True)
    )
    assert verdicts(data) == {}
