"""The CI baseline: created from results, ratcheted by update, triage kept by fingerprint."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from a11y_audit.errors import UsageError
from a11y_audit.gate.baseline import create, load_baseline, update, write_baseline
from a11y_audit.run_result import RunResult


def issue(fingerprint: str, rule: str = "image-alt", **fields: Any) -> dict[str, Any]:
    """An issue as results.json holds it, with only what the gate and baseline read."""
    return {
        "fingerprint": fingerprint,
        "rule": rule,
        "source": "axe",
        "outcome": "failed",
        "impact": "serious",
        "wcag": ["1.1.1"],
        "level": "A",
        "title": f"{rule} title",
        "priority": "P2",
        "pages": 1,
        "templates": ["/products/*"],
        "instances": [
            {
                "page_url": f"http://127.0.0.1:8123/products/{fingerprint}?ref=home",
                "selector": ".card > img",
                "target": [".card > img"],
                "snippet": "<img src=x>",
                "message": "Element has no alt attribute",
            }
        ],
        **fields,
    }


def run(
    *issues: dict[str, Any], pages: int = 10, axe: str = "4.10.0", rules: tuple[str, ...] = ()
) -> RunResult:
    """A run with these issues; rules_run lists each issue's rule plus `rules`."""
    return as_run(run_json(*issues, pages=pages, axe=axe, rules=rules))


def as_run(data: dict[str, Any]) -> RunResult:
    """A results.json dict, as little of it as the gate and baseline read, as a RunResult."""
    return RunResult.from_json({"schema_version": "1.4.0", "skipped": {}, **data})


def run_json(
    *issues: dict[str, Any], pages: int = 10, axe: str = "4.10.0", rules: tuple[str, ...] = ()
) -> dict[str, Any]:
    """results.json with these issues; rules_run lists each issue's rule plus `rules`."""
    names = sorted({(item["source"], item["rule"]) for item in issues} | {("axe", rule) for rule in rules})
    return {
        "tool": {
            "started": "2026-11-25T10:00:00+00:00",
            "axe_core_version": axe,
            "rules_run": [{"source": source, "id": rule, "wcag": ["1.1.1"]} for source, rule in names],
        },
        "pages": [],
        "summary": {"pages_audited": pages},
        "issues": list(issues),
    }


def test_create_writes_one_sorted_entry_per_fingerprint_with_what_a_reviewer_needs(tmp_path: Path) -> None:
    results = run(issue("bbbb", "label"), issue("aaaa", "image-alt"), issue("cccc", "image-alt"), pages=64)
    path = write_baseline(tmp_path / "a11y-baseline.json", create(results))
    data = json.loads(path.read_text("utf-8"))
    assert [entry["fingerprint"] for entry in data["issues"]] == ["aaaa", "cccc", "bbbb"]  # by rule, then fp
    first = data["issues"][0]
    assert first["example_page"] == "/products/aaaa?ref=home"  # no origin or port: they change per run
    assert first["example_selector"] == ".card > img" and first["wcag"] == ["1.1.1"]
    assert first["templates"] == ["/products/*"] and first["priority"] == "P2"
    assert "reason" not in first and "triage" not in first
    assert data["run"]["pages_audited"] == 64 and data["run"]["axe_core_version"] == "4.10.0"
    assert data["run"]["rules_run"] == {"axe:image-alt": ["1.1.1"], "axe:label": ["1.1.1"]}
    assert path.read_text("utf-8") == json.dumps(data, indent=2, sort_keys=True) + "\n"  # diff-friendly
    assert load_baseline(path) == create(results)


