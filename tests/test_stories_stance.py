"""Article stance toward a claim: the feature classifier says related or not, the claim reader
reads related articles with the claim and picks agree, disagree or discuss."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from sourcebrief.encoder import encoder_path
from sourcebrief.stories.articlestance import ArticleStanceModel, shipped_model
from sourcebrief.stories.embed import Embedder
from sourcebrief.stories.features import Text
from sourcebrief.stories.model import ArticleStance
from sourcebrief.stories.reader import MAX_TOKENS, MODEL_PATH, ClaimReader, evidence
from sourcebrief.stories.text import sentences

CLAIM = "A spider burrowed into a tourist's stomach and up into his chest"
DEBUNKED = (
    "Spider in the chest story was a hoax, scientists say\n\n"
    "Doctors found no spider in the man's body. Scientists said the claim that a spider burrowed "
    "into his stomach was false and that no spider could survive inside a person. The hospital "
    "said the mark on his skin was a common infection."
)
CONFIRMED = (
    "Spider burrowed into tourist's stomach and chest\n\n"
    "A spider burrowed into a tourist's stomach and up into his chest during a holiday in Bali. "
    "Doctors at Perth hospital removed the spider from under the skin of his chest on Monday. "
    "The man had noticed a red trail on his stomach."
)
TOLD = (
    "Tourist says spider burrowed into his chest\n\n"
    "A tourist said a tropical spider burrowed into his stomach and up into his chest during a "
    "holiday in Bali. He told reporters he had noticed a red trail on his skin."
)
FOOTBALL = "Riverside United go top of the league\n\nRiverside United beat Northport 3-1 on Saturday."


@pytest.fixture(scope="module")
def texts() -> dict[str, Text]:
    embedder = Embedder()

    def text(raw: str) -> Text:
        found = tuple(sentences(raw))
        return Text(found, embedder(list(found)))

    raw = {"claim": CLAIM, "debunked": DEBUNKED, "confirmed": CONFIRMED, "told": TOLD, "football": FOOTBALL}
    return {name: text(value) for name, value in raw.items()}


class _Reader:
    """Reads every pair as a disagreement (to check how the two stages combine)."""

    def probabilities(self, claims: list[str], evidences: list[str]) -> np.ndarray:
        return np.tile([0.1, 0.8, 0.1], (len(claims), 1))

    def evidence(self, claim: Text, article: Text) -> str:
        return evidence(claim, article)


def test_stance_reader_only_splits_related_articles(texts: dict[str, Text]) -> None:
    model = shipped_model()
    with_reader = ArticleStanceModel(model.classifier, model.tfidf, trained_on="test", reader=_Reader())  # type: ignore[arg-type]
    [football, told] = with_reader.predict(texts["claim"], [texts["football"], texts["told"]])
    assert football.stance == ArticleStance.UNRELATED, "the first stage's unrelated call stands"
    assert told.stance == ArticleStance.DISAGREE
    assert 0 < told.confidence <= 0.8


def test_stance_evidence_keeps_the_title_and_the_closest_sentences(texts: dict[str, Text]) -> None:
    read = evidence(texts["claim"], texts["debunked"])
    assert read.startswith("Spider in the chest story was a hoax")
    assert "claim that a spider burrowed into his stomach was false" in read


def test_stance_evidence_adds_the_closest_refuting_sentences_left_out(texts: dict[str, Text]) -> None:
    claim, article = texts["claim"], texts["debunked"]
    plain, with_refuting = evidence(claim, article, 1), evidence(claim, article, 1, refuting_sentences=1)
    added = [s for s in article.sentences if s in with_refuting and s not in plain]
    assert added == ["Doctors found no spider in the man's body."], "one more sentence, and it refutes"
    assert "The hospital said" not in with_refuting, "a sentence without a refuting word stays out"
    assert evidence(claim, article, 1, refuting_sentences=0) == plain


def test_stance_reader_reads_the_window_its_file_records(texts: dict[str, Text]) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(encoder_path())
    recorded = {"evidence_sentences": 1, "max_tokens": 24, "refuting_sentences": 1}
    narrow = ClaimReader(torch.nn.Linear(1, 1), tokenizer, recorded)
    claim, article = texts["claim"], texts["debunked"]
    assert narrow.evidence(claim, article) == evidence(claim, article, 1, 1) != evidence(claim, article, 1)
    ids, _, _ = narrow.encode([CLAIM], [DEBUNKED])
    assert ids.shape[1] == 24
    older = ClaimReader(torch.nn.Linear(1, 1), tokenizer, {})  # files from before the window was recorded
    assert older.evidence(claim, article) == evidence(claim, article)
    assert older.max_tokens == MAX_TOKENS


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="the claim reader is not installed")
def test_stance_shipped_model_tells_debunking_confirming_and_relaying_apart(texts: dict[str, Text]) -> None:
    predicted = shipped_model().predict(
        texts["claim"], [texts[name] for name in ("debunked", "confirmed", "told", "football")]
    )
    # As FNC-1 labels them: an article that only relays what someone said discusses the claim.
    assert [p.stance for p in predicted] == [
        ArticleStance.DISAGREE,
        ArticleStance.AGREE,
        ArticleStance.DISCUSS,
        ArticleStance.UNRELATED,
    ]


@pytest.mark.skipif(not MODEL_PATH.exists(), reason="the claim reader is not installed")
def test_stance_reader_reads_a_copy_as_its_original(texts: dict[str, Text]) -> None:
    reader = ClaimReader.load()
    debunked, told = (reader.evidence(texts["claim"], texts[name]) for name in ("debunked", "told"))
    rows = reader.probabilities([CLAIM] * 3, [debunked, told, debunked])
    alone = reader.probabilities([CLAIM], [debunked])
    assert (rows[0] == rows[2]).all(), "a copy gets exactly its original's reading"
    np.testing.assert_allclose(rows[0], alone[0], atol=1e-5)
