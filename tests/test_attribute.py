from dataclasses import replace

import pytest
from spacy.tokens import Doc, Span

from sourcebrief.analyze import analyze
from sourcebrief.attribute import _to_statement, attribute, lexicon
from sourcebrief.attribute.speakers import Speaker, proper_name
from sourcebrief.attribute.statements import RawStatement, cue_subject, quotations
from sourcebrief.model import ChainRole, SourceKind

from .helpers import ROLES_BEFORE_A_NAME, analysis_of, article, attribution_of, said_by, source_named

# (text, speaker, kind, cue, content, direct)
STATEMENT_CASES = [
    (
        'Mayor Tom Ruiz went on to say, "The plan works and we will finish it."',
        "Tom Ruiz",
        SourceKind.PERSON,
        "went on to say",
        "The plan works and we will finish it.",
        True,
    ),
    (
        'Senator Chuck Schumer said on Friday "We made a plea to the president once again" and "So we told '
        'him we needed the government open."',
        "Chuck Schumer",
        SourceKind.PERSON,
        "said",
        '"We made a plea to the president once again" and "So we told him we needed the government open."',
        True,
    ),
    (
        "Mayor Ann Lee said the bridge would reopen in May.",
        "Ann Lee",
        SourceKind.PERSON,
        "said",
        "the bridge would reopen in May",
        False,
    ),
    (
        '"We will not raise taxes this year," Finance Minister Tom Berg said on Monday.',
        "Tom Berg",
        SourceKind.PERSON,
        "said",
        "We will not raise taxes this year,",
        True,
    ),
    (
        "According to three officials familiar with the talks, the deal is nearly done.",
        "three officials familiar with the talks",
        SourceKind.ANONYMOUS,
        "According to",
        "the deal is nearly done",
        False,
    ),
    (
        "The Interior Ministry announced that the border crossing would close at midnight.",
        "Interior Ministry",
        SourceKind.ORGANIZATION,
        "announced",
        "that the border crossing would close at midnight",
        False,
    ),
    (
        "Reuters reported that the company had laid off 200 workers.",
        "Reuters",
        SourceKind.OUTLET,
        "reported",
        "that the company had laid off 200 workers",
        False,
    ),
    (
        'Senator Maria Diaz told reporters: "This bill is dead on arrival and everyone knows it."',
        "Maria Diaz",
        SourceKind.PERSON,
        "told",
        "This bill is dead on arrival and everyone knows it.",
        True,
    ),
    (
        "The Republican nominee warned that taxes would rise.",
        "The Republican nominee",
        SourceKind.PERSON,
        "warned",
        "that taxes would rise",
        False,
    ),
    (
        "Opponents of the plan argued that it would cost jobs.",
        "Opponents of the plan",
        SourceKind.ANONYMOUS,
        "argued",
        "that it would cost jobs",
        False,
    ),
    (
        # Where it was said is not what was said.
        "Senator Mitch McConnell spoke on Fox News about the trial.",
        "Mitch McConnell",
        SourceKind.PERSON,
        "spoke",
        "about the trial",
        False,
    ),
    (
        # The negation of the first verb is the second's too: not "Ann Lee admit defeat".
        "Mayor Ann Lee did not concede or admit defeat in the election.",
        "Ann Lee",
        SourceKind.PERSON,
        "did not concede or admit",
        "defeat in the election",
        False,
    ),
    (
        # The parser takes the clause's subject for the cue's object.
        "The German government announced the tests by a military laboratory found Novichok in his blood.",
        "The German government",
        SourceKind.ORGANIZATION,
        "announced",
        "the tests by a military laboratory found Novichok in his blood",
        False,
    ),
    (
        # ... or for a second subject of the cue.
        "On Tuesday, the state governor, Angel Aguirre, said many of the bodies at the first site appeared to have "
        "been buried for some time.",
        "Angel Aguirre",
        SourceKind.PERSON,
        "said",
        "many of the bodies at the first site appeared to have been buried for some time",
        False,
    ),
    (
        # The parser takes the clause's subject for the cue's object and its verb for the cue's conjunct.
        "Chairman Jerrold Nadler has repeatedly maintained an impeachment inquiry is what the committee is doing.",
        "Jerrold Nadler",
        SourceKind.PERSON,
        "has repeatedly maintained",
        "an impeachment inquiry is what the committee is doing",
        False,
    ),
    (
        # A clause before a semicolon is not what the cue after it reports, whatever the parse says.
        'The spokesperson added, they "would not consider requests of this nature"; Interpol did not disclose '
        "at the time whether it received any arrest warrants from Iran.",
        "Interpol",
        SourceKind.ORGANIZATION,
        "did not disclose",
        "whether it received any arrest warrants from Iran",
        False,
    ),
    (
        # The speaker after the cue, which the parser joins to the clause before it.
        "It is not for the Court to opine about the motivations, argued the government's lawyer, Richard Keen.",
        "Richard Keen",
        SourceKind.PERSON,
        "argued",
        "It is not for the Court to opine about the motivations",
        False,
    ),
    (
        # An abbreviation in apposition is the source's; the parse has the clause without a subject.
        "According to the World Health Organization (WHO), vaccination before the outbreak began covered only "
        "about 31 percent of Samoans.",
        "World Health Organization",
        SourceKind.ORGANIZATION,
        "According to",
        "vaccination before the outbreak began covered only about 31 percent of Samoans",
        False,
    ),
    (
        # The parse puts the whole clause in apposition to the one it is according to.
        "According to conservative talk radio host Rush Limbaugh, the move reeks of fear and desperation.\n"
        "The debate is on Monday.",
        "Rush Limbaugh",
        SourceKind.PERSON,
        "According to",
        "the move reeks of fear and desperation",
        False,
    ),
    (
        # What something is said to be is said too.
        "Senator Ann Lee described the deal in March as toothless.",
        "Ann Lee",
        SourceKind.PERSON,
        "described",
        "the deal in March as toothless",
        False,
    ),
    (
        # The parser puts the clause's subject in apposition to the one it is according to.
        "The court ruled the suspension was unlawful.\n\nAccording to the BBC, a spokeman for 10 Downing Street "
        "expressed disappointment and that the prime minister's office intends to appeal; \"The UK government "
        'needs to bring forward a strong domestic legislative agenda."',
        "BBC",
        SourceKind.OUTLET,
        "According to",
        "a spokeman for 10 Downing Street expressed disappointment and that the prime minister's office intends "
        'to appeal; "The UK government needs to bring forward a strong domestic legislative agenda."',
        False,
    ),
    (
        # The parser hangs the clause after "and, ..." on the cue as a second clause.
        "Director Tedros Ghebreyesus said the name had to be easy to say and, to prevent stigma, it must not "
        "cite any place.",
        "Tedros Ghebreyesus",
        SourceKind.PERSON,
        "said",
        "the name had to be easy to say and, to prevent stigma, it must not cite any place",
        False,
    ),
    (
        # The parser joins the next clause's subject to the last noun of the content.
        "The milestone came the same day Malawi confirmed its first coronavirus infections and Zambia had its "
        "first coronavirus-related death.",
        "Malawi",
        SourceKind.ORGANIZATION,
        "confirmed",
        "its first coronavirus infections",
        False,
    ),
    (
        # The tokenizer splits "co-operate" and the parser hangs each part on the cue.
        "Ravi Verma had refused to co-operate for years, the minister said.",
        "Ravi Verma",
        SourceKind.PERSON,
        "had refused",
        "to co-operate",
        False,
    ),
    (
        # An adverb before the cue begins it with its own adverb.
        "Kobane is surrounded by IS. The Turkish government has thus far refused requests to open a corridor.",
        "The Turkish government",
        SourceKind.ORGANIZATION,
        "has thus far refused",
        "requests to open a corridor",
        False,
    ),
    (
        # An acronym that the tagger takes for the pronoun "who" opens no relative clause.
        'Tarik Jasarevic told The Independent: "WHO is aware of these reports and is working with Iraq."',
        "Tarik Jasarevic",
        SourceKind.PERSON,
        "told",
        "WHO is aware of these reports and is working with Iraq.",
        True,
    ),
]


@pytest.mark.parametrize(("text", "speaker", "kind", "cue", "content", "direct"), STATEMENT_CASES)
def test_attribute_statement(nlp, text, speaker, kind, cue, content, direct) -> None:  # type: ignore[no-untyped-def]
    article, attribution = attribution_of(text, nlp)
    source = source_named(attribution, speaker)
    assert source.kind == kind
    [statement] = source.statements
    assert statement.cue is not None and article.quote(statement.cue) == cue
    assert article.quote(statement.content) == content
    assert statement.direct is direct


QUOTE_TOLD_WHERE_AND_WHILE = (
    '"Look at what happened in Ohio," Trump told supporters in Syracuse, N.Y., while delegates in the '
    "convention center were voting."
)


@pytest.mark.parametrize(
    ("text", "cue", "addressee"),
    [
        ('Senator Maria Diaz told reporters: "This bill is dead on arrival."', "told", "reporters"),
        ("A total of 39 are confirmed dead, officials told state media on Tuesday.", "told", "state media"),
        ("The mayor spoke to the press after the vote, saying the budget was balanced.", "spoke", "to the press"),
        ("The minister said the budget was balanced.", "said", None),
        (QUOTE_TOLD_WHERE_AND_WHILE, "told", "supporters"),
        # A hyphenated name is one word of the addressee's few, not three tokens.
        (
            "Dan Anderson, a spokesman for the college, told the Burlington Times-News there is no ban.",
            "told",
            "the Burlington Times-News",
        ),
    ],
)
def test_addressee_is_kept_apart_from_the_cue(nlp, text: str, cue: str, addressee: str | None) -> None:  # type: ignore[no-untyped-def]
    """PolNeAR's cues are the verb alone; the briefing still says whom it was told to."""
    article, attribution = attribution_of(text, nlp)
    [statement] = [st for source in attribution.sources for st in source.statements]
    assert statement.cue is not None and article.quote(statement.cue) == cue
    assert (article.quote(statement.addressee) if statement.addressee else None) == addressee


