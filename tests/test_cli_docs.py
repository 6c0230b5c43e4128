"""Every command and option is documented, with an example, in --help and in the README."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from storyline.cli import main

from .conftest import REPO



def _walk(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    """Every command by its full name ("fix storyline join"), groups included."""
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        found[prefix + name] = command
        if isinstance(command, click.Group):
            found.update(_walk(command, prefix + name + " "))
    return found


ALL = _walk(main)
COMMANDS = sorted(ALL)


def test_cli_docs_group_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in main.commands:
        assert name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_docs_command_help_has_an_example(name: str) -> None:
    command = ALL[name]
    assert command.help and "Example:" in command.help, f"`storyline {name}` needs help text with an example"
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_docs_every_option_has_help_with_an_example(name: str) -> None:
    for param in ALL[name].params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help and "Example:" in param.help, f"`storyline {name} {param.opts[0]}` is undocumented"


@pytest.mark.parametrize("name", COMMANDS)
def test_cli_docs_readme_mentions_every_command(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"storyline (--db \S+ )?{name}\b", readme), f"README.md does not document `storyline {name}`"
