"""On-disk layout of a run: what the browser gathered, page by page, so nothing is lost.

    OUTPUT/run.json            tool, browser and axe versions, config, start time
    OUTPUT/pages.jsonl         one PageRecord per finished page: the journal that --resume reads
    OUTPUT/pages/<id>/         axe.json.gz, dom.html.gz, screenshot.jpg (.png without DevTools),
                               and <name>.json.gz per other gathered artifact (a11y_audit.artifacts.kinds)
    OUTPUT/other-shards.txt    in one shard of a split crawl: the other shards' pages it reached

JSON artifacts are gzipped (axe's results shrink from about 55 KB to 6 KB a page, for about
a millisecond), since a big catalogue's run keeps thousands of them; runs written before
that, with plain .json files, are read as well.

A page's files are written before its journal line, so a line in the journal means the
page is complete; a crash mid-line leaves a torn last line that readers skip.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import threading
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from a11y_audit.errors import ToolError
from a11y_audit.model import JsonObject, PageRecord

__all__ = ["ArtifactStore", "page_id", "read_json_file"]

_JPEG_MAGIC = b"\xff\xd8\xff"
_JOURNAL = "pages.jsonl"
_RUN = "run.json"
_PAGES = "pages"
_OTHER_SHARDS = "other-shards.txt"
# What a fresh run replaces; anything else in the output folder belongs to the user.
_OWNED = (_JOURNAL, _RUN, _PAGES, _OTHER_SHARDS, "results.json", "report.html")


def page_id(url: str) -> str:
    """Folder name of a page: short, filesystem-safe, stable for the same canonical URL."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]


