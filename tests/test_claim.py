import pytest

from sourcebrief.attribute import attribute
from sourcebrief.claim import attributed_spans, central_claim_span, speculation_flags, unknowns
from sourcebrief.model import FlagKind

from .helpers import analysis_of


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (  # the lead without its opener
            "Budget talks\n\nIn a surprise move, the governor has vetoed the state budget passed by lawmakers last "
            "week. Lawmakers said they would try to override the veto.",
            "the governor has vetoed the state budget passed by lawmakers last week.",
        ),
        (  # what the lead reports, when its source comes after
            "Bridge closure extended\n\nThe Elm Street bridge will stay closed until June, the state transport "
            "department said on Wednesday. Engineers found cracks in two support beams, officials said.",
            "The Elm Street bridge will stay closed until June",
        ),
        (  # a clause before the subject is part of the news
            "Prisoner swap\n\nWhen the governor agreed in May to release five prisoners in exchange for a soldier, "
            "his opponents had a field day. They warned that the prisoners would return to the fight.",
            "When the governor agreed in May to release five prisoners in exchange for a soldier, his opponents had a "
            "field day.",
        ),
        (  # ... also under a passive "it was reported"
            "Dam report\n\nThe dam on the upper river has cracked so badly that its gates cannot close, it was "
            "reported on Tuesday. Engineers were sent to the site, officials said.",
            "The dam on the upper river has cracked so badly that its gates cannot close",
        ),
        (  # the lead without its dateline
            "Border town\n\nBEIRUT — Islamic State group fighters seized at least one cache of weapons airdropped "
            "by coalition forces in a border town. Two officials said the review would take months.",
            "Islamic State group fighters seized at least one cache of weapons airdropped by coalition forces in a "
            "border town.",
        ),
        (
            "Tokyo: Kim Jong-un, the North Korean leader who has mysteriously been missing from the public eye for "
            "almost a month, sparking rumours ranging from a stroke to a coup, is recovering from ankle surgery.",
            "Kim Jong-un, the North Korean leader who has mysteriously been missing from the public eye for almost a "
            "month, sparking rumours ranging from a stroke to a coup, is recovering from ankle surgery.",
        ),
        (
            "Record baby\n\nPerth | A 600-pound woman has given birth to a 40-pound baby at a hospital in the city. "
            "The doctor first believed the woman to be pregnant with twins.",
            "A 600-pound woman has given birth to a 40-pound baby at a hospital in the city.",
        ),
    ],
)
def test_claim_is_the_leads_news(nlp, text: str, claim: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analysis_of(text, nlp)
    assert analysis.article.quote(central_claim_span(analysis)) == claim


def test_claim_unknowns_split_coordinated_subjects(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis = analysis_of(
        "The factory closed on Monday. The cause of the fire and the number of injured workers remain unclear. "
        "It is not known whether the plant will reopen.",
        nlp,
    )
    texts = [n.text for n in unknowns(analysis)]
    assert texts[:2] == ["The cause of the fire", "the number of injured workers"]


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        # "It is unclear" with its clause
        (
            "The talks ended on Friday. It is unclear whether the two sides will meet again.",
            ["whether the two sides will meet again"],
        ),
        (
            "The talks ended on Friday. It is not yet known when the results will be published.",
            ["when the results will be published"],
        ),
        # A condition or a vote not taken is no unknown.
        (
            "Ana Ruiz, the successor should Bo Kim remain unconfirmed by the Senate, said she would serve. "
            "The cause of the fire remains unclear.",
            ["The cause of the fire"],
        ),
        # Unknown to someone is still unknown.
        ("The plant burned on Monday. The cause of the fire is not known by investigators.", ["The cause of the fire"]),
        # Someone who did not know, or has never known someone to lie, is no unknown.
        (
            "In ten years I have never known him to lie. The suspect might not have known he was wanted. "
            "The cause of the fire is not known.",
            ["The cause of the fire"],
        ),
        # The clause with its question word, not who is unsure; no bare "how".
        (
            "It is unknown at this time what the patient is suffering from. Scientists are uncertain whether the "
            "rock disintegrated. The mayor had no details on how.",
            ["what the patient is suffering from", "whether the rock disintegrated"],
        ),
    ],
)
def test_claim_unknowns(nlp, text: str, unknown: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [n.text for n in unknowns(analysis_of(text, nlp))] == unknown


def test_claim_speculation_is_flagged_only_when_unattributed(nlp) -> None:  # type: ignore[no-untyped-def]
    analysis = analysis_of(
        "The bank raised rates on Tuesday. The move could signal more increases this year. "
        "Analyst Tom Ward said the move could signal a long fight against inflation.",
        nlp,
    )
    flags = speculation_flags(analysis, attributed_spans(attribute(analysis).sources))
    assert [f.text for f in flags] == ["The move could signal more increases this year."]
    assert flags[0].kind == FlagKind.SPECULATION
    assert analysis.article.quote(flags[0].citations[0]) == flags[0].text
