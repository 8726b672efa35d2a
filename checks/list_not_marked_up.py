"""Lines presented as a list that are not marked up as one (WCAG 1.3.1, failure F2, technique H48).

Bullets typed as characters ("• Pure linen<br>• Made in Portugal") or numbered lines in
separate paragraphs ("1. Choose your size", "2. ...") show a list to the eye; a screen reader
announces neither that it is a list nor how many items it has, and users cannot skip it.
Judged from the rendered page (the `visual_structure` artifact): lines of one element split
by <br>, or sibling blocks (with a bullet drawn by ::before counted as their first
character), outside list markup. Three or more consecutive lines starting with the same
bullet character (•, ▪, ►, ✓...; not stars, which rate), or numbered or lettered in sequence
(1. 2. 3., a) b) c)), fail; lines starting with a hyphen, asterisk, plus, dash or arrow need
review (they also start lines of dialogue, footnotes, sizes and links), as do numbered
paragraphs longer than a line item (clauses of terms and conditions). Lines inside links,
buttons, menus, quotes and preformatted text, and hidden lines, are not judged.
https://www.w3.org/WAI/WCAG21/Techniques/html/H48
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from a11y_audit.artifacts.kinds import VISUAL_STRUCTURE
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.commons import target_of
from a11y_audit.model import Impact

_BULLETS = frozenset("•·‣\u2043∙▪▫■□●○◦►▶▸➤✓✔✗✘☐☑")
"""Characters that mark list items and little else (stars are ratings more often)."""
_DASHES = frozenset("-*+\u2013\u2014→")
"""Characters that start list items, but also dialogue, footnotes, ranges and links."""
_NUMBERED = re.compile(r"^\(?(\d{1,3}|[a-zA-Z])[.)]\s*\S")
_LONG_LINE = 100
"""A numbered line this long (the gatherer cuts lines here) is a paragraph, maybe a clause."""
_MIN_ITEMS = 3
_NOT_JUDGED = frozenset({"control", "menu", "caption", "hidden"})


@dataclass(frozen=True, slots=True)
class _Run:
    """Consecutive lines marked alike: `marker` is the bullet, or "1." for a numbered sequence."""

    marker: str
    lines: tuple[str, ...]

    @property
    def numbered(self) -> bool:
        return self.marker not in _BULLETS and self.marker not in _DASHES


class ListNotMarkedUp(WholePageCheck):
    meta = CheckMeta(
        id="list-not-marked-up",
        title="Lines presented as a list are marked up as a list",
        failure_title="Lines presented as a list are not marked up as one",
        description=(
            "Lines that start with bullets typed as characters (•, ▪, ✓) or numbers in sequence (1. 2. "
            "3.), split by <br> or in separate paragraphs, look like a list but screen readers announce "
            "no list and no item count. Use <ul> or <ol> with <li> items (technique H48) and draw the "
            "bullets with CSS. Failed for three or more such lines outside list markup; needs review "
            "for lines starting with hyphens, asterisks or dashes, and for long numbered paragraphs."
        ),
        wcag=("1.3.1",),
        impact=Impact.MODERATE,
        requires=("dom", VISUAL_STRUCTURE),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        verdicts: dict[Target, Verdict] = {}
        for group in page.artifact(VISUAL_STRUCTURE)["lists"]:
            if set(group["inside"]) & _NOT_JUDGED:
                continue
            run = longest_run(group["lines"])
            verdicts[target_of(group)] = (
                _verdict(run, group["kind"])
                if run is not None
                else passed("no three lines in a row share a bullet or a numbering in sequence: no list")
            )
        return verdicts


def _verdict(run: _Run, kind: str) -> Verdict:
    how = "split by <br>" if kind == "br" else "in separate blocks"
    items = f"{len(run.lines)} lines {how}, from {run.lines[0][:40]!r} to {run.lines[-1][:40]!r},"
    fix = "mark them up as a list (<ul>/<ol> with <li>; draw bullets with CSS) so screen readers announce it"
    if run.marker in _DASHES:
        return cant_tell(f"{items} start with {run.marker!r}: if they are a list, {fix}")
    if run.numbered and any(len(line) >= _LONG_LINE for line in run.lines):
        return cant_tell(f"{items} are numbered paragraphs: if they are items of a list, {fix}")
    what = "are numbered in sequence" if run.numbered else f"start with the bullet {run.marker!r}"
    return failed(f"{items} {what} but are not a list: {fix}")


def longest_run(lines: Sequence[str]) -> _Run | None:
    """The longest run of at least three consecutive lines with one bullet or a numbering in
    sequence (1, 2, 3 or a, b, c), None when there is none."""
    best: _Run | None = None
    start = 0
    while start < len(lines):
        end = start + 1
        while end < len(lines) and _continues(lines[end - 1], lines[end]):
            end += 1
        longer = best is None or end - start > len(best.lines)
        if end - start >= _MIN_ITEMS and _marker(lines[start]) and longer:
            best = _Run(_marker(lines[start]), tuple(lines[start:end]))
        start = end
    return best


def _marker(line: str) -> str:
    """The line's bullet character, "1." for a numbered or lettered line, "" for neither."""
    first, second = line[:1], line[1:2]
    if first in _BULLETS and second != first and line[1:].strip():
        return first
    if first in _DASHES and second.isspace() and line[2:3] not in _DASHES:
        return first
    return "1." if _NUMBERED.match(line) else ""


def _continues(previous: str, line: str) -> bool:
    """The line carries on the previous one's list: the same bullet, or the next number or letter."""
    marker = _marker(previous)
    if not marker or marker != _marker(line):
        return False
    if marker != "1.":
        return True
    before, after = _NUMBERED.match(previous), _NUMBERED.match(line)
    if before is None or after is None:
        return False
    first, second = before.group(1), after.group(1)
    if first.isdigit() and second.isdigit():
        return int(second) == int(first) + 1
    return first.isalpha() and second.isalpha() and ord(second) == ord(first) + 1
