"""The shipped attribution tagger (accurate mode): loads offline and tags what a reader sees."""

from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

from sourcebrief import Pipeline, Settings, weights
from sourcebrief.attribute import attribute
from sourcebrief.attribute.accurate import _completed, _stray
from sourcebrief.attribute.corpus import Attribution, Span
from sourcebrief.attribute.tagger import (
    LABELS,
    MODEL_PATH,
    AttributionTagger,
    group,
    native_bfloat16,
    spans_from_tags,
    token_features,
    viterbi,
    windows,
)
from sourcebrief.attribute.training import train
from sourcebrief.errors import InputError, ModelError, ModelMissing
from sourcebrief.model import Source
from sourcebrief.settings import AttributeSettings

from .conftest import CASES
from .helpers import ROLES_BEFORE_A_NAME, analysis_of
from .test_brief import check_invariants


@pytest.fixture(scope="module")
def tagger() -> AttributionTagger:
    return AttributionTagger.load()


def test_tagger_model_ships_and_is_small() -> None:
    assert MODEL_PATH.exists(), "the trained model is part of the package"
    sizes = [path.stat().st_size for path in weights.files(MODEL_PATH)]
    assert sum(sizes) < 25_000_000
    assert max(sizes) < 5_000_000, "each file stays under the repository's file limit"


def test_tagger_tags_a_fixed_sentence(tagger: AttributionTagger, nlp: Language) -> None:
    text = "The mayor of Springfield said that the bridge would reopen in May."
    attributions = [a for a in tagger.attributions(nlp(text)) if a.cue]
    assert len(attributions) == 1
    [found] = attributions
    assert [text[s.start : s.end] for s in found.source] == ["The mayor of Springfield"]
    assert [text[s.start : s.end] for s in found.cue] == ["said"]
    assert [text[s.start : s.end] for s in found.content] == ["that the bridge would reopen in May"]


def test_pipeline_in_float32_runs_the_tagger_in_float32(nlp: Language) -> None:
    settings = Settings(attribute=AttributeSettings(mode="accurate", precision="float32"))
    tagger = Pipeline(settings, nlp=nlp).tagger
    assert tagger is not None and not tagger.bfloat16


@pytest.mark.skipif(not native_bfloat16(), reason="this processor has no bfloat16 arithmetic of its own")
def test_tagger_in_bfloat16_tags_as_in_float32(tagger: AttributionTagger, nlp: Language) -> None:
    exact = AttributionTagger.load(precision="float32")
    assert tagger.bfloat16 and not exact.bfloat16
    doc = nlp((CASES / "harbor-report.txt").read_text(encoding="utf-8"))
    assert tagger.attributions(doc) == exact.attributions(doc)


def test_tagger_scores_a_short_last_window_as_if_alone(tagger: AttributionTagger, nlp: Language) -> None:
    doc = nlp(" ".join(f"Officer {n} said the road to the port {n} would reopen on Monday." for n in range(30)))
    pieces = windows(doc.text, tagger.tokenizer, token_features(doc, {}))
    assert len(pieces) > 1 and len(pieces[-1].ids) < len(pieces[0].ids), "the fixture ends in a short window"
    together = tagger.network.emissions_for(pieces)
    alone = tagger.network.emissions_for(pieces[-1:])
    np.testing.assert_allclose(together[-1], alone[0], atol=1e-4)


def test_tagger_missing_model_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelMissing, match="train-attribution"):
        AttributionTagger.load(tmp_path / "nothing.pt")


def test_tagger_decoding_never_starts_inside_a_span() -> None:
    inside = LABELS.index("I-content")
    n = len(LABELS)
    scores = [[0.0 if t == inside else -5.0 for t in range(n)] for _ in range(3)]
    tags = viterbi(scores, ([0.0] * n, [[0.0] * n] * n, [0.0] * n))
    assert LABELS[tags[0]] != "I-content"
    spans = spans_from_tags(tags, [(0, 1), (2, 3), (4, 5)], "a b c")
    assert all(s.start < s.end for found in spans.values() for s in found)


def test_tagger_decoding_follows_the_learned_transitions() -> None:
    # Equal scores at every position: the CRF's start and tag-to-tag scores decide.
    n = len(LABELS)
    begin, inside = LABELS.index("B-content"), LABELS.index("I-content")
    start = [1.0 if t == begin else 0.0 for t in range(n)]
    between = [[1.0 if (a, b) in ((begin, inside), (inside, inside)) else 0.0 for b in range(n)] for a in range(n)]
    tags = viterbi([[0.0] * n] * 3, (start, between, [0.0] * n))
    assert [LABELS[t] for t in tags] == ["B-content", "I-content", "I-content"]


