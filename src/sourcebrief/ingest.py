"""Read inputs — files, folders, JSON Lines, URLs — into raw documents, bounded in size.

Each input yields raw documents or :class:`~sourcebrief.model.Problem` records, so one bad input
never stops a batch.
"""

from __future__ import annotations

import gzip
import io
import ipaddress
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sourcebrief.errors import InputError
from sourcebrief.model import Problem
from sourcebrief.settings import InputSettings

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
READABLE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | {".jsonl", ".gz"}

BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}


@dataclass(frozen=True)
class RawDocument:
    """An input before extraction: HTML or text as bytes, or a record that already has text."""

    origin: str
    data: bytes
    is_html: bool
    url: str | None = None
    record: dict[str, str] = field(default_factory=dict)


def read_inputs(inputs: list[str], settings: InputSettings) -> Iterator[RawDocument | Problem]:
    """Every document in ``inputs`` (paths, folders or URLs), or a problem for each bad one."""
    for item in inputs:
        try:
            yield from _read_one(item, settings)
        except InputError as error:
            yield Problem(item, str(error))


def _read_one(item: str, settings: InputSettings) -> Iterator[RawDocument | Problem]:
    if item.startswith(("http://", "https://")):
        yield fetch_url(item, settings)
        return
    path = Path(item)
    if not path.exists():
        raise InputError("no such file or folder; check the path")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
        if not files:
            raise InputError("folder holds no .html, .txt, .md, .jsonl or .gz files")
        for file in files:
            try:
                yield from _read_file(file, settings)
            except InputError as error:
                yield Problem(str(file), str(error))
        return
    yield from _read_file(path, settings)


def _read_file(path: Path, settings: InputSettings) -> Iterator[RawDocument | Problem]:
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise InputError(_too_large(size, settings))
    data = path.read_bytes()
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        data = _gunzip(data, settings)
        suffixes = suffixes[:-1]
    if suffixes and suffixes[-1] == ".jsonl":
        yield from read_jsonl(data, str(path))
        return
    _check_content(data)
    suffix = suffixes[-1] if suffixes else ""
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(data))
    yield RawDocument(origin=str(path), data=data, is_html=is_html)


def read_jsonl(data: bytes, origin: str) -> Iterator[RawDocument | Problem]:
    """JSON Lines with ``{url, html}`` or ``{url, text}`` records (plus optional id, title, date...)."""
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(where, f"not valid JSON ({error.msg}); each line must be one JSON object")
            continue
        body = record.get("html", record.get("text")) if isinstance(record, dict) else None
        if not isinstance(body, str):
            yield Problem(where, "record has no 'html' or 'text' string field")
            continue
        fields = {k: str(v) for k, v in record.items() if k not in ("html", "text") and v is not None}
        yield RawDocument(
            origin=where,
            data=body.encode("utf-8"),
            is_html="html" in record,
            url=record.get("url"),
            record=fields,
        )


def fetch_url(url: str, settings: InputSettings) -> RawDocument:
    """Fetch one page with a timeout, a size limit and a clear user agent; refuse private hosts."""
    host = urllib.parse.urlsplit(url).hostname
    if not host:
        raise InputError("URL has no host name")
    if not settings.allow_private_addresses:
        _refuse_private_host(host)
    request = urllib.request.Request(url, headers={"User-Agent": settings.user_agent})
    try:
        with urllib.request.urlopen(request, timeout=settings.fetch_timeout_s) as response:
            data = response.read(settings.max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        raise InputError(f"fetching failed: the server answered HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise InputError(
            f"fetching failed ({reason}); check the address or your connection, or save the page and give the file"
        ) from None
    if len(data) > settings.max_bytes:
        raise InputError(_too_large(len(data), settings))
    _check_content(data)
    is_html = content_type in ("text/html", "application/xhtml+xml") or looks_like_html(data)
    return RawDocument(origin=url, data=data, is_html=is_html, url=final_url)


def _refuse_private_host(host: str) -> None:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror as error:
        raise InputError(f"fetching failed: cannot resolve {host} ({error.strerror}); are you offline?") from None
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved:
            raise InputError(f"refusing to fetch {host}: it resolves to a private address ({ip})")


def _gunzip(data: bytes, settings: InputSettings) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(settings.max_bytes + 1)
    except (OSError, EOFError) as error:
        raise InputError(f"gzip data is corrupt or truncated ({error}); re-download or unpack it") from None
    if len(out) > settings.max_bytes:
        raise InputError(_too_large(len(out), settings))
    return out


def _check_content(data: bytes) -> None:
    if not data.strip():
        raise InputError("file is empty; give an HTML page or a text file with an article")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"this is {what}, not a page; give an HTML page or a text file")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("this looks like a binary file, not a page; give an HTML page or a text file")


def _too_large(size: int, settings: InputSettings) -> str:
    return (
        f"input is {size / 1e6:.1f} MB, over the {settings.max_bytes / 1e6:.0f} MB limit; "
        "raise it with --max-input-mb if this really is one article"
    )


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<p>" in head
