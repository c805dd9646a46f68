"""Attribute stage: who said what. Statements with their resolved sources, quotations attached,
refusals to comment, and the reporting chain."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sourcebrief.analyze import Analysis
from sourcebrief.attribute import lexicon
from sourcebrief.attribute.accurate import tagged_statements
from sourcebrief.attribute.chain import assemble_chain, find_credits
from sourcebrief.attribute.speakers import Speaker, SpeakerResolver, people_in
from sourcebrief.attribute.statements import (
    MAX_COLON_SPEAKER_TOKENS,
    Quotation,
    RawStatement,
    find_statements,
    quotations,
)
from sourcebrief.attribute.tagger import AttributionTagger, rule_spans
from sourcebrief.model import Article, Attribution, ChainLink, ChainRole, Citation, Source, SourceKind, Statement

__all__ = ["attribute"]


@dataclass
class _SourceBuilder:
    speaker: Speaker
    mentions: list[tuple[int, int]] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    conduit: str | None = None

    def add(self, speaker: Speaker, statement: Statement, conduit: str | None) -> None:
        self.mentions.append((speaker.start, speaker.end))
        self.statements.append(statement)
        self.role = self.role or speaker.role
        self.affiliation = self.affiliation or _apart_from(speaker.affiliation, self.speaker.name)
        self.conduit = self.conduit or speaker.conduit or conduit

    def build(self, source_id: str, article: Article) -> Source:
        return Source(
            id=source_id,
            name=self.speaker.name,
            kind=self.speaker.kind,
            mentions=tuple(article.cite(s, e) for s, e in dict.fromkeys(self.mentions)),
            role=self.role,
            affiliation=self.affiliation,
            conduit=self.conduit,
            statements=tuple(self.statements),
        )


def _apart_from(affiliation: str | None, name: str) -> str | None:
    """The affiliation without an entity that runs on into the source's own name ("First Minister
    of [Scotland Nicola Sturgeon]", which the entity tagger calls an organization)."""
    parts = (affiliation or "").split(", ")
    kept = [part for part in parts if part and part != name and not part.endswith(" " + name)]
    return ", ".join(kept) or None


@dataclass(frozen=True)
class _Covered:
    """Text already attributed: a statement's content and who said it."""

    start: int
    end: int
    speaker: Speaker | None
    direct: bool


def attribute(analysis: Analysis, tagger: AttributionTagger | None = None) -> Attribution:
    """Who said what in the analysed article: by the rules (fast mode), or with the trained
    tagger finding the spans, the rules adding statements it missed and resolving who the
    sources are (accurate mode)."""
    by_rules = list(find_statements(analysis.sentences()))
    found = _assemble(analysis, by_rules)
    if tagger is None:
        return found
    tagged = tagged_statements(analysis.doc, tagger.attributions(analysis.doc, rule_spans(found.sources)))
    sourced = [t for t in tagged if t.mention is not None]
    # The rules still add what the tagger missed: on PolNeAR dev their statements whose content
    # the tagger left untouched raise recall more than they cost precision.
    missed = [r for r in by_rules if not any(_overlap(r.content, t.content) for t in sourced)]
    by_parse, ruled = _unsourced(tagged, missed, quotations(analysis.article.text))
    return _assemble(analysis, sorted(sourced + ruled + by_parse, key=lambda s: s.cue[0]))


def _unsourced(
    tagged: list[RawStatement], rules: list[RawStatement], quotes: list[Quotation]
) -> tuple[list[RawStatement], list[RawStatement]]:
    """The tagged statements without a tagged source, and the rules' statements left beside them.
    Where a rule read the same words, the rule's speaker says the tagger's words: in "Hillary
    Clinton spoke out ..., arguing that ..." the rules know who spoke, the tagger where the
    content ends; joined speakers ("Merkley, Brown and Menendez all suggested") each say them.
    Else the cue's parsed subject is the speaker. A rule's statement that reports the tagged one
    stays beside it, and a tagged cue inside a quotation is the quoted speaker's words: there the
    rules keep what they read."""
    found, taken = [], []
    for unsourced in (t for t in tagged if t.mention is None):
        reading = [r for r in rules if _overlap(unsourced.content, r.content)]
        same = [r for r in reading if not _reports(r, unsourced)]
        if not reading:
            found.append(unsourced)
        elif same and not any(q.start < unsourced.cue[0] and unsourced.cue[1] < q.end for q in quotes):
            joined = [r for r in same if r.cue == same[0].cue]
            found += [
                replace(unsourced, subject=r.subject, subject_is_source=r.subject_is_source, conduit=r.conduit)
                for r in joined
            ]
            taken += same
    return found, [r for r in rules if r not in taken]


