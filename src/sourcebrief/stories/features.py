"""Features of a (claim, article) pair for the article-stance classifier.

Which sentences of the article speak to the claim (MiniLM cosine), how much of the claim's
wording and names they share (hashed TF-IDF, word overlap), and how they are worded: refuting
and hedging words, questions. The classifier also sees the embedding of the sentences closest to
the claim, and its product with the claim's embedding, from which it learns what agreeing,
denying and merely discussing look like.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from sourcebrief.stories.embed import Vectors
from sourcebrief.stories.text import HEDGING, REFUTING, content_words, count_in, jaccard, names, words

TOP_SENTENCES = 3
SCALAR_FEATURES = 26  # then the closest sentences' mean vector, then its product with the claim's
HASH_FEATURES = 2**16
_HASHER = HashingVectorizer(n_features=HASH_FEATURES, alternate_sign=False, norm=None, stop_words="english")


@dataclass(frozen=True)
class Text:
    """A claim, or an article as its sentences (title or headline first), with their vectors."""

    sentences: tuple[str, ...]
    vectors: Vectors  # one unit-length row per sentence


def hashed_counts(texts: list[str]) -> csr_matrix:
    return _HASHER.transform(texts)


class TfidfWeights:
    """Inverse document frequencies over hashed words: no vocabulary is stored, only numbers."""

    def __init__(self, idf: Vectors) -> None:
        self.idf = idf
        # An article is paired with many claims (and a claim with many articles): weigh each once.
        self._memo: dict[tuple[str, ...], csr_matrix] = {}

    @classmethod
    def fit(cls, documents: list[str]) -> TfidfWeights:
        counts = hashed_counts(documents)
        frequency = np.bincount(counts.indices, minlength=HASH_FEATURES)
        idf = np.log((1 + len(documents)) / (1 + frequency)) + 1
        return cls(idf.astype(np.float32))

    def vectors(self, texts: list[str]) -> csr_matrix:
        weighted = hashed_counts(texts).multiply(self.idf).tocsr()
        return normalize(weighted)

    def rows(self, sentences: tuple[str, ...]) -> csr_matrix:
        """Unit TF-IDF rows of the whole text, then of each sentence; memoised."""
        if sentences not in self._memo:
            self._memo[sentences] = self.vectors([" ".join(sentences), *sentences])
        return self._memo[sentences]


def _count_rate(texts: Sequence[str], lexicon: frozenset[str]) -> float:
    tokens = [w for t in texts for w in words(t)]
    return count_in(tokens, lexicon) / max(len(tokens), 1) * 10


def _weighted_presence(texts: Sequence[str], sims: Vectors, lexicon: frozenset[str]) -> tuple[float, float]:
    """How close to the claim the closest sentence using the lexicon is, and the share of
    sentences that use it: a denial of this claim sits in a sentence about it."""
    present = np.array([count_in(words(t), lexicon) > 0 for t in texts], dtype=np.float32)
    return float((present * sims).max()), float(present.mean())


def pair_features(claim: Text, article: Text, tfidf: TfidfWeights) -> Vectors:
    claim_text = claim.sentences[0]
    sims = article.vectors @ claim.vectors[0]
    top = np.argsort(-sims, kind="stable")[:TOP_SENTENCES]
    top_texts = [article.sentences[i] for i in top]
    centroid = article.vectors.mean(axis=0)
    centroid = centroid / (np.linalg.norm(centroid) or 1.0)
    top_vector = article.vectors[top].mean(axis=0)
    claim_row = tfidf.rows(claim.sentences)[0]
    article_rows = tfidf.rows(article.sentences)
    sparse_sims = (article_rows @ claim_row.T).toarray().ravel()
    claim_words = content_words(claim_text)
    article_words = content_words(" ".join(article.sentences))
    claim_names = names(claim_text)
    scalars = [
        float(sims.max()),
        float(sims[top].mean()),
        float(sims.mean()),
        float(sims[0]),
        float(centroid @ claim.vectors[0]),
        float(sparse_sims[0]),
        float(sparse_sims[1:].max()),
        jaccard(claim_words, article_words),
        len(claim_words & article_words) / max(len(claim_words), 1),
        len(claim_names & names(" ".join(article.sentences))) / max(len(claim_names), 1),
        _count_rate(article.sentences, REFUTING),
        _count_rate(top_texts, REFUTING),
        _count_rate(article.sentences[:1], REFUTING),
        _count_rate([claim_text], REFUTING),
        _count_rate(article.sentences, HEDGING),
        _count_rate(top_texts, HEDGING),
        _count_rate(article.sentences[:1], HEDGING),
        _count_rate([claim_text], HEDGING),
        *_weighted_presence(article.sentences, sims, REFUTING),
        *_weighted_presence(article.sentences, sims, HEDGING),
        _count_rate(article.sentences[:3], REFUTING),
        float("?" in article.sentences[0]),
        float(any("?" in t for t in top_texts)),
        float(np.log1p(len(article.sentences))),
    ]
    assert len(scalars) == SCALAR_FEATURES
    return np.concatenate([np.array(scalars, dtype=np.float32), top_vector, top_vector * claim.vectors[0]])


def evidence_sentence(claim: Text, article: Text) -> int:
    """The index of the article's sentence closest to the claim: the evidence a reader checks."""
    return int(np.argmax(article.vectors @ claim.vectors[0]))
