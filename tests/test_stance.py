import pytest

from sourcebrief.attribute import attribute
from sourcebrief.claim import claim_status
from sourcebrief.model import Citation, ClaimStatus, Source, SourceKind, SourceStance, Stance, Statement
from sourcebrief.stance import (
    claim_terms,
    content_words,
    name_words,
    quantities_in,
    stances,
    statement_stance,
    terms_of_claim,
)

from .helpers import analysis_of, article

CLAIM = "The city has halted construction of the new stadium."


def stance_of(text: str, nlp, name: str) -> Stance:  # type: ignore[no-untyped-def]
    analysis = analysis_of(CLAIM + " " + text, nlp)
    attribution = attribute(analysis)
    found = stances(attribution.sources, analysis, claim_terms(CLAIM))
    by_name = {s.name: f.stance for s, f in zip(attribution.sources, found, strict=True)}
    assert name in by_name, by_name
    return by_name[name]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Two officials said construction of the stadium was halted last week.", "Two officials", Stance.CONFIRMS),
        ("Mayor Ana Ruiz denied that construction had been halted.", "Ana Ruiz", Stance.DENIES),
        ("Councilman Joe Bell said he was not aware of any halt.", "Joe Bell", Stance.UNAWARE),
        ("Councilman Joe Bell expressed doubt about the report.", "Joe Bell", Stance.DISPUTES),
        (
            "A spokesperson for the builder declined to comment.",
            "A spokesperson for the builder",
            Stance.DECLINES_TO_COMMENT,
        ),
        ("The city council has not confirmed the halt.", "The city council", Stance.DECLINES_TO_COMMENT),
        ("Mayor Ana Ruiz denied the accusation that construction had been halted.", "Ana Ruiz", Stance.DENIES),
        ("The city council has not confirmed Mayor Ruiz's nominee.", "The city council", Stance.REPORTS),
        (
            "The Daily Courier reported that construction of the stadium had been halted.",
            "Daily Courier",
            Stance.REPORTS,
        ),
        # A dispute named as a thing is no doubt about the claim; disputing the claim is.
        (
            "Mayor Ana Ruiz said construction of the stadium was halted by unresolved disputes.",
            "Ana Ruiz",
            Stance.CONFIRMS,
        ),
        ("Mayor Ana Ruiz disputed that construction of the stadium was halted.", "Ana Ruiz", Stance.DISPUTES),
        # Saying that something is not so does not back a claim that it is.
        ("Mayor Ana Ruiz said construction of the stadium had not been halted.", "Ana Ruiz", Stance.REPORTS),
        ("Mayor Ana Ruiz said nobody had halted construction of the stadium.", "Ana Ruiz", Stance.REPORTS),
        ("Mayor Ana Ruiz said she had never before halted construction of a stadium.", "Ana Ruiz", Stance.CONFIRMS),
        # A statement not made: no confirmation, denial or doubt.
        ("Mayor Ana Ruiz did not say that construction of the stadium was halted.", "Ana Ruiz", Stance.REPORTS),
        ("Mayor Ana Ruiz did not deny that construction of the stadium was halted.", "Ana Ruiz", Stance.REPORTS),
        ("Mayor Ana Ruiz never disputed that construction of the stadium was halted.", "Ana Ruiz", Stance.REPORTS),
        ("Mayor Ana Ruiz did not know that construction of the stadium was halted.", "Ana Ruiz", Stance.UNAWARE),
        (
            "Mayor Ana Ruiz said there was no truth to the claim that construction was halted.",
            "Ana Ruiz",
            Stance.DENIES,
        ),
        # No evidence for it is doubt.
        (
            "Mayor Ana Ruiz said there was no evidence that construction of the stadium had been halted.",
            "Ana Ruiz",
            Stance.DISPUTES,
        ),
        # Pointing at the claim backs it only with a word that affirms it.
        ("The city council said it was investigating the reports.", "The city council", Stance.REPORTS),
        ("The city council confirmed the reports.", "The city council", Stance.CONFIRMS),
        ("The city council said the reports were accurate.", "The city council", Stance.CONFIRMS),
        # A question asserts nothing.
        ('Mayor Ana Ruiz asked, "Has construction of the stadium been halted?"', "Ana Ruiz", Stance.REPORTS),
    ],
)
def test_stance_of_statement(nlp, text, name, expected) -> None:  # type: ignore[no-untyped-def]
    assert stance_of(text, nlp, name) == expected


