"""Serve the ACT cases on loopback and audit them the way `a11y-audit scan` does.

The only browser-driving part of the harness: it gathers (one run folder with results.json),
and everything that judges the run is in verdicts.py.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from a11y_audit import api
from a11y_audit.config import Config
from a11y_audit.model import PageRecord
from a11y_audit.run_result import RunResult
from benchmarks.act.suite import Suite

__all__ = ["audit_suite", "serve"]


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files of the suite, without a log line per request.

    Text is served as UTF-8, the encoding of the suite's files and of w3.org where the cases
    live: without a charset, a case without <meta charset> ('±') is read as windows-1252
    ('Â±') and judged on text it does not hold.
    """

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        kind = super().guess_type(path)
        textual = kind.startswith("text/") or kind.endswith(("+xml", "/xml", "/javascript"))
        return f"{kind}; charset=utf-8" if textual else kind

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """The suite's folder as a web root on 127.0.0.1 (the cases load their assets by absolute
    path, /WAI/content-assets/...); yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def audit_suite(
    suite: Suite, base: Config, output: Path, *, quiet: bool = False
) -> tuple[RunResult, dict[str, str]]:
    """Audit every case of the suite in one scan; returns the run and each case's URL (by path)."""
    with serve(suite.root) as root_url:
        url_of = suite.case_urls(root_url)
        pages = list(dict.fromkeys(url_of.values()))
        config = base.for_pages(pages)
        done = [0]

        def progress(record: PageRecord, _findings: int) -> None:
            done[0] += 1
            if not quiet and (done[0] % 50 == 0 or done[0] == len(pages)):
                print(f"  {done[0]}/{len(pages)} pages audited", file=sys.stderr, flush=True)

        outcome = api.audit(config, output, follow_links=False, on_page=progress)
    return outcome.result, url_of
