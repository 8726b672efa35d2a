"""skip-link-not-working: judged only where the target exists (broken-skip-link has the rest)."""

from __future__ import annotations

from typing import Any

from a11y_audit.checks.skip_link_not_working import verdicts
from a11y_audit.model import Outcome
from tests.checks.keyboard_data import artifact, stop

LINK = {"selector": "#skip", "snippet": "<a id='skip' href='#main'>", "rect": {}}
MAIN = {"selector": "#main", "snippet": "<main id='main'>", "rect": {}}
FIRST_IN_MAIN = {"selector": "#buy", "snippet": "<button id='buy'>", "rect": {}}


RECORD: dict[str, Any] = {
    "link": LINK,
    "href": "#main",
    "target": MAIN,
    "focus": LINK,
    "focus_in_target": False,
    "scrolled": False,
    "next_focus": None,
    "next_in_target": False,
    "next_follows_target": False,
    "walk_next": "#logo",
}


def skip(**fields: Any) -> list[Outcome]:
    record = {**RECORD, **fields}
    return [verdict.outcome for verdict in verdicts(artifact(skip_links=[record])).values()]


def test_focus_moved_into_the_target_passes() -> None:
    assert skip(focus=MAIN, focus_in_target=True) == [Outcome.PASSED]


def test_next_tab_landing_after_the_target_passes() -> None:
    assert skip(next_focus=FIRST_IN_MAIN, next_follows_target=True) == [Outcome.PASSED]


def test_next_tab_going_on_through_the_header_fails() -> None:
    assert skip(next_focus={"selector": "#logo", "snippet": "<a>", "rect": {}}) == [Outcome.FAILED]


def test_next_tab_leaving_the_page_where_it_would_have_stayed_passes() -> None:
    # The target has nothing focusable after it: the starting point moved there, Tab leaves.
    assert skip(next_focus=None) == [Outcome.PASSED]


def test_next_tab_going_round_to_the_first_stop_passes() -> None:
    record = {**RECORD, "next_focus": {"selector": "#top", "snippet": "<a>", "rect": {}}}
    walk = artifact(stop("#top"), stop("#skip"), stop("#logo"), skip_links=[record])
    assert [verdict.outcome for verdict in verdicts(walk).values()] == [Outcome.PASSED]


def test_next_tab_elsewhere_is_for_a_person() -> None:
    assert skip(next_focus={"selector": "#menu", "snippet": "<button>", "rect": {}}) == [Outcome.CANT_TELL]


def test_last_stop_cannot_be_told() -> None:
    assert skip(next_focus=None, walk_next=None) == [Outcome.CANT_TELL]


def test_missing_target_is_broken_skip_links_finding() -> None:
    assert skip(target=None) == []
    assert verdicts(artifact()) == {}
