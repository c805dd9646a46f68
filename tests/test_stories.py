"""Stories across outlets, as a user checks them: copies marked and not counted, grouping that
is deterministic and streaming, merged sources whose citations still point into their own
articles, and the JSON shape."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from sourcebrief import Pipeline
from sourcebrief.model import Article, Briefing, SourceKind
from sourcebrief.serve.stories_cmd import story_markdown
from sourcebrief.stories.articlestance import Prediction
from sourcebrief.stories.brief import compose
from sourcebrief.stories.build import StoryBuilder, article_text, build_stories, opening, publication_day
from sourcebrief.stories.embed import Embedder
from sourcebrief.stories.merge import _Index
from sourcebrief.stories.model import ArticleRole, ArticleStance, CopyKind, Story
from sourcebrief.stories.serialize import story_to_dict

LEDGER = (
    "The Lakeview city council will close the central library for two years of repairs, according to two "
    "council members who spoke to the Lakeview Ledger. The closure would begin in June.\n\n"
    "Mayor Dana Whitfield confirmed the closure on Tuesday. \u201cThe building is not safe for the public, "
    "and we will not wait for an accident,\u201d Whitfield said.\n\n"
    "Library director Sam Ortiz said the branch libraries would extend their opening hours during the repairs."
)
HERALD = (
    "The Lakeview council has decided to shut the central library for two years of repairs, the mayor said "
    "on Wednesday. Residents were told to use the branch libraries until the work ends.\n\n"
    "Whitfield told reporters that the roof and the wiring had failed an inspection in March. "
    "Council member Rita Chen denied that the council had approved the closure, and said the vote was "
    "still weeks away.\n\n"
    "Sam Ortiz, the library director, declined to comment on the cost of the work."
)
# The Ledger's report reworded sentence by sentence, as a content farm would.
REWRITE = (
    "Lakeview's city council is set to shut its central library for two years of repairs, two council "
    "members told the Lakeview Ledger. The shutdown could start in June.\n\n"
    "On Tuesday, Mayor Dana Whitfield confirmed the shutdown. \u201cThe building is not safe for the public, "
    "and we will not wait for an accident,\u201d the mayor said.\n\n"
    "Sam Ortiz, the library's director, said branch libraries would stay open longer while the repairs go on."
)
MATCH = (
    "Riverside United beat Hillcrest Rovers 3-1 on Saturday to move to the top of the regional league. "
    "Striker Tomas Lind scored twice in the second half, and the coach said the team had finally found its rhythm.\n\n"
    "Hillcrest manager Paula Grant said her players were tired after three away games in a week."
)


def _article(article_id: str, text: str, site: str, date: str, title: str) -> Article:
    return Article(
        id=article_id,
        text=text,
        title=title,
        url=f"https://{site.lower().replace(' ', '')}.example/{article_id}",
        published=date,
        site=site,
    )


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return Embedder()  # MiniLM loads once for the whole test session


@pytest.fixture(scope="module")
def briefings(pipeline: Pipeline) -> dict[str, Briefing]:
    articles = {
        "ledger": _article("ledger", LEDGER, "Lakeview Ledger", "2024-03-05", "Lakeview to close central library"),
        "herald": _article("herald", HERALD, "Valley Herald", "2024-03-06", "Council shuts Lakeview library"),
        "match": _article("match", MATCH, "Sports Daily", "2024-03-07", "Riverside United go top"),
    }
    # A verbatim copy of the Ledger's article on another site, under another URL, a day later.
    articles["copy"] = replace(
        articles["ledger"],
        id="copy",
        url="https://aggregator.example/news/987",
        site="Aggregator",
        published="2024-03-08",
    )
    articles["rewrite"] = _article("rewrite", REWRITE, "Content Farm", "2024-03-09", "Library closing in Lakeview")
    return {key: pipeline.brief_article(article) for key, article in articles.items()}


def _stories(briefings: list[Briefing], embedder: Embedder) -> list[Story]:
    builder = StoryBuilder(embedder=embedder)
    for briefing in briefings:
        builder.add(briefing)
    return builder.stories()


def _story_with(stories: list[Story], article_id: str) -> Story:
    return next(s for s in stories if any(a.id == article_id for a in s.articles))


def test_stories_copy_is_republish_and_not_independent(briefings: dict[str, Briefing], embedder: Embedder) -> None:
    without = _story_with(_stories([briefings[k] for k in ("ledger", "herald", "match")], embedder), "ledger")
    with_copy = _story_with(_stories([briefings[k] for k in ("ledger", "herald", "match", "copy")], embedder), "copy")
    copy = next(a for a in with_copy.articles if a.id == "copy")
    assert copy.role == ArticleRole.REPUBLISH
    assert copy.copy_of == "ledger" and copy.copy_kind == CopyKind.COPY
    assert [c.independent_confirmations for c in with_copy.claims] == [
        c.independent_confirmations for c in without.claims
    ]
    assert with_copy.claims[0].status == without.claims[0].status
    assert any("republishes" in n.text for n in with_copy.sentences)


class _DisagreesWithEverything:
    """A stance model that reads every article as disagreeing: what the classifier may get wrong."""

    def predict(self, claim: object, articles: list[object]) -> list[Prediction]:
        return [Prediction(ArticleStance.DISAGREE, 0.9) for _ in articles]

    def about_none_of(self, claims: list[object], article: object) -> bool:
        return False  # disagreeing is being about the claim


def test_stories_an_article_agrees_with_its_own_lead(briefings: dict[str, Briefing], embedder: Embedder) -> None:
    builder = StoryBuilder(embedder=embedder, stance_model=_DisagreesWithEverything())  # type: ignore[arg-type]
    for key in ("ledger", "herald"):
        builder.add(briefings[key])
    [story] = builder.stories()
    stance_of = {s.article: s for s in story.claims[0].article_stances}
    assert stance_of["ledger"].stance == ArticleStance.AGREE
    assert stance_of["ledger"].citations == briefings["ledger"].claims[0].citations
    assert stance_of["herald"].stance == ArticleStance.DISAGREE  # its lead words the claim otherwise


def test_stories_rewrite_is_republish_of_its_source(briefings: dict[str, Briefing], embedder: Embedder) -> None:
    story = _story_with(_stories([briefings[k] for k in ("ledger", "herald", "rewrite")], embedder), "rewrite")
    roles = {a.id: (a.role, a.copy_of, a.copy_kind) for a in story.articles}
    assert roles["rewrite"] == (ArticleRole.REPUBLISH, "ledger", CopyKind.REWRITE)
    assert roles["herald"][0] == ArticleRole.ORIGINAL  # a follow-up with its own reporting is not a rewrite


def test_stories_grouping_separates_unrelated_story(briefings: dict[str, Briefing], embedder: Embedder) -> None:
    stories = _stories([briefings[k] for k in ("ledger", "herald", "match", "copy")], embedder)
    groups = sorted(sorted(a.id for a in s.articles) for s in stories)
    assert groups == [["copy", "herald", "ledger"], ["match"]]


def test_stories_grouping_is_deterministic_and_streaming(briefings: dict[str, Briefing], embedder: Embedder) -> None:
    order = [briefings[k] for k in ("ledger", "match", "herald", "copy")]
    builder = StoryBuilder(embedder=embedder)
    placed = [builder.add(b) for b in order]
    again = StoryBuilder(embedder=embedder)
    assert [again.add(b) for b in order] == placed
    # Each arrival is placed once: a builder that saw only a prefix placed it the same way.
    for cut in range(1, len(order)):
        prefix = StoryBuilder(embedder=embedder)
        assert [prefix.add(b) for b in order[:cut]] == placed[:cut]


def test_stories_merged_sources_keep_citations_in_their_own_articles(
    briefings: dict[str, Briefing], embedder: Embedder
) -> None:
    story = _story_with(_stories([briefings["ledger"], briefings["herald"]], embedder), "ledger")
    mayor = next(s for s in story.sources if "Whitfield" in s.name)
    assert mayor.name == "Dana Whitfield"
    assert {st.article for st in mayor.statements} == {"ledger", "herald"}
    for statement in mayor.statements:
        article = story.article(statement.article)
        content = statement.statement.content
        assert content.article == statement.article
        assert article.text[content.start : content.end] == article.quote(content)
        assert article.quote(content).strip() == article.quote(content)
    director = [s for s in story.sources if "Ortiz" in s.name]
    assert len(director) == 1 and {a for a, _ in director[0].members} == {"ledger", "herald"}


def test_stories_json_shape_and_every_citation_resolves(briefings: dict[str, Briefing]) -> None:
    stories = build_stories([briefings[k] for k in ("ledger", "herald", "match", "copy")])
    data = json.loads(json.dumps([story_to_dict(s) for s in stories]))
    story = next(d for d in data if len(d["articles"]) == 3)
    assert set(story) >= {"id", "title", "status", "claims", "sources", "reporting_chain", "timeline", "briefing"}
    assert story["articles"][0]["role"] == "original"
    assert {a["id"]: a["role"] for a in story["articles"]}["copy"] == "republish"
    assert story["claims"][0]["status"] in ("confirmed", "reported", "contested", "denied", "unverified")
    assert all(
        s["stance"] in ("agree", "disagree", "discuss", "unrelated") for s in story["claims"][0]["article_stances"]
    )
    texts = {a["id"]: a["text"] for a in story["articles"]}

    def citations(node: object) -> list[dict[str, object]]:
        if isinstance(node, dict):
            found = [node] if set(node) == {"article", "start", "end"} else []
            return found + [c for v in node.values() for c in citations(v)]
        if isinstance(node, list):
            return [c for v in node for c in citations(v)]
        return []

    found = citations(story)
    assert found
    for citation in found:
        text = texts[citation["article"]]
        assert 0 <= citation["start"] < citation["end"] <= len(text)
    assert all(sentence["citations"] for sentence in story["briefing"])
    assert dates_ascending([t["date"] for t in story["timeline"]])


def dates_ascending(dates: list[str | None]) -> bool:
    known = [d for d in dates if d]
    return known == sorted(known)


def test_stories_sources_that_said_one_thing_share_one_sentence(pipeline: Pipeline, embedder: Embedder) -> None:
    text = (
        "The city will close its central library for repairs, the council said on Monday.\n\n"
        "Senator Dick Durbin and Senator Adam Schiff both questioned the council's power to close it."
    )
    briefing = pipeline.brief_article(_article("joint", text, "Lakeview Ledger", "2024-03-05", "Library to close"))
    assert {s.name for s in briefing.sources} >= {"Dick Durbin", "Adam Schiff"}
    [story] = _stories([briefing], embedder)
    lines = [n.text for n in compose(story) if "questioned" in n.text]
    assert len(lines) == 1 and "Dick Durbin" in lines[0] and "Adam Schiff" in lines[0], lines


def test_stories_timeline_tells_each_statement_with_its_cue(briefings: dict[str, Briefing]) -> None:
    [story] = [s for s in build_stories([briefings["ledger"], briefings["herald"]]) if len(s.articles) == 2]
    texts = [entry.text for entry in story.timeline]
    assert any(t.startswith("Rita Chen denied that the council had approved the closure") for t in texts), texts
    assert any(t.startswith("Sam Ortiz declined to comment") for t in texts), texts


def test_stories_timeline_tells_a_report_of_a_report_once(pipeline: Pipeline, embedder: Embedder) -> None:
    text = (
        "A minibus exploded outside the city hall on Tuesday, police said.\n\n"
        "Residents told reporters the officers claimed to be seeking a bomb."
    )
    briefing = pipeline.brief_article(_article("bomb", text, "Lakeview Ledger", "2024-03-05", "Minibus explodes"))
    [story] = _stories([briefing], embedder)
    texts = [entry.text for entry in story.timeline]
    assert any(t.startswith("Residents told reporters the officers claimed") for t in texts), texts
    assert not any(t.startswith("The officers claimed") for t in texts), texts


def test_stories_an_article_about_another_event_of_the_same_day_starts_its_own_story(
    pipeline: Pipeline, briefings: dict[str, Briefing], embedder: Embedder
) -> None:
    bus = (
        "The Riverside council approved a new bus line to the hospital on Tuesday, transport officials said. "
        "The line will run every ten minutes from May.\n\nCouncil member Joe Hart said the budget allowed for "
        "two new buses."
    )
    same_day = pipeline.brief_article(
        _article("bus", bus, "Valley Herald", "2024-03-05", "Riverside council approves new bus line")
    )
    builder = StoryBuilder(embedder=embedder)
    builder.add(briefings["ledger"])
    text = article_text(same_day, embedder)
    assert builder._grouper.nearest(*opening(text, 1), publication_day("2024-03-05")) == 0, "the case needs a near day"
    assert builder.add(same_day) == 1


@pytest.mark.parametrize(
    ("named", "mention", "joins"),
    [
        # a surname the entity tagger called an organization
        ([(SourceKind.PERSON, "Wanda Vázquez")], (SourceKind.ORGANIZATION, "Vázquez"), "Wanda Vázquez"),
        ([(SourceKind.OUTLET, "Saudi Press Agency")], (SourceKind.ORGANIZATION, "The agency"), "Saudi Press Agency"),
        (
            [(SourceKind.ORGANIZATION, "Court of Session")],
            (SourceKind.ORGANIZATION, "The three-judge court"),
            "Court of Session",
        ),
        # an outlet is not the person it is named after
        ([(SourceKind.PERSON, "Michael Bloomberg")], (SourceKind.OUTLET, "Bloomberg"), None),
        # two courts: "the court" could be either
        (
            [(SourceKind.ORGANIZATION, "Court of Session"), (SourceKind.ORGANIZATION, "Supreme Court")],
            (SourceKind.ORGANIZATION, "The court"),
            None,
        ),
        (
            [(SourceKind.ORGANIZATION, "World Health Organization")],
            (SourceKind.ORGANIZATION, "WHO"),
            "World Health Organization",
        ),
    ],
)
def test_stories_merge_finds_whom_an_organizations_name_stands_for(
    named: list[tuple[SourceKind, str]], mention: tuple[SourceKind, str], joins: str | None
) -> None:
    index = _Index()
    for kind, name in named:
        index.add(kind, name, None).names.append(name)
    found = index.find(*mention, None)
    assert (found.names[0] if found else None) == joins


def test_stories_markdown_chain_names_articles_and_sources(briefings: dict[str, Briefing], embedder: Embedder) -> None:
    [story] = [s for s in _stories([briefings["ledger"], briefings["copy"]], embedder) if len(s.articles) == 2]
    chain = story_markdown(story).split("## Reporting chain")[1].split("##")[0]
    assert (
        "“Lakeview to close central library” (Aggregator) → “Lakeview to close central library” (Lakeview Ledger)"
        in chain
    )
    assert "two council members → Lakeview Ledger: spoke_to" in chain
    assert not re.search(r"\bs\d+\b|\bcopy\b", chain), chain  # no internal ids


def test_stories_a_name_spelled_with_another_case_is_one_name(pipeline: Pipeline, embedder: Embedder) -> None:
    texts = {
        "a": "The Lakeview library will close for two years of repairs. The council said the roof had failed.",
        "b": "The Lakeview library is closing for two years of repairs, the council said on Tuesday.",
    }
    found = [
        pipeline.brief_article(_article(key, text, f"Site {key}", "2024-03-05", "Lakeview library to close"))
        for key, text in texts.items()
    ]
    [story] = _stories(found, embedder)
    [council] = [s for s in story.sources if s.name.lower() == "the council"]
    assert len(council.names) == 1 and len(council.members) == 2


def test_stories_a_source_known_by_role_is_not_given_its_name_again_as_its_role(
    pipeline: Pipeline, embedder: Embedder
) -> None:
    text = "The summit will go ahead in June, officials said. The president said the summit would go ahead."
    found = pipeline.brief_article(_article("summit", text, "Site", "2024-03-05", "Summit to go ahead"))
    [story] = _stories([found], embedder)
    said = [n.text for n in story.sentences if "The president" in n.text]
    assert said and not any("(The president)" in t for t in said), said


def test_stories_markdown_says_how_many_timeline_entries_it_left_out(
    briefings: dict[str, Briefing], embedder: Embedder
) -> None:
    [story] = [s for s in _stories([briefings["ledger"], briefings["herald"]], embedder) if len(s.articles) == 2]
    long = replace(story, timeline=story.timeline * 10)
    timeline = story_markdown(long).split("## Timeline")[1].split("## Citations")[0]
    listed = [line for line in timeline.splitlines() if line.startswith("- ")]
    assert listed[-1] == f"- … and {len(long.timeline) - 20} more statements (`--format json` has all)"
    assert len(listed) == 21