def test_tagger_model_without_its_crf_is_a_clear_error(tagger: AttributionTagger) -> None:
    older = {k: v for k, v in tagger.network.trained_state().items() if not k.startswith("crf.")}
    with pytest.raises(ModelError, match="train-attribution"):
        tagger.network.load_trained_state(older)


def test_tagger_spans_stop_at_a_line_break() -> None:
    begin, inside = LABELS.index("B-content"), LABELS.index("I-content")
    spans = spans_from_tags([begin, inside, inside], [(0, 3), (4, 7), (9, 12)], "one two\n\nsix")
    assert spans["content"] == [Span(0, 7), Span(9, 12)]


def test_tagger_spans_end_at_the_edges_of_words_not_wordpieces() -> None:
    text = "The neo-banks said so. You’ve been told."
    begin, outside = LABELS.index("B-source"), LABELS.index("O")
    cue = LABELS.index("B-cue")
    # Wordpieces "The" "neo" "-" "banks" | "You" "’" "ve": the source cut inside its word, and
    # a contraction, whose apostrophe is a boundary.
    offsets = [(0, 3), (4, 7), (7, 8), (8, 13), (23, 26), (26, 27), (27, 29)]
    spans = spans_from_tags(
        [begin, LABELS.index("I-source"), outside, outside, begin, cue, LABELS.index("I-cue")], offsets, text
    )
    assert [text[s.start : s.end] for s in spans["source"]] == ["The neo-banks", "You"]
    assert [text[s.start : s.end] for s in spans["cue"]] == ["’ve"]
    # A span that starts on a contraction's letters takes its apostrophe, not the word before.
    contraction = spans_from_tags([begin, cue], [(23, 26), (27, 29)], text)
    assert [text[s.start : s.end] for s in contraction["cue"]] == ["’ve"]


def test_tagger_accurate_pipeline_keeps_the_briefing_invariants(nlp: Language) -> None:
    pipeline = Pipeline(Settings(attribute=AttributeSettings(mode="accurate")), nlp=nlp)
    assert pipeline.mode == "accurate"
    result = pipeline.run([str(CASES / "harbor-report.txt")])
    [briefing] = result.briefings
    check_invariants(briefing)
    names = {s.name for s in briefing.sources}
    assert {"Maria Okafor", "David Reyes"} <= names


def test_tagger_accurate_pipeline_briefs_every_demo_article(nlp: Language) -> None:
    # A crash on one article is reported and skipped, so only a whole corpus shows it.
    pipeline = Pipeline(Settings(attribute=AttributeSettings(mode="accurate")), nlp=nlp)
    result = pipeline.run([str(resources.files("sourcebrief.demo") / "wikinews.jsonl")])
    assert result.problems == []
    assert len(result.briefings) == 48
    for briefing in result.briefings:
        check_invariants(briefing)


class FixedTagger:
    """Stands in for the trained tagger: returns the attributions it was given."""

    def __init__(self, found: list[Attribution]):
        self.found = found

    def attributions(self, doc, rule_spans=None):  # type: ignore[no-untyped-def]
        return self.found


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def _attribution(text: str, source: str | None, cue: str, content: str) -> Attribution:
    return Attribution((_span(text, source),) if source else (), (_span(text, cue),), (_span(text, content),))


def test_tagged_spans_group_with_the_cue_of_their_own_sentence(nlp: Language) -> None:
    # "spoke" ends its sentence and sits closer to the next sentence's content than "said" does.
    text = "On Monday the whole council spoke. Lee said that the bridge would reopen."
    spans = {
        "source": [_span(text, "the whole council"), _span(text, "Lee")],
        "cue": [_span(text, "spoke"), _span(text, "said")],
        "content": [_span(text, "that the bridge would reopen")],
    }
    grouped = {text[a.cue[0].start : a.cue[0].end]: a for a in group(spans, nlp(text))}
    assert grouped["said"].source == (_span(text, "Lee"),)
    assert grouped["said"].content == (_span(text, "that the bridge would reopen"),)
    assert grouped["spoke"].content == ()


