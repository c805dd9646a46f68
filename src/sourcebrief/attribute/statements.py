"""Statements from the dependency parse: cue verbs with their subject and content, "according
to" phrases, refusals to comment, and quotations attached to the statement they belong to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from sourcebrief.attribute import lexicon
from sourcebrief.attribute.speakers import holder_of_a_role, is_outlet_name, joined_subjects, outlet_object, proper_name
from sourcebrief.attribute.tokens import doc_text, subtree_tokens, trim_punctuation, without_dateline
from sourcebrief.model import Article, Statement

# What a cue's content can be, best first: "warned voters that ...": the clause, not the addressee;
# a prepositional phrase only for cues that take one ("complained about ...").
_CONTENT_AFTER_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "advcl", "prep")
# "expressed skepticism about X": the noun joins the cue, the prepositional phrase is the content.
_NOUN_CUES = frozenset("express voice raise cast".split())
_CONTENT_BEFORE_DEPS = ("ccomp", "parataxis", "dep")
# Heads that make their own statement when a cue completes them ("wanted to say"); "continue",
# no speech without a quotation beside it, joins the cue it heads ("continue to insist").
_CUES_ON_THEIR_OWN = lexicon.CUE_VERBS - lexicon.QUOTE_ONLY_CUES
_TIME_MARKS = frozenset("while as after before when whenever since until once".split())
# A speech verb's subject speaks; a passive one's does not ("Biden was declared the winner").
_SUBJECT_DEPS = ("nsubj",)
REFUSAL = re.compile(
    r"\b(declined|refused|declines|refuses|decline|refuse)\s+to\s+(comment|discuss|elaborate|confirm|say)"
    r"|\b(would|could|did)\s+not\s+(comment|elaborate|discuss)"
    r"|\bno\s+comment\b"
    r"|\b(did\s+not|didn't|has\s+not|hasn't|have\s+not)\s+(immediately\s+)?(respond|return|reply)\w*\s+to\s+"
    r"(a\s+|an\s+|multiple\s+|several\s+)?(request|message|call|e-?mail|inquir)"
    r"|\bcould\s+not\s+be\s+reached",
    re.IGNORECASE,
)
_CONDITIONS = frozenset({"if", "unless"})
_ASIDE_MARKS = frozenset({",", "—", "–", "-", "--"})
# Writings that speak for whoever wrote them ("Trump's statement read: ...").
_WRITINGS = lexicon.DOCUMENT_NOUNS | lexicon.UTTERANCE_NOUNS
# Nouns for those who can speak, unnamed: a role, a source, a body ("the official", "the agency").
_SPEAKING_NOUNS = lexicon.ROLE_NOUNS | lexicon.SOURCE_NOUNS | lexicon.ORGANIZATION_NOUNS
# Quote marks: curly, straight, or doubled apostrophes (''...'', as some newspapers write them).
_QUOTE_MARK = re.compile(r"''|[“”\"″]")  # a double prime (″) closes a quotation in some feeds
# What a writer calls a statement after it: ", a claim that ...", ", an assertion the agency denied".
_SAID_LABELS = frozenset("claim assertion allegation accusation charge statement remark comment".split())
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "″"})
_CLOSING_ONLY = frozenset({"”", "″"})
_LINE = re.compile(r"^[^\S\n]*(\S.*)$", re.MULTILINE)  # a line with text, from its first character
MIN_QUOTE_WORDS = 4  # shorter quoted phrases are scare quotes or titles, not statements
MAX_ADDRESSEE_WORDS = 4
MAX_COLON_SPEAKER_TOKENS = 4
MAX_QUOTE_CHARS = 2000


@dataclass(frozen=True)
class RawStatement:
    """A statement before its source is resolved: character spans into the article text."""

    subject: Token | None
    cue: tuple[int, int]
    content: tuple[int, int]
    direct: bool = False
    refusal: bool = False
    conduit: str | None = None
    addressee: tuple[int, int] | None = None
    # The subject is known to be a source (the object of "according to", or tagged by the model):
    # any noun phrase there names one.
    subject_is_source: bool = False
    # Where the tagger marked the source, its span is the mention cited: the tagger learned
    # where an attribution's source begins and ends, the parse's noun phrase often runs on.
    mention: tuple[int, int] | None = None


def find_statements(sentences: list[Span]) -> Iterator[RawStatement]:
    if not sentences:
        return
    yield from _dash_credits(sentences[0].doc)
    # In reading order, as pronouns are resolved: each speaker line with the sentence its colon is in.
    colons = list(_speaker_colons(sentences[0].doc))
    for sentence in sentences:
        yield from _according_to(sentence)
        yield from (c for c in colons if sentence.start_char <= c.cue[0] < sentence.end_char)
        for token in sentence:
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon.CUE_VERBS:
                statement = _verb_statement(token, sentence)
                if statement is None or statement.subject is None:
                    continue
                for subject in joined_subjects(statement.subject):
                    yield replace(statement, subject=subject)


def _verb_statement(cue: Token, sentence: Span) -> RawStatement | None:
    if said_to_be(cue) or _finding_out(cue):
        return None
    issuing = _issuing_verb(cue)
    if issuing is not None:
        return _issued_writing_statement(cue, issuing, sentence)
    if cue.dep_ == "acl":
        return None  # "an order declaring ..." has no speaker
    inverted = _inverted_after_comma(cue)
    if inverted is not None:
        return inverted
    subject = _subject_of(cue)
    if subject is None or _quoted_subject(subject, cue):
        return _inverted_statement(cue, sentence)
    if cue.lemma_ in lexicon.WRITTEN_CUES and not _a_writing(subject):
        return None
    refusal = _refusal_span(cue, sentence)
    if refusal:
        return RawStatement(subject, refusal[0], refusal[1], refusal=True)
    if cue.lemma_ in _NOUN_CUES:
        return _noun_cue_statement(cue, subject)
    if cue.lemma_ in lexicon.PREP_CONTENT_CUES:
        if _on_terms(cue):
            return None
        found = _prep_content(cue)
        if found is not None:
            return RawStatement(subject, (_cue_start(cue), found[0]), found[1], conduit=outlet_object(cue))
    addressee = _addressee(cue)
    verb_end = _particle(cue) or cue
    clause = _content_of(cue, sentence, skip=addressee)
    quote_from = _end(addressee if addressee is not None else verb_end)
    if cue.lemma_ in lexicon.QUOTE_ONLY_CUES:
        # '"...," he continued' is speech; "he continued to fight" is not.
        quoted = _quote_beside(cue, subject, quote_from, sentence)
        beside = quoted is not None and (clause is None or (clause[0] < quoted[1] and quoted[0] < clause[1]))
        content = quoted if beside else None
    else:
        content = clause or _quote_beside(cue, subject, quote_from, sentence)
    if content is None:
        return None
    strong = cue.lemma_ in lexicon.STRONG_CUES
    return RawStatement(
        subject,
        (_cue_start(cue), _end(verb_end)),
        content,
        conduit=outlet_object(cue),
        subject_is_source=strong,
        addressee=_span_after_verb(cue, addressee),
    )


def _quote_beside(cue: Token, subject: Token, after: int, sentence: Span) -> tuple[int, int] | None:
    """A quotation opening right after the cue (or its addressee) or closing right before the speaker."""
    return _quote_after(after, sentence) or _quote_before(min(cue.idx, _speaker_words_start(subject).idx), sentence)


def _speaker_words_start(subject: Token) -> Token:
    """Where the words naming the speaker start, with the nouns run on before the subject that the
    parse hung elsewhere: '"...," Y Media Labs CTO Sumit Mehra says' (it made "CTO" an adverb).
    Not the quotation itself, where the parse hangs it on the name."""
    first = subject.left_edge
    if any(t.is_quote for t in subject.doc[first.i : subject.i]):
        first = subject
    while first.i > 0 and first.nbor(-1).pos_ in ("PROPN", "NOUN"):
        first = first.nbor(-1)
    return first


def _finding_out(cue: Token) -> bool:
    """ "tried to find out where the shots came from", "found the boy alive": looking for someone
    or something, or coming upon them, not saying anything (a study "found that ..." does)."""
    if cue.lemma_ != "find":
        return False
    looked = any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.children)
    return looked or any(c.dep_ == "ccomp" and c.lower_ in _STATES_FOUND_IN for c in cue.children)


# How someone is found: "found the suspect dead", "found the boy alive".
_STATES_FOUND_IN = frozenset("dead alive unconscious injured unharmed safe naked asleep missing".split())


# Verbs that say what something is thought to be: "said to be", "believed to have".
_SAID_OF_SOMETHING = frozenset("say think believe report allege rumor rumour know consider understand confirm".split())


def said_to_be(verb: Token) -> bool:
    """ "Jong Un -- said to be a common Korean name --", "an Egyptian refugee thought to be one of
    ...": a verb right before an infinitive reports what is said by no one named. Without a
    subject or agent of its own (the parser may read the participle as a past tense); "thought
    to be" and "believed to have" never have one, whatever the parser hangs on them."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    if lemma not in _SAID_OF_SOMETHING or verb.i + 2 >= len(doc) or doc[verb.i + 1].lower_ != "to":
        return False
    if not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    if lemma != "say" and doc[verb.i + 2].lower_ in ("be", "have"):
        return True
    return not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "auxpass") for c in verb.children)


