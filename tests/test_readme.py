"""The README's command table and the command line's parser agree."""
from __future__ import annotations

import argparse
import re

from iku_xl.cli import build_parser
from tests.helpers import ROOT


def parser_commands() -> set[str]:
    names = set()

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        for action in parser._actions:  # argparse keeps its subcommands here
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
                        walk(sub, f"{prefix}{name} ")
                    else:
                        names.add(f"{prefix}{name}")

    walk(build_parser(), "")
    return names


def readme_commands() -> set[str]:
    table = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
             if line.startswith("| `iku-xl ")]
    found = set()
    for line in table:
        cell = line.split("`")[1].removeprefix("iku-xl ")
        words = cell.split()
        first = words[0]
        for name in first.split("\\|"):  # `hold|cancel` stands for both
            if name in ("sop", "calc", "excel"):
                found |= {f"{name} {sub}" for sub in words[1].split("\\|")}
            else:
                found.add(name)
        found |= {w.strip(",") for w in re.findall(r"`iku-xl (\w+)", line)[1:]}
    return found


def test_every_command_of_the_parser_is_in_the_readme_table():
    assert parser_commands() - readme_commands() == set()


def test_the_readme_table_names_no_command_the_parser_lacks():
    assert readme_commands() - parser_commands() == set()
