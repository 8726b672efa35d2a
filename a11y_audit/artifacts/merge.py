"""Combining the run folders of a split crawl (`crawl --shard I/N`) into one run folder.

Each shard audited its own pages (crawl/shards.py) and wrote them to its own folder. Merging
checks that the folders are the N shards of one crawl (same tool and axe-core versions, the
same settings but per-machine ones, each shard once), then copies each shard's own pages
(artifacts and journal lines) into the merged folder, so evaluation judges the whole site
at once: site checks compare all pages and issues group across them, as in a single crawl.
Journey states come from shard 1, the only shard that runs the journeys besides the
`crawl_as` one (whose states the other shards save too). The shards' folders are only read.

DOM templates are numbered by each shard's own crawl (`dom:3` of one shard is not `dom:3` of
another), so the merged run assigns them again, from the saved DOMs, in one registry
(a11y_audit.judge.dom_templates): a product page of shard 1 and one of shard 3 are one
template, and the per-template sample of page-changing checks (judge/sampling.py
final_sample) is then taken over the whole site.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from a11y_audit.artifacts.store import ArtifactStore
from a11y_audit.crawl.frontier import MAX_EXAMPLES_PER_REASON
from a11y_audit.crawl.shards import Shard, parse_shard, shard_of
from a11y_audit.errors import ToolError, UsageError
from a11y_audit.judge.dom import parse_dom
from a11y_audit.judge.dom_templates import TemplateRegistry, page_shape
from a11y_audit.model import PageRecord
from a11y_audit.run_result import RunInfo, Skipped, SkippedExample

__all__ = [
    "Copied",
    "ShardRun",
    "check_shards",
    "copy_pages",
    "merge_notes",
    "merged_run_info",
    "merged_skipped",
    "read_shards",
    "read_skipped",
    "unreached",
]

MACHINE_SETTINGS = frozenset({"workers", "chromium", "chromedriver", "remote_url", "axe_path", "source"})
"""Settings that may differ between the machines running the shards: where the browser and
axe-core are, how many sessions, which file the settings came from. Every other setting
decides what is audited and how, so the shards must agree on it."""

_TOOL_FACTS = {
    "version": "a11y-audit version",
    "axe_core_version": "axe-core version",
    "axe_tags": "axe tags",
}


@dataclass(frozen=True, slots=True)
class ShardRun:
    """One shard's run folder and its run.json."""

    root: Path
    info: RunInfo
    shard: Shard


def read_shards(folders: Sequence[Path]) -> list[ShardRun]:
    """Each folder's run.json, in shard order; a folder that is no shard is a UsageError."""
    if not folders:
        raise UsageError("no shard to merge: give the output folders of every `crawl --shard I/N` run")
    runs = []
    for folder in folders:
        data = ArtifactStore(folder).read_run_info()
        if not data:
            raise UsageError(f"{folder} holds no audit run: give the output folders of `crawl --shard I/N`")
        info = RunInfo.from_json(data)
        if info.shard is None:
            raise UsageError(
                f"{folder} is not a shard (its run has no --shard): "
                "merge the folders of `crawl --shard I/N` runs"
            )
        runs.append(ShardRun(folder, info, parse_shard(info.shard)))
    return sorted(runs, key=lambda run: run.shard.index)


def check_shards(runs: Sequence[ShardRun]) -> None:
    """Refuse folders that are not all the shards of one crawl, naming the first difference."""
    count = runs[0].shard.count
    seen: dict[int, Path] = {}
    for run in runs:
        if run.shard.count != count:
            raise UsageError(
                f"{run.root} is shard {run.shard} but {runs[0].root} is shard {runs[0].shard}: "
                "merge the shards of one crawl"
            )
        if run.shard.index in seen:
            raise UsageError(
                f"{seen[run.shard.index]} and {run.root} are both shard {run.shard}: give each shard once"
            )
        seen[run.shard.index] = run.root
    missing = [f"{index}/{count}" for index in range(1, count + 1) if index not in seen]
    if missing:
        raise UsageError(
            f"shard {', '.join(missing)} missing: give all {count} shard folders "
            "(its pages would be left out)"
        )
    first = runs[0]
    for run in runs[1:]:
        difference = _difference(first.info, run.info)
        if difference is not None:
            raise UsageError(
                f"{run.root} (shard {run.shard}) ran with another {difference} than {first.root} "
                f"(shard {first.shard}): merge shards of one crawl, run with the same version and settings"
            )


def _difference(first: RunInfo, other: RunInfo) -> str | None:
    """The first thing that makes two shards parts of different crawls, or None."""
    for name, label in _TOOL_FACTS.items():
        if getattr(first, name) != getattr(other, name):
            return label
    keys = sorted((set(first.config) | set(other.config)) - MACHINE_SETTINGS)
    return next((f"setting '{key}'" for key in keys if first.config.get(key) != other.config.get(key)), None)


