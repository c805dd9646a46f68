"""Properties every briefing keeps, on fixed cases and on generated articles."""

from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcebrief import Briefing, Pipeline
from sourcebrief.brief import _third_person, briefable, compose
from sourcebrief.model import Article, Citation, Claim, ClaimStatus, Source, SourceKind, SourceStance, Stance, Statement

from .conftest import CASES
from .helpers import article

SPEAKERS = ["Mayor Ann Lee", "Two officials who spoke to the Daily Courier", "A spokesperson", "Senator Bo Kim", "He"]
CUES = ["said", "denied", "told reporters", "confirmed", "declined to comment"]
CONTENTS = [
    "the plan was approved",
    '"We have done nothing wrong."',
    "the report was false",
    "the budget would grow 🚀 next year",
    "it is unclear when talks resume",
]
FILLER = [
    "The city council met on Monday.",
    "The decision could signal a new policy.",
    "According to the Evening Post, the vote was close.",
    "Prices fell sharply.",
]

sentence = st.one_of(
    st.builds(
        lambda s, c, t: f"{s} {c} {t}.", st.sampled_from(SPEAKERS), st.sampled_from(CUES), st.sampled_from(CONTENTS)
    ),
    st.sampled_from(FILLER),
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
text = st.lists(paragraph, min_size=1, max_size=5).map("\n\n".join)


def all_citations(briefing: Briefing) -> list[Citation]:
    found = [c for claim in briefing.claims for c in claim.citations]
    found += [c for n in (*briefing.sentences, *briefing.unknowns) for c in n.citations]
    found += [c for f in briefing.flags for c in f.citations]
    found += [c for link in briefing.chain for c in link.citations]
    for source in briefing.sources:
        found += list(source.mentions)
        for statement in source.statements:
            found += [c for c in (statement.content, statement.cue, statement.speaker) if c]
    return found


def check_invariants(briefing: Briefing) -> None:
    texts = {a.id: a.text for a in briefing.articles}
    for citation in all_citations(briefing):
        assert citation.article in texts
        assert 0 <= citation.start < citation.end <= len(texts[citation.article])
        cited = texts[citation.article][citation.start : citation.end]
        assert cited == cited.strip(), f"citation {citation} has untrimmed whitespace"
    assert briefing.sentences, "a briefing has at least the claim sentence"
    for sentence in briefing.sentences:
        assert sentence.citations, f"uncited briefing sentence: {sentence.text}"
    for source in briefing.sources:
        assert source.statements, f"source {source.name} has no statement"
        briefing.stance_of(source.id)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=text)
def test_brief_invariants_on_generated_articles(pipeline: Pipeline, text: str) -> None:
    check_invariants(pipeline.brief_article(article(text)))


def test_brief_invariants_on_the_harbor_case(pipeline: Pipeline) -> None:
    result = pipeline.run([str(CASES / "harbor-report.txt"), str(CASES / "harbor-report.html")])
    assert not result.problems
    for briefing in result.briefings:
        check_invariants(briefing)


def test_brief_quotes_only_what_the_article_says(pipeline: Pipeline) -> None:
    [briefing] = pipeline.run([str(CASES / "harbor-report.txt")]).briefings
    text = briefing.articles[0].text
    for sentence in briefing.sentences:
        for quoted in sentence.text.split("“")[1:]:
            assert quoted.split("”")[0].rstrip(".") in text


def _citer(found: Article) -> Callable[..., Citation]:
    """cite(part, after=0): the citation of the first ``part`` in the article at or after ``after``."""

    def cite(part: str, after: int = 0) -> Citation:
        start = found.text.index(part, after)
        return found.cite(start, start + len(part))

    return cite


def _sentence_for(
    text: str,
    speaker: str,
    cue: str,
    content: str,
    *,
    refusal: bool = False,
    addressee: str | None = None,
    direct: bool = False,
) -> str:
    """The briefing's sentence for one statement with these spans (the first of each in ``text``)."""
    found = article(text)

    cite = _citer(found)

    statement = Statement(
        cite(content),
        cite(cue),
        cite(speaker),
        direct=direct,
        refusal=refusal,
        addressee=cite(addressee) if addressee else None,
    )
    source = Source("s1", speaker, SourceKind.ANONYMOUS, (cite(speaker),), statements=(statement,))
    claim = _claim_elsewhere(found)
    notes = compose(found, claim, (source,), (SourceStance("s1", Stance.REPORTS, ()),), (), (), ())
    return notes[-1].text


def _anonymous_source(
    cite: Callable[..., Citation], speaker: str, cue: Citation, content: str, addressee: str | None = None
) -> Source:
    """A source with one indirect statement, its id and name the speaker's words."""
    said = Statement(cite(content), cue, cite(speaker), direct=False, addressee=cite(addressee) if addressee else None)
    return Source(speaker, speaker, SourceKind.ANONYMOUS, (cite(speaker),), statements=(said,))


def _claim_elsewhere(found: Article) -> Claim:
    """A claim whose lead is not the statement under test: a statement within the lead is not
    repeated in the briefing."""
    return Claim("c1", found.text[:1], ClaimStatus.REPORTED, (found.cite(0, 1),))