class ArtifactStore:
    """Writes and reads one run's artifacts; safe to share between worker threads."""

    def __init__(self, root: Path):
        self.root = root
        self._lock = threading.Lock()

    @classmethod
    def open(cls, root: Path, *, resume: bool) -> ArtifactStore:
        """Create (or, with resume, reuse) the output folder; fail early if it is unwritable."""
        try:
            root.mkdir(parents=True, exist_ok=True)
            probe = root / ".write-test"
            probe.write_text("ok", "utf-8")
            probe.unlink()
        except OSError as error:
            raise ToolError(
                f"output directory {root} is not writable ({error.strerror or error}): "
                "choose another with --output"
            ) from error
        store = cls(root)
        if not resume:
            store._clear()
        return store

    def _clear(self) -> None:
        for name in _OWNED:
            path = self.root / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()

    @property
    def journal_path(self) -> Path:
        """The resume journal (pages.jsonl)."""
        return self.root / _JOURNAL

    def write_run_info(self, info: JsonObject) -> None:
        """Record tool versions and config; rewritten when a resumed run starts."""
        _write_atomic(self.root / _RUN, json.dumps(info, indent=2, sort_keys=True).encode("utf-8"))

    def read_run_info(self) -> JsonObject:
        """run.json as written by write_run_info, or {} before the first write."""
        try:
            data = json.loads((self.root / _RUN).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def write_other_shards(self, urls: Iterable[str]) -> None:
        """A shard's list of the other shards' pages it reached (one URL a line), for `merge`
        to check that each page's owner audited it."""
        _write_atomic(self.root / _OTHER_SHARDS, "".join(f"{url}\n" for url in urls).encode("utf-8"))

    def read_other_shards(self) -> list[str] | None:
        """What write_other_shards wrote, or None when the run wrote nothing."""
        try:
            return (self.root / _OTHER_SHARDS).read_text("utf-8").splitlines()
        except OSError:
            return None

    def save_page(
        self,
        record: PageRecord,
        *,
        axe: JsonObject | None = None,
        dom: str | None = None,
        screenshot: bytes | None = None,
        gathered: Mapping[str, Any] | None = None,
    ) -> PageRecord:
        """Write the page's files, then its journal line; returns the record with file paths.

        `gathered` holds the other artifacts by name (keyboard walk, reflow...), each saved
        as JSON under its name.
        """
        artifacts: dict[str, str] = {}
        gathered = gathered or {}
        if axe is not None or dom is not None or screenshot is not None or gathered:
            folder = Path(_PAGES) / page_id(record.url)
            (self.root / folder).mkdir(parents=True, exist_ok=True)
            if axe is not None:
                artifacts["axe"] = self._write(folder / "axe.json.gz", _json_gz(axe))
            if dom is not None:
                artifacts["dom"] = self._write(folder / "dom.html.gz", gzip.compress(dom.encode("utf-8"), 6))
            if screenshot is not None:
                name = "screenshot.jpg" if screenshot.startswith(_JPEG_MAGIC) else "screenshot.png"
                artifacts["screenshot"] = self._write(folder / name, screenshot)
            for kind, data in gathered.items():
                artifacts[kind] = self._write(folder / f"{kind}.json.gz", _json_gz(data))
        saved = PageRecord.from_json({**record.to_json(), "artifacts": artifacts})
        self._append(json.dumps(saved.to_json(), ensure_ascii=False) + "\n")
        return saved

    def copy_page(self, record: PageRecord, source: ArtifactStore) -> None:
        """Add a page saved in another run folder (a shard being merged): its files under the
        same relative paths, then its journal line, as save_page orders them. Files are
        hard-linked where the file system allows (no run rewrites an artifact in place: writes
        replace files, a fresh run removes them), else copied; the source is left as it was."""
        for relative in record.artifacts.values():
            target = self.root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            try:
                os.link(source.root / relative, target)
            except OSError:
                shutil.copyfile(source.root / relative, target)
        self._append(json.dumps(record.to_json(), ensure_ascii=False) + "\n")

    def _append(self, line: str) -> None:
        with self._lock, self.journal_path.open("a", encoding="utf-8") as journal:
            journal.write(line)
            journal.flush()
            os.fsync(journal.fileno())

    def _write(self, relative: Path, data: bytes) -> str:
        _write_atomic(self.root / relative, data)
        return relative.as_posix()

    def iter_pages(self) -> Iterator[PageRecord]:
        """Pages in the order they finished; a torn last line (interrupted write) is skipped."""
        try:
            journal = self.journal_path.open(encoding="utf-8")
        except FileNotFoundError:
            return
        with journal:
            for line in journal:
                try:
                    yield PageRecord.from_json(json.loads(line))
                except (ValueError, KeyError, TypeError):
                    continue

    def read_axe(self, record: PageRecord) -> JsonObject | None:
        """The raw axe results saved for a page, or None when it has none."""
        return self.read_json(record, "axe")

    def read_json(self, record: PageRecord, kind: str) -> JsonObject | None:
        """A JSON artifact saved for a page (axe or a gathered one), or None when it has none."""
        relative = record.artifacts.get(kind)
        if not relative:
            return None
        try:
            data = read_json_file(self.root / relative)
        except (OSError, ValueError) as error:
            raise ToolError(
                f"artifact {self.root / relative} is unreadable ({error}): re-run the audit"
            ) from error
        return data if isinstance(data, dict) else None

    def read_dom(self, record: PageRecord) -> str | None:
        """The rendered DOM saved for a page, or None when it has none."""
        relative = record.artifacts.get("dom")
        if not relative:
            return None
        return gzip.decompress((self.root / relative).read_bytes()).decode("utf-8")


def read_json_file(path: Path) -> Any:
    """A saved JSON artifact, gzipped (.gz) or plain; OSError or ValueError when unreadable."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (EOFError, zlib.error) as error:  # truncated or damaged (BadGzipFile is an OSError)
            raise ValueError(f"damaged gzip data: {error}") from error
    return json.loads(data)


def _json_gz(data: Any) -> bytes:
    return gzip.compress(json.dumps(data).encode("utf-8"), 6)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so readers never see half a file."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
