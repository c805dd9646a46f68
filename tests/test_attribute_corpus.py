"""Reading PolNeAR-style brat files and scoring spans, on a tiny corpus made here."""

from pathlib import Path

import pytest

from sourcebrief.attribute.corpus import Attribution, Scorer, Span, parse_brat, read_split
from sourcebrief.errors import InputError

TEXT = 'Title\n\n"We won," the mayor said. Critics, according to a poll, disagree.\n'
ANN = (
    "T1\tContent 8 15\tWe won,\n"
    "T2\tSource 17 26\tthe mayor\n"
    "T3\tCue 27 31\tsaid\n"
    "T4\tAttribution 27 31\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tContent 33 40;63 71\tCritics disagree\n"
    "T6\tCue 42 54\taccording to\n"
    "T7\tSource 55 61\ta poll\n"
    "E2\tContent:T5 Cue:T6 Source:T7\n"
)


def make_corpus(root: Path) -> None:
    for folder in ("text", "attributions"):
        (root / "data" / "dev" / folder).mkdir(parents=True)
    (root / "data" / "dev" / "text" / "a.txt").write_text(TEXT)
    (root / "data" / "dev" / "attributions" / "a_zz.ann").write_text("")
    (root / "data" / "dev" / "attributions" / "a_aa.ann").write_text(ANN)


def test_corpus_reads_one_annotator_per_article(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    [document] = read_split(tmp_path, "dev")
    assert document.name == "a" and len(document.attributions) == 2  # a_aa, not the empty a_zz
    second = document.attributions[1]
    assert [TEXT[s.start : s.end] for s in second.content] == ["Critics", "disagree"]
    assert TEXT[second.source[0].start : second.source[0].end] == "a poll"


def test_corpus_layout_is_checked(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="PolNeAR's layout"):
        read_split(tmp_path, "dev")


def test_corpus_scores_exact_partial_and_pairs(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    [document] = read_split(tmp_path, "dev")
    predicted = [
        # content with its quotation mark and comma: exact after trimming punctuation
        Attribution(source=(Span(21, 26),), cue=(Span(27, 31),), content=(Span(7, 16),)),
    ]
    scorer = Scorer()
    scorer.add(document, predicted)
    report = scorer.report()
    assert report["content"]["exact"] == {"p": 1.0, "r": round(1 / 3, 4), "f1": 0.5}
    assert report["source"]["exact"]["p"] == 0.0  # "mayor" is not "the mayor"
    assert report["source"]["partial"]["p"] == 1.0
    assert report["pair_lenient"] == {"p": 1.0, "r": 0.5, "f1": round(2 / 3, 4)}


def test_corpus_parse_brat_ignores_other_annotations() -> None:
    parsed = list(parse_brat("T1\tDiscard 0 4\tRead\n#1\tAnnotatorNotes T1\tnote\n"))
    assert parsed == []
