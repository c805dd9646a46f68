"""Copies and rewrites: which articles only republish an earlier one.

Near-verbatim copies (a wire story on forty sites) share most of their word 5-grams; MinHash
with locality-sensitive hashing (datasketch) finds them among all earlier articles without
comparing every pair. Rewrites (a content farm's paraphrase) share few 5-grams, but most of their
sentences say what one earlier article's sentences say: sentence embeddings find those.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from sourcebrief.stories.embed import Vectors
from sourcebrief.stories.text import shingles

MINHASH_PERMUTATIONS = 128
MINHASH_SEED = 1  # fixed: the same articles always give the same signatures


@dataclass(frozen=True)
class Match:
    original: str
    similarity: float


class CopyDetector:
    """Streaming near-copy detection: ``add`` each article as it arrives; a copy is linked to the
    root original (a copy of a copy points at the first article)."""

    def __init__(self, threshold: float) -> None:
        self._threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=MINHASH_PERMUTATIONS)
        self._signatures: dict[str, MinHash] = {}
        self._arrival: dict[str, int] = {}
        self._root: dict[str, str] = {}

    def add(self, article_id: str, text: str) -> Match | None:
        signature = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED)
        signature.update_batch([s.encode("utf-8") for s in shingles(text)])
        candidates = [(signature.jaccard(self._signatures[c]), c) for c in self._lsh.query(signature)]
        close = [(score, c) for score, c in candidates if score >= self._threshold]
        match = None
        if close:
            # The most similar earlier article; ties go to the earliest, so the result is deterministic.
            score, nearest = max(close, key=lambda sc: (sc[0], -self._arrival[sc[1]]))
            match = Match(self._root[nearest], score)
        self._root[article_id] = match.original if match else article_id
        self._arrival[article_id] = len(self._arrival)
        self._signatures[article_id] = signature
        self._lsh.insert(article_id, signature)
        return match


def rewrite_of(
    sentences: Vectors, earlier: list[tuple[str, Vectors]], *, sentence_similarity: float, share: float
) -> Match | None:
    """The earlier article that ``sentences`` mostly paraphrase: the share of the new article's
    sentences that have a counterpart at ``sentence_similarity`` or more, when it reaches ``share``.
    A follow-up article repeats a line or two of background; a rewrite repeats nearly all."""
    best: Match | None = None
    if len(sentences) == 0:
        return None
    for article_id, vectors in earlier:
        if len(vectors) == 0:
            continue
        matched = float(np.mean((sentences @ vectors.T).max(axis=1) >= sentence_similarity))
        if matched >= share and (best is None or matched > best.similarity):
            best = Match(article_id, matched)
    return best
