"""The benchmark must keep running as the tool changes; its figures are not judged here.

Timing on a shared CI machine is noise, so this only checks that every run of the table
happened and audited the whole (small) generated store.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench.py"
PAGES = 10
RUNS = (
    "floor: get + inject axe + axe.run",
    "floor: get + axe.run (axe preregistered)",
    "a11y-audit workers=1",
    "a11y-audit workers=1, no screenshots",
    "a11y-audit workers=2",
)


@pytest.mark.browser
def test_benchmark_runs_every_mode_and_prints_the_table(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--pages", str(PAGES), "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr[-4000:]}"
    lines = result.stdout.splitlines()
    header = next((line for line in lines if line.startswith("run ")), None)
    assert header is not None, result.stdout
    for column in ("pages", "seconds", "pages/min", "peak RSS MB"):
        assert column in header, header
    for run in RUNS:
        row = next((line for line in lines if line.startswith(run + "  ")), None)
        assert row is not None, f"no row for {run!r}:\n{result.stdout}"
        pages = int(row[len(run) :].split()[0])
        assert pages == PAGES, f"{run} audited {pages} of {PAGES} pages:\n{result.stdout}"
    assert "workers=2 / workers=1" in result.stdout
    assert "HTML report of a synthetic 200-page run" in result.stdout
