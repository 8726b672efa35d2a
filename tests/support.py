"""Shared test plumbing: local HTTP servers on loopback, started and stopped cleanly."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that keeps test output free of access-log lines."""

    def log_message(self, format: str, *args: object) -> None:
        pass


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