def test_a_left_over_content_continues_an_attribution_of_its_own_paragraph_only(nlp: Language) -> None:
    # The demo's "According to the county attorney, the truck driver was ..." had taken "The
    # victims" from the paragraph above; a fragment split by the cue in the same paragraph joins.
    text = (
        "The victims were members of a club.\n\nAccording to the county attorney, the driver was held."
        ' "He was tired," the sheriff said, "and he was fast."'
    )
    spans = {
        "source": [_span(text, "the county attorney"), _span(text, "the sheriff")],
        "cue": [_span(text, "According to"), _span(text, "said")],
        "content": [
            _span(text, "The victims"),
            _span(text, "the driver was held"),
            _span(text, "He was tired,"),
            _span(text, "and he was fast."),
        ],
    }
    grouped = {text[a.cue[0].start : a.cue[0].end]: a for a in group(spans, nlp(text)) if a.cue}
    assert grouped["According to"].content == (_span(text, "the driver was held"),)
    assert set(grouped["said"].content) == {_span(text, "He was tired,"), _span(text, "and he was fast.")}


def test_a_cue_in_an_aside_takes_no_content_outside_it(nlp: Language) -> None:
    # The demo had given the BBC Bercow's quotation: "noted" is nearer to it than "commented on".
    text = (
        "Speaker John Bercow commented on the matter — which the BBC noted as an unusual move — "
        '"However it is dressed up, it is blindingly obvious."'
    )
    quotation = _span(text, "However it is dressed up, it is blindingly obvious.")
    spans = {
        "source": [_span(text, "Speaker John Bercow"), _span(text, "the BBC")],
        "cue": [_span(text, "commented on"), _span(text, "noted")],
        "content": [_span(text, "the matter"), _span(text, "as an unusual move"), quotation],
    }
    grouped = {text[a.cue[0].start : a.cue[0].end]: a for a in group(spans, nlp(text)) if a.cue}
    assert grouped["noted"].content == (_span(text, "as an unusual move"),)
    assert grouped["commented on"].content == (_span(text, "the matter"), quotation)


def test_a_tagged_fragment_from_another_sentence_is_no_statement_beside_one_from_the_cues_own(
    nlp: Language,
) -> None:
    # The demo's "Zhukovskyy pleaded not guilty | arraignment": the tagger joined a word of the
    # sentence before to the cue's content. A quotation run over two sentences stays whole.
    text = (
        "Ivan Petrov waived arraignment on Monday. He pleaded not guilty to the charges. "
        'Mayor Ana Ruiz said: "The road is closed. It will reopen in May."'
    )
    pleaded = Attribution(
        (_span(text, "He"),),
        (_span(text, "pleaded"),),
        (_span(text, "arraignment"), _span(text, "not guilty to the charges")),
    )
    said = Attribution(
        (_span(text, "Mayor Ana Ruiz"),),
        (_span(text, "said"),),
        (_span(text, "The road is closed."), _span(text, "It will reopen in May.")),
    )
    found = attribute(analysis_of(text, nlp), FixedTagger([pleaded, said]))  # type: ignore[arg-type]
    contents = {text[st.content.start : st.content.end] for s in found.sources for st in s.statements}
    assert "arraignment" not in contents
    assert {"not guilty to the charges", "The road is closed. It will reopen in May."} <= contents


def test_a_quoted_fragment_outside_the_cues_sentence_is_no_stray(nlp: Language) -> None:
    # A quotation that the parser splits at a sentence break: its first part lies outside the
    # cue's sentence, its quotation marks just outside the fragment.
    text = 'He spoke. "We will not return," Ali Noor said on Monday.'
    doc = nlp(text)
    sentence = doc.char_span(text.index("Ali"), len(text))
    quoted, inside = _span(text, "We will not return,"), _span(text, "on Monday")
    assert not _stray(text, quoted, sentence, [quoted, inside])
    assert _stray(text, _span(text, "He spoke"), sentence, [quoted, inside])


def test_a_tagged_act_in_the_passive_is_no_statement_of_its_agent(nlp: Language) -> None:
    # The demo's 'the strike, which was approved by President Donald Trump, as "defensive"' had
    # filed the Defense Department's statement under Trump.
    text = "The Pentagon defended the strike, which was approved by President Ana Ruiz, as defensive."
    approved = _attribution(text, "President Ana Ruiz", "was approved by", "as defensive")
    found = attribute(analysis_of(text, nlp), FixedTagger([approved]))  # type: ignore[arg-type]
    assert "Ana Ruiz" not in [s.name for s in found.sources]
    # Speech in the passive stays: the agent asked.
    text = "The minister was asked by the committee whether the talks had failed."
    asked = _attribution(text, "the committee", "was asked by", "whether the talks had failed")
    found = attribute(analysis_of(text, nlp), FixedTagger([asked]))  # type: ignore[arg-type]
    assert [s.name for s in found.sources] == ["the committee"]


