"""Builds stories from per-article briefings as they arrive.

``StoryBuilder.add`` places each briefing at once (copy check, then story grouping, then the
rewrite and credit checks inside its story); ``stories()`` assembles each story's ledger from its
articles. Placing an article never moves an earlier one, so a stream can be grouped as it comes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from sourcebrief.brief import briefable, reported_within, statement_note
from sourcebrief.model import Briefing, ChainRole, Citation, Statement
from sourcebrief.stories import brief, chain, claims, merge
from sourcebrief.stories.articlestance import ArticleStanceModel, shipped_model
from sourcebrief.stories.dedup import CopyDetector, Match, rewrite_of
from sourcebrief.stories.embed import Embedder, Vectors
from sourcebrief.stories.features import Text, evidence_sentence
from sourcebrief.stories.group import StoryGrouper
from sourcebrief.stories.model import (
    ArticleClaimStance,
    ArticleRole,
    ArticleStance,
    CopyKind,
    Story,
    StoryArticle,
    StorySource,
    TimelineEntry,
)
from sourcebrief.stories.settings import StorySettings
from sourcebrief.stories.text import names, sentences


def article_text(briefing: Briefing, embed: Embedder) -> Text:
    """The article as the stance classifier and the rewrite check read it: title, then sentences."""
    article = briefing.articles[0]
    found = ([article.title] if article.title else []) + sentences(article.text)
    return Text(tuple(found), embed(found))


def opening(text: Text, count: int) -> tuple[Vectors, set[str]]:
    """What places an article in a story: the mean vector of its title and first sentences, and
    the names and figures in them."""
    vector = text.vectors[: count + 1].mean(axis=0)
    return vector / (np.linalg.norm(vector) or 1.0), names(" ".join(text.sentences[: count + 1]))


def publication_day(published: str | None) -> float | None:
    """The publication date as a day number, for the time-proximity part of grouping."""
    try:
        return float(date.fromisoformat((published or "")[:10]).toordinal())
    except ValueError:
        return None


@dataclass
class _StoryState:
    articles: list[StoryArticle] = field(default_factory=list)
    texts: dict[str, Text] = field(default_factory=dict)


class StoryBuilder:
    def __init__(
        self,
        settings: StorySettings | None = None,
        *,
        embedder: Embedder | None = None,
        stance_model: ArticleStanceModel | None = None,
    ) -> None:
        self.settings = settings or StorySettings()
        self.embed = embedder or Embedder()
        self.stance_model = stance_model or shipped_model()
        self._copies = CopyDetector(self.settings.copy_threshold)
        self._grouper = StoryGrouper(self.settings.grouping)
        self._states: list[_StoryState] = []
        self._story_of: dict[str, int] = {}

    def add(self, briefing: Briefing) -> int:
        """Place one article's briefing; returns the index of the story it joined or started."""
        article = briefing.articles[0]
        text = article_text(briefing, self.embed)
        vector, found_names = opening(text, self.settings.opening_sentences)
        day = publication_day(article.published)
        copy = self._copies.add(article.id, article.text)
        if copy is not None:
            story = self._story_of[copy.original]
        else:
            nearest = self._grouper.nearest(vector, found_names, day)
            story = self._grouper.new_story if nearest is None or self._about_none(nearest, text) else nearest
        index = self._grouper.join(story, vector, found_names, day)
        if index == len(self._states):
            self._states.append(_StoryState())
        state = self._states[index]
        story_article = self._placed(briefing, text, state, copy)
        state.articles.append(story_article)
        state.texts[article.id] = text
        self._story_of[article.id] = index
        return index

    def _about_none(self, story: int, text: Text) -> bool:
        """Whether the article is about none of the story's leads, as the stance classifier reads it:
        an article on another event of the same days and places (a car bomb beside an airline ban)
        starts its own story however close its opening came."""
        leads = list(dict.fromkeys(a.briefing.claims[0].text for a in self._states[story].articles))
        vectors = self.embed(leads)
        claims = [Text((lead,), vectors[i : i + 1]) for i, lead in enumerate(leads)]
        return self.stance_model.about_none_of(claims, text)

    def _placed(self, briefing: Briefing, text: Text, state: _StoryState, copy: Match | None) -> StoryArticle:
        if copy is not None:
            return StoryArticle(briefing, ArticleRole.REPUBLISH, copy.original, CopyKind.COPY, copy.similarity)
        originals = [a for a in state.articles if a.role == ArticleRole.ORIGINAL]
        body = text.vectors[1:] if briefing.articles[0].title else text.vectors
        earlier = [(a.id, self._body(a)) for a in originals]
        rewrite = rewrite_of(
            body,
            earlier,
            sentence_similarity=self.settings.rewrite_sentence_similarity,
            share=self.settings.rewrite_share,
        )
        if rewrite is not None:
            return StoryArticle(briefing, ArticleRole.REPUBLISH, rewrite.original, CopyKind.REWRITE, rewrite.similarity)
        credited = _credited_article(briefing, originals)
        if credited is not None:
            return StoryArticle(briefing, ArticleRole.REPUBLISH, credited, CopyKind.CREDIT, 1.0)
        return StoryArticle(briefing)

    def _body(self, story_article: StoryArticle) -> Vectors:
        text = self._states[self._story_of[story_article.id]].texts[story_article.id]
        return text.vectors[1:] if story_article.article.title else text.vectors

    def stories(self) -> list[Story]:
        return [self._assemble(f"story-{i}", state) for i, state in enumerate(self._states, 1)]

    def _assemble(self, story_id: str, state: _StoryState) -> Story:
        articles = state.articles
        claim_texts, claim_of = self._claims(articles)
        sources = merge.merge_sources(articles, claim_of)
        story_claims = []
        for claim_id, text in claim_texts.items():
            stating = [a for a in articles if claim_of[a.id] == claim_id]
            stances = _leads_agree(self._article_stances(text, articles, state), text.sentences[0], stating)
            story_claims.append(claims.build_claim(claim_id, text.sentences[0], stating, articles, stances, sources))
        origin = chain.first_report(articles)
        story = Story(
            id=story_id,
            title=origin.article.title,
            articles=tuple(articles),
            claims=tuple(story_claims),
            sources=sources,
            chain=chain.chain_edges(articles, sources),
            origin=origin.id,
            credited_origin=chain.credited_origin(articles),
            timeline=_timeline(sources, articles),
            sentences=(),
        )
        return brief.with_briefing(story)

    def _claims(self, articles: list[StoryArticle]) -> tuple[dict[str, Text], dict[str, str]]:
        """Story claims from the leads of original articles: a lead that says what an earlier
        lead said joins its claim; a republication states its original's claim."""
        texts: dict[str, Text] = {}
        claim_of: dict[str, str] = {}
        for story_article in articles:
            if story_article.copy_of in claim_of:
                claim_of[story_article.id] = claim_of[story_article.copy_of]
                continue
            lead = story_article.briefing.claims[0].text
            vector = self.embed([lead])
            same = [
                cid
                for cid, t in texts.items()
                if float(t.vectors[0] @ vector[0]) >= self.settings.same_claim_similarity
            ]
            if same:
                claim_of[story_article.id] = same[0]
            else:
                claim_id = f"c{len(texts) + 1}"
                texts[claim_id] = Text((lead,), vector)
                claim_of[story_article.id] = claim_id
        return texts, claim_of

    def _article_stances(
        self, claim: Text, articles: list[StoryArticle], state: _StoryState
    ) -> list[ArticleClaimStance]:
        texts = [state.texts[a.id] for a in articles]
        predictions = self.stance_model.predict(claim, texts)
        found = []
        for story_article, text, prediction in zip(articles, texts, predictions, strict=True):
            evidence = _sentence_citation(story_article, text.sentences[evidence_sentence(claim, text)])
            found.append(ArticleClaimStance(story_article.id, prediction.stance, prediction.confidence, evidence))
        return found


