"""Command-line options that several commands share, defined once."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)

max_input_option = click.option(
    "--max-input-mb",
    type=click.FloatRange(min=0.001),
    default=20,
    show_default=True,
    help="Refuse inputs larger than this (bounded time and memory).",
)


def format_option(choices: tuple[str, ...], help_text: str) -> Callable[[Any], Any]:
    """``--format/-f`` with the command's own formats; the first is the default."""
    return click.option(
        "--format",
        "-f",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help_text,
    )


def emit(text: str, output: Path | None) -> None:
    """The command's result to ``output``, or to standard output; a file that cannot be written is
    one clear error."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from None
