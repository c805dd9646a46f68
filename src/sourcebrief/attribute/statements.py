"""Statements from the dependency parse: cue verbs with their subject and content, "according
to" phrases, refusals to comment, and quotations attached to the statement they belong to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from sourcebrief.attribute import lexicon
from sourcebrief.attribute.speakers import outlet_object
from sourcebrief.attribute.tokens import subtree_tokens, trim_punctuation

_CONTENT_AFTER_DEPS = ("ccomp", "dobj", "xcomp", "attr", "oprd", "dative", "advcl", "npadvmod")
# "expressed skepticism about X": the noun joins the cue, the prepositional phrase is the content.
_NOUN_CUES = frozenset("express voice raise cast".split())
_CONTENT_BEFORE_DEPS = ("ccomp", "parataxis", "dep")
# A speech verb's subject speaks; a passive one's does not ("Biden was declared the winner").
_SUBJECT_DEPS = ("nsubj",)
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
MIN_QUOTE_WORDS = 4  # shorter quoted phrases are scare quotes or titles, not statements
MAX_ADDRESSEE_TOKENS = 4


@dataclass(frozen=True)
class RawStatement:
    """A statement before its source is resolved: character spans into the article text."""

    subject: Token | None
    cue: tuple[int, int]
    content: tuple[int, int]
    direct: bool = False
    refusal: bool = False
    conduit: str | None = None
    according_to: bool = False


def find_statements(sentences: list[Span]) -> Iterator[RawStatement]:
    for sentence in sentences:
        yield from _according_to(sentence)
        for token in sentence:
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon.CUE_VERBS:
                statement = _verb_statement(token, sentence)
                if statement is None or statement.subject is None:
                    continue
                # "Durbin and Schiff both questioned ...": each of them said it.
                for subject in (statement.subject, *statement.subject.conjuncts):
                    yield replace(statement, subject=subject)


def _verb_statement(cue: Token, sentence: Span) -> RawStatement | None:
    subject = _subject_of(cue)
    if subject is None or subject.tag_ in ("WDT", "WP") or cue.dep_ == "acl":
        return None  # "officials who spoke to ..." is a conduit; "an order declaring ..." no speaker
    refusal = _refusal_span(cue, sentence)
    if refusal:
        return RawStatement(subject, refusal[0], refusal[1], refusal=True)
    if cue.lemma_ in _NOUN_CUES:
        return _noun_cue_statement(cue, subject)
    addressee = _addressee(cue)
    cue_span = (cue.idx, _end(addressee)) if addressee is not None else (cue.idx, _end(cue))
    content = _content_of(cue, sentence, skip=addressee) or _quote_after(cue_span[1], sentence)
    if content is None:
        return None
    return RawStatement(subject, cue_span, content, conduit=outlet_object(cue))


def _addressee(cue: Token) -> Token | None:
    """The last token of a short addressee that belongs with the cue ("told reporters", "spoke
    to the press")."""
    if cue.lemma_ == "tell":
        found = next((c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i > cue.i), None)
    elif cue.lemma_ in ("speak", "talk"):
        found = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("to", "with")), None)
    else:
        found = None
    if found is None:
        return None
    end = max((t for t in found.subtree if not t.is_punct and t.text not in '"“”'), key=lambda t: t.i)
    return end if end.i - cue.i <= MAX_ADDRESSEE_TOKENS else None


def _end(token: Token) -> int:
    return token.idx + len(token)


def _quote_after(char: int, sentence: Span) -> tuple[int, int] | None:
    """A quotation opening right after the cue ('told reporters: "..."') is the content."""
    text = sentence.doc.text
    gap = text[char : char + 3]
    opening = next((i for i, ch in enumerate(gap) if ch in '"“'), None)
    if opening is None or gap[:opening].strip(" ,:") != "":
        return None
    start = char + opening
    match = _QUOTE.match(text, start)
    return (match.start() + 1, match.end() - 1) if match else None


