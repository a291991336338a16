"""Keep the README's generated sections true: ``python -m kazcrime.readme`` rewrites them.

Sections sit between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->`` markers (the cog pattern of
datasette and sqlite-utils); a test fails when the README and a fresh rendering differ.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from .formats import render
from .paths import project_root
from .queries import resolve_query, run_query, saved_queries
from .store import load_memory_store
from .summary import summarize

__all__ = ["sections", "render_readme", "EXAMPLES"]

#: The saved queries the README shows with their output.
EXAMPLES = ("drug-crime-series", "legal-actions", "disagreements")
EXAMPLE_ROWS = 8


def _commands() -> str:
    from .cli import cli

    lines = ["| command | what it does |", "|---|---|"]

    def walk(group: click.Group, prefix: str) -> None:
        for name, command in sorted(group.commands.items()):
            if isinstance(command, click.Group):
                walk(command, f"{prefix}{name} ")
            else:
                lines.append(f"| `kazcrime {prefix}{name}` | {command.get_short_help_str(100)} |")

    walk(cli, "")
    return "\n".join(lines)


def _queries() -> str:
    lines = ["| saved query | the question it answers |", "|---|---|"]
    lines += [f"| `{name}` | {saved.question} |" for name, saved in saved_queries().items()]
    return "\n".join(lines)


def _examples(store) -> str:
    parts = []
    for name in EXAMPLES:
        if name not in saved_queries():
            continue
        _, text = resolve_query(name)
        table = render(run_query(store, text), "table").decode().splitlines()
        shown = table[: 2 + EXAMPLE_ROWS] + (["…"] if len(table) > 3 + EXAMPLE_ROWS else []) + table[-1:]
        parts.append(f"`kazcrime query {name}` — {saved_queries()[name].question}\n\n```\n" + "\n".join(shown) + "\n```")
    return "\n\n".join(parts)


def _link_report(store) -> str:
    from .links import link_report

    return link_report(store).text()


def sections(root: Path | None = None) -> dict[str, str]:
    """The generated text of every README section, from the committed graph."""
    root = root or project_root()
    store = load_memory_store(root / "graph" / "kazcrime.nq")
    return {
        "summary": "```\n" + summarize(store).text() + "\n```",
        "links": "```\n" + _link_report(store) + "\n```",
        "examples": _examples(store),
        "queries": _queries(),
        "commands": _commands(),
    }


def render_readme(text: str, generated: dict[str, str]) -> str:
    """The README with each marked section replaced by its generated text."""
    for name, body in generated.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        text = pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
    return text


if __name__ == "__main__":
    path = project_root() / "README.md"
    path.write_text(render_readme(path.read_text(encoding="utf-8"), sections()), encoding="utf-8")
    print(f"updated {path}")
