"""TF-IDF baselines for the story benchmarks, run beside our system on the same split.

Grouping: average-link clustering of TF-IDF vectors (offline, all articles at once), its
distance threshold tuned on the training claims. Stance: the claim's and the article's TF-IDF
vectors and their cosine into logistic regression (after Riedel et al. 2017's FNC-1 baseline,
with a linear model in place of their MLP).
"""

from __future__ import annotations

import time

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from sourcebrief.stories.datasets import Pair
from sourcebrief.stories.train import article_sentences
from stories_metrics import pairwise

MAX_FEATURES = 5000
DISTANCES = np.round(np.arange(0.3, 0.96, 0.025), 3)


def _clusters(vectors: csr_matrix, distance: float) -> list[int]:
    if vectors.shape[0] < 2:
        return [0] * vectors.shape[0]
    clustering = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
    )
    return [int(label) for label in clustering.fit_predict(vectors.toarray())]


def tfidf_clusters(train_texts: list[str], train_groups: list[str], eval_texts: list[str]) -> list[int]:
    """Clusters of ``eval_texts``, with the distance threshold that groups ``train_texts`` best."""
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(train_texts + eval_texts)
    train_vectors = vectorizer.transform(train_texts)
    best = max(DISTANCES, key=lambda d: pairwise(train_groups, _clusters(train_vectors, float(d)))[2])
    return _clusters(vectorizer.transform(eval_texts), float(best))


def _article(pair: Pair) -> str:
    return " ".join(article_sentences(pair))


def tfidf_stance(train: list[Pair], evaluation: list[Pair]) -> tuple[list[str], float]:
    """Predicted labels for ``evaluation``, and the seconds the predictions took (training excluded)."""
    vectorizer = TfidfVectorizer(max_features=MAX_FEATURES, stop_words="english", sublinear_tf=True)
    vectorizer.fit([p.claim for p in train] + [_article(p) for p in train])

    def features(pairs: list[Pair]) -> csr_matrix:
        claims = vectorizer.transform([p.claim for p in pairs])
        articles = vectorizer.transform([_article(p) for p in pairs])
        cosine = csr_matrix(np.asarray(claims.multiply(articles).sum(axis=1)))
        return hstack([claims, articles, cosine]).tocsr()

    classifier = LogisticRegression(max_iter=2000, C=10.0)
    classifier.fit(features(train), [p.label for p in train])
    started = time.perf_counter()
    predicted = [str(label) for label in classifier.predict(features(evaluation))]
    return predicted, time.perf_counter() - started