def _issuing_verb(cue: Token) -> Token | None:
    """The verb that put out the writing whose words the cue gives: "issued a statement saying
    ..." (the participle describes the object), or the parse's "posted [a tweet saying]" (the
    writing as the participle's subject; not "tweeted that reports suggest ...", a clause with a
    verb of its own)."""
    writing: Token | None = None
    if cue.dep_ == "acl" and cue.head.dep_ == "dobj":
        writing = cue.head
    elif cue.dep_ in ("dobj", "xcomp", "ccomp") and cue.tag_ == "VBG":
        writing = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    issuing = writing.head if writing == cue.head else cue.head
    # Not "received a letter saying ...": its writer is someone else.
    put_out = writing is not None and writing.lemma_.lower() in _WRITINGS
    return issuing if put_out and issuing.lemma_.lower() in lexicon.ISSUING_VERBS else None


def _issued_writing_statement(cue: Token, issuing: Token, sentence: Span) -> RawStatement | None:
    """'Trump issued a statement saying ...': a writing's words are its issuer's, the subject of
    the verb that puts it out. The cue runs from that verb, as PolNeAR marks it."""
    issuer = _subject_of(issuing)
    verb_end = _particle(cue) or cue
    content = _content_of(cue, sentence) or _quote_after(_end(verb_end), sentence)
    if issuer is None or content is None:
        return None
    return RawStatement(issuer, (_cue_start(issuing), _end(verb_end)), content)


def _cue_start(cue: Token) -> int:
    """Where the cue begins: with its auxiliaries and adverbs ("has also said", "is demanding"),
    and with the verb it completes ("went on to say", "refused to say"), as PolNeAR marks cues."""
    start = cue
    for child in sorted((c for c in cue.children if c.i < cue.i), key=lambda c: -c.i):
        if child.right_edge.i != start.i - 1 or child.dep_ not in ("aux", "auxpass", "neg", "advmod"):
            break
        start = child.left_edge  # an adverb with its own: "has *thus far* refused"
    head = cue.head
    if _shares_negation(cue):
        return _cue_start(head)
    # A head that is a cue itself ("wanted to say") makes its own statement.
    completes = cue.dep_ == "xcomp" and head.pos_ == "VERB" and head.lemma_.lower() not in _CUES_ON_THEIR_OWN
    completes = completes and head.i < start.i and start.lower_ == "to"
    if completes and all(t.dep_ == "prt" for t in cue.doc[head.i + 1 : start.i]):
        return _cue_start(head)
    return start.idx


