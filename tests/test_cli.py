"""The CLI contract without a browser: help with examples, exit codes, one-line errors."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from a11y_audit import __version__
from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.model import PageRecord
from tests.support import ctrl_c_works


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "a11y_audit", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.mark.parametrize(
    "command",
    [
        "crawl",
        "scan",
        "demo",
        "evaluate",
        "report",
        "config check",
        "gate",
        "baseline create",
        "baseline update",
    ],
)
def test_every_command_has_help_with_examples(command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout and f"a11y-audit {command}" in result.stdout


def test_config_check_accepts_the_example_config() -> None:
    example = Path(__file__).parents[1] / "examples" / "a11y-audit.toml"
    result = run("config", "check", str(example))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{example}: OK"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ('[flows.pay]\ncriticality = "urgent"\nurls = ["/pay"]\n', 'must be one of "critical"'),
        ("[priority]\nsla_days = {P9 = 1}\n", "unknown priority 'P9'"),
    ],
)
def test_config_check_of_a_bad_file_exits_2_with_one_line(tmp_path: Path, text: str, error: str) -> None:
    config = tmp_path / "a11y-audit.toml"
    config.write_text(text, "utf-8")
    result = run("config", "check", str(config))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"error: {config}:2: ") and error in result.stderr
    assert result.stderr.count("\n") == 1


def test_config_check_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("config", "check", str(tmp_path / "nope.toml"))
    assert result.returncode == 2 and "cannot read config file" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("crawl", "https://shop.example/", "--workers", "0"),
        ("crawl", "https://shop.example/", "--no-such-flag"),
        ("scan",),
        ("demo", "--variant", "nope"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_bad_config_file_exits_2_with_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "a11y-audit.toml"
    config.write_text("[crawl]\nmax_pages = -1\n", "utf-8")
    result = run("crawl", "https://shop.example/", "--config", str(config), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: {config}:2: [crawl] max_pages must be a whole number of at least 1"
    )


def test_crawl_without_any_url_is_a_usage_error(tmp_path: Path) -> None:
    result = run("crawl", "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "no URL to audit" in result.stderr


def test_evaluate_rejudges_saved_artifacts_without_a_browser(tmp_path: Path) -> None:
    saved_run(tmp_path / "out")
    result = run("evaluate", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "5 failing issue(s), 1 to review" in result.stdout
    assert (tmp_path / "out" / "report.html").exists()


def test_evaluate_with_a_config_rejudges_flows_without_crawling_again(tmp_path: Path) -> None:
    results = saved_run(tmp_path / "out")
    assert {issue["flow"] for issue in json.loads(results.read_text("utf-8"))["issues"]} != {"gift-cards"}
    config = tmp_path / "a11y-audit.toml"
    config.write_text('[flows.gift-cards]\ncriticality = "critical"\nurls = ["/"]\n', "utf-8")
    result = run("evaluate", str(tmp_path / "out"), "--config", str(config))
    assert result.returncode == 0, result.stderr
    rejudged = json.loads(results.read_text("utf-8"))
    assert {issue["flow"] for issue in rejudged["issues"]} == {"gift-cards"}
    assert rejudged["tool"]["config"]["flows"][0]["name"] == "gift-cards"
    assert rejudged["tool"]["config"]["source"] == str(config)


def test_evaluate_refuses_a_config_that_enables_a_check_the_crawl_did_not_run(tmp_path: Path) -> None:
    saved_run(tmp_path / "out", config={"checks": ["image-alt-filename"]})
    config = tmp_path / "a11y-audit.toml"
    config.write_text('[gate]\nfail_on = "P1"\n', "utf-8")
    result = run("evaluate", str(tmp_path / "out"), "--config", str(config))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "enables " in result.stderr and "whose artifacts this crawl did not gather" in result.stderr
    assert "reflow" in result.stderr and "image-alt-filename" not in result.stderr


def test_evaluate_of_a_folder_without_artifacts_exits_2(tmp_path: Path) -> None:
    result = run("evaluate", str(tmp_path))
    assert result.returncode == 2
    assert "holds no audit artifacts" in result.stderr


def test_demo_serve_serves_until_interrupted() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "a11y_audit", "demo", "--serve", "--variant", "fixed"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_works,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    url = line.split(" at ")[1].split(" ")[0]
    with urllib.request.urlopen(url) as response:
        assert response.status == 200 and b"<html" in response.read()
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0


def test_demo_on_a_busy_port_is_a_usage_error_naming_the_fix() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("demo", "--serve", "--port", str(port))
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: cannot serve the demo on port {port}")
    assert "choose another with --port" in result.stderr


def test_checks_lists_axe_rules_and_ours_with_their_criteria() -> None:
    result = run("checks")
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[1:]}
    assert "axe" in rows["color-contrast"] and "1.4.3" in rows["color-contrast"]
    assert "a11y-audit" in rows["missing-autocomplete"] and "1.3.5" in rows["missing-autocomplete"]
    assert len(rows) > 60


def test_unknown_check_id_is_a_usage_error_before_any_browser_starts(tmp_path: Path) -> None:
    result = run("scan", "https://shop.example/", "--checks", "no-such-check", "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "unknown check id no-such-check; valid ids:" in result.stderr


def test_custom_checks_from_a_folder_are_listed_next_to_ours() -> None:
    folder = Path(__file__).parents[1] / "examples" / "custom_check"
    result = run("checks", "--custom-checks", str(folder))
    assert result.returncode == 0, result.stderr
    assert any(line.startswith("positive-tabindex ") for line in result.stdout.splitlines())


def saved_run(folder: Path, config: dict[str, object] | None = None) -> Path:
    """results.json of a run judged from the sample artifacts, as `evaluate` writes it."""
    store = ArtifactStore.open(folder, resume=False)
    store.write_run_info(
        {
            "name": "a11y-audit",
            "version": __version__,
            "axe_core_version": "4",
            "browser_name": "chrome",
            "browser_version": "1",
            "started": "2026-11-25T00:00:00+00:00",
            "config": config or {},
        }
    )
    sample = (Path(__file__).parent / "unit" / "fixtures" / "axe_sample.json").read_text("utf-8")
    store.save_page(PageRecord(url="http://shop.test/", status=200), axe=json.loads(sample))
    assert run("evaluate", str(folder)).returncode == 0
    return folder / "results.json"


@pytest.mark.parametrize(
    ("fmt", "name", "expected"),
    [
        ("html", "report.html", "WCAG 2.1 AA conformance"),
        ("md", "summary.md", "### Top issues (6)"),
        ("csv", "results.csv", "fingerprint,priority,rule"),
        ("json", "results.normalized.json", '"schema_version": "1.8.0"'),
    ],
)
def test_report_rerenders_saved_results_next_to_them(
    tmp_path: Path, fmt: str, name: str, expected: str
) -> None:
    results = saved_run(tmp_path / "out")
    result = run("report", str(results), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert str(tmp_path / "out" / name) in result.stdout
    assert expected in (tmp_path / "out" / name).read_text("utf-8")


def test_report_compare_shows_the_trend_in_the_chosen_output(tmp_path: Path) -> None:
    results = saved_run(tmp_path / "out")
    older = json.loads(results.read_text("utf-8"))
    older["issues"] = older["issues"][1:]
    (tmp_path / "old.json").write_text(json.dumps(older), "utf-8")
    target = tmp_path / "pr.md"
    result = run(
        "report", str(results), "--format", "md", "--compare", str(tmp_path / "old.json"), "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert "**1** new, **0** fixed, **5** still open" in target.read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("{missing}",), "cannot read results file {missing}"),
        (("{bad}",), "{bad} is not a results.json: invalid JSON"),
        (("{good}", "--compare", "{missing}"), "cannot read results file {missing}"),
        (("{good}", "--format", "csv", "--compare", "{good}"), "--compare needs --format html or md"),
    ],
)
def test_report_of_a_bad_input_exits_2_with_one_line_naming_it(
    tmp_path: Path, args: tuple[str, ...], error: str
) -> None:
    paths = {
        "missing": tmp_path / "nope.json",
        "bad": tmp_path / "bad.json",
        "good": saved_run(tmp_path / "out"),
    }
    paths["bad"].write_text("{", "utf-8")
    result = run("report", *(arg.format(**paths) for arg in args))
    assert result.returncode == 2
    assert error.format(**paths) in result.stderr
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
