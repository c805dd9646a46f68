"""Who a statement's subject is: a named person, an organization, an outlet, or an anonymous
group, with role, affiliation and the outlet it spoke through; pronouns and short names resolved
to the person named earlier."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from sourcebrief.attribute import lexicon
from sourcebrief.attribute.tokens import span_of, subtree_tokens, text_of, trim_punctuation, without_dateline
from sourcebrief.model import SourceKind

_ENTITY_KINDS = {"PERSON": SourceKind.PERSON, "ORG": SourceKind.ORGANIZATION}
_TITLES = lexicon.TITLE_WORDS | lexicon.ROLE_NOUNS
_AFFILIATION_LABELS = {"NORP", "GPE", "ORG"}
_UNNAMED = frozenset("anonymous unnamed unidentified".split())
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj"}
_ROLE_EDGES = " ,;:-–—"  # "The governor of Ohio, Mike DeWine": the role ends before the comma


@dataclass(frozen=True)
class Speaker:
    """A resolved subject. ``key`` identifies the source within one article."""

    key: str
    name: str
    kind: SourceKind
    start: int
    end: int
    role: str | None = None
    affiliation: str | None = None
    conduit: str | None = None


def people_in(doc: Doc) -> list[Span]:
    """The people the article names: the entity tagger's, and a name it calls an organization or
    a place that an apposition or a "who" clause gives a person's role ("Ricardo Rosselló
    Nevares, Puerto Rico's governor,", "Claure, who is also an executive at SoftBank,")."""
    people = [
        _before_a_clause(e)
        for e in doc.ents
        if e.label_ == "PERSON" or (e.label_ in ("ORG", "GPE") and _given_a_role(e))
    ]
    # A name has a capital: "pickup truck", which the entity tagger can call a person, is none.
    people = [e for e in people if any(t.text[:1].isupper() for t in e)]
    # A country's name alone is no person, unless it is a named person's ("Jordan" for Jim Jordan);
    # nor is a word that says what someone is like ("Heavily outgunned Kurdish defenders said").
    name_words = {word for e in people if len(e) > 1 for word in e.text.split()}
    alone = lexicon.COUNTRIES | {e.text for e in people if len(e) == 1 and lexicon.a_describing_word(e.text)}
    people = [e for e in people if e.text not in alone or e.text in name_words]
    # Nor a name that ends on a body's word ("Virgin Media", "Lloyds Bank").
    people = [e for e in people if e[-1].lower_ not in lexicon.ORGANIZATION_NOUNS | lexicon.OUTLET_NOUNS]
    # Nor, anywhere in the article, a name it gives a body: "the Islamist group Boko Haram".
    bodies = {e.text for e in people if e.start and _a_body_noun(doc[e.start - 1])}
    return [e for e in people if e.text not in bodies]


def _a_body_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.ORGANIZATION_NOUNS | lexicon.NEWS_NOUNS


def _before_a_clause(name: Span) -> Span:
    """The name without a clause that the entity tagger ran it on into ("Taylor Lianne Chandler -
    who says ...")."""
    end = next((t.i for t in name if _a_dash_before_a_clause(t)), name.end)
    return name.doc[name.start : end] if end > name.start else name


def _given_a_role(name: Span) -> bool:
    """Whether an apposition gives the name a person's role, and names no person itself: in "ISNA,
    the prosecutor general of Tehran, Ali Alghasi Mehr," the role is Mehr's. A name with a
    preposition or a body's word ("Syrian Observatory for Human Rights") is no person's."""
    if any(t.pos_ == "ADP" or t.lower_ in lexicon.INSTITUTION_WORDS for t in name):
        return False
    return any(
        ((c.dep_ == "appos" and c.tag_ == "NN" and c.lemma_.lower() in lexicon.ROLE_NOUNS) or _who_is_a_role(c))
        and not any(t.ent_type_ == "PERSON" for t in c.subtree)
        for c in name.root.children
    ) or holder_of_a_role(name.root)


def holder_of_a_role(name: Token) -> bool:
    """ "spokesman for the National Security Council, Alistair Baskey told ...": a name put after
    a role and a comma, which the parser takes for a second subject or a second conjunct."""
    if name.pos_ != "PROPN" or name.left_edge.i == 0 or name.left_edge.nbor(-1).text != ",":
        return False
    roles = lexicon.ROLE_NOUNS | lexicon.SOURCE_NOUNS
    if name.dep_ == "conj":
        role = name.head
        return role.tag_ == "NN" and role.lemma_.lower() in roles and not any(c.dep_ == "cc" for c in role.children)
    siblings = name.head.children if name.dep_ == "nsubj" else ()
    return any(c.dep_ == "nsubj" and c.i < name.i and c.tag_ == "NN" and c.lemma_.lower() in roles for c in siblings)


def acronym(name: str) -> str:
    """The initials of a name's capitalised words, lower-cased: "Associated Press" -> "ap"."""
    return "".join(w[0] for w in re.findall(r"\b[A-Z][a-z]+", name)).lower()


def _antecedent_of_relative(pronoun: Token) -> Token:
    """The noun a relative clause describes ("Smith, who said ..."), also where the parser hung
    the clause elsewhere ("the Chicago Police Department which reported ...", read as a clause
    of the sentence's verb): then the noun right before the pronoun."""
    before = pronoun.nbor(-1) if pronoun.i > 0 else pronoun
    if before.text == "," and before.i > 0:
        before = before.nbor(-1)
    noun_before = before.pos_ in ("NOUN", "PROPN")
    if pronoun.head.dep_ == "relcl":
        described = pronoun.head.head
        # "battles with security forces, who say ...": "who" is people, the object of the
        # preposition right before it, where the noun the parser chose cannot speak.
        of_it = noun_before and before.dep_ == "pobj" and before.head.head == described
        misplaced = pronoun.lower_ == "who" and of_it and not _could_speak(described)
        return before if misplaced else described
    relative = pronoun.lower_ in ("who", "which", "that")
    return before if relative and noun_before else pronoun


def _could_speak(noun: Token) -> bool:
    """A name, or a noun for people or a body."""
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "PROPN"
        or noun.ent_type_ in ("PERSON", "ORG", "NORP")
        or lemma in lexicon.SOURCE_NOUNS | lexicon.ROLE_NOUNS | lexicon.ORGANIZATION_NOUNS
    )


def _only_the(head: Token) -> bool:
    """A noun with "the" and nothing else before or after it: a reference back."""
    return [c.lower_ for c in head.children if c.dep_ != "punct"] == ["the"]


def _name_head(name: str) -> str:
    """The noun a body's name is built on: "Supreme Court" -> "court", "Court of Session" -> "court"."""
    words = name.lower().split(" of ")[0].split()
    return words[-1] if words else ""


def _us_spelling(word: str) -> str:
    """ "organisation" and "organization" are one noun: "the organisation" after "the World Health
    Organization"."""
    return re.sub(r"isation$", "ization", word.lower()).replace("centre", "center")


def _an_outlet_noun(noun: Token) -> bool:
    """ "newspaper", "magazine"; "news site", "news organization" ("the network" alone is a body)."""
    lemma = noun.lemma_.lower()
    news = any(t.lower_ == "news" for t in noun.lefts)
    return lemma in lexicon.OUTLET_NOUNS - lexicon.ORGANIZATION_NOUNS or (lemma in lexicon.NEWS_NOUNS and news)


def _named_as_outlet(head: Token) -> bool:
    """ "state-owned Iranian news agency Fars", "broadcaster RT", "Al Sabaah, a pro-government
    newspaper,": a common noun before the name or in apposition says it is an outlet (not "NBC
    News president Steve Capus", nor "Press freedom group Reporters Without Borders"; in "Rev.
    James Martin, ..., the Catholic Magazine," the parse hangs a name on him)."""
    return any(
        c.dep_ in ("appos", "compound", "amod", "nmod")
        and c.pos_ == "NOUN"
        and c.lower_ != "press"
        and _an_outlet_noun(c)
        for c in head.children
    )


