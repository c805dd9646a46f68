"""Shared paths and a disk cache of sentence embeddings for the story benchmarks, so that
repeated runs do not embed the same texts again (the cache lives in /tmp, never in the repo)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from sourcebrief.stories.embed import Embedder

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CACHE = Path("/tmp/sourcebrief-stories-embeddings.npz")


def cached_embedder(path: Path = CACHE) -> Embedder:
    return Embedder().preload(path)


def save_cache(embedder: Embedder, path: Path = CACHE) -> None:
    texts = list(embedder.memo)
    if texts:
        np.savez(path, texts=np.array(texts), vectors=np.stack([embedder.memo[t] for t in texts]))
