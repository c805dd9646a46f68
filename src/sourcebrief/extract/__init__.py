"""Extract stage: raw HTML or text -> an :class:`~sourcebrief.model.Article` with frozen clean text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import py3langid

from sourcebrief.errors import ExtractionError, SourcebriefError
from sourcebrief.extract.body import html_body, parse_html
from sourcebrief.extract.decode import decode
from sourcebrief.extract.furniture import remove_furniture
from sourcebrief.extract.metadata import PageMetadata, page_metadata
from sourcebrief.ingest import RawDocument
from sourcebrief.model import Article, Problem
from sourcebrief.settings import ExtractSettings

__all__ = ["extract", "extract_all", "split_paragraphs"]

LANGUAGE_NAMES = {
    "en": "English",
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
LANGUAGE_SAMPLE_CHARS = 1000  # enough for a confident guess; the classifier's time grows with it


def extract(raw: RawDocument, settings: ExtractSettings, *, article_id: str | None = None) -> Article:
    """Clean text and metadata of one document; raises :class:`ExtractionError` if none is usable."""
    text, flags = decode(raw.data, is_html=raw.is_html, charset=raw.charset)
    page = PageMetadata()
    if raw.is_html:
        tree = parse_html(text)
        page = page_metadata(tree, raw.url or raw.record.get("url"))
        body = html_body(tree, page)
        paragraphs, flags = body.paragraphs, flags + body.flags
    else:
        paragraphs = split_paragraphs(text)
    # What the input's record says (a feed entry, a JSON Lines line) overrides what the page says.
    record = raw.record
    title = record.get("title") or page.title
    if not raw.is_html and not title and paragraphs and _is_title_line(paragraphs[0]):
        title = paragraphs.pop(0)
    cleaned = remove_furniture(_drop_repeated_title(paragraphs, title or ""))
    body_text = "\n\n".join(cleaned.paragraphs)
    _check_body(body_text, settings)
    authors = tuple(a for a in record["authors"].split("; ") if a) if record.get("authors") else page.authors
    return Article(
        id=article_id or record.get("id") or default_id(raw),
        text=body_text,
        title=title or _fallback_title(cleaned.paragraphs),
        url=record.get("url") or page.url or raw.url,
        published=record.get("date") or record.get("published") or page.published,
        site=record.get("site") or record.get("sitename") or record.get("publisher") or page.site,
        language=_language(body_text, settings),
        origin=raw.origin,
        credit=record.get("attribution"),
        flags=tuple(flags + cleaned.flags),
        updated=record.get("updated") or page.updated,
        authors=authors,
        description=record.get("description") or page.description,
        provenance=tuple(raw.provenance.items()),
    )


def extract_all(documents: Iterable[RawDocument | Problem], settings: ExtractSettings) -> Iterator[Article | Problem]:
    """Every document's article, or a problem saying why there is none; ids made unique."""
    used: set[str] = set()
    for document in documents:
        if isinstance(document, Problem):
            yield document
            continue
        try:
            article = extract(document, settings)
        except SourcebriefError as error:
            yield Problem(document.origin, str(error))
            continue
        except Exception as error:
            yield Problem(document.origin, f"internal error ({type(error).__name__}: {error}); please report it")
            continue
        yield _with_unique_id(article, used)


def _with_unique_id(article: Article, used: set[str]) -> Article:
    candidate, number = article.id, 1
    while candidate in used:
        number += 1
        candidate = f"{article.id}-{number}"
    used.add(candidate)
    return article if candidate == article.id else replace(article, id=candidate)


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
    return [" ".join(p.split()) for block in re.split(separator, text) for p in _unwrapped(block) if p.strip()]


def _unwrapped(block: str) -> list[str]:
    """A block's lines as one paragraph (hard-wrapped text), except a short line inside it with
    no final stop before a line that starts anew: a caption or a byline ("Brooklyn District
    Attorney Kenneth Thompson" above "Thompson said ..."), which would run into the next name."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if not lines:
        return []
    longest = max(len(line) for line in lines)
    paragraphs: list[list[str]] = [[]]
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        alone = following[:1].isupper() and len(line) < 0.6 * longest and not _SENTENCE_END.search(line)
        if alone and paragraphs[-1]:
            paragraphs.append([])
        paragraphs[-1].append(line)
        if alone:
            paragraphs.append([])
    return [" ".join(paragraph) for paragraph in paragraphs if paragraph]


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
        raise ExtractionError(
            f"no article text found (only {len(body)} characters after removing page furniture); "
            "give the page of one article, not a listing, login or cookie page"
        )
    if len(body) > settings.max_text_chars:
        raise ExtractionError(
            f"article text is {len(body):,} characters, over the {settings.max_text_chars:,} limit; "
            "split it into articles"
        )


def _language(body: str, settings: ExtractSettings) -> str:
    code = str(py3langid.classify(body[:LANGUAGE_SAMPLE_CHARS])[0])
    if settings.languages and code not in settings.languages:
        wanted = " or ".join(LANGUAGE_NAMES.get(c, c) for c in settings.languages)
        english_only = "sourcebrief briefs English articles only" if settings.languages == ("en",) else "skipped"
        why = settings.language_refused or english_only
        raise ExtractionError(f"the text is in {LANGUAGE_NAMES.get(code, code)} ({code}), not {wanted}; {why}")
    return code