def test_attribute_what_was_told_is_not_where_or_while(nlp) -> None:  # type: ignore[no-untyped-def]
    article, attribution = attribution_of(QUOTE_TOLD_WHERE_AND_WHILE, nlp)
    [statement] = source_named(attribution, "Trump").statements
    assert article.quote(statement.content) == "Look at what happened in Ohio,"


def test_attribute_role_affiliation_and_apposition(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Republican Rep. Jo Park of Idaho, a member of the Senate Finance Committee, said the tax plan "
        "was unfair to farmers."
    )
    _, attribution = attribution_of(text, nlp)
    source = source_named(attribution, "Jo Park")
    assert (
        source.role is not None and "Rep." in source.role and "a member of the Senate Finance Committee" in source.role
    )
    assert source.affiliation is not None and "Republican" in source.affiliation and "Idaho" in source.affiliation


def test_attribute_an_affiliation_is_not_the_persons_own_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'First Minister of Scotland Nicola Sturgeon said, "The judgment is of huge constitutional significance."'
    assert "Scotland Nicola Sturgeon" in [e.text for e in nlp(text).ents], "the case needs the entity tagger's run-on"
    _, attribution = attribution_of(text, nlp)
    sturgeon = source_named(attribution, "Nicola Sturgeon")
    assert (sturgeon.role, sturgeon.affiliation) == ("First Minister of Scotland", None)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Sharif Hotak also alleged the central government are "hiding accurate casualty figures to prevent a '
            'further dip in morale of the Afghan forces", whose US-built armoured vehicle was used to breach the '
            "compound's defences.",
            'the central government are "hiding accurate casualty figures to prevent a further dip in morale of the '
            'Afghan forces"',
        ),
        (
            "A spokesperson, Morgan Ortagus, indicated the United States was disappointed by the decision: "
            '"While we await further clarification," he said, "we strongly urge Iraqi leaders to reconsider."',
            "the United States was disappointed by the decision",
        ),
    ],
)
def test_attribute_a_clause_after_the_content_that_is_no_part_of_it(nlp, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    # A writer's aside, and a quotation with its own cue, are parsed as more clauses of the cue.
    article, attribution = attribution_of(text, nlp)
    assert article.quote(attribution.sources[0].statements[0].content) == content


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Secretary of State Mike Pompeo said the attack was likely Iran's doing.",
            "Mike Pompeo",
            "Secretary of State",
        ),
        (
            "The governor of Ohio, Mike DeWine, announced that the order was extended.",
            "Mike DeWine",
            "governor of Ohio",
        ),
        (  # a hyphenated given name: the entity tagger leaves out "Yolanda"
            "Police Senior Superintendent Yolanda Yu Hoi-kwan said the officers' lives were threatened.",
            "Yolanda Yu Hoi-kwan",
            "Police Senior Superintendent",
        ),
        (  # the name in "Trump adviser" is not the speaker
            "Another former Trump adviser, Sebastian Gorka, said the rally would go on.",
            "Sebastian Gorka",
            "former Trump adviser",
        ),
        (
            "Mayor Ann Lee, 61, a former nurse, said the road would be closed.",
            "Ann Lee",
            "Mayor; a former nurse",
        ),
        (
            "Republican vice-presidential nominee Gov. Mike Pence said the debate would go ahead.",
            "Mike Pence",
            "vice-presidential nominee Gov.",
        ),
    ],
)
def test_attribute_role_keeps_its_place_and_drops_its_comma(nlp, text: str, name: str, role: str) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert source_named(attribution, name).role == role


def test_attribute_pronoun_and_surname_resolve_to_the_named_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Health Secretary Laura Chen said the hospital would stay open. She added that staff would be "
        "hired. Later, Chen said the budget was approved."
    )
    _, attribution = attribution_of(text, nlp)
    source = source_named(attribution, "Laura Chen")
    assert len(source.statements) == 3
    assert [s.name for s in attribution.sources] == ["Laura Chen"]


def test_attribute_he_after_a_statement_is_its_speaker_not_a_name_in_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The screenwriter, Aaron Sorkin, told the Daily Courier that Tom Bale was a lock for the part.\n\n"
        "“We needed the best actor in a certain age range,” he said."
    )
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, len(s.statements)) for s in attribution.sources] == [("Aaron Sorkin", 2)]


PICKUP_TRUCK = (
    "Mark Oberholtzer’s former Ford F-250 pickup truck, which now carries an anti-aircraft gun, was used in a "
    "propaganda stunt. “A few of the people are really ugly,” he told the Galveston Daily News. Oberholtzer "
    "said he had hired a lawyer."
)


def test_attribute_a_name_has_a_capital_and_no_possessive(nlp) -> None:  # type: ignore[no-untyped-def]
    entities = {(e.text, e.label_) for e in nlp(PICKUP_TRUCK).ents}
    assert {("pickup truck", "PERSON"), ("Mark Oberholtzer’s", "PERSON")} <= entities, "the case needs both tags"
    assert said_by(PICKUP_TRUCK, nlp) == {"Mark Oberholtzer": ["he had hired a lawyer"]}


def test_attribute_a_first_name_the_tagger_left_out_and_a_quote_before_a_long_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"I think the company is careful," Sumit Mehra, CTO of app studio Y Media Labs told Business Insider.\n\n'
        "Mehra says he thinks it all comes down to battery life.\n\n"
        '"Any engineer would say that," Y Media Labs CTO Sumit Mehra says.'
    )
    assert said_by(text, nlp) == {
        "Sumit Mehra": [
            "I think the company is careful,",
            "he thinks it all comes down to battery life",
            "Any engineer would say that,",
        ]
    }


def test_attribute_a_quotation_the_parse_hangs_on_the_name_is_still_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"In general this is impossible," Dr. Charles Griswold, Curator of Arachnology (Emeritus) at the California '
        "Academy of Sciences, told the magazine."
    )
    griswold = next(t for t in nlp(text) if t.text == "Griswold")
    assert griswold.left_edge.i == 0, "the case needs the quotation parsed inside the name's phrase"
    found, attribution = attribution_of(text, nlp)
    assert [(s.name, s.role, [found.quote(st.content) for st in s.statements]) for s in attribution.sources] == [
        ("Charles Griswold", "Curator of Arachnology (Emeritus)", ["In general this is impossible,"])
    ]


def test_attribute_a_name_in_the_object_of_a_role_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"It\'s nice to be appreciated."\n\nStacey McVey, team leader of Keller Williams Greater Cleveland West, '
        "said that at the company's annual conference, all the agents agreed to pitch in."
    )
    entities = {(e.text, e.label_) for e in nlp(text).ents}
    assert ("Keller Williams Greater", "PERSON") in entities, "the case needs the company tagged a person"
    assert ("Stacey McVey", "PERSON") not in entities, "the case needs the speaker's name missed"
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, s.role) for s in attribution.sources] == [
        ("Stacey McVey", "team leader of Keller Williams Greater Cleveland West")
    ]


def test_attribute_a_hyphenated_name_given_a_role_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In September, Choe Kwan-il, managing editor of pro-North Korea newspaper Chonson Sinbo, told The "
        'Telegraph that North Korea has quietly endorsed Scottish independence.\n\n"I believe that every person '
        'has the right to be a member of an independent nation," Choe said.'
    )
    assert not [e for e in nlp(text).ents if e.label_ == "PERSON"], "the case needs the name untagged"
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, s.kind, len(s.statements)) for s in attribution.sources] == [
        ("Choe Kwan-il", SourceKind.PERSON, 2)
    ]


def test_attribute_he_is_a_name_set_beside_the_subject_with_its_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tom Reed said the vote was fair. The US president, Barack Obama, also condemned the killing. "
        "“We condemn the murder of a citizen,” he said."
    )
    article, attribution = attribution_of(text, nlp)
    obama = source_named(attribution, "Barack Obama")
    assert [article.quote(s.content) for s in obama.statements] == ["We condemn the murder of a citizen,"]
    assert (obama.role, obama.affiliation) == ("president", "US")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # A woman by a word said of her: "he" is the man named after her.
        (
            "Maria Lopez is one of two women on the board. Tom Reed, the treasurer, resigned in March. Lopez said "
            "the accounts were in order. He said the audit was flawed.",
            {"Maria Lopez": ["the accounts were in order"], "Tom Reed": ["the audit was flawed"]},
        ),
        # "Prince" says he is a man; Emily Marsh is no name the entity tagger finds.
        (
            "Prince Harald gave the interview on Saturday. Asked about the night, he was calm. Emily Marsh pressed "
            "on, and she said the account made no sense. He said he could not remember the evening.",
            {"Harald": ["he could not remember the evening"]},
        ),
        # A quotation whose "she" is no one named continues no one else's words.
        (
            "At dinner, Tom Avery told his parents he had one more gift. He then handed an envelope to his mom. "
            "“It must be something really nice,” she said while opening it.",
            {"Tom Avery": ["he had one more gift"]},
        ),
        # "him" is someone else; "her kitchen" is hers: "he" is not Elise Marten.
        ("Elise Marten found him in her kitchen on Monday. He said the door had been open all night.", {}),
    ],
)
def test_attribute_he_and_she_go_to_no_one_the_article_calls_the_other(nlp, text: str, said: dict) -> None:  # type: ignore[no-untyped-def]
    assert said_by(text, nlp) == said


def test_attribute_she_is_the_last_unnamed_woman_who_spoke_not_an_earlier_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pat Reed opened the fair on Monday. A 104-year-old woman from Texas is claiming that soda kept her "
        "alive. “I'd rather have a soda than coffee,” she told the station."
    )
    assert said_by(text, nlp) == {
        "A 104-year-old woman from Texas": ["that soda kept her alive", "I'd rather have a soda than coffee,"]
    }


