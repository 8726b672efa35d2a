"""Pages that scroll sideways or cut content off at 320 CSS px wide.

WCAG 1.4.10: content that scrolls vertically must be usable at 320 CSS px wide (400% zoom
on a 1280 px window) without scrolling in two dimensions, except parts that need a
two-dimensional layout: images such as maps and diagrams, video, games, presentations,
data tables and toolbars. The `layout_adaptation` gatherer renders the page at 320 CSS px
and records the document's scroll width and the outermost elements reaching beyond the left
or right edge (elements inside a box that clips or scrolls sideways are that box's business),
naming any table, preformatted text, video, image or frame that makes them that wide.
https://www.w3.org/WAI/WCAG21/Understanding/reflow.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.kinds import LAYOUT_ADAPTATION
from a11y_audit.artifacts.layout_adaptation import Offender
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import clipping_verdicts, target_of, whole_page_passes
from a11y_audit.judge.engine import keep_worst
from a11y_audit.model import Impact

_TWO_DIMENSIONAL = {"table": "a data table", "pre": "preformatted text", "code": "code", "video": "a video",
                    "canvas": "a canvas", "math": "a formula"}  # fmt: skip
_TWO_DIMENSIONAL_ROLES = {"toolbar": "a toolbar", "grid": "a grid", "treegrid": "a tree grid",
                          "table": "a table", "application": "an application"}  # fmt: skip
_MAYBE_TWO_DIMENSIONAL = {"img", "svg", "picture", "iframe", "object", "embed"}
_TOLERANCE = 1
"""CSS px of sub-pixel rounding ignored at the edges."""


def _offender(item: Offender, width: int, scrolls: bool) -> Verdict:
    needs = item.get("needs")
    tag, role = (str(needs["tag"] or ""), str(needs["role"] or "")) if needs else ("", "")
    needed = needs["selector"] if needs else None
    what = _TWO_DIMENSIONAL_ROLES.get(role) or _TWO_DIMENSIONAL.get(tag)
    if what:
        return passed(f"At 320 CSS px it is as wide as {what} ({needed}), which may need two dimensions")
    right, left = int(item["right"] or 0), int(item.get("left") or 0)
    if right > width + _TOLERANCE:
        where = f"reaches {right - width} px beyond the right edge"
        effect = "the page scrolls sideways" if scrolls else "the part beyond the edge is cut off"
    else:
        where = f"starts {-left} px beyond the left edge"
        effect = "the part beyond the edge cannot be scrolled to"
    if tag in _MAYBE_TWO_DIMENSIONAL or role == "img":
        return cant_tell(
            f"At 320 CSS px this element is {item.get('width')} px wide and {where} because of the <{tag}> "
            f"({needed}): check whether it is a map or diagram that needs two dimensions; "
            "otherwise let it scale down (max-width: 100%)"
        )
    return failed(
        f"At 320 CSS px this element is {item.get('width')} px wide and {where}, so {effect}: remove fixed "
        "widths (use max-width, %, fr or flex-wrap) and stack columns in a media query"
    )


class Reflow(WholePageCheck):
    meta = CheckMeta(
        id="reflow",
        title="Content reflows at 320 CSS pixels",
        failure_title="Content scrolls sideways or is cut off at 320 CSS pixels",
        description=(
            "People who zoom to 400% see pages 320 CSS px wide; content that then needs sideways "
            "scrolling for every line, or is cut off at the edge, is very hard to use. The check "
            "renders the page at 320 CSS px and fails the outermost elements that reach beyond the "
            "left or right edge (fixed widths, wide grids, nowrap rows) and text newly cut off by "
            "boxes with overflow: hidden or overlapping other text. Elements as wide as a data table, "
            "preformatted text, a video, a canvas or a toolbar pass (WCAG's two-dimensional exception); "
            "ones as wide as an image, SVG or frame are cantTell (a map or diagram may need two "
            "dimensions, a photo should shrink). Fix: fluid widths (max-width, %, fr, flex-wrap) and "
            "media queries that stack columns. It cannot see content that was off screen before "
            "narrowing, loss of functionality, or what happens inside frames."
        ),
        wcag=("1.4.10",),
        impact=Impact.SERIOUS,
        requires=("dom", LAYOUT_ADAPTATION),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return _verdicts(page)


def _verdicts(page: Page) -> dict[Target, Verdict]:
    measurement = page.artifact(LAYOUT_ADAPTATION).get("reflow")
    if measurement is None:
        return {}
    viewport = measurement["viewport"]
    width = int(viewport["width"] or 320) if viewport else 320
    scroll_width = int(measurement["scrollWidth"] or 0)
    scrolls = scroll_width > width + _TOLERANCE
    when = "At 320 CSS px"
    verdicts = clipping_verdicts(measurement, when)
    offenders = measurement.get("offenders") or []
    for item in offenders:
        keep_worst(verdicts, target_of(item), _offender(item, width, scrolls))
    if scrolls and not offenders:
        verdicts[Target("html", "<html>")] = cant_tell(
            f"At 320 CSS px the page is {scroll_width} px wide and scrolls sideways, but no element that "
            "was on screen before reaches beyond the edge: find what widens it (an off-screen menu, "
            "a negative margin)"
        )
    whole_page_passes(verdicts, measurement, when)
    return verdicts
