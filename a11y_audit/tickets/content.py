"""What a ticket says, built purely from one issue of a run (shared by every tracker).

A ticket must let a developer act without opening the report: what fails and which WCAG
criterion (with its Understanding document), how to reproduce it the way a keyboard or
screen-reader user meets it, expected vs actual, where it is (pages, templates), how urgent
and why, evidence, and the fingerprint that ties the ticket to the issue across runs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from a11y_audit.model import Issue, Outcome
from a11y_audit.reports.issue_summary import summarise
from a11y_audit.run_result import RunResult
from a11y_audit.tickets.markup import Code, CodeBlock, Document, Heading, Items, Link, Paragraph, Span, Text
from a11y_audit.wcag import criterion

__all__ = [
    "FINGERPRINT_LABEL_PREFIX",
    "FIXED_LABEL",
    "Ticket",
    "build_ticket",
    "fingerprint_label",
    "is_managed_label",
    "more_urgent",
    "ticket_labels",
    "with_priority",
]

FINGERPRINT_LABEL_PREFIX = "a11y-fp-"
FIXED_LABEL = "fixed?"  # where a tracker cannot close (no transition), --close-fixed labels instead
PRIORITIES = ("P1", "P2", "P3", "P4")
TITLE_LIMIT = 200  # Jira's summary holds 255; a title is read in lists, so keep it shorter
EXAMPLES_SHOWN = 10

# How a person meets the failure, per success criterion: the step that turns "axe says" into a
# reproduction a developer can follow with the assistive technology that is actually affected.
_SCREEN_READER = "With a screen reader (NVDA or JAWS with Chrome or Firefox, VoiceOver with Safari)"
_KEYBOARD = "Using only the keyboard (Tab, Shift+Tab, Enter, Space, arrow keys)"
_HOW_USERS_HIT_IT = {
    "1.1.1": f"{_SCREEN_READER}, move to the image or control: its purpose must be announced, "
    "or a decorative image skipped.",
    "1.3.1": f"{_SCREEN_READER}, read the element with the reading cursor: its structure (heading, "
    "list, table, label) must be announced as it looks.",
    "1.3.2": f"{_SCREEN_READER}, read the page top to bottom: the reading order must keep the meaning.",
    "1.3.4": "Rotate the device (or the emulated viewport) to portrait and landscape: the content "
    "must work in both.",
    "1.3.5": "Let the browser autofill the form: the field must be recognised by its purpose.",
    "1.4.1": "View the element without colour (grayscale): the information must not be lost.",
    "1.4.3": "Measure the text's contrast with a contrast checker: at least 4.5:1 (3:1 for large "
    "text) is needed, or low-vision users cannot read it.",
    "1.4.4": "Zoom the browser to 200%: all text must stay readable without loss of content.",
    "1.4.10": "Set the window to 320 CSS pixels wide (or zoom to 400%): content must reflow "
    "without scrolling in two directions.",
    "1.4.11": "Measure the contrast of the control's boundary or icon: at least 3:1 is needed.",
    "1.4.13": "Hover and focus the trigger: the extra content must be dismissable (Esc), hoverable "
    "and stay until dismissed.",
    "1.4.12": "Increase text spacing (line height 1.5, letter spacing 0.12em): no text may be "
    "cut off or overlap.",
    "2.1.1": f"{_KEYBOARD}, reach and operate the element: everything a mouse can do must work.",
    "2.1.2": f"{_KEYBOARD}, Tab into the element and then away from it: focus must not get stuck.",
    "2.4.1": f"{_KEYBOARD}, press Tab from the top of the page: a skip link or landmarks must let "
    "you bypass repeated blocks.",
    "2.4.2": f"{_SCREEN_READER}, load the page: the announced title must say what the page is.",
    "2.4.3": f"{_KEYBOARD}, Tab through the page: focus must move in an order that keeps meaning.",
    "2.4.4": f"{_SCREEN_READER}, list the links (NVDA+F7, VoiceOver rotor): each link's purpose "
    "must be clear from its name or context.",
    "2.4.6": f"{_SCREEN_READER}, list the headings and form fields: each must say what it is about.",
    "2.4.7": f"{_KEYBOARD}, Tab to the element: the focus indicator must be visible.",
    "2.5.3": "With speech input (Voice Control, Dragon), say the visible label: the control's "
    "accessible name must contain it.",
    "3.2.3": "Compare the navigation on several pages: repeated navigation must keep the same order.",
    "3.2.4": "Compare the control on the pages listed below: the same function must have the same name.",
    "3.1.1": f"{_SCREEN_READER}, load the page: it must be read in the page's language.",
    "3.3.1": f"{_SCREEN_READER}, submit the form with a mistake: the error must be announced in text.",
    "3.3.2": f"{_SCREEN_READER}, Tab into the field: its label or instructions must be announced.",
    "4.1.2": f"{_SCREEN_READER}, Tab or arrow to the element: it must announce a name, a role and its state.",
    "4.1.3": f"{_SCREEN_READER}, trigger the update: the status message must be announced without "
    "moving focus.",
}
_BY_PRINCIPLE = {
    "1": "Look at the element as a low-vision user would (zoom, contrast checker) and compare "
    "it with the expectation below.",
    "2": f"{_KEYBOARD}, reach and operate the element.",
}
_DEFAULT_STEP = f"{_SCREEN_READER}, move to the element and listen to what is announced."


@dataclass(frozen=True, slots=True)
class Ticket:
    """One issue as a ticket: the fields every tracker gets, the body as a markup tree."""

    fingerprint: str
    title: str
    body: Document
    labels: tuple[str, ...]
    priority: str
    priority_name: str
    due: str | None
    pages: int
    templates: tuple[str, ...]
    evidence: tuple[Path, ...]

    @property
    def reach(self) -> str:
        """How widespread the defect is, in words (compared between runs to decide on a comment)."""
        return f"{self.pages} page(s), {len(self.templates)} template(s)"


def fingerprint_label(fingerprint: str) -> str:
    """The label (or search term) that finds a ticket by its issue, even without the state file."""
    return FINGERPRINT_LABEL_PREFIX + fingerprint


def ticket_labels(issue: Issue) -> tuple[str, ...]:
    """a11y, one wcag-X.Y.Z per criterion, the priority, needs-review for cantTell, the fingerprint."""
    labels = ["a11y", *(f"wcag-{sc}" for sc in issue.rule.wcag), issue.triage.priority.value]
    if issue.outcome is Outcome.CANT_TELL:
        labels.append("needs-review")
    return (*labels, fingerprint_label(issue.fingerprint))


def is_managed_label(label: str) -> bool:
    """Labels sync owns (replaced on update); anything else on a ticket is a person's and stays."""
    return (
        label in ("a11y", "needs-review", FIXED_LABEL, *PRIORITIES)
        or label.startswith("wcag-")
        or label.startswith(FINGERPRINT_LABEL_PREFIX)
    )