def test_attribute_she_after_a_person_known_by_role_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Health Minister Laura Chen said the hospital would stay open. The head of the internal investigations "
        "unit said the officers were questioned. She added that no one had been charged."
    )
    article, attribution = attribution_of(text, nlp)
    head = source_named(attribution, "The head of the internal investigations unit")
    assert [article.quote(s.content) for s in head.statements] == [
        "the officers were questioned",
        "that no one had been charged",
    ]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        (  # "they" is not the one named person before it
            "Mayor Tom Ruiz said the bridge would close. They said the repairs would take a month.",
            [("Tom Ruiz", 1)],
        ),
        (
            "Officials at the ministry said the deal was close. They said talks would go on.",
            [("Officials at the ministry", 2)],
        ),
        ("No group has said it carried out the attack.", []),
        (  # a person known by role has no surname for "White House" to be
            "The House Speaker said the vote would go ahead. The White House said it opposed the bill.",
            [("The House Speaker", 1), ("White House", 1)],
        ),
        ("No organization has claimed the attack, police said.", [("police", 1)]),
        # Finding out is looking for something; finding that is saying it.
        (
            "Gunfire is heard, and three Marines decide to try to find out where the shots came from. A study found "
            "that the shots came from the north.",
            [("A study", 1)],
        ),
        # "thought to be" is said by no one named, however the parser hangs it on the name.
        (
            "His brother Samir Haddad, a Lebanese banker thought to be one of the cartel's closest allies, was "
            "extradited from Spain in 2012.",
            [],
        ),
    ],
)
def test_attribute_only_who_spoke_is_a_source(nlp, text: str, sources: list[tuple[str, int]]) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, len(s.statements)) for s in attribution.sources] == sources


def test_attribute_a_lower_case_organization_keeps_its_whole_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In Mumbai, the state transport department said 300 buses were cancelled."
    assert [t.pos_ for t in nlp(text) if t.text == "department"] == ["PROPN"], "the case needs the tagger's slip"
    _, attribution = attribution_of(text, nlp)
    assert [s.name for s in attribution.sources] == ["the state transport department"]


@pytest.mark.parametrize(
    "said",
    ["His comments suggest that the plan is unclear.", "Turner's statement said the plan was unclear."],
)
def test_attribute_what_someone_said_speaks_for_them(nlp, said: str) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(f"Rep. Mike Turner said the report was wrong. {said}", nlp)
    assert [(s.name, len(s.statements)) for s in attribution.sources] == [("Mike Turner", 2)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (  # written family name first
            "Prime Minister Tuilaepa Sailele Malielegaoi said the schools would close. Later, Tuilaepa said "
            "the campaign had worked.",
            "Tuilaepa Sailele Malielegaoi",
        ),
        (  # the first of two family names
            "Governor Ricardo Rosselló Nevares said the island would rebuild its grid. Later, Rosselló said "
            "the money had arrived.",
            "Ricardo Rosselló Nevares",
        ),
    ],
)
def test_attribute_a_short_name_resolves_by_any_word_of_one_full_name(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, len(s.statements)) for s in attribution.sources] == [(name, 2)]


def test_attribute_a_surname_finds_a_full_name_that_the_entity_tagger_missed(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Springfield will close the Elm Street bridge from Monday, Mayor Ana Ruiz said on Friday. "
        '"We cannot take any risk with people\'s lives," Ruiz told reporters.'
    )
    assert not [e for e in nlp(text).ents if e.label_ == "PERSON"], "the case needs a name the entity tagger missed"
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, s.kind, len(s.statements)) for s in attribution.sources] == [("Ana Ruiz", SourceKind.PERSON, 2)]


def test_attribute_a_name_given_a_persons_role_is_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ricardo Rosselló Nevares, Puerto Rico's governor, said he would resign. Later, Rosselló said the "
        "decision was final."
    )
    assert [e.label_ for e in nlp(text).ents if e.text == "Ricardo Rosselló Nevares"] == ["ORG"], (
        "the case needs a person the entity tagger calls an organization"
    )
    _, attribution = attribution_of(text, nlp)
    governor = source_named(attribution, "Ricardo Rosselló Nevares")
    assert [s.name for s in attribution.sources] == ["Ricardo Rosselló Nevares"]
    assert (governor.kind, governor.role, len(governor.statements)) == (SourceKind.PERSON, "Puerto Rico's governor", 2)


def test_attribute_a_role_whose_apposition_names_a_person_is_that_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "According to semi-official news agency ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, said "
        "the 36 must face charges."
    )
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, s.kind) for s in attribution.sources] == [("Ali Alghasi Mehr", SourceKind.PERSON)]
    # What describes the agency is not the prosecutor's role; the agency is where he spoke.
    prosecutor = attribution.sources[0]
    assert (prosecutor.role, prosecutor.conduit) == ("prosecutor general of Tehran", "ISNA")


def test_attribute_sources_joined_each_said_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Dick Durbin and Senator Adam Schiff both questioned the President's power to do so."
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, len(s.statements)) for s in attribution.sources] == [("Dick Durbin", 1), ("Adam Schiff", 1)]


def test_attribute_an_opening_phrase_joined_to_the_subject_without_and_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "After Conal's termination, his employer, the accounting firm, said it had received an email."
    termination = next(t for t in nlp(text) if t.text == "termination")
    assert termination.dep_ == "nsubj", "the case needs the opening phrase parsed as the verb's subject"
    _, attribution = attribution_of(text, nlp)
    assert [s.name for s in attribution.sources] == ["his employer, the accounting firm"]


def test_attribute_people_who_name_a_counted_group_are_its_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two Democratic Representatives, Adam Schiff and Eric Swalwell, said the memo was misleading."
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, len(s.statements)) for s in attribution.sources] == [("Adam Schiff", 1), ("Eric Swalwell", 1)]


def test_attribute_a_name_with_and_owning_a_role_is_no_second_source(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser joins "director" to "Institute", splitting the institute's name at its "and".
    text = (
        "The United States' National Institute of Allergy and Infectious Disease's director, "
        'Dr. Anthony Fauci, said of the outbreak, "it is going to get worse."'
    )
    _, attribution = attribution_of(text, nlp)
    assert [s.name for s in attribution.sources] == ["Anthony Fauci"]
    fauci = attribution.sources[0]
    assert (fauci.role, fauci.affiliation) == ("director", "National Institute of Allergy and Infectious Disease")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # "Dr." says little beside a role, and is all there is without one.
        (
            'According to Dr. Tom Frieden, formerly the director of the agency, the pandemic is "unprecedented."',
            "Tom Frieden",
            "formerly the director of the agency",
        ),
        ("Dr. Jane Smith said the virus was spreading fast.", "Jane Smith", "Dr."),
        # A count is no role.
        (
            "Two senators opposed the bill, and a third, Jared Golden, said he would vote for it.",
            "Jared Golden",
            None,
        ),
        # The abbreviation in brackets repeats the role.
        (
            "Member of Parliament (MP) Yvette Cooper added that it was dangerous.",
            "Yvette Cooper",
            "Member of Parliament",
        ),
        # A role in apposition ends before a clause inside it, and the name in that clause is not
        # the speaker's, even where the entity tagger misses the speaker's own name.
        (
            "Omar Haddad, research director at the rights group Sentinel, which was in contact with Ivan Karimov "
            "before he left for Syria, told the Daily Courier he believed Karimov was the gunman.",
            "Omar Haddad",
            "research director at the rights group Sentinel",
        ),
        (
            "Asim Qureshi, policy director at the charity Relief, which was in contact with Ivan Karimov before he "
            "left, told the Daily Courier he believed Karimov was the gunman.",
            "Asim Qureshi",
            "policy director at the charity Relief",
        ),
        # A title in lower case before a name that the entity tagger calls an organization
        ("During the evening broadcast, anchor Lester Holt said the storm had weakened.", "Lester Holt", "anchor"),
        # A title in lower case in the word list, before a name the entity tagger calls a body
        (
            "Guerrero State Prosecutor Ramon Blanco did not say how many bodies were found. Blanco said it would be "
            "irresponsible to guess.",
            "Ramon Blanco",
            "Prosecutor",
        ),
        # A describing word run into the name is neither name nor role.
        ("Lovesick Li Wen said he had waited at the station all night.", "Li Wen", None),
        # Nor is it with a courtesy title.
        ('Delighted Mrs Jane Doe said: "It was just something a bit different to do."', "Jane Doe", None),
        # A title's abbreviation is one word, whatever the entity tagger calls it.
        ("Lt. Col. Ann Lee said the base was closed. Sgt. Tom Ray said no one was hurt.", "Ann Lee", "Lt. Col."),
        ("Lt. Col. Ann Lee said the base was closed. Sgt. Tom Ray said no one was hurt.", "Tom Ray", "Sgt."),
        # An adjective is no role.
        (
            "Mark Dunne said he would turn himself in on Monday. Police are sure they have found the real Mark "
            "Dunne, and no one else.",
            "Mark Dunne",
            None,
        ),
        # The place after the role's preposition, which the parse joins to the name
        (
            "China’s ambassador to Britain Zhao Ming has said that China has the resolve to end the unrest.",
            "Zhao Ming",
            "ambassador to Britain",
        ),
        # A word for where someone is in life, run into the name, is the role.
        ("Widower Stan Beaton said he had forgiven the driver.", "Stan Beaton", "Widower"),
        # A military title the entity tagger runs into the name
        (
            "On Friday, Nigerian armed forces chief Air Chief Marshal Alex Badeh announced a ceasefire with the "
            "group. Badeh claimed the truce would free the girls.",
            "Alex Badeh",
            "armed forces chief Air Chief Marshal",
        ),
        # The object of the role's preposition is no first name
        (
            "Minister of Defense Moshe Ya'alon told Channel 2 that he had no information on her whereabouts.",
            "Moshe Ya'alon",
            "Minister of Defense",
        ),
        ('Local Aamir Dhawan, 30, said: "No one went to help the man."', "Aamir Dhawan", "Local"),
        # No words of the quotation that the parse hangs on the name
        (
            '"While we have not detected liquid water directly, we found the next best thing: water in vapor '
            'form," lead researcher and NASA planetary scientist Maria Lopes said in a statement.',
            "Maria Lopes",
            "lead researcher and planetary scientist",
        ),
        # Nor is someone's own word for another ("threatening my life")
        (
            "Sharing my letter on the sentencing of Paul Carter, a man convicted of threatening my life. Paul "
            "Carter said he was sorry.",
            "Paul Carter",
            None,
        ),
        # Nor is where someone stands in a caption's photograph
        (
            "By selling her son (right) to pay her daughter's (left) medical bills, Meng Xiangyan (centre) hopes "
            "both her children will have a chance at life. Meng Xiangyan, 29, said that she was ready.",
            "Meng Xiangyan",
            None,
        ),
        # Brackets the parse cut open are closed again; a caption's "(center)" is left out
        (
            "Dr. Charles Griswold, Curator of Arachnology (Emeritus) at the California Academy of Sciences, said "
            "the claim was impossible.",
            "Charles Griswold",
            "Curator of Arachnology (Emeritus)",
        ),
        (
            "Joe Riquelme, an app developer from New York (center) surprised his parents. Riquelme said the gift "
            "was a secret.",
            "Joe Riquelme",
            "an app developer from New York",
        ),
        # When is no part of who
        (
            "In 1995 Adelaide residents Casey Dean, 14, and his mate Eduard Nitz, 13, stopped off at their local "
            "McDonald’s. Dean said it was the oldest burger in the world.",
            "Casey Dean",
            "Adelaide residents",
        ),
        # The outlet a journalist reports for is where they spoke, not their role
        (
            "Rhodes was responding to a report in The Daily Beast. The Daily Beast’s Jamie Dettmer, reporting from "
            "the Syrian border, said the morale had shifted.",
            "Jamie Dettmer",
            None,
        ),
        # "himself" is no role
        ("Apparently, Mark Dunne himself commented on the post and said he would turn himself in.", "Mark Dunne", None),
    ],
)
def test_attribute_role_of_a_named_person(nlp, text: str, name: str, role: str | None) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert source_named(attribution, name).role == role


