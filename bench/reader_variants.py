"""Choose the claim reader's recipe on a validation split, never on the held-out part.

    python bench/reader_variants.py export --data ../shared/data/fnc-1 --out /tmp/reader-examples.json.xz
    python bench/reader_variants.py sweep --examples /tmp/reader-examples.json.xz --out /tmp/readers
    python bench/reader_variants.py seeds --examples /tmp/reader-examples.json.xz --out /tmp/seeds
    python bench/reader_variants.py calibrate --examples /tmp/reader-examples.json.xz /tmp/seeds/validation.json

``export`` splits FNC-1's claim-disjoint train part (the part ``reader_training`` trains on) once
more by claim group into fit and validation parts, and writes every related pair's claim and
evidence for each reading window the variants use (it needs the MiniLM sentence embedder).
``sweep`` needs only torch and transformers, so it can run on a GPU machine: it trains each
variant on the fit part, scores it on the validation part, then retrains the best ``--keep``
variants on the whole train part and saves them as shipped readers. ``bench/stories.py fnc-1``
then scores a chosen one on the held-out part, once. ``seeds`` trains one recipe with several
seeds: on the fit part, keeping its validation probabilities, and on the whole train part, for
``bench/reader_runs.py`` to measure how runs of the recipe differ. ``calibrate`` chooses, from
those validation probabilities, offsets that shift the reader's class priors (scored by
``reader_runs.py --offsets``).
"""

from __future__ import annotations

import argparse
import json
import lzma
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from sklearn.metrics import f1_score

from sourcebrief.stories.datasets import SPLIT_SEED, claim_disjoint_split, load_fnc
from sourcebrief.stories.embed import Embedder
from sourcebrief.stories.reader import RELATED
from sourcebrief.stories.reader_training import (
    Example,
    Recipe,
    held_out_groups,
    reader_examples,
    save_reader,
    train_reader,
)
from sourcebrief.stories.train import TextCache

# In the order they are tried: the shipped recipe first, then more epochs, longer reading,
# stronger class weights. A sweep stopped by its time budget drops the last.
VARIANTS = {
    "s3-t192-e2": Recipe(epochs=2, evidence_sentences=3, max_tokens=192),
    "s3-t192-e4": Recipe(epochs=4, evidence_sentences=3, max_tokens=192),
    "s5-t256-e3": Recipe(epochs=3, evidence_sentences=5, max_tokens=256),
    "s5-t256-e3-w1": Recipe(epochs=3, evidence_sentences=5, max_tokens=256, class_weight_power=1.0),
    "s8-t320-e3": Recipe(epochs=3, evidence_sentences=8, max_tokens=320),
    "s5-t256-e5": Recipe(epochs=5, evidence_sentences=5, max_tokens=256),
    "s3-t192-e6": Recipe(epochs=6, evidence_sentences=3, max_tokens=192),
    "s8-t320-e4-w1": Recipe(epochs=4, evidence_sentences=8, max_tokens=320, class_weight_power=1.0),
    "s3r2-t256-e4": Recipe(epochs=4, evidence_sentences=3, max_tokens=256, refuting_sentences=2),
}
PARTS = ("fit", "validation", "rest")  # rest: train-part pairs whose article is in a validation story


def export(data: Path, cache: Path | None, out: Path) -> None:
    pairs, _ = load_fnc(data)
    train, held_out = claim_disjoint_split(pairs)
    fit, validation = claim_disjoint_split(train, seed=SPLIT_SEED + 1)
    used = {id(p) for p in fit + validation}
    by_part = {"fit": fit, "validation": validation, "rest": [p for p in train if id(p) not in used]}
    texts = TextCache(Embedder().preload(cache))
    readings = {recipe.reading: recipe for recipe in VARIANTS.values()}
    payload: dict[str, Any] = {
        "held_out_groups": held_out_groups(held_out),
        "examples": {
            part: {name: reader_examples(found, texts, recipe) for name, recipe in readings.items()}
            for part, found in by_part.items()
        },
    }
    with lzma.open(out, "wt", encoding="utf-8") as file:
        json.dump(payload, file)
    print(f"wrote {out}: " + ", ".join(f"{part} {len(payload['examples'][part]['3'])}" for part in PARTS))


def scores(probabilities: np.ndarray, truth: list[int]) -> dict[str, float]:
    """F1 over the three related classes of the most probable class, row by row."""
    guess = np.asarray(probabilities).argmax(axis=1)
    per_class = f1_score(truth, guess, labels=list(range(len(RELATED))), average=None, zero_division=0)
    found = {f"{label}_f1": round(float(f), 4) for label, f in zip(RELATED, per_class, strict=True)}
    return found | {"macro_f1": round(float(np.mean(per_class)), 4)}