def build_ticket(issue: Issue, run: RunResult) -> Ticket:
    """The ticket for one issue of `run`: the run's page record of the first instance names its
    screenshot, found in the run's folder (artifact paths in the results are relative to it)."""
    screenshot = _screenshot(run, issue.instances[0].page_url)
    return Ticket(
        fingerprint=issue.fingerprint,
        title=_title(issue),
        body=_body(issue, screenshot),
        labels=ticket_labels(issue),
        priority=issue.triage.priority.value,
        priority_name=_priority_name(issue),
        due=issue.triage.due.isoformat() if issue.triage.due else None,
        pages=_page_count(issue),
        templates=issue.templates,
        evidence=_evidence_files(run.folder, screenshot),
    )


def _evidence_files(output: Path | None, screenshot: str | None) -> tuple[Path, ...]:
    """The screenshot if it exists inside the results folder: a results.json naming a file
    elsewhere (`../../home/me/.netrc`) must not get it uploaded to a tracker."""
    if not screenshot or output is None:
        return ()
    path = (output / screenshot).resolve()
    return (path,) if path.is_relative_to(output.resolve()) and path.is_file() else ()


def _screenshot(run: RunResult, page_url: str) -> str | None:
    page = run.page(page_url)
    return page.artifacts.get("screenshot") if page else None


def _priority_name(issue: Issue) -> str:
    return issue.triage.priority_name or issue.triage.priority.value


def _page_count(issue: Issue) -> int:
    """The issue's page count, or its instances' distinct pages where the results lack it."""
    return issue.pages or len({item.page_url for item in issue.instances})


def _title(issue: Issue) -> str:
    """The issue's summary line (the same words as every report) without its page and element
    counts: a title that changed with every run's reach would rewrite the ticket for nothing."""
    prefix = "Needs review: " if issue.outcome is Outcome.CANT_TELL else ""
    title = prefix + summarise(issue).line(reach=False)
    return title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"


def _what(issue: Issue) -> str:
    """What the rule asks for, in the best words the results have."""
    return issue.rule.description or issue.rule.title or issue.rule.id


def _body(issue: Issue, screenshot: str | None) -> Document:
    return (
        Paragraph((Text(_what(issue)),)),
        Heading("Requirement"),
        _requirement(issue),
        Heading("Steps to reproduce"),
        *_steps(issue),
        Heading("Expected"),
        Paragraph((Text(_expected(issue)),)),
        Heading("Actual"),
        _actual(issue),
        Heading("Affected pages and templates"),
        *_affected(issue),
        Heading("Priority"),
        *_priority(issue),
        Heading("Evidence"),
        _evidence(screenshot),
        Heading("Fingerprint"),
        Paragraph(
            (
                Code(fingerprint_label(issue.fingerprint)),
                Text(" — a11y-audit finds this ticket by it on every run; keep it in the ticket."),
            )
        ),
    )