def test_a_tagged_source_that_is_the_cues_object_is_no_speaker(nlp: Language) -> None:
    text = "The baby of gigantic size surprised doctors and staff members who were not prepared for it."
    swapped = _attribution(text, "doctors and staff members", "surprised", "The baby of gigantic size")
    found = attribute(analysis_of(text, nlp), FixedTagger([swapped]))  # type: ignore[arg-type]
    assert found.sources == ()
    # After a verb of speech, the object put after a quotation is its speaker.
    text = (
        'The task force met. "Forces are in Iraq at the invitation of the Government;" read the statement; '
        '"we will not be deterred by these attacks."'
    )
    inverted = _attribution(text, "the statement", "read", "we will not be deterred by these attacks.")
    analysis = analysis_of(text, nlp)
    found = attribute(analysis, FixedTagger([inverted]))  # type: ignore[arg-type]
    said = [analysis.article.quote(st.content) for s in found.sources for st in s.statements]
    assert "we will not be deterred by these attacks." in said


def test_a_tagged_said_to_be_has_no_speaker(nlp: Language) -> None:
    text = "People named Jong Un -- said to be a common Korean name for both men and women -- had to change it."
    tagged = _attribution(text, "People", "said", "to be a common Korean name for both men and women")
    found = attribute(analysis_of(text, nlp), FixedTagger([tagged]))  # type: ignore[arg-type]
    assert found.sources == ()


def test_tagged_source_span_is_the_cited_speaker(nlp: Language) -> None:
    text = "Gov. Mike Pence of Indiana, the Republican nominee, said the debate would go ahead."
    tagged = _attribution(text, "Gov. Mike Pence of Indiana", "said", "the debate would go ahead")
    found = attribute(analysis_of(text, nlp), FixedTagger([tagged]))  # type: ignore[arg-type]
    [statement] = [st for source in found.sources for st in source.statements]
    assert statement.speaker is not None
    assert text[statement.speaker.start : statement.speaker.end] == "Gov. Mike Pence of Indiana"
    assert text[statement.content.start : statement.content.end] == "the debate would go ahead"


def test_tagged_source_closing_with_a_person_in_apposition_is_that_person(nlp: Language) -> None:
    # The parser takes "Institute" for the head of the whole phrase.
    text = (
        "The United States' National Institute of Allergy and Infectious Disease's director, "
        'Dr. Anthony Fauci, said of the outbreak, "it is going to get worse."'
    )
    source_text = text[: text.index(", said")]
    tagged = _attribution(text, source_text, "said", "it is going to get worse.")
    found = attribute(analysis_of(text, nlp), FixedTagger([tagged]))  # type: ignore[arg-type]
    assert [source.name for source in found.sources] == ["Anthony Fauci"]


def test_tagged_cue_without_source_takes_the_parsed_subject(nlp: Language) -> None:
    # "intimated" is no cue the rules know: only the tagger finds this statement, without its source.
    text = "Two senior officials at the ministry intimated that the dam could fail."
    tagged = _attribution(text, None, "intimated", "that the dam could fail")
    found = attribute(analysis_of(text, nlp), FixedTagger([tagged]))  # type: ignore[arg-type]
    [source] = found.sources
    assert source.name == "Two senior officials at the ministry"
    [statement] = source.statements
    assert text[statement.content.start : statement.content.end] == "that the dam could fail"


def test_tagged_possessive_source_is_the_person_named_before(nlp: Language) -> None:
    text = "Mayor Tom Ruiz opened the bridge on Monday. Contrary to his claim that the budget was balanced, debt rose."
    tagged = _attribution(text, "his", "claim", "that the budget was balanced")
    found = attribute(analysis_of(text, nlp), FixedTagger([tagged]))  # type: ignore[arg-type]
    [source] = found.sources
    assert source.name == "Tom Ruiz"
    [statement] = source.statements
    assert statement.speaker is not None
    assert text[statement.speaker.start : statement.speaker.end] == "his"


def test_tagged_statement_is_a_refusal_only_when_its_cue_refuses(nlp: Language) -> None:
    text = "Smith said the plan was sound but declined to elaborate. The Pentagon declined to comment."
    said = ("Smith", "said", "the plan was sound but declined to elaborate")
    refusals = {
        source.name: [s.refusal for s in source.statements]
        for source in _sources_tagged(text, nlp, said, ("The Pentagon", "declined", "to comment"))
    }
    assert refusals == {"Smith": [False], "Pentagon": [True]}