def _probabilities(reader: Any, examples: list[Example]) -> np.ndarray:
    probabilities: np.ndarray = reader.probabilities([c for c, _, _ in examples], [e for _, e, _ in examples])
    return probabilities


def _read_examples(examples_file: Path) -> dict[str, Any]:
    with lzma.open(examples_file, "rt", encoding="utf-8") as file:
        payload: dict[str, Any] = json.load(file)
    return payload


def _examples(payload: dict[str, Any], parts: list[str], window: str) -> list[Example]:
    return [(claim, read, label) for part in parts for claim, read, label in payload["examples"][part][window]]


def seeds(examples_file: Path, out: Path, *, variant: str, fit_seeds: list[int], whole_seeds: list[int]) -> None:
    """One recipe trained on the fit part with each of ``fit_seeds``, its validation
    probabilities written for ``calibrate``; then trained on the whole train part with each of
    ``whole_seeds`` and saved, so that the recipe's spread over runs can be measured."""
    payload = _read_examples(examples_file)
    recipe, window = VARIANTS[variant], VARIANTS[variant].reading
    fit, validation = (_examples(payload, [part], window) for part in ("fit", "validation"))
    out.mkdir(parents=True, exist_ok=True)
    found: dict[str, Any] = {"variant": variant, "labels": [label for _, _, label in validation], "probabilities": {}}
    for seed in fit_seeds:
        begun = time.perf_counter()
        reader = train_reader(fit, replace(recipe, seed=seed), say=lambda _: None)
        probabilities = _probabilities(reader, validation)
        found["probabilities"][str(seed)] = probabilities.round(5).tolist()
        (out / "validation.json").write_text(json.dumps(found))
        seconds = time.perf_counter() - begun
        print(f"seed {seed} on the fit part: {scores(probabilities, found['labels'])} ({seconds:.0f} s)", flush=True)
    for seed in whole_seeds:
        path = out / f"{variant}-seed{seed}" / "claim-reader.pt"
        _train_on_whole_part(payload, replace(recipe, seed=seed), path)
        print(f"seed {seed} on the whole train part: saved {path}", flush=True)


def _train_on_whole_part(payload: dict[str, Any], recipe: Recipe, path: Path) -> None:
    """A reader trained on the whole train part (fit, validation and the rest), saved as shipped."""
    whole = _examples(payload, list(PARTS), recipe.reading)
    reader = train_reader(whole, recipe, say=lambda _: None)
    trained_on = f"FNC-1 train files, claim-disjoint train part: {len(whole)} related pairs"
    save_reader(reader, path, trained_on=trained_on, held_out_groups=payload["held_out_groups"])


def calibrate(examples_file: Path, validation_files: list[Path]) -> None:
    """The offsets added to the reader's scores (agree fixed at 0) with the best mean validation
    macro-F1 over the runs in ``validation_files`` (written by ``seeds``). The validation pairs are
    weighted to the class shares of the whole train part: the validation split has twice the train
    part's share of disagreeing pairs, and offsets fitted to that would over-call disagreement."""
    payload = _read_examples(examples_file)
    found = [json.loads(path.read_text()) for path in validation_files]
    window = VARIANTS[found[0]["variant"]].reading
    truth = np.array([label for _, _, label in _examples(payload, ["validation"], window)])
    if any(f["labels"] != truth.tolist() for f in found):
        raise SystemExit(f"the validation files were not written from {examples_file}; run seeds with it")
    # Probabilities were stored rounded: the floor keeps their logarithms finite.
    runs = [np.log(np.clip(np.array(p), 1e-6, 1.0)) for f in found for p in f["probabilities"].values()]
    train_labels = [label for _, _, label in _examples(payload, list(PARTS), window)]
    shares = np.bincount(train_labels, minlength=len(RELATED)) / len(train_labels)
    weight = (shares / (np.bincount(truth, minlength=len(RELATED)) / len(truth)))[truth]

    def mean_macro_f1(offsets: np.ndarray) -> float:
        return float(
            np.mean(
                [f1_score(truth, (run + offsets).argmax(axis=1), average="macro", sample_weight=weight) for run in runs]
            )
        )

    grid = np.arange(-3.0, 5.01, 0.25)
    candidates = [np.array([0.0, disagree, discuss]) for disagree in grid for discuss in grid]
    best = max(candidates, key=mean_macro_f1)
    print(f"{len(runs)} runs; weighted validation macro-F1 without offsets {mean_macro_f1(np.zeros(3)):.4f}")
    print(f"best offsets {tuple(float(x) for x in best)}: {mean_macro_f1(best):.4f}")


