"""A time limit that ends the session or leaves the page without warning or a way to extend (WCAG 2.2.1).

Reads the `timing` artifact (a11y_audit/browser/gatherers/timing.py): the page's long
timers fired early in the order they fall due, each with what it did. A timer *ends* the
page when firing it navigates, reloads, submits a form, opens a window, calls a sign-out
or session address, or wipes most of the page or its form fields; timers that do none of
these (analytics, pop-ups) are not judged. A *warning* is a message shown by an earlier
timer (a dialog, alert, live region, where focus went, or a native alert/confirm) that
talks about the time limit; it *offers more time* when a control in it says continue,
extend, stay, keep... (a native confirm's OK does). Each end is judged by the warnings shown
since the previous end (every limit needs its own warning): none fails, on the page's main
content (a redirect after a time limit); a warning without a control to extend is cantTell
and one that offers more time passes, both on the warning.
https://www.w3.org/WAI/WCAG21/Understanding/timing-adjustable.html
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from a11y_audit.artifacts.kinds import TIMING
from a11y_audit.artifacts.timing import FiredTimer, Timers
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.model import Impact

TIME_LIMIT_WORDS = re.compile(
    r"\b(session|time[ds]? ?out|timing out|expir\w*|inactiv\w*|idle|still there|more time|"
    r"(log|sign)(ged)? ?(out|off)|minutes?|seconds?|mins?|secs?)\b",
    re.IGNORECASE,
)
EXTEND_WORDS = re.compile(
    r"\b(extend|continue|stay|keep|more time|still here|renew|resume|refresh|yes|ok|okay|i'?m here)\b",
    re.IGNORECASE,
)
SESSION_END_ADDRESS = re.compile(
    r"(log|sign)[-_ ]?(out|off)|session.?(end|expire|timeout)|expired?\b", re.IGNORECASE
)
WIPED = 0.5
"""A page that loses more than this share of its text or form fields at once was cleared."""
_FIX = (
    "warn at least 20 seconds before the time limit with a control to extend it (or let people turn it "
    "off or set it to ten times the default)"
)


def page_end(fired: FiredTimer) -> str | None:
    """What a fired timer did that takes the page or the session away, or None."""
    navigations = fired.get("navigations") or []
    if navigations:
        return f"navigates to {navigations[0].get('url') or 'another page'}"
    if fired.get("submits"):
        return "submits a form"
    if fired.get("opened"):
        return "opens a new window"
    for request in fired.get("requests") or []:
        if SESSION_END_ADDRESS.search(str(request["url"] or "")):
            return f"calls {request.get('url')} (ends the session)"
    for before, after, what in (
        (fired.get("fieldsBefore"), fired.get("fieldsAfter"), "form fields"),
        (fired.get("textBefore"), fired.get("textAfter"), "text"),
    ):
        had, has = int(before or 0), int(after or 0)
        if had > 0 and has < had * WIPED:
            return f"removes most of the page's {what}"
    return None


@dataclass(frozen=True, slots=True)
class TimeWarning:
    """A message about the time limit shown by a fired timer."""

    text: str
    extend: bool
    """Whether it offers more time (a control saying continue, extend...; a native confirm)."""
    target: Target | None
    """The message element (None for a native alert or confirm)."""


def warning(fired: FiredTimer) -> TimeWarning | None:
    """The message about the time limit that a fired timer showed, or None."""
    for dialog in fired.get("nativeDialogs") or []:
        text = str(dialog)
        if TIME_LIMIT_WORDS.search(text):
            return TimeWarning(text[:120], text.startswith("confirm("), None)
    for message in fired.get("messages") or []:
        text = str(message["text"] or "")
        if TIME_LIMIT_WORDS.search(text) and message["selector"]:
            extend = any(EXTEND_WORDS.search(str(name)) for name in message.get("controls") or [])
            return TimeWarning(
                text[:120], extend, Target(str(message["selector"]), str(message["snippet"] or ""))
            )
    return None


def _after(delay: float | None) -> str:
    seconds = float(delay or 0) / 1000
    return f"{seconds / 60:g} min" if seconds >= 120 else f"{seconds:g} s"


def _warned(shown: TimeWarning, outcome: str) -> Verdict:
    if shown.extend:
        return passed(f"{outcome}after a warning offering more time ('{shown.text}')")
    return cant_tell(
        f"{outcome}after a warning ('{shown.text}') with no control that obviously extends the time: check "
        f"that people can ask for more time"
    )


def timing_verdicts(artifact: Timers) -> dict[Target, Verdict]:
    """Verdicts on the page's time limits, in the order they fall due: each timer that ends the
    page is judged by the warnings shown since the previous end (each limit needs its own). An
    unwarned end is reported on the page's main content, a warned one on its warning."""
    page = artifact["page"]
    main = Target(page["selector"], page["snippet"] or "") if page and page["selector"] else None
    found: dict[Target, Verdict] = {}
    shown: TimeWarning | None = None
    for fired in artifact["fired"] or []:
        end = page_end(fired)
        if end is None:
            shown = shown or warning(fired)
            continue
        outcome = f"after {_after(fired.get('delay'))} the page {end}"
        if shown is None:
            target, verdict = main, failed(f"{outcome} with no warning before: {_FIX}")
        else:
            target, verdict = shown.target or main, _warned(shown, f"{outcome}, ")
        if target is not None:
            found.setdefault(target, verdict)
        shown = None
    if shown is not None:  # a warning whose end was not seen (a short countdown may end it)
        target = shown.target or main
        if target is not None:
            found.setdefault(target, _warned(shown, "a timer warns about a time limit, "))
    return found


class TimingNotAdjustable(WholePageCheck):
    meta = CheckMeta(
        id="timing-not-adjustable",
        title="Time limits warn and can be extended",
        failure_title="A time limit ends the page without warning",
        description=(
            "Checkouts and sign-in sessions that time out, and pages that redirect or reload after a "
            "delay, take the page away from people who read slowly, use a screen reader or switch access, "
            "or were interrupted. Unless the limit is essential, real-time or over 20 hours, warn at least "
            "20 seconds before it with a simple way to extend it (or let people turn it off or adjust it). "
            "The check fires the page's long script timers (10 s or more) early, in the order they fall "
            "due, with navigation and network requests blocked: a timer that navigates, reloads, submits a "
            "form, calls a sign-out address or wipes the page fails unless an earlier timer showed a "
            "message about the time limit (dialog, alert, live region, focus, native dialog); a warning "
            "without a control such as 'continue' or 'extend' is cantTell; with one it passes. It cannot "
            "see time limits enforced only by the server, or counted by short polling timers against the "
            "clock, and does not test that the extend control works. <meta http-equiv=refresh> is "
            "axe-core's meta-refresh."
        ),
        wcag=("2.2.1",),
        impact=Impact.SERIOUS,
        requires=("dom", TIMING),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return timing_verdicts(page.artifact(TIMING))
