"""Fine-tune the claim reader on FNC-1's related pairs (agree / disagree / discuss).

    python -m sourcebrief.stories.reader_training --data ../shared/data/fnc-1 [--epochs 4] [--seed 0]

It trains on the claim-disjoint train part of the data only (datasets.claim_disjoint_split), so
that ``bench/stories.py fnc-1`` can score the shipped reader on the held-out part; the held-out
claim groups are recorded in the saved file and the benchmark checks them. Fixed seed; it runs on
the CPU, or on a GPU where torch sees one (same recipe, much faster).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from sklearn.utils.class_weight import compute_class_weight

from sourcebrief import weights
from sourcebrief.encoder import encoder_path
from sourcebrief.finetune import update, warmup_then_decay
from sourcebrief.stories.datasets import Pair, claim_disjoint_split, load_fnc
from sourcebrief.stories.embed import Embedder
from sourcebrief.stories.reader import (
    EVIDENCE_SENTENCES,
    MAX_TOKENS,
    MODEL_PATH,
    RELATED,
    ClaimReader,
    ReaderNetwork,
    evidence,
)
from sourcebrief.stories.train import TextCache, article_sentences

BATCH = 16
ENCODER_RATE = 5e-5
HEAD_RATE = 1e-3

Example = tuple[str, str, int]  # claim, evidence, label index in RELATED


@dataclass(frozen=True)
class Recipe:
    """How a reader is trained, and how much of an article it reads (recorded in its file)."""

    epochs: int = 4
    seed: int = 0
    evidence_sentences: int = EVIDENCE_SENTENCES
    max_tokens: int = MAX_TOKENS
    # Disagree is 6 % of related pairs: classes are weighted by their rarity to this power
    # (0.5, the square root, as for the feature classifier; full balancing trades more of the
    # common classes).
    class_weight_power: float = 0.5
    refuting_sentences: int = 0

    @property
    def reading(self) -> str:
        """A name for what the reader reads of an article: recipes with the same one share examples."""
        return f"{self.evidence_sentences}" + (f"+{self.refuting_sentences}r" if self.refuting_sentences else "")


def reader_examples(pairs: list[Pair], texts: TextCache, recipe: Recipe) -> list[Example]:
    """(claim, evidence, label index) for each related pair, read as ``recipe`` reads."""
    return [
        (
            p.claim,
            evidence(
                texts((p.claim,)), texts(article_sentences(p)), recipe.evidence_sentences, recipe.refuting_sentences
            ),
            RELATED.index(p.label),
        )
        for p in pairs
        if p.label in RELATED
    ]


def train_reader(examples: list[Example], recipe: Recipe, say: Callable[[str], None] = print) -> ClaimReader:
    from transformers import AutoTokenizer

    random.seed(recipe.seed)
    torch.manual_seed(recipe.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    network = ReaderNetwork.from_package().to(device)
    reader = ClaimReader(network, AutoTokenizer.from_pretrained(encoder_path()), asdict(recipe))
    labels = np.array([label for _, _, label in examples])
    balanced = compute_class_weight("balanced", classes=np.arange(len(RELATED)), y=labels)
    class_weights = torch.tensor(balanced**recipe.class_weight_power, dtype=torch.float32, device=device)
    loss_of = torch.nn.CrossEntropyLoss(weight=class_weights)
    encoder = [p for p in network.encoder.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(
        [{"params": encoder, "lr": ENCODER_RATE}, {"params": network.out.parameters(), "lr": HEAD_RATE}],
        weight_decay=0.01,
    )
    steps = recipe.epochs * -(-len(examples) // BATCH)
    schedule = warmup_then_decay(optimizer, steps)
    started = time.perf_counter()
    for epoch in range(1, recipe.epochs + 1):
        network.train()
        order = list(range(len(examples)))
        random.Random(recipe.seed + epoch).shuffle(order)
        total = 0.0
        for step, start in enumerate(range(0, len(order), BATCH), start=1):
            batch = [examples[i] for i in order[start : start + BATCH]]
            inputs = reader.encode([c for c, _, _ in batch], [e for _, e, _ in batch])
            loss = loss_of(network(*inputs), torch.tensor([label for _, _, label in batch], device=device))
            total += update(loss, optimizer, schedule, encoder)
            if step % 100 == 0:
                say(f"epoch {epoch} step {step}: loss {total / step:.4f} ({time.perf_counter() - started:.0f} s)")
    network.eval()
    return reader


def save_reader(reader: ClaimReader, path: Path, *, trained_on: str, held_out_groups: list[str]) -> None:
    header: dict[str, Any] = reader.header | {"trained_on": trained_on, "held_out_groups": held_out_groups}
    weights.save(path, {k: v.cpu() for k, v in reader.network.trained_state().items()}, header)


def main(argv: list[str] | None = None) -> None:
    defaults = Recipe()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="the FNC-1 folder (train_stances.csv, train_bodies.csv)"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help=f"where to write the reader ({MODEL_PATH.name})")
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument(
        "--evidence-sentences",
        type=int,
        default=defaults.evidence_sentences,
        help="how many of the article's sentences closest to the claim it reads, besides the first",
    )
    parser.add_argument(
        "--max-tokens", type=int, default=defaults.max_tokens, help="claim and evidence are cut to this"
    )
    parser.add_argument("--class-weight-power", type=float, default=defaults.class_weight_power)
    parser.add_argument(
        "--refuting-sentences",
        type=int,
        default=defaults.refuting_sentences,
        help="how many more of the closest sentences using a refuting word it reads",
    )
    parser.add_argument(
        "--embedding-cache",
        type=Path,
        help="an .npz of MiniLM vectors (arrays 'texts', 'vectors') computed earlier, e.g. by bench/stories.py",
    )
    args = parser.parse_args(argv)
    recipe = Recipe(
        args.epochs,
        args.seed,
        args.evidence_sentences,
        args.max_tokens,
        args.class_weight_power,
        args.refuting_sentences,
    )
    pairs, _ = load_fnc(args.data)
    train, held_out = claim_disjoint_split(pairs)
    examples = reader_examples(train, TextCache(Embedder().preload(args.embedding_cache)), recipe)
    print(f"{len(examples)} related pairs from the claim-disjoint train part ({len(train)} pairs)")
    reader = train_reader(examples, recipe)
    trained_on = f"FNC-1 train files, claim-disjoint train part: {len(examples)} related pairs"
    save_reader(reader, args.out, trained_on=trained_on, held_out_groups=held_out_groups(held_out))
    size = sum(path.stat().st_size for path in weights.files(args.out)) / 1e6
    print(f"wrote {args.out} ({size:.1f} MB in {len(weights.files(args.out))} files)")


def held_out_groups(held_out: list[Pair]) -> list[str]:
    return sorted({p.group for p in held_out})


if __name__ == "__main__":
    main()
