"""The article body of an HTML page: trafilatura's fast extractor, cross-checked and cleaned.

trafilatura (fast mode: its own rules, no fallback extractors) finds the main content well, but on
news pages it also keeps the headline and standfirst, teaser links to other stories, and drops
embedded posts; on pages whose body is split into sibling containers it keeps only one of them.
The fixes here are general rules over the page's own structure, each cheap enough to run on every
page; the readability fallback runs only where the body looks truncated.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from readability import Document as Readability
from readability.readability import Unparseable
from trafilatura.settings import Document
from trafilatura.xml import xmltotxt

from sourcebrief.errors import ExtractionError
from sourcebrief.extract.metadata import PageMetadata
from sourcebrief.model import Flag, FlagKind

__all__ = ["Block", "Body", "html_body", "parse_html"]

# A paragraph in the page this long is article-like text; if much of it is missing from the
# extraction, the extractor probably kept one chunk of a split body.
LONG_PARAGRAPH_CHARS = 150
KEY_CHARS = 80  # a long paragraph counts as extracted when its opening words are
# Share of the page's long-paragraph text that may be missing before the fallback is tried.
MISSING_SHARE = 0.5
# The fallback must add this much text to be taken, and keep this share of the first extraction.
FALLBACK_GAIN = 1.3
FALLBACK_KEEPS = 0.8
# The headline, when it is rendered as a paragraph, comes within the first few lines.
HEADLINE_WITHIN = 3
# A line is a teaser when one link's text covers this share of it.
TEASER_LINK_SHARE = 0.6
MIN_LINK_CHARS = 15
MIN_LINK_WORDS = 4
MAX_LABEL_WORDS = 4
LONE_HEADLINE_WORDS = 10
# List items opening with a link of at least this share of the item, this many in a row: a rail.
RAIL_LINK_SHARE = 0.2
RAIL_ITEMS = 3
_ADDRESS = re.compile(r"^\S*(://|www\.|@|\.(com|org|net)\b)\S*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+[A-Z]")
WRAPPER_SLACK_CHARS = 40  # a wrapper may add a caption or a "view on Twitter" label, no more
# Embedded social posts are quoted content, but their classes read as share widgets to trafilatura.
_EMBEDDED_POST = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|fb-post", re.IGNORECASE)
_PARSER_OPTIONS = {"collect_ids": False, "default_doctype": False, "remove_comments": True, "remove_pis": True}
_PARSER = lxml.html.HTMLParser(**_PARSER_OPTIONS)
_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8", **_PARSER_OPTIONS)
_SLASHED_DOCTYPE = re.compile(r"^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEVER_CONTENT = (
    "script",
    "style",
    "noscript",
    "svg",
    "iframe",
    "link",
    "template",
    "nav",
    "footer",
    "aside",
    "figure",
    "head",
    "button",
    "select",
    "video",
    "audio",
    "picture",
    "canvas",
    "object",
    "embed",
    "map",
    "menu",
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Block:
    """One top-level element of the extracted body: ``kind`` is trafilatura's tag (head, p, list...)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Body:
    paragraphs: list[str]
    flags: list[Flag]


def parse_html(html: str) -> HtmlElement:
    """The page as an lxml tree, parsed once for the body and the metadata.

    With trafilatura's parser settings (comments dropped: they would split text nodes) and its
    repair of a doctype that libxml2 misreads; cheaper than its loader, which also scans the whole
    page for control characters that lxml rejects (done here only when lxml does reject them).
    """
    first_line, newline, rest = html.partition("\n")
    html = _SLASHED_DOCTYPE.sub("", first_line, count=1) + newline + rest
    try:
        return lxml.html.document_fromstring(html, parser=_PARSER)
    except ValueError:  # control characters, or an XML encoding declaration in a str
        html = _CONTROL_CHARACTERS.sub("", html)
        try:
            return lxml.html.document_fromstring(html.encode("utf-8"), parser=_UTF8_PARSER)
        except (ValueError, etree.ParserError) as error:
            raise ExtractionError(f"this page could not be parsed as HTML ({error})") from None
    except etree.ParserError as error:
        raise ExtractionError(f"this page could not be parsed as HTML ({error})") from None


