"""The typed data model passed between pipeline stages.

Every piece of text that a later stage reports is a :class:`Citation` — offsets into one
article's frozen ``text`` — never a copy that could drift from what the source says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SourceKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    ANONYMOUS = "anonymous"
    OUTLET = "outlet"
    # A writing or recording that speaks with no issuer named: "government reports", "the
    # constitution", "the video". Not an unnamed person, and not on the record.
    DOCUMENT = "document"


class Stance(StrEnum):
    """How a source stands toward the central claim."""

    CONFIRMS = "confirms"
    DENIES = "denies"
    DISPUTES = "disputes"
    DECLINES_TO_COMMENT = "declines_to_comment"
    UNAWARE = "unaware"
    REPORTS = "reports"


class ClaimStatus(StrEnum):
    CONFIRMED = "confirmed"
    REPORTED = "reported"
    CONTESTED = "contested"
    DENIED = "denied"
    UNVERIFIED = "unverified"


class ChainRole(StrEnum):
    FIRST_REPORT = "first_report"
    REPORT = "report"
    REPUBLISH = "republish"


class FlagKind(StrEnum):
    FURNITURE = "furniture"
    GENERATOR_LEFTOVER = "generator_leftover"
    SPECULATION = "speculation"
    ENCODING_FALLBACK = "encoding_fallback"


@dataclass(frozen=True, order=True)
class Citation:
    """Character offsets ``[start, end)`` into the ``text`` of the article ``article``."""

    article: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative citation span {self.start}:{self.end}")


@dataclass(frozen=True)
class Flag:
    """Something a reader should know about the text: removed furniture (``citations`` empty,
    ``text`` holds what was removed) or a passage kept but marked (cited)."""

    kind: FlagKind
    text: str
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Article:
    """Clean article text and metadata. ``text`` is frozen: every citation points into it."""

    id: str
    text: str
    title: str = ""
    url: str | None = None
    published: str | None = None
    site: str | None = None
    language: str | None = None
    origin: str = ""
    credit: str | None = None
    flags: tuple[Flag, ...] = ()
    updated: str | None = None
    authors: tuple[str, ...] = ()
    description: str | None = None
    # Where the text came from, to trace spans back: e.g. warc_file, warc_offset, warc_length.
    provenance: tuple[tuple[str, str], ...] = ()

    def cite(self, start: int, end: int) -> Citation:
        """A citation of ``text[start:end]``, trimmed of surrounding whitespace; checked to lie inside."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} lies outside article {self.id!r} ({len(self.text)} chars)")
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Citation(self.id, start, end)

    def quote(self, citation: Citation) -> str:
        return self.text[citation.start : citation.end]


@dataclass(frozen=True)
class Statement:
    """One attributed statement: who (``speaker``), the cue ("said", "according to"), to whom
    (``addressee``: "told *reporters*"), and what."""

    content: Citation
    cue: Citation | None
    speaker: Citation | None
    direct: bool
    refusal: bool = False
    addressee: Citation | None = None


@dataclass(frozen=True)
class Source:
    """A person, organization, anonymous group or outlet that says something in the article."""

    id: str
    name: str
    kind: SourceKind
    mentions: tuple[Citation, ...]
    role: str | None = None
    affiliation: str | None = None
    conduit: str | None = None
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class ChainLink:
    """One outlet's place in the reporting chain, with the text that says so."""

    outlet: str
    role: ChainRole
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class Attribution:
    """What the attribute stage finds in one article."""

    sources: tuple[Source, ...]
    chain: tuple[ChainLink, ...]


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    status: ClaimStatus
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Note:
    """A cited piece of text: an unknown, or a briefing sentence."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class SourceStance:
    source_id: str
    stance: Stance
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Briefing:
    """The whole result for one article; serialised by ``sourcebrief.render.to_dict``."""

    title: str
    status: ClaimStatus
    claims: tuple[Claim, ...]
    sources: tuple[Source, ...]
    stances: tuple[SourceStance, ...]
    chain: tuple[ChainLink, ...]
    unknowns: tuple[Note, ...]
    flags: tuple[Flag, ...]
    sentences: tuple[Note, ...]
    articles: tuple[Article, ...]

    def stance_of(self, source_id: str) -> Stance:
        return next(s.stance for s in self.stances if s.source_id == source_id)


@dataclass(frozen=True)
class Problem:
    """An input that could not be briefed, and why (the batch goes on without it)."""

    origin: str
    message: str


@dataclass
class BatchResult:
    briefings: list[Briefing] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