@pytest.mark.parametrize(
    ("text", "not_said", "said"),
    [
        (  # "reportedly issued": the subject is whom the report is about; "reportedly said": who spoke
            "Defense Secretary Pete Hegseth has reportedly issued a directive. Smith reportedly said the plan failed.",
            ("Defense Secretary Pete Hegseth", "has reportedly issued", "a directive"),
            ("Smith", "reportedly said", "the plan failed"),
        ),
        (  # "It is not clear": the writer's words, with a subject of their own
            "ISIS has jets, a monitor said. It is not clear whether ISIS pilots can fly them.",
            ("ISIS", "It is not clear", "whether ISIS pilots can fly them"),
            ("a monitor", "said", "ISIS has jets"),
        ),
        (  # "may be seeking": the writer's guess at what the administration wants, not its words
            "The administration may be seeking to calm the markets. The ministry said the talks failed.",
            ("The administration", "may be seeking", "to calm the markets"),
            ("The ministry", "said", "the talks failed"),
        ),
    ],
)
def test_tagged_cue_that_reports_no_words_of_its_subject_is_no_statement(
    nlp: Language, text: str, not_said: tuple[str, str, str], said: tuple[str, str, str]
) -> None:
    assert [source.name for source in _sources_tagged(text, nlp, not_said, said)] == [said[0]]


def test_tagged_passive_addressee_is_not_the_source(nlp: Language) -> None:
    # The tagger marks "he", who was told; the minister who told him is the source.
    text = "In a meeting that day he was told by Emergencies Minister Yevgeny Zinichev of 40 people missing."
    [source] = _sources_tagged(text, nlp, ("he", "was told", "40 people missing"))
    assert source.name == "Yevgeny Zinichev"
    [statement] = source.statements
    assert statement.cue is not None and text[statement.cue.start : statement.cue.end] == "was told by"


def test_tagged_content_that_holds_its_own_speaker_is_dropped(nlp: Language) -> None:
    # Tagged without a source, "is a critic of" takes its subject, which the content names.
    text = "Alexei Navalny is an outspoken critic of the president."
    assert _sources_tagged(text, nlp, (None, "is an outspoken critic of", "Alexei Navalny")) == ()


def test_tagged_cue_gets_its_addressee_from_the_parse(nlp: Language) -> None:
    text = "A spokesperson told the Military Times the attack took place at about 7:45 p.m."
    [source] = _sources_tagged(text, nlp, ("A spokesperson", "told", "the attack took place at about 7:45 p.m"))
    [statement] = source.statements
    assert statement.addressee is not None
    assert text[statement.addressee.start : statement.addressee.end] == "the Military Times"


def test_tagged_statement_made_to_an_outlet_has_it_as_conduit(nlp: Language) -> None:
    text = "On CNN's State of the Union, national security adviser Mike Waltz denied knowledge of the directive."
    tagged = ("national security adviser Mike Waltz", "denied", "knowledge of the directive")
    [source] = _sources_tagged(text, nlp, tagged)
    assert (source.name, source.conduit) == ("Mike Waltz", "CNN")


def test_tagged_content_leaves_out_the_occasion_its_cue_was_said_on(nlp: Language) -> None:
    text = "Rep. Mike Turner expressed skepticism about the report during an appearance on Face the Nation."
    tagged = ("Rep. Mike Turner", "expressed skepticism about", "the report during an appearance on Face the Nation")
    [source] = _sources_tagged(text, nlp, tagged)
    assert [text[st.content.start : st.content.end] for st in source.statements] == ["the report"]


def test_tagged_content_runs_on_through_an_attribution_nested_in_it(nlp: Language) -> None:
    # One role a word: the inner source is tagged as the outer content, the inner cue has no source.
    text = 'Lawyers claimed Spanton first complained of theft. Trump tweeted he was unaware of it: "Wow!"'
    he, it = text.index(" he ") + 1, text.index(" it:") + 1
    tagged = [
        _attribution(text, "Lawyers", "claimed", "Spanton"),
        _attribution(text, None, "first complained of", "theft"),
        Attribution((_span(text, "Trump"),), (_span(text, "tweeted"),), (Span(he, he + 2),)),
        Attribution((), (_span(text, "was unaware of"),), (Span(it, it + 2), _span(text, '"Wow!"'))),
    ]
    sources = attribute(analysis_of(text, nlp), FixedTagger(tagged)).sources  # type: ignore[arg-type]
    said = {
        (s.name, text[t.cue.start : t.cue.end], text[t.content.start : t.content.end])
        for s in sources
        for t in s.statements
    }
    assert ("Lawyers", "claimed", "Spanton first complained of theft") in said
    text = "Reuters reported on Monday a German source, whom they did not name, said the ban is not part of a plan."
    nested = (
        ("Reuters", "reported", "a German source, whom they did not name"),
        (None, "said", "the ban is not part of a plan"),
    )
    [reuters] = [s for s in _sources_tagged(text, nlp, *nested) if s.name == "Reuters"]
    assert [text[t.content.start : t.content.end] for t in reuters.statements] == [
        "a German source, whom they did not name, said the ban is not part of a plan"
    ]
    assert {t for t in said if t[0] == "Trump"} == {
        ("Trump", "tweeted", "he was unaware of it"),
        ("Trump", "tweeted", '"Wow!"'),
    }


