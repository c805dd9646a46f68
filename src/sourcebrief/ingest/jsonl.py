"""JSON Lines: one article a line, ``{url, html}`` or ``{url, text}`` plus optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sourcebrief.ingest.document import RawDocument
from sourcebrief.model import Problem

_JSON_KINDS = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


def read_jsonl(data: bytes, origin: str) -> Iterator[RawDocument | Problem]:
    """Records with ``html`` or ``text`` (plus optional id, url, title, date, authors...); a bad line
    is a problem at ``origin:line``."""
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(where, f"not valid JSON ({error.msg}); each line must be one JSON object")
            continue
        if not isinstance(record, dict):
            kind = _JSON_KINDS.get(type(record), "value")
            yield Problem(where, f"a JSON {kind}, not an object; each line must be one JSON object")
            continue
        body = record.get("html", record.get("text"))
        if not isinstance(body, str):
            yield Problem(where, "record has no 'html' or 'text' string field")
            continue
        fields = {k: _field(v) for k, v in record.items() if k not in ("html", "text") and v is not None}
        yield RawDocument(
            origin=where,
            data=body.encode("utf-8"),
            is_html="html" in record,
            url=record.get("url") if isinstance(record.get("url"), str) else None,
            record=fields,
            provenance={"file": origin, "line": str(number)},
        )


def _field(value: Any) -> str:
    # A list of authors (or tags) becomes "a; b", the form Article.authors is read from.
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)
