"""What both fine-tuned networks (the attribution tagger, the claim reader) train with."""

from __future__ import annotations

import torch


def warmup_then_decay(optimizer: torch.optim.Optimizer, steps: int) -> torch.optim.lr_scheduler.LambdaLR:
    """Warm up over the first 5 % of steps, then decay linearly to zero: the usual schedule for
    fine-tuning a transformer."""
    warmup = max(1, steps // 20)
    return torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / max(1, steps - warmup)))
    )


def update(
    loss: torch.Tensor,
    optimizer: torch.optim.Optimizer,
    schedule: torch.optim.lr_scheduler.LambdaLR,
    parameters: list[torch.nn.Parameter],
) -> float:
    """One optimisation step, gradients clipped to norm 1; returns the batch's loss."""
    optimizer.zero_grad()
    loss.backward()  # type: ignore[no-untyped-call]
    torch.nn.utils.clip_grad_norm_(parameters, 1.0)
    optimizer.step()
    schedule.step()
    return float(loss.item())