def test_tagged_phrase_of_another_sentence_is_no_content_but_its_quotation_is(nlp: Language) -> None:
    text = 'Roe pleaded not guilty on Tuesday. He waived arraignment. Lee said it. "We will appeal."'
    sources = _sources_tagged(
        text, nlp, ("Roe", "pleaded not guilty", "arraignment"), ("Lee", "said", '"We will appeal."')
    )
    said = [(s.name, text[t.content.start : t.content.end]) for s in sources for t in s.statements]
    assert said == [("Lee", '"We will appeal."')]


def test_tagged_phrase_of_what_was_done_before_the_cue_is_no_content(nlp: Language) -> None:
    text = (
        "In finding Pierluisi was improperly sworn in as governor, the Supreme Court also found unconstitutional "
        "a 2005 law permitting an appointee as secretary of state to succeed to the governorship."
    )
    tagged = ("the Supreme Court", "also found", "In finding Pierluisi was improperly sworn in as governor")
    contents = [text[t.content.start : t.content.end] for s in _sources_tagged(text, nlp, tagged) for t in s.statements]
    assert not any(c.startswith("In finding") for c in contents), contents


def test_tagged_content_is_whole_across_words_the_tagger_left_out(nlp: Language) -> None:
    text = "The constitution requires consent from both houses of the Legislative Assembly to confirm a candidate."
    fragments = (_span(text, "consent"), _span(text, "to confirm a candidate"))
    tagged = Attribution((_span(text, "The constitution"),), (_span(text, "requires"),), fragments)
    found = attribute(analysis_of(text, nlp), FixedTagger([tagged])).sources  # type: ignore[arg-type]
    contents = [text[t.content.start : t.content.end] for s in found for t in s.statements]
    assert contents == ["consent from both houses of the Legislative Assembly to confirm a candidate"]


def test_tagged_content_leaves_out_the_one_asked_about_it(nlp: Language) -> None:
    text = "The debate was tense. Moderator Lester Holt asked Clinton about her email scandal."
    [source] = _sources_tagged(text, nlp, ("Moderator Lester Holt", "asked", "Clinton about her email scandal"))
    [statement] = source.statements
    assert text[statement.content.start : statement.content.end] == "her email scandal"
    assert statement.addressee is not None
    assert text[statement.addressee.start : statement.addressee.end] == "Clinton"


def test_tagged_content_of_a_closing_mark_alone_is_no_statement(nlp: Language) -> None:
    text = 'Wong said: "People have learned to ignore her."\n\n"This announcement changes nothing," he added.'
    closing = text.index('her."') + 4
    tagged = Attribution((_span(text, "Wong"),), (_span(text, "said"),), (Span(closing, closing + 1),))
    found = attribute(analysis_of(text, nlp), FixedTagger([tagged]))  # type: ignore[arg-type]
    contents = [text[st.content.start : st.content.end] for source in found.sources for st in source.statements]
    assert contents == ["People have learned to ignore her.", "This announcement changes nothing,"]


def test_tagged_phrase_before_the_cue_saying_where_is_no_content(nlp: Language) -> None:
    text = "On CNN's State of the Union, adviser Mike Waltz also denied knowledge of the directive."
    where, denied = _span(text, "On CNN's State of the Union"), _span(text, "knowledge of the directive")
    tagged = Attribution((_span(text, "adviser Mike Waltz"),), (_span(text, "also denied"),), (where, denied))
    [source] = attribute(analysis_of(text, nlp), FixedTagger([tagged])).sources  # type: ignore[arg-type]
    assert [text[st.content.start : st.content.end] for st in source.statements] == ["knowledge of the directive"]


def test_tagged_title_in_a_heading_is_the_person_the_article_gives_it(nlp: Language) -> None:
    text = (
        "National Security Adviser Denies Knowledge of the Pause\n\n"
        "National security adviser Mike Waltz said the plan was never discussed."
    )
    heading = ("National Security Adviser", "Denies Knowledge of", "the Pause")
    sources = _sources_tagged(
        text, nlp, heading, ("National security adviser Mike Waltz", "said", "the plan was never discussed")
    )
    assert [(source.name, len(source.statements)) for source in sources] == [("Mike Waltz", 2)]


