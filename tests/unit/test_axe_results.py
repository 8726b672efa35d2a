from __future__ import annotations

import json
from pathlib import Path

import pytest

from a11y_audit.judge.axe_results import findings_from_axe, selector_text, superseded_rules
from a11y_audit.model import Finding, Impact, Outcome, Source


def finding_for(rule_id: str) -> Finding:
    return next(f for f in findings_from_axe(SAMPLE, "http://shop.test/a.html") if f.rule.id == rule_id)


SAMPLE = json.loads((Path(__file__).parent / "fixtures" / "axe_sample.json").read_text("utf-8"))


def test_violations_become_failed_and_incomplete_become_cant_tell() -> None:
    findings = list(findings_from_axe(SAMPLE, "http://shop.test/a.html"))
    by_rule = {finding.rule.id: finding for finding in findings}
    assert by_rule["image-alt"].outcome is Outcome.FAILED
    assert by_rule["bypass"].outcome is Outcome.CANT_TELL
    assert all(finding.rule.source is Source.AXE for finding in findings)
    assert len(findings) == sum(len(r["nodes"]) for r in SAMPLE["violations"] + SAMPLE["incomplete"])


def test_finding_carries_wcag_level_impact_and_help() -> None:
    image = finding_for("image-alt")
    assert image.rule.wcag == ("1.1.1",)
    assert image.rule.level == "A"
    assert image.impact is Impact.CRITICAL
    assert image.rule.help_url.startswith("https://dequeuniversity.com/rules/axe/")
    assert image.where.snippet.startswith("<img")
    assert "alt" in image.where.message


def test_findings_inside_cross_origin_frames_keep_the_frame_path() -> None:
    button = next(
        f for f in findings_from_axe(SAMPLE, "http://shop.test/a.html") if f.rule.id == "button-name"
    )
    assert button.where.target == ("iframe", "button")
    assert button.where.selector == "iframe >>> button"


def test_shadow_dom_targets_are_joined_inside_a_frame_step() -> None:
    assert selector_text(("iframe#chat", ["#host", "button"])) == "iframe#chat >>> #host >> button"


def test_null_impact_falls_back_to_rule_impact_and_long_snippets_are_cut() -> None:
    raw = {
        "violations": [],
        "incomplete": [
            {
                "id": "color-contrast",
                "impact": "serious",
                "tags": ["wcag2aa", "wcag143"],
                "help": "Elements must meet minimum color contrast ratio thresholds",
                "description": "d",
                "helpUrl": "u",
                "nodes": [
                    {
                        "html": "<p>" + "x" * 5000 + "</p>",
                        "impact": None,
                        "target": ["p"],
                        "any": [{"message": "Element's background color could not be determined"}],
                        "all": [],
                        "none": [],
                    }
                ],
            }
        ],
    }
    (finding,) = findings_from_axe(raw, "http://shop.test/")
    assert finding.impact is Impact.SERIOUS
    assert len(finding.where.snippet) <= 600
    assert finding.where.message == "Element's background color could not be determined"


def violation(rule_id: str, html: str, tags: list[str]) -> dict[str, object]:
    return {
        "violations": [
            {
                "id": rule_id,
                "impact": "serious",
                "tags": tags,
                "help": "h",
                "description": "d",
                "helpUrl": "u",
                "nodes": [
                    {
                        "html": html,
                        "impact": "serious",
                        "target": ["#x"],
                        "failureSummary": "Fix any of the following: axe says why",
                        "any": [{"id": rule_id, "message": "axe says why"}],
                        "all": [],
                        "none": [],
                    }
                ],
            }
        ],
        "incomplete": [],
    }


def test_aria_conformance_violations_are_needs_review_with_the_reason() -> None:
    raw = violation("aria-required-attr", '<div role="checkbox" id="x">I agree</div>', ["wcag2a", "wcag412"])
    (finding,) = findings_from_axe(raw, "http://shop.test/")
    assert finding.outcome is Outcome.CANT_TELL
    assert finding.rule.wcag == ("4.1.2",)
    assert finding.where.message.startswith("Needs review: WAI-ARIA conformance (ACT rule 4e8ab6)")
    assert finding.where.message.endswith("axe says why")


def test_label_content_name_mismatch_is_left_to_our_check() -> None:
    raw = violation(
        "label-content-name-mismatch", '<a aria-label="Avenue" href="#">Ave.</a>', ["wcag21a", "wcag253"]
    )
    (finding,) = findings_from_axe(raw, "http://shop.test/")
    assert finding.outcome is Outcome.CANT_TELL
    assert "label-not-in-name" in finding.where.message