def sweep(examples_file: Path, out: Path, *, only: list[str], budget_s: float, deadline_s: float, keep: int) -> None:
    payload = _read_examples(examples_file)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print(f"torch {torch.__version__}, device {torch.cuda.get_device_name() if torch.cuda.is_available() else 'cpu'}")
    results: dict[str, dict[str, Any]] = {}
    for name in only or list(VARIANTS):
        recipe = VARIANTS[name]
        if time.perf_counter() - started > budget_s:
            print(f"{name}: skipped, the sweep's {budget_s:.0f} s are spent")
            continue
        window = recipe.reading
        begun = time.perf_counter()
        reader = train_reader(_examples(payload, ["fit"], window), recipe, say=lambda _: None)
        validation = _examples(payload, ["validation"], window)
        probabilities = _probabilities(reader, validation)
        found = scores(probabilities, [label for _, _, label in validation])
        results[name] = {"recipe": asdict(recipe), "validation": found, "seconds": round(time.perf_counter() - begun)}
        print(f"{name}: {found} ({results[name]['seconds']} s)", flush=True)
        (out / "variants.json").write_text(json.dumps(results, indent=1))
    best = sorted(results, key=lambda n: -results[n]["validation"]["macro_f1"])[:keep]
    examples = payload["examples"]
    for name in best:
        recipe = VARIANTS[name]
        window = recipe.reading
        expected = results[name]["seconds"] * sum(len(examples[part][window]) for part in PARTS)
        expected /= len(examples["fit"][window])
        if time.perf_counter() - started + expected > deadline_s:
            print(f"{name}: not retrained, {expected:.0f} s would pass the {deadline_s:.0f} s deadline")
            continue
        _train_on_whole_part(payload, recipe, out / name / "claim-reader.pt")
        print(f"{name}: retrained on the whole train part, saved", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    exporting = commands.add_parser("export", help="write the fit / validation examples")
    exporting.add_argument("--data", type=Path, required=True, help="the FNC-1 folder")
    exporting.add_argument("--embedding-cache", type=Path, help="an .npz of MiniLM vectors (bench/stories.py's)")
    exporting.add_argument("--out", type=Path, required=True)
    sweeping = commands.add_parser("sweep", help="train and score the variants, keep the best")
    sweeping.add_argument("--examples", type=Path, required=True)
    sweeping.add_argument("--out", type=Path, required=True)
    sweeping.add_argument("--budget-s", type=float, default=float("inf"), help="start no variant after this")
    sweeping.add_argument(
        "--deadline-s", type=float, default=float("inf"), help="retrain no variant that would end after this"
    )
    sweeping.add_argument("--only", nargs="+", choices=list(VARIANTS), default=[], help="these variants alone")
    sweeping.add_argument("--keep", type=int, default=2, help="how many of the best to retrain and save")
    seeding = commands.add_parser(
        "seeds", help="one recipe, several seeds: validation probabilities, whole-part readers"
    )
    seeding.add_argument("--examples", type=Path, required=True)
    seeding.add_argument("--out", type=Path, required=True)
    seeding.add_argument("--variant", choices=list(VARIANTS), default="s3-t192-e4")
    seeding.add_argument("--fit-seeds", type=int, nargs="*", default=[0, 1, 2])
    seeding.add_argument("--whole-seeds", type=int, nargs="*", default=[])
    calibrating = commands.add_parser("calibrate", help="choose class-prior offsets from seeds' validation files")
    calibrating.add_argument("--examples", type=Path, required=True, help="the file the seeds were trained from")
    calibrating.add_argument("validation", type=Path, nargs="+", help="validation.json files written by seeds")
    args = parser.parse_args()
    if args.command == "export":
        export(args.data, args.embedding_cache, args.out)
    elif args.command == "calibrate":
        calibrate(args.examples, args.validation)
    elif args.command == "seeds":
        seeds(args.examples, args.out, variant=args.variant, fit_seeds=args.fit_seeds, whole_seeds=args.whole_seeds)
    else:
        sweep(
            args.examples, args.out, only=args.only, budget_s=args.budget_s, deadline_s=args.deadline_s, keep=args.keep
        )


if __name__ == "__main__":
    main()