def test_brief_refusal_reads_whole_when_the_cue_is_its_own_span() -> None:
    text = "Senior officials declined to comment in detail."
    assert _sentence_for(text, "Senior officials", "declined", "to comment in detail", refusal=True) == (
        "Senior officials declined to comment in detail."
    )


def test_brief_passive_cue_reads_in_the_article_order() -> None:
    text = "The directive was first reported by the newspaper."
    assert _sentence_for(text, "the newspaper", "was first reported by", "The directive") == (
        "The directive was first reported by the newspaper."
    )


def test_brief_a_cue_ending_in_by_after_its_speaker_is_no_passive() -> None:
    text = "Residents have every right to be angered by the delays that keep the bridge closed."
    cue = "have every right to be angered by"
    assert _sentence_for(text, "Residents", cue, "the delays that keep the bridge closed") == text


def test_brief_a_cue_in_the_infinitive_makes_no_sentence(pipeline: Pipeline) -> None:
    text = (
        "The mayor turned to the radio last month to describe the bridge as a “death trap.” The deal would "
        "allow both leaders to claim that they had won. The engineer said the bridge would stay closed."
    )
    sentences = [s.text for s in pipeline.brief_article(article(text)).sentences]
    assert not [s for s in sentences if s.startswith(("The mayor to", "Both leaders to"))]
    assert "The engineer said the bridge would stay closed." in sentences


def test_brief_passive_quotation_names_who_told_it() -> None:
    text = 'He was told by the minister of "40 people under the rubble".'
    assert _sentence_for(text, "the minister", "was told by", "40 people under the rubble", direct=True) == (
        "The minister told of “40 people under the rubble”."
    )


def test_brief_names_whom_a_source_asked_about_what() -> None:
    text = "Moderator Lester Holt asked Clinton about her email scandal."
    assert _sentence_for(text, "Moderator Lester Holt", "asked", "her email scandal", addressee="Clinton") == (
        "Moderator Lester Holt asked Clinton about her email scandal."
    )


def test_brief_names_whom_a_statement_was_told_to() -> None:
    text = "A total of 39 are confirmed dead, officials told state media."
    assert _sentence_for(text, "officials", "told", "A total of 39 are confirmed dead", addressee="state media") == (
        "Officials told state media a total of 39 are confirmed dead."
    )


def test_brief_names_the_outlet_an_unnamed_source_spoke_to_once() -> None:
    text = "A spokesperson told the Military Times the attack took place at 7:45 p.m. A spokesperson said two died."
    found = article(text)
    cite = _citer(found)
    speaker, outlet = cite("A spokesperson"), cite("the Military Times")
    told = Statement(cite("the attack took place at 7:45 p.m"), cite("told"), speaker, direct=False, addressee=outlet)
    said = Statement(cite("two died"), cite("said"), speaker, direct=False)
    unnamed = Source("s1", "A spokesperson", SourceKind.ANONYMOUS, (speaker,), conduit="Military Times")
    stances = (SourceStance("s1", Stance.REPORTS, ()),)
    for statement, expected in (
        (told, "A spokesperson told the Military Times the attack took place at 7:45 p.m."),
        (said, "A spokesperson (speaking to Military Times) said two died."),
    ):
        source = replace(unnamed, statements=(statement,))
        notes = compose(found, _claim_elsewhere(found), (source,), stances, (), (), ())
        assert notes[-1].text == expected


def test_brief_shows_a_sources_statement_from_its_cues_own_sentence_first() -> None:
    # The tagger gave the cue two contents, one a fragment of the paragraph before.
    text = "The victims were named.\n\nAccording to Attorney John Lee, the driver was identified as Sam Roe."
    found = article(text)

    cite = _citer(found)

    cue, speaker = cite("According to"), cite("Attorney John Lee")
    fragment = Statement(cite("The victims"), cue, speaker, direct=False)
    own = Statement(cite("the driver was identified as Sam Roe"), cue, speaker, direct=False)
    source = Source("s1", "John Lee", SourceKind.PERSON, (speaker,), statements=(fragment, own))
    claim = _claim_elsewhere(found)
    notes = compose(found, claim, (source,), (SourceStance("s1", Stance.REPORTS, ()),), (), (), ())
    assert notes[-1].text == "According to John Lee, the driver was identified as Sam Roe."