def _shares_negation(cue: Token) -> bool:
    """Whether the cue is the second verb of a negated "or" ("did not concede or admit defeat"):
    the negation is its too, and so the cue begins where the first verb's does."""
    head = cue.head
    return (
        cue.dep_ == "conj"
        and cue.i == head.i + 2
        and cue.doc[head.i + 1].lower_ in ("or", "nor")
        and any(c.dep_ == "neg" for c in head.children)
        and not any(c.dep_ in ("nsubj", "aux", "neg") for c in cue.children)
    )


def _particle(cue: Token) -> Token | None:
    return next((c for c in cue.children if c.dep_ == "prt" and c.i == cue.i + 1), None)


def _prep_content(cue: Token) -> tuple[int, tuple[int, int]] | None:
    """ "called for calm", "warned of flooding": the preposition joins the cue, its object is the
    content. Returns (end of cue, content span)."""
    if any(c.dep_ in ("ccomp", "dobj") for c in cue.children):
        return None
    prep = next(
        (c for c in cue.children if c.dep_ == "prep" and c.i in (cue.i + 1, cue.i + 2) and _says_what(c)),
        None,
    )
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if prep is None or obj is None:
        return None
    content = _clean_span(trim_punctuation(list(obj.subtree), keep_quotes=True))
    return (_end(prep), content) if content else None


def _says_what(prep: Token) -> bool:
    """ "spoke about the budget", not "spoke at the opening", "spoke on Monday" or "spoke on Fox
    News" (where or when)."""
    return prep.lower_ in lexicon.CONTENT_PREPOSITIONS and not any(
        c.dep_ == "pobj" and (c.ent_type_ in ("DATE", "TIME") or _an_outlet(c)) for c in prep.children
    )


def _an_outlet(noun: Token) -> bool:
    return noun.pos_ == "PROPN" and is_outlet_name(proper_name(noun))


def _on_terms(cue: Token) -> bool:
    """ "spoke on condition of anonymity", "speaking on behalf of the family": how they spoke;
    what they said, if the sentence says it, hangs from another cue."""
    return any(
        c.dep_ == "prep" and any(o.dep_ == "pobj" and o.lower_ in lexicon.TERMS_OF_SPEAKING for o in c.children)
        for c in cue.children
    )


def addressee_span(cue: Token) -> tuple[int, int] | None:
    """Whom the cue's verb addresses, from the word after the verb (and its particle) on: "told
    *reporters*", "spoke *to the press*". PolNeAR's cues leave the addressee out; a briefing needs
    it ("Officials told state media ...")."""
    return _span_after_verb(cue, _addressee(cue))


def _span_after_verb(cue: Token, last: Token | None) -> tuple[int, int] | None:
    after = (_particle(cue) or cue).i + 1
    return (cue.doc[after].idx, _end(last)) if last is not None and after <= last.i else None


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
    told = _clause_told(cue)
    clause = {t.i for t in told.subtree} if told is not None else set()
    end = max(
        (t for t in found.subtree if not t.is_punct and t.text not in '"“”' and t.i not in clause), key=lambda t: t.i
    )
    if _words_after(cue, end) <= MAX_ADDRESSEE_WORDS:
        return end
    # "told supporters in Syracuse, N.Y., while ...": whom, without where; but "told the story of
    # ..." is what was told.
    whom = cue.lemma_ == "tell" and found.lemma_.lower() not in lexicon.TOLD_THINGS
    return found if whom and _words_after(cue, found) <= MAX_ADDRESSEE_WORDS else None


def _words_after(first: Token, last: Token) -> int:
    """Tokens after ``first`` up to ``last``, a hyphenated word counted once: "the Burlington
    Times-News" is three."""
    return sum(1 for t in first.doc[first.i + 1 : last.i + 1] if not _hyphened_on(t))


def _hyphened_on(token: Token) -> bool:
    before = token.doc[token.i - 1]
    return not before.whitespace_ and "-" in (token.text, before.text)


def _end(token: Token) -> int:
    return token.idx + len(token)


def _quote_before(char: int, sentence: Span) -> tuple[int, int] | None:
    """A quotation closing right before the speaker ('"... unbearable?" Clinton said'), which the
    parser often leaves in a sentence of its own."""
    text = doc_text(sentence.doc)
    low = max(0, char - MAX_QUOTE_CHARS)
    for quote in quotations(text[low:char]):
        if not text[low + quote.end : char].strip(" ,"):
            return low + quote.inner_start, low + quote.inner_end
    return None


def _quote_after(char: int, sentence: Span) -> tuple[int, int] | None:
    """A quotation opening right after the cue ('told reporters: "..."') is the content."""
    text = doc_text(sentence.doc)
    gap = text[char : char + 3]
    opening = next((i for i, ch in enumerate(gap) if ch in '"“'), None)
    if opening is None or gap[:opening].strip(" ,:") != "":
        return None
    start = char + opening
    quote = next((q for q in quotations(text[start : start + MAX_QUOTE_CHARS]) if q.start == 0), None)
    return (start + quote.inner_start, start + quote.inner_end) if quote else None