@pytest.mark.parametrize(
    ("denied", "expected"),
    [
        ("funding for the new stadium's construction", Stance.REPORTS),  # an act on a thing
        ("the accusation that construction of the stadium was halted", Stance.DENIES),
        ("that construction of the stadium was halted", Stance.DENIES),
    ],
)
def test_stance_denying_a_thing_is_an_act_not_a_denial(nlp, denied: str, expected: Stance) -> None:  # type: ignore[no-untyped-def]
    # The tagger finds such statements (the rules drop them): spans as it would give them.
    text = f"{CLAIM} The council denied {denied}."
    analysis = analysis_of(text, nlp)
    cite = analysis.article.cite
    cue_start = text.index("denied")
    content = cite(cue_start + len("denied "), len(text) - 1)
    said = Statement(content, cite(cue_start, cue_start + 6), cite(len(CLAIM) + 1, cue_start - 1), direct=False)
    council = Source("s1", "council", SourceKind.ORGANIZATION, (said.speaker,), statements=(said,))  # type: ignore[arg-type]
    assert stances((council,), analysis, claim_terms(CLAIM))[0].stance == expected


def test_stance_doubting_a_denial_backs_the_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mayor Ana Ruiz denied that construction had been halted. Councilman Joe Bell questioned the mayor's account."
    )
    assert stance_of(text, nlp, "Joe Bell") == Stance.CONFIRMS


def _sources(*kinds: SourceKind) -> tuple[Source, ...]:
    return tuple(Source(id=f"s{i}", name=f"n{i}", kind=k, mentions=()) for i, k in enumerate(kinds))


@pytest.mark.parametrize(
    ("kinds_and_stances", "expected"),
    [
        ([], ClaimStatus.UNVERIFIED),
        ([(SourceKind.ANONYMOUS, Stance.CONFIRMS)], ClaimStatus.REPORTED),
        ([(SourceKind.DOCUMENT, Stance.CONFIRMS)], ClaimStatus.REPORTED),
        ([(SourceKind.OUTLET, Stance.REPORTS)], ClaimStatus.REPORTED),
        ([(SourceKind.PERSON, Stance.CONFIRMS)], ClaimStatus.CONFIRMED),
        ([(SourceKind.PERSON, Stance.DENIES)], ClaimStatus.DENIED),
        ([(SourceKind.ANONYMOUS, Stance.CONFIRMS), (SourceKind.PERSON, Stance.DISPUTES)], ClaimStatus.CONTESTED),
        ([(SourceKind.ANONYMOUS, Stance.CONFIRMS), (SourceKind.PERSON, Stance.UNAWARE)], ClaimStatus.CONTESTED),
        ([(SourceKind.PERSON, Stance.DECLINES_TO_COMMENT)], ClaimStatus.UNVERIFIED),
    ],
)
def test_stance_claim_status(kinds_and_stances, expected) -> None:  # type: ignore[no-untyped-def]
    sources = _sources(*(k for k, _ in kinds_and_stances))
    found = tuple(SourceStance(s.id, st, ()) for s, (_, st) in zip(sources, kinds_and_stances, strict=True))
    assert claim_status(sources, found) == expected


def test_stance_content_words_leave_out_names_and_stop_words() -> None:
    assert content_words("Mayor Ruiz halted the stadium works in Springfield") == {"halt", "stadium", "work"}


def test_stance_name_words_skip_sentence_starts() -> None:
    assert name_words("The President met Lee. Then he left for Paris.") == {"President", "Lee", "Paris"}


