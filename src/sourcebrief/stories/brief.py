"""The story briefing: neutral sentences in which every sentence cites the spans it rests on,
across the story's articles (as sourcebrief.brief does for one article).

It says which article reported first and whom the articles credit, which articles only
republish another, the claim's status across the story with its independent confirmations,
where each article and each merged source stands, and what is still unknown.
"""

from __future__ import annotations

from dataclasses import replace

from sourcebrief.brief import (
    STANCE_ORDER,
    attribution_key,
    best_of_each_kind,
    briefable,
    joined_speakers,
    no_stop,
    sentence_end,
    short_label,
    statement_note,
    statement_rank,
    whole_statements,
    with_role,
)
from sourcebrief.model import Citation, Note, Stance
from sourcebrief.stories.model import (
    ArticleRole,
    ArticleStance,
    CopyKind,
    EdgeKind,
    Story,
    StoryArticle,
    StoryClaim,
    StorySource,
    StoryStatement,
)

MAX_SOURCES = 8
MAX_STATEMENTS_PER_SOURCE = 2
MAX_UNKNOWNS = 5
_ARTICLE_STANCE_WORDS = {
    ArticleStance.AGREE: "agree with the claim",
    ArticleStance.DISCUSS: "report the claim without taking a side",
    ArticleStance.DISAGREE: "dispute the claim",
}
_COPY_WORDS = {
    CopyKind.COPY: "a near-verbatim copy",
    CopyKind.REWRITE: "a rewrite: most of its sentences paraphrase the original's",
    CopyKind.CREDIT: "it credits the original's outlet with the first report",
}


def with_briefing(story: Story) -> Story:
    return replace(story, sentences=tuple(compose(story)))


def compose(story: Story) -> list[Note]:
    by_id = {a.id: a for a in story.articles}
    central = story.claims[0]
    notes = [_claim_note(story, central, by_id[story.origin])]
    notes += _credit_notes(story)
    notes += [_republish_note(a, by_id[a.copy_of]) for a in story.articles if a.copy_of in by_id]
    notes += [n for n in (_status_note(story, central),) if n is not None]
    notes += _article_stance_notes(central, by_id)
    notes += _source_notes(story, central, by_id)
    notes += [_other_claim_note(c) for c in story.claims[1:]]
    unknowns = _unknowns(story)
    if unknowns:
        text = "Not yet known: " + "; ".join(n.text for n in unknowns) + "."
        notes.append(Note(text, tuple(c for n in unknowns for c in n.citations)))
    return notes


def label(story_article: StoryArticle) -> str:
    """How the briefing names an article: its title, with its outlet and date where known."""
    article = story_article.article
    name = f"“{article.title}”" if article.title else article.id
    details = [d for d in (article.site, (article.published or "")[:10]) if d]
    return f"{name} ({', '.join(details)})" if details else name


def _claim_note(story: Story, claim: StoryClaim, origin: StoryArticle) -> Note:
    lead = origin.briefing.claims[0].citations
    return Note(
        f"The story's central claim, as first reported among these articles by {label(origin)}: "
        f"{sentence_end(no_stop(claim.text))}",
        lead,
    )


def _credit_notes(story: Story) -> list[Note]:
    if story.credited_origin is None:
        return []
    edges = [e for e in story.chain if e.kind == EdgeKind.FIRST_REPORT and e.target == story.credited_origin]
    crediting = len({e.source for e in edges})
    noun = "article credits" if crediting == 1 else "articles credit"
    return [
        Note(
            f"{crediting} {noun} {story.credited_origin} with the first report.",
            tuple(c for e in edges for c in e.citations),
        )
    ]


def _republish_note(copy: StoryArticle, original: StoryArticle) -> Note:
    why = _COPY_WORDS[copy.copy_kind] if copy.copy_kind else "a republication"
    citations = copy.briefing.claims[0].citations + original.briefing.claims[0].citations
    return Note(f"{label(copy)} republishes {label(original)} ({why}); it is not counted as independent.", citations)


def _status_note(story: Story, claim: StoryClaim) -> Note | None:
    parts, citations = [], []
    for stance in STANCE_ORDER:
        holders = [(s, cs) for s in story.sources for cs in s.stances if cs.claim == claim.id and cs.stance == stance]
        holders = [(s, cs) for s, cs in holders if cs.citations]
        if holders and stance != Stance.REPORTS:
            parts.append(
                f"{str(stance).replace('_', ' ')}: " + ", ".join(short_label(s.name, s.kind) for s, _ in holders)
            )
            citations += [c for _, cs in holders for c in cs.citations]
    agreeing = [s for s in claim.article_stances if s.stance == ArticleStance.AGREE]
    citations += [c for s in agreeing for c in s.citations]
    if not citations:
        return None
    count = claim.independent_confirmations
    confirmations = f"{count} independent confirmation{'s' if count != 1 else ''} among the articles"
    detail = "; ".join(parts)
    text = f"Claim status across the story: {claim.status} — " + (f"{detail}; " if detail else "") + confirmations
    return Note(text + " (republications not counted).", tuple(dict.fromkeys(citations)))