def test_attribute_a_title_tagged_an_organization_is_role_not_affiliation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We just don\'t know," Pentagon spokesman Rear Adm. John Kirby said.'
    assert ("Rear Adm.", "ORG") in {(e.text, e.label_) for e in nlp(text).ents}, "the case needs the title tagged"
    _, attribution = attribution_of(text, nlp)
    kirby = source_named(attribution, "John Kirby")
    assert (kirby.role, kirby.affiliation) == ("spokesman Rear Adm.", "Pentagon")


def test_attribute_roles_joined_before_a_name_are_that_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    soufan = next(t for t in nlp(ROLES_BEFORE_A_NAME) if t.text == "Soufan")
    assert soufan.dep_ == "conj", "the case needs the roles and the name parsed as joined subjects"
    _, attribution = attribution_of(ROLES_BEFORE_A_NAME, nlp)
    assert [(s.name, s.role, len(s.statements)) for s in attribution.sources] == [
        ("Trump", None, 1),
        ("Ali Soufan", "Retired agent and terrorism specialist", 1),
    ]


def test_attribute_an_authority_is_an_organization(nlp) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of("The port authority denied that it had made any new concessions.", nlp)
    assert [(s.name, s.kind) for s in attribution.sources] == [("The port authority", SourceKind.ORGANIZATION)]


def test_attribute_a_surname_tagged_a_common_noun_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "President Donald Trump spoke to Zelensky in July. Trump claimed the call was routine."
    assert [t.pos_ for t in nlp(text) if t.text == "Trump"][-1] == "NOUN", "the case needs 'trump' as a noun"
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, s.kind) for s in attribution.sources] == [("Donald Trump", SourceKind.PERSON)]


def test_attribute_he_in_a_joined_clause_is_that_clauses_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # Bo Kim, named in between as a subject, is not the one who declined.
    text = (
        "Governor Ray Holt opened the port. The press asked Holt whether Senator Bo Kim had called, but he "
        "declined to comment."
    )
    _, attribution = attribution_of(text, nlp)
    # The press's question is a statement of its own.
    assert [(s.name, len(s.statements)) for s in attribution.sources] == [("The press", 1), ("Ray Holt", 1)]
    assert source_named(attribution, "Ray Holt").statements[0].refusal


def test_attribute_a_bracketed_acronym_names_the_organization_again(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Federal Security Service (FSB) said the blast was caused by gas. Later, the FSB said it was an accident."
    )
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, len(s.statements)) for s in attribution.sources] == [("Federal Security Service", 2)]


def test_attribute_an_acronym_is_the_organization_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Associated Press reported the polls had closed. Later, AP said the count had begun."
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, s.kind, len(s.statements)) for s in attribution.sources] == [
        ("Associated Press", SourceKind.OUTLET, 2)
    ]


def test_attribute_a_name_the_entity_tagger_missed_keeps_all_its_words(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("As part of the inquiry, the United States House of Representatives issued a subpoena.")
    house = next(t for t in doc if t.text == "House")
    assert not house.ent_type_, "the case needs a name outside any entity"
    assert proper_name(house) == "United States House"


def test_attribute_people_described_by_a_name_are_unnamed(nlp) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of("Clinton aides said the campaign would go on.", nlp)
    supporters = source_named(attribution, "Clinton aides")
    assert (supporters.kind, len(supporters.statements)) == (SourceKind.ANONYMOUS, 1)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("One news site, Znak.com, claims the blast was planned.", "Znak.com", SourceKind.OUTLET),
        ("The agency, Reuters, said the talks failed.", "Reuters", SourceKind.OUTLET),
    ],
)
def test_attribute_a_descriptor_naming_an_organization_is_that_organization(nlp, text, name, kind) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, s.kind) for s in attribution.sources] == [(name, kind)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (  # the website is the outlet named before
            "One news site, Znak.com, claims the blast was planned. The website further reported that a suspect "
            "escaped.",
            "Znak.com",
        ),
        (  # the group named again
            "Two engineers said the beams were cracked. The engineers said repairs would take months.",
            "Two engineers",
        ),
        (  # the outlet's source, with and without "anonymous"
            "An anonymous source said the tenant had moved in. Its source said that a third man had escaped.",
            "An anonymous source",
        ),
    ],
)
def test_attribute_a_source_named_again_is_the_same_source(nlp, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, len(s.statements)) for s in attribution.sources] == [(source, 2)]


def test_attribute_an_outlets_journalist_is_a_person_who_spoke_through_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Washington Post’s Kate Sly agreed, saying the drops had gone awry."
    assert [e.label_ for e in nlp(text).ents] == ["ORG"], "the case needs outlet and name tagged as one body"
    _, attribution = attribution_of(text, nlp)
    journalist = source_named(attribution, "Kate Sly")
    assert (journalist.kind, journalist.conduit) == (SourceKind.PERSON, "Washington Post")


@pytest.mark.parametrize(
    ("text", "speaker", "outlet"),
    [
        # The entity tagger runs the outlet on into the next clause's subject.
        ("Earlier this year, Johnston told Billboard the Ramblers have been in the studio.", "Johnston", "Billboard"),
        # The one told is the outlet's journalist.
        (
            "“The problem was old,” Tom Reed, a scientist, told The Washington Post’s Ann Lee in 2008.",
            "Tom Reed",
            "Washington Post",
        ),
    ],
)
def test_attribute_the_outlet_told(nlp, text: str, speaker: str, outlet: str) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert source_named(attribution, speaker).conduit == outlet


def test_attribute_anonymous_source_keeps_descriptor_and_conduit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two senior officials who spoke to the Daily Courier said the minister would resign on Friday."
    _, attribution = attribution_of(text, nlp)
    source = source_named(attribution, "Two senior officials")
    assert source.kind == SourceKind.ANONYMOUS
    assert source.conduit == "Daily Courier"
    assert len(source.statements) == 1, "speaking to an outlet is the conduit, not a statement"
    assert any(link.outlet == "Daily Courier" and link.role == ChainRole.REPORT for link in attribution.chain)


@pytest.mark.parametrize(
    "text",
    [
        # The writer's name for what was said is not part of it.
        'Rep. Ann Lee said that border officials have caught "at least 10" fighters as they tried to enter the '
        "country through the desert, a claim that was immediately disputed by the administration.",
        # A double prime closes a quotation: it does not run on to the end of the paragraph.
        "Rep. Ann Lee said that border officials have caught “at least 10″ fighters as they tried to enter the "
        "country through the desert. The agency disputed it.",
    ],
)
def test_attribute_content_ends_where_the_speakers_words_do(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    article, attribution = attribution_of(text, nlp)
    [statement] = source_named(attribution, "Ann Lee").statements
    assert article.quote(statement.content).endswith("to enter the country through the desert")


def test_attribute_an_object_with_its_relative_clause_is_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Some riders who called on launch day reported telephone wait times that exceeded two hours."
    article, attribution = attribution_of(text, nlp)
    [statement] = source_named(attribution, "Some riders").statements
    assert article.quote(statement.content) == "telephone wait times that exceeded two hours"


def test_attribute_anonymous_descriptor_keeps_who_they_are_not_clauses(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two people briefed on the talks said the delegations had left. "
        "Officials at the ministry, which oversees the talks, said no date had been set. "
        "The ministry closed the office, with officials saying it was for security reasons. "
        "Firms including Acme, Globex and Initech said they would leave. "
        "The group, quoting accounts linked to the militants, said the woman had been captured. "
        "A Jordanian government official on Thursday told Al Arabiya News that the king was not flying. "
        "One, an American fighter, said Rosenberg was never in the city."
    )
    _, attribution = attribution_of(text, nlp)
    names = [s.name for s in attribution.sources]
    assert names[:3] == ["Two people briefed on the talks", "Officials at the ministry", "officials"]
    assert names[3] == "Firms including Acme, Globex and Initech"
    assert names[4:] == ["The group", "A Jordanian government official", "an American fighter"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (  # on what terms someone spoke is not what they said
            "Diplomats spoke on condition of anonymity because they were not authorized to discuss the talks. "
            "One diplomat, speaking on behalf of the delegation, said the gap remained wide.",
            ["the gap remained wide"],
        ),
        (  # nor what was done when it was said, whatever clause the parser hangs it on
            "In finding Pierluisi was improperly sworn in as governor, the Supreme Court also found unconstitutional "
            "a 2005 law permitting an appointee as secretary of state to succeed to the governorship.",
            ["a 2005 law permitting an appointee as secretary of state to succeed to the governorship"],
        ),
    ],
)
def test_attribute_what_frames_a_statement_is_not_said(nlp, text: str, said: list[str]) -> None:  # type: ignore[no-untyped-def]
    article, attribution = attribution_of(text, nlp)
    contents = [article.quote(s.content) for source in attribution.sources for s in source.statements]
    assert contents == said


