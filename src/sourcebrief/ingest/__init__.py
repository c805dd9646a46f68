"""Read inputs — files, folders, feeds, web archives, JSON Lines, URLs — into raw documents.

One loader interface for every format: :func:`read_inputs` yields a :class:`RawDocument` for each
article it finds, or a :class:`~sourcebrief.model.Problem` that says where a bad one was
(``file``, ``file:line``, ``file:entry N``, ``file:offset``), so one bad input or record never
stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcebrief.errors import InputError
from sourcebrief.ingest.document import RawDocument
from sourcebrief.ingest.files import read_path, read_stdin
from sourcebrief.ingest.jsonl import read_jsonl
from sourcebrief.ingest.web import fetch_url, looks_like_html
from sourcebrief.model import Problem
from sourcebrief.settings import InputSettings

__all__ = ["RawDocument", "fetch_url", "looks_like_html", "read_inputs", "read_jsonl"]


def read_inputs(inputs: list[str], settings: InputSettings) -> Iterator[RawDocument | Problem]:
    """Every document in ``inputs`` (paths, folders, URLs, or "-" for standard input), or a
    problem for each bad one."""
    for item in inputs:
        try:
            if item.startswith(("http://", "https://")):
                yield fetch_url(item, settings)
            elif item == "-":
                yield from read_stdin(settings)
            else:
                yield from read_path(item, settings)
        except InputError as error:
            yield Problem(item, str(error))
