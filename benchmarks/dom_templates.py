"""Benchmark: what templates from the DOM cost per page, and whether crawl order changes them.

Replays pages through what the crawler does after gathering a DOM (parse, page kind and
signature: `page_shape`; then `TemplateRegistry.assign` under the crawl's lock) in several
orders, and prints the cost per page, the number of templates and whether every order gave
the same names and membership. Pages come from a saved run (`--run OUTPUT`, the pages'
`dom.html.gz`), or from bench.py's generated store (`--pages N`, server HTML without a
browser). Figures are printed, never asserted: timing on shared machines is too noisy.

    python -m benchmarks.dom_templates [--pages 2000] [--run OUTPUT] [--orders 3]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from statistics import mean, median

from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.dom_templates import TemplateRegistry, page_shape, template_names
from a11y_audit.model import PageRecord
from benchmarks.bench import build_store

__all__ = ["main"]


def _saved_pages(run: Path) -> list[tuple[PageRecord, str]]:
    store = ArtifactStore(run)  # read only: open() would probe the folder by writing to it
    pages = []
    for record in store.iter_pages():
        dom = store.read_dom(record) if record.audited else None
        if dom is not None and record.journey is None:
            pages.append((record, dom))
    return pages


def _generated_pages(count: int) -> list[tuple[PageRecord, str]]:
    return [
        (PageRecord(url=f"http://shop.test{path}"), html.decode("utf-8"))
        for path, html in build_store(count).items()
    ]


def _crawl(pages: list[tuple[PageRecord, str]]) -> tuple[dict[str, str], list[float], list[float]]:
    """Names by URL, and per page the CPU ms to shape it and CPU µs to assign it (CPU time,
    not wall time: on a shared machine the wall clock measures the neighbours)."""
    registry, records, shaping, assigning = TemplateRegistry(), [], [], []
    for record, dom in pages:
        started = time.process_time()
        shape, page_type = page_shape(parse_dom(dom), record.final_url or record.url)
        shaped = time.process_time()
        key = registry.assign(shape)
        assigning.append((time.process_time() - shaped) * 1e6)
        shaping.append((shaped - started) * 1e3)
        records.append(replace(record, template=key, template_source="dom", page_type=page_type.kind))
    names = template_names(records)
    return {record.url: names[record.template or ""] for record in records}, shaping, assigning


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="generated store size (without --run)")
    parser.add_argument("--run", type=Path, help="a saved run's OUTPUT folder to replay instead")
    parser.add_argument("--orders", type=int, default=3, help="crawl orders to compare")
    options = parser.parse_args(argv)
    pages = _saved_pages(options.run) if options.run else _generated_pages(options.pages)
    outcomes = []
    for seed in range(options.orders):
        order = pages[:]
        random.Random(seed).shuffle(order)
        named, shaping, assigning = _crawl(order)
        outcomes.append(named)
        print(
            f"order {seed}: {len(pages)} pages, {len(set(named.values()))} templates; per page: "
            f"shape (parse, kind, signature) {median(shaping):.1f} ms CPU median, {mean(shaping):.1f} mean; "
            f"assign {median(assigning):.0f} µs CPU median, {mean(assigning):.0f} mean"
        )
    print(f"same names and membership in every order: {all(o == outcomes[0] for o in outcomes)}")
    for name, count in sorted(Counter(outcomes[0].values()).items()):
        print(f"{count:6} {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
