"""The report formats' table: every format once, and `report` refusing exactly what it says."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from a11y_audit import api
from a11y_audit.errors import UsageError
from a11y_audit.gate.baseline import create, write_baseline
from a11y_audit.reports.formats import FORMATS
from a11y_audit.run_result import load_results

RESULTS = Path(__file__).parent / "fixtures" / "results_small.json"


def test_the_table_lists_every_format_with_its_own_default_file() -> None:
    assert set(FORMATS) == {"html", "md", "csv", "json", "junit", "sarif"}
    assert all(name == row.name for name, row in FORMATS.items())
    file_names = [row.file_name for row in FORMATS.values()]
    assert len(set(file_names)) == len(file_names)


@pytest.mark.parametrize(
    ("fmt", "compare", "baseline"), list(itertools.product(FORMATS, (False, True), (False, True)))
)
def test_report_refuses_compare_and_baseline_exactly_where_the_table_says(
    tmp_path: Path, fmt: str, compare: bool, baseline: bool
) -> None:
    row = FORMATS[fmt]
    accepted = write_baseline(tmp_path / "baseline.json", create(load_results(RESULTS)))
    output = tmp_path / row.file_name
    options = {"previous": RESULTS if compare else None, "baseline": accepted if baseline else None}
    if compare and not row.accepts_compare:
        with pytest.raises(UsageError, match=rf"^--compare needs --format html or md, not {fmt}$"):
            api.report(RESULTS, fmt, output, **options)
    elif baseline and (compare or not row.accepts_baseline):
        with pytest.raises(
            UsageError, match=r"^--baseline needs --format md, junit or sarif, and no --compare$"
        ):
            api.report(RESULTS, fmt, output, **options)
    else:
        assert api.report(RESULTS, fmt, output, **options) == output and output.stat().st_size > 0


def test_report_writes_beside_the_results_under_the_tables_file_name(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    results.write_bytes(RESULTS.read_bytes())
    for name, row in FORMATS.items():
        assert api.report(results, name) == tmp_path / row.file_name


def test_an_unknown_format_is_a_usage_error_naming_the_known_ones() -> None:
    with pytest.raises(UsageError, match="html, md, csv, json, junit or sarif"):
        api.report(RESULTS, "pdf")
