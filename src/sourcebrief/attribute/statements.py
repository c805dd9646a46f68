"""Statements from the dependency parse: cue verbs with their subject and content, "according
to" phrases, refusals to comment, and quotations attached to the statement they belong to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from sourcebrief.attribute import lexicon
from sourcebrief.attribute.speakers import outlet_object, subtree_tokens

_CONTENT_AFTER_DEPS = ("ccomp", "dobj", "xcomp", "attr", "oprd", "dative", "advcl", "npadvmod")
# "expressed skepticism about X": the noun joins the cue, the prepositional phrase is the content.
_NOUN_CUES = frozenset("express voice raise cast".split())
_CONTENT_BEFORE_DEPS = ("ccomp", "parataxis", "dep")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_REFUSAL = re.compile(
    r"\b(declined|refused|declines|refuses|decline|refuse)\s+to\s+(comment|discuss|elaborate|confirm|say)"
    r"|\b(would|could|did)\s+not\s+(comment|elaborate|discuss)"
    r"|\bno\s+comment\b"
    r"|\b(did\s+not|didn't|has\s+not|hasn't|have\s+not)\s+(immediately\s+)?(respond|return|reply)\w*\s+to\s+"
    r"(a\s+|an\s+|multiple\s+|several\s+)?(request|message|call|e-?mail|inquir)"
    r"|\bcould\s+not\s+be\s+reached",
    re.IGNORECASE,
)
# Quotations: curly pairs, or straight double quotes paired within a paragraph.
_QUOTE = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"")
MIN_QUOTE_WORDS = 4
MAX_ADDRESSEE_TOKENS = 4  # shorter quoted phrases are scare quotes or titles, not statements


@dataclass(frozen=True)
class RawStatement:
    """A statement before its source is resolved: character spans into the article text."""

    subject: Token | None
    cue: tuple[int, int]
    content: tuple[int, int]
    direct: bool = False
    refusal: bool = False
    conduit: str | None = None


def find_statements(sentences: list[Span]) -> Iterator[RawStatement]:
    for sentence in sentences:
        yield from _according_to(sentence)
        for token in sentence:
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon.CUE_VERBS:
                statement = _verb_statement(token, sentence)
                if statement:
                    yield statement


def _verb_statement(cue: Token, sentence: Span) -> RawStatement | None:
    subject = _subject_of(cue)
    if subject is None or subject.tag_ in ("WDT", "WP") or cue.dep_ == "acl":
        return None  # "officials who spoke to ..." is a conduit; "an order declaring ..." no speaker
    refusal = _refusal_span(cue, sentence)
    if refusal:
        return RawStatement(subject, refusal[0], refusal[1], refusal=True)
    if cue.lemma_ in _NOUN_CUES:
        return _noun_cue_statement(cue, subject)
    content = _content_of(cue, sentence)
    if content is None:
        return None
    return RawStatement(subject, _cue_span(cue), content, conduit=outlet_object(cue))


def _cue_span(cue: Token) -> tuple[int, int]:
    """The cue verb, with a short addressee when it has one ("told reporters")."""
    addressee = next((c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i > cue.i), None)
    if cue.lemma_ == "tell" and addressee is not None and addressee.right_edge.i - cue.i <= MAX_ADDRESSEE_TOKENS:
        return cue.idx, addressee.right_edge.idx + len(addressee.right_edge)
    return cue.idx, cue.idx + len(cue)


def _noun_cue_statement(cue: Token, subject: Token) -> RawStatement | None:
    noun = next((c for c in cue.children if c.dep_ == "dobj"), None)
    about = next((c for c in noun.children if c.dep_ == "prep"), None) if noun is not None else None
    if noun is None or about is None:
        return None
    content = _clean_span(trim_punctuation(list(about.subtree)))
    if content is None:
        return None
    return RawStatement(subject, (cue.idx, noun.idx + len(noun)), content, conduit=outlet_object(cue))


def _subject_of(cue: Token) -> Token | None:
    verb = cue
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        verb = verb.head if verb.dep_ in ("conj", "xcomp") and verb.head is not verb else None
    return None


def _content_of(cue: Token, sentence: Span) -> tuple[int, int] | None:
    """What the source said: the clause after the cue, or the clause the cue follows
    ('"...," he said')."""
    before = [c for c in cue.children if c.dep_ in _CONTENT_BEFORE_DEPS and c.i < cue.i]
    if before:
        return _clean_span(subtree_tokens(before[0]))
    if cue.dep_ == "parataxis" and cue.head.i < cue.i:
        subject = _subject_of(cue)
        speaker_tokens = {t.i for t in subject.subtree} if subject is not None else set()
        tokens = [t for t in sentence if t.i < cue.i and t.i not in speaker_tokens]
        return _clean_span(trim_punctuation(tokens))
    after = [c for c in cue.children if c.i > cue.i and c.dep_ in _CONTENT_AFTER_DEPS]
    if not after or (cue.lemma_ in lexicon.CLAUSE_ONLY_CUES and not any(c.dep_ == "ccomp" for c in after)):
        return None
    tokens = [t for t in sentence if after[0].left_edge.i <= t.i <= max(c.right_edge.i for c in after)]
    if tokens and tokens[0].lower_ == "that" and tokens[0].dep_ == "mark":
        tokens = tokens[1:]
    return _clean_span(trim_punctuation(tokens))


def trim_punctuation(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in '"”':
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_space) and tokens[0].text not in '"“':
        tokens = tokens[1:]
    return tokens


def _clean_span(tokens: list[Token]) -> tuple[int, int] | None:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if len(words) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _refusal_span(cue: Token, sentence: Span) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue, content) spans of a refusal to comment: the refusal phrase, and it with its reason."""
    text = sentence.doc.text
    window_start = cue.idx - 20 if cue.lemma_ in ("respond", "comment", "reach") else cue.idx
    match = _REFUSAL.search(text, max(window_start, sentence.start_char), sentence.end_char)
    if not match or match.start() > cue.idx + len(cue):
        return None
    end = sentence.end_char
    while end > match.end() and (text[end - 1] in ".!? \n"):
        end -= 1
    return (match.start(), match.end()), (match.start(), end)


def _according_to(sentence: Span) -> Iterator[RawStatement]:
    for token in sentence:
        if token.lower_ != "according" or token.i + 1 >= sentence.end:
            continue
        to = sentence.doc[token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if to.lower_ != "to" or source is None:
            continue
        phrase_start, phrase_end = token.left_edge.i, token.right_edge.i
        rest = [t for t in sentence if t.i < phrase_start or t.i > phrase_end]
        content = _clean_span(trim_punctuation(rest))
        if content:
            cue = (token.idx, to.idx + len(to))
            yield RawStatement(source, cue, content)


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages of at least ``MIN_QUOTE_WORDS`` words, quote marks included."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text) if len(m.group().split()) >= MIN_QUOTE_WORDS]
