"""Claim stage: the central claim, its status from the sources' stances, what is still unknown,
and the article's own unattributed speculation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from sourcebrief.analyze import Analysis
from sourcebrief.attribute import lexicon
from sourcebrief.attribute.tokens import trim_punctuation, without_dateline
from sourcebrief.model import (
    Citation,
    Claim,
    ClaimStatus,
    Flag,
    FlagKind,
    Note,
    Source,
    SourceKind,
    SourceStance,
    Stance,
)

MIN_CLAIM_WORDS = 8
_UNKNOWN_WORDS = frozenset("unclear unknown uncertain undisclosed unconfirmed unexplained".split())
_UNKNOWN_AFTER_REMAIN = frozenset("private secret".split())
_LACK_NOUNS = frozenset("clarity details information explanation word".split())
_UNSAID_VERBS = frozenset("say specify disclose explain reveal elaborate".split())
_HEDGE = re.compile(
    r"\b((could|might|may)\s+(well\s+)?(signal|suggest|indicate|reflect|mean|be\s+seen|be\s+interpreted|"
    r"lead|create|prompt|spark|herald|mark|be\s+seeking|not\s+yet\s+be)|risks?\s+being\s+(interpreted|seen|viewed)|"
    r"suggests?\s+(a\s+)?(potential|possible)|possibly|potentially|presumably|arguably)\b",
    re.IGNORECASE,
)
_NEGATIVE = {Stance.DENIES, Stance.DISPUTES, Stance.UNAWARE}


def central_claim_span(analysis: Analysis) -> Citation:
    """The lead: the first body sentence of some length, from its subject on (dropping
    scene-setting openers such as "In a significant development,"). Where the lead names its
    source after what was said ("The bridge will stay closed, the department said"), the claim is
    what was said."""
    sentences = analysis.sentences()
    lead = next((s for s in sentences if _word_count(s) >= MIN_CLAIM_WORDS), sentences[0])
    reported = _reported_before_cue(lead)
    if reported is None:
        return analysis.article.cite(_subject_start(lead.root, list(lead)), lead.end_char)
    words = trim_punctuation(list(reported.subtree))
    return analysis.article.cite(_subject_start(reported, words), words[-1].idx + len(words[-1]))


def _word_count(sentence: Span) -> int:
    return sum(1 for t in sentence if not t.is_punct and not t.is_space)


def _reported_before_cue(sentence: Span) -> Token | None:
    """The clause a sentence's speech verb reports, where it comes before the verb's subject."""
    root = sentence.root
    if root.lemma_.lower() not in lexicon.CUE_VERBS:
        return None
    # "..., it was reported on Tuesday": the passive's "it" is the subject too.
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    reported = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), None)
    return reported if reported is not None and subject is not None and reported.i < subject.i else None


def _subject_start(head: Token, words: list[Token]) -> int:
    """Where ``words``, the phrase ``head`` heads, start once a dateline or an opener before the
    subject is cut."""
    words = without_dateline(words)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    opener = [t for t in words if t.i < (subject.left_edge.i if subject is not None else head.i)]
    if subject is None or not opener or opener[-1].text != ",":
        return words[0].idx
    # "When Obama agreed to the exchange, his opponents had a field day": a clause of its own is
    # part of the news, not scene-setting.
    if any(
        t.dep_ == "advcl" and t.head == head and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in opener
    ):
        return words[0].idx
    return subject.left_edge.idx


def claim_status(sources: tuple[Source, ...], stances: tuple[SourceStance, ...]) -> ClaimStatus:
    """Contested when some source backs the claim and another denies, disputes or knows nothing
    of it; confirmed only by a named source on the record; reported on anonymous or outlet
    sourcing alone (or documents no one named issued); unverified with no source at all."""
    kinds = {s.id: s.kind for s in sources}
    named = {SourceKind.PERSON, SourceKind.ORGANIZATION}
    negative = [s for s in stances if s.stance in _NEGATIVE]
    support = [s for s in stances if s.stance in (Stance.CONFIRMS, Stance.REPORTS)]
    confirmed_on_record = [s for s in stances if s.stance == Stance.CONFIRMS and kinds[s.source_id] in named]
    if negative and support:
        return ClaimStatus.CONTESTED
    if negative:
        only_denials = all(s.stance == Stance.DENIES for s in negative)
        return ClaimStatus.DENIED if only_denials else ClaimStatus.CONTESTED
    if confirmed_on_record:
        return ClaimStatus.CONFIRMED
    if support:
        return ClaimStatus.REPORTED
    return ClaimStatus.UNVERIFIED


def build_claim(analysis: Analysis, sources: tuple[Source, ...], stances: tuple[SourceStance, ...]) -> Claim:
    span = central_claim_span(analysis)
    return Claim("c1", analysis.article.quote(span), claim_status(sources, stances), (span,))


def unknowns(analysis: Analysis) -> tuple[Note, ...]:
    """What the article says is not known: "the duration ... and the reasoning ... remain
    unclear" gives two unknowns; "it is unclear whether ..." gives the clause."""
    article = analysis.article
    notes: dict[str, Note] = {}
    for sentence in analysis.sentences():
        for token in sentence:
            for tokens in _unknown_phrases(token):
                citation = article.cite(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
                text = article.quote(citation)
                notes.setdefault(text.lower(), Note(text, (citation,)))
    return tuple(notes.values())


def _unknown_phrases(token: Token) -> Iterator[list[Token]]:
    if _says_unknown(token):
        # "X remains unclear" (token is the adjective) or "X is not known" (token is the verb).
        verb = token.head if token.dep_ in ("acomp", "attr", "oprd") else token
        if _stated_as_a_condition(verb) or _not_yet_confirmed_by(token, verb):
            return  # "if ... is unconfirmed" and "unconfirmed by the Senate" say nothing is unknown
        # What is unknown is the clause where there is one: "scientists are uncertain whether the
        # rock disintegrated" does not make the scientists unknown.
        clause = next((c for c in [*token.children, *verb.children] if _what_is_unknown(c)), None)
        if clause is not None:
            yield _trimmed(_with_its_question_word(list(clause.subtree)))
            return
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "it" and c.ent_type_ != "PERSON"
        ]
        for subject in subjects:
            yield from _conjuncts(subject)
    elif token.lower_ in _LACK_NOUNS and any(c.lower_ in ("without", "no") for c in [token.head, *token.children]):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "about", "of")):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and not _a_bare_question_word(c)):
                yield from _conjuncts(obj)
    elif token.lemma_ in _UNSAID_VERBS and any(c.dep_ == "neg" for c in token.children):
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.left_edge.tag_.startswith("W")), None)
        if clause is not None:
            yield _trimmed(list(clause.subtree))


