"""Shared test plumbing: local HTTP servers on loopback, started and stopped cleanly."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import ClassVar

import pytest

import a11y_audit.crawl.frontier as frontier_module


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that keeps test output free of access-log lines."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class PagesHandler(QuietHandler):
    """Serves fixed HTML pages by path and counts POSTs: a probe must never submit a form."""

    pages: ClassVar[Mapping[str, str]] = {}
    default: ClassVar[str] = ""
    posted: ClassVar[int] = 0

    def do_GET(self) -> None:
        body = self.pages.get(self.path, self.default).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        type(self).posted += 1
        self.send_response(204)
        self.end_headers()


def pages_handler(pages: Mapping[str, str], default: str) -> type[PagesHandler]:
    """A PagesHandler class of its own (its own POST count) serving these pages."""
    return type("Pages", (PagesHandler,), {"pages": pages, "default": default, "posted": 0})


def local_server(
    handler: Callable[..., BaseHTTPRequestHandler], host: str = "127.0.0.1"
) -> ThreadingHTTPServer:
    """A threading server on a free port of host (not yet serving)."""
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    return server


@contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[ThreadingHTTPServer]:
    """Serve in a background thread for the duration of the block, then shut down and close."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


class FrontierClock:
    """A virtual clock for the crawl frontier, so tests assert what it waited for, not how
    long a run took.

    install() gives a11y_audit.crawl.frontier this clock as its `time.monotonic` and a
    condition whose timed waits are recorded in `waits` and advance the clock by the time
    asked, at once. Untimed waits (until another worker adds or finishes a page) stay real
    waits. Time then passes only when the frontier waits on its own account.
    """

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self.now

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        clock = self

        class Condition(threading.Condition):
            def wait(self, timeout: float | None = None) -> bool:
                if timeout is None:
                    return super().wait()
                with clock._lock:
                    clock.waits.append(timeout)
                    clock.now += timeout
                return False

        monkeypatch.setattr(frontier_module, "time", SimpleNamespace(monotonic=self.monotonic))
        monkeypatch.setattr(frontier_module, "threading", SimpleNamespace(Condition=Condition))


def ctrl_c_works() -> None:
    """preexec_fn for a child the test interrupts with SIGINT: a shell that starts the test
    run in the background (`cmd &` without job control) ignores SIGINT for it, children
    inherit that, and Python then never raises KeyboardInterrupt; reset it to the default."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def processes_using(marker: str) -> list[int]:
    """PIDs of the processes whose command line contains marker (a profile folder, a module)."""
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker.encode() in cmdline.read_bytes():
                pids.append(int(cmdline.parent.name))
        except OSError:
            continue
    return pids


def wait_until_gone(marker: str, seconds: float = 10) -> list[int]:
    """processes_using(marker) once it is empty, or after `seconds` (what is left then)."""
    deadline = time.monotonic() + seconds
    while processes_using(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    return processes_using(marker)
