"""The trained article-stance classifier: agree / disagree / discuss / unrelated toward a claim.

A scikit-learn classifier over :mod:`sourcebrief.stories.features`, trained by
``python -m sourcebrief.stories.train`` (see models/MODEL_CARD.md); the shipped weights are
small and load without a network.
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

MODEL_FILE = "article-stance.joblib"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Prediction:
    stance: ArticleStance
    confidence: float


class ArticleStanceModel:
    def __init__(self, classifier: Any, tfidf: TfidfWeights, *, trained_on: str) -> None:
        self.classifier = classifier
        self.tfidf = tfidf
        self.trained_on = trained_on

    @property
    def labels(self) -> list[ArticleStance]:
        return [ArticleStance(label) for label in self.classifier.classes_]

    def features(self, claim: Text, articles: list[Text]) -> np.ndarray:
        return np.stack([pair_features(claim, article, self.tfidf) for article in articles])

    def predict(self, claim: Text, articles: list[Text]) -> list[Prediction]:
        if not articles:
            return []
        # A story's few dozen rows: one thread is fastest, and OpenMP threads that spin-wait on a
        # busy laptop made predictions a hundred times slower.
        with threadpool_limits(limits=1):
            probabilities = self.classifier.predict_proba(self.features(claim, articles))
        labels = self.labels
        best = probabilities.argmax(axis=1)
        return [Prediction(labels[i], float(p[i])) for i, p in zip(best, probabilities, strict=True)]

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
    """The model shipped in the package, loaded once per process."""
    with resources.as_file(resources.files("sourcebrief.stories") / "models" / MODEL_FILE) as path:
        return ArticleStanceModel.load(path)
