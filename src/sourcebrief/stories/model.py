"""The typed data model of a story: articles on one event from several outlets, with copies
linked to their originals, sources merged across articles, claims with their status, the
reporting chain and a dated timeline.

Every piece of text is still a :class:`~sourcebrief.model.Citation` into one article's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sourcebrief.model import Article, Briefing, Citation, ClaimStatus, Note, SourceKind, Stance, Statement


class ArticleRole(StrEnum):
    ORIGINAL = "original"
    REPUBLISH = "republish"


class CopyKind(StrEnum):
    """Why an article counts as a republication."""

    COPY = "copy"  # near-verbatim: most word 5-grams shared (MinHash)
    REWRITE = "rewrite"  # most sentences paraphrase an earlier article's (embeddings)
    CREDIT = "credit"  # credits an earlier article's outlet with the first report


class ArticleStance(StrEnum):
    """An article's stance toward a claim (FNC-1's labels; Emergent's for/against/observing)."""

    AGREE = "agree"
    DISAGREE = "disagree"
    DISCUSS = "discuss"
    UNRELATED = "unrelated"


class EdgeKind(StrEnum):
    FIRST_REPORT = "first_report"  # the article credits an outlet with reporting first
    CREDITS = "credits"  # the article names an outlet as carrying the report or its sources
    REPUBLISHES = "republishes"  # the article copies, rewrites or relays an earlier one
    SPOKE_TO = "spoke_to"  # a source spoke to or through an outlet


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story, in arrival order, with the briefing made for it alone."""

    briefing: Briefing
    role: ArticleRole = ArticleRole.ORIGINAL
    copy_of: str | None = None  # the original article's id, for a republication
    copy_kind: CopyKind | None = None
    similarity: float = 0.0  # how close to ``copy_of`` (Jaccard estimate or sentence share)

    @property
    def article(self) -> Article:
        return self.briefing.articles[0]

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class StoryStatement:
    """A statement of a merged source, in the article it was made in."""

    article: str
    published: str | None
    statement: Statement
    claim: str  # the story claim the statement was judged against
    stance: Stance
    republished: bool  # made in a republication: shown, never counted as independent


@dataclass(frozen=True)
class ClaimStance:
    claim: str
    stance: Stance
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class StorySource:
    """One source across articles: "Boris Johnson", "Johnson" and "the prime minister" as one."""

    id: str
    name: str
    kind: SourceKind
    role: str | None
    affiliation: str | None
    names: tuple[str, ...]  # every name the articles use
    members: tuple[tuple[str, str], ...]  # (article id, source id in that article's briefing)
    mentions: tuple[Citation, ...]
    statements: tuple[StoryStatement, ...]
    stances: tuple[ClaimStance, ...]


@dataclass(frozen=True)
class ArticleClaimStance:
    article: str
    stance: ArticleStance
    confidence: float
    citations: tuple[Citation, ...]  # the article's sentence closest to the claim


@dataclass(frozen=True)
class StoryClaim:
    """A claim made by one or more articles' leads, with its status across the story."""

    id: str
    text: str
    citations: tuple[Citation, ...]  # each lead that states it
    status: ClaimStatus
    article_stances: tuple[ArticleClaimStance, ...]
    independent_confirmations: int  # distinct origins whose reporting agrees with the claim
    confirming_sources: tuple[str, ...]  # story source ids that confirm it in an original article
    disputing_sources: tuple[str, ...]  # ... that deny, dispute or know nothing of it


@dataclass(frozen=True)
class ChainEdge:
    """``source`` (an article id or an outlet) relates to ``target`` (an outlet or article id)."""

    source: str
    target: str
    kind: EdgeKind
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class TimelineEntry:
    """One statement, dated by the article that reports it."""

    date: str | None
    article: str
    source: str  # story source id
    text: str  # the statement as a briefing sentence: who, the cue, what
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    articles: tuple[StoryArticle, ...]
    claims: tuple[StoryClaim, ...]
    sources: tuple[StorySource, ...]
    chain: tuple[ChainEdge, ...]
    origin: str  # the id of the earliest original article
    credited_origin: str | None  # the outlet most often credited with the first report
    timeline: tuple[TimelineEntry, ...]
    sentences: tuple[Note, ...]

    def article(self, article_id: str) -> Article:
        return next(a.article for a in self.articles if a.id == article_id)
