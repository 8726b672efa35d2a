"""docs/ci.md's GitHub Actions and GitLab CI examples: valid YAML, and every a11y-audit command in
them (and in the shell examples) is one the CLI accepts, so the docs cannot drift from the tool.

The commands are parsed by click exactly as `a11y-audit` would parse them (options, choices,
arguments), without running them: a renamed flag or format makes this fail.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from a11y_audit.cli.main import cli

CI_DOC = Path(__file__).parents[2] / "docs" / "ci.md"
_BLOCK = re.compile(r"```(yaml|sh)\n(.*?)```", re.S)


def _blocks(kind: str) -> list[str]:
    return [body for found, body in _BLOCK.findall(CI_DOC.read_text("utf-8")) if found == kind]


def _strings(node: Any) -> Iterator[str]:
    """Every string in a parsed YAML document (run steps, script lines...)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def _commands(text: str) -> Iterator[list[str]]:
    """The argument lists of the a11y-audit invocations in shell text (one per line)."""
    for line in text.splitlines():
        code = line.split(" #", 1)[0].split("||", 1)[0].strip()
        words = shlex.split(code) if "a11y-audit " in code else []
        for index, word in enumerate(words):
            if word.endswith("a11y-audit"):
                yield words[index + 1 :]
                break


def _parse(args: list[str]) -> click.Context:
    """Parse like the real CLI, down through command groups, without invoking anything."""
    context = cli.make_context("a11y-audit", list(args))
    command: click.Command = cli
    while isinstance(command, click.Group):
        rest = [*context._protected_args, *context.args]
        name, found, rest = command.resolve_command(context, rest)
        assert found is not None, f"no command {name!r} in {args}"
        command = found
        context = command.make_context(name, rest, parent=context)
    return context


WORKFLOWS = [yaml.safe_load(block) for block in _blocks("yaml")]
COMMANDS = [
    command
    for text in [*(line for doc in WORKFLOWS for line in _strings(doc)), *_blocks("sh")]
    for command in _commands(text)
]


def test_the_github_and_gitlab_examples_are_valid_yaml_of_the_expected_shape() -> None:
    github, gitlab = WORKFLOWS
    steps = github["jobs"]["a11y"]["steps"]
    assert any(step.get("uses", "").startswith("actions/cache@") for step in steps)  # browser install cached
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in steps)
    job = gitlab["accessibility"]
    assert job["artifacts"]["reports"]["junit"] == "a11y-report/junit.xml"
    assert "a11y-report/report.html" in job["artifacts"]["paths"]


def _format(args: list[str]) -> tuple[str, ...]:
    """('report', 'junit') for a report command, ('crawl',) for the rest."""
    return (args[0], args[args.index("--format") + 1]) if "--format" in args else (args[0],)


def test_the_examples_gate_and_write_every_ci_format() -> None:
    used = {_format(args) for args in COMMANDS}
    assert {("crawl",), ("baseline",), ("report", "junit"), ("report", "sarif"), ("report", "md")} <= used


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(args)[:60] for args in COMMANDS])
def test_every_documented_command_is_accepted_by_the_cli(args: list[str]) -> None:
    _parse(args)
