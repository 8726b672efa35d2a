"""Progress while auditing: a tqdm bar on a terminal, plain log lines otherwise, or nothing.

One reporter for everything an audit does: crawled pages, journey steps and states (beside the
crawl, or alone with `journeys run`), and warnings the user must see before the results.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any, Protocol, TextIO

from tqdm import tqdm

from a11y_audit.crawl.frontier import FrontierStats
from a11y_audit.crawl.journey_spec import Journey, Step
from a11y_audit.model import PageRecord

__all__ = ["Progress"]


class _Stats(Protocol):
    """What the progress bar reads of the frontier: its counts, for the queue size."""

    def stats(self) -> FrontierStats: ...


class Progress:
    """Receives every finished page and journey step from the worker and journey threads (so
    it locks) and shows it; `quiet` shows nothing but warnings."""

    def __init__(self, *, quiet: bool = False, stream: TextIO = sys.stderr):
        self._quiet = quiet
        self._stream = stream
        self._tty = stream.isatty()
        self._lock = threading.Lock()
        self._frontier: _Stats | None = None
        self._bar: tqdm[Any] | None = None
        self._started = time.monotonic()
        self.done = 0
        self.failed = 0
        self.findings = 0

    def attach(self, frontier: _Stats) -> None:
        """Called once the frontier exists, so queue sizes can be shown."""
        self._frontier = frontier
        if self._tty and not self._quiet:
            self._bar = tqdm(total=0, unit="page", file=self._stream, dynamic_ncols=True, desc="Auditing")

    def page_done(self, record: PageRecord, findings: int) -> None:
        """One page finished (audited, failed or skipped)."""
        with self._lock:
            self.done += 1
            self.failed += 0 if record.audited or record.skipped else 1
            self.findings += findings
            if self._quiet:
                return
            queued = self._queued()
            if self._bar is not None:
                self._bar.total = self.done + queued
                self._bar.set_postfix(
                    queued=queued, failed=self.failed, findings=self.findings, refresh=False
                )
                self._bar.update(1)
            else:
                state = (
                    "ERROR " + (record.error or "")
                    if record.error
                    else ("skipped: " + record.skipped if record.skipped else f"{findings} findings")
                )
                elapsed = time.monotonic() - self._started
                counts = f"{self.done} done, {queued} queued, {self.failed} failed, {elapsed:.0f}s"
                self._write(f"[{counts}] {record.url} - {state}")

    def step_done(self, journey: Journey, step: Step, detail: str) -> None:
        """One journey step finished: a line above the bar, or a plain line (a StepListener)."""
        self._line(f"{journey.name} {step.number}/{len(journey.steps)} {step.describe()}: {detail}")

    def warn(self, message: str) -> None:
        """A warning the run also records in results.json; shown even when quiet, because it
        changes what the audit sees (a crawl that may run signed out, say)."""
        self._line(f"warning: {message}", always=True)

    def _line(self, text: str, *, always: bool = False) -> None:
        with self._lock:
            if always or not self._quiet:
                self._write(text)

    def _write(self, text: str) -> None:
        """A line of its own: above the bar (which tqdm then redraws), or plain."""
        if self._bar is not None:
            self._bar.write(text, file=self._stream)
        else:
            print(text, file=self._stream, flush=True)

    def close(self) -> None:
        """Finish the bar so later output starts on a clean line."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def _queued(self) -> int:
        return 0 if self._frontier is None else self._frontier.stats().queued