def _reports(outer: RawStatement, inner: RawStatement) -> bool:
    """Whether ``outer`` reports ``inner``: its content holds the inner cue and that cue's subject
    ("Residents told ... the officers claimed ..."), not just the cue ("arguing that ...")."""
    start, end = outer.content
    return start <= inner.cue[0] < end and inner.subject is not None and start <= inner.subject.idx < end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _assemble(analysis: Analysis, raws: Iterable[RawStatement]) -> Attribution:
    article = analysis.article
    sentences = analysis.sentences()
    resolver = SpeakerResolver(people_in(analysis.doc), authors=article.authors)
    quotes = quotations(article.text)
    builders: dict[str, _SourceBuilder] = {}
    conduits: list[ChainLink] = []
    speakers_by_paragraph: dict[tuple[int, int], list[tuple[int, Speaker, Statement]]] = {}
    covered: list[_Covered] = []
    for raw in _unique(raws):
        if not any(char.isalnum() for char in article.text[raw.content[0] : raw.content[1]]):
            continue  # a tagged content of punctuation alone ('"') says nothing
        quoted = next((q for q in quotes if q.start < raw.cue[0] and raw.cue[1] < q.end), None)
        line = _transcript_line(raw, quoted, article.text) if quoted is not None else None
        if quoted is not None and line is None:
            continue  # a cue inside a quotation is the quoted speaker's words
        outer = next((c for c in covered if c.start <= raw.cue[0] and raw.cue[1] <= c.end), None)
        if raw.subject is None:
            speaker = None
        elif outer is not None and raw.subject.lower_ in lexicon.PRONOUNS_WRITER:
            speaker = outer.speaker  # "I" in another speaker's words (a transcript line) is that speaker
        else:
            speaker = resolver.resolve(raw.subject, any_noun=raw.subject_is_source, within=raw.mention)
        if speaker is None and raw.subject is not None and raw.subject.lower_ in lexicon.PRONOUNS_PERSON:
            # '"It has to be a nice present," she said', where no woman is named: said by someone
            # unknown, so no continuation of another speaker's words.
            covered.append(_Covered(raw.content[0], raw.content[1], None, direct=False))
        if speaker is None or (outer is not None and outer.speaker is not None and outer.speaker.key == speaker.key):
            continue  # "..., which he said ..." inside his own statement adds nothing
        statement = _to_statement(raw, speaker, [line] if line else quotes, article)
        covered.append(_Covered(statement.content.start, statement.content.end, speaker, statement.direct))
        # "Reuters reported a government source said ...": the source spoke through Reuters.
        relayed_by = outer.speaker.name if outer and outer.speaker and outer.speaker.kind == SourceKind.OUTLET else None
        conduit = raw.conduit or relayed_by
        builders.setdefault(speaker.key, _SourceBuilder(speaker)).add(speaker, statement, conduit)
        speakers_by_paragraph.setdefault(analysis.paragraph_of(raw.cue[0]), []).append((raw.cue[0], speaker, statement))
        outlet = conduit or speaker.conduit
        if outlet:
            conduits.append(ChainLink(outlet, ChainRole.REPORT, (_conduit_citation(article, speaker, outlet),)))
    _attach_continuation_quotes(quotes, covered, speakers_by_paragraph, builders, analysis)
    chain = assemble_chain([*find_credits(sentences, article), *conduits], article)
    outlets = {link.outlet.lower() for link in chain}
    for key, builder in builders.items():
        profile = resolver.profiles.get(key)
        if profile is not None:
            builder.role = builder.role or profile.role
            builder.affiliation = builder.affiliation or _apart_from(profile.affiliation, builder.speaker.name)
    return Attribution(sources=_ordered_sources(builders, article, outlets), chain=chain)


