"""`a11y-audit intake` refuses bad input with one line and exit 2, before any browser starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.intake.support import SAMPLES


def _run(*args: str, stdin: bytes = b"", cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "a11y_audit", "intake", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
    )


def _one_line_error(result: subprocess.CompletedProcess[bytes], *words: str) -> None:
    error = result.stderr.decode()
    assert result.returncode == 2, error
    assert error.startswith("error: ") and error.count("\n") == 1
    for word in words:
        assert word in error


def test_a_20_mb_body_is_refused_from_stdin(tmp_path: Path) -> None:
    body = b"From: a@b.example\nSubject: x\n\n" + b"keyboard size buttons\n" * (20 * 1024 * 1024 // 22)
    _one_line_error(_run("-", stdin=body, cwd=tmp_path), "too large")


def test_header_injection_is_refused(tmp_path: Path) -> None:
    _one_line_error(_run(str(SAMPLES / "header-injection.eml"), cwd=tmp_path), "header injection")


def test_unreadable_file_and_missing_input(tmp_path: Path) -> None:
    _one_line_error(_run("no-such.eml", cwd=tmp_path), "cannot read no-such.eml")
    _one_line_error(_run("--url", "https://shop.example/", cwd=tmp_path), "--description")


@pytest.mark.parametrize("name", ["javascript-link.eml", "other-site.eml", "private-addresses.eml"])
def test_nothing_safe_to_visit_lists_what_was_refused(tmp_path: Path, name: str) -> None:
    result = _run(str(SAMPLES / name), cwd=tmp_path)
    _one_line_error(result, "nothing to visit")
    printed = result.stdout.decode()
    assert "Not visited:" in printed and "Kowalska" not in printed
    assert not (tmp_path / "a11y-tickets").exists() and not (tmp_path / "a11y-intake").exists()


def test_bad_intake_config_names_the_line(tmp_path: Path) -> None:
    config = tmp_path / "a11y-audit.toml"
    config.write_text('[intake]\norder_number = "FF-("\n', "utf-8")
    _one_line_error(_run(str(SAMPLES / "known-defect.eml"), "--config", str(config), cwd=tmp_path), ":2:")