def _noun_cue_statement(cue: Token, subject: Token) -> RawStatement | None:
    noun = next((c for c in cue.children if c.dep_ == "dobj"), None)
    about = next((c for c in noun.children if c.dep_ == "prep"), None) if noun is not None else None
    if noun is None or about is None:
        return None
    content = _clean_span(trim_punctuation(list(about.subtree), keep_quotes=True))
    if content is None:
        return None
    return RawStatement(subject, (cue.idx, noun.idx + len(noun)), content, conduit=outlet_object(cue))


def opens_on_a_doing(first: Token) -> bool:
    """Whether a phrase opening on ``first`` is a preposition with a participle ("In finding
    Pierluisi was improperly sworn in, the court also found ..."): what was done when it was said,
    not what was said, whatever clause the parser hangs it on."""
    following = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    return first.dep_ == "prep" and following is not None and following.tag_ == "VBG" and following.head == first


def cue_subject(cue: Span) -> Token | None:
    """The speaker of a cue found by other means (the tagger): the object of "according to",
    else the subject of the cue's verb."""
    according = next((t for t in cue if t.lower_ == "according"), None)
    return _according_to_object(according) if according is not None else _subject_of(cue.root)


def _a_dateline(subject: Token) -> bool:
    """ "MAIDUGURI, Nigeria — The leader ... denied": the parser takes the dateline for a subject,
    all of it before the dash (not "Kall -- co-editor of ... -- said")."""
    phrase = list(subject.subtree)
    after = [subject.doc[subject.right_edge.i + 1]] if subject.right_edge.i + 1 < len(subject.doc) else []
    kept = {t.i for t in without_dateline(phrase + after)}
    return not any(t.i in kept for t in phrase)


def _past_a_dateline(subject: Token) -> Token:
    """ "QUITO, Ecuador — Ecuador's government said": the parser hangs the subject after the dash
    on the dateline, in apposition."""
    if not (subject.ent_type_ in ("GPE", "LOC") or subject.is_upper):
        return subject  # "Kall -- co-editor of a book on the debates -- said" is Kall
    kept = {t.i for t in without_dateline(list(subject.subtree))}
    if subject.i in kept:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i in kept), subject)


def _relative_pronoun(token: Token) -> bool:
    return token.tag_ in ("WP", "WDT")


def _subject_of(cue: Token) -> Token | None:
    """The speaker: the verb's subject, the agent of a passive ("was denied by the ministry"), or
    the subject of the verb it hangs from ("said X and added Y"; "X left, saying Y")."""
    verb: Token | None = cue
    while verb is not None:
        subjects = [_past_a_dateline(c) for c in verb.children if c.dep_ in _SUBJECT_DEPS and not _a_dateline(c)]
        # Of two subjects, not a relative pronoun: the parse may give "said" both "which" and "she"
        # ("the State Department, which she said represented ..."), or read "WHO" as one ("WHO
        # director-general Tedros ... said").
        subject = next((c for c in subjects if not _relative_pronoun(c)), subjects[0] if subjects else None)
        # "spokesman for the Council, Alistair Baskey told": of a role and a name parsed as two
        # subjects, the name says who.
        subject = next((c for c in subjects if holder_of_a_role(c)), subject)
        # "said study co-author Anezina Solomonidou": of a noun and a name parsed as two subjects
        # (the hyphen split the role), the name says who; not a name after a preposition ("A
        # French prisoner who was held by 'John' says") nor one told ("the man's attorney, Lopa
        # Blumenthal, told CNN's Don Lemon").
        if subject is not None and len(subjects) > 1 and subject.ent_type_ != "PERSON":
            subject = next((c for c in subjects if _the_name_of(subject, c, verb)), subject)
        # A passive's subject, also one it shares with the verb before ("fell ... and was thought
        # to be in a coma"), is what was said of, not who said it: the speaker is its agent.
        if subject is None and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if subject is not None:
            return subject
        moved = _moved_to_it(verb)
        if moved is not None:
            return moved
        hangs = verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        verb = verb.head if hangs and verb.head is not verb else None
        if verb is not None and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon.CUE_VERBS:
            verb = _reporter_of(verb)
    return None


def _moved_to_it(verb: Token) -> Token | None:
    """ "The video prompted some users to argue ...": the object of a verb that moves someone to
    speak is who spoke, not its subject."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in lexicon.MOVING_VERBS:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _the_name_of(subject: Token, name: Token, verb: Token) -> bool:
    """Whether the name, a second subject of the verb, names who the subject is: it runs on from
    the subject ("study co-author Anezina Solomonidou") or stands between it and the verb, and
    follows no preposition."""
    runs_on = name.left_edge.i == subject.right_edge.i + 1
    between = subject.i < name.i < verb.i
    return name.ent_type_ == "PERSON" and (runs_on or between) and not _after_a_preposition(name)


def _after_a_preposition(name: Token) -> bool:
    before = name.left_edge.i - 1
    while before >= 0 and name.doc[before].is_punct:
        before -= 1
    return before >= 0 and name.doc[before].pos_ == "ADP"


def _inverted_statement(cue: Token, sentence: Span) -> RawStatement | None:
    """'"...," read the statement': the speaker put after a cue that follows a quotation, which
    the parser may take for the verb's object; the quotation is what was said."""
    if not cue.i or not _closes_quotation(cue.doc[cue.i - 1]):
        return None
    speaker = next((c for c in cue.children if c.dep_ in ("dobj", "nsubj") and c.i > cue.i), None)
    if speaker is None or (cue.lemma_ in lexicon.WRITTEN_CUES and not _a_writing(speaker)):
        return None
    content = _quote_before(cue.idx, sentence)
    return RawStatement(speaker, (_cue_start(cue), _end(cue)), content) if content else None