@pytest.mark.parametrize(
    ("text", "cue", "mention", "name", "said", "expected"),
    [
        (  # a quotation "according to" a source keeps "According to"
            '"The airline transports weapons," according to a tweet by Secretary of State Mike Pompeo.',
            "according to",
            "Secretary of State Mike Pompeo",
            "Mike Pompeo",
            "The airline transports weapons,",
            "According to Mike Pompeo, “The airline transports weapons.”",
        ),
        (  # a preposition that took something else is left out before the quotation
            'Speaker John Bercow commented on the matter: "It is obvious that the purpose is to stop debate."',
            "commented on",
            "Speaker John Bercow",
            "John Bercow",
            "It is obvious that the purpose is to stop debate.",
            "John Bercow commented: “It is obvious that the purpose is to stop debate.”",
        ),
        (  # ... "of" too
            'The Daily Courier said of the situation in the city, "Services are collapsing and medicines are scarce."',
            "said of",
            "The Daily Courier",
            "Daily Courier",
            "Services are collapsing and medicines are scarce.",
            "The Daily Courier said: “Services are collapsing and medicines are scarce.”",
        ),
        (  # one that takes the quotation itself stays, without a colon
            'Prime Minister Ana Ruiz called on "village councils and church leaders to help."',
            "called on",
            "Prime Minister Ana Ruiz",
            "Ana Ruiz",
            "village councils and church leaders to help.",
            "Ana Ruiz called on “village councils and church leaders to help.”",
        ),
    ],
)
def test_brief_frames_a_quotation_by_its_cue(
    text: str, cue: str, mention: str, name: str, said: str, expected: str
) -> None:
    found = article(text)
    cite = _citer(found)
    statement = Statement(cite(said), cite(cue), cite(mention), direct=True)
    source = Source("s1", name, SourceKind.PERSON, (cite(mention),), statements=(statement,))
    notes = compose(found, _claim_elsewhere(found), (source,), (SourceStance("s1", Stance.REPORTS, ()),), (), (), ())
    assert notes[-1].text == expected


def test_brief_shows_what_a_source_said_before_where_it_said_it() -> None:
    text = "Speaking on state TV, spokesman Ali Noor said the drones had hit the plant."
    found = article(text)

    cite = _citer(found)

    speaker = cite("spokesman Ali Noor")
    where = Statement(cite("state TV"), cite("Speaking on"), speaker, direct=False)
    what = Statement(cite("the drones had hit the plant"), cite("said"), speaker, direct=False)
    source = Source("s1", "Ali Noor", SourceKind.PERSON, (speaker,), statements=(where, what))
    notes = compose(found, _claim_elsewhere(found), (source,), (SourceStance("s1", Stance.REPORTS, ()),), (), (), ())
    assert notes[-1].text == "Ali Noor said the drones had hit the plant."


def test_brief_shows_a_sources_statement_from_the_body_before_one_from_a_heading() -> None:
    text = "Adviser Denies Knowledge of the Pause\n\nAdviser Mike Waltz denied knowledge of the directive."
    found = article(text)

    cite = _citer(found)

    heading = Statement(cite("the Pause"), cite("Denies Knowledge of"), cite("Adviser"), direct=False)
    body = Statement(cite("knowledge of the directive"), cite("denied"), cite("Mike Waltz"), direct=False)
    source = Source("s1", "Mike Waltz", SourceKind.PERSON, (cite("Adviser"),), statements=(heading, body))
    claim = _claim_elsewhere(found)
    notes = compose(found, claim, (source,), (SourceStance("s1", Stance.DENIES, ()),), (), (), ())
    assert notes[-1].text == "Mike Waltz denied knowledge of the directive."


def test_brief_does_not_repeat_a_statement_within_the_lead() -> None:
    text = "The mayor said the bridge will close. Engineers said the cables were worn."
    found = article(text)

    cite = _citer(found)

    def said_by(speaker: str, content: str) -> Source:
        return _anonymous_source(cite, speaker, cite("said", text.index(speaker)), content)

    sources = (said_by("The mayor", "the bridge will close"), said_by("Engineers", "the cables were worn"))
    claim = Claim("c1", text[:36], ClaimStatus.REPORTED, (cite(text[:36]),))
    stances = tuple(SourceStance(s.id, Stance.REPORTS, ()) for s in sources)
    notes = compose(found, claim, sources, stances, (), (), ())
    assert [n.text for n in notes if "said" in n.text] == [
        "The article reports that the mayor said the bridge will close.",
        "Engineers said the cables were worn.",
    ]


def test_brief_names_who_said_a_lead_that_leaves_its_source_out() -> None:
    text = "The bridge will close in June, the mayor said. Engineers said the cables were worn."
    found = article(text)
    cite = _citer(found)
    mayor = _anonymous_source(cite, "the mayor", cite("said"), "The bridge will close in June")
    claim = Claim("c1", "The bridge will close in June", ClaimStatus.REPORTED, (cite("The bridge will close in June"),))
    notes = compose(found, claim, (mayor,), (SourceStance(mayor.id, Stance.REPORTS, ()),), (), (), ())
    assert [n.text for n in notes if "bridge" in n.text] == [
        "The article reports that the bridge will close in June.",
        "The mayor said the bridge will close in June.",
    ]