# Sources with no name of their own, found again by their descriptor ("the reports", "the officials").
_UNNAMED_KINDS = frozenset({SourceKind.ANONYMOUS, SourceKind.DOCUMENT})
_IT_KINDS = frozenset({SourceKind.ORGANIZATION, SourceKind.OUTLET, SourceKind.DOCUMENT})


def is_outlet_name(name: str) -> bool:
    return bool(lexicon.OUTLET_WORDS.search(name))


def entity_name(token: Token) -> tuple[str, str] | None:
    """(text, label) of the named entity containing ``token``, if any."""
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return _bare_name(_entity_part(ent, token)), ent.label_
    return None


def _entity_part(entity: Span, token: Token) -> Span:
    """The part of an entity on the token's side of a colon, a conjunction, a clause's "that" or
    the next clause's subject: the entity tagger sometimes runs a transcript's "WALLACE:" on into
    the words that follow, or joins two names ("The United Nations and Human Rights Watch", "told
    Variety that Bale had ...", "told Billboard the Doobies have been"). Without a preposition
    left at its end ("the Clinical Center of the University in", before "Sarajevo")."""
    breaks = [
        t.i
        for t in entity
        if t.text == ":"
        or t.dep_ == "mark"
        or _a_dash_before_a_clause(t)
        or _joins_two_names(entity, t)
        or _after_an_outlet(entity, t)
    ]
    start = max((i + 1 for i in breaks if i < token.i), default=entity.start)
    end = min((i for i in breaks if i > token.i), default=entity.end)
    end = min(end, _next_clause_subject(entity, token))
    while end - 1 > token.i and token.doc[end - 1].pos_ == "ADP":
        end -= 1
    return token.doc[start:end]


def _after_an_outlet(entity: Span, token: Token) -> bool:
    """The possessive of an outlet that a name follows ("The Washington Post's Liz Sly"): the
    outlet and its journalist are two names."""
    if (token.tag_ != "POS" and token.dep_ != "case") or token.i + 1 >= entity.end:
        return False
    return is_outlet_name(token.doc[entity.start : token.i].text)


def _next_clause_subject(entity: Span, token: Token) -> int:
    """Where the entity tagger ran the token's name on into the next clause's subject ("told
    [Billboard the Doobies] have been ..."); the entity's end where it did not."""
    inside = range(entity.start, entity.end)
    own = next(t for t in (token, *token.ancestors) if t.head.i not in inside or t.head == t)
    starts = [
        t.left_edge.i
        for t in entity
        if t.dep_ in ("nsubj", "nsubjpass")
        and t.head.i not in inside
        and t.head != own.head
        and t.left_edge.i > token.i
    ]
    return min(starts, default=entity.end)


def proper_name(token: Token) -> str:
    """A name for the noun at ``token``: its entity, else its run of proper-noun modifiers."""
    found = entity_name(token)
    if found:
        return found[0]
    possessor = next((c for c in token.children if c.dep_ == "poss" and c.ent_type_ == "ORG"), None)
    if possessor is not None:
        return proper_name(possessor)
    titled = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN" and not c.ent_type_), None)
    if titled is not None and token.pos_ == "PROPN":  # "the U.S. Attorney's Office": the whole name
        return token.doc[titled.left_edge.i : token.i + 1].text
    left = [t for t in token.lefts if t.dep_ in ("compound", "det", "amod") and (t.pos_ == "PROPN" or t.text == "The")]
    # A modifier's own modifiers belong to the name: "United" in "United States House".
    first = left[0].left_edge if left and left[0].left_edge.pos_ == "PROPN" else (left or [token])[0]
    return token.doc[first.i : token.i + 1].text


