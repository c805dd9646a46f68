"""The reporting chain: which outlets the article credits ("first reported by", "X reported",
"according to a report in X", sources who "spoke to X"), and the article's own place in it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from sourcebrief.attribute.speakers import is_outlet_name, proper_name
from sourcebrief.model import Article, ChainLink, ChainRole

_REPORT_LEMMAS = {"report", "break", "publish", "reveal"}
_FIRST_WORDS = {"first", "initially", "originally"}


def find_credits(sentences: list[Span], article: Article) -> Iterator[ChainLink]:
    """Outlets credited with reporting, each with the clause that credits it."""
    for sentence in sentences:
        for token in sentence:
            link = _report_verb_credit(token, article) or _report_noun_credit(token, article)
            if link:
                yield link


def _report_verb_credit(verb: Token, article: Article) -> ChainLink | None:
    if verb.pos_ != "VERB" or verb.lemma_ not in _REPORT_LEMMAS:
        return None
    if verb.lemma_ == "break" and not any(c.lemma_ in ("news", "story") for c in verb.children):
        return None
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    outlet = agent if agent is not None else subject
    if outlet is None or not _is_named(outlet):
        return None
    first = any(t.lower_ in _FIRST_WORDS for t in verb.children) or _is_first_to(verb)
    if outlet is subject and not first and not is_outlet_name(proper_name(outlet)):
        return None  # "The agency reported 40 cases" is a source's statement, not news reporting
    # "was first reported by The Record", "Reuters first reported", "..., reported Reuters"
    helpers = [c for c in verb.children if c.dep_ in ("auxpass", "aux", "advmod") and c.i < verb.i]
    first_token = min([verb, outlet.left_edge, *helpers[:1]], key=lambda t: t.i)
    start, end = first_token.idx, max(_end(outlet), _end(verb))
    return _link(
        article, proper_name(outlet), ChainRole.FIRST_REPORT if first else ChainRole.REPORT, start=start, end=end
    )


def _report_noun_credit(noun: Token, article: Article) -> ChainLink | None:
    # "according to a report in The Record", "a CBS News report"
    if noun.pos_ != "NOUN" or noun.lemma_ not in ("report", "story", "article"):
        return None
    named = [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("in", "by", "from")
        for g in c.children
        if g.dep_ == "pobj" and _is_named(g)
    ]
    # "the phony Culkin story": a person the story is about, not its publisher.
    named += [c for c in noun.children if c.dep_ in ("compound", "poss") and _is_named(c) and not _a_person(c)]
    # "covering the story in Syria", "its report in November": a place or a time, not where it
    # was published.
    named = [t for t in named if t.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")]
    if not named:
        return None
    outlet = named[0]
    first = any(t.lower_ in _FIRST_WORDS for t in noun.children)
    return _link(
        article,
        proper_name(outlet),
        ChainRole.FIRST_REPORT if first else ChainRole.REPORT,
        start=min(noun.idx, outlet.left_edge.idx),
        end=max(_end(noun), _end(outlet)),
    )


def _is_first_to(verb: Token) -> bool:
    # "X was the first to report"
    head = verb.head
    return verb.dep_ in ("relcl", "acl", "xcomp") and head.lower_ == "first"


def _is_named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "PERSON")


def _a_person(token: Token) -> bool:
    """A name the entity tagger takes for a person's here or in a fuller mention ("Rose" after
    "Axl Rose"), unless outlets have names like it ("Daily Beast")."""
    if is_outlet_name(proper_name(token)):
        return False
    people = (e for e in token.doc.ents if e.label_ == "PERSON")
    return token.ent_type_ == "PERSON" or any(token.text in e.text.split() for e in people)


def _end(token: Token) -> int:
    return token.idx + len(token)


def _link(article: Article, outlet: str, role: ChainRole, *, start: int, end: int) -> ChainLink:
    return ChainLink(outlet, role, (article.cite(start, end),))


def _full_name(outlet: str, names: set[str]) -> str:
    """ "the Journal" after "The Wall Street Journal": one outlet, under its full name, where the
    article names one outlet ending in that word."""
    if " " in outlet:
        return outlet
    longer = {name for name in names if name != outlet and name.split()[-1] == outlet}
    return longer.pop() if len(longer) == 1 else outlet


def assemble_chain(links: Iterable[ChainLink], article: Article) -> tuple[ChainLink, ...]:
    """One link per outlet (the strongest role, all citations), first reports first, then the
    article itself: a republisher when it credits someone else with the first report."""
    links = list(links)
    names = {link.outlet for link in links}
    merged: dict[str, ChainLink] = {}
    for link in links:
        link = replace(link, outlet=_full_name(link.outlet, names))
        key = link.outlet.lower()
        if key in merged:
            old = merged[key]
            role = ChainRole.FIRST_REPORT if ChainRole.FIRST_REPORT in (old.role, link.role) else old.role
            link = ChainLink(old.outlet, role, tuple(dict.fromkeys(old.citations + link.citations)))
        merged[key] = link
    ordered = sorted(merged.values(), key=lambda link: link.role != ChainRole.FIRST_REPORT)
    own_name = article.site or "this article"
    first_reports = [link for link in ordered if link.role == ChainRole.FIRST_REPORT]
    if own_name.lower() in merged:
        return tuple(ordered)
    if first_reports:
        evidence = tuple(c for link in first_reports for c in link.citations)
        return (*ordered, ChainLink(own_name, ChainRole.REPUBLISH, evidence))
    return (*ordered, ChainLink(own_name, ChainRole.REPORT, ()))
