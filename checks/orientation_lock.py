"""Pages that hide or rotate their main content in one screen orientation (static CSS part).

WCAG 1.3.4: content must not restrict its view to portrait or landscape unless that
orientation is essential; failure F97 locks the orientation with CSS, typically a
`@media (orientation: ...)` rule that hides the page (and shows "please rotate your
device") or rotates it by 90 degrees (ACT rule b33eff: a quarter turn relative to the other
orientation, which the `layout_adaptation` gatherer measures on sampled pages by turning the
viewport; `_quarter_turn` says how). This check reads those rules from the `stylesheets`
artifact (the CSS object model of <style> elements and linked, imported and adopted
sheets alike, so each rule is judged once) and matches their selectors against the
rendered DOM. Cross-origin stylesheets that hide their rules from scripts are a cantTell
only where the page shows signs of a lock (a "rotate your device" message); orientation
locked by script (screen.orientation.lock) is not detected.
https://www.w3.org/WAI/WCAG21/Understanding/orientation.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cssselect import SelectorError
from lxml.html import HtmlElement

from a11y_audit.artifacts.kinds import LAYOUT_ADAPTATION, STYLESHEETS
from a11y_audit.artifacts.layout_adaptation import Turned
from a11y_audit.check import CheckMeta, Page, PageCheck, Verdict, cant_tell, failed, passed
from a11y_audit.judge.dom import normalise_space
from a11y_audit.model import Impact

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_ORIENTATION_MEDIA = re.compile(r"@media([^{]*\(\s*orientation\s*:\s*(portrait|landscape)\s*\)[^{]*)\{", re.I)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_HIDES = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
# The properties ACT rule b33eff names: `rotate`, and `transform` with a function that can turn.
_TURNS = re.compile(r"(?:^|;)\s*(?:rotate\s*:|transform\s*:[^;]*\b(?:rotate(?:3d|z)?|matrix(?:3d)?)\()", re.I)
# A quarter turn either way, in any CSS angle unit: 90deg, -90deg, 270deg, .25turn, 100grad, 1.5708rad.
_QUARTER = r"(-?(?:90|270)deg|-?0?\.25turn|-?0?\.75turn|-?(?:100|300)grad|-?1\.57\d*rad|-?4\.71\d*rad)"
_QUARTER_TURN = re.compile(
    rf"transform\s*:[^;]*rotate(?:z)?\(\s*{_QUARTER}\s*\)|(?:^|;)\s*rotate\s*:\s*(?:z\s+)?{_QUARTER}\s*(?:;|$)",
    re.I,
)
_QUARTER_DEGREES = (90.0, 270.0)
_DEGREE_TOLERANCE = 1.0
"""Degrees a relative rotation may miss a quarter turn by (1.5708rad is 90.0002deg)."""
# A message asking to turn the device: the visible half of a CSS orientation lock.
_ROTATE_HINT = re.compile(
    r"\b(?:rotate|turn)\b.{0,40}\b(?:device|phone|tablet|screen)\b|\b(?:portrait|landscape)\s+(?:mode|orientation|view)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class OrientationRule:
    """A style rule that applies only in one orientation and hides or rotates what it selects.

    `quarter`: a rotating rule that reads as a quarter turn by itself (rotate(90deg)), what is
    judged where the page was not measured in both orientations.
    """

    orientation: str
    media: str
    selector: str
    effect: str
    quarter: bool = False


def orientation_rules(css: str) -> Iterator[OrientationRule]:
    """Rules inside @media (orientation: ...) blocks that hide or rotate their elements."""
    css = _COMMENT.sub("", css)
    for media in _ORIENTATION_MEDIA.finditer(css):
        body = _block(css, media.end())
        for rule in _RULE.finditer(body):
            declarations = rule.group(2)
            effect = (
                "hides" if _HIDES.search(declarations) else "rotates" if _TURNS.search(declarations) else ""
            )
            if effect:
                for selector in rule.group(1).split(","):
                    yield OrientationRule(
                        media.group(2).lower(),
                        media.group(1).strip(),
                        selector.strip(),
                        effect,
                        bool(_QUARTER_TURN.search(declarations)),
                    )


def _block(css: str, start: int) -> str:
    """The text of the block that opens just before `start`, up to its matching brace."""
    depth = 1
    for index in range(start, len(css)):
        depth += {"{": 1, "}": -1}.get(css[index], 0)
        if depth == 0:
            return css[start:index]
    return css[start:]


class OrientationLock(PageCheck):
    meta = CheckMeta(
        id="orientation-lock",
        title="Content is available in both orientations",
        failure_title="Content is hidden or rotated in one orientation",
        description=(
            "People whose phone or tablet is mounted on a wheelchair or bed frame cannot turn it; "
            "a page that hides its content in landscape ('please rotate your device') or rotates "
            "itself locks them out. Remove @media (orientation: ...) rules that hide or rotate the "
            "page and let the layout adapt instead (unless one orientation is essential, as for a "
            "piano app or a bank cheque scan). The check reads @media (orientation) rules from every "
            "stylesheet the page can read (inline, linked, imported) that hide an element or turn it "
            "(rotate, or a transform with rotate or matrix functions); a turn locks the page when it is a "
            "quarter turn relative to the other orientation, as measured on pages whose viewport was turned "
            "(sampled pages) or, elsewhere, as read from a rotate(90deg)-like rule (other turns of the main "
            "content are then cantTell). Where a cross-origin stylesheet cannot be read and the page holds "
            "a 'rotate your device' message it says cantTell. It does not detect orientation locked by "
            "script."
        ),
        wcag=("1.3.4",),
        impact=Impact.SERIOUS,
        requires=("dom", STYLESHEETS),
    )

    def applicable(self, page: Page) -> Iterable[HtmlElement]:
        affected = list(dict.fromkeys(element for element, _ in _affected(page)))
        return affected or _unreadable_lock_hints(page)

    def expect(self, element: HtmlElement, page: Page) -> Verdict:
        rules = [rule for affected, rule in _affected(page) if affected is element]
        if not rules:
            unreadable = ", ".join(page.artifact(STYLESHEETS)["unreadable"] or [])
            return cant_tell(
                f"the page asks to turn the device ('{normalise_space(element.text_content())[:80]}') and "
                f"stylesheets that scripts cannot read ({unreadable[:200]}) may hide content in one "
                "orientation: check the page in portrait and landscape"
            )
        rule = next((rule for rule in rules if rule.effect == "hides"), rules[0])
        what = f"'{rule.selector} {{ ... }}' in @media {rule.media}"
        if rule.effect == "rotates":
            turn = _quarter_turn(element, rule, page)
            if isinstance(turn, Verdict):
                return turn
            what = f"{what} ({turn})"
        if _holds_main_content(element):
            return failed(f"{what} {rule.effect} the main content in {rule.orientation} orientation")
        has_main = bool(page.elements("//main | //*[@role='main']"))
        parent = element.getparent()
        if not has_main and parent is not None and parent.tag == "body":
            return cant_tell(
                f"{what} {rule.effect} a top-level block in {rule.orientation} orientation and the page "
                "has no main landmark: check whether the page content is still available"
            )
        return passed(f"{what} {rule.effect} only part of the page")


def _quarter_turn(element: HtmlElement, rule: OrientationRule, page: Page) -> Verdict | str:
    """How the element turns between the orientations, when by a quarter turn; else a verdict.

    ACT rule b33eff: a lock is a rotation of 90 degrees *relative* to the other orientation
    (rotate(92.5deg) over a page tilted 2.5deg locks it; rotateZ(1turn) does not). Where the
    page was turned in the browser (the layout_adaptation gatherer), its angles decide;
    elsewhere a rule that reads as a quarter turn by itself counts as one, and any other turn
    of the main content (a matrix, an angle added to another rule's) is cantTell.
    """
    layout = page.gathered(LAYOUT_ADAPTATION)
    measured = layout.get("turned") if layout else None
    if measured is None:
        if rule.quarter:
            return "a quarter turn, read from the rule alone"
        if not _holds_main_content(element):
            return passed(f"'{rule.selector}' turns only part of the page in {rule.orientation} orientation")
        return cant_tell(
            f"'{rule.selector}' turns the main content in {rule.orientation} orientation and the page was "
            "not measured in both orientations: check that it is not a quarter turn relative to the other"
        )
    angles = next((item["angles"] for item in measured if element in _selected(page, item)), None)
    if angles is None:
        return passed(f"'{rule.selector}' is turned the same in both orientations")
    first, second = angles["first"], angles["second"]
    if first is None or second is None:
        return cant_tell(
            f"'{rule.selector}' turns around another axis than the screen's in one orientation: check the "
            "page in portrait and landscape"
        )
    relative = (second - first) % 360
    if not any(abs(relative - quarter) <= _DEGREE_TOLERANCE for quarter in _QUARTER_DEGREES):
        return passed(
            f"'{rule.selector}' turns by {relative:g} degrees between the orientations, not a quarter turn"
        )
    return f"turned {first:g} degrees in one orientation and {second:g} in the other"


def _selected(page: Page, item: Turned) -> list[HtmlElement]:
    """The saved DOM's elements a gatherer's selector names (none when it cannot be read)."""
    try:
        return list(page.root.cssselect(str(item["selector"] or "")))
    except SelectorError:
        return []


def _holds_main_content(element: HtmlElement) -> bool:
    """The whole page, the main landmark, or a wrapper around it."""
    if element.tag in ("html", "body", "main") or element.get("role") == "main":
        return True
    return bool(element.xpath(".//main | .//*[@role='main']"))


def _affected(page: Page) -> list[tuple[HtmlElement, OrientationRule]]:
    found: list[tuple[HtmlElement, OrientationRule]] = []
    for sheet_rule in page.artifact(STYLESHEETS)["rules"] or []:
        for rule in orientation_rules(str(sheet_rule["css"] or "")):
            try:
                elements = page.root.cssselect(rule.selector)
            except SelectorError:  # pseudo-elements and selectors cssselect cannot evaluate
                continue
            found.extend((element, rule) for element in elements)
    return found


def _unreadable_lock_hints(page: Page) -> list[HtmlElement]:
    """Elements whose own text asks to turn the device, when some stylesheet could not be read."""
    if not page.artifact(STYLESHEETS)["unreadable"]:
        return []
    return [
        element
        for element in page.elements("//body//*[not(self::script or self::style or self::template)]")
        if _ROTATE_HINT.search(" ".join([element.text or "", *(child.tail or "" for child in element)]))
    ]