def _a_dash_before_a_clause(token: Token) -> bool:
    """ "Taylor Lianne Chandler - who says ...": a dash the entity tagger ran a name on through."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    spaced = token.i > 0 and bool(token.nbor(-1).whitespace_) and bool(token.whitespace_)  # not "Hoi-kwan"
    return spaced and token.text in ("-", "–", "—", "--") and following is not None and following.text[:1].islower()


def _joins_two_names(entity: Span, token: Token) -> bool:
    """ "and" between two runs of proper nouns, each of two words or more ("The United Nations and
    Human Rights Watch"); "Procter and Gamble", "the National Institute of Allergy and Infectious
    Disease" and "the National Oceanic and Atmospheric Administration" are one name."""
    before = [t for t in entity if t.i < token.i and t.dep_ != "det"]
    after = [t for t in entity if t.i > token.i]
    plain = all(t.pos_ == "PROPN" for t in before + after)
    # Not where the words before "and" end on an adjective: "the National Oceanic and
    # Atmospheric Administration".
    whole = bool(before) and not lexicon.a_describing_word(before[-1].text)
    return token.dep_ == "cc" and plain and whole and len(before) > 1 and len(after) > 1


_TRAILING_PUNCTUATION = frozenset(",;:")


def _bare_name(span: Span) -> str:
    # "the BBC" -> "BBC", "The Interior Ministry" -> "Interior Ministry"; "The Record" is a name.
    # A possessive is no part of it: "the Institute's director" is affiliated with "Institute".
    possessive = span[-1].tag_ == "POS" or span[-1].dep_ == "case"
    if possessive and span[-1].head.dep_ == "poss":  # "Barron's reported": its name
        span = span[:-1]
    while len(span) > 1 and span[-1].text in _TRAILING_PUNCTUATION:  # the entity tagger's "Telegraph,"
        span = span[:-1]
    text = span.text
    if text.startswith("the ") or (text.startswith("The ") and len(span) > 2):
        return text[4:]
    return text


class SpeakerResolver:
    """Resolves subjects in text order, remembering people so that "he" and "Turner" find
    "Mike Turner" and "the senator" finds the last person whose role says senator."""

    def __init__(self, people: list[Span], authors: tuple[str, ...] = ()):
        # Who "I" and "we" are outside quotation marks: the byline if known, else unnamed.
        self._writer = Speaker(
            key=" and ".join(authors) or "the writer",
            name=" and ".join(authors) or "the writer",
            kind=SourceKind.PERSON if authors else SourceKind.ANONYMOUS,
            start=0,
            end=0,
            role="writer of the article" if authors else None,
        )
        self._people = people
        # Every multi-word name of a person, in text order, as a target for short names.
        self._full_names = [text_of(names) for p in people if len(names := _without_titles(p)) > 1]
        self._recent: list[Speaker] = []
        self._aliases: dict[str, str] = {}
        # Who put out each kind of writing ("released a statement saying ..."), so that a later
        # "the statement" is theirs.
        self._issuers: dict[str, Speaker] = {}
        # Role and affiliation of each person from wherever the article describes them, so that a
        # statement by "Johnson" still shows "Prime Minister" from an earlier mention.
        self.profiles: dict[str, Speaker] = {}
        # Every person the article names, with where, and whether as a sentence's subject: the
        # antecedents for "he" and "she" even when they have not spoken yet.
        self._named_people: list[tuple[Speaker, bool]] = []
        for person in people:
            profile = self._person(_noun_in_apposition_to(person.root), person)
            self._named_people.append((profile, _subject_of_its_sentence(person.root)))
            if profile.role or profile.affiliation:
                self.profiles.setdefault(profile.key, profile)
        # Whether the article calls each person "he" or "she", so that "he said" does not go to
        # the last woman named.
        self._pronoun_of = _pronouns_by_person(
            [(span, profile, subject) for span, (profile, subject) in zip(people, self._named_people, strict=True)]
        )

    def resolve(
        self, subject: Token, *, any_noun: bool = False, within: tuple[int, int] | None = None
    ) -> Speaker | None:
        """The speaker that ``subject`` names; with ``any_noun`` (the object of "according
        to") any noun phrase is a source, else only names, pronouns and source nouns are. An
        unnamed source is described by its words ``within`` the span marked as the source, where
        one is: the parse may run its phrase on into the cue ("The summary of the decision read
        in part: ...")."""
        if subject.tag_ in ("WP", "WDT"):
            subject = _antecedent_of_relative(subject)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
            return None  # "No group has claimed the attack": nobody said anything
        if subject.lower_ in lexicon.CALENDAR_WORDS:
            return None  # "Monday told him ...": the parse's slip, a day says nothing
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None and subject.lemma_.lower() in lexicon.UTTERANCE_NOUNS:
            said_by = self.resolve(owner)  # "His comments suggest ...": he is the source
            if said_by is not None:
                start, end = span_of(subtree_tokens(subject))
                return replace(said_by, start=start, end=end)
        if subject.lower_ in lexicon.PRONOUNS_WRITER:
            # The attribute stage skips cues inside quotations and other speakers' statements,
            # where "I" is the one quoted.
            # Not remembered: a later "he" is someone the writer wrote about.
            return replace(self._writer, start=subject.idx, end=subject.idx + len(subject))
        if subject.lower_ in lexicon.PRONOUNS_PERSON | lexicon.PRONOUNS_GROUP | lexicon.PRONOUNS_THING:
            found = self._person_of_joined_clause(subject) or self._antecedent(subject.lower_, subject.idx)
            if found is None:
                return None
            if subject.lower_ in lexicon.PRONOUNS_PERSON:  # once "she", not later "he"
                self._pronoun_of.setdefault(found.key, _pronoun_form(subject.lower_))
            return self._remember(replace(found, start=subject.idx, end=subject.idx + len(subject)))
        if subject.text in lexicon.INTERVIEW_LABELS:
            return None  # an interview's "Q", which the tagger can take for a source
        speaker = self._describe(subject, within)
        if speaker is None and any_noun and subject.pos_ in ("NOUN", "PROPN"):
            group = self._earlier_group(subject) if subject.tag_ in ("NNS", "NNPS") else None
            speaker = group or self._anonymous(subject, within=within)
        if speaker is None:
            return None
        # The mention cited is the whole noun phrase ("Mr. Holtz-Eakin", "Douglas Holtz-Eakin, an
        # economist who ..."): the name alone drops what the article says about the source.
        start, end = span_of(subtree_tokens(subject))
        speaker = self._remember(replace(speaker, start=start, end=end))
        if subject.head.lemma_.lower() in lexicon.ISSUING_VERBS:
            for writing in (c for c in subject.head.children if c.dep_ == "dobj"):
                self._issuers[writing.lemma_.lower()] = speaker
        return speaker

    def _person_of_joined_clause(self, pronoun: Token) -> Speaker | None:
        """ "The press asked Trump about it, but he declined to comment": "he" or "she" as the
        subject of a clause joined to another is that clause's person, its subject before its
        object, whoever was named in between."""
        verb = pronoun.head
        if pronoun.lower_ not in lexicon.PRONOUNS_PERSON or pronoun.dep_ != "nsubj" or verb.dep_ != "conj":
            return None
        named = [c for dep in ("nsubj", "dobj") for c in verb.head.children if c.dep_ == dep and c.pos_ != "PRON"]
        form = _pronoun_form(pronoun.lower_)
        people = (
            s
            for s in map(self._describe, named)
            if s is not None and s.kind == SourceKind.PERSON and self._pronoun_of.get(s.key, form) == form
        )
        return next(people, None)

    def _remember(self, speaker: Speaker) -> Speaker:
        self._recent.append(speaker)
        words = speaker.name.split()
        named = speaker.name != speaker.role  # "The House Speaker" is known by role: no name to shorten
        if speaker.kind == SourceKind.PERSON and named and len(words) > 1 and all(w[:1].isupper() for w in words):
            # A name the entity tagger missed ("Mayor Ana Ruiz said"): a later "Ruiz" is this person.
            self._full_names.append(speaker.name)
        return speaker

    def _antecedent(self, pronoun: str, position: int) -> Speaker | None:
        if pronoun in lexicon.PRONOUNS_PERSON:
            # The last person before the pronoun, preferring people who were subjects: in "Trump
            # attacked Clinton. He said ...", "he" is Trump.
            form = _pronoun_form(pronoun)
            people = [s for s in self._recent if self._could_be(s, form)]
            earlier = [(s.start, s) for s in people if s.start < position]
            earlier += [
                (p.start, p)
                for p, subject in self._named_people
                if subject and p.start < position and self._pronoun_of.get(p.key, form) == form
            ]
            if earlier:
                return max(earlier, key=lambda item: item[0])[1]
            return people[-1] if people else None
        elif pronoun in lexicon.PRONOUNS_GROUP:
            # Not a named person: "they" after "Mayor Tom Ruiz said ..." is someone else, and
            # leaving it unresolved is better than putting words in his mouth.
            kinds = {SourceKind.ANONYMOUS, SourceKind.ORGANIZATION, SourceKind.DOCUMENT}
        else:
            # "it" is a body, an outlet or an unsigned document ("The report ... It said").
            return next((s for s in reversed(self._recent) if s.kind in _IT_KINDS), None)
        return next((s for s in reversed(self._recent) if s.kind in kinds), None)

    def _could_be(self, speaker: Speaker, form: str) -> bool:
        """Whether "he" or "she" (``form``) can stand for ``speaker``: a person the article does not
        call the other, or an unnamed one described as a man or a woman ("A 104-year-old woman")."""
        if speaker.kind == SourceKind.PERSON:
            return self._pronoun_of.get(speaker.key, form) == form
        return speaker.kind == SourceKind.ANONYMOUS and self._pronoun_of.get(speaker.key) == form

    def _describe(self, head: Token, within: tuple[int, int] | None = None) -> Speaker | None:
        body = self._body_named_before(head)
        if body is not None:
            return body
        outlet = _outlet_owning(head)
        if outlet is not None and head.pos_ == "PROPN":  # "The Washington Post's Liz Sly": its journalist
            journalist = head.doc[_names_before(head, lambda t: t.dep_ == "compound") : head.i + 1]
            return replace(self._person(head, journalist), conduit=proper_name(outlet))
        skipped = _CLAUSE_DEPS | {"appos", "prep"}
        tokens = subtree_tokens(head, skip_deps=skipped - {"cc", "conj"} if _titles_a_name(head) else skipped)
        person = self._person_in(head, tokens)
        # "Kurdish news website Rudaw", "al Sabaah, a newspaper", "the newspaper al Sabaah": an
        # outlet, whatever the entity tagger calls its name (but in "news agency ISNA, the
        # prosecutor ..., Ali Mehr" Mehr speaks).
        own_name = person is None or person.start <= head.i < person.end
        if own_name and head.text[:1].isupper() and _named_as_outlet(head):
            return replace(self._organization(head, proper_name(head)), kind=SourceKind.OUTLET)
        if person is not None and person.root.dep_ == "appos" and person.root.head == head:
            # "the social media analytics site Topsy", "the rights group Amnesty": a body's name,
            # whatever the entity tagger calls it.
            if _an_outlet_noun(head):
                return replace(self._organization(person.root, proper_name(person.root)), kind=SourceKind.OUTLET)
            if _a_body_noun(head):
                return self._organization(person.root, proper_name(person.root))
        if person is not None:
            return self._person(head, person)
        named = _organization_in_apposition(head)
        if named is not None:
            organization = self._organization(named, proper_name(named))
            return replace(organization, kind=SourceKind.OUTLET) if _an_outlet_noun(head) else organization
        lemma = head.lemma_.lower()
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
        if lemma in lexicon.ROLE_NOUNS and head.tag_ not in ("NNS", "NNPS") and not indefinite:
            return self._person_by_role(head) or self._unnamed_person(head)
        if indefinite and head.tag_ == "NNP":  # "An American who ...", "a Briton": one of a people, unnamed
            return self._anonymous(head, within=within)
        entity = entity_name(head)
        # "Trump characterized ...": a surname that the tagger took for a common noun ("trump").
        surname = head.pos_ == "NOUN" and head.text[:1].isupper() and self._full_name_for(head.text) is not None
        # A lower-case "proper noun" is the tagger's slip ("the state transport department"); an
        # acronym is a name whatever its tag ("UNICEF reported").
        proper = (head.pos_ == "PROPN" and _capitalised(head)) or _an_acronym(head)
        if proper or (entity and entity[1] in _ENTITY_KINDS) or surname:
            # A short name such as "Turner", or a name the entity tagger calls a person elsewhere
            # in the article (a transcript's "WALLACE:"), is often mislabelled as an organization.
            # Not a company by the product named after it: "Apple" is not "Apple Watches", which
            # the entity tagger called a person.
            company = head.ent_type_ == "ORG"
            full = self._full_name_for(head.text, first_word=not company) or self._person_named(proper_name(head))
            if full:
                return Speaker(full, full, SourceKind.PERSON, head.idx, head.idx + len(head))
            titled = _titled_name(head, tokens) or _name_given_a_role(head)
            if titled is not None:
                return self._person(head, titled)
            return self._organization(head, proper_name(head))  # an outlet so described was found above
        if _a_writing_or_recording(head):
            issuers = [*tokens, *_issuers_named(head)]
            person = next((p for p in self._people if any(p.start <= t.i < p.end for t in issuers)), None)
            if person is not None:  # "a tweet by US Secretary of State Mike Pompeo"
                return self._person(person.root, person)
            # "a Pentagon report" is the Pentagon's; "the Puerto Rican constitution" is no one's.
            issuer = next((t for t in issuers if t.ent_type_ == "ORG" or _names_an_issuer(t, head)), None)
            if issuer is not None:
                return self._organization(issuer, proper_name(issuer))
            return self._issuer_of(head) or self._anonymous(head, within=within)  # "the poll found": no one named
        earlier = self._earlier_outlet(head) if lemma in _OUTLET_BACK_REFERENCES else None
        if earlier is not None:
            return earlier
        if _an_outlet_noun(head):  # "Time magazine", "the Walla news site"
            return self._anonymous(head, within=within, kind=SourceKind.OUTLET)
        if head.lower_ in lexicon.SOURCE_NOUNS or lemma in lexicon.SOURCE_NOUNS:
            return self._earlier_group(head) or self._anonymous(head, within=within)
        if lemma in lexicon.ORGANIZATION_NOUNS or head.ent_type_ == "NORP":  # "the campaign", "Republicans"
            return self._earlier_organization(head) or self._anonymous(
                head, within=within, kind=SourceKind.ORGANIZATION
            )
        if lemma in lexicon.QUANTITY_WORDS:  # "One, an American fighter,": the apposition says who
            described = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"), head)
            return self._anonymous(described, within=within)
        if any(t.ent_type_ == "PERSON" and t.dep_ == "compound" for t in head.lefts):
            return self._anonymous(head, within=within)  # "Clinton aides": unnamed people described by a name
        return None

    def _person_in(self, head: Token, tokens: list[Token]) -> Span | None:
        """The person a subject names, or its apposition names; not a possessor or a name that
        modifies a noun ("Merkel's spokesperson, Steffen Seibert" and "a former Trump adviser,
        Sebastian Gorka" name Seibert and Gorka)."""
        possessors = {t.i for tok in tokens if tok.dep_ == "poss" for t in tok.subtree}
        indices = {t.i for t in tokens} - possessors
        # Not a name in a clause inside the apposition, nor where the role is held: "Asim Qureshi,
        # research director at the charity Relief, which was in contact with Emwazi, told ..." is
        # neither Emwazi's word nor Relief's. (The parse may hang the name itself on a place in
        # the role: "the prosecutor general of Tehran, Ali Alghasi Mehr".)
        appositions = (c for c in head.children if c.dep_ == "appos")
        described = {t.i for c in appositions for t in _without_clauses(c) if not _names_an_object(t)}
        named = [p for p in self._people if (p.start in indices or p.root.i in described) and not _modifies(p)]
        # The name the phrase is built on first: "Rear Adm. John Kirby", where the entity tagger
        # also calls "Rear" a person.
        return next((p for p in named if p.start <= head.i < p.end), named[0] if named else None)

    def _full_name_for(self, short: str, *, first_word: bool = True) -> str | None:
        """The full name that a short one stands for: its last word ("Turner"; a transcript's
        "PENCE:"), else another of its words when one name alone has it (a first of two family
        names, "Rosselló" for Ricardo Rosselló Nevares; with ``first_word``, names written family
        name first, "Xi" for Xi Jinping, "Tuilaepa")."""

        def named_by(words: slice) -> list[str]:
            return [
                f for f in self._full_names if f != short and any(short in (w, w.upper()) for w in f.split()[words])
            ]

        by_last_word = named_by(slice(-1, None))
        if by_last_word:
            return by_last_word[-1]
        by_other_word = set(named_by(slice(None if first_word else 1, -1)))
        return by_other_word.pop() if len(by_other_word) == 1 else None

    def _person_named(self, name: str) -> str | None:
        return name if any(profile.key == name for profile, _ in self._named_people) else None

    def _person(self, head: Token, person: Span) -> Speaker:
        name_tokens = _without_titles(person)
        # Not the words of a quotation that the parse hung on the name ('... in vapor form," lead
        # researcher Lucas Paganini said'): the role starts after the quotation's end.
        quoted = max((t.i for t in head.subtree if t.i < name_tokens[0].i and _ends_a_quotation(t)), default=-1)
        before = [t for t in head.subtree if quoted < t.i < name_tokens[0].i and t.dep_ not in ("det", "punct", "case")]
        if before and len(text_of(name_tokens).split()) <= 2 and _continues_name(before[-1], name_tokens[0]):
            name_tokens.insert(0, before.pop())  # the "Carmen" of "Carmen Yulín Cruz", the "Sumit" of "Sumit Mehra"
        name = self._full_name_for(name_tokens[0].text) if len(name_tokens) == 1 else None
        name = name or text_of(name_tokens)
        named_first = head.i < person.start and _an_organization_named(head)
        if named_first:
            # "news agency ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr": the parse
            # makes the first name the subject; what describes it is not the person's role, and
            # an outlet so described is where the person spoke.
            before = [t for t in before if t.i > head.i]
        appositions = [
            _without_clauses(c)
            for c in head.children
            if c.dep_ == "appos" and c.pos_ != "PRON" and not c.left_edge.i <= person.start <= c.right_edge.i
        ]  # "Rodney Constantine himself" has no role
        # An age ("Volodymyr Zhukovskyy, 23,") or a count ("a third, Jared Golden,") is no role.
        # Nor is someone's own word for them ("Paul Carter, a man convicted of threatening my life"),
        # or a caption's "(centre)".
        described = [
            text_of(a)
            for a in appositions
            if not all(_part_of_a_count(t) for t in a)
            and not any(t.lower_ in lexicon.FIRST_PERSON for t in a)
            and not all(t.lower_ in lexicon.PICTURE_POSITIONS for t in a)
        ]
        # Nor is a journalist's outlet ("The Daily Beast's Jamie Dettmer"), where they spoke.
        outlet = _outlet_owning(head)
        by_outlet = {t.i for t in outlet.subtree} if outlet is not None else set()
        role_words = [
            t
            for t in before
            if _in_role(t, person)
            and not _abbreviation_in_brackets(t)
            and not _in_a_time_phrase(t, head)
            and t.i not in by_outlet
            and t.lower_.rstrip(".") not in lexicon.COURTESY_TITLES  # "Delighted Mrs Smith"
        ]
        # A count ("two") or an adjective alone ("the real Mark Dunne", "Lovesick") is no role.
        role_words = [] if all(_part_of_a_count(t) or _describes_only(t) for t in role_words) else role_words
        role_words = _without_honorific(role_words, described)
        roles = [_as_written(role_words), *described]
        start, end = span_of(name_tokens)
        return Speaker(
            key=name,
            name=name,
            kind=SourceKind.PERSON,
            start=start,
            end=end,
            role=_role_text(roles),
            affiliation=_affiliation(head, before),
            conduit=proper_name(head) if named_first and _named_as_outlet(head) else None,
        )

    def _person_by_role(self, head: Token) -> Speaker | None:
        tokens = subtree_tokens(head, skip_deps=_CLAUSE_DEPS)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        # "the senator said" after "Sen. Jane Doe": a definite role noun refers back.
        if any(c.lower_ == "the" for c in head.children):
            for speaker in reversed(self._recent):
                if speaker.kind == SourceKind.PERSON and speaker.role and head.lower_ in speaker.role.lower():
                    return replace(speaker, start=start, end=end)
        # "National Security Adviser Denies Knowledge" (a headline over "national security
        # adviser Mike Waltz"): a whole title that the article gives one named person is that person.
        title = " ".join(t.lower_ for t in tokens if t.dep_ != "det")
        holders = [p for p in self.profiles.values() if p.role and p.role.lower() == title]
        return replace(holders[0], start=start, end=end) if len(holders) == 1 else None

    def _earlier_group(self, head: Token) -> Speaker | None:
        # "The officials said" after "two city officials who spoke to ...", "the engineers" after
        # "two engineers": the same group.
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        for speaker in reversed(self._recent):
            if speaker.kind in _UNNAMED_KINDS and head.lower_ in speaker.name.lower().split():
                return replace(speaker, start=head.left_edge.idx, end=head.idx + len(head))
        return None

    def _issuer_of(self, writing: Token) -> Speaker | None:
        """ "the statement" after "the task force released a statement saying ...": theirs."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in writing.children):
            return None
        issuer = self._issuers.get(writing.lemma_.lower())
        return replace(issuer, start=writing.left_edge.idx, end=writing.idx + len(writing)) if issuer else None

    def _earlier_organization(self, head: Token) -> Speaker | None:
        """ "The court ruled" after "the Supreme Court", "the agency said" after "the Saudi Press
        Agency": the one body named so far whose name's head is the noun (none where two are;
        "the government" is not the Government Accountability Office)."""
        if not _only_the(head):
            return None
        kinds = (SourceKind.ORGANIZATION, SourceKind.OUTLET)
        named = {
            s.key: s
            for s in self._recent
            if s.kind in kinds
            and s.name[:1].isupper()
            and _us_spelling(_name_head(s.name)) == _us_spelling(head.lemma_)
        }
        found = next(iter(named.values())) if len(named) == 1 else None
        return replace(found, start=head.left_edge.idx, end=head.idx + len(head)) if found else None

    def _earlier_outlet(self, head: Token) -> Speaker | None:
        """ "The website further reported" after "Znak.com claims": the outlet named last."""
        if not _only_the(head):
            return None
        named = (s for s in reversed(self._recent) if s.kind == SourceKind.OUTLET and s.name[:1].isupper())
        outlet = next(named, None)
        return replace(outlet, start=head.left_edge.idx, end=head.idx + len(head)) if outlet else None

    def _unnamed_person(self, head: Token) -> Speaker:
        """A role noun with a name the entity tagger missed ("US Ambassador to Germany Richard
        Grenell": the trailing run of proper nouns), or a person known by role only."""
        described = self._anonymous(head)
        tokens = subtree_tokens(head, skip_deps=_CLAUSE_DEPS)
        name_run: list[Token] = []
        for token in reversed(tokens):
            if token.pos_ != "PROPN" or token.i == head.i or token.lemma_.lower() in lexicon.ROLE_NOUNS:
                break
            name_run.insert(0, token)
        # "Ambassador to Germany Richard Grenell": after a preposition the run starts with its
        # object (a place), so keep a first and last name only.
        if len(name_run) > 2 and name_run[0].nbor(-1).pos_ == "ADP":
            name_run = name_run[-2:]
        # "chair of the House Intelligence Committee Representative Adam Schiff": the run starts
        # with the institution, as in a name the entity tagger ran on (_without_titles).
        institution = [i for i, t in enumerate(name_run[:-2]) if t.lower_ in lexicon.INSTITUTION_WORDS]
        if institution:
            name_run = name_run[institution[-1] + 1 :]
        # "The leader of the Catholic Church", "the leader of Boko Haram": a name after "the" or
        # right after a preposition is a body's, not the leader's.
        if name_run and (name_run[0].nbor(-1).dep_ == "det" or name_run[0].nbor(-1).pos_ == "ADP"):
            name_run = []
        if len(name_run) < 2:
            return replace(described, kind=SourceKind.PERSON, role=described.name)
        name = text_of(name_run)
        role = _role_text([text_of([t for t in tokens if t.i < name_run[0].i and t.dep_ != "det"])])
        start, end = span_of(name_run)
        return Speaker(name, name, SourceKind.PERSON, start, end, role=role, affiliation=described.affiliation)

    def _organization(self, head: Token, name: str) -> Speaker:
        if " (" in name and not name.endswith(")"):  # "National Hurricane Center (NHC": cut at the bracket
            name, short = name.split(" (", 1)
            self._aliases[short] = name
        for short in (
            c.text for c in head.children if c.dep_ == "appos" and c.text.isupper() and c.nbor(-1).text == "("
        ):
            self._aliases[short] = name  # "the Federal Security Service (FSB)", the entity without its bracket
        name = self._aliases.get(name) or self._spelled_out(name) or self._outlet_named_before(name) or name
        kind = SourceKind.OUTLET if is_outlet_name(name) else SourceKind.ORGANIZATION
        start, end = span_of(subtree_tokens(head, skip_deps=_CLAUSE_DEPS | {"appos"}))
        key = name.lower().replace("’", "'")  # "Barron’s" and "Barron's" in one article are one
        return Speaker(key, name, kind, start, end, conduit=conduit_of(head))

    def _body_named_before(self, head: Token) -> Speaker | None:
        """ "The Observatory" after "the Syrian Observatory for Human Rights", "the Journal" after
        "The Wall Street Journal": a body or outlet named before, now by one word of its name,
        which the entity tagger often takes for a person."""
        if not head.text[:1].isupper() or [c.lower_ for c in head.children] != ["the"]:
            return None
        if head.lower_ in lexicon.ROLE_NOUNS | lexicon.TITLE_WORDS:
            return None  # "the President" is a person, whatever body was named before
        bodies = (s for s in reversed(self._recent) if s.kind in (SourceKind.ORGANIZATION, SourceKind.OUTLET))
        body = next((s for s in bodies if head.text in s.name.split()[1:]), None)
        return replace(body, start=head.idx, end=head.idx + len(head)) if body is not None else None

    def _outlet_named_before(self, name: str) -> str | None:
        """ "NBC" after "NBC News", or "NBC News" after "NBC": one outlet, under its first name."""
        outlets = (s.name for s in reversed(self._recent) if s.kind == SourceKind.OUTLET)
        return next((n for n in outlets if f"{name} News" == n or f"{n} News" == name), None)

    def _spelled_out(self, acronym_name: str) -> str | None:
        """ "AP" after "The Associated Press": the organization named earlier with those initials."""
        if not (acronym_name.isalpha() and acronym_name.isupper()):
            return None
        named = (s for s in reversed(self._recent) if s.kind in (SourceKind.ORGANIZATION, SourceKind.OUTLET))
        return next((s.name for s in named if acronym(s.name) == acronym_name.lower()), None)

    def _anonymous(
        self, head: Token, kind: SourceKind = SourceKind.ANONYMOUS, within: tuple[int, int] | None = None
    ) -> Speaker:
        tokens = _descriptor(head)
        if within is not None:
            tokens = [t for t in tokens if within[0] <= t.idx < within[1]] or [head]
        descriptor = text_of(tokens)
        start, end = span_of(tokens)
        if kind == SourceKind.ANONYMOUS and _a_writing_or_recording(head):
            kind = SourceKind.DOCUMENT
        # "its source" and "its anonymous source" are Znak.com's one source, as "a source" and
        # "another source" are read as one: which words make them apart is not in the text.
        key = " ".join(t.lower_ for t in tokens if t.dep_ != "det" and t.tag_ != "PRP$" and t.lower_ not in _UNNAMED)
        affiliations = [t for t in tokens if t.ent_type_ in _AFFILIATION_LABELS]
        gendered = (f for f, words in _GENDERED.items() if head.tag_ == "NN" and head.lower_ in words["nouns"])
        if kind == SourceKind.ANONYMOUS and (form := next(gendered, None)):
            self._pronoun_of.setdefault(key, form)  # "A 104-year-old woman ...": a later "she"
        return Speaker(
            key, descriptor, kind, start, end, affiliation=_affiliation(head, affiliations), conduit=conduit_of(head)
        )


def _names_an_issuer(token: Token, writing: Token) -> bool:
    # Not a people ("the Puerto Rican constitution") or a date ("a report Nov. 9").
    return token.pos_ == "PROPN" and token.i != writing.i and token.ent_type_ not in ("NORP", "DATE", "TIME")


def _a_writing_or_recording(head: Token) -> bool:
    nouns = lexicon.DOCUMENT_NOUNS | lexicon.RECORD_NOUNS
    return head.lemma_.lower() in nouns or head.lower_ in nouns  # "data", lemma "datum"


def _issuers_named(writing: Token) -> list[Token]:
    """Who put out a writing, named after it: "data from the World Health Organisation", "a poll
    published by NBC News", "a memo posted online by Senator Juan Dalmau", "a report in the New
    York Times" (an outlet; "a report in Syria" says where)."""
    links = [c for c in writing.children if c.dep_ == "prep" and (c.lower_ in ("from", "by", "of") or _in_an_outlet(c))]
    published = [c for c in writing.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    links += [c for verb in published for c in verb.children if c.dep_ == "agent"]
    return [named for link in links for named in link.children if named.dep_ == "pobj"]


def _in_an_outlet(prep: Token) -> bool:
    return prep.lower_ == "in" and any(g.dep_ == "pobj" and is_outlet_name(proper_name(g)) for g in prep.children)


def _titled_name(head: Token, tokens: list[Token]) -> Span | None:
    """A title and at least two names that the entity tagger missed, ending at ``head``: "Mayor
    Ana Ruiz", "the United Kingdom's Queen Elizabeth II"."""
    titled = [t for t in tokens if t.i <= head.i and t.pos_ == "PROPN"]
    titles = [t for t in titled[:-2] if t.lower_ in _TITLES]
    name = head.doc[titles[-1].i : head.i + 1] if titles else None
    # The title runs straight on into the name.
    if name is not None and all(t.pos_ == "PROPN" for t in name):
        return name
    # A title in lower case before two names or more: "anchor Lester Holt", which the entity
    # tagger can call an organization.
    start = _names_before(head, lambda t: t in tokens)
    title = head.doc[start - 1] if start > 0 else None
    if head.i - start >= 1 and title is not None and title in tokens and title.lower_ in _TITLES:
        return head.doc[title.i : head.i + 1]
    return None


def _names_before(head: Token, belongs: Callable[[Token], bool]) -> int:
    """Where the run of proper nouns that ends at ``head`` starts, each one belonging to it, and
    hyphens inside it ("Choe Kwan-il")."""
    start = head.i
    while start > 0:
        before = head.doc[start - 1]
        hyphen = before.text == "-" and start > 1 and head.doc[start - 2].pos_ == "PROPN"
        if not (hyphen or (before.pos_ == "PROPN" and belongs(before))):
            return start
        start -= 1
    return start


def _name_given_a_role(head: Token) -> Span | None:
    """A name of two words or more that an apposition gives a person's role ("Asim Qureshi,
    research director at ...", "Eswar Prasad, a trade professor at Cornell"): the entity tagger can
    call it a place or an organization. Not "the group's leader", which is someone else, nor a
    name with a preposition ("the Syrian Observatory for Human Rights and Nawaf Khalil, a
    spokesman for ...", where the parse gives the body his role)."""
    start = _names_before(head, lambda t: t.dep_ == "compound")
    if any(c.dep_ == "prep" for c in head.children):
        return None
    role = any(
        c.dep_ == "appos" and _a_role_noun(c) and not any(g.dep_ == "poss" for g in c.children) for c in head.children
    )
    return head.doc[start : head.i + 1] if role and start < head.i else None


def _a_role_noun(token: Token) -> bool:
    """A title in the singular, with no article or "a" ("an executive"), not "the" ("the
    president" of a country named before it)."""
    articles = [c.lower_ for c in token.children if c.dep_ == "det"]
    return token.lower_ in _TITLES and token.tag_ == "NN" and all(a in ("a", "an") for a in articles)


def _who_is_a_role(clause: Token) -> bool:
    """ "who is also an executive ...": a relative clause that gives its subject a role. A team
    is "who" in British English too, so "who" alone does not make a person."""
    who = any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children)
    return (
        clause.dep_ == "relcl"
        and clause.lemma_ == "be"
        and who
        and any(c.dep_ == "attr" and _a_role_noun(c) for c in clause.children)
    )


def _ends_a_quotation(token: Token) -> bool:
    """A closing quotation mark after the quotation's last stop or comma (',"'), not one that
    closes a quoted name ('Former "Apprentice" contestant')."""
    return token.is_quote and token.i > 0 and token.nbor(-1).text in (",", ".", "!", "?")


def _an_acronym(token: Token) -> bool:
    """An upper-case word among words that are not: "UNICEF", not a word of a headline in capitals
    nor a title ("one bank's CEO told me")."""
    neighbours = [token.doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(token.doc)]
    title = token.lower_ in lexicon.TITLE_WORDS
    return _in_capitals(token) and not title and not any(_in_capitals(t) for t in neighbours)


def _in_capitals(token: Token) -> bool:
    return len(token.text) > 1 and token.text.isalpha() and token.text.isupper()


def joined_subjects(subject: Token) -> tuple[Token, ...]:
    """Everyone a subject joins: "Durbin and Schiff both questioned ..." was said by each of them,
    but "Retired FBI agent and terrorism specialist Ali Soufan" is one person, and "Two Democratic
    Representatives, Adam Schiff and Eric Swalwell" are two."""
    if _titles_a_name(subject):
        return (subject,)
    possessed = _possessed_by_its_name(subject)
    if possessed is not None:
        return (possessed,)
    if _names_a_group(subject):
        return subject.conjuncts
    holders = [c for c in subject.conjuncts if holder_of_a_role(c)]
    if holders:
        return (holders[0],)  # the role's name, not a second speaker
    joined = sorted((subject, *subject.conjuncts), key=lambda t: t.i)
    if not any(t.dep_ == "cc" for t in subject.doc[joined[0].i : joined[-1].i]):
        # No "and" or "or" between them, so no list: "After Conal's termination, his employer
        # said" joins an opening phrase to the subject, which is the phrase nearest the verb.
        return (joined[-1],)
    return tuple(joined)


def _possessed_by_its_name(head: Token) -> Token | None:
    """ "The National Institute of Allergy and Infectious Disease's director, Dr. Anthony Fauci,
    said": the parser joins "director" to "Institute", cutting the name at its "and". Where the
    joined noun's possessor lies in the same named entity as the subject, the name owns the noun,
    and only the noun's person spoke."""
    if not head.ent_type_ or not head.conjuncts:
        return None  # the usual case, before building the article's entities
    entity = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if entity is None:
        return None
    for joined in head.conjuncts:
        owner = next((c for c in joined.children if c.dep_ == "poss"), None)
        if owner is not None and entity.start <= owner.i < entity.end:
            return joined
    return None


def _names_a_group(head: Token) -> bool:
    """Whether the people joined to a plural noun after a comma name it, which the parser reads
    as one more subject each ("Two Democratic Representatives, Adam Schiff and Eric Swalwell")."""
    people = sorted(head.conjuncts, key=lambda t: t.i)
    counted = any(c.dep_ == "nummod" for c in head.children)
    return (
        head.tag_ in ("NNS", "NNPS")
        and not head.ent_type_
        and (counted or head.lemma_.lower() in lexicon.ROLE_NOUNS)
        and bool(people)
        and all(t.ent_type_ == "PERSON" for t in people)
        and people[0].left_edge.i == head.i + 2
        and head.nbor(1).text == ","
    )


def _titles_a_name(head: Token) -> bool:
    """Whether nouns joined to ``head`` are the roles of a name that runs on from the last of them
    ("Retired FBI agent and terrorism specialist Ali Soufan", which the parser can read as three
    joined subjects): bare common nouns, the name right after the last."""
    *roles, last = sorted((head, *head.conjuncts), key=lambda t: t.i)
    return (
        bool(roles)
        and last.ent_type_ == "PERSON"
        and last.left_edge.i == roles[-1].i + 1
        and all(t.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in t.children) for t in roles)
    )