def html_body(tree: HtmlElement, meta: PageMetadata) -> Body:
    """Paragraphs of the article body (list items one a line), and flags for what was removed.

    Changes ``tree``: read the page's metadata first.
    """
    _show_embedded_posts(tree)
    # trafilatura deletes these anyway, after copying the tree three times: deleting them first makes
    # every copy and every pass over the tree cheaper. Their tails (text after them) stay.
    etree.strip_elements(tree, *_NEVER_CONTENT, with_tail=False)
    links = _LinkTexts(tree)
    blocks = _trafilatura_blocks(tree)
    if _looks_truncated(blocks, tree):
        blocks = _better_of(blocks, _readability_blocks(tree))
    blocks = _without_headline(blocks, meta)
    lines = [" ".join(line.split()) for block in blocks for line in block.text.splitlines()]
    lines = [line for line in lines if line]
    teasers = _teasers(lines, links)
    paragraphs = [line for line, teaser in zip(lines, teasers, strict=True) if not teaser]
    flags = [Flag(FlagKind.FURNITURE, line) for line, teaser in zip(lines, teasers, strict=True) if teaser]
    return Body(paragraphs, flags)


def _show_embedded_posts(tree: HtmlElement) -> None:
    """Unwrap embedded social posts (tweets and the like) from the widget boxes around them.

    The post is quoted content; its own class and its wrappers' ("social-media-embed",
    "article-widget") read as share buttons and ad slots to trafilatura, which drops them.
    """
    for quote in list(tree.iter("blockquote")):
        if not _EMBEDDED_POST.search(quote.get("class") or ""):
            continue
        quote.attrib.clear()
        size = _visible_length(quote)
        box = quote
        while (parent := box.getparent()) is not None and _visible_length(parent) <= size + WRAPPER_SLACK_CHARS:
            box = parent
        if box is not quote and box.getparent() is not None:
            quote.tail = box.tail
            box.getparent().replace(box, quote)


def _visible_length(element: HtmlElement) -> int:
    return sum(len(word) for word in element.text_content().split())


def _trafilatura_blocks(tree: HtmlElement) -> list[Block]:
    # trafilatura copies a tree it is given, so ``tree`` stays whole for the checks below.
    document = trafilatura.bare_extraction(tree, fast=True, include_comments=False, include_tables=True)
    if not isinstance(document, Document) or document.body is None:
        return []
    return [Block(element.tag, xmltotxt(element, include_formatting=False)) for element in document.body]


def _readability_blocks(tree: HtmlElement) -> list[Block]:
    # readability-lxml scores candidate containers and adds siblings whose score is close: it keeps
    # the chunks of a split body that trafilatura's rules (and its readability fork) drop.
    try:
        summary = Readability(tree).summary(html_partial=True)
    except Unparseable:  # a ValueError: no candidate it can score; the first extraction stands
        return []
    # The summary is one <div>; trafilatura's rules then clean it like any page.
    return _trafilatura_blocks(parse_html(f"<html><body>{summary}</body></html>")) if summary else []