def _noun_cue_statement(cue: Token, subject: Token) -> RawStatement | None:
    noun = next((c for c in cue.children if c.dep_ == "dobj"), None)
    about = next((c for c in noun.children if c.dep_ == "prep"), None) if noun is not None else None
    if noun is None or about is None:
        return None
    content = _clean_span(trim_punctuation(list(about.subtree), keep_quotes=True))
    if content is None:
        return None
    return RawStatement(subject, (cue.idx, noun.idx + len(noun)), content, conduit=outlet_object(cue))


def _subject_of(cue: Token) -> Token | None:
    """The speaker: the verb's subject, the agent of a passive ("was denied by the ministry"), or
    the subject of the verb it hangs from ("said X and added Y"; "X left, saying Y")."""
    verb: Token | None = cue
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None and any(c.dep_ == "nsubjpass" for c in verb.children):
            return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if subject is not None:
            return subject
        hangs = verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        verb = verb.head if hangs and verb.head is not verb else None
    return None


def _content_of(cue: Token, sentence: Span, *, skip: Token | None = None) -> tuple[int, int] | None:
    """What the source said: the clause after the cue, or the clause the cue follows
    ('"...," he said'). ``skip`` ends an addressee that is part of the cue, not content."""
    before = [c for c in cue.children if c.dep_ in _CONTENT_BEFORE_DEPS and c.i < cue.i]
    if before:
        return _clean_span(subtree_tokens(before[0]))
    if cue.dep_ == "parataxis" and cue.head.i < cue.i:
        subject = _subject_of(cue)
        speaker_tokens = {t.i for t in subject.subtree} if subject is not None else set()
        tokens = [t for t in sentence if t.i < cue.i and t.i not in speaker_tokens]
        return _clean_span(trim_punctuation(tokens, keep_quotes=True))
    after = [c for c in cue.children if c.i > cue.i and c.dep_ in _CONTENT_AFTER_DEPS]
    if cue.lemma_ in lexicon.PREP_CONTENT_CUES:  # "warned of flooding", "called for calm"
        after += [c for c in cue.children if c.i > cue.i and c.dep_ == "prep"]
    if skip is not None:
        after = [c for c in after if c.left_edge.i > skip.i]
    if not after or not _is_said(cue, after):
        return None
    after.sort(key=lambda c: c.i)
    tokens = [t for t in sentence if after[0].left_edge.i <= t.i <= max(c.right_edge.i for c in after)]
    if tokens and tokens[0].lower_ == "that" and tokens[0].dep_ == "mark":
        tokens = tokens[1:]
    return _clean_span(trim_punctuation(tokens, keep_quotes=True))


def _is_said(cue: Token, content: list[Token]) -> bool:
    """Whether the verb reports speech here, not an act: "declared that ..." but not "declared a
    state of emergency"; "denied knowledge of ..." but not "denied funding"."""
    if any(c.dep_ == "ccomp" for c in content):
        return True
    if cue.lemma_ in lexicon.CLAUSE_ONLY_CUES:
        return False
    if cue.lemma_ in lexicon.DENIAL_CUES:
        return any(c.dep_ != "dobj" or c.lemma_.lower() in lexicon.DENIABLE_NOUNS for c in content)
    return True


def _clean_span(tokens: list[Token]) -> tuple[int, int] | None:
    while tokens and tokens[-1].dep_ == "cc":  # "... corruption but" where the clause was cut
        tokens = trim_punctuation(tokens[:-1], keep_quotes=True)
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
        content = _clean_span(trim_punctuation(rest, keep_quotes=True))
        if content:
            cue = (token.idx, to.idx + len(to))
            yield RawStatement(source, cue, content, according_to=True)


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages of at least ``MIN_QUOTE_WORDS`` words, quote marks included."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text) if len(m.group().split()) >= MIN_QUOTE_WORDS]
