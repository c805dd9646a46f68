"""One ledger per story: each article's sources merged into story sources.

Articles name one person in many ways: "Boris Johnson", "Johnson", "Prime Minister Johnson",
"the prime minister". Full names are matched first; a surname, a title plus surname, or a bare
role ("the senator") then joins the one person of the story it can only mean, and stays apart
when it could mean two. Organizations also match their acronym ("WHO"). Anonymous sources are
merged only when both descriptor and outlet are the same: two articles' "officials" may be
different people.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sourcebrief.attribute.lexicon import ORGANIZATION_NOUNS, ROLE_NOUNS, TITLE_WORDS
from sourcebrief.attribute.speakers import acronym
from sourcebrief.model import Citation, Source, SourceKind, Stance
from sourcebrief.stories.model import ArticleRole, ClaimStance, StoryArticle, StorySource, StoryStatement


def name_words(name: str) -> list[str]:
    """The name's words without titles and possessives, lower-cased: "Sen. Mitch McConnell's" ->
    ["mitch", "mcconnell"]."""
    words = [w.lower() for w in re.findall(r"[\w’'.-]+", name)]
    words = [re.sub(r"(['’]s?|\.)$", "", w) for w in words]
    return [w for w in words if w and w not in TITLE_WORDS and w not in ("the", "a", "an")]


def _reference(name: str, nouns: frozenset[str]) -> str | None:
    """The noun of a source named by what it is, not who: "the senator" (a role noun), "the
    agency" or "The three-judge court" (organization nouns); None for a real name."""
    words = name.lower().split()
    if len(words) >= 2 and words[0] == "the" and words[-1] in nouns and not any(c.isupper() for c in name[4:]):
        return words[-1]
    return None


def _not_a_full_name(source: Source) -> bool:
    return source.kind != SourceKind.PERSON or len(name_words(source.name)) < 2


@dataclass
class _Entry:
    kind: SourceKind
    key: str
    names: list[str] = field(default_factory=list)
    members: list[tuple[StoryArticle, str]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


class _Index:
    """The story's sources so far, findable by full name, surname, acronym and role."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.by_key: dict[tuple[SourceKind, str], _Entry] = {}

    def people_matching(self, test: Callable[[_Entry], bool]) -> list[_Entry]:
        return [e for e in self.entries if e.kind == SourceKind.PERSON and test(e)]

    def find(self, kind: SourceKind, name: str, conduit: str | None) -> _Entry | None:
        words = name_words(name)
        key = _key(kind, name, conduit)
        if (kind, key) in self.by_key:
            return self.by_key[(kind, key)]
        if kind == SourceKind.PERSON:
            reference = _reference(name, ROLE_NOUNS)
            if reference is not None:
                found = self.people_matching(lambda e: any(reference in r.lower().split() for r in e.roles))
            elif len(words) == 1:
                found = self.people_matching(lambda e: e.key.split()[-1] == words[0])
            else:
                found = []
            return found[0] if len(found) == 1 else None
        if kind in (SourceKind.ORGANIZATION, SourceKind.OUTLET):
            return self._organization(kind, name, key, words)
        return None

    def _organization(self, kind: SourceKind, name: str, key: str, words: list[str]) -> _Entry | None:
        """The entry an organization's name stands for: the one person of that surname (the entity
        tagger calls many surnames organizations: "Vázquez" for Wanda Vázquez; an outlet such as
        Bloomberg is not Michael Bloomberg), the one organization "the agency" can mean, or the
        organization an acronym spells."""
        if kind == SourceKind.ORGANIZATION and len(words) == 1 and not name.isupper():
            people = self.people_matching(lambda e: e.key.split()[-1] == words[0])
            if len(people) == 1:
                return people[0]
        organizations = [e for e in self.entries if e.kind in (SourceKind.ORGANIZATION, SourceKind.OUTLET)]
        reference = _reference(name, ORGANIZATION_NOUNS)
        if reference is not None:
            named = [e for e in organizations if _reference(e.names[0], ORGANIZATION_NOUNS) is None]
            found = [e for e in named if reference in e.key.split()]
        else:
            found = [e for e in organizations if _abbreviates(e, key, name)]
        return found[0] if len(found) == 1 else None

    def add(self, kind: SourceKind, name: str, conduit: str | None) -> _Entry:
        entry = _Entry(kind, _key(kind, name, conduit))
        self.entries.append(entry)
        self.by_key[(kind, entry.key)] = entry
        return entry


def _abbreviates(entry: _Entry, key: str, name: str) -> bool:
    """ "WHO" and "World Health Organization" name one organization, either way round."""
    short, entry_short = acronym(name), acronym(entry.names[0])
    return (len(short) > 1 and entry.key == short) or (len(entry_short) > 1 and key == entry_short)


def _key(kind: SourceKind, name: str, conduit: str | None) -> str:
    if kind in (SourceKind.ANONYMOUS, SourceKind.DOCUMENT):
        return f"{name.lower()} | {(conduit or '').lower()}"
    return " ".join(name_words(name)) or name.lower()


def merge_sources(articles: list[StoryArticle], claim_of: dict[str, str]) -> tuple[StorySource, ...]:
    """Merged sources of ``articles`` (in arrival order). ``claim_of`` maps each article id to the
    story claim its central claim belongs to: the claim its sources' stances were judged against."""
    index = _Index()
    pending = [(a, s) for a in articles for s in a.briefing.sources]
    # Full names first, so that a surname seen early still finds the full name named later;
    # "the agency" last, so that it finds the agency named in a later article.
    pending.sort(key=lambda pair: (_reference(pair[1].name, ORGANIZATION_NOUNS) is not None, _not_a_full_name(pair[1])))
    for story_article, source in pending:
        entry = index.find(source.kind, source.name, source.conduit)
        if entry is None:
            entry = index.add(source.kind, source.name, source.conduit)
        entry.names.append(source.name)
        entry.members.append((story_article, source.id))
        if source.role:
            entry.roles.append(source.role)
    order = {a.id: i for i, a in enumerate(articles)}
    for entry in index.entries:
        entry.members.sort(key=lambda member: order[member[0].id])
    # Sources in order of first appearance, as a reader of the articles meets them.
    entries = sorted(index.entries, key=lambda e: order[e.members[0][0].id])
    return tuple(_story_source(f"s{i}", entry, claim_of) for i, entry in enumerate(entries, 1))


