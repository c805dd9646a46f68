"""The raw document every loader yields, and the checks every loader applies to its bytes."""

from __future__ import annotations

from dataclasses import dataclass, field

from sourcebrief.errors import InputError
from sourcebrief.settings import InputSettings

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
    # Metadata the input states itself (a JSON Lines record, a feed entry): title, date, authors...
    record: dict[str, str] = field(default_factory=dict)
    # Where the bytes came from, to trace spans back: e.g. warc_file, warc_offset, warc_length.
    provenance: dict[str, str] = field(default_factory=dict)
    # The character set the transport declared (an HTTP Content-Type header), tried before sniffing.
    charset: str | None = None


def check_content(data: bytes) -> None:
    """Refuse empty and binary data with a message that says what it is."""
    if not data.strip():
        raise InputError("file is empty; give an HTML page or a text file with an article")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"this is {what}, not a page; give an HTML page or a text file")
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("this looks like a binary file, not a page; give an HTML page or a text file")


def too_large(size: int, settings: InputSettings) -> str:
    return (
        f"input is {_megabytes(size)} MB, over the {_megabytes(settings.max_bytes)} MB limit; "
        "raise it with --max-input-mb if this really is one article"
    )


def _megabytes(size: int) -> str:
    """ "1,500", "20", "0.004": no more digits than a limit set in megabytes needs."""
    return f"{size / 1e6:,.3f}".rstrip("0").rstrip(".")
