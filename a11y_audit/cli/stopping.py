"""SIGTERM and SIGHUP stop a11y-audit the way Ctrl-C does.

A CI timeout, `docker stop` and Kubernetes send SIGTERM, a closed terminal or SSH session
SIGHUP; Python's default for both is to die on the spot, with no results.json and the
pages in flight lost. Here they raise KeyboardInterrupt in the main thread, as SIGINT does,
so every command takes its tested Ctrl-C path: in-flight pages finish, partial results are
written, browsers are closed, and `--resume` continues. The exit status says which signal
ended the run, by the shell's convention: 128 + the signal number (130 SIGINT, 143 SIGTERM,
129 SIGHUP).
"""

from __future__ import annotations

import signal
from types import FrameType
from typing import NoReturn

__all__ = ["interrupted_exit_code", "stop_like_ctrl_c"]

_received = signal.SIGINT


def stop_like_ctrl_c() -> None:
    """Install the handlers (main thread only, once at start-up)."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)


def interrupted_exit_code() -> int:
    """The exit status of a run a signal interrupted."""
    return 128 + int(_received)


def _interrupt(signum: int, _frame: FrameType | None) -> NoReturn:
    global _received
    _received = signal.Signals(signum)
    raise KeyboardInterrupt
