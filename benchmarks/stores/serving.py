"""What the benchmark stores share: waiting until a store's server answers."""

from __future__ import annotations

import http.client
import subprocess
import time

__all__ = ["wait_until_up"]


def wait_until_up(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Return once the server answers anything: "/" answers with a redirect at once, while
    following it renders the catalogue search, which takes longer than a timeout on a busy
    machine (the first render also warms the index)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"error: the store exited with {process.returncode} before answering")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/")
            connection.getresponse().read()
            return
        except (OSError, http.client.HTTPException):
            time.sleep(0.5)
        finally:
            connection.close()
    process.terminate()
    raise SystemExit(f"error: the store did not answer on 127.0.0.1:{port} within {seconds:.0f} s")