def _descriptor(head: Token) -> list[Token]:
    """What describes an unnamed source: its noun phrase with a past participle that says who
    they are ("two people briefed on the talks"), without what they are doing ("officials
    saying ...": that is the statement), other subjects joined to it, or clauses at any depth
    ("officials at the ministry, which oversees the talks"; "who spoke to CBS News" is the
    conduit); a list inside it stays ("firms including A, B and C"). A participle after another
    clause ("the group, quoting accounts linked to ...") describes that clause's words, and a
    time ("an official on Thursday") says when, not who."""
    after = [c for c in head.children if c.i > head.i and c.dep_ in _CLAUSE_DEPS - {"punct", "cc"}]
    who = {after[0].i} if after and after[0].dep_ == "acl" and _describes(after[0]) else set()
    clauses = [
        t
        for t in head.subtree
        if (t.head.i == head.i and t.dep_ in _CLAUSE_DEPS and t.i not in who)
        or t.dep_ in ("relcl", "advcl")
        or (t.head.i == head.i and t.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in t.children))
    ]
    dropped = {t.i for clause in clauses if clause.i != head.i for t in clause.subtree}
    return trim_punctuation(without_dateline([t for t in head.subtree if t.i not in dropped])) or [head]


def _pronouns_by_person(named: list[tuple[Span, Speaker, bool]]) -> dict[str, str]:
    """ "he" or "she" for each person the article makes clear, by key: from an honorific before
    the name ("Mr.", "Ms."), a word for a man or a woman in the role or said of the name ("Omar is
    one of the first two Muslim women"), and the pronouns after the name in sentences that quote no
    one and whose subject it is or that name no one else (subjects, possessives and reflexives, not
    objects). Only mentions by the full name count; a person the evidence leaves in doubt is left
    out."""
    counts: dict[str, dict[str, int]] = {}
    sentence_names: dict[int, set[str]] = {}
    for span, profile, _ in named:
        sentence_names.setdefault(span.sent.start, set()).add(profile.key)
    for span, profile, subject in named:
        if text_of(_without_titles(span)) != profile.key:
            continue  # "Trump" may stand for another Trump than the one named in full
        tally = counts.setdefault(profile.key, {"he": 0, "she": 0})
        honorific = span.doc[span.start - 1].lower_.rstrip(".") if span.start else ""
        described = [*(profile.role or "").lower().split(), *(t.lower_ for t in _said_of(span.root))]
        for form, words in _GENDERED.items():
            tally[form] += 2 * (honorific in words["honorifics"]) + 2 * any(w in words["nouns"] for w in described)
        sentence = span.sent
        alone = sentence_names[sentence.start] == {profile.key} or subject
        if alone and not any(t.is_quote for t in sentence):
            for token in (t for t in sentence if t.i >= span.end and _refers_back(t)):
                for form, words in _GENDERED.items():
                    tally[form] += token.lower_ in words["pronouns"]
    return {
        key: max(tally, key=lambda form: tally[form])
        for key, tally in counts.items()
        if max(tally.values()) >= 2 * min(tally.values()) and max(tally.values()) > 0
    }


