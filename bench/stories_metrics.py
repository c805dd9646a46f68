"""Scores for the story benchmarks: FNC-1's official weighted score, and pairwise and B-cubed
precision, recall and F1 of a clustering against gold groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

RELATED = ("agree", "disagree", "discuss")


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The official FNC-1 scorer as a percentage of the best possible score: 0.25 for the right
    related/unrelated call, 0.75 more for the right agree/disagree/discuss on a related pair."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 + (0.75 if g in RELATED else 0.0)
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.50
        if g in RELATED and p in RELATED:
            score += 0.25
    return 100 * score / best


def pairwise(gold: Sequence[str], predicted: Sequence[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of items placed together."""
    both = _pairs(list(zip(gold, predicted, strict=True)))
    in_gold, in_predicted = _pairs([(g, 0) for g in gold]), _pairs([(p, 0) for p in predicted])
    precision = both / in_predicted if in_predicted else 1.0
    recall = both / in_gold if in_gold else 1.0
    return precision, recall, _f1(precision, recall)


def _pairs(labels: list[tuple[object, object]]) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(labels).values())


def bcubed(gold: Sequence[str], predicted: Sequence[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998), averaged over items."""
    joint = Counter(zip(gold, predicted, strict=True))
    gold_sizes, predicted_sizes = Counter(gold), Counter(predicted)
    n = len(gold)
    precision = sum(joint[(g, p)] / predicted_sizes[p] for g, p in zip(gold, predicted, strict=True)) / n
    recall = sum(joint[(g, p)] / gold_sizes[g] for g, p in zip(gold, predicted, strict=True)) / n
    return precision, recall, _f1(precision, recall)


def clustering_scores(gold: Sequence[str], predicted: Sequence[int]) -> dict[str, float]:
    """Pairwise and B³ precision, recall and F1 under the names the --json output uses."""
    p, r, f = pairwise(gold, predicted)
    bp, br, bf = bcubed(gold, predicted)
    return {
        "pair_precision": p,
        "pair_recall": r,
        "pair_f1": f,
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "bcubed_f1": bf,
    }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
