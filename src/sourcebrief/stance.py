"""Stance stage: how each source stands toward the central claim.

Rules over the cue and the content of each statement (refusals, professed ignorance, denials,
doubts, confirmations); a source's stance is the strongest among its statements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from sourcebrief.analyze import Analysis
from sourcebrief.attribute.lexicon import CUE_VERBS, ROLE_NOUNS
from sourcebrief.attribute.statements import under_condition
from sourcebrief.model import Article, Citation, Source, SourceKind, SourceStance, Stance, Statement

_UNAWARE = re.compile(
    r"\b(unaware|not aware|no knowledge|denie[sd] knowledge|deny(ing)? knowledge|"
    r"(do|does|did)\s*(not|n[’']t) know|never heard|not (been )?(briefed|informed)|"
    # One who was not part of it ("I was not part of the talks"), not a thing ("is not part of a plan").
    r"(i|we|he|she|they|it)\s+(was|were|am|are|is|has|have|had)\s*(not|n[’']t)\s+(been\s+)?part of|"
    r"no (such )?discussions?)\b",
    re.IGNORECASE,
)
_DENY = re.compile(
    r"\b(den(y|ies|ied|ying)|reject(s|ed)?|refute[sd]?|dismiss(es|ed)?|false|untrue|not true|"
    r"fake news|baseless|never happened|did not happen|categorically|no truth)\b",
    re.IGNORECASE,
)
_DISPUTE = re.compile(
    r"\b(skeptic\w*|sceptic\w*|doubt\w*|disput\w+|question(s|ed)? (whether|the)|challeng(e|es|ed|ing)|"
    r"(do|does|did)\s*(not|n[’']t) believe|inaccurate|not (be )?(an? )?accurate|misleading|"
    r"overstat\w+|exaggerat\w+|"
    # "there is no evidence that ...", "no credible intelligence"
    r"no (\w+ )?(evidence|proof|indication|sign) (that|of|to)|not supported by)\b",
    re.IGNORECASE,
)
# "has not confirmed", "could not independently verify": no answer on the claim, not a confirmation.
_NOT_CONFIRMED = re.compile(
    r"\b(not|n[’']t|never)\s+(yet\s+)?(independently\s+)?(confirm|verif|corroborat)\w*", re.IGNORECASE
)
# "confirmed the reports", "said the reports were accurate": pointing at the claim and affirming it.
_AFFIRMS = re.compile(r"\b(confirm|verif|corroborat|acknowledg)\w*|\b(true|accurate|correct)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(not|never)\b|n[’']t\b", re.IGNORECASE)
# "the report", "these claims", "the chairwoman's account": words that point back at the claim.
_REFERS_TO_CLAIM = re.compile(
    r"\b(the|these|those|such|that|this)\s+(\w+['’]s\s+)?(reports?|claims?|allegations?|accusations?|"
    r"stor(y|ies)|accounts?|rumou?rs?|assertions?|suggestions?)\b",
    re.IGNORECASE,
)
# What someone asserted: to deny or dismiss one of these takes a side on a claim; to deny or
# dismiss anything else ("denied funding for the wall", "dismissed a lawsuit") is an act.
_ASSERTION_NOUNS = frozenset(
    """accusation allegation assertion account charge claim report rumor rumour story suggestion
    involvement wrongdoing responsibility link existence knowledge""".split()
)
MAX_SHORT_STATEMENT_WORDS = 6
_COUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Words that make a count more than its number words ("half a million", "three dozen").
_NOT_PLAIN = frozenset({"half", "halves", "third", "thirds", "quarter", "quarters", "dozen", "dozens"})
# Cues that confirm: speech and thought, and those that give a number on record without a speech
# verb ("recorded 40 deaths", "put the toll at 40").
_SAYING = CUE_VERBS | frozenset("record put tally count verify register document".split())
_NO_ONE = frozenset({"nobody", "nothing", "none", "neither"})
_OFFICIAL = re.compile(r"spokes\w+|official|representative|press secretary|press office", re.IGNORECASE)
_AGAINST = {Stance.DENIES, Stance.DISPUTES}
_NEGATIVE = {Stance.DENIES, Stance.DISPUTES, Stance.UNAWARE}
# Stronger stances win when one source says several things.
_PRIORITY = [
    Stance.DENIES,
    Stance.DISPUTES,
    Stance.UNAWARE,
    Stance.CONFIRMS,
    Stance.DECLINES_TO_COMMENT,
    Stance.REPORTS,
]
_STOPWORDS = frozenset(
    """a an the of to in on for and or but that this these those it its with by from at as is are was
    were be been has have had will would could should may might not no he she they them his her their
    we our you your i me my said says say also about after before over into than then there here
    which who whom whose what when where why how all any some more most other such only own same so
    very can just now u.s however meanwhile according while although though""".split()
)


@dataclass(frozen=True)
class ClaimTerms:
    """What makes a statement about the claim: its common words, and the names in it; the
    numbers it gives, which a statement must give too to confirm it; and the word for what
    happened (its main verb, as written and as lemma), which is enough for a short statement to
    back it."""

    words: frozenset[str]
    names: frozenset[str]
    quantities: frozenset[str] = frozenset()
    negated: bool = False
    predicate: frozenset[str] = frozenset()


def claim_terms(
    claim_text: str,
    quantities: frozenset[str] = frozenset(),
    *,
    negated: bool = False,
    predicate: frozenset[str] = frozenset(),
) -> ClaimTerms:
    words, names = frozenset(content_words(claim_text)), frozenset(name_words(claim_text))
    return ClaimTerms(words, names, quantities, negated, predicate)


def terms_of_claim(analysis: Analysis, claim: Citation) -> ClaimTerms:
    """The terms of the claim the article cites at ``claim``."""
    doc = analysis.doc
    span = _span(doc, claim)
    root = _what_happened(span.root) if span is not None and len(span) else None
    # "banned" and "ban" cut to different stems: the lemma's stem matches the noun.
    predicate = frozenset({_stem(root.lower_), _stem(root.lemma_.lower())}) if root is not None else frozenset()
    quantities = claimed_quantities(doc, claim)
    return claim_terms(analysis.article.quote(claim), quantities, negated=negated(doc, claim), predicate=predicate)


def _what_happened(root: Token) -> Token:
    """The claim's main verb; in a reported claim ("the government said he was poisoned"), the
    verb of what was said."""
    said = next((c for c in root.children if c.dep_ == "ccomp"), None)
    return _what_happened(said) if said is not None and root.lemma_.lower() in CUE_VERBS else root


def negated(doc: Doc, cited: Citation) -> bool:
    """Whether the cited clause says that something is not so."""
    return _negated_predicate(doc, cited) is not None


def _negated_predicate(doc: Doc, cited: Citation) -> str | None:
    """What the cited clause says is not so, where its main verb is negated ("did not attend the
    opening") or its subject is no one ("nobody is conducting a formal inquiry"): the verb with
    all but its subject."""
    span = _span(doc, cited)
    if span is None or not len(span):
        return None
    root = span.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    no_one = any(s.lower_ in _NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in s.children) for s in subjects)
    # "We have never before seen a pandemic like this" says it is one.
    novel = any(c.lower_ == "before" for c in root.children)
    denied = any(c.dep_ == "neg" and not (c.lower_ == "never" and novel) for c in root.children)
    if not (no_one or denied):
        return None
    in_subjects = {t.i for s in subjects for t in s.subtree}
    return " ".join(t.text for t in root.subtree if t.i not in in_subjects)


def quantities_in(doc: Doc, cited: Citation) -> frozenset[str]:
    """The numbers that count something in the cited text, in figures ("1000000", "62"); dates and
    ordinals are not counts."""
    return frozenset(_as_number(count) for count in _counts(_span(doc, cited))) - {""}


def claimed_quantities(doc: Doc, claim: Citation) -> frozenset[str]:
    """The numbers a claim asserts: not those in a subject, which say who acted or spoke ("The
    27-nation bloc's foreign policy chief said ...", "two officers were found guilty")."""
    span = _span(doc, claim)
    in_subjects = {t.i for s in span or () if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
    return frozenset(_as_number(c) for c in _counts(span) if c.root.i not in in_subjects) - {""}


def _span(doc: Doc, cited: Citation) -> Span | None:
    return doc.char_span(cited.start, cited.end, alignment_mode="expand")


def _counts(span: Span | None) -> list[Span]:
    return [e for e in span.ents if e.label_ in _COUNT_LABELS] if span is not None else []


def _as_number(count: Span) -> str:
    """The number a count gives, in figures, however it is written ("one million", "1 million",
    "1,000,000" -> "1000000"); as written where it is not one plain number ("10 20", "half a
    million")."""
    if any(t.lower_ in _NOT_PLAIN for t in count):
        return count.text.lower()
    figures = [t.text.replace(",", "") for t in count if t.like_num and t.text[0].isdigit()]
    words = [t.lower_ for t in count if t.like_num and not t.text[0].isdigit()]
    as_written = " ".join(figures + words)
    if len(figures) > 1 or not as_written:  # "10 20"; "hundreds", "millions of dollars": no number
        return as_written
    try:
        # text2num reads number words ("twenty five", "million"); figures before a scale word
        # ("1.5 million") multiply it. Decimal, so that "4.1 billion" is 4100000000 exactly.
        value = Decimal(figures[0]) if figures else Decimal(1)
        value *= text2num(" ".join(words), "en") if words else 1
    except (ValueError, InvalidOperation):
        return as_written
    return f"{value.normalize():f}"


def content_words(text: str) -> set[str]:
    """Common words of ``text`` (not capitalised names), lower-cased, without stop words, with
    their endings cut ("halted", "halting" -> "halt"). Names are left out: a statement that shares
    only names with the claim ("Hegseth", "Russia") is about the same people, not the claim."""
    words = (w.lower() for w in re.findall(r"\b[a-z][A-Za-z'-]+", text))
    return {_stem(w) for w in words if w not in _STOPWORDS}


def name_words(text: str) -> set[str]:
    """Capitalised words that are not function words: names and titles ("President")."""
    return {w for w in re.findall(r"\b[A-Z][a-z]+\b", text) if w.lower() not in _STOPWORDS}


def _stem(word: str) -> str:
    # A light suffix cut, enough to match inflections within one story; no stemmer library needed.
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def statement_stance(statement: Statement, analysis: Analysis, terms: ClaimTerms) -> Stance:
    """The stance one statement takes toward the claim.

    Only a statement about the claim takes a side: "I don't know" or "disputes" said of
    something else is not a stance on this claim. Doubt or denial aimed at the claim's people
    ("questioned the President's power") counts; agreement needs the claim's substance."""
    if statement.refusal:
        return Stance.DECLINES_TO_COMMENT
    article = analysis.article
    if under_condition(article, statement):
        return Stance.REPORTS
    said = article.quote(statement.content)
    cue = article.quote(statement.cue) if statement.cue else ""
    about = _is_about(said, terms)
    if about and _NOT_CONFIRMED.search(cue):
        # About the claim only: "the Senate had not confirmed him" is about a nominee.
        return Stance.DECLINES_TO_COMMENT
    both = f"{cue} {said}"
    # "did not deny", "never questioned": a denial or doubt not made is neither; "did not say" is
    # not a confirmation.
    cue_negated = _NEGATION.search(cue) is not None
    if about or name_words(said) & terms.names:
        for pattern, stance in ((_UNAWARE, Stance.UNAWARE), (_DENY, Stance.DENIES), (_DISPUTE, Stance.DISPUTES)):
            searched, offset = (said, 0) if cue_negated and pattern is not _UNAWARE else (both, len(cue) + 1)
            matches = pattern.finditer(searched)
            if any(not _a_dispute_as_a_thing(m, offset, statement, analysis) for m in matches):
                # Denying a thing, not what someone asserted, is an act; doubting a thing ("questioned
                # the Governor's power") is still a doubt.
                acted = pattern is _DENY and not _DENY.search(said) and _is_a_thing(statement.content, analysis.doc)
                return Stance.REPORTS if acted else stance
    # "Nobody is conducting a formal inquiry" shares the claim's words but does not back it; "the
    # ban is not part of any broader plan" takes the ban as given.
    denial = _negated_predicate(analysis.doc, statement.content)
    agrees = terms.negated or denial is None or not content_words(denial) & terms.words
    # A question ("You think the FBI would indict?") asserts nothing.
    says = not cue_negated and _says(statement, analysis.doc) and not said.rstrip(" \"'”’").endswith("?")
    backs = _is_about(said, terms, backing=True) or (
        bool(_REFERS_TO_CLAIM.search(said)) and _AFFIRMS.search(both) is not None
    )
    confirms = backs and agrees and says and _gives_its_numbers(statement, analysis, terms)
    return Stance.CONFIRMS if confirms else Stance.REPORTS


def _says(statement: Statement, doc: Doc) -> bool:
    """Whether the cue says, thinks or records something, not an act that takes a side ("voted
    for", "passed", "appointed", which the trained tagger marks as PolNeAR does): the claim's own
    act, "Parliament voted on the resolution", is no one confirming it."""
    cue = _span(doc, statement.cue) if statement.cue else None
    if cue is None or not len(cue) or cue.root.pos_ not in ("VERB", "AUX"):
        return True
    return any(t.lemma_.lower() in _SAYING or t.lower_ == "according" for t in cue)


def _gives_its_numbers(statement: Statement, analysis: Analysis, terms: ClaimTerms) -> bool:
    """Whether the statement gives one of the claim's numbers, if the claim has any: "Malawi
    confirmed its first infections" is about a claim that cases passed one million, but does not
    confirm it."""
    return not terms.quantities or bool(quantities_in(analysis.doc, statement.content) & terms.quantities)


def _a_dispute_as_a_thing(match: re.Match[str], content_offset: int, statement: Statement, analysis: Analysis) -> bool:
    """A dispute named as a thing in what was said ("remains impeded by unresolved disputes"), not
    someone disputing. (A challenge named is kept: "legal challenges that could determine the
    victor" disputes a projected result.)"""
    word = match.group(0).lower()
    if not word.startswith("disput") or match.start() < content_offset:
        return False
    start = statement.content.start + match.start() - content_offset
    found = analysis.doc.char_span(start, start + len(word), alignment_mode="expand")
    return found is not None and len(found) > 0 and found[0].pos_ == "NOUN"


def _is_a_thing(content: Citation, doc: Doc) -> bool:
    """Whether the content is a noun phrase for something other than an assertion: "funding for
    the wall", "a Trump lawsuit" (not "the accusation", nor a clause)."""
    found = doc.char_span(content.start, content.end, alignment_mode="expand")
    return (
        found is not None
        and len(found) > 0
        and found.root.pos_ in ("NOUN", "PROPN")
        and found.root.lemma_.lower() not in _ASSERTION_NOUNS
    )


def _is_about(text: str, terms: ClaimTerms, *, backing: bool = False) -> bool:
    """Whether a statement is about the claim: it shares two of the claim's words, or is short
    ("not aware of any halt") and shares one, or points at it ("these reports"); one common word
    ("operations") does not make a long statement about the claim. To back the claim, the one word
    a short statement shares must be the word for what happened ("the ban is final"): firms that
    "pull out of the nation" do not confirm a ban on flying "in the European nation"; and pointing
    at it is not enough ("is investigating the reports")."""
    words = content_words(text)
    shared = words & (terms.words | terms.predicate)
    one_counts = shared & terms.predicate if backing else shared
    short = len(words) <= MAX_SHORT_STATEMENT_WORDS
    return len(shared) >= 2 or (short and bool(one_counts)) or (not backing and bool(_REFERS_TO_CLAIM.search(text)))


def source_stance(source: Source, analysis: Analysis, terms: ClaimTerms, refusal_paragraphs: set[int]) -> SourceStance:
    """The strongest stance among the source's statements, cited to the statements showing it."""
    found: dict[Stance, list[Citation]] = {}
    for statement in source.statements:
        stance = statement_stance(statement, analysis, terms)
        if stance == Stance.REPORTS and _is_non_answer(source, statement, analysis.article, refusal_paragraphs):
            stance = Stance.DECLINES_TO_COMMENT
        if stance == Stance.CONFIRMS and source.kind == SourceKind.OUTLET:
            stance = Stance.REPORTS  # outlets report; confirmation needs someone who would know
        found.setdefault(stance, []).append(statement.content)
    best = next(s for s in _PRIORITY if s in found) if found else Stance.REPORTS
    return SourceStance(source.id, best, tuple(found.get(best, ())))


def _is_non_answer(source: Source, statement: Statement, article: Article, refusal_paragraphs: set[int]) -> bool:
    """A spokesperson's or official's off-topic line where others declined to comment ("A
    spokesperson stressed that safety remains the priority") answers nothing about the claim."""
    speaks_for_someone = _OFFICIAL.search(f"{source.name} {source.role or ''}")
    return bool(speaks_for_someone) and paragraph_index(article.text, statement.content.start) in refusal_paragraphs


def paragraph_index(text: str, char: int) -> int:
    return text.count("\n\n", 0, char)


def stances(sources: Iterable[Source], analysis: Analysis, terms: ClaimTerms) -> tuple[SourceStance, ...]:
    sources = list(sources)
    article = analysis.article
    refusal_paragraphs = {
        paragraph_index(article.text, st.content.start) for source in sources for st in source.statements if st.refusal
    }
    first = [source_stance(s, analysis, terms, refusal_paragraphs) for s in sources]
    stance_of = {s.source_id: s.stance for s in first}
    result = []
    for source, found in zip(sources, first, strict=True):
        target = _disputed_source(source, sources, article) if found.stance in _AGAINST else None
        if target is not None and stance_of[target.id] in _NEGATIVE:
            # "questioned the chairwoman's account" of a denial: doubting a denial backs the claim.
            found = SourceStance(source.id, Stance.CONFIRMS, found.citations)
        result.append(found)
    return tuple(result)


def _disputed_source(source: Source, sources: list[Source], article: Article) -> Source | None:
    """Another person whom the source's doubts or denials name, by surname or role."""
    said = " ".join(article.quote(st.content).lower() for st in source.statements)
    for other in sources:
        if other.id == source.id or other.kind != SourceKind.PERSON:
            continue
        role_words = {w for w in re.findall(r"[a-z]+", (other.role or "").lower()) if w in ROLE_NOUNS}
        words = {other.name.split()[-1].lower(), *role_words}
        if any(re.search(rf"\b{re.escape(w)}\b", said) for w in words):
            return other
    return None