def _pronoun_form(pronoun: str) -> str:
    return "she" if pronoun in _GENDERED["she"]["pronouns"] else "he"


def _refers_back(pronoun: Token) -> bool:
    """A pronoun that can be the sentence's person: a subject, a possessive or a reflexive, not
    an object ("Elise Matthesen found him")."""
    return pronoun.pos_ == "PRON" and (
        pronoun.dep_ in ("nsubj", "nsubjpass", "poss") or pronoun.lower_.endswith("self")
    )


def _said_of(name: Token) -> list[Token]:
    """What a copula says the name is: "Omar is one of the first two Muslim women"."""
    verb = name.head
    if name.dep_ != "nsubj" or verb.lemma_ != "be":
        return []
    return [t for c in verb.children if c.dep_ == "attr" for t in c.subtree]


_GENDERED = {
    "he": {
        "pronouns": frozenset("he him his himself".split()),
        "honorifics": frozenset({"mr"}),
        "nouns": frozenset(
            """man men boy father husband son brother king prince spokesman chairman congressman
            businessman councilman assemblyman widower grandfather uncle nephew""".split()
        ),
    },
    "she": {
        "pronouns": frozenset("she her hers herself".split()),
        "honorifics": frozenset({"mrs", "ms", "miss"}),
        "nouns": frozenset(
            """woman women girl mother wife daughter sister queen princess actress spokeswoman
            chairwoman congresswoman businesswoman councilwoman assemblywoman widow grandmother aunt
            niece""".split()
        ),
    },
}


