"""Page metadata: title, canonical URL, site, published and updated dates, authors, description.

Structured data first — the page's schema.org JSON-LD, then its ``<meta>`` tags — because sites
write them for search engines and they are cheap to read; htmldate's markup and URL analysis
only where neither gives a published date. trafilatura's own metadata pass would do the same
with more byline heuristics, but costs as much as the body extraction itself (~13 ms a page).
"""

from __future__ import annotations

import email.utils
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import htmldate
from lxml import etree
from lxml.html import HtmlElement

__all__ = ["PageMetadata", "jsonld_objects", "page_metadata"]

# htmldate's own floor: nothing on the web is dated before it.
MIN_DATE = date(1995, 1, 1)
MAX_AUTHORS = 10
MAX_SITE_WORDS = 4
MAX_NAME_CHARS = 60
MAX_NAME_WORDS = 5
MAX_BYLINE_CHARS = 100

_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$")
_META_PUBLISHED = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
)
_META_UPDATED = (
    "article:modified_time",
    "datemodified",
    "og:updated_time",
    "article.updated",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
)
_META_AUTHOR = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "citation_author")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BYLINE_PREFIX = re.compile(r"^\s*((written|words|reporting)\s+)?by\b[:\s]*", re.IGNORECASE)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|;|\||/|&|\band\b)\s*", re.IGNORECASE)
_HANDLE = re.compile(r"@\w+")
# Where a byline runs on into its date: a number, a month before a number ("Nov 18"), a weekday.
_DATE_WORD = re.compile(
    r"^(\S*\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\ \d"
    r"|(mon|tues|wednes|thurs|fri|satur|sun)day\b|(updated|published|posted)\b)",
    re.IGNORECASE,
)
_BYLINE_XPATH = etree.XPath(
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline") or contains(@class, "Byline")]'
)
# In a byline string, a part that is a role or an outlet rather than a person ("AP Auto Writer").
_ROLE = re.compile(
    r"\b(writer|editor|reporter|correspondent|columnist|contributor|staff|desk|team|bureau|press|news|media"
    r"|agency|magazine|times|post|journal|daily)\b|\.(com|org|net|co)\b",
    re.IGNORECASE,
)
# Bylines that are a label, a reading time or a role rather than a name (newspaper4k #326, #180).
_JUNK_AUTHOR = re.compile(
    r"""\b(\d+\ ?min(ute)?s?(\ read)?|read(ing)?\ time|updated|published|posted|view\ (all\ )?posts
        |follow|subscribe|share|comments?|photos?|images?|getty|shutterstock|click|more\ from)\b
        |^(by|staff|admin|administrator|editor|editors|guest|anonymous|unknown|contributor|news\ desk|web\ desk)$
        |[@/:]|https?|www\.""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: tuple[str, ...] = ()
    description: str | None = None
    # Every headline the page states (og:title, <title>, JSON-LD, <h1>): to recognise it in the body.
    headlines: tuple[str, ...] = ()


def page_metadata(tree: HtmlElement, url: str | None, *, today: date | None = None) -> PageMetadata:
    """Metadata of the parsed page ``tree``; ``url`` is where it came from, if known."""
    latest = (today or date.today()) + timedelta(days=1)  # a page's clock may run a few hours ahead
    meta = _meta_tags(tree)
    article = _article_object(jsonld_objects(tree))
    title_tag = _clean(tree.findtext(".//title"))
    h1 = [h for h in (_clean(e.text_content()) for e in tree.iter("h1")) if h]
    # The <title> usually carries the site name too ("Headline | Site"): an <h1> inside it is cleaner.
    page_title = next((h for h in h1 if title_tag and h in title_tag), None) or _without_site_suffix(title_tag)
    stated = (_text(article.get("headline")), meta.get("og:title"), page_title, title_tag, *h1)
    headlines = tuple(dict.fromkeys(t for t in stated if t))

    canonical = _canonical_url(tree, meta, article) or url
    published = _first_date((article.get("datePublished"), *map(meta.get, _META_PUBLISHED)), latest)
    if published is None:  # htmldate: the URL, <time> and <abbr> elements, date-like classes
        found = htmldate.find_date(
            tree, extensive_search=False, original_date=True, url=canonical, max_date=latest.isoformat()
        )
        published = found if found and MIN_DATE.isoformat() <= found <= latest.isoformat() else None
    updated = _first_date((article.get("dateModified"), *map(meta.get, _META_UPDATED)), latest)
    if updated is not None and published is not None and updated <= published:
        updated = None  # "modified" stamped at publication is no update

    return PageMetadata(
        title=headlines[0] if headlines else None,
        url=canonical,
        site=meta.get("og:site_name") or _name(article.get("publisher")) or meta.get("application-name"),
        published=published,
        updated=updated,
        authors=_authors(article.get("author"), meta, tree),
        description=_text(article.get("description")) or meta.get("og:description") or meta.get("description"),
        headlines=headlines,
    )


def _without_site_suffix(title: str | None) -> str | None:
    if not title:
        return None
    head, separator, tail = title.rpartition(" | ") if " | " in title else title.rpartition(" - ")
    return head if separator and len(tail.split()) <= MAX_SITE_WORDS and len(head) > len(tail) else title


def jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object in the page's ``application/ld+json`` blocks, ``@graph`` lists unpacked."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)  # strict=False: raw newlines inside strings
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags and htmldate still answer
        objects.extend(_unpack(data))
    return objects


def _unpack(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _unpack(item)
    elif isinstance(data, dict):
        yield data
        yield from _unpack(data.get("@graph"))
        yield from _unpack(data.get("mainEntity"))


def _article_object(objects: list[dict[str, Any]]) -> dict[str, Any]:
    for item in objects:
        kinds = item.get("@type")
        if any(isinstance(k, str) and _ARTICLE_TYPE.search(k) for k in (kinds if isinstance(kinds, list) else [kinds])):
            return item
    # No article type: a WebPage object still dates the page.
    return next((item for item in objects if "datePublished" in item), {})


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = _clean(element.get("content"))
        if key and content:
            found.setdefault(key.strip().lower(), content)
    for element in tree.iter("time"):  # <time itemprop="datePublished" datetime="...">
        key, content = element.get("itemprop"), element.get("datetime")
        if key and content:
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _first_date(candidates: tuple[Any, ...], latest: date) -> str | None:
    for value in candidates:
        day = _day(value)
        if day and MIN_DATE <= day <= latest:
            return day.isoformat()
    return None


def _day(value: Any) -> date | None:
    """The day of an ISO 8601 or RFC 2822 date ("2019-11-19T10:00:00Z", "Tue, 19 Nov 2019 ...")."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        pass
    match = _ISO_DAY.search(value)
    try:
        return date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        return None


def _authors(jsonld: Any, meta: dict[str, str], tree: HtmlElement) -> tuple[str, ...]:
    """Author names: schema.org author objects as named; a byline string ("By A and B, AP Writer")
    split into names, roles and affiliations dropped.

    Hand-written: trafilatura's author normaliser also drops the stops of initials ("Sarah E.
    Needleman" becomes "Sarah E Needleman") and keeps roles and outlets as names.
    """
    names: list[str] = []
    for item in jsonld if isinstance(jsonld, list) else [jsonld]:
        if isinstance(item, dict) and str(item.get("@type", "")).endswith("Organization"):
            names.extend(_byline_names(_name(item) or "", split=False))  # the outlet is the author
        elif isinstance(item, dict | str):
            names.extend(_byline_names(_name(item) or "", split=True))  # often a byline: "By A and B, AP"
    if not names:
        for key in _META_AUTHOR:
            if key in meta:
                names.extend(_byline_names(meta[key], split=True))
    if not names:  # the visible byline: rel=author, itemprop=author, a "byline" element
        for element in _BYLINE_XPATH(tree):
            text = " ".join(element.text_content().split())
            if text and len(text) <= MAX_BYLINE_CHARS:
                # One word in a page's byline box is a handle or a site ("jdadmin", "Vortex").
                names = _byline_names(text, split=True, min_words=2)
                break
    unique = {name.casefold(): name for name in reversed(names)}
    return tuple(dict.fromkeys(unique[name.casefold()] for name in names))[:MAX_AUTHORS]


def _byline_names(text: str, *, split: bool, min_words: int = 1) -> list[str]:
    text = _BYLINE_PREFIX.sub("", html.unescape(text))
    names = []
    for part in _BYLINE_SPLIT.split(text) if split else [text]:
        words = _HANDLE.sub("", part).split()
        # A byline string runs on into its date ("Bryan DeArdo Nov 18", "Kevin Johnson, 2019").
        cut = next((i for i in range(len(words)) if _DATE_WORD.match(" ".join(words[i : i + 2]))), len(words))
        name = " ".join(words[:cut]).strip(" .,-–—")
        if not (2 <= len(name) <= MAX_NAME_CHARS and len(name.split()) <= MAX_NAME_WORDS) or _JUNK_AUTHOR.search(name):
            continue
        if len(name.split()) < min_words:
            continue
        names.append(name.title() if name.isupper() else name)
    # Roles and outlets after a person's name go ("A, AP Auto Writer"); an outlet alone is the author.
    people = [name for name in names if not _ROLE.search(name)]
    return people or names


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        name = value.get("name")
        if not name and value.get("familyName"):
            name = f"{value.get('givenName', '')} {value['familyName']}"
        return _text(name)
    return _text(value)


def _canonical_url(tree: HtmlElement, meta: dict[str, str], article: dict[str, Any]) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and (link.get("href") or "").startswith("http"):
            return str(link.get("href")).strip()
    for candidate in (meta.get("og:url"), _text(article.get("url"))):
        if candidate and candidate.startswith("http"):
            return candidate
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return _clean(value) if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
