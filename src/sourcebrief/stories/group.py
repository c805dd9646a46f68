"""Streaming story grouping: articles arrive in time order and each joins the story it is most
similar to, or starts a new one. Nothing already placed moves, so adding an article costs one
comparison per earlier article and the grouping of a prefix never changes.

Similarity of two articles mixes what their openings mean (MiniLM cosine) with the names and
figures they share, plus a bonus for being published close in time; an article's similarity to
a story is its mean similarity to the story's articles (average link), which keeps a broad story
from swallowing its neighbours.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from sourcebrief.stories.embed import Vectors


@dataclass(frozen=True, kw_only=True)
class GroupingSettings:
    threshold: float = 0.325  # an article joins a story at this similarity or more
    name_weight: float = 0.3  # share of the similarity that comes from shared names and figures
    # News comes in bursts: articles days apart are likelier one story than articles months
    # apart on the same theme. The bonus decays with the gap (exp(-days / scale)).
    time_weight: float = 0.2
    time_scale_days: float = 30.0


class StoryGrouper:
    """Places articles into stories one at a time; deterministic for a given arrival order."""

    def __init__(self, settings: GroupingSettings) -> None:
        self.settings = settings
        self._vectors: list[Vectors] = []
        self._days: list[float] = []
        self._name_counts: list[int] = []
        # Which earlier articles use each name: shared names are counted from these lists
        # instead of comparing name sets pair by pair.
        self._articles_naming: dict[str, list[int]] = defaultdict(list)
        self._story_of: list[int] = []
        self._story_sizes: list[int] = []

    def add(self, vector: Vectors, names: set[str], day: float | None = None) -> int:
        """Place one article (its unit-length opening vector, its names, its publication day as a
        number, if known); returns its story index."""
        nearest = self.nearest(vector, names, day)
        return self.join(self.new_story if nearest is None else nearest, vector, names, day)

    def nearest(self, vector: Vectors, names: set[str], day: float | None = None) -> int | None:
        """The story the article would join, or None if none is similar enough."""
        if not self._vectors:
            return None
        scores = self._similarities(vector, names, day)
        count = len(self._story_sizes)
        means = np.bincount(self._story_of, weights=scores, minlength=count) / np.array(self._story_sizes)
        best = int(np.argmax(means))  # the first of equals: deterministic
        return best if means[best] >= self.settings.threshold else None

    @property
    def new_story(self) -> int:
        """The index that :meth:`join` takes to start a story."""
        return len(self._story_sizes)

    def join(self, story: int, vector: Vectors, names: set[str], day: float | None = None) -> int:
        """Place an article in a known story (a copy goes where its original is), or start one."""
        return self._place(story, vector, names, day)

    def _place(self, story: int, vector: Vectors, names: set[str], day: float | None) -> int:
        index = len(self._vectors)
        self._vectors.append(vector)
        self._days.append(np.nan if day is None else day)
        self._name_counts.append(len(names))
        for name in names:
            self._articles_naming[name].append(index)
        if story == len(self._story_sizes):
            self._story_sizes.append(0)
        self._story_sizes[story] += 1
        self._story_of.append(story)
        return story

    def _similarities(self, vector: Vectors, names: set[str], day: float | None) -> Vectors:
        weight = self.settings.name_weight
        meaning = np.stack(self._vectors) @ vector
        shared = np.zeros(len(self._vectors))
        for name in names:
            np.add.at(shared, self._articles_naming.get(name, []), 1)
        union = np.array(self._name_counts) + len(names) - shared
        overlap = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
        similarity = (1 - weight) * meaning + weight * overlap
        if day is not None:
            gaps = np.abs(np.array(self._days) - day)
            # An undated article (NaN gap) gets no bonus.
            similarity += self.settings.time_weight * np.nan_to_num(np.exp(-gaps / self.settings.time_scale_days))
        return similarity.astype(np.float32)

    @property
    def assignments(self) -> list[int]:
        """The story index of each article, in arrival order."""
        return list(self._story_of)