def _story_source(source_id: str, entry: _Entry, claim_of: dict[str, str]) -> StorySource:
    members = entry.members
    statements: list[StoryStatement] = []
    mentions: list[Citation] = []
    by_claim: dict[str, list[tuple[str, Stance, tuple[Citation, ...]]]] = defaultdict(list)
    for story_article, source in _sources(members):
        briefing = story_article.briefing
        stance = next(s for s in briefing.stances if s.source_id == source.id)
        claim = claim_of[story_article.id]
        republished = story_article.role == ArticleRole.REPUBLISH
        published = story_article.article.published
        mentions += source.mentions
        statements += [
            StoryStatement(story_article.id, published, st, claim, stance.stance, republished)
            for st in source.statements
        ]
        by_claim[claim].append((published or "", stance.stance, stance.citations))
    spellings: dict[str, str] = {}
    for name in entry.names:
        spellings.setdefault(name.lower(), name)  # "the government" and "The government" are one name
    names = tuple(spellings.values())
    # The fullest name is the one to show: "Boris Johnson" over "Johnson".
    shown = max(names, key=lambda n: (entry.kind == SourceKind.PERSON and len(name_words(n)), -names.index(n)))
    stances = tuple(_claim_stance(claim, found) for claim, found in by_claim.items())
    return StorySource(
        id=source_id,
        name=shown,
        kind=entry.kind,
        role=next((s.role for _, s in _sources(members) if s.role), None),
        affiliation=next((s.affiliation for _, s in _sources(members) if s.affiliation), None),
        names=names,
        members=tuple((a.id, source_id) for a, source_id in members),
        mentions=tuple(mentions),
        statements=tuple(statements),
        stances=stances,
    )


def _sources(members: list[tuple[StoryArticle, str]]) -> Iterator[tuple[StoryArticle, Source]]:
    for story_article, member_id in members:
        yield story_article, next(s for s in story_article.briefing.sources if s.id == member_id)


def _claim_stance(claim: str, found: list[tuple[str, Stance, tuple[Citation, ...]]]) -> ClaimStance:
    """A source's stance on a claim is the latest one it took: a denial that later turns into an
    admission ("Iran denies, then admits") ends as a confirmation. Relaying without taking a side
    ("reports") gives way to any side taken."""
    taken = [f for f in found if f[1] != Stance.REPORTS] or found
    _, stance, citations = max(enumerate(taken), key=lambda item: (item[1][0], item[0]))[1]
    return ClaimStance(claim, stance, citations)
