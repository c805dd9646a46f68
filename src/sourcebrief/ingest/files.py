"""Files and folders: each file's format from its name, or sniffed from its first bytes."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from sourcebrief.errors import InputError
from sourcebrief.ingest.document import RawDocument, check_content, too_large
from sourcebrief.ingest.feeds import looks_like_feed, read_feed
from sourcebrief.ingest.jsonl import read_jsonl
from sourcebrief.ingest.warc import is_warc, read_warc
from sourcebrief.ingest.web import looks_like_html
from sourcebrief.model import Problem
from sourcebrief.settings import InputSettings

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
FEED_SUFFIXES = {".rss", ".atom", ".rdf", ".xml"}
STDIN = Path("<stdin>")
READABLE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | FEED_SUFFIXES | {".jsonl", ".gz", ".warc"}


def read_path(item: str, settings: InputSettings) -> Iterator[RawDocument | Problem]:
    """The documents in one file, or in every readable file under a folder."""
    path = Path(item)
    if not path.exists():
        raise InputError("no such file or folder; check the path")
    if not path.is_dir():
        yield from read_file(path, settings)
        return
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
    if not files:
        raise InputError("folder holds no .html, .txt, .md, .jsonl, .xml/.rss/.atom, .warc or .gz files")
    for file in files:
        try:
            yield from read_file(file, settings)
        except InputError as error:
            yield Problem(str(file), str(error))


def read_file(path: Path, settings: InputSettings) -> Iterator[RawDocument | Problem]:
    # A web archive holds many pages: it is streamed, and the size limit applies to each record.
    if is_warc(path):
        yield from read_warc(path, settings)
        return
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise InputError(too_large(size, settings))
    yield from read_bytes(path.read_bytes(), path, settings)


def read_stdin(settings: InputSettings) -> Iterator[RawDocument | Problem]:
    """What is piped to standard input ("-"): a page, a text, a feed or JSON Lines, gzipped or not.
    A feed read from there may come from anywhere, so its entries never open local files."""
    if sys.stdin.isatty():
        raise InputError("nothing is piped to standard input; pipe a page into sourcebrief or give a path")
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        raise InputError(too_large(len(data), settings))
    if data.startswith(b"\x1f\x8b"):
        data = gunzip(data, settings)
    if data.startswith(b"WARC/"):
        raise InputError("a WARC archive is read from a file, not standard input; give its path")
    yield from read_bytes(data, STDIN, settings, local_pages=False)


def read_bytes(
    data: bytes, path: Path, settings: InputSettings, *, local_pages: bool = True
) -> Iterator[RawDocument | Problem]:
    """The documents in one file's bytes, its format from ``path``'s name or its first bytes; a
    feed's entries may link to local pages only where ``local_pages``."""
    suffixes = [s.lower() for s in path.suffixes]
    if (suffixes and suffixes[-1] == ".gz") or data.startswith(b"\x1f\x8b"):
        data = gunzip(data, settings)
        suffixes = suffixes[:-1] if suffixes and suffixes[-1] == ".gz" else suffixes
    suffix = suffixes[-1] if suffixes else ""
    if suffix == ".jsonl" or (not suffix and data.lstrip().startswith(b"{")):
        yield from read_jsonl(data, str(path))
        return
    if suffix not in HTML_SUFFIXES | TEXT_SUFFIXES and looks_like_feed(data):
        yield from read_feed(data, path, settings, read_file if local_pages else None)
        return
    check_content(data)
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(data))
    yield RawDocument(origin=str(path), data=data, is_html=is_html, provenance={"file": str(path)})


def gunzip(data: bytes, settings: InputSettings) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(settings.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"gzip data is corrupt or truncated ({error}); re-download or unpack it") from None
    if len(out) > settings.max_bytes:
        raise InputError(too_large(len(out), settings))
    return out