def _a_bare_question_word(token: Token) -> bool:
    """ "no details on how": the question is not asked in the sentence."""
    return token.tag_ in ("WRB", "WP", "WDT") and not any(token.children)


def _with_its_question_word(tokens: list[Token]) -> list[Token]:
    """The clause with the question word that the parser hangs outside it: "what the patient is
    suffering from"."""
    before = tokens[0].doc[tokens[0].i - 1] if tokens[0].i else None
    return [before, *tokens] if before is not None and before.tag_ in ("WP", "WRB", "WDT") else tokens


def _not_yet_confirmed_by(token: Token, verb: Token) -> bool:
    """ "remain unconfirmed by the Senate": a vote not yet taken, not something unknown."""
    return token.lower_ == "unconfirmed" and any(c.dep_ == "agent" for c in [*token.children, *verb.children])


def _stated_as_a_condition(verb: Token) -> bool:
    """ "if the successor is unconfirmed", "should Pierluisi remain unconfirmed" (a condition put
    first by its auxiliary)."""
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    inverted = any(
        c.dep_ == "aux" and c.lower_ in ("should", "were", "had") and c.i < max(subjects, default=-1)
        for c in verb.children
    )
    return inverted or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _what_is_unknown(clause: Token) -> bool:
    """The clause that "it is unclear" or "it is not known" is about; the parser takes one opening
    on "when" or "where" for a clause of time or place ("It is not known when the results ...")."""
    return clause.dep_ in ("ccomp", "csubj") or (clause.dep_ == "advcl" and clause.left_edge.tag_ == "WRB")


def _says_unknown(token: Token) -> bool:
    word = token.lower_
    if word in _UNKNOWN_WORDS and token.dep_ in ("acomp", "attr", "oprd"):
        return True
    if word in _UNKNOWN_AFTER_REMAIN and token.dep_ == "acomp" and token.head.lemma_ == "remain":
        return True
    # "it is not clear whether", "X is not known" (the word first: this runs on every token)
    if word not in ("clear", "known") or token.dep_ not in ("acomp", "ROOT", "ccomp", "conj"):
        return False
    # "is not known", not someone who "might not have known" or has "never known him to lie"
    knower = word == "known" and token.dep_ != "acomp" and not any(c.dep_ == "auxpass" for c in token.children)
    return not knower and any(c.dep_ == "neg" for c in [*token.children, *token.head.children])


def _conjuncts(head: Token) -> Iterator[list[Token]]:
    """Each coordinated phrase whole: "the duration of X and the reasoning behind it"."""
    conjuncts = [head, *head.conjuncts]
    for conjunct in conjuncts:
        skip = {t.i for c in conjunct.children if c.dep_ in ("cc", "conj") for t in c.subtree}
        yield _trimmed([t for t in conjunct.subtree if t.i not in skip])


def _trimmed(tokens: list[Token]) -> list[Token]:
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def speculation_flags(analysis: Analysis, attributed: list[Citation]) -> tuple[Flag, ...]:
    """Sentences that hedge ("could signal", "risks being interpreted as") without attributing
    it to anyone: the article's own speculation, flagged so that it is not taken as fact."""
    article = analysis.article
    flags = []
    for sentence in analysis.sentences():
        if not _HEDGE.search(sentence.text):
            continue
        if any(c.start < sentence.end_char and sentence.start_char < c.end for c in attributed):
            continue
        citation = article.cite(sentence.start_char, sentence.end_char)
        flags.append(Flag(FlagKind.SPECULATION, article.quote(citation), (citation,)))
    return tuple(flags)


def attributed_spans(sources: tuple[Source, ...]) -> list[Citation]:
    return [c for s in sources for st in s.statements for c in (st.content, st.cue) if c is not None]
