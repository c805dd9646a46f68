"""Accurate mode: statements from the trained tagger's spans, ready for the rules to resolve."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sourcebrief.attribute import lexicon
from sourcebrief.attribute.corpus import Attribution, Span, normalised
from sourcebrief.attribute.speakers import joined_subjects, outlet_object
from sourcebrief.attribute.statements import (
    REFUSAL,
    RawStatement,
    addressee_span,
    cue_subject,
    opens_on_a_doing,
    said_to_be,
)
from sourcebrief.attribute.tokens import doc_text, span_of, subtree_tokens

# Verbs that report speech in the passive: the cue verbs, and some no rule takes as cues ("was
# quoted by Interfax as saying", "was asked by reporters", "was projected by the networks").
_PASSIVE_SPEECH = lexicon.CUE_VERBS | frozenset("quote ask condemn cite interview criticise criticize project".split())
# Word classes that cannot end a phrase: a content ending on one was cut short.
_DANGLING = frozenset({"ADP", "DET", "CCONJ", "SCONJ"})
# Word classes that head a clause or phrase, not a name: a tagged source headed by one ran on.
_NOT_NAMING = frozenset({"VERB", "AUX", "ADP", "SCONJ"})
# What a cue's verb may be said in or at: the occasion, not what was said ("in a statement").
_OCCASIONS = frozenset(
    "statement interview appearance speech conference briefing rally hearing remarks address".split()
)


def tagged_statements(doc: Doc, tagged: list[Attribution]) -> list[RawStatement]:
    """One raw statement per content fragment of each tagged attribution that has a cue and a
    content, in text order (pronouns are resolved in reading order). The tagged source is the
    mention cited and its syntactic head the subject handed to the speaker resolver; where the
    tagger found no source, the parse's subject of the cue is the subject (None where the parse
    finds none: a rule may know the speaker), and no mention is set."""
    statements = []
    text = doc_text(doc)
    for attribution in _with_nested_contents(doc, tagged):
        if not (attribution.cue and attribution.content):
            continue
        # The cue without the colon the tagger may take in ("read: ..."): the verb is the cue.
        source, cue = (attribution.source or (None,))[0], normalised(attribution.cue[0], text) or attribution.cue[0]
        cue_span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if cue_span is None or not len(cue_span) or _reports_no_words_of_a_source(cue_span):
            continue
        source = _narrowed(doc, source, cue_span) if source is not None else None
        cue_end = cue.end
        tagged_root = _speaker_token(doc, source) if source is not None else None
        if tagged_root is not None and tagged_root.dep_ == "nsubjpass" and tagged_root.head in cue_span:
            source = tagged_root = None  # "he was told by the minister": the minister said it
            cue_end = _through_by(doc, cue_span)
        if _object_of_an_act(tagged_root, cue_span):
            continue  # "The baby surprised doctors and staff": the cue's object is no speaker
        # Where neither the tagger nor the parse knows who spoke, a rule may ("arguing that ...").
        subject = tagged_root if source is not None else cue_subject(cue_span)
        addressee = _addressee_after(cue_span, cue_end)
        # "Durbin and Schiff both questioned ...": everyone joined in the tagged source said it, as
        # the rules have it (the parse's subject, where the tagger marked none, is a guess: one).
        speakers = joined_subjects(subject) if subject is not None and source is not None else (subject,)
        fragments = [
            _without_occasion(doc, _completed(doc, fragment), cue_span)
            for fragment in _gaps_filled(doc, attribution.content, attribution.source)
        ]
        sentence = cue_span.root.sent
        for content in fragments:
            if _stray(text, content, sentence, fragments) or _part_of_another_sentence(doc, content, sentence):
                continue
            if subject is not None and content.start <= subject.idx < content.end:
                continue  # "Navalny is a critic of | Navalny": the speaker is not what is said
            if _circumstance(doc, content, cue_span):
                continue
            asked = _one_asked_about(doc, content, cue_span)
            if asked is not None:  # "asked | Clinton | about her email scandal"
                content = Span(asked[2], content.end)
            addressed = addressee if addressee is not None and not _overlap(addressee, content) else None
            addressed = asked[:2] if asked is not None else addressed
            # Only a refusing cue makes a refusal: "said the plan was sound but declined to
            # elaborate" is a statement that ends with one.
            refusal = REFUSAL.search(text, cue.start, max(cue.end, content.end))
            statements += [
                RawStatement(
                    subject=speaker,
                    cue=(cue.start, cue_end),
                    content=(content.start, content.end),
                    refusal=refusal is not None and refusal.start() < cue.end,
                    subject_is_source=source is not None,
                    mention=(source.start, source.end) if source else None,
                    addressee=addressed,
                    conduit=outlet_object(cue_span.root),
                )
                for speaker in speakers
            ]
    return sorted(statements, key=lambda s: s.cue[0])


def _with_nested_contents(doc: Doc, tagged: list[Attribution]) -> list[Attribution]:
    """Each attribution's content run on through an attribution nested in it. The tagger gives a
    word one role in one attribution, as PolNeAR annotates, so in "The defendants claimed Spanton
    first complained of theft" it tags "Spanton" as the outer content and "first complained of" as
    a cue without a source: the inner cue's subject closing the outer content shows the nesting."""
    text = doc_text(doc)
    sourceless = [a for a in tagged if a.cue and a.content and not a.source]
    nested = []
    for attribution in tagged:
        last = attribution.content[-1] if attribution.content else None
        inner = next((a for a in sourceless if _opens_on(doc, text, last, a)), None) if last else None
        if last is None or inner is None:
            nested.append(attribution)
            continue
        # What the inner cue says is part of the outer content, as is any fragment of it after:
        # 'tweeted he was not aware of it but would go: "Wow! ..."'.
        first, *rest = [c for c in inner.content if c.start >= inner.cue[0].end]
        nested.append(replace(attribution, content=(*attribution.content[:-1], Span(last.start, first.end), *rest)))
    return nested


