"""The real-store suite: set a store up, serve it, crawl it with its journeys, check the triage.

    python -m benchmarks.stores.suite oscar [--port 8621] [--skip-setup] [-o .cache/stores/oscar-run]

Too slow for CI (a stock store's setup takes minutes, the crawl of 80 pages and the journeys
tens of minutes on two shared cores): run it by hand, through `nox -s stores`, after a change to
a check or to grouping, and read docs/stores.md for what the figures mean. Exit 1 when the run
disagrees with the store's hand-triaged verdicts (benchmarks/stores/triage.py), 2 or 3 when the
crawl itself could not run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from a11y_audit.run_result import load_results
from benchmarks.stores import oscar_store
from benchmarks.stores.triage import compare, load_triage, print_comparison

__all__ = ["STORES", "Store", "main"]

HERE = Path(__file__).parent
_CACHE = HERE.parents[1] / ".cache" / "stores"


@dataclass(frozen=True, slots=True)
class Store:
    """What the suite needs of one store: how to set it up and serve it, and its files."""

    setup: Callable[[], object]
    serve: Callable[[int], subprocess.Popen[bytes]]
    journeys: Path
    triage: Path
    environment: Mapping[str, str]
    """What the journeys read with `env:` (the benchmark account the setup created)."""
    max_pages: int = 80


STORES: dict[str, Store] = {
    "oscar": Store(
        setup=oscar_store.setup,
        serve=lambda port: oscar_store.serve(port=port),
        journeys=HERE / "journeys" / "oscar.toml",
        triage=HERE / "triage" / "oscar.json",
        environment={
            "OSCAR_STORE_EMAIL": oscar_store.CUSTOMER_EMAIL,
            "OSCAR_STORE_PASSWORD": oscar_store.CUSTOMER_PASSWORD,
        },
    ),
}


def crawl_command(store: Store, port: int, output: Path) -> list[str]:
    """The crawl the triage file judges: the store's start page, its journeys, two workers."""
    return [
        sys.executable,
        "-m",
        "a11y_audit",
        "crawl",
        f"http://127.0.0.1:{port}/",
        "--max-pages",
        str(store.max_pages),
        "--workers",
        "2",
        "--config",
        str(store.journeys),
        "-o",
        str(output),
        "-q",
    ]


def run(name: str, port: int, output: Path, skip_setup: bool) -> int:
    """Set up, serve, crawl and check one store; print the figures and the wall times."""
    store = STORES[name]
    started = time.monotonic()
    if not skip_setup:
        store.setup()
    set_up = time.monotonic()
    server = store.serve(port)
    try:
        crawl = subprocess.run(crawl_command(store, port, output), env={**os.environ, **store.environment})
    finally:
        server.terminate()
        server.wait(timeout=30)
    crawled = time.monotonic()
    if crawl.returncode not in (0, 1):  # 1: the crawl found blocking issues, which is expected
        print(f"error: the crawl of {name} exited with {crawl.returncode} (see above)", file=sys.stderr)
        return crawl.returncode
    status = print_comparison(compare(load_triage(store.triage), load_results(output / "results.json")))
    print(f"wall time: setup {set_up - started:.0f} s, serve and crawl {crawled - set_up:.0f} s")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options and run the suite for one store."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stores.suite", description=__doc__)
    parser.add_argument("store", choices=sorted(STORES))
    parser.add_argument("--port", type=int, default=8621)
    parser.add_argument("--skip-setup", action="store_true", help="the store is already set up")
    parser.add_argument("-o", "--output", type=Path, help="default: .cache/stores/STORE-run")
    options = parser.parse_args(argv)
    output = options.output or _CACHE / f"{options.store}-run"
    return run(options.store, options.port, output, options.skip_setup)


if __name__ == "__main__":
    sys.exit(main())
