"""Extract stage: raw HTML or text -> an :class:`~sourcebrief.model.Article` with frozen clean text."""

from __future__ import annotations

import re
from pathlib import Path

import py3langid
import trafilatura

from sourcebrief.errors import ExtractionError
from sourcebrief.extract.decode import decode
from sourcebrief.extract.furniture import remove_furniture
from sourcebrief.ingest import RawDocument
from sourcebrief.model import Article
from sourcebrief.settings import ExtractSettings

__all__ = ["extract", "split_paragraphs"]

LANGUAGE_NAMES = {
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "uk": "Ukrainian",
    "pl": "Polish",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "ar": "Arabic",
    "tr": "Turkish",
    "sv": "Swedish",
}
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$")
MAX_TITLE_CHARS = 200


def extract(raw: RawDocument, settings: ExtractSettings, *, article_id: str | None = None) -> Article:
    """Clean text and metadata of one document; raises :class:`ExtractionError` if none is usable."""
    text, decode_flags = decode(raw.data, is_html=raw.is_html)
    meta = dict(raw.record)
    if raw.is_html:
        text, html_meta = _from_html(text, raw.url or meta.get("url"))
        meta = html_meta | meta
    paragraphs = split_paragraphs(text)
    if not raw.is_html and not meta.get("title") and paragraphs and _is_title_line(paragraphs[0]):
        meta["title"] = paragraphs.pop(0)
    cleaned = remove_furniture(_drop_repeated_title(paragraphs, meta.get("title", "")))
    body = "\n\n".join(cleaned.paragraphs)
    _check_body(body, settings)
    return Article(
        id=article_id or meta.get("id") or default_id(raw),
        text=body,
        title=meta.get("title") or _fallback_title(cleaned.paragraphs),
        url=raw.url or meta.get("url"),
        published=meta.get("date") or meta.get("published"),
        site=meta.get("sitename") or meta.get("site") or meta.get("publisher"),
        language=_language(body, settings),
        origin=raw.origin,
        credit=meta.get("attribution"),
        flags=tuple(decode_flags + cleaned.flags),
    )


def default_id(raw: RawDocument) -> str:
    stem = raw.url or raw.origin
    stem = Path(stem.rstrip("/").split("?")[0]).name
    for suffix in (".gz", ".html", ".htm", ".txt", ".md"):
        stem = stem.removesuffix(suffix)
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-") or "article"


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs with inner whitespace collapsed; blank lines separate them, or single newlines
    where the text has no blank lines (as trafilatura writes)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    return [" ".join(p.split()) for p in re.split(separator, text) if p.strip()]


def _from_html(html: str, url: str | None) -> tuple[str, dict[str, str]]:
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    fields = document.as_dict() if isinstance(document, trafilatura.settings.Document) else document or {}
    if not fields.get("text"):
        raise ExtractionError("no article text found in this page; is it an index or a login page?")
    meta = {k: str(v) for k, v in fields.items() if k in ("title", "url", "date", "sitename", "author") and v}
    return str(fields["text"]), meta


def _is_title_line(paragraph: str) -> bool:
    return len(paragraph) <= MAX_TITLE_CHARS and not _SENTENCE_END.search(paragraph)


def _drop_repeated_title(paragraphs: list[str], title: str) -> list[str]:
    # trafilatura and many feeds repeat the headline as the first line of the body.
    if paragraphs and title and paragraphs[0].strip().casefold() == title.strip().casefold():
        return paragraphs[1:]
    return paragraphs


def _fallback_title(paragraphs: list[str]) -> str:
    first = paragraphs[0] if paragraphs else ""
    return first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + "..."


def _check_body(body: str, settings: ExtractSettings) -> None:
    if len(body) < settings.min_text_chars:
        raise ExtractionError(f"no article text found (only {len(body)} characters after removing page furniture)")
    if len(body) > settings.max_text_chars:
        raise ExtractionError(
            f"article text is {len(body):,} characters, over the {settings.max_text_chars:,} limit; "
            "split it into articles"
        )


def _language(body: str, settings: ExtractSettings) -> str:
    code = str(py3langid.classify(body[:5000])[0])
    if code not in settings.languages:
        name = LANGUAGE_NAMES.get(code, code)
        raise ExtractionError(f"the text is in {name} ({code}), not English; sourcebrief briefs English articles only")
    return code