def _opens_on(doc: Doc, text: str, content: Span, inner: Attribution) -> bool:
    """Whether ``inner``'s cue follows ``content`` directly, with its content after it, and
    ``content`` is all of the cue's subject: the words the tagger could only mark as one role."""
    cue = inner.cue[0]
    if text[content.end : cue.start].strip(" ,") or not any(c.start >= cue.end for c in inner.content):
        return False
    cue_span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    subject = cue_subject(cue_span) if cue_span is not None and len(cue_span) else None
    said_by = normalised(Span(*span_of(subtree_tokens(subject))), text) if subject is not None else None
    return said_by is not None and said_by == normalised(content, text)


def _gaps_filled(doc: Doc, fragments: tuple[Span, ...], source: tuple[Span, ...]) -> list[Span]:
    """Fragments of one content joined across words the tagger left out of a phrase ("requires |
    consent | from both houses of the Legislative Assembly | to confirm a candidate"): where the
    words between two fragments of one sentence hang on words between the fragments' edges, with
    no quotation mark or tagged source among them. A gap around the attribution ('"...," he said,
    "..."') stays."""
    text = doc_text(doc)
    filled: list[Span] = []
    for fragment in sorted(fragments, key=lambda f: f.start):
        last = filled[-1] if filled else None
        if last is not None and _left_out(doc, text, last, fragment, source):
            filled[-1] = Span(last.start, fragment.end)
        else:
            filled.append(fragment)
    return filled


def _left_out(doc: Doc, text: str, first: Span, second: Span, source: tuple[Span, ...]) -> bool:
    gap = doc.char_span(first.end, second.start, alignment_mode="contract")
    whole = doc.char_span(first.start, second.end, alignment_mode="expand")
    if gap is None or not len(gap) or whole is None or any(ch in text[first.end : second.start] for ch in '"“”'):
        return False
    if any(_overlap((s.start, s.end), Span(first.end, second.start)) for s in source):
        return False
    one_sentence = whole[0].sent == whole[-1].sent
    return one_sentence and all(whole.start <= t.head.i < whole.end for t in gap)


def _stray(text: str, content: Span, sentence: SpacySpan, fragments: list[Span]) -> bool:
    """A fragment outside the cue's sentence, unquoted, beside one within it."""
    inside = [f for f in fragments if sentence.start_char <= f.start < sentence.end_char]
    outside = not (sentence.start_char <= content.start < sentence.end_char)
    return bool(inside) and outside and not _quoted(text, content)


def _quoted(text: str, content: Span) -> bool:
    # Marks just outside count: a quotation split at a sentence break keeps its first sentence.
    return any(ch in text[max(0, content.start - 1) : content.end + 1] for ch in '"“”')


def _part_of_another_sentence(doc: Doc, content: Span, sentence: SpacySpan) -> bool:
    """A content outside the cue's sentence, unquoted, that leaves out its own sentence's verb:
    a phrase of what that sentence says ("Zhukovskyy pleaded not guilty ... He waived |
    arraignment"), not what the cue's speaker said."""
    found = doc.char_span(content.start, content.end, alignment_mode="expand")
    if found is None or not len(found) or sentence.start <= found[0].i < sentence.end:
        return False
    return not _quoted(doc_text(doc), content) and found[0].sent.root not in found


