"""Fine-tune the claim reader on FNC-1's related pairs (agree / disagree / discuss).

    python -m sourcebrief.stories.reader_training --data ../shared/data/fnc-1 [--epochs 2] [--seed 0]

It trains on the claim-disjoint train part of the data only (datasets.claim_disjoint_split), so
that ``bench/stories.py fnc-1`` can score the shipped reader on the held-out part; the held-out
claim groups are recorded in the saved file and the benchmark checks them. CPU, fixed seed.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
from sklearn.utils.class_weight import compute_class_weight

from sourcebrief import weights
from sourcebrief.encoder import encoder_path
from sourcebrief.finetune import update, warmup_then_decay
from sourcebrief.stories.datasets import Pair, claim_disjoint_split, load_fnc
from sourcebrief.stories.embed import Embedder
from sourcebrief.stories.reader import MODEL_PATH, RELATED, ClaimReader, ReaderNetwork, evidence
from sourcebrief.stories.train import TextCache, article_sentences

BATCH = 16
ENCODER_RATE = 5e-5
HEAD_RATE = 1e-3
# Disagree is 6 % of related pairs: classes are weighted by the square root of their rarity, as
# for the feature classifier (full balancing trades too much of the common classes).
CLASS_WEIGHT_POWER = 0.5


def reader_examples(pairs: list[Pair], texts: TextCache) -> list[tuple[str, str, int]]:
    """(claim, evidence, label index) for each related pair."""
    return [
        (p.claim, evidence(texts((p.claim,)), texts(article_sentences(p))), RELATED.index(p.label))
        for p in pairs
        if p.label in RELATED
    ]


def train_reader(
    examples: list[tuple[str, str, int]], *, epochs: int, seed: int, say: Callable[[str], None] = print
) -> ReaderNetwork:
    from transformers import AutoTokenizer

    random.seed(seed)
    torch.manual_seed(seed)
    network = ReaderNetwork.from_package()
    reader = ClaimReader(network, AutoTokenizer.from_pretrained(encoder_path()), {})
    labels = np.array([label for _, _, label in examples])
    class_weights = compute_class_weight("balanced", classes=np.arange(len(RELATED)), y=labels) ** CLASS_WEIGHT_POWER
    loss_of = torch.nn.CrossEntropyLoss(weight=torch.tensor(class_weights, dtype=torch.float32))
    encoder = [p for p in network.encoder.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(
        [{"params": encoder, "lr": ENCODER_RATE}, {"params": network.out.parameters(), "lr": HEAD_RATE}],
        weight_decay=0.01,
    )
    steps = epochs * -(-len(examples) // BATCH)
    schedule = warmup_then_decay(optimizer, steps)
    started = time.perf_counter()
    for epoch in range(1, epochs + 1):
        network.train()
        order = list(range(len(examples)))
        random.Random(seed + epoch).shuffle(order)
        total = 0.0
        for step, start in enumerate(range(0, len(order), BATCH), start=1):
            batch = [examples[i] for i in order[start : start + BATCH]]
            encoded = reader.encode([c for c, _, _ in batch], [e for _, e, _ in batch])
            logits = network(encoded["input_ids"], encoded["attention_mask"], encoded["token_type_ids"])
            loss = loss_of(logits, torch.tensor([label for _, _, label in batch]))
            total += update(loss, optimizer, schedule, encoder)
            if step % 100 == 0:
                say(f"epoch {epoch} step {step}: loss {total / step:.4f} ({time.perf_counter() - started:.0f} s)")
    return network.eval()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, required=True, help="the FNC-1 folder (train_stances.csv, train_bodies.csv)"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help=f"where to write the reader ({MODEL_PATH.name})")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--embedding-cache",
        type=Path,
        help="an .npz of MiniLM vectors (arrays 'texts', 'vectors') computed earlier, e.g. by bench/stories.py",
    )
    args = parser.parse_args(argv)
    pairs, _ = load_fnc(args.data)
    train, held_out = claim_disjoint_split(pairs)
    embedder = Embedder()
    if args.embedding_cache and args.embedding_cache.exists():
        with np.load(args.embedding_cache, allow_pickle=False) as cached:
            embedder.preload(dict(zip(cached["texts"].tolist(), cached["vectors"], strict=True)))
    examples = reader_examples(train, TextCache(embedder))
    print(f"{len(examples)} related pairs from the claim-disjoint train part ({len(train)} pairs)")
    network = train_reader(examples, epochs=args.epochs, seed=args.seed)
    header = {
        "trained_on": f"FNC-1 train files, claim-disjoint train part: {len(examples)} related pairs",
        "held_out_groups": sorted({p.group for p in held_out}),
        "epochs": args.epochs,
        "seed": args.seed,
    }
    weights.save(args.out, network.trained_state(), header)
    size = sum(path.stat().st_size for path in weights.files(args.out)) / 1e6
    print(f"wrote {args.out} ({size:.1f} MB in {len(weights.files(args.out))} files)")


if __name__ == "__main__":
    main()
