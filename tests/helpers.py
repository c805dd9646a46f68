"""Small builders shared by the stage tests."""

from __future__ import annotations

from spacy.language import Language

from sourcebrief.analyze import Analysis, analyze
from sourcebrief.attribute import attribute
from sourcebrief.model import Article, Attribution, Source

# The parser reads the roles and the name as three joined subjects after this first paragraph.
ROLES_BEFORE_A_NAME = (
    "The press asked Trump about it that same day, but he declined to comment.\n\nRetired FBI agent and "
    "terrorism specialist Ali Soufan told NPR Hamza bin Laden had appeared in Al-Qaeda videos since he was a "
    "young boy."
)


def article(text: str, article_id: str = "t") -> Article:
    return Article(id=article_id, text=text, title="Test")


def analysis_of(text: str, nlp: Language) -> Analysis:
    return analyze(article(text), nlp)


def attribution_of(text: str, nlp: Language) -> tuple[Article, Attribution]:
    analysis = analysis_of(text, nlp)
    return analysis.article, attribute(analysis)


def source_named(attribution: Attribution, name: str) -> Source:
    matches = [s for s in attribution.sources if s.name == name]
    assert matches, f"no source {name!r} in {[s.name for s in attribution.sources]}"
    return matches[0]


def said_by(text: str, nlp: Language) -> dict[str, list[str]]:
    """Each source's name with the words of its statements, as the article writes them."""
    found, attribution = attribution_of(text, nlp)
    return {s.name: [found.quote(st.content) for st in s.statements] for s in attribution.sources}