def test_brief_does_not_repeat_a_statement_reported_within_another() -> None:
    text = "The council met at noon. Residents told the press the officers claimed to be seeking a bomb."
    found = article(text)

    cite = _citer(found)
    sources = (
        _anonymous_source(cite, "Residents", cite("told"), "the officers claimed to be seeking a bomb", "the press"),
        _anonymous_source(cite, "the officers", cite("claimed"), "to be seeking a bomb"),
    )
    stances = tuple(SourceStance(s.id, Stance.REPORTS, ()) for s in sources)
    notes = compose(found, _claim_elsewhere(found), sources, stances, (), (), ())
    assert [n.text for n in notes if "bomb" in n.text] == [
        "Residents told the press the officers claimed to be seeking a bomb."
    ], "the officers' claim is briefed once, as the residents reported it"


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "direct", "expected"),
    [
        (
            "Pelosi presided over the vote, a move whose rarity, CBS noted, highlighted its weight.",
            "CBS",
            "noted",
            False,
            "CBS noted Pelosi presided over the vote, a move whose rarity highlighted its weight.",
        ),
        (
            "Sixty people were injured according to health officials, ranging in age from 11 to 75.",
            "health officials",
            "according to",
            False,
            "According to health officials, sixty people were injured, ranging in age from 11 to 75.",
        ),
        (
            "Rescuers, working in the cold, according to the ministry recovered ten survivors.",
            "the ministry",
            "according to",
            False,
            "According to the ministry, rescuers, working in the cold, recovered ten survivors.",
        ),
        (
            '"We will wait," the mayor said, "and then we will act."',
            "the mayor",
            "said",
            True,
            'The mayor said: "We will wait, and then we will act."',
        ),
    ],
)
def test_brief_drops_an_attribution_set_inside_what_was_said(
    text: str, speaker: str, cue: str, direct: bool, expected: str
) -> None:
    content = text.rstrip(".") if not direct else text
    assert _sentence_for(text, speaker, cue, content, direct=direct) == expected


def test_brief_cites_whom_a_source_urged_only_where_the_sentence_names_them() -> None:
    text = "The company declined on Tuesday to comment."
    found = article(text)
    cite = _citer(found)
    refusal = Statement(cite("to comment"), cite("declined"), cite("The company"), direct=False, refusal=True)
    source = Source("s1", "The company", SourceKind.ANONYMOUS, (cite("The company"),), statements=(refusal,))
    stances = (SourceStance("s1", Stance.DECLINES_TO_COMMENT, ()),)
    note = compose(found, _claim_elsewhere(found), (source,), stances, (), (), ())[-1]
    assert note.text == "The company declined to comment."
    assert all("Tuesday" not in found.quote(c) for c in note.citations)


def test_brief_drops_an_aside_with_its_addressee() -> None:
    text = "The harbor, Mayor Ana Ruiz told reporters, will reopen in June."
    content = "The harbor, Mayor Ana Ruiz told reporters, will reopen in June"
    sentence = _sentence_for(text, "Mayor Ana Ruiz", "told", content, addressee="reporters")
    assert sentence == "Mayor Ana Ruiz told reporters the harbor will reopen in June."


@pytest.mark.parametrize(
    "text",
    ['"We will win," the mayor said on Monday, "and then we act."', '"We will win," the mayor said. "They will lose."'],
)
def test_brief_keeps_a_quotation_whole_where_the_attribution_is_no_aside(text: str) -> None:
    assert _sentence_for(text, "the mayor", "said", text, direct=True) == f"The mayor said: {text}"


@pytest.mark.parametrize("content", ["May was the wettest month on record", "Will Smith would attend"])
def test_brief_keeps_a_content_opening_on_a_name_spelled_like_a_modal(content: str) -> None:
    text = f"The agency said {content}."
    found = article(text)
    cite = _citer(found)
    assert briefable(found, Statement(cite(content), cite("said"), cite("The agency"), direct=False))


def test_brief_names_whom_a_source_urged() -> None:
    text = "Governor Ann Lee urged coastal residents to leave by noon."
    sentence = _sentence_for(text, "Governor Ann Lee", "urged", "to leave by noon")
    assert sentence == "Governor Ann Lee urged coastal residents to leave by noon."


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "expected"),
    [
        (
            'Its source said "three terrorists" were killed.',
            "Its source",
            "said",
            'three terrorists" were killed',
            'Its source said "three terrorists" were killed.',
        ),
        (
            'Schiff called the plan "a non-starter".',
            "Schiff",
            "called",
            'the plan "a non-starter',
            'Schiff called the plan "a non-starter".',
        ),
        (
            'State television reported that Kim was "not feeling well." Officials said nothing more.',
            "State television",
            "reported",
            'that Kim was "not feeling well',
            'State television reported that Kim was "not feeling well."',
        ),
        (
            'Pelosi called it a "breach of duty," NBC said.',
            "Pelosi",
            "called",
            'it a "breach of duty,"',
            'Pelosi called it a "breach of duty".',
        ),
    ],
)
def test_brief_closes_a_quoted_phrase_cut_at_its_mark(
    text: str, speaker: str, cue: str, content: str, expected: str
) -> None:
    assert _sentence_for(text, speaker, cue, content) == expected


def test_brief_one_word_content_has_no_stray_space() -> None:
    text = "The bill passed, with 194 Republicans opposing it."
    # The participle is the sentence's verb, in the past tense (as a verb of saying is).
    assert _sentence_for(text, "194 Republicans", "opposing", "it") == "194 Republicans opposed it."


