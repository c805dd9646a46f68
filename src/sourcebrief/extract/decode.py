"""Bytes -> text: UTF-8 first, then the page's declared charset, then a detected one (flagged)."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from sourcebrief.model import Flag, FlagKind

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, *, is_html: bool) -> tuple[str, list[Flag]]:
    """The text of ``data``; a flag says so when it was not valid UTF-8 and a fallback was used."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data) if is_html else None
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace"), []
    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best else "cp1252"
    text = data.decode(encoding, errors="replace")
    note = f"input is not valid UTF-8; decoded as {encoding}, check accented letters and quote marks"
    return text, [Flag(FlagKind.ENCODING_FALLBACK, note)]


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
