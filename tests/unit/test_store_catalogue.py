"""The benchmark store's catalogue: the same rows every time, in the importer's shape."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from benchmarks.stores.catalogue import catalogue_rows, write_catalogue


def test_the_catalogue_is_deterministic_and_mixes_kinds_categories_and_shared_titles(tmp_path: Path) -> None:
    rows = list(catalogue_rows())
    assert rows == list(catalogue_rows())
    assert len(rows) == 200 and all(len(row) == 9 for row in rows)
    assert Counter(row[0] for row in rows) == {"Book": 160, "Clothing": 40}
    assert len({row[1] for row in rows}) == 11 and len({row[2] for row in rows}) == 200  # unique UPCs
    assert any(count > 1 for count in Counter(row[3] for row in rows).values())  # products sharing a name
    assert any(row[8] == "0" for row in rows)  # some out of stock
    with write_catalogue(tmp_path / "c.csv").open(encoding="utf-8", newline="") as written:
        assert list(csv.reader(written)) == rows
