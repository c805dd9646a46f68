"""On the GPU machine: run a bench script without sourcebrief's package ``__init__`` files.

    PYTHONPATH=.gpu/site:src python3 bench/device/launch.py bench/reader_variants.py sweep ...

Those files import the whole pipeline (spaCy, trafilatura), which the machine lacks; the sweep
needs only the submodules it names, which import torch, transformers and scikit-learn.
"""

import runpy
import sys
import types

for name in ("sourcebrief", "sourcebrief.stories"):
    package = types.ModuleType(name)
    package.__path__ = ["src/" + name.replace(".", "/")]
    sys.modules[name] = package
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