def _noun_in_apposition_to(name: Token) -> Token:
    """The noun a name is set beside ("The US president, Barack Obama,"), whose words give the
    person's role; else the name itself."""
    head = name.head
    return head if name.dep_ == "appos" and head.pos_ == "NOUN" and head.i < name.i else name


def _subject_of_its_sentence(name: Token) -> bool:
    """A subject outside what someone is said to have said: in "Qureshi told the Post he believed
    Emwazi was Jihadi John", a later "he" is Qureshi, not Emwazi. A name in apposition to the
    subject counts: "The US president, Barack Obama, condemned it. 'We ...,' he said"."""
    said = any(t.dep_ == "ccomp" and t.head.lemma_.lower() in lexicon.CUE_VERBS for t in name.ancestors)
    subject = name.head if name.dep_ == "appos" else name
    return subject.dep_ in ("nsubj", "nsubjpass") and not said


def _without_clauses(apposition: Token) -> list[Token]:
    """A role given in apposition without the clauses inside it: "research director at the rights
    group CAGE", not "..., which was in contact with Emwazi before he left for Syria"."""
    clauses = [t for t in apposition.subtree if t.dep_ in ("relcl", "advcl") and t.i != apposition.i]
    dropped = {t.i for clause in clauses for t in clause.subtree}
    return trim_punctuation([t for t in subtree_tokens(apposition) if t.i not in dropped]) or [apposition]


