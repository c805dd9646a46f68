"""Claims across a story: which leads state the same claim, where each article stands on each
claim, how many independent origins back it, and its status from all of that.

Independence: a republication (copy, rewrite, or relay of an earlier article) adds nothing, and
articles that credit the same outside outlet with the first report count as that one outlet.
"""

from __future__ import annotations

from collections.abc import Iterable

from sourcebrief.claim import claim_status
from sourcebrief.model import ChainRole, ClaimStatus, Source, SourceStance, Stance
from sourcebrief.stories.model import (
    ArticleClaimStance,
    ArticleRole,
    ArticleStance,
    ClaimStance,
    StoryArticle,
    StoryClaim,
    StorySource,
)

_BACKING = (Stance.CONFIRMS,)
_AGAINST = (Stance.DENIES, Stance.DISPUTES, Stance.UNAWARE)


def outlet_key(name: str) -> str:
    """ "www.reuters.com", "Reuters" and "REUTERS" as one key."""
    key = name.lower().removeprefix("www.")
    key = key.split(".")[0] if "." in key and " " not in key else key
    return "".join(c for c in key if c.isalnum())


def origin_of(story_article: StoryArticle, root: dict[str, str]) -> str:
    """What an article's reporting comes from: the outside outlet it credits with the first
    report, else its original (itself, for an original)."""
    first = [link for link in story_article.briefing.chain if link.role == ChainRole.FIRST_REPORT]
    if first:
        return "outlet:" + outlet_key(first[0].outlet)
    return "article:" + root.get(story_article.id, story_article.id)


def build_claim(
    claim_id: str,
    text: str,
    stating: list[StoryArticle],
    articles: list[StoryArticle],
    stances: Iterable[ArticleClaimStance],
    sources: tuple[StorySource, ...],
) -> StoryClaim:
    """The claim stated by the leads of ``stating``, judged across all of ``articles``."""
    stances = tuple(stances)
    originals = {a.id for a in articles if a.role == ArticleRole.ORIGINAL}
    root = {a.id: a.copy_of or a.id for a in articles}
    by_id = {a.id: a for a in articles}
    agreeing = {
        origin_of(by_id[s.article], root) for s in stances if s.stance == ArticleStance.AGREE and s.article in originals
    }
    disagreeing = [s for s in stances if s.stance == ArticleStance.DISAGREE and s.article in originals]
    holders = [(source, stance) for source in sources for stance in source.stances if stance.claim == claim_id]
    confirming = tuple(
        source.id
        for source, stance in holders
        if stance.stance in _BACKING and any(not st.republished for st in source.statements)
    )
    disputing = tuple(source.id for source, stance in holders if stance.stance in _AGAINST)
    status = _status(holders, bool(agreeing), bool(disagreeing))
    return StoryClaim(
        id=claim_id,
        text=text,
        citations=tuple(a.briefing.claims[0].citations[0] for a in stating),
        status=status,
        article_stances=stances,
        independent_confirmations=len(agreeing),
        confirming_sources=confirming,
        disputing_sources=disputing,
    )


def _status(holders: list[tuple[StorySource, ClaimStance]], agreed: bool, disagreed: bool) -> ClaimStatus:
    """The single-article rule (sourcebrief.claim.claim_status) over the merged sources, then the
    articles' own stances: an article that disputes the claim contests it, and an article that
    agrees with it reports it even when no source is quoted."""
    sources = [Source(s.id, s.name, s.kind, s.mentions) for s, _ in holders]
    stances = [SourceStance(s.id, st.stance, st.citations) for s, st in holders]
    status = claim_status(tuple(sources), tuple(stances))
    if disagreed and status in (ClaimStatus.CONFIRMED, ClaimStatus.REPORTED):
        return ClaimStatus.CONTESTED
    if disagreed and status == ClaimStatus.UNVERIFIED:
        return ClaimStatus.CONTESTED if agreed else ClaimStatus.DENIED
    if agreed and status == ClaimStatus.UNVERIFIED:
        return ClaimStatus.REPORTED
    return status
