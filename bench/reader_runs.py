"""Score several claim-reader files on FNC-1's claim-disjoint held-out part: how far runs of
one recipe differ, and, with ``--offsets``, what a shift of the class priors would change.

    .venv/bin/python bench/reader_runs.py READER.pt... [--offsets A D S] [--data DIR] [--json]

Each file must be trained on the train part of the split (``reader_training``, or
``reader_variants.py seeds``); the feature classifier is fitted on that part once, as
``bench/stories.py fnc-1`` fits it, and decides related or unrelated for every run. "raw" scores
each reader as it ships; "shifted" adds the offsets (agree, disagree, discuss) to its scores
before the softmax, as ``reader_variants.py calibrate`` chooses them on the validation split.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from sourcebrief.stories.datasets import claim_disjoint_split, load_fnc
from sourcebrief.stories.features import Text
from sourcebrief.stories.reader import ClaimReader
from stories import fitted_classifier, reader_not_trained_on, stance_scores
from stories_data import SHARED_DATA

METRICS = ("stance_macro_f1", "agree_f1", "disagree_f1", "discuss_f1", "fnc_score")


class ShiftedReader:
    """A reader whose class priors are shifted: softmax(scores + offsets) is the reader's
    probabilities times exp(offsets), normalised."""

    def __init__(self, reader: ClaimReader, offsets: list[float]) -> None:
        self.reader = reader
        self.factors = np.exp(np.array(offsets))

    def evidence(self, claim: Text, article: Text) -> str:
        return self.reader.evidence(claim, article)

    def probabilities(self, claims: list[str], evidences: list[str]) -> np.ndarray:
        shifted = self.reader.probabilities(claims, evidences) * self.factors
        normalised: np.ndarray = shifted / shifted.sum(axis=1, keepdims=True)
        return normalised


def score_runs(data: Path, readers: list[Path], offsets: list[float] | None) -> dict[str, Any]:
    train, held = claim_disjoint_split(load_fnc(data)[0])
    model, pairs = fitted_classifier(train, held)
    gold = [p.label for p in held]
    runs: dict[str, dict[str, dict[str, float]]] = {}
    for path in readers:
        reader = reader_not_trained_on(held, official=False, path=path)
        if reader is None:
            raise SystemExit(f"no claim reader at {path}")
        settings = {"raw": reader} | ({"shifted": ShiftedReader(reader, offsets)} if offsets else {})
        runs[str(path)] = {}
        for setting, variant in settings.items():
            model.reader = variant  # type: ignore[assignment]
            predicted = [str(x.stance) for x in model.classify(pairs)]
            scores = stance_scores(gold, predicted)
            runs[str(path)][setting] = {metric: round(scores[metric], 4) for metric in METRICS}
            print(f"{path} {setting}: {runs[str(path)][setting]}", flush=True)
    means = {
        setting: {metric: round(float(np.mean([r[setting][metric] for r in runs.values()])), 4) for metric in METRICS}
        for setting in next(iter(runs.values()))
    }
    return {"eval_pairs": len(held), "offsets": offsets, "runs": runs, "mean": means}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readers", type=Path, nargs="+", help="claim-reader files (claim-reader.pt)")
    parser.add_argument(
        "--offsets", type=float, nargs=3, metavar=("AGREE", "DISAGREE", "DISCUSS"), help="also score shifted priors"
    )
    parser.add_argument("--data", type=Path, default=SHARED_DATA / "fnc-1", help="the FNC-1 folder")
    parser.add_argument("--json", action="store_true", help="print one JSON object at the end")
    args = parser.parse_args()
    result = score_runs(args.data, args.readers, args.offsets)
    if args.json:
        print(json.dumps(result))
    else:
        for setting, scores in result["mean"].items():
            print(f"mean of {len(args.readers)} runs, {setting}: {scores}")


if __name__ == "__main__":
    main()