def _in_role(token: Token, person: Span) -> bool:
    """Whether a word before the name belongs to the role: not a party, place or organization
    that is the affiliation ("Republican", "Ohio"), except as the object of the role's preposition
    ("Secretary of State", "governor of Ohio"). A title's abbreviation is one whatever the entity
    tagger calls it ("Lt.")."""
    abbreviated_title = token.text.endswith(".") and token.lower_ in lexicon.TITLE_WORDS
    if token.ent_type_ not in _AFFILIATION_LABELS or token.i >= person.start or abbreviated_title:
        return True
    if _only_titles(entity_name(token)):
        return True  # "Rear Adm.", which the entity tagger can call an organization
    governing = next((a for a in (token, *token.ancestors) if a.dep_ == "pobj" and a.i < person.start), None)
    # "Center for Health Security medical anthropologist": the preposition is the name's own.
    if governing is not None:
        return not governing.head.head.ent_type_
    # "China's ambassador to Britain Liu Xiaming", where the parse joins "Britain" to the name.
    first = token
    while first.ent_iob_ == "I" and first.i > 0:
        first = first.nbor(-1)
    preposition = first.nbor(-1) if first.i > 0 else None
    if preposition is None or preposition.pos_ != "ADP":
        return False
    return preposition.head.pos_ == "NOUN" and not preposition.head.ent_type_  # not "by [US] Secretary"


def _in_a_time_phrase(token: Token, head: Token) -> bool:
    """ "In 1995 Adelaide residents Casey Dean": when is no part of who."""
    while token.i != head.i and token.dep_ != "ROOT":
        if token.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in token.children):
            return True
        token = token.head
    return False


def _names_an_object(token: Token) -> bool:
    """Part of a preposition's object: "Keller Williams" in "team leader of Keller Williams
    Cleveland West", which the entity tagger can call a person."""
    while token.dep_ == "compound":
        token = token.head
    return token.dep_ == "pobj"


def _capitalised(name: Token) -> bool:
    """A capital, or one before a hyphen: the "il" of "Choe Kwan-il"."""
    if name.text[:1].isupper():
        return True
    return name.i >= 2 and name.nbor(-1).text == "-" and name.nbor(-2).text[:1].isupper()


