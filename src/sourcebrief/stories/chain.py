"""The reporting chain across a story: which article credits which outlet, who republishes
whom, and which outlets sources spoke to; the origin by date and by explicit credit."""

from __future__ import annotations

from collections import Counter

from sourcebrief.model import ChainRole
from sourcebrief.stories.claims import outlet_key
from sourcebrief.stories.model import ArticleRole, ChainEdge, EdgeKind, StoryArticle, StorySource


def chain_edges(articles: list[StoryArticle], sources: tuple[StorySource, ...]) -> tuple[ChainEdge, ...]:
    edges: list[ChainEdge] = []
    for story_article in articles:
        if story_article.role == ArticleRole.REPUBLISH and story_article.copy_of:
            lead = story_article.briefing.claims[0].citations
            edges.append(ChainEdge(story_article.id, story_article.copy_of, EdgeKind.REPUBLISHES, lead))
        own = outlet_key(story_article.article.site or "")
        for link in story_article.briefing.chain:
            if not link.citations or link.role == ChainRole.REPUBLISH or outlet_key(link.outlet) == own:
                continue
            kind = EdgeKind.FIRST_REPORT if link.role == ChainRole.FIRST_REPORT else EdgeKind.CREDITS
            edges.append(ChainEdge(story_article.id, link.outlet, kind, link.citations))
    by_article = {a.id: a for a in articles}
    for source in sources:
        for article_id, member_id in source.members:
            member = next(s for s in by_article[article_id].briefing.sources if s.id == member_id)
            if member.conduit:
                edges.append(ChainEdge(source.id, member.conduit, EdgeKind.SPOKE_TO, member.mentions[:1]))
    return tuple(dict.fromkeys(edges))


def credited_origin(articles: list[StoryArticle]) -> str | None:
    """The outlet the story's articles most often credit with the first report (ties: the one
    credited earliest), or None when no article credits anyone."""
    credited = [
        link.outlet
        for a in articles
        for link in a.briefing.chain
        if link.role == ChainRole.FIRST_REPORT and link.citations
    ]
    if not credited:
        return None
    counts = Counter(outlet_key(o) for o in credited)
    return max(credited, key=lambda o: (counts[outlet_key(o)], -credited.index(o)))


def first_report(articles: list[StoryArticle]) -> StoryArticle:
    """The earliest original article: articles arrive in time order, so the first original."""
    return next((a for a in articles if a.role == ArticleRole.ORIGINAL), articles[0])
