"""Form errors that are not shown in text, not tied to the field, or not announced (WCAG 3.3.1, 3.3.3).

Reads the `form_errors` artifact (a11y_audit/browser/gatherers/form_errors.py): for each
declared-safe form submitted empty and with malformed values (never sent to the server),
what each judged field showed. An error must be identified in text (a red border alone is
failure F81 and fails 1.4.1 too), that text should be tied to the field (aria-describedby,
aria-errormessage with aria-invalid, or the label) so it is heard on the field, and the user
must learn that the submission failed: focus moves to the field or an error summary, or the
message is announced by a live region. The browser's own validation bubble passes all three.
3.3.3 wants the text to say how to fix a malformed value; a one- or two-word message is cantTell.
https://www.w3.org/WAI/WCAG21/Understanding/error-identification.html
"""

from __future__ import annotations

from collections.abc import Mapping

from a11y_audit.artifacts.form_errors import FieldError, FormAttempt, FormAttempts
from a11y_audit.artifacts.kinds import FORM_ERRORS
from a11y_audit.check import CheckMeta, Page, Target, Verdict, WholePageCheck, cant_tell, failed, passed
from a11y_audit.judge.engine import keep_worst
from a11y_audit.model import Impact

_WHAT = {"empty": "left empty", "invalid": "given a malformed value"}


def field_verdict(field: FieldError, attempt: FormAttempt) -> Verdict:
    """The verdict on one field after one attempt (see the module docstring)."""
    name = f"'{field.get('label') or field.get('selector')}'"
    what = f"{name} {_WHAT.get(str(attempt.get('mode')), 'in error')}"
    if field["native"]:
        return passed(f"{what}: the browser's own validation message names the error")
    tied = str(field["errorText"] or field["labelText"] or "")
    nearby = str(field["nearbyText"] or "")
    invalid = field["ariaInvalid"] == "true"
    if not tied and invalid and nearby:
        tied = nearby
    announced = [str(text) for text in attempt.get("announced") or []]
    text = tied or nearby or " ".join(announced)
    if not (text or invalid or field["lookChanged"]):
        if attempt.get("submits") or attempt.get("navigations"):
            return cant_tell(
                f"{what}: the page did not flag it and would have sent the form to the server (blocked): "
                "check that the server's response names the error in text next to the field"
            )
        return cant_tell(f"{what}: nothing on the page changed after submitting; check how errors are shown")
    if not text:
        how = "aria-invalid" if invalid and not field["lookChanged"] else "its colour or border"
        return failed(
            f"{what}: the error is shown only by {how}, with no text saying what is wrong: add a message "
            "next to the field, tie it with aria-describedby and set aria-invalid"
        )
    quoted = f"'{text[:80]}'"
    if not tied:
        return cant_tell(
            f"{what}: {quoted} appeared but is not tied to the field (aria-describedby, aria-errormessage or "
            "label) and the field has no aria-invalid: check a screen reader hears it on the field"
        )
    if not (attempt.get("focusOnError") or announced):
        return failed(
            f"{what}: {quoted} is shown but neither announced nor focused, so screen-reader users do not "
            "learn the form was not sent: move focus to the first field in error or an error summary, "
            'or use role="alert"'
        )
    if attempt["mode"] == "invalid" and len(tied.split()) <= 2:
        return cant_tell(f"{what}: {quoted} names the error; check it also says how to correct it (3.3.3)")
    return passed(f"{what}: {quoted}")


def verdicts(artifact: FormAttempts) -> dict[Target, Verdict]:
    """Each field's verdict; the worst wins over its attempts."""
    found: dict[Target, Verdict] = {}
    for attempt in artifact["attempts"] or []:
        for field in attempt.get("fields") or []:
            if not field["selector"]:
                continue
            target = Target(str(field["selector"]), str(field["snippet"] or ""))
            verdict = field_verdict(field, attempt)
            keep_worst(found, target, verdict)
    return found


class ErrorIdentification(WholePageCheck):
    meta = CheckMeta(
        id="error-identification",
        title="Form errors are described in text, tied to the field and announced",
        failure_title="Form error is not described in text or not made known",
        description=(
            "When a form is rejected, people who cannot see a red border, or who use a screen reader, need "
            "the error in words, on the field, and need to learn the form was not sent. Show a message next "
            "to each field in error, tie it with aria-describedby (or aria-errormessage) and aria-invalid, "
            "say how to fix the value, and move focus to the first field in error or an error summary "
            '(or announce it with role="alert"). The check submits forms declared safe ([checks] safe_forms '
            "selectors or data-a11y-audit-safe in the markup; payment and order forms never) once empty and "
            "once with malformed email, URL and phone values, on sampled pages, blocking the submission so "
            "nothing reaches the server. It cannot see errors the server returns (cantTell when the form "
            "would have been sent), judges only required and format fields, and leaves the wording of a "
            "message to a person beyond flagging one- or two-word messages for malformed values."
        ),
        wcag=("3.3.1", "3.3.3"),
        impact=Impact.SERIOUS,
        requires=("dom", FORM_ERRORS),
    )

    def judge(self, page: Page) -> Mapping[Target, Verdict]:
        return verdicts(page.artifact(FORM_ERRORS))
