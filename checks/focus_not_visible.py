"""Focus stops where nothing visible changes when they receive keyboard focus (WCAG 2.4.7, F78).

Reads the `keyboard` artifact: for every Tab stop the computed focus-related styles while
focused and after focus moved on (outline, box-shadow, border, background, colour, text
decoration, opacity, transform, filter, and the same for ::before/::after), and for a
sample of stops the share of pixels in the element's area (plus 8 px for rings drawn
outside it) that changed between blurred and focused. A measurement stands for every stop
of the same kind (tag, role, classes) with the same style changes.

- failed: no style change that draws anything, under 0.2% of the pixels around it changed,
  and no pixel of the whole window did (ACT oj04fd: the indicator may be drawn anywhere);
- cantTell: no measurement for a stop without style change, nothing around it changed but
  something elsewhere in the window did (or the window was not compared), or styles change
  but under 1% of the pixels do (an outline in the background colour, a 1 px hairline);
- passed otherwise.

Stops that cannot be seen at all while focused are focus-order's (focus moved to hidden
content), not this check's. Whether an indicator has enough contrast is 1.4.11's question.
https://www.w3.org/WAI/WCAG21/Understanding/focus-visible.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.keyboard import KeyboardWalk, TabStop
from a11y_audit.artifacts.kinds import KEYBOARD
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.focus_appearance import visible_changes
from a11y_audit.model import Impact

NO_CHANGE = 0.002
"""Below this share of changed pixels nothing visible happened (anti-aliasing noise)."""
FAINT_CHANGE = 0.01


def verdicts(artifact: KeyboardWalk) -> dict[Target, Verdict]:
    """A verdict per visible Tab stop whose unfocused styles are known."""
    judged = [
        (stop, tuple(visible_changes(stop["style"], unfocused)))
        for stop in artifact["stops"] or []
        if not stop["hidden"]
        and stop["tag"] != "iframe"
        and (unfocused := stop["unfocused_style"]) is not None
    ]
    measured: dict[tuple[str, tuple[str, ...]], TabStop] = {}
    for stop, changed in judged:
        if stop["pixel_ratio"] is not None:
            measured.setdefault((str(stop["kind"]), changed), stop)
    found: dict[Target, Verdict] = {}
    for stop, changed in judged:
        sample = stop if stop["pixel_ratio"] is not None else measured.get((str(stop["kind"]), changed))
        ratio = sample["pixel_ratio"] if sample else None
        elsewhere = sample.get("viewport_pixels") if sample else None
        target = Target(str(stop["selector"]), str(stop["snippet"] or ""))
        found[target] = _judge(changed, ratio, elsewhere)
    return found


def _judge(changed: tuple[str, ...], ratio: float | None, elsewhere: int | None) -> Verdict:
    if not changed:
        if ratio is None:
            return cant_tell("no focus style changes when it is focused: check by tabbing to it")
        if ratio >= NO_CHANGE:
            return passed(f"{ratio:.1%} of its area changes when focused")
        if elsewhere == 0:
            return failed(
                "nothing changes when it receives keyboard focus (no outline, border, shadow, colour "
                "or background change, no pixel change around it or anywhere else in the window): "
                "restore the outline or add a :focus-visible style"
            )
        if elsewhere is None:
            return cant_tell(
                "nothing changes around it when it is focused, and the rest of the window was not "
                "compared: check by tabbing to it whether an indicator shows elsewhere"
            )
        return cant_tell(
            f"nothing changes around it when it is focused, but {elsewhere} pixels elsewhere in the "
            "window do: check that they show where focus is"
        )
    if ratio is not None and ratio < FAINT_CHANGE:
        return cant_tell(
            f"its {', '.join(changed)} changes when focused but only {ratio:.1%} of its area looks "
            "different: check the focus indicator can be seen"
        )
    return passed(f"focus changes its {', '.join(changed)}")


class FocusNotVisible(WholePageCheck):
    meta = CheckMeta(
        id="focus-not-visible",
        title="Keyboard focus is visible",
        failure_title="Keyboard focus is not visible",
        description=(
            "Sighted keyboard users need to see which element has focus; a theme that removes the "
            "outline (outline: none) without another style leaves them guessing where Enter will act. "
            "Keep the browser's focus ring or give :focus-visible a clear outline, border or shadow. "
            "The check tabs through the page, compares each stop's computed styles focused and "
            "unfocused, and compares screenshots of a sample of stops (one per kind of element and "
            "style change). It fails a stop only when neither styles nor pixels change; faint changes "
            "are left for review. It does not judge the indicator's contrast (1.4.11) or stops inside "
            "cross-origin frames."
        ),
        wcag=("2.4.7",),
        impact=Impact.SERIOUS,
        requires=("dom", KEYBOARD),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(KEYBOARD))