def _only_titles(entity: tuple[str, str] | None) -> bool:
    return entity is not None and all(word.lower() in lexicon.TITLE_WORDS for word in entity[0].split())


def _an_organization_named(head: Token) -> bool:
    """ "ISNA", not "The Vice President" (a title in apposition to the name that follows it)."""
    return head.pos_ == "PROPN" and head.ent_type_ == "ORG" and head.lower_ not in _PERSON_NOUNS


def _abbreviation_in_brackets(token: Token) -> bool:
    """The "MP" of "Member of Parliament (MP) Yvette Cooper": the role says it already."""
    doc = token.doc
    return (
        0 < token.i < len(doc) - 1
        and doc[token.i - 1].text == "("
        and doc[token.i + 1].text == ")"
        and _in_capitals(token)
    )


def _without_honorific(role_words: list[Token], other_roles: list[str]) -> list[Token]:
    """ "Dr." says little beside a role ("the Institute's director, Dr. Anthony Fauci", "Dr. Tom
    Frieden, formerly the director of ..."); alone, it is all the article says of the person."""
    kept = [t for t in role_words if t.lower_.rstrip(".") not in lexicon.HONORIFICS]
    return kept if other_roles or any(not t.is_punct for t in kept) else role_words


def _part_of_a_count(token: Token) -> bool:
    """A word of a phrase that only counts: an age ("23", "40 and 49"), "a third"."""
    return token.like_num or token.ent_type_ == "ORDINAL" or token.is_punct or token.dep_ in ("cc", "det")


def _as_written(tokens: list[Token]) -> str:
    """The tokens as the article writes them ("vice-presidential", "Angela Merkel's spokesperson"),
    with a space where a word was left out between them (an affiliation: "Former [Republican]
    Senator")."""
    runs: list[list[Token]] = []
    for token in tokens:
        between = token.doc[runs[-1][-1].i + 1 : token.i] if runs else None
        if between is not None and all((t.is_punct and not t.is_bracket) or t.dep_ in ("case", "det") for t in between):
            runs[-1].append(token)
        else:
            runs.append([token])
    return " ".join(text_of(run) for run in runs)


def _role_text(parts: list[str]) -> str | None:
    """The role's parts joined, without the punctuation at their edges ("governor of Ohio,") or
    a courtesy title ("Mme")."""
    stripped = (_closed_brackets(part.strip(_ROLE_EDGES)).strip(_ROLE_EDGES) for part in parts)
    return "; ".join(p for p in stripped if p and p.lower().rstrip(".") not in lexicon.COURTESY_TITLES) or None


def _closed_brackets(role: str) -> str:
    """A role whose last brackets the parse cut open ("Curator of Arachnology (Emeritus") closed
    again, without a caption's "(center)" at its end."""
    before, bracket, inside = role.rpartition("(")
    if bracket and inside.rstrip(")").strip().lower() in lexicon.PICTURE_POSITIONS:
        return before
    return role + ")" if role.count("(") > role.count(")") else role


# Nouns that name an outlet again: "the website reported", "the newspaper said" (not "the press",
# "the media": everyone's reporters).
_OUTLET_BACK_REFERENCES = frozenset({"website", "site", "newspaper", "paper", "broadcaster", "outlet"})


_PERSON_NOUNS = lexicon.SOURCE_NOUNS | lexicon.ROLE_NOUNS | lexicon.TITLE_WORDS


def _organization_in_apposition(head: Token) -> Token | None:
    """ "One news site, Znak.com", "risk consultancy Stratfor": the name says who, an organization
    by the tagger or by the noun it names. Not after a noun for a person: a spokesperson's name
    that the entity tagger calls an organization stays a person's."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in _PERSON_NOUNS or head.lower_ in _PERSON_NOUNS:
        return None
    body = _a_body_noun(head)
    return next(
        (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and (c.ent_type_ == "ORG" or body)),
        None,
    )


def _describes(participle: Token) -> bool:
    """ "briefed on the talks", "published by NBC News": a past participle right after the noun
    (tagged VBD as often as VBN) with no other verb in its phrase; "protested by shouting ..." is
    the main verb, misparsed."""
    return (
        participle.tag_ in ("VBN", "VBD")
        and not participle.nbor(-1).is_punct
        and not any(t.pos_ in ("VERB", "AUX") for t in participle.subtree if t.i != participle.i)
    )


def _describes_only(token: Token) -> bool:
    return token.pos_ == "ADJ" or lexicon.a_describing_word(token.text)


def _continues_name(token: Token, name_start: Token) -> bool:
    """A proper noun right before a name, that is no title, place or word for where someone is in
    life ("Widower"), nor the object of a role's preposition ("Minister of Defense"), is part of
    the name."""
    return (
        token.i == name_start.i - 1
        and token.pos_ == "PROPN"
        and token.dep_ != "pobj"
        and not {token.lower_, token.lower_.removesuffix("s")}
        & (lexicon.TITLE_WORDS | lexicon.ROLE_NOUNS | lexicon.LIFE_NOUNS)
        and token.ent_type_ not in _AFFILIATION_LABELS
        and token.text[:1].isupper()
        and not token.text.isupper()
        and not lexicon.a_describing_word(token.text)
    )


def _without_titles(person: Span) -> list[Token]:
    """The name without leading titles that the entity tagger included ("Mayor Ana Ruiz",
    "House Intelligence Committee Chairman Adam Schiff")."""
    tokens = [t for t in person if t.lower_ != "the"]
    if len(tokens) > 1 and tokens[-1].dep_ == "case":
        tokens = tokens[:-1]  # "Mark Oberholtzer’s former truck": the entity tagger took the "’s"
    institution = [i for i, t in enumerate(tokens[:-2]) if t.lower_ in lexicon.INSTITUTION_WORDS]
    if institution:
        tokens = tokens[institution[-1] + 1 :]
    if len(tokens) > 2 and (lexicon.a_describing_word(tokens[0].text) or tokens[0].lower_ in lexicon.LIFE_NOUNS):
        tokens = tokens[1:]  # "Lovesick Tan Shen", "Widower Stan Beaton", "Delighted Mrs Smith"
    while len(tokens) > 1 and (tokens[0].lower_ in lexicon.TITLE_WORDS or tokens[0].lower_ in lexicon.ROLE_NOUNS):
        tokens = tokens[1:]
    return tokens


def _modifies(name: Span) -> bool:
    return name.root.dep_ == "compound" and name.root.head.pos_ == "NOUN"


def _affiliation(head: Token, tokens: list[Token]) -> str | None:
    names: list[str] = []
    for token in tokens:
        found = entity_name(token)
        if found and found[1] in _AFFILIATION_LABELS and found[0] not in names and not _only_titles(found):
            names.append(found[0])
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "for", "at")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = entity_name(obj)
            if found and found[1] in _AFFILIATION_LABELS and found[0] not in names:
                names.append(found[0])
    return ", ".join(names) or None


def conduit_of(head: Token) -> str | None:
    """The outlet a source spoke through: "officials who spoke to CBS News", "people speaking
    to Reuters", "told the BBC"."""
    for clause in (c for c in head.children if c.dep_ in ("relcl", "acl")):
        outlet = outlet_object(clause)
        if outlet:
            return outlet
    return None


def outlet_object(verb: Token) -> str | None:
    """The outlet a statement was made to or on: the named addressee of a speaking verb
    ("told Reuters"), or a venue that names an outlet ("On CNN's State of the Union, X said")."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in")):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            for named in (obj, *[p for p in obj.children if p.dep_ == "poss"]):
                name = proper_name(named)
                if (named.pos_ == "PROPN" or named.ent_type_) and is_outlet_name(name):
                    return name
    if verb.lemma_ not in lexicon.CONDUIT_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("to", "with")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for obj in objects:
        outlet = _outlet_owning(obj)
        if outlet is not None:
            return proper_name(outlet)  # "told The Washington Post's Holly Watt"
        if obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON"):
            return proper_name(obj)
    return None


def _outlet_owning(name: Token) -> Token | None:
    """The outlet whose possessive comes before a name: "The Washington Post's Liz Sly"."""
    return next((c for c in name.children if c.dep_ == "poss" and is_outlet_name(proper_name(c))), None)
