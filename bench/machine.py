"""What every benchmark does about the machine: one core, and a line saying what it was."""

from __future__ import annotations

import os
import platform
import sys


def pin_to_one_core() -> None:
    """Run on one core with single-threaded numeric libraries, as the targets are stated."""
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    # torch reads its thread count when first imported, and spaCy's thinc may have imported it
    # already: two threads spinning on one core made accurate mode ten times slower here.
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            return next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or "unknown CPU"


def describe() -> str:
    return f"{cpu_name()} ({platform.machine()}), pinned to 1 core, Python {platform.python_version()}"
