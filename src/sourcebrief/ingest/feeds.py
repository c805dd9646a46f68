"""RSS and Atom feed files (feedparser): each entry is one article.

An entry's article is, in this order: its full content; the page it links to, when that is a
local file or a reachable URL; its summary. The entry's title, link, dates and authors go along
as the document's record.
"""

from __future__ import annotations

import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.sax import SAXException

import feedparser

from sourcebrief.errors import InputError
from sourcebrief.ingest.document import RawDocument
from sourcebrief.ingest.web import fetch_url
from sourcebrief.model import Problem
from sourcebrief.settings import InputSettings

HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return any(root in head for root in _FEED_ROOTS)


FileReader = Callable[[Path, InputSettings], Iterator[RawDocument | Problem]]


def read_feed(
    data: bytes, path: Path, settings: InputSettings, read_file: FileReader | None
) -> Iterator[RawDocument | Problem]:
    """One document per entry; ``read_file`` reads an entry's local page like any input file (None: no
    entry opens a local file, for a feed that may come from anywhere)."""
    parsed = feedparser.parse(data)  # bytes: feedparser never treats them as a URL to fetch
    broken = parsed.get("bozo") and isinstance(parsed.get("bozo_exception"), SAXException)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if broken else ""
        raise InputError(f"not a readable RSS or Atom feed, or a feed without entries{reason}")
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{path}:entry {number}"
        try:
            document = _entry_document(entry, path, where, settings, read_file)
        except InputError as error:
            yield Problem(where, str(error))
            continue
        yield replace(
            document,
            record=_entry_record(entry) | document.record,
            provenance={"feed": str(path), "entry": str(number)} | document.provenance,
        )
    if broken:
        # feedparser recovers what it can from malformed XML; say that the rest may be lost.
        yield Problem(str(path), f"the feed's XML is malformed ({parsed.bozo_exception}); entries after it may be lost")


def _entry_document(
    entry: Any, path: Path, where: str, settings: InputSettings, read_file: FileReader | None
) -> RawDocument:
    link = entry.get("link")
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return _inline(content["value"], content.get("type"), where, link)
    failure = "entry has no content, summary or link"
    if read_file is not None and (local := _local_page(link, path)) is not None:
        for item in read_file(local, settings):
            if isinstance(item, Problem):
                raise InputError(f"linked page {local}: {item.message}")
            return replace(item, origin=where, url=link if _is_web(link) else None)
    elif _is_web(link):
        try:
            return fetch_url(link, settings, origin=where)
        except InputError as error:
            failure = f"its page {link}: {error}"
    summary = entry.get("summary", "")
    if summary.strip():
        return _inline(summary, entry.get("summary_detail", {}).get("type"), where, link)
    raise InputError(failure)


def _inline(value: str, kind: str | None, where: str, link: str | None) -> RawDocument:
    return RawDocument(origin=where, data=value.encode("utf-8"), is_html=kind in HTML_TYPES, url=link)


def _is_web(link: str | None) -> bool:
    return bool(link) and str(link).startswith(("http://", "https://"))


def _local_page(link: str | None, feed: Path) -> Path | None:
    """The local file an entry links to: a file: URL or a path relative to the feed file."""
    if not link or _is_web(link):
        return None
    parts = urllib.parse.urlsplit(link)
    if parts.scheme == "file":
        candidate = Path(urllib.request.url2pathname(parts.path))
    elif parts.scheme:
        return None
    else:
        candidate = feed.parent / urllib.parse.unquote(parts.path)
    return candidate if candidate.is_file() else None


def _entry_record(entry: Any) -> dict[str, str]:
    record = {
        "title": entry.get("title"),
        "url": entry.get("link") if _is_web(entry.get("link")) else None,
        "published": _day(entry.get("published_parsed")),
        # `in` first: a missing updated_parsed would fall back to published_parsed, with a warning.
        "updated": _day(entry["updated_parsed"]) if "updated_parsed" in entry else None,
        "authors": "; ".join(a["name"] for a in entry.get("authors") or [] if a.get("name")),
    }
    if record["updated"] == record["published"]:
        record["updated"] = None
    return {key: value for key, value in record.items() if value}


def _day(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
