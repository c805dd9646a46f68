"""``sourcebrief extract``: clean text and metadata of every article in the inputs, no briefing.

Records use the field names of trafilatura's and news-please's outputs where they have one, so
tools written for either read them: ``title``, ``author`` ("A; B", trafilatura) and ``authors``
(a list, news-please), ``url``, ``hostname`` (trafilatura) and ``source_domain`` (news-please),
``sitename``, ``date`` (trafilatura) and ``date_publish``, ``date_modify`` (news-please),
``description``, ``language``, ``text`` (news-please's ``maintext``). sourcebrief adds ``id``,
``origin``, ``provenance`` (where the bytes came from: file, line, feed entry, WARC offset and
length) and ``flags`` (what was removed as page furniture, and why).
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from sourcebrief.extract import extract_all
from sourcebrief.ingest import read_inputs
from sourcebrief.model import Article, Problem
from sourcebrief.serve.batch import exit_if_incomplete, progress, report
from sourcebrief.serve.options import format_option, opened, output_option
from sourcebrief.settings import ExtractSettings, InputSettings

__all__ = ["extract", "to_record"]

FORMATS = ("jsonl", "json", "txt")


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@format_option(
    FORMATS, "jsonl: one article a line; json: one list; txt: the clean text, articles separated by a blank line."
)
@output_option
@click.option(
    "--target-language",
    metavar="CODE",
    callback=lambda _ctx, _param, code: _language_code(code),
    help="Keep only articles in this language (ISO 639-1, e.g. en); others are reported. Default: any.",
)
@click.option(
    "--with-metadata/--no-metadata",
    default=True,
    show_default=True,
    help="txt only: a title, date, author and URL header above each text.",
)
@click.option(
    "--max-input-mb",
    type=click.FloatRange(min=0.001),
    default=20,
    show_default=True,
    help="Refuse an input (or a WARC record) larger than this.",
)
def extract(
    inputs: tuple[str, ...],
    output_format: str,
    output: Path | None,
    target_language: str | None,
    with_metadata: bool,
    max_input_mb: float,
) -> None:
    """Extract the clean text and metadata of each article in INPUT... (HTML, text, Markdown,
    RSS/Atom feeds, WARC archives, JSON Lines, .gz, folders, URLs; "-" reads standard input).

    Bad inputs are reported on stderr and skipped; the exit code is 1 if any input failed.
    """
    input_settings = InputSettings(max_bytes=int(max_input_mb * 1_000_000))
    extract_settings = ExtractSettings(
        languages=(target_language,) if target_language else (), language_refused="skipped, as --target-language asks"
    )
    articles = extract_all(read_inputs(list(inputs), input_settings), extract_settings)
    stream = opened(output)
    try:
        with progress("extracting") as step:
            written, failed = _write(articles, stream, output_format, with_metadata=with_metadata, step=step)
    finally:
        if output:
            stream.close()
    exit_if_incomplete(written, failed, "extracted")


def _language_code(code: str | None) -> str | None:
    """``--target-language`` as a lower-case ISO 639-1 code, or a usage error."""
    if code is None or re.fullmatch(r"[a-z]{2}", code.lower()):
        return code.lower() if code else None
    raise click.BadParameter(f"{code!r} is not a two-letter ISO 639-1 code; use one such as en, de or fr")


def _write(
    items: Iterator[Article | Problem],
    stream: TextIO,
    output_format: str,
    *,
    with_metadata: bool,
    step: Callable[[], None],
) -> tuple[int, int]:
    """Write articles as they come (a WARC may hold thousands); report problems on stderr."""
    written = failed = 0
    for item in items:
        report(item)
        step()
        if isinstance(item, Problem):
            failed += 1
            continue
        if output_format == "jsonl":
            stream.write(json.dumps(to_record(item), ensure_ascii=False) + "\n")
        elif output_format == "json":
            stream.write(("[\n" if not written else ",\n") + json.dumps(to_record(item), ensure_ascii=False, indent=2))
        else:
            stream.write(("\n\n" if written else "") + _text_block(item, with_metadata=with_metadata))
        written += 1
    if output_format == "json":
        stream.write("\n]\n" if written else "[]\n")
    elif output_format == "txt" and written:
        stream.write("\n")
    return written, failed


def to_record(article: Article) -> dict[str, Any]:
    """One article as a JSON object, with trafilatura's and news-please's field names."""
    host = urllib.parse.urlsplit(article.url).hostname if article.url else None
    host = host.removeprefix("www.") if host else None
    return {
        "id": article.id,
        "title": article.title,
        "author": "; ".join(article.authors) or None,
        "authors": list(article.authors),
        "url": article.url,
        "hostname": host,
        "source_domain": host,
        "sitename": article.site,
        "date": article.published,
        "date_publish": article.published,
        "date_modify": article.updated,
        "description": article.description,
        "language": article.language,
        "text": article.text,
        "origin": article.origin,
        "provenance": dict(article.provenance),
        "flags": [{"kind": str(flag.kind), "text": flag.text} for flag in article.flags],
    }


def _text_block(article: Article, *, with_metadata: bool) -> str:
    if not with_metadata:
        return article.text
    header = {
        "title": article.title,
        "author": "; ".join(article.authors),
        "date": article.published,
        "url": article.url,
    }
    lines = [f"{key}: {value}" for key, value in header.items() if value]
    return "\n".join(["---", *lines, "---", article.text])