def _through_by(doc: Doc, cue: SpacySpan) -> int:
    """The cue's end, taking in the "by" of a passive agent that follows it: "was told by"."""
    after = doc[cue.end] if cue.end < len(doc) else None
    return after.idx + len(after) if after is not None and after.dep_ == "agent" else cue.end_char


def _speaker_token(doc: Doc, source: Span) -> Token | None:
    """The tagged source's head, or the person it closes with in apposition where the parser took
    an organization for the head: in "The National Institute of Allergy and Infectious Disease's
    director, Dr. Anthony Fauci, said" the head is "Institute", but the one who spoke is Fauci."""
    found = doc.char_span(source.start, source.end, alignment_mode="expand")
    if found is None or not len(found):
        return None
    words = [t for t in found if not t.is_punct]
    last = words[-1] if words else found.root
    person = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= last.i < e.end), None)
    if person is None or found.root.ent_type_ not in ("ORG", "GPE", "FAC"):
        return found.root  # "the governor of Ohio, Mike DeWine": the resolver reads the role too
    before = person.start - 1
    while before > found.start and doc[before].lower_ in lexicon.TITLE_WORDS:
        before -= 1  # ", Dr. Anthony Fauci"
    return person.root if before > found.start and doc[before].text == "," else found.root


def _narrowed(doc: Doc, source: Span, cue: SpacySpan) -> Span | None:
    """A tagged source that runs on into a clause or phrase ("BRUSSELS - European leaders gathered
    Friday", "Among likely voters in a four-way race, 46 percent"), the parse heading it with a verb
    or preposition, narrowed to the subject inside it; None where it opens on a relative pronoun
    ("who watched the ceremony"), as its clause is all the tagger marked. Where the parse finds
    no subject inside, its words may be misread ("Tulsa police Chief ..."): the span stays."""
    found = doc.char_span(source.start, source.end, alignment_mode="expand")
    if found is None or not len(found) or found.root.pos_ not in _NOT_NAMING:
        return source
    if found[0].tag_ in ("WP", "WDT"):
        return None
    subjects = [t for t in found if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ not in ("WP", "WDT")]
    # The cue's own subject first: "Thursday's walk-ins were the third time AROS said".
    subject = next((t for t in subjects if t.head in cue), subjects[0] if subjects else None)
    return Span(*span_of(subtree_tokens(subject))) if subject is not None else source


def _circumstance(doc: Doc, content: Span, cue: SpacySpan) -> bool:
    """A phrase before the cue that its verb takes as a preposition's: where, when or in doing
    what it was said, not what ("On CNN's State of the Union, Mike Waltz also denied ...")."""
    found = doc.char_span(content.start, content.end, alignment_mode="expand")
    if found is None or content.end > cue.start_char:
        return False
    return opens_on_a_doing(found[0]) or (found.root.dep_ == "prep" and found.root.head in cue)


def _completed(doc: Doc, content: Span) -> Span:
    """The content run on to the end of a phrase that it breaks off inside ("its scope may be
    more nuanced than | initially reported", "knowledge of | the directive"): one that ends on a
    preposition, determiner or conjunction with a word after it was cut short."""
    found = doc.char_span(content.start, content.end, alignment_mode="expand")
    if found is None or not len(found):
        return content
    last = found[-1]
    # Only a phrase broken off before a word: "think that," ends a quotation, and what follows
    # the comma is the cue.
    if not _leads_on(last) or last.i + 1 >= last.sent.end or doc[last.i + 1].is_punct:
        return content
    # A preposition heads its phrase; a determiner, conjunction or "than" hangs on the word it
    # leads to; a possessor runs to its noun only ("its first infections | and Zambia").
    edge = last.head if last.dep_ == "poss" else (last if last.pos_ == "ADP" else last.head).right_edge
    if edge.i > last.i:
        return Span(content.start, edge.idx + len(edge))
    # A conjunction that leads nowhere in the content joins it to what follows: no part of it
    # ("opposed both articles of impeachment, and | a third, Jared Golden, voted").
    kept = [t for t in found if t.i < last.i and not t.is_punct] if last.pos_ == "CCONJ" else []
    return Span(content.start, kept[-1].idx + len(kept[-1])) if kept else content


def _leads_on(last: Token) -> bool:
    """Whether a phrase cannot end on this word: a preposition, determiner or conjunction, the
    possessor of a noun after it ("confirmed | its | first infections"; not other modifiers:
    "the rich" ends on its adjective), or the subject of a relative clause's verb after it ("a
    move whose rarity | highlighted the significance"; not of a main verb, which may be a cue)."""
    if last.head.i < last.i:
        return last.pos_ in _DANGLING
    verb = last.head
    relative_subject = (
        last.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "relcl" and verb.lemma_ not in lexicon.CUE_VERBS
    )
    return last.pos_ in _DANGLING or last.dep_ == "poss" or relative_subject