def test_brief_participle_cue_reads_as_the_sentences_verb() -> None:
    text = "Work stopped, with Zinichev describing the building as unsafe."
    assert _sentence_for(text, "Zinichev", "describing", "the building as unsafe") == (
        "Zinichev described the building as unsafe."
    )
    text = 'Searchers left, officials telling reporters: "The site is closed."'
    assert _sentence_for(text, "officials", "telling", "The site is closed.", direct=True, addressee="reporters") == (
        "Officials told reporters: “The site is closed.”"
    )
    text = "A spokesperson told the site the watch charges nightly, seemingly confirming the report."
    assert _sentence_for(text, "A spokesperson", "seemingly confirming", "the report") == (
        "A spokesperson seemingly confirmed the report."
    )


def test_brief_contracted_cue_is_written_out() -> None:
    text = "Apple might offer a larger model, but I'd say it's less likely."
    assert _sentence_for(text, "I", "'d say", "it's less likely") == "I would say it's less likely."


def test_brief_content_continuing_a_sentence_drops_only_a_sentence_starts_capital() -> None:
    text = "Seventeen rockets struck the base, according to the Iraqi military."
    assert _sentence_for(text, "the Iraqi military", "according to", "Seventeen rockets struck the base") == (
        "According to the Iraqi military, seventeen rockets struck the base."
    )
    text = "Secretary of Justice Ana Ruiz is next in line, according to Reuters."
    assert _sentence_for(text, "Reuters", "according to", "Secretary of Justice Ana Ruiz is next in line") == (
        "According to Reuters, Secretary of Justice Ana Ruiz is next in line."
    )
    text = "Trump will attend, aides said. Aides to Trump spoke."
    assert _sentence_for(text, "aides", "said", "Trump will attend") == "Aides said Trump will attend."
    # A conjunction that tied the content to the sentence before is left out.
    text = "But the talking point is false, according to the department."
    assert _sentence_for(text, "the department", "according to", "But the talking point is false") == (
        "According to the department, the talking point is false."
    )
    text = "So far the talks have failed, according to the mediator."
    assert _sentence_for(text, "the mediator", "according to", "So far the talks have failed") == (
        "According to the mediator, so far the talks have failed."
    )
    text = "It's the second such case in recent years, The Daily Courier reports."
    assert _sentence_for(text, "The Daily Courier", "reports", "It's the second such case in recent years") == (
        "The Daily Courier reports it's the second such case in recent years."
    )


def test_brief_keeps_the_article_the_text_gives_an_organization() -> None:
    text = "The FSB denies the two explosions are related."
    found = article(text)
    mention, cue, content = found.cite(0, 7), found.cite(8, 14), found.cite(15, len(text) - 1)
    statement = Statement(content, cue, mention, direct=False)
    source = Source("s1", "FSB", SourceKind.ORGANIZATION, (mention,), statements=(statement,))
    claim = _claim_elsewhere(found)
    notes = compose(found, claim, (source,), (SourceStance("s1", Stance.DENIES, ()),), (), (), ())
    assert notes[-1].text == "The FSB denies the two explosions are related."


def test_brief_sources_that_said_the_same_thing_share_one_sentence() -> None:
    text = "The Investigative Committee and the FSB said the blast was caused by gas."
    found = article(text)
    cite = _citer(found)
    statement = Statement(cite("the blast was caused by gas"), cite("said"), cite("The Investigative"), direct=False)
    sources = tuple(
        Source(f"s{i}", name, SourceKind.ORGANIZATION, (cite(mention),), statements=(statement,))
        for i, (name, mention) in enumerate(
            [("Investigative Committee", "The Investigative Committee"), ("FSB", "the FSB")]
        )
    )
    stances = tuple(SourceStance(s.id, Stance.REPORTS, ()) for s in sources)
    notes = compose(found, _claim_elsewhere(found), sources, stances, (), (), ())
    assert [n.text for n in notes if "gas" in n.text] == [
        "The Investigative Committee and the FSB said the blast was caused by gas."
    ]
    assert cite("the FSB") in notes[-1].citations


def test_brief_names_those_who_said_it_together_in_the_articles_order() -> None:
    text = "Trump and his supporters claimed the vote was rigged."
    found = article(text)
    cite = _citer(found)
    said = {
        name: Statement(cite("the vote was rigged"), cite("claimed"), cite(mention), direct=False)
        for name, mention in [("Donald Trump", "Trump"), ("his supporters", "his supporters")]
    }
    # Listed as the stance order has them: the supporters first.
    sources = tuple(
        Source(name, name, SourceKind.PERSON, (st.speaker,), statements=(st,))  # type: ignore[arg-type]
        for name, st in reversed(said.items())
    )
    stances = tuple(SourceStance(s.id, Stance.REPORTS, ()) for s in sources)
    notes = compose(found, _claim_elsewhere(found), sources, stances, (), (), ())
    assert notes[-1].text == "Donald Trump and his supporters claimed the vote was rigged."