def test_stance_doubt_about_the_claims_people_counts_but_other_doubts_do_not(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = "Governor Ray Holt said he will close the port."
    analysis = analysis_of(
        claim + " Senator Bo Kim questioned the Governor's power to do so. "
        'Dock worker Al Fry said: "We have many disputes with the union, but I do not know about this."',
        nlp,
    )
    attribution = attribute(analysis)
    found = {
        s.name: f.stance
        for s, f in zip(attribution.sources, stances(attribution.sources, analysis, claim_terms(claim)), strict=True)
    }
    assert found["Bo Kim"] == Stance.DISPUTES
    assert found["Al Fry"] == Stance.REPORTS


def test_stance_a_claim_with_a_number_is_confirmed_only_by_that_number(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Confirmed coronavirus cases passed one million worldwide on Thursday. Health Minister Jean Banda said "
        "Malawi had confirmed its first coronavirus cases. The World Health Organization said confirmed cases "
        "had passed one million."
    )
    briefing = pipeline.brief_article(article(text, "count"))
    stance_of = {s.name: str(briefing.stance_of(s.id)) for s in briefing.sources}
    assert (stance_of["Jean Banda"], stance_of["World Health Organization"]) == ("reports", "confirms")


def test_stance_a_number_confirms_however_it_is_written(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Confirmed coronavirus cases passed one million worldwide on Thursday. The World Health Organization "
        "said confirmed cases had passed 1 million. Health Minister Jean Banda said confirmed cases had passed "
        "1.5 million. Officials in Geneva said confirmed cases had passed 1,000,000."
    )
    briefing = pipeline.brief_article(article(text, "written"))
    stance_of = {s.name: str(briefing.stance_of(s.id)) for s in briefing.sources}
    assert stance_of == {
        "World Health Organization": "confirms",
        "Jean Banda": "reports",
        "Officials in Geneva": "confirms",
    }


def test_stance_a_number_in_the_claims_subject_is_not_what_it_claims(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The 27-nation bloc's foreign policy chief Josep Borrell said the EU would ban Russian oil imports. "
        "German officials said the EU would ban Russian oil imports by December."
    )
    briefing = pipeline.brief_article(article(text, "subject"))
    stance_of = {s.name: str(briefing.stance_of(s.id)) for s in briefing.sources}
    assert stance_of["German officials"] == "confirms", stance_of


def _stance_by_name(nlp, claim: str, rest: str) -> dict[str, Stance]:  # type: ignore[no-untyped-def]
    analysis = analysis_of(f"{claim} {rest}", nlp)
    attribution = attribute(analysis)
    found = stances(attribution.sources, analysis, terms_of_claim(analysis, analysis.article.cite(0, len(claim))))
    return {s.name: f.stance for s, f in zip(attribution.sources, found, strict=True)}


def test_stance_one_shared_word_backs_a_claim_only_if_it_is_what_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _stance_by_name(
        nlp,
        "Germany banned the airline from flying in the European nation.",
        "Two firms said they would pull out of the nation. Minister Udo Graf said the ban is final.",
    )
    assert (found["Two firms"], found["Udo Graf"]) == (Stance.REPORTS, Stance.CONFIRMS)


def test_stance_a_challenger_is_no_challenge(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _stance_by_name(
        nlp,
        "The House committee issued a subpoena to the White House.",
        "Chairman Eli Roth said the subpoena issued to the White House concerns the Democratic challenger.",
    )
    assert found["Eli Roth"] != Stance.DISPUTES


def test_stance_a_thing_not_part_of_a_plan_is_no_ignorance(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _stance_by_name(
        nlp,
        "Germany banned the airline from its airports.",
        "Minister Udo Graf said the airline ban is not part of any broader plan. "
        "Senator Ina Voss said she was not part of the talks on the airline ban. "
        "The Transport Ministry said it was not part of the talks on the airline ban.",
    )
    assert (found["Udo Graf"], found["Ina Voss"], found["Transport Ministry"]) == (
        Stance.CONFIRMS,
        Stance.UNAWARE,
        Stance.UNAWARE,
    )


def test_stance_a_statement_under_if_takes_no_side(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _stance_by_name(
        nlp,
        "The prime minister suspended Parliament for five weeks.",
        "If the Speaker says the prime minister suspended Parliament for five weeks, lawmakers can vote.",
    )
    assert found == {"the Speaker": Stance.REPORTS}


def test_stance_an_act_that_takes_a_side_is_no_confirmation(nlp) -> None:  # type: ignore[no-untyped-def]
    claim = "Parliament voted on a resolution to expel foreign troops."
    analysis = analysis_of(claim + " Speaker Ali Hadi said Parliament voted on the resolution.", nlp)
    text = analysis.article.text

    def cite(part: str, after: int = 0) -> Citation:
        start = text.index(part, after)
        return analysis.article.cite(start, start + len(part))

    voted = Statement(cite("a resolution to expel foreign troops"), cite("voted"), cite("Parliament"), direct=False)
    said = Statement(cite("Parliament voted on the resolution"), cite("said"), cite("Ali Hadi"), direct=False)
    terms = claim_terms(claim)
    assert statement_stance(voted, analysis, terms) == Stance.REPORTS
    assert statement_stance(said, analysis, terms) == Stance.CONFIRMS
    # A cue no rule knows still confirms: only acts do not.
    claim = "Forty people died in the fire at the market."
    analysis = analysis_of(claim + " Officials recorded forty people dead in the fire at the market.", nlp)
    text = analysis.article.text
    recorded = Statement(cite("forty people dead in the fire at the market"), cite("recorded"), None, direct=False)
    assert statement_stance(recorded, analysis, claim_terms(claim)) == Stance.CONFIRMS


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("It cost 4.1 billion dollars.", "It cost 4,100,000,000 dollars.", True),
        ("Cases passed 1 million.", "Cases passed one million.", True),
        ("Cases passed 1.5 million.", "Cases passed one million.", False),
        # No number to compare: "hundreds" is not one.
        ("Hundreds of people protested.", "One person protested.", False),
    ],
)
def test_stance_counts_compare_by_value(nlp, a: str, b: str, same: bool) -> None:  # type: ignore[no-untyped-def]
    def counts(text: str) -> frozenset[str]:
        doc = nlp(text)
        return quantities_in(doc, Citation("t", 0, len(text)))

    assert bool(counts(a) & counts(b)) is same


def test_stance_a_statement_that_something_is_not_so_confirms_a_claim_that_it_is_not(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The mayor did not attend the stadium opening on Friday.\n\n"
        "Two aides to the mayor said she did not attend the stadium opening."
    )
    briefing = pipeline.brief_article(article(text))
    found = [(s.name, briefing.stance_of(s.id)) for s in briefing.sources]
    assert found == [("Two aides to the mayor", Stance.CONFIRMS)]