def _unique(raws: Iterable[RawStatement]) -> list[RawStatement]:
    """One statement per content and subject (two cues may find the same clause)."""
    seen: set[tuple[tuple[int, int], int | None]] = set()
    unique = []
    for raw in raws:
        key = (raw.content, raw.subject.i if raw.subject is not None else None)
        if key not in seen:
            seen.add(key)
            unique.append(raw)
    return unique


def _transcript_line(raw: RawStatement, quoted: Quotation, text: str) -> Quotation | None:
    """A transcript quoted whole, a paragraph a speaker ('"PENCE: Well, look, ..."'): the
    quotation opens with the speaker's name and its colon. Returns the quoted words after the
    colon, which the speaker said; None for any other cue inside a quotation."""
    name = text[quoted.inner_start : raw.cue[0]]
    opens = raw.subject is not None and quoted.inner_start <= raw.subject.idx < raw.cue[0]
    if text[raw.cue[0] : raw.cue[1]] != ":" or not opens or "\n" in name:
        return None
    if len(name.split()) > MAX_COLON_SPEAKER_TOKENS:
        return None
    return Quotation(raw.cue[1], quoted.end, raw.cue[1], quoted.inner_end)


def _to_statement(raw: RawStatement, speaker: Speaker, quotes: list[Quotation], article: Article) -> Statement:
    start, end = raw.content
    if any(q.inner_end < q.end == start + 1 for q in quotes):
        # The parser joins the mark that closed the last paragraph's quotation to the next
        # sentence: '..."\n\nTrump leads the field with 22%, according to ...'.
        start += 1
        while start < end and article.text[start].isspace():
            start += 1
    direct = opens_quoted = False
    for q_start, q_end, inner_start, inner_end in quotes if not raw.refusal else ():
        if not (q_start < end and start < q_end):
            continue
        if q_start <= start and end <= q_end:  # the content is (part of) the quotation
            start, end, direct = inner_start, inner_end, True
        elif start < q_start:  # a paraphrase ending in a partial quotation: keep the quotation whole
            end = q_end if _writers_but_after(article.text, start, (q_start, q_end), end) else max(end, q_end)
        elif start in (q_start, inner_start):
            start, opens_quoted = q_start, True
        elif end < q_end:  # starts in the quotation and runs on: take both whole
            start, end, direct = inner_start, max(end, inner_end), True
    if opens_quoted:
        # Quotations run together ('"..." and "..."') are quoted, marks kept; a paraphrase that
        # opens on a quoted phrase ('called on "village councils ..." to instil confidence') is not.
        direct = _ends_quoted(article.text, start, end, quotes)
    return Statement(
        content=article.cite(start, end),
        cue=article.cite(*raw.cue),
        speaker=article.cite(*(raw.mention or (speaker.start, speaker.end))),
        direct=direct,
        refusal=raw.refusal,
        addressee=article.cite(*raw.addressee) if raw.addressee else None,
    )


def _writers_but_after(text: str, start: int, quoted: tuple[int, int], end: int) -> bool:
    """'tweeted that "reports suggest ... freed," but there was no confirmation': a quotation
    said whole ("that" at most before it), then "but" and the writer's own words."""
    before, after = text[start : quoted[0]].split(), text[quoted[1] : end]
    return len(before) <= 1 and re.match(r"\W*but\b", after) is not None


def _ends_quoted(text: str, start: int, end: int, quotes: list[Quotation]) -> bool:
    """Whether the content from ``start`` to ``end`` ends in or with one of its quotations."""
    return any(start <= q.start < end and not re.search(r"\w", text[q.inner_end : end]) for q in quotes)


def _conduit_citation(article: Article, speaker: Speaker, outlet: str) -> Citation:
    """From the source to the outlet it spoke to ("officials who spoke to CBS News"), when the
    outlet is named near the source; else the source itself."""
    found = article.text.find(outlet, speaker.start, speaker.end + 200)
    if found == -1:
        found = article.text.rfind(outlet, max(0, speaker.start - 200), speaker.start)
    if found == -1:
        return article.cite(speaker.start, speaker.end)
    return article.cite(min(found, speaker.start), max(found + len(outlet), speaker.end))


