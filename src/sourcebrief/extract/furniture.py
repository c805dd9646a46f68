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

# A short paragraph that is only a widget label, a section label or a form message.
_FURNITURE_LINE = re.compile(
    r"""^(
        share\ (this|the)\ (post|article|story|page)|share\ on\ \w+|share|tweet|email|print
        |click\ here\b.*|read\ more\b.*|continue\ reading\b.*|advertisement|sponsored(\ content)?
        |(subscribe|sign\ up)\b.*(newsletter|updates|free).*|follow\ us\b.*
        |leave\ a\ (comment|reply)|\d*\ ?comments?|tags?:.*|tags|filed\ under:?.*
        |(photo|image|picture)\ (credit|courtesy)?:.*|copyright\ ©.*|©.*|all\ rights\ reserved\.?
        |we\ use\ cookies\b.*|accept(\ all)?\ cookies
        |order\ reprints?|reprints?(\ (and|&)\ permissions)?|print\ (this\ )?(article|page|story)
        |explore\ further|don['’]?t\ miss|most\ (read|popular|viewed)(\ .+)?|popular\ on\ .+
        |you\ (may|might)\ also\ like.*|tell\ us\ what\ you\ think.*|join\ the\ (conversation|discussion)
        |(show|view|load|read)\ (all\ )?comments|\d+\ min(ute)?s?\ read
        |thanks?\ (you\ )?for\ (signing\ up|subscribing).*|keep\ an\ eye\ on\ your\ inbox.*
        |sorry|an\ error\ (has\ )?occurred.*|there\ was\ an\ error\b.*
        |(updated|published|posted|last\ (updated|modified)|first\ published)\b.*
        |source:\ .+|(listen|download|watch|itunes|spotify):\ ?https?://\S+
        |(\S+\ ){0,3}newsletters?|more\b.*\b(stories|articles|news|videos|reads)
        |\d{1,2}:\d{2}\ ?(am|pm)\b.*
    )[.:!…]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A longer paragraph that talks to the reader about the site rather than the story: newsletter and
# app promotions, "follow us", how to reach the reporter, reporting credits, copyright and reprint
# notices. Matched anywhere in a paragraph of at most MAX_PROMO_WORDS words.
_PROMO = re.compile(
    r"""(
        ^(sign\ up|subscribe)\b|\b(newsletters?|inbox)\b.*\b(sign\ up|subscrib)
        |\b(sign\ up|subscrib).*\bnewsletters?\b|\byour\ inbox\b
        |\bshare\ (it|this(\ \w+)?)\ with\ (a\ friend|your\ friends)|^if\ you\ (enjoyed|liked|value)\ (this|our)\b
        |^follow\ |\bfollow\ (us|him|her|them)\b|\bfollow\ @\w
        |^(e-?mail|write\ to|contact|reach)\ .*\b(at|on)\b.*(@|https?://|twitter)|\bmay\ be\ reached\ at\b
        |^\(?(additional\ )?reporting\ by\b|^(editing|edited)\ by\b
        |\bcontributed\ (reporting|to\ this\ (report|story|article))
        |^(copyright|©)|for\ your\ personal,?\ non-?commercial\ use\ only
        |^click\ here\ to\ (get|download|subscribe)|\bget\ .+\ (app|on\ the\ go)\ by\ clicking\ here\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A paragraph that is one address: an e-mail or a profile link left over from a byline box.
_ADDRESS_LINE = re.compile(r"^(\S+@\S+\.\w+|(https?://)?(www\.)?(twitter|x|facebook|instagram)\.com/\S+)$", re.I)

# A heading after which everything is teasers for other pages.
_TEASER_HEADING = re.compile(
    r"""^(related(\ (posts?|articles?|stories|content|reading|news))?|you\ (may|might)\ also\ like
        |recommended(\ for\ you)?|more\ (stories|from\ .+|news)|more\b.*\bstories|read\ next|trending(\ now)?
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
MAX_PROMO_WORDS = 50


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
        elif _is_furniture(paragraph):
            flags.append(Flag(FlagKind.FURNITURE, paragraph))
        else:
            kept.append(paragraph)
    return Cleaned(kept, flags)


def _is_furniture(paragraph: str) -> bool:
    paragraph = paragraph.removeprefix("- ")  # a list item is judged by its text
    words = len(paragraph.split())
    if words <= MAX_FURNITURE_WORDS and (_FURNITURE_LINE.match(paragraph) or _ADDRESS_LINE.match(paragraph)):
        return True
    return words <= MAX_PROMO_WORDS and bool(_PROMO.search(paragraph))


def _starts_teaser_rail(paragraphs: list[str], index: int) -> bool:
    # Only in the back half: a "Related" heading near the top is more likely a section title.
    return index >= len(paragraphs) // 2 and bool(_TEASER_HEADING.match(paragraphs[index]))