def test_brief_does_not_repeat_the_words_a_cue_shares_with_the_speakers_name() -> None:
    text = "The bill in question would allow fugitives to be sent abroad."
    found = article(text)
    cite = _citer(found)
    # The tagger's source stops short of the name the rules resolved; its cue starts inside it.
    said = Statement(
        cite("fugitives to be sent abroad"), cite("in question would allow"), cite("The bill"), direct=False
    )
    source = Source(
        "s1", "The bill in question", SourceKind.ANONYMOUS, (cite("The bill in question"),), statements=(said,)
    )
    notes = compose(found, _claim_elsewhere(found), (source,), (SourceStance("s1", Stance.REPORTS, ()),), (), (), ())
    assert notes[-1].text == "The bill in question would allow fugitives to be sent abroad."


def test_brief_content_ending_in_a_quotation_gets_no_second_full_stop() -> None:
    text = 'Keni Lesa said the movement was able to "really hammer home their message."'
    content = 'the movement was able to "really hammer home their message."'
    assert _sentence_for(text, "Keni Lesa", "said", content) == (
        'Keni Lesa said the movement was able to "really hammer home their message."'
    )


def test_brief_content_ending_in_an_editors_bracketed_stop_gets_no_second_full_stop() -> None:
    text = 'Dana Price said people would "substitute it with more problematic slang[.]"'
    content = 'people would "substitute it with more problematic slang[.]"'
    assert _sentence_for(text, "Dana Price", "said", content) == (
        'Dana Price said people would "substitute it with more problematic slang[.]"'
    )


def test_brief_cue_ending_in_a_colon_gets_one_colon() -> None:
    text = 'Police said at a press conference: "The officers were threatened."'
    cue, content = "said at a press conference:", "The officers were threatened."
    assert _sentence_for(text, "Police", cue, content, direct=True) == (
        "Police said at a press conference: “The officers were threatened.”"
    )


def test_brief_a_speakers_colon_quotes_their_words() -> None:
    # The tagger can mark a transcript's line without calling it direct speech.
    text = "VAN SUSTEREN: Hold on. Stop for one second."
    assert _sentence_for(text, "VAN SUSTEREN", ":", "Hold on. Stop for one second.") == (
        "VAN SUSTEREN: “Hold on. Stop for one second.”"
    )


def test_brief_skips_a_statement_whose_content_is_a_lone_pronoun() -> None:
    text = "The Speaker spoke, which the BBC noted. Trump tweeted he was not aware. The BBC said the move was unusual."
    found = article(text)

    def content(start: str, end: str) -> Statement:
        begin = text.index(start)
        return Statement(found.cite(begin, text.index(end, begin)), None, None, direct=False)

    assert not briefable(found, content("which", " the BBC"))
    assert not briefable(found, content("he was", " was not"))  # the tagger cut the clause short
    assert briefable(found, content("the move", "."))


def test_brief_skips_a_statement_under_if() -> None:
    text = "He can be removed if two-thirds of the senators vote for removal. The senators voted for removal."
    found = article(text)
    cite = _citer(found)

    def voted(speaker: str, after: int = 0) -> Statement:
        return Statement(cite("removal", after + 1), cite("vote", after), cite(speaker, after), direct=False)

    assert not briefable(found, voted("two-thirds of the senators"))
    assert briefable(found, voted("The senators", text.index("The senators")))


@pytest.mark.parametrize("content", ["were under control", "which state media said were under control"])
def test_brief_skips_a_content_cut_from_a_relative_clause(content: str) -> None:
    text = "Fires broke out at two plants, which state media said were under control."
    found = article(text)
    cite = _citer(found)
    statement = Statement(cite(content), cite("said"), cite("state media"), direct=False)
    assert not briefable(found, statement)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "named"),
    [
        ("Mayor Bill Smith condemned the shooting, which he called “an evil act.”", " he ", "called", False),
        ("Trump railed against what he calls the crooked nominating process.", " he ", "calls", False),
        ("Doe visited Paris, which she described as “like an open orchid.”", " she ", "described", False),
        # The thing named is in the content: the sentence says it.
        ("Mayor Bill Smith called the shooting “an evil act.”", "Mayor Bill Smith", "called", True),
    ],
)
def test_brief_skips_what_a_source_called_a_thing_named_before_it(
    text: str, speaker: str, cue: str, named: bool
) -> None:
    found = article(text)
    cite = _citer(found)
    said = cite(cue, text.index(speaker))
    content = found.cite(said.end + 1, len(text.rstrip(".")))
    statement = Statement(content, said, cite(speaker.strip(), text.index(speaker)), direct=False)
    assert briefable(found, statement) is named


def test_brief_skips_a_content_opening_on_a_modal_verb() -> None:
    text = "Families of the dead, whom the governor has promised will be paid, met on Monday."
    found = article(text)
    cite = _citer(found)
    statement = Statement(cite("will be paid"), cite("has promised"), cite("the governor"), direct=False)
    assert not briefable(found, statement)


