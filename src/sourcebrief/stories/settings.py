"""Every default of the stories stage in one place (tuned as docs/benchmarks.md records)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sourcebrief.stories.group import GroupingSettings


@dataclass(frozen=True, kw_only=True)
class StorySettings:
    grouping: GroupingSettings = field(default_factory=GroupingSettings)
    # A near-copy shares this estimated Jaccard similarity of word 5-grams with its original.
    copy_threshold: float = 0.8
    # A rewrite: this share of its sentences each paraphrase one of the original's sentences.
    rewrite_sentence_similarity: float = 0.78
    rewrite_share: float = 0.6
    # Two leads state the same claim at this MiniLM cosine or more.
    same_claim_similarity: float = 0.75
    # The opening (title and first sentences) places an article in a story.
    opening_sentences: int = 1