def _normalized(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _looks_truncated(blocks: list[Block], tree: HtmlElement) -> bool:
    """True when much of the page's article-like text (long paragraphs) is not in the extraction."""
    extracted = _normalized(" ".join(b.text for b in blocks))
    missing = 0
    for paragraph in tree.iter("p"):
        text = paragraph.text_content()
        # Length in raw characters, and the opening words as the key: cheap, and close enough.
        if len(text) >= LONG_PARAGRAPH_CHARS and _normalized(text[:KEY_CHARS]) not in extracted:
            missing += len(text)
    return missing > MISSING_SHARE * max(len(extracted), LONG_PARAGRAPH_CHARS)


def _better_of(first: list[Block], fallback: list[Block]) -> list[Block]:
    """The fallback when it is clearly longer and keeps most of the first extraction."""
    first_text = _normalized(" ".join(b.text for b in first))
    fallback_text = _normalized(" ".join(b.text for b in fallback))
    if len(fallback_text) < FALLBACK_GAIN * len(first_text):
        return first
    kept = [b for b in first if _normalized(b.text)[:KEY_CHARS] in fallback_text]
    if sum(len(b.text) for b in kept) < FALLBACK_KEEPS * sum(len(b.text) for b in first):
        return first
    return fallback


def _without_headline(blocks: list[Block], meta: PageMetadata) -> list[Block]:
    """Drop the headline and the standfirst that open the body: they are the title and description.

    Of the headings before the first paragraph, the page's headline, any heading above it (kickers,
    section labels) and a heading equal to the description go; so does a headline rendered as a
    paragraph within the first lines, with what comes before it.
    """
    headlines = {_normalized(h) for h in meta.headlines}
    description = _normalized(meta.description or "")
    lead = 0
    while lead < len(blocks) and blocks[lead].kind == "head":
        lead += 1
    title_at = max((i for i in range(lead) if _normalized(blocks[i].text) in headlines), default=-1)
    kept = [
        block
        for i, block in enumerate(blocks)
        if i >= lead or (i > title_at and not (description and _normalized(block.text) == description))
    ]
    # trafilatura also renders the headline as a plain paragraph, under leftovers (a URL, a label).
    title_at = next((i for i, b in enumerate(kept[:HEADLINE_WITHIN]) if _normalized(b.text) in headlines), -1)
    return kept[title_at + 1 :]


def _teasers(lines: list[str], links: _LinkTexts) -> list[bool]:
    """Which lines are teasers for other pages.

    A line mostly covered by one link is a teaser when it is one of a run of such lines (a
    "related" rail), or the link sits under a short label ("Read more:", "Also on ..."), or it
    reads as a headline (long, no final stop) or is shouted in capitals; other lone linked lines
    are kept, as in a gift guide or a list of sources.
    List items that open with a headline-like link are a rail when three or more come in a row
    (headline plus a one-line summary, as "latest news" boxes render).
    """
    covering = [links.covering(line) for line in lines]
    opening = [line.startswith("- ") and links.opening(line) for line in lines]
    teasers = []
    for i, (line, link) in enumerate(zip(lines, covering, strict=True)):
        if _in_run(opening, i, RAIL_ITEMS):
            teasers.append(True)
            continue
        if link is None:
            teasers.append(False)
            continue
        label = line.removeprefix("- ").split(link, 1)[0].strip()
        labelled = 0 < len(label.split()) <= MAX_LABEL_WORDS
        # A long linked line without a final stop reads as a headline, not as a product or a source.
        headline = len(link.split()) >= LONE_HEADLINE_WORDS and not line.endswith((".", "!", "?"))
        teasers.append(_in_run(covering, i, 2) or labelled or headline or link.isupper())
    return teasers


def _in_run(marks: Sequence[object], index: int, length: int) -> bool:
    """True when ``marks[index]`` lies in a run of at least ``length`` consecutive truthy marks."""
    start = index
    while start > 0 and marks[start - 1]:
        start -= 1
    end = index
    while end + 1 < len(marks) and marks[end + 1]:
        end += 1
    return bool(marks[index]) and end - start + 1 >= length


class _LinkTexts:
    """The texts of the page's links, to find a line that is mostly one link or opens with one."""

    def __init__(self, tree: HtmlElement) -> None:
        texts = {_SPACE.sub(" ", a.text_content()).strip() for a in tree.iter("a")}
        self.texts = sorted((t for t in texts if _headline_like(t)), key=len)
        self.lengths = [len(t) for t in self.texts]
        self.by_start: dict[str, list[str]] = {}
        for text in self.texts:
            self.by_start.setdefault(text[:MIN_LINK_CHARS], []).append(text)

    def covering(self, line: str) -> str | None:
        """The link text that covers most of ``line``, if one covers enough of a one-sentence line."""
        line = line.removeprefix("- ")
        if _SENTENCE_BREAK.search(line):
            return None  # several sentences: a paragraph that links, not a teaser
        low = bisect.bisect_left(self.lengths, TEASER_LINK_SHARE * len(line))
        high = bisect.bisect_right(self.lengths, len(line))
        return next((text for text in reversed(self.texts[low:high]) if text in line), None)

    def opening(self, line: str) -> bool:
        """True when ``line`` opens with a headline-like link that is a good part of it.

        A link that is a whole sentence (it ends at a full stop) opens a paragraph, not a teaser.
        """
        line = line.removeprefix("- ")
        return any(
            line.startswith(text)
            and len(text) >= RAIL_LINK_SHARE * len(line)
            and not (text + line[len(text) : len(text) + 1]).endswith((".", "!", "?"))
            for text in self.by_start.get(line[:MIN_LINK_CHARS], ())
        )


def _headline_like(text: str) -> bool:
    # A printed address (URL, e-mail, domain) is content when it is in the body, never a teaser.
    return len(text) >= MIN_LINK_CHARS and len(text.split()) >= MIN_LINK_WORDS and not _ADDRESS.search(text)
