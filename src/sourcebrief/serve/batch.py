"""What the commands that read many inputs share: problems and encoding warnings reported as
they come, a progress bar on an interactive terminal, and the exit when inputs failed or held
nothing to read."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from sourcebrief.model import Article, BatchResult, FlagKind, Problem
from sourcebrief.pipeline import Pipeline

EXIT_SOME_FAILED = 1
NOTHING_FOUND = (
    "no article found in the inputs; give HTML, text or Markdown files, JSON Lines records with a "
    "'text' or 'html' field, RSS/Atom feeds, or WARC archives of HTML pages"
)

stderr = Console(stderr=True, highlight=False)


def report(item: Article | Problem) -> None:
    """A bad input, or an article read in a fallback encoding, as one line on stderr."""
    # Plain writes: the lines hold file names and page text, which must not be read as markup.
    if isinstance(item, Problem):
        sys.stderr.write(f"sourcebrief: {item.origin}: {item.message}\n")
        return
    for flag in item.flags:
        if flag.kind == FlagKind.ENCODING_FALLBACK:
            sys.stderr.write(f"sourcebrief: {item.origin}: warning: {flag.text}\n")


@contextmanager
def progress(doing: str) -> Iterator[Callable[[], None]]:
    """A bar counting articles as they are done (their number is not known ahead: a folder, a
    feed or a WARC holds many), on an interactive terminal only; yields the step to call."""
    with Progress(
        TextColumn(doing),
        BarColumn(),
        MofNCompleteColumn(),
        console=stderr,
        transient=True,
        disable=not stderr.is_terminal,
    ) as bar:
        task = bar.add_task(doing, total=None)
        yield lambda: bar.advance(task)


def brief_all(pipeline: Pipeline, inputs: list[str]) -> BatchResult:
    """Every article of ``inputs`` briefed, each problem reported as it comes."""
    with progress("briefing") as step:

        def on_article(item: Article | Problem) -> None:
            report(item)
            step()

        return pipeline.run(inputs, on_article=on_article)


def exit_if_incomplete(done: int, failed: int, what_was_done: str) -> None:
    """Exit 1 with one line when some input failed, or when the inputs held no article at all."""
    if not done and not failed:
        sys.stderr.write(f"sourcebrief: {NOTHING_FOUND}\n")
        sys.exit(EXIT_SOME_FAILED)
    if failed:
        sys.stderr.write(f"sourcebrief: {failed} input(s) failed, {done} {what_was_done}\n")
        sys.exit(EXIT_SOME_FAILED)
