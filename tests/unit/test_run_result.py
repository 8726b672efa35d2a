"""RunResult: results.json read into typed data and written back unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from a11y_audit.errors import UsageError
from a11y_audit.model import Outcome, Priority, Source
from a11y_audit.run_result import RunInfo, RunResult, Skipped, load_results, write_results
from tests.unit.test_results_pipeline import TOOL, issues_of, make_store, write_sample_results


def saved(tmp_path: Path) -> Path:
    store = make_store(tmp_path)
    path = store.root / "results.json"
    write_sample_results(store, path)
    return path


def test_a_written_results_file_loads_and_serialises_to_the_same_json(tmp_path: Path) -> None:
    path = saved(tmp_path)
    result = load_results(path)
    assert result.to_json() == json.loads(path.read_text("utf-8"))
    assert result.path == path and result.folder == path.parent


def test_loaded_results_are_typed(tmp_path: Path) -> None:
    result = load_results(saved(tmp_path))
    assert result.summary.pages_total == len(result.pages) == 3
    assert result.summary.pages_audited == 1 and result.summary.issues == len(result.issues) > 0
    issue = result.issues[0]
    assert isinstance(issue.outcome, Outcome) and isinstance(issue.triage.priority, Priority)
    assert issue.rule.source is Source.AXE and issue.instances[0].page_url == "http://shop.test/a.html"
    assert result.tool.rules_run is None  # the sample run recorded none: "not recorded", not "none ran"


def test_what_writing_returns_is_what_loading_gives(tmp_path: Path) -> None:
    """So a stage that just wrote results never needs to read the file back."""
    store = make_store(tmp_path)
    path = store.root / "results.json"
    written = write_results(
        path,
        tool=RunInfo.from_json(TOOL),
        pages=store.iter_pages(),
        issues=issues_of(store),
        skipped=Skipped(),
    )
    assert written == load_results(path)


def test_keys_of_a_newer_minor_version_are_kept(tmp_path: Path) -> None:
    path = saved(tmp_path)
    data = json.loads(path.read_text("utf-8"))
    data["schema_version"] = "1.9.0"
    data["tool"]["sampled_pages"] = {"/products/*": 3}
    path.write_text(json.dumps(data), "utf-8")
    result = load_results(path)
    assert result.schema_version == "1.9.0"
    assert result.to_json()["tool"]["sampled_pages"] == {"/products/*": 3}


def test_an_issue_with_a_value_of_the_wrong_kind_is_a_usage_error_naming_the_file(tmp_path: Path) -> None:
    path = saved(tmp_path)
    data = json.loads(path.read_text("utf-8"))
    data["issues"][0]["outcome"] = "exploded"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(UsageError, match=rf"{path.name} is not a valid results.json: .*a11y-audit evaluate"):
        load_results(path)


def test_a_run_built_in_memory_has_no_folder() -> None:
    run = RunResult(RunInfo("0", "4", "chrome", "1", "2026-01-01T00:00:00+00:00"), (), ())
    assert run.folder is None and run.to_json()["summary"]["pages_total"] == 0


def test_a_page_is_found_by_its_results_url(tmp_path: Path) -> None:
    result = load_results(saved(tmp_path))
    page = result.page("http://shop.test/missing")
    assert page is not None and page.status == 404
    assert result.page("http://shop.test/never-visited") is None
