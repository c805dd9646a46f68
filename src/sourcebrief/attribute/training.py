"""Train the attribution tagger on a corpus in PolNeAR's layout (CPU, fixed seed).

``sourcebrief train-attribution --data DIR`` runs :func:`train`: the rules and the parse give
features, MiniLM's frozen lowest layer is run once and cached, then the other layers, a BiLSTM,
the tag layer and a CRF are trained on the train split (on the tag sequences' likelihood) for a
fixed number of epochs. Dev is scored after each epoch to watch the run, never to pick an
epoch: the last epoch is saved (choosing among epochs whose dev scores differ by noise made a
rerun at slightly changed features keep another epoch). The saved (int8-packed) model is scored
again on dev: those are the scores it ships with.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from sourcebrief.analyze import Analysis, load_model
from sourcebrief.attribute import attribute
from sourcebrief.attribute.corpus import Document, Scorer, read_split
from sourcebrief.attribute.tagger import (
    FROZEN_LAYERS,
    AttributionTagger,
    Window,
    record_scores,
    rule_spans,
    save,
    token_features,
    windows,
)
from sourcebrief.encoder import encoder_path
from sourcebrief.errors import InputError
from sourcebrief.model import Article

LSTM_HIDDEN = 128
BATCH = 16


@dataclass
class Prepared:
    document: Document
    rules: dict[str, list[Any]]
    windows: list[Window]


def prepare(documents: list[Document], nlp: Language, tokenizer: Any, *, gold: bool) -> list[Prepared]:
    prepared = []
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
        article = Article(id=document.name, text=document.text)
        rules = rule_spans(attribute(Analysis(article, doc)).sources)
        pieces = windows(document.text, tokenizer, token_features(doc, rules), document.attributions if gold else ())
        prepared.append(Prepared(document, rules, pieces))
    return prepared


def _annotated_split(data: Path, split: str) -> list[Document]:
    """The split's articles, refused before hours of training when it holds no annotation: the
    saved model would replace the one in use."""
    documents = read_split(data, split)
    if not any(d.attributions for d in documents):
        articles = f"{len(documents)} article" + ("" if len(documents) == 1 else "s")
        found = f"{articles}, none with attributions" if documents else "no articles"
        raise InputError(
            f"{data / 'data' / split} holds {found}; give a corpus in PolNeAR's layout with brat .ann files"
        )
    return documents


def train(
    data: Path,
    nlp: Language | None = None,
    *,
    out: Path,
    epochs: int = 6,
    seed: int = 13,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    import torch
    from transformers import AutoTokenizer

    from sourcebrief.attribute.network import TaggerNetwork, batch_tensors
    from sourcebrief.finetune import update, warmup_then_decay

    train_documents, dev_documents = _annotated_split(data, "train"), _annotated_split(data, "dev")
    nlp = load_model() if nlp is None else nlp  # loaded only once the data is known to be usable
    random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(os.cpu_count() or 1)
    tokenizer = AutoTokenizer.from_pretrained(encoder_path())
    network_config = {"frozen_layers": FROZEN_LAYERS, "lstm_hidden": LSTM_HIDDEN}
    network = TaggerNetwork.from_encoder(encoder_path(), **network_config)
    config = network_config | {"seed": seed, "epochs": epochs}

    started = time.perf_counter()
    train_set = prepare(train_documents, nlp, tokenizer, gold=True)
    dev_set = prepare(dev_documents, nlp, tokenizer, gold=False)
    train_windows = [w for p in train_set for w in p.windows if w.ids]
    say(
        f"prepared {len(train_set)} train and {len(dev_set)} dev articles, {len(train_windows)} windows "
        f"({time.perf_counter() - started:.0f} s)"
    )

    cached = []
    network.eval()
    for i in range(0, len(train_windows), 32):
        chunk = train_windows[i : i + 32]
        ids, mask, features = batch_tensors(chunk)
        lower = network.lower_states(ids, mask).half()
        cached += [(lower[j, : len(w.ids)], w) for j, w in enumerate(chunk)]
    say(f"cached the frozen layers ({time.perf_counter() - started:.0f} s)")

    trainable = [p for p in network.parameters() if p.requires_grad]
    encoder_layers = [p for p in network.upper.parameters() if p.requires_grad]
    head = [p for n, p in network.named_parameters() if p.requires_grad and not n.startswith("upper.")]
    # The pretrained layers move gently; the new head learns fast.
    optimizer = torch.optim.AdamW(
        [{"params": encoder_layers, "lr": 5e-5}, {"params": head, "lr": 1e-3}], weight_decay=0.01
    )
    schedule = warmup_then_decay(optimizer, epochs * -(-len(cached) // BATCH))
    for epoch in range(1, epochs + 1):
        network.train()
        order = list(range(len(cached)))
        random.Random(seed + epoch).shuffle(order)
        total = 0.0
        for i in range(0, len(order), BATCH):
            batch = [cached[k] for k in order[i : i + BATCH]]
            lower, mask, features, tags = _training_batch(batch)
            logits = network(lower, mask, features)
            loss = network.loss(logits, tags, mask)
            total += update(loss, optimizer, schedule, trainable)
        network.eval()
        scores = evaluate(AttributionTagger(network, tokenizer), dev_set, nlp)
        summary = _summary(scores)
        say(
            f"epoch {epoch}: loss {total / max(1, len(order) // BATCH):.4f}; dev {summary} "
            f"({time.perf_counter() - started:.0f} s)"
        )
        # Saved every epoch, so a long run that is stopped keeps its latest weights.
        save(out, network, config, scores)
        say(f"saved {out}")
    # In float32, as it trained: the recorded scores are then the same on every machine.
    shipped = evaluate(AttributionTagger.load(out, precision="float32"), dev_set, nlp)
    record_scores(out, config, shipped)
    say(f"saved model (int8) dev: {_summary(shipped)}")
    return shipped


def _training_batch(batch: list[tuple[Any, Window]]) -> tuple[Any, Any, Any, Any]:
    import torch

    from sourcebrief.attribute.network import batch_tensors

    windows_only = [w for _, w in batch]
    _, mask, features = batch_tensors(windows_only)
    width = mask.shape[1]
    lower = torch.zeros(len(batch), width, batch[0][0].shape[-1])
    tags = torch.zeros((len(batch), width), dtype=torch.long)
    for i, (states, window) in enumerate(batch):
        lower[i, : len(window.ids)] = states.float()
        tags[i, : len(window.ids)] = torch.tensor(window.tags or [0] * len(window.ids))
    return lower, mask, features, tags


def evaluate(tagger: AttributionTagger, prepared: list[Prepared], nlp: Language) -> dict[str, Any]:
    scorer = Scorer()
    for item in prepared:
        doc = nlp(item.document.text)
        scorer.add(item.document, tagger.attributions(doc, item.rules))
    return scorer.report()


def _summary(scores: dict[str, Any]) -> str:
    exact = " / ".join(f"{scores[r]['exact']['f1']:.3f}" for r in ("source", "cue", "content"))
    return f"exact F1 source/cue/content {exact}, pair F1 {scores['pair_lenient']['f1']:.3f}"