@pytest.mark.parametrize(
    ("html", "outcome"),
    [
        ('<p style="color: #000">----=====+++***%%%±±@@@</p>', Outcome.CANT_TELL),
        ("<span>★★★☆☆</span>", Outcome.CANT_TELL),
        ("<p>Only 3 left <b>!</b></p>", Outcome.FAILED),
        ("<p>-- <i>Sale</i> --</p>", Outcome.FAILED),
        # Cut by axe to its opening tag: the text is unknown, so axe's verdict stands.
        ('<p class="' + "x" * 300 + '">', Outcome.FAILED),
    ],
)
def test_contrast_of_text_without_letters_or_digits_needs_review(html: str, outcome: Outcome) -> None:
    (finding,) = findings_from_axe(
        violation("color-contrast", html, ["wcag2aa", "wcag143"]), "http://shop.test/"
    )
    assert finding.outcome is outcome


def test_incomplete_results_of_reviewed_rules_keep_their_message() -> None:
    raw = violation("aria-valid-attr-value", '<div aria-hidden="yes" id="x">t</div>', ["wcag2a", "wcag412"])
    raw["incomplete"], raw["violations"] = raw["violations"], []
    (finding,) = findings_from_axe(raw, "http://shop.test/")
    assert finding.outcome is Outcome.CANT_TELL
    assert finding.where.message == "Fix any of the following: axe says why"


def test_frame_focusable_content_on_an_inert_frame_needs_review() -> None:
    raw = violation("frame-focusable-content", "<html>", ["wcag2a", "wcag211"])
    (finding,) = findings_from_axe(raw, "http://shop.test/")
    assert finding.outcome is Outcome.FAILED
    raw["violations"][0]["nodes"][0]["inert"] = True  # type: ignore[index]
    (finding,) = findings_from_axe(raw, "http://shop.test/")
    assert finding.outcome is Outcome.CANT_TELL
    assert "modal dialog" in finding.where.message


def test_an_aria_rule_keeps_failing_nodes_that_failed_another_of_its_checks() -> None:
    """aria-valid-attr-value's aria-errormessage check: a message screen readers never read."""
    raw = violation("aria-valid-attr-value", '<input aria-errormessage="e" id="x">', ["wcag2a", "wcag412"])
    node = raw["violations"][0]["nodes"][0]  # type: ignore[index]
    node["any"], node["all"] = [], [{"id": "aria-errormessage", "message": "m"}]
    (finding,) = findings_from_axe(raw, "http://shop.test/")
    assert finding.outcome is Outcome.FAILED


def test_an_invalid_value_of_a_component_state_stays_a_failure() -> None:
    """aria-expanded="yes" leaves a toggle's state unexposed (4.1.2); aria-hidden="yes" hides nothing."""
    outcomes = {}
    for attribute in ("aria-expanded", "aria-hidden"):
        raw = violation("aria-valid-attr-value", f'<button {attribute}="yes" id="x">', ["wcag2a", "wcag412"])
        node = raw["violations"][0]["nodes"][0]  # type: ignore[index]
        node["any"], node["all"] = [], [{"id": "aria-valid-attr-value", "data": [f'{attribute}="yes"']}]
        (finding,) = findings_from_axe(raw, "http://shop.test/")
        outcomes[attribute] = finding.outcome
    assert outcomes == {"aria-expanded": Outcome.FAILED, "aria-hidden": Outcome.CANT_TELL}


def test_failed_text_contrast_names_its_colour_pair_as_the_cause() -> None:
    data = {
        "fgColor": "#6C757D",
        "bgColor": "#f8f9fa",
        "contrastRatio": 4.44,
        "expectedContrastRatio": "4.5:1",
    }
    node = {"target": [".nav > a"], "html": "<a>Books</a>", "any": [{"id": "color-contrast", "data": data}]}
    raw = {
        "violations": [{"id": "color-contrast", "tags": ["wcag2aa", "wcag143"], "nodes": [node]}],
        "incomplete": [
            {"id": "color-contrast", "tags": ["wcag2aa", "wcag143"], "nodes": [{**node, "any": []}]}
        ],
    }
    failed, review = findings_from_axe(raw, "http://shop.test/")
    assert failed.cause == "#6c757d on #f8f9fa (4.44:1, needs 4.5:1)"
    assert review.cause is None  # needs review: no colour pair decided, grouped by element
    assert finding_for("image-alt").cause is None


def test_an_axe_rule_our_check_judges_too_is_left_out_when_that_check_runs() -> None:
    raw = {
        "violations": [
            {"id": "p-as-heading", "tags": ["wcag131"], "nodes": [{"target": ["p"], "html": "<p>"}]},
            {"id": "image-alt", "tags": ["wcag111"], "nodes": [{"target": ["img"], "html": "<img>"}]},
        ]
    }
    assert superseded_rules(["heading-not-marked-up", "reflow"]) == {"p-as-heading"}
    assert superseded_rules(["reflow"]) == frozenset()
    kept = findings_from_axe(raw, "http://shop.test/", skip_rules=superseded_rules(["heading-not-marked-up"]))
    assert [finding.rule.id for finding in kept] == ["image-alt"]
    assert len(list(findings_from_axe(raw, "http://shop.test/"))) == 2
