"""Focus order that contradicts the reading order, or focus that lands out of sight (WCAG 2.4.3).

Reads the `keyboard` artifact: the Tab stops in the order Tab reached them, with each
one's position in the document (dom_rank), its box, its tabindex and whether it could be
seen while focused.

- Positive tabindex (failure F44): a stop with tabindex > 0 that Tab reaches before stops
  that come before it in the document *and* sit above it on the screen fails: the order
  contradicts both the reading and the visual order (the first Tab jumping into a form
  past the header). Positive tabindex that keeps the natural order passes.
- Hidden focus: a stop that cannot be seen while it has focus (no size, transparent,
  clipped, off-screen) fails when nothing visible is near it or no pixel around it (its
  label or a small ancestor) changes when it is focused; a visually hidden radio button
  whose label draws the focus passes. A visually hidden form control (or element with a
  role) inside a visible widget that stands for it, such as a range input under a slider
  thumb, is cantTell when that widget shows no focus: it must stay in the Tab order, and the
  defect is the thumb's focus indicator (2.4.7), not the order.
  Stops inside aria-hidden="true" are left to the aria-hidden-focusable check (4.1.2).
- Visual order: in natural (document) order, a stop that appears well above the previous
  one and not to its right (content moved up with CSS order or positioning) is cantTell.
https://www.w3.org/WAI/WCAG21/Understanding/focus-order.html
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from a11y_audit.artifacts.keyboard import KeyboardWalk, TabStop
from a11y_audit.artifacts.kinds import KEYBOARD
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.model import Impact

NO_CHANGE = 0.002
"""Below this share of changed pixels around a hidden stop, nothing showed its focus."""
_CONTROLS = frozenset({"input", "select", "textarea"})
"""Form controls a visible widget may draw in their place (a native range under a thumb)."""
JUMP_BACK = 200
"""CSS px a stop must sit above the previous one for the visual order to look contradicted."""
_HIDDEN = {
    "no-size": "has no size",
    "transparent": "is transparent",
    "clipped": "is clipped away",
    "off-screen": "is off-screen",
}


def verdicts(artifact: KeyboardWalk) -> dict[Target, Verdict]:
    """Verdicts on stops with positive tabindex, stops hidden while focused, and order jumps."""
    stops: Sequence[TabStop] = artifact["stops"] or []
    found: dict[Target, Verdict] = {}
    for index, stop in enumerate(stops):
        target = Target(str(stop["selector"]), str(stop["snippet"] or ""))
        verdict = _positive_tabindex(stops, index) or _hidden(stops, stop) or _jumps_back(stops, index)
        if verdict is not None:
            found[target] = verdict
    return found


def _tabindex(stop: TabStop) -> int:
    try:
        return int(str(stop["tabindex"] or "0").strip())
    except ValueError:
        return 0


def _positive_tabindex(stops: Sequence[TabStop], index: int) -> Verdict | None:
    stop = stops[index]
    value = _tabindex(stop)
    rank = stop["dom_rank"]
    if value <= 0 or rank is None:
        return None
    top = stop["rect"]["y"]
    skipped = [
        later
        for later in stops[index + 1 :]
        if _tabindex(later) <= 0
        and (later_rank := later["dom_rank"]) is not None
        and later_rank < rank
        and later["rect"]["y"] + later["rect"]["height"] <= top
    ]
    if not skipped:
        return passed(f"tabindex={value} keeps the reading order")
    return failed(
        f'tabindex="{value}" makes Tab reach it before {len(skipped)} element(s) above it that come first '
        f"in the page (first: {skipped[0]['selector']}): remove the positive tabindex and order the "
        "markup instead"
    )


def _hidden(stops: Sequence[TabStop], stop: TabStop) -> Verdict | None:
    reasons = list(stop["hidden"] or [])
    if not reasons or stop["aria_hidden"] or stop["tag"] == "iframe":
        return None
    ratio, area = _pixels(stops, stop)
    why = " and ".join(_HIDDEN.get(reason, reason) for reason in reasons)
    if area == "none":
        ratio = 0.0  # nothing visible anywhere near it: nothing can show its focus
    if ratio is None:
        return cant_tell(f"it {why} while focused: check that something on screen shows where focus is")
    if ratio >= NO_CHANGE:
        return passed("hidden itself, but its label or surroundings show focus")
    if area == "ancestor" and "off-screen" not in reasons and (stop["tag"] in _CONTROLS or stop["role"]):
        return cant_tell(
            f"it {why} while focused, inside a visible element that stands for it (a slider thumb, a "
            "custom radio or checkbox) and does not change: keep it in the Tab order, it is how keyboard "
            "users operate that widget, and check that the visible part shows focus (2.4.7)"
        )
    return failed(
        f"Tab moves focus to it, but it {why} and nothing around it changes: take it out of the Tab "
        "order while hidden (hidden, inert, display: none) or show it when focused"
    )


def _pixels(stops: Sequence[TabStop], stop: TabStop) -> tuple[float | None, str | None]:
    """The stop's measured pixel change and what was measured; an unmeasured stop takes a
    hidden stop's of the same kind (the walk measures one per kind)."""
    if stop["pixel_ratio"] is not None:
        return stop["pixel_ratio"], stop["pixel_area"]
    if stop["pixel_area"] == "none":
        return None, "none"
    like = (o for o in stops if o["kind"] == stop["kind"] and o["hidden"] and o["pixel_ratio"] is not None)
    other = next(like, None)
    return (other["pixel_ratio"], other["pixel_area"]) if other else (None, stop["pixel_area"])


def _jumps_back(stops: Sequence[TabStop], index: int) -> Verdict | None:
    if index == 0:
        return None
    stop, before = stops[index], stops[index - 1]
    if any(s["fixed"] or s["hidden"] or _tabindex(s) > 0 for s in (stop, before)):
        return None
    if (stop["dom_rank"] or 0) < (before["dom_rank"] or 0):
        return None  # not natural order: a script moved focus, judged as a trap or not at all
    here, previous = stop["rect"], before["rect"]
    above = here["y"] + here["height"] < previous["y"] - JUMP_BACK
    not_right = here["x"] < previous["x"] + previous["width"]
    if above and not_right:
        return cant_tell(
            f"Tab goes from {before['selector']} back up the page to this element: check that the focus "
            "order follows the visual order (CSS order, absolute positioning)"
        )
    return None


class FocusOrder(WholePageCheck):
    meta = CheckMeta(
        id="focus-order",
        title="Focus order follows the reading order",
        failure_title="Focus order contradicts the reading order or lands on hidden content",
        description=(
            "Keyboard and screen-reader users meet the page in focus order; positive tabindex values "
            "that pull a form ahead of the header, or focus that moves to off-screen and transparent "
            "elements, leave them lost. Remove positive tabindex and order the markup as it reads, and "
            "take hidden content out of the Tab order (hidden, inert or display: none). The check walks "
            "the page with Tab (up to [checks] max_tab_stops); it fails positive tabindex that jumps "
            "over content above it, and focus on elements nobody can see (unless their label or "
            "surroundings change when focused); it asks for review where Tab goes far back up the page. "
            "Focusable elements inside aria-hidden are left to aria-hidden-focusable; whether an "
            "order preserves meaning in other ways needs a person."
        ),
        wcag=("2.4.3",),
        impact=Impact.SERIOUS,
        requires=("dom", KEYBOARD),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(KEYBOARD))
