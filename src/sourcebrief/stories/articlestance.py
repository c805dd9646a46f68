"""The trained article-stance classifier: agree / disagree / discuss / unrelated toward a claim.

Two stages. A scikit-learn classifier over :mod:`sourcebrief.stories.features`, trained by
``python -m sourcebrief.stories.train``, tells related articles from unrelated ones (and gives
all four probabilities); where the claim reader (:mod:`sourcebrief.stories.reader`) is installed,
it then reads each related article with the claim and decides between agree, disagree and
discuss. See models/MODEL_CARD.md; the shipped weights load without a network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from threadpoolctl import threadpool_limits

from sourcebrief.errors import ModelError
from sourcebrief.stories.features import Text, TfidfWeights, pair_features
from sourcebrief.stories.model import ArticleStance
from sourcebrief.stories.reader import MODEL_PATH as READER_PATH
from sourcebrief.stories.reader import RELATED, ClaimReader

MODEL_FILE = "article-stance.joblib"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Prediction:
    stance: ArticleStance
    confidence: float


class ArticleStanceModel:
    def __init__(
        self, classifier: Any, tfidf: TfidfWeights, *, trained_on: str, reader: ClaimReader | None = None
    ) -> None:
        self.classifier = classifier
        self.tfidf = tfidf
        self.trained_on = trained_on
        self.reader = reader

    @property
    def labels(self) -> list[ArticleStance]:
        return [ArticleStance(label) for label in self.classifier.classes_]

    def features(self, claim: Text, articles: list[Text]) -> np.ndarray:
        return np.stack([pair_features(claim, article, self.tfidf) for article in articles])

    def predict(self, claim: Text, articles: list[Text]) -> list[Prediction]:
        return self.classify([(claim, article) for article in articles])

    def classify(self, pairs: list[tuple[Text, Text]]) -> list[Prediction]:
        """The stance of each (claim, article) pair."""
        if not pairs:
            return []
        probabilities = self._first_stage(pairs)
        labels = self.labels
        related = [i for i, row in enumerate(probabilities) if labels[row.argmax()] != ArticleStance.UNRELATED]
        if self.reader is not None and related:
            probabilities = self._read(pairs, probabilities, related)
        decision = probabilities.copy()
        if ArticleStance.UNRELATED in labels:
            # The first stage's related-or-not call stands; the second only picks among the three.
            decision[related, labels.index(ArticleStance.UNRELATED)] = -1.0
        best = decision.argmax(axis=1)
        return [Prediction(labels[i], float(p[i])) for i, p in zip(best, probabilities, strict=True)]

    def about_none_of(self, claims: list[Text], article: Text) -> bool:
        """Whether the first stage calls the article unrelated to every one of the claims (the
        reader, which only tells related stances apart, is not needed)."""
        if not claims or ArticleStance.UNRELATED not in self.labels:
            return False
        unrelated = self.labels.index(ArticleStance.UNRELATED)
        return all(row.argmax() == unrelated for row in self._first_stage([(c, article) for c in claims]))

    def _first_stage(self, pairs: list[tuple[Text, Text]]) -> np.ndarray:
        features = np.stack([pair_features(claim, article, self.tfidf) for claim, article in pairs])
        # A story's few dozen rows: one thread is fastest, and OpenMP threads that spin-wait on a
        # busy laptop made predictions a hundred times slower.
        with threadpool_limits(limits=1):
            return np.asarray(self.classifier.predict_proba(features))

    def _read(self, pairs: list[tuple[Text, Text]], probabilities: np.ndarray, related: list[int]) -> np.ndarray:
        """The related share of each related row's probability, split as the reader reads it."""
        assert self.reader is not None
        labels = self.labels
        read = self.reader.probabilities(
            [pairs[i][0].sentences[0] for i in related], [self.reader.evidence(*pairs[i]) for i in related]
        )
        columns = [labels.index(ArticleStance(label)) for label in RELATED]
        unrelated = labels.index(ArticleStance.UNRELATED) if ArticleStance.UNRELATED in labels else None
        result = probabilities.copy()
        for row, i in zip(read, related, strict=True):
            share = 1.0 - (probabilities[i, unrelated] if unrelated is not None else 0.0)
            result[i, columns] = share * row
        return result

    def save(self, path: Path) -> None:
        payload = {
            "format": FORMAT_VERSION,
            "classifier": self.classifier,
            "idf": self.tfidf.idf,
            "trained_on": self.trained_on,
        }
        joblib.dump(payload, path, compress=3)

    @classmethod
    def load(cls, path: Path) -> ArticleStanceModel:
        try:
            payload = joblib.load(path)
        except (OSError, EOFError, ValueError) as error:
            raise ModelError(f"cannot load the article-stance model {path}: {error}") from error
        if payload.get("format") != FORMAT_VERSION:
            raise ModelError(f"{path} is not an article-stance model of format {FORMAT_VERSION}; retrain it")
        return cls(payload["classifier"], TfidfWeights(payload["idf"]), trained_on=payload["trained_on"])


@cache
def shipped_model() -> ArticleStanceModel:
    """The model shipped in the package, with the claim reader where it is installed; loaded
    once per process."""
    with resources.as_file(resources.files("sourcebrief.stories") / "models" / MODEL_FILE) as path:
        model = ArticleStanceModel.load(path)
    if READER_PATH.exists():
        model.reader = ClaimReader.load(READER_PATH)
    return model