def test_attribute_refusal_to_comment(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A spokesperson for the airline declined to comment, citing the ongoing investigation."
    article, attribution = attribution_of(text, nlp)
    [source] = attribution.sources
    [statement] = source.statements
    assert statement.refusal
    assert article.quote(statement.cue) == "declined to comment"
    assert "citing the ongoing investigation" in article.quote(statement.content)


def test_attribute_refusal_in_a_clause_ends_with_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Pentagon, which declined to comment on the report, has not confirmed the order."
    article, attribution = attribution_of(text, nlp)
    refusals = [s for s in source_named(attribution, "Pentagon").statements if s.refusal]
    assert [article.quote(s.content) for s in refusals] == ["declined to comment on the report"]


def test_attribute_first_report_credit_and_republish(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The merger was first reported by the Evening Standard on Monday. Shares rose 4 percent."
    article, attribution = attribution_of(text, nlp)
    roles = {link.outlet: link.role for link in attribution.chain}
    assert roles == {"Evening Standard": ChainRole.FIRST_REPORT, "this article": ChainRole.REPUBLISH}
    first = attribution.chain[0]
    assert article.quote(first.citations[0]) == "was first reported by the Evening Standard"


@pytest.mark.parametrize(
    ("text", "outlets"),
    [
        ("According to a report in The Record, the mill will close. Shares fell.", ["The Record"]),
        # The outlet told, where the entity tagger runs its name on into the clause told
        (
            "While talks were never fully under way, sources tell Variety that Bale had talks with the director "
            "about the role.",
            ["Variety"],
        ),
        # The outlet named again by the last word of its name is the same outlet.
        (
            "The Wall Street Journal reported that the store will open in May. The firm told the Journal that it "
            "is an experiment.",
            ["Wall Street Journal"],
        ),
        # A place is not where a story was published.
        ("She said her son was passionate about covering the story in Syria. Shares fell.", []),
        # Nor is a time.
        ("In its annual report in November, the committee concluded that 20 reporters were missing.", []),
        # A person named before "story" is what it is about, also by the last word of the name.
        (
            "A hoax said Axl Rose was found dead. It repeats the phony Culkin story, and the phony Rose story ran "
            "on one site. A Bloomberg report said so.",
            ["Bloomberg"],
        ),
    ],
)
def test_attribute_a_report_in_an_outlet_is_a_credit(nlp, text: str, outlets: list[str]) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert [link.outlet for link in attribution.chain if link.outlet != "this article"] == outlets


def test_attribute_multi_sentence_quote_is_one_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Coach Sam Ortiz said: "We played badly. We will be better next week. I promise that."'
    article, attribution = attribution_of(text, nlp)
    [statement] = source_named(attribution, "Sam Ortiz").statements
    assert article.quote(statement.content) == "We played badly. We will be better next week. I promise that."


def test_attribute_quote_after_a_statement_continues_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Governor Ray Holt said the budget was balanced. "Nobody will lose a job because of this plan. '
        'Not one person," Holt said. "We did the work."'
    )
    article, attribution = attribution_of(text, nlp)
    contents = [article.quote(s.content) for s in source_named(attribution, "Ray Holt").statements]
    assert contents[-1] == "We did the work."


def test_attribute_titles_quoted_in_brackets_continue_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“It was a hard year for all of us,” Mary Reyes said. Her son, filmmaker Tom Reyes (“The Harbour,” “The "
        "Long Low Tide”), also remembers it as a trying time."
    )
    article, attribution = attribution_of(text, nlp)
    contents = [article.quote(s.content) for s in source_named(attribution, "Mary Reyes").statements]
    assert contents == ["It was a hard year for all of us,"]


def test_attribute_quote_continuing_a_quotation_is_said_with_its_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Governor Ray Holt said the budget was balanced. "Whenever there are signs of a deal," wrote student Joshua '
        'Wong on Twitter. "They always come with a far tighter grip."'
    )
    article, attribution = attribution_of(text, nlp)
    said = [
        (article.quote(s.cue) if s.cue else None, article.quote(s.content))
        for s in source_named(attribution, "Joshua Wong").statements
    ]
    assert said == [
        ("wrote", "Whenever there are signs of a deal,"),
        ("wrote", "They always come with a far tighter grip."),
    ]


def test_attribute_a_lone_quote_is_not_given_to_a_speaker_named_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'A spokesperson told reporters the attack took place at night. "No troops were injured. We thank the '
        'police for their quick response." Seventeen rockets struck the base, according to the Iraqi military.'
    )
    article, attribution = attribution_of(text, nlp)
    iraqi = [article.quote(s.content) for s in source_named(attribution, "the Iraqi military").statements]
    spokesperson = [article.quote(s.content) for s in source_named(attribution, "A spokesperson").statements]
    assert iraqi == ["Seventeen rockets struck the base"]
    assert spokesperson[-1] == "No troops were injured. We thank the police for their quick response."


def test_attribute_a_quote_broken_off_at_a_comma_is_the_next_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Mayor Tom Ruiz said the plan would fail. "Absolutely not. Absolutely not," Senator Ann Lee responded, '
        'remarking that she is "looking for a team" and will decide soon.'
    )
    article, attribution = attribution_of(text, nlp)
    ruiz = [article.quote(s.content) for s in source_named(attribution, "Tom Ruiz").statements]
    lee = [article.quote(s.content) for s in source_named(attribution, "Ann Lee").statements]
    assert ruiz == ["the plan would fail"]
    assert "Absolutely not. Absolutely not," in lee


def test_attribute_an_editors_bracketed_full_stop_ends_the_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    # Without the stop the parser ran the quotation and "She went on to say" into one sentence,
    # whose content began "She went on to say, ...".
    text = (
        "In an interview with a weekly, Lakeside University public health expert Dana Price said naming the "
        'virus after Wuhan would place "tremendous stigmatization on the people of Wuhan who are the victims[.]" '
        'She went on to say, "People tend to think of the disease as belonging to, as being a characteristic of '
        "some group of people associated with the place name, which can be really stigmatizing [...] To be "
        "thought of as a hole of disease is not going to be productive. It encourages the next city not to come "
        "forward, not to report a disease if your city is labeled as the disease. [...] You want something "
        "that's easy and that people are going to keep using otherwise they're going to substitute it with more "
        'problematic slang[.]"'
    )
    article, attribution = attribution_of(text, nlp)
    statements = source_named(attribution, "Dana Price").statements
    assert [article.quote(s.cue) for s in statements] == ["said", "went on to say"]
    assert article.quote(statements[0].content).endswith('who are the victims[.]"')
    assert article.quote(statements[1].content).startswith("People tend to think")


def test_attribute_nested_source_speaks_through_the_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Daily Courier reported that a government source said the ban would last a year."
    _, attribution = attribution_of(text, nlp)
    assert source_named(attribution, "a government source").conduit == "Daily Courier"


def test_attribute_no_speaker_for_plain_narration(nlp) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of("The storm reached the coast on Sunday night and cut power to 2,000 homes.", nlp)
    assert attribution.sources == ()


@pytest.mark.parametrize(("authors", "writer"), [(("Jane Doe",), "Jane Doe"), ((), "the writer")])
def test_attribute_first_person_outside_quotes_is_the_writer(nlp, authors, writer) -> None:  # type: ignore[no-untyped-def]
    text = 'I argued last week that the tax plan would fail. "I will vote for it," Senator Ana Ruiz said.'
    found = attribute(analyze(replace(article(text), authors=authors), nlp))
    byline = source_named(found, writer)
    [statement] = byline.statements
    assert "the tax plan would fail" in text[statement.content.start : statement.content.end]
    assert (byline.kind, byline.role) == (
        (SourceKind.PERSON, "writer of the article") if authors else (SourceKind.ANONYMOUS, None)
    )
    assert len(source_named(found, "Ana Ruiz").statements) == 1, "inside the quotation, 'I' is the senator"


def test_attribute_a_date_after_a_cue_is_no_content(nlp) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of("Mayor Tom Ruiz spoke on Monday at the opening of the bridge.", nlp)
    assert attribution.sources == ()


def test_attribute_a_writers_aside_after_a_cue_is_no_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Speaker John Bercow commented on the matter — which the BBC noted as an unusual move by a Speaker — "
        '"However it is dressed up, it is blindingly obvious that the purpose is to stop debate."'
    )
    article, attribution = attribution_of(text, nlp)
    said = [article.quote(s.content) for s in source_named(attribution, "John Bercow").statements]
    assert not any("BBC" in content for content in said), said
    # A relative clause whose own cue follows the relative pronoun is what was said.
    text = "Donald Trump wants a wall at the border, which he said the Mexican government should pay for."
    article, attribution = attribution_of(text, nlp)
    said = [article.quote(s.content) for s in source_named(attribution, "Donald Trump").statements]
    assert any("Mexican government should pay for" in content for content in said), said