@pytest.mark.parametrize(
    ("text", "tagged", "content"),
    [
        (
            "Turner said its scope may be more nuanced than initially reported.",
            ("Turner", "said", "its scope may be more nuanced than"),
            "its scope may be more nuanced than initially reported",
        ),
        # A possessor leads on to its noun.
        (
            "Mayor Ann Lee confirmed its first infections on Thursday.",
            ("Mayor Ann Lee", "confirmed", "its"),
            "its first infections",
        ),
        # So does the subject of a relative clause to its verb.
        (
            "CBS noted Pelosi presided over the vote, a move whose rarity highlighted its significance.",
            ("CBS", "noted", "Pelosi presided over the vote, a move whose rarity"),
            "Pelosi presided over the vote, a move whose rarity highlighted its significance",
        ),
    ],
)
def test_tagged_content_broken_off_inside_a_phrase_runs_to_its_end(
    nlp: Language, text: str, tagged: tuple[str, str, str], content: str
) -> None:
    [source] = _sources_tagged(text, nlp, tagged)
    [statement] = source.statements
    assert text[statement.content.start : statement.content.end] == content


def test_tagged_content_ending_on_a_conjunction_that_joins_the_next_clause_ends_before_it(nlp: Language) -> None:
    text = (
        "Two Democratic Representatives, Collin Peterson and Jeff Van Drew, opposed both articles of impeachment, "
        "and a third, Jared Golden, voted for the first article but against the second."
    )
    tagged = ("Collin Peterson", "opposed", "both articles of impeachment, and")
    [source, *_] = _sources_tagged(text, nlp, tagged)
    [statement] = source.statements
    assert text[statement.content.start : statement.content.end] == "both articles of impeachment"


def test_tagged_quotation_ending_on_its_closing_comma_is_not_run_on(nlp: Language) -> None:
    # The parser hangs the last "that" on "said": run on to that verb's end, the content would
    # take in the cue and the speaker.
    text = '"A lot of people think that," said a protester.'
    content = _span(text, "A lot of people think that")
    assert _completed(analysis_of(text, nlp).doc, content) == content


def _sources_tagged(text: str, nlp: Language, *tagged: tuple[str | None, str, str]) -> tuple[Source, ...]:
    """The sources found where the tagger tags these (source, cue, content) spans."""
    attributions = [_attribution(text, *spans) for spans in tagged]
    return attribute(analysis_of(text, nlp), FixedTagger(attributions)).sources  # type: ignore[arg-type]


def test_tagged_roles_joined_before_a_name_are_that_persons(nlp: Language) -> None:
    text = ROLES_BEFORE_A_NAME
    source = "Retired FBI agent and terrorism specialist Ali Soufan"
    content = "Hamza bin Laden had appeared in Al-Qaeda videos since he was a young boy"
    found = _sources_tagged(text, nlp, (source, "told", content))
    assert [(s.name, s.role, len(s.statements)) for s in found] == [
        ("Trump", None, 1),  # the rules' refusal, which no tagged span covers
        ("Ali Soufan", "Retired agent and terrorism specialist", 1),
    ]


def test_tagged_sources_joined_each_said_it(nlp: Language) -> None:
    text = "The Investigative Committee and the Federal Security Service said the blast was caused by gas."
    source = "The Investigative Committee and the Federal Security Service"
    tagged = _attribution(text, source, "said", "the blast was caused by gas")
    found = attribute(analysis_of(text, nlp), FixedTagger([tagged]))  # type: ignore[arg-type]
    assert [(s.name, len(s.statements)) for s in found.sources] == [
        ("Investigative Committee", 1),
        ("Federal Security Service", 1),
    ]


