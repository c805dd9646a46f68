"""Brief stage: neutral briefing sentences composed only from cited spans.

Each sentence is a short frame ("X reported it first", "Not yet known:") around text taken
verbatim from the article, and cites every span it uses. Nothing is stated that no span says;
the article's own speculation is reported as speculation. Two changes to the article's words:
a cue that is a participle ("with Zinichev describing ...") is put in the past tense, so that
the sentence has a verb ("Zinichev described ..."), and a first word capitalised only because it
opened its sentence is lower-cased inside a frame ("According to the Iraqi military, seventeen
rockets ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from lemminflect import getAllLemmas, getInflection, getLemma
from spacy.lang.en.lex_attrs import like_num

from sourcebrief.analyze import in_heading
from sourcebrief.attribute.lexicon import UTTERANCE_NOUNS
from sourcebrief.attribute.speakers import acronym
from sourcebrief.attribute.statements import under_condition
from sourcebrief.model import (
    Article,
    ChainLink,
    ChainRole,
    Citation,
    Claim,
    Flag,
    FlagKind,
    Note,
    Source,
    SourceKind,
    SourceStance,
    Stance,
    Statement,
)

T = TypeVar("T")

MAX_STATEMENTS_PER_SOURCE = 2
MAX_URGED_WORDS = 4
_CIRCUMSTANCE_ENDS = frozenset("on to with against for about".split())
# Before a quotation "of" says on what too ("said of the situation, '...'"); elsewhere it may say
# what ("warned of flooding").
_PREPOSITIONS_BEFORE_A_QUOTATION = _CIRCUMSTANCE_ENDS | {"of"}
_NAMING_VERBS = frozenset("call describe dub label term brand".split())
_CITING = frozenset("cite cites cited citing".split())
_INFERRING = frozenset("suggest suggests suggested imply implies implied indicate indicates indicated".split())
# An attribution set inside what was said ("..., CBS noted, ...") is a few words; a longer span
# between a cue and its speaker is no aside.
MAX_ASIDE_CHARS = 60
MAX_SPECULATION_NOTES = 3
# Sources are briefed in this order: who backs the claim, who won't say, who doubts it.
STANCE_ORDER = [
    Stance.CONFIRMS,
    Stance.REPORTS,
    Stance.DECLINES_TO_COMMENT,
    Stance.UNAWARE,
    Stance.DISPUTES,
    Stance.DENIES,
]
_QUOTE_MARKS = ('"', "“", "'", "‘")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s|\n")
# A content of one of these words alone stands for words elsewhere: a relative pronoun ("...,
# which the BBC noted"), or the subject of a clause cut short ("Trump tweeted he").
_LONE_PRONOUNS = frozenset({"which", "that", "what", "who", "whom", "i", "he", "she", "we", "they"})
# A content cut from a relative clause opens on a verb whose subject is the clause's antecedent
# ("fires, which state media said were under control").
_SUBJECTLESS_STARTS = frozenset("is are was were has have had will would can could shall should may might must".split())
# Capitalised, these open names and dates: "May was the wettest month", "Will Smith would attend".
_NAMES_TOO = frozenset({"May", "Will", "Can", "Must"})
_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my"})
_PASSIVE_AUXILIARIES = frozenset("is are was were be been being has have had".split())
_JOINING_WORDS = frozenset({"of", "that", "about"})
# Small words inside a name: "Secretary of Justice", "Bank of the West".
_NAME_JOINERS = frozenset({"of", "the", "and", "for", "de", "du", "la"})
# Sentence-initial function words that continue a composed sentence in lower case.
_LOWER_FIRST = frozenset(
    """the a an this that these those it its in on at as after before during since following while when
    with without by for from of to according although though if because despite""".split()
)


def compose(
    article: Article,
    claim: Claim,
    sources: tuple[Source, ...],
    stances: tuple[SourceStance, ...],
    chain: tuple[ChainLink, ...],
    unknowns: tuple[Note, ...],
    flags: tuple[Flag, ...],
) -> tuple[Note, ...]:
    sentences = [_claim_sentence(article, claim)]
    status = _status_sentence(claim, sources, stances)
    if status is not None:
        sentences.append(status)
    sentences += _chain_sentences(chain)
    stance_of = {s.source_id: s.stance for s in stances}
    ordered = sorted(sources, key=lambda s: STANCE_ORDER.index(stance_of[s.id]))
    sentences += _statement_sentences(article, ordered, claim.citations)
    if unknowns:
        text = "Not yet known: " + "; ".join(_continued(article, u.text) for u in unknowns) + "."
        sentences.append(Note(text, tuple(c for u in unknowns for c in u.citations)))
    speculation = [f for f in flags if f.kind == FlagKind.SPECULATION][:MAX_SPECULATION_NOTES]
    sentences += [Note(f"Unattributed speculation in the article: “{f.text}”", f.citations) for f in speculation]
    return tuple(sentences)


def _statement_sentences(article: Article, ordered: list[Source], lead: tuple[Citation, ...]) -> list[Note]:
    """Each source's chosen statements, in the sources' order. Sources that said the same thing
    together ("The Investigative Committee and the FSB said") share one sentence, whichever of
    their statements each would show."""
    statements_of = {source.id: whole_statements(article, source.statements) for source in ordered}
    said_by: dict[tuple[Citation | None, Citation], list[Source]] = {}
    for source in ordered:
        for st in statements_of[source.id]:
            said_by.setdefault((st.cue, st.content), []).append(source)
    chosen: list[Statement] = []
    for source in ordered:
        # What an earlier source's sentence shows already, naming this one too, comes last.
        taken = {(st.cue, st.content) for st in chosen}
        chosen += _chosen_statements(article, statements_of[source.id], lead, taken)
    shown: dict[tuple[Citation | None, Citation], Statement] = {}
    for st in chosen:
        if not reported_within(st, chosen):
            shown.setdefault((st.cue, st.content), st)
    return [
        _statement_sentence(article, _as_named(article, said_by[key], key, statements_of), st)
        for key, st in shown.items()
    ]


def whole_statements(article: Article, statements: Iterable[Statement]) -> list[Statement]:
    """What a source said, one reported statement and one quotation per cue. The tagger splits
    what was said around the attribution set inside it ('"Whenever there are signs ...," he
    wrote, "..."') and adds stray phrases to a cue ("alleged | by way of example"): pieces next to
    each other or on either side of their attribution are joined again (the briefing sentence
    leaves the aside out), and otherwise the longest piece is kept."""
    by_cue: dict[tuple[Citation | None, Citation | None, bool], list[Statement]] = {}
    for statement in statements:
        by_cue.setdefault(attribution_key(statement), []).append(statement)
    whole = []
    for pieces in by_cue.values():
        runs = _runs_joined(article, pieces)
        longest = max(runs, key=lambda s: (briefable(article, s), s.content.end - s.content.start))
        whole.append(_joined_around_cue(article, runs) or longest)
    return sorted(whole, key=lambda s: s.content.start)


def attribution_key(statement: Statement) -> tuple[Citation | None, Citation | None, bool]:
    """What the pieces of one attribution share: cue, speaker and whether they are quoted."""
    return statement.cue, statement.speaker, statement.direct


def _runs_joined(article: Article, pieces: list[Statement]) -> list[Statement]:
    """Pieces with nothing but a comma, colon or space between them as one ("from other places: |
    potentially US$3.6 billion ...")."""
    runs: list[Statement] = []
    for piece in sorted(pieces, key=lambda p: p.content.start):
        last = runs[-1].content if runs else None
        if last is not None and re.fullmatch(r"[^\w\n.!?]*", article.text[last.end : piece.content.start]):
            runs[-1] = replace(runs[-1], content=article.cite(last.start, max(last.end, piece.content.end)))
        else:
            runs.append(piece)
    return runs


def _joined_around_cue(article: Article, pieces: list[Statement]) -> Statement | None:
    cue = pieces[0].cue
    if cue is None or any(p.refusal for p in pieces):
        return None
    before = [p for p in pieces if p.content.end <= cue.start]
    after = [p for p in pieces if p.content.start >= cue.end]
    if not (before and after):
        return None
    first, last = max(before, key=lambda p: p.content.end), min(after, key=lambda p: p.content.start)
    if not _only_the_attribution_between(article, first, last):
        return None
    joined = replace(first, content=article.cite(first.content.start, last.content.end))
    return joined if _without_aside(article, joined) is not None else None


def _only_the_attribution_between(article: Article, first: Statement, last: Statement) -> bool:
    """Whether the speaker and the cue stand between two pieces of what was said, with nothing
    else but whom it was told to and commas or quotation marks, on one line ("a move whose
    rarity, CBS noted, highlighted"; not "..., argued | the government's lawyer |, Richard Keen",
    where the tagger took the speaker's apposition for what was said)."""
    start, end = first.content.end, last.content.start
    if first.speaker is not None and not start <= first.speaker.start < first.speaker.end <= end:
        return False
    gap = list(article.text[start:end])
    for part in (first.cue, first.speaker, first.addressee):
        if part is not None and start <= part.start and part.end <= end:
            gap[part.start - start : part.end - start] = " " * (part.end - part.start)
    return re.fullmatch(r"[ ,\u00a0\"“”‘’']*", "".join(gap)) is not None


def _as_named(
    article: Article,
    sources: list[Source],
    key: tuple[Citation | None, Citation],
    statements_of: dict[str, list[Statement]],
) -> list[Source]:
    """Sources in the order the article names them ("Trump and his supporters"): by where each
    one's own mention starts, then, where they share one mention (the tagger's span), by where
    its name's last word or its initials stand in it ("the AP and NBC News")."""

    def place(source: Source) -> tuple[int, int]:
        said = statements_of[source.id]
        mention = next((st.speaker for st in said if (st.cue, st.content) == key and st.speaker), None)
        if mention is None:
            return (len(article.text), 0)
        words = re.findall(r"\w+", article.quote(mention).lower())
        named = [i for i, w in enumerate(words) if w in (source.name.split()[-1].lower(), acronym(source.name))]
        return (mention.start, min(named, default=len(words)))

    return sorted(sources, key=place)


def _claim_sentence(article: Article, claim: Claim) -> Note:
    return Note(f"The article reports that {sentence_end(no_stop(_continued(article, claim.text)))}", claim.citations)


def _status_sentence(claim: Claim, sources: tuple[Source, ...], stances: tuple[SourceStance, ...]) -> Note | None:
    """Why the claim has its status: the sources by stance, each cited to what decided it."""
    names = {s.id: short_label(s.name, s.kind) for s in sources}
    parts, citations = [], []
    for stance in STANCE_ORDER:
        holders = [s for s in stances if s.stance == stance and s.citations]
        if holders:
            label = str(stance).replace("_", " ")
            parts.append(f"{label}: " + ", ".join(names[h.source_id] for h in holders))
            citations += [c for h in holders for c in h.citations]
    if not parts:
        return None
    return Note(f"Claim status {claim.status} — " + "; ".join(parts) + ".", tuple(dict.fromkeys(citations)))


def short_label(name: str, kind: SourceKind) -> str:
    """The name as a claim's status line lists it: an unnamed source, a document or an outlet
    says what it is ("the sources (anonymous)", "Government reports (document)")."""
    return f"{name} ({kind})" if kind in (SourceKind.ANONYMOUS, SourceKind.DOCUMENT, SourceKind.OUTLET) else name


# Not "So" or "Yet", which also open "So far ..." and "Yet another ...".
_SENTENCE_CONJUNCTIONS = frozenset({"But", "And"})


def _continued(article: Article, text: str) -> str:
    """The text continuing a sentence: a first word capitalised only because it opened one is
    put in lower case ("The cost", "Seventeen rockets", "Violence broke out"). Names keep their
    capitals: a word that no dictionary has, that the article capitalises mid-sentence too
    ("Trump", "Theresa May"), or that opens a run of capitalised words ("Secretary of Justice").
    A conjunction that tied the sentence to the one before ("But the talking point is false,
    according to ...") has nothing to tie to here and is left out."""
    first, space, rest = text.partition(" ")
    if first in _SENTENCE_CONJUNCTIONS and rest:
        return _continued(article, rest)
    lower = first.lower()
    if re.split(r"['’]", lower)[0] in _LOWER_FIRST:  # also "It's", "That's"
        return f"{lower}{space}{rest}"
    word = lower.rstrip(",;:")
    if not first[:1].isupper() or first.isupper() or not (getAllLemmas(word) or all(map(like_num, word.split("-")))):
        return text
    following = next((w for w in rest.split() if w.lower() not in _NAME_JOINERS), "")
    if following[:1].isupper() or re.search(rf"[\w,;:)] {re.escape(first.rstrip(',;:'))}\b", article.text):
        return text
    return f"{lower}{space}{rest}"


def _chain_sentences(chain: tuple[ChainLink, ...]) -> list[Note]:
    notes = []
    for link in chain:
        if not link.citations:
            continue
        if link.role == ChainRole.FIRST_REPORT:
            text = f"The article credits {link.outlet} with the first report."
        elif link.role == ChainRole.REPUBLISH:
            text = "The article itself only republishes that reporting."
        else:
            text = f"{link.outlet} is named as carrying the report or its sources."
        notes.append(Note(text, link.citations))
    return notes


def briefable(article: Article, statement: Statement) -> bool:
    """Whether a statement makes a briefing sentence: "BBC noted which." or "Trump tweeted he."
    says nothing, and a reported content cut from a relative clause names nothing it is about:
    "State media said were under control", "State media said which state media said were under
    control" (the clause with its own cue). A quotation opening on a verb is a question ("Is
    this the end?") and stays. A statement under "if" is a condition: "..., if two-thirds of
    the senators vote for removal" says no one voted. Nor is a cue in the infinitive, nor what a
    source called a thing that a relative pronoun stands for ("the shooting, which he called "an
    evil act"" is not "He called "an evil act""; "what he calls the crooked process" is not "He
    calls the crooked process")."""
    written = article.quote(statement.content).strip(" ,.")
    content, first_written = written.lower(), written.split(" ", 1)[0]
    first = first_written.lower()
    holds_its_cue = statement.cue is not None and _within(statement.cue, statement.content)
    subjectless = first in _SUBJECTLESS_STARTS and first_written not in _NAMES_TOO and not statement.direct
    relative = first in _RELATIVE_PRONOUNS and holds_its_cue
    return not (
        content in _LONE_PRONOUNS
        or subjectless
        or relative
        or under_condition(article, statement)
        or _said_to_someone_unnamed(article, statement)
        or _an_infinitive(article, statement)
        or _naming_a_relative(article, statement)
    )


def _naming_a_relative(article: Article, statement: Statement) -> bool:
    cue, speaker = statement.cue, statement.speaker
    if cue is None or speaker is None or not speaker.end <= cue.start <= statement.content.start:
        return False
    verb = article.quote(cue).split()[-1].lower()
    naming = not _NAMING_VERBS.isdisjoint(getLemma(verb, upos="VERB"))
    before = article.text[: speaker.start].split()
    return naming and bool(before) and before[-1].lower() in _RELATIVE_PRONOUNS | {"what"}  # "what he calls"


def _an_infinitive(article: Article, statement: Statement) -> bool:
    """A cue in the infinitive ("prompted some users to argue ...", "turned to Twitter to
    describe ...", "would allow leaders to claim ..."): "Some users to argue" is no sentence, and
    no tense can be given to it that every such verb would make true ("allow ... to claim" says
    no one claimed)."""
    return statement.cue is not None and article.quote(statement.cue).startswith("to ")


def _said_to_someone_unnamed(article: Article, statement: Statement) -> bool:
    """A passive whose subject, whom it was said to, the statement leaves out: "Residents were
    told by police to evacuate" would read as the police being told, or as "to evacuate" being
    what was told. Not where "of", "that" or "about" joins what was said to its speaker ("He was
    told by the minister of ..."), which reads in the active."""
    cue, agent = statement.cue, statement.speaker
    if cue is None or agent is None or agent.start < cue.end or statement.content.start < agent.end:
        return False
    after_cue = article.text[cue.end : agent.start].strip().lower()
    passive = article.quote(cue).lower().endswith(" by") or after_cue == "by"
    return passive and _joint(article, agent, statement) not in _JOINING_WORDS


def _joint(article: Article, agent: Citation, statement: Statement) -> str:
    """The word between the one who said it and what was said ("told by the minister | of | ...")."""
    return article.text[agent.end : statement.content.start].strip(' ,"“”').lower()


def statement_rank(article: Article, statement: Statement) -> tuple[bool, bool, bool, bool]:
    """How well a statement shows its source, lower first. A content outside its cue's sentence
    comes last: the tagger sometimes adds a fragment of the sentence before ("According to X, the
    truck driver was ..." took "The victims" from the paragraph above). A heading ("National
    Security Adviser Denies Knowledge of the Pause") comes after the body text that tells it. What
    a cue ending in a preposition or citing takes says where, on what or from whom, not what
    ("Speaking on al-Masirah TV", "called for the government of Ukraine", "citing anonymous
    sources"): it comes after a statement that says what. What someone's words are said to imply
    ("His comments suggest ...") the writer may read into them: it comes after what the source
    said, even on where or about what."""
    cue = statement.cue or statement.content
    between = article.text[min(cue.end, statement.content.end) : max(cue.start, statement.content.start)]
    cue_words = article.quote(cue).lower().split() if statement.cue else []
    circumstance = (
        cue_words != ["according", "to"]
        and bool(cue_words)
        and (cue_words[-1] in _CIRCUMSTANCE_ENDS or cue_words[0] in _CITING)
    )
    inferred = bool(cue_words) and cue_words[-1] in _INFERRING and _utterance_named(article, statement) is not None
    broken = bool(_SENTENCE_BREAK.search(between))
    return broken, in_heading(article.text, statement.content.start), inferred, circumstance


def _chosen_statements(
    article: Article,
    statements: list[Statement],
    lead: tuple[Citation, ...],
    taken: set[tuple[Citation | None, Citation]],
) -> list[Statement]:
    """A source's best indirect statement and best direct quote: enough to show its stance. A
    statement within the lead sentence is not repeated: the briefing opens with that sentence;
    but where the lead leaves out who said it ("..., the department said"), it is. A statement
    already ``taken`` by another source's sentence comes after the source's others."""
    shown = [s for s in statements if briefable(article, s) and not any(_led_with(s, c) for c in lead)]
    chosen = best_of_each_kind(
        shown,
        rank=lambda s: ((s.cue, s.content) in taken, *statement_rank(article, s)),
        direct=lambda s: s.direct,
    )
    return sorted(chosen, key=lambda s: s.content.start)[:MAX_STATEMENTS_PER_SOURCE]


def best_of_each_kind(items: list[T], *, rank: Callable[[T], tuple[bool, ...]], direct: Callable[[T], bool]) -> list[T]:
    """The best-ranked indirect statement and the best-ranked direct one, the earliest of equals."""
    return [min(kind, key=rank) for quoted in (False, True) if (kind := [i for i in items if direct(i) == quoted])]


def _statement_sentence(article: Article, sources: list[Source], statement: Statement) -> Note:
    told = article.quote(statement.addressee) if statement.addressee else ""
    phrases = [_definite(article.quote(s.mentions[0]), _speaker_phrase(s, article, told)) for s in sources]
    speakers, named = joined_speakers(phrases)
    speaking = [sources[i] for i in named]
    note = statement_note(article, speakers, speaking[0].mentions[0], statement)
    return Note(note.text, tuple(dict.fromkeys((*note.citations, *(s.mentions[0] for s in speaking[1:])))))


def joined_speakers(phrases: list[str]) -> tuple[str, list[int]]:
    """Everyone who said one thing, as a sentence names them ("A, B and C"), and which of the
    phrases it names: a name already within another's ("private property owners" in "an
    environmental group and private property owners from Texas") is not named twice, nor is a
    possessor joined by a misparse to the one it names ("the Institute's director, Dr. Anthony
    Fauci")."""
    named: dict[str, int] = {}
    for i, phrase in enumerate(phrases):
        longer = (other.lower() for other in phrases if other.lower() != phrase.lower())
        if not any(phrase.lower() in other for other in longer):
            named.setdefault(phrase, i)
    named = {p: i for p, i in named.items() if not p.endswith(_POSSESSIVE_ENDINGS)} or named
    words = list(named)
    return (", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]), list(named.values())


def statement_note(article: Article, speaker: str, mention: Citation, statement: Statement) -> Note:
    """One statement as a briefing sentence: who, the cue (and whom it was told to), what; citing
    the source's first mention and every span used."""
    speaker = _definite(article.quote(mention), speaker)
    utterance = _utterance_named(article, statement)
    if utterance and utterance not in speaker.lower():  # not "the statement by the statement"
        speaker = f"the {utterance} by {speaker}"  # "Trump's statement read:", not "Donald Trump read:"
    if statement.cue and article.quote(statement.cue).strip() == ":":
        statement = replace(statement, direct=True)  # "Van Susteren: Hold on.": their own words
    if not statement.direct:
        statement = replace(statement, content=_quotes_closed(article, statement.content))
    named = (mention, statement.speaker)
    unbroken = _without_aside(article, statement)
    content = no_stop(unbroken or _beyond(article, statement.content, named, speaker))
    # The colon is the frame's.
    cue = _finite(_beyond(article, statement.cue, named, speaker).rstrip(" :")) if statement.cue else ""
    if statement.speaker and article.quote(statement.speaker).lower() in ("i", "we"):
        cue = _third_person(cue)  # "I don't know" by "the writer": "The writer doesn't know"
    # "told" needs its addressee: "Officials told state media a total of 39 are confirmed dead."
    addressee = statement.addressee or _urged(article, statement)
    told = f"{cue} {article.quote(addressee)}{_joining(article, addressee, statement.content)}" if addressee else cue
    # "The directive was first reported by The Record.", but not where the speaker is named before
    # the cue: "Citizens have every right to be outraged by" what follows.
    passive = cue.lower().endswith(" by") and not _named_before_the_cue(statement)
    if statement.refusal and statement.cue and not _within(statement.cue, statement.content):
        text = f"{speaker} {cue} {content}"  # the tagger's spans: "declined" + "to comment"
    elif statement.refusal:
        text = f"{speaker} {content}"  # the rules' content holds the refusal phrase
    elif passive and (active := _in_the_active(article, speaker, cue, statement, content)):
        # "He was told by the minister of ...": the passive's subject is whom it was told to.
        text = active
    elif statement.direct and passive:
        text = f"{_quoted(content)} {cue} {speaker}"
    elif cue.lower() == "according to":
        said = _quoted_whole(article, statement, unbroken) if statement.direct else _continued(article, content)
        text = f"According to {speaker}, {said}"
    elif statement.direct:
        quoted = _quoted_whole(article, statement, unbroken)
        text = f"{speaker} {_before_quotation(article, statement, told)} {quoted}" if cue else f"{speaker}: {quoted}"
    elif passive:
        text = f"{content} {cue} {speaker}"
    else:
        text = f"{speaker} {told} {_continued(article, content)}"
    # Whom it was told to is cited where the sentence shows it: after a cue of its own.
    shown = addressee if not (statement.refusal or passive) and cue and cue.lower() != "according to" else None
    spans = (mention, statement.speaker, statement.cue, shown, statement.content)
    return Note(_capitalised(sentence_end(text)), tuple(dict.fromkeys(c for c in spans if c)))


def _named_before_the_cue(statement: Statement) -> bool:
    speaker, cue = statement.speaker, statement.cue
    return speaker is not None and cue is not None and speaker.end <= cue.start


def _quoted_whole(article: Article, statement: Statement, unbroken: str | None) -> str:
    return _quoted(sentence_end(unbroken or article.quote(statement.content)))


def _before_quotation(article: Article, statement: Statement, told: str) -> str:
    """The cue as it leads into a quotation: with a colon ("said:"); a preposition that takes the
    quotation itself keeps it, without one ('called on "village councils ..."'); one that took
    something else loses it ("commented on the matter: "..."" -> "commented: "...""; not
    "commented on: "...")."""
    *words, last = told.split()
    if not words or last.lower() not in _PREPOSITIONS_BEFORE_A_QUOTATION:
        return f"{told}:"
    said_to = statement.addressee or statement.cue
    taken = said_to is not None and not article.text[said_to.end : statement.content.start].strip(" \"“”'‘’")
    return told if taken else " ".join(words) + ":"


def _joining(article: Article, addressee: Citation, content: Citation) -> str:
    """The preposition between whom it was said to and what ("asked Clinton | about | her email
    scandal"), which the sentence needs; nothing where they stand apart or together."""
    between = article.text[addressee.end : content.start].strip()
    return f" {between}" if addressee.end <= content.start and between.lower() == "about" else ""


def _utterance_named(article: Article, statement: Statement) -> str | None:
    """The word for what was said where the speaker's mention is its owner's ("Trump's statement",
    "his comments") or the one its issuer put out ("the statement"), which the sentence keeps: it
    is the statement that reads or suggests."""
    words = article.quote(statement.speaker).split() if statement.speaker else []
    owned = len(words) >= 2 and (words[-2].endswith(_POSSESSIVE_ENDINGS) or words[-2].lower() in _POSSESSIVES)
    if not (owned or (len(words) == 2 and words[0].lower() == "the")):
        return None
    noun = words[-1].strip(",;:")
    lemma = next(iter(getLemma(noun.lower(), upos="NOUN")), noun.lower())
    return noun.lower() if lemma in UTTERANCE_NOUNS else None


def _in_the_active(article: Article, speaker: str, cue: str, statement: Statement, content: str) -> str | None:
    """ "He was told by the minister of "40 people under the rubble"" -> "The minister told of
    "40 people under the rubble"": the cue's participle, and the word that joins what was said to
    the one who said it. None unless such a word does ("Residents were told by police to
    evacuate" keeps its passive: the police were not told)."""
    agent = statement.speaker
    if agent is None or statement.content.start < agent.end:
        return None
    joint = _joint(article, agent, statement)
    if joint not in _JOINING_WORDS:
        return None
    verb = " ".join(w for w in cue.split()[:-1] if w.lower() not in _PASSIVE_AUXILIARIES)
    return f"{speaker} {verb} {joint} {_quoted(content) if statement.direct else content}"


def _quoted(content: str) -> str:
    """A quotation in marks, unless it keeps its own (quotations run together: '"..." and "..."')."""
    return content if content.startswith(_QUOTE_MARKS) else f"“{content}”"


def _urged(article: Article, statement: Statement) -> Citation | None:
    """The few words between a cue and a content that opens on "to": whom the source urged, asked
    or warned ("urged residents | to evacuate"), where the content leaves them out (the tagger
    may: PolNeAR marks them in the content mostly, not always)."""
    cue, content = statement.cue, statement.content
    if cue is None or statement.direct or not cue.end < content.start:
        return None
    between = article.text[cue.end : content.start]
    words = between.split()
    opens_on_to = article.quote(content).lower().startswith("to ")
    if not opens_on_to or not 0 < len(words) <= MAX_URGED_WORDS or re.search(r"[^\w\s'’-]", between):
        return None
    start = cue.end + len(between) - len(between.lstrip())
    return article.cite(start, start + len(between.strip()))


def _without_aside(article: Article, statement: Statement) -> str | None:
    """The content without the attribution set inside it, which the sentence already gives:
    "a move whose rarity, CBS noted, highlighted ..." -> "a move whose rarity highlighted ...",
    "injured yesterday according to health officials, ranging ..." -> "injured yesterday,
    ranging ...", and a quotation broken by "he said" joined again. None where there is none."""
    content, cue = statement.content, statement.cue
    if cue is None or not content.start < cue.start < cue.end < content.end:
        return None
    named = (statement.speaker, statement.addressee)  # "the harbor, Mayor Ana Ruiz told reporters, will ..."
    parts = [cue, *(c for c in named if c is not None and _within(c, content))]
    start, end = min(c.start for c in parts), max(c.end for c in parts)
    if "\n" in article.text[start:end] or end - start > MAX_ASIDE_CHARS:
        return None
    before, after = article.text[content.start : start], article.text[end : content.end]
    marks = " ,\u00a0" + ("\"“”'‘’" if statement.direct else "")
    kept_before, kept_after = before.rstrip(marks), after.lstrip(marks)
    if not re.search(r"\w", kept_after):
        return kept_before
    # Not '... he said. "They will lose."' (a new sentence), nor '"We will win," he said on Monday,
    # "and ..."': a quotation broken by an aside goes on right after it, with its mark.
    resumed = after.lstrip(" ,\u00a0")[:1]
    if kept_after[:1] in ".!?" or (statement.direct and resumed not in "\"“'‘"):
        return None
    commas = ("," in before[len(kept_before) :], "," in after[: len(after) - len(kept_after)])
    # A quotation keeps the speaker's comma; elsewhere a comma pair around the aside goes with it.
    joint = ", " if (commas[0] if statement.direct else commas[0] != commas[1]) else " "
    return f"{kept_before}{joint}{kept_after}"


def _beyond(article: Article, part: Citation, names: tuple[Citation | None, ...], speaker: str) -> str:
    """The part's words after those that the speaker's name, as the sentence writes it, ends with
    already: "The bill in question" + "in question would allow", "police in Baytown, Texas" +
    "Texas, Zhukovskyy has been" (the tagger's spans overlap the name's mention)."""
    for name in (n for n in names if n is not None and n.start <= part.start < n.end < part.end):
        repeated = article.text[part.start : name.end].strip(" ,")
        if repeated and speaker.lower().endswith(repeated.lower()):
            return article.text[name.end : part.end].lstrip(" ,;:")
    return article.quote(part)


def _definite(mention: str, speaker: str) -> str:
    """A name that the article writes after "the" keeps it: "the FSB denies", "according to the
    Guardian" (a source's name is kept without it, as tables list names)."""
    determiner, _, rest = mention.partition(" ")
    if determiner.lower() == "the" and rest.startswith(speaker) and not speaker.lower().startswith("the "):
        return f"the {speaker}"
    return speaker


# Contracted auxiliaries that read the same for any speaker once written out.
_CONTRACTED = {"'d": "would", "'ll": "will"}
# Verbs whose third person lemminflect does not give from the first: auxiliaries and negations.
_THIRD_PERSON = {
    "am": "is",
    "'m": "is",
    "are": "is",
    "'re": "is",
    "were": "was",
    "do": "does",
    "have": "has",
    "'ve": "has",
}
_MODALS = frozenset("can cannot could may might must shall should will would".split())


def _third_person(cue: str) -> str:
    """A cue in the first person ("know", "don't know", "have seen", "am sure", "still call") as
    a third person's ("knows", "doesn't know", "has seen", "is sure", "still calls")."""
    first, space, rest = cue.partition(" ")
    word = first.lower().replace("’", "'")
    if "ADV" in getAllLemmas(word) and {"VERB", "AUX"} & set(getAllLemmas(rest.split(" ")[0].lower())):
        return f"{first}{space}{_third_person(rest)}"  # the verb after an adverb
    base, negated = (word[:-3], word[-3:]) if word.endswith("n't") else (word, "")
    if base in _THIRD_PERSON:
        third = _THIRD_PERSON[base]
    elif base in _MODALS | {"ca", "wo"} or getAllLemmas(base).get("VERB") != (base,):  # "can't", "won't"
        return cue  # "would say", "said": the same for every person; a word that is no verb
    else:
        third = next(iter(getInflection(base, tag="VBZ")), base)
    if negated:
        third = f"{third}n{first[-2]}t"  # the writer's own apostrophe
    return f"{third}{space}{rest}"


def _finite(cue: str) -> str:
    """A cue that opens with a participle ("describing", "telling"; "Democrats supporting the
    resolution"), also after an adverb ("seemingly confirming"), as a sentence's verb: its past tense
    ("described", "told", "supported"). "According to" is a preposition. A contracted auxiliary
    ("'d say") is written out."""
    first, space, rest = cue.partition(" ")
    contracted = _CONTRACTED.get(first.lower().replace("’", "'"))
    if contracted:  # "I'd say" after its speaker: "would say"
        return f"{contracted}{space}{rest}"
    if set(getAllLemmas(first.lower())) == {"ADV"} and rest:  # "seemingly confirming": "seemingly confirmed"
        return f"{first}{space}{_finite(rest)}"
    if not first.lower().endswith("ing") or first.lower() == "according":
        return cue
    lemma = next(iter(getLemma(first.lower(), upos="VERB")), None)
    past = next(iter(getInflection(lemma, tag="VBD")), None) if lemma else None
    return f"{past}{space}{rest}" if past else cue


def reported_within(statement: Statement, briefed: list[Statement]) -> bool:
    """A statement whose cue lies in another briefed statement's content ("Residents said the
    officers claimed to be seeking a bomb") is that statement's report, already briefed with it;
    briefed alone it would lose who reported it."""
    return statement.cue is not None and any(
        other is not statement and other.cue != statement.cue and _within(statement.cue, other.content)
        for other in briefed
    )


def _led_with(statement: Statement, lead: Citation) -> bool:
    """Whether the briefing's opening sentence, quoting ``lead``, shows the statement and its cue."""
    return _within(statement.content, lead) and (statement.cue is None or _within(statement.cue, lead))


def _within(inner: Citation, outer: Citation) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def with_role(name: str, kind: SourceKind, role: str | None, affiliation: str | None, text: str) -> str:
    """A person's name with its role and what the role belongs to ("Zabiullah Mujahid (Taliban
    spokesperson)"); a role that is all the name says ("The president") is not said twice."""
    if kind != SourceKind.PERSON or not role or role == name:
        return name
    return f"{name} ({_role_of(role, affiliation, text)})"


def _role_of(role: str, affiliation: str | None, text: str) -> str:
    """The role with its affiliations, each put where ``text`` writes it just before the role
    ("Senate" + "President" -> "Senate President"), or else after it ("committee member,
    Georgia"); one the role already names ("US Ambassador to Germany") is not repeated."""
    after: list[str] = []
    for part in (affiliation or "").split(", "):
        if not part or _as_words(part.lower(), role.lower()):
            continue
        if _as_words(f"{part} {role}", text):
            role = f"{part} {role}"
        else:
            after.append(part)
    return ", ".join([role, *after])


def _as_words(phrase: str, text: str) -> bool:
    """Whether ``text`` has ``phrase`` as whole words ("UN" is not in "unit commander")."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def _speaker_phrase(source: Source, article: Article, told: str) -> str:
    """The source with its role; an unnamed one with the outlet it spoke to, unless the sentence
    says so already (``told``: "A spokesperson told the Military Times")."""
    phrase = with_role(source.name, source.kind, source.role, source.affiliation, article.text)
    if source.conduit and source.kind == SourceKind.ANONYMOUS and not _as_words(source.conduit, told):
        phrase += f" (speaking to {source.conduit})"
    return phrase


def no_stop(text: str) -> str:
    # '... a "breach of his responsibilities,"' ends without the comma that led on in the article.
    return re.sub(r"[,;:]([\"”’])$", r"\1", text.rstrip(" .,;:"))


def _quotes_closed(article: Article, content: Citation) -> Citation:
    """The content with the quotation mark that a quoted phrase in it opens or closes just
    outside it: 'said "three terrorists" were killed' (the content began after the mark),
    'called it "a non-starter".' and 'was "not feeling well."' (it ended before the mark)."""
    text, start, end = article.quote(content), content.start, content.end
    before, after = article.text[start - 1 : start], article.text[end : end + 2]
    if text.count('"') % 2:
        if before == '"' and not text.startswith('"'):
            start -= 1
        elif after.startswith('"'):
            end += 1
        elif after[:1] in ".,!?" and after[1:2] == '"':  # 'was "not feeling well."'
            end += 2
    elif text.count("“") > text.count("”") and "”" in after:
        end += after.index("”") + 1
    elif text.count("”") > text.count("“") and before == "“":
        start -= 1
    return content if (start, end) == (content.start, content.end) else article.cite(start, end)


def sentence_end(text: str) -> str:
    """The text as a sentence: one full stop, unless it ends one already (inside a closing quote
    mark too: '... "really hammer home their message."', or an editor's bracketed stop: 'slang[.]')."""
    text = text.rstrip(" ,;:")
    return text if text.rstrip("\"”’'").endswith((".", "!", "?", "…", "[.]")) else text + "."


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
