"""Briefings as the JSON contract (docs/json-contract.md) and as Markdown."""

from __future__ import annotations

import json
import re
from typing import Any

from sourcebrief.model import Article, Briefing, Citation, Note, Source, Statement

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
QUOTE_PREVIEW_CHARS = 160


def citation_dict(citation: Citation) -> dict[str, Any]:
    return {"article": citation.article, "start": citation.start, "end": citation.end}


def citation_dicts(citations: tuple[Citation, ...] | list[Citation]) -> list[dict[str, Any]]:
    return [citation_dict(c) for c in citations]


def to_dict(briefing: Briefing) -> dict[str, Any]:
    """The briefing as the documented JSON contract."""
    articles = {a.id: a for a in briefing.articles}
    return {
        "title": briefing.title,
        "status": str(briefing.status),
        "claims": [
            {"id": c.id, "text": c.text, "status": str(c.status), "citations": citation_dicts(c.citations)}
            for c in briefing.claims
        ],
        "sources": [_source_dict(s, briefing, articles) for s in briefing.sources],
        "reporting_chain": [
            {"outlet": link.outlet, "role": str(link.role), "citations": citation_dicts(link.citations)}
            for link in briefing.chain
        ],
        "unknowns": [note_dict(n) for n in briefing.unknowns],
        "flags": [
            {"kind": str(f.kind), "text": f.text, "citations": citation_dicts(f.citations)} for f in briefing.flags
        ],
        "briefing": [note_dict(n) for n in briefing.sentences],
        "articles": [_article_dict(a) for a in briefing.articles],
    }


def _source_dict(source: Source, briefing: Briefing, articles: dict[str, Article]) -> dict[str, Any]:
    stance = next(s for s in briefing.stances if s.source_id == source.id)
    return {
        "id": source.id,
        "name": source.name,
        "kind": str(source.kind),
        "role": source.role,
        "affiliation": source.affiliation,
        "conduit": source.conduit,
        "stance": str(stance.stance),
        "stance_citations": citation_dicts(stance.citations),
        "mentions": citation_dicts(source.mentions),
        "statements": [_statement_dict(st, articles[st.content.article]) for st in source.statements],
    }


def _statement_dict(statement: Statement, article: Article) -> dict[str, Any]:
    return {
        "text": article.quote(statement.content),
        "direct": statement.direct,
        "cue": article.quote(statement.cue) if statement.cue else None,
        "addressee": article.quote(statement.addressee) if statement.addressee else None,
        "refusal": statement.refusal,
        "citations": citation_dicts([statement.content]),
        "cue_citations": citation_dicts([statement.cue] if statement.cue else []),
        "addressee_citations": citation_dicts([statement.addressee] if statement.addressee else []),
        "speaker_citations": citation_dicts([statement.speaker] if statement.speaker else []),
    }


def note_dict(note: Note) -> dict[str, Any]:
    return {"text": note.text, "citations": citation_dicts(note.citations)}


def _article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "site": article.site,
        "text": article.text,
        "language": article.language,
        "origin": article.origin,
        "credit": article.credit,
        "updated": article.updated,
        "authors": list(article.authors),
        "description": article.description,
        "provenance": dict(article.provenance),
    }


def to_json(briefings: list[Briefing], *, several: bool = False) -> str:
    """One object for one briefing, an array for several, or for any number where ``several``
    inputs were given (a script reading the output then always gets the same shape)."""
    data: Any = to_dict(briefings[0]) if len(briefings) == 1 and not several else [to_dict(b) for b in briefings]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(briefings: list[Briefing]) -> str:
    return "".join(json.dumps(to_dict(b), ensure_ascii=False) + "\n" for b in briefings)


def source_details(source: Source) -> list[str]:
    """Role, affiliation and the outlet spoken to, as shown beside a source's name; a role that
    is all its name says ("The president") is not said twice."""
    role = source.role if source.role != source.name else None
    return [x for x in (role, source.affiliation, source.conduit and f"via {source.conduit}") if x]


def escape_markdown(text: str) -> str:
    """Article text is untrusted: shown literally, never as Markdown or links."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


class _CitationIndex:
    """Numbers citations in order of first use, for [n] markers and a list at the end."""

    def __init__(self) -> None:
        self.numbers: dict[Citation, int] = {}

    def markers(self, citations: tuple[Citation, ...] | list[Citation]) -> str:
        return "".join(f"[{self.numbers.setdefault(c, len(self.numbers) + 1)}]" for c in citations)


def to_markdown(briefing: Briefing) -> str:
    articles = {a.id: a for a in briefing.articles}
    index = _CitationIndex()
    claim = briefing.claims[0]
    lines = [f"# {escape_markdown(briefing.title)}", ""]
    lines += [
        f"**Claim status: {briefing.status}** — {escape_markdown(claim.text)} {index.markers(claim.citations)}",
        "",
    ]
    lines += ["## Briefing", ""]
    lines += [f"- {escape_markdown(n.text)} {index.markers(n.citations)}" for n in briefing.sentences]
    lines += ["", "## Who said what", "", "| Source | Kind | Role | Stance | Statements |", "|---|---|---|---|---|"]
    for source in briefing.sources:
        statements = len(source.statements)
        role = "; ".join(source_details(source))
        lines.append(
            f"| {escape_markdown(source.name)} | {source.kind} | {escape_markdown(role)} "
            f"| {briefing.stance_of(source.id)} | {statements} |"
        )
    lines += ["", "## Reporting chain", ""]
    lines += [
        f"- {escape_markdown(link.outlet)}: {link.role} {index.markers(link.citations)}" for link in briefing.chain
    ]
    if briefing.unknowns:
        lines += ["", "## Still unknown", ""]
        lines += [f"- {escape_markdown(n.text)} {index.markers(n.citations)}" for n in briefing.unknowns]
    if briefing.flags:
        lines += ["", "## Flags", ""]
        lines += [
            f"- {f.kind}: {escape_markdown(_preview(f.text))} {index.markers(f.citations)}" for f in briefing.flags
        ]
    lines += ["", "## Citations", ""]
    for citation, number in index.numbers.items():
        quoted = _preview(articles[citation.article].quote(citation))
        lines.append(f"{number}. {citation.article} {citation.start}–{citation.end}: “{escape_markdown(quoted)}”")
    for article in briefing.articles:
        if article.credit:
            lines += ["", f"_{escape_markdown(article.credit)}_"]
    return "\n".join(lines) + "\n"


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_PREVIEW_CHARS else text[: QUOTE_PREVIEW_CHARS - 1] + "…"
