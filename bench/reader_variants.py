"""Choose the claim reader's recipe on a validation split, never on the held-out part.

    python bench/reader_variants.py export --data ../shared/data/fnc-1 --out /tmp/reader-examples.json.xz
    python bench/reader_variants.py sweep --examples /tmp/reader-examples.json.xz --out /tmp/readers

``export`` splits FNC-1's claim-disjoint train part (the part ``reader_training`` trains on) once
more by claim group into fit and validation parts, and writes every related pair's claim and
evidence for each reading window the variants use (it needs the MiniLM sentence embedder).
``sweep`` needs only torch and transformers, so it can run on a GPU machine: it trains each
variant on the fit part, scores it on the validation part, then retrains the best ``--keep``
variants on the whole train part and saves them as shipped readers. ``bench/stories.py fnc-1``
then scores a chosen one on the held-out part, once.
"""

from __future__ import annotations

import argparse
import json
import lzma
import time
from dataclasses import asdict
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
}
PARTS = ("fit", "validation", "rest")  # rest: train-part pairs whose article is in a validation story


def export(data: Path, cache: Path | None, out: Path) -> None:
    pairs, _ = load_fnc(data)
    train, held_out = claim_disjoint_split(pairs)
    fit, validation = claim_disjoint_split(train, seed=SPLIT_SEED + 1)
    used = {id(p) for p in fit + validation}
    by_part = {"fit": fit, "validation": validation, "rest": [p for p in train if id(p) not in used]}
    texts = TextCache(Embedder().preload(cache))
    windows = sorted({recipe.evidence_sentences for recipe in VARIANTS.values()})
    payload = {
        "held_out_groups": held_out_groups(held_out),
        "examples": {
            part: {str(n): reader_examples(found, texts, n) for n in windows} for part, found in by_part.items()
        },
    }
    with lzma.open(out, "wt", encoding="utf-8") as file:
        json.dump(payload, file)
    print(f"wrote {out}: " + ", ".join(f"{part} {len(payload['examples'][part]['3'])}" for part in PARTS))


def scores(reader: Any, examples: list[Example]) -> dict[str, float]:
    probabilities = reader.probabilities([c for c, _, _ in examples], [e for _, e, _ in examples])
    truth, guess = [label for _, _, label in examples], probabilities.argmax(axis=1)
    per_class = f1_score(truth, guess, labels=list(range(len(RELATED))), average=None, zero_division=0)
    found = {f"{label}_f1": round(float(f), 4) for label, f in zip(RELATED, per_class, strict=True)}
    return found | {"macro_f1": round(float(np.mean(per_class)), 4)}


def sweep(examples_file: Path, out: Path, *, only: list[str], budget_s: float, deadline_s: float, keep: int) -> None:
    with lzma.open(examples_file, "rt", encoding="utf-8") as file:
        payload = json.load(file)
    examples = payload["examples"]
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print(f"torch {torch.__version__}, device {torch.cuda.get_device_name() if torch.cuda.is_available() else 'cpu'}")
    results: dict[str, dict[str, Any]] = {}
    for name in only or list(VARIANTS):
        recipe = VARIANTS[name]
        if time.perf_counter() - started > budget_s:
            print(f"{name}: skipped, the sweep's {budget_s:.0f} s are spent")
            continue
        window = str(recipe.evidence_sentences)
        begun = time.perf_counter()
        reader = train_reader([tuple(e) for e in examples["fit"][window]], recipe, say=lambda _: None)
        found = scores(reader, [tuple(e) for e in examples["validation"][window]])
        results[name] = {"recipe": asdict(recipe), "validation": found, "seconds": round(time.perf_counter() - begun)}
        print(f"{name}: {found} ({results[name]['seconds']} s)", flush=True)
        (out / "variants.json").write_text(json.dumps(results, indent=1))
    best = sorted(results, key=lambda n: -results[n]["validation"]["macro_f1"])[:keep]
    for name in best:
        recipe = VARIANTS[name]
        window = str(recipe.evidence_sentences)
        whole = [tuple(e) for part in PARTS for e in examples[part][window]]
        expected = results[name]["seconds"] * len(whole) / len(examples["fit"][window])
        if time.perf_counter() - started + expected > deadline_s:
            print(f"{name}: not retrained, {expected:.0f} s would pass the {deadline_s:.0f} s deadline")
            continue
        reader = train_reader(whole, recipe, say=lambda _: None)
        trained_on = f"FNC-1 train files, claim-disjoint train part: {len(whole)} related pairs"
        save_reader(
            reader, out / name / "claim-reader.pt", trained_on=trained_on, held_out_groups=payload["held_out_groups"]
        )
        print(f"{name}: retrained on the whole train part ({len(whole)} pairs), saved", flush=True)


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
    args = parser.parse_args()
    if args.command == "export":
        export(args.data, args.embedding_cache, args.out)
    else:
        sweep(
            args.examples, args.out, only=args.only, budget_s=args.budget_s, deadline_s=args.deadline_s, keep=args.keep
        )


if __name__ == "__main__":
    main()
