"""Trained weights as shipped in the package: weight matrices packed as int8 with one scale per
row, written in parts small enough for the repository's 5 MB file limit.

Both trained networks (the attribution tagger and the claim reader) store only what training
changed; their frozen base comes from the MiniLM package. torch has no per-row int8 format that
loads into an ordinary module, hence these few lines.

A saved model is ``path`` (a header: whatever the caller records, plus the names of the other
parts) and ``<stem>.part<N><suffix>`` beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

PART_BYTES = 4_500_000


def compact(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Weight matrices as int8 with one scale per row (a quarter of float32); small vectors in
    half precision. Rows are scaled to their own largest weight, so the rounding error is at most
    half a step of each row's range."""
    packed: dict[str, torch.Tensor] = {}
    for name, value in state.items():
        if value.dim() == 2:
            scale = value.float().abs().amax(dim=1, keepdim=True).clamp(min=1e-8) / 127
            packed[f"{name}.int8"] = torch.round(value.float() / scale).to(torch.int8)
            packed[f"{name}.scale"] = scale.half()
        else:
            packed[name] = value.half()
    return packed


def expand(packed: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    state = {k: v.float() for k, v in packed.items() if not k.endswith((".int8", ".scale"))}
    for name in (k.removesuffix(".int8") for k in packed if k.endswith(".int8")):
        state[name] = packed[f"{name}.int8"].float() * packed[f"{name}.scale"].float()
    return state


def save(path: Path, state: dict[str, torch.Tensor], header: dict[str, Any]) -> None:
    """``state`` packed, in parts of at most PART_BYTES; ``header`` is stored with the first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = _split(compact(state))
    for stale in files(path)[1:]:
        stale.unlink()
    names = [f"{path.stem}.part{number}{path.suffix}" for number in range(1, len(parts))]
    for name, part in zip(names, parts[1:], strict=True):
        torch.save(part, path.parent / name)
    torch.save(header | {"state": parts[0], "parts": names}, path)


def load(path: Path) -> tuple[dict[str, Any], dict[str, torch.Tensor]]:
    """The header and the unpacked float state of a model written by :func:`save`."""
    header = torch.load(path, map_location="cpu", weights_only=False)
    state = dict(header.pop("state"))
    for part in header.pop("parts", []):
        state.update(torch.load(path.parent / part, map_location="cpu", weights_only=True))
    return header, expand(state)


def files(path: Path) -> list[Path]:
    """The saved model's files: ``path`` and its parts."""
    return [path, *sorted(path.parent.glob(f"{path.stem}.part*{path.suffix}"))]


def _split(state: dict[str, torch.Tensor]) -> list[dict[str, torch.Tensor]]:
    parts: list[dict[str, torch.Tensor]] = [{}]
    size = 0
    for name, tensor in state.items():
        nbytes = tensor.numel() * tensor.element_size()
        if parts[-1] and size + nbytes > PART_BYTES:
            parts.append({})
            size = 0
        parts[-1][name] = tensor
        size += nbytes
    return parts