def _requirement(issue: Issue) -> Items:
    items: list[tuple[Span, ...]] = []
    for sc in issue.rule.wcag:
        known = criterion(sc)
        if known is None:
            items.append((Text(f"WCAG {sc}"),))
            continue
        items.append(
            (
                Text(f"WCAG 2.1 success criterion {known.sc} {known.name} (Level {known.level}): "),
                Link(f"Understanding {known.sc}", known.understanding),
            )
        )
    if not items:
        items.append((Text("Best practice (no WCAG success criterion): fix it for usability."),))
    rule = (Text(f"Rule {issue.rule.id} ({issue.rule.source.value}): "),)
    help_url = issue.rule.help_url
    items.append((*rule, Link("rule documentation", help_url)) if help_url else (*rule, Text("see docs")))
    return Items(tuple(items))


def _steps(issue: Issue) -> tuple[Items | CodeBlock, ...]:
    first = issue.instances[0]
    steps: list[tuple[Span, ...]] = [
        (Text("Open "), Code(first.page_url)),
        (Text("Find the element "), Code(first.selector or "(whole page)")),
    ]
    seen: list[str] = []
    for sc in issue.rule.wcag:
        step = _HOW_USERS_HIT_IT.get(sc) or _BY_PRINCIPLE.get(sc.split(".")[0], _DEFAULT_STEP)
        if step not in seen:
            seen.append(step)
    for step in seen or [_DEFAULT_STEP]:
        steps.append((Text(step),))
    snippet = first.snippet
    return (Items(tuple(steps), numbered=True), *((CodeBlock(snippet),) if snippet else ()))


def _expected(issue: Issue) -> str:
    expected = _what(issue).rstrip(".") + "."
    names = [f"{known.sc} {known.name}" for known in map(criterion, issue.rule.wcag) if known]
    return expected + (f" This is what WCAG {', '.join(names)} requires." if names else "")


def _actual(issue: Issue) -> Paragraph | CodeBlock:
    message = issue.instances[0].message.strip()
    if issue.outcome is Outcome.CANT_TELL and not message:
        return Paragraph((Text("The tool could not decide: a person needs to check this element."),))
    return CodeBlock(message) if message else Paragraph((Text("The rule fails on this element."),))


def _affected(issue: Issue) -> tuple[Paragraph | Items, ...]:
    instances, templates = issue.instances, issue.templates
    summary: list[Span] = [
        Text(f"{_page_count(issue)} page(s), {len(instances)} element(s), {len(templates)} template(s)")
    ]
    for index, name in enumerate(templates):
        summary += [Text(": " if index == 0 else ", "), Code(name)]
    examples: list[tuple[Span, ...]] = [
        (Code(item.page_url), Text(" — "), Code(item.selector or "(whole page)"))
        for item in instances[:EXAMPLES_SHOWN]
    ]
    if len(instances) > EXAMPLES_SHOWN:
        examples.append((Text(f"and {len(instances) - EXAMPLES_SHOWN} more in the report"),))
    return (Paragraph(tuple(summary)), Items(tuple(examples)))


def _priority(issue: Issue) -> tuple[Paragraph | Items, ...]:
    triage = issue.triage
    facts = f"{triage.priority.value} ({_priority_name(issue)})"
    if triage.due:
        facts += f", due {triage.due.isoformat()}"
    if triage.flow:
        facts += f"; flow: {triage.flow}"
    if triage.blocker:
        facts += "; blocks keyboard or screen-reader users"
    reasons = tuple((Text(reason),) for reason in triage.reasons)
    return (Paragraph((Text(facts),)), *((Items(reasons),) if reasons else ()))


def _evidence(screenshot: str | None) -> Paragraph:
    if not screenshot:
        return Paragraph((Text("No screenshot was saved for this page (run without --no-screenshots)."),))
    return Paragraph(
        (
            Text("Page screenshot in the run's output folder: "),
            Code(screenshot),
            Text(" (attached where the tracker allows attachments)."),
        )
    )


def more_urgent(priority: str, than: str) -> bool:
    """P1 is more urgent than P2; unknown names are never more urgent."""
    return (
        priority in PRIORITIES and than in PRIORITIES and PRIORITIES.index(priority) < PRIORITIES.index(than)
    )


def with_priority(ticket: Ticket, priority: str) -> Ticket:
    """The ticket at another priority (a customer's report raised it): field and label follow."""
    if priority == ticket.priority:
        return ticket
    labels = tuple(priority if label in PRIORITIES else label for label in ticket.labels)
    return replace(ticket, priority=priority, priority_name=priority, labels=labels)
