from __future__ import annotations

import json
from pathlib import Path

from a11y_audit.judge.axe_results import findings_from_axe, selector_text
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