def test_attribute_transcript_lines_are_their_speakers_words(nlp) -> None:  # type: ignore[no-untyped-def]
    # The sentence splitter joins "PENCE:" to the line before; "I" in a speaker's line is that speaker.
    text = (
        "The debate went on for an hour.\n\nPENCE: I said last week that the plan would work, and it will."
        "\n\nKAINE: I think we know that it will not."
    )
    article, attribution = attribution_of(text, nlp)
    assert [s.name for s in attribution.sources] == ["PENCE", "KAINE"]
    [pence] = source_named(attribution, "PENCE").statements
    assert article.quote(pence.content) == "I said last week that the plan would work, and it will."


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # A headline's label in capitals, a photo caption under its label and a dateline are no
        # speakers; a transcript's speaker is.
        (
            "POLLSTER: A Seismic Shift Among Voters May Have Won Cruz The Caucus.\n\n"
            "KAINE: Well, look, I think we know that it will not work.",
            ["KAINE"],
        ),
        (
            "The boy said he had deleted the video.\n\n"
            "EXPLICIT: The teacher may lose her job over the leaked video [CEN]\n"
            "SITE: A view of the school from the street (AP Photo/Jane Roe)\n\n"
            "ACCUSED: It is not the first time she has been accused of improper conduct [CEN] BETRAYED: She asked "
            "the teen to delete the video but he shared it [CEN] But instead he shared the clip with friends.\n\n"
            "Tokyo: Kim Jong-un, the North Korean leader, is recovering from ankle surgery.\n\n"
            "KAINE: Well, look, I think we know that it will not work. (Applause)",
            ["The boy", "KAINE"],
        ),
        (
            "Ceasefire\n\nMAIDUGURI, Nigeria — The leader of the rebels has denied agreeing to any cease-fire.",
            ["The leader of the rebels"],
        ),
        ("Debates\n\nKall -- co-editor of a book on the debates -- said the candidate made announcements.", ["Kall"]),
        # A caption's label in title case is no speaker, even where the entity tagger calls it a
        # person; the sentence under it still has its own.
        (
            "The singer was buried on Friday.\n\nHeartbroken: Ana Ruiz, who wrote most of the songs, wept at the "
            "grave of her husband\n\nCorrection: Reporting by The Independent reveals that the video was falsely "
            "doctored.",
            ["The Independent"],
        ),
        # Editors' and captions' labels in capitals, and a describing word the tagger calls a person
        (
            "The boy found that coins stuck to him.\n\n"
            "MAGNETIC: Anything metal can now stick to Nikolai [CEN]\n\n"
            "VILLAIN: The schoolboy has similar abilities to Magneto [20TH CENTURY FOX]\n\n"
            "NOTE: We got taken on this one! It’s a spoof and the website we linked to is a spoof website.\n\n"
            "READ: Who's Haider al-Abadi, the man who will lead Iraq?\n\n"
            "Heavily outgunned Kurdish defenders said militants had pushed into two districts.",
            ["Heavily outgunned Kurdish defenders"],
        ),
        # An interview's "Q:" and "A:" are no speakers.
        (
            "Here is what the new chief executive had to say.\n\nQ: What was your favorite book as a child and "
            "why?\n\nA: A Fistful of Rice and The Hard Thing About Hard Things, both of which changed my life.",
            [],
        ),
        # ... nor where the parse makes one a subject.
        ("Q asked what had surprised him the most.", []),
        # Coming upon someone is saying nothing.
        ("Police found the suspect dead in his car.", []),
        # Of a noun and a name that the parse makes two subjects, the name, but not where the noun
        # is a phrase of its own
        (
            "Rainfall occurs everywhere on the moon, but the poles are drier, said study co-author Anezina Markou, "
            "a European Space Agency research fellow.",
            ["Anezina Markou"],
        ),
        (
            "A French prisoner who was held captive by 'John' says he was part of a group of fighters.",
            ["A French prisoner"],
        ),
        (
            "“I was very concerned about that pause because it is not just the number of shots,” the man’s "
            "lawyer, Rita Blumberg, told CNN’s Dan Lemmon.",
            ["Rita Blumberg"],
        ),
        # The one moved to speak, not what moved them
        ("The video prompted some viewers to argue that the advert made the drug look harmless.", ["some viewers"]),
        # A name that the entity tagger ran on into a dash and a clause
        (
            "Ummi Abdullah - who fled the city last year - said the bombing had stopped.",
            ["Ummi Abdullah"],
        ),
        # The subject after a dateline that the parser hangs on it
        (
            "QUITO, Ecuador — Ecuador’s government said Sunday that the blast was caused by a gas leak.",
            ["Ecuador’s government"],
        ),
        # Two names that the entity tagger joins into one
        (
            "The United Nations and Human Rights Watch have both said that the camps are unsafe.",
            ["United Nations", "Human Rights Watch"],
        ),
        # A title that spaCy's tokenizer splits from its full stop, which ended the sentence
        ("“No one was hurt in the fire,” said Ofc. William Tenpenny, a police spokesperson.", ["William Tenpenny"]),
        # A subject inside the quotation that closes right before the cue is the parser's slip.
        (
            "“To all in the city, stay safe & strong. Thank God for our firefighters. True heroes…” added Mayor Ann "
            "Lee.",
            ["Ann Lee"],
        ),
        (
            "“The mayor’s campaign is in panic mode. Full panic mode,” said Leslie Wimes, a Miami-based organizer.",
            ["Leslie Wimes"],
        ),
        # ... also where a word between them is parsed as a conjunction ("Nor"): the quotation's
        # "We" is not the writer.
        ("Officials met on Monday.\n\n“There was an airstrike near the town. We saw something,” Nor said.", []),
        # A name after a role and a comma, which the parser takes for a second conjunct, holds the
        # role; the entity tagger's "organization" is a person, "Baskey" later too.
        (
            '"We are looking into every report," spokesman for the National Security Council, Alistair Baskey told '
            'The Daily Courier. "We will say more soon," Baskey added.',
            ["Alistair Baskey", "Alistair Baskey"],
        ),
        # Outside the quotation the subject is the speaker of both cues.
        (
            'In a statement, Peabody said: "The company was highly successful when it became an independent firm a '
            'decade ago," adding that its value quadrupled in less than a year.',
            ["Peabody", "Peabody"],
        ),
        # "who" that the parser hangs on a thing is the people named right before it.
        (
            "They held running battles with Nigerian security forces, who say that they have yet to receive any "
            "word from their superiors.",
            ["Nigerian security forces"],
        ),
        # The body named again in British spelling is the same.
        (
            "The World Health Organization said it was investigating the reports. "
            "The organisation has now confirmed there are no suspected cases in the city.",
            ["World Health Organization", "World Health Organization"],
        ),
        # A day is no speaker.
        ("Dylan Thomas went to a doctor on Monday. Monday told him that it was something out of the ordinary.", []),
        # A passive cue's subject is what was said of, not who said it.
        ("The handsome Dr. Drake Ramoray fell down an elevator shaft and was thought to be in a coma.", []),
        ("The only person confirmed to be onboard is the screenwriter, Aaron Sorkin.", []),
    ],
)
def test_attribute_who_speaks(nlp, text: str, speakers: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The source of each statement, in order."""
    _, attribution = attribution_of(text, nlp)
    assert [s.name for s in attribution.sources for _ in s.statements] == speakers


def test_attribute_a_transcript_quoted_whole_is_still_its_speakers_words(nlp) -> None:  # type: ignore[no-untyped-def]
    # Each paragraph opens with a quotation mark that closes only at the end: the speaker's line
    # is inside the quotation, and the speaker is the "Mike Pence" named before.
    text = (
        "Indiana Gov. Mike Pence said on Sunday that the debate would go ahead.\n\n"
        'Partial transcript as follows:\n\n"WALLACE: Let us start with the debate story tonight.\n\n'
        '"PENCE: Well, look, the campaign apparently thinks this is an episode of a reality show.\n\n'
        '"WALLACE: If I may, sir, we have got limited time."'
    )
    article, attribution = attribution_of(text, nlp)
    pence = source_named(attribution, "Mike Pence")
    direct = [article.quote(s.content) for s in pence.statements if s.direct]
    assert direct == ["Well, look, the campaign apparently thinks this is an episode of a reality show."]
    wallace = source_named(attribution, "WALLACE")
    assert [article.quote(s.content) for s in wallace.statements] == [
        "Let us start with the debate story tonight.",
        "If I may, sir, we have got limited time.",
    ]


def test_attribute_a_name_tagged_a_person_anywhere_is_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # The entity tagger labels the same transcript name differently from line to line; the
    # label it gets as a person holds for every line, so the speaker is one source.
    text = "MORALES: We will not sign the deal this year at all.\n\nMORALES: The talks will go on next month."
    analysis = analysis_of(text, nlp)
    first, second = (i for i, token in enumerate(analysis.doc) if token.text == "MORALES")
    analysis.doc.ents = [Span(analysis.doc, first, first + 1, "ORG"), Span(analysis.doc, second, second + 1, "PERSON")]
    [morales] = attribute(analysis).sources
    assert (morales.name, morales.kind, len(morales.statements)) == ("MORALES", SourceKind.PERSON, 2)


def test_attribute_content_never_opens_on_the_last_quotations_closing_mark() -> None:
    # The parser sometimes joins the closing mark of one paragraph's quotation to the next
    # sentence, and the content found there starts with it.
    text = 'He said "we will win it."\n\nTrump leads with 22%, according to a poll.'
    found = article(text)
    closing = text.index('."') + 1
    raw = RawStatement(None, (text.index("according to"), text.index(" a poll")), (closing, text.index("%") + 1))
    poll = Speaker("poll", "a poll", SourceKind.ORGANIZATION, text.index("a poll"), len(text) - 1)
    statement = _to_statement(raw, poll, quotations(text), found)
    assert found.quote(statement.content) == "Trump leads with 22%"


def test_attribute_a_pronoun_never_refers_to_a_speaker_named_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "It said that the plan would work.\n\nCNN: The network could not confirm the report on Monday."
    article, attribution = attribution_of(text, nlp)
    contents = [article.quote(s.content) for source in attribution.sources for s in source.statements]
    assert "that the plan would work" not in contents


def test_attribute_a_paraphrase_opening_on_a_quoted_phrase_is_no_quotation() -> None:
    # The tagger's content for the demo's 'called on "village councils, ..." to instill confidence'.
    text = 'Ana Ruiz called on "village councils and church leaders" to instil confidence in vaccines.'
    found = article(text)
    ruiz = Speaker("Ana Ruiz", "Ana Ruiz", SourceKind.PERSON, 0, len("Ana Ruiz"))
    cue = (text.index("called"), text.index(' "'))
    raw = RawStatement(None, cue, (text.index('"'), len(text) - 1))
    assert not _to_statement(raw, ruiz, quotations(text), found).direct


def test_attribute_the_body_named_before_is_the_one_a_definite_noun_refers_to(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Saudi Press Agency said the fires were under control. The agency said no one was hurt. "
        "The Supreme Court said the suspension was unlawful. The Court of Appeal said it agreed. "
        "The court said the advice was void."
    )
    _, attribution = attribution_of(text, nlp)
    found = {s.name: len(s.statements) for s in attribution.sources}
    # Two courts were named: "the court" could be either.
    assert found == {"Saudi Press Agency": 2, "Supreme Court": 1, "Court of Appeal": 1, "The court": 1}


# (words, heads, deps, tags, the cue's index, the speaker): parses with two subjects of "said".
TWO_SUBJECTS = [
    # The demo's WHO article: "WHO" read as a pronoun (WP).
    (
        ["WHO", "chief", "Tedros", "said", "the", "name", "was", "easy", "."],
        [3, 2, 3, 3, 5, 6, 3, 6, 3],
        ["nsubj", "compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct"],
        ["WP", "NN", "NNP", "VBD", "DT", "NN", "VBD", "JJ", "."],
        3,
        "Tedros",
    ),
    # A PolNeAR train article: "which" and "she" both subjects of "said".
    (
        ["the", "Department", ",", "which", "she", "said", "represented", "a", "shift"],
        [1, 1, 1, 5, 5, 1, 5, 8, 6],
        ["det", "ROOT", "punct", "nsubj", "nsubj", "relcl", "ccomp", "det", "dobj"],
        ["DT", "NNP", ",", "WDT", "PRP", "VBD", "VBD", "DT", "NN"],
        5,
        "she",
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "tags", "cue", "speaker"), TWO_SUBJECTS)
def test_attribute_of_two_subjects_the_speaker_is_not_a_relative_pronoun(
    nlp, words, heads, deps, tags, cue, speaker
) -> None:  # type: ignore[no-untyped-def]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    subject = cue_subject(doc[cue : cue + 1])
    assert subject is not None and subject.text == speaker


def test_attribute_it_refers_back_to_an_unsigned_document(nlp) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of("A government report said 40 people had died. It said most were children.", nlp)
    assert [(s.name, s.kind, len(s.statements)) for s in attribution.sources] == [
        ("A government report", SourceKind.DOCUMENT, 2)
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        *[(word, True) for word in ("Tragic", "Heartbroken", "Overwhelmed", "Rousing", "Heavily")],
        *[(word, False) for word in ("Young", "Death", "Brown", "Rose", "Trump")],
    ],
)
def test_a_describing_word_is_no_name(word: str, expected: bool) -> None:
    # The entity tagger can call "Tragic:" or "Heavily" a person; a word English knows only as an
    # adjective, an adverb or a participle is none, one that is also a noun may be a surname.
    assert lexicon.a_describing_word(word) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Curly and straight apostrophes in one article
        ("Barron’s reported that sales would be strong. Barron's added that analysts agreed.", "Barron’s"),
        ("NBC News reported that Biden had won. NBC said he had 279 electoral votes.", "NBC News"),
        ("NBC reported that Biden had won. NBC News said he had 279 electoral votes.", "NBC"),
    ],
)
def test_attribute_an_outlet_named_with_and_without_news_is_one(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert [(s.name, len(s.statements)) for s in attribution.sources] == [(name, 2)]


def test_attribute_a_name_ends_before_the_comma_the_entity_tagger_took(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Jess Smith spoke out.\nAccording to London's Telegraph, Smith's big reveal came during a game."
    assert any(e.text == "Telegraph," for e in analysis_of(text, nlp).doc.ents)  # the premise
    _, attribution = attribution_of(text, nlp)
    assert "Telegraph" in [s.name for s in attribution.sources]


@pytest.mark.parametrize(
    ("text", "name", "kind", "statements"),
    [
        # "the government" is not the body whose name only has the word in it
        (
            "The Government Accountability Office said the costs had doubled. The government said it would appeal.",
            "Government Accountability Office",
            SourceKind.ORGANIZATION,
            1,
        ),
        # A body named again by one word of its name, which the entity tagger calls a person
        (
            "The Syrian Observatory for Human Rights said 40 people died. The Observatory said the toll would rise.",
            "Syrian Observatory for Human Rights",
            SourceKind.ORGANIZATION,
            2,
        ),
        # "broadcaster" before the name says it is an outlet
        ("The state broadcaster RT said two journalists were held.", "RT", SourceKind.OUTLET, 1),
        # One of a people, whatever the entity tagger calls the word, is someone unnamed.
        (
            "An American who is fighting with the Kurds told Voice of Israel that Rosenberg was not there.",
            "An American",
            SourceKind.ANONYMOUS,
            1,
        ),
        ("A Briton who lives in Paris said the city was calm.", "A Briton", SourceKind.ANONYMOUS, 1),
    ],
)
def test_attribute_a_word_in_a_name_is_not_its_kind(
    nlp, text: str, name: str, kind: SourceKind, statements: int
) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    source = source_named(attribution, name)
    assert (source.kind, len(source.statements)) == (kind, statements)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Mme Emily Spanton said the court was fair.", None),
        ("Mr. John Smith, a lawyer, said the court was fair.", "a lawyer"),
        ("Dr. Ann Lee said the court was fair.", "Dr."),
    ],
)
def test_attribute_a_courtesy_title_is_no_role(nlp, text, role) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert [s.role for s in attribution.sources] == [role]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # The entity tagger calls the country a person.
        ("The same day Malawi confirmed its first coronavirus infections.", "Malawi", SourceKind.ORGANIZATION),
        # ... but a country's name that is a named person's is still the person.
        ("Rep. Jim Jordan spoke first. Jordan said the hearing was a sham.", "Jim Jordan", SourceKind.PERSON),
        # The entity tagger misses the name: a title before it says it is a person.
        (
            "Yesterday, the United Kingdom's Queen Elizabeth II announced she will comply with the request.",
            "Elizabeth II",
            SourceKind.PERSON,
        ),
        # The part-of-speech tagger calls the acronym a common noun.
        ("UNICEF reported they had delivered over 105 thousand doses of vaccine.", "UNICEF", SourceKind.ORGANIZATION),
        # The tweet is the person's.
        (
            '"This is a step toward countering the regime," according to a tweet by Secretary of State Mike Pompeo.',
            "Mike Pompeo",
            SourceKind.PERSON,
        ),
        # Whoever published a writing is its source ...
        (
            "According to a memo posted online by Senator Juan Dalmau, the vote was illegal.",
            "Juan Dalmau",
            SourceKind.PERSON,
        ),
        ("Most adults back the inquiry, according to a poll published by NBC News.", "NBC News", SourceKind.OUTLET),
        # ... also where the lemmatizer makes "data" "datum".
        ("According to NEOC data, 83 people have died.", "NEOC", SourceKind.ORGANIZATION),
        ("State-owned Iranian news agency Fars reported that Iran issued 36 warrants.", "Fars", SourceKind.OUTLET),
        ("Business Insider reported that the rockets were fired by militias.", "Business Insider", SourceKind.OUTLET),
        # A writing or recording that no one named issued is a document, no source on the record,
        # and no unnamed person either.
        ("Government reports said that 62 people had died of measles.", "Government reports", SourceKind.DOCUMENT),
        ("According to the constitution, the governor must resign.", "the constitution", SourceKind.DOCUMENT),
        ("According to witnesses, the governor must resign.", "witnesses", SourceKind.ANONYMOUS),
        ("The video shows that police beat the protesters.", "The video", SourceKind.DOCUMENT),
        # A people's adjective is no issuer.
        (
            "The Puerto Rican constitution says the secretary of state succeeds.",
            "The Puerto Rican constitution",
            SourceKind.DOCUMENT,
        ),
        ("An investigation by PolitiFact found that the claim was false.", "PolitiFact", SourceKind.ORGANIZATION),
        ("The island's cabinet said the ban would stay.", "The island's cabinet", SourceKind.ORGANIZATION),
        # A magazine, a news site and a name described as a newspaper are outlets.
        ("Time magazine reported that the pope had consoled a boy.", "Time magazine", SourceKind.OUTLET),
        ("The Walla news site reported that she was safe.", "The Walla news site", SourceKind.OUTLET),
        ("Rudaw, a Kurdish news website, reported that six doctors were shot.", "Rudaw", SourceKind.OUTLET),
        ("Al Sabaah, a pro-government newspaper, reported that militants had arrived.", "Al Sabaah", SourceKind.OUTLET),
        (
            "According to the pro-government Iraqi newspaper al Sabaah, militants arrived.",
            "al Sabaah",
            SourceKind.OUTLET,
        ),
        ("Kurdish news website Rudaw reported in November that six doctors were shot.", "Rudaw", SourceKind.OUTLET),
        # An outlet in the role is not the person's kind.
        (
            '"He said paradise is open to all creatures," Rev. James Martin, a Jesuit priest and editor at large of '
            "America, the Catholic Magazine, told the Times.",
            "James Martin",
            SourceKind.PERSON,
        ),
        ("Former NBC News president Steve Capus said the tale was not true.", "Steve Capus", SourceKind.PERSON),
        # A writing in an outlet is the outlet's; a date is no issuer.
        (
            "The police will stop arrests for marijuana, according to a report Nov. 9 in the New York Times.",
            "New York Times",
            SourceKind.OUTLET,
        ),
        # A name with a preposition is no person's, whatever role the parse hangs on it.
        (
            "The attack began at dawn, said the Britain-based Syrian Observatory for Human Rights and Nawaf "
            "Khalil, a spokesman for Syria's powerful Kurdish Democratic Union Party.",
            "Syrian Observatory for Human Rights",
            SourceKind.ORGANIZATION,
        ),
        # The name the phrase is built on, not a title the entity tagger took for a name.
        ("Pentagon press secretary Rear Adm. John Kirby said the raid had failed.", "John Kirby", SourceKind.PERSON),
        # A body's name after a role is not the name of the one in the role.
        (
            "The leader of the Catholic Church has assured pet lovers that dogs go to heaven.",
            "The leader of the Catholic Church",
            SourceKind.PERSON,
        ),
        # An entity that the tagger ran on to a preposition before a place
        (
            "According to the Clinical Center of the University in Sarajevo, 31 patients were treated last year.",
            "Clinical Center of the University",
            SourceKind.ORGANIZATION,
        ),
        # A name the article gives a body is the body's wherever it appears.
        (
            "Nigeria has agreed a ceasefire with militant group Boko Haram. Boko Haram said it would free the girls.",
            "Boko Haram",
            SourceKind.ORGANIZATION,
        ),
        # A company is not the product named after it, which the entity tagger called a person.
        (
            "Research firm Strategy Analytics predicts that Apple Inc. will sell more than 15 million Apple Watches "
            "worldwide this year. Apple announced a launch event for Monday.",
            "Apple",
            SourceKind.ORGANIZATION,
        ),
        # A name in apposition to a kind of body is that body's, whatever the entity tagger says.
        ("According to risk consultancy Stratfor, the group is deeply fractured.", "Stratfor", SourceKind.ORGANIZATION),
        # A site named by its address is an outlet.
        ("Haaretz.com said the blog had reported that fighters were captured.", "Haaretz.com", SourceKind.OUTLET),
        # A name ending in a possessive that possesses nothing keeps it.
        ("Barron's reported that analysts still expect strong sales.", "Barron's", SourceKind.ORGANIZATION),
        ("The web analytics site Topsy reports the clip had 900 mentions by Monday.", "Topsy", SourceKind.ORGANIZATION),
        # ... also after a dateline the parser takes for a subject.
        (
            "MAIDUGURI, Nigeria — The leader of Boko Haram has denied agreeing to any cease-fire.",
            "The leader of Boko Haram",
            SourceKind.PERSON,
        ),
        # A name that a role describes is a person's, whatever the entity tagger calls it: in
        # apposition with "a" or "an", or in a "who" clause.
        (
            "Ansel Prasad, an economics professor at Duke, said the tariffs had complicated the talks.",
            "Ansel Prasad",
            SourceKind.PERSON,
        ),
        (
            'Job cuts will come on Friday, Okonkwo said in the email. "We are going to cut costs," added '
            "Okonkwo, who is also an executive at the bank.",
            "Okonkwo",
            SourceKind.PERSON,
        ),
        # An organization does not say "I".
        ('"I think all of us thought it was wrong," Sondergaard said.', "Sondergaard", SourceKind.PERSON),
        ('"World War I ended a century ago," Sondergaard said.', "Sondergaard", SourceKind.ORGANIZATION),
        # A body's name with a possessive in it, whole
        (
            "A man pleaded guilty to the charges, the U.S. Attorney’s Office for the Western District of Ohio "
            "announced Monday.",
            "the U.S. Attorney’s Office",
            SourceKind.ORGANIZATION,
        ),
        # A name ending on a body's word is the body's, whatever the entity tagger says.
        ("Virgin Media said the engineer had found the ring.", "Virgin Media", SourceKind.ORGANIZATION),
        # An adjective before "and" joins one name.
        (
            "The software, which the National Oceanic and Atmospheric Administration said was accurate, was cheap.",
            "National Oceanic and Atmospheric Administration",
            SourceKind.ORGANIZATION,
        ),
        # A title in capitals is no acronym of a body.
        ("The company's CEO said sales fell.", "The company's CEO", SourceKind.ANONYMOUS),
    ],
)
def test_attribute_kind_of_a_source(nlp, text: str, name: str, kind: SourceKind) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert source_named(attribution, name).kind == kind


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # A thing cannot speak: the participle is the one who stated it.
        (
            "Senator Mitch McConnell stated the trial would not be fair, saying he anticipated a partisan outcome.",
            "saying",
            "Mitch McConnell",
        ),
        # A body can: the firm cites its costs.
        ("The minister said the company had withdrawn, citing rising costs.", "citing", "the company"),
    ],
)
def test_attribute_a_participle_after_a_reported_clause(nlp, text: str, cue: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    article, attribution = attribution_of(text, nlp)
    speakers = [s.name for s in attribution.sources for st in s.statements if st.cue and article.quote(st.cue) == cue]
    assert speakers == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        (
            "Senator Ann Lee issued a statement saying the strike had been reckless.",
            "Ann Lee",
            "issued a statement saying",
            "the strike had been reckless",
        ),
        (
            'Later, the company also posted a tweet saying, "Service has been restored to all customers."',
            "the company",
            "also posted a tweet saying",
            "Service has been restored to all customers.",
        ),
        # After a quotation the parser takes the speaker for the object of "read".
        (
            'The task force spoke on Friday. "No troops were injured in the attack on the base;" read the statement.',
            "the statement",
            "read",
            "No troops were injured in the attack on the base;",
        ),
    ],
)
def test_attribute_a_writing_speaks_for_its_issuer(nlp, text: str, speaker: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    article, attribution = attribution_of(text, nlp)
    [statement] = source_named(attribution, speaker).statements
    assert statement.cue is not None
    assert (article.quote(statement.cue), article.quote(statement.content)) == (cue, content)


def test_attribute_the_statement_is_whoever_put_it_out(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Friday, the Joint Task Force released a statement saying no one was hurt in the attack.\n\n"
        '"No troops were injured in the attack on the base;" read the statement.'
    )
    article, attribution = attribution_of(text, nlp)
    assert [s.name for s in attribution.sources] == ["Joint Task Force"]
    contents = [article.quote(s.content) for s in attribution.sources[0].statements]
    assert contents == ["no one was hurt in the attack", "No troops were injured in the attack on the base;"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            'Host Maria Bartiromo asked, "You think that the director would like to indict both of them?"',
            "asked",
            "You think that the director would like to indict both of them?",
        ),
        ('"We will appeal this decision," Mayor Tom Ruiz continued.', "continued", "We will appeal this decision,"),
        ("Mayor Tom Ruiz continued to fight the ruling in court.", None, None),
    ],
)
def test_attribute_questions_and_quotes_continued(nlp, text: str, cue: str | None, content: str | None) -> None:  # type: ignore[no-untyped-def]
    article, attribution = attribution_of(text, nlp)
    found = [
        (article.quote(st.cue), article.quote(st.content)) for s in attribution.sources for st in s.statements if st.cue
    ]
    assert found == ([(cue, content)] if cue else [])


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Senator Ann Lee urged him to resign.", "him to resign"),
        ("Governor Ray Holt asked voters to support the plan.", "voters to support the plan"),
        # The one told is the addressee, apart from what was told.
        ("Senator Bo Kim told reporters not to worry.", "not to worry"),
        (
            "Local sources told the Daily Ledger the reports of his arrest were merely IS propaganda.",
            "the reports of his arrest were merely IS propaganda",
        ),
        ("Mayor Ann Lee asked residents not to leave their homes.", "residents not to leave their homes"),
        ("Mayor Ann Lee asked residents not leave their homes.", "residents not leave their homes"),
    ],
)
def test_attribute_the_one_urged_opens_what_was_urged(nlp, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    article, attribution = attribution_of(text, nlp)
    [statement] = attribution.sources[0].statements
    assert article.quote(statement.content) == content


def test_attribute_a_quotation_said_whole_ends_before_the_writers_but(nlp) -> None:  # type: ignore[no-untyped-def]
    """ "tweeted that reports suggest ..." is one statement (not a writing the outlet put out),
    and "but there was no confirmation" after the quotation is the writer's."""
    text = (
        'Following the strike, the Harbor Gazette tweeted that "reports suggest U.S. sailors held in #Yemen '
        'freed," but there was no immediate confirmation of that report or the originating source.'
    )
    article, attribution = attribution_of(text, nlp)
    found = [(article.quote(st.cue), article.quote(st.content)) for s in attribution.sources for st in s.statements]
    assert found == [("tweeted", 'that "reports suggest U.S. sailors held in #Yemen freed,"')]


def test_attribute_a_quoted_title_is_no_quotation_of_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The director wants an early release date for his movie.\n\n“Star Wars: The Force Awakens” is currently "
        "scheduled to be released on Dec. 18, 2015. Movie Pilot reports that the director wants to release it "
        "in the summer."
    )
    article, attribution = attribution_of(text, nlp)
    said = [article.quote(st.content) for st in source_named(attribution, "Movie Pilot").statements]
    assert said == ["that the director wants to release it in the summer"]


