"""The tagger's network: MiniLM's frozen lower layers, then what we train (torch).

The CRF layer comes from pytorch-crf: trained on the tag sequence's likelihood, it learns which
tag follows which, and so where spans start and end, better than per-token scores (PolNeAR dev,
the saved tagger's exact F1 for source / cue / content: .812 / .745 / .688 with it, .799 / .734 /
.666 without).
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn
from torchcrf import CRF
from transformers import AutoModel

from sourcebrief.attribute.tagger import LABELS, Window
from sourcebrief.errors import ModelError

FEATURE_SIZES = (4, 2, 2, 2)  # rule role, in quotation, sentence start, cue word
FEATURE_DIM = 8
TRAINED = ("upper.", "features.", "lstm.", "out.", "crf.")


def _extended_mask(mask: torch.Tensor) -> torch.Tensor:
    return (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min


class TaggerNetwork(nn.Module):
    def __init__(self, encoder: Any, *, frozen_layers: int, lstm_hidden: int):
        super().__init__()
        self.embeddings = encoder.embeddings
        self.lower = nn.ModuleList(encoder.encoder.layer[:frozen_layers])
        self.upper = nn.ModuleList(encoder.encoder.layer[frozen_layers:])
        for module in (self.embeddings, self.lower):
            for parameter in module.parameters():
                parameter.requires_grad = False
        hidden = encoder.config.hidden_size
        self.features = nn.ModuleList(nn.Embedding(size, FEATURE_DIM) for size in FEATURE_SIZES)
        self.lstm = nn.LSTM(
            hidden + FEATURE_DIM * len(FEATURE_SIZES), lstm_hidden, batch_first=True, bidirectional=True
        )
        self.out = nn.Linear(2 * lstm_hidden, len(LABELS))
        self.crf = CRF(len(LABELS), batch_first=True)
        self.dropout = nn.Dropout(0.1)

    @classmethod
    def from_encoder(cls, path: str, *, frozen_layers: int, lstm_hidden: int) -> TaggerNetwork:
        encoder = AutoModel.from_pretrained(path)
        return cls(encoder, frozen_layers=frozen_layers, lstm_hidden=lstm_hidden)

    def lower_states(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The frozen part, computed once per window when training."""
        with torch.no_grad():
            hidden = self.embeddings(input_ids=ids)
            extended = _extended_mask(mask)
            for layer in self.lower:
                hidden = layer(hidden, attention_mask=extended)
        states: torch.Tensor = hidden
        return states

    def forward(self, lower: torch.Tensor, mask: torch.Tensor, features: torch.Tensor) -> torch.Tensor:
        extended = _extended_mask(mask)
        hidden = lower
        for layer in self.upper:
            hidden = layer(hidden, attention_mask=extended)
        extra = [embedding(features[..., i]) for i, embedding in enumerate(self.features)]
        combined = self.dropout(torch.cat([hidden, *extra], dim=-1))
        lengths = mask.sum(dim=1).cpu()
        packed = nn.utils.rnn.pack_padded_sequence(combined, lengths, batch_first=True, enforce_sorted=False)
        output, _ = self.lstm(packed)
        unpacked, _ = nn.utils.rnn.pad_packed_sequence(output, batch_first=True, total_length=combined.shape[1])
        logits: torch.Tensor = self.out(self.dropout(unpacked))
        return logits

    def loss(self, logits: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The CRF's negative log-likelihood of the gold tags, per token."""
        likelihood: torch.Tensor = self.crf(logits, tags, mask=mask.bool(), reduction="token_mean")
        return -likelihood

    def emissions_for(self, windows: list[Window]) -> list[list[list[float]]]:
        # Windows of one length run as one batch: an article's last, shorter window padded to the
        # others' width would cost up to a whole window of work on padding.
        by_position: dict[int, list[list[float]]] = {}
        for width in sorted({len(w.ids) for w in windows}):
            positions = [i for i, w in enumerate(windows) if len(w.ids) == width]
            ids, mask, features = batch_tensors([windows[i] for i in positions])
            logits = self(self.lower_states(ids, mask), mask, features)
            by_position.update(zip(positions, logits.tolist(), strict=True))
        return [by_position[i] for i in range(len(windows))]

    def transitions(self) -> tuple[list[float], list[list[float]], list[float]]:
        """The CRF's learned scores: start, tag-to-tag, end."""
        return (
            self.crf.start_transitions.tolist(),
            self.crf.transitions.tolist(),
            self.crf.end_transitions.tolist(),
        )

    def trained_state(self) -> dict[str, torch.Tensor]:
        """Only what training changed: the upper layers and the head, in half precision."""
        return {k: v.half() for k, v in self.state_dict().items() if k.startswith(TRAINED)}

    def load_trained_state(self, state: dict[str, torch.Tensor]) -> None:
        current = self.state_dict()
        missing = sorted(k for k in current if k.startswith(TRAINED) and k not in state)
        if missing:
            raise ModelError(
                f"the attribution model lacks {missing[0]} (made by an older sourcebrief?); "
                "retrain it with 'sourcebrief train-attribution'"
            )
        current.update({k: v.float() for k, v in state.items()})
        self.load_state_dict(current)


def batch_tensors(windows: list[Window]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    width = max(len(w.ids) for w in windows)
    ids = torch.zeros(len(windows), width, dtype=torch.long)
    mask = torch.zeros(len(windows), width, dtype=torch.long)
    features = torch.zeros(len(windows), width, len(FEATURE_SIZES), dtype=torch.long)
    for i, window in enumerate(windows):
        n = len(window.ids)
        ids[i, :n] = torch.tensor(window.ids)
        mask[i, :n] = 1
        features[i, :n] = torch.tensor(window.features)
    return ids, mask, features
