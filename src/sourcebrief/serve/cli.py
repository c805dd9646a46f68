"""The command line: a thin shell over the pipeline. Library errors become one line on stderr."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import TextIO

import click
from rich.console import Console
from rich.markdown import Markdown

from sourcebrief import __version__
from sourcebrief.errors import SourcebriefError
from sourcebrief.model import Briefing, Problem
from sourcebrief.pipeline import Pipeline
from sourcebrief.serve import html, render
from sourcebrief.serve.batch import EXIT_SOME_FAILED, brief_all, exit_if_incomplete, progress, report, stderr
from sourcebrief.serve.extract_cmd import extract
from sourcebrief.serve.options import emit, format_option, max_input_option, opened, output_option
from sourcebrief.serve.stories_cmd import stories, stories_json, story_markdown
from sourcebrief.settings import AttributeSettings, InputSettings, Settings
from sourcebrief.stories.build import build_stories
from sourcebrief.stories.model import Story

FORMATS = ("md", "json", "jsonl", "html")
STORY_FORMATS = ("md", "json")


def _load_pipeline(settings: Settings) -> Pipeline:
    try:
        return Pipeline(settings)
    except SourcebriefError as error:
        raise click.ClickException(str(error)) from None


@click.group()
@click.version_option(__version__, prog_name="sourcebrief")
def main() -> None:
    """Sourced briefings from news articles: who said what, where each source stands, the
    claim's status, and a briefing in which every sentence cites its source text."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_URL...")
@format_option(
    FORMATS,
    "md: Markdown (rendered in a terminal); json: the JSON contract; jsonl: one briefing a line, written as each "
    "is made; html: one self-contained page.",
)
@output_option
@max_input_option
@click.option(
    "--mode",
    type=click.Choice(["auto", "fast", "accurate"]),
    default="fast",
    show_default=True,
    help="Attribution: fast = rules only; accurate = a trained tagger finds the spans; auto = accurate if installed.",
)
@click.option(
    "--precision",
    type=click.Choice(["auto", "float32"]),
    default="auto",
    show_default=True,
    help="Accurate mode's arithmetic: auto = bfloat16 where the processor computes it (faster), "
    "else float32; float32 = the same output on every machine.",
)
@click.option(
    "--stories",
    "with_stories",
    is_flag=True,
    help="Also group the articles into stories and brief each story (md and json; "
    'json becomes {"briefings": [...], "stories": [...]}).',
)
def brief(
    inputs: tuple[str, ...],
    output_format: str,
    output: Path | None,
    max_input_mb: float,
    mode: str,
    precision: str,
    with_stories: bool,
) -> None:
    """Brief each article in FILE_OR_URL... (HTML, text, Markdown, RSS/Atom feeds, WARC archives,
    JSON Lines, .gz, folders, URLs; "-" reads standard input).

    Bad inputs are reported on stderr and skipped; the exit code is 1 if any input failed.
    """
    if with_stories and output_format not in STORY_FORMATS:
        raise click.UsageError(f"--stories works with --format {' or '.join(STORY_FORMATS)}, not {output_format}")
    settings = Settings(
        input=InputSettings(max_bytes=int(max_input_mb * 1_000_000)),
        attribute=AttributeSettings(mode=mode, precision=precision),  # type: ignore[arg-type]
    )
    if output_format == "jsonl":
        done, failed = _brief_line_by_line(_load_pipeline(settings), list(inputs), output)
        if output is not None and done:
            stderr.print(f"wrote {output}")
        exit_if_incomplete(done, failed, "briefed")
        return
    result = brief_all(_load_pipeline(settings), list(inputs))
    if result.briefings:
        found = _group(result.briefings) if with_stories else None
        _write(result.briefings, found, output_format, output, several=len(inputs) > 1)
    exit_if_incomplete(len(result.briefings), len(result.problems), "briefed")