def _without_occasion(doc: Doc, content: Span, cue: SpacySpan) -> Span:
    """The content without a phrase at its end that the cue's verb takes for the occasion it was
    said on, not what was said ("expressed skepticism about | the accuracy of the report | during
    an appearance on Face the Nation", "| more school investment | in a statement")."""
    found = doc.char_span(content.start, content.end, alignment_mode="expand")
    if found is None or content.start < cue.end_char:
        return content
    occasion = next((t for t in found[1:] if t.head in cue and _an_occasion(t)), None)
    if occasion is None or occasion.right_edge.i < found[-1].i:
        return content
    kept = [t for t in found if t.i < occasion.left_edge.i and not t.is_punct]
    return Span(content.start, kept[-1].idx + len(kept[-1])) if kept else content


def _one_asked_about(doc: Doc, content: Span, cue: SpacySpan) -> tuple[int, int, int] | None:
    """Where a content opens on the one the cue's verb asks or questions ("asked | Clinton about
    her email scandal"): that one's span, and where what was asked about starts. PolNeAR marks
    what was asked about as the content ("her email scandal"); the one asked is the addressee.
    Not "criticized | Trump for not paying taxes", which it marks whole, nor "accused | the GOP of
    stoking the issue", which it marks both ways."""
    found = doc.char_span(content.start, content.end, alignment_mode="expand")
    if found is None or content.start < cue.end_char:
        return None
    asked = found[0].head if found[0].head in found else found[0]
    about = doc[asked.right_edge.i + 1] if asked.right_edge.i + 1 < found.end - 1 else None
    if asked.dep_ != "dobj" or asked.head not in cue or asked.left_edge.i != found.start or about is None:
        return None
    if about.lower_ != "about" or about.head not in cue:
        return None
    return content.start, asked.right_edge.idx + len(asked.right_edge), doc[about.i + 1].idx


def _an_occasion(token: Token) -> bool:
    """ "during an appearance on ...", "in a statement": a preposition whose object is an occasion."""
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return token.dep_ == "prep" and any(o.lemma_.lower() in _OCCASIONS for o in objects)


def _overlap(a: tuple[int, int], b: Span) -> bool:
    return a[0] < b.end and b.start < a[1]


def _addressee_after(cue: SpacySpan, cue_end: int) -> tuple[int, int] | None:
    """The addressee the parse finds for the cue's verb, when the tagged cue stops before it."""
    found = addressee_span(cue.root)
    return found if found is not None and found[0] >= cue_end else None


def _object_of_an_act(source: Token | None, cue: SpacySpan) -> bool:
    """Whether the tagged source is the object of a cue that is no verb of speech ("surprised
    doctors"); after a speech verb it is the speaker put after a quotation ('"...," read the
    statement')."""
    return (
        source is not None
        and source.dep_ == "dobj"
        and source.head in cue
        and source.head.lemma_.lower() not in lexicon.CUE_VERBS
    )


def _reports_no_words_of_a_source(cue: SpacySpan) -> bool:
    return _hearsay(cue) or _conjecture(cue) or _done_to(cue) or _impersonal(cue)


def _hearsay(cue: SpacySpan) -> bool:
    """ "has reportedly issued": a report without its reporter, about the verb's subject; but in
    "reportedly said" the subject still speaks. Also "said to be" (below)."""
    reported = any(t.lower_ in lexicon.HEARSAY_ADVERBS for t in cue) and not any(
        t.lemma_.lower() in lexicon.CUE_VERBS for t in cue
    )
    return reported or said_to_be(cue.root)


def _done_to(cue: SpacySpan) -> bool:
    """ "the strike, which was approved by President Trump", "the crash was being investigated by
    police": an act in the passive, whose agent did something to the subject but said nothing
    ("he was told by the minister" is speech)."""
    verb = cue.root
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return passive and verb.lemma_.lower() not in _PASSIVE_SPEECH


def _impersonal(cue: SpacySpan) -> bool:
    """ "It is not clear whether ...", "There is no evidence that ...": a cue with a subject of its
    own that names no one; the writer's words, not the tagged source's."""
    first = cue[0]
    return first.lower_ in ("it", "there") and first.dep_ in ("nsubj", "nsubjpass", "expl")


def _conjecture(cue: SpacySpan) -> bool:
    """ "The administration may be seeking to ...": the writer's guess at what a source does,
    which the source never said."""
    return any(t.tag_ == "MD" and t.lower_ in lexicon.CONJECTURE_MODALS for t in cue)