def test_attribute_a_dateline_is_no_part_of_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Border town\n\nBEIRUT — Islamic State group fighters seized at least one cache of weapons airdropped by "
        "coalition forces in a border town, activists said Tuesday."
    )
    article, attribution = attribution_of(text, nlp)
    [statement] = source_named(attribution, "activists").statements
    assert article.quote(statement.content).startswith("Islamic State group fighters seized")


def test_attribute_a_letter_received_is_not_the_recipients_words(nlp) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of("Mayor Ann Lee received a letter saying the plan had failed.", nlp)
    assert attribution.sources == ()


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "President Donald Trump spoke on Monday. Trump's statement read: \"Hamza bin Ladin, the high-ranking "
            'member, was killed in an operation."',
            ["Donald Trump"],
        ),
        # A person reading is no source.
        ("Mayor Ann Lee read that the plan had failed. She read the letter aloud.", []),
    ],
)
def test_attribute_a_writing_reads(nlp, text: str, speakers: list[str]) -> None:  # type: ignore[no-untyped-def]
    _, attribution = attribution_of(text, nlp)
    assert [s.name for s in attribution.sources] == speakers


def test_attribute_what_was_told_hung_on_whom_told_is_the_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jeff Oberholtzer, the son of the owner, told the Texas outlet The Galveston Daily News that the company "
        "sold the truck in 2013, believing the dealer would remove the decals."
    )
    sold = next(t for t in analysis_of(text, nlp).doc if t.text == "sold")
    assert sold.dep_ == "relcl"  # the premise: the parser takes what was told for a relative clause
    article, attribution = attribution_of(text, nlp)
    [told] = [
        s for s in source_named(attribution, "Jeff Oberholtzer").statements if s.cue and article.quote(s.cue) == "told"
    ]
    assert article.quote(told.content) == "that the company sold the truck in 2013"
    assert told.addressee is not None and article.quote(told.addressee) == "the Texas outlet"


def test_attribute_a_clause_on_what_was_told_is_not_what_was_told(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Mook asserted that Trump tells so many lies that Clinton could risk deviating from her own message."
    contents = said_by(text, nlp)["Trump"]
    assert "that Clinton could risk deviating from her own message" not in contents
