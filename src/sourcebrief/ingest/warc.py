"""WARC web archives, plain or gzipped (warcio): each HTML response record is one article.

Every document keeps the archive's file name and the record's offset and length, so a span in
the briefing can be traced back to the exact bytes (``warcio extract FILE OFFSET``). A corrupt
record is reported at its offset and skipped; reading resumes at the next record.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sourcebrief.errors import InputError
from sourcebrief.ingest.document import RawDocument, check_content, too_large
from sourcebrief.model import Problem
from sourcebrief.settings import InputSettings

GZIP_MAGIC = b"\x1f\x8b"
HTML_TYPES = ("text/html", "application/xhtml+xml")
SCAN_CHUNK = 1 << 20
MAX_REASON_CHARS = 80
_PRINTABLE = re.compile(r"[^\x20-\x7e]+")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
# Where a record can start: a gzip member (each record is one in a .warc.gz) or a WARC header line.
_GZIP_MEMBER = GZIP_MAGIC + b"\x08"
_WARC_HEADER = b"\nWARC/1."
# warcio raises whatever its parser hits on a malformed record (a header missing, a bad number).
_READ_ERRORS = (
    ArchiveLoadFailed,
    OSError,
    EOFError,
    zlib.error,
    ValueError,
    IndexError,
    KeyError,
    AttributeError,
    TypeError,
)


class _QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    # warcio prints a multi-line warning to stderr for a record whose length looks wrong; the
    # record that fails to parse after it is reported as a problem instead, on one line.
    INC_RECORD = ""


def is_warc(path: Path) -> bool:
    """A .warc or .warc.gz name, or a file (gzipped or not) that starts with a WARC header."""
    suffixes = [s.lower() for s in path.suffixes]
    if ".warc" in suffixes:
        return True
    try:
        with path.open("rb") as stream:
            head = stream.read(len(GZIP_MAGIC))
        if head == GZIP_MAGIC:
            with gzip.open(path, "rb") as unpacked:
                return unpacked.read(5) == b"WARC/"
        with path.open("rb") as stream:
            return stream.read(5) == b"WARC/"
    except (OSError, EOFError, zlib.error):
        return False


def read_warc(path: Path, settings: InputSettings) -> Iterator[RawDocument | Problem]:
    with path.open("rb") as stream:
        gzipped = stream.read(len(GZIP_MAGIC)) == GZIP_MAGIC
        position: int | None = 0
        while position is not None:
            stream.seek(position)
            records = _QuietArchiveIterator(stream)
            end = position
            try:
                for record in records:
                    item = _record_document(record, records, path, settings)
                    start = records.get_record_offset()
                    _check_complete(record, start)
                    end = start + records.get_record_length()
                    if item is not None:
                        yield item
                position = None
            except _READ_ERRORS as error:
                failed_at = error.offset if isinstance(error, _TruncatedRecord) else max(end, records.offset)
                reason = _PRINTABLE.sub("?", str(error))[:MAX_REASON_CHARS]
                yield Problem(f"{path}:{failed_at}", f"corrupt or truncated WARC record ({reason}); skipped")
                position = _next_record_start(stream, failed_at + 1, gzipped)


class _TruncatedRecord(ValueError):
    def __init__(self, offset: int) -> None:
        super().__init__("the record ends before its Content-Length")
        self.offset = offset


def _check_complete(record: Any, offset: int) -> None:
    # warcio reads a record whose Content-Length runs past the end of the file (or past where a
    # damaged record swallowed the next ones) without complaint; what it could not read is left over.
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise _TruncatedRecord(offset)


def _record_document(record: Any, records: Any, path: Path, settings: InputSettings) -> RawDocument | Problem | None:
    """The article in one record, a problem with it, or None for records that hold no page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    status = record.http_headers.get_statuscode() or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES or not status.startswith("2"):
        return None
    payload = record.content_stream().read(settings.max_bytes + 1)  # de-chunked and decompressed
    offset, length = records.get_record_offset(), records.get_record_length()
    where = f"{path}:{offset}"
    if len(payload) > settings.max_bytes:
        return Problem(where, too_large(len(payload), settings))
    try:
        check_content(payload)
    except InputError as error:
        return Problem(where, str(error))
    charset = _CHARSET.search(content_type)
    headers = record.rec_headers
    return RawDocument(
        origin=where,
        data=payload,
        is_html=True,
        url=headers.get_header("WARC-Target-URI"),
        charset=charset[1] if charset else None,
        provenance={
            "warc_file": str(path),
            "warc_offset": str(offset),
            "warc_length": str(length),
            "warc_record_id": headers.get_header("WARC-Record-ID") or "",
            "warc_date": headers.get_header("WARC-Date") or "",
        },
    )


def _next_record_start(stream: Any, start: int, gzipped: bool) -> int | None:
    """The offset of the next place a record can start, at or after ``start``; None at the end.

    Hand-written: warcio stops at the first unreadable record and has no way to resume.
    """
    marker = _GZIP_MEMBER if gzipped else _WARC_HEADER
    skip = 0 if gzipped else 1  # the newline before "WARC/1." is not part of the record
    stream.seek(start)
    position = start
    carry = b""
    while chunk := bytes(stream.read(SCAN_CHUNK)):
        window = carry + chunk
        found = window.find(marker)
        if found >= 0:
            return position - len(carry) + found + skip
        carry = window[-(len(marker) - 1) :]
        position += len(chunk)
    return None