def merged_run_info(runs: Sequence[ShardRun]) -> RunInfo:
    """The merged run's facts: shard 1's versions, browser and settings, the earliest start,
    every shard's warnings once (a browser version that differs between shards is one more),
    interrupted when any shard was."""
    first = runs[0].info
    warnings = list(dict.fromkeys(warning for run in runs for warning in run.info.warnings or ()))
    browsers = {f"{run.info.browser_name} {run.info.browser_version}" for run in runs}
    if len(browsers) > 1:
        ran = ", ".join(f"{run.shard}: {run.info.browser_name} {run.info.browser_version}" for run in runs)
        warnings.append(f"the shards ran different browsers ({ran}): findings may differ between them")
    stopped = [str(run.shard) for run in runs if run.info.interrupted]
    if stopped:
        warnings.append(
            f"shard {', '.join(stopped)} was interrupted: its pages are partial; resume it and merge again"
        )
    return RunInfo(
        version=first.version,
        axe_core_version=first.axe_core_version,
        axe_tags=first.axe_tags,
        axe_injection=first.axe_injection,
        browser_name=first.browser_name,
        browser_version=first.browser_version,
        started=min(run.info.started for run in runs),
        interrupted=bool(stopped),
        warnings=tuple(warnings),
        merged_from=tuple(str(run.shard) for run in runs),
        config=first.config,
    )


@dataclass(frozen=True, slots=True)
class Copied:
    """What copy_pages took over: every page's URL, and how many crawled pages it left out
    because another shard owns them, which a shard never saves (above 0, a folder was
    changed by hand or by another tool)."""

    urls: frozenset[str]
    left_out: int


def copy_pages(runs: Iterable[ShardRun], store: ArtifactStore) -> Copied:
    """Copy each shard's own pages into the merged store, shard by shard: a crawled page from
    the shard its URL belongs to, journey states from shard 1."""
    kept: set[str] = set()
    left_out = 0
    templates = TemplateRegistry()
    for run in runs:
        source = ArtifactStore(run.root)
        for record in source.iter_pages():
            if record.journey is not None and run.shard.index != 1:
                continue  # the crawl_as journey's states, saved by every shard
            if record.journey is None and not run.shard.owns(record.url):
                left_out += 1
                continue
            if record.url in kept:
                continue
            try:
                store.copy_page(_retemplated(record, source, templates), source)
            except OSError as error:
                raise ToolError(
                    f"cannot copy {record.url}'s artifacts from {run.root} ({error.strerror or error}): "
                    "check the shard folder is complete, or run that shard again"
                ) from error
            kept.add(record.url)
    return Copied(frozenset(kept), left_out)


def _retemplated(record: PageRecord, source: ArtifactStore, templates: TemplateRegistry) -> PageRecord:
    """The record with its DOM template assigned in the merged run's registry."""
    if record.template_source != "dom":
        return record
    dom = source.read_dom(record)
    if dom is None:
        return record
    shape, _ = page_shape(parse_dom(dom), record.final_url or record.url)
    return replace(record, template=templates.assign(shape))


def unreached(runs: Sequence[ShardRun], copied: Copied) -> list[str]:
    """Pages a shard reached (other-shards.txt) that their owner never visited: linked only
    where the owner could not see it (a script renders the link on a page the owner read over
    HTTP), or past the owner's page limit. An interrupted owner is left out: it says so."""
    stopped = {run.shard.index for run in runs if run.info.interrupted}
    count = runs[0].shard.count
    missing: dict[str, None] = {}
    for run in runs:
        for url in ArtifactStore(run.root).read_other_shards() or ():
            if url not in copied.urls and shard_of(url, count) not in stopped:
                missing[url] = None
    return list(missing)


def read_skipped(folder: Path) -> Skipped | None:
    """The skipped links a shard's results.json lists, or None when it has none to read."""
    try:
        data: Any = json.loads((folder / "results.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    skipped = data.get("skipped") if isinstance(data, dict) else None
    return Skipped.from_json(skipped) if isinstance(skipped, dict) else None


def merge_notes(runs: Sequence[ShardRun], copied: Copied, skipped: Sequence[Skipped | None]) -> list[str]:
    """Warnings for the merged run: what merging could not take over, and pages one crawl
    would have audited that no shard did."""
    notes = [
        f"shard {run.shard} wrote no results.json: its skipped links are not counted"
        for run, found in zip(runs, skipped, strict=True)
        if found is None
    ]
    if copied.left_out:
        notes.append(f"{copied.left_out} page(s) saved by a shard that does not own them were left out")
    missing = unreached(runs, copied)
    if missing:
        notes.append(
            f"{len(missing)} page(s) a shard reached were not audited by the shard that owns them "
            f"(e.g. {', '.join(missing[:3])}): linked only by a script on a page that shard read over "
            "HTTP, or past its page limit; give every shard the same --sitemap, or crawl without --shard"
        )
    return notes


def merged_skipped(shards: Iterable[Skipped]) -> Skipped:
    """One list of skipped links for the merged run. Every shard's frontier saw the whole
    site's links, so each counted (nearly) the same skipped URLs: a count is the largest any
    shard has, never the sum, and examples are listed once per URL and reason."""
    counts: dict[str, int] = {}
    examples: dict[tuple[str, str], SkippedExample] = {}
    per_reason: dict[str, int] = {}
    for skipped in shards:
        for reason, count in skipped.counts.items():
            counts[reason] = max(count, counts.get(reason, 0))
        for example in skipped.examples:
            name = example.reason.split(":")[0]
            if (example.url, name) in examples or per_reason.get(name, 0) >= MAX_EXAMPLES_PER_REASON:
                continue
            examples[(example.url, name)] = example
            per_reason[name] = per_reason.get(name, 0) + 1
    return Skipped(counts=counts, examples=tuple(examples.values()))