def _quoted_subject(subject: Token, cue: Token) -> bool:
    """'"... True heroes…" added Minister Peter MacKay', '"... We saw something," Nor said' (where
    "Nor" is parsed as a conjunction): the parser's subject lies inside a quotation that closes
    before the cue; the speaker is not in it."""
    closing = [t for t in cue.doc[subject.i + 1 : cue.i] if _closes_quotation(t)]
    return bool(closing) and not any(t.text in _QUOTE_MARKS for t in cue.doc[subject.i + 1 : closing[-1].i])


def _closes_quotation(mark: Token) -> bool:
    """A closing mark: a space after it, where an opening one runs into its first word."""
    return mark.text in _QUOTE_MARKS - {"“"} and bool(mark.whitespace_)


def _inverted_after_comma(cue: Token) -> RawStatement | None:
    """ "It is not for the Court to opine, argued the government's lawyer, Richard Keen": the
    speaker put after a cue that follows a clause and its comma, which the parser may take for the
    verb's object, the verb joined to the clause as its conjunct (whose subject it would take);
    the clause is what was said."""
    before = cue.doc[cue.i - 1] if cue.i else None
    if cue.dep_ != "conj" or before is None or before.text != "," or before.i <= cue.head.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in (*cue.children, *cue.head.children) if c.i > cue.head.i):
        return None
    speaker = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if speaker is None or not (speaker.pos_ == "PROPN" or speaker.lemma_.lower() in _SPEAKING_NOUNS):
        return None
    said = _clean_span(trim_punctuation([t for t in cue.head.subtree if t.i < before.i], keep_quotes=True))
    return RawStatement(speaker, (_cue_start(cue), _end(cue)), said) if said else None


def _a_writing(subject: Token) -> bool:
    return subject.lemma_.lower() in _WRITINGS


