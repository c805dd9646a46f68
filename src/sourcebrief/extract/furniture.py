"""Find page furniture and text-generator leftovers among an article's paragraphs.

Extractors such as trafilatura remove most boilerplate from HTML, but plain-text inputs and
content-site pages keep share bars, "related posts" rails and the closing line of the program
that wrote the rewrite. No library flags these, so the rules live here; each removal is
reported as a flag carrying the removed text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sourcebrief.model import Flag, FlagKind

# A short paragraph that is only a widget label.
_FURNITURE_LINE = re.compile(
    r"""^(
        share\ (this|the)\ (post|article|story|page)|share\ on\ \w+|share|tweet|email|print
        |click\ here\b.*|read\ more\b.*|continue\ reading\b.*|advertisement|sponsored(\ content)?
        |(subscribe|sign\ up)\b.*(newsletter|updates|free).*|follow\ us\b.*
        |leave\ a\ (comment|reply)|\d*\ ?comments?|tags?:.*|filed\ under:?.*
        |(photo|image|picture)\ (credit|courtesy)?:.*|copyright\ ©.*|©.*|all\ rights\ reserved\.?
        |we\ use\ cookies\b.*|accept(\ all)?\ cookies
    )[.:!]?$""",
    re.IGNORECASE | re.VERBOSE,
)

# A heading after which everything is teasers for other pages.
_TEASER_HEADING = re.compile(
    r"""^(related(\ (posts?|articles?|stories|content|reading|news))?|you\ (may|might)\ also\ like
        |recommended(\ for\ you)?|more\ (stories|from\ .+|news)|read\ next|trending(\ now)?
        |popular\ (posts|stories)|most\ read|also\ read|see\ also)[.:]?$""",
    re.IGNORECASE | re.VERBOSE,
)

# Lines that the program generating a rewrite leaves behind, talking about its own output.
_GENERATOR_LEFTOVER = re.compile(
    r"""^(
        (this|the\ above)\ (summary|article|overview|rewrite|post|piece|text|content)
            \ (provides|offers|gives|presents|highlights|aims|has\ been|was)\b
        |as\ an\ ai(\ language)?\ model\b|i\ hope\ this\b|feel\ free\ to\b|let\ me\ know\ if\b
        |(sure|certainly|of\ course)[!,]\ here\b|here\ is\ (a|an|the|your)\ (summary|rewrite|rewritten|article)
        |note:\ this\ (article|content|text)\ (was|is|has\ been)\ (generated|written|created)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

MAX_FURNITURE_WORDS = 8


@dataclass(frozen=True)
class Cleaned:
    paragraphs: list[str]
    flags: list[Flag]


def remove_furniture(paragraphs: list[str]) -> Cleaned:
    """Drop widget labels, generator leftovers, and a trailing teaser rail; flag each removal."""
    kept: list[str] = []
    flags: list[Flag] = []
    for index, paragraph in enumerate(paragraphs):
        if _starts_teaser_rail(paragraphs, index):
            flags.append(Flag(FlagKind.FURNITURE, "\n\n".join(paragraphs[index:])))
            break
        if _GENERATOR_LEFTOVER.match(paragraph):
            flags.append(Flag(FlagKind.GENERATOR_LEFTOVER, paragraph))
        elif len(paragraph.split()) <= MAX_FURNITURE_WORDS and _FURNITURE_LINE.match(paragraph):
            flags.append(Flag(FlagKind.FURNITURE, paragraph))
        else:
            kept.append(paragraph)
    return Cleaned(kept, flags)


def _starts_teaser_rail(paragraphs: list[str], index: int) -> bool:
    # Only in the back half: a "Related" heading near the top is more likely a section title.
    return index >= len(paragraphs) // 2 and bool(_TEASER_HEADING.match(paragraphs[index]))
