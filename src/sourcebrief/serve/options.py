"""Command-line options that several commands share, defined once."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import click


def _writable(ctx: click.Context, param: click.Parameter, output: Path | None) -> Path | None:
    """Refuse an output path that cannot be written before any work is done, not after."""
    if output is None:
        return None
    folder = output.parent
    if not folder.is_dir():
        raise click.BadParameter(f"the folder {folder} does not exist; create it or write elsewhere")
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise click.BadParameter(f"{output} cannot be written (permission denied); write elsewhere")
    return output


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_writable,
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
        raise _cannot_write(output, error) from None


def opened(output: Path | None) -> TextIO:
    """``output`` opened for writing (standard output where None), for a result written as it
    comes; a file that cannot be written is one clear error."""
    try:
        return output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as error:
        raise _cannot_write(output, error) from None


def _cannot_write(output: Path | None, error: OSError) -> click.ClickException:
    return click.ClickException(f"cannot write {output}: {error.strerror}; write elsewhere with -o")