def _reporter_of(reported: Token) -> Token:
    """Whose cue hangs from a reported clause (a participle, or a verb the parser joined to the
    clause): the reporter's, where the clause's own subject is a thing that cannot speak ("He
    stated the trial would not be impartial, saying he anticipated ..."; "He said the base went into
    collect mode and said ..."); else the clause's subject's ("said the firm withdrew, citing costs")."""
    subject = next((c for c in reported.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ in ("PROPN", "PRON") or subject.ent_type_:
        return reported
    return reported if subject.lemma_.lower() in _SPEAKING_NOUNS else reported.head


def _content_of(cue: Token, sentence: Span, *, skip: Token | None = None) -> tuple[int, int] | None:
    """What the source said: the clause after the cue, or the clause the cue follows
    ('"...," he said'). ``skip`` ends an addressee that is part of the cue, not content."""
    # A clause before a semicolon is a sentence of its own, whatever the parse hangs it on ('they
    # "would not consider it"; Interpol didn't disclose whether ...').
    before = [
        c
        for c in cue.children
        if c.dep_ in _CONTENT_BEFORE_DEPS
        and c.i < cue.i
        and ";" not in (t.text for t in cue.doc[c.right_edge.i : cue.i])
        and not opens_on_a_doing(c.left_edge)
    ]
    # What comes before the cue, unless it is only a label ("Correction: Reporting by X reveals").
    said_before = _clean_span(without_dateline(subtree_tokens(before[0]))) if before else None
    if said_before is not None:
        return said_before
    if cue.dep_ == "parataxis":  # '"...," he said' or 'But, he said, officials should ...'
        aside = {t.i for t in cue.subtree}
        tokens = [t for t in cue.head.subtree if t.i not in aside]
        return _clean_span(trim_punctuation(tokens, keep_quotes=True))
    after = [
        c
        for c in cue.children
        if c.i > cue.i
        and c.dep_ in _CONTENT_AFTER_DEPS
        and (c.dep_ != "prep" or (cue.lemma_ in lexicon.PREP_CONTENT_CUES and _says_what(c)))
        and not _a_circumstance(c)
        and not _a_writers_aside(c, cue)
    ]
    if skip is not None:
        after = [c for c in after if c.left_edge.i > skip.i]
    told = _clause_told(cue)
    if told is not None and not any(c.dep_ == "ccomp" for c in after):
        after = [told]
    if not after or not _is_said(cue, after):
        return None
    after.sort(key=lambda c: c.i)
    what_as = _described_as(cue, after)
    if cue.lemma_ == "call" and any(c.dep_ == "oprd" for c in after):  # "called X 'a con'": both
        tokens = [t for t in sentence if after[0].left_edge.i <= t.i <= max(c.right_edge.i for c in after)]
    elif what_as is not None:  # "described the deal as toothless": both
        tokens = [t for t in sentence if what_as[0].left_edge.i <= t.i <= what_as[1].right_edge.i]
    else:
        best = min(after, key=lambda c: _CONTENT_AFTER_DEPS.index(c.dep_) if c.dep_ in _CONTENT_AFTER_DEPS else 99)
        tokens = _without_next_subject(_without_trailing_aside(list(best.subtree)))
        last = _predicate_taken_as_conjunct(cue, best) or _clause_run_on(cue, best)
        if last is not None:
            tokens = [t for t in sentence if best.left_edge.i <= t.i <= last.right_edge.i]
        elif _opens_on_a_relative(best) and best.left_edge.i > cue.i + 1:
            # "reported telephone wait times that exceeded two hours": the parser takes the
            # object's relative clause for what was said; the object is said with it.
            tokens = [t for t in sentence if cue.i < t.i <= best.right_edge.i]
        # The one told ("told the Jerusalem Post the reports were ...") is neither the clause's
        # subject nor the one urged, however the parser hangs the clause.
        subject = None if skip is not None else _subject_taken_as_object(cue, best) or _one_urged(cue, best)
        if subject is not None:
            tokens = [t for t in sentence if subject.left_edge.i <= t.i < tokens[0].i] + tokens
    # The complementizer stays with the content ("said that ..."), as annotation guidelines have it.
    return _clean_span(trim_punctuation(tokens, keep_quotes=True))


def _clause_told(cue: Token) -> Token | None:
    """What "told" told where the parser hangs it on whom as a relative clause ("told the outlet
    The Galveston Daily News that the company sold ..."): a clause opened by "that" with a subject
    of its own."""
    if cue.lemma_ != "tell":
        return None
    # Not what was told: "tells so many lies that ..." says why, not what.
    whom = [
        c
        for c in cue.children
        if c.dep_ in ("dobj", "dative") and c.i > cue.i and c.lemma_.lower() not in lexicon.TOLD_THINGS
    ]
    clauses = (t for w in whom for t in w.subtree if t.dep_ in ("relcl", "acl"))
    return next((c for c in clauses if _a_that_clause(c)), None)


def _a_that_clause(clause: Token) -> bool:
    children = list(clause.children)
    opened = any(c.dep_ == "mark" and c.lower_ == "that" for c in children)
    return opened and any(c.dep_ in ("nsubj", "nsubjpass") for c in children)


def _opens_on_a_relative(clause: Token) -> bool:
    """Whether the clause's subject is a relative pronoun that opens it ("that exceeded ..."); not
    an acronym that the tagger takes for one ("WHO is aware")."""
    return clause.dep_ == "ccomp" and any(
        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") and c.i == clause.left_edge.i and not c.text.isupper()
        for c in clause.children
    )


def _described_as(cue: Token, after: list[Token]) -> tuple[Token, Token] | None:
    """The object and the "as" phrase of a cue that says what someone or something is ("described
    the deal as toothless", "portrayed him as a victim"): both are what was said."""
    if cue.lemma_ not in lexicon.DESCRIBING_CUES:
        return None
    thing = next((c for c in after if c.dep_ == "dobj"), None)
    as_what = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    return (thing, as_what) if thing is not None and as_what is not None and thing.i < as_what.i else None


def _predicate_taken_as_conjunct(cue: Token, taken: Token) -> Token | None:
    """ "maintained an impeachment inquiry is what the committee is doing": the parser makes the
    clause's subject the cue's object and its verb a conjunct of the cue, with no "and" between.
    That verb is then the end of what was said."""
    if taken.dep_ != "dobj":
        return None
    after = taken.right_edge.i + 1
    verb = next((c for c in cue.children if c.dep_ == "conj" and c.i == after), None)
    if verb is None or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    return None if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) else verb


def _clause_run_on(cue: Token, taken: Token) -> Token | None:
    """ "said the name had to be easy to say and, to prevent stigma, it must not cite ...": the
    parser hangs the second clause on the cue as a clause of its own. Clauses of the cue that
    follow one another, with only punctuation or a conjunction between, are one thing said; the
    last of them ends it. Not a writer's aside (", whose vehicle was used ...") or a quotation
    with its own cue ('"...," he said, "..."')."""
    last = None
    for clause in sorted((c for c in cue.children if c.dep_ == "ccomp" and c.i > taken.i), key=lambda c: c.i):
        end = (last or taken).right_edge.i
        between = cue.doc[end + 1 : clause.left_edge.i]
        first = next((t for t in clause.subtree if not t.is_punct), clause)
        relative_aside = first.tag_ in ("WDT", "WP", "WP$") and first.nbor(-1).text == ","
        cued = any(c.dep_ == "parataxis" and c.lemma_ in lexicon.CUE_VERBS for c in clause.children)
        aside = relative_aside or cued
        if taken.dep_ != "ccomp" or aside or not all(t.is_punct or t.dep_ == "cc" for t in between):
            break
        last = clause
    return last


def _subject_taken_as_object(cue: Token, clause: Token) -> Token | None:
    """ "announced the tests by a military laboratory found Novichok": the parser makes the
    clause's subject the cue's object, leaving a finite verb without one. The object is then the
    start of what was said."""
    if clause.dep_ != "ccomp" or clause.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return None
    # ... or a second subject of the cue ("said many of the bodies at the site appeared ...").
    return next((c for c in cue.children if c.dep_ in ("dobj", "nsubj") and cue.i < c.i < clause.i), None)


def _one_urged(cue: Token, clause: Token) -> Token | None:
    """ "urged him to resign", "asked voters to support the plan": the one urged is who is to act,
    the start of what was urged, as PolNeAR marks it (not the one told, an addressee)."""
    if clause.dep_ != "xcomp" or clause.left_edge.lower_ not in ("to", "not"):  # "not to", "not" alone
        return None
    return next((c for c in cue.children if c.dep_ == "dobj" and c.right_edge.i + 1 == clause.left_edge.i), None)


def _without_trailing_aside(tokens: list[Token]) -> list[Token]:
    """The content without a trailing aside the writer added after a comma: a relative clause
    (", who has not been charged"), a participle (", saying ..."), a contrast (", but still lost"),
    the writer's name for what was said (", a claim that was disputed by ...")."""
    for token in tokens:
        comma = token.left_edge.nbor(-1) if token.left_edge.i > 0 else None
        if comma is None or comma.text != "," or comma.i <= tokens[0].i or token.right_edge.i < tokens[-1].i:
            continue
        contrast = token.dep_ == "conj" and token.left_edge.lower_ in ("but", "though", "although", "while", "yet")
        named = token.pos_ == "NOUN" and token.lemma_.lower() in _SAID_LABELS and token.left_edge.lower_ in ("a", "an")
        if (
            token.dep_ in ("relcl", "advcl", "acl")
            or contrast
            or named
            or (token.dep_ == "cc" and token.lower_ in ("but", "though", "yet"))
        ):
            return [t for t in tokens if t.i < comma.i]
    return tokens


def _without_next_subject(tokens: list[Token]) -> list[Token]:
    """The content without the subject of the clause that follows it, which the parser joined to
    its last noun: "confirmed its first infections and Zambia | had its first death"."""
    last = tokens[-1]
    if last.dep_ != "conj" or last.i + 1 >= len(last.doc):
        return tokens
    verb = last.doc[last.i + 1]
    subjectless = not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    if verb.tag_ in ("VBD", "VBZ", "VBP") and subjectless and verb.head.i != last.i:
        return [t for t in tokens if t.i < last.left_edge.i]  # _clean_span drops the "and"
    return tokens


def _a_circumstance(clause: Token) -> bool:
    """A clause that says when or while something was said ("told supporters, while delegates
    were voting"), not what."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children)


def _a_writers_aside(clause: Token, cue: Token) -> bool:
    """A relative clause after the cue, set off by a dash or comma, that the parser hangs on the
    cue ("commented on the matter — which the BBC noted as an unusual move — "..."): the writer's
    words about the statement, not what was said. (In "a wall, which he said Mexico should pay
    for", the relative pronoun comes before the cue: what he said.)"""
    first = clause.left_edge
    return first.tag_ in ("WDT", "WP") and first.i > cue.i + 1 and first.nbor(-1).text in _ASIDE_MARKS


def _is_said(cue: Token, content: list[Token]) -> bool:
    """Whether the verb reports speech here, not an act: "declared that ..." but not "declared a
    state of emergency"; "denied knowledge of ..." but not "denied funding"."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in content):
        return True
    if cue.lemma_ == "call":  # "called them 'deplorables'", "called for calm"; not "called the police"
        return any(c.dep_ in ("oprd", "prep") for c in content)
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
    last = _whole_word_end(tokens[-1])
    return tokens[0].idx, last.idx + len(last)


def _whole_word_end(token: Token) -> Token:
    """The end of a hyphenated word that the tokenizer split and the parser did not keep together:
    "refused to co-operate" ends at "operate", not "co"."""
    doc = token.doc
    while not token.whitespace_ and token.i + 1 < len(doc) and "-" in (token.text, doc[token.i + 1].text):
        token = doc[token.i + 1]
    return token


def _refusal_span(cue: Token, sentence: Span) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue, content) spans of a refusal to comment: the refusal phrase, and it with its reason,
    to the end of the cue's clause ("The Pentagon, which declined to comment on the report, has
    not ..." ends at "report")."""
    text = doc_text(sentence.doc)
    window_start = cue.idx - 20 if cue.lemma_ in ("respond", "comment", "reach") else cue.idx
    match = REFUSAL.search(text, max(window_start, sentence.start_char), sentence.end_char)
    if not match or match.start() > cue.idx + len(cue):
        return None
    end = min(sentence.end_char, _end(cue.right_edge))
    while end > match.end() and (text[end - 1] in ".!? \n"):
        end -= 1
    return (match.start(), match.end()), (match.start(), end)


def _according_to(sentence: Span) -> Iterator[RawStatement]:
    for token in sentence:
        if token.lower_ != "according" or token.i + 1 >= sentence.end:
            continue
        source = _according_to_object(token)
        if source is None:
            continue
        to = token.nbor()
        phrase_start, phrase_end = token.left_edge.i, _according_to_end(token, source)
        rest = [t for t in sentence if t.i < phrase_start or t.i > phrase_end]
        content = _clean_span(trim_punctuation(rest, keep_quotes=True))
        if content:
            cue = (token.idx, to.idx + len(to))
            yield RawStatement(source, cue, content, subject_is_source=True)


def _according_to_end(according: Token, source: Token) -> int:
    """Where "according to X" ends. Not after an apposition to X where the clause has no subject
    of its own: "According to the BBC, a spokesman for 10 Downing Street expressed disappointment"
    is parsed with the spokesman in apposition to the BBC; he is the one who expressed it."""
    apposition = next((c for c in source.children if c.dep_ == "appos"), None)
    if apposition is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in according.head.children):
        return according.right_edge.i
    # Only a phrase that runs into the verb or to the sentence's end ("According to Rush Limbaugh,
    # the move reeks of fear."): "According to the World Health Organization (WHO), vaccination
    # ... covered" keeps its abbreviation.
    end = apposition.right_edge.i
    following = according.doc[end + 1] if end + 1 < len(according.doc) else None
    verb = according.head
    runs_on = following is not None and not following.is_punct and verb in (following, following.head)
    rest = according.doc[end + 1 : according.sent.end]
    ends_sentence = all(t.is_punct or t.is_space for t in rest)
    return apposition.left_edge.i - 1 if runs_on or ends_sentence else according.right_edge.i


def _according_to_object(according: Token) -> Token | None:
    """The source named in "according to X": the object of the "to" that follows."""
    if according.i + 1 >= len(according.doc) or according.nbor().lower_ != "to":
        return None
    return next((c for c in according.nbor().children if c.dep_ == "pobj"), None)


_DASH_CREDIT = re.compile(r"[ \u00a0]*([―—–]|--)[ \u00a0]*([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,3})")


def _dash_credits(doc: Doc) -> Iterator[RawStatement]:
    """Pull quotes credited after a dash: '"We are afraid." ― Krystal Correa'."""
    text = doc_text(doc)
    for quote in quotations(text):
        match = _DASH_CREDIT.match(text, quote.end)
        name = doc.char_span(match.start(2), match.end(2), alignment_mode="contract") if match else None
        if match and name is not None and len(name):
            yield RawStatement(name.root, match.span(1), (quote.inner_start, quote.inner_end), subject_is_source=True)


def _speaker_colons(doc: Doc) -> Iterator[RawStatement]:
    """Transcripts and headline quotes: "PENCE: Well, look, ..." or "Pat Caddell: Voters worry"
    — a short name opening a line, a colon, then what they said to the end of the line. Read by
    line, not by sentence: the sentence splitter often joins "PENCE:" to the line before."""
    text = doc_text(doc)
    for line in _LINE.finditer(text):
        start, end = line.span(1)
        colon = text.find(":", start, end)
        name = doc.char_span(start, colon, alignment_mode="contract") if colon > start else None
        if name is None or not 0 < len(name) <= MAX_COLON_SPEAKER_TOKENS:
            continue
        if not all(t.pos_ == "PROPN" or t.text.isupper() for t in name if not t.is_punct):
            continue
        if _a_caption_label(name):
            continue
        if all(t.ent_type_ in ("GPE", "LOC") for t in name if not t.is_punct):
            continue  # a dateline ("Tokyo: Kim Jong-un, ..."), no speaker
        said = text[colon + 1 : end]
        if _a_kicker(name.text, said) or _CAPTION_CREDIT.search(said):
            continue
        if len(said.split()) >= MIN_QUOTE_WORDS:
            yield RawStatement(name.root, (colon, colon + 1), (colon + 1, end), subject_is_source=True)


# A photo caption's credit in its line ("ROMP: A screenshot of the video [CEN]", where captions
# may run on into each other): a caption under its label, not a speaker's words. A credit is in
# capitals, unlike an editor's "[A]t least".
_CAPTION_CREDIT = re.compile(r"\[[A-Z0-9][A-Z0-9 ./&-]{1,40}\]|\([\w ]{0,20}\b(Photo|Image)\b[^)]*\)\s*$")


def _a_caption_label(label: Span) -> bool:
    """An editor's or a photo caption's label ("NOTE:", "Correction:", "Tragic:", "MAGNETIC:", an
    interview's "Q:" and "A:"): an editor's word, a word that says what something is like, or a
    word in title case that the entity tagger does not take for a name (a transcript's "PENCE:" is
    in capitals)."""
    words = [t for t in label if not t.is_punct]
    if len(words) == 1 and lexicon.a_describing_word(words[0].text):
        return True
    if words and words[0].lower_ in lexicon.EDITORIAL_LABELS:
        return True
    if len(words) == 1 and words[0].text in lexicon.INTERVIEW_LABELS:
        return True  # an interview's question and answer: who asks and answers is said elsewhere
    return not label.text.isupper() and not any(t.ent_type_ for t in label)


def _a_kicker(label: str, line: str) -> bool:
    """A headline's label in capitals ("EXCLUSIVE: Trump Campaign Paid ...", "HUFFPOLLSTER: A
    Seismic Shift ..."), told from a transcript's speaker ("PENCE: Well, look, ...") by the
    headline's capitalised words."""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    # Not a question put in a transcript: "Q: Have you talked to McConnell about the Supreme Court?"
    return label.isupper() and len(words) >= 3 and capitalised >= 0.8 * len(words)


class Quotation(NamedTuple):
    """A quoted passage: ``start``/``end`` include the quote marks, ``inner_*`` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def quotations(text: str) -> list[Quotation]:
    """Quoted passages of at least ``MIN_QUOTE_WORDS`` words, within a paragraph.

    Straight marks do not say whether they open or close, so each mark is read from its
    neighbours: after a space it opens, before one it closes. A quotation still open at the end
    of its paragraph runs to it, as multi-paragraph quotations are written. Pairing marks blindly
    would turn the text between two quotations into one when a mark is missing."""
    found: list[Quotation] = []
    opening: re.Match[str] | None = None
    for mark in _QUOTE_MARK.finditer(text):
        if opening is not None and "\n" in text[opening.end() : mark.start()]:
            _add_quotation(found, text, opening, text.index("\n", opening.end()))
            opening = None
        if opening is None:
            if _opens(text, mark):
                opening = mark
        elif _closes(text, mark):
            _add_quotation(found, text, opening, mark.end())
            opening = None
    if opening is not None:
        end = text.find("\n", opening.end())
        _add_quotation(found, text, opening, end if end != -1 else len(text))
    return found


def _opens(text: str, mark: re.Match[str]) -> bool:
    if mark.group() in _CLOSING_ONLY:
        return False
    before = text[mark.start() - 1] if mark.start() else " "
    after = text[mark.end()] if mark.end() < len(text) else " "
    return mark.group() == "“" or (not after.isspace() and (before.isspace() or before in "([—–-:,;"))


def _closes(text: str, mark: re.Match[str]) -> bool:
    before = text[mark.start() - 1] if mark.start() else " "
    return mark.group() != "“" and not before.isspace()


def _add_quotation(found: list[Quotation], text: str, opening: re.Match[str], end: int) -> None:
    closed = text[end - 1] in "”\"'" and end - opening.end() > 1
    mark = 2 if text[end - 2 : end] == "''" else 1
    inner_end = end - mark if closed else end
    inner = text[opening.end() : inner_end].strip()
    if len(inner.split()) >= MIN_QUOTE_WORDS:
        found.append(Quotation(opening.start(), end, opening.end(), inner_end))


def under_condition(article: Article, statement: Statement) -> bool:
    """Whether the statement is set under "if" or "unless": "..., if two-thirds of the senators
    vote for removal" says no one voted; "If Parliament does not like it, it can ..." takes no side."""
    start = min(c.start for c in (statement.speaker, statement.cue, statement.content) if c is not None)
    before = re.search(r"(\w+)\W*$", article.text[max(0, start - 20) : start])
    return before is not None and before.group(1).lower() in _CONDITIONS
