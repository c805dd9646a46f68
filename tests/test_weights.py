"""Packed weights: what is saved in parts loads back close to what was trained."""

from pathlib import Path

import torch

from sourcebrief import weights


def test_weights_round_trip_in_parts_under_the_limit(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(weights, "PART_BYTES", 40_000)
    torch.manual_seed(0)
    state = {f"layer{i}.weight": torch.randn(100, 300) for i in range(3)} | {"bias": torch.randn(7)}
    path = tmp_path / "model.pt"
    weights.save(path, state, {"config": {"size": 3}})
    assert len(weights.files(path)) == 3
    header, loaded = weights.load(path)
    assert header["config"] == {"size": 3}
    for name, value in state.items():
        # Half a rounding step, plus what the half-precision scale adds (about a tenth of one).
        step = value.abs().amax(dim=-1, keepdim=True) / 127
        assert torch.all((loaded[name] - value).abs() <= 0.6 * step)


def test_weights_saving_again_leaves_no_stale_parts(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(weights, "PART_BYTES", 40_000)
    path = tmp_path / "model.pt"
    weights.save(path, {f"w{i}": torch.ones(100, 300) for i in range(3)}, {})
    weights.save(path, {"w0": torch.ones(10, 10)}, {})
    assert weights.files(path) == [path]
    assert set(weights.load(path)[1]) == {"w0"}