def test_brief_keeps_a_quoted_question() -> None:
    text = 'The mayor asked: "Is this the end of the harbor?"'
    found = article(text)
    cite = _citer(found)
    question = Statement(cite("Is this the end of the harbor?"), cite("asked"), cite("The mayor"), direct=True)
    assert briefable(found, question)


def test_brief_quotations_run_together_keep_their_own_marks() -> None:
    text = 'Schumer said "we made a plea" and "he resisted."'
    content = '"we made a plea" and "he resisted."'
    assert _sentence_for(text, "Schumer", "said", content, direct=True) == (
        'Schumer said: "we made a plea" and "he resisted."'
    )


def test_brief_a_claim_ending_in_a_quoted_stop_gets_no_second_stop() -> None:
    text = 'The WHO said "COVID-19" is to replace the temporary name "2019-nCoV."'
    found = article(text)
    claim = Claim("c1", text, ClaimStatus.UNVERIFIED, (_citer(found)(text),))
    [opening, *_] = compose(found, claim, (), (), (), (), ())
    assert opening.text == f"The article reports that t{text[1:]}"


def test_brief_names_what_a_role_belongs_to(pipeline: Pipeline) -> None:
    text = (
        "Fighting went on in Ghazni province on Monday. Taliban spokesperson Zabiullah Mujahid said 190 "
        "soldiers were dead. Republican committee member Doug Collins of Georgia said the inquiry had no legal basis. "
        "UN unit commander Jo Bloggs said the road was open."
    )
    sentences = [s.text for s in pipeline.brief_article(article(text, "roles")).sentences]
    assert "Zabiullah Mujahid (Taliban spokesperson) said 190 soldiers were dead." in sentences, sentences
    assert "Doug Collins (Republican committee member, Georgia) said the inquiry had no legal basis." in sentences
    assert "Jo Bloggs (UN unit commander) said the road was open." in sentences, sentences


def _pieces_sentence(text: str, speaker: str, cue: str, pieces: list[str], *, direct: bool) -> str:
    """The briefing's last sentence for one source whose cue has these content pieces (as the
    tagger splits them)."""
    found = article(text)
    cite = _citer(found)
    said = tuple(Statement(cite(p), cite(cue), cite(speaker), direct=direct) for p in pieces)
    source = Source("s1", speaker, SourceKind.PERSON, (cite(speaker),), statements=said)
    notes = compose(found, _claim_elsewhere(found), (source,), (SourceStance("s1", Stance.REPORTS, ()),), (), (), ())
    return notes[-1].text


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "pieces", "direct", "expected"),
    [
        (  # a quotation split around its attribution is joined again
            'The talks ended. "Whenever there are signs of a deal," Joshua Wong wrote, "they tighten their grip."',
            "Joshua Wong",
            "wrote",
            ["Whenever there are signs of a deal,", "they tighten their grip."],
            True,
            "Joshua Wong wrote: “Whenever there are signs of a deal, they tighten their grip.”",
        ),
        (  # pieces next to each other are one
            "The talks ended. Ambassador Ali Noor alleged, by way of example, the airline had carried weapons: "
            "probably rifles.",
            "Ambassador Ali Noor",
            "alleged",
            ["by way of example", "the airline had carried weapons:", "probably rifles"],
            False,
            "Ambassador Ali Noor alleged by way of example, the airline had carried weapons: probably rifles.",
        ),
        (  # of pieces apart, the longest
            "The talks ended. Ali Noor alleged in Paris on Monday that the airline had carried weapons.",
            "Ali Noor",
            "alleged",
            ["in Paris", "that the airline had carried weapons"],
            False,
            "Ali Noor alleged that the airline had carried weapons.",
        ),
        (  # the tagger took the speaker's apposition for what was said: no aside to leave out
            "The talks ended. It is not for the court to judge, argued the government's lawyer, Sam Roe.",
            "Sam Roe",
            "argued",
            ["It is not for the court to judge", "the government's lawyer"],
            False,
            "Sam Roe argued it is not for the court to judge.",
        ),
        (  # the longest that makes a sentence: one opening on "were" names nothing it is about
            "The talks ended. State media said the fires spread, and later were under control on Monday evening.",
            "State media",
            "said",
            ["the fires spread", "were under control on Monday evening"],
            False,
            "State media said the fires spread.",
        ),
    ],
)
def test_brief_joins_a_statements_pieces_or_shows_the_longest(
    text: str, speaker: str, cue: str, pieces: list[str], direct: bool, expected: str
) -> None:
    assert _pieces_sentence(text, speaker, cue, pieces, direct=direct) == expected


def test_brief_passive_report_said_after_its_speaker_turns_active() -> None:
    text = "He was warned by the minister that the bridge would close."
    assert _sentence_for(text, "the minister", "was warned by", "the bridge would close") == (
        "The minister warned that the bridge would close."
    )


def test_brief_names_a_person_without_a_courtesy_title_and_strips_it_from_the_name(pipeline: Pipeline) -> None:
    text = (
        "Fighting went on in Ghazni province on Monday. Mme Emily Roux said the talks had failed. "
        "Legislator Tanya Chan said the vote was unfair."
    )
    sentences = [s.text for s in pipeline.brief_article(article(text, "titles")).sentences]
    assert "Emily Roux said the talks had failed." in sentences, sentences
    assert "Tanya Chan (Legislator) said the vote was unfair." in sentences


