"""Stories as JSON, in the style of the single-article contract (docs/json-contract.md): every
citation is {"article", "start", "end"} into the ``text`` of an article listed in the story.

    { "id", "title", "status",                      -- status of the central claim (claims[0])
      "origin": {"article", "credited_outlet"},     -- first report by date; most-credited outlet
      "claims": [{"id", "text", "status", "independent_confirmations", "confirming_sources",
                  "disputing_sources", "article_stances": [{"article", "stance", "confidence",
                  "citations"}], "citations"}],      -- stance: agree|disagree|discuss|unrelated
      "sources": [{"id", "name", "kind", "role", "affiliation", "names",
                   "stances": [{"claim", "stance", "citations"}], "mentions",
                   "statements": [{"article", "date", "claim", "stance", "republished", "text",
                                   "direct", "cue", "addressee", "refusal", "citations",
                                   "cue_citations", "addressee_citations"}]}],
      "reporting_chain": [{"source", "target", "kind", "citations"}],
                   -- kind: first_report|credits|republishes|spoke_to
      "timeline": [{"date", "article", "source", "text", "citations"}],
      "briefing": [{"text", "citations"}],
      "articles": [{"id", "title", "url", "published", "site", "role", "copy_of", "copy_kind",
                    "similarity", "claim_status", "text", "credit"}] }
"""

from __future__ import annotations

from typing import Any

from sourcebrief.serve.render import citation_dicts, note_dict
from sourcebrief.stories.model import Story, StoryArticle, StoryClaim, StorySource


def story_to_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "status": str(story.claims[0].status),
        "origin": {"article": story.origin, "credited_outlet": story.credited_origin},
        "claims": [_claim_dict(c) for c in story.claims],
        "sources": [_source_dict(s, story) for s in story.sources],
        "reporting_chain": [
            {"source": e.source, "target": e.target, "kind": str(e.kind), "citations": citation_dicts(e.citations)}
            for e in story.chain
        ],
        "timeline": [
            {
                "date": t.date,
                "article": t.article,
                "source": t.source,
                "text": t.text,
                "citations": citation_dicts(t.citations),
            }
            for t in story.timeline
        ],
        "briefing": [note_dict(n) for n in story.sentences],
        "articles": [_article_dict(a) for a in story.articles],
    }


def _claim_dict(claim: StoryClaim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "text": claim.text,
        "status": str(claim.status),
        "independent_confirmations": claim.independent_confirmations,
        "confirming_sources": list(claim.confirming_sources),
        "disputing_sources": list(claim.disputing_sources),
        "article_stances": [
            {
                "article": s.article,
                "stance": str(s.stance),
                "confidence": round(s.confidence, 3),
                "citations": citation_dicts(s.citations),
            }
            for s in claim.article_stances
        ],
        "citations": citation_dicts(claim.citations),
    }


def _source_dict(source: StorySource, story: Story) -> dict[str, Any]:
    return {
        "id": source.id,
        "name": source.name,
        "kind": str(source.kind),
        "role": source.role,
        "affiliation": source.affiliation,
        "names": list(source.names),
        "stances": [
            {"claim": s.claim, "stance": str(s.stance), "citations": citation_dicts(s.citations)}
            for s in source.stances
        ],
        "mentions": citation_dicts(source.mentions),
        "statements": [
            {
                "article": st.article,
                "date": st.published,
                "claim": st.claim,
                "stance": str(st.stance),
                "republished": st.republished,
                "text": story.article(st.article).quote(st.statement.content),
                "direct": st.statement.direct,
                "cue": story.article(st.article).quote(st.statement.cue) if st.statement.cue else None,
                "addressee": story.article(st.article).quote(st.statement.addressee)
                if st.statement.addressee
                else None,
                "refusal": st.statement.refusal,
                "citations": citation_dicts((st.statement.content,)),
                "cue_citations": citation_dicts((st.statement.cue,) if st.statement.cue else ()),
                "addressee_citations": citation_dicts((st.statement.addressee,) if st.statement.addressee else ()),
            }
            for st in source.statements
        ],
    }


def _article_dict(story_article: StoryArticle) -> dict[str, Any]:
    article = story_article.article
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "site": article.site,
        "role": str(story_article.role),
        "copy_of": story_article.copy_of,
        "copy_kind": str(story_article.copy_kind) if story_article.copy_kind else None,
        "similarity": round(story_article.similarity, 3),
        "claim_status": str(story_article.briefing.status),
        "text": article.text,
        "credit": article.credit,
    }