def test_training_refuses_a_corpus_without_annotations_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_model_yet() -> None:
        raise AssertionError("the spaCy model was loaded before the data was checked")

    monkeypatch.setattr("sourcebrief.attribute.training.load_model", no_model_yet)
    for split in ("train", "dev"):
        (tmp_path / "data" / split / "text").mkdir(parents=True)
        (tmp_path / "data" / split / "attributions").mkdir()
        (tmp_path / "data" / split / "text" / "a.txt").write_text("The mayor said the bridge will close.")
        (tmp_path / "data" / split / "attributions" / "a_x.ann").write_text("garbage\n")
    out = tmp_path / "model.pt"
    with pytest.raises(InputError, match="1 article, none with attributions"):
        train(tmp_path, out=out)
    assert not out.exists()


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        # The rules read "arguing that ..." as what she "spoke out" about, and cut "promising to
        # meet"; the tagger has the words, the rules who said them.
        (
            "Hillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa, arguing that "
            "the epidemic of police killings should be recognized as intolerable.",
            "arguing",
            "that the epidemic of police killings should be recognized as intolerable",
            "Hillary Clinton",
        ),
        (
            "Mrs. Clinton has embraced Mr. Obama's approach, promising to meet and in some cases exceed his goals.",
            "promising",
            "to meet and in some cases exceed his goals",
            "Clinton",
        ),
    ],
)
def test_tagged_statement_without_source_is_said_by_the_speaker_the_rules_found(
    nlp: Language, text: str, cue: str, content: str, speaker: str
) -> None:
    [source] = _sources_tagged(text, nlp, (None, cue, content))
    assert source.name == speaker
    assert [text[s.content.start : s.content.end] for s in source.statements] == [content]


def test_tagged_statement_without_source_is_said_by_every_speaker_the_rules_joined(nlp: Language) -> None:
    text = "Senators Merkley, Brown and Menendez all suggested that those claims could be grounds for a fraud case."
    found = _sources_tagged(text, nlp, (None, "all suggested", "that those claims could be grounds for a fraud case"))
    assert [s.name for s in found] == ["Merkley", "Brown", "Menendez"]


@pytest.mark.parametrize(
    ("text", "tagged_source", "cue", "content", "mention"),
    [
        (
            'Protesters marching through the streets chanted "What curfew?" and kept going until 2 a.m.',
            "Protesters marching through the streets",
            "chanted",
            '"What curfew?"',
            "Protesters",
        ),
        (
            "Among likely voters in a four-way race, 46 percent would choose Clinton.",
            "Among likely voters in a four-way race, 46 percent",
            "would choose",
            "Clinton",
            "46 percent",
        ),
        # Only the relative clause was tagged: the parse says whose it is.
        (
            "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony on a screen, said the event "
            "brought back memories of her father.",
            "who watched the ceremony on a screen,",
            "said",
            "the event brought back memories of her father",
            "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony on a screen",
        ),
    ],
)
def test_tagged_source_running_on_into_a_clause_is_its_subject(
    nlp: Language, text: str, tagged_source: str, cue: str, content: str, mention: str
) -> None:
    [source] = _sources_tagged(text, nlp, (tagged_source, cue, content))
    [statement] = source.statements
    assert statement.speaker is not None
    assert text[statement.speaker.start : statement.speaker.end] == mention


def test_tagged_relative_pronoun_hung_on_the_wrong_clause_is_the_noun_before_it(nlp: Language) -> None:
    text = (
        "To solve this quandary, they turned to the Chicago Police Department which reported "
        "2,521 shooting incidents in the city between January 1 and September 18."
    )
    content = "2,521 shooting incidents in the city between January 1 and September 18"
    [source] = _sources_tagged(text, nlp, ("which", "reported", content))
    assert source.name == "Chicago Police Department"


def test_rule_statement_reporting_a_tagged_one_stays_beside_it(nlp: Language) -> None:
    text = "Residents there told reporters the officers claimed to be seeking a bomb."
    found = _sources_tagged(text, nlp, (None, "claimed", "to be seeking a bomb"))
    said = {(s.name, text[st.content.start : st.content.end]) for s in found for st in s.statements}
    assert ("the officers", "to be seeking a bomb") in said
    assert ("Residents there", "the officers claimed to be seeking a bomb") in said


def test_tagged_cue_leaves_out_a_colon_it_took_in(nlp: Language) -> None:
    text = 'The statement from the ministry read: "The talks have failed."'
    [source] = _sources_tagged(text, nlp, ("The statement from the ministry", "read:", '"The talks have failed."'))
    [statement] = source.statements
    assert statement.cue is not None
    assert text[statement.cue.start : statement.cue.end] == "read"


def test_unnamed_source_is_described_by_its_tagged_words_only(nlp: Language) -> None:
    # The parser reads "read in part" as describing "summary", so its phrase runs on into the cue.
    text = (
        'The summary of the decision read in part: "This Court has already concluded that the Prime '
        "Minister's advice to Her Majesty was unlawful, void and of no effect.\""
    )
    content = text[text.index('"') :]
    [source] = _sources_tagged(text, nlp, ("The summary of the decision", "read in part", content))
    assert source.name == "The summary of the decision"