def _leads_agree(
    stances: list[ArticleClaimStance], claim: str, stating: list[StoryArticle]
) -> list[ArticleClaimStance]:
    """An article whose lead is the claim, word for word, agrees with it, whatever the classifier
    reads in the rest (it had called an article "disagree" with its own lead); its lead is the
    evidence."""
    leads = {a.id: a.briefing.claims[0] for a in stating if a.briefing.claims[0].text == claim}
    return [
        replace(s, stance=ArticleStance.AGREE, confidence=1.0, citations=leads[s.article].citations)
        if s.article in leads
        else s
        for s in stances
    ]


def _credited_article(briefing: Briefing, earlier: list[StoryArticle]) -> str | None:
    """The earlier article whose outlet this one credits with the first report ("first reported
    by the Harbor Gazette"): relaying another outlet's story is not independent reporting."""
    credited = {claims.outlet_key(link.outlet) for link in briefing.chain if link.role == ChainRole.FIRST_REPORT}
    for story_article in earlier:
        site = story_article.article.site
        if site and claims.outlet_key(site) in credited:
            return story_article.id
    return None


def _sentence_citation(story_article: StoryArticle, sentence: str) -> tuple[Citation, ...]:
    article = story_article.article
    start = article.text.find(sentence)
    if start < 0:  # the title, which is not part of the text: cite the lead instead
        return story_article.briefing.claims[0].citations
    return (article.cite(start, start + len(sentence)),)


def _timeline(sources: tuple[StorySource, ...], articles: list[StoryArticle]) -> tuple[TimelineEntry, ...]:
    """Every statement made in an original article that a briefing would tell, in the order the
    articles appeared, told as a briefing tells it (who, the cue, what): the words alone would
    make a denial read as a claim. A report inside another statement ("Residents told reporters
    the officers claimed ...") is told with it, not again alone."""
    by_id = {a.id: a for a in articles}
    order = {a.id: i for i, a in enumerate(articles)}
    said_in: dict[str, list[Statement]] = {}
    for source in sources:
        for said in source.statements:
            said_in.setdefault(said.article, []).append(said.statement)
    placed = []
    for source in sources:
        for said in source.statements:
            story_article = by_id[said.article]
            if (
                said.republished
                or not briefable(story_article.article, said.statement)
                or reported_within(said.statement, said_in[said.article])
            ):
                continue
            mention = said.statement.speaker or brief.mention_in(source, story_article)
            note = statement_note(story_article.article, source.name, mention, said.statement)
            entry = TimelineEntry(said.published, said.article, source.id, note.text, note.citations)
            placed.append(((order[said.article], said.statement.content.start), entry))
    return tuple(entry for _, entry in sorted(placed, key=lambda pair: pair[0]))


def build_stories(briefings: Iterable[Briefing], settings: StorySettings | None = None) -> list[Story]:
    """Stories from briefings, placed in order of publication (undated articles last, in input order)."""
    ordered = sorted(briefings, key=lambda b: (b.articles[0].published is None, b.articles[0].published or ""))
    builder = StoryBuilder(settings)
    for briefing in ordered:
        builder.add(briefing)
    return builder.stories()