def _brief_line_by_line(pipeline: Pipeline, inputs: list[str], output: Path | None) -> tuple[int, int]:
    """JSON Lines written as each briefing is made: a long batch can be read as it goes, and one
    stopped halfway keeps what was done. The output file is opened at the first briefing, so one
    that no input could fill keeps what it held. Returns how many were briefed and failed."""
    stream: TextIO | None = None if output else sys.stdout
    done = failed = 0
    try:
        with progress("briefing") as step:
            for item in pipeline.stream(inputs):
                report(item if isinstance(item, Problem) else item.articles[0])
                if isinstance(item, Problem):
                    failed += 1
                else:
                    stream = stream or opened(output)
                    stream.write(render.to_jsonl([item]))
                    stream.flush()
                    done += 1
                step()
    finally:
        if output and stream:
            stream.close()
    return done, failed


def _group(briefings: list[Briefing]) -> list[Story]:
    try:
        return build_stories(briefings)
    except SourcebriefError as error:
        raise click.ClickException(str(error)) from None


def _write(
    briefings: list[Briefing], found: list[Story] | None, output_format: str, output: Path | None, *, several: bool
) -> None:
    """The briefings, and the stories when they were grouped (``found`` is None when not asked);
    JSON holds a list when ``several`` inputs were given, however many of them were briefed."""
    markdown = [render.to_markdown(b) for b in briefings] + [story_markdown(s) for s in found or []]
    if output_format == "md" and output is None and sys.stdout.isatty():
        console = Console()
        for page in markdown:
            console.print(Markdown(page))
        return
    text = {
        "md": lambda: "\n---\n\n".join(markdown),
        "json": lambda: render.to_json(briefings, several=several) if found is None else stories_json(briefings, found),
        "html": lambda: html.to_html(briefings),
    }[output_format]()
    emit(text, output)
    if output is not None:
        stderr.print(f"wrote {output}")


main.add_command(extract)
main.add_command(stories)


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("sourcebrief-demo"),
    show_default=True,
    help="Folder for the HTML briefings.",
)
def demo(out: Path) -> None:
    """Brief the demo corpus shipped with sourcebrief (48 Wikinews articles, CC BY 2.5) into HTML."""
    corpus = resources.files("sourcebrief.demo") / "wikinews.jsonl"
    with resources.as_file(corpus) as path:
        result = brief_all(_load_pipeline(Settings()), [str(path)])
    try:
        out.mkdir(parents=True, exist_ok=True)
        for briefing in result.briefings:
            (out / f"{briefing.articles[0].id}.html").write_text(html.to_html([briefing]), encoding="utf-8")
        (out / "index.html").write_text(html.index_page(result.briefings), encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write to {out}: {error.strerror}") from None
    for briefing in result.briefings:
        statements = sum(len(s.statements) for s in briefing.sources)
        click.echo(
            f"{briefing.status:<10} {len(briefing.sources):>2} sources {statements:>3} statements  {briefing.title}"
        )
    click.echo(
        f"\n{len(result.briefings)} briefings written to {out.resolve()}/ — open "
        f"{(out / 'index.html').resolve()} in a browser."
    )
    click.echo("Article text from Wikinews (https://en.wikinews.org), CC BY 2.5; see each briefing's credit line.")
    if result.problems:
        sys.exit(EXIT_SOME_FAILED)


@main.command("train-attribution")
@click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="A corpus in PolNeAR's layout (DIR/data/{train,dev}/{text,attributions}).",
)
@click.option("--epochs", type=click.IntRange(min=1), default=6, show_default=True)
@click.option("--seed", type=int, default=13, show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to save the model (default: the one shipped in the package).",
)
def train_attribution(data: Path, epochs: int, seed: int, out: Path | None) -> None:
    """Train the accurate-mode attribution tagger on DATA's train split; print its dev scores."""
    from sourcebrief.attribute.tagger import MODEL_PATH
    from sourcebrief.attribute.training import train

    try:
        train(data, out=out or MODEL_PATH, epochs=epochs, seed=seed, say=click.echo)
    except SourcebriefError as error:
        raise click.ClickException(str(error)) from None