def test_update_ratchets_out_fixed_issues_and_keeps_what_people_wrote(tmp_path: Path) -> None:
    path = write_baseline(tmp_path / "b.json", create(run(issue("aaaa"), issue("bbbb"), issue("cccc"))))
    data = json.loads(path.read_text("utf-8"))
    data["issues"][0].update(reason="vendor widget", ticket="SHOP-12", expires="2027-01-31")
    data["issues"][1].update(triage="false-positive")
    path.write_text(json.dumps(data), "utf-8")
    later = run(issue("aaaa", priority="P1"), issue("bbbb"), issue("dddd"), pages=12)
    updated = update(load_baseline(path), later)
    assert sorted(updated.entries) == ["aaaa", "bbbb"]  # cccc fixed: out; dddd new: not accepted
    kept = updated.entries["aaaa"]
    assert (kept.reason, kept.ticket, kept.expires) == ("vendor widget", "SHOP-12", date(2027, 1, 31))
    assert kept.priority == "P1"  # refreshed from the run
    assert updated.entries["bbbb"].triage == "false-positive"
    assert updated.run.pages_audited == 12
    assert sorted(update(load_baseline(path), later, accept_new=True).entries) == ["aaaa", "bbbb", "dddd"]


def test_triage_stays_while_the_element_is_the_same_and_ends_when_it_changes() -> None:
    review = issue("aaaa", "form-field-multiple-labels", outcome="cantTell", priority="P3")
    baseline = create(run(review))
    triaged = replace(baseline, entries={"aaaa": replace(baseline.entries["aaaa"], triage="reviewed-ok")})
    assert update(triaged, run(review)).entries["aaaa"].triage == "reviewed-ok"
    changed = {**review, "fingerprint": "ffff"}  # the element changed, so did its fingerprint
    assert update(triaged, run(changed)).entries == {}


def test_update_replaces_a_defect_whose_outcome_changed_and_keeps_its_debt_notes(tmp_path: Path) -> None:
    review = issue("aaaa", outcome="cantTell", defect_key="dddd")
    path = write_baseline(tmp_path / "b.json", create(run(review)))
    data = json.loads(path.read_text("utf-8"))
    assert data["issues"][0]["defect_key"] == "dddd"  # written, so the next gate can match it
    data["issues"][0].update(reason="card titles are fixed height", ticket="SHOP-7", triage="reviewed-ok")
    path.write_text(json.dumps(data), "utf-8")
    certain = issue("bbbb", outcome="failed", defect_key="dddd")
    updated = update(load_baseline(path), run(certain)).entries  # no --accept-new needed: it is known
    assert list(updated) == ["bbbb"] and updated["bbbb"].outcome == "failed"
    assert (updated["bbbb"].reason, updated["bbbb"].ticket) == ("card titles are fixed height", "SHOP-7")
    assert updated["bbbb"].triage is None  # it judged the needs-review finding, not this failure


def test_expired_debt_is_recognised_by_date() -> None:
    entry = replace(create(run(issue("aaaa"))).entries["aaaa"], expires=date(2026, 12, 31))
    assert not entry.expired(date(2026, 12, 31))
    assert entry.expired(date(2027, 1, 1))


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (None, "does not exist: create one with `a11y-audit baseline create"),
        ("{", "is not a baseline: invalid JSON"),
        ('{"issues": []}', 'is not an a11y-audit baseline (no "format"'),
        (
            '{"format": "a11y-audit-baseline/1", "issues": []}',
            "is not a valid baseline: missing or malformed",
        ),
        ("TRIAGE", "has triage 'ok'; use one of reviewed-ok, false-positive"),
        ("EXPIRES", "has expires '31/01/2027'; write a date as YYYY-MM-DD"),
    ],
)
def test_a_bad_baseline_is_a_usage_error_naming_the_problem(
    tmp_path: Path, text: str | None, error: str
) -> None:
    path = tmp_path / "b.json"
    if text in ("TRIAGE", "EXPIRES"):
        data = create(run(issue("aaaa"))).to_json()
        data["issues"][0].update({"triage": "ok"} if text == "TRIAGE" else {"expires": "31/01/2027"})
        text = json.dumps(data)
    if text is not None:
        path.write_text(text, "utf-8")
    with pytest.raises(UsageError) as raised:
        load_baseline(path)
    assert error in str(raised.value) and str(path) in str(raised.value)
