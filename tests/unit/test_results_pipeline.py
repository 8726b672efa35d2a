"""Artifacts -> evaluate -> results.json -> report.html, without a browser."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.errors import ToolError
from a11y_audit.judge.evaluation import issues_for_run
from a11y_audit.judge.priority import PriorityPolicy
from a11y_audit.model import Issue, PageRecord
from a11y_audit.reports.html import write_html_report
from a11y_audit.run_result import SCHEMA_VERSION, RunInfo, Skipped, load_results, write_results

SAMPLE = json.loads((Path(__file__).parent / "fixtures" / "axe_sample.json").read_text("utf-8"))
SCHEMA = json.loads((Path(__file__).parents[2] / "a11y_audit" / "schema" / "results.schema.json").read_text())
TOOL = {
    "name": "a11y-audit",
    "version": "0",
    "axe_core_version": "4.14.1",
    "browser_name": "chrome",
    "browser_version": "1",
    "started": "2026-11-25T10:00:00+00:00",
    "finished": "2026-11-25T10:01:00+00:00",
    "config": {},
}


def issues_of(store: ArtifactStore) -> list[Issue]:
    return issues_for_run(store, PriorityPolicy(), date(2026, 11, 25))


def make_store(tmp_path: Path) -> ArtifactStore:
    store = ArtifactStore.open(tmp_path / "out", resume=False)
    store.save_page(
        PageRecord(
            url="http://shop.test/a.html", status=200, title="<script>alert(1)</script>", links=("x",)
        ),
        axe=SAMPLE,
        dom="<html><body>hi</body></html>",
        screenshot=b"\x89PNG",
    )
    store.save_page(
        PageRecord(
            url="http://shop.test/missing", status=404, error="HTTP 404: the server returned an error page"
        )
    )
    store.save_page(PageRecord(url="http://shop.test/file.pdf", skipped="not an HTML page (application/pdf)"))
    return store


def write_sample_results(store: ArtifactStore, path: Path) -> dict[str, Any]:
    """results.json for the store's pages, judged as a run would; returns the summary."""
    return write_results(
        path,
        tool=RunInfo.from_json(TOOL),
        pages=store.iter_pages(),
        issues=issues_of(store),
        skipped=Skipped(),
    ).summary.to_json()


def test_store_round_trips_pages_and_artifacts(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    pages = list(store.iter_pages())
    assert [page.url for page in pages] == [
        "http://shop.test/a.html",
        "http://shop.test/missing",
        "http://shop.test/file.pdf",
    ]
    assert pages[0].links == ("x",)
    assert store.read_axe(pages[0]) == SAMPLE
    assert store.read_dom(pages[0]) == "<html><body>hi</body></html>"
    assert (store.root / pages[0].artifacts["screenshot"]).read_bytes() == b"\x89PNG"
    assert store.read_axe(pages[1]) is None


def test_torn_journal_line_from_an_interrupt_is_skipped(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    with store.journal_path.open("a", encoding="utf-8") as journal:
        journal.write('{"url": "http://shop.test/half", "sta')
    assert len(list(store.iter_pages())) == 3


def test_fresh_run_clears_only_owned_files_and_resume_keeps_them(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    (store.root / "notes.txt").write_text("mine")
    assert len(list(ArtifactStore.open(store.root, resume=True).iter_pages())) == 3
    fresh = ArtifactStore.open(store.root, resume=False)
    assert list(fresh.iter_pages()) == []
    assert (store.root / "notes.txt").read_text() == "mine"


def test_unwritable_output_is_a_tool_error_naming_the_fix(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ToolError, match=r"is not writable .*choose another with --output"):
        ArtifactStore.open(blocker / "out", resume=False)


def test_each_sample_rule_is_one_issue_with_a_stable_fingerprint(tmp_path: Path) -> None:
    issues = issues_of(make_store(tmp_path))
    assert sorted(issue.rule.id for issue in issues) == sorted(
        r["id"] for r in SAMPLE["violations"] + SAMPLE["incomplete"]
    )
    assert len({issue.fingerprint for issue in issues}) == len(issues)
    again = issues_of(make_store(tmp_path / "again"))
    assert [i.fingerprint for i in issues] == [i.fingerprint for i in again]


def test_results_file_validates_against_the_schema_and_counts(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    path = store.root / "results.json"
    summary = write_sample_results(store, path)
    results = json.loads(path.read_text("utf-8"))
    jsonschema.validate(results, SCHEMA)
    assert results["schema_version"] == SCHEMA_VERSION
    assert summary["pages_audited"] == 1 and summary["pages_failed"] == 1 and summary["pages_skipped"] == 1
    assert summary["by_outcome"] == {"cantTell": 1, "failed": 5}
    assert sum(summary["by_priority"].values()) == 6
    assert "links" not in results["pages"][0]
    issue = results["issues"][0]
    assert issue["priority"] == "P2" and issue["priority_name"] == "High"  # content page
    assert issue["blocker"] and issue["due"] == "2026-12-09" and issue["pages"] == 1
    assert [item["priority"] for item in results["issues"]] == sorted(
        item["priority"] for item in results["issues"]
    )


def test_report_is_self_contained_and_escapes_page_content(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    path = store.root / "results.json"
    write_sample_results(store, path)
    html = write_html_report(load_results(path), store.root / "report.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img" in html  # snippets are shown as text
    assert "P2 High" in html and "Why P2:" in html and "due 2026-12-09" in html
    assert "1 page, 1 element" in html  # the reach, from the issue's summary line
    assert 'lang="en"' in html and "<main" in html
    assert 'src="http' not in html and "<link" not in html  # no external requests