def _attach_continuation_quotes(
    quotes: list[Quotation],
    covered: list[_Covered],
    speakers_by_paragraph: dict[tuple[int, int], list[tuple[int, Speaker, Statement]]],
    builders: dict[str, _SourceBuilder],
    analysis: Analysis,
) -> None:
    """A quotation standing alone in a paragraph with statements is one of them: the statement
    before it, which it continues, or, when it breaks off at a comma ('"...," Trump told
    supporters in ...'), the statement after it, whose cue the rules tied to other words. It is
    said with that statement's cue and mention where that one is quoted too: the briefing may
    then show the two as one quotation, or the longer ('"Whenever there are signs ...," wrote
    Joshua Wong on Twitter. "They always come with ..."')."""
    article = analysis.article
    for q_start, q_end, inner_start, inner_end in quotes:
        if any(c.start < q_end and q_start < c.end for c in covered):
            continue
        spoken = sorted(speakers_by_paragraph.get(analysis.paragraph_of(q_start), []), key=lambda cued: cued[0])
        before = [(speaker, said) for cue, speaker, said in spoken if cue < q_start]
        after = [(speaker, said) for cue, speaker, said in spoken if cue >= q_end]
        broken_off = article.text[inner_start:inner_end].rstrip().endswith(",")
        nearest = [*after[:1], *before[-1:]] if broken_off else [*before[-1:], *after[:1]]
        text = article.text
        if not nearest or not _starts_sentence(text, q_start) or _a_quoted_name(text, inner_end, q_end):
            continue
        if _in_brackets(text, q_start):
            continue  # titles in an aside ('filmmaker Ann Lee ("The Harbour," "Low Tide")'), not words said
        speaker, continued = nearest[0]
        statement = Statement(
            content=article.cite(inner_start, inner_end),
            cue=continued.cue if continued.direct else None,
            speaker=continued.speaker if continued.direct else None,
            direct=True,
            addressee=continued.addressee if continued.direct else None,
        )
        builders[speaker.key].statements.append(statement)
        covered.append(_Covered(q_start, q_end, speaker, direct=True))


def _a_quoted_name(text: str, inner_end: int, end: int) -> bool:
    """'“Star Wars: The Force Awakens” is scheduled ...': a title that the sentence runs on
    from, no words said (those end on a stop or a comma, or end the sentence)."""
    return text[inner_end - 1 : inner_end].isalnum() and re.match(r" +[a-z]", text[end:]) is not None


def _in_brackets(text: str, index: int) -> bool:
    """Whether ``index`` lies inside round brackets opened in its paragraph."""
    paragraph_start = text.rfind("\n", 0, index) + 1
    return text.rfind("(", paragraph_start, index) > text.rfind(")", paragraph_start, index)


def _starts_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip(" ")
    return not before or before[-1] in '.!?\n”"'


def _ordered_sources(builders: dict[str, _SourceBuilder], article: Article, outlets: set[str]) -> tuple[Source, ...]:
    """Sources in order of first mention; a named source that the chain credits with reporting
    is an outlet, whatever the entity tagger thought."""
    ordered = sorted(builders.values(), key=lambda b: min(s for s, _ in b.mentions))
    sources = []
    for number, builder in enumerate(ordered, start=1):
        builder.statements.sort(key=lambda s: s.content.start)
        source = builder.build(f"s{number}", article)
        if source.name.lower() in outlets and source.kind not in (SourceKind.ANONYMOUS, SourceKind.DOCUMENT):
            source = replace(source, kind=SourceKind.OUTLET)
        elif source.kind == SourceKind.ORGANIZATION and _quoted_saying_i(source, article.text):
            source = replace(source, kind=SourceKind.PERSON)
        sources.append(source)
    return tuple(sources)


def _quoted_saying_i(source: Source, text: str) -> bool:
    """ "'I think all of us thought it was inappropriate,' Volker said": an organization's words
    do not say "I", so the entity tagger took the name of the one who did for a body's. "I" is
    the word before a verb in lower case, not a numeral ("World War I ended")."""
    for statement in (s for s in source.statements if s.direct):
        words = text[statement.content.start : statement.content.end].split()
        for before, word, after in zip(["", *words[:-1]], words, [*words[1:], ""], strict=True):
            if _FIRST_PERSON.fullmatch(word) and after[:1].islower() and not before[:1].isupper():
                return True
    return False


_FIRST_PERSON = re.compile(r"[\"“]?I(?:['’](?:m|ve|d|ll))?")