def _article_stance_notes(claim: StoryClaim, by_id: dict[str, StoryArticle]) -> list[Note]:
    notes = []
    for stance, words in _ARTICLE_STANCE_WORDS.items():
        holding = [s for s in claim.article_stances if s.stance == stance]
        if holding:
            names = ", ".join(label(by_id[s.article]) for s in holding)
            verb = "articles" if len(holding) > 1 else "article"
            text = f"{len(holding)} {verb} {words if len(holding) > 1 else _singular(words)}: {names}."
            notes.append(Note(text, tuple(c for s in holding for c in s.citations)))
    return notes


def _singular(words: str) -> str:
    verb, _, rest = words.partition(" ")
    return f"{verb}s {rest}"


def _source_notes(story: Story, claim: StoryClaim, by_id: dict[str, StoryArticle]) -> list[Note]:
    def rank(source: StorySource) -> int:
        stance = next((cs.stance for cs in source.stances if cs.claim == claim.id), Stance.REPORTS)
        return STANCE_ORDER.index(stance)

    speaking = [s for s in story.sources if any(not st.republished for st in s.statements)]
    chosen = sorted(speaking, key=rank)[:MAX_SOURCES]
    # Sources that said the same thing in one article ("The committee and the FSB said") share
    # one sentence, as in an article's briefing.
    statements_of = {source.id: _whole_statements(source, by_id) for source in story.sources}
    said_by: dict[tuple[str, Citation | None, Citation], list[tuple[int, StorySource]]] = {}
    for source in story.sources:
        for st in statements_of[source.id]:
            where = st.statement.speaker.start if st.statement.speaker else 0
            said_by.setdefault(_said(st), []).append((where, source))
    notes: dict[tuple[str, Citation | None, Citation], Note] = {}
    for source in chosen:
        for st in _chosen_statements(statements_of[source.id], by_id):
            if _said(st) not in notes:
                in_order = [s for _, s in sorted(said_by[_said(st)], key=lambda pair: pair[0])]
                notes[_said(st)] = _statement_note(in_order, st, by_id[st.article])
    return list(notes.values())


def _said(statement: StoryStatement) -> tuple[str, Citation | None, Citation]:
    """Which statement of which article: the same for every source that said it together."""
    return statement.article, statement.statement.cue, statement.statement.content


def _whole_statements(source: StorySource, by_id: dict[str, StoryArticle]) -> list[StoryStatement]:
    """The source's statements with the pieces of each joined, article by article, as an
    article's briefing joins them."""
    whole = []
    for article_id in dict.fromkeys(st.article for st in source.statements):
        made_here = [st for st in source.statements if st.article == article_id]
        for statement in whole_statements(by_id[article_id].article, [st.statement for st in made_here]):
            piece = next(st for st in made_here if attribution_key(st.statement) == attribution_key(statement))
            whole.append(replace(piece, statement=statement))
    return whole


def _chosen_statements(statements: list[StoryStatement], by_id: dict[str, StoryArticle]) -> list[StoryStatement]:
    """A source's best reported statement and best quotation (one in its cue's sentence and in
    body text, then the earliest), from original articles."""
    own = [st for st in statements if not st.republished and briefable(by_id[st.article].article, st.statement)]
    chosen = best_of_each_kind(
        own,
        rank=lambda st: statement_rank(by_id[st.article].article, st.statement),
        direct=lambda st: st.statement.direct,
    )
    return chosen[:MAX_STATEMENTS_PER_SOURCE]


def _statement_note(sources: list[StorySource], story_statement: StoryStatement, story_article: StoryArticle) -> Note:
    phrases = [with_role(s.name, s.kind, s.role, s.affiliation, story_article.article.text) for s in sources]
    speakers, named = joined_speakers(phrases)
    mentions = [mention_in(sources[i], story_article) for i in named]
    note = statement_note(story_article.article, speakers, mentions[0], story_statement.statement)
    return Note(f"{label(story_article)}: {note.text}", tuple(dict.fromkeys((*note.citations, *mentions[1:]))))


def mention_in(source: StorySource, story_article: StoryArticle) -> Citation:
    member = next(s for s in story_article.briefing.sources if (story_article.id, s.id) in source.members)
    return member.mentions[0]


def _other_claim_note(claim: StoryClaim) -> Note:
    count = len(claim.citations)
    where = f"{count} article{'s' if count != 1 else ''}"
    text = sentence_end(no_stop(claim.text))
    return Note(f"Another claim, the lead of {where} (status {claim.status}): {text}", claim.citations)


def _unknowns(story: Story) -> list[Note]:
    seen: dict[str, Note] = {}
    for story_article in story.articles:
        if story_article.role == ArticleRole.ORIGINAL:
            for note in story_article.briefing.unknowns:
                seen.setdefault(note.text.lower(), note)
    return list(seen.values())[:MAX_UNKNOWNS]