@pytest.mark.parametrize(
    ("text", "name", "mention", "said", "expected"),
    [
        (  # the statement a possessive speaker owns reads, or suggests
            'The raid ended. Trump\'s statement read: "The operation was a success." His comments suggest a deal.',
            "Donald Trump",
            "Trump's statement",
            [
                ("The operation was a success.", "read", "Trump's statement", True),
                ("a deal", "suggest", "His comments", False),
            ],
            [
                "The statement by Donald Trump read: “The operation was a success.”",
                "The comments by Donald Trump suggest a deal.",
            ],
        ),
        (  # "the statement" that an organization released reads
            'The Defence Ministry released a statement. "No troops were injured in the attack," read the statement.',
            "Defence Ministry",
            "The Defence Ministry",
            [("No troops were injured in the attack,", "read", "the statement", True)],
            ["The statement by the Defence Ministry read: “No troops were injured in the attack.”"],
        ),
        (  # one that no one named issued reads alone
            'The base was hit. "No troops were injured in the attack," read the statement.',
            "the statement",
            "the statement",
            [("No troops were injured in the attack,", "read", "the statement", True)],
            ["The statement read: “No troops were injured in the attack.”"],
        ),
        (  # what a source said comes before what the writer reads into it
            "Rep. Mike Turner expressed skepticism about the report. His comments suggest the order may exist.",
            "Mike Turner",
            "Rep. Mike Turner",
            [
                ("the report", "expressed skepticism about", "Rep. Mike Turner", False),
                ("the order may exist", "suggest", "His comments", False),
            ],
            ["Mike Turner expressed skepticism about the report."],
        ),
    ],
)
def test_brief_names_what_a_source_said_through_its_words(
    text: str, name: str, mention: str, said: list[tuple[str, str, str, bool]], expected: list[str]
) -> None:
    found = article(text)
    cite = _citer(found)
    statements = tuple(
        Statement(cite(content), cite(cue), cite(by), direct=direct) for content, cue, by, direct in said
    )
    source = Source("s1", name, SourceKind.PERSON, (cite(mention),), statements=statements)
    notes = compose(found, _claim_elsewhere(found), (source,), (SourceStance("s1", Stance.REPORTS, ()),), (), (), ())
    assert [n.text for n in notes[-len(expected) :]] == expected


def test_brief_keeps_a_split_quotation_that_two_sources_share() -> None:
    text = 'The vote ended. "We will win this fight," the committee and the FSB said, "and they will lose it."'
    found = article(text)
    cite = _citer(found)
    pieces = ["We will win this fight,", "and they will lose it."]
    sources = tuple(
        Source(
            f"s{i}",
            name,
            SourceKind.ORGANIZATION,
            (cite(name),),
            # accurate mode cites the tagged source span, both names, for each
            statements=tuple(
                Statement(cite(p), cite("said"), cite("the committee and the FSB"), direct=True) for p in pieces
            ),
        )
        for i, name in enumerate(("the committee", "the FSB"))
    )
    stances = tuple(SourceStance(s.id, Stance.REPORTS, ()) for s in sources)
    notes = compose(found, _claim_elsewhere(found), sources, stances, (), (), ())
    # The joined quotation holds its own cue: it is still no other statement's report.
    assert notes[-1].text == "The committee and the FSB said: “We will win this fight, and they will lose it.”"


@pytest.mark.parametrize("cue", ["were told by", "were told"])
def test_brief_leaves_out_a_passive_that_names_no_one_it_was_said_to(cue: str) -> None:
    # Briefed, it read "To evacuate before the storm arrived were told by police." (the tagger's
    # cue) or "Police were told by police to evacuate ..." (the rules' cue).
    text = "The storm hit the coast. Residents were told by police to evacuate before the storm arrived."
    found = article(text)
    cite = _citer(found)
    told = Statement(cite("to evacuate before the storm arrived"), cite(cue), cite("police"), direct=False)
    assert not briefable(found, told)


def test_brief_the_writers_first_person_reads_in_the_third(pipeline: Pipeline) -> None:
    text = (
        "Hospital officials met on Monday. “We are sure the ward will reopen,” the doctor said. We know the ward "
        "was closed for a week, and we don't know why."
    )
    sentences = [s.text for s in pipeline.brief_article(article(text, "writer")).sentences]
    assert "The writer knows the ward was closed for a week." in sentences


@pytest.mark.parametrize(
    ("cue", "third"),
    [
        ("don’t know", "doesn’t know"),
        ("have seen", "has seen"),
        ("can't say", "can't say"),
        ("said", "said"),
        ("still call", "still calls"),  # the verb after an adverb, not the adverb ("stills call")
    ],
)
def test_brief_a_first_person_cue_in_the_third(cue: str, third: str) -> None:
    assert _third_person(cue) == third
