"""Bytes -> text: UTF-8 first, then the page's declared charset, then a detected one (flagged)."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from sourcebrief.errors import ExtractionError
from sourcebrief.model import Flag, FlagKind

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
# Accented letters are a few in a hundred in Western European text; in a Cyrillic or Greek text
# misread as Windows-1252 nearly every letter is one.
MAX_WESTERN_ACCENTED_SHARE = 0.1
_MARKUP = re.compile(rb"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, *, is_html: bool, charset: str | None = None) -> tuple[str, list[Flag]]:
    """The text of ``data``; a flag says so when it was not valid UTF-8 and a fallback was used.

    ``charset`` is what the transport declared (an HTTP header), tried before the page's own
    ``<meta charset>``. Raises :class:`ExtractionError` when no encoding fits the bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    for declared in (_known(charset), _declared_charset(data) if is_html else None):
        if declared and declared != "utf-8":
            try:
                return data.decode(declared), []
            except UnicodeDecodeError:
                continue  # the declaration is wrong: detect instead
    # In a page only the text tells the encoding: markup and scripts are ASCII in any language.
    sample = _MARKUP.sub(b" ", data) if is_html else data
    encoding = _western(sample) or _detected(sample)
    text = data.decode(encoding, errors="replace")
    note = f"input is not valid UTF-8; decoded as {encoding}, check accented letters and quote marks"
    return text, [Flag(FlagKind.ENCODING_FALLBACK, note)]


def _western(data: bytes) -> str | None:
    """Windows-1252 for text in Latin letters with a few accented ones or curly quotes, the usual
    legacy encoding of English pages (and what browsers assume for them). Detection guesses
    poorly on such text: one "ñ" in a short article was read as ISO-8859-10's "ņ"."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    foreign = sum(1 for c in letters if not c.isascii())
    return "cp1252" if letters and foreign <= MAX_WESTERN_ACCENTED_SHARE * len(letters) else None


def _detected(data: bytes) -> str:
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ExtractionError(
            "the bytes are not text in any encoding sourcebrief knows; is this a binary file or a damaged page?"
        )
    return str(best.encoding)


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:4096])
    return _known(match.group(1).decode("ascii")) if match else None


def _known(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None
